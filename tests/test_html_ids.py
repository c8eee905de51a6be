"""No built page holds an HTML id twice, on the real site and on a generated site of 200 notes; the anchors that
`make check` expects on each page (macros/checks/anchors.py) are the ids the build makes; the build's own check of the
built pages catches a duplicate that `make check` cannot see."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from jinja2 import Environment

from macros.adapter.config import load_settings
from macros.checks.anchors import page_model, split_page, theme_anchors
from macros.checks.htmlids import duplicate_id_findings, html_ids
from macros.content.content_cache import load_index
from macros.rendering.sitepages import SitePages
from tests.editing import Project, error_lines, run_check
from tests.site_build import ROOT, build, copy_project, generated_build

NOTES = 200


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory) -> tuple[Path, Path]:
    """A generated project of NOTES notes and its strict build."""
    return generated_build(tmp_path_factory, NOTES, 5)


def duplicates(site: Path) -> dict[str, list[str]]:
    """Per built page with an id that occurs more than once: those ids."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        counts = Counter(html_ids(page.read_text(encoding="utf-8")))
        if doubled := sorted(anchor for anchor, count in counts.items() if count > 1):
            found[page.relative_to(site).as_posix()] = doubled
    return found


def pages_of(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def test_no_page_of_the_real_site_has_a_duplicate_id(built_site, public_site):
    for site in (built_site, public_site):
        assert pages_of(site) > 10
        assert duplicates(site) == {}


def test_no_page_of_a_generated_site_of_200_notes_has_a_duplicate_id(generated_site):
    site = generated_site[1]
    assert pages_of(site) > NOTES
    assert duplicates(site) == {}


def template_ids(project: Path, template: str) -> re.Pattern | None:
    """The ids a page template of the project (overrides/) and the partials it includes write around the page's
    Markdown, which links to the page cannot reach (MkDocs checks anchors in the Markdown only), as one pattern:
    a Jinja expression in an id stands for any text."""
    sources, todo, seen = [], [template], set()
    while todo:
        name = todo.pop()
        path = project / "overrides" / name
        if name in seen or not path.is_file():
            continue
        seen.add(name)
        sources.append(path.read_text(encoding="utf-8"))
        todo += re.findall(r'{%-?\s*include\s+"([^"]+)"', sources[-1])
    patterns = ["".join(".+" if part.startswith("{{") else re.escape(part) for part in re.split(r"({{.*?}})", value))
                for text in sources for value in re.findall(r'\bid="([^"]+)"', text)]
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns)) if patterns else None


def predicted_and_built(project: Path, site: Path):
    """Per page of the build: the anchors `make check` expects, and the ids in the built page's article (but those
    its page template writes around the Markdown)."""
    settings = load_settings(project / "mkdocs.yml")
    pages = SitePages.of(settings, load_index(settings.project_dir, settings.pages, settings.directory_urls))
    environment = Environment(**settings.jinja_options)
    theme = {anchor.id for anchor in theme_anchors(settings.theme_templates)}
    for source, text in pages.texts.items():
        model = page_model(source, text, pages.index, environment, settings.markdown_extensions,
                           settings.theme_templates, generated=source in pages.generated)
        html = (site / pages.url(source) / "index.html").read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        built = set(html_ids(article)) - theme
        template = split_page(text)[1].get("template")  # a page template of its own, beside main.html
        around = template_ids(project, template) if template else None
        yield source, set(model.ids), {found for found in built if not (around and around.fullmatch(found))}


@pytest.mark.parametrize("which", ["real", "generated"])
def test_the_anchors_check_expects_are_the_ids_the_build_makes(which, built_site, generated_site):
    project, site = (ROOT, built_site) if which == "real" else generated_site
    compared = 0
    for source, predicted, built in predicted_and_built(project, site):
        assert predicted == built, source
        compared += 1
    assert compared > (10 if which == "real" else NOTES)


def test_the_build_refuses_a_duplicate_id_that_check_cannot_see(tmp_path):
    """An id the theme's templates add (pages hold only literal macro calls, so `make check` sees every id they make):
    only the built page shows it, and the build names page and id."""
    project = copy_project(tmp_path / "project")
    Project(project).replace("overrides/main.html", "      {% block content %}\n",
                             "      {% block content %}\n<span id=\"__search\"></span>\n")
    assert run_check(project).returncode == 0
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert "docs/index.md:1:1: error: de gebouwde pagina ./ bevat het anker '#__search' 2 keer " \
           "(kies een andere id of een ander kopje) [dubbel-anker]" in error_lines(result.output)


def test_each_duplicate_id_of_a_built_page_is_one_finding():
    html = '<p id="a"></p><span id=\'a\'></span><div id=b></div><i id="b"></i><b id="c"></b><a data-id="c"></a>'
    findings = duplicate_id_findings(html, "docs/x.md", "x/")
    assert [finding.message for finding in findings] == ["de gebouwde pagina x/ bevat het anker '#a' 2 keer",
                                                         "de gebouwde pagina x/ bevat het anker '#b' 2 keer"]
