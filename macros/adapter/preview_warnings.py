"""The preview's warnings by page: which page each editorial warning concerns, for the banner on that page.

Only the preview fills it (`mkdocs serve` of the internal site, decided by the hooks from the command MkDocs
started with); every other build leaves it empty, so no page it renders can carry a banner.
"""

from __future__ import annotations

from macros.checks.subjects import page_of
from macros.content.index import Index
from macros.model.errors import Finding
from macros.rendering.preview_banner import banner

HOME = "index.md"  # the page that shows the warnings no page of their own shows


class PreviewWarnings:
    """The unacknowledged warnings of the last checks, by the docs-relative source of the page they concern."""

    def __init__(self):
        self.by_page: dict[str, tuple[Finding, ...]] = {}

    def update(self, index: Index | None, docs: str, findings: list[Finding]) -> set[str]:
        """Take the findings of new checks (`docs`: the docs folder as findings name it); the sources of the pages
        whose warnings changed."""
        by_page: dict[str, list[Finding]] = {}
        for finding in findings:
            if index is not None and finding.severity == "warning" and not finding.erkend:
                by_page.setdefault(page_of(index, docs, finding) or HOME, []).append(finding)
        before, self.by_page = self.by_page, {source: tuple(found) for source, found in by_page.items()}
        return {source for source in before.keys() | self.by_page.keys()
                if before.get(source) != self.by_page.get(source)}

    def banner(self, source: str) -> str:
        """The banner of the page at `source` (empty when no warning concerns it)."""
        return banner(self.by_page.get(source, ()))

    def digest(self, source: str) -> str:
        """What the banner of a page shows, for the pages' fingerprints (macros/adapter/rebuilds.py)."""
        return repr([str(finding) for finding in self.by_page.get(source, ())])
