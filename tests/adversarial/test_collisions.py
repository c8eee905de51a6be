"""Adversarial corpus, class 4: ids that collide, as pages (a bron called `index`) or as HTML ids on one page.

A record's page must not take the place of another page, and no built page may hold an id twice: `make check`
refuses what the data and pages can tell, the build checks every built page as well.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from tests.adversarial.harness import Corpus
from tests.editing import NOTA, NOTA_PAGE, Project

CASES = Corpus()
ANOTHER_ID = "kies een andere id"
ANOTHER_ANCHOR = "kies een andere id of een ander kopje"
BRON = "  - id: evrm\n    soort: verdrag\n"


def write_new(project: Project, path: str, content: str):
    """Write a new file, in a folder that may not exist yet."""
    (project.root / path).parent.mkdir(parents=True, exist_ok=True)
    return project.write(path, content)


def new_bron(record_id: str) -> str:
    return f"  - id: {record_id}\n    soort: rapport\n    titel: Een bron\n    beschrijving: Een bron.\n"


def duplicate_ids(site: Path) -> dict[str, list[str]]:
    """Per built page with a duplicate HTML id: the ids that occur more than once."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        counts = Counter(re.findall(r"""\sid=["']([^"']+)["']""", page.read_text(encoding="utf-8")))
        if doubled := sorted(anchor for anchor, count in counts.items() if count > 1):
            found[page.relative_to(site).as_posix()] = doubled
    return found


# --- Pages that take the place of another page --------------------------------------------------------------------

@CASES.refused("bron-id-index")
def _(project: Project) -> list[str]:
    where = project.append("data/bronnen.yaml", new_bron("index"), at="id: index")
    return [where.error("de id 'index' kan niet: de pagina van de bron (bronnen/index.md) valt samen met de pagina "
                        "docs/bronnen/index.md", ANOTHER_ID, "pagina-botst")]


@CASES.refused("onderwerp-id-index")
def _(project: Project) -> list[str]:
    where = project.append("data/onderwerpen.yaml", "  - id: index\n    naam: Index\n", at="id: index")
    return [where.error("de id 'index' kan niet: de pagina van het onderwerp (kernpunten/index.md) valt samen met "
                        "de pagina docs/kernpunten.md", ANOTHER_ID, "pagina-botst")]


@CASES.refused("bron-id-pagina")
def _(project: Project) -> list[str]:
    where = project.append("data/bronnen.yaml", new_bron("pagina"), at="id: pagina")
    return [where.error("de id 'pagina' kan niet: de pagina van de bron (bronnen/pagina.md) valt samen met de map "
                        "bronnen/pagina/ van de vervolgpagina's van de lijst op bronnen/index.md", ANOTHER_ID,
                        "pagina-botst")]


@CASES.handled("onderwerp-id-pagina")
def _(project: Project):
    # An onderwerp's later pages lie in kernpunten/<id>/pagina/: the id 'pagina' takes no other page's place.
    project.append("data/onderwerpen.yaml", "  - id: pagina\n    naam: Pagina's\n", at="id: pagina")

    def built(sites):
        assert (sites["intern"] / "kernpunten" / "pagina" / "index.html").is_file()
        assert "Kernpunten per onderwerp" in (sites["intern"] / "kernpunten" / "index.html").read_text("utf-8")
    return built


@CASES.refused("page-where-a-bron-page-is-generated")
def _(project: Project) -> list[str]:
    where = project.write("docs/bronnen/evrm.md", "# Het EVRM\n\nEen eigen pagina.\n")
    return [where.error("deze pagina valt samen met de pagina die de site maakt voor de bron 'evrm'",
                        "verwijder deze pagina; de site maakt haar zelf uit de gegevens", "pagina-botst")]


@CASES.refused("page-where-an-onderwerp-page-is-generated")
def _(project: Project) -> list[str]:
    where = write_new(project, "docs/kernpunten/dublin.md", "# Dublin\n\nEen eigen pagina.\n")
    return [where.error("deze pagina valt samen met de pagina die de site maakt voor het onderwerp 'dublin'",
                        "verwijder deze pagina; de site maakt haar zelf uit de gegevens", "pagina-botst")]


# --- HTML ids of different kinds on one page --------------------------------------------------------------------

@CASES.refused("event-id-equal-to-a-note-on-the-timeline")
def _(project: Project) -> list[str]:
    where = project.replace("data/tijdlijn.yaml", "  - id: ministersconferentie-straatsburg\n",
                            "  - id: nota-6501580\n", at="id")
    return [where.error("het anker '#nota-6501580' staat al op de pagina tijdlijn.md: nota 6501580 op de tijdlijn",
                        ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("event-id-equal-to-the-figure-title")
def _(project: Project) -> list[str]:
    where = project.replace("data/tijdlijn.yaml", "  - id: ministersconferentie-straatsburg\n",
                            "  - id: tijdlijn-figuur-titel\n", at="id")
    return [where.error("het anker '#tijdlijn-figuur-titel' staat al op de pagina tijdlijn.md: de figuur van de "
                        "tijdlijn", ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("event-id-equal-to-the-page-heading")
def _(project: Project) -> list[str]:
    where = project.replace("data/tijdlijn.yaml", "  - id: ministersconferentie-straatsburg\n", "  - id: tijdlijn\n",
                            at="id")
    return [where.error("het anker '#tijdlijn' staat al op de pagina tijdlijn.md: het kopje op regel 1",
                        ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("exploration-point-equal-to-an-instrument")
def _(project: Project) -> list[str]:
    where = project.replace("data/verkenning.yaml", "  - id: complexiteit-procedure\n", "  - id: evrm\n", at="id")
    return [where.error("het anker '#evrm' staat al op de pagina verkenning-verdragen.md: de bron 'evrm'",
                        ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("exploration-point-equal-to-a-heading")
def _(project: Project) -> list[str]:
    where = project.replace("data/verkenning.yaml", "  - id: complexiteit-procedure\n",
                            "  - id: waar-de-uitdagingen-liggen\n", at="id")
    line = project.line_of("docs/verkenning-verdragen.md", "## Waar de uitdagingen liggen")
    return [where.error(f"het anker '#waar-de-uitdagingen-liggen' staat al op de pagina verkenning-verdragen.md: het "
                        f"kopje op regel {line}", ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("model-id-equal-to-an-aspect")
def _(project: Project) -> list[str]:
    where = project.replace("data/modellen.yaml", "  - id: ontschepingsplatform\n", "  - id: praktijk\n", at="id")
    return [where.error("het anker '#praktijk' staat al op de pagina appreciatie-grenzen-verleggen.md: het aspect "
                        "'praktijk'", ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("aspect-id-equal-to-a-heading")
def _(project: Project) -> list[str]:
    where = project.replace("data/modellen.yaml", "aspecten:\n",
                            "aspecten:\n  - id: de-modellen-en-de-bevindingen\n    naam: Vergelijking\n", at="id")
    line = project.line_of("docs/appreciatie-grenzen-verleggen.md", "## De modellen en de bevindingen")
    return [where.error("het anker '#de-modellen-en-de-bevindingen' staat al op de pagina "
                        f"appreciatie-grenzen-verleggen.md: het kopje op regel {line}", ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("bron-id-equal-to-the-register-heading")
def _(project: Project) -> list[str]:
    where = project.append("data/bronnen.yaml", new_bron("bronnen"), at="id: bronnen")
    return [where.error("het anker '#bronnen' staat al op de pagina bronnen/index.md: het kopje op regel 1",
                        ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("heading-slug-equal-to-a-kernpunt-id")
def _(project: Project) -> list[str]:
    heading = project.replace(NOTA_PAGE, "## 4. Toelichting\n", "## 4. Toelichting\n\n### 6501580 verkenning\n",
                              at="### 6501580")
    where = project.spot(NOTA, "id: 6501580-verkenning")
    return [where.error(f"het anker '#6501580-verkenning' staat al op de pagina notas/6501580.md: het kopje op regel "
                        f"{heading.line}", ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("attribute-list-id-equal-to-a-kernpunt-id")
def _(project: Project) -> list[str]:
    heading = project.replace(NOTA_PAGE, "## 4. Toelichting\n", "## 4. Toelichting {: #6501580-externalisering }\n",
                              at="##")
    where = project.spot(NOTA, "id: 6501580-externalisering")
    return [where.error(f"het anker '#6501580-externalisering' staat al op de pagina notas/6501580.md: het anker op "
                        f"regel {heading.line}", ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("attribute-list-id-equal-to-a-theme-id")
def _(project: Project) -> list[str]:
    where = project.replace("docs/tijdlijn.md", "# Tijdlijn\n", "# Tijdlijn {: #__search }\n", at="#__search")
    return [where.error("het anker '#__search' staat al op de pagina tijdlijn.md: het thema (Material)",
                        ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("event-id-like-a-theme-id")
def _(project: Project) -> list[str]:
    # Ids are slugs: no record can take one of the theme's ids (__search, __drawer, ...).
    where = project.replace("data/tijdlijn.yaml", "  - id: ministersconferentie-straatsburg\n", "  - id: __search\n",
                            at="id")
    item = project.item("data/tijdlijn.yaml", "gebeurtenissen", "__search")
    return [where.error(f"{item}.id: '__search' heeft niet de juiste vorm",
                        "gebruik kleine letters, cijfers en koppeltekens, bijvoorbeeld 'dublin-iii'", "ongeldige-id")]


@CASES.refused("raw-html-id-twice")
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", '\n<span id="hier"></span>\n\n<p id="hier">Hier.</p>\n',
                           at='<p id')
    return [where.error(f"het anker '#hier' staat al op de pagina tijdlijn.md: het anker op regel {where.line - 2}",
                        ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("kernpunten-shown-twice-on-their-page")
def _(project: Project) -> list[str]:
    where = project.append(NOTA_PAGE, '\n{{ kernpunten("6501580") }}\n', at="kernpunten")
    return [where.error("het anker '#6501580-verkenning' staat al op de pagina notas/6501580.md: het kernpunt "
                        "'6501580-verkenning'", ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.refused("timeline-figure-shown-twice")
def _(project: Project) -> list[str]:
    where = project.append("docs/tijdlijn.md", "\n{{ tijdlijn_figuur() }}\n", at="tijdlijn_figuur")
    return [where.error("het anker '#tijdlijn-figuur-titel' staat al op de pagina tijdlijn.md: de figuur van de "
                        "tijdlijn", ANOTHER_ANCHOR, "dubbel-anker")]


@CASES.handled("two-headings-with-the-same-text")
def _(project: Project):
    # Markdown numbers the second heading's anchor itself (toelichting_1): no duplicate.
    project.replace(NOTA_PAGE, "N.v.t.\n", "N.v.t.\n\n## Toelichting\n\nTekst.\n\n## Toelichting\n\nMeer.\n")

    def built(sites):
        assert duplicate_ids(sites["intern"]) == {}
        assert 'id="toelichting_1"' in (sites["intern"] / "notas" / "6501580" / "index.html").read_text("utf-8")
    return built


@CASES.handled("the-same-id-on-two-pages")
def _(project: Project):
    # An event and a kernpunt may share a word: ids only collide on one page.
    project.replace("data/tijdlijn.yaml", "  - id: verzoek-tweede-kamer\n", "  - id: 6501580-verkenning\n")
    project.replace(NOTA, "aanleiding: [verzoek-tweede-kamer,", "aanleiding: [6501580-verkenning,")

    def built(sites):
        assert duplicate_ids(sites["intern"]) == {}
        timeline = (sites["intern"] / "tijdlijn" / "index.html").read_text("utf-8")
        assert 'id="6501580-verkenning"' in timeline
    return built


@CASES.handled("no-duplicate-id-in-either-build", builds=("intern", "openbaar"))
def _(project: Project):
    kernpunt = "terugkeer- en transithubs).\n        bronnen: [clingendael-grenzen-verleggen]\n"  # no page names it
    project.replace(NOTA, kernpunt, f"{kernpunt}        niet_openbaar: 5.2.1\n")

    def built(sites):
        assert duplicate_ids(sites["intern"]) == {}
        assert duplicate_ids(sites["openbaar"]) == {}
    return built


test_adversarial = CASES.test()
