"""A memo's text as text: what the import writes holds no live HTML, attribute list, Jinja or script link.

In Markdown (section bodies and headings, kernpunt texts) `<` becomes `&lt;` and `{` becomes `&#123;`: no tag,
comment, autolink, attribute list (`{: ...}`) or Jinja delimiter (`{{`, `{%`, `{#`) can form, and a `{% raw %}`
block is not needed (a memo could close one). Emphasis (`**`, `*`, `_`) and links stay; a link to a
`javascript:`, `data:` or `vbscript:` target keeps only its text. A header field, shown as text by the site, keeps
its `<`; only its Jinja delimiters are broken apart.
"""

from __future__ import annotations

import re

from macros.model.safemarkdown import url_of

UNSAFE_SCHEMES = ("javascript", "data", "vbscript")
# An inline link [text](target "title"), the target allowed one level of parentheses: javascript:alert(1).
INLINE_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\(\s*((?:[^()\s]|\([^()]*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
# A reference definition "[naam]: target".
REFERENCE = re.compile(r"^(\s{0,3})\[([^\]]+)\]:\s*(\S+)(.*)$", re.MULTILINE)
JINJA_DELIMITER = re.compile(r"\{(?=[{%#])")


def unsafe_target(target: str) -> bool:
    """Whether a link target runs script or carries its own content (as a browser reads it)."""
    url = re.sub(r"\s", "", url_of(target.strip("<>"))).lower()
    return url.startswith(tuple(f"{scheme}:" for scheme in UNSAFE_SCHEMES))


def markdown_text(text: str) -> tuple[str, list[str]]:
    """`text` (Markdown from a memo) made safe, and the link targets dropped from it."""
    dropped: list[str] = []

    def inline(match: re.Match) -> str:
        if unsafe_target(match.group(2)):
            dropped.append(match.group(2))
            return match.group(1)
        return match.group(0)

    def reference(match: re.Match) -> str:
        if unsafe_target(match.group(3)):
            dropped.append(match.group(3))
            return f"{match.group(1)}{match.group(2)}"
        return match.group(0)

    text = REFERENCE.sub(reference, INLINE_LINK.sub(inline, text))
    return text.replace("<", "&lt;").replace("{", "&#123;"), dropped


def field_text(text: str) -> str:
    """A header field's text (the site shows it as text) without a Jinja delimiter: `{{` is written `{ {`."""
    return JINJA_DELIMITER.sub("{ ", text)
