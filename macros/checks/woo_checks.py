"""Woo checks of the data: public records that refer to a withheld bron, reserved ids, bronnen only withheld content
cites. Used by `make check` and the build alike (macros/checks/runner.py)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from macros.content.index import Index
from macros.content.redaction import NEUTRAL_FORM
from macros.model.errors import Finding
from macros.model.kinds import KINDS
from macros.model.schema import (
    Bevinding,
    Bron,
    Conclusie,
    Gebeurtenis,
    Instrument,
    Kernpunt,
    Modellen,
    Nota,
    Refers,
    Uitdaging,
    Uitdagingsgroep,
    Verkenning,
    Verkenningspunt,
)

# The records that can be marked `niet_openbaar` themselves.
MARKABLE = (Kernpunt, Bron, Bevinding, Verkenningspunt, Uitdagingsgroep)
REMOVE = "haal de verwijzing weg, of maak de bron openbaar"


def is_withheld(record: BaseModel) -> bool:
    """Whether a record is withheld (after the grounds are made explicit: sub-points, tied findings and points)."""
    return isinstance(record, MARKABLE) and bool(record.niet_openbaar)


def describe(record: BaseModel) -> str:
    """How a message names a record: `het kernpunt '6501580-verkenning'`, `de bevinding`, `de nota 6501580`."""
    names = {Kernpunt: "het kernpunt '{id}'", Bron: "de bron '{id}'",
             Verkenningspunt: "de maatregel '{id}'", Uitdaging: "de uitdaging '{id}'",
             Uitdagingsgroep: "de groep uitdagingen '{id}'", Instrument: "de lijst van instrumenten van de verkenning",
             Gebeurtenis: "de gebeurtenis '{id}'",
             Nota: "de nota {referentie}", Bevinding: "de bevinding",
             Conclusie: "de conclusie", Modellen: "de vergelijking van de modellen", Verkenning: "de verkenning"}
    return names.get(type(record), "dit record").format(id=getattr(record, "id", ""),
                                                         referentie=getattr(record, "referentie", ""))


def withheld_ids(index: Index) -> dict[tuple[str, str], str]:
    """The ground of every withheld record with an id, by kind and id (of the whole, unredacted index); found
    once per index, and kept on it."""
    if ("withheld_ids",) not in index.derived:
        kinds = ("kernpunt", "verkenningspunt", "uitdagingsgroep", "bron")
        index.derived["withheld_ids",] = {(kind, record_id): record.niet_openbaar for kind in kinds
                                          for record_id, record in index.records[kind].items() if is_withheld(record)}
    return index.derived["withheld_ids",]


def woo_data_findings(index: Index) -> list[Finding]:
    """Every Woo finding in the data of the whole index."""
    return [*_reserved_ids(index), *_ids_of_withheld_records(index), *_bron_findings(index)]


def _ids_of_withheld_records(index: Index) -> Iterator[Finding]:
    """A public record whose own id is the id of a withheld record of another kind: its anchor, page or URL would
    publish what the neutral id hides."""
    withheld = {record_id: kind for kind, record_id in withheld_ids(index)}
    for kind in sorted(set(index.records) - {"weigeringsgrond"}):
        for record_id, record in index.records[kind].items():
            if record_id in withheld and withheld[record_id] != kind and not is_withheld(record):
                other = KINDS[withheld[record_id]]
                yield index.finding(kind, record_id, "id", f"de id '{record_id}' is ook de id van een {other.noun} "
                                    f"{'dat' if other.het else 'die'} niet openbaar is",
                                    "kies een andere id: deze is openbaar en noemt wat is afgeschermd",
                                    "verwijzing-niet-openbaar")


def _reserved_ids(index: Index) -> Iterator[Finding]:
    """Ids of the neutral form, of any kind: they would collide with a renamed record (an anchor on the same page)."""
    for kind in sorted(set(index.records) - {"nota", "weigeringsgrond"}):
        for record_id in index.records[kind]:
            if NEUTRAL_FORM.search(record_id):
                yield index.finding(kind, record_id, "id", f"de id '{record_id}' heeft de vorm die de openbare versie "
                                    "aan iets niet openbaars geeft",
                                    "kies een andere id: een id die eindigt op -niet-openbaar-<nummer> is gereserveerd",
                                    "ongeldige-id")


def _bron_findings(index: Index) -> Iterator[Finding]:
    """Public references to a withheld bron (errors); public bronnen that only withheld records cite (warnings)."""
    withheld = withheld_ids(index)
    citing_grounds: dict[str, list[str | None]] = {bron_id: [] for bron_id in index.records["bron"]}
    for loaded in index.content.files:
        for mention in index.mentions_of(loaded.model):
            if not isinstance(mention.marker, Refers) or mention.marker.kind != "bron":
                continue
            owner = mention.record
            citing_grounds.setdefault(mention.value, []).append(owner.niet_openbaar if is_withheld(owner) else None)
            if ("bron", mention.value) in withheld and not is_withheld(owner):
                hint = _mark_too(owner)
                yield loaded.document.finding(mention.location, f"de bron '{mention.value}' is niet openbaar, maar "
                                              f"{describe(owner)} is openbaar", hint, "verwijzing-niet-openbaar")
    for bron_id, bron in index.records["bron"].items():
        if bron.niet_openbaar and bron.openbaar_bevestigd:
            yield index.finding("bron", bron_id, "openbaar_bevestigd", "een bron die niet openbaar is, kan niet als "
                                "openbaar bevestigd zijn", "laat 'openbaar_bevestigd' of 'niet_openbaar' weg",
                                "ongeldige-waarde")
        grounds = citing_grounds[bron_id]
        if grounds and None not in grounds and not bron.niet_openbaar and not bron.openbaar_bevestigd:
            yield index.finding("bron", bron_id, "id", f"de bron '{bron_id}' wordt alleen aangehaald door wat niet "
                                "openbaar is, maar is zelf openbaar",
                                f"markeer haar met 'niet_openbaar: {grounds[0]}', of bevestig met "
                                "'openbaar_bevestigd: true' dat zij openbaar mag zijn",
                                "bron-alleen-niet-openbaar")


def _mark_too(owner: BaseModel) -> str:
    """The fix for a public record that refers to a withheld bron."""
    if not isinstance(owner, MARKABLE):
        return REMOVE  # notes, events, conclusions, the report and the instruments cannot be withheld
    what = {Kernpunt: "het kernpunt", Bevinding: "de bevinding", Verkenningspunt: "de maatregel",
            Uitdaging: "de uitdaging", Uitdagingsgroep: "de groep uitdagingen",
            Bron: f"de bron '{getattr(owner, 'id', '')}'"}[type(owner)]
    return f"markeer ook {what} niet openbaar, of haal de verwijzing weg"
