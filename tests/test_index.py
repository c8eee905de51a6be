"""The id index: definitions and references checked, backlinks, topics, URLs and the timeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from textwrap import dedent, indent

import pytest
import yaml

from macros.content.index import Index, UnknownId, iter_mentions
from macros.content.loading import load_content
from macros.model.dates import PartialDate
from macros.model.errors import ContentError, Finding
from macros.model.schema import Defines, Nota, Refers
from macros.routing.page_map import PageMap
from tests.conftest import NOTA_REF

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
NOTA_FILE = f"notas/{NOTA_REF}.yaml"


# --- helpers -------------------------------------------------------------------------------------------------

def index_of(project: Path, **options) -> Index:
    return Index(load_content(project / "data", project), **options)


def index_findings(project: Path) -> list[Finding]:
    content = load_content(project / "data", project)
    with pytest.raises(ContentError) as caught:
        Index(content)
    return caught.value.findings


def only_finding(project: Path) -> Finding:
    findings = index_findings(project)
    assert len(findings) == 1, "\n".join(map(str, findings))
    return findings[0]


def raw(name: str) -> dict:
    """A real data file read with plain PyYAML, independent of the code under test."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def raw_notas() -> list[dict]:
    return [yaml.safe_load(file.read_text(encoding="utf-8")) for file in sorted((DATA / "notas").glob("*.yaml"))]


def raw_kernpunten(nota: dict):
    """(kernpunt, location, number, parent id) of every kernpunt of a raw note, in document order."""
    def walk(items, location, number, parent):
        for index, item in enumerate(items or []):
            here = (*location, index)
            yield item, here, [*number, index + 1], parent
            yield from walk(item.get("kernpunten"), (*here, "kernpunten"), [*number, index + 1], item["id"])
    for item, location, number, parent in walk(nota.get("kernpunten"), ("kernpunten",), [], None):
        yield item, location, ".".join(map(str, number)), parent


# --- the real data -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def content():
    return load_content(DATA, ROOT)


@pytest.fixture(scope="module")
def index(content) -> Index:
    return Index(content)


def test_the_real_data_has_notes_and_kernpunten():
    notas = raw_notas()
    assert notas
    assert any(list(raw_kernpunten(nota)) for nota in notas)


def test_every_kernpunt_has_its_nota_number_and_parent(index):
    expected = {item["id"]: (str(nota["referentie"]), number, parent)
                for nota in raw_notas() for item, _, number, parent in raw_kernpunten(nota)}
    actual = {kernpunt_id: (nota.referentie, index.number_of[kernpunt_id], index.parent_of[kernpunt_id])
              for kernpunt_id, nota in index.nota_of.items()}
    assert actual == expected
    assert sorted(kernpunt.id for kernpunt in index.kernpunten()) == sorted(expected)


def test_citations_are_exactly_the_inverse_of_the_bronnen_of_kernpunten(index):
    expected: dict[str, set[str]] = {bron["id"]: set() for bron in raw("bronnen.yaml")["bronnen"]}
    for nota in raw_notas():
        for item, *_ in raw_kernpunten(nota):
            for bron_id in item.get("bronnen", []):
                expected[bron_id].add(item["id"])
    assert {bron_id: set(kernpunten) for bron_id, kernpunten in index.citations.items()} == expected
    assert any(expected.values())


def test_citations_have_no_duplicates_and_follow_the_kernpunt_order(index):
    order = [kernpunt.id for kernpunt in index.kernpunten()]
    for kernpunten in index.citations.values():
        assert len(set(kernpunten)) == len(kernpunten)
        assert kernpunten == sorted(kernpunten, key=order.index)


def test_kernpunten_by_onderwerp_uses_the_kernpunt_topics_or_else_the_nota_topics(index):
    expected: dict[str, set[str]] = {onderwerp["id"]: set() for onderwerp in raw("onderwerpen.yaml")["onderwerpen"]}
    for nota in raw_notas():
        for item, *_ in raw_kernpunten(nota):
            for onderwerp in item.get("onderwerpen") or nota["onderwerpen"]:
                expected[onderwerp].add(item["id"])
    grouped = index.kernpunten_by_onderwerp
    assert {onderwerp: set(ids) for onderwerp, ids in grouped.items()} == expected
    assert all(len(set(ids)) == len(ids) for ids in grouped.values())


def test_the_url_of_a_kernpunt_is_its_nota_url_with_its_id_as_anchor(index):
    for nota in raw_notas():
        referentie = str(nota["referentie"])
        nota_url = index.url("nota", referentie)
        assert nota_url == f"notas/{referentie}/"
        for item, *_ in raw_kernpunten(nota):
            assert index.url("kernpunt", item["id"]) == f"{nota_url}#{item['id']}"


def test_urls_of_other_kinds_point_at_their_page(index):
    bron_id = raw("bronnen.yaml")["bronnen"][0]["id"]
    assert index.url("bron", bron_id) == f"bronnen/{bron_id}/"
    event_id = raw("tijdlijn.yaml")["gebeurtenissen"][0]["id"]
    assert index.url("gebeurtenis", event_id) == f"tijdlijn/#{event_id}"
    onderwerp_id = raw("onderwerpen.yaml")["onderwerpen"][0]["id"]
    assert index.url("onderwerp", onderwerp_id) == f"kernpunten/{onderwerp_id}/"


def test_get_returns_the_record(index):
    for bron in raw("bronnen.yaml")["bronnen"]:
        assert index.get("bron", bron["id"]).titel == bron["titel"]
    for nota in raw_notas():
        assert index.get("nota", str(nota["referentie"])).titel == " ".join(nota["titel"].split())


def test_get_of_an_unknown_id_suggests_the_closest_id(index):
    bron_id = raw("bronnen.yaml")["bronnen"][0]["id"]
    typo = bron_id[:-1]
    with pytest.raises(UnknownId) as caught:
        index.get("bron", typo)
    assert isinstance(caught.value, LookupError)
    assert f"'{typo}'" in str(caught.value)
    assert f"bedoelt u '{bron_id}'?" in str(caught.value)


def test_get_of_an_id_unlike_any_other_gives_no_suggestion(index):
    with pytest.raises(UnknownId) as caught:
        index.get("bron", "qqqqqqqqqqqqqqqqqqqq")
    assert "'qqqqqqqqqqqqqqqqqqqq'" in str(caught.value)
    assert "bedoelt u" not in str(caught.value)


def test_url_of_an_unknown_id_raises_unknown_id(index):
    with pytest.raises(UnknownId):
        index.url("kernpunt", "bestaat-niet")


def expected_mentions_of_nota(nota: dict) -> set[tuple]:
    mentions = {(Defines, "nota", str(nota["referentie"]), ("referentie",))}
    for field, kind in (("onderwerpen", "onderwerp"), ("aanleiding", "gebeurtenis"), ("besluit", "bron")):
        mentions |= {(Refers, kind, value, (field, position)) for position, value in enumerate(nota.get(field, []))}
    for item, location, *_ in raw_kernpunten(nota):
        mentions.add((Defines, "kernpunt", item["id"], (*location, "id")))
        for field, kind in (("bronnen", "bron"), ("onderwerpen", "onderwerp")):
            mentions |= {(Refers, kind, value, (*location, field, position))
                         for position, value in enumerate(item.get(field, []))}
    return mentions


def test_iter_mentions_finds_every_definition_and_reference_of_a_nota(content):
    by_referentie = {str(nota["referentie"]): nota for nota in raw_notas()}
    for nota in content.notas:
        found = {(type(mention.marker), mention.marker.kind, mention.value, mention.location)
                 for mention in iter_mentions(nota)}
        assert found == expected_mentions_of_nota(by_referentie[nota.referentie])


def test_iter_mentions_gives_the_record_that_holds_the_id(content):
    for nota in content.notas:
        for mention in iter_mentions(nota):
            if mention.marker == Defines("kernpunt"):
                assert mention.record.id == mention.value
            if mention.location[0] in ("referentie", "onderwerpen", "aanleiding", "besluit"):
                assert mention.record is nota


def test_every_mention_in_the_real_data_is_located_on_the_line_that_holds_it(content):
    checked = 0
    for loaded in content.files:
        lines = (ROOT / loaded.document.path).read_text(encoding="utf-8").splitlines()
        for mention in iter_mentions(loaded.model):
            line, column = loaded.document.locate(mention.location)
            text = lines[line - 1]
            assert mention.value in text, (loaded.document.path, mention)
            if isinstance(mention.location[-1], int):
                assert text[column - 1:].lstrip("\"'").startswith(mention.value), (loaded.document.path, mention)
            checked += 1
    assert checked > 50


def test_the_real_modellen_and_verkenning_refer_to_kernpunten_and_bronnen(content):
    kinds = {(type(mention.marker), mention.marker.kind) for loaded in content.files
             for mention in iter_mentions(loaded.model)}
    assert {(Refers, "kernpunt"), (Refers, "bron"), (Refers, "model"), (Refers, "aspect"), (Refers, "nota"),
            (Defines, "verkenningspunt"), (Defines, "aspect"), (Defines, "model")} <= kinds


def test_the_timeline_is_sorted_and_has_every_event_and_every_nota(index):
    timeline = index.timeline
    days = [item.datum.first_day for item in timeline]
    assert days == sorted(days)
    events = {event["id"] for event in raw("tijdlijn.yaml")["gebeurtenissen"]}
    notas = {f"nota-{nota['referentie']}": nota for nota in raw_notas()}
    assert sorted(item.id for item in timeline) == sorted(events | set(notas))
    for item in timeline:
        if item.id in notas:
            nota = notas[item.id]
            assert item.datum == PartialDate.parse(nota["datum"])
            assert item.soort == "nota"
            assert item.notas == (str(nota["referentie"]),)


def test_the_timeline_keeps_the_precision_of_each_event(index):
    for event in raw("tijdlijn.yaml")["gebeurtenissen"]:
        [item] = [item for item in index.timeline if item.id == event["id"]]
        written = event["datum"]
        assert str(item.datum) == (written.isoformat() if isinstance(written, dt.date) else str(written))


# --- small data sets -----------------------------------------------------------------------------------------

def items(block: str) -> str:
    """List items to append to a data file whose list is indented by two spaces."""
    return indent(dedent(block), "  ")


def nota_with_kernpunten(kernpunten: str, referentie: str = NOTA_REF, datum: str = "2025-04-01",
                         onderwerpen: str = "[asiel]") -> str:
    return dedent(f"""\
        referentie: "{referentie}"
        titel: Nota {referentie}
        soort: beslisnota
        datum: {datum}
        directoraat_generaal: DG Migratie
        bureau: Bureau Beleid
        geadresseerde: De Minister
        status: concept
        onderwerpen: {onderwerpen}
        kernpunten:
        """) + dedent(kernpunten)


def test_the_minimal_data_set_indexes_without_findings(data_factory):
    index = index_of(data_factory())
    assert set(index.records["bron"]) == {"rapport-a", "verdrag-b"}
    assert index.citations == {"rapport-a": [f"{NOTA_REF}-eerste"], "verdrag-b": []}
    assert index.url("kernpunt", f"{NOTA_REF}-eerste") == f"notas/{NOTA_REF}/#{NOTA_REF}-eerste"


def test_urls_without_directory_urls_and_with_other_pages(data_factory):
    pages = PageMap.from_config({"nota": "memos/{id}.md"})
    index = index_of(data_factory(), pages=pages, directory_urls=False)
    assert index.url("nota", NOTA_REF) == f"memos/{NOTA_REF}.html"
    assert index.url("kernpunt", f"{NOTA_REF}-eerste") == f"memos/{NOTA_REF}.html#{NOTA_REF}-eerste"
    assert index.url("bron", "rapport-a") == "bronnen/rapport-a.html"
    assert index.url("aspect", "recht") == "appreciatie-grenzen-verleggen.html#recht"


def test_a_duplicate_id_names_the_first_definition(data_factory, minimal_data, where):
    text = minimal_data["bronnen.yaml"] + items("""\
          - id: rapport-a
            soort: rapport
            titel: Nog een rapport A
            beschrijving: Dubbel.
        """)
    finding = only_finding(data_factory({"bronnen.yaml": text}))
    first_line = where(text, "id: rapport-a\n    soort: rapport\n    titel: Rapport A")[0]
    second = where(text, "id: rapport-a\n    soort: rapport\n    titel: Nog")
    assert (finding.path, finding.line, finding.column, finding.severity) == ("data/bronnen.yaml", *second, "error")
    assert "'rapport-a'" in finding.message
    assert f"data/bronnen.yaml:{first_line}" in finding.message
    assert finding.hint


def test_a_duplicate_kernpunt_id_in_a_later_nota_names_the_first_file(data_factory, minimal_data, where):
    second = nota_with_kernpunten(f"""\
          - id: 7654321-eigen
            tekst: Eigen kernpunt.
            kernpunten:
              - id: {NOTA_REF}-eerste
                tekst: Zelfde id als in de eerste nota.
        """, referentie="7654321")
    findings = index_findings(data_factory({"notas/7654321.yaml": second}))
    duplicate = [finding for finding in findings if f"data/{NOTA_FILE}:" in finding.message]
    assert len(duplicate) == 1, "\n".join(map(str, findings))
    [finding] = duplicate
    first_line = where(minimal_data[NOTA_FILE], f"id: {NOTA_REF}-eerste")[0]
    assert (finding.path, finding.line, finding.column) == (
        "data/notas/7654321.yaml", *where(second, f"id: {NOTA_REF}-eerste"))
    assert f"'{NOTA_REF}-eerste'" in finding.message
    assert f"data/{NOTA_FILE}:{first_line}" in finding.message


def test_the_same_id_for_different_kinds_is_allowed(data_factory, minimal_data):
    text = minimal_data["onderwerpen.yaml"] + "  - id: recht\n    naam: Recht\n"
    index = index_of(data_factory({"onderwerpen.yaml": text}))
    assert index.get("onderwerp", "recht").naam == index.get("aspect", "recht").naam == "Recht"


@pytest.mark.parametrize(("file", "old", "new", "wrong", "at", "suggestion"), [
    (NOTA_FILE, "bronnen: [rapport-a]", "bronnen: [rapport-a, rapport-aa]", "rapport-aa", "rapport-aa",
     "rapport-a"),
    (NOTA_FILE, "onderwerpen: [asiel]", "onderwerpen: [asiell]", "asiell", "asiell", "asiel"),
    ("tijdlijn.yaml", "bronnen: [rapport-a]", "bronnen: [verdrag-c]", "verdrag-c", "verdrag-c", "verdrag-b"),
    ("modellen.yaml", "rapport: rapport-a", "rapport: raport-a", "raport-a", "rapport:", "rapport-a"),
    ("verkenning.yaml", "bron: verdrag-b", "bron: verdrag-bb", "verdrag-bb", "bron:", "verdrag-b"),
])
def test_an_unknown_reference_suggests_the_closest_id(data_factory, minimal_data, where, file, old, new, wrong, at,
                                                      suggestion):
    text = minimal_data[file].replace(old, new)
    assert text != minimal_data[file]
    finding = only_finding(data_factory({file: text}))
    assert (finding.path, finding.line, finding.column) == (f"data/{file}", *where(text, at))
    assert f"'{wrong}'" in finding.message
    assert "onbekend" in finding.message
    assert f"bedoelt u '{suggestion}'?" in finding.hint


def test_an_unknown_reference_unlike_any_id_gets_no_suggestion(data_factory, minimal_data, where):
    text = minimal_data["tijdlijn.yaml"].replace("bronnen: [rapport-a]", "bronnen: [qqqqqqqqqq]")
    finding = only_finding(data_factory({"tijdlijn.yaml": text}))
    assert (finding.line, finding.column) == where(text, "qqqqqqqqqq")
    assert "'qqqqqqqqqq'" in finding.message
    assert "bedoelt u" not in finding.hint
    assert "qqqqqqqqqq" in finding.hint


def test_a_reference_to_a_kernpunt_and_a_nota_is_checked(data_factory, minimal_data, where):
    verkenning = minimal_data["verkenning.yaml"] + dedent(f"""\
        uitdagingsgroepen:
          - id: groep
            kop: Groep
            inleiding: "De uitdagingen:"
            kernpunt: {NOTA_REF}-eerste
        uitdagingen:
          - id: complexiteit
            groep: groep
            tekst: Complexiteit.
            kernpunt: {NOTA_REF}-eerst
        """)
    tijdlijn = minimal_data["tijdlijn.yaml"] + '    notas: ["7654321"]\n'
    findings = index_findings(data_factory({"verkenning.yaml": verkenning, "tijdlijn.yaml": tijdlijn}))
    assert [(finding.path, finding.line, finding.column) for finding in findings] == [
        ("data/tijdlijn.yaml", *where(tijdlijn, '"7654321"')),
        ("data/verkenning.yaml", *where(verkenning, f"kernpunt: {NOTA_REF}-eerst\n")),
    ]
    assert "'7654321'" in findings[0].message
    assert f"'{NOTA_REF}-eerst'" in findings[1].message
    assert f"bedoelt u '{NOTA_REF}-eerste'?" in findings[1].hint


@pytest.mark.parametrize("bad_id", ["eerste", "12345678-eerste", f"{NOTA_REF}eerste", f"x-{NOTA_REF}-eerste"])
def test_a_kernpunt_id_must_start_with_the_referentie_of_its_nota(data_factory, minimal_data, where, bad_id):
    text = minimal_data[NOTA_FILE].replace(f"id: {NOTA_REF}-eerste", f"id: {bad_id}")
    finding = only_finding(data_factory({NOTA_FILE: text}))
    assert (finding.path, finding.line, finding.column) == (f"data/{NOTA_FILE}", *where(text, f"id: {bad_id}"))
    assert f"'{bad_id}'" in finding.message
    assert f"{NOTA_REF}-" in finding.hint


def test_a_sub_kernpunt_id_must_also_start_with_the_referentie(data_factory, where):
    text = nota_with_kernpunten(f"""\
          - id: {NOTA_REF}-eerste
            tekst: Eerste.
            bronnen: [rapport-a]
            kernpunten:
              - id: {NOTA_REF}-sub
                tekst: Goed.
              - id: sub-fout
                tekst: Fout.
        """)
    finding = only_finding(data_factory({NOTA_FILE: text}))
    assert (finding.line, finding.column) == where(text, "id: sub-fout")
    assert "'sub-fout'" in finding.message


def test_all_index_problems_in_all_files_are_reported_at_once_and_sorted(data_factory, minimal_data, where):
    bronnen = minimal_data["bronnen.yaml"] + items("""\
          - id: verdrag-b
            soort: verdrag
            titel: Dubbel
            beschrijving: Dubbel.
        """)
    nota = nota_with_kernpunten("""\
          - id: eerste
            tekst: Eerste.
            bronnen: [rapport-aa]
        """)
    modellen = minimal_data["modellen.yaml"].replace("rapport: rapport-a", "rapport: onbekend-rapport")
    findings = index_findings(data_factory({"bronnen.yaml": bronnen, NOTA_FILE: nota, "modellen.yaml": modellen}))
    expected = sorted([
        ("data/bronnen.yaml", *where(bronnen, "id: verdrag-b\n    soort: verdrag\n    titel: Dubbel")),
        (f"data/{NOTA_FILE}", *where(nota, "id: eerste")),
        (f"data/{NOTA_FILE}", *where(nota, "rapport-aa")),
        ("data/modellen.yaml", *where(modellen, "rapport:")),
    ])
    assert [(finding.path, finding.line, finding.column) for finding in findings] == expected
    assert findings == sorted(findings)


def test_a_kernpunt_without_topics_is_grouped_under_the_topics_of_its_nota(data_factory):
    text = nota_with_kernpunten(f"""\
          - id: {NOTA_REF}-eigen
            tekst: Met eigen onderwerp.
            onderwerpen: [terugkeer]
            kernpunten:
              - id: {NOTA_REF}-sub
                tekst: Zonder onderwerp.
          - id: {NOTA_REF}-zonder
            tekst: Zonder onderwerp.
        """, onderwerpen="[asiel, terugkeer]")
    index = index_of(data_factory({NOTA_FILE: text}))
    assert index.kernpunten_by_onderwerp == {
        "asiel": [f"{NOTA_REF}-sub", f"{NOTA_REF}-zonder"],
        "terugkeer": [f"{NOTA_REF}-eigen", f"{NOTA_REF}-sub", f"{NOTA_REF}-zonder"],
    }
    assert index.number_of == {f"{NOTA_REF}-eigen": "1", f"{NOTA_REF}-sub": "1.1", f"{NOTA_REF}-zonder": "2"}
    assert index.parent_of[f"{NOTA_REF}-sub"] == f"{NOTA_REF}-eigen"


def test_a_bron_named_twice_by_one_kernpunt_is_cited_once(data_factory):
    text = nota_with_kernpunten(f"""\
          - id: {NOTA_REF}-eerste
            tekst: Eerste.
            bronnen: [rapport-a, verdrag-b, rapport-a]
        """)
    index = index_of(data_factory({NOTA_FILE: text}))
    assert index.citations == {"rapport-a": [f"{NOTA_REF}-eerste"], "verdrag-b": [f"{NOTA_REF}-eerste"]}


def test_kernpunten_and_citations_list_the_newest_nota_first(data_factory):
    older = nota_with_kernpunten("""\
          - id: 1111111-oud
            tekst: Oud.
            bronnen: [rapport-a]
        """, referentie="1111111", datum="2024-01-01")
    newer = nota_with_kernpunten("""\
          - id: 2222222-nieuw
            tekst: Nieuw.
            bronnen: [rapport-a]
        """, referentie="2222222", datum="2025-01-01")
    index = index_of(data_factory({NOTA_FILE: None, "notas/1111111.yaml": older, "notas/2222222.yaml": newer}))
    assert [nota.referentie for nota in index.notas_newest_first] == ["2222222", "1111111"]
    assert [kernpunt.id for kernpunt in index.kernpunten()] == ["2222222-nieuw", "1111111-oud"]
    assert index.citations["rapport-a"] == ["2222222-nieuw", "1111111-oud"]


def test_a_nota_shares_the_timeline_by_date_with_partial_dates(data_factory, minimal_data):
    tijdlijn = minimal_data["tijdlijn.yaml"] + items("""\
          - id: jaar
            datum: 2025
            soort: besluit
            titel: Ergens in 2025
          - id: dag
            datum: 2025-04-02
            soort: besluit
            titel: Een dag na de nota
        """)
    index = index_of(data_factory({"tijdlijn.yaml": tijdlijn}))
    assert [item.id for item in index.timeline] == ["jaar", "publicatie-a", f"nota-{NOTA_REF}", "dag"]
    nota_item = index.timeline[2]
    assert nota_item.datum == PartialDate(2025, 4, 1)
    assert isinstance(index.get("nota", NOTA_REF), Nota)


def test_record_at_finds_the_note_or_bron_of_a_page(data_factory):
    index = index_of(data_factory())
    assert index.record_at(f"notas/{NOTA_REF}.md").referentie == NOTA_REF
    assert index.record_at("bronnen/verdrag-b.md").id == "verdrag-b"
    assert index.record_at("kernpunten.md") is None
