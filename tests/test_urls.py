"""Page URLs as MkDocs makes them, and the configurable map of which page shows which kind of record."""

from __future__ import annotations

from dataclasses import fields

import pytest
from mkdocs.structure.files import File

from macros.routing.page_map import PageMap, page_url


@pytest.mark.parametrize(("source", "directory_urls", "expected"), [
    ("index.md", True, ""),
    ("a/index.md", True, "a/"),
    ("a/b/index.md", True, "a/b/"),
    ("a/b.md", True, "a/b/"),
    ("b.md", True, "b/"),
    ("a/b.md", False, "a/b.html"),
    ("b.md", False, "b.html"),
    ("notas/index.md", True, "notas/"),
    ("notas/6501580.md", True, "notas/6501580/"),
    ("notas/6501580.md", False, "notas/6501580.html"),
    ("a/reindex.md", True, "a/reindex/"),
    ("a/reindex.md", False, "a/reindex.html"),
    ("index.md", False, "index.html"),
    ("a/index.md", False, "a/index.html"),
])
def test_page_url(source, directory_urls, expected):
    assert page_url(source, directory_urls) == expected


@pytest.mark.parametrize(("source", "directory_urls"), [
    *[(source, directory_urls) for source in ("b.md", "a/b.md", "a/b/c.md", "a/reindex.md", "a/index-b.md")
      for directory_urls in (True, False)],
    ("a/index.md", True), ("a/b/index.md", True),
    ("a/index.md", False),
    ("a/b/index.md", False),
])
def test_page_url_agrees_with_mkdocs(source, directory_urls):
    assert page_url(source, directory_urls) == File(source, "docs", "site", directory_urls).url


def test_the_home_page_is_the_root_url():
    # MkDocs writes the root as './'; relative to the site root that is the empty path.
    assert File("index.md", "docs", "site", True).url == "./"
    assert page_url("index.md") == ""


def test_directory_urls_are_the_default():
    assert page_url("a/b.md") == page_url("a/b.md", True)


def test_from_config_without_paginas_gives_the_defaults():
    assert PageMap.from_config(None) == PageMap()
    assert PageMap.from_config({}) == PageMap()


def test_from_config_overrides_only_the_keys_given():
    pages = PageMap.from_config({"nota": "memos/{id}.md", "tijdlijn": "chronologie.md"})
    assert pages.nota == "memos/{id}.md"
    assert pages.tijdlijn == "chronologie.md"
    default = PageMap()
    unchanged = {field.name for field in fields(PageMap)} - {"nota", "tijdlijn"}
    assert {name: getattr(pages, name) for name in unchanged} == {name: getattr(default, name) for name in unchanged}
    assert pages.source_of("nota", "1234567") == "memos/1234567.md"


def test_from_config_rejects_unknown_keys_and_names_them():
    with pytest.raises(ValueError, match=r"extra\.paginas") as caught:
        PageMap.from_config({"nota": "notas/{id}.md", "notaas": "x.md", "bronn": "y.md"})
    message = str(caught.value)
    assert "notaas" in message
    assert "bronn" in message


def test_every_kind_has_a_page_and_each_record_page_is_named_after_its_id():
    pages = PageMap()
    assert pages.source_of("nota", "1234567") == pages.nota.format(id="1234567")
    assert pages.source_of("bron", "evrm") == pages.bron.format(id="evrm")
    assert pages.source_of("onderwerp", "evrm") == pages.onderwerp.format(id="evrm")
    assert pages.source_of("gebeurtenis", "x") == pages.tijdlijn
    assert pages.source_of("model", "x") == pages.source_of("aspect", "y") == pages.modellen
    assert pages.source_of("verkenningspunt", "x") == pages.verkenning
    with pytest.raises(KeyError):
        pages.source_of("onbekend", "x")


def test_the_fixed_pages_are_the_overview_pages():
    pages = PageMap()
    assert set(pages.fixed_pages()) == {pages.notas, pages.bronnen, pages.kernpunten, pages.tijdlijn,
                                        pages.modellen, pages.verkenning}
    assert all(source.endswith(".md") and "{id}" not in source for source in pages.fixed_pages())
