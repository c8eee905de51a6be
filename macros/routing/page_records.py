"""What each page of the site is, decided once when the build knows its records and lists: the record whose own
page it is, or the list whose later page it is and its number there. Nothing parses it back from the path."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from macros.model.kinds import KINDS


@dataclass(frozen=True)
class PageRecord:
    """One page: its docs-relative source; `kind`, `record_id` and `record` for a record's own page; `list_source`
    and `number` for page 2, 3, ... of a long list whose first page is `list_source`."""

    source: str
    kind: str | None = None
    record_id: str | None = None
    record: Any = None
    list_source: str | None = None
    number: int = 1

    def number_in(self, first_source: str) -> int:
        """Which page of the list whose first page is `first_source` this page is (1 when it is none of its later
        pages)."""
        return self.number if self.list_source == first_source else 1

    @property
    def title(self) -> str | None:
        """The title of a record's own page, from its record (its kind's declaration says how)."""
        return KINDS[self.kind].title(self.record) if self.kind else None
