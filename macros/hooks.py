"""MkDocs hooks: a generated page per bron, tags from the data, and a check that every note has its page."""

from __future__ import annotations

import html
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# MkDocs loads this file as a loose module; make the `macros` package importable from the project root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from macros.export import export_files
from macros.site import index_for

BRON_PAGE = '{{{{ bron_pagina("{id}") }}}}\n'


def on_files(files, config):
    """Check the pages the content needs; add a generated page per bron and the JSON exports."""
    index = index_for(config)
    needed = index.pages.fixed_pages() + [index.pages.source_of("nota", nota.referentie)
                                          for nota in index.notas_newest_first]
    missing = [source for source in needed if files.get_file_from_path(source) is None]
    if missing:
        raise PluginError("\n".join(f"docs/{source}:1:1: error: deze pagina ontbreekt (maak haar aan; "
                                    f"voor een nota: make nota REF=<referentie>)" for source in missing))
    for bron in index.bronnen_sorted:
        source = index.pages.source_of("bron", bron.id)
        files.append(File.generated(config, source, content=BRON_PAGE.format(id=bron.id)))
    for path, content in export_files(index).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    """Give note and bron pages their title and tags (onderwerpen) from the data, so both are written once."""
    index = index_for(config)
    record = index.record_at(page.file.src_uri)
    if record is not None:
        title = getattr(record, "korte_naam", "") or record.titel
        page.meta["title"] = html.escape(title, quote=False)  # MkDocs and Material treat page titles as HTML
        page.meta["tags"] = [index.get("onderwerp", onderwerp).naam for onderwerp in record.onderwerpen]
    return markdown
