"""The content model: pydantic schemas for every data file, with the ids they define and refer to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from macros.model.dates import IsoDate, PartialDate
from macros.model.diwoo_values import PUBLISHERS
from macros.model.identifiers import identifier
from macros.model.messages import ACKNOWLEDGEABLE
from macros.model.safemarkdown import MarkdownText


@dataclass(frozen=True)
class Defines:
    """Marks a field whose value is the id of a record of `kind`."""

    kind: str


@dataclass(frozen=True)
class Refers:
    """Marks a field whose value must be the id of an existing record of `kind`."""

    kind: str

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict:
        """The field's JSON Schema names the kind it refers to (macros/outputs/json_schemas.py lists its ids)."""
        return {**handler(core_schema), REFERS_KEY: self.kind}


# The JSON Schema keyword that carries a Refers marker until the known ids replace it.
REFERS_KEY = "x-refers"


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
REFERENTIE_PATTERN = r"^[0-9]{4,10}$"
URL_PATTERN = r"^https?://\S+$"
# A Woo ground as redacted documents print it: article, paragraph and letter, e.g. 5.1.2e (art. 5.1, lid 2, onder e).
WEIGERINGSGROND_PATTERN = r"^[0-9]+\.[0-9]+(?:\.[0-9]+[a-z]?)?$"
# What an editor is told when a value does not match a pattern: (hint, message code).
PATTERN_HINTS = {
    SLUG_PATTERN: ("gebruik kleine letters, cijfers en koppeltekens, bijvoorbeeld 'dublin-iii'", "ongeldige-id"),
    REFERENTIE_PATTERN: ("een referentie bestaat uit 4 tot 10 cijfers, bijvoorbeeld 6501580", "ongeldige-id"),
    URL_PATTERN: ("schrijf een volledig webadres dat begint met https://", "ongeldige-waarde"),
    WEIGERINGSGROND_PATTERN: ("schrijf de grond zoals op een gelakt Woo-document, bijvoorbeeld 5.1.2e",
                              "ongeldige-id"),
}
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]


def _one_line(value: str) -> str:
    """A title or name is one line: a heading, a link text or a page title cannot hold a line break."""
    if "\n" in value or "\r" in value:
        raise PydanticCustomError("een_regel", "mag geen regeleinde bevatten")
    return value


_ONE_LINE = "vul de tekst in, op één regel (zonder regeleinde)"
Line = Annotated[Text, AfterValidator(_one_line), WithJsonSchema({
    "type": "string", "pattern": r"^[^\n\r]*\S[^\n\r]*$", "patternErrorMessage": _ONE_LINE})]
OptionalLine = Annotated[str, AfterValidator(_one_line), WithJsonSchema({
    "type": "string", "pattern": r"^[^\n\r]*$", "patternErrorMessage": _ONE_LINE})]
Referentie = Annotated[str, BeforeValidator(lambda value: str(value) if isinstance(value, int) else value,
                                           json_schema_input_type=Annotated[str, StringConstraints(
                                               pattern=REFERENTIE_PATTERN)] | int),
                       StringConstraints(pattern=REFERENTIE_PATTERN)]

BronRef = Annotated[Slug, Refers("bron")]
KernpuntRef = Annotated[Slug, Refers("kernpunt")]
NotaRef = Annotated[Referentie, Refers("nota")]
OnderwerpRef = Annotated[Slug, Refers("onderwerp")]
GebeurtenisRef = Annotated[Slug, Refers("gebeurtenis")]
ModelRef = Annotated[Slug, Refers("model")]
AspectRef = Annotated[Slug, Refers("aspect")]
UitdagingsgroepRef = Annotated[Slug, Refers("uitdagingsgroep")]
GrondId = Annotated[str, StringConstraints(pattern=WEIGERINGSGROND_PATTERN)]
WeigeringsgrondRef = Annotated[GrondId, Refers("weigeringsgrond")]


def _given(value: object) -> object:
    """A marking that is written must name its ground: left empty, it is an error, never "public"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PydanticCustomError("empty_ground", "de grond is leeg")
    return value


# A ground where one may be given: absent means public; present, it must name a known ground (not null, not "").
Ground = Annotated[WeigeringsgrondRef | None, BeforeValidator(_given, json_schema_input_type=WeigeringsgrondRef)]
# The ground on which a note's personal data of civil servants (auteur, contact) are withheld unless it names another.
PERSOONSGEGEVENS = "5.1.2e"
PERSONAL_FIELDS = ("auteur", "contact")

BronSoort = Literal["rapport", "kamerbrief", "verdrag", "handvest", "verordening", "richtlijn", "voorstel",
                    "verklaring", "verzoek", "motie", "uitspraak"]
BronStatus = Literal["onbekend", "toegezegd", "gepubliceerd", "voorstel", "aangenomen", "van kracht",
                     "ingetrokken"]
NotaSoort = Literal["beslisnota", "informatienota", "adviesnota"]
NotaStatus = Literal["concept", "ter besluitvorming", "vastgesteld", "verzonden", "ingetrokken"]
GebeurtenisSoort = Literal["verzoek", "toezegging", "debat", "publicatie", "voorstel", "besluit",
                           "inwerkingtreding", "bijeenkomst", "brief", "nota"]


class Record(BaseModel):
    """Base of every schema: unknown fields are errors, records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Erkenning(Record):
    """A warning an editor has judged and accepts for this record: its code and why (macros/checks/acknowledged.py)."""

    code: Literal[ACKNOWLEDGEABLE]  # type: ignore[valid-type]
    reden: Text


class Onderwerp(Record):
    """A topic; shown as a tag."""

    id: Annotated[Slug, Defines("onderwerp")]
    naam: Line
    beschrijving: str = ""


class Identificatie(Record):
    """A source's official identifiers, each checked against its scheme."""

    celex: identifier("celex") | None = None
    com: identifier("com") | None = None
    procedure: identifier("procedure") | None = None
    ets: identifier("ets") | None = None
    kamerstuk: identifier("kamerstuk") | None = None
    ecli: identifier("ecli") | None = None
    pb: identifier("pb") | None = None


class Bepaling(Record):
    """An article of a source that the site refers to."""

    artikel: Text
    inhoud: Text


class Controle(Record):
    """Where a fact of a bron was checked: the fact, the page it was read on and, where recorded, its address."""

    feit: Text
    gelezen_op: Line
    url: Url | None = None


class Bron(Record):
    """A source (bron) that kernpunten rest on."""

    id: Annotated[Slug, Defines("bron")]
    soort: BronSoort
    titel: Line
    titel_origineel: OptionalLine = ""
    korte_naam: OptionalLine = ""
    uitgever: str = ""
    datum: PartialDate | None = None
    datum_bij_benadering: bool = False
    van_toepassing: PartialDate | None = None
    status: BronStatus = "onbekend"
    vervangen_door: BronRef | None = None
    identificatie: Identificatie = Identificatie()
    url: Url | None = None
    beschrijving: Text
    bepalingen: list[Bepaling] = []
    onderwerpen: list[OnderwerpRef] = []
    opmerking: str = ""
    verantwoording: list[Controle] = []
    # Woo: a bron can be withheld like a kernpunt; one cited only by withheld content is confirmed public here.
    niet_openbaar: Ground = None
    openbaar_bevestigd: bool = False
    erkend: list[Erkenning] = []  # warnings acknowledged, each with its reason


class Weigeringsgrond(Record):
    """A legal ground (Woo) on which information is withheld from the public build."""

    id: Annotated[GrondId, Defines("weigeringsgrond")]
    artikel: Text
    omschrijving: Text


class Kernpunt(Record):
    """A key point of a note, with the sources it rests on; may hold sub-points."""

    id: Annotated[Slug, Defines("kernpunt")]
    tekst: MarkdownText
    bronnen: list[BronRef] = []
    onderwerpen: list[OnderwerpRef] = []
    vervangt: list[KernpuntRef] = []  # earlier kernpunten (of any note) that this one replaces
    opmerking: str = ""
    niet_openbaar: Ground = None
    kernpunten: list[Kernpunt] = []
    erkend: list[Erkenning] = []  # warnings acknowledged, each with its reason


class VeldenNietOpenbaar(Record):
    """The fields of a note that are not public, each with its ground; personal data are internal by default."""

    auteur: WeigeringsgrondRef | None = None
    contact: WeigeringsgrondRef | None = None
    geadresseerde: WeigeringsgrondRef | None = None
    bureau: WeigeringsgrondRef | None = None
    opmerking: WeigeringsgrondRef | None = None


class GemarkeerdeVelden(VeldenNietOpenbaar):
    """A note's `niet_openbaar:` as written in its file: each field it names must have a ground (empty is an error)."""

    auteur: Ground = None
    contact: Ground = None
    geadresseerde: Ground = None
    bureau: Ground = None
    opmerking: Ground = None


class Nota(Record):
    """A note (nota): its metadata as in the memo's header block, and its kernpunten."""

    referentie: Annotated[Referentie, Defines("nota")]
    titel: Line
    soort: NotaSoort
    datum: IsoDate
    directoraat_generaal: Text
    bureau: Text
    geadresseerde: Text
    status: NotaStatus
    onderwerpen: list[OnderwerpRef]
    aanleiding: list[GebeurtenisRef] = []
    besluit: list[BronRef] = []
    vervangt: list[NotaRef] = []  # earlier notes that this one replaces as a whole
    trekt_in: list[KernpuntRef] = []  # earlier kernpunten that this note withdraws
    herzien_voor: IsoDate | None = None
    opmerking: str = ""
    auteur: str = ""
    contact: str = ""
    niet_openbaar: Annotated[GemarkeerdeVelden, BeforeValidator(_given)] = GemarkeerdeVelden()
    kernpunten: list[Kernpunt] = []
    erkend: list[Erkenning] = []  # warnings acknowledged, each with its reason


class Gebeurtenis(Record):
    """A dated event on the timeline."""

    id: Annotated[Slug, Defines("gebeurtenis")]
    datum: PartialDate
    tot: PartialDate | None = None
    bij_benadering: bool = False
    soort: GebeurtenisSoort
    titel: Line
    beschrijving: str = ""
    notas: list[NotaRef] = []
    bronnen: list[BronRef] = []
    erkend: list[Erkenning] = []  # warnings acknowledged, each with its reason


class Aspect(Record):
    """A column of the model comparison (treaty obstacles, EU-law conditions, ...)."""

    id: Annotated[Slug, Defines("aspect")]
    naam: Line


class Model(Record):
    """One of the externalisation models of the Clingendael report."""

    id: Annotated[Slug, Defines("model")]
    naam: Line
    omschrijving: str = ""


class Bevinding(Record):
    """A finding on one aspect, for the listed models (all models when `modellen` is left out)."""

    aspect: AspectRef
    modellen: list[ModelRef] | None = None
    tekst: MarkdownText
    bronnen: list[BronRef] = []
    kernpunt: KernpuntRef | None = None
    opmerking: str = ""
    niet_openbaar: Ground = None  # also inherited from a withheld `kernpunt`


class Conclusie(Record):
    """One of the report's overall conclusions."""

    tekst: MarkdownText
    bronnen: list[BronRef] = []


class Modellen(Record):
    """`data/modellen.yaml`: the report, its models, the aspects compared and the findings."""

    rapport: BronRef
    aspecten: list[Aspect]
    modellen: list[Model]
    bevindingen: list[Bevinding] = []
    conclusies: list[Conclusie] = []


class Verkenningspunt(Record):
    """A measure of the treaty exploration, tied to the kernpunt that states it."""

    id: Annotated[Slug, Defines("verkenningspunt")]
    tekst: MarkdownText
    kernpunt: KernpuntRef
    bronnen: list[BronRef] = []
    niet_openbaar: Ground = None  # also inherited from a withheld `kernpunt`


class Uitdaging(Verkenningspunt):
    """A challenge of the treaty exploration, in the group the memo puts it in."""

    groep: UitdagingsgroepRef


class Uitdagingsgroep(Record):
    """How the memo frames a group of challenges (tied to human-rights treaties, or where they come from at all)."""

    id: Annotated[Slug, Defines("uitdagingsgroep")]
    kop: Line
    inleiding: MarkdownText
    kernpunt: KernpuntRef
    niet_openbaar: Ground = None  # also inherited from a withheld `kernpunt`: the framing restates it


class Instrument(Record):
    """A treaty or EU instrument the site lists beside the exploration, with why it is there."""

    bron: BronRef
    reden: MarkdownText


class Verkenning(Record):
    """`data/verkenning.yaml`: the instruments listed beside it, the challenges by group and the measures."""

    instrumenten: list[Instrument]
    uitdagingsgroepen: list[Uitdagingsgroep] = []
    uitdagingen: list[Uitdaging] = []
    maatregelen: list[Verkenningspunt] = []


class Onderwerpen(Record):
    """`data/onderwerpen.yaml`."""

    onderwerpen: list[Onderwerp]


class Bronnen(Record):
    """`data/bronnen.yaml`."""

    bronnen: list[Bron]


class Tijdlijn(Record):
    """`data/tijdlijn.yaml`."""

    gebeurtenissen: list[Gebeurtenis]


def _known_publisher(value: str) -> str:
    """The publisher is one of the ministries the DiWoo values know (macros/model/diwoo_values.py)."""
    if value not in PUBLISHERS:
        raise PydanticCustomError("diwoo_uitgever", "'{value}' is geen uitgever die de DiWoo-metadata kent",
                                  {"value": value})
    return value


class DiwooInstellingen(Record):
    """`data/diwoo.yaml`: the editors' choices for the DiWoo metadata of the public build."""

    uitgever: Annotated[str, AfterValidator(_known_publisher), WithJsonSchema({"enum": sorted(PUBLISHERS)})]


class Weigeringsgronden(Record):
    """`data/weigeringsgronden.yaml`."""

    weigeringsgronden: list[Weigeringsgrond]
