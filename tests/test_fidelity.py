"""The site says what its sources say: the memo's own groups, where each finding comes from, where a bron is found."""

from __future__ import annotations

import json
import re

import pytest

from macros.content.index import Index
from macros.content.loading import load_content
from macros.outputs.provenance import LABELS, herkomst
from tests.site_build import ROOT
from tests.site_pages import page

# The word with which the memo turns from the challenges tied to human-rights treaties to the general conclusion.
TURN = "echter"


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(load_content(ROOT / "data", ROOT))


@pytest.fixture(params=["intern", "openbaar"])
def any_site(request):
    return request.getfixturevalue("built_site" if request.param == "intern" else "public_site")


def words(text: str) -> str:
    """Lower-case words separated by single spaces, without the closing full stop of a list item."""
    return " ".join(text.lower().split()).rstrip(".")


def shown_points(section) -> list[str]:
    """The texts of the exploration points in a list, without their kernpunt and bron links."""
    points = []
    for item in section.find_next_sibling("ul", class_="bp-verkenningspunten").find_all("li", recursive=False):
        for link in item.select(".bp-kernpunt-ref, .bp-bronnen-inline"):
            link.extract()
        points.append(words(item.get_text(" ")))
    return points


def test_the_exploration_page_keeps_the_two_groups_of_the_memo(any_site, index):
    """The points before the memo's "echter" are the treaty-related ones; those after it, the general conclusion."""
    verkenning = index.content.verkenning
    groepen = verkenning.uitdagingsgroepen
    assert len(groepen) == 2
    kernpunten = {punt.kernpunt for punt in verkenning.uitdagingen}
    assert len(kernpunten) == 1, "both groups come from one kernpunt of the memo"
    before, turn, after = words(index.get("kernpunt", kernpunten.pop()).tekst).partition(TURN)
    assert turn, f"the kernpunt no longer says '{TURN}'"
    soup = page(any_site, "verkenning-verdragen/")
    headings = [soup.find(id=groep.id) for groep in groepen]
    assert all(heading is not None and heading.name == "h3" for heading in headings)
    first, second = (shown_points(heading.find_next_sibling("p", class_="bp-inleiding")) for heading in headings)
    assert first and second
    for point in first:
        assert point in before and point not in after, point
    for point in second:
        assert point in after and point not in before, point
    assert TURN in headings[1].find_next_sibling("p", class_="bp-inleiding").get_text()


def test_each_finding_of_the_model_table_says_whether_it_comes_from_the_report(built_site, index):
    modellen = index.content.modellen
    table = page(built_site, "appreciatie-grenzen-verleggen/").select_one(".bp-modellen table")
    shown = {}
    for label in table.select(".bp-herkomst"):
        text = words(label.parent.get_text(" ").split(":", 1)[1].split("(")[0])
        shown[text] = label.get_text().rstrip(":").lower()
    for bevinding in modellen.bevindingen:
        label = next(label for text, label in shown.items() if text.startswith(words(bevinding.tekst)[:40]))
        from_report = modellen.rapport in bevinding.bronnen
        assert (label == LABELS["rapport"]) == from_report, (bevinding.tekst, label)


def test_every_bron_page_says_where_the_bron_is_found_or_that_it_is_not_verified(built_site, index):
    for bron in index.content.bronnen.bronnen:
        soup = page(built_site, f"bronnen/{bron.id}/")
        place = next(term.find_next_sibling("dd") for term in soup.select(".bp-kop dt")
                     if term.get_text() == "Vindplaats")
        text = place.get_text(" ").strip()
        if bron.url:
            assert place.find("a")["href"] == bron.url
        else:
            assert text in ("zie de identificatie", "niet geverifieerd"), text
            linked = [link["href"] for link in soup.select(".bp-identificatie a")]
            assert (text == "zie de identificatie") == bool(linked), bron.id


def test_every_verified_fact_of_a_bron_names_where_it_was_read(built_site, index):
    checked = [bron for bron in index.content.bronnen.bronnen if bron.verantwoording]
    assert checked
    for bron in checked:
        items = page(built_site, f"bronnen/{bron.id}/").select(".bp-verantwoording li")
        assert len(items) == len(bron.verantwoording)
        for item, controle in zip(items, bron.verantwoording, strict=True):
            assert words(controle.gelezen_op) in words(item.get_text(" "))
            link = item.find("a")
            assert (link["href"] if link else None) == controle.url
            assert controle.url or "adres niet vastgelegd" in item.get_text()


def test_the_instruments_table_is_the_sites_selection_each_with_its_reason(built_site, index):
    soup = page(built_site, "verkenning-verdragen/")
    table = soup.select_one(".bp-instrumenten table")
    assert "selectie van de redactie" in table.caption.get_text()
    rows = table.select("tbody tr")
    assert [row["id"] for row in rows] == [instrument.bron for instrument in index.content.verkenning.instrumenten]
    for row, instrument in zip(rows, index.content.verkenning.instrumenten, strict=True):
        assert words(row.find_all("td")[0].get_text(" ")) == words(instrument.reden)
        cited = {re.sub(r"^.*#", "", link["href"]) for link in row.find_all("td")[1].find_all("a")}
        assert cited == set(index.citations[instrument.bron])


def test_the_exports_carry_where_each_fact_was_checked_and_where_each_finding_comes_from(built_site, index):
    bronnen = {bron["id"]: bron for bron in json.loads((built_site / "export" / "bronnen.json").read_text())}
    for bron in index.content.bronnen.bronnen:
        assert bronnen[bron.id]["verantwoording"] == [controle.model_dump(exclude_none=True)
                                                      for controle in bron.verantwoording]
    bevindingen = json.loads((built_site / "export" / "bevindingen.json").read_text())
    assert [bevinding["herkomst"] for bevinding in bevindingen] == [
        herkomst(bevinding, index) for bevinding in index.content.modellen.bevindingen]
    assert {bevinding["herkomst"] for bevinding in bevindingen} >= {LABELS["rapport"], LABELS["wetgeving"]}
