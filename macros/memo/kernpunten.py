"""The kernpunten list of a memo as a tree, nested as in the memo; where a page break lost the indentation, each
item is placed by what it says (a bold or colon-ending item is a heading of the items after it) and reported."""

from __future__ import annotations

from dataclasses import dataclass, field

from macros.memo.blocks import Block
from macros.memo.problems import NESTING, WEGGELATEN, Report

BULLETS = {"-", "*", "+", "•"}


@dataclass
class Punt:
    """One kernpunt as read: its text (Markdown, verbatim), its place in the source and its sub-points."""

    tekst: str
    place: int
    kernpunten: list[Punt] = field(default_factory=list)


def is_group(text: str) -> bool:
    """A kernpunt that heads the ones under it: it starts in bold or ends with a colon."""
    return text.startswith("**") or text.rstrip().endswith(":")


class KernpuntTree:
    """Builds the tree one block at a time."""

    def __init__(self, report: Report, reliable_indent: bool):
        self.report, self.reliable = report, reliable_indent
        self.roots: list[Punt] = []
        self.stack: list[tuple[int, Punt]] = []  # (indentation, kernpunt) of the open path
        self.break_at = 0  # the place of a page break not yet followed by an item
        self.flat = False  # after a page break the export lost the indentation: place items by their text

    def page_break(self, place: int) -> None:
        self.break_at = self.break_at or place

    def take(self, block: Block) -> bool:
        """Add an item, or the rest of a sentence cut by a page break; False for text that is neither."""
        if block.kind == "item" or (block.kind == "para" and block.text.strip() in BULLETS):
            if not block.text.replace("*", "").replace("_", "").strip(" -+•"):
                self.report.add(WEGGELATEN, block.place, "een leeg opsommingsteken in 'Kernpunten': geen kernpunt")
                return True
            self._item(block)
            return True
        if block.kind == "para" and self.stack and block.text[:1].islower():
            last = self.stack[-1][1]
            last.tekst = f"{last.tekst} {block.text}"
            self.report.add(NESTING, block.place, f"de tekst loopt door na een paginaovergang; samengevoegd met het "
                                                  f"kernpunt van regel {last.place} ('...{last.tekst[-40:]}')")
            self.page_break(block.place)
            return True
        return False

    def _item(self, block: Block) -> None:
        punt = Punt(block.text, block.place)
        depth = len(self.stack) - 1
        if self.break_at and not self.reliable and block.level == 0 and depth > 0:
            self.flat = True
        self.break_at = 0
        if self.flat and block.level == 0:
            self._place_by_text(punt)
            return
        while self.stack and self.stack[-1][0] >= block.level:
            self.stack.pop()
        (self.stack[-1][1].kernpunten if self.stack else self.roots).append(punt)
        self.stack.append((block.level, punt))

    def _place_by_text(self, punt: Punt) -> None:
        head = self.roots[-1] if self.roots else None
        if is_group(punt.tekst) or head is None or not (head.kernpunten or is_group(head.tekst)):
            self.roots.append(punt)
            self.stack = [(0, punt)]
            where = "op het hoogste niveau gezet" + (" (het opent een groep)" if is_group(punt.tekst) else "")
        else:
            head.kernpunten.append(punt)
            self.stack = [(0, head), (2, punt)]
            where = f"onder het kernpunt van regel {head.place} gezet ('{head.tekst[:40]}...')"
        self.report.add(NESTING, punt.place, f"inspringing verloren na de paginaovergang; {where}")
