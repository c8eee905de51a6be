"""Macros of the Beleidsposities site. `define_env` only wires: load data, index it, register macros."""

from __future__ import annotations

from macros import page_errors  # noqa: F401  (registers the error messages for macro calls)
from macros.errors import ContentError
from macros.page_macros import PageMacros
from macros.render import Renderer
from macros.site import index_for, settings_for


def define_env(env) -> None:
    """Load and index the content once, then register the page macros."""
    settings = settings_for(env.conf)
    try:
        index = index_for(settings)
    except ContentError:
        return  # the hooks report every error: they stop the build, or show the errors in the preview
    PageMacros(index, Renderer(index, settings.project_dir), lambda: env.page.url).register(env.macro)
