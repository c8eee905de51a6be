"""Name the page, line and column of a failing macro call in the build, instead of a Python traceback."""

from __future__ import annotations

import re
import traceback
from pathlib import Path

from jinja2 import TemplateSyntaxError, UndefinedError
from mkdocs_macros.errors import format_error

from macros.checks.pagecheck import nearest_macros
from macros.content.index import UnknownId
from macros.model.errors import Finding
from macros.model.syntax_messages import explain_jinja


@format_error.register
def _format_unknown_id(error: UnknownId, markdown: str, page) -> str:
    return str(page_finding(page, markdown, error, error.message, error.hint, "onbekende-id", error.record_id))


@format_error.register
def _format_undefined(error: UndefinedError, markdown: str, page) -> str:
    name = re.match(r"'([^']+)' is undefined", error.message or "")
    return str(page_finding(page, markdown, error, f"onbekende macro of variabele: {error.message}",
                            nearest_macros(name[1]) if name else nearest_macros(""), "onbekende-macro"))


@format_error.register
def _format_syntax(error: TemplateSyntaxError, markdown: str, page) -> str:
    explained = explain_jinja(error.message or "")
    return str(page_finding(page, markdown, error, f"Jinja-fout: {explained.message}", explained.hint,
                            "jinja-syntaxis", line_in_markdown=error.lineno))


@format_error.register
def _format_other(error: Exception, markdown: str, page) -> str:
    return str(page_finding(page, markdown, error, f"een macro faalde: {error}",
                            "controleer de argumenten van de macro op deze regel", "macro-fout"))


def page_finding(page, markdown: str, error: BaseException, message: str, hint: str, code: str,
                 needle: str = "", line_in_markdown: int | None = None) -> Finding:
    """A finding at the page line whose template code raised `error` (front matter counted)."""
    if line_in_markdown is None:
        template_lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__)
                          if frame.filename == "<template>"]
        line_in_markdown = template_lines[-1] if template_lines else 1
    raw = _source_text(page)
    offset = raw[: len(raw) - len(markdown)].count("\n") if raw.endswith(markdown) else 0
    lines = markdown.splitlines()
    text = lines[line_in_markdown - 1] if line_in_markdown <= len(lines) else ""
    column = text.find(needle) + 1 if needle and needle in text else 1
    return Finding(_display_path(page), line_in_markdown + offset, column, message, hint, code)


def _display_path(page) -> str:
    """`docs/<page>`, naming the docs folder as it is called in the project."""
    source = page.file.abs_src_path
    docs_folder = Path(source[: -len(page.file.src_uri)]).name if source else "docs"
    return f"{docs_folder}/{page.file.src_uri}"


def _source_text(page) -> str:
    source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    return source.read_text(encoding="utf-8") if source and source.is_file() else ""
