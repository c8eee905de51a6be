"""Dates as memos write them ("11 mei 2025", "11-05-2025"), and every date a text names."""

from __future__ import annotations

import datetime as dt
import re

from macros.model.dates import MONTHS_NL

MONTH = {name: number for number, name in enumerate(MONTHS_NL, start=1)} | {
    name[:3]: number for number, name in enumerate(MONTHS_NL, start=1)} | {"sept": 9}
WRITTEN = re.compile(r"\b(\d{1,2})\s+(" + "|".join(sorted(MONTH, key=len, reverse=True)) + r")\.?\s+(\d{4})\b",
                     re.IGNORECASE)
NUMERIC = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_dutch_date(text: str) -> dt.date | None:
    """The date `text` is, written the Dutch way or as ISO; None if it is no date or no day of the calendar."""
    text = " ".join(text.replace("*", "").split())
    for pattern, order in ((ISO, (0, 1, 2)), (NUMERIC, (2, 1, 0))):
        match = pattern.fullmatch(text)
        if match:
            return _date(*(int(match.group(index + 1)) for index in order))
    match = WRITTEN.fullmatch(text)
    if match:
        return _date(int(match.group(3)), MONTH[match.group(2).lower()], int(match.group(1)))
    return None


def dates_in(text: str) -> list[tuple[str, dt.date]]:
    """Every date written out in `text` ("17 juni 2025"), as (the words, the date)."""
    found = []
    for match in WRITTEN.finditer(text):
        date = _date(int(match.group(3)), MONTH[match.group(2).lower()], int(match.group(1)))
        if date:
            found.append((match.group(0), date))
    return found


def written(date: dt.date) -> str:
    return f"{date.day} {MONTHS_NL[date.month - 1]} {date.year}"


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
