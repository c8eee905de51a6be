"""Partial dates (a year, a month or a day) and how they are written in Dutch."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from macros.model.dates import PartialDate, format_dutch

# Written out here rather than taken from the module, so a wrong month name is caught.
DUTCH_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december"]


class Dated(BaseModel):
    datum: PartialDate


@pytest.mark.parametrize(("text", "parts"), [
    ("2026", (2026, 0, 0)),
    ("2026-02", (2026, 2, 0)),
    ("2026-02-16", (2026, 2, 16)),
    ("2024-02-29", (2024, 2, 29)),
    (" 2025-05-11 ", (2025, 5, 11)),
])
def test_iso_text_is_parsed_to_the_precision_given(text, parts):
    date = PartialDate.parse(text)
    assert (date.year, date.month, date.day) == parts
    assert str(date) == text.strip()


def test_a_year_may_be_given_as_a_number():
    assert PartialDate.parse(2026) == PartialDate(2026)


@pytest.mark.parametrize("value", [dt.date(2025, 5, 11), dt.datetime(2025, 5, 11, 14, 30)])
def test_a_date_object_gives_a_day_precise_date(value):
    assert PartialDate.parse(value) == PartialDate(value.year, value.month, value.day)
    assert str(PartialDate.parse(value)) == "2025-05-11"




@pytest.mark.parametrize("text", ["2026-02-30", "2026-13", "2025-02-29", "2026-04-31", "0000",
                                  "2026-00",
                                  "2026-01-00"])
def test_dates_that_are_not_in_the_calendar_are_rejected(text):
    with pytest.raises(PydanticCustomError) as caught:
        PartialDate.parse(text)
    assert caught.value.type == "partial_date"
    assert f"'{text}'" in caught.value.message()
    assert "kalender" in caught.value.message()


@pytest.mark.parametrize("value", ["", "morgen", "26", "2026-2", "2026-02-1", "2026/02/16", "16-02-2026",
                                   "2026-02-16T10:00", "2026-", None, 2026.5, True, ["2026"]])
def test_garbage_is_rejected_as_no_date(value):
    with pytest.raises(PydanticCustomError) as caught:
        PartialDate.parse(value)
    assert caught.value.type == "partial_date"
    assert "geen datum" in caught.value.message()


def test_pydantic_fields_use_the_parser_and_report_its_message():
    assert Dated(datum="2026-02").datum == PartialDate(2026, 2)
    with pytest.raises(ValidationError) as caught:
        Dated(datum="2026-02-30")
    [error] = caught.value.errors()
    assert error["type"] == "partial_date"
    assert error["loc"] == ("datum",)
    assert "'2026-02-30'" in error["msg"]


def test_a_partial_date_serialises_as_iso_text():
    assert Dated(datum="2026-02").model_dump() == {"datum": "2026-02"}
    assert Dated(datum="2026").model_dump_json() == '{"datum":"2026"}'


def test_first_day_is_the_earliest_day_meant():
    assert PartialDate.parse("2026").first_day == dt.date(2026, 1, 1)
    assert PartialDate.parse("2026-02").first_day == dt.date(2026, 2, 1)
    assert PartialDate.parse("2026-02-16").first_day == dt.date(2026, 2, 16)


def test_less_precise_dates_sort_before_more_precise_ones_in_the_same_period():
    texts = ["2026-02-16", "2025", "2026", "2026-02", "2026-01-31", "2025-12"]
    ordered = sorted(PartialDate.parse(text) for text in texts)
    assert [str(date) for date in ordered] == ["2025", "2025-12", "2026", "2026-01-31", "2026-02", "2026-02-16"]


@pytest.mark.parametrize(("value", "dutch"), [
    (PartialDate(2025, 5, 11), "11 mei 2025"),
    (dt.date(2025, 5, 11), "11 mei 2025"),
    (PartialDate(2026, 2), "februari 2026"),
    (PartialDate(2026), "2026"),
    (PartialDate(2026, 6, 4), "4 juni 2026"),
])
def test_dates_are_written_the_dutch_way(value, dutch):
    assert format_dutch(value) == dutch


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_has_its_dutch_name(month):
    assert format_dutch(PartialDate(2026, month)) == f"{DUTCH_MONTHS[month - 1]} 2026"
    assert PartialDate(2026, month, 1).dutch == f"1 {DUTCH_MONTHS[month - 1]} 2026"


def test_the_last_day_of_a_partial_date_is_the_latest_it_can_mean():
    assert PartialDate.parse("2026-06").last_day.isoformat() == "2026-06-30"
    assert PartialDate.parse("2024-02").last_day.isoformat() == "2024-02-29"
    assert PartialDate.parse("2026-12").last_day.isoformat() == "2026-12-31"
    assert PartialDate.parse("2026").last_day.isoformat() == "2026-12-31"
    assert PartialDate.parse("2026-06-04").last_day.isoformat() == "2026-06-04"
