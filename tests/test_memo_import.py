"""`make import`: a memo (its Markdown export, or a .docx made with python-docx) becomes a note's data file and
page, with a report of what the import could not know; bad input is refused with one message and nothing
written; a re-import keeps what the editor added."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from macros.adapter.config import load_settings
from macros.memo.importer import import_memo
from macros.memo.problems import Report
from macros.memo.suggestions import suggest
from tests.memo_docx import WordMemo, write_memo
from tests.site_build import ROOT, cli, copy_project

SEED = ROOT / "tests" / "fixtures" / "memo-6501580.txt"  # ../shared/seed/000_5963eece4bbeb37e.txt, the real memo
REF = "6501580"
DATA_FILE = f"data/notas/{REF}.yaml"
PAGE_FILE = f"docs/notas/{REF}.md"
HEADER_FIELDS = ("referentie", "titel", "soort", "datum", "directoraat_generaal", "bureau", "geadresseerde")
REAL = yaml.safe_load((ROOT / DATA_FILE).read_text(encoding="utf-8"))
SEED_HEADER = [("Directoraat-Generaal Migratie", "Bureau Internationaal Migratiebeleid"), ("Datum", "11 mei 2025"),
               ("Onze referentie", REF)]


# --- helpers -------------------------------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the real project without note 6501580."""
    copy = copy_project(tmp_path / "project")
    (copy / DATA_FILE).unlink()
    (copy / PAGE_FILE).unlink()
    return copy


@pytest.fixture
def real_project(tmp_path) -> Path:
    return copy_project(tmp_path / "real")


def shape(kernpunten: list[dict]) -> list[tuple[str, list]]:
    """The tree of texts, whitespace aside."""
    return [(" ".join(item["tekst"].split()), shape(item.get("kernpunten", []))) for item in kernpunten]


def flat(kernpunten: list[dict]) -> list[dict]:
    return [part for item in kernpunten for part in (item, *flat(item.get("kernpunten", [])))]


def sections(page: str) -> list[tuple[str, str]]:
    """(heading, body without whitespace differences) per section of a page; macro calls and notes aside."""
    found = []
    for chunk in re.split(r"^(?=#)", page, flags=re.MULTILINE)[1:]:
        heading, _, body = chunk.partition("\n")
        body = "\n".join(line for line in body.splitlines() if not line.startswith(("{{", "!!!", "    ")))
        found.append((heading, " ".join(body.split())))
    return found


def snapshot(folder: Path) -> dict[str, bytes]:
    return {file.relative_to(folder).as_posix(): file.read_bytes() for file in sorted(folder.rglob("*"))
            if file.is_file()}


def data_of(project: Path) -> dict:
    return yaml.safe_load((project / DATA_FILE).read_text(encoding="utf-8"))


def editor_fills_in(project: Path, referentie: str, onderwerpen: list[str], renamed: dict[str, str]) -> None:
    """The editor's step after an import: the note's onderwerpen, and (here) the references elsewhere to the ids the
    real note's kernpunten have, pointed at the imported kernpunt with the same text."""
    data_file = project / "data" / "notas" / f"{referentie}.yaml"
    text = data_file.read_text(encoding="utf-8")
    data_file.write_text(re.sub(r"^onderwerpen: \[\].*$", f"onderwerpen: [{', '.join(onderwerpen)}]", text,
                                count=1, flags=re.MULTILINE), encoding="utf-8")
    for other in [*(project / "data").glob("*.yaml"), *(project / "docs").rglob("*.md")]:
        content = other.read_text(encoding="utf-8")
        for old, new in renamed.items():
            content = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, content)
        other.write_text(content, encoding="utf-8")


def seed_memo() -> WordMemo:
    """The seed memo as the Word file it was exported from: the real note's text, nesting and sections."""
    def points(items: list[dict]) -> list[tuple[str, list]]:
        return [(item["tekst"], points(item.get("kernpunten", []))) for item in items]
    page = (ROOT / PAGE_FILE).read_text(encoding="utf-8")
    body = dict(sections(page))
    return WordMemo(SEED_HEADER, REAL["geadresseerde"], "nota", REAL["titel"], [
        ("1. Aanleiding", 2, [body["## 1. Aanleiding"]]),
        ("2. Geadviseerd besluit", 2, [body["## 2. Geadviseerd besluit"]]),
        ("3. Kernpunten", 2, ["KERNPUNTEN"]),
        ("4. Toelichting", 2, ["N.v.t."]),
        ("5. Informatie die niet openbaar gemaakt kan worden", 2, []),
        ("5.1. Toelichting", 3, [body["### 5.1. Toelichting"]]),
    ], points(REAL["kernpunten"]), page_break_before="4. Toelichting")


# --- the seed: the Markdown export of the real memo ------------------------------------------------------------

def test_importing_the_seed_reproduces_the_real_note_and_checks_clean_once_filled_in(project):
    completed = cli(project, "import", str(SEED))
    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stdout + completed.stderr
    data = data_of(project)
    assert {name: data[name] for name in HEADER_FIELDS} == {name: REAL[name] for name in HEADER_FIELDS}
    assert [item["tekst"] for item in flat(data["kernpunten"])] == [
        " ".join(item["tekst"].split()) for item in flat(REAL["kernpunten"])]
    assert len(flat(data["kernpunten"])) == 9
    # The nesting after the page break is the real note's; the report flags every kernpunt placed there.
    assert shape(data["kernpunten"]) == shape(REAL["kernpunten"])
    report = completed.stdout
    flagged = re.findall(rf"{re.escape(SEED.name)}:(\d+): inspringing verloren", report)
    assert flagged == ["47", "49", "51", "52"]
    assert ":45: de tekst loopt door na een paginaovergang" in report
    page = (project / PAGE_FILE).read_text(encoding="utf-8")
    assert sections(page) == sections((ROOT / PAGE_FILE).read_text(encoding="utf-8"))
    assert f'{{{{ kernpunten("{REF}") }}}}' in page
    for expected in (":12: adresblok", ":54: herhaalde paginakop", ":59: herhaalde paginakop",
                     ":62: herhaalde paginakop", "'17 juni 2025', na de datum van de nota (11 mei 2025)",
                     "bron 'com-2025-101-terugkeer'", "onderwerp 'externalisering'", "Volgende stappen"):
        assert expected in report, expected
    # What the memo does not say stays empty or at the skeleton's value, never guessed.
    assert data["onderwerpen"] == [] and data["status"] == "concept"
    assert all(item["bronnen"] == [] for item in flat(data["kernpunten"]))

    by_text = {" ".join(item["tekst"].split()): item["id"] for item in flat(data["kernpunten"])}
    renamed = {item["id"]: by_text[" ".join(item["tekst"].split())] for item in flat(REAL["kernpunten"])}
    editor_fills_in(project, REF, REAL["onderwerpen"], renamed)
    checked = cli(project, "check")
    assert checked.returncode == 0, checked.stdout
    assert "0 fout(en)" in checked.stderr


def test_importing_the_seed_takes_under_two_seconds(project):
    settings = load_settings(project / "mkdocs.yml")
    started = time.perf_counter()
    result = import_memo(settings, SEED, "seed.txt")
    assert time.perf_counter() - started < 2
    assert result.referentie == REF


def test_the_kernpunt_ids_come_from_the_referentie_and_the_words_and_are_stable(project, tmp_path):
    assert cli(project, "import", str(SEED)).returncode == 0
    first = [item["id"] for item in flat(data_of(project)["kernpunten"])]
    assert first[5] == f"{REF}-kabinet-onderschrijft-bevindingen"
    assert all(identifier.startswith(f"{REF}-") for identifier in first) and len(set(first)) == 9
    other = copy_project(tmp_path / "other")
    (other / DATA_FILE).unlink()
    (other / PAGE_FILE).unlink()
    assert cli(other, "import", str(SEED)).returncode == 0
    assert [item["id"] for item in flat(data_of(other)["kernpunten"])] == first


def test_suggestions_come_from_titles_short_names_and_identifiers_and_onderwerp_names():
    report = Report("memo.txt")
    found = suggest([(7, "kernpunt", "Het voorstel COM(2025) 101 en de Dublinverordening raken het EVRM.")],
                    ROOT / "data", report)
    assert {"bron:com-2025-101-terugkeer", "bron:dublin-iii", "bron:evrm", "onderwerp:evrm"} <= set(found["kernpunt"])
    assert "  memo.txt:7: kernpunt: bron 'com-2025-101-terugkeer' (de tekst noemt 'COM(2025) 101')" in report.lines()


def test_text_in_the_header_that_is_no_field_is_reported_not_placed(project, tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("**Datum**", "Vertrouwelijk\n\n**Datum**", 1)
    completed = cli(project, "import", str(_written(tmp_path, "met-stempel.txt", text)))
    assert completed.returncode == 0, completed.stderr
    assert "Tekst die niet geplaatst kon worden:" in completed.stdout
    assert "tekst in de kop niet herkend: 'Vertrouwelijk'" in completed.stdout
    assert "Vertrouwelijk" not in (project / DATA_FILE).read_text(encoding="utf-8")


PLAIN_MEMO = """Ministerie van Justitie en Veiligheid

Datum: 2-3-2026
Onze referentie: 7000009
Aan: De Minister van Asiel en Migratie

# informatienota

Over de uitvoering

**1. Aanleiding**

Een vraag van de Kamer.

**2. Kernpunten**

1. Eerste punt
   - een subpunt
2. Tweede punt
"""


def test_a_plain_text_memo_with_colon_fields_bold_headings_and_a_numbered_list(project, tmp_path):
    completed = cli(project, "import", str(_written(tmp_path, "platte-tekst.txt", PLAIN_MEMO)))
    assert completed.returncode == 0, completed.stderr
    data = yaml.safe_load((project / "data" / "notas" / "7000009.yaml").read_text(encoding="utf-8"))
    assert (data["titel"], data["soort"], str(data["datum"]), data["geadresseerde"]) == (
        "Over de uitvoering", "informatienota", "2026-03-02", "De Minister van Asiel en Migratie")
    assert shape(data["kernpunten"]) == [("Eerste punt", [("een subpunt", [])]), ("Tweede punt", [])]
    assert "briefhoofd: 'Ministerie van Justitie en Veiligheid'" in completed.stdout
    assert "het directoraat-generaal staat niet in de memo" in completed.stdout
    page = (project / "docs" / "notas" / "7000009.md").read_text(encoding="utf-8")
    assert [heading for heading, _ in sections(page)] == ["## 1. Aanleiding", "## 2. Kernpunten"]


# --- Word memos ------------------------------------------------------------------------------------------------

def test_the_seed_as_a_word_file_gives_the_real_note_nested_as_in_word(project, tmp_path):
    memo = write_memo(seed_memo(), tmp_path / "nota 6501580.docx")
    completed = cli(project, "import", str(memo))
    assert completed.returncode == 0, completed.stderr
    data = data_of(project)
    assert {name: data[name] for name in HEADER_FIELDS} == {name: REAL[name] for name in HEADER_FIELDS}
    assert shape(data["kernpunten"]) == shape(REAL["kernpunten"])
    assert "inspringing verloren" not in completed.stdout  # Word's list levels are reliable
    assert "herhaalde paginakop" in completed.stdout
    assert sections((project / PAGE_FILE).read_text(encoding="utf-8")) == sections(
        (ROOT / PAGE_FILE).read_text(encoding="utf-8"))


INFORMATIENOTA = WordMemo(
    [("Directoraat-Generaal Migratie", "Bureau Terugkeer"), ("Datum", "3 februari 2026"),
     ("Onze referentie", "7000001")],
    "De Staatssecretaris", "informatienota", "Stand van zaken terugkeer naar veilige landen", [
        ("1. Aanleiding", 2, ["U heeft gevraagd om een overzicht van de terugkeer in 2025."]),
        ("2. Kernpunten", 2, ["KERNPUNTEN"]),
        ("3. Toelichting", 2, ["De cijfers zijn voorlopig."]),
    ], [("In 2025 keerden meer mensen *zelfstandig* terug dan in 2024.", []),
        ("**Gedwongen terugkeer** bleef gelijk.", [])], page_break_before="3. Toelichting")

DEEP = WordMemo(
    [("Directoraat-Generaal Migratie", "Bureau Internationaal Migratiebeleid"), ("Datum", "12 maart 2026"),
     ("Onze referentie", "7000002")],
    "De Minister van Asiel en Migratie", "nota", "Beslisnota over de inzet bij de JBZ-Raad", [
        ("1. Aanleiding", 2, ["De JBZ-Raad van maart."]),
        ("2. Geadviseerd besluit", 2, ["Akkoord met de inzet."]),
        ("3. Kernpunten", 2, ["KERNPUNTEN"]),
        ("4. Toelichting", 2, ["N.v.t."]),
    ], [("**Inzet op terugkeer**:", [
        ("Nederland steunt de Terugkeerverordening.", [
            ("Met name de terugkeerhubs.", []), ("En de wederzijdse erkenning.", [])]),
        ("Nederland vraagt om snelheid.", [])]),
        ("**Overig**", [("Geen punten.", [])])], page_break_before="4. Toelichting")


@pytest.mark.parametrize(("memo", "referentie", "soort", "headings"), [
    (INFORMATIENOTA, "7000001", "informatienota", ["## 1. Aanleiding", "## 2. Kernpunten", "## 3. Toelichting"]),
    (DEEP, "7000002", "beslisnota",
     ["## 1. Aanleiding", "## 2. Geadviseerd besluit", "## 3. Kernpunten", "## 4. Toelichting"]),
], ids=["informatienota-zonder-sectie-5", "drie-niveaus"])
def test_word_memos_of_another_structure(real_project, tmp_path, memo, referentie, soort, headings):
    project = real_project
    path = write_memo(memo, tmp_path / f"{referentie}.docx")
    completed = cli(project, "import", str(path))
    assert completed.returncode == 0, completed.stderr
    data = yaml.safe_load((project / "data" / "notas" / f"{referentie}.yaml").read_text(encoding="utf-8"))
    assert data["soort"] == soort and data["titel"] == memo.title
    assert data["directoraat_generaal"] == memo.header[0][0] and data["bureau"] == memo.header[0][1]
    assert data["geadresseerde"] == memo.tav and str(data["datum"]) in ("2026-02-03", "2026-03-12")
    assert shape(data["kernpunten"]) == [
        (text, [(sub, [(leaf, []) for leaf, _ in subs]) for sub, subs in children])
        for text, children in memo.kernpunten]
    page = (project / "docs" / "notas" / f"{referentie}.md").read_text(encoding="utf-8")
    assert [heading for heading, _ in sections(page)] == headings
    editor_fills_in(project, referentie, ["terugkeer"], {})
    data_file = project / "data" / "notas" / f"{referentie}.yaml"
    data_file.write_text(data_file.read_text(encoding="utf-8").replace("bronnen: []", "bronnen: [evrm]"),
                         encoding="utf-8")
    checked = cli(project, "check")
    assert checked.returncode == 0, checked.stdout


def test_header_fields_in_words_page_header_each_label_in_a_row_of_its_own(real_project, tmp_path):
    memo = WordMemo(**{**vars(INFORMATIENOTA), "in_page_header": True})
    completed = cli(real_project, "import", str(write_memo(memo, tmp_path / "kop.docx")))
    assert completed.returncode == 0, completed.stderr
    data = yaml.safe_load((real_project / "data" / "notas" / "7000001.yaml").read_text(encoding="utf-8"))
    assert (data["referentie"], str(data["datum"]), data["bureau"]) == ("7000001", "2026-02-03", "Bureau Terugkeer")
    assert "herhaalde paginakop" not in completed.stdout  # Word repeats its page header itself


def test_a_field_the_memo_does_not_give_stays_empty_with_a_comment_and_is_reported(project, tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("**Datum**  \n11 mei 2025\n", "")
    completed = cli(project, "import", str(_written(tmp_path, "zonder-datum.txt", text)))
    assert completed.returncode == 0, completed.stderr
    written = (project / DATA_FILE).read_text(encoding="utf-8")
    assert 'datum: ""  # niet gevonden in de memo: vul in' in written
    assert "de datum ('Datum') staat niet in de memo" in completed.stdout
    assert "Datums die niet passen" not in completed.stdout  # without its own date, no date can be checked


def test_make_import_needs_bestand_and_runs_the_import(project, tmp_path):
    for part in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy2(ROOT / part, project / part)
    venv = Path(sys.executable).parent.parent
    if subprocess.run(["make", "-q", "-C", str(project), f"VENV={venv}", f"{venv}/bin/mkdocs"],
                      capture_output=True, timeout=60).returncode != 0:
        pytest.skip("the venv is older than requirements.txt: make would reinstall it")
    def make(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(["make", "--no-print-directory", "-C", str(project), *arguments, f"VENV={venv}"],
                              capture_output=True, text=True, timeout=300)
    missing = make("import")
    assert missing.returncode == 2
    assert "Geef de memo mee: make import BESTAND=<bestand>" in missing.stderr
    assert make("import", f"BESTAND={SEED}").returncode == 0
    assert (project / DATA_FILE).is_file() and (project / PAGE_FILE).is_file()
    assert make("import", f"BESTAND={SEED}").returncode != 0  # exists: only with OPNIEUW=1
    again = make("import", f"BESTAND={SEED}", "OPNIEUW=1")
    assert again.returncode == 0 and "Bijgewerkt" in again.stdout


# --- bad input -------------------------------------------------------------------------------------------------

def _damaged_docx(tmp_path: Path) -> Path:
    whole = write_memo(INFORMATIENOTA, tmp_path / "heel.docx").read_bytes()
    path = tmp_path / "beschadigd.docx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def _encrypted_docx(tmp_path: Path) -> Path:
    """What Word writes for a memo with a password: an OLE compound file with an EncryptionInfo stream (its
    directory entry is enough for the import to recognise it)."""
    path = tmp_path / "beveiligd.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptionInfo".encode("utf-16-le")
                     + bytes(64))
    return path


def _old_word(tmp_path: Path) -> Path:
    path = tmp_path / "nota.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    return path


def _written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _zip_bomb(tmp_path: Path) -> Path:
    """A .docx whose parts unpack to 51 MB (zeros: a few kB packed)."""
    path = write_memo(INFORMATIENOTA, tmp_path / "groot.docx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/image1.png", bytes(51 * 2**20))
    return path


BAD = {
    "te-groot-tekst": (lambda tmp: _written(tmp, "groot.txt", "x" * (2 * 2**20 + 1)),
                       "het bestand is groter dan 2 MB"),
    "te-groot-uitgepakt": (_zip_bomb, "meer dan de grens van 50 MB"),
    "pdf": (lambda tmp: _written(tmp, "nota.pdf", "%PDF-1.7\n1 0 obj\n"), "een PDF wordt niet ondersteund: open "
            "de memo in Word en kies Bestand > Opslaan als > Word-document (.docx)"),
    "beschadigd": (_damaged_docx, "het Word-bestand is beschadigd"),
    "geen-docx-binnenin": (lambda tmp: _written(tmp, "leeg.docx", ""), "het Word-bestand is beschadigd"),
    "versleuteld": (_encrypted_docx, "het Word-bestand is versleuteld"),
    "geen-referentie": (lambda tmp: _written(tmp, "zonder.txt", re.sub(r"\*\*Onze referentie\*\*\s+\d+", "",
                                                                      SEED.read_text(encoding="utf-8"))),
                        "de memo noemt geen referentie"),
    "geen-memo": (lambda tmp: _written(tmp, "boodschappen.md", "# Boodschappen\n\n- melk\n- brood\n"),
                  "dit lijkt geen memo"),
    "ongeldige-referentie": (lambda tmp: _written(tmp, "kort.txt", SEED.read_text(encoding="utf-8").replace(
        f"**Onze referentie**  \n{REF}", "**Onze referentie**  \n12AB", 1)), "'12AB' is geen geldige referentie"),
    "oud-word": (_old_word, "een oud Word-bestand (.doc) wordt niet ondersteund"),
    "afbeelding": (lambda tmp: _written(tmp, "scan.png", "x"), "dit soort bestand (.png) wordt niet ondersteund"),
    "bestaat-niet": (lambda tmp: tmp / "weg.docx", "het bestand bestaat niet"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_refused_with_one_message_and_nothing_written(project, tmp_path, case):
    make, message = BAD[case]
    memo = make(tmp_path)
    before = snapshot(project)
    completed = cli(project, "import", str(memo))
    assert completed.returncode == 1
    assert completed.stdout == ""
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1, completed.stderr
    assert lines[0].startswith(f"{memo}") and ": fout: " in lines[0] and message in lines[0], lines[0]
    assert lines[0].endswith("(er is niets geschreven)")
    assert snapshot(project) == before


def test_an_existing_note_is_not_overwritten_without_opnieuw(real_project):
    before = snapshot(real_project)
    completed = cli(real_project, "import", str(SEED))
    assert completed.returncode == 1
    assert f"nota {REF} bestaat al ({DATA_FILE}, {PAGE_FILE})" in completed.stderr
    assert "OPNIEUW=1" in completed.stderr
    assert snapshot(real_project) == before


# --- re-import -------------------------------------------------------------------------------------------------

def test_reimporting_the_same_memo_keeps_every_id_bron_onderwerp_and_marking(real_project):
    page_before = (real_project / PAGE_FILE).read_bytes()
    completed = cli(real_project, "import", str(SEED), "--opnieuw")
    assert completed.returncode == 0, completed.stderr
    assert "Bijgewerkt" in completed.stdout
    assert data_of(real_project) == REAL
    assert (real_project / PAGE_FILE).read_bytes() == page_before
    checked = cli(real_project, "check")
    assert checked.returncode == 0, checked.stdout


def test_reimporting_keeps_the_acknowledged_warnings_of_the_note_and_of_a_kernpunt(real_project):
    data = real_project / DATA_FILE
    text = data.read_text(encoding="utf-8")
    anchor = "    onderwerpen: [verdragen, externalisering]\n"
    assert text.count(anchor) == 1 and "\nerkend:\n" in text
    data.write_text(text.replace(anchor, anchor + "    erkend:\n      - code: kernpunt-zonder-bron\n"
                                 "        reden: 'Zo in de nota: zonder bron.'\n"), encoding="utf-8")
    before = data_of(real_project)
    completed = cli(real_project, "import", str(SEED), "--opnieuw")
    assert completed.returncode == 0, completed.stderr
    after = data_of(real_project)
    assert after == before
    assert after["erkend"][0]["code"] == "datum-voor-aanleiding"
    assert after["kernpunten"][0]["erkend"] == [{"code": "kernpunt-zonder-bron",
                                                 "reden": "Zo in de nota: zonder bron."}]


def test_reimporting_a_newer_version_updates_text_and_structure_and_reports_it(real_project, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("onderzoek uitgevoerd naar vijf verschillende modellen", "onderzoek gedaan naar vijf modellen")
    text = text.replace("- Het kabinet onderschrijft deze bevindingen", "- Een nieuw kernpunt over de planning.\n\n"
                        "- Het kabinet onderschrijft deze bevindingen")
    text = re.sub(r"\n- Het kabinet zet er daarom op in.*\n", "\n", text)
    text = text.replace("N.v.t.", "Zie de bijlage.")
    newer = _written(tmp_path, "nota-v2.txt", text)
    completed = cli(real_project, "import", str(newer), "--opnieuw")
    assert completed.returncode == 0, completed.stderr
    data = data_of(real_project)
    by_id = {item["id"]: item for item in flat(data["kernpunten"])}
    real = {item["id"]: item for item in flat(REAL["kernpunten"])}
    changed = by_id[f"{REF}-vijf-modellen"]
    assert "onderzoek gedaan naar vijf modellen" in changed["tekst"]
    assert changed["bronnen"] == real[f"{REF}-vijf-modellen"]["bronnen"]
    assert by_id[f"{REF}-geen-belemmeringen"]["opmerking"] == real[f"{REF}-geen-belemmeringen"]["opmerking"]
    assert f"{REF}-inzet-kabinet" not in by_id
    new = [identifier for identifier in by_id if identifier not in real]
    assert new == [f"{REF}-nieuw-kernpunt-planning"] and by_id[new[0]]["bronnen"] == []
    assert {name: data[name] for name in ("onderwerpen", "status", "aanleiding", "besluit", "opmerking")} == {
        name: REAL[name] for name in ("onderwerpen", "status", "aanleiding", "besluit", "opmerking")}
    report = completed.stdout
    for expected in (f"kernpunt {REF}-vijf-modellen: de tekst is gewijzigd", f"nieuw kernpunt {new[0]}",
                     f"kernpunt {REF}-inzet-kabinet staat niet meer in de memo",
                     "sectie '4. Toelichting': de tekst is bijgewerkt"):
        assert expected in report, expected
    page = (real_project / PAGE_FILE).read_text(encoding="utf-8")
    assert "Zie de bijlage." in page and "!!! note" in page  # the editor's note under Kernpunten stays


# --- a memo's text is text -------------------------------------------------------------------------------------

HOSTILE_MEMO = """Datum: 2-3-2026
Onze referentie: 7000010
Aan: De Minister van Asiel en Migratie

# informatienota

Over {{ config.site_name }} en <b>vet</b>

## 1. Aanleiding {{ kernpunten("6501580") }}

Een vraag van de Kamer. <script>alert(1)</script> en <img src=x onerror=alert(2)>.

{% endraw %}{{ kernpunten("6501580") }}{% raw %} en {# commentaar #} en {## kop ##}

Een alinea met **vet**, *cursief* en _ook cursief_.
{: onclick="alert(3)" }

Een [link](javascript:alert(4)) en een [goede](https://www.rijksoverheid.nl).

## 2. Kernpunten

- Eerste punt <!-- intern --> met {% include "geheim.md" %}
- Tweede punt met [klik](javascript:alert(5)) en **vet**
"""


def _live(text: str) -> list[str]:
    """What in a written page or data file would act: a tag, a Jinja delimiter outside the importer's own macro
    calls, an attribute list, a script link."""
    own = re.compile(r'^\{\{ (?:nota_kop|kernpunten|kernpunten_web)\("\d+"\) \}\}$')
    found = []
    for line in text.splitlines():
        if own.match(line):
            continue
        found += re.findall(r"<[a-zA-Z!/]|\{[{%#:]|javascript:|\{\s*:", line)
    return found


def test_html_jinja_attribute_lists_and_script_links_from_a_memo_are_written_as_text(real_project, tmp_path):
    project = real_project
    completed = cli(project, "import", str(_written(tmp_path, "vijandig.txt", HOSTILE_MEMO)))
    assert completed.returncode == 0, completed.stderr
    page = (project / "docs" / "notas" / "7000010.md").read_text(encoding="utf-8")
    data_text = (project / "data" / "notas" / "7000010.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(data_text)
    assert _live(page) == [], page
    assert [found for item in flat(data["kernpunten"]) for found in _live(item["tekst"])] == []
    assert not re.search(r"\{[{%#]", data_text), data_text  # the data holds no Jinja (make check refuses it)
    assert "{% raw %}" not in page and "{% endraw %}" not in page
    assert "&lt;script>alert(1)&lt;/script>" in page and "&lt;img src=x onerror=alert(2)>" in page
    assert "## 1. Aanleiding &#123;&#123; kernpunten" in page
    assert "**vet**, *cursief* en _ook cursief_" in page  # emphasis stays
    assert "Een link en een [goede](https://www.rijksoverheid.nl)." in page
    assert data["kernpunten"][1]["tekst"] == "Tweede punt met klik en **vet**"
    assert "&lt;!-- intern -->" in data["kernpunten"][0]["tekst"]
    assert "{{" not in data["titel"] and "<b>" in data["titel"]  # a title is shown as text: only Jinja is broken
    assert "link naar 'javascript:alert(4)'" in completed.stdout
    editor_fills_in(project, "7000010", ["terugkeer"], {})
    data_file = project / "data" / "notas" / "7000010.yaml"
    data_file.write_text(data_file.read_text(encoding="utf-8").replace('directoraat_generaal: ""',
                         "directoraat_generaal: DG Migratie").replace('bureau: ""', "bureau: Bureau Terugkeer")
                         .replace("bronnen: []", "bronnen: [evrm]"), encoding="utf-8")
    checked = cli(project, "check")
    assert checked.returncode == 0, checked.stdout


def test_a_javascript_link_in_a_word_memo_keeps_only_its_text_and_is_reported(real_project, tmp_path):
    memo = WordMemo(**{**vars(INFORMATIENOTA), "sections": [
        ("1. Aanleiding", 2, ["LINK javascript:alert(1) de brief", "LINK https://example.org/a(b) c de bron"]),
        *INFORMATIENOTA.sections[1:]]})
    completed = cli(real_project, "import", str(write_memo(memo, tmp_path / "link.docx")))
    assert completed.returncode == 0, completed.stderr
    page = (real_project / "docs" / "notas" / "7000001.md").read_text(encoding="utf-8")
    assert "javascript" not in page and "Zie de brief" in page
    assert "[c de bron](https://example.org/a%28b%29)" in page
    assert "link naar 'javascript:alert(1)'" in completed.stdout


# --- header fields come from the header only -------------------------------------------------------------------

BODY_LIKE_HEADER = """Datum: 2-3-2026
Onze referentie: 7000011

# informatienota

Over de planning

## 1. Aanleiding

Aan de Kamer is toegezegd de brief voor de zomer te sturen.

T.a.v. de planning: die volgt in mei.

Datum van inwerkingtreding is 1 januari 2027.

Kenmerk van dit besluit is de snelheid.

**Aan** de Kamer is toegezegd dat de brief in mei komt.

## 2. Kernpunten

- Een punt.
"""


def test_text_in_a_section_that_reads_like_a_header_field_stays_in_the_section(project, tmp_path):
    completed = cli(project, "import", str(_written(tmp_path, "zinnen.txt", BODY_LIKE_HEADER)))
    assert completed.returncode == 0, completed.stderr
    data = yaml.safe_load((project / "data" / "notas" / "7000011.yaml").read_text(encoding="utf-8"))
    assert (data["referentie"], str(data["datum"]), data["geadresseerde"]) == ("7000011", "2026-03-02", "")
    page = (project / "docs" / "notas" / "7000011.md").read_text(encoding="utf-8")
    for sentence in ("Aan de Kamer is toegezegd de brief voor de zomer te sturen.",
                     "T.a.v. de planning: die volgt in mei.", "Datum van inwerkingtreding is 1 januari 2027.",
                     "Kenmerk van dit besluit is de snelheid.",
                     "**Aan** de Kamer is toegezegd dat de brief in mei komt."):
        assert f"\n{sentence}\n" in page, sentence
    assert "herhaalde paginakop" not in completed.stdout


def test_the_referentie_comes_only_from_the_header(project, tmp_path):
    text = BODY_LIKE_HEADER.replace("Onze referentie: 7000011\n", "").replace(
        "- Een punt.\n", "- Een punt.\n\n**Onze referentie** 7000011\n")
    before = snapshot(project)
    completed = cli(project, "import", str(_written(tmp_path, "ref-in-tekst.txt", text)))
    assert completed.returncode == 1 and "de memo noemt geen referentie" in completed.stderr
    assert snapshot(project) == before


def test_a_repeated_page_header_with_another_datum_leaves_the_field_empty_and_says_so(project, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    first = text.index("**Datum**  \n11 mei 2025")
    second = text.index("**Datum**  \n11 mei 2025", first + 1)
    text = text[:second] + "**Datum**  \n12 mei 2025" + text[second + len("**Datum**  \n11 mei 2025"):]
    completed = cli(project, "import", str(_written(tmp_path, "andere-datum.txt", text)))
    assert completed.returncode == 0, completed.stderr
    assert 'datum: ""  # niet gevonden in de memo: vul in' in (project / DATA_FILE).read_text(encoding="utf-8")
    assert "de herhaalde paginakop noemt een andere datum: '12 mei 2025' (de kop: '11 mei 2025')" in completed.stdout
    other = SEED.read_text(encoding="utf-8")
    second = other.index(f"**Onze referentie**  \n{REF}", other.index(f"**Onze referentie**  \n{REF}") + 1)
    other = other[:second] + "**Onze referentie**  \n6501581" + other[second + len(f"**Onze referentie**  \n{REF}"):]
    refused = cli(project, "import", str(_written(tmp_path, "andere-ref.txt", other)))
    assert refused.returncode == 1 and "noemt referentie '6501581'" in refused.stderr, refused.stderr


# --- a re-import fails closed ----------------------------------------------------------------------------------

def test_a_reimport_that_loses_a_kernpunt_marked_niet_openbaar_is_refused(real_project, tmp_path):
    data_file = real_project / DATA_FILE
    text = data_file.read_text(encoding="utf-8")
    marked = re.sub(r"(\n      - id: 6501580-inzet-kabinet\n)", r"\1        niet_openbaar: 5.1.2e\n", text, count=1)
    assert marked != text
    data_file.write_text(marked, encoding="utf-8")
    memo = re.sub(r"\n- Het kabinet zet er daarom op in.*\n", "\n", SEED.read_text(encoding="utf-8"))
    before = snapshot(real_project)
    completed = cli(real_project, "import", str(_written(tmp_path, "zonder-geheim.txt", memo)), "--opnieuw")
    assert completed.returncode == 1, completed.stdout
    message = completed.stderr.strip()
    assert len(message.splitlines()) == 1 and message.endswith("(er is niets geschreven)")
    assert "kernpunt 6501580-inzet-kabinet is niet openbaar" in message and "zet zijn tekst terug" in message
    assert snapshot(real_project) == before


def test_a_reimport_of_what_looks_like_another_memo_under_the_same_referentie_is_refused(real_project, tmp_path):
    other = PLAIN_MEMO.replace("7000009", REF)
    before = snapshot(real_project)
    completed = cli(real_project, "import", str(_written(tmp_path, "andere.txt", other)), "--opnieuw")
    assert completed.returncode == 1, completed.stdout
    assert "dit lijkt een andere memo onder dezelfde referentie" in completed.stderr
    assert "0 van de 9 kernpunten" in completed.stderr
    assert snapshot(real_project) == before


def test_a_renumbered_section_is_matched_by_its_title_not_duplicated(real_project, tmp_path):
    memo = SEED.read_text(encoding="utf-8").replace("## 2. Geadviseerd besluit", "## 7. Geadviseerd besluit")
    completed = cli(real_project, "import", str(_written(tmp_path, "hernummerd.txt", memo)), "--opnieuw")
    assert completed.returncode == 0, completed.stderr
    page = (real_project / PAGE_FILE).read_text(encoding="utf-8")
    assert page.count("Geadviseerd besluit") == 1 and "## 7. Geadviseerd besluit" in page
    assert page.count("Toelichting") == 2  # 4. and 5.1. Toelichting: the same title under another parent
    assert "sectie '2. Geadviseerd besluit' heet nu '7. Geadviseerd besluit'" in completed.stdout


def test_make_import_passes_the_file_name_as_written_and_opnieuw_only_for_1_or_ja(project, tmp_path):
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    venv = Path(sys.executable).parent.parent
    def make(*arguments: str) -> subprocess.CompletedProcess:
        # -o: the venv counts as up to date (this test is about the recipe, not the install)
        return subprocess.run(["make", "--no-print-directory", "-C", str(project), "-o", f"{venv}/bin/mkdocs",
                               *arguments, f"VENV={venv}"], capture_output=True, text=True, timeout=300)
    folder = tmp_path / "map met $HOME"
    folder.mkdir()
    memo = folder / 'nota "v1"; echo $(id).txt'
    shutil.copy2(SEED, memo)
    first = make("import", f"BESTAND={memo}")
    assert first.returncode == 0, first.stderr
    assert (project / DATA_FILE).is_file()
    not_again = make("import", f"BESTAND={memo}", "OPNIEUW=0")
    assert not_again.returncode != 0 and "bestaat al" in not_again.stderr
    again = make("import", f"BESTAND={memo}", "OPNIEUW=ja")
    assert again.returncode == 0 and "Bijgewerkt" in again.stdout, again.stderr


# --- writing: both files or neither ----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["symlink", "map"])
def test_a_target_that_is_a_symlink_or_a_folder_is_refused(project, tmp_path, kind):
    target = project / PAGE_FILE
    if kind == "symlink":
        elsewhere = tmp_path / "elders.md"
        elsewhere.write_text("van iemand anders\n", encoding="utf-8")
        target.symlink_to(elsewhere)
    else:
        target.mkdir()
    before = snapshot(project)
    completed = cli(project, "import", str(SEED))
    assert completed.returncode == 1, completed.stdout
    assert f"{PAGE_FILE} is {'een symbolische link' if kind == 'symlink' else 'geen gewoon bestand'}" in (
        completed.stderr)
    assert completed.stderr.strip().endswith("(er is niets geschreven)")
    assert snapshot(project) == before
    if kind == "symlink":
        assert (tmp_path / "elders.md").read_text(encoding="utf-8") == "van iemand anders\n"


def test_when_one_file_cannot_be_written_neither_is(project):
    shutil.rmtree(project / "docs" / "notas")
    (project / "docs" / "notas").write_text("geen map\n", encoding="utf-8")
    before = snapshot(project)
    completed = cli(project, "import", str(SEED))
    assert completed.returncode == 1, completed.stdout
    message = completed.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert "kan niet worden gelezen of geschreven" in message and message.endswith("(er is niets geschreven)")
    assert snapshot(project) == before and not list((project / "data" / "notas").glob(".*.tmp"))


def test_a_memo_that_cannot_be_read_is_a_message(project, monkeypatch):
    from macros.memo.problems import MemoError
    settings = load_settings(project / "mkdocs.yml")
    def refuse(self, *arguments, **options):
        raise PermissionError(13, "Permission denied", str(self))
    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(MemoError, match="het bestand kan niet worden gelezen \\(Permission denied\\)"):
        import_memo(settings, SEED, "seed.txt")


def test_an_empty_bullet_is_no_kernpunt_and_is_reported(project, tmp_path):
    text = PLAIN_MEMO.replace("2. Tweede punt\n", "2. Tweede punt\n\n-\n\n- **  **\n\n- \n")
    completed = cli(project, "import", str(_written(tmp_path, "leeg.txt", text)))
    assert completed.returncode == 0, completed.stderr
    data = yaml.safe_load((project / "data" / "notas" / "7000009.yaml").read_text(encoding="utf-8"))
    assert shape(data["kernpunten"]) == [("Eerste punt", [("een subpunt", [])]), ("Tweede punt", [])]
    assert completed.stdout.count("een leeg opsommingsteken in 'Kernpunten': geen kernpunt") == 3, completed.stdout
