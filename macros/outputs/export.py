"""Machine-readable exports (site/export/*.json) of notes, kernpunten, bronnen, events and the model findings.

Every record carries the editors' flags its schema has: the remark (`opmerking`) and whether its date is
approximate (`datum_bij_benadering`, `bij_benadering`), so a doubtful date does not leave the site unflagged. The
public build exports the redacted content (macros/content/woo.py, macros/content/redaction.py): a withheld remark is
blank there.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from macros.content.index import Index
from macros.outputs.diwoo_sitemap import diwoo_files
from macros.outputs.feed import FEED_FILE, feed_xml
from macros.outputs.provenance import herkomst
from macros.outputs.search_filters import search_files

EXPORT_FOLDER = "export"
# The editors' flags a record exports when its schema has them.
FLAGS = ("opmerking", "datum_bij_benadering", "bij_benadering")


def flags(record: BaseModel) -> dict:
    """The editors' flags of a record: those of FLAGS that its schema has, with their values."""
    return {name: getattr(record, name) for name in FLAGS if name in type(record).model_fields}


def exports(index: Index) -> dict[str, list[dict]]:
    """The exports as data: every record with its id, URL (from the site root), links and flags."""
    kernpunten_of: dict[str, list[str]] = {nota.referentie: [] for nota in index.notas_newest_first}
    for kernpunt_id, nota in index.nota_of.items():
        kernpunten_of[nota.referentie].append(kernpunt_id)
    positions = index.positions
    notas = [{"referentie": nota.referentie, "titel": nota.titel, "datum": nota.datum.isoformat(),
              "soort": nota.soort, "status": nota.status, "onderwerpen": nota.onderwerpen,
              **flags(nota), "opmerking_weigeringsgrond": nota.niet_openbaar.opmerking,
              "url": index.url("nota", nota.referentie), "kernpunten": kernpunten_of[nota.referentie],
              "vervangt": nota.vervangt, "trekt_in": nota.trekt_in,
              "vervangen_door": _note_of(positions.note_replaced_by.get(nota.referentie))}
             for nota in index.notas_newest_first]
    kernpunten = [{"id": kernpunt.id, "nota": index.nota_of[kernpunt.id].referentie,
                   "nummer": index.number_of[kernpunt.id], "ouder": index.parent_of[kernpunt.id],
                   "tekst": kernpunt.tekst, "onderwerpen": kernpunt.onderwerpen, **flags(kernpunt),
                   "weigeringsgrond": kernpunt.niet_openbaar,
                   "url": index.url("kernpunt", kernpunt.id), **_relations(index, kernpunt.id),
                   "bronnen": [{"id": bron_id, "url": index.url("bron", bron_id)} for bron_id in kernpunt.bronnen]}
                  for kernpunt in index.kernpunten()]
    bronnen = [{"id": bron.id, "soort": bron.soort, "titel": bron.titel, "datum": str(bron.datum or "") or None,
                **flags(bron), "status": bron.status, "identificatie": bron.identificatie.model_dump(exclude_none=True),
                "weigeringsgrond": bron.niet_openbaar, "url": index.url("bron", bron.id), "vindplaats": bron.url,
                "verantwoording": [controle.model_dump(exclude_none=True) for controle in bron.verantwoording],
                "kernpunten": [{"id": kernpunt_id, "url": index.url("kernpunt", kernpunt_id)}
                               for kernpunt_id in index.citations[bron.id]]}
               for bron in index.bronnen_sorted]
    gebeurtenissen = [{"id": event.id, "datum": str(event.datum), "tot": str(event.tot or "") or None,
                       **flags(event), "soort": event.soort, "titel": event.titel,
                       "url": index.url("gebeurtenis", event.id), "notas": event.notas, "bronnen": event.bronnen}
                      for event in index.content.tijdlijn.gebeurtenissen]
    bevindingen = [{"aspect": bevinding.aspect, "modellen": bevinding.modellen, "tekst": bevinding.tekst,
                    **flags(bevinding), "weigeringsgrond": bevinding.niet_openbaar, "kernpunt": bevinding.kernpunt,
                    "herkomst": None if bevinding.niet_openbaar else herkomst(bevinding, index),
                    "url": index.url("aspect", bevinding.aspect), "bronnen": bevinding.bronnen}
                   for bevinding in index.content.modellen.bevindingen]
    return {"notas.json": notas, "kernpunten.json": kernpunten, "bronnen.json": bronnen,
            "gebeurtenissen.json": gebeurtenissen, "bevindingen.json": bevindingen}


class ExportTexts:
    """Each exported record's indented JSON, by its compact JSON: the owner of a build keeps one across the preview's
    builds, so only the records that changed are written out again."""

    def __init__(self):
        self._known: dict[str, str] = {}
        self._used: dict[str, str] = {}

    def text(self, records: list[dict]) -> str:
        """`json.dumps(records, ensure_ascii=False, indent=1)`, made from each record's own text."""
        if not records:
            return json.dumps(records, ensure_ascii=False, indent=1)
        parts = []
        for record in records:
            compact = json.dumps(record, ensure_ascii=False)
            if compact not in self._known:  # JSON strings hold no line breaks: each line is indented once more
                self._known[compact] = " " + json.dumps(record, ensure_ascii=False, indent=1).replace("\n", "\n ")
            self._used[compact] = self._known[compact]
            parts.append(self._known[compact])
        return "[\n" + ",\n".join(parts) + "\n]"

    def forget_unused(self) -> None:
        """Forget the records the last exports did not hold."""
        self._known, self._used = self._used, {}


def _note_of(supersession) -> str | None:
    return supersession.nota if supersession is not None else None


def _relations(index: Index, kernpunt_id: str) -> dict:
    """A kernpunt's place in the positions over time, both ways: what it replaces, and what replaced or withdrew it
    (a kernpunt, or a note as a whole) and the current one at the end of the chain."""
    positions = index.positions
    superseded = positions.superseded.get(kernpunt_id)
    replaced = superseded is not None and not superseded.withdrawn
    return {"vervangt": positions.replaces.get(kernpunt_id, []),
            "vervangen_door": ({"kernpunt": superseded.kernpunt, "nota": superseded.nota} if replaced else None),
            "ingetrokken_door": superseded.nota if superseded is not None and superseded.withdrawn else None,
            "actueel": positions.current_of(kernpunt_id) if superseded is not None else kernpunt_id}


def export_files(index: Index, site_url: str, texts: ExportTexts | None = None) -> dict[str, str]:
    """Export files by site-relative path (e.g. `export/notas.json`, the Atom feed, the search page's files of its
    filters), made once per index (kept on it); the public build adds DiWoo, whose sitemap needs the site's address
    (`site_url`), as the feed does. `texts` remembers the records' JSON."""
    key = ("export_files", site_url)
    if key not in index.derived:
        texts = texts or ExportTexts()
        files = {f"{EXPORT_FOLDER}/{name}": texts.text(records) + "\n" for name, records in exports(index).items()}
        files[FEED_FILE] = feed_xml(index, site_url)
        files |= search_files(index)
        texts.forget_unused()
        index.derived[key] = files | diwoo_files(index, site_url) if index.openbaar else files
    return index.derived[key]
