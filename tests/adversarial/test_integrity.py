"""Adversarial corpus, the smaller silent ones: values each valid on their own that cannot all be true.

A bron replaced by itself or in a circle, a period that ends before it starts, a note dated centuries away, a
count of no items (or of `True` items) in a page.
"""

from __future__ import annotations

from tests.adversarial.harness import Corpus
from tests.editing import NOTA, Project

CASES = Corpus()
BRONNEN = "data/bronnen.yaml"
TIJDLIJN = "data/tijdlijn.yaml"
AMMR_STATUS = "    van_toepassing: 2026-07-01\n    status: aangenomen\n"
CYCLE_HINT = "noem bij 'vervangen_door' de bron die deze bron vervangt, of laat het veld weg"
PERIOD_HINT = "zet bij 'tot' een datum na 'datum', of laat 'tot' weg"
DATE_HINT = "controleer het jaartal"
COUNT_HINT = "schrijf bijvoorbeeld notas(aantal=5)"


@CASES.refused("bron-replaced-by-itself")
def _(project: Project) -> list[str]:
    where = project.replace(BRONNEN, "    vervangen_door: verordening-2024-1351-ammr\n",
                            "    vervangen_door: dublin-iii\n", at="vervangen_door")
    return [where.error("de bron 'dublin-iii' wordt vervangen door zichzelf", CYCLE_HINT, "vervanging-kring")]


@CASES.refused("bronnen-replacing-each-other")
def _(project: Project) -> list[str]:
    project.replace(BRONNEN, AMMR_STATUS, AMMR_STATUS + "    vervangen_door: dublin-iii\n")
    where = project.spot(BRONNEN, "    vervangen_door: dublin-iii\n")  # the first of the circle in the file
    return [type(where)(where.path, where.line, 5).error(
        "de bronnen 'verordening-2024-1351-ammr' en 'dublin-iii' vervangen elkaar in een kring", CYCLE_HINT,
        "vervanging-kring")]


@CASES.refused("three-bronnen-in-a-circle")
def _(project: Project) -> list[str]:
    screening = "      celex: 32024R1356\n"
    project.replace(BRONNEN, AMMR_STATUS, AMMR_STATUS + "    vervangen_door: verordening-2024-1356-screening\n")
    project.replace(BRONNEN, screening, screening + "    vervangen_door: dublin-iii\n")
    where = project.spot(BRONNEN, "    vervangen_door: verordening-2024-1356-screening\n")
    return [type(where)(where.path, where.line, 5).error(
        "de bronnen 'verordening-2024-1351-ammr', 'verordening-2024-1356-screening' en 'dublin-iii' vervangen "
        "elkaar in een kring", CYCLE_HINT, "vervanging-kring")]


@CASES.refused("event-ends-before-it-starts")
def _(project: Project) -> list[str]:
    where = project.replace(TIJDLIJN, "    tot: 2026-06-05\n", "    tot: 2026-06-03\n", at="tot")
    return [where.error("de gebeurtenis 'jbz-raad-juni-2026' eindigt (3 juni 2026) vóór zij begint (4 juni 2026)",
                        PERIOD_HINT, "ongeldige-periode")]


@CASES.refused("event-ends-a-year-before")
def _(project: Project) -> list[str]:
    where = project.replace(TIJDLIJN, "    tot: 2026-06-05\n", "    tot: 2025\n", at="tot")
    return [where.error("de gebeurtenis 'jbz-raad-juni-2026' eindigt (2025) vóór zij begint (4 juni 2026)",
                        PERIOD_HINT, "ongeldige-periode")]


@CASES.handled("event-ending-in-its-own-month")
def _(project: Project):
    """`tot: 2026-06` can mean the last day of June: not before 4 June."""
    project.replace(TIJDLIJN, "    tot: 2026-06-05\n", "    tot: 2026-06\n")

    def built(sites):
        page = (sites["intern"] / "tijdlijn" / "index.html").read_text(encoding="utf-8")
        assert "JBZ-Raad van 4 en 5 juni 2026" in page
    return built


@CASES.refused("nota-dated-centuries-ahead")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "datum: 2025-05-11\n", "datum: 2525-05-11\n", at="datum")
    return [where.error("de datum van nota 6501580 (11 mei 2525) ligt meer dan een jaar na vandaag", DATE_HINT,
                        "onwaarschijnlijke-datum")]


@CASES.refused("nota-dated-a-millennium-ago")
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, "datum: 2025-05-11\n", "datum: 1025-05-11\n", at="datum")
    return [where.error("de datum van nota 6501580 (11 mei 1025) ligt vóór 1900", DATE_HINT,
                        "onwaarschijnlijke-datum")]


@CASES.refused("negative-count-of-notes")
def _(project: Project) -> list[str]:
    where = project.replace("docs/index.md", "{{ notas(aantal=5) }}", "{{ notas(aantal=-1) }}", at="notas")
    return [where.error("macro 'notas': aantal moet 1 of meer zijn, niet -1", COUNT_HINT, "macro-argumenten")]


@CASES.refused("zero-notes")
def _(project: Project) -> list[str]:
    where = project.replace("docs/index.md", "{{ notas(aantal=5) }}", "{{ notas(aantal=0) }}", at="notas")
    return [where.error("macro 'notas': aantal moet 1 of meer zijn, niet 0", COUNT_HINT, "macro-argumenten")]


@CASES.refused("true-as-count-of-notes")
def _(project: Project) -> list[str]:
    where = project.replace("docs/index.md", "{{ notas(aantal=5) }}", "{{ notas(aantal=true) }}", at="notas")
    return [where.error("macro 'notas': aantal moet een geheel getal of leeg zijn, niet True", COUNT_HINT,
                        "macro-argumenten")]


@CASES.refused("fraction-as-count-of-notes")
def _(project: Project) -> list[str]:
    where = project.replace("docs/index.md", "{{ notas(aantal=5) }}", "{{ notas(aantal=2.5) }}", at="notas")
    return [where.error("macro 'notas': aantal moet een geheel getal of leeg zijn, niet 2.5", COUNT_HINT,
                        "macro-argumenten")]


@CASES.refused("challenge-in-an-unknown-group")
def _(project: Project) -> list[str]:
    where = project.replace("data/verkenning.yaml",
                            "    groep: herkomst-uitdagingen\n    tekst: Uitvoeringsproblemen.\n",
                            "    groep: herkomst-uitdaging\n    tekst: Uitvoeringsproblemen.\n", at="groep")
    return [where.error("onbekende groep uitdagingen 'herkomst-uitdaging'", "bedoelt u 'herkomst-uitdagingen'?",
                        "onbekende-id")]


test_adversarial = CASES.test()
