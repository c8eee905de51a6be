"""Where each kind of record lives on the site, as URLs relative to the site root."""

from __future__ import annotations

from dataclasses import field, fields, make_dataclass
from pathlib import PurePosixPath

from macros.model.kinds import BACKLINK_KINDS, KINDS, PAGE_KINDS, PAGED_KINDS
from macros.model.paging import page_source


class _Pages:
    """Source paths (relative to docs/) of the pages that show each kind; set in mkdocs.yml `extra.paginas`."""

    @classmethod
    def from_config(cls, paginas: dict[str, str] | None) -> PageMap:
        """Build from the `extra.paginas` mapping; unknown keys are a configuration error."""
        paginas = paginas or {}
        unknown = set(paginas) - {field.name for field in fields(cls)}
        if unknown:
            raise ValueError(f"extra.paginas kent {', '.join(sorted(unknown))} niet")
        return cls(**paginas)

    def source_of(self, kind: str, record_id: str) -> str:
        """The docs-relative source path of the page that shows a record's own entry."""
        declared = KINDS[kind]
        if declared.page is None:
            raise KeyError(kind)
        source = getattr(self, declared.page.key)
        return source.format(id=record_id) if declared.own_page else source

    def list_of(self, kind: str) -> str:
        """The source of the list that a record's own page belongs to: a note's, a bron's, an onderwerp's."""
        return getattr(self, KINDS[kind].list_page.key)

    def fixed_pages(self) -> list[str]:
        """The pages that must exist whatever the content."""
        own = {KINDS[kind].page.key for kind in PAGE_KINDS}
        return [getattr(self, page.name) for page in fields(self) if page.name not in own]

    def not_in_nav(self) -> list[str]:
        """The `not_in_nav` patterns of the pages reached from lists: records' own pages and lists' later pages."""
        own = {kind: getattr(self, KINDS[kind].page.key).replace("{id}", "*") for kind in PAGE_KINDS}
        lists = [self.list_of(kind) for kind in PAGED_KINDS] + [own[kind] for kind in BACKLINK_KINDS]
        later = [(PurePosixPath(page_source(first, 2)).parent / "*.md").as_posix() for first in lists]
        return [f"/{pattern}" for pattern in dict.fromkeys([*own.values(), *later])]


def _declared_pages() -> dict[str, str]:
    """Every page of `extra.paginas` with its default, in the order of the kinds."""
    pages = [page for kind in KINDS.values() for page in (kind.list_page, kind.page) if page]
    return {page.key: page.default for page in pages}


PageMap = make_dataclass("PageMap", [(key, str, field(default=default)) for key, default in _declared_pages().items()],
                         bases=(_Pages,), frozen=True)
PageMap.__module__ = __name__


def page_url(source: str, directory_urls: bool = True) -> str:
    """MkDocs' URL for a docs-relative source path: `a/b.md` gives `a/b/`, `a/index.md` gives `a/`."""
    stem = source.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"
