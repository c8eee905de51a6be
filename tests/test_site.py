"""The real site, built once with `mkdocs build --strict`, checked through its HTML and exports."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.content.index import Index
from macros.content.loading import load_content
from tests.site_build import ROOT, SITE_URL
from tests.site_pages import check_internal_links, html_pages, page, resolve


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    return built_site


@pytest.fixture(params=["intern", "openbaar"])
def any_site(request) -> Path:
    """The internal and the public build in turn, for the checks both must pass."""
    return request.getfixturevalue("built_site" if request.param == "intern" else "public_site")


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "data", ROOT)


def all_kernpunten(kernpunten):
    for kernpunt in kernpunten:
        yield kernpunt
        yield from all_kernpunten(kernpunt.kernpunten)


def export(site: Path, name: str) -> list[dict]:
    return json.loads((site / "export" / name).read_text(encoding="utf-8"))


def test_every_kernpunt_has_an_anchor_on_its_note_page(site, content):
    for nota in content.notas:
        soup = page(site, f"notas/{nota.referentie}/")
        for kernpunt in all_kernpunten(nota.kernpunten):
            anchor = soup.find(id=kernpunt.id)
            assert anchor is not None, kernpunt.id
            assert anchor.name in ("h3", "h4", "h5", "h6") and "bp-kernpunt" in anchor.parent["class"]


def test_kernpunt_links_to_its_bronnen_resolve(site, content):
    bron_titles = {bron.id: bron.korte_naam or bron.titel for bron in content.bronnen.bronnen}
    for nota in content.notas:
        url = f"notas/{nota.referentie}/"
        soup = page(site, url)
        for kernpunt in all_kernpunten(nota.kernpunten):
            element = soup.find(id=kernpunt.id).parent
            own_links = [paragraph for paragraph in element.find_all("p", class_="bp-bronnen")
                         if paragraph.find_parent("li") is element]
            linked = []
            for anchor in own_links[0].find_all("a") if own_links else []:
                target, _ = resolve(url, anchor["href"])
                assert page(site, target).find("h1").get_text(strip=True)
                linked.append((target, anchor.get_text()))
            assert linked == [(f"bronnen/{bron_id}/", bron_titles[bron_id]) for bron_id in kernpunt.bronnen]


def test_every_bron_page_lists_exactly_the_kernpunten_that_cite_it(site, content):
    cited_by = {bron.id: set() for bron in content.bronnen.bronnen}
    for nota in content.notas:
        for kernpunt in all_kernpunten(nota.kernpunten):
            for bron_id in kernpunt.bronnen:
                cited_by[bron_id].add((f"notas/{nota.referentie}/", kernpunt.id))
    assert any(cited_by.values()) and not all(cited_by.values())
    for bron_id, expected in cited_by.items():
        url = f"bronnen/{bron_id}/"
        heading = page(site, url).find(id="verwijzingen")
        listing = heading.find_next_sibling(["ul", "p"])
        listed = {resolve(url, anchor["href"]) for anchor in listing.find_all("a")} if listing.name == "ul" else set()
        assert listed == expected, bron_id


def pagefind_pages(site: Path) -> dict[str, dict]:
    """The pages in the Pagefind index by site-relative URL: text, metadata and anchors (fragment files)."""
    pages = {}
    for fragment in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd"), fragment
        page = json.loads(data.removeprefix(b"pagefind_dcd"))
        pages[page["url"].removeprefix("/")] = page
    return pages


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


def test_the_search_index_holds_each_note_with_its_referentie_title_and_kernpunten(site, content):
    assert list(json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))["languages"]) == ["nl"]
    assert json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"] == []  # Material's
    pages = pagefind_pages(site)
    for nota in content.notas:
        page = pages[f"notas/{nota.referentie}/"]
        assert page["meta"]["title"] == f"{nota.referentie} · {nota.titel}"
        assert plain(page["content"]).startswith(page["meta"]["title"])
        for kernpunt in all_kernpunten(nota.kernpunten):
            assert plain(kernpunt.tekst) in plain(page["content"]), kernpunt.id
            assert kernpunt.id in {anchor["id"] for anchor in page["anchors"]}


def test_the_search_index_holds_a_pages_tags_for_its_results(site):
    pages = pagefind_pages(site)
    tagged = {url: json.loads(entry["meta"]["onderwerpen"]) for url, entry in pages.items()
              if "onderwerpen" in entry["meta"]}
    assert "appreciatie-grenzen-verleggen/" in tagged
    for url, tags in tagged.items():
        assert tags == [tag.get_text(strip=True) for tag in page(site, url).select("article .md-tag")], url


def test_a_pages_onderwerpen_link_to_their_own_pages_and_the_navigation_to_their_overview(site, content):
    """No tags plugin and no page of tags: each tag leads to its onderwerp's page, the overview is kernpunten/."""
    by_name = {onderwerp.naam: onderwerp.id for onderwerp in content.onderwerpen.onderwerpen}
    tags = page(site, "appreciatie-grenzen-verleggen/").select("article .md-tag")
    assert tags
    for tag in tags:
        assert resolve("appreciatie-grenzen-verleggen/", tag["href"]) == (f"kernpunten/{by_name[tag.get_text()]}/", "")
    assert not (site / "tags").exists() and not (site / "tags.json").exists()
    navigation = {link.get_text(strip=True): link["href"] for link in page(site, "").select(".md-nav--primary a")}
    assert resolve("", navigation["Kernpunten per onderwerp"]) == ("kernpunten/", "")
    assert "Onderwerpen" not in navigation


def test_the_search_index_leaves_out_what_is_not_the_article_and_what_is_excluded(site, content):
    pages = pagefind_pages(site)
    assert "tags/" not in pages and "404.html" not in pages  # `search: exclude: true`; no article
    assert {"", "notas/", "kernpunten/", "verkenning-verdragen/", "bronnen/evrm/"} <= pages.keys()
    everything = " ".join(plain(page["content"]) for page in pages.values())
    html = (site / "notas" / "index.html").read_text("utf-8")
    for outside in ("Ga naar inhoud", "Zoeken initialiseren", "Directoraat-Generaal Migratie, intern gebruik"):
        assert outside in html and outside not in everything, outside  # skip link, search box, footer
    # A kernpunt quoted on another page (data-pagefind-ignore) is found on its own note only.
    quoted = next(kernpunt for nota in content.notas for kernpunt in all_kernpunten(nota.kernpunten)
                  if kernpunt.id == "6501580-verkenning")
    assert plain(quoted.tekst) in plain(pages["notas/6501580/"]["content"])
    assert plain(quoted.tekst) not in plain(pages["verkenning-verdragen/"]["content"])


def template_block(text: str, name: str) -> str:
    """The body of `{% block name %}` in a Jinja template's text, nested blocks included."""
    start = re.search(r"{%-? block " + name + r" -?%}", text).end()
    depth = 1
    for tag in re.finditer(r"{%-? (block|endblock)\b[^%]*%}", text[start:]):
        depth += 1 if tag.group(1) == "block" else -1
        if depth == 0:
            return text[start:start + tag.start()]
    raise AssertionError(f"no end of block {name}")


@pytest.mark.parametrize("name", ["container", "config"])
def test_the_copied_blocks_keep_all_of_materials_markup(name):
    """overrides/main.html copies Material's container and config blocks to add Pagefind: after an upgrade of
    Material too, every token of Material's block is still there, in order (only the search worker differs)."""
    theirs = template_block((resources.files("material") / "templates" / "base.html").read_text("utf-8"), name)
    theirs = re.sub(r'"search": "assets/javascripts/workers/[^"]+" \| url,', "", theirs)
    ours = iter(re.findall(r"[^\s>]+|>", template_block((ROOT / "overrides" / "main.html").read_text("utf-8"), name)))
    assert [token for token in re.findall(r"[^\s>]+|>", theirs) if token not in ours] == []


def test_no_template_syntax_survives_into_pages(any_site):
    """Outside code samples (the editor guide shows macros on purpose), no page holds template syntax."""
    pages = list(html_pages(any_site))
    assert len(pages) > 10
    samples = 0
    for url, path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for sample in soup.find_all(["code", "pre"]):
            samples += "{{" in sample.get_text()
            sample.decompose()
        html = str(soup)
        assert "{{" not in html and "{%" not in html and "{#" not in html, url
    assert samples, "the editor guide shows macro calls as code"


def test_no_asset_is_loaded_from_another_host(any_site):
    own_host = urlsplit(SITE_URL).netloc
    for url, path in html_pages(any_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                               ("iframe", "src")):
            for element in soup.find_all(tag, attrs={attribute: True}):
                parts = urlsplit(element[attribute])
                assert parts.netloc in ("", own_host) and parts.scheme in ("", "http", "https"), f"{url}: {element}"


def test_every_internal_link_and_anchor_resolves(any_site):
    checked, broken = check_internal_links(any_site)
    assert not broken
    assert checked > 100


def test_exports_link_kernpunten_and_bronnen_both_ways(site, content):
    notas, kernpunten, bronnen = (export(site, name) for name in ("notas.json", "kernpunten.json", "bronnen.json"))
    assert {nota["referentie"] for nota in notas} == {nota.referentie for nota in content.notas}
    expected_ids = {kernpunt.id for nota in content.notas for kernpunt in all_kernpunten(nota.kernpunten)}
    assert {kernpunt["id"] for kernpunt in kernpunten} == expected_ids
    assert {bron["id"] for bron in bronnen} == {bron.id for bron in content.bronnen.bronnen}
    for kernpunt in kernpunten:
        target, anchor = resolve("", kernpunt["url"])
        assert anchor == kernpunt["id"] and page(site, target).find(id=anchor) is not None
        for bron in kernpunt["bronnen"]:
            assert (site / bron["url"] / "index.html").is_file()
    citing = {(bron["id"], link["id"]) for bron in bronnen for link in bron["kernpunten"]}
    cited = {(link["id"], kernpunt["id"]) for kernpunt in kernpunten for link in kernpunt["bronnen"]}
    assert citing == cited and citing
    for nota in notas:
        assert set(nota["kernpunten"]) == {k["id"] for k in kernpunten if k["nota"] == nota["referentie"]}


def test_note_page_shows_the_memo_header_and_sections(site, content):
    for nota in content.notas:
        soup = page(site, f"notas/{nota.referentie}/")
        header = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
                  for dt in soup.select("dl.bp-kop dt")}
        assert header["Onze referentie"] == nota.referentie
        assert header["t.a.v."] == nota.geadresseerde
        assert header["Bureau"] == nota.bureau
        assert soup.find("h1").get_text(" ", strip=True).startswith(nota.titel)
    headings = [h2.get_text(" ", strip=True) for h2 in page(site, "notas/6501580/").find_all("h2")]
    for section in ("1. Aanleiding", "2. Geadviseerd besluit", "3. Kernpunten", "4. Toelichting",
                    "5. Informatie die niet openbaar gemaakt kan worden"):
        assert any(heading.startswith(section) for heading in headings), section


def test_a_note_links_each_onderwerp_to_its_page_which_links_back_to_the_notes_kernpunten(site, content):
    names = {onderwerp.id: onderwerp.naam for onderwerp in content.onderwerpen.onderwerpen}
    for nota in content.notas:
        note_url = f"notas/{nota.referentie}/"
        links = {a.get_text(strip=True): a["href"] for a in page(site, note_url).select(".bp-onderwerpen a")}
        assert set(links) == {names[onderwerp] for onderwerp in nota.onderwerpen}
        for onderwerp in nota.onderwerpen:
            onderwerp_url = posixpath.normpath(posixpath.join(note_url, links[names[onderwerp]])) + "/"
            soup = page(site, onderwerp_url)
            assert soup.find("h1").get_text(" ", strip=True).startswith(names[onderwerp])
            cited = {a["href"].partition("#")[2] for a in soup.select(".bp-kernpunt-lijst > li > a")}
            assert {kernpunt.id for kernpunt in Index.kernpunten_of(nota)
                    if onderwerp in (kernpunt.onderwerpen or nota.onderwerpen)} <= cited


def test_navigation_does_not_list_the_notes(site, content):
    soup = page(site, "")
    nav_links = [anchor["href"] for anchor in soup.select("nav.md-nav--primary a[href]")]
    assert nav_links
    assert not [href for href in nav_links if re.search(r"notas/\d+", href)]
