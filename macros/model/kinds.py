"""The kinds of record, each declared once: where an editor writes it, what it is called, where and how it is shown.

The index, the page map (`extra.paginas`), the generated pages, the titles, the search weights and the navigation
exclusion are derived from these declarations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from macros.model.schema import (
    Aspect,
    Bron,
    Bronnen,
    Gebeurtenis,
    Kernpunt,
    Model,
    Modellen,
    Nota,
    Onderwerp,
    Onderwerpen,
    Tijdlijn,
    Uitdagingsgroep,
    Verkenning,
    Verkenningspunt,
    Weigeringsgrond,
    Weigeringsgronden,
)


@dataclass(frozen=True)
class Page:
    """A page in `extra.paginas`: its key there and its default source (relative to docs/; `{id}`: one per record)."""

    key: str
    default: str


@dataclass(frozen=True)
class DataFile:
    """A data file under data/ and the schema of the whole file; `optional` when a site may leave it out."""

    name: str
    model: type[BaseModel]
    optional: bool = False


@dataclass(frozen=True)
class Kind:
    """One kind of record. `page` is its own page (a source with `{id}`) or the page its entries stand on;
    `list_page` the page that lists every record of the kind, `paged` that list's entries when it is split into
    pages; `data` the file its records are read from (a note's: data/notas/); `page_template` the partial of a
    record's own page when the site generates it (a note's is written), rendered with the record (by its kind's
    name), its page of backlinks (`kernpunt_ids`) and `paging`, and `page_anchors` the ids of that partial's
    Markdown headings; `page_macro` the macro with which a page can show it too; `link_macro` the macro that links
    to a record;
    `backlinks` the entries that a record's own page lists (what refers to it), split into pages likewise (a kind
    with `paged` or `backlinks` is named in PAGED_KINDS or BACKLINK_KINDS below, which give the lists' order)."""

    name: str
    model: type[BaseModel]
    files: str  # where an editor adds a record of this kind (in the hint for an unknown id)
    noun: str
    het: bool = False  # "het kernpunt", which also drops the -e of "onbekend"
    data: DataFile | None = None
    page: Page | None = None
    list_page: Page | None = None
    paged: Callable[[Any], Sequence] | None = None
    page_macro: str | None = None
    page_template: str | None = None
    page_anchors: tuple[str, ...] = ()
    link_macro: str | None = None
    title: Callable[[Any], str] | None = None
    search_boost: int | None = None
    backlinks: Callable[[Any], Mapping[str, Sequence]] | None = None

    @property
    def own_page(self) -> bool:
        """Whether each record of this kind has a page of its own."""
        return self.page is not None and "{id}" in self.page.default


NOTAS = Page("notas", "notas/index.md")
BRONNEN = Page("bronnen", "bronnen/index.md")
TIJDLIJN = Page("tijdlijn", "tijdlijn.md")
MODELLEN = Page("modellen", "appreciatie-grenzen-verleggen.md")
VERKENNING = Page("verkenning", "verkenning-verdragen.md")

KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("nota", Nota, "data/notas/ (make nota REF=...)", "nota", page=Page("nota", "notas/{id}.md"),
         list_page=NOTAS, paged=lambda index: index.notas_newest_first, link_macro="nota_link",
         title=lambda nota: f"{nota.referentie} · {nota.titel}",
         search_boost=2),  # a note ranks above pages that merely mention its referentie
    Kind("bron", Bron, "data/bronnen.yaml", "bron", data=DataFile("bronnen.yaml", Bronnen),
         page=Page("bron", "bronnen/{id}.md"), list_page=BRONNEN, paged=lambda index: index.bronnen_sorted,
         page_macro="bron_pagina", page_template="bron-pagina.html", page_anchors=("titel", "verwijzingen"),
         title=lambda bron: bron.korte_naam or bron.titel, search_boost=1, backlinks=lambda index: index.citations),
    Kind("onderwerp", Onderwerp, "data/onderwerpen.yaml", "onderwerp", het=True,
         data=DataFile("onderwerpen.yaml", Onderwerpen), page=Page("onderwerp", "kernpunten/{id}.md"),
         list_page=Page("kernpunten", "kernpunten.md"), page_macro="onderwerp_pagina",
         page_template="onderwerp-pagina.html", page_anchors=("titel", "kernpunten"),
         title=lambda onderwerp: onderwerp.naam,
         backlinks=lambda index: index.kernpunten_by_onderwerp),
    Kind("kernpunt", Kernpunt, "het bestand van de nota in data/notas/", "kernpunt", het=True,
         link_macro="kernpunt_link"),
    Kind("gebeurtenis", Gebeurtenis, "data/tijdlijn.yaml", "gebeurtenis", data=DataFile("tijdlijn.yaml", Tijdlijn),
         page=TIJDLIJN, list_page=TIJDLIJN,
         paged=lambda index: index.timeline, link_macro="gebeurtenis_link"),
    Kind("model", Model, "data/modellen.yaml", "model", het=True, data=DataFile("modellen.yaml", Modellen),
         page=MODELLEN),
    Kind("aspect", Aspect, "data/modellen.yaml", "aspect", het=True, data=DataFile("modellen.yaml", Modellen),
         page=MODELLEN),
    Kind("verkenningspunt", Verkenningspunt, "data/verkenning.yaml", "uitdaging of maatregel",
         data=DataFile("verkenning.yaml", Verkenning), page=VERKENNING),
    Kind("uitdagingsgroep", Uitdagingsgroep, "data/verkenning.yaml (uitdagingsgroepen)", "groep uitdagingen",
         data=DataFile("verkenning.yaml", Verkenning), page=VERKENNING),
    # Without Woo markings a site needs no grounds.
    Kind("weigeringsgrond", Weigeringsgrond, "data/weigeringsgronden.yaml", "weigeringsgrond",
         data=DataFile("weigeringsgronden.yaml", Weigeringsgronden, optional=True)),
)}

# The data files the kinds' records are read from, once each, in the kinds' order.
DATA_FILES = tuple(dict.fromkeys(kind.data for kind in KINDS.values() if kind.data))
# The kinds whose records each have a page of their own.
PAGE_KINDS = tuple(name for name, kind in KINDS.items() if kind.own_page)
# The kinds with long lists, in the order in which the site makes the lists' later pages (the sitemap's order):
# those whose list page is split into pages (`paged`), then those whose own pages are (`backlinks`).
PAGED_KINDS = ("nota", "gebeurtenis", "bron")
BACKLINK_KINDS = ("onderwerp", "bron")

