"""Which Python makes the virtual environments (scripts/find_python.sh): the newest 3.11 or later on PATH, PYTHON=
when given, and a clear message when none fits. Fake interpreters on a PATH of their own print their versions."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.site_build import ROOT

SCRIPT = ROOT / "scripts" / "find_python.sh"


def fake_python(folder: Path, name: str, version: str | None) -> Path:
    """A `name` on PATH that answers like a Python `version` ("3.12"), or fails like an unselected pyenv shim."""
    folder.mkdir(exist_ok=True)
    answer = (f"echo {version.replace('.', ' ')}" if version
              else f"echo 'pyenv: {name}: command not found' >&2; exit 127")
    path = folder / name
    path.write_text(f"#!/bin/sh\n{answer}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def tools(folder: Path) -> Path:
    """A folder with only what the script and make need besides Python: bash and env."""
    folder.mkdir(exist_ok=True)
    for tool in ("bash", "env"):
        (folder / tool).symlink_to(f"/usr/bin/{tool}")
    return folder


def find(path: Path, **environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(["/usr/bin/bash", str(SCRIPT)], capture_output=True, text=True, timeout=30,
                          env={"PATH": str(path), **environment})


@pytest.mark.parametrize(("installed", "chosen"), [
    ({"python3.9": "3.9", "python3.11": "3.11", "python3.13": "3.13", "python3.12": "3.12", "python3": "3.11"},
     "python3.13"),
    ({"python3": "3.12", "python3.11": "3.11"}, "python3"),
    ({"python3.14": None, "python3.12": "3.12", "python3.11": "3.11"}, "python3.12"),  # 3.14 does not run
    ({"python3.11": "3.11", "python3.11-config": "3.11", "python3.20": "3.20"}, "python3.20"),
])
def test_the_newest_python_that_runs_is_chosen(tmp_path, installed, chosen):
    for name, version in installed.items():
        fake_python(tmp_path, name, version)
    result = find(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == chosen


def test_without_a_suitable_python_the_message_says_what_is_missing_and_what_was_found(tmp_path):
    fake_python(tmp_path, "python3.9", "3.9")
    fake_python(tmp_path, "python3", "3.10")
    result = find(tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Geen Python 3.11 of nieuwer gevonden" in result.stderr
    assert "python3 (3.10)" in result.stderr and "python3.9 (3.9)" in result.stderr
    assert "PYTHON=" in result.stderr


def test_python_given_is_used_when_new_enough_and_refused_when_not(tmp_path):
    fake_python(tmp_path, "python3.13", "3.13")
    given = fake_python(tmp_path / "elders", "python3.12", "3.12")
    old = fake_python(tmp_path / "elders", "python3.10", "3.10")
    assert find(tmp_path, PYTHON=str(given)).stdout.strip() == str(given)
    refused = find(tmp_path, PYTHON=str(old))
    assert refused.returncode == 2 and refused.stdout == ""
    assert f"PYTHON={old} is geen Python 3.11 of nieuwer (gevonden: 3.10)" in refused.stderr
    missing = find(tmp_path, PYTHON=str(tmp_path / "bestaat-niet"))
    assert missing.returncode == 2 and "start niet" in missing.stderr


def test_make_stops_with_the_message_when_no_python_fits(tmp_path):
    """The Makefile asks the script for the interpreter of a new virtual environment."""
    bin_folder = tools(tmp_path / "bin")
    fake_python(bin_folder, "python3", "3.10")
    result = subprocess.run(["/usr/bin/make", "--no-print-directory", "-C", str(ROOT), f"VENV={tmp_path}/venv",
                             f"{tmp_path}/venv/bin/mkdocs"], capture_output=True, text=True, timeout=60,
                            env={"PATH": str(bin_folder), "HOME": os.environ.get("HOME", "/root")})
    assert result.returncode != 0
    assert "Geen Python 3.11 of nieuwer gevonden op PATH (gevonden: python3 (3.10))" in result.stderr, result.stderr
    assert not (tmp_path / "venv").exists()
