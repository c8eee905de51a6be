"""The memo's header block: its fields (referentie, datum, t.a.v., directoraat-generaal, bureau) in the forms
memos use, and the letterhead and address block around them."""

from __future__ import annotations

import re

from macros.memo.blocks import Block

TAV = re.compile(r"^(?:\*\*)?t\.\s?a\.\s?v\.?(?:\*\*)?\s*:?\s*(.+)$", re.IGNORECASE)
TAV_COLON = re.compile(r"^t\.\s?a\.\s?v\.?\s*:", re.IGNORECASE)
BOLD_LABEL = re.compile(r"^\*\*(.+?):?\*\*\s*:?\s*(.*)$")
LABELS = {"datum": "datum", "onze referentie": "referentie", "referentie": "referentie", "ons kenmerk": "referentie",
          "kenmerk": "referentie", "aan": "geadresseerde", "t.a.v.": "geadresseerde"}
PLAIN_LABEL = re.compile(r"^(" + "|".join(re.escape(label) for label in sorted(LABELS, key=len, reverse=True))
                         + r")\s*:?\s+(.+)$", re.IGNORECASE)
# A line "Datum: 2 maart 2026" (several of them may stand in one paragraph).
COLON_FIELD = re.compile(r"^(?:\*\*)?(" + "|".join(re.escape(label) for label in LABELS) + r")(?:\*\*)?\s*:",
                         re.IGNORECASE)
DG = re.compile(r"^(?:Directoraat-Generaal|DG)\s+\S", re.IGNORECASE)
UNIT = re.compile(r"^(?:Bureau|Directie|Afdeling)\s+\S", re.IGNORECASE)
# An address block's lines: a postcode and place, a Postbus, a web or mail address, a telephone number.
ADDRESS = re.compile(r"^\d{4}\s?[A-Z]{2}\s+[A-Z]|^Postbus\s+\d|^\[?(?:www\.|https?://)|^(?:T|Tel|Telefoon|E|E-mail)\b\s*:?\s*"
                     r"[\d+(]|^\S+@\S+\.\w+$")
LETTERHEAD = re.compile(r"^(?:Ministerie van|Rijksoverheid\b|!\[)", re.IGNORECASE)


def header_fields(block: Block, in_header: bool = False, strict: bool = False) -> dict[str, str]:
    """The header fields a paragraph holds, by field name (empty if it holds none); `in_header` also takes a short
    line naming a bureau on its own ("Bureau Terugkeer"). `strict` (the memo's body, where a header can only be the
    repeated page header): only a field in a header's form, its label bold or followed by a colon and its value
    a value, so "Aan de Kamer is toegezegd ..." or "Datum van inwerkingtreding ..." is text, not a field."""
    if block.kind != "para":
        return {}
    if len(block.lines) > 1 and all(COLON_FIELD.match(line.strip()) or TAV.match(line.strip()) for line in block.lines):
        found = [header_fields(Block("para", block.place, [line]), in_header, strict) for line in block.lines]
        return {} if strict and not all(found) else {name: value for part in found for name, value in part.items()}
    fields = _fields(block.text, in_header)
    if strict and not (_strict_form(block.text) and not _plain(block.text).endswith(".")
                       and all(_is_value(name, value) for name, value in fields.items())):
        return {}
    return fields


def _strict_form(text: str) -> bool:
    """A label in bold or followed by a colon ("**Datum** 2 maart 2026", "Datum: 2 maart 2026", "**DG Migratie**")."""
    return text.startswith("**") or bool(COLON_FIELD.match(text) or TAV_COLON.match(text))


def _is_value(name: str, value: str) -> bool:
    """Whether `value` reads as a header's value of field `name`, not as the rest of a sentence."""
    from macros.memo.dutch_dates import parse_dutch_date
    if name == "datum":
        return parse_dutch_date(value) is not None
    if name == "referentie":
        return bool(re.fullmatch(r"[\w./-]*\d[\w./-]*", value))
    return len(value.split()) <= 10 and not value.rstrip().endswith((".", ";", ",", "?", "!"))


def _fields(text: str, in_header: bool) -> dict[str, str]:
    if in_header and UNIT.match(text) and len(text.split()) <= 6 and not text.endswith("."):
        return {"bureau": _plain(text)}
    tav = TAV.match(text)
    if tav:
        return {"geadresseerde": _plain(tav.group(1))}
    bold = BOLD_LABEL.match(text)
    label, value = (bold.group(1).strip(), bold.group(2).strip()) if bold else ("", "")
    if not bold:
        plain = PLAIN_LABEL.match(text)
        if not plain:
            return {}
        label, value = plain.group(1), plain.group(2).strip()
    field = LABELS.get(" ".join(label.lower().split()))
    if field and value:
        return {field: _plain(value)}
    if DG.match(label):
        return {"directoraat_generaal": label} | ({"bureau": _plain(value)} if UNIT.match(value) else {})
    if UNIT.match(label) and not value:
        return {"bureau": label}
    return {}


def is_label(block: Block) -> bool:
    """Whether a paragraph is only a field's label ("Datum", "**Onze referentie**"): its value follows apart."""
    return block.kind == "para" and " ".join(_plain(block.text).lower().rstrip(":").split()) in LABELS


def is_address(block: Block) -> bool:
    """Whether a paragraph is the address block (street, postcode, Postbus, web address)."""
    return block.kind == "para" and any(ADDRESS.match(line.strip()) for line in block.lines)


def is_letterhead(block: Block) -> bool:
    return block.kind == "para" and bool(LETTERHEAD.match(block.text))


def _plain(value: str) -> str:
    return " ".join(value.replace("**", "").split())
