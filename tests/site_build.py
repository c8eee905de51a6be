"""Build a MkDocs project with the project's own venv, as `make build` does, and report the result."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = "macros.adapter.cli"  # the editors' command line, as `make check` and `make nota` run it
MKDOCS = Path(sys.executable).with_name("mkdocs")
SITE_URL = "http://beleidsposities.intranet.test/beleidsposities/"
# Test builds take a fixed date, as `make build` takes the commit's: never the clock.
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, "SOURCE_DATE_EPOCH": "1767225600"}
# The public (Woo) build, as `make build-public` runs it.
PUBLIC_ENV = {"BELEID_OPENBAAR": "1"}


PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides")
# What `make serve` needs beside the project: its recipe checks the port with scripts/port_free.py.
SERVE_PARTS = (*PROJECT_PARTS, "Makefile", "requirements.txt", "scripts")


def copy_project(target: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A copy of the real project's `parts` in `target`, timestamps kept (so make does not reinstall)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target / part)
    return target


@dataclass(frozen=True)
class BuildResult:
    """Exit code and combined output of one `mkdocs build --strict`."""

    returncode: int
    output: str
    site: Path


def cli(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    """The editors' command line (`make check`, `make nota`, `make import`) on `project`."""
    return subprocess.run([sys.executable, "-m", CLI, "--config", str(project / "mkdocs.yml"), *arguments],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def build(project: Path, site: Path, extra_env: dict[str, str] | None = None) -> BuildResult:
    """Run `mkdocs build --strict` on `project` into `site` (with `extra_env`, e.g. PUBLIC_ENV)."""
    completed = subprocess.run([str(MKDOCS), "build", "--strict", "--config-file", str(project / "mkdocs.yml"),
                                "--site-dir", str(site)], capture_output=True, text=True, cwd=project,
                               env={**os.environ, **BUILD_ENV, **(extra_env or {})}, timeout=600)
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site)


def generated_build(tmp_path_factory, notes: int, seed: int) -> tuple[Path, Path]:
    """A generated project of `notes` notes (scripts/corpus.py) and its strict build: (project, site)."""
    project = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "corpus.py"), "--notes", str(notes), "--seed", str(seed),
                    "--out", str(project), "--force"], check=True, capture_output=True, timeout=300)
    result = build(project, tmp_path_factory.mktemp("site"))
    assert result.returncode == 0, result.output
    return project, result.site
