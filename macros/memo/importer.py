"""`make import`: read a memo, refuse what is not one, and write the note's data file and page (a new note), or
update them keeping the editor's additions (a re-import)."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from macros.content.settings import NOTAS_FOLDER, Settings
from macros.memo.blocks import blocks_of
from macros.memo.dutch_dates import parse_dutch_date
from macros.memo.ids import new_kernpunten
from macros.memo.kernpunten import Punt
from macros.memo.merge import merge_note
from macros.memo.problems import AFGELEID, NIET_GEPLAATST, ONTBREEKT, WEGGELATEN, MemoError, Report
from macros.memo.reading import read_source
from macros.memo.safetext import field_text
from macros.memo.structure import KNOWN_SECTIONS, SOORTEN, Memo, parse_memo
from macros.memo.suggestions import check_dates, suggest
from macros.memo.writing import note_page, note_yaml
from macros.model.schema import REFERENTIE_PATTERN

HEADER = ("titel", "soort", "datum", "directoraat_generaal", "bureau", "geadresseerde")
LABEL = {"titel": "de titel (onder 'nota')", "soort": "de soort (beslisnota, informatienota of adviesnota)",
         "datum": "de datum ('Datum')", "directoraat_generaal": "het directoraat-generaal",
         "bureau": "het bureau", "geadresseerde": "de geadresseerde ('t.a.v.')"}
MISSING = "niet gevonden in de memo: vul in"


@dataclass(frozen=True)
class Imported:
    """The result of an import: the note's referentie, the files written (relative to the project), the report."""

    referentie: str
    files: tuple[str, str]
    report: Report
    updated: bool


def import_memo(settings: Settings, path: Path, display: str, again: bool = False) -> Imported:
    """Import the memo at `path`; `again` allows updating an existing note (a re-import). MemoError: nothing
    was written (a file that cannot be read or written is one too)."""
    try:
        return _import(settings, path, display, again)
    except OSError as error:
        name = error.filename or display
        raise MemoError(display, f"'{name}' kan niet worden gelezen of geschreven ({error.strerror or error}): "
                                 "controleer het bestand, de map, de rechten en de vrije schijfruimte") from None


def _import(settings: Settings, path: Path, display: str, again: bool) -> Imported:
    source = read_source(path, display)
    report = Report(display)
    for place, target in source.dropped:
        report.add(WEGGELATEN, place, f"link naar '{target[:40]}' (alleen de tekst blijft: zo'n link voert code "
                                      "uit of bevat een eigen inhoud)")
    memo = parse_memo(blocks_of(source), report, source.word)
    referentie = _referentie(memo, display)
    targets = (settings.data_dir / NOTAS_FOLDER / f"{referentie}.yaml",
               settings.docs_dir / settings.pages.source_of("nota", referentie))
    shown = tuple(target.relative_to(settings.project_dir).as_posix() for target in targets)
    for target, name in zip(targets, shown, strict=True):
        if target.is_symlink() or (target.exists() and not target.is_file()):
            what = "een symbolische link" if target.is_symlink() else "geen gewoon bestand (een map?)"
            raise MemoError(display, f"{name} is {what}: de import schrijft alleen een gewoon bestand; zet het "
                                     "eerst recht en importeer opnieuw")
    existing = [name for target, name in zip(targets, shown, strict=True) if target.exists()]
    if existing and not again:
        raise MemoError(display, f"nota {referentie} bestaat al ({', '.join(existing)}): werk haar bij met "
                                 f"make import BESTAND={display} OPNIEUW=1 (ids, bronnen, onderwerpen en "
                                 "markeringen blijven behouden)")
    values, comments = _header_values(memo, report)
    texts = _texts(memo)
    found = suggest(texts, settings.data_dir, report)
    check_dates(texts, values.get("datum") or None, report)
    punten = memo.kernpunten.roots if memo.kernpunten else []
    if not memo.kernpunten:
        report.add(ONTBREEKT, 0, "geen sectie 'Kernpunten': de nota krijgt geen kernpunten")
    if existing:
        data, page = merge_note(referentie, targets, values, comments, punten, memo.sections, found, report)
    else:
        data, page = _new_note(referentie, values, comments, punten, memo.sections, found)
    write_both(targets, (data, page))
    return Imported(referentie, shown, report, bool(existing))


def _referentie(memo: Memo, display: str) -> str:
    if "referentie" not in memo.fields:
        if "datum" not in memo.fields and not any(section.title.lower().strip(" :") in KNOWN_SECTIONS
                                                   for section in memo.sections):
            raise MemoError(display, "dit lijkt geen memo: er staat geen kop in (Datum, Onze referentie) en geen "
                                     "van de secties van een nota (Aanleiding, Kernpunten, ...)")
        raise MemoError(display, "de memo noemt geen referentie: zet 'Onze referentie' met het nummer in de kop "
                                 "van de memo en importeer opnieuw")
    referentie, place = memo.fields["referentie"]
    if not re.fullmatch(REFERENTIE_PATTERN, referentie):
        raise MemoError(display, f"'{referentie}' is geen geldige referentie (4 tot 10 cijfers, bijvoorbeeld "
                                 "6501580)", place)
    if "referentie" in memo.conflicts:
        other, line = memo.conflicts["referentie"]
        raise MemoError(display, f"de herhaalde paginakop noemt referentie '{other}', de kop '{referentie}' (regel "
                                 f"{place}): maak ze gelijk in de memo en importeer opnieuw", line)
    return referentie


def _header_values(memo: Memo, report: Report) -> tuple[dict[str, object], dict[str, str]]:
    """The header fields to write and, for each one the memo does not give, the comment on its line."""
    values: dict[str, object] = {"referentie": memo.fields["referentie"][0]}
    comments: dict[str, str] = {}
    fields = dict(memo.fields)
    if "soort" not in fields and "titel" in fields:
        first = fields["titel"][0].split(" ", 1)[0].lower()
        if first in SOORTEN:
            fields["soort"] = (first, fields["titel"][1])
            report.add(AFGELEID, fields["titel"][1], f"soort '{first}': het eerste woord van de titel")
    for name in HEADER:
        value, place = fields.get(name, ("", 0))
        if name in memo.conflicts:
            value = ""  # the repeated page header says otherwise (reported): the editor decides
        if field_text(value) != value:
            report.add(NIET_GEPLAATST, place, f"{LABEL[name]}: Jinja-tekens uit elkaar gezet ('{{ {{' in plaats van "
                                              "'{{'): gegevens kennen geen macro's")
            value = field_text(value)
        if name == "datum" and value:
            date = parse_dutch_date(value)
            if date is None:
                report.add(ONTBREEKT, place, f"de datum '{value}' is geen datum die de import kent; vul haar in "
                                             "als JJJJ-MM-DD")
                value = ""
            else:
                value = date
        if value == "":
            comments[name] = MISSING
            if place == 0:
                report.add(ONTBREEKT, 0, f"{LABEL[name]} staat niet in de memo")
        values[name] = value
    return values, comments


def _texts(memo: Memo) -> list[tuple[int, str, str]]:
    """Every text of the memo as (place, what it is, text), for the suggestions and the date checks."""
    texts = [(section.place, f"sectie '{section.title}'", "\n".join(section.body)) for section in memo.sections
             if section.body]
    pending = list(memo.kernpunten.roots if memo.kernpunten else [])
    while pending:
        punt = pending.pop(0)
        texts.append((punt.place, f"kernpunt van regel {punt.place}", punt.tekst))
        pending[:0] = punt.kernpunten
    return sorted(texts)


def onderwerp_suggestions(found: dict[str, list[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for items in found.values():
        seen.update({item.split(":", 1)[1]: None for item in items if item.startswith("onderwerp:")})
    return list(seen)


def _new_note(referentie: str, values: dict[str, object], comments: dict[str, str], punten: list[Punt],
              sections: list, found: dict[str, list[str]]) -> tuple[str, str]:
    kernpunt_comments: dict[str, dict[str, str]] = {}
    kernpunten = new_kernpunten(referentie, punten, found, set(), kernpunt_comments)
    onderwerpen = onderwerp_suggestions(found)
    values = values | {"onderwerpen": []}
    if onderwerpen:
        comments = comments | {"onderwerpen": f"voorstel (bevestig): {', '.join(onderwerpen)}"}
    return note_yaml(referentie, values, comments, kernpunten, kernpunt_comments), note_page(referentie, sections)


def write_both(targets: tuple[Path, Path], texts: tuple[str, str]) -> None:
    """Write both files or neither: each to a temporary file in its folder, then both moved into place with
    os.replace; if the second move fails, the first file is put back as it was. OSError after the undo."""
    temps: list[Path] = []
    done: list[tuple[Path, bytes | None]] = []
    mask = os.umask(0)
    os.umask(mask)
    try:
        for target, text in zip(targets, texts, strict=True):
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            temps.append(Path(name))
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.chmod(name, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~mask)
        olds = [target.read_bytes() if target.exists() else None for target in targets]
        for temp, target, old in zip(temps, targets, olds, strict=True):
            os.replace(temp, target)
            done.append((target, old))
    except OSError:
        for target, old in done:
            if old is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(old)
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise
