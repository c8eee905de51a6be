"""The way back from a page outside the navigation to the lists it belongs to, for its breadcrumb.

Note, bron and onderwerp pages and the later pages of long lists stay out of the navigation (`not_in_nav`, set
by the hooks), so Material marks no menu item and shows no breadcrumb on them. Their lists follow from the page
kinds and `extra.paginas`: a note goes back to the notes, a bron to the register, an onderwerp to the kernpunten
per onderwerp; a later page of a list goes back to the list's first page, and on to that page's own list.
"""

from __future__ import annotations

from macros.content.index import Index


def lists_above(index: Index, source: str) -> list[str]:
    """The docs-relative sources of the lists above the page at `source`, outermost first ([] for other pages)."""
    page = index.page(source)
    if page.list_source is not None:
        return [*lists_above(index, page.list_source), page.list_source]
    return [index.pages.list_of(page.kind)] if page.kind else []
