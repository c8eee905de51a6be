"""Machine-readable exports (site/export/*.json) of notes, kernpunten and bronnen, with their links."""

from __future__ import annotations

import functools
import json

from macros.diwoo import diwoo_files
from macros.xref import Index

EXPORT_FOLDER = "export"


def exports(index: Index) -> dict[str, list[dict]]:
    """The three exports as data: every record with its id, URL (from the site root) and links."""
    kernpunten_of: dict[str, list[str]] = {nota.referentie: [] for nota in index.notas_newest_first}
    for kernpunt_id, nota in index.nota_of.items():
        kernpunten_of[nota.referentie].append(kernpunt_id)
    notas = [{"referentie": nota.referentie, "titel": nota.titel, "datum": nota.datum.isoformat(),
              "soort": nota.soort, "status": nota.status, "onderwerpen": nota.onderwerpen,
              "url": index.url("nota", nota.referentie), "kernpunten": kernpunten_of[nota.referentie]}
             for nota in index.notas_newest_first]
    kernpunten = [{"id": kernpunt.id, "nota": index.nota_of[kernpunt.id].referentie,
                   "nummer": index.number_of[kernpunt.id], "ouder": index.parent_of[kernpunt.id],
                   "tekst": kernpunt.tekst, "onderwerpen": kernpunt.onderwerpen,
                   "weigeringsgrond": kernpunt.niet_openbaar,
                   "url": index.url("kernpunt", kernpunt.id),
                   "bronnen": [{"id": bron_id, "url": index.url("bron", bron_id)} for bron_id in kernpunt.bronnen]}
                  for kernpunt in index.kernpunten()]
    bronnen = [{"id": bron.id, "soort": bron.soort, "titel": bron.titel, "datum": str(bron.datum or "") or None,
                "status": bron.status, "identificatie": bron.identificatie.model_dump(exclude_none=True),
                "weigeringsgrond": bron.niet_openbaar, "url": index.url("bron", bron.id), "vindplaats": bron.url,
                "kernpunten": [{"id": kernpunt_id, "url": index.url("kernpunt", kernpunt_id)}
                               for kernpunt_id in index.citations[bron.id]]}
               for bron in index.bronnen_sorted]
    return {"notas.json": notas, "kernpunten.json": kernpunten, "bronnen.json": bronnen}


@functools.lru_cache(maxsize=1)
def export_files(index: Index) -> dict[str, str]:
    """Export files by site-relative path (e.g. `export/notas.json`), once per index; the public build adds DiWoo."""
    files = {f"{EXPORT_FOLDER}/{name}": json.dumps(records, ensure_ascii=False, indent=1) + "\n"
             for name, records in exports(index).items()}
    return files | diwoo_files(index) if index.openbaar else files
