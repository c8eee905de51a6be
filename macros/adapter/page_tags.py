"""A page's onderwerpen (the `tags` of its front matter) as Material's tag list shows them: each linked to the
onderwerp's own page (kernpunten/<id>/), which lists its kernpunten, instead of to a listing of Material's tags
plugin; overrides/main.html also hands them to Pagefind, which shows them with each search result."""

from __future__ import annotations

from dataclasses import dataclass

from macros.rendering.escaping import html_text


@dataclass(frozen=True)
class PageTag:
    """What Material's partials/tags.html reads of a tag: its name (already escaped, as the front matter's), the
    site-relative URL it links to (none: not linked) and whether it is a shadow tag (never)."""
    name: str
    url: str | None = None
    hidden: bool = False


def page_tags(meta: dict, index) -> list[PageTag]:
    """The tags of a page's front matter (escaped by escape_front_matter), each with its onderwerp's page."""
    tags = meta.get("tags") or []
    if not isinstance(tags, list):
        return []
    by_name = _onderwerp_urls(index) if index is not None else {}
    return [PageTag(tag, by_name.get(tag)) for tag in tags if isinstance(tag, str)]


def _onderwerp_urls(index) -> dict[str, str]:
    """The URL of each onderwerp's page by its name as the front matter's tags hold it (made once per index)."""
    key = ("onderwerp-urls-by-name",)
    if key not in index.derived:
        index.derived[key] = {html_text(onderwerp.naam): index.url("onderwerp", onderwerp.id)
                              for onderwerp in index.content.onderwerpen.onderwerpen}
    return index.derived[key]
