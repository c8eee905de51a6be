"""Search: Pagefind indexes the built articles after every build; assets/zoeken.js answers Material's search box."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from pagefind_bin import get_executable

from macros.adapter.pagefind_order import sort_filters

BUNDLE = "pagefind"
# What the search worker loads; the rest of Pagefind's output is its own user interface, which the site does not use.
USED = ("pagefind.js", "pagefind-entry.json", "pagefind.*.pf_meta", "wasm.*.pagefind", "index", "fragment", "filter")
# Material's tag list in the article: the tags are metadata (overrides/main.html), not words.
IGNORED = ".md-tags"


@event_priority(50)  # before Material's search plugin, which then writes an empty index for its search box
def on_page_context(context, page, config, nav):
    """Tell the template how Pagefind indexes the page (`pagefind`); keep it out of Material's own index.

    Front matter `search: exclude: true` leaves the page out, `search: boost: N` weighs its words N times.
    """
    search = page.meta.get("search") or {}
    context["pagefind"] = None if search.get("exclude") else {"weight": search.get("boost")}
    page.meta["search"] = {**search, "exclude": True}
    return context


def post_build_hook(serving: Callable[[], bool]) -> Callable:
    """The `on_post_build` hook: index the built site, except in the preview (`serving()`).

    Pagefind takes about 2 s at 1,000 notes, too long after every save; the search box then says that the preview
    has no search index (assets/beleid.js).
    """

    def on_post_build(config) -> None:
        if not serving():
            index_site(Path(config.site_dir))

    return on_post_build


def index_site(site: Path) -> None:
    """Run Pagefind over `site` and keep only the files the search worker loads."""
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    command = [str(get_executable()), "--site", str(site), "--output-subdir", BUNDLE,
               "--exclude-selectors", IGNORED, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"Pagefind kon de zoekindex niet maken:\n{result.stdout}{result.stderr}")
    for path in bundle.iterdir():
        if not any(path.match(pattern) for pattern in USED):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    sort_filters(bundle)
