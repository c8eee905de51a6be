"""What each page read while it was rendered, so a later build renders again only the pages whose inputs changed.

A page's inputs are keys: a record (`("bron", "evrm")`; a kernpunt counts as its note), a list derived from the
records (`("citaties", "evrm")`, `("lijst", "notas/index.md")`), a part of the content read as a whole
(`("inhoud", "modellen")`) or a partial (`("sjabloon", "kernpunten.html")`). The page macros and the partials
reach the index only through `ReadingIndex`, which notes every key the page being rendered reads.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

Key = tuple[str, ...]


class ReadLog:
    """The keys the page being rendered has read (nothing is noted between pages)."""

    def __init__(self):
        self._keys: set[Key] | None = None

    def start(self) -> None:
        self._keys = set()

    def add(self, key: Key) -> None:
        if self._keys is not None:
            self._keys.add(key)

    def stop(self) -> frozenset[Key]:
        """The keys read since `start`; noting stops."""
        keys, self._keys = frozenset(self._keys or ()), None
        return keys


class _ReadMapping(Mapping):
    """A mapping of the index whose every lookup is noted as a read of `key_of(lookup)`."""

    def __init__(self, mapping: Mapping, log: ReadLog, key_of):
        self._mapping, self._log, self._key_of = mapping, log, key_of

    def __getitem__(self, item):
        self._log.add(self._key_of(item))
        return self._mapping[item]

    def __iter__(self) -> Iterator:
        raise TypeError("a page reads single entries of the index, not all of them")

    def __len__(self) -> int:
        return len(self._mapping)


class ReadingIndex:
    """The index as the page macros and partials see it: the same answers, every read noted in `log`."""

    def __init__(self, index, log: ReadLog):
        self._index, self.log = index, log
        self.nota_of = _ReadMapping(index.nota_of, log, self._nota_key)
        self.number_of = _ReadMapping(index.number_of, log, self._nota_key)

    @functools.cached_property
    def citations(self) -> Mapping:
        return _ReadMapping(self._index.citations, self.log, lambda bron_id: ("citaties", bron_id))

    @functools.cached_property
    def kernpunten_by_onderwerp(self) -> Mapping:
        return _ReadMapping(self._index.kernpunten_by_onderwerp, self.log,
                            lambda onderwerp_id: ("onderwerp-kernpunten", onderwerp_id))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._index, name)  # not records: openbaar, pages, directory_urls, reads

    def _nota_key(self, kernpunt_id: str) -> Key:
        nota = self._index.nota_of.get(kernpunt_id)
        return ("nota", nota.referentie) if nota else ("kernpunt", kernpunt_id)

    def record_key(self, kind: str, record_id: str) -> Key:
        """The key of a record: a kernpunt is read as part of its note."""
        record_id = self._index.resolve(kind, str(record_id))
        return self._nota_key(record_id) if kind == "kernpunt" else (kind, record_id)

    def get(self, kind: str, record_id: str) -> Any:
        self.log.add(self.record_key(kind, record_id))
        return self._index.get(kind, record_id)

    def url(self, kind: str, record_id: str) -> str:
        """A record's URL: it depends on the record, and for an event on the page of the timeline it is on."""
        self.log.add(self.record_key(kind, record_id))
        if kind == "gebeurtenis":
            self.log.add(("lijst", self._index.pages.tijdlijn))
        return self._index.url(kind, record_id)

    def read_list(self, first_source: str, entries) -> None:
        """Note a paged list's order and each entry shown (notes, bronnen, timeline items, kernpunt ids)."""
        self.log.add(("lijst", first_source))
        for entry in entries:
            if (key := entry_key(entry)) is not None:
                self.log.add(key)

    def standing(self, kernpunt_id: str) -> tuple:
        """What superseded a kernpunt (or None) and the current kernpunt at the end of its chain: later notes
        decide it (macros/content/positions.py)."""
        self.log.add(("stand", kernpunt_id))
        return self._index.positions.standing(kernpunt_id)

    def current_only(self, kernpunt_ids) -> list[str]:
        """The kernpunten of `kernpunt_ids` that nothing replaced or withdrew, in their order."""
        return [kernpunt_id for kernpunt_id in kernpunt_ids if self.standing(kernpunt_id)[0] is None]

    def note_standing(self, referentie: str) -> Any:
        """What replaced a note as a whole (or None), and whether all its kernpunten are replaced or withdrawn."""
        self.log.add(("nota-stand", referentie))
        return self._index.positions.note_standing(referentie)

    def read_content(self, part: str) -> Any:
        """A part of the content read as a whole (modellen, verkenning, onderwerpen)."""
        self.log.add(("inhoud", part))
        return getattr(self._index.content, part)

    def read_all(self):
        """The whole index, for a page that shows something of every record (the change notes compare the whole
        exports)."""
        self.log.add(("alles",))
        return self._index


def entry_key(entry) -> Key | None:
    """The key of an entry of a long list (None for a kernpunt id: the partial reads the kernpunt itself)."""
    if isinstance(entry, str):
        return None
    kind = type(entry).__name__.lower()
    if kind == "nota":
        return ("nota", entry.referentie)
    if kind == "timelineitem":
        return ("nota", entry.notas[0]) if entry.soort == "nota" else ("gebeurtenis", entry.id)
    return (kind, entry.id)
