"""Woo: the public build holds nothing marked not public, in any file or encoding, and shows the ground instead.

Both builds are made from a copy of the real project with a fixture note and page (tests/woo_fixture.py) that use
every kind of marking and carry canary strings in everything not public.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from pypdf import PdfReader

from macros.content.loading import load_content
from macros.content.woo import public_part, with_grounds, withheld_page
from macros.model.diwoo_values import NAMESPACE
from tests.leaks import encodings, find_leaks, plain
from tests.serving import StaticServer
from tests.test_browser import WCAG_TAGS
from tests.woo_fixture import (
    CANARIES,
    GROUNDS,
    HIDDEN_CANARIES,
    REFERENTIE,
    WITHHELD_FILES,
    build_internal_and_public,
    woo_project,
)

NOTICE = re.compile(r"^Niet openbaar – weigeringsgrond: artikel \d+\.\d+, .+, Woo \(.+\)$")


@pytest.fixture(scope="module")
def woo_builds(tmp_path_factory) -> dict[str, Path]:
    """The fixture project built twice: internal and public (BELEID_OPENBAAR=1), both strictly."""
    project = woo_project(tmp_path_factory.mktemp("woo") / "project")
    return build_internal_and_public(project, tmp_path_factory)


def marked_texts(site: Path) -> tuple[set[str], str]:
    """The texts inside `data-openbaar="nee"` elements of every page, and all text outside them."""
    inside: set[str] = set()
    outside: list[str] = []
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        marked = soup.select('[data-openbaar="nee"]')
        inside |= {plain(text) for element in marked for text in element.stripped_strings}
        for element in marked:
            element.decompose()
        outside.append("\n".join(plain(text) for text in soup.stripped_strings))
    return inside, "\n".join(outside)


@pytest.mark.leak
def test_nothing_marked_not_public_reaches_any_file_of_the_public_build(woo_builds):
    inside, outside = marked_texts(woo_builds["intern"])
    # Text also shown unmarked (a bron's name, "Bronnen:", a label) is public by design; the rest must not leak.
    withheld = {text for text in inside if len(text) >= 4 and re.search(r"\w", text) and text not in outside}
    assert {CANARIES[name] for name in ("kernpunt", "subkernpunt", "bureau", "auteur", "contact")} <= withheld
    needles = (withheld | set(CANARIES.values()) | set(HIDDEN_CANARIES.values()) | set(WITHHELD_FILES)
               | {f"{REFERENTIE}-intern"})  # the withheld kernpunten's ids too
    assert find_leaks(woo_builds["openbaar"], needles) == []


@pytest.mark.leak
def test_files_and_comments_only_withheld_content_names_are_in_the_internal_build_only(woo_builds):
    # The internal build copies the files and keeps the comment, so the same search that finds nothing in the
    # public build can find them; the file names (in the links of withheld content) are searched too.
    needles = set(HIDDEN_CANARIES.values()) | {Path(name).name for name in WITHHELD_FILES}
    assert {needle for needle, _ in find_leaks(woo_builds["intern"], needles)} == needles
    for name in WITHHELD_FILES:
        assert (woo_builds["intern"] / name).is_file()
        assert not (woo_builds["openbaar"] / name).exists()


@pytest.mark.leak
def test_every_canary_is_marked_and_the_leak_search_finds_it_in_the_internal_build(woo_builds):
    inside, outside = marked_texts(woo_builds["intern"])
    for name, canary in CANARIES.items():
        assert not any(form.decode() in outside for form in encodings(canary)), f"{name} is shown unmarked"
        assert any(canary in text or text in canary for text in inside), f"{name} is not marked"
    found = find_leaks(woo_builds["intern"], {CANARIES["kernpunt"]})
    files = {name for _, name in found}
    # The same search finds the kernpunt in the page (HTML entities), the search index (Pagefind's gzipped page
    # fragments) and the export (JSON).
    assert f"notas/{REFERENTIE}/index.html" in files, files
    assert any(name.startswith("pagefind/fragment/") for name in files), files
    assert "export/kernpunten.json" in files, files


@pytest.mark.leak
def test_the_leak_search_reads_gzip_and_every_encoding(tmp_path):
    needle = CANARIES["kernpunt"]
    (tmp_path / "a.html").write_text(html.escape(needle), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"tekst": needle}), encoding="utf-8")
    (tmp_path / "c.xml.gz").write_bytes(gzip.compress(html.escape(needle, quote=False).encode()))
    (tmp_path / "d.json").write_text(json.dumps([needle.replace("'", "&#39;")]), encoding="utf-8")
    (tmp_path / "e.txt").write_text("nothing here", encoding="utf-8")
    assert {name.split(" ")[0] for _, name in find_leaks(tmp_path, {needle})} == {"a.html", "b.json", "c.xml.gz",
                                                                                   "d.json"}


def _grounds_shown(site: Path, page: str, selector: str) -> list[str]:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [plain(element.get_text()) for element in soup.select(f"article {selector}")]


@pytest.mark.parametrize("page", [f"notas/{REFERENTIE}", "planning"])
def test_the_public_build_shows_each_ground_where_the_internal_build_marks_content(woo_builds, page):
    labels = _grounds_shown(woo_builds["intern"], page, ".bp-niet-openbaar > .bp-niet-openbaar__label")
    notices = _grounds_shown(woo_builds["openbaar"], page, ".bp-weigering")
    assert labels and notices == labels
    assert all(NOTICE.match(notice) for notice in notices), notices
    assert _grounds_shown(woo_builds["intern"], page, ".bp-weigering") == []
    assert _grounds_shown(woo_builds["openbaar"], page, "[data-openbaar]") == []


def test_every_marked_element_has_a_visible_label_with_its_ground(woo_builds):
    for path in woo_builds["intern"].rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select('[data-openbaar="nee"]'):
            frame = element.parent
            assert "bp-niet-openbaar" in frame["class"], path
            assert NOTICE.match(plain(frame.select_one(".bp-niet-openbaar__label").get_text())), path


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def _notice(element) -> tuple[str, str]:
    return element["data-weigeringsgrond"], plain(element.get_text())


def test_each_notice_stands_in_the_place_of_what_it_replaces(woo_builds):
    soup = _soup(woo_builds["openbaar"], f"notas/{REFERENTIE}")
    personal = ("5.1.2e", "Niet openbaar – weigeringsgrond: artikel 5.1, tweede lid, onder e, Woo "
                          "(de eerbiediging van de persoonlijke levenssfeer)")
    header = {plain(row.dt.get_text()): row.dd for row in soup.select(".bp-kop > div")}
    assert _notice(header["Auteur"].select_one(".bp-weigering")) == personal
    assert _notice(header["Contact"].select_one(".bp-weigering")) == personal
    assert header["Bureau"].select_one(".bp-weigering")["data-weigeringsgrond"] == GROUNDS["bureau"]
    assert plain(header["t.a.v."].get_text()) == "De Minister van Asiel en Migratie"
    # A withheld kernpunt's id is words: the public build numbers it instead (macros/content/redaction.py).
    for kernpunt_id in (f"{REFERENTIE}-niet-openbaar-1", f"{REFERENTIE}-niet-openbaar-2"):
        heading = soup.find(id=kernpunt_id)
        notice = heading.find_next_sibling()
        assert "bp-weigering" in notice["class"] and notice["data-weigeringsgrond"] == GROUNDS["kernpunt"]
        assert heading.parent.select_one(".bp-bronnen") is None
    assert plain(soup.find(id=f"{REFERENTIE}-openbaar").find_next_sibling().get_text()) == "Dit kernpunt is openbaar."
    passage = soup.find("p", string="Deze alinea is openbaar.").find_next_sibling()
    assert passage["data-weigeringsgrond"] == GROUNDS["passage"]
    assert soup.select_one("blockquote .bp-weigering")["data-weigeringsgrond"] == GROUNDS["kernpunt"]
    page = _soup(woo_builds["openbaar"], "planning").select_one("article")
    assert [child.name for child in page.find_all(recursive=False)] == ["h1", "div"]
    assert page.h1.get_text(strip=True).startswith("Interne planning")


def test_the_internal_build_renders_a_marked_passage_as_markdown(woo_builds):
    passage = _soup(woo_builds["intern"], f"notas/{REFERENTIE}").select_one(
        "div.bp-niet-openbaar > [data-openbaar] > ul")
    assert [plain(item.get_text()) for item in passage.find_all("li")] == ["een eerste punt", "een tweede punt"]


def _export(site: Path, name: str) -> dict[str, dict]:
    records = json.loads((site / "export" / name).read_text(encoding="utf-8"))
    return {record.get("id") or record["referentie"]: record for record in records}


def test_exports_keep_the_ground_and_drop_what_is_withheld(woo_builds):
    internal, public = (_export(woo_builds[name], "kernpunten.json") for name in ("intern", "openbaar"))
    for kernpunt_id, number in ((f"{REFERENTIE}-intern", 1), (f"{REFERENTIE}-intern-sub", 2)):
        assert internal[kernpunt_id]["tekst"] and internal[kernpunt_id]["bronnen"]
        neutral = public[f"{REFERENTIE}-niet-openbaar-{number}"]
        assert neutral | {"tekst": "", "bronnen": [], "onderwerpen": []} == neutral
        assert neutral["weigeringsgrond"] == internal[kernpunt_id]["weigeringsgrond"] == "5.2.1"
        assert kernpunt_id not in public
    assert public[f"{REFERENTIE}-openbaar"] == internal[f"{REFERENTIE}-openbaar"]
    cited = {record["id"] for record in _export(woo_builds["openbaar"], "bronnen.json")["dublin-iii"]["kernpunten"]}
    assert f"{REFERENTIE}-intern" not in cited
    assert f"{REFERENTIE}-intern" in {record["id"] for record in _export(woo_builds["intern"], "bronnen.json")[
        "dublin-iii"]["kernpunten"]}


def test_the_public_build_writes_diwoo_metadata_per_note(woo_builds, tmp_path):
    notas = load_content(woo_project(tmp_path / "project") / "data", tmp_path / "project").notas
    assert not (woo_builds["intern"] / "diwoo").exists()
    ns = {"diwoo": NAMESPACE.label}
    for nota in notas:
        text = (woo_builds["openbaar"] / "diwoo" / f"{nota.referentie}.xml").read_text(encoding="utf-8")
        assert "Te verifiëren" in text
        root = ET.fromstring(text)
        metadata = root.find("diwoo:DiWoo", ns)
        assert metadata.findtext("diwoo:titelcollectie/diwoo:officieleTitel", namespaces=ns) == nota.titel
        assert metadata.findtext("diwoo:creatiedatum", namespaces=ns) == nota.datum.isoformat()
        assert metadata.findtext("diwoo:identifiers/diwoo:identifier", namespaces=ns) == nota.referentie
        for field in ("publisher", "language", "classificatiecollectie/diwoo:documentsoorten/diwoo:documentsoort",
                      "classificatiecollectie/diwoo:informatiecategorieen/diwoo:informatiecategorie",
                      "documenthandelingen/diwoo:documenthandeling/diwoo:soortHandeling"):
            assert metadata.findtext(f"diwoo:{field}", namespaces=ns), field


def test_grounds_are_inherited_by_sub_points_and_default_for_personal_data(data_factory, minimal_data):
    nota = minimal_data["notas/1234567.yaml"].replace(
        "kernpunten:\n", "auteur: Iemand\nniet_openbaar:\n  contact: 5.1.2i\nkernpunten:\n")
    nota += ("    niet_openbaar: 5.2.1\n    kernpunten:\n      - id: 1234567-sub\n        tekst: Sub.\n"
             "      - id: 1234567-eigen\n        tekst: Eigen grond.\n        niet_openbaar: 5.1.2e\n")
    project = data_factory({"notas/1234567.yaml": nota})
    (marked,) = with_grounds(load_content(project / "data", project)).notas
    assert (marked.niet_openbaar.auteur, marked.niet_openbaar.contact) == ("5.1.2e", "5.1.2i")
    (kernpunt,) = marked.kernpunten
    assert [(point.niet_openbaar) for point in (kernpunt, *kernpunt.kernpunten)] == ["5.2.1", "5.2.1", "5.1.2e"]


def test_a_whole_page_keeps_its_title_outside_the_withheld_passage():
    meta = {"openbaar": False, "weigeringsgrond": "5.1.2e"}

    def passage(grond: str, caller) -> str:  # stands in for the macro niet_openbaar
        return f"[{grond}:{caller()}]"

    assert withheld_page("# Titel\n\nTekst.", meta, passage) == "# Titel\n\n[5.1.2e:\n\nTekst.\n\n]"
    assert withheld_page("Tekst zonder titel.\n", meta, passage) == "\n[5.1.2e:\nTekst zonder titel.\n\n]"
    assert withheld_page("# Titel\n", {"openbaar": True}, passage) == "# Titel\n"
    # The public build drops the body before Jinja, so it is gone whatever happens to the macros.
    assert public_part("\n# Titel\n\nTekst {{ x }}.\n", meta, openbaar=True) == "# Titel\n"
    assert public_part("Tekst zonder titel.\n", meta, openbaar=True) == ""
    assert public_part("# Titel\n\nTekst.\n", meta, openbaar=False) == "# Titel\n\nTekst.\n"
    assert public_part("# Titel\n\nTekst.\n", {"openbaar": True}, openbaar=True) == "# Titel\n\nTekst.\n"


@pytest.fixture(scope="module")
def woo_urls(woo_builds, tmp_path_factory):
    """Both fixture builds served over HTTP under the sub-path."""
    with (StaticServer(woo_builds["intern"], tmp_path_factory.mktemp("woo-http-intern")) as internal,
          StaticServer(woo_builds["openbaar"], tmp_path_factory.mktemp("woo-http-openbaar")) as public):
        yield {"intern": internal.url, "openbaar": public.url}


@pytest.mark.parametrize("build_name", ["intern", "openbaar"])
@pytest.mark.parametrize("path", [f"notas/{REFERENTIE}/", "planning/"])
def test_markings_and_notices_have_no_accessibility_violations(page, woo_urls, build_name, path):
    page.goto(woo_urls[build_name] + path)
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert result.response["passes"], "axe ran no rule"
    assert result.response["violations"] == [], result.generate_report()


def test_the_marking_prints(page, woo_urls):
    page.goto(woo_urls["intern"] + f"notas/{REFERENTIE}/")
    page.emulate_media(media="print")
    frame = page.locator("div.bp-niet-openbaar").first
    assert frame.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
    assert frame.locator(".bp-niet-openbaar__label").evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = " ".join(" ".join(page_.extract_text().split()) for page_ in pdf.pages)
    assert "weigeringsgrond: artikel 5.1, tweede lid, onder e" in text
    assert CANARIES["auteur"] in text
