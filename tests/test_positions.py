"""Positions over time on fixture notes (tests/positions_fixture.py): every place an earlier kernpunt appears says
what replaced or withdrew it, with a working link; the onderwerp page puts the current position first; the
exports carry the relations both ways; the warnings reach `make check`."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import feedparser
import pytest

from macros.content.index import Index
from macros.content.loading import load_content
from macros.outputs.feed import FEED_ENTRIES, FEED_FILE
from tests.editing import Project, finding_lines, run_check
from tests.positions_fixture import FIRST, NEW, OLD, ONDERWERP, QUOTE_PAGE, SECOND, SUPERSEDED, THIRD, positions_project
from tests.site_build import build
from tests.site_pages import check_internal_links, page, resolve

# What the fixture notes say, from the later records: the kernpunt or note that superseded each, and the current
# kernpunt at the end of its chain.
REPLACED = {f"{FIRST}-eerste": (f"{SECOND}-tweede", f"{THIRD}-derde"), f"{SECOND}-tweede": (f"{THIRD}-derde", None)}
WITHDRAWN = {f"{FIRST}-ingetrokken": THIRD}
WHOLE = {f"{OLD}-oud": NEW}


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory):
    project = positions_project(tmp_path_factory.mktemp("positions") / "project")
    result = build(project, project.parent / "site")
    assert result.returncode == 0, result.output
    return project, result.site


def stand_links(soup_element, url: str) -> list[str]:
    """The kernpunten and notes a notice of supersession links to, as `<page url>#<anchor>`."""
    notice = soup_element.select_one(".bp-stand")
    assert notice is not None, soup_element
    return ["#".join(resolve(url, link["href"])) for link in notice.select("a")]


def expected_links(kernpunt_id: str) -> list[str]:
    if kernpunt_id in REPLACED:
        replacer, current = REPLACED[kernpunt_id]
        targets = [replacer, *([current] if current else [])]
        return [f"notas/{target.split('-')[0]}/#{target}" for target in targets]
    referentie = WITHDRAWN.get(kernpunt_id) or WHOLE[kernpunt_id]
    return [f"notas/{referentie}/#"]


def test_every_superseded_kernpunt_says_what_superseded_it_on_its_notes_page(fixture_build):
    _, site = fixture_build
    assert set(REPLACED) | set(WITHDRAWN) | set(WHOLE) == SUPERSEDED
    for kernpunt_id in SUPERSEDED:
        url = f"notas/{kernpunt_id.split('-')[0]}/"
        item = page(site, url).find(id=kernpunt_id).find_parent("li")
        assert stand_links(item, url) == expected_links(kernpunt_id), kernpunt_id
        text = item.select_one(".bp-stand").get_text(" ")
        assert ("Ingetrokken bij" in text) == (kernpunt_id in WITHDRAWN), text
    for current in (f"{FIRST}-blijft", f"{THIRD}-derde", f"{NEW}-nieuw"):
        item = page(site, f"notas/{current.split('-')[0]}/").find(id=current).find_parent("li")
        assert item.select_one(".bp-stand") is None, current


def test_quotes_bron_pages_and_onderwerp_pages_say_so_too(fixture_build):
    _, site = fixture_build
    quote_url = QUOTE_PAGE.removeprefix("docs/").removesuffix(".md") + "/"
    (quote,) = page(site, quote_url).select(".bp-citaat")
    assert stand_links(quote, quote_url) == expected_links(f"{FIRST}-eerste")
    for url in ("bronnen/evrm/", f"kernpunten/{ONDERWERP}/"):
        for item in page(site, url).select(".bp-kernpunt-lijst li"):
            kernpunt_id = resolve(url, item.a["href"])[1]
            if kernpunt_id in SUPERSEDED:
                assert stand_links(item, url) == expected_links(kernpunt_id), (url, kernpunt_id)
            else:
                assert item.select_one(".bp-stand") is None, (url, kernpunt_id)


def test_the_onderwerp_page_opens_with_exactly_the_current_kernpunten_newest_first(fixture_build):
    project, site = fixture_build
    index = Index(load_content(project / "data", project))
    url = f"kernpunten/{ONDERWERP}/"
    groups = page(site, url).select(".bp-kernpunt-lijst")
    current = [resolve(url, item.a["href"])[1] for item in groups[0].select("li")]
    earlier = [resolve(url, item.a["href"])[1] for item in groups[1].select("li")]
    everything = index.kernpunten_by_onderwerp[ONDERWERP]
    assert current == [kernpunt_id for kernpunt_id in everything if kernpunt_id not in SUPERSEDED]
    assert set(earlier) == SUPERSEDED & set(everything) and set(earlier)
    dates = [index.nota_of[kernpunt_id].datum for kernpunt_id in current]
    assert dates == sorted(dates, reverse=True)
    rows = page(site, "kernpunten/").select("tbody tr")
    overview = {row.th.a["href"]: row.find_all("td")[-1].get_text() for row in rows}
    assert overview[f"{ONDERWERP}/"] == str(len(current))


def test_every_link_of_the_fixture_site_resolves(fixture_build):
    _, site = fixture_build
    checked, broken = check_internal_links(site)
    assert checked > 100 and broken == []


def test_the_exports_hold_the_relations_both_ways(fixture_build):
    _, site = fixture_build
    kernpunten = {record["id"]: record for record in json.loads((site / "export" / "kernpunten.json").read_text())}
    for earlier, (replacer, current) in REPLACED.items():
        assert kernpunten[earlier]["vervangen_door"] == {"kernpunt": replacer, "nota": replacer.split("-")[0]}
        assert earlier in kernpunten[replacer]["vervangt"]
        assert kernpunten[earlier]["actueel"] == (current or replacer)
    for withdrawn, nota in WITHDRAWN.items():
        assert kernpunten[withdrawn]["ingetrokken_door"] == nota and kernpunten[withdrawn]["actueel"] is None
    notas = {record["referentie"]: record for record in json.loads((site / "export" / "notas.json").read_text())}
    assert notas[NEW]["vervangt"] == [OLD] and notas[OLD]["vervangen_door"] == NEW
    assert notas[THIRD]["trekt_in"] == list(WITHDRAWN)
    assert kernpunten[f"{FIRST}-blijft"]["actueel"] == f"{FIRST}-blijft"


def test_a_concept_note_that_supersedes_and_pages_or_data_citing_a_superseded_kernpunt_are_warned_about(
        tmp_path):
    project = Project(positions_project(tmp_path / "project"))
    project.replace(f"data/notas/{THIRD}.yaml", "status: vastgesteld", "status: concept")
    warnings = finding_lines(run_check(project.root).stdout, "warning")
    concept_warnings = [line for line in warnings if "[standpunt-concept]" in line]
    where = project.spot(f"data/notas/{THIRD}.yaml", f"{SECOND}-tweede]")
    assert any(line.startswith(f"{where.path}:{where.line}:{where.column}: warning: de nota {THIRD} is een concept")
               for line in concept_warnings), warnings
    assert len(concept_warnings) == 2  # its replacement and its withdrawal
    quoted = project.spot(QUOTE_PAGE, f"{FIRST}-eerste")
    assert quoted.warning(f"het kernpunt '{FIRST}-eerste' is vervangen bij nota {SECOND}",
                          f"verwijs naar het actuele kernpunt '{THIRD}-derde', of laat de verwijzing staan als zij "
                          "over het eerdere standpunt gaat", "standpunt-vervangen-geciteerd") in warnings, warnings
    findings = project.text("data/modellen.yaml")
    (project.root / "data" / "modellen.yaml").write_text(findings.replace(
        "kernpunt: 6501580-praktische-uitdagingen", f"kernpunt: {FIRST}-eerste"), encoding="utf-8")
    cited = project.spot("data/modellen.yaml", f"kernpunt: {FIRST}-eerste")
    warnings = finding_lines(run_check(project.root).stdout, "warning")
    assert cited.warning(f"het kernpunt '{FIRST}-eerste' is vervangen bij nota {SECOND}",
                         f"verwijs naar het actuele kernpunt '{THIRD}-derde', of laat de verwijzing staan als zij over "
                         "het eerdere standpunt gaat", "standpunt-vervangen-geciteerd") in warnings, warnings


def test_the_feed_holds_new_notes_and_superseded_positions_newest_first_each_linking_to_its_page(fixture_build):
    project, site = fixture_build
    feed = feedparser.parse((site / FEED_FILE).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert 0 < len(feed.entries) <= FEED_ENTRIES and feed.feed.language == "nl"
    (own,) = [link.href for link in feed.feed.links if link.rel == "self"]
    base = own.removesuffix(FEED_FILE)  # the site's address: every entry links below it
    ids = {}
    for entry in feed.entries:
        assert entry.link.startswith(base), entry.link
        url, anchor = urlsplit(entry.link.removeprefix(base)).path, urlsplit(entry.link).fragment
        assert (site / url / "index.html").is_file(), entry.link
        assert not anchor or page(site, url).find(id=anchor) is not None, entry.link
        ids[entry.id] = entry.updated_parsed
    assert len(ids) == len(feed.entries)
    dates = [entry.updated_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    index = Index(load_content(project / "data", project))
    for kernpunt_id in SUPERSEDED:
        supersession = index.positions.superseded[kernpunt_id]
        (entry_id,) = [entry_id for entry_id in ids if f":standpunt:{kernpunt_id}:" in entry_id]
        assert ids[entry_id][:3] == supersession.datum.timetuple()[:3]  # the later note's date, not the clock
    for nota in index.notas_newest_first[:3]:
        assert ids[f"urn:beleidsposities:nota:{nota.referentie}"][:3] == nota.datum.timetuple()[:3]
    head = page(site, "notas/7100001/").find("link", rel="alternate", type="application/atom+xml")
    assert resolve("notas/7100001/", head["href"])[0] == FEED_FILE


def test_the_timeline_says_what_each_note_replaces_and_withdraws(fixture_build):
    _, site = fixture_build
    timeline = page(site, "tijdlijn/")
    said = {}
    for item in timeline.select(".bp-tijdlijn__item.bp-soort-nota"):
        notice = item.select_one(".bp-stand")
        said[item["id"].removeprefix("nota-")] = ["#".join(resolve("tijdlijn/", link["href"]))
                                                   for link in notice.select("a")] if notice else []
    assert said[NEW] == [f"notas/{OLD}/#"]
    assert said[SECOND] == [f"notas/{FIRST}/#{FIRST}-eerste"]
    assert said[THIRD] == [f"notas/{SECOND}/#{SECOND}-tweede", f"notas/{FIRST}/#{FIRST}-ingetrokken"]
    assert said[FIRST] == [] and said[OLD] == []
