"""Public texts that repeat what is withheld: the id of a withheld record (an error: ids are words), or the text of
a withheld kernpunt without being tied to it (a warning: only a person can judge a restatement).

A restatement is found by comparing words (lower case, without Markdown or punctuation) with difflib, only against
the withheld kernpunten, which are few; an index of their words picks the candidates, so the check stays linear.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from macros.errors import Finding
from macros.schema import Bevinding, Bron, Conclusie, Gebeurtenis, Kernpunt, Nota, Verkenningspunt
from macros.woo_checks import describe, is_withheld, withheld_ids
from macros.xref import Index, with_article
from macros.yamlsource import YamlDocument

# The fields of each kind of record that the public build shows as text.
TEXT_FIELDS = {Kernpunt: ("tekst", "opmerking"), Bevinding: ("tekst",), Conclusie: ("tekst",),
               Verkenningspunt: ("tekst",), Gebeurtenis: ("titel", "beschrijving"),
               Bron: ("titel", "titel_origineel", "korte_naam", "beschrijving", "opmerking"), Nota: ("titel",)}
WORD = re.compile(r"[^\W_]+")
HYPHENATED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
# A text restates a withheld kernpunt when runs of at least two shared words (in order) cover SHARE of the shorter
# of the two and at least MIN_WORDS words (all of a shorter text). On the real data every finding and exploration
# point tied to its kernpunt scores 0.62 or more with 6 words or more; untied texts share 5 words at most.
SHARE = 0.6
MIN_WORDS = 6
FEWEST = 4  # a withheld kernpunt of fewer words ("Uitdagingen:") is a heading, not something to restate
SIGNIFICANT = 4  # words this long pick the candidates; shorter ones ("de", "het", "van") are everywhere


@dataclass(frozen=True)
class Text:
    """One text field of a public record, where it stands."""

    record: BaseModel
    document: YamlDocument
    location: tuple
    value: str


def restated_findings(index: Index) -> list[Finding]:
    """Errors for withheld ids in public texts, warnings for public texts that restate a withheld kernpunt."""
    texts = list(_public_texts(index))
    return [*_withheld_ids_in(texts, index), *_restatements(texts, index)]


def _public_texts(index: Index) -> Iterator[Text]:
    for loaded in index.content.files:
        for record, location in _records(loaded.model):
            if is_withheld(record):
                continue
            for field in TEXT_FIELDS[type(record)]:
                value = getattr(record, field)
                if value:
                    yield Text(record, loaded.document, (*location, field), value)


def _records(model: BaseModel, location: tuple = ()) -> Iterator[tuple[BaseModel, tuple]]:
    """Every record with text fields in a data file's model, with its location, sub-points included."""
    if type(model) in TEXT_FIELDS:
        yield model, location
    for name in ("kernpunten", "bevindingen", "conclusies", "uitdagingen", "maatregelen", "gebeurtenissen",
                 "bronnen"):
        items = getattr(model, name, None)
        if isinstance(items, list):
            for number, item in enumerate(items):
                if isinstance(item, BaseModel):
                    yield from _records(item, (*location, name, number))


def _withheld_ids_in(texts: list[Text], index: Index) -> Iterator[Finding]:
    withheld = {record_id: kind for kind, record_id in withheld_ids(index) if "-" in record_id}
    for text in texts:
        for token in dict.fromkeys(HYPHENATED.findall(text.value)):
            if token in withheld:
                hint = ("haal de id weg, of markeer ook deze tekst niet openbaar"
                        if isinstance(text.record, Kernpunt | Bron | Bevinding | Verkenningspunt) else "haal de id weg")
                yield text.document.finding(text.location, f"de id '{token}' staat in de tekst van "
                                            f"{describe(text.record)}, maar {with_article(withheld[token])} is niet "
                                            "openbaar", hint, "verwijzing-niet-openbaar")


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _restatements(texts: list[Text], index: Index) -> Iterator[Finding]:
    withheld = [kernpunt for kernpunt in index.kernpunten() if kernpunt.niet_openbaar and len(_words(kernpunt.tekst))
                >= FEWEST]
    if not withheld:
        return
    words = [_words(kernpunt.tekst) for kernpunt in withheld]
    holders = defaultdict(list)
    for number, kernpunt_words in enumerate(words):
        for word in {word for word in kernpunt_words if len(word) >= SIGNIFICANT}:
            holders[word].append(number)
    reported = set()
    for text in texts:
        text_words = _words(text.value)
        shared = Counter(number for word in {word for word in text_words if len(word) >= SIGNIFICANT}
                         for number in holders.get(word, ()))
        for number, count in shared.items():
            key = (id(text.record), number)
            if key in reported or count < min(3, len({w for w in words[number] if len(w) >= SIGNIFICANT})):
                continue
            if _restates(words[number], text_words):
                reported.add(key)
                yield _restatement(text, withheld[number], index)


def _restates(withheld_words: list[str], words: list[str]) -> bool:
    matcher = difflib.SequenceMatcher(None, withheld_words, words, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks() if block.size >= 2)
    shorter = min(len(withheld_words), len(words))
    return shared >= min(MIN_WORDS, shorter) and shared >= SHARE * shorter


def _restatement(text: Text, kernpunt: Kernpunt, index: Index) -> Finding:
    place = index.finding("kernpunt", kernpunt.id, "id", "", "", "")
    grond = kernpunt.niet_openbaar
    record = text.record
    if isinstance(record, Bevinding | Verkenningspunt):
        hint = (f"koppel haar met 'kernpunt: {kernpunt.id}', markeer haar met 'niet_openbaar: {grond}', "
                "of herschrijf haar")
    elif isinstance(record, Kernpunt):
        hint = f"markeer het met 'niet_openbaar: {grond}', of herschrijf het"
    elif isinstance(record, Bron):
        hint = f"markeer haar met 'niet_openbaar: {grond}', of herschrijf haar"
    else:
        hint = "herschrijf de tekst, of maak het kernpunt openbaar"
    return text.document.finding(text.location, f"{describe(record)} herhaalt het kernpunt '{kernpunt.id}' "
                                 f"({place.path}:{place.line}), dat niet openbaar is", hint, "herhaalt-niet-openbaar")
