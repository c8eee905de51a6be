"""Where a finding of the model comparison comes from: the report itself, the law, or the note."""

from __future__ import annotations

from macros.content.index import Index
from macros.model.schema import Bevinding

# The kinds of bron that are law (treaties, the Charter, regulations, directives and proposals for them).
LAW = frozenset({"verdrag", "handvest", "verordening", "richtlijn", "voorstel"})
LABELS = {"rapport": "uit het rapport", "wetgeving": "uit de wet- en regelgeving, niet uit het rapport",
          "nota": "uit de nota, niet uit het rapport", "anders": "uit andere bronnen dan het rapport"}


def herkomst(bevinding: Bevinding, index: Index) -> str:
    """The label of where a finding comes from, read from its bronnen (and its kernpunt when it has none)."""
    if index.content.modellen.rapport in bevinding.bronnen:
        return LABELS["rapport"]
    soorten = {index.get("bron", bron_id).soort for bron_id in bevinding.bronnen}
    if soorten and soorten <= LAW:
        return LABELS["wetgeving"]
    if not soorten and bevinding.kernpunt:
        return LABELS["nota"]
    return LABELS["anders"]
