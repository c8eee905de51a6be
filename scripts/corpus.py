"""Write a complete, buildable copy of the site with N generated notes, to measure check and build time at scale.

    .venv/bin/python scripts/corpus.py --notes 1000 --out /tmp/beleid-corpus [--seed 1] [--force]

The copy holds the real configuration, partials, macros and pages, the real data and the real note 6501580,
plus N generated notes with their pages, bronnen and timeline events, in exactly the format of the real data
files. The output depends only on N and the seed.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import random
import re
import shutil
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

ROOT = Path(__file__).resolve().parents[1]
REAL_NOTE = "6501580"
COPIED_AS_IS = ("overrides", "macros", "docs")
REAL_DATA_FILES = ("onderwerpen.yaml", "modellen.yaml", "verkenning.yaml")
WIDTH = 100  # the real data files wrap long text at about this width
NOTE_DAYS = (dt.date(2019, 1, 1), dt.date(2026, 12, 31))
EVENT_DAYS = (dt.date(2018, 7, 1), dt.date(2026, 10, 31))
BRON_DAYS = (dt.date(2016, 1, 1), dt.date(2026, 10, 31))
NOTE_WORDS = (300, 800)  # a memo's title, page text and kernpunten together (the real note has about 600)
AANLEIDING_WINDOW = 30  # a note's aanleiding is among the events just before it
DECISION_DAYS = 120  # a beslisnota decides on a Kamerbrief sent at most this many days later
YAML_WORDS = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"})
PLAIN = re.compile(r"[A-Za-z0-9À-ÿ(][^:#\n]*(?<! )")  # text that YAML reads back unchanged without quotes
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")

# The vocabulary of the generated prose: singular subjects, verbs split where Dutch inverts them, objects.
ACTORS = ("het kabinet", "de minister", "de staatssecretaris", "Nederland", "de Europese Commissie", "de IND",
          "het COA", "de Dienst Terugkeer en Vertrek", "de Adviesraad Migratie", "het ministerie", "de Raad",
          "het Europees Parlement")
VERBS = (("zet", "in op"), ("werkt", "aan"), ("onderschrijft", ""), ("verkent", ""), ("bevordert", ""),
         ("versterkt", ""), ("pleit", "voor"), ("onderzoekt", ""), ("steunt", ""), ("vraagt", "aandacht voor"),
         ("houdt", "vast aan"), ("stuurt", "aan op"), ("hecht", "aan"), ("draagt", "bij aan"),
         ("geeft", "prioriteit aan"), ("maakt", "afspraken over"), ("komt", "met een plan voor"))
OBJECTS = ("de uitvoering van het migratiepact", "een snellere asielprocedure", "de samenwerking met derde landen",
           "duurzame terugkeer van uitgeprocedeerde vreemdelingen", "de capaciteit van de opvang",
           "het terugdringen van secundaire migratie", "de bescherming van de EU-buitengrenzen",
           "brede migratiepartnerschappen", "de implementatie van de Asielprocedureverordening",
           "een gelijk speelveld tussen lidstaten", "de aanpak van mensensmokkel",
           "de naleving van het non-refoulementbeginsel", "effectieve Dublinoverdrachten",
           "de screening aan de buitengrens", "een werkbaar solidariteitsmechanisme",
           "de verkorting van doorlooptijden", "de informatiepositie van de Kamer", "de hervestiging van vluchtelingen",
           "de integratie van statushouders", "de rechtsbescherming van asielzoekers",
           "het concept veilig derde land", "een Europese aanpak van terugkeerhubs",
           "de inzet van digitale middelen in de vreemdelingenketen", "de financiering van opvang in de regio",
           "de modernisering van verdragen", "de gezinshereniging van nareizigers",
           "de opvang van alleenstaande minderjarige vreemdelingen", "de lijst van veilige landen van herkomst",
           "de toepassing van artikel 3 EVRM", "de grensprocedure op Schiphol")
QUALIFIERS = ("binnen de bestaande kaders", "in nauwe samenwerking met gelijkgezinde lidstaten",
              "met inachtneming van internationale verplichtingen", "in lijn met de rechtspraak van het EHRM",
              "conform de toezegging aan de Kamer", "op korte termijn", "in de aanloop naar de JBZ-Raad",
              "in Europees verband", "met het oog op de inwerkingtreding van het pact",
              "zonder afbreuk te doen aan de rechtsstaat", "binnen het beschikbare budget",
              "in overleg met de ketenpartners", "", "")
CONNECTORS = ("Daarnaast", "Tegelijkertijd", "Om die reden", "In dat licht", "Bovendien", "Op Europees niveau",
              "In de praktijk", "Op nationaal niveau", "In de komende periode")
FINDINGS = (("de instroom van asielzoekers", "hoog blijft"), ("de druk op de opvanglocaties", "verder toeneemt"),
            ("het aantal Dublinoverdrachten", "achterblijft bij de verwachtingen"),
            ("de samenwerking met herkomstlanden", "moeizaam verloopt"), ("de doorlooptijden bij de IND", "oplopen"),
            ("de uitvoering", "onder druk staat"), ("de juridische ruimte", "beperkter is dan gedacht"),
            ("de Europese afspraken", "nog niet volledig zijn uitgevoerd"), ("de kosten van de opvang", "stijgen"),
            ("het aantal nareizigers", "fluctueert"), ("de terugkeer naar veilige landen", "beperkt blijft"))
EVIDENCE = ("Uit de evaluatie", "Uit de meest recente cijfers", "Uit het rapport van de Adviesraad Migratie",
            "Uit recente rechtspraak", "Uit gesprekken met de ketenpartners", "Uit de monitor van de IND",
            "Uit de internetconsultatie")

# What a note looks like: its kinds, the bureaus that write it, its subject and the decision it asks for.
NOTE_KINDS = ("beslisnota", "informatienota", "adviesnota")
NOTE_KIND_WEIGHTS = (5, 3, 2)
TITLES = ("{soort} over {subject}", "{soort} bij Kamerbrief over {subject}", "{soort} inzake {subject}",
          "{soort} ten behoeve van de JBZ-Raad van {maand} {jaar}")
INTRODUCTIONS = {"beslisnota": "Deze nota vraagt uw besluit over {subject}.",
                 "informatienota": "Met deze nota wordt u geïnformeerd over {subject}.",
                 "adviesnota": "Met deze nota wordt u geadviseerd over {subject}."}
DECISIONS = {"beslisnota": ("Akkoord op verzending van de Kamerbrief over {subject}.",
                            "Instemmen met de Nederlandse inzet ten aanzien van {subject}.",
                            "Akkoord gaan met de voorgestelde aanpak van {subject}."),
             "informatienota": ("Kennisnemen van de inhoud van deze nota.",),
             "adviesnota": ("Kennisnemen van het advies en instemmen met de voorgestelde inzet op {subject}.",)}
BUREAUS = ("Bureau Internationaal Migratiebeleid", "Bureau Asiel en Bescherming", "Bureau Terugkeer en Vertrek",
           "Bureau Opvang en Integratie", "Bureau Europese Zaken", "Bureau Juridische Zaken",
           "Bureau Strategie en Analyse")
DIRECTORATES = ("Directoraat-Generaal Migratie",) * 9 + ("Directoraat-Generaal Rechtspleging en Rechtshandhaving",)
MINISTRY_SPLIT = dt.date(2024, 7, 2)  # asylum and migration got its own minister on this day
STATUSES_OLD = (("vastgesteld", "verzonden", "ingetrokken"), (5, 5, 1))
STATUSES_RECENT = (("concept", "ter besluitvorming", "vastgesteld", "verzonden", "ingetrokken"), (2, 3, 3, 3, 1))


class BronKind(NamedTuple):
    """How a generated bron of one soort is titled, published and identified, and the event it makes."""

    weight: int
    title: str
    short_name: str
    publishers: tuple[str, ...]
    status: str
    identifiers: dict[str, str]
    event: str
    participle: str


KAMERSTUK = {"kamerstuk": "{dossier}-{number}"}
BRON_KINDS = {
    "rapport": BronKind(5, "{report} {subject}", "", ("Adviesraad Migratie", "WODC", "Algemene Rekenkamer",
                        "Inspectie Justitie en Veiligheid", "Instituut Clingendael", "UNHCR"), "gepubliceerd", {},
                        "publicatie", "gepubliceerd"),
    "kamerbrief": BronKind(5, "Kamerbrief over {subject}", "", ("{minister}",), "gepubliceerd", KAMERSTUK,
                           "brief", "verzonden"),
    "motie": BronKind(2, "Motie over {subject}", "", ("Tweede Kamer der Staten-Generaal",), "aangenomen", KAMERSTUK,
                      "besluit", "aangenomen"),
    "voorstel": BronKind(3, "Voorstel voor een verordening over {subject}", "", ("Europese Commissie",), "voorstel",
                         {"com": "COM({year}) {number} final", "procedure": "{year}/{number:04d}(COD)"},
                         "voorstel", "gepubliceerd"),
    "verordening": BronKind(2, "Verordening (EU) {year}/{number} over {subject}", "Verordening (EU) {year}/{number}",
                            ("Europese Unie",), "aangenomen", {"celex": "3{year}R{number:04d}"}, "besluit",
                            "vastgesteld"),
    "richtlijn": BronKind(1, "Richtlijn (EU) {year}/{number} over {subject}", "Richtlijn (EU) {year}/{number}",
                          ("Europese Unie",), "van kracht", {"celex": "3{year}L{number:04d}"}, "besluit",
                          "vastgesteld"),
    "uitspraak": BronKind(2, "Uitspraak van {court_article} {court} over {subject}", "", ("{court}",), "gepubliceerd",
                          {"ecli": "ECLI:{court_code}:{year}:{number}"}, "publicatie", "gedaan"),
    "verklaring": BronKind(1, "Verklaring over {subject}", "", ("Europese Raad",
                           "Comité van Ministers van de Raad van Europa"), "aangenomen", {}, "besluit", "aangenomen"),
    "verzoek": BronKind(1, "Verzoek van de vaste commissie voor Asiel en Migratie over {subject}", "",
                        ("Tweede Kamer der Staten-Generaal",), "onbekend", {}, "verzoek", "gedaan"),
    "verdrag": BronKind(1, "Overeenkomst met {country} over {subject}", "", ("Koninkrijk der Nederlanden",),
                        "van kracht", {}, "besluit", "gesloten"),
}
REPORTS = ("Evaluatie van", "Verkenning naar", "Advies over", "Onderzoek naar")
DOSSIERS = ("19637", "32317", "30573", "21501-20")
COURTS = (("de", "Afdeling bestuursrechtspraak van de Raad van State", "NL:RVS"),
          ("het", "Hof van Justitie van de Europese Unie", "EU:C"),
          ("het", "Europees Hof voor de Rechten van de Mens", "CE:ECHR"))
COUNTRIES = ("Tunesië", "Marokko", "Egypte", "Turkije", "Nigeria", "Irak", "Georgië", "Moldavië")

# Timeline events that are no bron's own: their soort and title.
EVENT_TITLES = (("debat", "Commissiedebat over {subject}"), ("bijeenkomst", "JBZ-Raad van {maand} {jaar}"),
                ("bijeenkomst", "Informele ministersbijeenkomst over {subject}"),
                ("verzoek", "Tweede Kamer vraagt om een brief over {subject}"),
                ("brief", "Brief van een groep lidstaten over {subject}"),
                ("besluit", "Raad bereikt akkoord over {subject}"),
                ("publicatie", "Europese Commissie publiceert een mededeling over {subject}"),
                ("voorstel", "Commissie doet een voorstel over {subject}"),
                ("inwerkingtreding", "Nieuwe regels over {subject} treden in werking"))


class Prose:
    """Dutch-like memo prose from the vocabulary above, drawn with one random generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def subject(self) -> str:
        """What a note, bron or event is about."""
        return self.rng.choice(OBJECTS)

    def sentence(self) -> str:
        """One sentence in one of the shapes memos use most."""
        rng = self.rng
        shape = rng.randrange(4)
        verb, particle = rng.choice(VERBS)
        if shape == 0:
            parts = (rng.choice(ACTORS), verb, particle, self.subject(), rng.choice(QUALIFIERS))
        elif shape == 1:
            parts = (rng.choice(CONNECTORS), verb, rng.choice(ACTORS), particle, self.subject(),
                     rng.choice(QUALIFIERS))
        elif shape == 2:
            parts = (rng.choice(EVIDENCE), "blijkt dat", *rng.choice(FINDINGS))
        else:
            finding, outcome = rng.choice(FINDINGS)
            parts = (f"Omdat {finding} {outcome},", verb, rng.choice(ACTORS), particle, self.subject())
        return capitalize(" ".join(part for part in parts if part)) + "."

    def paragraph(self, fewest: int, most: int) -> str:
        """Between `fewest` and `most` sentences."""
        return " ".join(self.sentence() for _ in range(self.rng.randint(fewest, most)))


def capitalize(text: str) -> str:
    """`text` with its first letter in upper case (the rest untouched, unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def words(text: str) -> int:
    """The number of words in `text`."""
    return len(text.split())


def random_day(rng: random.Random, span: tuple[dt.date, dt.date]) -> dt.date:
    """A working day in `span` (weekends move to the Friday before)."""
    first, last = span
    day = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
    return day - dt.timedelta(days=max(0, day.weekday() - 4))


def first_day(text: str) -> dt.date:
    """The first day of a partial date such as `2026`, `2026-02` or `2026-02-16`."""
    year, month, day = [*text.split("-"), "1", "1"][:3]
    return dt.date(int(year), int(month), int(day))


def minister(day: dt.date) -> str:
    """The member of government that notes on asylum were addressed to on `day`."""
    return "Minister van Asiel en Migratie" if day >= MINISTRY_SPLIT else "Staatssecretaris van Justitie en Veiligheid"


def month_and_year(day: dt.date) -> dict[str, str | int]:
    """Fields for titles that name a month: `maand` (Dutch) and `jaar`."""
    return {"maand": MONTHS[day.month - 1], "jaar": day.year}


class BronPicker:
    """Draws the bronnen a kernpunt cites: only bronnen dated before its note, and a few of them very often."""

    def __init__(self, rng: random.Random, dated_ids: list[tuple[dt.date, str]]):
        self.rng = rng
        ordered = sorted(dated_ids)
        self.days = [day for day, _ in ordered]
        self.ids = [bron_id for _, bron_id in ordered]
        ranks = list(range(1, len(ordered) + 1))
        rng.shuffle(ranks)
        self.cumulative = list(itertools.accumulate(1 / rank for rank in ranks))  # Zipf weights, in random order

    def pick(self, before: dt.date, count: int) -> list[str]:
        """Up to `count` different bronnen dated before `before` (at least one)."""
        total = self.cumulative[bisect.bisect_left(self.days, before) - 1]
        draws = (bisect.bisect_right(self.cumulative, self.rng.random() * total) for _ in range(count))
        return list(dict.fromkeys(self.ids[draw] for draw in draws))


@dataclass
class Corpus:
    """The generated records, as plain data in the shape of the data files."""

    bronnen: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)


def make_bron(prose: Prose, number: int, topics: Sequence[str]) -> tuple[dict, dict]:
    """A generated bron of a random soort, and the timeline event of its publication or adoption."""
    rng = prose.rng
    soort = rng.choices(list(BRON_KINDS), weights=[kind.weight for kind in BRON_KINDS.values()])[0]
    kind = BRON_KINDS[soort]
    day = random_day(rng, BRON_DAYS)
    court_article, court, court_code = rng.choice(COURTS)
    fields = {"subject": prose.subject(), "year": day.year, "number": 1000 + number, "report": rng.choice(REPORTS),
              "minister": minister(day), "dossier": rng.choice(DOSSIERS), "court_article": court_article,
              "court": court, "court_code": court_code, "country": rng.choice(COUNTRIES)}
    datum = day.isoformat()[:7] if soort == "rapport" and rng.random() < 0.3 else day.isoformat()
    bron = {"id": f"{soort}-{day.year}-{number:04d}", "soort": soort, "titel": kind.title.format(**fields),
            "korte_naam": kind.short_name.format(**fields), "uitgever": rng.choice(kind.publishers).format(**fields),
            "datum": datum, "status": kind.status,
            "identificatie": {key: template.format(**fields) for key, template in kind.identifiers.items()},
            "beschrijving": prose.paragraph(1, 2), "onderwerpen": rng.sample(topics, rng.randint(1, 2))}
    event = {"id": f"{bron['id']}-{kind.participle}", "datum": datum, "soort": kind.event,
             "titel": f"{bron['korte_naam'] or bron['titel']} {kind.participle}", "notas": [],
             "bronnen": [bron["id"]]}
    return bron, event


def make_event(prose: Prose, number: int, picker: BronPicker) -> dict:
    """A timeline event that is no bron's own: a debate, a meeting, a request, an agreement, ..."""
    rng = prose.rng
    soort, title = rng.choice(EVENT_TITLES)
    day = random_day(rng, EVENT_DAYS)
    return {"id": f"{soort}-{day.year}-{number:04d}", "datum": day.isoformat(),
            "tot": (day + dt.timedelta(days=1)).isoformat() if title.startswith("JBZ") else None,
            "bij_benadering": rng.random() < 0.05, "soort": soort,
            "titel": title.format(subject=prose.subject(), **month_and_year(day)),
            "beschrijving": prose.sentence() if rng.random() < 0.3 else "", "notas": [],
            "bronnen": picker.pick(day, 1) if rng.random() < 0.4 else []}


class NoteMaker:
    """Writes generated notes: their data, their page, and the events that point to them."""

    def __init__(self, prose: Prose, topics: Sequence[str], picker: BronPicker, events: list[dict],
                 kamerbrieven: list[dict]):
        self.prose = prose
        self.rng = prose.rng
        self.topics = topics
        self.picker = picker
        self.events = sorted(events, key=lambda event: (first_day(event["datum"]), event["id"]))
        self.event_days = [first_day(event["datum"]) for event in self.events]
        self.kamerbrieven = sorted(kamerbrieven, key=lambda bron: (bron["datum"], bron["id"]))
        self.kamerbrief_days = [first_day(bron["datum"]) for bron in self.kamerbrieven]

    def note(self, referentie: str, day: dt.date) -> tuple[dict, str, dict | None]:
        """A note's data, its page, and the promise of its Kamerbrief on the timeline (if any)."""
        rng, prose = self.rng, self.prose
        soort = rng.choices(NOTE_KINDS, weights=NOTE_KIND_WEIGHTS)[0]
        subject = prose.subject()
        onderwerpen = rng.sample(self.topics, rng.randint(1, min(4, len(self.topics))))
        statuses, weights = STATUSES_OLD if day.year < 2025 else STATUSES_RECENT
        besluit = self.kamerbrief_after(day) if soort == "beslisnota" and rng.random() < 0.7 else None
        nota = {"referentie": referentie,
                "titel": rng.choice(TITLES).format(soort=capitalize(soort), subject=subject, **month_and_year(day)),
                "soort": soort, "datum": day.isoformat(), "directoraat_generaal": rng.choice(DIRECTORATES),
                "bureau": rng.choice(BUREAUS), "geadresseerde": f"De {minister(day)}",
                "status": rng.choices(statuses, weights=weights)[0], "onderwerpen": onderwerpen,
                "aanleiding": self.aanleiding(referentie, day), "besluit": [besluit["id"]] if besluit else [],
                "kernpunten": self.kernpunten(referentie, day, onderwerpen)}
        sections = {"aanleiding": [f"{INTRODUCTIONS[soort].format(subject=subject)} {prose.paragraph(1, 3)}"],
                    "besluit": [f"{rng.choice(DECISIONS[soort]).format(subject=subject)} {prose.paragraph(0, 2)}"],
                    "toelichting": [prose.paragraph(2, 4) for _ in range(rng.randint(1, 2))]}
        count, target = note_words(nota, sections), rng.randint(*NOTE_WORDS)
        while count < target:
            sections["toelichting"].append(prose.paragraph(2, 4))
            count += words(sections["toelichting"][-1])
        promise = self.promise(referentie, besluit) if besluit and rng.random() < 0.5 else None
        return nota, note_page(referentie, sections), promise

    def aanleiding(self, referentie: str, day: dt.date) -> list[str]:
        """0-2 events shortly before `day` that gave rise to the note; they link back to it."""
        end = bisect.bisect_left(self.event_days, day)
        recent = self.events[max(0, end - AANLEIDING_WINDOW):end]
        count = min(len(recent), self.rng.choices((0, 1, 2), weights=(1, 2, 1))[0])
        chosen = sorted(self.rng.sample(range(len(recent)), count))
        for position in chosen:
            recent[position]["notas"].append(referentie)
        return [recent[position]["id"] for position in chosen]

    def kamerbrief_after(self, day: dt.date) -> dict | None:
        """The first generated Kamerbrief dated shortly after `day`, which a beslisnota can be the decision on."""
        position = bisect.bisect_left(self.kamerbrief_days, day)
        if position < len(self.kamerbrieven) and (self.kamerbrief_days[position] - day).days <= DECISION_DAYS:
            return self.kamerbrieven[position]
        return None

    def promise(self, referentie: str, kamerbrief: dict) -> dict:
        """The date promised to the Kamer for the note's Kamerbrief, as a timeline event linked to the note."""
        return {"id": f"toezegging-{referentie}", "datum": kamerbrief["datum"], "soort": "toezegging",
                "titel": f"Toegezegde datum: {kamerbrief['titel']}", "notas": [referentie],
                "bronnen": [kamerbrief["id"]]}

    def kernpunten(self, referentie: str, day: dt.date, onderwerpen: list[str]) -> list[dict]:
        """3-8 kernpunten in all, some of them grouped under a heading kernpunt."""
        remaining = self.rng.randint(3, 8)
        kernpunten: list[dict] = []
        while remaining:
            remaining -= 1
            children = self.rng.randint(2, min(4, remaining)) if remaining >= 2 and self.rng.random() < 0.3 else 0
            tekst = f"**{capitalize(self.prose.subject())}**" if children else self.prose.paragraph(1, 3)
            kernpunt = self.kernpunt(f"{referentie}-k{len(kernpunten) + 1}", tekst, day, onderwerpen)
            kernpunt["kernpunten"] = [self.kernpunt(f"{kernpunt['id']}-{number}", self.prose.paragraph(1, 3), day,
                                                    onderwerpen) for number in range(1, children + 1)]
            remaining -= children
            kernpunten.append(kernpunt)
        return kernpunten

    def kernpunt(self, kernpunt_id: str, tekst: str, day: dt.date, onderwerpen: list[str]) -> dict:
        """One kernpunt citing 1-3 bronnen, sometimes with onderwerpen of its own or an editorial remark."""
        rng = self.rng
        own_topics = rng.sample(onderwerpen, rng.randint(1, len(onderwerpen))) if rng.random() < 0.5 else []
        remark = f"De nota noemt {self.prose.subject()}; dat is niet geverifieerd." if rng.random() < 0.03 else ""
        return {"id": kernpunt_id, "tekst": tekst, "bronnen": self.picker.pick(day, rng.randint(1, 3)),
                "onderwerpen": own_topics, "opmerking": remark}


def note_words(nota: dict, sections: dict[str, list[str]]) -> int:
    """Words of prose in a note: its title, the paragraphs of its page and its kernpunten."""
    def kernpunt_words(kernpunten: list[dict]) -> int:
        return sum(words(kernpunt["tekst"]) + kernpunt_words(kernpunt.get("kernpunten", []))
                   for kernpunt in kernpunten)
    paragraphs = itertools.chain.from_iterable(sections.values())
    return words(nota["titel"]) + sum(map(words, paragraphs)) + kernpunt_words(nota["kernpunten"])


def note_page(referentie: str, sections: dict[str, list[str]]) -> str:
    """A note's page, shaped like the real docs/notas/6501580.md."""
    def text(name: str) -> str:
        return "\n\n".join(sections[name])
    return (f'{{{{ nota_kop("{referentie}") }}}}\n\n## 1. Aanleiding\n\n{text("aanleiding")}\n\n'
            f'## 2. Geadviseerd besluit\n\n{text("besluit")}\n\n## 3. Kernpunten\n\n'
            f'{{{{ kernpunten("{referentie}") }}}}\n\n## 4. Toelichting\n\n{text("toelichting")}\n')


def real_records(file: Path, key: str) -> list[dict]:
    """The records of a real data file (every scalar as text), for their ids and dates."""
    return yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CBaseLoader)[key]


def generate(notes: int, rng: random.Random) -> Corpus:
    """The generated bronnen, events, notes and note pages for `notes` notes."""
    prose = Prose(rng)
    topics = [onderwerp["id"] for onderwerp in real_records(ROOT / "data" / "onderwerpen.yaml", "onderwerpen")]
    corpus = Corpus()
    for number in range(1, max(20, notes // 10) + 1):
        bron, event = make_bron(prose, number, topics)
        corpus.bronnen.append(bron)
        corpus.events.append(event)
    dated = [(first_day(bron["datum"]) if "datum" in bron else dt.date.min, bron["id"])
             for bron in real_records(ROOT / "data" / "bronnen.yaml", "bronnen") + corpus.bronnen]
    picker = BronPicker(rng, dated)
    corpus.events += [make_event(prose, number, picker) for number in range(1, max(20, notes // 10) + 1)]
    kamerbrieven = [bron for bron in corpus.bronnen if bron["soort"] == "kamerbrief"]
    maker = NoteMaker(prose, topics, picker, corpus.events, kamerbrieven)
    references = sorted(rng.sample(range(1_000_000, 10_000_000), notes + 1))
    references = [str(reference) for reference in references if str(reference) != REAL_NOTE][:notes]
    days = sorted(random_day(rng, NOTE_DAYS) for _ in range(notes))
    for referentie, day in zip(references, days, strict=True):  # references grow with the date
        nota, page, promise = maker.note(referentie, day)
        corpus.notes.append(nota)
        corpus.pages[referentie] = page
        corpus.events += [promise] if promise else []
    corpus.events.sort(key=lambda event: (first_day(event["datum"]), event["id"]))
    add_positions(corpus.notes, random.Random(rng.random()))
    return corpus


def add_positions(notes: list[dict], rng: random.Random) -> None:
    """Positions over time: about one note in eight replaces a current kernpunt of a recent earlier note (chains
    form where that kernpunt replaced another), one in 25 withdraws one, one in 100 replaces an earlier note whose
    kernpunten are all current as a whole. Each record is superseded once, always by a later note."""
    superseded: set[str] = set()
    replaced_notes: set[str] = set()
    for position, nota in enumerate(notes):
        earlier = [other for other in notes[max(0, position - 50):position] if other["datum"] < nota["datum"]
                   and other["referentie"] not in replaced_notes]
        current = [kernpunt["id"] for other in earlier for kernpunt in other["kernpunten"]
                   if kernpunt["id"] not in superseded]
        draw = rng.random()
        if draw < 1 / 8 and current:
            target = rng.choice(current)
            nota["kernpunten"][0]["vervangt"] = [target]
            superseded.add(target)
        elif draw < 1 / 8 + 1 / 25 and current:
            target = rng.choice(current)
            _put_before_kernpunten(nota, "trekt_in", [target])
            superseded.add(target)
        elif draw < 1 / 8 + 1 / 25 + 1 / 100 and (whole := [other for other in earlier if not any(
                _ids(other["kernpunten"]) & superseded) and not _replaces(other)]):
            target = rng.choice(whole)
            _put_before_kernpunten(nota, "vervangt", [target["referentie"]])
            replaced_notes.add(target["referentie"])
            superseded |= _ids(target["kernpunten"])


def _ids(kernpunten: list[dict]) -> set[str]:
    return {item for kernpunt in kernpunten for item in (kernpunt["id"], *_ids(kernpunt.get("kernpunten", [])))}


def _replaces(nota: dict) -> bool:
    """Whether a note already replaces or withdraws something (a note replaced as a whole should not)."""
    return bool(nota.get("vervangt") or nota.get("trekt_in") or any(
        kernpunt.get("vervangt") for kernpunt in nota["kernpunten"]))


def _put_before_kernpunten(nota: dict, key: str, value: list[str]) -> None:
    kernpunten = nota.pop("kernpunten")
    nota[key] = value
    nota["kernpunten"] = kernpunten


def scalar(text: str) -> str:
    """`text` as a YAML scalar: plain where that reads back unchanged, double-quoted otherwise."""
    if PLAIN.fullmatch(text) and not text.isdigit() and text.lower() not in YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def mapping_lines(record: dict, indent: str) -> list[str]:
    """YAML lines for a mapping in the style of the real data files; empty values are left out."""
    lines = []
    for key, value in record.items():
        if value in (None, "", [], {}, False):
            continue
        if isinstance(value, list) and isinstance(value[0], dict):
            lines.append(f"{indent}{key}:")
            for item in value:
                lines += sequence_item(item, f"{indent}  ")
        elif isinstance(value, list):
            lines.append(f"{indent}{key}: [{', '.join(map(scalar, value))}]")
        elif isinstance(value, dict):
            lines += [f"{indent}{key}:", *mapping_lines(value, f"{indent}  ")]
        elif value is True:
            lines.append(f"{indent}{key}: true")
        elif len(indent) + len(key) + len(value) + 2 > WIDTH:
            wrapped = textwrap.wrap(value, WIDTH - len(indent) - 2, break_long_words=False, break_on_hyphens=False)
            lines += [f"{indent}{key}: >-", *(f"{indent}  {line}" for line in wrapped)]
        else:
            lines.append(f"{indent}{key}: {scalar(value)}")
    return lines


def sequence_item(record: dict, indent: str) -> list[str]:
    """YAML lines for a mapping as an item of a block sequence whose dashes stand at `indent`."""
    first, *rest = mapping_lines(record, f"{indent}  ")
    return [f"{indent}- {first.lstrip()}", *rest]


def extended(real_file: Path, records: list[dict], comment: str) -> str:
    """The text of a real single-list data file with `records` appended to its list, in its indentation."""
    text = real_file.read_text(encoding="utf-8").rstrip("\n")
    indent = re.search(r"^( *)- ", text, re.MULTILINE).group(1)
    lines = [f"{indent}# {comment}"]
    for record in records:
        lines += sequence_item(record, indent)
    return "\n".join([text, *lines]) + "\n"


def prepare(out: Path, force: bool, parser: argparse.ArgumentParser) -> None:
    """Make `out` an empty folder; a non-empty one is wiped only with --force, and never in or around the project."""
    if out.exists() and not out.is_dir():
        parser.error(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not force:
            parser.error(f"{out} is not empty; pass --force (make corpus FORCE=1) to replace it")
        if out.resolve().is_relative_to(ROOT) or ROOT.is_relative_to(out.resolve()):
            parser.error(f"{out} is in or around the project; choose a folder elsewhere")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def copy_project(out: Path) -> None:
    """Copy the configuration, partials, macros and pages, leaving out note pages other than the real note's."""
    def ignored(folder: str, names: list[str]) -> list[str]:
        note_pages = Path(folder) == ROOT / "docs" / "notas"
        return [name for name in names if name == "__pycache__"
                or (note_pages and name.endswith(".md") and name not in ("index.md", f"{REAL_NOTE}.md"))]
    shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    for folder in COPIED_AS_IS:
        shutil.copytree(ROOT / folder, out / folder, ignore=ignored)


def write_data(out: Path, corpus: Corpus, seed: int) -> None:
    """Write data/ (real files, real files extended, generated notes) and the generated note pages."""
    data, real = out / "data", ROOT / "data"
    (data / "notas").mkdir(parents=True)
    for name in REAL_DATA_FILES:
        shutil.copy(real / name, data / name)
    shutil.copy(real / "notas" / f"{REAL_NOTE}.yaml", data / "notas" / f"{REAL_NOTE}.yaml")
    comment = f"Gegenereerd door scripts/corpus.py (seed {seed})."
    (data / "bronnen.yaml").write_text(extended(real / "bronnen.yaml", corpus.bronnen, comment), encoding="utf-8")
    (data / "tijdlijn.yaml").write_text(extended(real / "tijdlijn.yaml", corpus.events, comment), encoding="utf-8")
    for nota in corpus.notes:
        text = "\n".join([f"# {comment}", *mapping_lines(nota, "")]) + "\n"
        (data / "notas" / f"{nota['referentie']}.yaml").write_text(text, encoding="utf-8")
    for referentie, page in corpus.pages.items():
        (out / "docs" / "notas" / f"{referentie}.md").write_text(page, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, required=True, help="number of generated notes")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the site into")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--force", action="store_true", help="wipe --out first if it is not empty")
    arguments = parser.parse_args(argv)
    if arguments.notes < 0:
        parser.error("--notes cannot be negative")
    prepare(arguments.out, arguments.force, parser)
    copy_project(arguments.out)
    write_data(arguments.out, generate(arguments.notes, random.Random(arguments.seed)), arguments.seed)
    print(f"{arguments.notes} generated notes written to {arguments.out}")


if __name__ == "__main__":
    main()
