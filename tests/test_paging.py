"""Long lists (nota's, bronnen, tijdlijn, kernpunten per onderwerp, a bron's kernpunten) in pages, on a generated site
large enough that each kind of list takes several pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.content.index import Index
from macros.content.loading import load_content
from macros.model.paging import PER_PAGE, page_count, page_source
from macros.routing.page_records import PageRecord
from tests.serving import StaticServer
from tests.site_build import generated_build
from tests.site_pages import check_internal_links, resolve
from tests.site_pages import page as read_page
from tests.test_browser import WCAG_TAGS

NOTES = 230


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    """A generated project of NOTES notes and its strict build."""
    return generated_build(tmp_path_factory, NOTES, 3)


def follow_pages(site: Path, url: str, entries: str) -> list[list[str]]:
    """From page 1 of a list at `url`, the resolved hrefs of the entries (CSS `entries`) of each page, following
    the pager's "Volgende" link to the last page."""
    pages = []
    while url is not None:
        soup = read_page(site, url)
        pages.append([resolve(url, link["href"]) for link in soup.select(entries)])
        following = soup.select_one(".bp-pager a[rel=next]")
        url = resolve(url, following["href"])[0] if following else None
    return pages


def test_every_note_is_listed_once_across_the_pages_of_the_notes_list(corpus):
    project, site = corpus
    pages = follow_pages(site, "notas/", ".bp-notas tbody th a")
    assert len(pages) == -(-(NOTES + 1) // PER_PAGE) > 1
    assert all(len(entries) <= PER_PAGE for entries in pages)
    listed = [url for entries in pages for url, _ in entries]
    assert sorted(listed) == sorted(f"notas/{path.stem}/" for path in (project / "data" / "notas").glob("*.yaml"))


def test_the_kernpunten_of_an_onderwerp_and_of_a_bron_are_listed_once_across_their_pages(corpus):
    project, site = corpus
    content = load_content(project / "data", project)
    index = Index(content)
    largest_onderwerp = max(index.kernpunten_by_onderwerp, key=lambda key: len(index.kernpunten_by_onderwerp[key]))
    largest_bron = max(index.citations, key=lambda key: len(index.citations[key]))
    for url, expected in ((f"kernpunten/{largest_onderwerp}/", index.kernpunten_by_onderwerp[largest_onderwerp]),
                          (f"bronnen/{largest_bron}/", index.citations[largest_bron])):
        pages = follow_pages(site, url, ".bp-kernpunt-lijst > li > a")
        assert len(pages) > 1, url
        assert [anchor for entries in pages for _, anchor in entries] == expected, url


def test_every_link_resolves_also_to_events_on_later_pages_of_the_timeline(corpus):
    project, site = corpus
    checked, broken = check_internal_links(site)
    assert not broken
    assert checked > NOTES
    to_later_pages = {resolve(f"notas/{path.stem}/", link["href"])
                      for path in (project / "docs" / "notas").glob("[0-9]*.md")
                      for link in read_page(site, f"notas/{path.stem}/").select(".bp-kop a[href*='tijdlijn/']")}
    assert any(url.startswith("tijdlijn/pagina/") and anchor for url, anchor in to_later_pages)


@pytest.mark.parametrize("url", ["notas/pagina/2/", "tijdlijn/pagina/2/"])
def test_a_later_page_of_a_list_has_no_accessibility_violations(corpus, page, tmp_path, url):
    with StaticServer(corpus[1], tmp_path) as server:
        page.goto(server.url + url)
        assert page.locator(".bp-pager [aria-current=page]").inner_text() == "2"
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert result.response["passes"], "axe ran no rule"
    assert result.response["violations"] == [], result.generate_report()


@pytest.mark.parametrize(("total", "pages"), [(0, 1), (1, 1), (PER_PAGE, 1), (PER_PAGE + 1, 2), (3 * PER_PAGE, 3)])
def test_a_list_takes_as_many_pages_as_its_entries_need(total, pages):
    assert page_count(total) == pages


@pytest.mark.parametrize(("first", "second"), [("notas/index.md", "notas/pagina/2.md"),
                                               ("tijdlijn.md", "tijdlijn/pagina/2.md"),
                                               ("index.md", "pagina/2.md"),
                                               ("a/bronindex.md", "a/bronindex/pagina/2.md")])
def test_later_pages_lie_in_a_folder_beside_the_first_and_know_their_number(first, second):
    assert page_source(first, 1) == first
    assert page_source(first, 2) == second
    page = PageRecord(second, list_source=first, number=2)
    assert page.number_in(first) == 2
    assert PageRecord(first).number_in(first) == 1
    assert page.number_in("elders.md") == 1  # page 2 of another list


def test_each_page_knows_once_what_it_is_the_record_or_the_list_and_its_number(corpus):
    project, _ = corpus
    index = Index(load_content(project / "data", project))
    long_lists = {first: page_count(len(entries)) for first, entries in index.listings.items()
                  if page_count(len(entries)) > 1}
    assert long_lists
    for first, count in long_lists.items():
        for number in range(2, count + 1):
            page = index.page(page_source(first, number))
            assert (page.list_source, page.number, page.kind) == (first, number, None)
        assert index.page(page_source(first, count + 1)) == PageRecord(page_source(first, count + 1))
    nota = index.notas_newest_first[0]
    page = index.page(f"notas/{nota.referentie}.md")
    assert (page.kind, page.record, page.list_source, page.number_in("notas/index.md")) == ("nota", nota, None, 1)
    assert page.title == f"{nota.referentie} · {nota.titel}"
    assert index.page("kernpunten.md") == PageRecord("kernpunten.md")
