"""Acknowledged warnings: a record's `erkend:` lists the warnings an editor judged and accepts, each with a reason.

An acknowledged warning is still reported (`make check` lists it as `erkend`, with the reason) but is no longer a
warning: the build does not log it and the preview shows no banner for it. An acknowledgement whose warning is no
longer given for its record is a warning itself (an unknown code or a missing reason the schema refuses).
"""

from __future__ import annotations

from dataclasses import replace

from macros.checks.subjects import subject_of
from macros.content.index import Index, with_article
from macros.model.errors import Finding
from macros.model.messages import STALE_ACKNOWLEDGEMENT


def acknowledge(index: Index, findings: list[Finding]) -> list[Finding]:
    """`findings` with each warning its record acknowledges marked `erkend`, and a finding for every acknowledgement
    whose warning is not among them."""
    given: set[tuple[str, str, str]] = set()
    marked = []
    for finding in findings:
        subject = subject_of(index, finding) if finding.severity == "warning" else None
        reason = _reason(index, subject, finding.code) if subject is not None else None
        if reason is not None:
            given.add((*subject, finding.code))
            finding = replace(finding, erkend=reason, subject=subject)
        marked.append(finding)
    return [*marked, *_stale(index, given)]


def _reason(index: Index, subject: tuple[str, str], code: str) -> str | None:
    record = index.records[subject[0]].get(subject[1])
    return next((erkenning.reden for erkenning in getattr(record, "erkend", ()) if erkenning.code == code), None)


def _stale(index: Index, given: set[tuple[str, str, str]]):
    for (kind, record_id), (document, location) in index.origin.items():
        for number, erkenning in enumerate(getattr(index.records[kind].get(record_id), "erkend", ())):
            if (kind, record_id, erkenning.code) not in given:
                yield document.finding((*location, "erkend", number, "code"),
                                       f"de waarschuwing [{erkenning.code}] is erkend, maar wordt voor "
                                       f"{with_article(kind)} '{record_id}' niet (meer) gegeven",
                                       "haal deze erkenning weg uit 'erkend:'", STALE_ACKNOWLEDGEMENT)
