"""Fingerprints of a page's inputs, and the memory of the previous build: which pages must be rendered again.

A page is rendered again when the build's shared inputs changed (configuration, theme, code, the set of files),
when its own source or its place in the lists changed, or when one of the keys it read last time (see
macros/content/reads.py) has another fingerprint now. Pages whose inputs are the same would come out the same.
Each key's fingerprint is kept once, not once per page that read it: finding the pages to render again costs
one fingerprint per key and one look per page, not one per key a page read.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, meta

from macros.content.reads import Key


def digest(*parts: str | bytes) -> str:
    """A short stable digest of `parts` (the same in every process, unlike `hash`)."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


class RecordDigests:
    """Digests of records by identity, kept across the preview's builds: an unchanged record is digested once."""

    def __init__(self):
        self._by_id: dict[int, tuple[object, str]] = {}
        self._used: set[int] = set()

    def of(self, record) -> str:
        known = self._by_id.get(id(record))
        if known is None or known[0] is not record:
            known = (record, digest(record.model_dump_json(warnings=False)))
            self._by_id[id(record)] = known
        self._used.add(id(record))
        return known[1]

    def forget_unused(self) -> None:
        """Forget the records that the last build did not ask for (those of earlier states of the data)."""
        self._by_id = {key: value for key, value in self._by_id.items() if key in self._used}
        self._used = set()


class Fingerprints:
    """The fingerprint of each input key in one build, computed when first asked (None: the key is gone)."""

    def __init__(self, index, templates: Path, records: RecordDigests, referenced: dict[str, list[str]] | None = None):
        self.index, self.templates, self.records = index, templates, records
        self.referenced = {} if referenced is None else referenced  # the partials each source names, by source
        self._known: dict[Key, str | None] = {}
        self._template_sources: dict[str, str] | None = None

    def of(self, key: Key) -> str | None:
        if key not in self._known:
            self._known[key] = self._compute(key)
        return self._known[key]

    def _compute(self, key: Key) -> str | None:
        kind, *rest = key
        index = self.index
        if kind == "citaties":
            return _ids(index.citations.get(rest[0]))
        if kind == "onderwerp-kernpunten":
            return _ids(index.kernpunten_by_onderwerp.get(rest[0]))
        if kind == "stand":
            return digest(repr(index.positions.standing(rest[0])))
        if kind == "nota-stand":
            return digest(repr(index.positions.note_standing(rest[0]))) if rest[0] in index.records["nota"] else None
        if kind == "lijst":
            entries = index.listings.get(rest[0])
            return None if entries is None else digest(*(_entry_id(entry) for entry in entries))
        if kind == "inhoud":
            return self.records.of(getattr(index.content, rest[0]))
        if kind == "sjabloon":
            return self._template(rest[0])
        if kind == "alles":
            return digest(*(self.records.of(loaded.model) for loaded in index.content.files))
        record = index.records.get(kind, {}).get(rest[0])
        return None if record is None else self.records.of(record)

    def _template(self, name: str) -> str | None:
        """A partial's source with the sources of the partials it imports or includes."""
        if self._template_sources is None:
            self._template_sources = {path.name: path.read_text(encoding="utf-8")
                                      for path in sorted(self.templates.glob("*.html"))}
        sources, seen, todo = self._template_sources, [], [name]
        while todo:
            current = todo.pop()
            if current in seen or current not in sources:
                continue
            seen.append(current)
            if sources[current] not in self.referenced:
                self.referenced[sources[current]] = list(meta.find_referenced_templates(
                    Environment().parse(sources[current])))
            todo.extend(self.referenced[sources[current]])
        return digest(*(f"{item}\n{sources[item]}" for item in sorted(seen))) if name in sources else None

    def changed(self, before: dict[Key, str | None]) -> set[Key]:
        """The keys whose fingerprint differs from `before`'s."""
        return {key for key, fingerprint in before.items() if self.of(key) != fingerprint}


def _ids(entries) -> str | None:
    return None if entries is None else digest(*entries)


def _entry_id(entry) -> str:
    return entry if isinstance(entry, str) else getattr(entry, "referentie", None) or entry.id


@dataclass
class PageMemory:
    """One page as the previous build rendered it: the digest of its own inputs, the keys it read, and its title (the
    breadcrumb of another page shows it, also when this page is not rendered again)."""

    own: str
    reads: frozenset[Key]
    title: str | None = None


@dataclass
class BuildMemory:
    """What the previous build rendered: the fingerprint of the shared inputs, every page's inputs, and the
    fingerprint of every key the pages read."""

    shared: str | None = None
    pages: dict[str, PageMemory] = field(default_factory=dict)
    keys: dict[Key, str | None] = field(default_factory=dict)

    def to_json(self) -> str:
        """The memory as JSON; a page's reads are positions in the list of keys, which is written once."""
        keys = sorted(self.keys, key=repr)
        position = {key: number for number, key in enumerate(keys)}
        return json.dumps({"shared": self.shared, "keys": [[list(key), self.keys[key]] for key in keys], "pages": {
            source: {"own": page.own, "reads": sorted(position[key] for key in page.reads), "title": page.title}
            for source, page in sorted(self.pages.items())}}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> BuildMemory:
        data = json.loads(text)
        keys = [(tuple(key), fingerprint) for key, fingerprint in data["keys"]]
        return cls(data["shared"], {source: PageMemory(page["own"], frozenset(keys[number][0]
                                                                               for number in page["reads"]),
                                                       page["title"])
                                    for source, page in data["pages"].items()}, dict(keys))
