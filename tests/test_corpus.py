"""The corpus generator writes a site that passes the project's own checks, the same way for the same seed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.site_build import CLI, ROOT

NOTES = 30
SEED = 7


def generate(out: Path, *options: str) -> subprocess.CompletedProcess:
    """Run scripts/corpus.py for NOTES notes with SEED into `out`."""
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "corpus.py"), "--notes", str(NOTES),
                           "--seed", str(SEED), "--out", str(out), *options], capture_output=True, text=True,
                          timeout=120)


def check(project: Path) -> subprocess.CompletedProcess:
    """Run `python -m macros.adapter.cli check` in `project`, with the macros package copied into it."""
    return subprocess.run([sys.executable, "-m", CLI, "check"], capture_output=True, text=True,
                          cwd=project, timeout=300)


def files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative path, with its content."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and "__pycache__" not in path.parts}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    result = generate(out)
    assert result.returncode == 0, result.stderr
    return out


def test_corpus_passes_the_check_and_adds_no_findings(corpus):
    result = check(corpus)
    assert result.returncode == 0, result.stdout + result.stderr
    real = check(ROOT)
    assert set(result.stdout.splitlines()) <= set(real.stdout.splitlines()), result.stdout


def test_corpus_has_the_generated_notes_and_the_real_one(corpus):
    notes = sorted(path.stem for path in (corpus / "data" / "notas").glob("*.yaml"))
    pages = sorted(path.stem for path in (corpus / "docs" / "notas").glob("*.md"))
    assert len(notes) == NOTES + 1
    assert "6501580" in notes
    assert pages == sorted([*notes, "index"])


def test_same_seed_gives_identical_files(corpus, tmp_path):
    again = tmp_path / "again"
    assert generate(again).returncode == 0
    assert files(again) == files(corpus)


def test_refuses_a_non_empty_folder_without_force(tmp_path):
    (tmp_path / "keep.txt").write_text("bewaar mij", encoding="utf-8")
    result = generate(tmp_path)
    assert result.returncode != 0
    assert "--force" in result.stderr
    assert (tmp_path / "keep.txt").is_file()
    assert generate(tmp_path, "--force").returncode == 0
    assert not (tmp_path / "keep.txt").exists()
