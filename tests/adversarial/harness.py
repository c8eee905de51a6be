"""The adversarial corpus: a careless or hostile editor's edit of a copy of the real site, and what must follow.

Each case makes one edit (with tests/editing.py's `Project`) and says which of four outcomes the site promises:

- `refused`: `make check` and the strict build both fail with exactly the given error lines (file, line, column,
  message, fix, code), never with a traceback; `builds` adds the public build to the builds that must refuse.
- `withheld`: the edit puts text that is not public into the site; `make check` passes, both builds pass, the
  internal build holds every given secret (so the search can fail) and no file of the public build holds any of
  them, in any encoding the leak search knows, gzip included.
- `warned`: `make check` and the build pass and both print the given warning lines (a person must decide).
- `handled`: `make check` and the build pass; the returned function checks the built site (or sites).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.editing import Project, error_lines, finding_lines, run_check
from tests.leaks import find_leaks
from tests.site_build import PUBLIC_ENV, build, copy_project

SiteCheck = Callable[[dict[str, Path]], None]


@dataclass(frozen=True)
class Case:
    """One adversarial edit and the outcome it must have."""

    name: str
    outcome: str
    edit: Callable[[Project], object]
    builds: tuple[str, ...] = ("intern",)
    known_open: str = ""  # a road not closed yet, and why: the case runs as a strict expected failure


@dataclass
class Corpus:
    """The cases of one class of attack; `test()` gives the parametrised test that runs them."""

    cases: dict[str, Case] = field(default_factory=dict)

    def _register(self, name: str, outcome: str, builds: tuple[str, ...], known_open: str = ""):
        def register(edit):
            assert name not in self.cases, name
            self.cases[name] = Case(name, outcome, edit, builds, known_open)
            return edit
        return register

    def refused(self, name: str, builds: tuple[str, ...] = ("intern",), known_open: str = ""):
        """The edit returns the error lines that check and every build in `builds` must fail with (`known_open`: not
        yet, and why)."""
        return self._register(name, "refused", builds, known_open)

    def withheld(self, name: str):
        """The edit returns the secrets (texts, ids, file names) that must not reach the public build."""
        return self._register(name, "withheld", ("intern", "openbaar"))

    def warned(self, name: str, builds: tuple[str, ...] = ("intern",)):
        """The edit returns the warning lines that check and every build in `builds` must print."""
        return self._register(name, "warned", builds)

    def handled(self, name: str, builds: tuple[str, ...] = ("intern",)):
        """The edit returns a function that checks the built sites (by build name: intern, openbaar)."""
        return self._register(name, "handled", builds)

    def test(self):
        """The test that runs every case of this corpus on a fresh copy of the project."""
        @pytest.mark.parametrize("name", [pytest.param(name, marks=_marks(case)) for name, case in self.cases.items()])
        def test_adversarial_edit(name, tmp_path):
            run_case(self.cases[name], tmp_path)
        return test_adversarial_edit


def _marks(case: Case) -> list[pytest.MarkDecorator]:
    """A case not closed yet is a strict expected failure; a `withheld` case is a leak test (marker `leak`, which the
    gate of `make publish-public` runs)."""
    marks = [pytest.mark.xfail(reason=case.known_open, strict=True)] if case.known_open else []
    return [*marks, pytest.mark.leak] if case.outcome == "withheld" else marks


BUILD_ENVS = {"intern": None, "openbaar": PUBLIC_ENV}


def run_case(case: Case, tmp_path: Path) -> None:
    """Make the case's edit on a copy of the project, then check the promised outcome."""
    project = copy_project(tmp_path / "project")
    expected = case.edit(Project(project))
    check = run_check(project)
    output = check.stdout + check.stderr
    assert "Traceback" not in output, output
    if case.outcome == "refused":
        assert expected, "a refused edit must name at least one error"
        assert check.returncode == 1, output
        assert error_lines(check.stdout) == expected, output
    else:
        assert check.returncode == 0, output
        assert error_lines(check.stdout) == [], output
    if case.outcome == "warned":
        assert expected, "a warned edit must name at least one warning"
        assert set(expected) <= set(finding_lines(check.stdout, "warning")), output
    sites = {}
    for name in case.builds:
        result = build(project, tmp_path / f"site-{name}", BUILD_ENVS[name])
        assert "Traceback" not in result.output, result.output
        if case.outcome == "refused":
            assert result.returncode != 0, f"the {name} build accepted it:\n{result.output}"
            assert error_lines(result.output) == expected, result.output
            continue
        assert result.returncode == 0, result.output
        if case.outcome == "warned":
            assert set(expected) <= set(finding_lines(result.output, "warning")), result.output
        sites[name] = result.site
    if case.outcome == "withheld":
        secrets = set(expected)
        assert secrets and all(len(secret) >= 4 for secret in secrets), "name the secrets, each of 4 or more characters"
        shown = {needle for needle, _ in find_leaks(sites["intern"], secrets)}
        assert shown == secrets, f"the internal build does not show {sorted(secrets - shown)}: the edit missed"
        assert find_leaks(sites["openbaar"], secrets) == []
    if case.outcome == "handled":
        expected(sites)


def all_cases() -> list[Case]:
    """Every case of every corpus module in tests/adversarial (each module's `CASES`)."""
    package = Path(__file__).parent
    modules = [importlib.import_module(f"tests.adversarial.{path.stem}") for path in sorted(package.glob("test_*.py"))]
    return [case for module in modules for case in module.CASES.cases.values()]
