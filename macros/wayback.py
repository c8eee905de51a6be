"""The way back from a page outside the navigation to the lists it belongs to, for its breadcrumb.

Note, bron and onderwerp pages and the later pages of long lists stay out of the navigation (`not_in_nav`, set
by the hooks), so Material marks no menu item and shows no breadcrumb on them. Their lists follow from the page
kinds and `extra.paginas`: a note goes back to the notes, a bron to the register, an onderwerp to the kernpunten
per onderwerp; a later page of a list goes back to the list's first page, and on to that page's own list.
"""

from __future__ import annotations

from macros.paging import later_page_number, page_source
from macros.xref import Index


def lists_above(index: Index, source: str) -> list[str]:
    """The docs-relative sources of the lists above the page at `source`, outermost first ([] for other pages)."""
    number = later_page_number(source)
    first = _later_pages(index, number).get(source) if number else None
    if first is not None:
        return [*lists_above(index, first), first]
    kind = index.kind_at(source)
    return [index.pages.list_of(kind)] if kind else []


def _later_pages(index: Index, number: int) -> dict[str, str]:
    """The source of page `number` of each list, with the list's first source (the first list, should two have the
    same), found once per index."""
    key = ("later_pages", number)
    if key not in index.derived:
        index.derived[key] = {page_source(first, number): first for first in reversed(list(index.listings))}
    return index.derived[key]
