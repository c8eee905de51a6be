"""Woo (Open Government Act): which content is not public, on which ground, and the redacted public content.

Both builds read the same data. Each note's grounds are made explicit once (a sub-point inherits its kernpunt's
ground; personal data take PERSOONSGEGEVENS unless the note names another ground). The public build then blanks
every withheld value *before* anything is rendered, so no template, export, index or search entry can show it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from macros.content.loading import Content, Loaded
from macros.model.schema import PERSONAL_FIELDS, PERSOONSGEGEVENS, Kernpunt, Nota, VeldenNietOpenbaar

LEADING_TITLE = re.compile(r"\A\s*(# [^\n]*\n)")


def with_grounds(content: Content) -> Content:
    """The content with every note's grounds explicit: inherited by sub-points, defaulted for personal data (once
    per state of a note's file)."""
    files = tuple(item.once(_file_with_grounds) if isinstance(item.model, Nota) else item for item in content.files)
    if all(new.model is old.model for new, old in zip(files, content.files, strict=True)):
        return content
    return replace(content, files=files, notas=tuple(item.model for item in files if isinstance(item.model, Nota)))


def _file_with_grounds(item: Loaded) -> Loaded:
    grounded = _nota_with_grounds(item.model)
    return item if grounded is item.model else Loaded(item.document, grounded)


def redacted(content: Content) -> Content:
    """The public content: every withheld value removed, its ground kept (call after `with_grounds`)."""
    return _map_notas(content, _redact_nota)


def _map_notas(content: Content, change) -> Content:
    files = tuple(Loaded(item.document, change(item.model)) if isinstance(item.model, Nota) else item
                  for item in content.files)
    if all(new.model is old.model for new, old in zip(files, content.files, strict=True)):
        return content
    return replace(content, files=files, notas=tuple(item.model for item in files if isinstance(item.model, Nota)))


def _nota_with_grounds(nota: Nota) -> Nota:
    defaults = {field: PERSOONSGEGEVENS for field in PERSONAL_FIELDS
                if getattr(nota, field) and getattr(nota.niet_openbaar, field) is None}
    kernpunten = [_kernpunt_with_grounds(kernpunt, None) for kernpunt in nota.kernpunten]
    if not defaults and all(new is old for new, old in zip(kernpunten, nota.kernpunten, strict=True)):
        return nota
    return nota.model_copy(update={"niet_openbaar": nota.niet_openbaar.model_copy(update=defaults),
                                   "kernpunten": kernpunten})


def _kernpunt_with_grounds(kernpunt: Kernpunt, inherited: str | None) -> Kernpunt:
    grond = kernpunt.niet_openbaar or inherited
    children = [_kernpunt_with_grounds(child, grond) for child in kernpunt.kernpunten]
    if grond == kernpunt.niet_openbaar and all(new is old for new, old in zip(children, kernpunt.kernpunten,
                                                                                strict=True)):
        return kernpunt
    return kernpunt.model_copy(update={"niet_openbaar": grond, "kernpunten": children})


def _redact_nota(nota: Nota) -> Nota:
    withheld = {field: "" for field in VeldenNietOpenbaar.model_fields if getattr(nota.niet_openbaar, field)}
    # Personal data are internal whatever the note says; an empty field keeps no ground (nothing was withheld).
    withheld |= {field: "" for field in PERSONAL_FIELDS}
    grounds = {field: getattr(nota.niet_openbaar, field) if getattr(nota, field) else None
               for field in VeldenNietOpenbaar.model_fields}
    return nota.model_copy(update={**withheld, "niet_openbaar": VeldenNietOpenbaar(**grounds),
                                   "kernpunten": [_redact_kernpunt(kernpunt) for kernpunt in nota.kernpunten]})


def _redact_kernpunt(kernpunt: Kernpunt) -> Kernpunt:
    children = [_redact_kernpunt(child) for child in kernpunt.kernpunten]
    if kernpunt.niet_openbaar is None:
        return kernpunt.model_copy(update={"kernpunten": children})
    return kernpunt.model_copy(update={"tekst": "", "bronnen": [], "onderwerpen": [], "opmerking": "",
                                       "kernpunten": children})


def public_part(markdown: str, meta: dict, openbaar: bool) -> str:
    """In the public build, a page marked `openbaar: false` keeps only its leading title: its body is dropped
    before Jinja renders the page, so it is gone even if the page's macros were not rendered."""
    if not openbaar or meta.get("openbaar") is not False:
        return markdown
    title = LEADING_TITLE.match(markdown)
    return title.group(1) if title else ""


def withheld_page(markdown: str, meta: dict, passage: Callable[..., str]) -> str:
    """A rendered page marked `openbaar: false` as one withheld passage (`passage`: the macro niet_openbaar, given
    the ground and the body); its leading title stays outside (and public)."""
    if meta.get("openbaar") is not False:
        return markdown
    markdown = markdown if markdown.endswith("\n") else markdown + "\n"  # Jinja drops the page's last line end
    title = LEADING_TITLE.match(markdown)
    heading, body = (title.group(1), markdown[title.end():]) if title else ("", markdown)
    marked = passage(str(meta.get("weigeringsgrond", "")), caller=lambda: "\n" + body + "\n")
    return f"{heading}\n{marked}"
