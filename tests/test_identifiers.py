"""Official identifiers: each scheme checks its format and derives the official link where there is one."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from pydantic import ValidationError

from macros.model.identifiers import SCHEMES
from macros.model.schema import Identificatie


def query(url: str, name: str) -> str:
    [value] = parse_qs(urlsplit(url).query)[name]
    return value


def check_celex(value: str, url: str) -> None:
    assert urlsplit(url).netloc == "eur-lex.europa.eu"
    assert query(url, "uri") == f"CELEX:{value}"


def check_com(value: str, url: str) -> None:
    year, number = re.fullmatch(r"COM\((\d{4})\) (\d+)(?: final)?", value).groups()
    assert urlsplit(url).netloc == "eur-lex.europa.eu"
    uri = query(url, "uri").split(":")
    assert uri[0] == "COM"
    assert uri[1] == year
    assert int(uri[2]) == int(number)


def check_procedure(value: str, url: str) -> None:
    assert urlsplit(url).netloc.endswith("europarl.europa.eu")
    assert query(url, "reference") == value


def check_ets(value: str, url: str) -> None:
    assert urlsplit(url).netloc.endswith("coe.int")
    assert int(query(url, "treatynum")) == int(value)


def check_kamerstuk(value: str, url: str) -> None:
    assert urlsplit(url).netloc == "zoek.officielebekendmakingen.nl"
    assert urlsplit(url).path == f"/kst-{value}.html"


def check_ecli(value: str, url: str) -> None:
    if value.split(":")[1] == "NL":
        assert urlsplit(url).netloc == "uitspraken.rechtspraak.nl"
        assert query(url, "id") == value
    else:
        assert url == ""


def check_pb(value: str, url: str) -> None:
    assert url == ""


URL_CHECKS: dict[str, Callable[[str, str], None]] = {
    "celex": check_celex, "com": check_com, "procedure": check_procedure, "ets": check_ets,
    "kamerstuk": check_kamerstuk, "ecli": check_ecli, "pb": check_pb,
}

VALID = [(key, scheme.example) for key, scheme in SCHEMES.items()] + [
    ("celex", "32013R0604"), ("celex", "52020PC0610"), ("celex", "31995L0046"),
    ("com", "COM(2020) 609 final"), ("com", "COM(2020) 609"), ("com", "COM(2024) 1"),
    ("procedure", "2020/0279(COD)"), ("procedure", "2016/0224(CNS)"),
    ("ets", "163"), ("ets", "210"),
    ("kamerstuk", "32317-900"), ("kamerstuk", "36600-VI-12"),
    ("ecli", "ECLI:NL:HR:2019:2007"), ("ecli", "ECLI:EU:C:2024:123"), ("ecli", "ECLI:DE:BVERFG:2020:RS.20200505"),
    ("pb", "PB L 180 van 29.6.2013"), ("pb", "PB C 202 van 7.6.2016"),
]

INVALID = [
    ("celex", "2024R1348"), ("celex", "32024r1348"), ("celex", "32024R134"), ("celex", "CELEX:32024R1348"),
    ("com", "COM(2025)101"), ("com", "com(2025) 101 final"), ("com", "COM(25) 101"), ("com", "COM(2025) 101 FINAL"),
    ("procedure", "2025/59(COD)"), ("procedure", "2025/0059(XYZ)"), ("procedure", "2025/0059"),
    ("ets", "5"), ("ets", "0005"), ("ets", "ETS 005"),
    ("kamerstuk", "19637"), ("kamerstuk", "1963-3300"), ("kamerstuk", "kst-19637-3300"),
    ("ecli", "ECLI:nl:RVS:2024:1234"), ("ecli", "NL:RVS:2024:1234"), ("ecli", "ECLI:NL:RVS:24:1234"),
    ("pb", "PB X 180 van 29.6.2013"), ("pb", "L 180 van 29.6.2013"), ("pb", "PB L 180 van 2013-06-29"),
]


def test_every_scheme_has_a_url_check_and_a_field_in_identificatie():
    assert set(URL_CHECKS) == set(SCHEMES)
    assert set(Identificatie.model_fields) == set(SCHEMES)


@pytest.mark.parametrize("key", SCHEMES)
def test_each_scheme_accepts_its_own_example(key):
    example = SCHEMES[key].example
    assert SCHEMES[key].pattern.match(example)
    assert getattr(Identificatie(**{key: example}), key) == example


@pytest.mark.parametrize(("key", "value"), VALID)
def test_valid_identifiers_are_kept_and_link_where_the_scheme_links(key, value):
    assert getattr(Identificatie(**{key: value}), key) == value
    url = SCHEMES[key].url(value)
    if url:
        assert urlsplit(url).scheme == "https"
    URL_CHECKS[key](value, url)


def test_only_dutch_ecli_numbers_link_to_rechtspraak_nl():
    ecli = SCHEMES["ecli"]
    assert ecli.url("ECLI:NL:RVS:2024:1234")
    assert ecli.url("ECLI:EU:C:2024:123") == ""
    assert ecli.url("ECLI:BE:GHANT:2020:1") == ""


def test_a_kamerstuk_of_a_dossier_with_a_suffix_links_to_that_dossier():
    url = SCHEMES["kamerstuk"].url("36600-VI-12")
    assert urlsplit(url).path == "/kst-36600-VI-12.html"


@pytest.mark.parametrize(("key", "value"), INVALID)
def test_malformed_identifiers_are_rejected_with_the_example(key, value):
    scheme = SCHEMES[key]
    with pytest.raises(ValidationError) as caught:
        Identificatie(**{key: value})
    [error] = caught.value.errors()
    assert error["loc"] == (key,)
    assert error["type"] == "value_error"
    message = str(error["ctx"]["error"])
    assert f"'{value}'" in message
    assert scheme.label in message
    assert f"voorbeeld: {scheme.example}" in message


def test_every_malformed_identifier_of_a_record_is_reported():
    with pytest.raises(ValidationError) as caught:
        Identificatie(celex="2024R1348", ecli="ECLI:nl:x", ets="005")
    assert sorted(error["loc"] for error in caught.value.errors()) == [("celex",), ("ecli",)]


@pytest.mark.parametrize("key", SCHEMES)
def test_an_identifier_must_be_text(key):
    with pytest.raises(ValidationError):
        Identificatie(**{key: 5})


def test_identifiers_are_optional():
    assert Identificatie().model_dump(exclude_none=True) == {}


@pytest.mark.parametrize("key", ["celex", "ets"])
def test_a_trailing_newline_is_not_part_of_a_valid_identifier(key):
    with pytest.raises(ValidationError):
        Identificatie(**{key: SCHEMES[key].example + "\n"})
