"""Replacement and withdrawal that cannot be right: a cycle, a record superseded twice, a replacement dated before
what it replaces, a replacement across what is public and what is not; and, as warnings, a concept note that
supersedes, and data that still cite a superseded kernpunt."""

from __future__ import annotations

from collections.abc import Iterator

from macros.checks.woo_checks import is_withheld
from macros.content.index import Index
from macros.content.positions import REPLACES, WITHDRAWS, Claim, Supersession
from macros.model.errors import Finding

NOUN = {"nota": "de nota", "kernpunt": "het kernpunt"}
CITED = "standpunt-vervangen-geciteerd"


def position_findings(index: Index) -> list[Finding]:
    """Every finding about the replacements and withdrawals in `index`."""
    return [*_cycles(index), *_twice(index), *_per_claim(index), *_cited(index)]


def _at(index: Index, supersession: Supersession, message: str, hint: str, code: str) -> Finding:
    """A finding at the entry of the later record's `vervangt` or `trekt_in` that says so."""
    kind, record_id, field, position = supersession.where
    document, location = index.origin[kind, record_id]
    return document.finding((*location, field, position), message, hint, code)


def _cycles(index: Index) -> Iterator[Finding]:
    reported = set()
    for kernpunt_id, supersession in sorted(index.positions.superseded.items()):
        cycle = index.positions.cycle_from(kernpunt_id)
        if cycle and not reported & set(cycle):
            reported |= set(cycle)
            yield _at(index, supersession, f"de kernpunten {' → '.join([*cycle, cycle[0]])} vervangen elkaar in een "
                      "kring", "alleen het latere kernpunt vermeldt wat het vervangt", "standpunt-kring")


def _twice(index: Index) -> Iterator[Finding]:
    for claim, first in index.positions.conflicts:
        kind, record_id = first.by
        said = "trekt het al in" if first.withdrawn else "vervangt het al"
        yield _at(index, claim.supersession, f"{NOUN[claim.target_kind]} '{claim.target}' wordt al vervangen of "
                  f"ingetrokken: {NOUN[kind]} '{record_id}' {said}", "laat één record zeggen wat het eerdere "
                  "vervangt; een nog latere vervanging vervangt het vervangende kernpunt", "standpunt-dubbel")


def _per_claim(index: Index) -> Iterator[Finding]:
    for claim in index.positions.claims:
        later = index.records["nota"][claim.supersession.nota]
        earlier = _earlier_note(index, claim)
        if earlier.datum > later.datum:
            yield _at(index, claim.supersession, f"de nota {later.referentie} ({later.datum.isoformat()}) is "
                      f"gedateerd vóór de nota {earlier.referentie} ({earlier.datum.isoformat()}), waarvan zij "
                      f"{NOUN[claim.target_kind]} '{claim.target}' {_verb(claim)}",
                      "controleer de datums en welk standpunt het latere is", "standpunt-datum")
        if (withheld := _withheld_side(index, claim)) is not None:
            yield _at(index, claim.supersession, f"{withheld} is niet openbaar, het andere wel: de openbare site zou "
                      "een vervangen standpunt als actueel tonen of zeggen wat niet openbaar is",
                      "laat openbare en niet-openbare standpunten elkaar niet vervangen", "standpunt-niet-openbaar")
        if later.status == "concept":
            yield _at(index, claim.supersession, f"de nota {later.referentie} is een concept, maar de site toont "
                      f"{NOUN[claim.target_kind]} '{claim.target}' al als {_past(claim)}",
                      "haal de vervanging weg tot de nota is vastgesteld, of laat haar staan als dat de bedoeling is",
                      "standpunt-concept")


def _cited(index: Index) -> Iterator[Finding]:
    """Data that refer to a superseded kernpunt outside the statements of supersession themselves."""
    for document, kind, value, location in index.references:
        if kind == "kernpunt" and value in index.positions.superseded and not {REPLACES, WITHDRAWS} & set(location):
            yield document.finding(location, *cited_superseded(index, value), CITED)


def cited_superseded(index: Index, kernpunt_id: str) -> tuple[str, str]:
    """The message and hint for a reference to a superseded kernpunt (in the data, or a page's macro call)."""
    supersession = index.positions.superseded[kernpunt_id]
    how = "ingetrokken" if supersession.withdrawn else "vervangen"
    current = index.positions.current_of(kernpunt_id)
    hint = f"verwijs naar het actuele kernpunt '{current}'" if current else "verwijs naar een actueel kernpunt"
    return (f"het kernpunt '{kernpunt_id}' is {how} bij nota {supersession.nota}",
            f"{hint}, of laat de verwijzing staan als zij over het eerdere standpunt gaat")


def _earlier_note(index: Index, claim: Claim):
    if claim.target_kind == "nota":
        return index.records["nota"][claim.target]
    return index.nota_of[claim.target]


def _withheld_side(index: Index, claim: Claim) -> str | None:
    """How a message names the withheld kernpunt of a replacement or withdrawal that involves one, unless both
    kernpunten of a replacement are withheld (the public site then shows neither)."""
    if claim.target_kind == "nota":
        return None
    earlier = index.records["kernpunt"][claim.target]
    later = index.records["kernpunt"].get(claim.supersession.kernpunt or "")
    if later is not None and is_withheld(earlier) == is_withheld(later):
        return None
    withheld = earlier if is_withheld(earlier) else later
    return f"het kernpunt '{withheld.id}'" if withheld is not None and is_withheld(withheld) else None


def _verb(claim: Claim) -> str:
    return "intrekt" if claim.supersession.withdrawn else "vervangt"


def _past(claim: Claim) -> str:
    return "ingetrokken" if claim.supersession.withdrawn else "vervangen"
