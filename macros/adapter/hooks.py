"""MkDocs hooks: the same checks as `make check`, a generated page per bron, exports, titles and tags from data."""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
import sys
from pathlib import Path

import yaml
from mkdocs.config.config_options import PathSpec
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

# MkDocs loads this file as a loose module; make the `macros` package importable from the project root.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from macros.adapter.build import Build
from macros.adapter.collector import keep_loaded_content, release_previous_build
from macros.adapter.file_events import wake_on_file_events
from macros.adapter.page_facts import PageFacts
from macros.adapter.page_tags import page_tags
from macros.adapter.preview_warnings import PreviewWarnings
from macros.adapter.public_files import withheld_files
from macros.adapter.quick_preview import QuickPreview
from macros.adapter.rebuilds import Rebuilds
from macros.adapter.search import on_page_context as search_context
from macros.adapter.search import post_build_hook
from macros.checks.htmlids import duplicate_id_findings, html_ids
from macros.content.settings import is_public
from macros.model.kinds import KINDS
from macros.outputs.export import export_files
from macros.outputs.search_filters import FILTERS, page_filters
from macros.rendering.comments import without_comments
from macros.rendering.escaping import escape_front_matter, html_text
from macros.rendering.shield import unshield
from macros.rendering.sitepages import record_page_sources
from macros.rendering.wayback import lists_above
from macros.routing.page_map import PageMap

ERROR_PAGE = ("---\nrender_macros: false\nsearch:\n  exclude: true\n---\n\n# De site kan niet worden gebouwd\n\n"
              "Verbeter deze fouten; de voorvertoning werkt zich daarna vanzelf bij.\n\n```text\n{errors}\n```\n")
log = logging.getLogger("mkdocs.hooks.beleid")
MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros"  # mkdocs-macros' own logger (its util.LOG is a child)


class SiteHooks:
    """Holds what one build needs between events: whether it is a preview, the `Build`, the index, and what each
    page read."""

    def __init__(self):
        self.serving = False
        self.banners = False  # the internal preview only: warnings shown on their pages (preview_warnings.py)
        self.warnings = PreviewWarnings()
        self.dirty = False
        self.index = None
        self.files = None
        self.env = None
        self.rebuilds = Rebuilds()
        self.build = None
        self.nav = None
        self.facts = None  # the pages' edit links and dates (macros/adapter/page_facts.py)
        self.quick = QuickPreview()  # the preview's builds after a save (macros/adapter/quick_preview.py)
        self.file_events = None  # the preview's watcher of file events (macros/adapter/file_events.py)

    def on_startup(self, command, dirty):
        """Remember whether this is `mkdocs serve` (errors are then shown in the pages) and whether it is dirty
        (a dirty `make build` starts from its cache folder: macros/adapter/rebuilds.py)."""
        self.serving = command == "serve"
        self.dirty = dirty
        logging.getLogger(MACROS_LOGGER).setLevel(logging.WARNING)  # its INFO lines would bury the editors' warnings
        if dirty:  # `make serve` too: its warning stood first in every preview's output
            logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)

    def on_config(self, config):
        """Make this build's state (keeping the previous build's content while the data is unchanged) and give
        mkdocs-macros its macros. In the preview, a failing macro shows its message in the page instead of
        stopping the server. The pages reached from lists stay out of the navigation."""
        if self.serving:
            self.quick.start(config)
        self.banners = self.serving and not is_public(config.extra)  # decided by the serve command, never assumed
        self.build = Build(config, self.build)
        if self.dirty and not self.serving:  # `make build` with its cache folder (macros/adapter/rebuilds.py)
            self.rebuilds.take_conversions(self.build.settings.project_dir, self.build.conversions)
        self.build.register(config.plugins["macros"])
        if self.serving:
            config.plugins["macros"].config["on_error_fail"] = False
        config["not_in_nav"] = not_in_nav(config)
        if is_public(config.extra):
            config["repo_url"] = config["edit_uri"] = None  # the forge is on the intranet (adapter/page_facts.py)
        return config

    def on_files(self, files, config):
        """Run the editors' checks; add the pages generated from the data and the JSON exports."""
        self.index, findings = self.build.check(dt.date.today())
        if errors := self.report(findings):
            self._error_pages(files, config, errors)
        else:
            self._generated_files(files, config)
        if self.serving:
            self.build.keep_schemas()
        self.show_warnings(findings)
        self.facts = PageFacts(config, self.index)
        self.rebuilds.plan(files, config, self.index, errors, self.dirty, self.serving, self.changed_on)
        keep_loaded_content()
        return files

    def show_warnings(self, findings) -> set[str]:
        """In the internal preview, the warnings of these checks go to the banners of their pages; the sources of the
        pages whose banner changed (none in any other build)."""
        if not self.banners:
            return set()
        docs = self.build.settings.docs_dir.relative_to(self.build.settings.project_dir).as_posix()
        return self.warnings.update(self.index, docs, findings)

    def changed_on(self, source: str) -> str:
        """What a page shows besides its inputs: its date of change and, in the preview, its banner (rebuilds.py)."""
        return self.facts.changed(source) + (self.warnings.digest(source) if self.banners else "")

    def report(self, findings) -> str:
        """Log the editorial warnings that no record acknowledges (they inform; only errors fail the build) and the
        errors, which stop a build but not the preview; the errors, as text."""
        for warning in (finding for finding in findings if finding.severity == "warning" and not finding.erkend):
            log.info(str(warning))
        errors = "\n".join(str(finding) for finding in findings if finding.severity == "error")
        if errors and not self.serving:
            raise PluginError(f"De inhoud bevat fouten:\n{errors}")
        if errors:
            log.error(f"De inhoud bevat fouten:\n{errors}")
        return errors

    def _generated_files(self, files, config) -> None:
        """A page per bron and per onderwerp, the further pages of long lists, and the JSON exports."""
        for source in record_page_sources(self.index):
            files.append(File.generated(config, source, content=""))  # on_page_markdown renders it
        for page in self.index.later_pages:
            first_page = files.get_file_from_path(page.list_source)
            files.append(File.generated(config, page.source, content=later_page(first_page.content_string)))
        for path, content in export_files(self.index, config.site_url or "", self.build.exported).items():
            files.append(File.generated(config, path, content=content))

    def _error_pages(self, files, config, errors: str):
        """For the preview: every page shows the errors, so the page being edited shows them after reload."""
        self.index = None
        for page in list(files.documentation_pages()):
            files.remove(page)
            files.append(File.generated(config, page.src_uri, content=ERROR_PAGE.format(errors=errors)))

    def on_nav(self, nav, config, files):
        """Keep the navigation for the preview's quick path."""
        self.nav = nav
        return nav

    def on_serve(self, server, config, builder):
        """After a save, the preview renders what it changed without building the whole site, when it can."""
        server.builder = self.quick.builder(builder, self, server)
        self.file_events = wake_on_file_events(server, [config.docs_dir, config.config_file_path, *config.watch])
        return server

    def on_shutdown(self):
        """The preview stops: so does its watcher of file events."""
        if self.file_events is not None:
            self.file_events.stop()

    def on_pre_page(self, page, config, files):
        """Note what the page reads from the index while the macros render it (macros/content/reads.py)."""
        if self.index:
            self.index.reads.start()
        return page

    def on_page_markdown(self, markdown, page, config, files):
        """The pages the site generates for bronnen and onderwerpen (their kind's page template, rendered here), titles
        from the data for the pages of notes, bronnen and onderwerpen (written once), a search boost for notes and
        bronnen, and "(pagina n)" in the title of a later page of a list."""
        escape_front_matter(page.meta)  # an editor's title, description and tags are text, not HTML
        record = self.index.page(page.file.src_uri) if self.index else None
        if generated := self.index and self.index.generated_record(page.file.src_uri):
            markdown = self.build.macros.record_page(generated.kind, generated.record_id)
        if record and record.kind and KINDS[record.kind].search_boost:
            page.meta["search"] = {"boost": KINDS[record.kind].search_boost}
        if record and record.kind:
            page.meta["title"] = html_text(record.title)  # titles are HTML
        if record and record.list_source:
            title = page.meta.get("title") or html.escape(first_heading(markdown), quote=False)
            page.meta["title"] = f"{title} (pagina {record.number})"
        return markdown

    def on_page_content(self, html, page, config, files):
        """Restore the partials' HTML that crossed Markdown shielded (see macros/rendering/shield.py), and tell MkDocs'
        anchor validation the ids in it (kernpunten, events, ...), so links to them are valid; the public build then
        drops the HTML comments (macros/rendering/comments.py)."""
        if self.index:
            self.rebuilds.page_rendered(page.file.src_uri, self.index.reads.stop(), page.title)
        html = unshield(html)
        page.present_anchor_ids = set(page.present_anchor_ids or ()) | set(html_ids(html))
        if self.banners:  # the preview's warnings on their page (macros/adapter/preview_warnings.py)
            html = self.warnings.banner(page.file.src_uri) + html
        return without_comments(html) if is_public(config.extra) else html

    def on_env(self, env, config, files):
        """The public build copies from docs/ only the files that public pages or the site name (public_files.py).
        The theme's templates compile once per preview, not once per build (a changed one compiles again)."""
        self.files, self.env = files, env
        env.bytecode_cache = self.build.theme_compiled
        if is_public(config.extra):
            for file in withheld_files(files, config):
                files.remove(file)
        return env

    def on_page_context(self, context, page, config, nav):
        """Pagefind's part (macros/adapter/search.py) with the page's search filters (macros/outputs/search_filters.py),
        the page's edit links and date (macros/adapter/page_facts.py), and `terug`: the pages of the lists that a page
        outside the navigation belongs to, for its breadcrumb and its contents on a narrow screen
        (macros/rendering/wayback.py); and `tags`, the page's onderwerpen, each linked to its own page
        (macros/adapter/page_tags.py), for Material's tag list and the search results."""
        context["tags"] = page_tags(page.meta, self.index)
        context = search_context(context, page, config, nav)
        context = self.facts.on_page_context(context, page)
        if context["pagefind"] is not None and self.index:
            context["pagefind"]["filters"] = page_filters(self.index, self.index.page(page.file.src_uri).record)
        context["zoekfilters"] = FILTERS  # the search page's filters (overrides/zoeken.html)
        sources = lists_above(self.index, page.file.src_uri) if self.index else []
        context["terug"] = [self.files.get_file_from_path(source).page for source in sources]
        for list_page in context["terug"]:
            list_page.title = self.rebuilds.title_of(list_page)  # a page this build did not render has none
        return context

    def on_post_page(self, output, page, config):
        """No built page holds an id twice (`make check` refuses what it can see; this catches the rest)."""
        display = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        errors = "\n".join(str(finding) for finding in duplicate_id_findings(output, display, page.url))
        if errors and not self.serving:
            raise PluginError(f"De gebouwde site bevat fouten:\n{errors}")
        if errors:
            log.error(f"De gebouwde site bevat fouten:\n{errors}")
        return output


def not_in_nav(config):
    """mkdocs.yml's `not_in_nav` and the pages reached from lists: records' own pages, lists' later pages."""
    derived = PathSpec().validate("\n".join(PageMap.from_config(config.extra.get("paginas")).not_in_nav()))
    return config.not_in_nav + derived if config.not_in_nav else derived


def later_page(first_page: str) -> str:
    """A later page of a long list: the list's first page, left out of search (its entries are found on their
    own pages); the list's macro knows the page from its path (macros/model/paging.py)."""
    markdown, meta = get_data(first_page)
    meta.update(search={"exclude": True})
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n{markdown}"


def first_heading(markdown: str) -> str:
    """The text of the first level-1 heading, without attributes (MkDocs' default page title)."""
    match = re.search(r"^# (.+?)(?:\s*\{:[^}]*\})?\s*$", markdown, re.MULTILINE)
    return match.group(1) if match else ""


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may be inaccurate; with the pages' inputs known it is not (and the warning
    would fail the strict build)."""
    return "'dirty' build" not in record.getMessage()


_hooks = SiteHooks()
on_startup = _hooks.on_startup
on_pre_page = _hooks.on_pre_page
on_config = _hooks.on_config
on_files = _hooks.on_files
on_page_markdown = _hooks.on_page_markdown
on_page_content = _hooks.on_page_content
on_env = _hooks.on_env
on_post_page = _hooks.on_post_page
on_nav = _hooks.on_nav
on_serve = _hooks.on_serve
on_shutdown = _hooks.on_shutdown


@event_priority(50)  # as Pagefind's part needs: before Material's search plugin
def on_page_context(context, page, config, nav):
    """The page's template context (SiteHooks.on_page_context)."""
    return _hooks.on_page_context(context, page, config, nav)


index_for_search = post_build_hook(serving=lambda: _hooks.serving)


def on_post_build(config):
    """Pagefind indexes the built site; then the pages' inputs are kept for the next build."""
    index_for_search(config)
    _hooks.rebuilds.finish(Path(config.site_dir))
    if _hooks.serving:
        _hooks.quick.keep(config, _hooks.files, _hooks.nav, _hooks.env, usable=_hooks.index is not None)
        release_previous_build()
