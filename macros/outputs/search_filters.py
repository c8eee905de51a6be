"""The search page's filters (docs/zoeken.md): which filters there are, and each page's values for Pagefind.

This is the one place a filter is declared: its name and Dutch legend here (`FILTERS`, which the search page
shows in this order) and its values per page in `page_filters`. The public build renders from the redacted index,
so a withheld value (a bureau, a withheld kernpunt's onderwerp or stand, a withheld bron) is never a filter
value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from macros.model.schema import Bron, Nota, Onderwerp


@dataclass(frozen=True)
class Filter:
    """One filter of the search page: Pagefind's filter `name`, its `legend`, and which pages it applies to
    (`uitleg`, a sentence under the legend)."""

    name: str
    legend: str
    uitleg: str


FILTERS = (
    Filter("onderwerp", "Onderwerp", "Geldt voor nota's, bronnen en onderwerppagina's over dit onderwerp."),
    Filter("soort", "Soort nota", "Geldt alleen voor nota's."),
    Filter("status", "Status", "Geldt alleen voor nota's."),
    Filter("jaar", "Jaar", "Geldt alleen voor nota's, naar het jaar van hun datum."),
    Filter("directoraat-generaal", "Directoraat-generaal", "Geldt alleen voor nota's."),
    Filter("bureau", "Bureau", "Geldt alleen voor nota's waarvan het bureau wordt getoond."),
    Filter("stand", "Stand van het standpunt",
           "Geldt alleen voor nota's, naar hun kernpunten: een nota telt mee bij elke stand die een van haar "
           "kernpunten heeft (actueel, vervangen of ingetrokken door een latere nota); een nota die als geheel is "
           "vervangen, telt als vervangen."),
)
# The search page's own files (`search_files`): the filters' values with the pages that carry each, and the pages.
FILTERS_FILE = "zoeken/filters.json"
PAGES_FILE = "zoeken/paginas-{number}.json"
PAGES_PER_FILE = 500
# The values of the filter "stand", in this order on a page: nothing superseded it, replaced, withdrawn.
STANDS = ("actueel", "vervangen", "ingetrokken")


def page_filters(index, record) -> list[tuple[str, str]]:
    """The (filter, value) pairs of a page's `record` (a note, bron or onderwerp; None for other pages)."""
    if isinstance(record, Nota):
        values = {"onderwerp": _names(index, [*record.onderwerpen, *_kernpunt_onderwerpen(index, record)]),
                  "soort": [record.soort], "status": [record.status], "jaar": [str(record.datum)[:4]],
                  "directoraat-generaal": [record.directoraat_generaal], "bureau": [record.bureau],
                  "stand": _stands(index, record)}
    elif isinstance(record, Bron):
        values = {"onderwerp": _names(index, record.onderwerpen)}
    elif isinstance(record, Onderwerp):
        values = {"onderwerp": [record.naam]}
    else:
        values = {}
    return [(name, value) for name, found in values.items() for value in dict.fromkeys(found) if value]


def search_files(index) -> dict[str, str]:
    """The search page's own files, by site-relative path: its filter choices and its answer to filters without a
    query, without Pagefind (whose answer to filters alone loads its whole word index). `FILTERS_FILE` holds per
    filter and value the numbers of the pages that carry it, as differences from the previous number; the pages
    (notes newest first, then bronnen and onderwerpen), [url, title] each, are in files of `PAGES_PER_FILE`."""
    pages, filters = [], {item.name: {} for item in FILTERS}
    for record in _records(index):
        values = page_filters(index, record.record)
        if values:
            for name, value in values:
                filters[name].setdefault(value, []).append(len(pages))
            pages.append([index.url(record.kind, record.record_id), record.title])
    choices = {name: {value: _differences(numbers) for value, numbers in sorted(found.items())}
               for name, found in filters.items()}
    files = {FILTERS_FILE: _json({"paginas": len(pages), "per_bestand": PAGES_PER_FILE, "filters": choices})}
    for start in range(0, len(pages), PAGES_PER_FILE):
        files[PAGES_FILE.format(number=start // PAGES_PER_FILE)] = _json(pages[start:start + PAGES_PER_FILE])
    return files


def _differences(numbers: list[int]) -> list[int]:
    return [number - previous for previous, number in zip([0, *numbers], numbers, strict=False)]


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _records(index):
    """The pages of notes (newest first), bronnen and onderwerpen, as the index knows them."""
    newest = {nota.referentie: position for position, nota in enumerate(index.notas_newest_first)}
    records = [page for page in index.page_records.values() if page.kind in ("nota", "bron", "onderwerp")]
    order = ("nota", "bron", "onderwerp")
    return sorted(records, key=lambda page: (order.index(page.kind), newest.get(page.record_id, 0), page.source))


def _kernpunt_onderwerpen(index, nota: Nota) -> list[str]:
    """The onderwerpen of the note's kernpunten, but a withheld one's in the public build (they are withheld)."""
    return [onderwerp for kernpunt in index.kernpunten_of(nota) if not (index.openbaar and kernpunt.niet_openbaar)
            for onderwerp in kernpunt.onderwerpen]


def _stands(index, nota: Nota) -> list[str]:
    """The stands of the note's kernpunten (a withheld one's not in the public build); "vervangen" too when the
    note is replaced as a whole."""
    positions = index.positions
    found = {_stand(positions.superseded.get(kernpunt.id)) for kernpunt in index.kernpunten_of(nota)
             if not (index.openbaar and kernpunt.niet_openbaar)}
    if nota.referentie in positions.note_replaced_by:
        found.add("vervangen")
    return [stand for stand in STANDS if stand in found]


def _stand(supersession) -> str:
    if supersession is None:
        return "actueel"
    return "ingetrokken" if supersession.withdrawn else "vervangen"


def _names(index, onderwerp_ids: list[str]) -> list[str]:
    return [index.get("onderwerp", onderwerp_id).naam for onderwerp_id in onderwerp_ids]
