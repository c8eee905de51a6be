"""One build's state, made once per build from MkDocs' config and owned by the hooks (macros/adapter/hooks.py): the
settings, the content and its index, the page macros and the checks' findings."""

from __future__ import annotations

import datetime as dt
import logging

from macros.adapter import page_errors  # noqa: F401  (registers the error messages for macro calls)
from macros.adapter.config import settings_of
from macros.checks.anchors import Conversions
from macros.checks.pagecheck import CheckedPages
from macros.checks.runner import run_checks
from macros.content.content_cache import Content, content_key
from macros.content.index import Index
from macros.content.reads import ReadingIndex
from macros.content.woo import public_part, withheld_page
from macros.model.errors import ContentError, Finding
from macros.outputs.changes import read_exports
from macros.outputs.export import ExportTexts
from macros.outputs.json_schemas import in_pipeline, write_schemas
from macros.rendering.page_macros import PageMacros
from macros.rendering.render import CompiledTemplates, Renderer

log = logging.getLogger("mkdocs.hooks.beleid")


class Build:
    """What one build needs, made from its MkDocs config. The preview's next build keeps the content while the
    data files are unchanged, and the pages' Markdown it already converted."""

    def __init__(self, config, previous: Build | None = None):
        self.settings = settings_of(config)
        self.extra = config.extra
        key = content_key(self.settings)
        kept = previous is not None and previous.content.key == key
        self.content = previous.content if kept else Content(self.settings, previous.content if previous else None,
                                                             key)
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
        steps for a page marked `openbaar: false`: before Jinja renders it, the public build drops its body; after,
        the page becomes one withheld passage."""
        plugin.pre_macro_functions.append(self._public_part)
        plugin.post_macro_functions.append(self._withheld_page)
        try:
            index = self.content.of(self.settings)
        except ContentError:
            return
        self.macros = PageMacros(*self._reading(index), lambda: plugin.page, self.previous())
        plugin.register_macros(self.macros.functions())

    def take_over(self, previous: Build) -> None:
        """Render with the page macros that `previous` registered, bound to this build's index (the quick preview,
        macros/adapter/quick_preview.py; raises ContentError)."""
        self.macros = previous.macros
        self.macros.index, self.macros.renderer = self._reading(self.content.of(self.settings))

    def _reading(self, index: Index) -> tuple[ReadingIndex, Renderer]:
        reading = ReadingIndex(index, index.reads)  # every read of a page is noted (macros/content/reads.py)
        return reading, Renderer(reading, self.settings.project_dir, self.compiled, self.html)

    def _public_part(self, plugin) -> None:
        plugin.markdown = public_part(plugin.markdown, plugin.page.meta, self.settings.openbaar)

    def _withheld_page(self, plugin) -> None:
        if self.macros is not None:  # without them the content has errors, and no page is built
            plugin.markdown = withheld_page(plugin.markdown, plugin.page.meta, self.macros.niet_openbaar)

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

    def keep_schemas(self) -> None:
        """The preview's: the data files' JSON Schemas in schemas/ follow valid data (a build never writes them,
        nor a pipeline)."""
        if self.content.index is not None and not in_pipeline():
            for path in write_schemas(self.settings.project_dir, self.content.index):
                log.info(f"{path} bijgewerkt")
