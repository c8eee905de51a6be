"""A throwaway git clone of the project with a bare remote, to publish to as CI would."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.site_build import ROOT, copy_project

PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides", "scripts", "tests", "Makefile", "pyproject.toml",
         "requirements.txt", "requirements-test.txt", "requirements-properdocs.txt", "package.json",
         "package-lock.json")
IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}


class PublishingProject:
    """A git repository holding a copy of the project, and a bare repository as its `origin`."""

    def __init__(self, workdir: Path):
        self.path = workdir / "project"
        self.remote = workdir / "remote.git"
        copy_project(self.path, PARTS)
        self.git("init", "--quiet", "--initial-branch=main")
        self.git("add", "-A")
        self.git("commit", "--quiet", "-m", "Inhoud")
        subprocess.run(["git", "init", "--quiet", "--bare", str(self.remote)], check=True)
        self.git("remote", "add", "origin", str(self.remote))

    def git(self, *arguments: str, committer_date: str = "") -> str:
        env = {**os.environ, **IDENTITY, **({"GIT_COMMITTER_DATE": committer_date} if committer_date else {})}
        return subprocess.run(["git", *arguments], cwd=self.path, env=env, check=True, capture_output=True,
                              text=True).stdout

    def commit_edit(self, path: str, old: str, new: str) -> None:
        file = self.path / path
        text = file.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        file.write_text(text.replace(old, new), encoding="utf-8")
        self.git("commit", "--quiet", "-am", f"Wijzig {path}")

    def publish(self, version: str, alias: str = "actueel", build_cache: Path | None = None,
                gate: str = "tests/test_urls.py", *settings: str) -> subprocess.CompletedProcess:
        """`make publish` with a small test selection as the gate's tests (`gate`; the full suite runs in CI) and
        further make `settings` (`NAME=value`)."""
        return self.make("publish", version, alias, build_cache, gate, *settings)

    def publish_public(self, version: str, alias: str = "actueel", gate: str = "tests/test_urls.py",
                       *settings: str) -> subprocess.CompletedProcess:
        """`make publish-public`, as `publish`; its leak tests are the Makefile's (LEAK_PYTEST_ARGS) unless
        `settings` say otherwise."""
        return self.make("publish-public", version, alias, None, gate, *settings)

    def make(self, target: str, version: str, alias: str, build_cache: Path | None, gate: str,
             *settings: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["make", target, f"VERSION={version}", f"ALIAS={alias}", "REMOTE=origin", f"VENV={ROOT / '.venv'}",
             *([f"BUILD_CACHE={build_cache}"] if build_cache else []),
             f"PROPERDOCS_VENV={ROOT / '.venv-properdocs'}",
             f"VNU_JAR={ROOT / 'node_modules' / 'vnu-jar' / 'build' / 'dist' / 'vnu.jar'}",
             f"GATE_PYTEST_ARGS={gate} -p no:cacheprovider", *settings],
            cwd=self.path, capture_output=True, text=True, env={**os.environ, **IDENTITY, "NO_MKDOCS_2_WARNING": "1"},
            timeout=600)

    def pages(self, path: str = "", branch: str = "gh-pages") -> str:
        """A listing (`git ls-tree`) or file of the remote's pages branch."""
        arguments = ["ls-tree", "-r", branch] if not path else ["show", f"{branch}:{path}"]
        return subprocess.run(["git", "--git-dir", str(self.remote), *arguments], capture_output=True, text=True,
                              check=True).stdout

    def has_pages_branch(self, branch: str = "gh-pages") -> bool:
        listed = subprocess.run(["git", "--git-dir", str(self.remote), "branch", "--list", branch],
                                capture_output=True, text=True, check=True).stdout
        return bool(listed.strip())

    def branch_head(self, branch: str) -> str:
        """The commit the remote's `branch` points at."""
        return subprocess.run(["git", "--git-dir", str(self.remote), "rev-parse", f"refs/heads/{branch}"],
                              capture_output=True, text=True, check=True).stdout.strip()

    def checkout_pages(self, target: Path, branch: str = "gh-pages") -> Path:
        """The remote's pages branch as files, as an intranet host would serve it."""
        subprocess.run(["git", "clone", "--quiet", "--branch", branch, str(self.remote), str(target)], check=True)
        shutil.rmtree(target / ".git")
        return target
