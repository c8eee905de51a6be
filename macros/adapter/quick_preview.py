"""The preview's quick path: after saves that change only the text of existing pages and data files, render the
pages whose inputs changed without MkDocs' whole build.

After a save, `mkdocs serve` builds the whole site again: a new config, every file and page object, the navigation
(at 5,000 notes that alone takes longer than rendering the few pages a save changes). This path keeps the objects
of the last whole build and renders the changed pages with MkDocs' own page functions, so every plugin event runs
as in a build: the edited pages first (the saved page, the page of a changed record), before it finds which other
pages show what changed, then those. MkDocs' server serves pages only once a build is done; this path lets it
serve each group (and reload the browsers) when it is written, before the exports and, last, the checks (an error
they find makes the whole build, which shows it on every page and reloads the browsers again; the pages whose
warnings the checks changed are rendered once more, with their banner, macros/adapter/preview_warnings.py).
Anything else takes the whole build: a file added or removed, a change outside the pages and the data
(configuration, templates, assets), pages generated from the data that come or go, the public build, content with
errors.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.livereload import _timestamp

from macros.adapter.build import Build
from macros.adapter.collector import keep_loaded_content, release_previous_build
from macros.adapter.page_facts import PageFacts
from macros.content.settings import DATA_FOLDER, is_public
from macros.model.errors import ContentError
from macros.outputs.export import export_files
from macros.rendering.sitepages import record_page_sources

log = logging.getLogger("mkdocs.hooks.beleid")
FileTimes = dict[str, tuple[int, int]]
RELEASE_AFTER = 2.0  # seconds after a quick build without another save


class QuickPreview:
    """The last whole build's config, files, navigation and Jinja environment, and the times of the files the
    preview watches, as they were when it was built."""

    def __init__(self):
        self.kept: tuple | None = None
        self.times: FileTimes = {}
        self.starting: FileTimes = {}
        self.release: threading.Timer | None = None  # the collection after the last quick build

    def start(self, config) -> None:
        """A whole build starts: the times of the files it reads (a save while it runs is seen by the next build)."""
        self.starting = watched_times(config)

    def keep(self, config, files, nav, env, usable: bool) -> None:
        """After a whole build: keep its objects, when it was `usable` (no errors, not the public build)."""
        self.kept = (config, files, nav, env) if usable and not is_public(config.extra) else None
        self.times = self.starting if self.kept else {}

    def builder(self, whole: Callable[[], None], hooks, server) -> Callable[[], None]:
        """The preview's builder: the quick path when it can, else MkDocs' `whole` build. MkDocs' live-reload
        `server` serves pages only when its build is done; the quick path shows its pages before the exports and
        the checks."""
        shown = []

        def show() -> None:
            """Serve the pages written so far and reload the browsers: MkDocs' server holds every request while
            the epoch it wants is not the one it shows (mkdocs/livereload), so both become a new one."""
            with server._epoch_cond:
                server._visible_epoch = server._wanted_epoch = max(_timestamp(), server._visible_epoch + 1)
                server._epoch_cond.notify_all()
            shown.append(True)

        def unchanged() -> None:
            """Nothing to render (a second watcher saw the same save): the browsers need no reload."""
            server._wanted_epoch = server._visible_epoch

        def build() -> None:
            if self.release is not None:
                self.release.cancel()  # the editor saved again: a build now matters more than the memory
            shown.clear()
            try:
                quick = self._quick(hooks, show, unchanged)
            except Exception as error:  # the whole build then shows what went wrong, as it always does
                log.info(f"de voorvertoning bouwt de hele site: {error!r}")
                quick = False
            if quick and shown:
                self._release_later()
            elif not quick:
                if shown:  # the browsers reload once more when the whole build is done
                    server._wanted_epoch = max(_timestamp(), server._visible_epoch + 1)
                whole()

        return build

    def _release_later(self) -> None:
        """Free what the saves replaced once the editor pauses: one collection of every object, about a second at
        5,000 notes, which would otherwise delay the preview (macros/adapter/collector.py)."""
        self.release = threading.Timer(RELEASE_AFTER, release_previous_build)
        self.release.daemon = True
        self.release.start()

    def _quick(self, hooks, show: Callable[[], None], unchanged: Callable[[], None]) -> bool:
        """Render what the saves changed and `show` the pages (or say it was `unchanged`); False when only a whole
        build can (the pages written are then written again by it)."""
        if self.kept is None:
            return False
        config, files, nav, env = self.kept
        times = watched_times(config)
        edited = changed_files(self.times, times)
        if edited == []:
            unchanged()
            return True
        docs, project = Path(config.docs_dir), Path(config.config_file_path).parent
        if edited is None or not all(_page_or_data(path, docs, project, files) for path in edited):
            return False
        keep_loaded_content()  # what the last build left stays out of the collections while this one loads
        build = Build(config, hooks.build)
        try:
            build.take_over(hooks.build)
            index = build.content.of(build.settings)
        except ContentError:
            return False
        before, doc_files = hooks.index, files.documentation_pages()
        saved = {Path(path).relative_to(docs).as_posix() for path in edited if Path(path).is_relative_to(docs)}
        if not saved.isdisjoint(page.list_source for page in before.later_pages):
            return False  # a long list's first page: its later pages are made from it
        keep_loaded_content()  # and the new index while the pages render
        hooks.build, hooks.index, build.index = build, index, index
        hooks.facts = PageFacts(config, index)
        rebuilds = hooks.rebuilds
        first = [file.page for file in doc_files
                 if file.src_uri in saved or _record_changed(file.src_uri, index, before, rebuilds.digests)]
        rebuilds.rendered = {}
        _render(first, config, files, doc_files, nav, env)
        if first:
            show()  # the edited pages first, before the lists and the pages that show what changed are known
        if generated_sources(index) != generated_sources(before):
            return False  # the generated pages change: only MkDocs' files and navigation can say so
        rebuilds.plan(files, config, index, "", dirty=True, serving=True, changed_on=hooks.changed_on,
                      rendered=rebuilds.rendered)
        if rebuilds.changed is None:
            return False
        done = {page.file.src_uri for page in first}
        others = [file.page for file in doc_files if file.src_uri not in done and (
            file.src_uri in rebuilds.again or not Path(file.abs_dest_path).is_file())]
        _render(others, config, files, doc_files, nav, env)
        if others:
            show()
        pages = first + others
        for page in pages:
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        if not _write_exports(files, export_files(index, config.site_url or "", build.exported)):
            return False
        rebuilds.finish(Path(config.site_dir))
        log.info(f"{len(pages)} pagina's opnieuw gemaakt zonder de hele site te bouwen")
        _, findings = build.check(dt.date.today())
        if hooks.report(findings):
            return False
        changed_banners = hooks.show_warnings(findings)
        if banners := [file.page for file in doc_files if file.src_uri in changed_banners]:
            _render(banners, config, files, doc_files, nav, env)  # the checks' findings, which come last
            show()
        build.keep_schemas()
        self.times = times
        return True


def _render(pages, config, files, doc_files, nav, env) -> None:
    """Render and write `pages` as MkDocs' build does: all their Markdown, then all their HTML."""
    for page in pages:
        _populate_page(page, config, files)
    for page in pages:
        _build_page(page, config, doc_files, nav, env)


def _record_changed(source: str, index, before, digests) -> bool:
    """Whether the record whose own page is `source` is another in `index` than `before` (the last build's)."""
    now, then = index.record_at(source), before.record_at(source)
    return now is not then and (now is None or then is None or digests.of(now) != digests.of(then))


def watched_times(config) -> FileTimes:
    """The modification time and size of every file the preview watches (the pages, mkdocs.yml, `watch:`)."""
    times: FileTimes = {}
    for root in (config.docs_dir, config.config_file_path, *config.watch):
        _scan(str(root), times)
    return times


def _scan(path: str, times: FileTimes) -> None:
    if os.path.isfile(path):
        stat = os.stat(path)
        times[path] = (stat.st_mtime_ns, stat.st_size)
        return
    with os.scandir(path) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    _scan(entry.path, times)
            elif entry.is_file():
                stat = entry.stat()
                times[entry.path] = (stat.st_mtime_ns, stat.st_size)


def changed_files(before: FileTimes, now: FileTimes) -> list[str] | None:
    """The files saved since `before`; None when a file came or went."""
    if before.keys() != now.keys():
        return None
    return [path for path, time in now.items() if before[path] != time]


def _page_or_data(path: str, docs: Path, project: Path, files) -> bool:
    """Whether a saved file is a page of the site or a data file: what the quick path renders."""
    saved = Path(path)
    if saved.is_relative_to(docs):
        file = files.get_file_from_path(saved.relative_to(docs).as_posix())
        return file is not None and file.is_documentation_page()
    return saved.is_relative_to(project / DATA_FOLDER)


def generated_sources(index) -> list[str]:
    """The sources of the pages generated from the data: a page per record of the generated kinds, and the later
    pages of long lists."""
    return [*record_page_sources(index),
            *(page.source for page in index.later_pages)]


def _write_exports(files, exports: dict[str, str]) -> bool:
    """Write the exports whose text changed; False when the set of exports changed (the whole build adds them)."""
    known = {path: files.get_file_from_path(path) for path in exports}
    if any(file is None for file in known.values()):
        return False
    for path, text in exports.items():
        if known[path].content_string != text:
            known[path].content_string = text
            known[path].copy_file()
    return True
