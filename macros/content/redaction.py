"""Woo redaction of the records around the notes: findings, exploration points and bronnen, and neutral ids.

A finding (modellen.yaml) or exploration point (verkenning.yaml) tied to a withheld kernpunt is withheld with it, on
its ground. The public build then renames every withheld kernpunt and exploration point to a neutral id (their ids
are words, so they would tell what was withheld), blanks the withheld findings and points, and drops withheld
bronnen altogether; `aliases` lets pages still name a renamed record by its original id.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from macros.content.loading import Content, Loaded
from macros.model.schema import Kernpunt, Nota, Uitdagingsgroep, Verkenningspunt

# The neutral id of the n-th withheld kernpunt of a note, and of the n-th withheld exploration point.
NEUTRAL_KERNPUNT = "{referentie}-niet-openbaar-{number}"
NEUTRAL_VERKENNINGSPUNT = "verkenning-niet-openbaar-{number}"
# Ids of that form are reserved: an editor's record with one would collide with a renamed record.
NEUTRAL_FORM = re.compile(r"(?:^|-)niet-openbaar-[0-9]+$")

Aliases = dict[tuple[str, str], str]


def kernpunt_grounds(content: Content) -> dict[str, str | None]:
    """The ground of every kernpunt by id (after `woo.with_grounds`), None for a public one."""
    grounds: dict[str, str | None] = {}
    for item in content.files:
        if isinstance(item.model, Nota):
            grounds.update(item.once(_note_grounds))
    return grounds


def _note_grounds(item: Loaded) -> dict[str, str | None]:
    return {kernpunt.id: kernpunt.niet_openbaar for kernpunt in _flatten(item.model.kernpunten)}


def with_record_grounds(content: Content) -> Content:
    """The content with each finding and exploration point tied to a withheld kernpunt withheld on its ground."""
    grounds = kernpunt_grounds(content)

    def grounded(record):
        grond = record.niet_openbaar or grounds.get(record.kernpunt)
        return record if grond == record.niet_openbaar else record.model_copy(update={"niet_openbaar": grond})

    modellen, verkenning = content.modellen, content.verkenning
    return _updated(content, modellen=modellen.model_copy(update={
                        "bevindingen": [grounded(bevinding) for bevinding in modellen.bevindingen]}),
                    verkenning=verkenning.model_copy(update={
                        "uitdagingsgroepen": [grounded(groep) for groep in verkenning.uitdagingsgroepen],
                        "uitdagingen": [grounded(punt) for punt in verkenning.uitdagingen],
                        "maatregelen": [grounded(punt) for punt in verkenning.maatregelen]}))


def redact_records(content: Content) -> tuple[Content, Aliases]:
    """The public content (after `woo.redacted`): neutral ids, withheld findings and points blank, withheld bronnen
    gone; and the original id of each renamed record mapped to its neutral id."""
    aliases: Aliases = {}
    notas = tuple(_neutral_nota(nota, aliases) for nota in content.notas)

    def kernpunt_ref(kernpunt_id):
        return aliases.get(("kernpunt", kernpunt_id), kernpunt_id)

    bevindingen = [bevinding.model_copy(update={"kernpunt": kernpunt_ref(bevinding.kernpunt)} | (
        {"tekst": "", "bronnen": [], "opmerking": ""} if bevinding.niet_openbaar else {}))
        for bevinding in content.modellen.bevindingen]
    punten = itertools.count(1)

    def point(punt: Verkenningspunt) -> Verkenningspunt:
        if not punt.niet_openbaar:
            return punt.model_copy(update={"kernpunt": kernpunt_ref(punt.kernpunt)})
        neutral = NEUTRAL_VERKENNINGSPUNT.format(number=next(punten))
        aliases["verkenningspunt", punt.id] = neutral
        return punt.model_copy(update={"id": neutral, "tekst": "", "bronnen": [],
                                       "kernpunt": kernpunt_ref(punt.kernpunt)})

    def group(groep: Uitdagingsgroep) -> Uitdagingsgroep:
        if not groep.niet_openbaar:
            return groep.model_copy(update={"kernpunt": kernpunt_ref(groep.kernpunt)})
        neutral = NEUTRAL_VERKENNINGSPUNT.format(number=next(punten))
        aliases["uitdagingsgroep", groep.id] = neutral
        return groep.model_copy(update={"id": neutral, "kop": "", "inleiding": "",
                                        "kernpunt": kernpunt_ref(groep.kernpunt)})

    verkenning = content.verkenning
    groepen = [group(groep) for groep in verkenning.uitdagingsgroepen]

    def groep_ref(groep_id):
        return aliases.get(("uitdagingsgroep", groep_id), groep_id)

    return _updated(content, notas=notas,
                    modellen=content.modellen.model_copy(update={"bevindingen": bevindingen}),
                    verkenning=verkenning.model_copy(update={
                        "uitdagingsgroepen": groepen,
                        "uitdagingen": [point(punt).model_copy(update={"groep": groep_ref(punt.groep)})
                                        for punt in verkenning.uitdagingen],
                        "maatregelen": [point(punt) for punt in verkenning.maatregelen]}),
                    bronnen=content.bronnen.model_copy(update={
                        "bronnen": [bron for bron in content.bronnen.bronnen if not bron.niet_openbaar]})), aliases


def _neutral_nota(nota: Nota, aliases: Aliases) -> Nota:
    numbers = itertools.count(1)

    def renamed(kernpunt: Kernpunt) -> Kernpunt:
        update = {}
        if kernpunt.niet_openbaar:  # numbered in document order: a parent before its sub-points
            update["id"] = NEUTRAL_KERNPUNT.format(referentie=nota.referentie, number=next(numbers))
            aliases["kernpunt", kernpunt.id] = update["id"]
        update["kernpunten"] = [renamed(child) for child in kernpunt.kernpunten]
        return kernpunt.model_copy(update=update)

    return nota.model_copy(update={"kernpunten": [renamed(kernpunt) for kernpunt in nota.kernpunten]})


def _flatten(kernpunten: list[Kernpunt]):
    for kernpunt in kernpunten:
        yield kernpunt
        yield from _flatten(kernpunt.kernpunten)


def _updated(content: Content, notas: tuple[Nota, ...] | None = None, **single) -> Content:
    """The content with some of its models replaced, the loaded files (which the index walks) following."""
    swaps = {id(getattr(content, name)): model for name, model in single.items()}
    if notas is not None:
        swaps |= {id(old): new for old, new in zip(content.notas, notas, strict=True)}
        single["notas"] = notas
    files = tuple(Loaded(item.document, swaps.get(id(item.model), item.model)) for item in content.files)
    return replace(content, files=files, **single)
