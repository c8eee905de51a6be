"""The flags travel with the data, and the DiWoo files and sitemap of the public build are valid and complete.

Both builds are made from the Woo fixture project (tests/woo_fixture.py), with a remark added to its withheld
kernpunt. Expected values are read from the project's data files with plain YAML, not from the site's code.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from lxml import etree

from macros.adapter.config import load_settings
from macros.content.content_cache import index_for
from macros.outputs.diwoo import REMARK_LABEL
from macros.outputs.diwoo_sitemap import diwoo_files
from tests.diwoo_schema import DIWOO_NS, MISSING, SITEMAP_NS, STANDARD, schema_errors
from tests.editing import error_lines, run_check
from tests.leaks import find_leaks
from tests.site_build import PUBLIC_ENV, SITE_URL, build
from tests.woo_fixture import GROUNDS, REFERENTIE, woo_project

WITHHELD_REMARK = "Kanarie-opmerking bij een kernpunt dat niet openbaar is"
NS = {"diwoo": DIWOO_NS, "sm": SITEMAP_NS}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = woo_project(tmp_path_factory.mktemp("diwoo") / "project")
    nota = project / "data" / "notas" / f"{REFERENTIE}.yaml"
    marking = f"    niet_openbaar: {GROUNDS['kernpunt']}\n"
    text = nota.read_text(encoding="utf-8")
    assert marking in text
    nota.write_text(text.replace(marking, f'{marking}    opmerking: "{WITHHELD_REMARK}"\n', 1), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def sites(project, tmp_path_factory) -> dict[str, Path]:
    built = {}
    for name, env in (("intern", None), ("openbaar", PUBLIC_ENV)):
        result = build(project, tmp_path_factory.mktemp(f"diwoo-{name}"), env)
        assert result.returncode == 0, result.output
        built[name] = result.site
    return built


# --- What the data says, read with plain YAML -----------------------------------------------------------------------

def _data(project: Path, name: str) -> dict:
    return yaml.safe_load((project / "data" / name).read_text(encoding="utf-8"))


def _notas(project: Path) -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((project / "data" / "notas").glob("*.yaml"))]


def _kernpunten(kernpunten: list[dict], inherited: str | None = None):
    """Every kernpunt with the ground it is withheld on (its own, or its parent's), or None."""
    for kernpunt in kernpunten:
        ground = kernpunt.get("niet_openbaar") or inherited
        yield kernpunt, ground
        yield from _kernpunten(kernpunt.get("kernpunten", []), ground)


def _export(site: Path, name: str) -> list[dict]:
    return json.loads((site / "export" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("build_name", ["intern", "openbaar"])
def test_every_export_carries_the_remarks_and_approximate_dates_of_the_data(project, sites, build_name):
    site, public = sites[build_name], build_name == "openbaar"
    notas = {nota["referentie"]: nota for nota in _export(site, "notas.json")}
    for nota in _notas(project):
        ground = (nota.get("niet_openbaar") or {}).get("opmerking")
        exported = notas[str(nota["referentie"])]
        assert exported["opmerking"] == ("" if public and ground else nota.get("opmerking", ""))
        assert exported["opmerking_weigeringsgrond"] == (ground if nota.get("opmerking") else None)
    kernpunten = {kernpunt["id"]: kernpunt for kernpunt in _export(site, "kernpunten.json")}
    expected = [(kernpunt, ground) for nota in _notas(project) for kernpunt, ground in _kernpunten(nota["kernpunten"])]
    assert any(kernpunt.get("opmerking") and not ground for kernpunt, ground in expected)
    assert any(kernpunt.get("opmerking") and ground for kernpunt, ground in expected)
    for kernpunt, ground in expected:
        if public and ground:  # renamed to a neutral id in the public build: its remark is nowhere
            assert kernpunt["id"] not in kernpunten
        else:
            assert kernpunten[kernpunt["id"]]["opmerking"] == kernpunt.get("opmerking", ""), kernpunt["id"]
    if public:
        assert {kernpunt["opmerking"] for kernpunt in kernpunten.values() if kernpunt["weigeringsgrond"]} == {""}
    bronnen = {bron["id"]: bron for bron in _export(site, "bronnen.json")}
    data_bronnen = _data(project, "bronnen.yaml")["bronnen"]
    assert any(bron.get("datum_bij_benadering") for bron in data_bronnen)
    assert any(bron.get("opmerking") for bron in data_bronnen)
    for bron in data_bronnen:
        if public and bron.get("niet_openbaar"):
            assert bron["id"] not in bronnen
            continue
        assert bronnen[bron["id"]]["opmerking"] == bron.get("opmerking", ""), bron["id"]
        assert bronnen[bron["id"]]["datum_bij_benadering"] is bron.get("datum_bij_benadering", False), bron["id"]
    grounds = dict((kernpunt["id"], ground) for kernpunt, ground in expected)
    findings = _data(project, "modellen.yaml")["bevindingen"]
    assert any(finding.get("opmerking") for finding in findings)
    assert [finding["opmerking"] for finding in _export(site, "bevindingen.json")] == [
        "" if public and (finding.get("niet_openbaar") or grounds.get(finding.get("kernpunt")))
        else finding.get("opmerking", "") for finding in findings]
    events = {event["id"]: event for event in _export(site, "gebeurtenissen.json")}
    data_events = _data(project, "tijdlijn.yaml")["gebeurtenissen"]
    assert any(event.get("bij_benadering") for event in data_events)
    assert {event["id"]: event["bij_benadering"] for event in events.values()} == {
        event["id"]: event.get("bij_benadering", False) for event in data_events}


@pytest.mark.leak
def test_the_public_build_holds_no_remark_of_withheld_content(project, sites):
    withheld = {WITHHELD_REMARK} | {nota["opmerking"] for nota in _notas(project)
                                    if (nota.get("niet_openbaar") or {}).get("opmerking")}
    assert len(withheld) == 2
    assert {needle for needle, _ in find_leaks(sites["intern"], withheld)} == withheld
    assert find_leaks(sites["openbaar"], withheld) == []


def test_each_diwoo_file_describes_its_note_with_the_public_remark(project, sites):
    for nota in _notas(project):
        root = etree.parse(str(sites["openbaar"] / "diwoo" / f"{nota['referentie']}.xml")).getroot()
        descriptions = root.findall("diwoo:DiWoo/diwoo:omschrijvingen/diwoo:omschrijving", NS)
        if nota.get("opmerking") and not (nota.get("niet_openbaar") or {}).get("opmerking"):
            assert [element.text for element in descriptions] == [f"{REMARK_LABEL}: {nota['opmerking']}"]
        else:
            assert descriptions == []
        soort = root.find("diwoo:DiWoo/diwoo:classificatiecollectie/diwoo:documentsoorten/diwoo:documentsoort", NS)
        assert soort.text == nota["soort"]


# --- The DiWoo files and the sitemap against the standard's schemas -------------------------------------------------

def _parsed(site: Path) -> dict[str, etree._ElementTree]:
    return {path.relative_to(site).as_posix(): etree.parse(str(path)) for path in sorted((site / "diwoo").glob("*"))}


def _site_path(url: str) -> str:
    """The path, relative to the built site, of a URL under the site's address."""
    base, target = urlparse(SITE_URL), urlparse(url)
    assert (target.scheme, target.netloc) == (base.scheme, base.netloc), url
    assert target.path.startswith(base.path), url
    return target.path.removeprefix(base.path)


# The standard's schemas are not committed (see tests/fixtures/diwoo/README.md): where they are absent, the tests
# that validate against them say so instead of passing.
needs_schemas = pytest.mark.skipif(bool(MISSING), reason=f"the DiWoo and sitemap XSDs are not in {STANDARD}: "
                                   f"{', '.join(MISSING)} (tests/fixtures/diwoo/README.md says where to get them)")


@needs_schemas
def test_every_diwoo_file_and_sitemap_is_valid_against_the_xsds(sites):
    files = _parsed(sites["openbaar"])
    assert len(files) >= 3
    assert {path: schema_errors(document) for path, document in files.items()} == {path: [] for path in files}


@needs_schemas
def test_the_schemas_refuse_a_value_outside_the_lists_and_an_mdto_block(sites):
    """The validation is real: a publisher outside the TOOI list, or content the project never writes, fails."""
    document = next(document for path, document in _parsed(sites["openbaar"]).items()
                    if document.getroot().tag == f"{{{DIWOO_NS}}}Document")
    wrong = copy.deepcopy(document)
    wrong.find("diwoo:DiWoo/diwoo:publisher", NS).set("resource", "https://identifier.overheid.nl/tooi/id/ministerie/mnre9999")
    assert schema_errors(wrong)
    mdto = copy.deepcopy(document)
    mdto.getroot().remove(mdto.find("diwoo:DiWoo", NS))
    etree.SubElement(etree.SubElement(mdto.getroot(), "{https://www.nationaalarchief.nl/mdto}MDTO"), "x")
    assert schema_errors(mdto)


def test_the_sitemap_lists_exactly_the_diwoo_files_written_with_their_metadata(sites):
    site = sites["openbaar"]
    files = _parsed(site)
    documents = {path: document for path, document in files.items()
                 if document.getroot().tag == f"{{{DIWOO_NS}}}Document"}
    indexes = [path for path, document in files.items() if document.getroot().tag == f"{{{SITEMAP_NS}}}sitemapindex"]
    assert len(indexes) == 1 and Path(indexes[0]).name.startswith("sitemapindex-diwoo-infocat"), indexes
    sitemaps = [_site_path(loc.text) for loc in files[indexes[0]].findall("sm:sitemap/sm:loc", NS)]
    assert sorted(set(files) - set(documents) - set(indexes)) == sorted(sitemaps)  # no stray file, none missing
    listed = {}
    for sitemap in sitemaps:
        assert files[sitemap].getroot().tag == f"{{{SITEMAP_NS}}}urlset", sitemap
        for url in files[sitemap].findall("sm:url", NS):
            page = _site_path(url.findtext("sm:loc", namespaces=NS))
            assert (site / page / "index.html").is_file(), page  # the harvested document: the note's page
            metadata = url.find("diwoo:Document", NS)
            identifier = metadata.findtext("diwoo:DiWoo/diwoo:identifiers/diwoo:identifier", namespaces=NS)
            assert f"diwoo/{identifier}.xml" not in listed, identifier
            listed[f"diwoo/{identifier}.xml"] = etree.tostring(metadata, method="c14n2", strip_text=True)
    assert listed == {path: etree.tostring(document.getroot(), method="c14n2", strip_text=True)
                      for path, document in documents.items()}


def test_only_the_public_build_writes_diwoo(sites):
    assert not (sites["intern"] / "diwoo").exists()
    assert (sites["openbaar"] / "diwoo").is_dir()


@needs_schemas
@pytest.mark.parametrize("bounds", [{"limit": 1}, {"size": 4000}], ids=["urls", "bytes"])
def test_each_of_the_split_sitemaps_is_valid_against_the_xsds(project, bounds):
    index = index_for(dataclasses.replace(load_settings(project / "mkdocs.yml"), openbaar=True))
    for path, text in diwoo_files(index, SITE_URL, **bounds).items():
        assert schema_errors(etree.ElementTree(etree.fromstring(text.encode()))) == [], path


@pytest.mark.parametrize("bounds", [{"limit": 1}, {"size": 4000}], ids=["urls", "bytes"])
def test_a_long_list_of_notes_is_split_over_sitemaps(project, bounds):
    """A sitemap holds at most 50,000 urls and 50 MB: here 1 url, or 4,000 bytes (about one note's url)."""
    index = index_for(dataclasses.replace(load_settings(project / "mkdocs.yml"), openbaar=True))
    files = diwoo_files(index, SITE_URL, **bounds)
    for path, text in files.items():
        assert len(text.encode("utf-8")) <= bounds.get("size", len(text.encode("utf-8"))), path
    sitemaps = sorted(path for path in files if Path(path).name.startswith("sitemap-"))
    assert len(sitemaps) == len(index.notas_newest_first) >= 2
    index_file = next(text for path, text in files.items() if Path(path).name.startswith("sitemapindex-"))
    assert sorted(_site_path(loc.text) for loc in etree.fromstring(index_file.encode()).findall(
        "sm:sitemap/sm:loc", NS)) == sitemaps


# --- The publisher is the editors' setting ----------------------------------------------------------------------------

def test_the_public_build_refuses_to_write_diwoo_without_the_publisher_setting(project, tmp_path):
    (project / "data" / "diwoo.yaml").rename(tmp_path / "diwoo.yaml")
    try:
        result = build(project, tmp_path / "site", PUBLIC_ENV)
        internal = run_check(project)
    finally:
        (tmp_path / "diwoo.yaml").rename(project / "data" / "diwoo.yaml")
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output
    assert error_lines(result.output) == [
        "data/diwoo.yaml:1:1: error: het gegevensbestand ontbreekt: de openbare versie schrijft DiWoo-metadata en "
        "heeft de uitgever nodig (maak data/diwoo.yaml aan met 'uitgever: mnre1058' (ministerie van Justitie en "
        "Veiligheid) of 'uitgever: mnre1162' (ministerie van Asiel en Migratie)) [bestand-ontbreekt]"]
    assert internal.returncode == 0, internal.stdout  # the internal build writes no DiWoo and needs no publisher


@pytest.mark.parametrize("code", ["mnre1058", "mnre1162"])
def test_the_publisher_in_the_diwoo_metadata_is_the_one_the_editors_chose(project, tmp_path, code):
    setting = project / "data" / "diwoo.yaml"
    original = setting.read_text(encoding="utf-8")
    try:
        setting.write_text(f"uitgever: {code}\n", encoding="utf-8")
        result = build(project, tmp_path / "site", PUBLIC_ENV)
    finally:
        setting.write_text(original, encoding="utf-8")
    assert result.returncode == 0, result.output
    for path in (result.site / "diwoo").glob("[0-9]*.xml"):
        root = etree.parse(str(path)).getroot()
        for field in ("publisher", "documenthandelingen/diwoo:documenthandeling/diwoo:wasAssociatedWith"):
            assert root.find(f"diwoo:DiWoo/diwoo:{field}", NS).get("resource").endswith(f"/{code}"), (path, field)
