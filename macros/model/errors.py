"""Findings that point an editor at a file, line and column, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass, field

from macros.model.messages import severity_of


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in the content, in the form `path:line:column: severity: message`."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    code: str = ""
    # The record it is about, (kind, id), when a check knows it; the reason an editor gave for acknowledging it.
    subject: tuple[str, str] | None = field(default=None, compare=False)
    erkend: str = field(default="", compare=False)

    @property
    def severity(self) -> str:
        """`error` or `warning`, from the message catalog."""
        return severity_of(self.code)

    def __str__(self) -> str:
        if self.erkend:
            return f"{self.path}:{self.line}:{self.column}: erkend: {self.message} [{self.code}]; reden: {self.erkend}"
        text = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"
        text = f"{text} ({self.hint})" if self.hint else text
        return f"{text} [{self.code}]" if self.code else text


class ContentError(Exception):
    """Raised when content is invalid; carries every finding, never a traceback for editors."""

    def __init__(self, findings: list[Finding]):
        self.findings = sorted(findings)
        super().__init__("\n".join(str(finding) for finding in self.findings))


def on_line(display: str, lines: list[str], lineno: int, offset: int, needle: str, message: str, hint: str,
            code: str) -> Finding:
    """A finding at line `lineno` of a page's body (`offset` lines of front matter before it), at its first `needle`
    (else column 1)."""
    text = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
    column = text.find(needle) + 1 if needle in text else 1
    return Finding(display, lineno + offset, column, message, hint, code)
