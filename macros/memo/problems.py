"""What the import says: a refusal (one message, nothing written) and the report of what it could not know."""

from __future__ import annotations

from dataclasses import dataclass, field


class MemoError(Exception):
    """The memo cannot be imported: one message in Dutch, with the file and, where known, the line."""

    def __init__(self, path: str, message: str, line: int = 0):
        self.path, self.message, self.line = path, message, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: fout: {message}")


@dataclass
class Report:
    """The import's findings for the editor, each with the line (or Word paragraph) of the source it is about."""

    source: str
    items: list[tuple[str, int, str]] = field(default_factory=list)

    def add(self, kind: str, line: int, text: str) -> None:
        """Record one finding of `kind` (a heading of the report) at `line` (0: the memo as a whole)."""
        self.items.append((kind, line, text))

    def of(self, kind: str) -> list[tuple[int, str]]:
        return [(line, text) for item_kind, line, text in self.items if item_kind == kind]

    def lines(self) -> list[str]:
        """The report as text: one block per kind, in the order of KINDS, each line with its place in the source."""
        out = []
        for kind, title in KINDS.items():
            found = self.of(kind)
            if found:
                out.append(f"{title}:")
                out += [f"  {self.source}:{line}: {text}" if line else f"  {self.source}: {text}"
                        for line, text in found]
        return out


# The report's kinds, in the order shown, with their Dutch headings.
WEGGELATEN, NESTING, NIET_GEPLAATST, ONTBREEKT, BRON, ONDERWERP, DATUM, AFGELEID, WIJZIGING = (
    "weggelaten", "nesting", "niet-geplaatst", "ontbreekt", "bron", "onderwerp", "datum", "afgeleid", "wijziging")
KINDS = {
    ONTBREEKT: "Niet gevonden (het veld blijft leeg, met een commentaarregel)",
    AFGELEID: "Afgeleid uit de tekst (controleer)",
    NESTING: "Nesting onzeker (controleer de inspringing van de kernpunten)",
    NIET_GEPLAATST: "Tekst die niet geplaatst kon worden",
    WEGGELATEN: "Weggelaten",
    BRON: "Voorstellen voor bronnen (bevestig en zet ze onder 'bronnen:')",
    ONDERWERP: "Voorstellen voor onderwerpen (bevestig en zet ze onder 'onderwerpen:')",
    DATUM: "Datums die niet passen",
    WIJZIGING: "Wijzigingen ten opzichte van de bestaande nota",
}
