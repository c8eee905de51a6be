"""Load every data file once, validate it, and hand back the content with its source documents."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from macros.content.jinjatext import jinja_findings
from macros.content.settings import NOTAS_FOLDER
from macros.content.validation import validate_document
from macros.content.yamlsource import YamlDocument, decoded, parse_yaml
from macros.model.errors import ContentError, Finding
from macros.model.kinds import DATA_FILES
from macros.model.schema import Bronnen, DiwooInstellingen, Modellen, Nota, Onderwerpen, Tijdlijn, Verkenning

# The data files of the kinds of record (macros/model/kinds.py), each with the schema of the whole file.
SINGLE_FILES: dict[str, type[BaseModel]] = {data.name: data.model for data in DATA_FILES if not data.optional}
# Data files a site may leave out: the optional ones of the kinds (their records reach the index when present) and
# the DiWoo settings, which only the public build needs (macros/outputs/diwoo.py says so when they are missing).
OPTIONAL_FILES: dict[str, type[BaseModel]] = {**{data.name: data.model for data in DATA_FILES if data.optional},
                                              "diwoo.yaml": DiwooInstellingen}


@dataclass(frozen=True)
class Loaded:
    """One validated data file and the parsed document it came from (for positions). The preview keeps it while the
    file is unchanged, and with it what `once` derived from it."""

    document: YamlDocument
    model: BaseModel
    derived: dict = field(default_factory=dict, compare=False, repr=False)

    def once(self, step: Callable[[Loaded], Any]) -> Any:
        """`step(self)`, computed once for this state of the file."""
        if step not in self.derived:
            self.derived[step] = step(self)
        return self.derived[step]


@dataclass(frozen=True)
class Content:
    """All validated content of the site."""

    onderwerpen: Onderwerpen
    bronnen: Bronnen
    tijdlijn: Tijdlijn
    modellen: Modellen
    verkenning: Verkenning
    notas: tuple[Nota, ...]
    files: tuple[Loaded, ...]


class LoadedFiles:
    """Each data file's findings and validated model, by the file's bytes: kept across the preview's builds, so a
    load parses and validates only the files that changed (cross-file checks still see every record)."""

    def __init__(self):
        self._known: dict[tuple, tuple[list[Finding], Loaded | None]] = {}
        self._used: dict[tuple, tuple[list[Finding], Loaded | None]] = {}

    def load(self, file: Path | str, schema: type[BaseModel], display: str) -> tuple[list[Finding], Loaded | None]:
        with open(file, "rb") as stream:
            key = (display, schema, stream.read())
        if key not in self._known:
            self._known[key] = _load_file(key[2], schema, display)
        self._used[key] = self._known[key]
        return self._known[key]

    def forget_unused(self) -> None:
        """Forget the files' earlier states: only what the last load read is kept."""
        self._known, self._used = self._used, {}


def _load_file(raw: bytes, schema: type[BaseModel], display: str) -> tuple[list[Finding], Loaded | None]:
    """One data file's findings and, when it is valid, its validated model (from the file's bytes)."""
    try:
        document = parse_yaml(decoded(raw, display), display)
    except ContentError as error:
        return error.findings, None
    in_texts = jinja_findings(document)  # a text with Jinja may break its field's form too: one message
    try:
        return in_texts, Loaded(document, validate_document(document, schema))
    except ContentError as error:
        spots = {(finding.line, finding.column) for finding in in_texts}
        return [*in_texts, *(finding for finding in error.findings
                             if (finding.line, finding.column) not in spots)], None


def load_content(data_dir: Path, project_dir: Path, files: LoadedFiles | None = None) -> Content:
    """Load and validate all of `data_dir`; raise ContentError listing every problem found. `files` remembers the
    files already loaded (the preview's earlier builds)."""
    findings: list[Finding] = []
    loaded: dict[str, Loaded] = {}
    files = files or LoadedFiles()
    data_display = _display(data_dir, project_dir)

    def load(file: Path | str, schema: type[BaseModel]) -> None:
        display = f"{data_display}/{str(file)[len(str(data_dir)) + 1:]}"  # as _display, without a resolve per file
        found, item = files.load(file, schema, display)
        findings.extend(found)
        if item is not None:
            loaded[display] = item

    for name, schema in SINGLE_FILES.items():
        file = data_dir / name
        if file.is_file():
            load(file, schema)
        else:
            findings.append(Finding(_display(file, project_dir), 1, 1, "het gegevensbestand ontbreekt",
                                    f"maak {name} aan in {_display(data_dir, project_dir)}", "bestand-ontbreekt"))
    for name, schema in OPTIONAL_FILES.items():
        if (data_dir / name).is_file():
            load(data_dir / name, schema)
    paths = [path for path, _, _ in file_times(data_dir)]
    notas_folder = os.path.join(data_dir, NOTAS_FOLDER)
    for path in paths:
        if path.endswith(".yaml") and os.path.dirname(path) == notas_folder:
            load(path, Nota)
    findings.extend(_misnamed_notas(loaded.values()))
    findings.extend(_unread_files(data_dir, project_dir, paths))
    files.forget_unused()
    if findings:
        raise ContentError(findings)
    by_schema = {type(item.model): item.model for item in loaded.values() if not isinstance(item.model, Nota)}
    notas = tuple(item.model for item in loaded.values() if isinstance(item.model, Nota))
    return Content(by_schema[Onderwerpen], by_schema[Bronnen], by_schema[Tijdlijn], by_schema[Modellen],
                   by_schema[Verkenning], notas, tuple(loaded.values()))


def file_times(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under `folder` (symbolic links to folders not followed) with its modification time and size, by
    path."""
    found: list[tuple[str, int, int]] = []
    folders = [str(folder)] if folder.is_dir() else []
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                elif entry.is_file():
                    stat = entry.stat()
                    found.append((entry.path, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))


def _misnamed_notas(loaded) -> list[Finding]:
    """A note's file must be named after its referentie, so its page and data are easy to find."""
    return [item.document.finding(("referentie",), f"de referentie {item.model.referentie} past niet bij de "
                                  "bestandsnaam", f"noem het bestand {item.model.referentie}.yaml",
                                  "bestandsnaam-nota")
            for item in loaded
            if isinstance(item.model, Nota)
            and os.path.splitext(os.path.basename(item.document.path))[0] != item.model.referentie]


def _unread_files(data_dir: Path, project_dir: Path, paths: list[str]) -> list[Finding]:
    """Files in data/ that no schema reads (`bronnen.yml`, `6501581.yaml.bak`): their data would silently be lost."""
    findings = []
    for file in sorted(Path(path) for path in paths if not _read_by_loader(path, data_dir)):
        hint = (f"noem het {file.stem}.yaml" if file.suffix.lower() in (".yml", ".yaml")
                else "verplaats het uit data/, of sla de gegevens op als .yaml")
        findings.append(Finding(_display(file, project_dir), 1, 1, "dit bestand wordt niet gelezen: "
                                "gegevensbestanden eindigen op .yaml", hint, "onbekend-bestand"))
    return findings


def _read_by_loader(path: str, data_dir: Path) -> bool:
    """Whether the file at `path` is hidden or one the loader reads (it reports such a file itself when it is
    invalid)."""
    folder, name = os.path.split(path)
    return name.startswith(".") or (name.endswith(".yaml") and (
        folder == os.path.join(data_dir, NOTAS_FOLDER)
        or (folder == str(data_dir) and name in {*SINGLE_FILES, *OPTIONAL_FILES})))


def _display(path: Path, project_dir: Path) -> str:
    try:
        return path.resolve().relative_to(project_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
