"""The search page's filters (docs/zoeken.md): which filters there are, and each page's values for Pagefind.

This is the one place a filter is declared: its name and Dutch legend here (`FILTERS`, which the search page
shows in this order) and its values per page in `page_filters`. The public build renders from the redacted index,
so a withheld value (a bureau, a withheld kernpunt's onderwerp, a withheld bron) is never a filter value.
"""

from __future__ import annotations

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
)


def page_filters(index, record) -> list[tuple[str, str]]:
    """The (filter, value) pairs of a page's `record` (a note, bron or onderwerp; None for other pages)."""
    if isinstance(record, Nota):
        values = {"onderwerp": _names(index, [*record.onderwerpen, *_kernpunt_onderwerpen(index, record)]),
                  "soort": [record.soort], "status": [record.status], "jaar": [str(record.datum)[:4]],
                  "directoraat-generaal": [record.directoraat_generaal], "bureau": [record.bureau]}
    elif isinstance(record, Bron):
        values = {"onderwerp": _names(index, record.onderwerpen)}
    elif isinstance(record, Onderwerp):
        values = {"onderwerp": [record.naam]}
    else:
        values = {}
    return [(name, value) for name, found in values.items() for value in dict.fromkeys(found) if value]


def _kernpunt_onderwerpen(index, nota: Nota) -> list[str]:
    """The onderwerpen of the note's kernpunten, but a withheld one's in the public build (they are withheld)."""
    return [onderwerp for kernpunt in index.kernpunten_of(nota) if not (index.openbaar and kernpunt.niet_openbaar)
            for onderwerp in kernpunt.onderwerpen]


def _names(index, onderwerp_ids: list[str]) -> list[str]:
    return [index.get("onderwerp", onderwerp_id).naam for onderwerp_id in onderwerp_ids]
