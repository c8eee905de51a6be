"""Phones and tablets: the built site in Chromium at 375 px (a phone) and 1024 px (a tablet), served over HTTP.

The kernpunt-bron figure stays readable, pages outside the navigation show a way back to their list and their
contents, and a note's header block leaves its kernpunten within reach.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.model import paging
from macros.rendering.wayback import lists_above
from tests.conftest import MINIMAL_DATA, NOTA_REF
from tests.mobile import PHONE, TABLET, figure_labels, first_kernpunt_screens, smallest_label
from tests.test_browser import PAGE_KINDS, WCAG_TAGS
from tests.test_index import index_of

# Each page outside the navigation and the list it belongs to (nota → Nota's, bron → Bronnen, onderwerp →
# Kernpunten per onderwerp).
WAY_BACK = [("nota", "notas/"), ("bron", "bronnen/"), ("onderwerp", "kernpunten/")]
SMALLEST_LABEL_PX = 11


@pytest.fixture
def phone(browser):
    """A fresh page at a phone's size (375 x 812 CSS px), in Dutch."""
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    yield context.new_page()
    context.close()


@pytest.fixture
def tablet(browser):
    """A fresh page at a tablet's size (1024 x 768 CSS px, landscape), in Dutch."""
    context = browser.new_context(viewport=TABLET, locale="nl-NL")
    yield context.new_page()
    context.close()


def test_the_figure_labels_are_readable_on_a_phone(phone, site_url):
    phone.goto(site_url + PAGE_KINDS["nota"])
    assert smallest_label(phone) >= SMALLEST_LABEL_PX


def test_on_a_phone_the_figure_scrolls_in_a_box_the_keyboard_reaches(phone, site_url):
    phone.goto(site_url + PAGE_KINDS["nota"])
    box = phone.locator(".bp-web-figuur svg").locator("xpath=..")
    assert box.evaluate("box => box.scrollWidth > box.clientWidth"), "the figure fits: nothing to scroll"
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    assert phone.locator(f"#{box.get_attribute('aria-labelledby')}").text_content().strip()
    box.focus()
    phone.keyboard.press("ArrowRight")
    # The browser may scroll smoothly, after the key press returns: wait for it (fails after 5 s if it never does).
    box.element_handle().wait_for_element_state("stable")
    phone.wait_for_function("box => box.scrollLeft > 0", arg=box.element_handle(), timeout=5000)


def test_a_cut_bron_name_keeps_its_full_name(phone, site_url):
    phone.goto(site_url + PAGE_KINDS["nota"])
    labels = figure_labels(phone)
    cut = [label for label in labels if label["text"].endswith("…")]
    assert cut, "no bron name is long enough to be cut"
    for label in cut:
        assert label["title"].startswith(label["text"].removesuffix("…")) and len(label["title"]) > len(label["text"])
    assert all(not label["title"] for label in labels if not label["text"].endswith("…"))


@pytest.mark.parametrize(("kind", "list_url"), WAY_BACK, ids=[kind for kind, _ in WAY_BACK])
def test_on_a_phone_a_page_outside_the_navigation_links_back_to_its_list(phone, site_url, kind, list_url):
    phone.goto(site_url + PAGE_KINDS[kind])
    back = phone.locator(".md-content nav[aria-label='Terug naar de lijst'] a").last
    assert back.is_visible()
    assert urljoin(phone.url, back.get_attribute("href")).rstrip("/") + "/" == site_url + list_url
    back.click()
    phone.wait_for_url(site_url + list_url)


@pytest.mark.parametrize("kind", [kind for kind, _ in WAY_BACK])
def test_on_a_phone_a_page_outside_the_navigation_shows_its_contents(phone, site_url, kind):
    phone.goto(site_url + PAGE_KINDS[kind])
    headings = phone.eval_on_selector_all("article h2[id]", "hs => hs.map(h => h.id)")
    assert headings, "the page has no sections"
    phone.get_by_text("Inhoud van deze pagina", exact=True).click()
    contents = phone.locator("nav[aria-label='Inhoud van deze pagina'] a")
    assert all(contents.nth(number).is_visible() for number in range(contents.count()))
    targets = [href.removeprefix("#") for href in contents.evaluate_all("links => links.map(a => a.hash)")]
    assert set(headings) <= set(targets), (headings, targets)
    contents.first.click()
    assert phone.evaluate("() => location.hash") == f"#{targets[0]}"


@pytest.mark.parametrize(("kind", "list_url"), WAY_BACK, ids=[kind for kind, _ in WAY_BACK])
def test_on_a_phone_the_menu_marks_the_page_after_its_list(phone, site_url, kind, list_url):
    phone.goto(site_url + PAGE_KINDS[kind])
    phone.click(".md-header label[for='__drawer']")
    item = phone.locator(".md-nav--primary > .md-nav__list > .md-nav__item--active")
    assert item.count() == 1
    item.locator(".md-nav__link--active:visible").first.wait_for()
    assert urljoin(phone.url, item.locator(":scope > a.md-nav__link").get_attribute("href")) == phone.url
    assert item.evaluate("li => li.previousElementSibling.querySelector('a').href") == site_url + list_url


@pytest.mark.parametrize("kind", [kind for kind, _ in WAY_BACK])
def test_every_label_of_a_page_outside_the_navigation_has_its_control(page, site_url, kind):
    page.goto(site_url + PAGE_KINDS[kind])
    orphans = page.eval_on_selector_all("label[for]", "labels => labels.filter(l => !(document.getElementById("
                                                    "l.htmlFor) instanceof HTMLInputElement)).map(l => l.outerHTML)")
    assert page.locator("label[for]").count() > 3
    assert orphans == []


def test_on_a_phone_the_first_kernpunt_is_within_two_screens(phone, site_url):
    phone.goto(site_url + PAGE_KINDS["nota"])
    assert first_kernpunt_screens(phone) < 2


def test_on_a_tablet_a_note_still_has_its_contents_and_a_way_back(tablet, site_url):
    tablet.goto(site_url + PAGE_KINDS["nota"])
    back = tablet.locator(".md-content nav[aria-label='Terug naar de lijst'] a").last
    assert back.is_visible() and urljoin(tablet.url, back.get_attribute("href")) == site_url + "notas/"
    headings = tablet.eval_on_selector_all("article h2[id]", "hs => hs.map(h => h.id)")
    assert headings, "the page has no sections"
    for heading in headings:  # Material's contents sidebar, which shows from 960 px
        tablet.locator(f".md-sidebar--secondary a[href$='#{heading}']").wait_for(state="visible")
    shown = tablet.eval_on_selector_all(".md-sidebar--secondary .md-nav--secondary, .bp-inhoud",
                                        "lists => lists.filter(l => l.getClientRects().length).length")
    assert shown == 1, "the contents are shown twice"


def test_a_note_on_a_phone_has_no_accessibility_violations(phone, any_site_url):
    phone.goto(any_site_url + PAGE_KINDS["nota"])
    result = Axe().run(phone, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert result.response["passes"], "axe ran no rule"
    assert result.response["violations"] == [], result.generate_report()


def test_in_print_the_header_stays_a_memo_without_the_way_back(phone, site_url):
    phone.goto(site_url + PAGE_KINDS["nota"])
    phone.emulate_media(media="print")
    shown = phone.evaluate("() => ['.bp-terug', '.bp-inhoud'].filter(s => document.querySelector(s)"
                           ".getClientRects().length)")
    assert shown == []
    assert phone.evaluate("() => getComputedStyle(document.querySelector('.bp-kop > div')).display") == "contents"


def test_a_later_page_of_a_list_goes_back_to_its_first_page_and_that_pages_list(data_factory, monkeypatch):
    monkeypatch.setattr(paging, "PER_PAGE", 1)  # one entry a page: the lists below have later pages
    note = MINIMAL_DATA[f"notas/{NOTA_REF}.yaml"]
    index = index_of(data_factory({f"notas/{referentie}.yaml": note.replace(NOTA_REF, referentie)
                                   for referentie in ("1234568", "1234569")}))
    onderwerp = index.pages.source_of("onderwerp", "asiel")
    assert lists_above(index, onderwerp) == [index.pages.kernpunten]
    assert lists_above(index, "kernpunten/asiel/pagina/2.md") == [index.pages.kernpunten, onderwerp]
    assert lists_above(index, "notas/pagina/3.md") == [index.pages.notas]
    assert lists_above(index, index.pages.notas) == []
