"""HTML comments in pages are the editors' notes, never content: the public build leaves them out of every page.

`without_comments` runs on a page's HTML after the shielded partials are restored (macros/rendering/shield.py carries
them as
comments); a code block shows `&lt;!--` as text, which is not a comment and stays. A comment never closed is not a
comment to Markdown, which shows it and what follows as text: `make check` refuses it (`unclosed_comment`).
"""

from __future__ import annotations

import re

COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+).*?\1")


def without_comments(html: str) -> str:
    """The HTML with every comment removed."""
    return COMMENT.sub("", html)


def unclosed_comment(body: str) -> tuple[int, int] | None:
    """(line, column) of a `<!--` outside code that no `-->` closes: Markdown would show it, and the rest, as text."""
    fenced = False
    opened: tuple[int, int] | None = None
    for number, line in enumerate(body.splitlines(), start=1):
        if FENCE.match(line):
            fenced = not fenced
        if fenced or FENCE.match(line):
            continue
        text = CODE_SPAN.sub(lambda match: " " * len(match.group(0)), line)
        position = 0
        while True:
            if opened is None:
                start = text.find("<!--", position)
                if start < 0:
                    break
                opened, position = (number, start + 1), start + 4
            else:
                end = text.find("-->", position)
                if end < 0:
                    break
                opened, position = None, end + 3
    return opened
