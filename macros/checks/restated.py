"""Public texts that repeat what is withheld: the id of a withheld record (an error: ids are words), or the text of
a withheld kernpunt (or the title of a withheld bron) without being tied to it (a warning: only a person can judge
a restatement).

A restatement is found by comparing words (lower case, without Markdown or punctuation) with difflib, only against
the withheld kernpunten, which are few; an index of their pairs of words picks the candidates, so the check stays
linear.
"""

from __future__ import annotations

import difflib
import html
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from macros.checks.woo_checks import MARKABLE, describe, is_withheld, withheld_ids
from macros.content.index import Index, with_article
from macros.content.yamlsource import YamlDocument
from macros.model.errors import Finding
from macros.model.schema import (
    Bevinding,
    Bron,
    Conclusie,
    Controle,
    Gebeurtenis,
    Instrument,
    Kernpunt,
    Nota,
    Uitdaging,
    Uitdagingsgroep,
    Verkenningspunt,
)

# The fields of each kind of record that the public build shows as text.
TEXT_FIELDS = {Kernpunt: ("tekst", "opmerking"), Bevinding: ("tekst", "opmerking"), Conclusie: ("tekst",),
               Verkenningspunt: ("tekst",), Uitdaging: ("tekst",), Uitdagingsgroep: ("kop", "inleiding"),
               Instrument: ("reden",), Controle: ("feit", "gelezen_op"), Gebeurtenis: ("titel", "beschrijving"),
               Bron: ("titel", "titel_origineel", "korte_naam", "beschrijving", "opmerking"), Nota: ("titel",)}
WORD = re.compile(r"[^\W_]+")
HYPHENATED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
# A text restates a withheld kernpunt when runs of at least two shared words (in order) cover SHARE of the shorter
# of the two and at least MIN_WORDS words (all of a shorter text). On the real data every finding and exploration
# point tied to its kernpunt scores 0.62 or more with 6 words or more; untied texts share 5 words at most.
SHARE = 0.6
MIN_WORDS = 6
FEWEST = 4  # a withheld kernpunt of fewer words ("Uitdagingen:") is a heading, not something to restate


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
    for name in ("kernpunten", "bevindingen", "conclusies", "instrumenten", "uitdagingsgroepen", "uitdagingen",
                 "maatregelen", "gebeurtenissen", "bronnen", "verantwoording"):
        items = getattr(model, name, None)
        if isinstance(items, list):
            for number, item in enumerate(items):
                if isinstance(item, BaseModel):
                    yield from _records(item, (*location, name, number))


def _withheld_ids_in(texts: list[Text], index: Index) -> Iterator[Finding]:
    withheld = {record_id: kind for kind, record_id in withheld_ids(index) if "-" in record_id}
    for text in texts:
        for token in dict.fromkeys(HYPHENATED.findall(html.unescape(text.value))):  # `&#45;` reads as a hyphen
            if token in withheld:
                hint = ("haal de id weg, of markeer ook deze tekst niet openbaar"
                        if isinstance(text.record, MARKABLE) else "haal de id weg")
                yield text.document.finding(text.location, f"de id '{token}' staat in de tekst van "
                                            f"{describe(text.record)}, maar {with_article(withheld[token])} is niet "
                                            "openbaar", hint, "verwijzing-niet-openbaar")


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _restatements(texts: list[Text], index: Index) -> Iterator[Finding]:
    """Public texts that restate a withheld kernpunt's text, or name a withheld bron's title."""
    withheld = [(kernpunt, words) for kernpunt in index.kernpunten() if kernpunt.niet_openbaar
                and len(words := _words(kernpunt.tekst)) >= FEWEST]
    withheld += [(bron, words) for bron in index.records["bron"].values() if bron.niet_openbaar
                 and len(words := _words(bron.titel)) >= FEWEST]
    pairs = [_pairs(words) for _, words in withheld]
    holders = defaultdict(list)  # the withheld texts each pair of words occurs in: they pick the candidates
    for number, withheld_pairs in enumerate(pairs):
        for pair in withheld_pairs:
            holders[pair].append(number)
    matchers = [difflib.SequenceMatcher(None, b=words, autojunk=False) for _, words in withheld]
    reported = set()  # one warning per record and withheld text, whichever of its fields repeats it
    for text in texts:
        words = _words(text.value)
        text_pairs = _pairs(words)
        shared = Counter(number for pair in text_pairs for number in holders.get(pair, ()))
        for number, count in shared.items():
            record, withheld_words = withheld[number]
            need = _needed(len(withheld_words), len(words))
            # A shared run of k words holds k - 1 shared pairs, and each of its words stands in one: two bounds
            # that rule most candidates out before difflib aligns the words.
            if ((id(text.record), number) in reported or count < need / 2 or _covered(words, pairs[number]) < need
                    or _covered(withheld_words, text_pairs) < need):
                continue
            matchers[number].set_seq1(words)
            if sum(block.size for block in matchers[number].get_matching_blocks() if block.size >= 2) >= need:
                reported.add((id(text.record), number))
                yield _restatement(text, record, index)


def _pairs(words: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(words))


def _covered(words: list[str], pairs: set[tuple[str, str]]) -> int:
    """How many of `words` stand in a pair of consecutive words that is in `pairs`."""
    inside = [pair in pairs for pair in itertools.pairwise(words)]
    return sum(before or after for before, after in zip([False, *inside], [*inside, False], strict=True))


def _needed(length: int, other_length: int) -> float:
    """The shared words that make a restatement, for texts of these lengths."""
    shorter = min(length, other_length)
    return max(min(MIN_WORDS, shorter), SHARE * shorter)


def _restatement(text: Text, withheld: Kernpunt | Bron, index: Index) -> Finding:
    kind = "kernpunt" if isinstance(withheld, Kernpunt) else "bron"
    place = index.finding(kind, withheld.id, "id", "", "", "")
    grond, record = withheld.niet_openbaar, text.record
    it = "het" if isinstance(record, Kernpunt) else "haar"
    if kind == "bron":
        message = f"noemt de titel van de bron '{withheld.id}' ({place.path}:{place.line}), die niet openbaar is"
        hint = (f"noem de bron niet, of markeer {it} met 'niet_openbaar: {grond}'"
                if isinstance(record, MARKABLE) else "noem de bron niet")
    else:
        message = f"herhaalt het kernpunt '{withheld.id}' ({place.path}:{place.line}), dat niet openbaar is"
        if isinstance(record, Bevinding | Verkenningspunt | Uitdagingsgroep):
            hint = (f"koppel haar met 'kernpunt: {withheld.id}', markeer haar met 'niet_openbaar: {grond}', "
                    "of herschrijf haar")
        elif isinstance(record, Kernpunt | Bron):
            hint = f"markeer {it} met 'niet_openbaar: {grond}', of herschrijf {it}"
        else:
            hint = "herschrijf de tekst, of maak het kernpunt openbaar"
    return text.document.finding(text.location, f"{describe(record)} {message}", hint, "herhaalt-niet-openbaar")
