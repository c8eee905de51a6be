"""Name the page and line of a failing macro call, instead of a Python traceback."""

from __future__ import annotations

import traceback
from pathlib import Path

from mkdocs_macros.errors import format_error

from macros.xref import UnknownId


@format_error.register
def _format_unknown_id(error: UnknownId, markdown: str, page) -> str:
    """`docs/page.md:LINE: message` for an unknown id given to a macro."""
    return f"{page_location(page, markdown, error)}: {error}"


def page_location(page, markdown: str, error: BaseException) -> str:
    """`docs/<page>:<line>` of the template line that raised `error` (front matter counted)."""
    template_lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__)
                      if frame.filename == "<template>"]
    source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    offset = 0
    if source and source.is_file():
        raw = source.read_text(encoding="utf-8")
        if raw.endswith(markdown):
            offset = raw[: len(raw) - len(markdown)].count("\n")
    line = template_lines[-1] + offset if template_lines else 1
    return f"docs/{page.file.src_uri}:{line}"
