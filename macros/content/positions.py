"""Positions over time: which kernpunten later notes replace or withdraw, each fact written once on the later record.

A kernpunt's `vervangt` names the earlier kernpunten it replaces; a note's `vervangt` names earlier notes it replaces
as a whole (all their kernpunten), its `trekt_in` the kernpunten it withdraws. From these the index knows, for
every kernpunt, whether it is current and otherwise what superseded it, directly and at the end of a chain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from macros.model.schema import Kernpunt, Nota

REPLACES = "vervangt"
WITHDRAWS = "trekt_in"


@dataclass(frozen=True)
class Supersession:
    """What made a kernpunt no longer current: `kernpunt` replaces it, or note `nota` replaces its note as a whole
    (`kernpunt` None), or note `nota` withdraws it (`withdrawn`). `where` is the record and field that say so."""

    nota: str
    datum: dt.date
    kernpunt: str | None = None
    withdrawn: bool = False
    where: tuple[str, str, str, int] = ("", "", "", 0)  # (kind, id, field, position) of the later record

    @property
    def by(self) -> tuple[str, str]:
        """The record that superseded: a kernpunt, or a note."""
        return ("kernpunt", self.kernpunt) if self.kernpunt else ("nota", self.nota)


@dataclass(frozen=True)
class Claim:
    """One statement on a later record that it supersedes an earlier one, before conflicts are resolved."""

    target_kind: str
    target: str
    supersession: Supersession


class Positions:
    """Every kernpunt's standing, computed once per index from the later records' statements."""

    def __init__(self, index):
        self.index = index
        self.claims = list(_claims(index))
        self.superseded: dict[str, Supersession] = {}
        self.note_replaced_by: dict[str, Supersession] = {}
        self.replaces: dict[str, list[str]] = {}  # a kernpunt's id -> the ids it replaces (the other way round)
        self.conflicts: list[tuple[Claim, Supersession]] = []  # a record superseded twice: (the claim, the first)
        for claim in self.claims:
            if claim.target_kind == "nota":
                self._note(claim)
            else:
                self._kernpunt(claim.target, claim)
        for claim in self.claims:  # a note replaced as a whole: its kernpunten not replaced one by one
            if claim.target_kind == "nota" and claim.target in index.records["nota"]:
                for kernpunt in index.kernpunten_of(index.records["nota"][claim.target]):
                    self.superseded.setdefault(kernpunt.id, claim.supersession)

    def _note(self, claim: Claim) -> None:
        first = self.note_replaced_by.get(claim.target)
        if first is not None and first != claim.supersession:
            self.conflicts.append((claim, first))
        else:
            self.note_replaced_by[claim.target] = claim.supersession

    def _kernpunt(self, target: str, claim: Claim) -> None:
        first = self.superseded.get(target)
        if first is not None and first.by != claim.supersession.by:
            self.conflicts.append((claim, first))
            return
        self.superseded[target] = claim.supersession
        if claim.supersession.kernpunt:
            self.replaces.setdefault(claim.supersession.kernpunt, []).append(target)

    def is_current(self, kernpunt_id: str) -> bool:
        return kernpunt_id not in self.superseded

    def current_of(self, kernpunt_id: str) -> str | None:
        """The kernpunt at the end of the chain of replacements from `kernpunt_id` (itself when current); None when
        the chain ends in a withdrawal or in a note replaced as a whole."""
        seen = set()
        while kernpunt_id in self.superseded and kernpunt_id not in seen:
            seen.add(kernpunt_id)
            kernpunt_id = self.superseded[kernpunt_id].kernpunt
            if kernpunt_id is None:
                return None
        return kernpunt_id

    def cycle_from(self, kernpunt_id: str) -> list[str]:
        """The kernpunten of a cycle of replacements through `kernpunt_id` ([] when there is none)."""
        chain = [kernpunt_id]
        while (following := self.superseded.get(chain[-1])) and following.kernpunt:
            if following.kernpunt == kernpunt_id:
                return chain
            if following.kernpunt in chain:
                return []
            chain.append(following.kernpunt)
        return []

    def standing(self, kernpunt_id: str) -> tuple:
        """What a page shows of a kernpunt's standing (for its fingerprint): what superseded it and the current one."""
        return self.superseded.get(kernpunt_id), self.current_of(kernpunt_id)

    def note_standing(self, referentie: str) -> tuple[Supersession | None, bool]:
        """What replaced a note as a whole (or None), and whether it is superseded: replaced as a whole, or all its
        kernpunten replaced or withdrawn."""
        kernpunten = list(self.index.kernpunten_of(self.index.records["nota"][referentie]))
        whole = self.note_replaced_by.get(referentie)
        return whole, whole is not None or (bool(kernpunten) and all(kernpunt.id in self.superseded
                                                                     for kernpunt in kernpunten))


def _claims(index) -> Iterator[Claim]:
    """Every statement of supersession in the data, in the order of the notes' files."""
    for nota in index.content.notas:
        for position, earlier in enumerate(nota.vervangt):
            yield Claim("nota", earlier, Supersession(nota.referentie, nota.datum,
                                                      where=("nota", nota.referentie, REPLACES, position)))
        for position, earlier in enumerate(nota.trekt_in):
            yield Claim("kernpunt", earlier, Supersession(nota.referentie, nota.datum, withdrawn=True,
                                                          where=("nota", nota.referentie, WITHDRAWS, position)))
        for kernpunt in index.kernpunten_of(nota):
            yield from _kernpunt_claims(nota, kernpunt)


def _kernpunt_claims(nota: Nota, kernpunt: Kernpunt) -> Iterator[Claim]:
    for position, earlier in enumerate(kernpunt.vervangt):
        yield Claim("kernpunt", earlier, Supersession(nota.referentie, nota.datum, kernpunt.id,
                                                      where=("kernpunt", kernpunt.id, REPLACES, position)))
