"""What a finding is about: the record (kind, id) it concerns, and the page of the site that shows it."""

from __future__ import annotations

import bisect

from macros.content.index import Index
from macros.model.errors import Finding
from macros.model.kinds import KINDS

Subject = tuple[str, str]


def subject_of(index: Index, finding: Finding) -> Subject | None:
    """The record a finding is about: the one its check named, else the record whose entry in the data file starts
    last at or before the finding's line (None for a page's finding, or before the file's first record)."""
    if finding.subject is not None:
        return finding.subject
    starts, subjects = _record_lines(index).get(finding.path, ((), ()))
    place = bisect.bisect_right(starts, (finding.line, finding.column)) - 1
    return subjects[place] if place >= 0 else None


def page_of(index: Index, docs: str, finding: Finding) -> str | None:
    """The docs-relative source of the page a finding concerns: the page itself for a page's finding (`docs`: the
    docs folder as findings name it), else the page that shows its record (None when no page does)."""
    if finding.path.startswith(f"{docs}/"):
        return finding.path.removeprefix(f"{docs}/")
    subject = subject_of(index, finding)
    if subject is None:
        return None
    kind, record_id = subject
    if kind == "kernpunt" and record_id in index.nota_of:
        kind, record_id = "nota", index.nota_of[record_id].referentie
    return index.source(kind, record_id) if KINDS[kind].page is not None else None


def _record_lines(index: Index) -> dict[str, tuple[list, list]]:
    """Per data file, the start (line, column) of every record in it, sorted, and the records (made once)."""
    key = ("record-lines",)
    if key not in index.derived:
        by_file: dict[str, list] = {}
        for subject, (document, location) in index.origin.items():
            by_file.setdefault(document.path, []).append((document.locate(location), subject))
        index.derived[key] = {path: ([start for start, _ in sorted(entries)], [subject for _, subject in
                                                                               sorted(entries)])
                              for path, entries in by_file.items()}
    return index.derived[key]
