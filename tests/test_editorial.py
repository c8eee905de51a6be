"""Editorial warnings: each one where it belongs, not on the fixed content, and never a reason to fail."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest

from macros.checks.editorial import editorial_warnings
from macros.content.index import Index
from macros.content.loading import load_content
from macros.model.errors import Finding
from tests.conftest import MINIMAL_DATA, NOTA_REF, position_of
from tests.site_build import CLI, ROOT, build, copy_project

NOTA_FILE = f"notas/{NOTA_REF}.yaml"
NOTA_PATH = f"data/{NOTA_FILE}"
NOTA_DATE = dt.date(2025, 4, 1)  # the date of the minimal data set's note
TODAY = dt.date(2026, 1, 15)
FINDING_LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): "
                          r"(?P<message>.*) \[(?P<code>[a-z0-9-]+)\]$")
# An acknowledged warning as `make check` lists it (macros/checks/acknowledged.py).
ACKNOWLEDGED_LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<column>\d+): erkend: (?P<message>.*) "
                               r"\[(?P<code>[a-z0-9-]+)\]; reden: (?P<reden>.+)$")
# Kinds of events that have happened by the time a note cites them, per the message catalog's examples.
COMPLETED = ("verzoek", "besluit", "publicatie", "brief", "voorstel", "inwerkingtreding")


# --- helpers -------------------------------------------------------------------------------------------------

def warnings_of(project: Path, today: dt.date = TODAY) -> list[Finding]:
    return editorial_warnings(Index(load_content(project / "data", project)), today)


def nota_text(*, datum: str = NOTA_DATE.isoformat(), extra: str = "", kernpunten: str | None = None,
              referentie: str = NOTA_REF, header: str = "") -> str:
    """A valid note; `extra` adds top-level fields, `kernpunten` replaces the kernpunten block."""
    if kernpunten is None:
        kernpunten = dedent(f"""\
            kernpunten:
              - id: {referentie}-eerste
                tekst: Eerste kernpunt.
                bronnen: [rapport-a]
            """)
    return header + dedent(f"""\
        referentie: "{referentie}"
        titel: Nota {referentie}
        soort: beslisnota
        datum: {datum}
        directoraat_generaal: DG Migratie
        bureau: Bureau Beleid
        geadresseerde: De Minister
        status: concept
        onderwerpen: [asiel]
        """) + extra + kernpunten


def tijdlijn_text(*events: str) -> str:
    """The minimal timeline plus `events` (each a YAML list item indented by two spaces)."""
    return MINIMAL_DATA["tijdlijn.yaml"] + "".join(events)


def event(event_id: str, datum: str, soort: str, notas: tuple[str, ...] = ()) -> str:
    linked = ", ".join(f'"{referentie}"' for referentie in notas)
    return (f"  - id: {event_id}\n    datum: {datum}\n    soort: {soort}\n    titel: Gebeurtenis {event_id}\n"
            f"    notas: [{linked}]\n")


def assert_only_warning(findings: list[Finding], path: str, position: tuple[int, int], code: str,
                        message_part: str) -> Finding:
    assert len(findings) == 1, "\n".join(map(str, findings))
    finding = findings[0]
    assert (finding.path, (finding.line, finding.column), finding.severity, finding.code) == (
        path, position, "warning", code)
    assert message_part in finding.message
    assert finding.hint
    return finding


def codes(findings: list[Finding]) -> list[str]:
    return [finding.code for finding in findings]


def test_the_minimal_data_set_gives_no_warnings(data_factory):
    assert warnings_of(data_factory(), today=dt.date(2100, 1, 1)) == []


# --- datum-voor-aanleiding -----------------------------------------------------------------------------------

@pytest.mark.parametrize("soort", COMPLETED)
def test_note_dated_before_a_completed_aanleiding(data_factory, soort):
    nota = nota_text(extra="aanleiding: [aanleiding-x]\n")
    project = data_factory({"tijdlijn.yaml": tijdlijn_text(event("aanleiding-x", "2025-04-02", soort)),
                            NOTA_FILE: nota})
    assert_only_warning(warnings_of(project), NOTA_PATH, position_of(nota, "datum: "), "datum-voor-aanleiding",
                        "de nota is gedateerd vóór haar aanleiding 'aanleiding-x' (2 april 2025)")


@pytest.mark.parametrize(("datum", "expected"), [
    ("2025-04-02", ["datum-voor-aanleiding"]),  # one day after the note
    ("2025-04-01", []),  # the same day: fine
    ("2025-03-31", []),  # before the note: as it should be
    ("2025-05", ["datum-voor-aanleiding"]),  # a month after the note's month
    ("2025-04", []),  # the note's own month: may well be earlier in the month
    ("2025", []),  # the note's own year
    ("2026", ["datum-voor-aanleiding"]),
])
def test_datum_voor_aanleiding_boundaries(data_factory, datum, expected):
    project = data_factory({"tijdlijn.yaml": tijdlijn_text(event("verzoek-x", datum, "verzoek")),
                            NOTA_FILE: nota_text(extra="aanleiding: [verzoek-x]\n")})
    assert codes(warnings_of(project)) == expected


def test_datum_voor_aanleiding_names_a_partial_date_the_dutch_way(data_factory):
    nota = nota_text(extra="aanleiding: [verzoek-x]\n")
    project = data_factory({"tijdlijn.yaml": tijdlijn_text(event("verzoek-x", "2025-06", "verzoek")),
                            NOTA_FILE: nota})
    assert_only_warning(warnings_of(project), NOTA_PATH, position_of(nota, "datum: "), "datum-voor-aanleiding",
                        "'verzoek-x' (juni 2025)")


def test_a_later_debate_as_aanleiding_is_not_suspicious(data_factory):
    project = data_factory({"tijdlijn.yaml": tijdlijn_text(event("debat-x", "2025-09-01", "debat")),
                            NOTA_FILE: nota_text(extra="aanleiding: [debat-x]\n")})
    assert warnings_of(project) == []


def test_a_late_aanleiding_that_also_links_the_note_is_reported_once(data_factory):
    nota = nota_text(extra="aanleiding: [verzoek-x]\n")
    project = data_factory({"tijdlijn.yaml": tijdlijn_text(event("verzoek-x", "2025-05-01", "verzoek", (NOTA_REF,))),
                            NOTA_FILE: nota})
    assert_only_warning(warnings_of(project), NOTA_PATH, position_of(nota, "datum: "), "datum-voor-aanleiding",
                        "'verzoek-x'")


# --- toezegging-voor-nota ------------------------------------------------------------------------------------

def test_promised_date_before_the_note(data_factory):
    nota = nota_text(extra="aanleiding: [toezegging-x]\n")
    project = data_factory({"tijdlijn.yaml": tijdlijn_text(event("toezegging-x", "2025-03-31", "toezegging")),
                            NOTA_FILE: nota})
    assert_only_warning(warnings_of(project), NOTA_PATH, position_of(nota, "datum: "), "toezegging-voor-nota",
                        "de toegezegde datum (31 maart 2025) ligt vóór de datum van de nota")


@pytest.mark.parametrize(("datum", "expected"), [
    ("2025-03-31", ["toezegging-voor-nota"]),
    ("2025-04-01", []),  # promised for the note's own day
    ("2025-04-02", []),
    ("2025-03", ["toezegging-voor-nota"]),
    ("2025-04", []),
    ("2025", ["toezegging-voor-nota"]),  # the year starts before the note's day
    ("2026", []),
])
def test_toezegging_voor_nota_boundaries(data_factory, datum, expected):
    project = data_factory({"tijdlijn.yaml": tijdlijn_text(event("toezegging-x", datum, "toezegging")),
                            NOTA_FILE: nota_text(extra="aanleiding: [toezegging-x]\n")})
    assert codes(warnings_of(project)) == expected


# --- gebeurtenis-na-nota -------------------------------------------------------------------------------------

def test_completed_event_linked_to_an_earlier_note(data_factory):
    tijdlijn = tijdlijn_text(event("besluit-x", "2025-04-02", "besluit", (NOTA_REF,)))
    project = data_factory({"tijdlijn.yaml": tijdlijn})
    assert_only_warning(warnings_of(project), "data/tijdlijn.yaml", position_of(tijdlijn, "datum: 2025-04-02"),
                        "gebeurtenis-na-nota",
                        f"'Gebeurtenis besluit-x' is al gebeurd (soort 'besluit'), maar ligt na de datum van nota "
                        f"{NOTA_REF}")


@pytest.mark.parametrize(("datum", "soort", "notas", "expected"), [
    ("2025-04-02", "besluit", (NOTA_REF,), ["gebeurtenis-na-nota"]),
    ("2025-04-01", "besluit", (NOTA_REF,), []),  # the note's own day
    ("2025-03-31", "besluit", (NOTA_REF,), []),
    ("2025-04-02", "besluit", (), []),  # not linked to the note
    ("2025-04-02", "toezegging", (NOTA_REF,), []),  # a promise may lie in the future
    ("2025-04-02", "debat", (NOTA_REF,), []),
    ("2025-05", "publicatie", (NOTA_REF,), ["gebeurtenis-na-nota"]),
    ("2025-04", "publicatie", (NOTA_REF,), []),
])
def test_gebeurtenis_na_nota_boundaries(data_factory, datum, soort, notas, expected):
    project = data_factory({"tijdlijn.yaml": tijdlijn_text(event("gebeurtenis-x", datum, soort, notas))})
    assert codes(warnings_of(project)) == expected


def test_event_linked_to_two_notes_is_reported_for_the_earlier_note_only(data_factory):
    later = "7654321"
    tijdlijn = tijdlijn_text(event("besluit-x", "2025-04-15", "besluit", (NOTA_REF, later)))
    project = data_factory({"tijdlijn.yaml": tijdlijn,
                            f"notas/{later}.yaml": nota_text(referentie=later, datum="2025-05-01")})
    finding = assert_only_warning(warnings_of(project), "data/tijdlijn.yaml",
                                  position_of(tijdlijn, "datum: 2025-04-15"), "gebeurtenis-na-nota", "besluit-x")
    assert finding.message.endswith(f"nota {NOTA_REF}")


# --- bron-ongebruikt -----------------------------------------------------------------------------------------

UNUSED_BRON = """\
  - id: los-c
    soort: rapport
    titel: Rapport C
    beschrijving: Een rapport dat niemand aanhaalt.
"""


def test_bron_that_nothing_cites(data_factory):
    bronnen = MINIMAL_DATA["bronnen.yaml"] + UNUSED_BRON
    project = data_factory({"bronnen.yaml": bronnen})
    assert_only_warning(warnings_of(project), "data/bronnen.yaml", position_of(bronnen, "id: los-c"),
                        "bron-ongebruikt", "de bron 'los-c' wordt nergens aangehaald")


@pytest.mark.parametrize("overrides", [
    pytest.param({NOTA_FILE: nota_text(kernpunten=dedent(f"""\
        kernpunten:
          - id: {NOTA_REF}-eerste
            tekst: Eerste kernpunt.
            bronnen: [rapport-a, los-c]
        """))}, id="kernpunt"),
    pytest.param({NOTA_FILE: nota_text(kernpunten=dedent(f"""\
        kernpunten:
          - id: {NOTA_REF}-eerste
            tekst: Eerste kernpunt.
            bronnen: [rapport-a]
            kernpunten:
              - id: {NOTA_REF}-sub
                tekst: Subpunt.
                bronnen: [los-c]
        """))}, id="subkernpunt"),
    pytest.param({NOTA_FILE: nota_text(extra="besluit: [los-c]\n")}, id="besluit"),
    pytest.param({"tijdlijn.yaml": MINIMAL_DATA["tijdlijn.yaml"].replace("[rapport-a]", "[rapport-a, los-c]")},
                 id="gebeurtenis"),
    pytest.param({"verkenning.yaml": MINIMAL_DATA["verkenning.yaml"] + "  - bron: los-c\n    reden: Erbij.\n"},
                 id="verkenning"),
    pytest.param({"modellen.yaml": MINIMAL_DATA["modellen.yaml"] + dedent("""\
        bevindingen:
          - aspect: recht
            tekst: Een bevinding.
            bronnen: [los-c]
        """)}, id="bevinding"),
])
def test_a_cited_bron_is_not_reported(data_factory, overrides):
    project = data_factory({"bronnen.yaml": MINIMAL_DATA["bronnen.yaml"] + UNUSED_BRON, **overrides})
    assert warnings_of(project) == []


# --- kernpunt-zonder-bron ------------------------------------------------------------------------------------

@pytest.mark.parametrize("bronnen_line", ["", "    bronnen: []\n"], ids=["no-field", "empty-list"])
def test_kernpunt_without_bron(data_factory, bronnen_line):
    nota = nota_text(kernpunten=f"kernpunten:\n  - id: {NOTA_REF}-eerste\n    tekst: Eerste kernpunt.\n"
                                + bronnen_line)
    project = data_factory({NOTA_FILE: nota})
    assert_only_warning(warnings_of(project), NOTA_PATH, position_of(nota, f"id: {NOTA_REF}-eerste"),
                        "kernpunt-zonder-bron", f"het kernpunt '{NOTA_REF}-eerste' heeft geen bron")


def test_subkernpunt_without_bron_is_reported_at_its_own_id(data_factory):
    nota = nota_text(kernpunten=dedent(f"""\
        kernpunten:
          - id: {NOTA_REF}-eerste
            tekst: Eerste kernpunt.
            bronnen: [rapport-a]
            kernpunten:
              - id: {NOTA_REF}-sub
                tekst: Subpunt zonder bron.
        """))
    project = data_factory({NOTA_FILE: nota})
    assert_only_warning(warnings_of(project), NOTA_PATH, position_of(nota, f"id: {NOTA_REF}-sub"),
                        "kernpunt-zonder-bron", f"'{NOTA_REF}-sub'")


def test_kernpunten_with_bronnen_are_not_reported(data_factory):
    nota = nota_text(kernpunten=dedent(f"""\
        kernpunten:
          - id: {NOTA_REF}-eerste
            tekst: Eerste kernpunt.
            bronnen: [rapport-a]
            kernpunten:
              - id: {NOTA_REF}-sub
                tekst: Subpunt met bron.
                bronnen: [verdrag-b]
        """))
    assert warnings_of(data_factory({NOTA_FILE: nota})) == []


# --- nota-zonder-kernpunten ----------------------------------------------------------------------------------

@pytest.mark.parametrize("kernpunten", ["", "kernpunten: []\n"], ids=["no-field", "empty-list"])
def test_note_without_kernpunten(data_factory, kernpunten):
    nota = nota_text(header="# Een nieuwe nota.\n", kernpunten=kernpunten)
    project = data_factory({NOTA_FILE: nota})
    assert_only_warning(warnings_of(project), NOTA_PATH, position_of(nota, "referentie:"),
                        "nota-zonder-kernpunten", f"nota {NOTA_REF} heeft geen kernpunten")


def test_note_with_one_kernpunt_is_not_reported(data_factory):
    nota = nota_text(header="# Een nieuwe nota.\n")
    assert warnings_of(data_factory({NOTA_FILE: nota})) == []


# --- herziening-verlopen -------------------------------------------------------------------------------------

REVIEW_BY = dt.date(2026, 1, 1)


def test_review_date_passed(data_factory):
    nota = nota_text(extra=f"herzien_voor: {REVIEW_BY.isoformat()}\n")
    project = data_factory({NOTA_FILE: nota})
    assert_only_warning(warnings_of(project, today=REVIEW_BY + dt.timedelta(days=1)), NOTA_PATH,
                        position_of(nota, "herzien_voor:"), "herziening-verlopen",
                        f"nota {NOTA_REF} had vóór {REVIEW_BY.isoformat()} herzien moeten worden")


@pytest.mark.parametrize(("days_after", "expected"), [
    (-1, []), (0, []), (1, ["herziening-verlopen"]), (400, ["herziening-verlopen"])])
def test_herziening_verlopen_boundaries(data_factory, days_after, expected):
    project = data_factory({NOTA_FILE: nota_text(extra=f"herzien_voor: {REVIEW_BY.isoformat()}\n")})
    assert codes(warnings_of(project, today=REVIEW_BY + dt.timedelta(days=days_after))) == expected


def test_note_without_review_date_is_never_overdue(data_factory):
    assert warnings_of(data_factory(), today=dt.date(9999, 12, 31)) == []


# --- through the command line and the build, on a copy of the real project ----------------------------------

@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the real project."""
    return copy_project(tmp_path / "project")


def check(project: Path) -> tuple[int, list[dict], str]:
    """Run `check` on `project`: exit code, parsed findings (errors and warnings), stderr."""
    completed, _ = check_with_acknowledged(project)
    return completed


def check_with_acknowledged(project: Path) -> tuple[tuple[int, list[dict], str], list[dict]]:
    """`check(project)` and the acknowledged warnings it listed."""
    completed = subprocess.run([sys.executable, "-m", CLI, "--config", str(project / "mkdocs.yml"), "check"],
                               cwd=ROOT, capture_output=True, text=True, timeout=300)
    lines = completed.stdout.splitlines()
    acknowledged = [match.groupdict() for line in lines if (match := ACKNOWLEDGED_LINE.match(line))]
    parsed = [FINDING_LINE.match(line) for line in lines if not ACKNOWLEDGED_LINE.match(line)]
    assert all(parsed), completed.stdout
    return (completed.returncode, [match.groupdict() for match in parsed], completed.stderr), acknowledged


def real_nota_date_position(project: Path) -> tuple[str, int, int]:
    text = (project / "data" / "notas" / "6501580.yaml").read_text(encoding="utf-8")
    line, _ = position_of(text, "\ndatum: ")
    return "data/notas/6501580.yaml", line + 1, 1


def add_unused_bron(project: Path) -> tuple[str, int, int]:
    """Append a bron that nothing cites to the copy's bronnen.yaml; return where the warning must point."""
    file = project / "data" / "bronnen.yaml"
    text = file.read_text(encoding="utf-8")
    assert text.endswith("\n")
    text += UNUSED_BRON.replace("los-c", "ongebruikte-bron")
    file.write_text(text, encoding="utf-8")
    return ("data/bronnen.yaml", *position_of(text, "id: ongebruikte-bron"))


def where_and_code(finding: dict) -> tuple[str, int, int, str]:
    return finding["path"], int(finding["line"]), int(finding["column"]), finding["code"]


def test_check_on_the_real_content_lists_its_acknowledged_warning_and_exits_0(project):
    """The seed note's date warning is acknowledged in its file (`erkend:`): listed as such, with its reason, and
    not counted as a warning (before the acknowledgement this test counted it as the one warning)."""
    (returncode, findings, stderr), acknowledged = check_with_acknowledged(project)
    assert returncode == 0, stderr
    assert findings == []
    assert [where_and_code(finding) for finding in acknowledged] == [
        (*real_nota_date_position(project), "datum-voor-aanleiding")]
    assert "zoals geschreven" in acknowledged[0]["reden"]
    assert "0 fout(en), 0 waarschuwing(en), 1 erkend" in stderr
    assert "Traceback" not in stderr


def test_without_its_acknowledgement_the_real_content_warns_about_the_note_date(project):
    data = project / "data" / "notas" / "6501580.yaml"
    text = data.read_text(encoding="utf-8")
    start = text.index("erkend:\n")
    data.write_text(text[:start] + text[text.index("kernpunten:\n", start):], encoding="utf-8")
    (returncode, findings, stderr), acknowledged = check_with_acknowledged(project)
    assert returncode == 0 and acknowledged == [], stderr
    assert list(map(where_and_code, findings)) == [(*real_nota_date_position(project), "datum-voor-aanleiding")]
    assert "0 fout(en), 1 waarschuwing(en), 0 erkend" in stderr


def test_check_with_an_added_warning_still_exits_0(project):
    _, before, _ = check(project)
    position = add_unused_bron(project)
    returncode, after, stderr = check(project)
    assert returncode == 0, stderr
    assert set(map(where_and_code, after)) == {*map(where_and_code, before), (*position, "bron-ongebruikt")}
    assert f"0 fout(en), {len(before) + 1} waarschuwing(en)" in stderr


def test_check_with_an_error_exits_1(project):
    """The counterpart: the exit code does tell errors from warnings."""
    file = project / "data" / "notas" / "6501580.yaml"
    text, replaced = re.subn(r"^datum: .*$", "datum: 2025-13-45", file.read_text(encoding="utf-8"), flags=re.M)
    assert replaced == 1
    file.write_text(text, encoding="utf-8")
    returncode, findings, stderr = check(project)
    assert returncode == 1
    assert [where_and_code(finding) for finding in findings] == [
        (*real_nota_date_position(project), "ongeldige-datum")]
    assert "1 fout(en)" in stderr


def test_strict_build_succeeds_with_warnings_and_logs_them_at_info(project, tmp_path):
    path, line, column = add_unused_bron(project)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    info_lines = [line for line in result.output.splitlines() if line.startswith("INFO")]
    # The seed note's date warning is acknowledged (`erkend:` in its file): the build no longer logs it.
    assert "de nota is gedateerd vóór haar aanleiding" not in result.output
    assert "[macros]" not in result.output  # mkdocs-macros' INFO lines are quieted: the warnings stand out
    expected = [f"{path}:{line}:{column}: warning: de bron 'ongebruikte-bron' wordt nergens aangehaald"]
    for text in expected:
        assert any(re.fullmatch(r"INFO\s+-\s+" + re.escape(text) + r".*\[[a-z-]+\]", info) for info in info_lines), \
            result.output
        assert not any(text in other for other in result.output.splitlines() if not other.startswith("INFO"))
    assert (tmp_path / "site" / "bronnen" / "ongebruikte-bron" / "index.html").is_file()
