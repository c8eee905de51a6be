"""Editorial warnings: what is legal but suspicious. The site shows the document as written; these are for editors."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from macros.content.index import Index
from macros.model.errors import Finding

# Kinds of events that have happened by the time a note mentions them (as opposed to plans and promises).
COMPLETED_KINDS = frozenset({"verzoek", "besluit", "publicatie", "brief", "voorstel", "inwerkingtreding"})
CHECK_DATES = "controleer de datum van de nota en van de gebeurtenis"


def editorial_warnings(index: Index, today: dt.date) -> list[Finding]:
    """Every editorial warning for the content in `index`, as of `today`."""
    return [*_dates_that_do_not_fit(index), *_unused_and_unsupported(index), *_overdue_reviews(index, today)]


def _dates_that_do_not_fit(index: Index) -> Iterator[Finding]:
    linked_items = defaultdict(list)
    for item in index.timeline:
        for referentie in item.notas:
            linked_items[referentie].append(item)
    for nota in index.notas_newest_first:
        for event_id in nota.aanleiding:
            event = index.get("gebeurtenis", event_id)
            if event.soort == "toezegging" and event.datum.first_day < nota.datum:
                yield index.finding("nota", nota.referentie, "datum",
                                    f"de toegezegde datum ({event.datum.dutch}) ligt vóór de datum van de nota",
                                    CHECK_DATES, "toezegging-voor-nota")
            elif event.soort in COMPLETED_KINDS and event.datum.first_day > nota.datum:
                yield index.finding("nota", nota.referentie, "datum",
                                    f"de nota is gedateerd vóór haar aanleiding '{event.id}' ({event.datum.dutch})",
                                    CHECK_DATES, "datum-voor-aanleiding")
        for item in linked_items[nota.referentie]:
            if item.soort in COMPLETED_KINDS and item.id not in nota.aanleiding and item.datum.first_day > nota.datum:
                yield index.finding("gebeurtenis", item.id, "datum",
                                    f"'{item.titel}' is al gebeurd (soort '{item.soort}'), maar ligt na de datum "
                                    f"van nota {nota.referentie}", "controleer de datum of de soort van de gebeurtenis",
                                    "gebeurtenis-na-nota")


def _unused_and_unsupported(index: Index) -> Iterator[Finding]:
    for bron_id in index.records["bron"]:
        if not index.referenced["bron", bron_id]:
            yield index.finding("bron", bron_id, "id", f"de bron '{bron_id}' wordt nergens aangehaald",
                                "verwijs ernaar vanuit een kernpunt, of verwijder de bron", "bron-ongebruikt")
    for kernpunt in index.kernpunten():
        if not kernpunt.bronnen:
            yield index.finding("kernpunt", kernpunt.id, "id", f"het kernpunt '{kernpunt.id}' heeft geen bron",
                                "voeg 'bronnen: [...]' toe met de bron(nen) waarop het rust", "kernpunt-zonder-bron")
    for nota in index.notas_newest_first:
        if not nota.kernpunten:
            yield index.finding("nota", nota.referentie, "referentie", f"nota {nota.referentie} heeft geen kernpunten",
                                "voeg onder 'kernpunten:' de kernpunten van de nota toe", "nota-zonder-kernpunten")


def _overdue_reviews(index: Index, today: dt.date) -> Iterator[Finding]:
    for nota in index.notas_newest_first:
        if nota.herzien_voor and nota.herzien_voor < today:
            yield index.finding("nota", nota.referentie, "herzien_voor",
                                f"nota {nota.referentie} had vóór {nota.herzien_voor:%Y-%m-%d} herzien moeten worden",
                                "herzie de nota en zet een nieuwe datum bij 'herzien_voor'", "herziening-verlopen")
