"""MkDocs' rules for paths, kept here so that nothing but the adapter imports MkDocs: which files are pages, and
how one URL is written relative to another. tests/test_site_paths.py holds them to MkDocs' own functions."""

from __future__ import annotations

import posixpath

MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def relative_url(url: str, other: str) -> str:
    """`url` relative to `other` (both from the site root); a last part of `other` with a dot is a file name."""
    folder, _, name = other.rpartition("/")
    if "." in name:
        other = folder
    other_parts, url_parts = _parts(other), _parts(url)
    common = 0
    for mine, theirs in zip(other_parts, url_parts, strict=False):
        if mine != theirs:
            break
        common += 1
    relative = "/".join([".."] * (len(other_parts) - common) + url_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _parts(path: str) -> list[str]:
    normal = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return normal.split("/") if normal else []
