"""Woo markings that fail open, and withheld pages and passages that reach the public build by another road.

Issue 11, class 1 (a marking the build does not understand is an error, never "public"), class 2 (files, includes,
HTML comments, the plugin's variables) and two items of class 6 (the change notes, a passage in a list or table).
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from macros.adapter.config import load_settings
from macros.content.content_cache import index_for
from macros.outputs.export import exports
from tests.adversarial.harness import Corpus
from tests.editing import NOTA, Project, Spot

CASES = Corpus()

PAGE = "docs/intern.md"
EMPTY_GROUND = "de grond is leeg"
EMPTY_GROUND_HINT = ("vul een grond in uit data/weigeringsgronden.yaml, bijvoorbeeld 5.1.2e; is alles openbaar, "
                     "verwijder dan de regel")
GROUND_HINT = "schrijf de grond zoals op een gelakt Woo-document, bijvoorbeeld 5.1.2e"
BOOL = "verwacht true of false"
BOOL_HINT = "schrijf true of false"
KERNPUNT_BRONNEN = "    bronnen: [kamerbrief-appreciatie-verkenning, verzoek-tk-brede-verkenning]\n"
# A kernpunt that no page names by its id (a page naming a withheld id is refused): its text's last line and bronnen.
UNNAMED_KERNPUNT = "terugkeer- en transithubs).\n        bronnen: [clingendael-grenzen-verleggen]\n"
UNNAMED_KERNPUNT_ID = "6501580-vijf-modellen"
HEAD_HINT = "zet de kop tussen twee regels met ---; is het tekst, begin de pagina dan met een kop (# ...)"
INCLUDE = ("een pagina voegt geen ander bestand in ({% include %}, {% import %}, {% from %} of {% extends %}): "
           "zo zou een niet-openbare pagina openbaar worden")
INCLUDE_HINT = "neem de tekst zelf op in deze pagina, of gebruik een macro uit de redactiehandleiding"
INTERNAL_HINT = "gebruik een macro uit de redactiehandleiding"
PLACE = "een niet-openbare passage moet aan het begin van een eigen regel beginnen, niet in een lijst, tabel of zin"
PLACE_HINT = ("zet {% call niet_openbaar(...) %} en {% endcall %} elk op een eigen regel, tussen lege regels; "
              "moet een deel van een lijst of tabel niet openbaar zijn, zet dan de hele lijst of tabel erin")
RAW_OFF = "een pagina met 'render_macros: false' voert niet_openbaar niet uit: de passage zou openbaar zijn"
RAW_OFF_HINT = "laat 'render_macros: false' weg; zet tekst met {{ of {% tussen {% raw %} en {% endraw %}"
# A small SVG image and a text attachment, each with a canary in its content.
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>{canary}</title>'
       '<rect width="10" height="10"/></svg>\n')


def page(front_matter: str, body: str = "# Intern\n\nTekst.\n") -> str:
    return f"---\n{front_matter}---\n\n{body}"


def withheld_page(body: str) -> str:
    return page("openbaar: false\nweigeringsgrond: 5.1.2i\n", f"# Interne planning\n\n{body}")


def kernpunt_ground(project: Project, value: str) -> Spot:
    return project.replace(NOTA, KERNPUNT_BRONNEN, f"{KERNPUNT_BRONNEN}    niet_openbaar:{value}\n",
                           at="niet_openbaar")


# --- Class 1: markings in the data that are present but empty ---------------------------------------------------

@CASES.refused("kernpunt-ground-left-empty")
def _(project: Project) -> list[str]:
    where = kernpunt_ground(project, "")
    item = project.item(NOTA, "kernpunten", "6501580-verkenning")
    return [where.error(f"{item}.niet_openbaar: {EMPTY_GROUND}", EMPTY_GROUND_HINT, "lege-weigeringsgrond")]


@CASES.refused("kernpunt-ground-empty-string")
def _(project: Project) -> list[str]:
    where = kernpunt_ground(project, ' ""')
    item = project.item(NOTA, "kernpunten", "6501580-verkenning")
    return [where.error(f"{item}.niet_openbaar: {EMPTY_GROUND}", EMPTY_GROUND_HINT, "lege-weigeringsgrond")]


@CASES.refused("kernpunt-ground-tilde")
def _(project: Project) -> list[str]:
    where = kernpunt_ground(project, " ~")
    item = project.item(NOTA, "kernpunten", "6501580-verkenning")
    return [where.error(f"{item}.niet_openbaar: {EMPTY_GROUND}", EMPTY_GROUND_HINT, "lege-weigeringsgrond")]


@CASES.refused("kernpunt-ground-blank")
def _(project: Project) -> list[str]:
    where = kernpunt_ground(project, ' "  "')
    item = project.item(NOTA, "kernpunten", "6501580-verkenning")
    return [where.error(f"{item}.niet_openbaar: {EMPTY_GROUND}", EMPTY_GROUND_HINT, "lege-weigeringsgrond")]


@CASES.refused("kernpunt-ground-null-word")
def _(project: Project) -> list[str]:
    where = kernpunt_ground(project, " Null")
    item = project.item(NOTA, "kernpunten", "6501580-verkenning")
    return [where.error(f"{item}.niet_openbaar: {EMPTY_GROUND}", EMPTY_GROUND_HINT, "lege-weigeringsgrond")]


@CASES.refused("kernpunt-ground-true")
def _(project: Project) -> list[str]:
    where = kernpunt_ground(project, " true")
    item = project.item(NOTA, "kernpunten", "6501580-verkenning")
    return [where.error(f"{item}.niet_openbaar: verwacht tekst (gevonden: 'True')",
                        "zet de waarde tussen aanhalingstekens", "verkeerd-type")]


@CASES.refused("sub-kernpunt-ground-left-empty")
def _(project: Project) -> list[str]:
    before = "        bronnen: [clingendael-grenzen-verleggen]\n        onderwerpen: [externalisering]\n"
    where = project.replace(NOTA, f"{before}      - id: 6501580-geen-belemmeringen\n",
                            f"{before}        niet_openbaar:\n      - id: 6501580-geen-belemmeringen\n",
                            at="niet_openbaar")
    return [where.error(f"kernpunten[6501580-externalisering].kernpunten[6501580-vijf-modellen].niet_openbaar: "
                        f"{EMPTY_GROUND}", EMPTY_GROUND_HINT, "lege-weigeringsgrond")]


@CASES.refused("nota-field-ground-left-empty")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "geadresseerde: De Minister van Asiel en Migratie\n",
                            "geadresseerde: De Minister van Asiel en Migratie\nniet_openbaar:\n  bureau:\n",
                            at="bureau")
    return [where.error(f"niet_openbaar.bureau: {EMPTY_GROUND}", EMPTY_GROUND_HINT, "lege-weigeringsgrond")]


@CASES.refused("nota-field-ground-empty-string")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "geadresseerde: De Minister van Asiel en Migratie\n",
                            "geadresseerde: De Minister van Asiel en Migratie\nniet_openbaar:\n  geadresseerde: ''\n",
                            at="geadresseerde: ''")
    return [where.error(f"niet_openbaar.geadresseerde: {EMPTY_GROUND}", EMPTY_GROUND_HINT, "lege-weigeringsgrond")]


@CASES.refused("nota-markings-left-empty")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "geadresseerde: De Minister van Asiel en Migratie\n",
                            "geadresseerde: De Minister van Asiel en Migratie\nniet_openbaar:\n", at="niet_openbaar")
    return [where.error(f"niet_openbaar: {EMPTY_GROUND}", EMPTY_GROUND_HINT, "lege-weigeringsgrond")]


@CASES.refused("nota-field-marked-with-unknown-field")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "geadresseerde: De Minister van Asiel en Migratie\n",
                            "geadresseerde: De Minister van Asiel en Migratie\nniet_openbaar:\n  buro: 5.1.2e\n",
                            at="buro")
    return [where.error("onbekend veld 'buro'", "bedoelt u 'bureau'?", "onbekend-veld")]


# --- Class 1: a page's front matter, validated by a schema -------------------------------------------------------

@CASES.refused("page-openbaar-misspelt", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    where = project.write(PAGE, page("openbar: false\n"))
    return [Spot(where.path, 2, 1).error("onbekend veld 'openbar'", "bedoelt u 'openbaar'?", "onbekend-veld")]


@CASES.refused("page-openbaar-capitalised", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    project.write(PAGE, page("Openbaar: false\n"))
    return [Spot(PAGE, 2, 1).error("onbekend veld 'Openbaar'", "bedoelt u 'openbaar'?", "onbekend-veld")]


@CASES.refused("page-misspelt-with-ground", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    project.write(PAGE, page("openbar: false\nweigeringsgrond: 5.1.2e\n"))
    return [Spot(PAGE, 2, 1).error("onbekend veld 'openbar'", "bedoelt u 'openbaar'?", "onbekend-veld")]


@CASES.refused("page-ground-without-openbaar", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    project.write(PAGE, page("weigeringsgrond: 5.1.2e\n"))
    return [Spot(PAGE, 2, 1).error("'weigeringsgrond' staat er, maar 'openbaar: false' niet",
                                   "zet 'openbaar: false' erbij als de pagina niet openbaar is, of verwijder "
                                   "'weigeringsgrond'", "ongeldige-waarde")]


@CASES.refused("page-ground-with-openbaar-true")
def _(project: Project) -> list[str]:
    project.write(PAGE, page("openbaar: true\nweigeringsgrond: 5.1.2e\n"))
    return [Spot(PAGE, 3, 1).error("'weigeringsgrond' staat er, maar 'openbaar: false' niet",
                                   "zet 'openbaar: false' erbij als de pagina niet openbaar is, of verwijder "
                                   "'weigeringsgrond'", "ongeldige-waarde")]


@CASES.refused("page-ground-left-empty", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    project.write(PAGE, page("openbaar: false\nweigeringsgrond:\n"))
    return [Spot(PAGE, 3, 1).error(f"weigeringsgrond: {EMPTY_GROUND}", EMPTY_GROUND_HINT, "lege-weigeringsgrond")]


@CASES.refused("page-ground-in-words")
def _(project: Project) -> list[str]:
    project.write(PAGE, page("openbaar: false\nweigeringsgrond: persoonlijke levenssfeer\n"))
    return [Spot(PAGE, 3, 1).error("weigeringsgrond: 'persoonlijke levenssfeer' heeft niet de juiste vorm",
                                   GROUND_HINT, "ongeldige-id")]


@CASES.refused("page-ground-unknown")
def _(project: Project) -> list[str]:
    project.write(PAGE, page("openbaar: false\nweigeringsgrond: 5.1.3e\n"))
    return [Spot(PAGE, 3, 1).error("onbekende weigeringsgrond '5.1.3e'", "bedoelt u '5.1.2e'?", "onbekende-id")]


@CASES.refused("page-openbaar-nee", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    project.write(PAGE, page("openbaar: nee\nweigeringsgrond: 5.1.2e\n"))
    return [Spot(PAGE, 2, 1).error(f"openbaar: {BOOL} (gevonden: 'nee')", BOOL_HINT, "verkeerd-type")]


@CASES.refused("page-openbaar-no", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    project.write(PAGE, page("openbaar: no\nweigeringsgrond: 5.1.2e\n"))
    return [Spot(PAGE, 2, 1).error(f"openbaar: {BOOL} (gevonden: 'no')", BOOL_HINT, "verkeerd-type")]


@CASES.refused("page-openbaar-zero")
def _(project: Project) -> list[str]:
    project.write(PAGE, page("openbaar: 0\nweigeringsgrond: 5.1.2e\n"))
    return [Spot(PAGE, 2, 1).error(f"openbaar: {BOOL} (gevonden: '0')", BOOL_HINT, "verkeerd-type")]


@CASES.refused("page-openbaar-quoted-false")
def _(project: Project) -> list[str]:
    project.write(PAGE, page('openbaar: "false"\nweigeringsgrond: 5.1.2e\n'))
    return [Spot(PAGE, 2, 1).error(f"openbaar: {BOOL} (gevonden: 'false')", BOOL_HINT, "verkeerd-type")]


@CASES.refused("page-openbaar-left-empty")
def _(project: Project) -> list[str]:
    project.write(PAGE, page("openbaar:\nweigeringsgrond: 5.1.2e\n"))
    return [Spot(PAGE, 2, 1).error(f"openbaar: {BOOL}", BOOL_HINT, "verkeerd-type")]


@CASES.refused("page-unknown-key-with-secret")
def _(project: Project) -> list[str]:
    project.write(PAGE, page("geheim: Kanarie-notitie in de kop van de pagina\n"))
    return [Spot(PAGE, 2, 1).error("onbekend veld 'geheim'", "controleer de spelling; toegestaan: title, "
                                   "description, openbaar, weigeringsgrond, render_macros, search, tags, hide, "
                                   "status, template", "onbekend-veld")]


@CASES.refused("page-title-as-list")
def _(project: Project) -> list[str]:
    project.write(PAGE, page("title: [Intern, Geheim]\n"))
    return [Spot(PAGE, 2, 1).error("title: verwacht tekst", "zet de waarde tussen aanhalingstekens",
                                   "verkeerd-type")]


@CASES.refused("page-search-exclude-ja")
def _(project: Project) -> list[str]:
    project.write(PAGE, page("search:\n  exclude: ja\n"))
    return [Spot(PAGE, 3, 3).error(f"search.exclude: {BOOL} (gevonden: 'ja')", BOOL_HINT, "verkeerd-type")]


@CASES.refused("page-search-misspelt")
def _(project: Project) -> list[str]:
    project.write(PAGE, page("search:\n  exlude: true\n"))
    return [Spot(PAGE, 3, 3).error("onbekend veld 'exlude'", "bedoelt u 'exclude'?", "onbekend-veld")]


@CASES.refused("page-hide-unknown")
def _(project: Project) -> list[str]:
    project.write(PAGE, page("hide:\n  - inhoud\n"))
    return [Spot(PAGE, 3, 5).error("hide[nr. 1]: 'inhoud' is geen toegestane waarde",
                                   "kies uit: 'navigation', 'toc', 'footer', 'path', 'tags' of 'feedback'",
                                   "ongeldige-waarde")]


@CASES.refused("page-render-macros-quoted")
def _(project: Project) -> list[str]:
    project.write(PAGE, page('render_macros: "false"\n'))
    return [Spot(PAGE, 2, 1).error(f"render_macros: {BOOL} (gevonden: 'false')", BOOL_HINT, "verkeerd-type")]


@CASES.refused("page-template-unknown")
def _(project: Project) -> list[str]:
    project.write(PAGE, page("template: leeg.html\n"))
    return [Spot(PAGE, 2, 1).error("template: het sjabloon 'leeg.html' bestaat niet",
                                   "laat 'template:' weg; de site kiest zelf het sjabloon", "ongeldige-waarde")]


@CASES.refused("page-meta-without-dashes", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    # MkDocs reads "key: value" lines at the top of a page as its metadata (MultiMarkdown), without any '---'.
    project.write(PAGE, "openbaar: false\nweigeringsgrond: 5.1.2i\n\n# Intern\n\nKanarie-planning.\n")
    return [Spot(PAGE, 1, 1).error("MkDocs leest het begin van deze pagina als kop (sleutel: waarde), zonder "
                                   "regels met ---", HEAD_HINT, "kop-onleesbaar")]


@CASES.refused("page-meta-mkdocs-cannot-read", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    # YAML as MkDocs reads it takes 2025-02-30 for a date that does not exist and drops the whole front matter.
    project.write(PAGE, page("title: 2025-02-30\nopenbaar: false\nweigeringsgrond: 5.1.2i\n"))
    return [Spot(PAGE, 1, 1).error("MkDocs kan de kop van deze pagina niet lezen: day is out of range for month",
                                   "zet waarden die op een datum, getal of ja/nee lijken tussen aanhalingstekens",
                                   "kop-onleesbaar")]


@CASES.refused("page-bom-before-misspelt-marking", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    project.write(PAGE, "\ufeff" + page("openbar: false\n"))
    return [Spot(PAGE, 2, 1).error("onbekend veld 'openbar'", "bedoelt u 'openbaar'?", "onbekend-veld")]


@CASES.refused("page-without-macros-with-passage", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    project.write(PAGE, page("render_macros: false\n", '# Intern\n\n{% call niet_openbaar("5.1.2e") %}\n'
                             "Kanarie-passage zonder macro's.\n{% endcall %}\n"))
    return [Spot(PAGE, 2, 1).error(RAW_OFF, RAW_OFF_HINT, "ongeldige-waarde")]


@CASES.handled("page-front-matter-legitimate", builds=("intern", "openbaar"))
def _(project: Project):
    project.write(PAGE, page("title: Interne planning\ndescription: Wat er komt.\nhide:\n  - toc\nsearch:\n"
                             "  boost: 2\ntags:\n  - Dublin\nstatus: new\n"))

    def check(sites: dict[str, Path]) -> None:
        for site in sites.values():
            assert "Interne planning" in (site / "intern" / "index.html").read_text(encoding="utf-8")
    return check


# --- Class 2: files referenced only from withheld content ----------------------------------------------------------

@CASES.withheld("image-on-withheld-page")
def _(project: Project) -> list[str]:
    project.write("docs/kanarie-plattegrond.svg", SVG.format(canary="Kanarie-plattegrond van het pand"))
    project.write("docs/planning.md", withheld_page("![Plattegrond](kanarie-plattegrond.svg)\n"))
    return ["Kanarie-plattegrond van het pand", "kanarie-plattegrond.svg"]


@CASES.withheld("attachment-in-withheld-passage")
def _(project: Project) -> list[str]:
    (project.root / "docs/bijlagen").mkdir(exist_ok=True)  # the content may have attachments already
    project.write("docs/bijlagen/kanarie-bijlage.txt", "Kanarie-bijlage: interne cijfers 2027\n")
    project.append("docs/tijdlijn.md", '\n{% call niet_openbaar("5.1.2e") %}\n'
                   "Zie de [bijlage](bijlagen/kanarie-bijlage.txt).\n{% endcall %}\n", at="bijlage]")
    return ["Kanarie-bijlage: interne cijfers 2027", "kanarie-bijlage.txt"]


@CASES.refused("attachment-in-withheld-kernpunt")
def _(project: Project) -> list[str]:
    """A data text links no file of the site (it is shown at every depth): the attachment cannot ride along."""
    project.write("docs/kanarie-notitie.txt", "Kanarie-notitie bij een intern kernpunt\n")
    project.replace(NOTA, UNNAMED_KERNPUNT,
                    UNNAMED_KERNPUNT.replace(").\n", "). Zie de [notitie](../../kanarie-notitie.txt).\n", 1)
                    + "        niet_openbaar: 5.2.1\n")
    tekst = Spot(NOTA, project.line_of(NOTA, f"      - id: {UNNAMED_KERNPUNT_ID}\n") + 1, 9)
    return [tekst.error(f"kernpunten[6501580-externalisering].kernpunten[{UNNAMED_KERNPUNT_ID}].tekst: bevat een "
                        "link naar '../../kanarie-notitie.txt'", "link alleen naar een webadres (https:// of http://) "
                        "of een e-mailadres (mailto:); een pagina van deze site, die de tekst op elke diepte toont, "
                        "linkt u vanuit een pagina met nota_link, kernpunt_link of gebeurtenis_link",
                        "onveilige-link")]


@CASES.withheld("file-nothing-links-to")
def _(project: Project) -> list[str]:
    project.write("docs/kanarie-los.txt", "Kanarie-los bestand zonder link\n")
    return ["Kanarie-los bestand zonder link"]


@CASES.withheld("html-page-file-in-docs")
def _(project: Project) -> list[str]:
    project.write("docs/kanarie.html", "<html><body><p>Kanarie-html buiten Markdown</p></body></html>\n")
    return ["Kanarie-html buiten Markdown"]


@CASES.handled("image-on-public-page-is-kept", builds=("intern", "openbaar"))
def _(project: Project):
    project.write("docs/schema.svg", SVG.format(canary="Openbaar schema"))
    project.append("docs/tijdlijn.md", "\n![Schema](schema.svg)\n", at="schema.svg")

    def check(sites: dict[str, Path]) -> None:
        public = sites["openbaar"]
        assert (public / "schema.svg").is_file()
        for asset in ("assets/beleid.css", "assets/beleid.js", "assets/zoeken.js"):
            assert (public / asset).is_file(), asset
    return check


@CASES.handled("file-on-withheld-and-public-page-is-kept", builds=("intern", "openbaar"))
def _(project: Project):
    project.write("docs/gedeeld.svg", SVG.format(canary="Gedeeld schema"))
    project.write("docs/planning.md", withheld_page("![Schema](gedeeld.svg)\n"))
    project.append("docs/tijdlijn.md", "\n![Schema](gedeeld.svg)\n", at="gedeeld.svg")

    def check(sites: dict[str, Path]) -> None:
        assert (sites["openbaar"] / "gedeeld.svg").is_file()
    return check


@CASES.handled("image-of-the-stylesheet-is-kept", builds=("intern", "openbaar"))
def _(project: Project):
    project.write("docs/assets/patroon.svg", SVG.format(canary="Achtergrondpatroon"))
    project.append("docs/assets/beleid.css", '\n.bp-patroon { background: url("patroon.svg"); }\n', at="url")

    def check(sites: dict[str, Path]) -> None:
        assert (sites["openbaar"] / "assets/patroon.svg").is_file()
    return check


# --- Class 2: HTML comments -----------------------------------------------------------------------------------------

@CASES.withheld("html-comment-in-page")
def _(project: Project) -> list[str]:
    project.append("docs/tijdlijn.md", "\n<!-- Kanarie-commentaar: nog afstemmen met de minister -->\n",
                   at="Kanarie")
    return ["Kanarie-commentaar: nog afstemmen met de minister"]


@CASES.withheld("html-comment-inline-and-multiline")
def _(project: Project) -> list[str]:
    project.append("docs/index.md", "\nEen zin <!-- Kanarie-inline opmerking --> met commentaar.\n\n<!--\n"
                   "Kanarie-meerregelig commentaar\n-->\n", at="Een zin")
    return ["Kanarie-inline opmerking", "Kanarie-meerregelig commentaar"]


@CASES.withheld("html-comment-hides-an-image")
def _(project: Project) -> list[str]:
    project.write("docs/kanarie-verborgen.svg", SVG.format(canary="Kanarie-verborgen figuur"))
    project.append("docs/tijdlijn.md", "\n<!-- ![Figuur](kanarie-verborgen.svg) -->\n", at="Figuur")
    return ["Kanarie-verborgen figuur", "kanarie-verborgen.svg"]


@CASES.refused("html-comment-never-closed", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    # Markdown shows an unclosed comment, and all after it, as text: the editor meant to hide it.
    where = project.append("docs/tijdlijn.md", "\n<!-- Kanarie-open commentaar zonder einde\n", at="<!--")
    return [where.error("dit HTML-commentaar (<!--) wordt niet gesloten: de pagina toont het, en alles erna, als "
                        "tekst", "sluit het commentaar af met -->; is het tekst, zet het tussen backticks",
                        "commentaar-open")]


@CASES.withheld("html-comment-in-heading")
def _(project: Project) -> list[str]:
    project.append("docs/tijdlijn.md", "\n## Stap <!-- Kanarie-kopcommentaar --> twee\n\nTekst.\n", at="Kanarie")
    return ["Kanarie-kopcommentaar"]


@CASES.handled("comment-in-code-block-stays-text", builds=("intern", "openbaar"))
def _(project: Project):
    project.append("docs/tijdlijn.md", "\n```html\n<!-- voorbeeldcommentaar -->\n```\n\n"
                   "Inline: `<!-- ook tekst -->`.\n", at="voorbeeldcommentaar")

    def check(sites: dict[str, Path]) -> None:
        text = BeautifulSoup((sites["openbaar"] / "tijdlijn/index.html").read_text(encoding="utf-8"),
                             "html.parser").article.get_text()
        assert "<!-- voorbeeldcommentaar -->" in text and "<!-- ook tekst -->" in text
    return check


# --- Class 2: includes and the plugin's variables ------------------------------------------------------------------

def include_case(project: Project, statement: str, keyword: str) -> list[str]:
    project.write("docs/planning.md", withheld_page("Kanarie-planning.\n"))
    where = project.append("docs/tijdlijn.md", f"\n{statement}\n", at=keyword)
    return [where.error(INCLUDE, INCLUDE_HINT, "pagina-invoegen")]


@CASES.refused("include-withheld-page", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    return include_case(project, '{% include "planning.md" %}', "include")


@CASES.refused("include-page-by-variable", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    return include_case(project, '{% set bestand = "planning.md" %}{% include bestand %}', "include")


@CASES.refused("import-withheld-page")
def _(project: Project) -> list[str]:
    return include_case(project, '{% import "planning.md" as planning %}', "import")


@CASES.refused("from-import-withheld-page")
def _(project: Project) -> list[str]:
    return include_case(project, '{% from "planning.md" import iets %}', "from")


@CASES.refused("extends-withheld-page")
def _(project: Project) -> list[str]:
    return include_case(project, '{% extends "planning.md" %}', "extends")


@CASES.refused("page-title-includes-withheld-page", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    # mkdocs-macros renders a title with Jinja in it, outside the page's body that `make check` reads.
    project.write("docs/planning.md", withheld_page("Kanarie-planning.\n"))
    project.write(PAGE, page("title: \"{% include 'planning.md' %}\"\n"))
    return [Spot(PAGE, 2, 1).error("title: een macro in de kop van een pagina wordt niet gecontroleerd en kan elke "
                                   "pagina invoegen", "schrijf de kop als gewone tekst, zonder {{ of {%",
                                   "ongeldige-waarde")]


@CASES.refused("page-sources-through-files", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    project.write("docs/planning.md", withheld_page("Kanarie-planning.\n"))
    where = project.append("docs/tijdlijn.md", "\n{% for file in files %}{{ file.content_string }}{% endfor %}\n",
                           at="files")
    return [where.error("'files' geeft toegang tot de bestanden en instellingen van de site en mag niet in een pagina",
                        INTERNAL_HINT, "verboden-variabele")]


@CASES.refused("page-sources-through-navigation")
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", "\n{% for item in navigation.pages %}{{ item.markdown }}{% endfor %}\n",
                           at="navigation")
    return [where.error("'navigation' geeft toegang tot de bestanden en instellingen van de site en mag niet in een "
                        "pagina", INTERNAL_HINT, "verboden-variabele")]


@CASES.refused("page-python-internals")
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", "\n{{ lipsum.__globals__ }}\n", at="__globals__")
    return [where.error("'__globals__' geeft toegang tot de bestanden en instellingen van de site en mag niet in een "
                        "pagina", INTERNAL_HINT, "verboden-variabele")]


@CASES.refused("page-python-internals-by-filter")
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", '\n{{ lipsum | attr("__globals__") }}\n', at="__globals__")
    return [where.error("'__globals__' geeft toegang tot de bestanden en instellingen van de site en mag niet in een "
                        "pagina", INTERNAL_HINT, "verboden-variabele")]


@CASES.refused("page-reads-config")
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", "\n{{ config.docs_dir }}\n", at="config")
    return [where.error("'config' geeft toegang tot de bestanden en instellingen van de site en mag niet in een "
                        "pagina", INTERNAL_HINT, "verboden-variabele")]


# --- Class 6: a passage inside a list item or table cell; the change notes ------------------------------------------

@CASES.refused("passage-in-list-item", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", '\n- een eerste punt\n- {% call niet_openbaar("5.1.2e") %}'
                           "Kanarie-lijstpunt{% endcall %}\n- een derde punt\n", at="{% call")
    return [where.error(PLACE, PLACE_HINT, "passage-plaats")]


@CASES.refused("passage-in-table-cell")
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", "\n| Wie | Wat |\n| --- | --- |\n"
                           '| A | {% call niet_openbaar("5.1.2e") %}Kanarie-cel{% endcall %} |\n', at="{% call")
    return [where.error(PLACE, PLACE_HINT, "passage-plaats")]


@CASES.refused("passage-inside-a-sentence")
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", '\nDe planning is {% call niet_openbaar("5.1.2e") %}Kanarie-zin'
                           "{% endcall %} bekend.\n", at="{% call")
    return [where.error(PLACE, PLACE_HINT, "passage-plaats")]


@CASES.refused("passage-indented-under-list-item")
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", '\n- een punt\n\n    {% call niet_openbaar("5.1.2e") %}\n'
                           "    Kanarie-ingesprongen\n    {% endcall %}\n", at="{% call")
    return [where.error(PLACE, PLACE_HINT, "passage-plaats")]


@CASES.handled("change-notes-frame-withheld-texts")
def _(project: Project):
    old_text = "Kanarie-oude tekst van een intern kernpunt"
    project.replace(NOTA, UNNAMED_KERNPUNT, f"{UNNAMED_KERNPUNT}        niet_openbaar: 5.2.1\n")
    previous = exports(index_for(load_settings(project.root / "mkdocs.yml")))
    for record in previous["kernpunten.json"]:
        if record["id"] == UNNAMED_KERNPUNT_ID:
            record["tekst"] = old_text
    (project.root / "vorige").mkdir()
    for name, records in previous.items():
        (project.root / "vorige" / name).write_text(json.dumps(records), encoding="utf-8")
    project.replace("mkdocs.yml", 'vorige_versie: !ENV [BELEID_VORIGE_VERSIE, ""]', 'vorige_versie: "2026-04"')
    project.replace("mkdocs.yml", 'vorige_export: !ENV [BELEID_VORIGE_EXPORT, ""]', "vorige_export: vorige")

    def check(sites: dict[str, Path]) -> None:
        soup = BeautifulSoup((sites["intern"] / "wijzigingen/index.html").read_text(encoding="utf-8"), "html.parser")
        change = soup.find(id=f"wijziging-{UNNAMED_KERNPUNT_ID}")
        marked = change.select('[data-openbaar="nee"]')
        assert any(old_text in element.get_text() for element in marked), change
        assert any("T.a.v. mogelijkheden tot externalisering" in element.get_text() for element in marked), change
        for element in marked:
            assert "bp-niet-openbaar" in element.parent["class"]
            assert "weigeringsgrond: artikel 5.2" in element.parent.select_one(".bp-niet-openbaar__label").get_text()
    return check


test_adversarial = CASES.test()
