"""MkDocs' rules that the package restates so that only the adapter imports MkDocs, held to MkDocs' own code."""

from __future__ import annotations

import itertools
from pathlib import Path

import mkdocs.utils
import pytest
from mkdocs.utils.meta import get_data as mkdocs_get_data

from macros.content.page_meta import get_data
from macros.routing.site_paths import MARKDOWN_SUFFIXES, relative_url

ROOT = Path(__file__).resolve().parents[1]
URLS = ["", ".", "/", "index.html", "notas/", "notas/6501580/", "notas/6501580.html", "bronnen/dublin-iii/",
        "a/b/c/", "a/b/../c/", "../x/", "a//b/", "/notas/index.html", "zoeken.html", "a.b/c/", "x/y.z"]


def test_the_markdown_suffixes_are_mkdocs_own():
    assert tuple(mkdocs.utils.markdown_extensions) == MARKDOWN_SUFFIXES


@pytest.mark.parametrize(("url", "other"), list(itertools.product(URLS, URLS)))
def test_a_relative_url_is_the_one_mkdocs_writes(url, other):
    assert relative_url(url, other) == mkdocs.utils.get_relative_url(url, other)


PAGES = [
    "---\ntitle: A\n---\n\n# A\n", "---\ntitle: A\n...\nbody", "--- \ntags: [x]\n---\t\n\n\nbody",
    "---\n- a list\n---\nbody", "---\ntitle: [unclosed\n---\nbody", "---\n---\nbody", "---\n\n---\nbody",
    "Title: A\nAuthor: B\n    more\n\nbody", "title: a\r\nx: y\r\n\r\nbody", "no meta here\n", "",
    "\n---\ntitle: A\n---\n", "key:value\nnot meta\n", "    indented: first\n", "---\ntitle: A\n",
    "---\ndate: 2026-01-01\nopenbaar: nee\n---\nbody",
]


@pytest.mark.parametrize("text", PAGES)
def test_front_matter_is_read_as_mkdocs_reads_it(text):
    assert get_data(text) == mkdocs_get_data(text)


def test_every_page_of_the_site_is_read_as_mkdocs_reads_it():
    pages = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "macros").rglob("*.md"))
    assert len(pages) > 5
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert get_data(text) == mkdocs_get_data(text), page
