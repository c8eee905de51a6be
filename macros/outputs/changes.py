"""Change notes between two versions, computed from their exports (export/*.json), never written by hand."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

EXPORT_NAMES = ("notas.json", "kernpunten.json", "bronnen.json")
KEYS = {"notas.json": "referentie", "kernpunten.json": "id", "bronnen.json": "id"}
# The fields whose change a reader must see; other fields (URLs, order) follow from these.
COMPARED = {
    "notas.json": ("titel", "datum", "soort", "status", "onderwerpen"),
    "kernpunten.json": ("tekst", "bronnen", "onderwerpen"),
    "bronnen.json": ("titel", "soort", "datum", "status", "identificatie", "vindplaats"),
}


@dataclass(frozen=True)
class Change:
    """One field of one record that differs: its old and new value."""

    field: str
    old: object
    new: object


@dataclass(frozen=True)
class Changed:
    """A record present in both versions whose compared fields differ; `grond` if either version is not public."""

    key: str
    record: dict
    changes: list[Change]
    grond: str | None = None


@dataclass
class Section:
    """Added, changed and removed records of one export."""

    added: list[dict] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def read_exports(folder: Path) -> dict[str, list[dict]]:
    """The exports of a previous version, as written by its build."""
    return {name: json.loads((folder / name).read_text(encoding="utf-8")) for name in EXPORT_NAMES}


def compare(previous: dict[str, list[dict]], current: dict[str, list[dict]]) -> dict[str, Section]:
    """Per export: what was added, changed (field by field, old and new) and removed since `previous`."""
    return {name: _compare(previous[name], current[name], KEYS[name], COMPARED[name]) for name in EXPORT_NAMES}


def superseded_since(previous: dict[str, list[dict]], current: dict[str, list[dict]]) -> list[dict]:
    """The kernpunten (current exports' records) replaced or withdrawn since `previous`, whose exports may predate
    the relations (then nothing was superseded in it)."""
    before = {record["id"]: record for record in previous["kernpunten.json"]}
    return [record for record in current["kernpunten.json"]
            if _superseded(record) and not _superseded(before.get(record["id"], {}))]


def _superseded(record: dict) -> bool:
    return bool(record.get("vervangen_door") or record.get("ingetrokken_door"))


def _compare(old_records: list[dict], new_records: list[dict], key: str, fields: tuple[str, ...]) -> Section:
    old = {record[key]: record for record in old_records}
    new = {record[key]: record for record in new_records}
    section = Section(added=[record for identifier, record in new.items() if identifier not in old],
                      removed=[record for identifier, record in old.items() if identifier not in new])
    for identifier, record in new.items():
        if identifier in old:
            changes = [Change(name, _comparable(old[identifier].get(name)), _comparable(record.get(name)))
                       for name in fields]
            changes = [change for change in changes if change.old != change.new]
            if changes:
                grond = record.get("weigeringsgrond") or old[identifier].get("weigeringsgrond")
                section.changed.append(Changed(identifier, record, changes, grond))
    return section


def _comparable(value: object) -> object:
    """Lists of links compare by id (`[{'id': 'evrm', 'url': ...}]` gives `['evrm']`)."""
    if isinstance(value, list) and value and isinstance(value[0], dict) and "id" in value[0]:
        return [item["id"] for item in value]
    return value
