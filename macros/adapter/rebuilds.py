"""Which pages a dirty build renders again: `mkdocs serve --dirty` after a save, and `make build` with a cache.

MkDocs asks each file `is_modified()` in a dirty build; for pages the answer comes from what they read the last
time (macros/incremental/fingerprints.py) instead of file times, so a change to a note's data renders that note's page,
the
pages that quote it, its bronnen's and onderwerpen's pages and the lists it is on, and nothing else.
With `BELEID_BUILD_CACHE` set, `make build` starts from the previous build's site and memory kept in that folder
and leaves them there for the next build; the site is the same, byte for byte, as a clean build's.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from mkdocs.utils import clean_directory

from macros.checks import anchors
from macros.incremental.fingerprints import BuildMemory, Fingerprints, PageMemory, RecordDigests, digest
from macros.rendering.wayback import lists_above

CACHE_VARIABLE = "BELEID_BUILD_CACHE"
MEMORY_FILE = "pagina-invoer.json"
MARKDOWN_FILE = "markdown-ids.json"  # what the checks' Markdown conversions found (macros/checks/anchors.py)
# What every page shows or is made with: a change to any of these renders every page again.
SHARED_FOLDERS = ("overrides", "macros")
SHARED_FILES = ("requirements.txt",)
ENVIRONMENT_PREFIXES = ("BELEID_", "SITE_URL")
# The build's date reaches a page only through the theme's `build_date_utc` (MkDocs' sitemap, which every build
# writes, uses it too): when no template reads it, a new commit's date renders no page again.
BUILD_DATE = ("SOURCE_DATE_EPOCH", b"build_date_utc")
log = logging.getLogger("mkdocs.hooks.beleid")


class Rebuilds:
    """The memory of the previous build of this process (the preview) or of the cache folder (`make build`)."""

    def __init__(self):
        self.memory = BuildMemory()
        self.digests = RecordDigests()
        self.referenced: dict[str, list[str]] = {}  # the partials each partial's source names (Fingerprints)
        self.rendered: dict[str, tuple[frozenset, str | None]] = {}
        self.own: dict[str, str] = {}
        self.fingerprints: Fingerprints | None = None
        self.changed: set | None = None  # the keys read before whose fingerprint changed; None: render every page
        # The pages whose inputs changed: True when their own (source, record, place in the lists), False when only
        # something they read.
        self.again: dict[str, bool] = {}
        self.shared: str | None = None
        self.cache: Path | None = None
        self.conversions = None  # the checks' Markdown conversions and the code's digest, kept in the cache folder

    def plan(self, files, config, index, extra_shared: str, dirty: bool, serving: bool,
             changed_on: Callable[[str], str] = lambda source: "", rendered: dict | None = None) -> None:
        """Decide for every page whether this build renders it, and tell MkDocs through `is_modified`; a page whose
        date of change (`changed_on` its source, from git) is another is rendered again. `rendered`: what the
        pages this build rendered before it planned read (the preview's edited pages, quick_preview.py).

        `index` is None when the content has errors (the preview then shows them on every page)."""
        project = Path(config.config_file_path).parent
        self.shared = shared_fingerprint(project, Path(config.config_file_path), files, extra_shared,
                                         str(config.extra.get("vorige_export") or ""),
                                         tuple(Path(folder) for folder in config.theme.dirs))
        self.cache = None if serving else _cache_folder(project)
        if self.cache is not None and dirty:
            self._restore(Path(config.site_dir))
        same_shared = dirty and self.shared == self.memory.shared
        if dirty and not same_shared:
            clean_directory(config.site_dir)  # nothing of an earlier state of the site may stay
        self.rendered, self.own, self.again = dict(rendered or {}), {}, {}
        if index is None:
            self.fingerprints = None
            return
        self.fingerprints = Fingerprints(index, project / "overrides" / "partials" / "beleid", self.digests,
                                         self.referenced)
        self.changed = self.fingerprints.changed(self.memory.keys) if same_shared else None
        for file in files.documentation_pages():
            record = index.record_at(file.src_uri)  # its title comes from the record
            source = file.content_bytes  # read once: a file's bytes are read from disk on every access
            self.own[file.src_uri] = digest(source, repr(lists_above(index, file.src_uri)),
                                            self.digests.of(record) if record is not None else "",
                                            changed_on(file.src_uri))
            before = self.memory.pages.get(file.src_uri)
            if self.changed is None or before is None or before.own != self.own[file.src_uri]:
                self.again[file.src_uri] = True
            elif not before.reads.isdisjoint(self.changed):
                self.again[file.src_uri] = False
            file.is_modified = _answer(file.src_uri in self.again, Path(file.abs_dest_path))
        log.info(f"{len(self.again)} van de {len(self.own)} pagina's worden opnieuw gemaakt")

    def take_conversions(self, project: Path, conversions) -> None:
        """`make build` with a cache: the checks start from what the previous build's Markdown conversions found,
        when the same code made them, and leave theirs for the next build."""
        cache = _cache_folder(project)
        if cache is None:
            return
        self.conversions = (conversions, _conversions_made_with(project))
        with contextlib.suppress(OSError, UnicodeDecodeError):
            made_with, _, found = (cache / MARKDOWN_FILE).read_text(encoding="utf-8").partition("\n")
            if made_with == self.conversions[1]:
                conversions.take_found(found)

    def page_rendered(self, source: str, reads: frozenset, title: str | None) -> None:
        """What the page at `source` read while it was rendered in this build, and its title."""
        self.rendered[source] = (reads, title)

    def title_of(self, page) -> str | None:
        """A page's title, also when this build did not render it (MkDocs then knows none)."""
        if page.markdown is not None:
            return page.title
        before = self.memory.pages.get(page.file.src_uri)
        return before.title if before else page.title

    def finish(self, site_dir: Path) -> None:
        """Remember this build's pages for the next one (in the cache folder too, when there is one)."""
        if self.fingerprints is None:
            self.memory = BuildMemory()
            return
        pages = {source: page for source, page in self.memory.pages.items() if source in self.own}
        keys = {} if self.changed is None else self.memory.keys  # a build that rendered every page starts afresh
        for key in self.changed or ():
            keys[key] = self.fingerprints.of(key)
        for source, (reads, title) in self.rendered.items():
            pages[source] = PageMemory(self.own[source], reads, title)
            for key in reads:
                keys[key] = self.fingerprints.of(key)
        self.memory = BuildMemory(self.shared, pages, keys)
        self.digests.forget_unused()
        if self.cache is not None:
            self._save(site_dir)

    def _restore(self, site_dir: Path) -> None:
        """Start from the cached site when it was built from the same shared inputs."""
        memory_file = self.cache / MEMORY_FILE
        if not memory_file.is_file() or not (self.cache / "site").is_dir():
            return
        try:
            memory = BuildMemory.from_json(memory_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
            log.info(f"de cache in {self.cache} is onleesbaar en wordt niet gebruikt: de site wordt helemaal "
                        "gebouwd (en de cache opnieuw gevuld)")
            return
        if memory.shared != self.shared:
            return
        shutil.rmtree(site_dir, ignore_errors=True)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        (self.cache / "site").rename(site_dir)  # moved, not shared: MkDocs overwrites files in place
        self.memory = memory

    def _save(self, site_dir: Path) -> None:
        """Keep the site as hard links (no copy of its bytes); the next build moves them back before writing."""
        shutil.rmtree(self.cache / "site", ignore_errors=True)
        self.cache.mkdir(parents=True, exist_ok=True)
        shutil.copytree(site_dir, self.cache / "site", copy_function=os.link)
        (self.cache / MEMORY_FILE).write_text(self.memory.to_json(), encoding="utf-8")
        if self.conversions is not None:
            conversions, made_with = self.conversions
            (self.cache / MARKDOWN_FILE).write_text(f"{made_with}\n{conversions.found_json()}", encoding="utf-8")


def _answer(again: bool, destination: Path):
    """The page's `is_modified`: render it when its inputs changed or its output is missing."""
    return lambda: again or not destination.is_file()


def _conversions_made_with(project: Path) -> str:
    """The code that converts the pages' Markdown for the checks: the pinned packages and the module itself."""
    requirements = project / SHARED_FILES[0]
    return digest(requirements.read_bytes() if requirements.is_file() else b"", Path(anchors.__file__).read_bytes())


def _cache_folder(project: Path) -> Path | None:
    folder = os.environ.get(CACHE_VARIABLE, "").strip()
    return (project / folder).resolve() if folder else None


def shared_fingerprint(project: Path, config_file: Path, files, extra: str, previous_exports: str = "",
                       theme_dirs: tuple[Path, ...] = ()) -> str:
    """The inputs every page depends on: configuration, theme and code, the set of files, the environment (the
    build's date if a template in `theme_dirs` shows it), and the previous version's exports (the change notes
    compare with them)."""
    paths = [config_file, *(project / name for name in SHARED_FILES)]
    if previous_exports:
        paths += sorted(path for path in (project / previous_exports).rglob("*") if path.is_file())
    paths += [path for folder in SHARED_FOLDERS for path in sorted((project / folder).rglob("*"))
              if path.is_file() and "__pycache__" not in path.parts
              and not path.is_relative_to(project / "overrides" / "partials" / "beleid")]
    prefixes = (*ENVIRONMENT_PREFIXES, BUILD_DATE[0]) if _shows_build_date(theme_dirs) else ENVIRONMENT_PREFIXES
    environment = sorted((name, value) for name, value in os.environ.items() if name.startswith(prefixes)
                         and name != CACHE_VARIABLE)
    return digest(*(f"{path.as_posix()}\n".encode() + path.read_bytes()
                    for path in paths if path.is_file()),
                  repr(environment), "\n".join(sorted(file.src_uri for file in files)), extra)


def _shows_build_date(theme_dirs: tuple[Path, ...]) -> bool:
    """Whether a page template of the theme (not the sitemap, which every build writes) reads the build's date."""
    return any(BUILD_DATE[1] in template.read_bytes() for folder in theme_dirs for template in folder.rglob("*.html"))
