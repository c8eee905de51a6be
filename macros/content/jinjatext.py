"""Jinja delimiters in data texts: refused, since data is never rendered by Jinja and would show them as written.

A `{% call niet_openbaar(...) %}` written in a data text would publish the passage it means to withhold, so the
message points the editor to the record's own marking.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from macros.content.validation import _dotted
from macros.content.yamlsource import Path_, YamlDocument
from macros.model.errors import Finding

DELIMITER = re.compile(r"\{[{%#]")


def _strings(data: object, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(data, list):
        for number, value in enumerate(data):
            yield from _strings(value, (*path, number))


def jinja_findings(document: YamlDocument) -> list[Finding]:
    """A finding for every text of `document` that holds `{{`, `{%` or `{#`."""
    findings = []
    for path, text in _strings(document.data):
        if match := DELIMITER.search(text):
            hint = ("gegevens kennen geen macro's: de tekst zou letterlijk verschijnen, ook wat niet openbaar is; "
                    "markeer het record zelf met 'niet_openbaar: <grond>'" if "niet_openbaar" in text else
                    "gegevens kennen geen macro's: de tekst zou letterlijk verschijnen; haal {{, {% en {# weg")
            findings.append(document.finding(path, f"{_dotted(path, document.data)}: bevat Jinja-tekens: "
                                             f"'{match.group(0)}'", hint, "jinja-in-gegevens"))
    return findings
