"""The search page (zoeken/) in Debian's Chromium over HTTP under a sub-path: every filter, the address holding the
query and filters, the keyboard, axe, a phone, print; on the positions fixture the filter "stand" and current
kernpunten ranked above replaced ones, which say so; and the public build's filters hold nothing withheld."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.adapter.pagefind_order import _read
from macros.outputs.search_filters import FILTERS, FILTERS_FILE, PAGES_FILE
from tests.conftest import served
from tests.mobile import PHONE
from tests.positions_fixture import FIRST, NEW, OLD, SECOND, THIRD, positions_project
from tests.serving import StaticServer
from tests.site_build import PUBLIC_ENV, build, generated_build
from tests.test_browser import WCAG_TAGS
from tests.woo_fixture import CANARIES, GROUNDS, REFERENTIE, woo_project

SEARCH_PAGE = "zoeken/"
STATUS = "[data-bp-zoekstatus]"


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    """A generated site of 40 notes: every filter has several values."""
    return generated_build(tmp_path_factory, notes=40, seed=3)[1]


@pytest.fixture(scope="module")
def corpus_url(corpus_site, tmp_path_factory) -> str:
    yield from served(corpus_site, tmp_path_factory, "http-corpus")


# The status while the pages with the exact words are shown and those with longer words are still being looked for.
SEARCHING_ON = "nog gezocht"


def open_search(page, url: str) -> None:
    """Open the search page at `url` and wait until it answered in full (its status tells results, or what to do)
    and its filters have their values."""
    page.goto(url)
    page.wait_for_function(f"() => {{ const status = document.querySelector('{STATUS}').textContent;"
                           " return /niet beschikbaar/.test(status) || /resultaat|resultaten|Typ een zoekterm/"
                           f".test(status) && !status.includes('{SEARCHING_ON}')"
                           " && [...document.querySelectorAll('.bp-zoeken__waarden')]"
                           ".every(list => list.children.length); }")


def wait_for_answer(page, before: str) -> str:
    """The status once it differs from `before` (the previous answer) and the answer is complete."""
    page.wait_for_function(f"before => {{ const status = document.querySelector('{STATUS}').textContent;"
                           f" return status !== before && !status.includes('{SEARCHING_ON}'); }}", arg=before)
    return page.inner_text(STATUS)


def result_total(status: str) -> int:
    match = re.match(r"([\d.]+) resulta(?:at|ten)|Geen", status)
    assert match, status
    return int(match.group(1).replace(".", "")) if match.group(1) else 0


def filter_values(site: Path) -> dict[str, set[str]]:
    """Every filter's values in the Pagefind index of a built site."""
    values: dict[str, set[str]] = {}
    for path in (site / "pagefind" / "filter").glob("*.pf_filter"):
        name, entries = _read(path)
        values[name] = {value for value, _pages in entries}
    return values


def test_every_filter_has_several_values_in_the_corpus(corpus_site):
    values = filter_values(corpus_site)
    assert set(values) == {item.name for item in FILTERS}
    assert all(len(found) > 1 for found in values.values()), values


def test_the_filter_file_counts_the_pages_pagefind_filters(corpus_site):
    """zoeken/filters.json (the filter choices, and the answer to filters alone) holds the values and numbers of
    pages of Pagefind's filter index, and each value's pages carry it."""
    counts = {}
    for path in (corpus_site / "pagefind" / "filter").glob("*.pf_filter"):
        name, entries = _read(path)
        counts[name] = {value: len(pages) for value, pages in entries}
    data = json.loads((corpus_site / FILTERS_FILE).read_text("utf-8"))
    assert {name: {value: len(numbers) for value, numbers in found.items()}
            for name, found in data["filters"].items()} == counts
    pages = [page for number in range(0, data["paginas"], data["per_bestand"]) for page in json.loads(
        (corpus_site / PAGES_FILE.format(number=number // data["per_bestand"])).read_text("utf-8"))]
    assert len(pages) == data["paginas"]
    for name, found in data["filters"].items():
        value, differences = next(iter(found.items()))
        url = pages[differences[0]][0]
        html = (corpus_site / url / "index.html").read_text("utf-8").replace("&amp;", "&")
        assert f'data-pagefind-filter="{name}[data-waarde]" data-waarde="{value}"' in html, (name, url)


@pytest.mark.parametrize("name", [item.name for item in FILTERS])
def test_each_filter_narrows_the_results_to_pages_with_its_value(page, corpus_url, corpus_site, name):
    open_search(page, corpus_url + SEARCH_PAGE)
    box = page.locator(f"fieldset[data-filter='{name}'] input[type=checkbox]").first
    value = box.get_attribute("value")
    label = page.inner_text(f"label[for='{box.get_attribute('id')}']")
    expected = int(re.search(r"\((\d+)\)$", label).group(1))
    before = page.inner_text(STATUS)
    box.check()
    total = result_total(wait_for_answer(page, before))
    assert total == expected
    assert parse_qs(urlsplit(page.url).query) == {name: [value]}
    pages = page.eval_on_selector_all("[data-bp-zoekresultaten] a", "links => links.map(a => a.href)")
    assert len(pages) == min(total, 20)
    site_path = urlsplit(corpus_url).path
    for href in pages[:5]:
        html = (corpus_site / urlsplit(href).path.removeprefix(site_path) / "index.html").read_text("utf-8")
        carried = f'data-pagefind-filter="{name}[data-waarde]" data-waarde="{value}"'
        assert carried in html.replace("&amp;", "&"), href


def test_filters_combine_with_a_query_and_the_address_round_trips(page, corpus_url):
    open_search(page, corpus_url + SEARCH_PAGE + "?zoek=asiel")
    only_query = result_total(page.inner_text(STATUS))
    years = page.locator("fieldset[data-filter='jaar'] input").evaluate_all("boxes => boxes.map(b => b.value)")
    address = f"{SEARCH_PAGE}?zoek=asiel&jaar={years[0]}&jaar={years[1]}&soort=beslisnota"
    open_search(page, corpus_url + address)
    assert page.input_value("#bp-zoekterm") == "asiel"
    assert not page.is_checked("#__search")  # Material's own search box stays closed (it would take `?q=`)
    checked = page.locator(".bp-zoeken input[type=checkbox]:checked").evaluate_all("boxes => boxes.map(b => b.value)")
    assert sorted(checked) == sorted([years[0], years[1], "beslisnota"])
    filtered = result_total(page.inner_text(STATUS))
    assert 0 < filtered < only_query
    before = page.inner_text(STATUS)
    page.fill("#bp-zoekterm", "asiel dublin")
    wait_for_answer(page, before)
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"zoek": ["asiel dublin"], "jaar": years[:2], "soort": ["beslisnota"]}
    sent = page.url
    page.goto("about:blank")
    open_search(page, sent)
    assert page.input_value("#bp-zoekterm") == "asiel dublin"
    assert page.locator(".bp-zoeken input[type=checkbox]:checked").count() == 3


def test_the_search_page_works_with_the_keyboard_only(page, corpus_url):
    open_search(page, corpus_url + SEARCH_PAGE)
    page.focus("#bp-zoekterm")
    page.keyboard.type("asiel")
    page.keyboard.press("Enter")
    page.wait_for_function("() => new URL(location.href).searchParams.get('zoek') === 'asiel'")
    page.wait_for_selector("[data-bp-zoekresultaten] a")
    before = page.inner_text(STATUS)
    for _ in range(3):  # the search button, then the first filter's first value
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type") == "checkbox":
            break
    assert page.evaluate("() => document.activeElement.name") == "onderwerp"
    page.keyboard.press("Space")
    wait_for_answer(page, before)
    assert "onderwerp" in parse_qs(urlsplit(page.url).query)
    focused = ""
    for _ in range(200):  # on through the filters to the first result
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.closest('[data-bp-zoekresultaten]') ? "
                                "document.activeElement.href : ''")
        if focused:
            break
    assert focused
    page.keyboard.press("Enter")
    page.wait_for_url(focused)


def test_more_results_follow_on_request_with_the_focus_on_the_first_new_one(page, corpus_url):
    open_search(page, corpus_url + SEARCH_PAGE + "?zoek=dublin")
    total = result_total(page.inner_text(STATUS))
    assert total > 20 and page.locator("[data-bp-zoekresultaten] li").count() == 20
    before = page.inner_text(STATUS)
    page.click("[data-bp-meer]")
    wait_for_answer(page, before)
    assert page.locator("[data-bp-zoekresultaten] li").count() == min(total, 40)
    assert page.evaluate("() => [...document.querySelectorAll('[data-bp-zoekresultaten] a')]"
                         ".indexOf(document.activeElement)") == 20


def test_the_pages_with_the_exact_word_come_first_then_those_with_longer_words(page, corpus_url):
    """'dublin' also begins 'Dublinoverdrachten': the pages with the word itself are shown (and said to be so) before
    the whole answer, which holds more."""
    page.add_init_script("""addEventListener("DOMContentLoaded", () => {
      const status = document.querySelector("[data-bp-zoekstatus]");
      window.statuses = [];
      new MutationObserver(() => window.statuses.push(status.textContent))
        .observe(status, { childList: true, characterData: true, subtree: true });
    });""")
    open_search(page, corpus_url + SEARCH_PAGE + "?zoek=dublin")
    statuses = page.evaluate("() => window.statuses")
    first = next(status for status in statuses if SEARCHING_ON in status)
    exact = int(re.match(r"Met precies deze woorden: ([\d.]+) resulta", first).group(1).replace(".", ""))
    assert 0 < exact < result_total(statuses[-1]), statuses


def test_the_status_says_which_words_its_results_answer(page, corpus_url):
    """`data-gezocht` on the status (what `make bench` waits for): "" for filters alone, then the words searched for,
    set with the results they answer."""
    open_search(page, corpus_url + SEARCH_PAGE + "?jaar=2025")
    assert page.get_attribute(STATUS, "data-gezocht") == ""
    before = page.inner_text(STATUS)
    page.fill("#bp-zoekterm", "Dublin Beleid")
    page.keyboard.press("Enter")
    wait_for_answer(page, before)
    assert page.get_attribute(STATUS, "data-gezocht") == "dublin beleid"


def test_a_page_reads_the_sitemap_once(page, corpus_url):
    """Material's instant navigation reads sitemap.xml (at 5,000 notes 150 ms of the main thread): the feed's link
    must not make Material read it a second time (it does for every link whose rel is exactly "alternate")."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(corpus_url + "notas/")
    page.wait_for_load_state("networkidle")
    assert sum(path.endswith("/sitemap.xml") for path in requested) == 1, requested


def test_the_number_of_results_is_announced_politely(page, corpus_url):
    open_search(page, corpus_url + SEARCH_PAGE + "?zoek=dublin")
    status = page.locator(STATUS)
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert result_total(status.inner_text()) > 0
    legends = page.locator("fieldset legend").all_inner_texts()
    assert legends == [item.legend for item in FILTERS]


@pytest.mark.parametrize("address", [SEARCH_PAGE, SEARCH_PAGE + "?zoek=dublin&jaar=2026"])
def test_the_search_page_has_no_accessibility_violations(page, corpus_url, address):
    open_search(page, corpus_url + address)
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert result.response["passes"], "axe ran no rule"
    assert result.response["violations"] == [], result.generate_report()


def test_the_search_box_leads_to_all_results_on_the_search_page(page, corpus_url):
    page.goto(corpus_url + "notas/")
    page.click("input.md-search__input")
    page.keyboard.type("dublin")
    link = page.locator(".bp-alle-resultaten a", has_text="Alle resultaten op de zoekpagina")
    page.wait_for_function("() => document.querySelector('.bp-alle-resultaten a')?.href.endsWith('?zoek=dublin')")
    page.wait_for_load_state("networkidle")  # the box's last search is done: its list is not drawn again
    page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent"
                           f".includes('{SEARCHING_ON}')")
    link.click()
    page.wait_for_function("() => location.pathname.endsWith('/zoeken/')")
    page.wait_for_selector("[data-bp-zoekresultaten] a")
    assert page.input_value("#bp-zoekterm") == "dublin"


def test_no_request_leaves_the_host_and_no_script_error(page, corpus_url):
    host = urlsplit(corpus_url).netloc
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_search(page, corpus_url + SEARCH_PAGE + "?zoek=terugkeer&status=vastgesteld")
    assert [url for url in requests if urlsplit(url).netloc != host and not url.startswith("data:")] == []
    assert errors == []


def test_the_search_page_fits_a_phone(browser, corpus_url):
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    phone = context.new_page()
    open_search(phone, corpus_url + SEARCH_PAGE + "?zoek=asiel")
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert phone.locator("#bp-zoekterm").bounding_box()["width"] > 150
    context.close()


def test_the_search_page_prints_its_results_without_the_filters(page, corpus_url):
    open_search(page, corpus_url + SEARCH_PAGE + "?zoek=asiel")
    page.emulate_media(media="print")
    assert page.locator(".bp-zoeken__filters").evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator("[data-bp-zoekresultaten] a").first.is_visible()


def test_without_a_search_index_the_search_page_says_so(page, corpus_site, tmp_path):
    """As in the preview (`make serve`), which makes no search index."""
    shutil.copytree(corpus_site, tmp_path / "site", ignore=shutil.ignore_patterns("pagefind"))
    with StaticServer(tmp_path / "site", tmp_path / "http") as server:
        open_search(page, server.url + SEARCH_PAGE + "?zoek=dublin")
        assert "zoekindex ontbreekt" in page.inner_text(STATUS)


# --- Positions over time (tests/positions_fixture.py): the filter "stand", and current kernpunten ranked first

STANDS = {FIRST: ["actueel", "vervangen", "ingetrokken"], SECOND: ["vervangen"], THIRD: ["actueel"],
          OLD: ["vervangen"], NEW: ["actueel"]}


@pytest.fixture(scope="module")
def positions_site(tmp_path_factory) -> Path:
    project = positions_project(tmp_path_factory.mktemp("zoeken-standen") / "project")
    result = build(project, tmp_path_factory.mktemp("zoeken-standen-site"))
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="module")
def positions_url(positions_site, tmp_path_factory) -> str:
    yield from served(positions_site, tmp_path_factory, "http-standen")


def test_a_note_carries_the_stands_of_its_kernpunten(positions_site):
    """A note with a current, a replaced and a withdrawn kernpunt has all three; a note replaced as a whole is
    vervangen."""
    for referentie, stands in STANDS.items():
        html = (positions_site / "notas" / referentie / "index.html").read_text("utf-8")
        assert re.findall(r'data-pagefind-filter="stand\[data-waarde\]" data-waarde="(\w+)"', html) == stands


@pytest.mark.parametrize("stand", ["actueel", "vervangen", "ingetrokken"])
def test_the_stand_filter_finds_the_notes_with_that_stand(page, positions_url, stand):
    open_search(page, positions_url + SEARCH_PAGE + f"?stand={stand}")
    assert page.is_checked(f"fieldset[data-filter='stand'] input[value='{stand}']")
    links = page.eval_on_selector_all("[data-bp-zoekresultaten] h2 a", "links => links.map(a => a.href)")
    found = {urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1] for href in links}
    notes = {referentie for referentie, stands in STANDS.items() if stand in stands}
    assert notes <= found and all(note in notes for note in found if note in STANDS), found
    assert result_total(page.inner_text(STATUS)) == len(links)


def test_the_current_kernpunt_ranks_first_and_replaced_ones_say_so(page, positions_url):
    open_search(page, positions_url + SEARCH_PAGE + "?zoek=keten")
    results = page.locator("[data-bp-zoekresultaten] > li")
    first = results.nth(0)
    assert first.locator("h2 a").get_attribute("href").endswith(f"/notas/{THIRD}/")
    assert first.locator(".bp-stand").count() == 0
    notices = {}
    for position in range(1, 3):
        result = results.nth(position)
        notices[result.locator("h2 a").get_attribute("href").rstrip("/").rsplit("/", 1)[-1]] = (
            result.locator(".bp-stand").all_inner_texts())
    assert notices == {SECOND: [f"Kernpunt 1: vervangen door nota {THIRD}, kernpunt 1 (1 maart 2026)."],
                       FIRST: [f"Kernpunt 1: vervangen door nota {SECOND}, kernpunt 1 (1 februari 2025); het "
                               f"actuele standpunt is nota {THIRD}, kernpunt 1."]}


def test_a_withdrawn_kernpunt_says_so_in_the_result(page, positions_url):
    open_search(page, positions_url + SEARCH_PAGE + "?zoek=later+ingetrokken")
    result = page.locator("[data-bp-zoekresultaten] > li", has=page.locator(f"a[href$='/notas/{FIRST}/']"))
    assert result.locator(".bp-stand").all_inner_texts() == [f"Kernpunt 2: ingetrokken bij nota {THIRD} "
                                                             "(1 maart 2026)."]


def test_the_search_box_ranks_the_current_kernpunt_first_and_marks_replaced_ones(page, positions_url):
    page.goto(positions_url + "notas/")
    page.click("input.md-search__input")
    page.keyboard.type("keten")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length >= 3 && !document"
                           f".querySelector('.md-search-result__meta').textContent.includes('{SEARCHING_ON}')")
    pages = page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(item => [item.querySelector('a').href,"
        " [...item.querySelectorAll('.bp-stand')].map(notice => notice.textContent)])")
    assert f"/notas/{THIRD}/" in pages[0][0] and pages[0][1] == []
    for referentie, replacing in ((SECOND, THIRD), (FIRST, SECOND)):  # the kernpunt's notice before its excerpt
        notices = next(notices for href, notices in pages if f"/notas/{referentie}/" in href)
        assert [notice.split(",")[0] for notice in notices] == [f"Vervangen door nota {replacing}"], notices


# --- The public (Woo) build: a withheld bureau, and the onderwerp only a withheld kernpunt has, are no filter value

WITHHELD_ONDERWERP = "Kanarie-onderwerp"


@pytest.fixture(scope="module")
def woo_filter_builds(tmp_path_factory) -> dict[str, Path]:
    """The Woo fixture project, its withheld kernpunt with an onderwerp of its own, built internal and public."""
    project = woo_project(tmp_path_factory.mktemp("woo-zoeken") / "project")
    onderwerpen = project / "data" / "onderwerpen.yaml"
    onderwerpen.write_text(onderwerpen.read_text("utf-8").rstrip("\n")
                           + f"\n  - id: kanarie\n    naam: {WITHHELD_ONDERWERP}\n", encoding="utf-8")
    nota = project / "data" / "notas" / f"{REFERENTIE}.yaml"
    marker = f"    niet_openbaar: {GROUNDS['kernpunt']}\n"
    text = nota.read_text("utf-8")
    assert text.count(marker) == 1
    nota.write_text(text.replace(marker, marker + "    onderwerpen: [kanarie]\n"), encoding="utf-8")
    sites = {}
    for name, env in (("intern", None), ("openbaar", PUBLIC_ENV)):
        result = build(project, tmp_path_factory.mktemp(f"woo-zoeken-{name}"), env)
        assert result.returncode == 0, result.output
        sites[name] = result.site
    return sites


def note_filters(site: Path) -> str:
    return (site / "notas" / REFERENTIE / "index.html").read_text("utf-8")


def test_the_public_build_has_no_withheld_value_in_its_filters(woo_filter_builds):
    internal, public = (filter_values(woo_filter_builds[name]) for name in ("intern", "openbaar"))
    assert CANARIES["bureau"] in internal["bureau"]
    assert CANARIES["bureau"] not in public.get("bureau", set())
    assert f'data-waarde="{WITHHELD_ONDERWERP}"' in note_filters(woo_filter_builds["intern"])
    assert WITHHELD_ONDERWERP not in note_filters(woo_filter_builds["openbaar"])
    withheld = {CANARIES["bureau"], CANARIES["kernpunt"], CANARIES["subkernpunt"]}
    assert not withheld & set().union(*public.values())
    internal_file, public_file = (filter_file_text(woo_filter_builds[name]) for name in ("intern", "openbaar"))
    assert CANARIES["bureau"] in internal_file
    assert [canary for canary in CANARIES.values() if canary in public_file] == []


def filter_file_text(site: Path) -> str:
    """Every key and text in the search page's files of the filters (zoeken/*.json), one per line."""
    def texts(value):
        if isinstance(value, dict):
            return [text for key, item in value.items() for text in (key, *texts(item))]
        if isinstance(value, list):
            return [text for item in value for text in texts(item)]
        return [value] if isinstance(value, str) else []
    return "\n".join(text for path in sorted((site / "zoeken").glob("*.json"))
                     for text in texts(json.loads(path.read_text("utf-8"))))


def test_the_public_search_page_offers_only_public_values(page, woo_filter_builds, tmp_path_factory):
    for url in served(woo_filter_builds["openbaar"], tmp_path_factory, "http-woo-zoeken"):
        open_search(page, url + SEARCH_PAGE)
        labels = page.locator("fieldset label").all_inner_texts()
        bureaus = [text.strip() for text in page.locator("fieldset[data-filter='bureau'] li").all_inner_texts()]
        assert bureaus == ["Bureau Internationaal Migratiebeleid (1)"]  # the real note's; the fixture's is withheld
        # The onderwerp is public (data/onderwerpen.yaml) and has its page; the note does not carry it publicly.
        assert [label for label in labels if "Kanarie" in label] == [f"{WITHHELD_ONDERWERP} (1)"]
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert result.response["violations"] == [], result.generate_report()
