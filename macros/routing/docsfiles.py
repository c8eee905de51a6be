"""The files under docs/ as MkDocs sees them: pages (any Markdown extension) and the files copied as they are."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from macros.routing.page_map import page_url
from macros.routing.site_paths import MARKDOWN_SUFFIXES


def docs_files(docs_dir: Path) -> Iterator[Path]:
    """Every file MkDocs reads from `docs_dir`, in name order: hidden files and folders are left out, as MkDocs does."""
    for file in sorted(docs_dir.rglob("*")):
        if file.is_file() and not any(part.startswith(".") for part in file.relative_to(docs_dir).parts):
            yield file


def is_page(source: str) -> bool:
    """Whether the docs-relative `source` is a page (MkDocs converts it) rather than a file it copies."""
    return PurePosixPath(source).suffix.lower() in MARKDOWN_SUFFIXES


def page_files(docs_dir: Path) -> list[Path]:
    """The pages under `docs_dir`: `*.md`, and `*.markdown` and the other extensions MkDocs reads as Markdown."""
    return [file for file in docs_files(docs_dir) if is_page(file.name)]


def as_md(source: str) -> str:
    """The source with the extension `.md`, whatever Markdown extension it has (`a.markdown` gives `a.md`)."""
    path = PurePosixPath(source)
    return path.with_suffix(".md").as_posix() if is_page(source) else source


def url_of(source: str, directory_urls: bool) -> str:
    """The URL (from the site root) of the page built from the docs-relative `source`."""
    return page_url(as_md(source), directory_urls)
