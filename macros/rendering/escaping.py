"""Names and titles from data, and a page's front matter, shown as text: never as Markdown, never as HTML."""

from __future__ import annotations

import html

from markupsafe import Markup


def markdown_literal(text: object) -> Markup:
    """`text` as Markdown that renders exactly as written, on one line (for a heading or a link that Markdown reads).

    Every ASCII character other than a letter or a space becomes a character reference, so no syntax of Markdown
    or its extensions (emphasis, links, attribute lists, smart symbols, HTML) can form; runs of white space become
    one space, so the text stays on its heading's line.
    """
    return Markup("".join(character if character == " " or character.isalpha() or not character.isascii()
                          else f"&#{ord(character)};" for character in " ".join(str(text).split())))


def html_text(text: object) -> str:
    """`text` for a place where MkDocs and Material take HTML (a page's title, its description attribute)."""
    return html.escape(str(text))


def escape_front_matter(meta: dict) -> None:
    """A page's `title:`, `description:` and `tags:` as text: Material writes them into the HTML as they are (the
    tag list, macros/adapter/page_tags.py, reads them after this, so the page and the search results show them as
    text too)."""
    for key in ("title", "description"):
        if key in meta and meta[key] is not None:
            meta[key] = html_text(meta[key])
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [html_text(tag) if isinstance(tag, str) else tag for tag in meta["tags"]]
