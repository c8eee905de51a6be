"""One build's state, made once per build from MkDocs' config and owned by the hooks (macros/hooks.py): the
settings, the content and its index, the page macros and the checks' findings."""

from __future__ import annotations

import datetime as dt

from macros import page_errors  # noqa: F401  (registers the error messages for macro calls)
from macros.anchors import Conversions
from macros.changes import read_exports
from macros.checks import run_checks
from macros.dependencies import ReadingIndex
from macros.errors import ContentError, Finding
from macros.export import ExportTexts
from macros.page_macros import PageMacros
from macros.pagecheck import CheckedPages
from macros.render import CompiledTemplates, Renderer
from macros.settings import Settings
from macros.site import Content, content_key
from macros.woo import withheld_page
from macros.xref import Index


class Build:
    """What one build needs, made from its MkDocs config. The preview's next build keeps the content while the
    data files are unchanged, and the pages' Markdown it already converted."""

    def __init__(self, config, previous: Build | None = None):
        self.settings = Settings.from_config(config)
        self.extra = config.extra
        kept = previous is not None and previous.content.key == content_key(self.settings)
        self.content = previous.content if kept else Content(self.settings, previous.content if previous else None)
        self.conversions = previous.conversions if previous is not None else Conversions()
        self.compiled = previous.compiled if previous is not None else CompiledTemplates()
        self.theme_compiled = previous.theme_compiled if previous is not None else CompiledTemplates()
        self.checked = previous.checked if previous is not None else CheckedPages()
        self.html = previous.html if previous is not None else {}  # the data's Markdown as HTML, by text
        self.exported = previous.exported if previous is not None else ExportTexts()
        self.macros: PageMacros | None = None
        self.index: Index | None = None
        self.findings: list[Finding] = []

    def register(self, plugin) -> None:
        """Give mkdocs-macros the page macros (when the content loads; the checks report it otherwise) and the
        step that makes a page marked `openbaar: false` one withheld passage before Jinja renders it."""
        plugin.pre_macro_functions.append(self._withhold)
        try:
            index = self.content.of(self.settings)
        except ContentError:
            return
        reading = ReadingIndex(index, index.reads)  # every read of a page is noted (macros/dependencies.py)
        renderer = Renderer(reading, self.settings.project_dir, self.compiled, self.html)
        self.macros = PageMacros(reading, renderer, lambda: plugin.page, self.previous())
        plugin.register_macros(self.macros.functions())

    def _withhold(self, plugin) -> None:
        plugin.markdown = withheld_page(plugin.markdown, plugin.page.meta, self.settings.openbaar)

    def previous(self) -> tuple[str, dict] | None:
        """The previous published version and its exports, when `make publish` passed them. The public build has
        no change notes: the previous exports would hold the previous internal texts."""
        version, folder = self.extra.get("vorige_versie"), self.extra.get("vorige_export")
        if self.settings.openbaar or not (version and folder):
            return None
        return version, read_exports(self.settings.project_dir / folder)

    def check(self, today: dt.date) -> tuple[Index | None, list[Finding]]:
        """Run every check once: the index to build the pages from (None if the data is invalid) and the findings."""
        self.index, self.findings = run_checks(self.settings, today, self.content, self.conversions,
                                               self.checked)
        return self.index, self.findings
