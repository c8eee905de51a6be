"""Macros of the Beleidsposities site. `define_env` only wires: load data, index it, register macros."""

from __future__ import annotations

from macros import page_errors  # noqa: F401  (registers the error messages for macro calls)
from macros.page_macros import PageMacros
from macros.render import Renderer
from macros.site import index_for, settings_for


def define_env(env) -> None:
    """Load and index the content once, then register the page macros."""
    index = index_for(env.conf)
    renderer = Renderer(index, settings_for(env.conf).project_dir)
    PageMacros(index, renderer, lambda: env.page.url).register(env.macro)
