"""A Word memo (.docx, read with python-docx) as Markdown lines: headings, lists, bold and italic, tables, page
breaks (a form feed line), each line with the number of the paragraph it came from."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from lxml import etree

from macros.memo.problems import MemoError
from macros.memo.reading import MAX_WORD_BYTES
from macros.memo.safetext import unsafe_target

PAGE_BREAK = "\f"
HEADING_STYLE = re.compile(r"^(?:Heading|Kop)\s*(\d)$", re.IGNORECASE)
LIST_STYLE = re.compile(r"^List (?:Bullet|Number|Paragraph|Continue)(?:\s*(\d))?$", re.IGNORECASE)
DAMAGED = "het Word-bestand is beschadigd en kan niet worden gelezen: open het in Word en sla het opnieuw op als .docx"


def docx_lines(path: Path, display: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """The memo's body as Markdown lines, per line its paragraph number, and the link targets dropped (paragraph
    number, target): a javascript:, data: or vbscript: link keeps only its text."""
    dropped: list[tuple[int, str]] = []
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise MemoError(display, DAMAGED) from None
    if unpacked > MAX_WORD_BYTES:
        raise MemoError(display, f"het Word-bestand pakt uit tot {unpacked / 2**20:.0f} MB, meer dan de grens van "
                                 f"{MAX_WORD_BYTES // 2**20} MB: haal grote afbeeldingen en bijlagen uit de memo "
                                 "(of comprimeer ze in Word) en sla haar opnieuw op")
    try:
        document = docx.Document(str(path))
        blocks = list(_blocks(document))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, OSError):
        raise MemoError(display, DAMAGED) from None
    lines: list[str] = []
    places: list[int] = []
    for number, block in enumerate(blocks, start=1):
        for line in block:
            if isinstance(line, tuple):
                dropped.append((number, line[1]))
                continue
            lines.append(line)
            places.append(number)
    return lines, places, dropped


def _blocks(document):
    """Per paragraph its lines, a blank line after each: the first page's header (where Word templates may keep
    the header fields), then the body, in order, table cells included."""
    section = document.sections[0] if document.sections else None
    if section is not None:
        header = section.first_page_header if section.different_first_page_header_footer else section.header
        if not header.is_linked_to_previous:
            yield from _story(header._element, header)
    yield from _story(document.element.body, document)


def _story(container, parent):
    for element in container.iterchildren():
        tag = etree.QName(element).localname
        if tag == "p":
            yield _paragraph(Paragraph(element, parent))
        elif tag == "tbl":
            for row in Table(element, parent).rows:
                seen: set[int] = set()
                cells = [cell for cell in row.cells if not (id(cell._tc) in seen or seen.add(id(cell._tc)))]
                paragraphs = [paragraph for cell in cells for paragraph in cell.paragraphs]
                for number, paragraph in enumerate(paragraphs, start=1):
                    lines = [line for line in _paragraph(paragraph) if line]
                    yield [*lines, ""] if number == len(paragraphs) else lines


def _paragraph(paragraph: Paragraph) -> list[str]:
    """A paragraph's lines: a heading, a list item indented by its level, or text (line breaks kept as hard breaks);
    a blank line after it, and a form feed line where the page breaks before or after it."""
    lines: list = [PAGE_BREAK] if paragraph.paragraph_format.page_break_before else []
    dropped: list[str] = []
    text = _inline(paragraph, dropped)
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = HEADING_STYLE.match(style)
    level = _list_level(paragraph, style)
    parts = [part.rstrip() for part in text.split("\n")]
    joined = " ".join(part for part in parts if part)
    if heading and text.strip():
        lines += [f"{'#' * int(heading.group(1))} {joined}", ""]
    elif style == "Title" and text.strip():
        lines += [f"# {joined}", ""]
    elif level is not None and text.strip():
        indent = "  " * level
        lines += [f"{indent}- {parts[0]}"] + [f"{indent}  {part}" for part in parts[1:] if part] + [""]
    elif text.strip():
        lines += [f"{part}  " for part in parts[:-1]] + [parts[-1], ""]
    if paragraph._p.xpath(".//w:br[@w:type='page']"):
        lines.append(PAGE_BREAK)
    return lines + [("dropped", target) for target in dropped]


def _list_level(paragraph: Paragraph, style: str) -> int | None:
    """The list level of a paragraph (0 at the top), from its numbering or its list style; None if not a list."""
    levels = paragraph._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
    if levels:
        return int(levels[0])
    if paragraph._p.xpath("./w:pPr/w:numPr"):
        return 0
    match = LIST_STYLE.match(style)
    if match:
        return int(match.group(1) or 1) - 1
    return None


def _inline(paragraph: Paragraph, dropped: list[str]) -> str:
    """The paragraph's text with bold and italic as Markdown, links as [text](url), line breaks as newlines; a link
    to a script or data target as its text only (its target added to `dropped`)."""
    pieces: list[tuple[str, bool, bool]] = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            url = item.url
            if url and unsafe_target(url):
                dropped.append(url)
                url = ""
            pieces.append((f"[{item.text}]({_link_target(url)})" if url else item.text, False, False))
        else:
            pieces.append((item.text.replace("\t", " "), bool(item.bold), bool(item.italic)))
    merged: list[list] = []
    for text, bold, italic in pieces:
        if merged and merged[-1][1:] == [bold, italic]:
            merged[-1][0] += text
        else:
            merged.append([text, bold, italic])
    return "".join(_marked(text, bold, italic) for text, bold, italic in merged)


def _marked(text: str, bold: bool, italic: bool) -> str:
    """`text` with emphasis markers inside its surrounding spaces (Markdown does not allow `** x**`)."""
    core = text.strip()
    if not core or not (bold or italic):
        return text
    marker = ("**" if bold else "") + ("*" if italic else "")
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    closing = ("*" if italic else "") + ("**" if bold else "")
    return f"{lead}{marker}{core}{closing}{trail}"


def _link_target(url: str) -> str:
    """A link target Markdown reads whole: spaces, parentheses and angle brackets percent-encoded."""
    return "".join(f"%{ord(character):02X}" if character in " ()<>" else character for character in url)
