"""A corpus of editors' mistakes: each breaks a copy of the project in one small place.

For every mistake, `make check` (python -m macros.adapter.cli check) and `mkdocs build --strict` must both fail with
exactly the expected finding lines (file, line, column, severity, message, hint and code), never with a
traceback. Lines and columns are computed from where the edit lands in the file.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable

import pytest

from macros.model.messages import CATALOG
from macros.model.schema import BronSoort, Erkenning, NotaStatus, Onderwerpen
from tests.adversarial.harness import all_cases
from tests.editing import ACKNOWLEDGED, FINDING, NOTA, NOTA_PAGE, Project, Spot, error_lines, finding_lines, run_check
from tests.positions_fixture import FIRST, NEW, SECOND, THIRD, add_notes
from tests.site_build import build, copy_project

Case = Callable[[Project], list[str]]
CASES: dict[str, Case] = {}


def case(name: str) -> Callable[[Case], Case]:
    """Register a mistake: a function that makes one edit and returns the finding lines it must cause."""
    def register(function: Case) -> Case:
        assert name not in CASES, name
        CASES[name] = function
        return function
    return register


def choices(literal: object) -> str:
    """The allowed values of a Literal as the messages list them: 'a', 'b' of 'c'."""
    values = [repr(value) for value in typing.get_args(literal)]
    return f"{', '.join(values[:-1])} of {values[-1]}"


COLON_IN_TEXT = ("YAML kan niet worden gelezen: hier staat een dubbele punt die YAML niet verwacht",
                 "staat de dubbele punt in de tekst, zet dan de hele waarde tussen aanhalingstekens, zoals "
                 "titel: \"A: B\"; anders springt deze regel verder in dan de sleutel erboven")
TAB = ("YAML kan niet worden gelezen: hier staat een tab: YAML springt alleen in met spaties",
       "gebruik spaties in plaats van tabs om in te springen")
RAW_HINT = ("sluit {{ af met }}, {% af met %} en elk haakje; "
            "tekst met {{ of {% letterlijk: zet er {% raw %} ... {% endraw %} omheen")
DATE_HINT = "schrijf de datum als JJJJ-MM-DD"
PARTIAL_DATE_HINT = "schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD"
IDENTIFIER_HINT = "schrijf de waarde zoals in het voorbeeld"
SLUG_HINT = "gebruik kleine letters, cijfers en koppeltekens, bijvoorbeeld 'dublin-iii'"
NOT_UTF8 = "het bestand is geen UTF-8 (hier staat een teken in een andere codering)"


# --- Reading YAML ----------------------------------------------------------------------------------------------------

@case("yaml-unclosed-quote")
def _(project: Project) -> list[str]:
    project.replace("data/bronnen.yaml", "    titel: Grenzen verleggen\n", '    titel: "Grenzen verleggen\n')
    # The open quote runs on to the next quote (one line down), which then seems to close it; YAML trips on
    # the text after that quote.
    where = project.spot("data/bronnen.yaml", "Pushing Boundaries")
    return [where.error("YAML kan niet worden gelezen: hier verwacht YAML een nieuwe sleutel ('naam: waarde') op de "
                        "inspringing van het blok", "controleer de inspringing; staat er na een gesloten "
                        "aanhalingsteken nog tekst, zet dan de hele waarde tussen aanhalingstekens; een "
                        "aanhalingsteken dat eerder niet is gesloten, sluit pas hier", "yaml-syntaxis")]


@case("yaml-quote-never-closed")
def _(project: Project) -> list[str]:
    # No quote follows in the file: the finding points at the quote that opens, not at the end of the file.
    text = project.text("data/onderwerpen.yaml")
    last = text.splitlines()[-1]
    assert '"' not in text[text.index(last):] and ": " in last, last
    key, value = last.split(": ", 1)
    where = project.replace("data/onderwerpen.yaml", f"{last}\n", f'{key}: "{value}\n', at='"')
    return [where.error("YAML kan niet worden gelezen: dit aanhalingsteken wordt niet gesloten",
                        "sluit de waarde af met hetzelfde aanhalingsteken als waarmee zij begint", "yaml-syntaxis")]


@case("yaml-missing-colon")
def _(project: Project) -> list[str]:
    where = project.replace("data/onderwerpen.yaml", "    naam: Verdragen\n", "    naam Verdragen\n", at="naam")
    return [where.error("YAML kan niet worden gelezen: na de sleutel op deze regel ontbreekt de dubbele punt",
                        "schrijf 'sleutel: waarde'; hoort de regel bij de tekst erboven, spring hem dan verder in dan "
                        "de sleutel of zet de hele tekst tussen aanhalingstekens", "yaml-syntaxis")]


@case("yaml-value-starting-with-a-backquote")
def _(project: Project) -> list[str]:
    where = project.replace("data/onderwerpen.yaml", "    naam: Verdragen\n", "    naam: `Verdragen`\n",
                            at="`Verdragen")
    return [where.error("YAML kan niet worden gelezen: een waarde kan niet beginnen met '`'",
                        "zet een waarde met een dubbele punt, # of een leesteken vooraan tussen aanhalingstekens",
                        "yaml-syntaxis")]


@case("yaml-unclosed-list")
def _(project: Project) -> list[str]:
    project.replace("data/onderwerpen.yaml", "    naam: Verdragen\n", "    naam: [Verdragen, EVRM\n")
    # YAML sees that the list is not closed at the colon of the key after it.
    where = project.spot("data/onderwerpen.yaml", ": De verhouding tussen asiel")
    return [where.error("YAML kan niet worden gelezen: de opsomming tussen haken wordt niet goed gesloten: ']' of een "
                        "komma ontbreekt", "scheid de waarden met komma's en sluit de haak op dezelfde regel; een "
                        "waarde met een komma of dubbele punt zet u tussen aanhalingstekens", "yaml-syntaxis")]


@case("yaml-bad-indentation")
def _(project: Project) -> list[str]:
    where = project.replace("data/onderwerpen.yaml", "    naam: Verdragen\n", "      naam: Verdragen\n", at=":")
    return [where.error(*COLON_IN_TEXT, "yaml-syntaxis")]


@case("yaml-tab-indentation")
def _(project: Project) -> list[str]:
    where = project.replace("data/onderwerpen.yaml", "    naam: Dublin\n", "\tnaam: Dublin\n")
    return [where.error(*TAB, "yaml-syntaxis")]


@case("yaml-duplicate-key")
def _(project: Project) -> list[str]:
    added = project.replace("data/bronnen.yaml", "    titel: Grenzen verleggen\n",
                            "    titel: Grenzen verleggen\n    uitgever: Clingendael\n", at="uitgever")
    # The second of the two keys is reported, here the one that was already there; the message names the first.
    where = project.spot("data/bronnen.yaml", "uitgever: Instituut Clingendael")
    return [where.error(f"de sleutel 'uitgever' komt twee keer voor (ook op regel {added.line})",
                        "verwijder of hernoem een van beide", "dubbele-sleutel")]


@case("data-file-empty")
def _(project: Project) -> list[str]:
    where = project.write("data/tijdlijn.yaml", "")
    return [where.error("het bestand is leeg", "begin met de velden van Tijdlijn", "leeg-bestand")]


@case("data-file-is-a-list")
def _(project: Project) -> list[str]:
    # Without its key, the indented list of onderwerpen is still valid YAML, but a list, not fields.
    where = project.replace("data/onderwerpen.yaml", "onderwerpen:\n  - id: externalisering\n",
                            "  - id: externalisering\n", at="-")
    return [where.error("het bestand moet met velden beginnen, niet met een lijst",
                        f"begin met: {', '.join(f'{field}:' for field in Onderwerpen.model_fields)}",
                        "verkeerd-type")]


@case("data-file-missing")
def _(project: Project) -> list[str]:
    where = project.remove("data/verkenning.yaml")
    return [where.error("het gegevensbestand ontbreekt", "maak verkenning.yaml aan in data", "bestand-ontbreekt")]


@case("data-file-not-utf8")
def _(project: Project) -> list[str]:
    where = project.save_as("data/onderwerpen.yaml", "cp1252", "naam: Terugkeer\n",
                            "naam: Terugkeer (retour, Rückkehr)\n")
    return [where.error(NOT_UTF8, "sla het bestand op als UTF-8", "geen-utf8")]


# --- Fields: types, required, unknown, allowed values -------------------------------------------------------------

@case("text-where-a-list-is-needed")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "onderwerpen: [externalisering, verdragen, evrm, dublin, nationale-asielpraktijk]",
                            "onderwerpen: externalisering")
    return [where.error("onderwerpen: verwacht een lijst (gevonden: 'externalisering')",
                        "schrijf elk item op een eigen regel, beginnend met '- '", "verkeerd-type")]


@case("mapping-where-text-is-needed")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "    titel: Grenzen verleggen\n",
                            "    titel:\n      nl: Grenzen verleggen\n", at="titel")
    item = project.item("data/bronnen.yaml", "bronnen", "clingendael-grenzen-verleggen")
    return [where.error(f"{item}.titel: verwacht tekst", "zet de waarde tussen aanhalingstekens",
                        "verkeerd-type")]


@case("bron-without-beschrijving")
def _(project: Project) -> list[str]:
    project.replace("data/bronnen.yaml", "    beschrijving: Screening van derdelanders aan de buitengrenzen. Onderdeel "
                    "van het Pact voor migratie en asiel.\n", "")
    where = project.spot("data/bronnen.yaml", "id: verordening-2024-1356-screening")
    item = project.item("data/bronnen.yaml", "bronnen", "verordening-2024-1356-screening")
    return [where.error("het verplichte veld 'beschrijving' ontbreekt", f"voeg 'beschrijving:' toe aan {item}",
                        "verplicht-veld")]


@case("nota-without-geadresseerde")
def _(project: Project) -> list[str]:
    project.replace(NOTA, "geadresseerde: De Minister van Asiel en Migratie\n", "")
    where = project.spot(NOTA, "referentie:")
    return [where.error("het verplichte veld 'geadresseerde' ontbreekt", "voeg 'geadresseerde:' toe aan het bestand",
                        "verplicht-veld")]


@case("kernpunt-without-tekst")
def _(project: Project) -> list[str]:
    project.replace(NOTA, '    tekst: "**Uitdagingen in de nationale asielpolitiek**"\n', "")
    where = project.spot(NOTA, "id: 6501580-nationale-uitdagingen")
    item = project.item(NOTA, "kernpunten", "6501580-nationale-uitdagingen")
    return [where.error("het verplichte veld 'tekst' ontbreekt", f"voeg 'tekst:' toe aan {item}",
                        "verplicht-veld")]


@case("unknown-field-title")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "    titel: Grenzen verleggen\n", "    title: Grenzen verleggen\n",
                            at="title")
    record = project.spot("data/bronnen.yaml", "id: clingendael-grenzen-verleggen")
    item = project.item("data/bronnen.yaml", "bronnen", "clingendael-grenzen-verleggen")
    return [record.error("het verplichte veld 'titel' ontbreekt", f"voeg 'titel:' toe aan {item}", "verplicht-veld"),
            where.error("onbekend veld 'title'", "bedoelt u 'titel'?", "onbekend-veld")]


@case("empty-naam")
def _(project: Project) -> list[str]:
    where = project.replace("data/onderwerpen.yaml", "    naam: Terugkeer\n", '    naam: ""\n', at="naam")
    item = project.item("data/onderwerpen.yaml", "onderwerpen", "terugkeer")
    return [where.error(f"{item}.naam: mag niet leeg zijn",
                        "vul een waarde in", "lege-waarde")]


@case("invalid-soort-of-bron")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "    soort: rapport\n", "    soort: raport\n", at="soort")
    item = project.item("data/bronnen.yaml", "bronnen", "clingendael-grenzen-verleggen")
    return [where.error(f"{item}.soort: 'raport' is geen toegestane waarde", f"kies uit: {choices(BronSoort)}",
                        "ongeldige-waarde")]


@case("invalid-status-of-nota")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "status: ter besluitvorming\n", "status: ter besluitvoering\n", at="status")
    return [where.error("status: 'ter besluitvoering' is geen toegestane waarde", f"kies uit: {choices(NotaStatus)}",
                        "ongeldige-waarde")]


@case("unknown-diwoo-publisher")
def _(project: Project) -> list[str]:
    where = project.replace("data/diwoo.yaml", "uitgever: mnre1058\n", "uitgever: JenV\n", at="uitgever")
    return [where.error("uitgever: 'JenV' is geen uitgever die de DiWoo-metadata kent",
                        "kies mnre1058 (ministerie van Justitie en Veiligheid) of mnre1162 (ministerie van Asiel en "
                        "Migratie)", "onbekende-uitgever")]


@case("yes-where-true-is-needed")
def _(project: Project) -> list[str]:
    where = project.replace("data/tijdlijn.yaml", "    bij_benadering: true\n", "    bij_benadering: ja\n",
                            at="bij_benadering")
    item = project.item("data/tijdlijn.yaml", "gebeurtenissen", "publicatie-clingendael")
    return [where.error(f"{item}.bij_benadering: verwacht true of false (gevonden: 'ja')", "schrijf true of false",
                        "verkeerd-type")]


@case("invalid-url")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "    status: gepubliceerd\n    url: https://www.clingendael.org/",
                            "    status: gepubliceerd\n    url: www.clingendael.org/", at="url")
    url = "www.clingendael.org/publication/pushing-boundaries-externalisation-asylum-and-broad-based-reform-initiative"
    item = project.item("data/bronnen.yaml", "bronnen", "clingendael-grenzen-verleggen")
    return [where.error(f"{item}.url: '{url}' heeft niet de juiste vorm",
                        "schrijf een volledig webadres dat begint met https://", "ongeldige-waarde")]


# --- Acknowledged warnings (erkend:) ------------------------------------------------------------------------------

ACKNOWLEDGEMENT = "  - code: datum-voor-aanleiding\n"  # the seed note's, in data/notas/6501580.yaml


@case("acknowledgement-of-an-unknown-code")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, ACKNOWLEDGEMENT, "  - code: datum-voor-aanleidng\n", at="code")
    return [where.error("erkend[nr. 1].code: 'datum-voor-aanleidng' is geen toegestane waarde",
                        f"kies uit: {choices(Erkenning.model_fields['code'].annotation)}", "ongeldige-waarde")]


@case("acknowledgement-without-a-reason")
def _(project: Project) -> list[str]:
    text = project.text(NOTA)
    reason = text[text.index("    reden: "):text.index("\nkernpunten:") + 1]
    project.replace(NOTA, reason, "")
    where = project.spot(NOTA, "code: datum-voor-aanleiding")
    return [where.error("het verplichte veld 'reden' ontbreekt", "voeg 'reden:' toe aan erkend[nr. 1]",
                        "verplicht-veld")]


# --- Ids and references -----------------------------------------------------------------------------------------------

@case("slug-with-capitals-and-space")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "  - id: dublin-iii\n", "  - id: Dublin III\n", at="id")
    item = project.item("data/bronnen.yaml", "bronnen", "Dublin III")  # named by what it says, though not valid
    return [where.error(f"{item}.id: 'Dublin III' heeft niet de juiste vorm", SLUG_HINT, "ongeldige-id")]


@case("referentie-with-letters")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, 'referentie: "6501580"', 'referentie: "65O158O"')
    return [where.error("referentie: '65O158O' heeft niet de juiste vorm",
                        "een referentie bestaat uit 4 tot 10 cijfers, bijvoorbeeld 6501580", "ongeldige-id")]


@case("duplicate-bron-id")
def _(project: Project) -> list[str]:
    first = project.line_of("data/bronnen.yaml", "  - id: evrm\n")
    where = project.append("data/bronnen.yaml",
                           "  - id: evrm\n    soort: verdrag\n    titel: EVRM\n    beschrijving: Dubbel.\n",
                           at="id: evrm")
    return [where.error(f"de id 'evrm' van de bron bestaat al (data/bronnen.yaml:{first})",
                        "kies een id die nog niet gebruikt wordt", "dubbele-id")]


@case("duplicate-kernpunt-id")
def _(project: Project) -> list[str]:
    first = project.line_of(NOTA, "  - id: 6501580-verkenning\n")
    where = project.replace(NOTA, "  - id: 6501580-nationale-uitdagingen\n",
                            "  - id: 6501580-verkenning\n    tekst: Nog een keer.\n"
                            "  - id: 6501580-nationale-uitdagingen\n", at="id: 6501580-verkenning")
    return [where.error(f"de id '6501580-verkenning' van het kernpunt bestaat al ({NOTA}:{first})",
                        "kies een id die nog niet gebruikt wordt", "dubbele-id")]


@case("unknown-bron-in-kernpunt")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "bronnen: [chisinau-verklaring-2026, evrm, dublin-iii]",
                            "bronnen: [chisinau-verklaring-2026, evrn, dublin-iii]", at="evrn")
    return [where.error("onbekende bron 'evrn'", "bedoelt u 'evrm'?", "onbekende-id")]


@case("unknown-onderwerp-in-nota")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "onderwerpen: [externalisering, verdragen, evrm, dublin, nationale-asielpraktijk]",
                            "onderwerpen: [externalisering, verdragen, evrm, dublinn, nationale-asielpraktijk]",
                            at="dublinn")
    return [where.error("onbekend onderwerp 'dublinn'", "bedoelt u 'dublin'?", "onbekende-id")]


@case("unknown-gebeurtenis-in-aanleiding")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "kamerbrief-toegezegd, jbz-raad-juni-2026]", "kamerbrief-toegezegd, jbz-raad]",
                            at="jbz-raad")
    return [where.error("onbekende gebeurtenis 'jbz-raad'", "bedoelt u 'jbz-raad-juni-2026'?", "onbekende-id")]


@case("unknown-bron-in-tijdlijn-no-suggestion")
def _(project: Project) -> list[str]:
    where = project.replace("data/tijdlijn.yaml", "    bronnen: [verzoek-tk-brede-verkenning]\n",
                            "    bronnen: [motie-van-der-plas]\n", at="motie-van-der-plas")
    return [where.error("onbekende bron 'motie-van-der-plas'",
                        "voeg de bron 'motie-van-der-plas' toe in data/bronnen.yaml", "onbekende-id")]


@case("unknown-kernpunt-in-verkenning")
def _(project: Project) -> list[str]:
    where = project.replace("data/verkenning.yaml",
                            "Uitvoeringsproblemen.\n    kernpunt: 6501580-uitdagingen-mensenrechtenverdragen\n",
                            "Uitvoeringsproblemen.\n    kernpunt: 6501580-uitdagingen-mensenrechten\n", at="kernpunt:")
    # A single value is reported at its key; an item of a list at the item itself.
    return [where.error("onbekend kernpunt '6501580-uitdagingen-mensenrechten'",
                        "bedoelt u '6501580-uitdagingen-mensenrechtenverdragen'?", "onbekende-id")]


@case("unknown-model-in-modellen")
def _(project: Project) -> list[str]:
    where = project.replace("data/modellen.yaml", "modellen: [terugkeer-transithubs]", "modellen: [transithubs]",
                            at="transithubs")
    return [where.error("onbekend model 'transithubs'", "bedoelt u 'terugkeer-transithubs'?", "onbekende-id")]


@case("kernpunt-id-without-referentie")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "  - id: 6501580-externalisering\n", "  - id: externalisering\n", at="id")
    return [where.error("de kernpunt-id 'externalisering' begint niet met de referentie van de nota",
                        "noem het kernpunt 6501580-externalisering", "kernpunt-id")]


@case("nota-file-named-after-another-referentie")
def _(project: Project) -> list[str]:
    text = project.text(NOTA)
    project.remove(NOTA)
    project.write("data/notas/6501581.yaml", text)
    where = project.spot("data/notas/6501581.yaml", "referentie:")
    return [where.error("de referentie 6501580 past niet bij de bestandsnaam", "noem het bestand 6501580.yaml",
                        "bestandsnaam-nota")]


# --- Dates ----------------------------------------------------------------------------------------------------------

@case("date-february-30")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "    datum: 2025-03-11\n", "    datum: 2025-02-30\n", at="datum")
    item = project.item("data/bronnen.yaml", "bronnen", "com-2025-101-terugkeer")
    return [where.error(f"{item}.datum: '2025-02-30' bestaat niet in de kalender", PARTIAL_DATE_HINT,
                        "ongeldige-datum")]


@case("date-month-13")
def _(project: Project) -> list[str]:
    where = project.replace("data/tijdlijn.yaml", "    datum: 2026-02-23\n", "    datum: 2026-13\n", at="datum")
    item = project.item("data/tijdlijn.yaml", "gebeurtenissen", "verordeningen-2026-vastgesteld")
    return [where.error(f"{item}.datum: '2026-13' bestaat niet in de kalender", PARTIAL_DATE_HINT,
                        "ongeldige-datum")]


@case("nota-date-day-first")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "datum: 2025-05-11\n", "datum: 11-05-2025\n", at="datum")
    return [where.error("datum: '11-05-2025' is geen volledige datum", DATE_HINT, "ongeldige-datum")]


@case("nota-date-only-a-year")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "datum: 2025-05-11\n", "datum: 2025\n", at="datum")
    return [where.error("datum: '2025' is geen volledige datum", DATE_HINT, "ongeldige-datum")]


# --- Official identifiers ---------------------------------------------------------------------------------------------

@case("celex-one-digit-short")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "      celex: 32024R1348\n", "      celex: 2024R1348\n", at="celex")
    item = project.item("data/bronnen.yaml", "bronnen", "verordening-2024-1348-asielprocedure")
    return [where.error(f"{item}.identificatie.celex: '2024R1348' is geen geldig CELEX (voorbeeld: 32024R1348)",
                        IDENTIFIER_HINT, "ongeldige-identificatie")]


@case("com-written-loosely")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "      com: COM(2025) 101 final\n", "      com: COM 2025/101\n",
                            at="com")
    item = project.item("data/bronnen.yaml", "bronnen", "com-2025-101-terugkeer")
    return [where.error(f"{item}.identificatie.com: 'COM 2025/101' is geen geldig COM-document "
                        "(voorbeeld: COM(2025) 101 final)", IDENTIFIER_HINT, "ongeldige-identificatie")]


@case("ets-without-leading-zeros")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", '      ets: "005"\n', "      ets: 5\n", at="ets")
    item = project.item("data/bronnen.yaml", "bronnen", "evrm")
    return [where.error(f"{item}.identificatie.ets: '5' is geen geldig ETS/CETS-nummer (voorbeeld: 005)",
                        IDENTIFIER_HINT, "ongeldige-identificatie")]


@case("kamerstuk-with-nr")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "    status: toegezegd\n",
                            "    status: toegezegd\n    identificatie:\n      kamerstuk: 19637 nr. 3300\n",
                            at="kamerstuk")
    item = project.item("data/bronnen.yaml", "bronnen", "kamerbrief-appreciatie-verkenning")
    return [where.error(f"{item}.identificatie.kamerstuk: '19637 nr. 3300' is geen geldig Kamerstuk "
                        "(voorbeeld: 19637-3300)", IDENTIFIER_HINT, "ongeldige-identificatie")]


@case("ecli-with-dash")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "      pb: PB L 180 van 29.6.2013\n",
                            "      pb: PB L 180 van 29.6.2013\n      ecli: ECLI:NL:RVS:2024-1234\n", at="ecli:")
    item = project.item("data/bronnen.yaml", "bronnen", "dublin-iii")
    return [where.error(f"{item}.identificatie.ecli: 'ECLI:NL:RVS:2024-1234' is geen geldig ECLI "
                        "(voorbeeld: ECLI:NL:RVS:2024:1234)", IDENTIFIER_HINT, "ongeldige-identificatie")]


# --- Pages --------------------------------------------------------------------------------------------------------

@case("unknown-tag-in-front-matter")
def _(project: Project) -> list[str]:
    where = project.replace("docs/appreciatie-grenzen-verleggen.md", "tags:\n  - Externalisering\n",
                            "tags:\n  - Dublinn\n", at="Dublinn")
    return [where.error("onbekend onderwerp 'Dublinn' in tags", f"kies uit: {', '.join(project.tag_names())}",
                        "onbekend-onderwerp")]


@case("tags-as-text")
def _(project: Project) -> list[str]:
    where = project.replace("docs/appreciatie-grenzen-verleggen.md", "tags:\n  - Externalisering\n  - Verdragen\n",
                            "tags: Dublin\n", at="tags")
    return [where.error("tags: verwacht een lijst",
                        "schrijf tags: [Dublin] of elk onderwerp op een eigen regel met '- '", "verkeerd-type")]


@case("front-matter-broken-yaml")
def _(project: Project) -> list[str]:
    # A colon inside an unquoted value: the title must be quoted.
    where = project.replace("docs/appreciatie-grenzen-verleggen.md", "---\nhide:\n",
                            "---\ntitle: Appreciatie: Grenzen verleggen\nhide:\n", at=": Grenzen")
    return [where.error(*COLON_IN_TEXT, "yaml-syntaxis")]


@case("unknown-macro")
def _(project: Project) -> list[str]:
    where = project.replace("docs/kernpunten.md", "{{ kernpunten_per_onderwerp() }}", "{{ kernpunten_per_onderwep() }}",
                            at="kernpunten_per_onderwep")
    return [where.error("onbekende macro of variabele 'kernpunten_per_onderwep'",
                        "bedoelt u kernpunten_per_onderwerp(...)?", "onbekende-macro")]


@case("unknown-macro-near-two")
def _(project: Project) -> list[str]:
    where = project.replace("docs/verkenning-verdragen.md", '{{ bron("evrm") }}', '{{ bronn("evrm") }}', at="bronn")
    return [where.error("onbekende macro of variabele 'bronn'", "bedoelt u bron(...) of bronnen(...)?",
                        "onbekende-macro")]


@case("unknown-macro-near-none")
def _(project: Project) -> list[str]:
    where = project.replace("docs/verkenning-verdragen.md", '{{ bron("evrm") }}', "{{ samenvatting() }}",
                            at="samenvatting")
    return [where.error("onbekende macro of variabele 'samenvatting'",
                        "de macro's staan in de redactiehandleiding onder 'Macro's in pagina's'", "onbekende-macro")]


@case("unknown-filter")
def _(project: Project) -> list[str]:
    where = project.replace("docs/index.md", "{{ notas(aantal=5) }}", "{{ notas(aantal=5) | kort }}", at="kort")
    return [where.error("onbekend filter 'kort'",
                        "laat het filter weg; de macro's van deze site hebben geen filter nodig", "onbekende-macro")]


@case("macro-with-too-many-arguments")
def _(project: Project) -> list[str]:
    where = project.replace("docs/verkenning-verdragen.md", '{{ bron("evrm") }}', '{{ bron("evrm", "extra") }}',
                            at="bron")
    first = project.ids("data/bronnen.yaml", "bronnen")[0]
    return [where.error("verkeerde argumenten voor macro 'bron' (2 gegeven)", f'schrijf bron("{first}")',
                        "macro-argumenten")]


@case("macro-without-its-argument")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA_PAGE, '{{ kernpunten("6501580") }}', "{{ kernpunten() }}", at="kernpunten")
    return [where.error("verkeerde argumenten voor macro 'kernpunten' (0 gegeven)",
                        f'schrijf kernpunten("{project.first_referentie()}")', "macro-argumenten")]


@case("macro-id-without-quotes")
def _(project: Project) -> list[str]:
    where = project.replace("docs/verkenning-verdragen.md", '{{ bron("evrm") }}', "{{ bron(evrm) }}", at="evrm")
    return [where.error("'evrm' staat niet tussen aanhalingstekens", 'schrijf "evrm" als het een id is',
                        "macro-argumenten")]


@case("macro-argument-of-wrong-type")
def _(project: Project) -> list[str]:
    where = project.replace("docs/index.md", "{{ notas(aantal=5) }}", '{{ notas(aantal="vijf") }}', at="notas")
    return [where.error("macro 'notas': aantal moet een geheel getal of leeg zijn, niet 'vijf'",
                        "schrijf bijvoorbeeld notas(aantal=5)", "macro-argumenten")]


@case("unknown-bron-in-page")
def _(project: Project) -> list[str]:
    where = project.replace("docs/verkenning-verdragen.md", '{{ bron("chisinau-verklaring-2026") }}',
                            '{{ bron("chisinau-verklaring") }}', at="chisinau-verklaring")
    return [where.error("onbekende bron 'chisinau-verklaring'", "bedoelt u 'chisinau-verklaring-2026'?",
                        "onbekende-id")]


@case("unknown-kernpunt-in-page")
def _(project: Project) -> list[str]:
    where = project.replace("docs/appreciatie-grenzen-verleggen.md", '{{ kernpunt("6501580-kabinet-onderschrijft") }}',
                            '{{ kernpunt("6501580-kabinet-onderschrift") }}', at="6501580-kabinet-onderschrift")
    return [where.error("onbekend kernpunt '6501580-kabinet-onderschrift'",
                        "bedoelt u '6501580-kabinet-onderschrijft'?", "onbekende-id")]


@case("unknown-nota-in-page")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA_PAGE, '{{ nota_kop("6501580") }}', '{{ nota_kop("6510580") }}', at="6510580")
    return [where.error("onbekende nota '6510580'", "bedoelt u '6501580'?", "onbekende-id")]


@case("unclosed-macro-call")
def _(project: Project) -> list[str]:
    edit = project.replace("docs/tijdlijn.md", "{{ tijdlijn() }}", "{{ tijdlijn()")
    where = Spot(edit.path, edit.line, 1)  # Jinja names the line only
    return [where.error("Jinja-fout: '{{' wordt niet gesloten: '}}' ontbreekt", RAW_HINT, "jinja-syntaxis")]


@case("macro-call-one-brace-short")
def _(project: Project) -> list[str]:
    edit = project.replace("docs/index.md", "{{ notas(aantal=5) }}", "{{ notas(aantal=5) }")
    where = Spot(edit.path, edit.line, 1)
    return [where.error("Jinja-fout: een losse '}': '{{' sluit met '}}' en '{%' met '%}'", RAW_HINT, "jinja-syntaxis")]


@case("stray-block-tag-in-text")
def _(project: Project) -> list[str]:
    edit = project.replace("docs/index.md", "Op deze site publiceert", "Op deze site {% publiceert")
    where = Spot(edit.path, edit.line, 1)
    return [where.error("Jinja-fout: '{% publiceert' is geen opdracht die deze site kent",
                        'opdrachten zijn er alleen voor {% call niet_openbaar("5.1.2e") %} ... {% endcall %}; '
                        "tekst met {% letterlijk: zet er {% raw %} ... {% endraw %} omheen", "jinja-syntaxis")]


@case("text-after-a-macro-call")
def _(project: Project) -> list[str]:
    edit = project.replace("docs/tijdlijn.md", "{{ tijdlijn() }}", "{{ tijdlijn() en meer }}")
    where = Spot(edit.path, edit.line, 1)
    return [where.error("Jinja-fout: na de macro-aanroep staat nog 'en' voor de '}}'",
                        'zet elke macro in eigen {{ }}, zoals {{ bron("evrm") }}; tekst hoort buiten de accolades',
                        "jinja-syntaxis")]


@case("curly-quotes-around-an-id")
def _(project: Project) -> list[str]:
    edit = project.replace("docs/verkenning-verdragen.md", '{{ bron("evrm") }}', "{{ bron(\u201cevrm\u201d) }}")
    where = Spot(edit.path, edit.line, 1)
    return [where.error("Jinja-fout: '\u201c' is een gekruld aanhalingsteken: Jinja kent alleen rechte",
                        "schrijf het id tussen rechte aanhalingstekens: \" of '", "jinja-syntaxis")]


@case("closing-parenthesis-missing")
def _(project: Project) -> list[str]:
    edit = project.replace("docs/verkenning-verdragen.md", '{{ bron("evrm") }}', '{{ bron("evrm" }}')
    where = Spot(edit.path, edit.line, 1)
    return [where.error("Jinja-fout: ')' ontbreekt: er staat '}' voordat de aanroep is gesloten",
                        "sluit elk haakje en aanhalingsteken van de aanroep, dan '}}'", "jinja-syntaxis")]


@case("kernpunt-given-a-referentie")
def _(project: Project) -> list[str]:
    referentie = project.first_referentie()
    page = "docs/appreciatie-grenzen-verleggen.md"
    old = next(line for line in project.text(page).splitlines() if line.startswith("{{ kernpunt(\""))
    where = project.replace(page, old, f'{{{{ kernpunt("{referentie}") }}}}', at=referentie)
    return [where.error(f"onbekend kernpunt '{referentie}'",
                        f"'{referentie}' is de referentie van een nota, geen kernpunt: schrijf "
                        f'kernpunten("{referentie}") voor de nota, of kernpunt("{referentie}-...") met de id van één '
                        "kernpunt", "onbekende-id")]


@case("page-not-utf8")
def _(project: Project) -> list[str]:
    where = project.save_as("docs/tijdlijn.md", "cp1252", "# Tijdlijn\n", "# Tijdlijn – één overzicht\n")
    return [where.error(NOT_UTF8, "sla het bestand op als UTF-8", "geen-utf8")]


@case("nota-without-its-page")
def _(project: Project) -> list[str]:
    where = project.remove(NOTA_PAGE)
    return [where.error("deze pagina ontbreekt", "maak haar aan; voor een nota: make nota REF=<referentie>",
                        "pagina-ontbreekt")]


# --- Woo: what is not public -------------------------------------------------------------------------------------

GROUND_HINT = "schrijf de grond zoals op een gelakt Woo-document, bijvoorbeeld 5.1.2e"


@case("unknown-ground-of-kernpunt")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "    bronnen: [kamerbrief-appreciatie-verkenning, verzoek-tk-brede-verkenning]\n",
                            "    bronnen: [kamerbrief-appreciatie-verkenning, verzoek-tk-brede-verkenning]\n"
                            "    niet_openbaar: 5.1.3e\n", at="niet_openbaar")
    return [where.error("onbekende weigeringsgrond '5.1.3e'", "bedoelt u '5.1.2e'?", "onbekende-id")]


@case("ground-written-in-words")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "    bronnen: [kamerbrief-appreciatie-verkenning, verzoek-tk-brede-verkenning]\n",
                            "    bronnen: [kamerbrief-appreciatie-verkenning, verzoek-tk-brede-verkenning]\n"
                            "    niet_openbaar: persoonlijke levenssfeer\n", at="niet_openbaar")
    item = project.item(NOTA, "kernpunten", "6501580-verkenning")
    return [where.error(f"{item}.niet_openbaar: 'persoonlijke levenssfeer' heeft niet de juiste vorm", GROUND_HINT,
                        "ongeldige-id")]


@case("unknown-ground-of-passage")
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", '\n{% call niet_openbaar("5.1.3e") %}\nIntern.\n{% endcall %}\n',
                           at="5.1.3e")
    return [where.error("onbekende weigeringsgrond '5.1.3e'", "bedoelt u '5.1.2e'?", "onbekende-id")]


@case("passage-macro-without-call-block")
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", '\n{{ niet_openbaar("5.1.2e") }}\n', at="niet_openbaar")
    return [where.error("macro 'niet_openbaar' omsluit tekst en staat niet in een call-blok",
                        'schrijf {% call niet_openbaar("5.1.2e") %} tekst {% endcall %}', "macro-argumenten")]


@case("withheld-page-without-ground")
def _(project: Project) -> list[str]:
    project.write("docs/intern.md", "---\nopenbaar: false\n---\n# Intern\n\nTekst.\n")
    where = project.spot("docs/intern.md", "openbaar")
    return [where.error("het verplichte veld 'weigeringsgrond' ontbreekt",
                        "voeg 'weigeringsgrond:' toe met een id uit data/weigeringsgronden.yaml, bijvoorbeeld 5.1.2e",
                        "verplicht-veld")]


@case("withheld-page-without-macros")
def _(project: Project) -> list[str]:
    project.write("docs/intern.md", "---\nopenbaar: false\nweigeringsgrond: 5.1.2e\nrender_macros: false\n---\n"
                                    "# Intern\n")
    where = project.spot("docs/intern.md", "render_macros")
    return [where.error("een pagina die niet openbaar is, heeft haar macro's nodig",
                        "laat 'render_macros: false' weg; zet tekst met {{ of {% tussen {% raw %} en {% endraw %}",
                        "ongeldige-waarde")]


@case("withheld-note-page")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA_PAGE, '{{ nota_kop("6501580") }}',
                            '---\nopenbaar: false\nweigeringsgrond: 5.1.2e\n---\n{{ nota_kop("6501580") }}',
                            at="openbaar")
    return [where.error("de pagina van een nota kan niet als geheel niet openbaar zijn",
                        "markeer kernpunten en velden in het gegevensbestand van de nota, en passages met "
                        '{% call niet_openbaar("5.1.2e") %}', "ongeldige-waarde")]



# --- Positions over time: replacement and withdrawal (on the fixture notes of tests/positions_fixture.py) ----------

def _positions(project: Project) -> Project:
    add_notes(project.root)
    return project


TWICE_HINT = ("laat één record zeggen wat het eerdere vervangt; een nog latere vervanging vervangt het vervangende "
              "kernpunt")
NEW_TEXT = "    tekst: Het standpunt van de nota die de vorige als geheel vervangt.\n"


@case("positions-cycle")
def _(project: Project) -> list[str]:
    notes = _positions(project)
    path = f"data/notas/{NEW}.yaml"
    notes.replace(path, NEW_TEXT, f"{NEW_TEXT}    vervangt: [{NEW}-tweede]\n  - id: {NEW}-tweede\n"
                  f"    tekst: Een tweede.\n    vervangt: [{NEW}-nieuw]\n")
    where = notes.spot(path, f"[{NEW}-nieuw]")
    return [Spot(path, where.line, where.column + 1).error(
        f"de kernpunten {NEW}-nieuw → {NEW}-tweede → {NEW}-nieuw vervangen elkaar in een kring",
        "alleen het latere kernpunt vermeldt wat het vervangt", "standpunt-kring")]


@case("positions-replaced-twice")
def _(project: Project) -> list[str]:
    notes = _positions(project)
    notes.replace(f"data/notas/{THIRD}.yaml", f"vervangt: [{SECOND}-tweede]",
                  f"vervangt: [{SECOND}-tweede, {FIRST}-blijft]")
    where = notes.replace(f"data/notas/{NEW}.yaml", NEW_TEXT, f"{NEW_TEXT}    vervangt: [{FIRST}-blijft]\n",
                          at=f"{FIRST}-blijft")
    return [where.error(f"het kernpunt '{FIRST}-blijft' wordt al vervangen of ingetrokken: het kernpunt "
                        f"'{THIRD}-derde' vervangt het al", TWICE_HINT, "standpunt-dubbel")]


@case("positions-replacement-dated-before")
def _(project: Project) -> list[str]:
    notes = _positions(project)
    where = notes.replace(f"data/notas/{FIRST}.yaml", "    tekst: Een standpunt dat actueel blijft.\n",
                          f"    tekst: Een standpunt dat actueel blijft.\n    vervangt: [{NEW}-nieuw]\n",
                          at=f"{NEW}-nieuw")
    return [where.error(f"de nota {FIRST} (2024-01-10) is gedateerd vóór de nota {NEW} (2025-06-01), waarvan zij "
                        f"het kernpunt '{NEW}-nieuw' vervangt", "controleer de datums en welk standpunt het latere is",
                        "standpunt-datum")]


@case("positions-replacement-of-a-withheld-kernpunt")
def _(project: Project) -> list[str]:
    notes = _positions(project)
    notes.replace(f"data/notas/{FIRST}.yaml", "    tekst: Een standpunt dat actueel blijft.\n",
                  "    tekst: Een standpunt dat actueel blijft.\n    niet_openbaar: 5.1.2e\n")
    where = notes.replace(f"data/notas/{NEW}.yaml", NEW_TEXT, f"{NEW_TEXT}    vervangt: [{FIRST}-blijft]\n",
                          at=f"{FIRST}-blijft")
    return [where.error(f"het kernpunt '{FIRST}-blijft' is niet openbaar: de openbare site zou een vervangen "
                        "standpunt als actueel tonen of zeggen wat niet openbaar is",
                        "vervang of trek alleen openbare standpunten in", "standpunt-niet-openbaar")]

def assert_known_codes(lines: list[str]) -> None:
    for line in lines:
        match = FINDING.match(line)
        assert match, line
        assert match["code"] in CATALOG, line
        assert CATALOG[match["code"]].severity == match["severity"], line


@pytest.mark.parametrize("name", list(CASES))
def test_mistake_fails_check_and_build_with_the_expected_findings(name, tmp_path):
    project = copy_project(tmp_path / "project")
    expected = CASES[name](Project(project))
    assert expected, "a mistake must produce at least one finding"
    assert_known_codes(expected)

    check = run_check(project)
    assert "Traceback" not in check.stdout + check.stderr, check.stderr
    assert check.returncode == 1, check.stdout + check.stderr
    findings = [line for line in check.stdout.splitlines() if not ACKNOWLEDGED.match(line)]  # the seed note's
    assert_known_codes(findings)
    assert error_lines(check.stdout) == expected
    assert re.search(rf"^{len(expected)} fout\(en\), ", check.stderr, re.MULTILINE), check.stderr

    result = build(project, tmp_path / "out")
    assert "Traceback" not in result.output, result.output
    assert result.returncode != 0, result.output
    assert error_lines(result.output) == expected, result.output


def test_a_stale_acknowledgement_is_one_warning_with_file_line_and_fix(tmp_path):
    """An acknowledgement whose warning no longer fires for its record (here: one the note never gets) warns once,
    where it stands; the warning it no longer covers warns again. Neither fails check or build."""
    project = Project(copy_project(tmp_path / "project"))
    where = project.replace(NOTA, ACKNOWLEDGEMENT, "  - code: nota-zonder-kernpunten\n", at="code")
    date = project.spot(NOTA, "\ndatum: ")
    expected = [Spot(NOTA, date.line + 1, 1).warning(
                    "de nota is gedateerd vóór haar aanleiding 'verzoek-tweede-kamer' (17 juni 2025)",
                    "controleer de datum van de nota en van de gebeurtenis", "datum-voor-aanleiding"),
                where.warning("de waarschuwing [nota-zonder-kernpunten] is erkend, maar wordt voor de nota "
                              "'6501580' niet (meer) gegeven", "haal deze erkenning weg uit 'erkend:'",
                              "erkenning-verouderd")]
    check = run_check(project.root)
    assert check.returncode == 0, check.stdout + check.stderr
    assert finding_lines(check.stdout, "warning") == expected
    assert "0 fout(en), 2 waarschuwing(en), 0 erkend" in check.stderr
    result = build(project.root, tmp_path / "out")
    assert result.returncode == 0, result.output
    assert finding_lines(result.output, "warning") == expected


def test_the_unbroken_copy_has_no_errors(tmp_path):
    """The corpus is only meaningful if the copy fails because of the one edit."""
    project = copy_project(tmp_path / "project")
    check = run_check(project)
    assert check.returncode == 0, check.stdout + check.stderr
    assert error_lines(check.stdout) == []
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.output


# Codes no content can produce through both `make check` and the build, with the reason.
UNTRIGGERABLE = {
    "macro-fout": "the build's fallback for a macro that raises; a page holds only macro calls with literal "
                  "arguments (pagina-jinja), which `make check` validates first, so no content reaches it",
    "verouderd-schema": "only in a pipeline (CI set), where make check does not write schemas/: "
                        "tests/test_schemas.py gives it",
}


def test_a_value_from_a_variable_is_refused_before_the_build(tmp_path):
    """A macro argument from a variable is what `make check` cannot read: both refuse it, so the build's fallback
    (`macro-fout`) is never what an editor sees."""
    project = copy_project(tmp_path / "project")
    edit = Project(project).replace("docs/index.md", "{{ notas(aantal=5) }}",
                                    '{% set aantal = "vijf" %}{{ notas(aantal=aantal) }}')
    expected = [Spot(edit.path, edit.line, 1).error(
        "een pagina mag alleen macro's aanroepen met vaste waarden, niet '{% set %}': wat de controle niet vooraf kan "
        "lezen, wordt niet gebouwd", 'schrijf tekst en macro-aanroepen met vaste waarden, zoals {{ bron("evrm") }}; '
        "tekst met {{ of {% letterlijk: zet er {% raw %} ... {% endraw %} omheen", "pagina-jinja")]
    assert error_lines(run_check(project).stdout) == expected
    result = build(project, tmp_path / "out")
    assert "Traceback" not in result.output, result.output
    assert result.returncode != 0, result.output
    assert error_lines(result.output) == expected


def test_every_error_code_is_produced_by_some_mistake(tmp_path):
    produced: set[str] = set()
    # The refused cases of the adversarial corpus count too.
    refused = [case.edit for case in all_cases() if case.outcome == "refused" and not case.known_open]
    for number, make in enumerate([*CASES.values(), *refused]):
        project = copy_project(tmp_path / str(number), parts=("docs", "data"))
        produced |= {FINDING.match(line)["code"] for line in make(Project(project))}
    error_codes = {code for code, message in CATALOG.items() if message.severity == "error"}
    assert set(UNTRIGGERABLE) <= error_codes
    assert not produced & set(UNTRIGGERABLE), "a code listed as untriggerable is covered: remove it from the list"
    assert sorted(error_codes - produced - set(UNTRIGGERABLE)) == []
