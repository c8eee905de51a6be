"""Load the content and build the index once per state of `data/`, for every consumer in a build."""

from __future__ import annotations

import functools
from pathlib import Path

from macros.loading import load_content
from macros.redaction import redact_records, with_record_grounds
from macros.settings import DATA_FOLDER, Settings
from macros.urls import PageMap
from macros.woo import redacted, with_grounds
from macros.xref import Index


def settings_for(config) -> Settings:
    """The settings of the project a MkDocs config belongs to."""
    return Settings.load(Path(config.config_file_path))


def index_for(settings: Settings) -> Index:
    """The validated content's index (raises ContentError with every finding); redacted in the public build."""
    index = load_index(settings.project_dir, settings.pages, settings.directory_urls)
    return public_index(index) if settings.openbaar else index


@functools.lru_cache(maxsize=1)
def public_index(index: Index) -> Index:
    """The index of the public build: the same content with everything not public removed."""
    content, aliases = redact_records(redacted(index.content))
    return Index(content, index.pages, index.directory_urls, openbaar=True, aliases=aliases)


def load_index(project_dir: Path, pages: PageMap, directory_urls: bool) -> Index:
    """The index, reloaded only when a data file changed (so `serve` stays fast)."""
    data_dir = project_dir / DATA_FOLDER
    signature = tuple((file.as_posix(), file.stat().st_mtime_ns, file.stat().st_size)
                      for file in sorted(data_dir.rglob("*")) if file.is_file())
    return _load(project_dir, pages, directory_urls, signature)


@functools.lru_cache(maxsize=1)
def _load(project_dir: Path, pages: PageMap, directory_urls: bool, signature: tuple) -> Index:
    content = with_record_grounds(with_grounds(load_content(project_dir / DATA_FOLDER, project_dir)))
    return Index(content, pages, directory_urls)
