"""Macros of the Beleidsposities site. `define_env` only wires: load data, index it, register macros."""

from __future__ import annotations

from pathlib import Path

from macros import page_errors  # noqa: F401  (registers the error messages for macro calls)
from macros.changes import read_exports
from macros.dependencies import ReadingIndex
from macros.errors import ContentError
from macros.page_macros import PageMacros
from macros.render import Renderer
from macros.settings import is_public
from macros.site import index_for, settings_for
from macros.woo import withheld_page


def define_env(env) -> None:
    """Load and index the content once, then register the page macros."""
    settings = settings_for(env.conf)
    try:
        index = index_for(settings)
    except ContentError:
        return  # the hooks report every error: they stop the build, or show the errors in the preview
    # The public build has no change notes: the previous exports would hold the previous internal texts.
    previous = None if settings.openbaar else previous_version(env.conf.extra, settings.project_dir)
    reading = ReadingIndex(index, index.reads)  # every read of a page is noted (macros/dependencies.py)
    PageMacros(reading, Renderer(reading, settings.project_dir), lambda: env.page, previous).register(env.macro)


def previous_version(extra: dict, project_dir: Path) -> tuple[str, dict] | None:
    """The previous published version and its exports, when `make publish` passed them."""
    version, folder = extra.get("vorige_versie"), extra.get("vorige_export")
    return (version, read_exports(project_dir / folder)) if version and folder else None


def on_pre_page_macros(env) -> None:
    """A page marked `openbaar: false` in its front matter becomes one withheld passage, before Jinja renders it."""
    env.markdown = withheld_page(env.markdown, env.page.meta, is_public(env.conf.extra))
