"""Everything an editor can break, checked in one place: used by `make check` and by the build alike."""

from __future__ import annotations

import datetime as dt

from macros.checks.acknowledged import acknowledge
from macros.checks.anchors import Conversions
from macros.checks.coherence import incoherences
from macros.checks.editorial import editorial_warnings
from macros.checks.linkcheck import link_findings
from macros.checks.pagecheck import CheckedPages, check_pages
from macros.checks.positions import position_findings
from macros.checks.restated import restated_findings
from macros.checks.woo_checks import woo_data_findings
from macros.content.content_cache import Content
from macros.content.index import Index
from macros.content.settings import Settings
from macros.model.errors import ContentError, Finding
from macros.outputs.diwoo import missing_settings
from macros.rendering.sitepages import SitePages, page_findings


def missing_pages(settings: Settings, index: Index) -> list[Finding]:
    """The pages the content needs (index pages, one page per note) that do not exist."""
    needed = settings.pages.fixed_pages() + [settings.pages.source_of("nota", nota.referentie)
                                             for nota in index.notas_newest_first]
    docs = settings.docs_dir.relative_to(settings.project_dir).as_posix()
    return [Finding(f"{docs}/{source}", 1, 1, "deze pagina ontbreekt",
                    "maak haar aan; voor een nota: make nota REF=<referentie>", "pagina-ontbreekt")
            for source in needed if not (settings.docs_dir / source).is_file()]


def run_checks(settings: Settings, today: dt.date, content: Content, conversions: Conversions | None = None,
               checked: CheckedPages | None = None) -> tuple[Index | None, list[Finding]]:
    """The index to build from (None if the data is invalid) and every finding: data, pages, editorial warnings
    (those a record acknowledges marked `erkend`, macros/checks/acknowledged.py).

    The checks read the whole content; in the public build the index returned is the redacted one. `conversions`
    remembers the pages' Markdown across the preview's builds, `checked` their findings.
    """
    if content.error is not None:
        return None, content.error.findings
    index = content.index
    conversions = conversions or Conversions()
    findings = sorted(acknowledge(index, [*missing_pages(settings, index),
                       *check_pages(settings.docs_dir, settings.project_dir, index, settings.jinja_options,
                                    set(settings.extra_names), settings.template_dirs, conversions, checked),
                       *incoherences(index, today), *position_findings(index), *editorial_warnings(index, today),
                       *woo_data_findings(index), *restated_findings(index),
                       *site_findings(settings, index, conversions),
                       *(missing_settings(index.content) if settings.openbaar else [])]))
    try:
        return content.of(settings), findings
    except ContentError as error:  # the public index refuses what the checks reported (or, fail closed, anything)
        return None, findings if any(finding.severity == "error" for finding in findings) else error.findings


def site_findings(settings: Settings, index: Index, conversions: Conversions) -> list[Finding]:
    """Pages in each other's place, broken links and anchors, and ids twice on a page."""
    site = SitePages.of(settings, index)
    return [*page_findings(site), *link_findings(site, conversions)]
