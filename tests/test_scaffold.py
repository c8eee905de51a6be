"""`make nota`: a new note's data file and page from the skeletons, refused when it would overwrite or is invalid."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.model.schema import Nota
from tests.editing import ACKNOWLEDGED
from tests.site_build import ROOT, build, cli, copy_project

REF = "1234567"
DATA_FILE = f"data/notas/{REF}.yaml"
PAGE_FILE = f"docs/notas/{REF}.md"
MAKE_PARTS = ("Makefile", "requirements.txt", "requirements-test.txt")
VENV = Path(sys.executable).parent.parent
FINDING_LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): "
                          r"(?P<message>.*) \[(?P<code>[a-z0-9-]+)\]$")
# A field of the skeleton that is still empty: `key: ""`, possibly as the first key of a list item.
EMPTY_FIELD = re.compile(r'^(?P<indent>\s*(?:-\s+)?)(?P<key>\w+): ""\s*$')
TITLE = "Proefnota over het nieuwe skelet"
FILLED = {
    'titel: ""': f'titel: "{TITLE}"',
    'datum: ""': "datum: 2026-03-02",
    'directoraat_generaal: ""': "directoraat_generaal: Directoraat-Generaal Migratie",
    'bureau: ""': "bureau: Bureau Internationaal Migratiebeleid",
    'geadresseerde: ""': "geadresseerde: De Minister van Asiel en Migratie",
    'tekst: ""': "tekst: Het eerste kernpunt van de proefnota.",
}


# --- helpers -------------------------------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the real project."""
    return copy_project(tmp_path / "project")


def findings(completed: subprocess.CompletedProcess) -> set[tuple[str, int, int, str, str]]:
    """(path, line, column, severity, code) of every finding `check` printed; an acknowledged warning's severity is
    `erkend` (the seed note's date warning is one)."""
    matches = [FINDING_LINE.match(line) or ACKNOWLEDGED.match(line) for line in completed.stdout.splitlines()]
    assert all(matches), completed.stdout
    return {(match["path"], int(match["line"]), int(match["column"]), match.groupdict().get("severity", "erkend"),
             match["code"]) for match in matches}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Content and modification time of every file under `folder`."""
    return {file.relative_to(folder).as_posix(): (file.read_bytes(), file.stat().st_mtime_ns)
            for file in sorted(folder.rglob("*")) if file.is_file()}


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def first_bron_id() -> str:
    """An existing bron of the real content, read with plain PyYAML."""
    return yaml.safe_load((ROOT / "data" / "bronnen.yaml").read_text(encoding="utf-8"))["bronnen"][0]["id"]


def assert_no_traceback(completed: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in completed.stdout + completed.stderr


# --- the command line ----------------------------------------------------------------------------------------

def test_nota_creates_the_data_file_and_the_page_and_says_what_next(project):
    completed = cli(project, "nota", REF)
    assert completed.returncode == 0, completed.stderr
    data, page = project / DATA_FILE, project / PAGE_FILE
    assert data.is_file()
    assert page.is_file()
    for text in (data.read_text(encoding="utf-8"), page.read_text(encoding="utf-8")):
        assert REF in text
        assert "$referentie" not in text
    assert yaml.safe_load(data.read_text(encoding="utf-8"))["referentie"] == REF
    page_text = page.read_text(encoding="utf-8")
    assert f'{{{{ nota_kop("{REF}") }}}}' in page_text
    assert f'{{{{ kernpunten("{REF}") }}}}' in page_text
    output = completed.stdout
    assert DATA_FILE in output
    assert PAGE_FILE in output
    assert "Volgende stappen" in output
    assert "make check" in output
    assert f"notas/{REF}/" in output
    assert_no_traceback(completed)


def test_nota_refuses_an_existing_note_and_names_both_files(project):
    assert cli(project, "nota", REF).returncode == 0
    before = snapshot(project)
    completed = cli(project, "nota", REF)
    assert completed.returncode == 1
    assert f"{DATA_FILE}:1:1: error: nota {REF} bestaat al" in completed.stderr
    assert f"{PAGE_FILE}:1:1: error: nota {REF} bestaat al" in completed.stderr
    assert completed.stdout == ""
    assert_no_traceback(completed)
    assert snapshot(project) == before


@pytest.mark.parametrize(("existing", "missing"), [(DATA_FILE, PAGE_FILE), (PAGE_FILE, DATA_FILE)])
def test_nota_refuses_when_one_of_the_two_files_exists_and_creates_neither(project, existing, missing):
    (project / existing).write_text("# van iemand anders\n", encoding="utf-8")
    before = snapshot(project)
    completed = cli(project, "nota", REF)
    assert completed.returncode == 1
    assert f"{existing}:1:1: error: nota {REF} bestaat al" in completed.stderr
    assert missing not in completed.stderr
    assert_no_traceback(completed)
    assert snapshot(project) == before


@pytest.mark.parametrize("referentie", ["12ab", "123", "12345678901", "../1234567", "1234567/", "1234567\n", ""])
def test_nota_refuses_an_invalid_referentie(project, referentie):
    before = snapshot(project)
    completed = cli(project, "nota", referentie)
    assert completed.returncode == 1
    assert f"'{referentie}' is geen geldige referentie" in completed.stderr
    assert "4 tot 10 cijfers" in completed.stderr
    assert completed.stdout == ""
    assert_no_traceback(completed)
    assert snapshot(project) == before


def test_check_after_scaffolding_names_exactly_the_empty_required_fields(project):
    assert cli(project, "nota", REF).returncode == 0
    skeleton = (project / DATA_FILE).read_text(encoding="utf-8")
    empty = {number: EMPTY_FIELD.match(line) for number, line in enumerate(skeleton.splitlines(), start=1)
             if EMPTY_FIELD.match(line)}
    # The skeleton leaves exactly the required text fields of a note, and the kernpunt's text, empty.
    required = {name for name, field in Nota.model_fields.items() if field.is_required()}
    assert {match["key"] for match in empty.values()} == {
        "titel", "datum", "directoraat_generaal", "bureau", "geadresseerde", "tekst"}
    assert {match["key"] for match in empty.values()} - {"tekst"} <= required
    expected = {(DATA_FILE, number, len(match["indent"]) + 1, "error",
                 "ongeldige-datum" if match["key"] == "datum" else "lege-waarde")
                for number, match in empty.items()}
    completed = cli(project, "check")
    assert completed.returncode == 1
    assert findings(completed) == expected
    assert f"{len(expected)} fout(en)" in completed.stderr
    assert_no_traceback(completed)


def test_filled_in_note_checks_clean_and_builds(project, tmp_path):
    baseline = cli(project, "check")
    assert baseline.returncode == 0, baseline.stdout
    assert cli(project, "nota", REF).returncode == 0
    data = project / DATA_FILE
    text = data.read_text(encoding="utf-8")
    for old, new in FILLED.items():
        text = replace_once(text, old, new)
    text = replace_once(text, "    bronnen: []\n", f"    bronnen: [{first_bron_id()}]\n")
    data.write_text(text, encoding="utf-8")

    completed = cli(project, "check")
    assert completed.returncode == 0, completed.stdout
    assert findings(completed) == findings(baseline)  # nothing new: no error and no warning
    assert "0 fout(en)" in completed.stderr

    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    html = (tmp_path / "site" / "notas" / REF / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("h1").get_text(" ", strip=True).startswith(TITLE)
    assert TITLE in soup.find("title").get_text()
    assert REF in soup.get_text()


# --- through make --------------------------------------------------------------------------------------------

@pytest.fixture
def make_project(project) -> Path:
    """The copy with the Makefile and requirements (timestamps kept, so make sees the venv as up to date)."""
    for part in MAKE_PARTS:
        shutil.copy2(ROOT / part, project / part)
    up_to_date = subprocess.run(["make", "-q", "-C", str(project), f"VENV={VENV}", f"{VENV}/bin/mkdocs"],
                                capture_output=True, text=True, timeout=60)
    if up_to_date.returncode != 0:
        pytest.skip("the venv is older than requirements.txt: make would reinstall it")
    return project


def make(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "-C", str(project), *arguments, f"VENV={VENV}"],
                          capture_output=True, text=True, timeout=300)


def test_make_nota_without_ref_exits_2_with_a_message(make_project):
    before = snapshot(make_project)
    completed = make(make_project, "nota")
    assert completed.returncode == 2
    assert "Geef de referentie mee: make nota REF=<referentie>" in completed.stderr
    assert snapshot(make_project) == before


def test_make_nota_with_ref_scaffolds_in_the_project_it_runs_in(make_project):
    real_data_files = sorted((ROOT / "data" / "notas").iterdir())
    completed = make(make_project, "nota", f"REF={REF}")
    assert completed.returncode == 0, completed.stderr
    assert (make_project / DATA_FILE).is_file()
    assert (make_project / PAGE_FILE).is_file()
    assert DATA_FILE in completed.stdout
    assert sorted((ROOT / "data" / "notas").iterdir()) == real_data_files
