"""Long lists in pages of at most PER_PAGE entries, so no page grows with the number of notes.

Page 1 of a list is the page that shows it (e.g. notas/index.md); page n is generated at `<folder>/pagina/n.md`
beside it (`notas/pagina/2/`), a path no note, bron or onderwerp id can take. A list's macro knows its page
from the page's record (macros/routing/page_records.py), decided when the index knows its lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

PER_PAGE = 100


def page_count(total: int) -> int:
    """How many pages a list of `total` entries takes (at least one, even when empty)."""
    return max(1, -(-total // PER_PAGE))


def page_source(first_source: str, number: int) -> str:
    """The docs-relative source of page `number` of the list whose first page is `first_source`."""
    if number == 1:
        return first_source
    path = PurePosixPath(first_source)
    folder = path.parent if path.stem == "index" else path.with_suffix("")
    return (folder / "pagina" / f"{number}.md").as_posix()


def page_of_position(position: int) -> int:
    """The page (from 1) of the entry at `position` (from 0) in its list."""
    return position // PER_PAGE + 1


@dataclass(frozen=True)
class Paging:
    """One page of a list: its entries, its number, and the sources of all pages (for the pager)."""

    entries: Sequence
    number: int
    sources: tuple[str, ...]
    total: int

    @classmethod
    def of(cls, entries: Sequence, first_source: str, number: int) -> Paging:
        """Page `number` of `entries`; a number beyond the last page is an error in the page's front matter."""
        count = page_count(len(entries))
        if not 1 <= number <= count:
            raise ValueError(f"pagina {number} bestaat niet: de lijst heeft {count} pagina's")
        start = (number - 1) * PER_PAGE
        return cls(entries[start:start + PER_PAGE], number,
                   tuple(page_source(first_source, page) for page in range(1, count + 1)), len(entries))
