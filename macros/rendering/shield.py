"""Carry the HTML of a partial through Markdown as one opaque comment, and restore it after conversion.

Markdown's md_in_html re-parses every tag of a raw HTML block (6 of the 18 s of a 1,000-note build).
A partial's HTML is final, so it travels as a single base64 comment; its Markdown headings stay Markdown,
so they still get anchors and a place in the table of contents. A partial's heading is a line of its own with
an attribute list (`## Titel {: #anker }`), so a line of data text that starts with '#' is never taken for one.
"""

from __future__ import annotations

import base64
import re

MARKDOWN_HEADING = re.compile(r"^(#{1,6} [^\n]*\{: #[^}\n]*\})$", re.MULTILINE)
SHIELDED = re.compile(r"<!--bp-html:([A-Za-z0-9+/=]*)-->")


def shield(markup: str) -> str:
    """The partial's output with each run of HTML between its Markdown headings wrapped as one comment."""
    blocks = []
    for number, part in enumerate(MARKDOWN_HEADING.split(markup)):
        if number % 2:
            blocks.append(part)
        elif part.strip():
            blocks.append(f"<!--bp-html:{base64.b64encode(part.strip().encode('utf-8')).decode('ascii')}-->")
    return "\n\n".join(blocks)


def unshield(html: str) -> str:
    """The converted page with every shielded block restored."""
    return SHIELDED.sub(lambda match: base64.b64decode(match.group(1)).decode("utf-8"), html)
