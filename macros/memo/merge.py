"""Re-import: a newer version of a memo over its existing note. Text and structure come from the memo; ids,
bronnen, onderwerpen, markings and remarks stay with the kernpunt they belong to (matched by text), the editor's
fields of the note stay, and the page keeps every section the memo did not change."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from macros.memo.blocks import HEADING
from macros.memo.ids import new_kernpunten
from macros.memo.kernpunten import Punt
from macros.memo.problems import WIJZIGING, MemoError, Report
from macros.memo.structure import Section
from macros.memo.writing import note_page, note_yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KEPT = ("bronnen", "onderwerpen", "vervangt", "opmerking", "niet_openbaar", "erkend")
EDITORS = ("status", "onderwerpen", "aanleiding", "besluit", "vervangt", "trekt_in", "herzien_voor", "opmerking",
           "auteur", "contact", "niet_openbaar", "erkend")
SIMILAR = 0.75
NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+")


def merge_note(referentie: str, targets: tuple[Path, Path], values: dict[str, object], comments: dict[str, str],
               punten: list[Punt], sections: list[Section], found: dict[str, list[str]],
               report: Report) -> tuple[str, str]:
    """The updated data file and page of an existing note."""
    data_file, page_file = targets
    old = _old_data(data_file, report.source)
    values = dict(values)
    for name, value in list(values.items()):
        before = old.get(name, "")
        if value == "" and before != "":
            values[name] = before
            comments.pop(name, None)
            report.add(WIJZIGING, 0, f"{name}: niet in de memo, de waarde van de nota blijft ('{before}')")
        elif str(before) != str(value):
            report.add(WIJZIGING, 0, f"{name}: '{before}' wordt '{value}'")
    values |= {name: old[name] for name in EDITORS if name in old}
    olds = list(_flat(old.get("kernpunten") or []))
    kernpunt_comments: dict[str, dict[str, str]] = {}
    taken = {item["id"] for item in olds if isinstance(item.get("id"), str)}
    matched = _match(punten, olds)
    used = {id(item) for item in matched.values()}
    _fails_closed(data_file, old, values, olds, used, report.source)
    kernpunten = _merged(referentie, punten, matched, found, taken, kernpunt_comments, report)
    for item in olds:
        if id(item) not in used:
            report.add(WIJZIGING, 0, f"kernpunt {item.get('id')} staat niet meer in de memo en is verwijderd; was "
                                     "het al gepubliceerd, trek het dan in met 'trekt_in' in een nieuwe nota")
    page = _merged_page(page_file, referentie, sections, report)
    return note_yaml(referentie, values, comments, kernpunten, kernpunt_comments), page


def _fails_closed(data_file: Path, old: dict, values: dict[str, object], olds: list[dict], used: set[int],
                  display: str) -> None:
    """Refuse a re-import that would publish by losing a Woo marking, or that is probably another memo."""
    for item in olds:
        if id(item) not in used and item.get("niet_openbaar"):
            raise MemoError(display, f"kernpunt {item.get('id')} is niet openbaar (niet_openbaar: "
                                     f"{item['niet_openbaar']}) en staat niet meer in de memo: zet zijn tekst terug "
                                     f"in de memo, of haal eerst met de hand de markering of het kernpunt weg uit "
                                     f"{data_file.name}, en importeer opnieuw")
    before, after = _normal(old.get("titel")), _normal(values.get("titel"))
    if before and after and before != after and olds and 2 * len(used) < len(olds):
        raise MemoError(display, f"de titel is anders ('{after}', de nota: '{before}') en maar {len(used)} van de "
                                 f"{len(olds)} kernpunten komen overeen: dit lijkt een andere memo onder dezelfde "
                                 "referentie; controleer de referentie in de memo, of verwijder de nota eerst als zij "
                                 "echt vervangen moet worden")


def _old_data(data_file: Path, display: str) -> dict:
    try:
        old = yaml.load(data_file.read_text(encoding="utf-8"), Loader=Loader) if data_file.exists() else {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        old = None
    if not isinstance(old, dict):
        raise MemoError(display, f"de bestaande nota {data_file.name} kan niet worden gelezen: herstel haar eerst "
                                 "(make check zegt wat er mis is)")
    return old


def _flat(items: list) -> list[dict]:
    for item in items:
        if isinstance(item, dict):
            yield item
            yield from _flat(item.get("kernpunten") or [])


def _normal(text: object) -> str:
    return " ".join(str(text or "").split())


def _match(punten: list[Punt], olds: list[dict]) -> dict[int, dict]:
    """Per new kernpunt (by id()), the old one with the same text, else the most similar one left."""
    new = []
    pending = list(punten)
    while pending:
        punt = pending.pop(0)
        new.append(punt)
        pending[:0] = punt.kernpunten
    matched: dict[int, dict] = {}
    free = list(olds)
    for punt in new:
        same = next((item for item in free if _normal(item.get("tekst")) == _normal(punt.tekst)), None)
        if same is not None:
            matched[id(punt)] = same
            free.remove(same)
    for punt in new:
        if id(punt) in matched or not free:
            continue
        ratios = [difflib.SequenceMatcher(None, _normal(item.get("tekst")), _normal(punt.tekst)).ratio()
                  for item in free]
        best = max(range(len(free)), key=ratios.__getitem__)
        if ratios[best] >= SIMILAR:
            matched[id(punt)] = free.pop(best)
    return matched


def _merged(referentie: str, punten: list[Punt], matched: dict[int, dict], found: dict[str, list[str]],
            taken: set[str], comments: dict[str, dict[str, str]], report: Report) -> list[dict]:
    result = []
    for punt in punten:
        old = matched.get(id(punt))
        children = _merged(referentie, punt.kernpunten, matched, found, taken, comments, report)
        if old is None:
            item = new_kernpunten(referentie, [Punt(punt.tekst, punt.place)], found, taken, comments)[0]
            report.add(WIJZIGING, punt.place, f"nieuw kernpunt {item['id']}")
        else:
            item = {"id": old["id"], "tekst": punt.tekst} | {key: old[key] for key in KEPT if key in old}
            if _normal(old.get("tekst")) != _normal(punt.tekst):
                report.add(WIJZIGING, punt.place, f"kernpunt {old['id']}: de tekst is gewijzigd")
        item["kernpunten"] = children
        result.append(item)
    return result


def _sections_of(text: str) -> tuple[str, list[tuple[str, str, str]]]:
    """A page as its text before the first heading and its sections: (key, heading line, body); the key is the
    section's title and those of the sections it lies in, without numbers (a renumbered section is the same one),
    with a count for a title that repeats under the same parent."""
    preamble, sections = [], []
    path: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for line in text.splitlines():
        heading = HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            while path and path[-1][0] >= level:
                path.pop()
            path.append((level, _key(heading.group(2))))
            key = " / ".join(title for _, title in path)
            seen[key] = seen.get(key, 0) + 1
            sections.append([key if seen[key] == 1 else f"{key} ({seen[key]})", line, []])
        elif sections:
            sections[-1][2].append(line)
        else:
            preamble.append(line)
    return "\n".join(preamble).strip(), [(key, heading, "\n".join(body).strip()) for key, heading, body in sections]


def _key(heading: str) -> str:
    """A heading's title without emphasis, its number and case: '4. **Toelichting**' is 'toelichting'."""
    return NUMBER.sub("", " ".join(heading.replace("*", "").split())).lower()


def _merged_page(page_file: Path, referentie: str, sections: list[Section], report: Report) -> str:
    """The page: sections the memo changed are replaced, the others (and 'Kernpunten', with its macros and the
    editor's notes) kept as they are, and sections only the page has kept after the one they followed."""
    new_text = note_page(referentie, sections)
    if not page_file.exists():
        return new_text
    old_preamble, olds = _sections_of(page_file.read_text(encoding="utf-8"))
    _, news = _sections_of(new_text)
    old_by_key = {key: (heading, body) for key, heading, body in olds}
    parts = [old_preamble] if old_preamble else []
    new_keys = {key for key, _, _ in news}
    follows: dict[str, list[tuple[str, str]]] = {}
    previous = ""
    for key, heading, body in olds:
        if key not in new_keys:
            follows.setdefault(previous, []).append((heading, body))
            report.add(WIJZIGING, 0, f"sectie '{heading.lstrip('# ')}' staat niet in de memo; zij blijft staan")
        else:
            previous = key
    parts += [part for heading, body in follows.get("", []) for part in (heading, body) if part]
    for section, (key, heading, body) in zip(sections, news, strict=True):
        if key in old_by_key:
            old_heading, old_body = old_by_key[key]
            if section.is_kernpunten or _normal(old_body) == _normal(body):
                if _normal(old_heading) != _normal(heading):
                    report.add(WIJZIGING, section.place, f"sectie '{old_heading.lstrip('# ')}' heet nu "
                                                         f"'{heading.lstrip('# ')}'")
                    old_heading = heading
                heading, body = old_heading, old_body
            else:
                report.add(WIJZIGING, section.place, f"sectie '{heading.lstrip('# ')}': de tekst is bijgewerkt")
        else:
            report.add(WIJZIGING, section.place, f"nieuwe sectie '{heading.lstrip('# ')}'")
        parts += [part for part in (heading, body) if part]
        parts += [part for old_heading, old_body in follows.get(key, []) for part in (old_heading, old_body) if part]
    return "\n\n".join(parts) + "\n"
