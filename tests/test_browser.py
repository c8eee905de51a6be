"""The built site in Debian's Chromium, served over HTTP under a sub-path: search, accessibility, requests, print."""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from macros.content.loading import load_content
from tests.serving import StaticServer
from tests.site_build import ROOT

PAGE_KINDS = {
    "home": "",
    "nota": "notas/6501580/",
    "appreciatie": "appreciatie-grenzen-verleggen/",
    "verkenning": "verkenning-verdragen/",
    "bronnen": "bronnen/",
    "bron": "bronnen/evrm/",
    "kernpunten": "kernpunten/",
    "onderwerp": "kernpunten/dublin/",
    "tijdlijn": "tijdlijn/",
    "redactie": "redactie/",
}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SEARCH_WORKER = ROOT / "docs" / "assets" / "zoeken.js"

# Realistic queries: (query, page that must be first or in the top 3, anchor one of its hits must lead to).
SEARCH_FIRST = [
    ("6501580", "notas/6501580/", ""),
    ("Ontschepingsplatform", "appreciatie-grenzen-verleggen/", "ontschepingsplatform"),
    ("grensprocedure", "appreciatie-grenzen-verleggen/", "grensprocedure-niet-eu-land"),
    ("Vluchtelingenverdrag", "bronnen/vluchtelingenverdrag/", ""),
    ("Terugkeerverordening", "bronnen/com-2025-101-terugkeer/", ""),
    ("capaciteitsvraagstukken", "notas/6501580/", "6501580-praktische-uitdagingen"),
    ("minimumstandaarden", "verkenning-verdragen/", "inzet-van-het-kabinet"),
    ("Chisinau", "bronnen/chisinau-verklaring-2026/", ""),  # diacritics folded: the page says Chișinău
]
SEARCH_TOP_3 = [
    ("Screening langs de migratieroute", "appreciatie-grenzen-verleggen/", "screening-migratieroute"),
    ("Procedure en opvang in derde land", "appreciatie-grenzen-verleggen/", "procedure-opvang-derde-land"),
    ("Terugkeer- en transithubs", "appreciatie-grenzen-verleggen/", "terugkeer-transithubs"),
    ("EVRM", "bronnen/evrm/", ""),
    ("Dublin", "bronnen/dublin-iii/", ""),
    ("Dublinoverdrachten", "notas/6501580/", "6501580-uitdagingen-mensenrechtenverdragen"),
    ("interpretatieve verklaring", "notas/6501580/", "6501580-inzet-kabinet"),
    ("interpretatieve verklaringen", "notas/6501580/", "6501580-inzet-kabinet"),  # stemmed: the note says verklaring
    ("Grenzen verleggen", "bronnen/clingendael-grenzen-verleggen/", ""),
]


def search(page, site_url: str, query: str) -> list[list[str]]:
    """Type `query` in Material's search box; the hits per result page, as site-relative URLs with anchors."""
    page.goto(site_url)
    page.click("input.md-search__input")
    page.keyboard.type(query)
    # The results of the whole query, not of a part typed before (every link highlights the query's words), and the
    # whole answer, not the pages with exactly these words that come first (assets/zoeken.js; the box says so).
    words = " ".join(searched_words(query))
    page.wait_for_function("words => { const link = document.querySelector('.md-search-result__item a');"
                           " const meta = document.querySelector('.md-search-result__meta').textContent;"
                           " return link && new URL(link.href).searchParams.get('h') === words"
                           " && !meta.includes('nog gezocht'); }", arg=words)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(i => [...i.querySelectorAll('a')].map(a => a.href))")
    return [[_relative(site_url, href) for href in item] for item in hrefs]


def searched_words(query: str) -> list[str]:
    """The words of `query` that the search worker looks for (and Material highlights): stop words left out."""
    stop_words = re.search(r"STOP_WORDS = new Set\(\[(.*?)\]\)", SEARCH_WORKER.read_text("utf-8"), re.DOTALL).group(1)
    typed = [word for word in re.split(r"[\s\-/()]+", query.lower()) if word]
    return [word for word in typed if word not in re.findall(r'"(\w+)"', stop_words)]


def _relative(site_url: str, href: str) -> str:
    parts = urlsplit(href)
    path = parts.path.removeprefix(urlsplit(site_url).path)
    return f"{path}#{parts.fragment}" if parts.fragment else path


def _check_hit(results: list[list[str]], expected: str, anchor: str, within: int) -> None:
    pages = [hits[0].split("#")[0] for hits in results]
    assert expected in pages[:within], pages
    if anchor:
        hits = results[pages.index(expected)]
        assert f"{expected}#{anchor}" in hits, hits


@pytest.mark.parametrize(("query", "expected", "anchor"), SEARCH_FIRST, ids=[case[0] for case in SEARCH_FIRST])
def test_search_puts_the_right_page_first(page, site_url, query, expected, anchor):
    _check_hit(search(page, site_url, query), expected, anchor, within=1)


@pytest.mark.parametrize(("query", "expected", "anchor"), SEARCH_TOP_3, ids=[case[0] for case in SEARCH_TOP_3])
def test_search_puts_the_right_page_in_the_top_3(page, site_url, query, expected, anchor):
    _check_hit(search(page, site_url, query), expected, anchor, within=3)


def test_a_search_hit_leads_to_the_kernpunt_on_its_page(page, site_url):
    search(page, site_url, "capaciteitsvraagstukken")
    page.click(".md-search-result__item a[href*='#6501580-praktische-uitdagingen']")
    page.wait_for_url("**/notas/6501580/**#6501580-praktische-uitdagingen")
    assert page.locator("[id='6501580-praktische-uitdagingen']").is_visible()
    assert page.locator("mark[data-md-highlight]").first.text_content().lower() == "capaciteitsvraagstukken"


def test_enter_opens_the_best_hit(page, site_url):
    search(page, site_url, "capaciteitsvraagstukken")
    page.keyboard.press("Enter")
    page.wait_for_url("**/notas/6501580/**")


def test_a_broad_search_says_how_many_pages_match_beyond_those_listed(page, site_url):
    results = search(page, site_url, "bron")  # on more pages than the worker lists (20)
    meta = page.text_content(".md-search-result__meta").strip()
    listed, total = (int(number) for number in re.fullmatch(r"De beste (\d+) van (\d+) overeenkomende documenten",
                                                              meta).groups())
    assert len(results) <= listed < total, meta


@pytest.mark.parametrize("query", ["d", "de het"])
def test_a_search_waits_for_two_letters_besides_stop_words(page, site_url, query):
    page.goto(site_url)
    page.click("input.md-search__input")
    page.keyboard.type(query)
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.includes('Typ verder')")
    assert page.locator(".md-search-result__item").count() == 0


def test_without_a_search_index_the_search_box_says_so(browser, built_site, tmp_path):
    """As in the preview (`make serve`), which makes no search index."""
    shutil.copytree(built_site, tmp_path / "site", ignore=shutil.ignore_patterns("pagefind"))
    with StaticServer(tmp_path / "site", tmp_path / "http") as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        page = context.new_page()
        page.goto(server.url)
        page.click("input.md-search__input")
        page.keyboard.type("Dublin")
        page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent"
                               ".includes('zoekindex ontbreekt')")
        assert page.locator(".md-search-result__item").count() == 0
        context.close()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_kind_has_no_accessibility_violations(page, any_site_url, kind):
    page.goto(any_site_url + PAGE_KINDS[kind])
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert result.response["passes"], "axe ran no rule"
    assert result.response["violations"] == [], result.generate_report()


def test_search_with_results_has_no_accessibility_violations(page, site_url):
    assert search(page, site_url, "Dublin")
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert result.response["violations"] == [], result.generate_report()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_request_leaves_the_host(page, any_site_url, kind):
    host = urlsplit(any_site_url).netloc
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(any_site_url + PAGE_KINDS[kind])
    page.wait_for_load_state("networkidle")
    page.click("input.md-search__input")
    page.keyboard.type("EVRM")
    page.wait_for_selector(".md-search-result__item")
    assert len(requests) > 3
    assert [url for url in requests if urlsplit(url).netloc != host and not url.startswith("data:")] == []


def test_the_skip_link_and_a_visible_focus_come_first(page, site_url):
    page.goto(site_url + PAGE_KINDS["nota"])
    page.keyboard.press("Tab")
    focused = page.evaluate("() => ({target: new URL(document.activeElement.href).hash.slice(1), "
                            "outline: getComputedStyle(document.activeElement).outlineStyle, "
                            "visible: document.activeElement.getBoundingClientRect().height > 0})")
    assert focused["visible"] and focused["outline"] != "none", focused
    assert page.locator(f".md-content [id='{focused['target']}']").count() == 1, focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == f"#{focused['target']}"


def test_every_control_is_reachable_with_the_keyboard(page, site_url):
    page.goto(site_url + PAGE_KINDS["nota"])
    controls = page.eval_on_selector_all(
        "a[href]:not([tabindex='-1']), input:not([type=hidden]):not([tabindex='-1']), button:not([tabindex='-1'])",
        "els => els.filter(e => !e.hidden && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')"
        ".map((e, i) => { e.dataset.control = i; return e.outerHTML.slice(0, 100); })")
    assert len(controls) > 20
    reached: set[int] = set()
    for _ in range(len(controls) + 20):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("() => Number(document.activeElement.dataset.control ?? -1)"))
    assert [html for number, html in enumerate(controls) if number not in reached] == []


def test_a_note_prints_as_an_a4_memo(page, site_url):
    content = load_content(ROOT / "data", ROOT)
    nota = content.notas[0]
    page.goto(site_url + f"notas/{nota.referentie}/")
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    width, height = (float(value) for value in pdf.pages[0].mediabox.upper_right)
    assert abs(width - 595) < 2 and abs(height - 842) < 2, (width, height)  # A4 is 595 x 842 points
    text = " ".join(" ".join(page_.extract_text().split()) for page_ in pdf.pages)
    for expected in ("Onze referentie", nota.referentie, nota.geadresseerde, "1. Aanleiding", "3. Kernpunten",
                     "Bronnen:", "5. Informatie die niet openbaar gemaakt kan worden"):
        assert expected in text, expected
    assert " ".join(nota.kernpunten[0].tekst.split()[:8]) in text
    for navigation in ("Zoeken", "Inhoudsopgave", "Naar inhoud"):
        assert navigation not in text, navigation


@pytest.mark.parametrize(("kind", "figure"), [("tijdlijn", ".bp-tijdlijn-figuur"), ("nota", ".bp-web-figuur")])
def test_figures_are_static_svg_with_a_text_alternative(page, site_url, kind, figure):
    page.goto(site_url + PAGE_KINDS[kind])
    svg = page.locator(f"{figure} svg")
    assert svg.get_attribute("role") == "img"
    title_id, description_id = svg.get_attribute("aria-labelledby").split()
    assert page.locator(f"#{title_id}").text_content().strip()
    assert page.locator(f"#{description_id}").text_content().strip()
    assert page.locator(f"{figure} figcaption").text_content().strip()
    assert svg.locator("text").count() >= 5
    assert svg.bounding_box()["width"] > 400


@pytest.mark.skipif(not os.environ.get("SCREENSHOTS"), reason="set SCREENSHOTS=1 (make screenshots) to refresh them")
@pytest.mark.parametrize(("kind", "name"), [("nota", "nota"), ("appreciatie", "appreciatie")])
def test_readme_screenshots(page, site_url, kind, name):
    page.goto(site_url + PAGE_KINDS[kind])
    target = Path(ROOT / "screenshots" / f"{name}.png")
    target.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 10_000
