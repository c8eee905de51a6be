"""Build a MkDocs project with the project's own venv, as `make build` does, and report the result."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).with_name("mkdocs")
SITE_URL = "http://beleidsposities.intranet.test/beleidsposities/"
# Test builds take a fixed date, as `make build` takes the commit's: never the clock.
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, "SOURCE_DATE_EPOCH": "1767225600"}


@dataclass(frozen=True)
class BuildResult:
    """Exit code and combined output of one `mkdocs build --strict`."""

    returncode: int
    output: str
    site: Path


def build(project: Path, site: Path) -> BuildResult:
    """Run `mkdocs build --strict` on `project` into `site`."""
    completed = subprocess.run([str(MKDOCS), "build", "--strict", "--config-file", str(project / "mkdocs.yml"),
                                "--site-dir", str(site)], capture_output=True, text=True, cwd=project,
                               env={**os.environ, **BUILD_ENV}, timeout=600)
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site)
