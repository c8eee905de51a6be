"""Adversarial corpus, Woo redaction of the data (issue 11, class 2): ids, restated findings and bronnen.

A withheld kernpunt's id is words, so the public build gives it a neutral id; findings and exploration points tied
to it are withheld with it; a text that restates it without the tie is for a person to judge (a warning); a bron
can be withheld, and public content that refers to it is refused.
"""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from tests.adversarial.harness import Corpus
from tests.editing import NOTA, Project, Spot, finding_lines, run_check

CASES = Corpus()
BRONNEN = "data/bronnen.yaml"
MODELLEN = "data/modellen.yaml"
VERKENNING = "data/verkenning.yaml"
TIJDLIJN = "data/tijdlijn.yaml"
PAGE = "docs/tijdlijn.md"
GROND = "5.2.1"

SECRET_ID = "6501580-terugname-rabat"
SECRET_TEXT = "De terugname via Rabat loopt vast op de termijnen die Marokko stelt"
SECRET_BRON = "verslag-ambtelijk-overleg-rabat"
SECRET_TITLE = "Verslag van het ambtelijk overleg in Rabat"
SECRET_SHORT = "Rabat-verslag"
SECRET_FILE = "verslag-rabat-vertrouwelijk.pdf"
SECRET_DESCRIPTION = "Verslag van het overleg over de termijnen voor terugname"
BRON_YAML = f"""\
  - id: {SECRET_BRON}
    soort: rapport
    titel: {SECRET_TITLE}
    korte_naam: {SECRET_SHORT}
    url: https://intranet.example/stukken/{SECRET_FILE}
    beschrijving: {SECRET_DESCRIPTION}.
    niet_openbaar: {GROND}
"""

REFERS = "verwijzing-niet-openbaar"
RESTATES = "herhaalt-niet-openbaar"
ONLY_WITHHELD = "bron-alleen-niet-openbaar"


def kernpunt_yaml(kernpunt_id: str, tekst: str, bronnen: str = "[evrm]", grond: str | None = GROND) -> str:
    """A top-level kernpunt of note 6501580 (appended at the end of its file)."""
    marking = f"    niet_openbaar: {grond}\n" if grond else ""
    return f"  - id: {kernpunt_id}\n    tekst: {tekst}\n    bronnen: {bronnen}\n{marking}"


def withhold(project: Project, kernpunt_id: str, grond: str = GROND) -> None:
    """Mark an existing sub-point of note 6501580 not public."""
    project.replace(NOTA, f"      - id: {kernpunt_id}\n",
                    f"      - id: {kernpunt_id}\n        niet_openbaar: {grond}\n")


def one_line_finding(project: Project) -> None:
    """Write the finding on EU law's conditions as one line, so a case can mark or spot it by its first words."""
    project.replace(MODELLEN, "    tekst: >-\n      Europese regels voegen beperkingen toe: sterke bescherming van "
                    "rechten, een individuele risicobeoordeling\n      en toegang tot rechtsmiddelen.\n",
                    "    tekst: EU-recht vraagt een individuele risicobeoordeling en toegang tot rechtsmiddelen.\n")


def add_withheld_bron(project: Project) -> None:
    project.append(BRONNEN, BRON_YAML, at=SECRET_BRON)


def bron_refused(where, what: str, hint: str) -> list[str]:
    return [where.error(f"de bron '{SECRET_BRON}' is niet openbaar, maar {what} is openbaar", hint, REFERS)]


REMOVE = "haal de verwijzing weg, of maak de bron openbaar"
PAGE_HINT = f'zet de verwijzing tussen {{% call niet_openbaar("{GROND}") %}} en {{% endcall %}}, of haal haar weg'


def soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def export(site, name: str) -> list[dict]:
    return json.loads((site / "export" / name).read_text(encoding="utf-8"))


# --- Ids of withheld kernpunten ---------------------------------------------------------------------------------------

@CASES.withheld("withheld-kernpunt-id")
def _(project: Project):
    project.append(NOTA, kernpunt_yaml(SECRET_ID, SECRET_TEXT), at=SECRET_ID)
    return [SECRET_ID, SECRET_TEXT]


@CASES.withheld("withheld-sub-kernpunt-ids")
def _(project: Project):
    sub = "6501580-termijnen-marokko"
    project.append(NOTA, kernpunt_yaml(SECRET_ID, SECRET_TEXT) + f"    kernpunten:\n      - id: {sub}\n"
                   "        tekst: De termijnen van Marokko zijn niet haalbaar voor de IND.\n", at=SECRET_ID)
    return [SECRET_ID, sub, "De termijnen van Marokko zijn niet haalbaar"]


@CASES.withheld("withheld-kernpunt-quoted-on-another-page")
def _(project: Project):
    withhold(project, "6501580-kabinet-onderschrijft")  # quoted on the appraisal page; a finding is tied to it
    return ["6501580-kabinet-onderschrijft", "zal in nauwe samenwerking met gelijkgezinde",
            "Onderschrijft deze bevindingen"]


@CASES.withheld("withheld-kernpunt-with-exploration-points")
def _(project: Project):
    withhold(project, "6501580-inzet-kabinet")  # quoted on the exploration page; five measures are tied to it
    return ["6501580-inzet-kabinet", "eu-wetgeving-verduidelijken", "complexiteit-terugbrengen",
            "Inzetten op verdere verduidelijking"]


@CASES.withheld("withheld-parent-kernpunt-ids-of-sub-points")
def _(project: Project):
    project.replace(NOTA, "  - id: 6501580-nationale-uitdagingen\n",
                    f"  - id: 6501580-nationale-uitdagingen\n    niet_openbaar: {GROND}\n")
    return ["6501580-nationale-uitdagingen", "6501580-uitdagingen-mensenrechtenverdragen", "6501580-inzet-kabinet",
            "complexiteit-procedure", "afspraken-dublinoverdrachten"]


@CASES.handled("neutral-ids-numbered-per-note", builds=("intern", "openbaar"))
def _(project: Project):
    project.replace(NOTA, "  - id: 6501580-nationale-uitdagingen\n",
                    f"  - id: 6501580-nationale-uitdagingen\n    niet_openbaar: {GROND}\n")

    def check(sites):
        public = {record["id"]: record for record in export(sites["openbaar"], "kernpunten.json")}
        neutral = [f"6501580-niet-openbaar-{number}" for number in (1, 2, 3)]
        assert [public[kernpunt_id]["nummer"] for kernpunt_id in neutral] == ["3", "3.1", "3.2"]
        assert [public[kernpunt_id]["ouder"] for kernpunt_id in neutral] == [None, neutral[0], neutral[0]]
        assert all(public[kernpunt_id]["weigeringsgrond"] == GROND for kernpunt_id in neutral)
        (nota,) = export(sites["openbaar"], "notas.json")
        assert nota["kernpunten"][-3:] == neutral
        assert public[neutral[1]]["url"] == f"notas/6501580/#{neutral[1]}"
        page = soup(sites["openbaar"], "notas/6501580")
        assert [page.find(id=kernpunt_id).name for kernpunt_id in neutral] == ["h3", "h4", "h4"]
        exploration = soup(sites["openbaar"], "verkenning-verdragen")
        points = [item["id"] for item in exploration.select(".bp-verkenningspunten > li")]
        groups = [heading["id"] for heading in exploration.select("h3[id^=verkenning-niet-openbaar-]")]
        assert len(groups) == 2 and len(points) == 11
        assert sorted(groups + points) == sorted(f"verkenning-niet-openbaar-{number}" for number in range(1, 14))
        internal = {record["id"] for record in export(sites["intern"], "kernpunten.json")}
        assert "6501580-inzet-kabinet" in internal and not internal & set(neutral)
    return check


@CASES.handled("quote-by-original-id-follows-neutral-id", builds=("intern", "openbaar"))
def _(project: Project):
    withhold(project, "6501580-kabinet-onderschrijft")

    def check(sites):
        quote = soup(sites["openbaar"], "appreciatie-grenzen-verleggen").select_one("figure.bp-citaat")
        assert quote.blockquote["cite"].endswith("notas/6501580/#6501580-niet-openbaar-1")
        assert quote.select_one(".bp-weigering")["data-weigeringsgrond"] == GROND
        assert quote.figcaption.a["href"] == quote.blockquote["cite"]
        internal = soup(sites["intern"], "appreciatie-grenzen-verleggen").select_one("figure.bp-citaat")
        assert internal.blockquote["cite"].endswith("#6501580-kabinet-onderschrijft")
        assert internal.select_one(".bp-niet-openbaar [data-openbaar]")
    return check


@CASES.handled("withheld-kernpunt-not-on-onderwerp-pages", builds=("intern", "openbaar"))
def _(project: Project):
    project.append(NOTA, kernpunt_yaml(SECRET_ID, SECRET_TEXT), at=SECRET_ID)  # no onderwerpen: the note's count

    def check(sites):
        for onderwerp in ("externalisering", "verdragen", "evrm", "dublin", "nationale-asielpraktijk"):
            public = soup(sites["openbaar"], f"kernpunten/{onderwerp}")
            assert not public.select(".bp-kernpunt-lijst .bp-weigering"), onderwerp
        internal = soup(sites["intern"], "kernpunten/externalisering")
        assert internal.find("a", href=f"../../notas/6501580/#{SECRET_ID}")
    return check


@CASES.refused("neutral-kernpunt-id-is-reserved", builds=("intern", "openbaar"))
def _(project: Project):
    reserved = "6501580-niet-openbaar-1"
    where = project.append(NOTA, kernpunt_yaml(reserved, "Een openbaar kernpunt.", grond=None), at="id:")
    return [where.error(f"de id '{reserved}' heeft de vorm die de openbare versie aan iets niet openbaars geeft",
                        "kies een andere id: een id die eindigt op -niet-openbaar-<nummer> is gereserveerd",
                        "ongeldige-id")]


@CASES.refused("neutral-verkenningspunt-id-is-reserved", builds=("intern", "openbaar"))
def _(project: Project):
    reserved = "verkenning-niet-openbaar-3"
    where = project.replace(VERKENNING, "  - id: uitvoeringsproblemen\n", f"  - id: {reserved}\n", at="id:")
    return [where.error(f"de id '{reserved}' heeft de vorm die de openbare versie aan iets niet openbaars geeft",
                        "kies een andere id: een id die eindigt op -niet-openbaar-<nummer> is gereserveerd",
                        "ongeldige-id")]



@CASES.refused("neutral-id-form-reserved-for-every-kind", builds=("intern", "openbaar"))
def _(project: Project):
    reserved = "verkenning-niet-openbaar-1"  # a bron among the instruments would share the page with point 1
    where = project.replace(BRONNEN, "  - id: handvest-grondrechten-eu\n", f"  - id: {reserved}\n", at="id:")
    project.replace(VERKENNING, "  - bron: handvest-grondrechten-eu\n", f"  - bron: {reserved}\n")
    return [where.error(f"de id '{reserved}' heeft de vorm die de openbare versie aan iets niet openbaars geeft",
                        "kies een andere id: een id die eindigt op -niet-openbaar-<nummer> is gereserveerd",
                        "ongeldige-id")]

@CASES.refused("withheld-id-in-page-text", builds=("intern", "openbaar"))
def _(project: Project):
    withhold(project, "6501580-kabinet-onderschrijft")
    where = project.append(PAGE, "\nZie ook kernpunt 6501580-kabinet-onderschrijft.\n",
                           at="6501580-kabinet-onderschrijft")
    return [where.error("de id '6501580-kabinet-onderschrijft' staat in de tekst van een openbare pagina, maar het "
                        "kernpunt is niet openbaar",
                        'verwijs met {{ kernpunt("6501580-kabinet-onderschrijft") }}, of zet de tekst tussen '
                        f'{{% call niet_openbaar("{GROND}") %}} en {{% endcall %}}', REFERS)]



@CASES.refused("withheld-id-in-front-matter-of-withheld-page", builds=("intern", "openbaar"))
def _(project: Project):
    withhold(project, "6501580-kabinet-onderschrijft")
    where = project.write("docs/planning.md", "---\nopenbaar: false\nweigeringsgrond: 5.1.2i\n"
                          "description: Uitwerking van 6501580-kabinet-onderschrijft\n---\n\n# Planning\n\nIntern.\n")
    where = Spot(where.path, 4, len("description: Uitwerking van ") + 1)
    return [where.error("de id '6501580-kabinet-onderschrijft' staat in de kop van een pagina, maar het kernpunt is "
                        "niet openbaar", "haal de id uit de kop van de pagina: de kop is altijd openbaar", REFERS)]


@CASES.refused("withheld-id-in-public-data-text", builds=("intern", "openbaar"))
def _(project: Project):
    where = project.append(NOTA, kernpunt_yaml(SECRET_ID, SECRET_TEXT)
                           + kernpunt_yaml("6501580-verwijst", f"Zie {SECRET_ID} hierboven.", grond=None),
                           at="tekst: Zie")
    return [where.error(f"de id '{SECRET_ID}' staat in de tekst van het kernpunt '6501580-verwijst', maar het "
                        "kernpunt is niet openbaar", "haal de id weg, of markeer ook deze tekst niet openbaar",
                        REFERS)]


@CASES.withheld("withheld-id-inside-withheld-passage")
def _(project: Project):
    project.append(NOTA, kernpunt_yaml(SECRET_ID, SECRET_TEXT), at=SECRET_ID)
    project.append(PAGE, f'\n{{% call niet_openbaar("{GROND}") %}}\nZie {SECRET_ID}.\n{{% endcall %}}\n',
                   at=SECRET_ID)
    return [SECRET_ID]



@CASES.refused("withheld-exploration-point-id-in-page-text", builds=("intern", "openbaar"))
def _(project: Project):
    withhold(project, "6501580-uitdagingen-mensenrechtenverdragen")
    where = project.append(PAGE, "\nOver complexiteit-procedure later meer.\n", at="complexiteit-procedure")
    return [where.error("de id 'complexiteit-procedure' staat in de tekst van een openbare pagina, maar de uitdaging "
                        "of maatregel is niet openbaar",
                        f'zet de tekst tussen {{% call niet_openbaar("{GROND}") %}} en {{% endcall %}}', REFERS)]


@CASES.handled("neutral-ids-restart-in-every-note", builds=("intern", "openbaar"))
def _(project: Project):
    copy = project.text(NOTA).replace('referentie: "6501580"', 'referentie: "7000002"').replace("6501580-", "7000002-")
    project.write("data/notas/7000002.yaml", copy.replace(
        "  - id: 7000002-externalisering\n", f"  - id: 7000002-externalisering\n    niet_openbaar: {GROND}\n"))
    project.write("docs/notas/7000002.md", '{{ nota_kop("7000002") }}\n\n{{ kernpunten("7000002") }}\n')

    def check(sites):
        public = [record["id"] for record in export(sites["openbaar"], "kernpunten.json")]
        assert [kernpunt_id for kernpunt_id in public if "niet-openbaar" in kernpunt_id] == [
            f"7000002-niet-openbaar-{number}" for number in range(1, 6)]
        assert "7000002-vijf-modellen" not in public and "6501580-vijf-modellen" in public
    return check

# --- Findings and exploration points that restate a withheld kernpunt ------------------------------------------------

@CASES.withheld("finding-tied-to-withheld-kernpunt")
def _(project: Project):
    withhold(project, "6501580-praktische-uitdagingen")
    return ["6501580-praktische-uitdagingen", "Capaciteit, samenwerking en partnerschappen met derde landen"]


@CASES.handled("finding-notice-in-its-place", builds=("intern", "openbaar"))
def _(project: Project):
    withhold(project, "6501580-praktische-uitdagingen")

    def check(sites):
        def cell(site):
            table = soup(site, "appreciatie-grenzen-verleggen").select_one(".bp-modellen table")
            return table.select_one("tr.bp-alle-modellen").find_all("td")[2]  # the aspect 'praktijk'
        notice = cell(sites["openbaar"]).select_one(".bp-weigering")
        assert notice["data-weigeringsgrond"] == GROND and notice.get_text().startswith("Niet openbaar")
        assert not cell(sites["openbaar"]).select("a.bp-kernpunt-ref, a.bp-bron-link")
        frame = cell(sites["intern"]).select_one(".bp-niet-openbaar")
        assert "Capaciteit" in frame.select_one("[data-openbaar]").get_text()
    return check


@CASES.withheld("exploration-points-tied-to-withheld-kernpunt")
def _(project: Project):
    withhold(project, "6501580-uitdagingen-mensenrechtenverdragen")
    return ["6501580-uitdagingen-mensenrechtenverdragen", "complexiteit-procedure", "uitvoeringsproblemen",
            "De toenemende complexiteit in de (asiel)procedure", "zien zij volgens de nota"]


@CASES.withheld("finding-marked-itself")
def _(project: Project):
    one_line_finding(project)
    project.replace(MODELLEN, "    tekst: EU-recht vraagt een individuele risicobeoordeling",
                    "    niet_openbaar: 5.1.2a\n    tekst: EU-recht vraagt een individuele risicobeoordeling")
    return ["EU-recht vraagt een individuele risicobeoordeling"]


@CASES.withheld("exploration-point-marked-itself")
def _(project: Project):
    project.replace(VERKENNING, "  - id: verklaring-raad-van-europa\n",
                    "  - id: verklaring-raad-van-europa\n    niet_openbaar: 5.1.2a\n")
    return ["verklaring-raad-van-europa", "In de Raad van Europa gewerkt aan"]


@CASES.warned("finding-restates-withheld-kernpunt-untied")
def _(project: Project):
    project.append(NOTA, kernpunt_yaml(SECRET_ID, "EU-recht vraagt een individuele risicobeoordeling en toegang "
                                                  "tot rechtsmiddelen."), at=SECRET_ID)
    one_line_finding(project)
    where = project.spot(MODELLEN, "tekst: EU-recht vraagt")
    line = project.line_of(NOTA, SECRET_ID)
    return [where.warning(f"de bevinding herhaalt het kernpunt '{SECRET_ID}' ({NOTA}:{line}), dat niet openbaar is",
                          f"koppel haar met 'kernpunt: {SECRET_ID}', markeer haar met 'niet_openbaar: {GROND}', "
                          "of herschrijf haar", RESTATES)]


@CASES.warned("exploration-point-restates-withheld-kernpunt-untied")
def _(project: Project):
    project.append(NOTA, kernpunt_yaml(SECRET_ID, "Het niet kunnen uitvoeren van Dublinoverdrachten, helaas."),
                   at=SECRET_ID)
    where = project.spot(VERKENNING, "tekst: Het niet kunnen uitvoeren")
    line = project.line_of(NOTA, SECRET_ID)
    return [where.warning(f"de uitdaging 'dublinoverdrachten' herhaalt het kernpunt '{SECRET_ID}' "
                          f"({NOTA}:{line}), dat niet openbaar is",
                          f"koppel haar met 'kernpunt: {SECRET_ID}', markeer haar met 'niet_openbaar: {GROND}', "
                          "of herschrijf haar", RESTATES)]


@CASES.warned("public-kernpunt-contains-withheld-text")
def _(project: Project):
    project.append(NOTA, kernpunt_yaml(SECRET_ID, SECRET_TEXT)
                   + kernpunt_yaml("6501580-herhaling", f'"Kortom: {SECRET_TEXT.lower()}, en dat blijft zo."',
                                   grond=None), at="6501580-herhaling")
    where = project.spot(NOTA, "tekst: \"Kortom")
    line = project.line_of(NOTA, SECRET_ID)
    return [where.warning(f"het kernpunt '6501580-herhaling' herhaalt het kernpunt '{SECRET_ID}' ({NOTA}:{line}), dat "
                          "niet openbaar is", f"markeer het met 'niet_openbaar: {GROND}', of herschrijf het",
                          RESTATES)]


@CASES.warned("restatement-found-across-case-markup-and-punctuation")
def _(project: Project):
    project.append(NOTA, kernpunt_yaml(SECRET_ID, '"het VLUCHTELINGENVERDRAG is op zichzelf **geen** grote '
                                                  'belemmering:  non refoulement is de belangrijkste voorwaarde"'),
                   at=SECRET_ID)
    line = project.line_of(NOTA, SECRET_ID)
    text = "tekst: >-\n      Het Vluchtelingenverdrag is op zichzelf"
    finding = project.replace(MODELLEN, f"    {text}", f"    {text}", at="tekst")
    conclusion = project.replace(MODELLEN, f"  - {text}", f"  - {text}", at="tekst")
    return [finding.warning(f"de bevinding herhaalt het kernpunt '{SECRET_ID}' ({NOTA}:{line}), dat niet openbaar is",
                            f"koppel haar met 'kernpunt: {SECRET_ID}', markeer haar met 'niet_openbaar: {GROND}', "
                            "of herschrijf haar", RESTATES),
            conclusion.warning(f"de conclusie herhaalt het kernpunt '{SECRET_ID}' ({NOTA}:{line}), dat niet openbaar "
                               "is", "herschrijf de tekst, of maak het kernpunt openbaar", RESTATES)]



@CASES.warned("public-text-names-withheld-bron-title")
def _(project: Project):
    add_withheld_bron(project)
    where = project.replace(TIJDLIJN, "    titel: Brief van negen lidstaten over het EVRM en migratie\n",
                            f"    titel: Brief van negen lidstaten, na het {SECRET_TITLE.lower()}\n", at="titel")
    line = project.line_of(BRONNEN, f"id: {SECRET_BRON}")
    return [where.warning(f"de gebeurtenis 'brief-negen-lidstaten' noemt de titel van de bron '{SECRET_BRON}' "
                          f"({BRONNEN}:{line}), die niet openbaar is", "noem de bron niet", RESTATES)]


@CASES.refused("finding-marked-with-unknown-ground", builds=("intern", "openbaar"))
def _(project: Project):
    one_line_finding(project)
    where = project.replace(MODELLEN, "    tekst: EU-recht vraagt een individuele risicobeoordeling",
                            "    niet_openbaar: 5.1.2x\n    tekst: EU-recht vraagt een individuele risicobeoordeling",
                            at="niet_openbaar")
    return [where.error("onbekende weigeringsgrond '5.1.2x'", "bedoelt u '5.1.2i'?", "onbekende-id")]

@CASES.handled("unrelated-texts-are-not-restatements")
def _(project: Project):
    withhold(project, "6501580-vijf-modellen")

    def check(sites):
        assert not [line for line in finding_lines(run_check(project.root).stdout, "warning") if RESTATES in line]
    return check


# --- Bronnen ---------------------------------------------------------------------------------------------------------

@CASES.warned("bron-cited-only-by-withheld-kernpunten")
def _(project: Project):
    where = project.append(BRONNEN, BRON_YAML.replace(f"    niet_openbaar: {GROND}\n", ""), at="id:")
    project.append(NOTA, kernpunt_yaml(SECRET_ID, SECRET_TEXT, bronnen=f"[{SECRET_BRON}]"), at=SECRET_ID)
    return [where.warning(f"de bron '{SECRET_BRON}' wordt alleen aangehaald door wat niet openbaar is, maar is zelf "
                          "openbaar", f"markeer haar met 'niet_openbaar: {GROND}', of bevestig met "
                          "'openbaar_bevestigd: true' dat zij openbaar mag zijn", ONLY_WITHHELD)]



@CASES.refused("withheld-bron-id-in-public-data-text", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    where = project.append(NOTA, kernpunt_yaml("6501580-openbaar-punt", f"Zie {SECRET_BRON}.", grond=None),
                           at="tekst")
    return [where.error(f"de id '{SECRET_BRON}' staat in de tekst van het kernpunt '6501580-openbaar-punt', maar de "
                        "bron is niet openbaar", "haal de id weg, of markeer ook deze tekst niet openbaar", REFERS)]

@CASES.handled("bron-confirmed-public", builds=("intern", "openbaar"))
def _(project: Project):
    project.append(BRONNEN, BRON_YAML.replace(f"niet_openbaar: {GROND}", "openbaar_bevestigd: true"), at=SECRET_BRON)
    project.append(NOTA, kernpunt_yaml(SECRET_ID, SECRET_TEXT, bronnen=f"[{SECRET_BRON}]"), at=SECRET_ID)

    def check(sites):
        assert not [line for line in finding_lines(run_check(project.root).stdout, "warning")
                    if f"[{ONLY_WITHHELD}]" in line]
        assert (sites["openbaar"] / "bronnen" / SECRET_BRON / "index.html").is_file()
        assert SECRET_BRON in {record["id"] for record in export(sites["openbaar"], "bronnen.json")}
    return check


@CASES.withheld("withheld-bron")
def _(project: Project):
    add_withheld_bron(project)
    project.append(NOTA, kernpunt_yaml(SECRET_ID, SECRET_TEXT, bronnen=f"[{SECRET_BRON}, evrm]"), at=SECRET_ID)
    return [SECRET_BRON, SECRET_TITLE, SECRET_SHORT, SECRET_FILE, SECRET_DESCRIPTION]


@CASES.handled("withheld-bron-framed-inside-absent-outside", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    project.append(NOTA, kernpunt_yaml(SECRET_ID, SECRET_TEXT, bronnen=f"[{SECRET_BRON}]"), at=SECRET_ID)

    def check(sites):
        page = soup(sites["intern"], f"bronnen/{SECRET_BRON}").select_one("article")
        frames = page.select(".bp-niet-openbaar")
        assert frames and all(frame.select_one(".bp-niet-openbaar__label").get_text().startswith(
            "Niet openbaar") for frame in frames)
        assert SECRET_DESCRIPTION in " ".join(frame.get_text() for frame in frames)
        assert soup(sites["intern"], "bronnen").find(id=SECRET_BRON).select_one(".bp-niet-openbaar")
        assert not (sites["openbaar"] / "bronnen" / SECRET_BRON).exists()
        assert soup(sites["openbaar"], "bronnen").find(id=SECRET_BRON) is None
        assert SECRET_BRON not in {record["id"] for record in export(sites["openbaar"], "bronnen.json")}
        public = {record["id"]: record for record in export(sites["openbaar"], "kernpunten.json")}
        assert public["6501580-niet-openbaar-1"]["bronnen"] == []
    return check


@CASES.withheld("withheld-bron-replaced-by-withheld-bron")
def _(project: Project):
    other = "notulen-overleg-rabat"
    project.append(BRONNEN, BRON_YAML + f"    vervangen_door: {other}\n"
                   + BRON_YAML.replace(SECRET_BRON, other).replace(SECRET_SHORT, "Rabat-notulen"), at="vervangen_door")
    return [SECRET_BRON, other, "Rabat-notulen"]


@CASES.withheld("withheld-bron-cited-inside-withheld-passage")
def _(project: Project):
    add_withheld_bron(project)
    project.append(PAGE, f'\n{{% call niet_openbaar("{GROND}") %}}\nZie {{{{ bron("{SECRET_BRON}") }}}} en '
                   f'{{{{ verwijzingen("{SECRET_BRON}") }}}}.\n{{% endcall %}}\n', at="Zie")
    return [SECRET_BRON, SECRET_SHORT]


@CASES.refused("withheld-bron-cited-by-public-kernpunt", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    where = project.append(NOTA, kernpunt_yaml("6501580-openbaar-punt", "Een openbaar kernpunt.",
                                               bronnen=f"[evrm, {SECRET_BRON}]", grond=None), at=SECRET_BRON)
    return bron_refused(where, "het kernpunt '6501580-openbaar-punt'",
                        "markeer ook het kernpunt niet openbaar, of haal de verwijzing weg")


@CASES.refused("withheld-bron-on-the-timeline", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    where = project.replace(TIJDLIJN, "    bronnen: [verordening-2026-463-veilig-derde-land, "
                            "verordening-2026-464-veilige-herkomstlanden]",
                            f"    bronnen: [verordening-2026-463-veilig-derde-land, {SECRET_BRON}]", at=SECRET_BRON)
    return bron_refused(where, "de gebeurtenis 'verordeningen-2026-vastgesteld'", REMOVE)


@CASES.refused("withheld-bron-as-the-models-report", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    where = project.replace(MODELLEN, "rapport: clingendael-grenzen-verleggen", f"rapport: {SECRET_BRON}",
                            at="rapport")
    return bron_refused(where, "de vergelijking van de modellen", REMOVE)


@CASES.refused("withheld-bron-among-the-instruments", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    where = project.replace(VERKENNING, "  - bron: chisinau-verklaring-2026\n",
                            f"  - bron: {SECRET_BRON}\n    reden: Erbij.\n  - bron: chisinau-verklaring-2026\n",
                            at=f"bron: {SECRET_BRON}")
    return bron_refused(where, "de lijst van instrumenten van de verkenning", REMOVE)


@CASES.refused("public-bron-replaced-by-withheld-bron", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    where = project.replace(BRONNEN, "    vervangen_door: verordening-2024-1351-ammr\n",
                            f"    vervangen_door: {SECRET_BRON}\n", at="vervangen_door")
    return bron_refused(where, "de bron 'dublin-iii'",
                        "markeer ook de bron 'dublin-iii' niet openbaar, of haal de verwijzing weg")


@CASES.refused("withheld-bron-in-the-decision-of-a-note", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    where = project.replace(NOTA, "besluit: [kamerbrief-appreciatie-verkenning]",
                            f"besluit: [kamerbrief-appreciatie-verkenning, {SECRET_BRON}]", at=SECRET_BRON)
    return bron_refused(where, "de nota 6501580", REMOVE)


@CASES.refused("withheld-bron-cited-by-public-finding", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    where = project.replace(MODELLEN, "    bronnen: [com-2025-101-terugkeer]\n",
                            f"    bronnen: [com-2025-101-terugkeer, {SECRET_BRON}]\n", at=SECRET_BRON)
    return bron_refused(where, "de bevinding", "markeer ook de bevinding niet openbaar, of haal de verwijzing weg")


@CASES.refused("withheld-bron-cited-by-conclusion", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    conclusion = "  - tekst: Het EU-migratiepact verruimt al de overdracht naar veilige derde landen.\n"
    where = project.replace(MODELLEN, f"{conclusion}    bronnen: [clingendael-grenzen-verleggen]",
                            f"{conclusion}    bronnen: [clingendael-grenzen-verleggen, {SECRET_BRON}]", at=SECRET_BRON)
    return bron_refused(where, "de conclusie", REMOVE)


@CASES.refused("withheld-bron-cited-by-public-exploration-point", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    where = project.replace(VERKENNING, "    bronnen: [chisinau-verklaring-2026, evrm]",
                            f"    bronnen: [chisinau-verklaring-2026, {SECRET_BRON}]", at=SECRET_BRON)
    return bron_refused(where, "de maatregel 'verklaring-raad-van-europa'",
                        "markeer ook de maatregel niet openbaar, of haal de verwijzing weg")


@CASES.refused("withheld-bron-linked-inline-in-page", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    where = project.append(PAGE, f'\nZie {{{{ bron("{SECRET_BRON}") }}}}.\n', at=SECRET_BRON)
    return bron_refused(where, "deze pagina", PAGE_HINT)


@CASES.refused("withheld-bron-backlinks-in-page", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    where = project.append(PAGE, f'\n{{{{ verwijzingen("{SECRET_BRON}") }}}}\n', at=SECRET_BRON)
    return bron_refused(where, "deze pagina", PAGE_HINT)


@CASES.refused("withheld-bron-page-macro-in-page", builds=("intern", "openbaar"))
def _(project: Project):
    add_withheld_bron(project)
    where = project.append("docs/kernpunten.md", f'\n{{{{ bron_pagina(bron_id="{SECRET_BRON}") }}}}\n',
                           at=SECRET_BRON)
    return bron_refused(where, "deze pagina", PAGE_HINT)


@CASES.refused("withheld-bron-also-confirmed-public", builds=("intern", "openbaar"))
def _(project: Project):
    where = project.append(BRONNEN, BRON_YAML + "    openbaar_bevestigd: true\n", at="openbaar_bevestigd")
    return [where.error("een bron die niet openbaar is, kan niet als openbaar bevestigd zijn",
                        "laat 'openbaar_bevestigd' of 'niet_openbaar' weg", "ongeldige-waarde")]


@CASES.refused("withheld-bron-with-unknown-ground", builds=("intern", "openbaar"))
def _(project: Project):
    where = project.append(BRONNEN, BRON_YAML.replace(f"niet_openbaar: {GROND}", "niet_openbaar: 5.2.9"),
                           at="niet_openbaar")
    return [where.error("onbekende weigeringsgrond '5.2.9'", "bedoelt u '5.2.1'?", "onbekende-id")]


test_adversarial = CASES.test()
