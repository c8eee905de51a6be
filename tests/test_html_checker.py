"""The Nu Html Checker (vnu.jar from npm, pinned in package-lock.json) over one page of every kind: no error but
those listed here as Material's, each with its reason.

The pages: the real project's strict build (home, every page in the navigation's top level, a nota, a bron, an
onderwerp, the 404 page), page 2 of each kind of long list in a generated site, and the public build's page that
is not public and note with kernpunten that are not, from the Woo fixture. The checker runs once over all of them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.model.paging import PER_PAGE
from tests.site_build import PUBLIC_ENV, ROOT, build, generated_build
from tests.test_browser import PAGE_KINDS
from tests.woo_fixture import REFERENTIE, woo_project

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")
pytestmark = pytest.mark.skipif(not (VNU_JAR.is_file() and JAVA),
                                reason="the HTML checker is missing: make node_modules/vnu-jar/build/dist/vnu.jar")


@dataclass(frozen=True)
class Known:
    """An error in Material's markup: the start of the checker's message, a piece of the markup it quotes that shows
    the markup is Material's, and why the project leaves it."""

    message: str
    markup: str
    reason: str


AUTOCOMPLETE = "Attribute “autocomplete” is only allowed when the input type is"
MATERIAL = (
    Known(AUTOCOMPLETE, '<input class="md-toggle" data-md-toggle="drawer" type="checkbox"',
          "Material's base.html puts autocomplete=off on the switch that opens the navigation drawer (so that Firefox "
          "does not restore it checked); HTML allows it on text-like inputs only. The switch is outside every block "
          "of base.html, so the project cannot change it short of copying the whole template."),
    Known(AUTOCOMPLETE, '<input class="md-toggle" data-md-toggle="search" type="checkbox"',
          "The same on the switch that opens the search dialog."),
)
# A page with an error, checked with the others: the checker runs and reports what it finds.
CONTROL = ('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Controle</title>'
           '<meta content="zonder naam"></head><body><p>Controle</p></body></html>\n')
CONTROL_ERROR = "Element “meta” is missing one or more of the following attributes"


def top_level_pages(site: Path) -> dict[str, Path]:
    """The pages of the navigation's top level, by their address, as the home page links them."""
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [link["href"] for link in home.select(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")]
    assert len(links) > 5, links
    return {f"navigatie {href}": site / href / "index.html" for href in links}


def later_pages(site: Path) -> dict[str, Path]:
    """Page 2 of each kind of long list: the notes, the timeline, an onderwerp's and a bron's kernpunten."""
    pages = {"notas pagina 2": site / "notas" / "pagina" / "2" / "index.html",
             "tijdlijn pagina 2": site / "tijdlijn" / "pagina" / "2" / "index.html"}
    for folder, kind in (("kernpunten", "onderwerp"), ("bronnen", "bron")):
        pages[f"{kind} pagina 2"] = min((site / folder).glob("*/pagina/2/index.html"))
    return pages


@pytest.fixture(scope="module")
def checked(built_site, tmp_path_factory) -> dict[str, list[dict]]:
    """The checker's errors on each page, by page kind (every page checked is a key)."""
    pages = {**top_level_pages(built_site), "404": built_site / "404.html"}
    pages |= {kind: built_site / address / "index.html" for kind, address in PAGE_KINDS.items()
              if kind in ("nota", "bron", "onderwerp")}
    _, corpus = generated_build(tmp_path_factory, PER_PAGE + 20, 7)
    pages |= later_pages(corpus)
    woo = build(woo_project(tmp_path_factory.mktemp("woo") / "project"), tmp_path_factory.mktemp("woo-site"),
                PUBLIC_ENV)
    assert woo.returncode == 0, woo.output
    pages |= {"openbaar: pagina niet openbaar": woo.site / "planning" / "index.html",
              "openbaar: nota met kernpunten niet openbaar": woo.site / "notas" / REFERENTIE / "index.html"}
    control = tmp_path_factory.mktemp("control") / "controle.html"
    control.write_text(CONTROL, encoding="utf-8")
    pages["controle"] = control
    missing = [kind for kind, path in pages.items() if not path.is_file()]
    assert missing == [], missing
    completed = subprocess.run([JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout",
                                *(str(path) for path in pages.values())], capture_output=True, text=True, timeout=300)
    kind_of = {path.resolve(): kind for kind, path in pages.items()}
    errors: dict[str, list[dict]] = {kind: [] for kind in pages}
    for message in json.loads(completed.stdout)["messages"]:
        errors[kind_of[Path(unquote(urlsplit(message["url"]).path)).resolve()]].append(message)
    return errors


def known(error: dict) -> Known | None:
    """The listed Material error that `error` is, if any."""
    return next((item for item in MATERIAL if error["message"].startswith(item.message)
                 and item.markup in error.get("extract", "")), None)


def test_the_checker_reports_the_error_in_the_control_page(checked):
    assert [error["message"][:len(CONTROL_ERROR)] for error in checked["controle"]] == [CONTROL_ERROR]


def test_every_page_kind_has_no_error_but_materials(checked):
    unexplained = {kind: [f"{error['message']} [{error.get('extract', '').strip()}]" for error in errors
                          if known(error) is None]
                   for kind, errors in checked.items() if kind != "controle"}
    assert {kind: errors for kind, errors in unexplained.items() if errors} == {}
    assert len(unexplained) > 15, sorted(unexplained)


def test_every_error_listed_as_materials_still_occurs(checked):
    """When Material fixes one, its entry goes."""
    seen = {known(error) for kind, errors in checked.items() if kind != "controle" for error in errors}
    assert [item.markup for item in MATERIAL if item not in seen] == []


def test_the_copied_toc_keeps_all_of_materials_markup():
    """overrides/partials/toc.html copies Material's to label the `__toc` switch only where there is one: after an
    upgrade of Material too, every token of Material's partial is still there, in order."""
    tokens = re.compile(r"[^\s>]+|>")
    theirs = (resources.files("material") / "templates" / "partials" / "toc.html").read_text("utf-8")
    ours = iter(tokens.findall((ROOT / "overrides" / "partials" / "toc.html").read_text("utf-8")))
    theirs = re.sub(r"{#-.*?-#}", "", theirs, flags=re.DOTALL)
    assert [token for token in tokens.findall(theirs) if token not in ours] == []
