"""Editors' command line: `check` validates everything without building; `nota` scaffolds a new note; `import`
makes one from a memo."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from macros.adapter.build import Build
from macros.adapter.config import load_mkdocs_config, load_settings
from macros.content.scaffold import scaffold_nota
from macros.memo.importer import import_memo
from macros.memo.problems import MemoError
from macros.model.errors import ContentError, Finding
from macros.outputs.json_schemas import in_pipeline, stale_schemas, write_schemas
from macros.routing.page_map import page_url

NEXT_STEPS = """Aangemaakt:
  {data}
  {page}
Volgende stappen:
  1. Vul de velden in {data} (de commentaarregels leggen ze uit).
  2. Neem de tekst van de nota over in {page}.
  3. make check     (meldt wat nog ontbreekt, met bestand en regel)
  4. make serve     en bekijk http://127.0.0.1:8000/{url}"""


def check_project(config_file: Path, today: dt.date) -> list[Finding]:
    """All findings for the project whose mkdocs.yml is `config_file`: the build's own `Build`, from mkdocs.yml read
    by MkDocs' loader, runs the checks. The data files' JSON Schemas (schemas/) are brought up to date when the
    data is valid; in a pipeline (CI set) a stale one is an error instead, as nothing writes into its checkout."""
    try:
        config = load_mkdocs_config(config_file)
    except ContentError as error:
        return error.findings
    build = Build(config)
    findings = build.check(today)[1]
    index, project = build.content.index, build.settings.project_dir
    if index is None:
        return findings
    if in_pipeline():
        return [*findings, *(Finding(path, 1, 1, "het schema is verouderd", "voer make check uit en commit schemas/",
                                     "verouderd-schema") for path in stale_schemas(project, index))]
    for path in write_schemas(project, index):
        print(f"{path} bijgewerkt", file=sys.stderr)
    return findings


def check(config: Path) -> int:
    """Print every finding, the acknowledged warnings as `erkend` with their reason; 1 when there are errors, 0
    otherwise (warnings do not fail)."""
    findings = check_project(config, dt.date.today())
    for finding in findings:
        print(finding)
    errors = sum(finding.severity == "error" for finding in findings)
    acknowledged = sum(bool(finding.erkend) for finding in findings)
    print(f"{errors} fout(en), {len(findings) - errors - acknowledged} waarschuwing(en), {acknowledged} erkend",
          file=sys.stderr)
    return 1 if errors else 0


def nota(config: Path, referentie: str) -> int:
    """Create the data file and page of a new note, then say what to do next."""
    try:
        settings = load_settings(config)
        data, page = scaffold_nota(settings, referentie)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    url = page_url(settings.pages.source_of("nota", referentie), settings.directory_urls)
    print(NEXT_STEPS.format(data=data, page=page, url=url))
    return 0


IMPORTED = """{verb}:
  {data}
  {page}
{report}Volgende stappen:
  1. Loop het verslag hierboven na: bevestig de voorstellen en vul de lege velden in {data}.
  2. make check     (meldt wat nog ontbreekt, met bestand en regel)
  3. make serve     en bekijk http://127.0.0.1:8000/{url}"""


def import_(config: Path, memo: Path, again: bool) -> int:
    """Write (or, with `again`, update) a note from a memo, then print the report and what to do next."""
    try:
        settings = load_settings(config)
        result = import_memo(settings, memo, str(memo), again)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except MemoError as error:
        print(f"{error} (er is niets geschreven)", file=sys.stderr)
        return 1
    lines = result.report.lines()
    report = "Verslag van de import:\n" + "\n".join(lines) + "\n" if lines else "Het verslag is leeg.\n"
    url = page_url(settings.pages.source_of("nota", result.referentie), settings.directory_urls)
    print(IMPORTED.format(verb="Bijgewerkt" if result.updated else "Aangemaakt", data=result.files[0],
                          page=result.files[1], report=report, url=url))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand and return its exit code."""
    parser = argparse.ArgumentParser(prog="beleid", description="Hulpmiddelen voor redacteuren van Beleidsposities.")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="pad naar mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="controleer gegevens en pagina's zonder te bouwen")
    new_note = commands.add_parser("nota", help="maak een nieuwe nota aan")
    new_note.add_argument("referentie", help="de referentie van de nota, bijvoorbeeld 6501580")
    from_memo = commands.add_parser("import", help="maak een nota uit een memo (.docx, of tekst of Markdown)")
    from_memo.add_argument("bestand", type=Path, help="de memo, bijvoorbeeld nota.docx")
    from_memo.add_argument("--opnieuw", action="store_true", help="werk een bestaande nota bij (her-import)")
    arguments = parser.parse_args(argv)
    if arguments.command == "nota":
        return nota(arguments.config, arguments.referentie)
    if arguments.command == "import":
        return import_(arguments.config, arguments.bestand, arguments.opnieuw)
    return check(arguments.config)


if __name__ == "__main__":
    sys.exit(main())
