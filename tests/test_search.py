"""Pagefind after the build (macros/adapter/search.py): what it writes, the same bytes twice, nothing in the preview."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from macros.adapter.pagefind_order import _read
from macros.adapter.search import index_site, post_build_hook

PAGE = """<!doctype html><html lang="nl"><head><title>{title}</title>
<meta name="onderwerpen" data-pagefind-meta="onderwerpen[content]" content='["Asiel", "Dublin"]'></head><body>
<nav>Navigatie</nav><span hidden data-pagefind-body data-pagefind-meta="title">{title}</span>
<article data-pagefind-body data-pagefind-weight="2"><h1 id="kop">{title}</h1><p>Tekst over de opvang van
asielzoekers in {place}.</p><div data-pagefind-ignore>Niet doorzoekbaar.</div></article></body></html>
"""


def built_site(folder: Path, pages: int = 30) -> Path:
    """A small built site: `pages` pages with an article, a title and onderwerpen, as overrides/main.html marks them."""
    for number in range(pages):
        page = folder / f"pagina-{number}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(PAGE.format(title=f"Nota {number}", place=f"plaats {number}"), encoding="utf-8")
    return folder


def config_for(site: Path) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Beleidsposities", "site_dir": str(site)})
    return config


def test_the_index_holds_only_what_the_search_worker_loads(tmp_path):
    site = built_site(tmp_path / "site")
    post_build_hook(serving=lambda: False)(config_for(site))
    names = {path.name for path in (site / "pagefind").iterdir()}
    assert {"pagefind.js", "pagefind-entry.json", "wasm.nl.pagefind", "index", "fragment"} <= names
    assert [name for name in names if "ui" in name or name == "pagefind-worker.js"] == []  # Pagefind's own UI
    assert len(list((site / "pagefind" / "fragment").iterdir())) == 30


def test_two_runs_write_the_same_bytes(tmp_path):
    """Builds are reproducible: Pagefind's output too."""
    bundles = []
    for name in ("one", "two"):
        site = built_site(tmp_path / name)
        index_site(site)
        bundles.append({path.relative_to(site): path.read_bytes() for path in site.rglob("pagefind/**/*")
                        if path.is_file()})
    assert len(bundles[0]) > 30 and bundles[0] == bundles[1]


def filtered_site(folder: Path, pages: int = 40) -> Path:
    """A built site whose pages carry search filters, as overrides/main.html writes them."""
    site = built_site(folder, pages)
    for number in range(pages):
        page = site / f"pagina-{number}" / "index.html"
        values = (("onderwerp", f"Onderwerp {number % 7}"), ("onderwerp", f"Onderwerp {number % 3}"),
                  ("jaar", str(2020 + number % 5)), ("soort", f"soort {number % 3}"))
        spans = "".join(f'<span data-pagefind-filter="{name}[data-waarde]" data-waarde="{value}"></span>'
                        for name, value in values)
        page.write_text(page.read_text("utf-8").replace("<nav>", f"<span hidden>{spans}</span><nav>"), "utf-8")
    return site


def test_filters_are_written_in_one_order_whatever_order_pagefind_chose(tmp_path):
    """Pagefind writes a filter's values and its list of filters in a different order on every run
    (macros/adapter/pagefind_order.py sorts them): the files and their names are the same each time."""
    bundles = []
    for name in ("one", "two", "three"):
        site = filtered_site(tmp_path / name)
        index_site(site)
        bundles.append({path.relative_to(site): path.read_bytes() for path in site.rglob("pagefind/**/*")
                        if path.is_file()})
    assert bundles[0] == bundles[1] == bundles[2]
    filters = {_read(tmp_path / "one" / path)[0]: _read(tmp_path / "one" / path)[1] for path in bundles[0]
               if path.suffix == ".pf_filter"}
    assert sorted(filters) == ["jaar", "onderwerp", "soort"]
    assert [value for value, _pages in filters["onderwerp"]] == [f"Onderwerp {n}" for n in range(7)]
    assert [value for value, _pages in filters["jaar"]] == ["2020", "2021", "2022", "2023", "2024"]
    assert len(filters["jaar"][0][1]) == 8  # pages 0, 5, ..., 35


def test_the_preview_makes_no_index(tmp_path):
    site = built_site(tmp_path / "site")
    post_build_hook(serving=lambda: True)(config_for(site))
    assert not (site / "pagefind").exists()
