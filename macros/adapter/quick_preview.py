"""The preview's quick path: after saves that change only the text of existing pages and data files, render the
pages whose inputs changed without MkDocs' whole build.

After a save, `mkdocs serve` builds the whole site again: a new config, every file and page object, the navigation
(at 5,000 notes that alone takes longer than rendering the few pages a save changes). This path keeps the objects
of the last whole build and renders the changed pages with MkDocs' own page functions, so every plugin event runs
as in a build: the edited record's own pages first, then the pages that show it. MkDocs' server serves pages
only once a build is done; this path lets it serve each group (and reload the browsers) when it is written, before
the exports and, last, the checks (an error they find makes the whole build, which shows it on every page and
reloads the browsers again; the pages whose warnings the checks changed are rendered once more, with their banner,
macros/adapter/preview_warnings.py). Anything else takes the whole
build: a file added or removed, a change outside the pages and the data (configuration, templates, assets), pages
generated from the data that come or go, the public build, content with errors.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.livereload import _timestamp

from macros.adapter.build import Build
from macros.adapter.page_facts import PageFacts
from macros.content.settings import DATA_FOLDER, is_public
from macros.model.errors import ContentError
from macros.outputs.export import export_files
from macros.rendering.sitepages import record_page_sources

log = logging.getLogger("mkdocs.hooks.beleid")
FileTimes = dict[str, tuple[int, int]]


class QuickPreview:
    """The last whole build's config, files, navigation and Jinja environment, and the times of the files the
    preview watches, as they were when it was built."""

    def __init__(self):
        self.kept: tuple | None = None
        self.times: FileTimes = {}
        self.starting: FileTimes = {}

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

        def show(more: bool) -> None:
            """Serve the pages written so far and reload the browsers; `more`: they reload again for what follows."""
            with server._epoch_cond:  # what MkDocs' server does when its builder returns (mkdocs/livereload)
                server._visible_epoch = server._wanted_epoch
                server._epoch_cond.notify_all()
            if more:
                server._wanted_epoch = _timestamp()
            shown.append(True)

        def unchanged() -> None:
            """Nothing to render (a second watcher saw the same save): the browsers need no reload."""
            server._wanted_epoch = server._visible_epoch

        def build() -> None:
            shown.clear()
            try:
                quick = self._quick(hooks, show, unchanged)
            except Exception as error:  # the whole build then shows what went wrong, as it always does
                log.info(f"de voorvertoning bouwt de hele site: {error!r}")
                quick = False
            if not quick:
                if shown:  # the browsers reload once more when the whole build is done
                    server._wanted_epoch = _timestamp()
                whole()

        return build

    def _quick(self, hooks, show: Callable[[bool], None], unchanged: Callable[[], None]) -> bool:
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
        build = Build(config, hooks.build)
        try:
            build.take_over(hooks.build)
            index = build.content.of(build.settings)
        except ContentError:
            return False
        lists = {page.list_source for page in index.later_pages}
        if generated_sources(index) != generated_sources(hooks.index) or any(
                Path(path).is_relative_to(docs) and Path(path).relative_to(docs).as_posix() in lists
                for path in edited):
            return False  # the generated pages change: only MkDocs' files and navigation can say so
        hooks.build, hooks.index, build.index = build, index, index
        hooks.facts = PageFacts(config, index)
        rebuilds = hooks.rebuilds
        rebuilds.plan(files, config, index, "", dirty=True, serving=True, changed_on=hooks.changed_on)
        pages = [file.page for file in files.documentation_pages() if file.src_uri in rebuilds.again
                 or not Path(file.abs_dest_path).is_file()]
        if rebuilds.changed is None:
            return False
        own = [page for page in pages if rebuilds.again.get(page.file.src_uri)]
        others = [page for page in pages if not rebuilds.again.get(page.file.src_uri)]
        doc_files = files.documentation_pages()
        for group, more in ((own, bool(others)), (others, False)):  # each as MkDocs does: all Markdown, all HTML
            for page in group:
                _populate_page(page, config, files)
            for page in group:
                _build_page(page, config, doc_files, nav, env)
            if group:
                show(more)  # the edited record's pages first: the browsers reload again for the pages showing it
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
            for page in banners:  # their warnings changed: the banners show the checks' findings (the checks come last)
                _populate_page(page, config, files)
            for page in banners:
                _build_page(page, config, doc_files, nav, env)
            show(True)  # the browsers reload when the builder returns
        build.keep_schemas()
        self.times = times
        return True


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
