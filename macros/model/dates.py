"""Dates as precise as the sources allow (a year, a month or a day), written the Dutch way."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError, core_schema

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The forms of the JSON Schemas (macros/outputs/json_schemas.py): months 01-12, days 01-31.
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
ISO_DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day (`2026`, `2026-02`, `2026-02-16`)."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Parse ISO text or a date; raise a pydantic error naming the accepted forms."""
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        match = _PATTERN.fullmatch(str(value).strip()) if isinstance(value, str | int) else None
        if not match:
            raise PydanticCustomError("partial_date", "'{value}' is geen datum", {"value": value})
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            dt.date(year, 1 if month is None else month, 1 if day is None else day)
        except ValueError:
            raise PydanticCustomError("partial_date", "'{value}' bestaat niet in de kalender",
                                      {"value": value}) from None
        return cls(year, month or 0, day or 0)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str))

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict:
        """A year (also as a number), a month or a day; the calendar itself is checked by `parse` only."""
        return {"anyOf": [{"type": "integer", "minimum": 1000, "maximum": 9999},
                          {"type": "string", "pattern": PARTIAL_DATE_PATTERN}],
                "description": "JJJJ, JJJJ-MM of JJJJ-MM-DD"}

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{part:02d}" for part in (self.month, self.day) if part]
        return "-".join(parts)

    @property
    def first_day(self) -> dt.date:
        """The earliest day this date can mean, for sorting and comparison."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day this date can mean: `2026-06` can be 30 June."""
        if self.day:
            return self.first_day
        if not self.month:
            return dt.date(self.year, 12, 31)
        return (dt.date(self.year + self.month // 12, self.month % 12 + 1, 1) - dt.timedelta(days=1))

    @property
    def dutch(self) -> str:
        """`16 februari 2026`, `februari 2026` or `2026`."""
        return format_dutch(self)


def parse_iso_date(value: Any) -> dt.date:
    """A full date, written as JJJJ-MM-DD (never a number, which pydantic would read as a timestamp)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("iso_date", "'{value}' bestaat niet in de kalender", {"value": value}) from None
    raise PydanticCustomError("iso_date", "'{value}' is geen volledige datum", {"value": value})


IsoDate = Annotated[dt.date, PlainValidator(parse_iso_date),
                    WithJsonSchema({"type": "string", "pattern": ISO_DATE_PATTERN, "description": "JJJJ-MM-DD"})]


def format_dutch(value: dt.date | PartialDate) -> str:
    """Write a date as Dutch text, e.g. `11 mei 2025`."""
    if isinstance(value, dt.date):
        value = PartialDate.parse(value)
    if not value.month:
        return str(value.year)
    month = MONTHS_NL[value.month - 1]
    return f"{value.day} {month} {value.year}" if value.day else f"{month} {value.year}"
