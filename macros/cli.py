"""Editors' command line: `python -m macros.cli check` validates everything without building."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from macros.checks import check_project


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand; the exit code is 1 when there are errors, 0 otherwise."""
    parser = argparse.ArgumentParser(prog="beleid", description="Hulpmiddelen voor redacteuren van Beleidsposities.")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="pad naar mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="controleer gegevens en pagina's zonder te bouwen")
    arguments = parser.parse_args(argv)
    findings = check_project(arguments.config, dt.date.today())
    for finding in findings:
        print(finding)
    errors = sum(finding.severity == "error" for finding in findings)
    warnings = len(findings) - errors
    print(f"{errors} fout(en), {warnings} waarschuwing(en)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
