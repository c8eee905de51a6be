"""MkDocs hooks: the same checks as `make check`, a generated page per bron, exports, titles and tags from data."""

from __future__ import annotations

import datetime as dt
import html
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# MkDocs loads this file as a loose module; make the `macros` package importable from the project root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from macros.checks import page_findings
from macros.export import export_files
from macros.site import index_for, settings_for

BRON_PAGE = '{{{{ bron_pagina("{id}") }}}}\n'
log = logging.getLogger("mkdocs.hooks.beleid")


class SiteHooks:
    """Holds the index of the build in progress between the files and page events."""

    def __init__(self):
        self.index = None

    def on_files(self, files, config):
        """Run the editors' checks; add a generated page per bron and the JSON exports."""
        self.index = index_for(config)
        findings = page_findings(settings_for(config), self.index, dt.date.today())
        errors = [str(finding) for finding in findings if finding.severity == "error"]
        for warning in (finding for finding in findings if finding.severity == "warning"):
            log.info(str(warning))  # editorial warnings inform; only errors fail the build
        if errors:
            raise PluginError("De pagina's bevatten fouten:\n" + "\n".join(errors))
        for bron in self.index.bronnen_sorted:
            source = self.index.pages.source_of("bron", bron.id)
            files.append(File.generated(config, source, content=BRON_PAGE.format(id=bron.id)))
        for path, content in export_files(self.index).items():
            files.append(File.generated(config, path, content=content))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        """Give note and bron pages their title and tags (onderwerpen) from the data, so both are written once."""
        record = self.index.record_at(page.file.src_uri)
        if record is not None:
            title = getattr(record, "korte_naam", "") or record.titel
            page.meta["title"] = html.escape(title, quote=False)  # MkDocs and Material treat titles as HTML
            page.meta["tags"] = [self.index.get("onderwerp", onderwerp).naam for onderwerp in record.onderwerpen]
        return markdown


_hooks = SiteHooks()
on_files = _hooks.on_files
on_page_markdown = _hooks.on_page_markdown
