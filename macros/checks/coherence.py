"""Values each valid on their own that cannot all be true: a bron replaced in a circle, a period that ends before it
starts, a note dated far outside the years a note can have."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from macros.content.index import Index
from macros.model.dates import format_dutch
from macros.model.errors import Finding

EARLIEST_NOTE_YEAR = 1900
CYCLE_HINT = "noem bij 'vervangen_door' de bron die deze bron vervangt, of laat het veld weg"


def incoherences(index: Index, today: dt.date) -> list[Finding]:
    """Every error of this kind in the content of `index`, with `today` as the latest plausible year's start."""
    return [*_replacement_cycles(index), *_periods_ending_before_they_start(index), *_implausible_note_dates(index,
                                                                                                             today)]


def _replacement_cycles(index: Index) -> Iterator[Finding]:
    """A bron that `vervangen_door` leads back to: once per circle, at the first of its bronnen in the file."""
    successor = {bron.id: bron.vervangen_door for bron in index.content.bronnen.bronnen if bron.vervangen_door}
    order = {bron.id: position for position, bron in enumerate(index.content.bronnen.bronnen)}
    reported: set[str] = set()
    for start in successor:
        path, current = [start], successor[start]
        while current in successor and current not in path:
            path.append(current)
            current = successor[current]
        if current != start or start in reported:
            continue
        reported.update(path)
        first = min(path, key=order.__getitem__)
        circle = path[path.index(first):] + path[:path.index(first)]
        if len(circle) == 1:
            message = f"de bron '{first}' wordt vervangen door zichzelf"
        else:
            names = [f"'{bron_id}'" for bron_id in circle]
            message = f"de bronnen {', '.join(names[:-1])} en {names[-1]} vervangen elkaar in een kring"
        yield index.finding("bron", first, "vervangen_door", message, CYCLE_HINT, "vervanging-kring")


def _periods_ending_before_they_start(index: Index) -> Iterator[Finding]:
    for event in index.content.tijdlijn.gebeurtenissen:
        if event.tot is not None and event.tot.last_day < event.datum.first_day:
            yield index.finding("gebeurtenis", event.id, "tot",
                                f"de gebeurtenis '{event.id}' eindigt ({event.tot.dutch}) vóór zij begint "
                                f"({event.datum.dutch})", "zet bij 'tot' een datum na 'datum', of laat 'tot' weg",
                                "ongeldige-periode")


def _implausible_note_dates(index: Index, today: dt.date) -> Iterator[Finding]:
    """A note is dated between 1900 and a year from today: anything else is a typo in the year."""
    latest = today + dt.timedelta(days=366)
    for nota in index.content.notas:
        if nota.datum.year < EARLIEST_NOTE_YEAR:
            where = f"vóór {EARLIEST_NOTE_YEAR}"
        elif nota.datum > latest:
            where = "meer dan een jaar na vandaag"
        else:
            continue
        yield index.finding("nota", nota.referentie, "datum",
                            f"de datum van nota {nota.referentie} ({format_dutch(nota.datum)}) ligt {where}",
                            "controleer het jaartal", "onwaarschijnlijke-datum")
