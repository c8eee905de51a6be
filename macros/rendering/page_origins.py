"""The project files each page of the site is made from: the page under docs/ an editor writes, and the data file of
the record the page shows (a note's own file, the file of the bronnen or onderwerpen for their generated pages)."""

from __future__ import annotations

from macros.content.index import Index
from macros.content.settings import DATA_FOLDER, NOTAS_FOLDER
from macros.model.kinds import KINDS


def page_origins(index: Index | None, source: str, docs: str) -> tuple[str, ...]:
    """The project-relative files of the page at the docs-relative `source`, the one an editor changes first: a
    written page and its record's data file, or a generated page's data file (a list's later page: its first
    page's). `docs` is the docs folder relative to the project."""
    record = index.page(source) if index else None
    if record is not None and record.list_source is not None:
        return page_origins(index, record.list_source, docs)
    written = () if index is not None and index.generated_record(source) else (f"{docs}/{source}",)
    if record is None or record.kind is None:
        return written
    if record.kind == "nota":
        return (*written, f"{DATA_FOLDER}/{NOTAS_FOLDER}/{record.record_id}.yaml")
    return (*written, f"{DATA_FOLDER}/{KINDS[record.kind].data.name}")
