"""Load the content and build its index: once per state of `data/`, held by whoever builds (a `Content`)."""

from __future__ import annotations

from pathlib import Path

from macros.content.index import Index, Mentions
from macros.content.loading import LoadedFiles, file_times, load_content
from macros.content.redaction import redact_records, with_record_grounds
from macros.content.settings import DATA_FOLDER, Settings
from macros.content.woo import redacted, with_grounds
from macros.model.errors import ContentError
from macros.routing.page_map import PageMap


class Content:
    """The index of one state of the data files, loaded once (the preview keeps it while they are unchanged),
    and the public build's index, redacted once from it. A new state reuses what the previous one loaded from the
    files that did not change."""

    def __init__(self, settings: Settings, previous: Content | None = None, key: tuple | None = None):
        self.key = key or content_key(settings)
        self.files, self.mentions = (previous.files, previous.mentions) if previous else (LoadedFiles(), Mentions())
        try:
            self.index, self.error = load_index(settings.project_dir, settings.pages, settings.directory_urls,
                                                self.files, self.mentions), None
        except ContentError as error:
            self.index, self.error = None, error
        self._public: Index | None = None

    def public(self) -> Index:
        """The index of the public build (raises ContentError when the content cannot be redacted)."""
        if self._public is None:
            self._public = public_index(self.index)
        return self._public

    def of(self, settings: Settings) -> Index:
        """The index pages are built from: the public one in the public build (raises ContentError)."""
        if self.error is not None:
            raise self.error
        return self.public() if settings.openbaar else self.index


def content_key(settings: Settings) -> tuple:
    """What the index depends on: where the pages are, their URLs, and every data file's time and size."""
    return settings.project_dir, settings.pages, settings.directory_urls, file_times(settings.data_dir)


def index_for(settings: Settings) -> Index:
    """The validated content's index (raises ContentError with every finding); redacted in the public build."""
    index = load_index(settings.project_dir, settings.pages, settings.directory_urls)
    return public_index(index) if settings.openbaar else index


def public_index(index: Index) -> Index:
    """The index of the public build: the same content with everything not public removed."""
    content, aliases = redact_records(redacted(index.content))
    return Index(content, index.pages, index.directory_urls, openbaar=True, aliases=aliases)


def load_index(project_dir: Path, pages: PageMap, directory_urls: bool, files: LoadedFiles | None = None,
               mentions: Mentions | None = None) -> Index:
    """The index of the content in `project_dir`'s data folder (raises ContentError with every finding); `files`
    and `mentions` remember what earlier loads read."""
    content = with_record_grounds(with_grounds(load_content(project_dir / DATA_FOLDER, project_dir, files)))
    return Index(content, pages, directory_urls, mentions=mentions)
