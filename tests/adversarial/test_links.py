"""Adversarial corpus, class 5: links, and what `make check` and the build must judge alike.

A broken link or anchor fails `make check` and the build with the same Dutch line; a valid link to a kernpunt,
an event or any other anchor the site makes builds. Pages with a BOM or the extension `.markdown`, lists as macro
arguments, data saved as `.yml`, pages without their data or without their kernpunten, and titles with a line
break are each handled or refused, in check and build alike. Editors link notes, kernpunten and events inline
with macros that are checked like every other id.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.adversarial.harness import Corpus
from tests.editing import NOTA, NOTA_PAGE, Project

CASES = Corpus()
LINK_HINT = "link naar een bestand in docs/, relatief aan deze pagina, bijvoorbeeld notas/6501580.md"
ONE_LINE = "schrijf de tekst op één regel; na >- mag zij in het bestand over meer regels doorlopen"


def write_new(project: Project, path: str, content: str):
    """Write a new file, in a folder that may not exist yet."""
    (project.root / path).parent.mkdir(parents=True, exist_ok=True)
    return project.write(path, content)


def links_on(site, url: str) -> list[str]:
    """The hrefs of the links in the article of the built page at `url`."""
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [link["href"] for link in soup.select("article a[href]")]


def add_line(project: Project, path: str, line: str, at: str):
    return project.append(path, f"\n{line}\n", at=at)


# --- Broken links and anchors ---------------------------------------------------------------------------------

@CASES.refused("link-to-a-missing-note")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/index.md", "Zie [de nota](notas/6501581.md).", at="notas/6501581.md")
    return [where.error("de link 'notas/6501581.md' wijst naar notas/6501581.md, maar die pagina of dat bestand "
                        "bestaat niet", "bedoelt u 'notas/6501580.md'?", "link-kapot")]


@CASES.refused("link-to-a-misspelt-bron-page")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/tijdlijn.md", "Zie [het EVRM](bronnen/evrn.md).", at="bronnen/evrn.md")
    return [where.error("de link 'bronnen/evrn.md' wijst naar bronnen/evrn.md, maar die pagina of dat bestand "
                        "bestaat niet", "bedoelt u 'bronnen/evrm.md'?", "link-kapot")]


@CASES.refused("link-out-of-the-docs-folder")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/index.md", "Zie [de gegevens](../data/bronnen.yaml).", at="../data")
    return [where.error("de link '../data/bronnen.yaml' wijst naar een bestand buiten docs/", LINK_HINT,
                        "link-kapot")]


@CASES.refused("link-to-a-missing-image")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/index.md", "![Logo](assets/logo.png)", at="assets/logo.png")
    return [where.error("de link 'assets/logo.png' wijst naar assets/logo.png, maar die pagina of dat bestand "
                        "bestaat niet", LINK_HINT, "link-kapot")]


@CASES.refused("reference-style-link-to-a-missing-page")
def _(project: Project) -> list[str]:
    where = project.append("docs/index.md", "\nZie [de tijdlijn][1].\n\n[1]: tijdlijnen.md\n", at="tijdlijnen.md")
    return [where.error("de link 'tijdlijnen.md' wijst naar tijdlijnen.md, maar die pagina of dat bestand bestaat "
                        "niet", "bedoelt u 'tijdlijn.md'?", "link-kapot")]


@CASES.refused("link-inside-an-admonition")
def _(project: Project) -> list[str]:
    where = project.append("docs/index.md", '\n!!! note "Let op"\n\n    Zie [de verkenning](verkenning.md).\n',
                           at="verkenning.md")
    return [where.error("de link 'verkenning.md' wijst naar verkenning.md, maar die pagina of dat bestand bestaat "
                        "niet", "bedoelt u 'verkenning-verdragen.md'?", "link-kapot")]


@CASES.refused("link-to-a-folder")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/index.md", "Alle [nota's](notas/).", at="notas/")
    return [where.error("de link 'notas/' wijst naar een map of adres, niet naar een pagina",
                        "schrijf 'notas/index.md'", "link-kapot")]


@CASES.refused("absolute-link")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/tijdlijn.md", "De [nota](/notas/6501580.md).", at="/notas/6501580.md")
    return [where.error("de absolute link '/notas/6501580.md' werkt niet onder een subpad",
                        "schrijf 'notas/6501580.md'", "link-kapot")]


@CASES.refused("missing-anchor-on-the-same-page")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/tijdlijn.md", "Naar [boven](#begin).", at="#begin")
    return [where.error("de pagina tijdlijn.md heeft geen anker '#begin'",
                        "kies een anker van die pagina: een kopje, kernpunt of gebeurtenis", "link-anker")]


@CASES.refused("misspelt-kernpunt-anchor")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/index.md", "Zie [het kernpunt](notas/6501580.md#6501580-verkening).",
                     at="notas/6501580.md#")
    return [where.error("de pagina notas/6501580.md heeft geen anker '#6501580-verkening'",
                        "bedoelt u '#6501580-verkenning'?", "link-anker")]


@CASES.refused("misspelt-event-anchor")
def _(project: Project) -> list[str]:
    where = add_line(project, NOTA_PAGE, "Zie [het verzoek](../tijdlijn.md#verzoek-tweede-kamr).",
                     at="../tijdlijn.md#")
    return [where.error("de pagina tijdlijn.md heeft geen anker '#verzoek-tweede-kamr'",
                        "bedoelt u '#verzoek-tweede-kamer'?", "link-anker")]


@CASES.refused("anchor-of-a-heading-that-is-not-there")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/index.md", "Zie [de toelichting](notas/6501580.md#6-toelichting).",
                     at="notas/6501580.md#")
    return [where.error("de pagina notas/6501580.md heeft geen anker '#6-toelichting'",
                        "bedoelt u '#4-toelichting'?", "link-anker")]


@CASES.refused("kernpunt-anchor-on-the-wrong-page")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/index.md", "Zie [het kernpunt](tijdlijn.md#6501580-verkenning).",
                     at="tijdlijn.md#")
    return [where.error("de pagina tijdlijn.md heeft geen anker '#6501580-verkenning'",
                        'schrijf {{ kernpunt_link("6501580-verkenning") }}: die macro vindt de pagina zelf',
                        "link-anker")]


PASSAGE = '\n{% call niet_openbaar("5.1.2e") %}\n### Intern overleg\n\nMet wie het kabinet sprak.\n{% endcall %}\n'


@CASES.refused("link-to-an-anchor-in-a-withheld-passage", builds=("intern", "openbaar"))
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", f"{PASSAGE}\nZie [het overleg](#intern-overleg).\n",
                           at="#intern-overleg")
    return [where.error("het anker '#intern-overleg' op de pagina tijdlijn.md staat in een passage die niet openbaar "
                        "is", "link naar een anker buiten die passage: de openbare site heeft het niet", "link-anker")]


@CASES.handled("link-inside-a-withheld-passage", builds=("intern", "openbaar"))
def _(project: Project):
    project.append("docs/tijdlijn.md", PASSAGE.replace("sprak.", "sprak; zie [hier](#intern-overleg)."),
                   at="[hier]")

    def built(sites):
        assert "#intern-overleg" in links_on(sites["intern"], "tijdlijn")
        assert "#intern-overleg" not in links_on(sites["openbaar"], "tijdlijn")
    return built


# --- Valid links to every kind of anchor ---------------------------------------------------------------------------

VALID = {
    "link-to-a-kernpunt-anchor": ("docs/index.md", "notas/6501580.md#6501580-verkenning", "",
                                  "notas/6501580/#6501580-verkenning"),
    "link-to-a-sub-kernpunt-anchor": ("docs/tijdlijn.md", "notas/6501580.md#6501580-geen-belemmeringen", "tijdlijn",
                                      "../notas/6501580/#6501580-geen-belemmeringen"),
    "link-to-an-event-anchor": ("docs/notas/6501580.md", "../tijdlijn.md#verzoek-tweede-kamer", "notas/6501580",
                                "../../tijdlijn/#verzoek-tweede-kamer"),
    "link-to-a-note-on-the-timeline": ("docs/index.md", "tijdlijn.md#nota-6501580", "", "tijdlijn/#nota-6501580"),
    "link-to-a-model-anchor": ("docs/index.md", "appreciatie-grenzen-verleggen.md#ontschepingsplatform", "",
                               "appreciatie-grenzen-verleggen/#ontschepingsplatform"),
    "link-to-an-aspect-anchor": ("docs/index.md", "appreciatie-grenzen-verleggen.md#praktijk", "",
                                 "appreciatie-grenzen-verleggen/#praktijk"),
    "link-to-an-instrument-anchor": ("docs/index.md", "verkenning-verdragen.md#evrm", "",
                                     "verkenning-verdragen/#evrm"),
    "link-to-an-exploration-point": ("docs/index.md", "verkenning-verdragen.md#dublinoverdrachten", "",
                                     "verkenning-verdragen/#dublinoverdrachten"),
    "link-to-a-register-row": ("docs/tijdlijn.md", "bronnen/index.md#evrm", "tijdlijn", "../bronnen/#evrm"),
    "link-to-a-generated-bron-page": ("docs/index.md", "bronnen/evrm.md#verwijzingen", "",
                                      "bronnen/evrm/#verwijzingen"),
    "link-to-a-generated-onderwerp-page": ("docs/index.md", "kernpunten/dublin.md", "", "kernpunten/dublin/"),
    "link-to-a-heading-of-a-note": ("docs/index.md", "notas/6501580.md#4-toelichting", "",
                                    "notas/6501580/#4-toelichting"),
    "self-link-to-a-kernpunt": ("docs/notas/6501580.md", "#6501580-externalisering", "notas/6501580",
                                "#6501580-externalisering"),
    "link-to-a-message-of-the-guide": ("docs/index.md", "redactie/index.md#link-anker", "",
                                       "redactie/#link-anker"),
}


def valid_link(source: str, target: str, url: str, href: str):
    def edit(project: Project):
        add_line(project, source, f"Zie [hier]({target}).", at=target)

        def built(sites):
            for site in sites.values():
                assert href in links_on(site, url), links_on(site, url)
        return built
    return edit


for _name, (_source, _target, _url, _href) in VALID.items():
    CASES.handled(_name, builds=("intern", "openbaar") if "kernpunt" in _name else ("intern",))(
        valid_link(_source, _target, _url, _href))


# --- Pages and data the build reads differently ---------------------------------------------------------------------

@CASES.handled("page-with-a-byte-order-mark")
def _(project: Project):
    page = project.root / "docs/appreciatie-grenzen-verleggen.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())

    def built(sites):
        html = (sites["intern"] / "appreciatie-grenzen-verleggen" / "index.html").read_text("utf-8")
        assert "hide:" not in html and "md-tag" in html
    return built


@CASES.refused("page-with-a-byte-order-mark-and-an-unknown-tag")
def _(project: Project) -> list[str]:
    where = project.replace("docs/appreciatie-grenzen-verleggen.md", "tags:\n  - Externalisering\n",
                            "tags:\n  - Dublinn\n", at="Dublinn")
    page = project.root / "docs/appreciatie-grenzen-verleggen.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    return [where.error("onbekend onderwerp 'Dublinn' in tags", f"kies uit: {', '.join(project.tag_names())}",
                        "onbekend-onderwerp")]


@CASES.refused("markdown-extension-page-with-an-unknown-macro")
def _(project: Project) -> list[str]:
    where = project.write("docs/extra.markdown", "# Extra\n\n{{ onbekend() }}\n")
    where = project.spot("docs/extra.markdown", "onbekend")
    return [where.error("onbekende macro of variabele 'onbekend'",
                        "de macro's staan in de redactiehandleiding onder 'Macro's in pagina's'", "onbekende-macro")]


@CASES.refused("markdown-extension-page-with-a-broken-link")
def _(project: Project) -> list[str]:
    project.write("docs/extra.markdown", "# Extra\n\nZie [de tijdlijn](tijdlijnen.md).\n")
    where = project.spot("docs/extra.markdown", "tijdlijnen.md")
    return [where.error("de link 'tijdlijnen.md' wijst naar tijdlijnen.md, maar die pagina of dat bestand bestaat "
                        "niet", "bedoelt u 'tijdlijn.md'?", "link-kapot")]


@CASES.refused("list-as-a-macro-argument")
def _(project: Project) -> list[str]:
    where = project.replace("docs/verkenning-verdragen.md", '{{ bron("evrm") }}', '{{ bron(["evrm"]) }}', at="bron")
    return [where.error("macro 'bron': bron_id moet tekst zijn, niet een lijst",
                        "zet bron_id tussen aanhalingstekens", "macro-argumenten")]


@CASES.refused("mapping-as-a-macro-argument")
def _(project: Project) -> list[str]:
    where = project.replace("docs/index.md", "{{ notas(aantal=5) }}", '{{ notas(aantal={"nieuwste": 5}) }}',
                            at="notas")
    return [where.error("macro 'notas': aantal moet een geheel getal of leeg zijn, niet velden",
                        "schrijf bijvoorbeeld notas(aantal=5)", "macro-argumenten")]


@CASES.refused("note-data-saved-as-yml")
def _(project: Project) -> list[str]:
    where = project.write("data/notas/6501581.yml", project.text(NOTA).replace("6501580", "6501581"))
    return [where.error("dit bestand wordt niet gelezen: gegevensbestanden eindigen op .yaml",
                        "noem het 6501581.yaml", "onbekend-bestand")]


@CASES.refused("data-file-saved-as-yml")
def _(project: Project) -> list[str]:
    text = project.text("data/tijdlijn.yaml")
    missing = project.remove("data/tijdlijn.yaml")
    where = project.write("data/tijdlijn.yml", text)
    return [missing.error("het gegevensbestand ontbreekt", "maak tijdlijn.yaml aan in data", "bestand-ontbreekt"),
            where.error("dit bestand wordt niet gelezen: gegevensbestanden eindigen op .yaml",
                        "noem het tijdlijn.yaml", "onbekend-bestand")]


@CASES.refused("stray-file-in-the-data-folder")
def _(project: Project) -> list[str]:
    where = project.write("data/notas/6501581.yaml.bak", project.text(NOTA))
    return [where.error("dit bestand wordt niet gelezen: gegevensbestanden eindigen op .yaml",
                        "verplaats het uit data/, of sla de gegevens op als .yaml", "onbekend-bestand")]


@CASES.refused("note-page-without-data")
def _(project: Project) -> list[str]:
    where = project.write("docs/notas/6501581.md", "# Nota 6501581\n\nDe tekst van een nota zonder gegevens.\n")
    return [where.error("deze pagina hoort bij de nota '6501581', maar die bestaat niet", "bedoelt u '6501580'?",
                        "pagina-zonder-gegevens")]


@CASES.refused("onderwerp-page-without-data")
def _(project: Project) -> list[str]:
    where = write_new(project, "docs/kernpunten/opvang.md", "# Opvang\n\nKernpunten over opvang.\n")
    return [where.error("deze pagina hoort bij het onderwerp 'opvang', maar dat bestaat niet",
                        "voeg het onderwerp 'opvang' toe in data/onderwerpen.yaml", "pagina-zonder-gegevens")]


@CASES.refused("note-page-without-its-kernpunten")
def _(project: Project) -> list[str]:
    project.replace(NOTA_PAGE, '{{ kernpunten("6501580") }}\n', "")
    where = project.spot(NOTA_PAGE, '{{ nota_kop("6501580") }}')
    return [where.error("de site linkt naar '#6501580-verkenning' en 8 andere ankers op deze pagina, maar die staan "
                        "er niet", 'zet {{ kernpunten("6501580") }} op de pagina', "anker-ontbreekt")]


@CASES.refused("timeline-page-without-its-timeline")
def _(project: Project) -> list[str]:
    project.replace("docs/tijdlijn.md", "{{ tijdlijn() }}\n", "")
    where = project.spot("docs/tijdlijn.md", "# Tijdlijn")
    first, *others = project.ids("data/tijdlijn.yaml", "gebeurtenissen")  # every event is linked from its bronnen
    return [where.error(f"de site linkt naar '#{first}' en {len(others)} andere ankers op deze pagina, "
                        "maar die staan er niet", "zet {{ tijdlijn() }} op de pagina", "anker-ontbreekt")]


@CASES.refused("note-title-with-a-line-break")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "titel: >-\n", "titel: |-\n", at="titel")
    return [where.error("titel: mag geen regeleinde bevatten", ONE_LINE, "regeleinde")]


@CASES.refused("bron-title-with-a-line-break")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "    titel: Grenzen verleggen\n",
                            '    titel: "Grenzen\\nverleggen"\n', at="titel")
    item = project.item("data/bronnen.yaml", "bronnen", "clingendael-grenzen-verleggen")
    return [where.error(f"{item}.titel: mag geen regeleinde bevatten", ONE_LINE, "regeleinde")]


@CASES.refused("onderwerp-name-with-a-line-break")
def _(project: Project) -> list[str]:
    where = project.replace("data/onderwerpen.yaml", "    naam: Terugkeer\n", '    naam: "Terug\\nkeer"\n',
                            at="naam")
    item = project.item("data/onderwerpen.yaml", "onderwerpen", "terugkeer")
    return [where.error(f"{item}.naam: mag geen regeleinde bevatten", ONE_LINE, "regeleinde")]


@CASES.refused("model-name-with-a-line-break")
def _(project: Project) -> list[str]:
    where = project.replace("data/modellen.yaml", "    naam: Ontschepingsplatform\n",
                            "    naam: |\n      Ontschepings-\n      platform\n", at="naam")
    item = project.item("data/modellen.yaml", "modellen", "ontschepingsplatform")
    return [where.error(f"{item}.naam: mag geen regeleinde bevatten", ONE_LINE, "regeleinde")]


# --- Link macros ---------------------------------------------------------------------------------------------------

@CASES.refused("note-link-to-an-unknown-note")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/tijdlijn.md", 'Zie {{ nota_link("6501581") }}.', at="6501581")
    return [where.error("onbekende nota '6501581'", "bedoelt u '6501580'?", "onbekende-id")]


@CASES.refused("kernpunt-link-to-an-unknown-kernpunt")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/tijdlijn.md", 'Zie {{ kernpunt_link("6501580-verkening") }}.',
                     at="6501580-verkening")
    return [where.error("onbekend kernpunt '6501580-verkening'", "bedoelt u '6501580-verkenning'?", "onbekende-id")]


@CASES.refused("event-link-to-an-unknown-event")
def _(project: Project) -> list[str]:
    where = add_line(project, NOTA_PAGE, 'Zie {{ gebeurtenis_link("verzoek-tweede-kamr") }}.',
                     at="verzoek-tweede-kamr")
    return [where.error("onbekende gebeurtenis 'verzoek-tweede-kamr'", "bedoelt u 'verzoek-tweede-kamer'?",
                        "onbekende-id")]


@CASES.refused("link-macro-with-a-list")
def _(project: Project) -> list[str]:
    where = add_line(project, "docs/tijdlijn.md", 'Zie {{ kernpunt_link(["6501580-verkenning"]) }}.',
                     at="kernpunt_link")
    return [where.error("macro 'kernpunt_link': kernpunt_id moet tekst zijn, niet een lijst",
                        "zet kernpunt_id tussen aanhalingstekens", "macro-argumenten")]


@CASES.handled("link-macros-render-relative-links", builds=("intern", "openbaar"))
def _(project: Project):
    add_line(project, "docs/verkenning-verdragen.md",
             'Zie {{ nota_link("6501580") }}, {{ kernpunt_link("6501580-geen-belemmeringen") }}, '
             '{{ gebeurtenis_link("verzoek-tweede-kamer") }} en {{ nota_link("6501580", tekst="de nota") }}.',
             at="gebeurtenis_link")

    def built(sites):
        for site in sites.values():
            soup = BeautifulSoup((site / "verkenning-verdragen" / "index.html").read_text("utf-8"), "html.parser")
            links = {link.get_text(): link["href"] for link in soup.select("article p a")}
            assert links["nota 6501580"] == "../notas/6501580/"
            assert links["de nota"] == "../notas/6501580/"
            assert links["kernpunt 2.2 van nota 6501580"] == "../notas/6501580/#6501580-geen-belemmeringen"
            assert links["Tweede Kamer vraagt om een brede verkenning naar verdragen"] == (
                "../tijdlijn/#verzoek-tweede-kamer")
    return built


test_adversarial = CASES.test()
