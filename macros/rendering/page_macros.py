"""The macros editors call in pages; each gathers records from the index and renders one partial."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from annotated_types import Ge
from markupsafe import Markup

from macros.content.reads import ReadingIndex
from macros.model.identifiers import SCHEMES
from macros.model.kinds import KINDS
from macros.model.messages import CATALOG
from macros.model.paging import PER_PAGE, Paging
from macros.model.schema import BronRef, GebeurtenisRef, KernpuntRef, NotaRef, OnderwerpRef, WeigeringsgrondRef
from macros.outputs.changes import compare, superseded_since
from macros.outputs.export import exports
from macros.outputs.provenance import herkomst
from macros.rendering.figures import kernpunten_web, timeline_rows
from macros.rendering.render import Renderer

# The macros editors may call, by name; `make check` reads their signatures to check calls in pages.
MACRO_NAMES = ("nota_kop", "kernpunten", "kernpunt", "bron", "verwijzingen", "bron_pagina", "bronnen", "notas",
               "kernpunten_per_onderwerp", "onderwerp_pagina", "modellen", "conclusies", "instrumenten",
               "uitdagingen", "maatregelen", "tijdlijn", "tijdlijn_figuur", "kernpunten_web", "wijzigingen",
               "meldingen", "identificaties", "niet_openbaar", "nota_link", "kernpunt_link", "gebeurtenis_link")
# A number of items to show: one or more.
Count = Annotated[int, Ge(1)]
# Macros that wrap a passage: `{% call niet_openbaar("5.1.2e") %} ... {% endcall %}`.
BLOCK_MACROS = ("niet_openbaar",)


class PageMacros:
    """Macro functions bound to the index (as the page reads it: macros/content/reads.py), the renderer and the page
    being rendered."""

    def __init__(self, index: ReadingIndex, renderer: Renderer, current_page: Callable[[], Any],
                 previous: tuple[str, dict] | None = None):
        self.index = index
        self.renderer = renderer
        self.current_page = current_page
        self.previous = previous

    def _render(self, template: str, **context) -> str:
        return self.renderer.render(template, self.current_page().url, **context)

    def record_page(self, kind: str, record_id: str) -> str:
        """A generated record page: its kind's template with the record and its page of backlinks, if its kind has
        them (macros/model/kinds.py)."""
        declared = KINDS[kind]
        record = self.index.get(kind, record_id)
        backlinks = declared.backlinks(self.index)[record_id] if declared.backlinks else []
        paging = self._paging(self.index.pages.source_of(kind, record_id), backlinks)
        return self._render(declared.page_template, **{kind: record}, kernpunt_ids=paging.entries, paging=paging)

    def _paging(self, first_source: str, entries: list) -> Paging:
        """The current page's part of a long list: page n when this is page n of the list, else page 1."""
        page = self.index.page(self.current_page().file.src_uri)
        paging = Paging.of(entries, first_source, page.number_in(first_source))
        self.index.read_list(first_source, paging.entries)
        return paging

    def nota_kop(self, referentie: NotaRef) -> str:
        """The note's title and header block (referentie, datum, t.a.v., DG, bureau, ...)."""
        return self._render("nota-kop.html", nota=self.index.get("nota", referentie))

    def kernpunten(self, referentie: NotaRef) -> str:
        """The note's kernpunten, nested as in the memo, each with its anchor and sources."""
        return self._render("kernpunten.html", kernpunten=self.index.get("nota", referentie).kernpunten)

    def kernpunt(self, kernpunt_id: KernpuntRef) -> str:
        """Quote a kernpunt from any page, linking to it on its note's page."""
        return self._render("kernpunt-citaat.html", kernpunt=self.index.get("kernpunt", kernpunt_id))

    def bron(self, bron_id: BronRef) -> str:
        """An inline link to a bron's page, with its short name."""
        bron = self.index.get("bron", bron_id)
        return self.renderer.render_inline("bron-link.html", self.current_page().url, bron=bron)

    def nota_link(self, referentie: NotaRef, tekst: str | None = None) -> str:
        """An inline link to a note's page, reading 'nota 6501580' (or `tekst`)."""
        nota = self.index.get("nota", referentie)
        return self._link("nota", nota.referentie, tekst or f"nota {nota.referentie}")

    def kernpunt_link(self, kernpunt_id: KernpuntRef, tekst: str | None = None) -> str:
        """An inline link to a kernpunt on its note's page, reading 'kernpunt 2.2 van nota 6501580' (or `tekst`)."""
        kernpunt = self.index.get("kernpunt", kernpunt_id)
        default = f"kernpunt {self.index.number_of[kernpunt.id]} van nota {self.index.nota_of[kernpunt.id].referentie}"
        return self._link("kernpunt", kernpunt.id, tekst or default)

    def gebeurtenis_link(self, gebeurtenis_id: GebeurtenisRef, tekst: str | None = None) -> str:
        """An inline link to an event on (its page of) the timeline, reading its title (or `tekst`)."""
        gebeurtenis = self.index.get("gebeurtenis", gebeurtenis_id)
        return self._link("gebeurtenis", gebeurtenis.id, tekst or gebeurtenis.titel)

    def _link(self, kind: str, record_id: str, tekst: str) -> str:
        return self.renderer.render_inline("record-link.html", self.current_page().url, kind=kind,
                                           record_id=record_id, tekst=tekst)

    def verwijzingen(self, bron_id: BronRef) -> str:
        """The kernpunten that cite a bron, linked to their anchors (the first PER_PAGE; the rest on its page)."""
        bron = self.index.get("bron", bron_id)
        citations = self.index.citations[bron_id]
        return self._render("kernpunt-lijst.html", kernpunt_ids=citations[:PER_PAGE], total=len(citations),
                            more_at=bron)

    def bron_pagina(self, bron_id: BronRef) -> str:
        """A bron's own page: its facts, identifiers, official links and backlinks (a long list, in pages)."""
        return self.record_page("bron", bron_id)

    def bronnen(self) -> str:
        """The sources registry: every bron with its identifiers and how often it is cited (in pages)."""
        paging = self._paging(self.index.pages.bronnen, self.index.bronnen_sorted)
        return self._render("bronnen-register.html", bronnen=paging.entries, paging=paging)

    def notas(self, aantal: Count | None = None) -> str:
        """The notes, newest first, in pages; `aantal` shows only the newest (e.g. on the home page)."""
        if aantal is not None:
            newest = self.index.notas_newest_first[:aantal]
            self.index.read_list(self.index.pages.notas, newest)
            return self._render("notas-lijst.html", notas=newest, paging=None)
        paging = self._paging(self.index.pages.notas, self.index.notas_newest_first)
        return self._render("notas-lijst.html", notas=paging.entries, paging=paging)

    def kernpunten_per_onderwerp(self) -> str:
        """The onderwerpen, each with its number of kernpunten and a link to its own page."""
        onderwerpen = self.index.read_content("onderwerpen").onderwerpen
        return self._render("onderwerpen-overzicht.html", onderwerpen=onderwerpen)

    def onderwerp_pagina(self, onderwerp_id: OnderwerpRef) -> str:
        """An onderwerp's own page: its kernpunten from every note, newest first (a long list, in pages)."""
        return self.record_page("onderwerp", onderwerp_id)

    def modellen(self) -> str:
        """The model comparison: findings per aspect, for all models ('' row) and per model."""
        data = self.index.read_content("modellen")
        rows = [""] + [model.id for model in data.modellen]
        grid = {(row, aspect.id): [] for row in rows for aspect in data.aspecten}
        for bevinding in data.bevindingen:
            for row in bevinding.modellen or [""]:
                grid[row, bevinding.aspect].append((bevinding, herkomst(bevinding, self.index)))
        return self._render("modellen.html", data=data, grid=grid)

    def conclusies(self) -> str:
        """The report's overall conclusions, each with its sources."""
        return self._render("conclusies.html", conclusies=self.index.read_content("modellen").conclusies)

    def instrumenten(self) -> str:
        """The treaties and EU instruments listed beside the exploration, each with why, as a table."""
        rows = [(self.index.get("bron", instrument.bron), instrument)
                for instrument in self.index.read_content("verkenning").instrumenten]
        return self._render("instrumenten.html", rows=rows)

    def uitdagingen(self) -> str:
        """The challenges in the groups the memo puts them in, each group under its own heading."""
        verkenning = self.index.read_content("verkenning")
        groepen = [(groep, [punt for punt in verkenning.uitdagingen if punt.groep == groep.id])
                   for groep in verkenning.uitdagingsgroepen]
        return self._render("uitdagingen.html", groepen=groepen)

    def maatregelen(self) -> str:
        """The cabinet's measures from the exploration."""
        return self._render("verkenningspunten.html", punten=self.index.read_content("verkenning").maatregelen)

    def tijdlijn(self) -> str:
        """The timeline: events and notes in date order (a long list, in pages)."""
        paging = self._paging(self.index.pages.tijdlijn, self.index.timeline)
        return self._render("tijdlijn.html", items=paging.entries, paging=paging)

    def tijdlijn_figuur(self) -> str:
        """The timeline as a static SVG figure of the page's part of the timeline (`tijdlijn()` is its text)."""
        rows, height = timeline_rows(self._paging(self.index.pages.tijdlijn, self.index.timeline).entries)
        return self._render("tijdlijn-figuur.html", rows=rows, height=height)

    def kernpunten_web(self, referentie: NotaRef) -> str:
        """A note's kernpunten and the bronnen they cite, as a static SVG figure."""
        return self._render("kernpunten-web.html", figure=kernpunten_web(self.index, referentie),
                            referentie=str(referentie))

    def wijzigingen(self) -> str:
        """What changed since the previous published version, from both versions' exports."""
        if self.previous is None:
            return self._render("wijzigingen.html", vorige=None, sections={})
        version, exports_before = self.previous
        current = exports(self.index.read_all())
        return self._render("wijzigingen.html", vorige=version, sections=compare(exports_before, current),
                            superseded=superseded_since(exports_before, current))

    def meldingen(self) -> str:
        """Every message `make check` can give, with an example and the fix (for the editor guide)."""
        return self._render("meldingen.html", messages=list(CATALOG.values()))

    def identificaties(self) -> str:
        """The identifier schemes a bron can have, with their format (for the editor guide)."""
        return self._render("identificaties.html", schemes=list(SCHEMES.values()))

    def niet_openbaar(self, weigeringsgrond: WeigeringsgrondRef, caller: Callable[[], str] | None = None) -> str:
        """A passage that is not public, with its ground: marked internally, only the ground in the public build."""
        grond = self.index.get("weigeringsgrond", weigeringsgrond)
        if caller is None:
            raise ValueError("niet_openbaar omsluit tekst: schrijf {% call niet_openbaar(\"5.1.2e\") %} ... "
                             "{% endcall %}")
        inhoud = None if self.index.openbaar else Markup(caller())  # the public build never renders the passage
        return self.renderer.render_with_markdown("niet-openbaar.html", self.current_page().url, grond=grond,
                                                  inhoud=inhoud)

    def functions(self) -> dict[str, Callable]:
        """Every macro by its own name, for mkdocs-macros."""
        return {name: getattr(self, name) for name in MACRO_NAMES}
