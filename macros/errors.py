"""Findings that point an editor at a file, line and column, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in the content, in the form `path:line:column: severity: message`."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ContentError(Exception):
    """Raised when content is invalid; carries every finding, never a traceback for editors."""

    def __init__(self, findings: list[Finding]):
        self.findings = sorted(findings)
        super().__init__("\n".join(str(finding) for finding in self.findings))
