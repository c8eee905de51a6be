"""The Atom feed (feed.xml): new notes, and positions replaced or withdrawn, newest first, written with feedgen.

Every entry's id is stable (the record it is about), its date comes from the data (the note's date), never from the
clock; the feed holds at most FEED_ENTRIES entries. The public build writes it from the redacted index, so it holds
only public content.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from macros.content.index import Index
from macros.content.positions import Supersession

FEED_FILE = "feed.xml"
FEED_ENTRIES = 50
FEED_TITLE = "Beleidsposities: nieuwe nota's en gewijzigde standpunten"
ID_PREFIX = "urn:beleidsposities:"


@dataclass(frozen=True)
class Entry:
    """One entry before it is written: when, its stable id, title, text and site-relative URL."""

    datum: dt.date
    id: str
    title: str
    summary: str
    url: str


def feed_xml(index: Index, site_url: str) -> str:
    """The feed as Atom XML; links are absolute when the site's address (`site_url`) is known."""
    entries = sorted([*_notes(index), *_positions(index)], key=lambda entry: (entry.datum, entry.id),
                     reverse=True)[:FEED_ENTRIES]
    generator = FeedGenerator()
    generator.id(f"{ID_PREFIX}feed")
    generator.title(FEED_TITLE)
    generator.language("nl")
    generator.link(href=f"{site_url}{FEED_FILE}", rel="self")
    generator.link(href=site_url or "./", rel="alternate")
    generator.updated(_moment(entries[0].datum if entries else dt.date(1970, 1, 1)))
    for entry in reversed(entries):  # feedgen puts each added entry first
        item = generator.add_entry()
        item.id(entry.id)
        item.title(entry.title)
        item.summary(entry.summary)
        item.link(href=f"{site_url}{entry.url}")
        item.updated(_moment(entry.datum))
        item.published(_moment(entry.datum))
    return generator.atom_str(pretty=True).decode("utf-8")


def _notes(index: Index) -> list[Entry]:
    return [Entry(nota.datum, f"{ID_PREFIX}nota:{nota.referentie}", f"Nota {nota.referentie}: {nota.titel}",
                  f"{nota.soort.capitalize()} van {nota.directoraat_generaal}, {nota.status}.",
                  index.url("nota", nota.referentie)) for nota in index.notas_newest_first]


def _positions(index: Index) -> list[Entry]:
    return [_superseded(index, kernpunt_id, supersession)
            for kernpunt_id, supersession in index.positions.superseded.items()]


def _superseded(index: Index, kernpunt_id: str, supersession: Supersession) -> Entry:
    label = f"kernpunt {index.number_of[kernpunt_id]} van nota {index.nota_of[kernpunt_id].referentie}"
    if supersession.withdrawn:
        what, how = "ingetrokken", f"Ingetrokken bij nota {supersession.nota}."
    elif supersession.kernpunt:
        later = f"kernpunt {index.number_of[supersession.kernpunt]} van nota {supersession.nota}"
        what, how = "vervangen", f"Vervangen door {later}."
    else:
        what, how = "vervangen", f"Vervangen door nota {supersession.nota}."
    return Entry(supersession.datum, f"{ID_PREFIX}standpunt:{kernpunt_id}:{what}", f"Standpunt {what}: {label}",
                 how, index.url("kernpunt", kernpunt_id))


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
