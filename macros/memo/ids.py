"""Kernpunt ids from the referentie and the kernpunt's first meaningful words: `6501580-kabinet-onderschrijft`."""

from __future__ import annotations

import re
import unicodedata

from macros.memo.kernpunten import Punt

WORDS = 3
_STOP = ("de het een en of van in op te ten ter voor met aan bij tot om door naar over uit als dat die dit deze is "
         "zijn wordt worden er ook niet geen nog wel al zo maar dan dus hun haar zij wij we ze ons onze heeft "
         "hebben kan kunnen zal zullen moet moeten wat wie waar hoe aanzien t a v")
STOP_WORDS = frozenset(_STOP.split())
LINK_TARGET = re.compile(r"\]\([^)]*\)")


def words_of(text: str) -> list[str]:
    """The words of a text in lower case, without diacritics, Markdown or link targets."""
    folded = unicodedata.normalize("NFKD", LINK_TARGET.sub("]", text)).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", folded)


def kernpunt_id(referentie: str, text: str, taken: set[str]) -> str:
    """A new id for a kernpunt: the referentie and up to three of its first words that are not stop words, with
    -2, -3, ... when that id is taken; the id is added to `taken`."""
    words = [word for word in words_of(text) if word not in STOP_WORDS and len(word) > 1][:WORDS]
    base = "-".join([referentie, *words]) if words else f"{referentie}-kernpunt"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def new_kernpunten(referentie: str, punten: list[Punt], found: dict[str, list[str]], taken: set[str],
                   comments: dict[str, dict[str, str]]) -> list[dict]:
    """The kernpunten as data, each with a new id and empty bronnen; the suggested bronnen as a comment."""
    result = []
    for punt in punten:
        identifier = kernpunt_id(referentie, punt.tekst, taken)
        bronnen = [item.split(":", 1)[1] for item in found.get(f"kernpunt van regel {punt.place}", [])
                   if item.startswith("bron:")]
        if bronnen:
            comments[identifier] = {"bronnen": f"voorstel (bevestig): {', '.join(bronnen)}"}
        result.append({"id": identifier, "tekst": punt.tekst, "bronnen": [],
                       "kernpunten": new_kernpunten(referentie, punt.kernpunten, found, taken, comments)})
    return result
