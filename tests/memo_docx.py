"""Memos in the house style as Word files, made with python-docx: a header table, "nota" and the title, numbered
headings, nested bullets, a page break and the header repeated on the second page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

BULLETS = ("List Bullet", "List Bullet 2", "List Bullet 3")


@dataclass
class WordMemo:
    """What goes into the memo: header rows (label, value), the addressee, title, sections and kernpunten."""

    header: list[tuple[str, str]]
    tav: str
    soort_word: str
    title: str
    sections: list[tuple[str, int, list[str]]]  # (heading, heading level, paragraphs); "KERNPUNTEN" marks the list
    kernpunten: list[tuple[str, list]] = field(default_factory=list)  # (text, sub-points), Markdown bold allowed
    page_break_before: str = ""  # the heading before which the page breaks and the header repeats
    in_page_header: bool = False  # the header table in Word's page header, each label in a row of its own


def write_memo(memo: WordMemo, path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(f"t.a.v. {memo.tav}")
    if memo.in_page_header:
        header = document.sections[0].header
        header.is_linked_to_previous = False
        table = header.add_table(rows=0, cols=1, width=document.sections[0].page_width // 3)
        for label, value in memo.header:
            table.add_row().cells[0].paragraphs[0].add_run(label).bold = True
            table.add_row().cells[0].paragraphs[0].add_run(value)
    else:
        _header(document, memo.header)
    document.add_paragraph("Turfmarkt 147\n2511 DP Den Haag\nPostbus 20011")
    document.add_paragraph(memo.soort_word, style="Title")
    document.add_paragraph(memo.title)
    for heading, level, paragraphs in memo.sections:
        if heading == memo.page_break_before:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            if not memo.in_page_header:
                _header(document, memo.header)
        document.add_heading(heading, level)
        for text in paragraphs:
            if text == "KERNPUNTEN":
                _bullets(document, memo.kernpunten, 0)
            elif text.startswith("LINK "):  # "LINK <url> <text>": a paragraph holding one hyperlink
                _, url, label = text.split(" ", 2)
                add_hyperlink(document.add_paragraph("Zie "), url, label)
            else:
                document.add_paragraph(text)
    document.save(str(path))
    return path


def _header(document, rows: list[tuple[str, str]]) -> None:
    table = document.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)


def _bullets(document, points: list[tuple[str, list]], level: int) -> None:
    for text, children in points:
        paragraph = document.add_paragraph(style=BULLETS[level])
        for number, part in enumerate(text.split("**")):
            if part:
                paragraph.add_run(part).bold = number % 2 == 1
        _bullets(document, children, level + 1)


def add_hyperlink(paragraph, url: str, text: str) -> None:
    """A hyperlink to `url` reading `text` at the end of `paragraph` (python-docx has no call for it)."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    label = OxmlElement("w:t")
    label.text = text
    run.append(label)
    link.append(run)
    paragraph._p.append(link)
