"""Every page the build makes, and where it comes from: a file under docs/, or generated from the data.

A record's page must not take the place of another page (a bron called `index` would replace the register), nor
lie where a list's later pages go (`bronnen/pagina/`); a page written where the site generates one, or where a
record's page would stand without its record, is refused too.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from macros.content.index import Index, with_article
from macros.content.settings import Settings
from macros.content.yamlsource import read_text
from macros.model.errors import ContentError, Finding
from macros.model.kinds import KINDS, PAGE_KINDS
from macros.model.paging import page_source
from macros.outputs.changes import EXPORT_NAMES
from macros.outputs.export import EXPORT_FOLDER
from macros.outputs.feed import FEED_FILE
from macros.routing.docsfiles import as_md, docs_files, is_page, url_of

# The kinds of record whose own pages the site generates from the data (notes' pages are written).
GENERATED_KINDS = tuple(kind for kind in PAGE_KINDS if KINDS[kind].page_template)
PAGE_CLASH = "pagina-botst"


@dataclass(frozen=True)
class SitePages:
    """The pages of one build by docs-relative source (`.md`), with their text, and the other files' sources."""

    settings: Settings
    index: Index
    texts: dict[str, str]
    displays: dict[str, str]
    written: frozenset[str]
    generated: frozenset[str]
    later: frozenset[str]
    files: frozenset[str]

    @classmethod
    def of(cls, settings: Settings, index: Index) -> SitePages:
        """Read the pages under docs/ and add the pages and files the build generates from the data."""
        docs = settings.docs_dir.relative_to(settings.project_dir).as_posix()
        texts, displays, files = {}, {}, set()
        for file in docs_files(settings.docs_dir):
            source = file.relative_to(settings.docs_dir).as_posix()
            files.add(source)
            if not is_page(source):
                continue
            try:
                texts[as_md(source)] = read_text(file, f"{docs}/{source}")
            except ContentError:
                continue  # the page check reports it
            displays[as_md(source)] = f"{docs}/{source}"
        generated = dict.fromkeys(record_page_sources(index), "")  # the hooks render these pages
        displays |= {source: f"{docs}/{source}" for source in generated}
        first_pages, later = {**texts, **generated}, set()
        for page in index.later_pages:
            if page.list_source in first_pages:  # a later page is its list's first page (its links too)
                later.add(page.source)
                generated[page.source] = first_pages[page.list_source]
                displays[page.source] = displays[page.list_source]
        exports = {f"{EXPORT_FOLDER}/{name}" for name in EXPORT_NAMES} | {FEED_FILE}
        return cls(settings, index, {**generated, **texts}, displays, frozenset(texts), frozenset(generated),
                   frozenset(later),
                   frozenset(files | set(generated) | exports))

    def url(self, source: str) -> str:
        return url_of(source, self.settings.directory_urls)


def record_page_sources(index: Index) -> list[str]:
    """The sources of the pages the site generates for records, from their kind's page template."""
    return [index.pages.source_of(kind, record_id) for kind in GENERATED_KINDS for record_id in index.records[kind]]


def page_findings(site: SitePages) -> list[Finding]:
    """Pages in each other's place, and pages where a record's page goes without that record."""
    return [*_clashes(site), *_orphans(site)]


def _clashes(site: SitePages) -> list[Finding]:
    index, pages = site.index, site.index.pages
    written = site.written
    fixed = set(pages.fixed_pages()) | {pages.source_of("nota", nota.referentie) for nota in index.notas_newest_first}
    by_url = {site.url(source): source for source in sorted(written)}
    later_folders = {PurePosixPath(page_source(first, 2)).parent.as_posix(): first for first in index.listings}
    findings = []
    for kind in GENERATED_KINDS:
        for record_id in index.records[kind]:
            source = pages.source_of(kind, record_id)
            clash = source if source in written else by_url.get(site.url(source))
            folder = PurePosixPath(source).with_suffix("").as_posix()
            listing = later_folders.get(folder)
            if clash and clash not in fixed and clash == source:
                findings.append(Finding(site.displays[source], 1, 1, f"deze pagina valt samen met de pagina die de "
                                        f"site maakt voor {with_article(kind)} '{record_id}'",
                                        "verwijder deze pagina; de site maakt haar zelf uit de gegevens", PAGE_CLASH))
            elif clash or listing:
                other = (f"de pagina {site.displays[clash]}" if clash else
                         f"de map {folder}/ van de vervolgpagina's van de lijst op {listing}")
                findings.append(index.finding(kind, record_id, "id", f"de id '{record_id}' kan niet: de pagina van "
                                              f"{with_article(kind)} ({source}) valt samen met {other}",
                                              "kies een andere id", PAGE_CLASH))
            by_url.setdefault(site.url(source), source)
    return findings


def _orphans(site: SitePages) -> list[Finding]:
    """Written pages at the place of a record's page (`notas/<referentie>.md`) whose record does not exist."""
    index = site.index
    fixed = set(index.pages.fixed_pages())
    findings = []
    for source in sorted(site.written - fixed):
        for kind in PAGE_KINDS:
            match = _pattern(getattr(index.pages, KINDS[kind].page.key)).fullmatch(source)
            if match and match["id"] not in index.records[kind]:
                pronoun = "dat" if KINDS[kind].het else "die"
                findings.append(Finding(site.displays[source], 1, 1, f"deze pagina hoort bij {with_article(kind)} "
                                        f"'{match['id']}', maar {pronoun} bestaat niet",
                                        index.suggest(kind, match["id"]), "pagina-zonder-gegevens"))
    return findings


@functools.cache  # one compiled pattern per page template: a pure function of a string
def _pattern(template: str) -> re.Pattern[str]:
    """`notas/{id}.md` as a pattern that finds the id in a source."""
    before, _, after = template.partition("{id}")
    return re.compile(f"{re.escape(before)}(?P<id>[^/]+){re.escape(after)}")
