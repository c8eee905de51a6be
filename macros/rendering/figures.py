"""Layouts for the site's figures (static SVG built from the data): positions here, markup in the partials."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from macros.content.index import Index, TimelineItem

ROW = 28  # vertical distance between rows, in SVG units
TOP = 24


@dataclass(frozen=True)
class TimelineRow:
    """One event or note on the timeline figure."""

    item: TimelineItem
    y: int
    year_starts: bool


@dataclass(frozen=True)
class WebNode:
    """A kernpunt (left) or bron (right) in the web figure: its label, and its full name when the label cuts it."""

    id: str
    label: str
    y: int
    name: str = ""


@dataclass(frozen=True)
class WebFigure:
    """The kernpunten of one note, the bronnen they cite, and the lines between them."""

    kernpunten: list[WebNode]
    bronnen: list[WebNode]
    edges: list[tuple[int, int]]
    height: int


def timeline_rows(items: Sequence[TimelineItem]) -> tuple[list[TimelineRow], int]:
    """One row per timeline item in date order, marking where a new year starts; and the figure's height."""
    rows, previous_year = [], None
    for number, item in enumerate(items):
        rows.append(TimelineRow(item, TOP + number * ROW, item.datum.year != previous_year))
        previous_year = item.datum.year
    return rows, TOP + len(rows) * ROW


def kernpunten_web(index: Index, referentie: str) -> WebFigure:
    """The bipartite figure of one note: its kernpunten on the left, their bronnen on the right."""
    nota = index.get("nota", referentie)
    kernpunten = list(index.kernpunten_of(nota))
    bron_ids = list(dict.fromkeys(bron_id for kernpunt in kernpunten for bron_id in kernpunt.bronnen))
    left = [WebNode(kernpunt.id, f"Kernpunt {index.number_of[kernpunt.id]}", TOP + row * ROW)
            for row, kernpunt in enumerate(kernpunten)]
    right = [WebNode(bron_id, label, TOP + row * ROW, name) for row, bron_id in enumerate(bron_ids)
             for label, name in [_bron_label(index, bron_id)]]
    position = {bron_id: row for row, bron_id in enumerate(bron_ids)}
    edges = [(row, position[bron_id]) for row, kernpunt in enumerate(kernpunten) for bron_id in kernpunt.bronnen]
    return WebFigure(left, right, edges, TOP + max(len(left), len(right), 1) * ROW)


def _bron_label(index: Index, bron_id: str) -> tuple[str, str]:
    """A bron's label, cut at 40 characters, and its full name ('' when the label is the full name)."""
    bron = index.get("bron", bron_id)
    name = bron.korte_naam or bron.titel
    return (name, "") if len(name) <= 42 else (f"{name[:40]}…", name)
