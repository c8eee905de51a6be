"""What Material shows about a page's sources: its edit links (Material's button to the page, or to the data file for
a page generated from the data; for a note, a second one to its data file) and the date it last changed, from git.

The public build links to no forge: the repository is on the intranet, and a reader of the public site edits nothing.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from macros.content.revisions import changed_on, dutch_date, is_shallow, last_changes
from macros.content.settings import is_public
from macros.rendering.page_origins import page_origins

log = logging.getLogger("mkdocs.hooks.beleid")


class PageFacts:
    """One build's last changes of the project's files, and the edit links and dates of its pages."""

    def __init__(self, config, index):
        self.project = Path(config.config_file_path).parent
        self.docs = Path(os.path.relpath(config.docs_dir, self.project)).as_posix()
        self.index = index
        self.changes = last_changes(self.project)
        if not self.changes:
            log.info("geen git-geschiedenis gevonden: de pagina's tonen niet wanneer ze zijn gewijzigd")
        elif is_shallow(self.project):
            log.info("een ondiepe git-kloon: de oudste wijzigingsdatums zijn die van de oudste aanwezige commit "
                     "(haal de hele geschiedenis op: git fetch --unshallow)")
        edit_base = urljoin(config.repo_url or "", config.edit_uri or "") if config.edit_uri else None
        self.public = is_public(config.extra)
        self.edit_base = None if self.public or not edit_base else edit_base

    def origins(self, source: str) -> tuple[str, ...]:
        return page_origins(self.index, source, self.docs)

    def changed(self, source: str) -> str:
        """The date the page at `source` last changed, as the site writes it ("" when git does not know)."""
        day = changed_on(self.changes, self.origins(source))
        return dutch_date(day) if day else ""

    def edit_url(self, path: str) -> str | None:
        """The forge's edit URL of the project-relative `path` (the docs folder's edit URL is MkDocs' `edit_uri`)."""
        if self.edit_base is None:
            return None
        return urljoin(self.edit_base, os.path.relpath(path, self.docs).replace(os.sep, "/"))

    def on_page_context(self, context, page):
        """Set the page's edit links and date for the templates (overrides/partials/actions.html, source-file.html).
        A page withheld from the public build shows there only its title and the notice: not when it changed."""
        context["voetregel"] = not (self.public and page.meta.get("openbaar") is False)
        origins = self.origins(page.file.src_uri)
        page.edit_url = self.edit_url(origins[0]) if origins else None
        context["bewerk_gegevens"] = self.edit_url(origins[1]) if len(origins) > 1 else None
        day = changed_on(self.changes, origins)
        context["gewijzigd"] = (day.isoformat(), dutch_date(day)) if day else None
        return context
