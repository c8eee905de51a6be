"""The pre-commit hooks run offline from the project's venv and pass on the committed project."""

from __future__ import annotations

import os
import subprocess

from tests.site_build import ROOT


def test_the_pre_commit_hooks_pass_on_a_clean_clone(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    (clone / ".venv").symlink_to(ROOT / ".venv")
    for requirements in clone.glob("requirements*.txt"):
        os.utime(requirements, (0, 0))  # older than the venv: `make check` must not reinstall it
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "pre-commit"), "run", "--all-files"], cwd=clone,
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    for hook in ("ruff", "YAML syntax", "trailing whitespace", "Markdown lint", "make check"):
        assert hook in result.stdout, hook
