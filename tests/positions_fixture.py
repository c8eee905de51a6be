"""Fixture notes for positions over time (test data only, no policy facts): a chain of three notes, a withdrawal, a
note replaced as a whole, and a page that quotes the first kernpunt of the chain."""

from __future__ import annotations

from pathlib import Path

from tests.site_build import copy_project

FIRST, SECOND, THIRD, OLD, NEW = "7100001", "7100002", "7100003", "7100004", "7100005"
ONDERWERP = "terugkeer"
QUOTE_PAGE = "docs/standpunten-geciteerd.md"


def nota_yaml(referentie: str, datum: str, kernpunten: str, extra: str = "", status: str = "vastgesteld") -> str:
    return f"""\
referentie: "{referentie}"
titel: Testnota {referentie} over standpunten in de tijd
soort: beslisnota
datum: {datum}
directoraat_generaal: Directoraat-Generaal Migratie
bureau: Testbureau
geadresseerde: De Minister van Asiel en Migratie
status: {status}
onderwerpen: [{ONDERWERP}]
{extra}kernpunten:
{kernpunten}"""


NOTAS = {
    FIRST: nota_yaml(FIRST, "2024-01-10", f"""\
  - id: {FIRST}-eerste
    tekst: Het eerste standpunt van de keten.
    bronnen: [evrm]
  - id: {FIRST}-ingetrokken
    tekst: Een standpunt dat later wordt ingetrokken.
  - id: {FIRST}-blijft
    tekst: Een standpunt dat actueel blijft.
"""),
    SECOND: nota_yaml(SECOND, "2025-02-01", f"""\
  - id: {SECOND}-tweede
    tekst: Het tweede standpunt van de keten.
    vervangt: [{FIRST}-eerste]
"""),
    THIRD: nota_yaml(THIRD, "2026-03-01", f"""\
  - id: {THIRD}-derde
    tekst: Het derde en actuele standpunt van de keten.
    vervangt: [{SECOND}-tweede]
""", extra=f"trekt_in: [{FIRST}-ingetrokken]\n"),
    OLD: nota_yaml(OLD, "2024-05-01", f"""\
  - id: {OLD}-oud
    tekst: Een standpunt van een nota die als geheel wordt vervangen.
"""),
    NEW: nota_yaml(NEW, "2025-06-01", f"""\
  - id: {NEW}-nieuw
    tekst: Het standpunt van de nota die de vorige als geheel vervangt.
""", extra=f"vervangt: [\"{OLD}\"]\n"),
}
SUPERSEDED = {f"{FIRST}-eerste", f"{SECOND}-tweede", f"{FIRST}-ingetrokken", f"{OLD}-oud"}


def add_notes(project: Path) -> Path:
    """Write the fixture notes (data and pages) into `project`."""
    for referentie, data in NOTAS.items():
        (project / "data" / "notas" / f"{referentie}.yaml").write_text(data, encoding="utf-8")
        (project / "docs" / "notas" / f"{referentie}.md").write_text(
            f'{{{{ nota_kop("{referentie}") }}}}\n\n## Kernpunten\n\n{{{{ kernpunten("{referentie}") }}}}\n',
            encoding="utf-8")
    return project


def positions_project(target: Path) -> Path:
    """A copy of the real project with the fixture notes and a page quoting the chain's start."""
    project = add_notes(copy_project(target))
    (project / QUOTE_PAGE).write_text(f'# Geciteerd\n\n{{{{ kernpunt("{FIRST}-eerste") }}}}\n', encoding="utf-8")
    return project
