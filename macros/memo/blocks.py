"""Markdown lines into blocks: headings, list items (with their indentation), paragraphs, rules and page breaks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from macros.memo.reading import Source

HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
ITEM = re.compile(r"^(\s*)([-*+•]|\d{1,2}[.)])\s+(.*)$")
RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
PAGE_BREAK = "\f"


@dataclass
class Block:
    """One block of the memo: `kind` is heading, item, para, rule or break; `place` its first line in the source."""

    kind: str
    place: int
    lines: list[str]
    level: int = 0  # a heading's number of #, an item's indentation in spaces
    end: int = 0  # the last line in the source
    raw: list[str] = field(default_factory=list)  # the lines as in the source

    @property
    def text(self) -> str:
        """The block's text on one line: its lines joined with single spaces (hard breaks and all)."""
        return " ".join(" ".join(line.split()) for line in self.lines if line.strip())


def blocks_of(source: Source) -> list[Block]:
    """The blocks of `source`, in order."""
    blocks: list[Block] = []
    current: Block | None = None
    for line, place in zip(source.lines, source.places, strict=True):
        if line.strip() == PAGE_BREAK:
            blocks.append(Block("break", place, [], end=place))
            current = None
            continue
        if not line.strip():
            current = None
            continue
        heading, item = HEADING.match(line), ITEM.match(line)
        if heading:
            blocks.append(Block("heading", place, [heading.group(2)], len(heading.group(1)), place))
            current = None
        elif RULE.match(line):
            blocks.append(Block("rule", place, [line.strip()], end=place))
            current = None
        elif item and not (current and current.kind == "para" and item.group(2)[0].isdigit()):
            current = Block("item", place, [item.group(3)], len(item.group(1).expandtabs(4)), place, [line])
            blocks.append(current)
        elif current is not None:
            current.lines.append(line)
            current.raw.append(line)
            current.end = place
        else:
            current = Block("para", place, [line], len(line) - len(line.lstrip()), place, [line])
            blocks.append(current)
    return blocks
