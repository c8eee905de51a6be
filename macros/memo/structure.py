"""The memo's structure from its blocks: header fields, title, sections (verbatim) and the kernpunten tree, with
the repeated page header, letterhead and address block left out and every doubt reported."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from macros.memo.blocks import Block
from macros.memo.header import header_fields, is_address, is_label, is_letterhead
from macros.memo.kernpunten import KernpuntTree
from macros.memo.problems import NIET_GEPLAATST, WEGGELATEN, Report
from macros.memo.safetext import markdown_text

SOORTEN = ("beslisnota", "informatienota", "adviesnota")
TITLE_WORDS = (*SOORTEN, "nota", "memo")
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$")
KNOWN_SECTIONS = ("aanleiding", "geadviseerd besluit", "kernpunten", "toelichting",
                  "informatie die niet openbaar gemaakt kan worden", "samenvatting", "advies", "besluit",
                  "achtergrond", "vervolg", "bijlagen")
KERNPUNTEN = "kernpunten"


@dataclass
class Section:
    """A section of the memo: its number ("5.1", or ""), title, depth (1 for "5", 2 for "5.1") and Markdown body."""

    number: str
    title: str
    depth: int
    place: int
    body: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        label = f"{self.number}. {self.title}" if self.number else self.title
        return f"{'#' * (self.depth + 1)} {label}"

    @property
    def is_kernpunten(self) -> bool:
        return self.title.strip(" :").lower() == KERNPUNTEN


@dataclass
class Memo:
    """What the import read: header fields (value, place), title, soort, sections and kernpunten."""

    fields: dict[str, tuple[str, int]] = field(default_factory=dict)
    # Fields the repeated page header gives otherwise than the header: (value, place), the field is left empty.
    conflicts: dict[str, tuple[str, int]] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    kernpunten: KernpuntTree | None = None


def parse_memo(blocks: list[Block], report: Report, reliable_indent: bool) -> Memo:
    """The memo in `blocks`; `reliable_indent` when list levels come from Word, not from an export's spaces."""
    memo = Memo()
    blocks = _labels_joined(blocks)
    position = _header(blocks, memo, report)
    position = _title(blocks, position, memo)
    section: Section | None = None
    for block in blocks[position:]:
        heading = _section_heading(block, section)
        if heading:
            section = heading
            memo.sections.append(section)
            if section.is_kernpunten and memo.kernpunten is None:
                memo.kernpunten = KernpuntTree(report, reliable_indent)
            continue
        if _left_out(block, memo, report, in_body=section is not None):
            if memo.kernpunten is not None and section is not None and section.is_kernpunten:
                memo.kernpunten.page_break(block.place)
            continue
        if section is None:
            report.add(NIET_GEPLAATST, block.place, f"tekst voor de eerste sectie: '{_excerpt(block.text)}'")
        elif section.is_kernpunten and memo.kernpunten is not None:
            if not memo.kernpunten.take(block):
                section.body.append(_markdown(block))
                report.add(NIET_GEPLAATST, block.place, f"tekst in 'Kernpunten' die geen kernpunt is, in de pagina "
                                                        f"gezet: '{_excerpt(block.text)}'")
        else:
            section.body.append(_markdown(block))
    _made_safe(memo, report)
    return memo


def _made_safe(memo: Memo, report: Report) -> None:
    """Every text the import writes as Markdown (headings, section bodies, kernpunten) made text
    (macros/memo/safetext.py), each dropped link and each text with '<' or '{' reported."""
    def safe(text: str, place: int) -> str:
        written, dropped = markdown_text(text)
        for target in dropped:
            report.add(WEGGELATEN, place, f"link naar '{_excerpt(target, 40)}' (alleen de tekst blijft: zo'n link "
                                          "voert code uit of bevat een eigen inhoud)")
        if "<" in text or "{" in text:
            report.add(NIET_GEPLAATST, place, "'<' en '{' als tekst geschreven (&lt; en &#123;): HTML, "
                                              "attributenlijsten en macro's uit een memo werken niet")
        return written
    for section in memo.sections:
        section.title = safe(section.title, section.place)
        section.body = [safe(text, section.place) for text in section.body]
    pending = list(memo.kernpunten.roots if memo.kernpunten else [])
    while pending:
        punt = pending.pop(0)
        punt.tekst = safe(punt.tekst, punt.place)
        pending[:0] = punt.kernpunten


def _header(blocks: list[Block], memo: Memo, report: Report) -> int:
    """Read the header up to the first heading; return the position of that heading."""
    for position, block in enumerate(blocks):
        if block.kind == "heading":
            return position
        if _left_out(block, memo, report, in_body=False):
            continue
        if block.kind in ("para", "item"):
            report.add(NIET_GEPLAATST, block.place, f"tekst in de kop niet herkend: '{_excerpt(block.text)}'")
    return len(blocks)


def _labels_joined(blocks: list[Block]) -> list[Block]:
    """The blocks with a field's bare label ("Datum", as a table row of its own) joined to the value after it."""
    joined: list[Block] = []
    for block in blocks:
        if joined and is_label(joined[-1]) and block.kind == "para":
            label = joined.pop()
            block = Block("para", label.place, label.lines + block.lines, block.level, block.end, label.raw + block.raw)
        joined.append(block)
    return joined


def _left_out(block: Block, memo: Memo, report: Report, in_body: bool) -> bool:
    """Record a header field (only before the first section), or leave out a letterhead, address block, repeated
    page header (a field in a header's form that the header gave too), rule or page break."""
    fields = header_fields(block, in_header=not in_body, strict=in_body)
    if in_body and not any(name in memo.fields for name in fields):
        fields = {}  # in a section, a field the header did not give is the section's text
    if fields:
        repeated = [name for name in fields if name in memo.fields]
        for name, value in fields.items():
            if name not in memo.fields and in_body:
                report.add(NIET_GEPLAATST, block.place, f"de herhaalde paginakop noemt {name.replace('_', ' ')} "
                                                        f"'{value}', de kop niet: niet overgenomen")
                continue
            memo.fields.setdefault(name, (value, block.place))
            if name in repeated and _plain(memo.fields[name][0]) != _plain(value) and name not in memo.conflicts:
                memo.conflicts[name] = (value, block.place)
                report.add(NIET_GEPLAATST, block.place, f"de herhaalde paginakop noemt een andere "
                                                        f"{name.replace('_', ' ')}: '{value}' (de kop: "
                                                        f"'{memo.fields[name][0]}'); het veld blijft leeg: vul het in")
        if in_body or repeated:
            report.add(WEGGELATEN, block.place, f"herhaalde paginakop (regel {block.place}-{block.end}): "
                                                f"'{_excerpt(block.text)}'")
        return True
    if is_address(block):
        report.add(WEGGELATEN, block.place, f"adresblok (regel {block.place}-{block.end}): '{_excerpt(block.text)}'")
        return True
    if is_letterhead(block):
        report.add(WEGGELATEN, block.place, f"briefhoofd: '{_excerpt(block.text)}'")
        return True
    if block.kind == "rule":
        report.add(WEGGELATEN, block.place, f"scheidingslijn '{block.lines[0]}'")
        return True
    return block.kind == "break"


def _title(blocks: list[Block], position: int, memo: Memo) -> int:
    """Read "# nota" (or "# beslisnota") and the title under it, or a title heading; return where sections start."""
    if position >= len(blocks):
        return position
    block = blocks[position]
    word = _plain(block.text).lower()
    opened = _section_heading(block, None)
    if word not in TITLE_WORDS and opened and (opened.number or opened.title.lower() in KNOWN_SECTIONS):
        return position
    if word in SOORTEN:
        memo.fields["soort"] = (word, block.place)
    if word in TITLE_WORDS:
        position += 1
        title: list[Block] = []
        while (position < len(blocks) and blocks[position].kind == "para"
               and not header_fields(blocks[position], strict=True)
               and not _section_heading(blocks[position], None)):
            title.append(blocks[position])
            position += 1
        if title:
            memo.fields["titel"] = (" ".join(_plain(part.text) for part in title), title[0].place)
        return position
    memo.fields["titel"] = (_plain(block.text), block.place)
    return position + 1


def _section_heading(block: Block, current: Section | None) -> Section | None:
    """The section a heading (or a bold paragraph such as "**4. Toelichting**") opens, or None."""
    if block.kind == "para" and block.text.startswith("**") and block.text.endswith("**"):
        numbered = NUMBERED.match(_plain(block.text))
        if not (numbered and numbered.group(2).lower().strip(" :") in KNOWN_SECTIONS):
            return None
    elif block.kind != "heading":
        return None
    text = _plain(block.text)
    numbered = NUMBERED.match(text)
    if numbered:
        return Section(numbered.group(1), numbered.group(2), numbered.group(1).count(".") + 1, block.place)
    if text.lower().strip(" :") in KNOWN_SECTIONS or current is None:
        return Section("", text, 1, block.place)
    return Section("", text, current.depth + 1, block.place)


def _markdown(block: Block) -> str:
    """A block of a section as Markdown, as it stands in the memo."""
    if block.kind == "item":
        return "\n".join(line.rstrip() for line in block.raw)
    return "\n".join(line.strip() + ("  " if line.endswith("  ") else "") for line in block.raw).rstrip()


def _plain(text: str) -> str:
    """Text without bold markers around it."""
    return " ".join(text.replace("**", "").split())


def _excerpt(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[:length].rstrip() + "..."
