"""Editing a copy of the project in one place, and reading the findings `make check` and the build print.

Shared by the mistakes corpus (tests/test_mistakes.py) and the adversarial corpus (tests/adversarial/).
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.site_build import CLI, ROOT

FINDING = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): "
                     r"(?P<text>.+) \[(?P<code>[a-z0-9-]+)\]$")
# An acknowledged warning as `make check` lists it (the seed note's date warning is one).
ACKNOWLEDGED = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):(?P<column>\d+): erkend: (?P<text>.+) "
                          r"\[(?P<code>[a-z0-9-]+)\]; reden: (?P<reden>.+)$")
NOTA = "data/notas/6501580.yaml"
NOTA_PAGE = "docs/notas/6501580.md"


@dataclass(frozen=True)
class Spot:
    """A place in a file of the project, 1-based, as a finding names it."""

    path: str
    line: int
    column: int

    def error(self, message: str, hint: str, code: str) -> str:
        """The finding line `make check` prints for an error here."""
        return f"{self.path}:{self.line}:{self.column}: error: {message} ({hint}) [{code}]"

    def warning(self, message: str, hint: str, code: str) -> str:
        """The finding line `make check` prints for a warning here."""
        return f"{self.path}:{self.line}:{self.column}: warning: {message} ({hint}) [{code}]"


def spot_in(text: str, index: int, path: str) -> Spot:
    before = text[:index]
    return Spot(path, before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1)


class Project:
    """A copy of the project with helpers that make one edit and say where it landed."""

    def __init__(self, root: Path):
        self.root = root

    def text(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def spot(self, path: str, needle: str) -> Spot:
        """Where the only occurrence of `needle` stands in `path`."""
        text = self.text(path)
        assert text.count(needle) == 1, f"{needle!r} must occur once in {path}"
        return spot_in(text, text.index(needle), path)

    def replace(self, path: str, old: str, new: str, at: str | None = None) -> Spot:
        """Replace the only `old` in `path` by `new`; return where `at` (a part of `new`, default all) now stands."""
        text = self.text(path)
        assert text.count(old) == 1, f"{old!r} must occur once in {path}"
        start = text.index(old)
        (self.root / path).write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
        at = new if at is None else at
        assert new.count(at) == 1, f"{at!r} must occur once in {new!r}"
        return spot_in(text[:start] + new, start + new.index(at), path)

    def append(self, path: str, addition: str, at: str) -> Spot:
        """Add `addition` at the end of `path`; return where `at` (a part of `addition`) stands."""
        text = self.text(path)
        (self.root / path).write_text(text + addition, encoding="utf-8")
        assert addition.count(at) == 1, f"{at!r} must occur once in {addition!r}"
        return spot_in(text + addition, len(text) + addition.index(at), path)

    def remove(self, path: str) -> Spot:
        (self.root / path).unlink()
        return Spot(path, 1, 1)

    def write(self, path: str, content: str) -> Spot:
        (self.root / path).write_text(content, encoding="utf-8")
        return Spot(path, 1, 1)

    def save_as(self, path: str, encoding: str, old: str, new: str) -> Spot:
        """Replace the only `old` by `new` (with a non-ASCII character) and save the file in `encoding`.

        Return where the first non-ASCII character of the file stands: its byte in `encoding` is the first one that
        is not UTF-8, and everything before it is ASCII, so its column counts characters and bytes alike.
        """
        text = self.text(path)
        assert text.count(old) == 1 and not new.isascii(), (old, new)
        changed = text.replace(old, new)
        (self.root / path).write_bytes(changed.encode(encoding))
        return spot_in(changed, next(index for index, character in enumerate(changed) if not character.isascii()),
                       path)

    def line_of(self, path: str, needle: str) -> int:
        return self.spot(path, needle).line

    def ids(self, path: str, key: str) -> list[str]:
        """The ids of the records in the list `key` of `path`, in the order of the file."""
        return [record.get("id") for record in yaml.load(self.text(path), Loader=yaml.BaseLoader)[key]]

    def item(self, path: str, key: str, record_id: str) -> str:
        """`key[id]`: how messages name the record with `record_id` in the list `key` of `path`."""
        assert self.ids(path, key).count(record_id) == 1, f"{record_id!r} must be the id of one record in {path}"
        return f"{key}[{record_id}]"

    def first_referentie(self) -> str:
        """The referentie of the first nota, as the index reads them (files sorted by name)."""
        first = sorted((self.root / "data/notas").glob("*.yaml"))[0]
        return yaml.load(first.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["referentie"]

    def tag_names(self) -> list[str]:
        """The names of the onderwerpen, which are the tags a page may use."""
        data = yaml.safe_load(self.text("data/onderwerpen.yaml"))
        return sorted(onderwerp["naam"] for onderwerp in data["onderwerpen"])


def run_check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", CLI, "--config", str(project / "mkdocs.yml"), "check"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def error_lines(output: str) -> list[str]:
    """The error findings in an output, in order."""
    return finding_lines(output, "error")


def finding_lines(output: str, severity: str) -> list[str]:
    """The findings of `severity` in an output, in order (the build prints warnings as INFO lines)."""
    return [line.removeprefix("INFO    -  ") for line in output.splitlines()
            if (match := FINDING.match(line.removeprefix("INFO    -  "))) and match["severity"] == severity]
