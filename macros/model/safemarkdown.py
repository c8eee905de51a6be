"""The safe subset of Markdown that data texts may use (kernpunt, bevinding, conclusie, verkenningspunt `tekst`).

`MarkdownText` refuses, when the data is validated, what lies outside it: raw HTML and HTML comments, attribute
lists, images, and links other than http(s) and mailto, in any of Markdown's spellings (inline,
reference-style, autolinks, character references). The text is read by Python-Markdown itself, with the
extensions the renderer uses, so what is checked is what would be rendered. `sanitise` (nh3) is the second wall
over the rendered HTML: no script, handler or off-host URL passes, whatever the check missed.
"""

from __future__ import annotations

import html
import re
from typing import Annotated
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from pydantic import AfterValidator, StringConstraints
from pydantic_core import PydanticCustomError

EXTENSIONS = ["attr_list", "pymdownx.smartsymbols"]  # the renderer's too (macros/rendering/render.py)
SCHEMES = {"http", "https", "mailto"}
# The attributes Markdown itself sets; any other comes from an attribute list.
MARKDOWN_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
TAGS = {"p", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote", "br", "hr", "sup",
        "h1", "h2", "h3", "h4", "h5", "h6"}
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
FIRST_TAG = re.compile(r"<[^>]*>")
# Without these, Markdown and the renderer's extensions make no HTML, link, image or attribute: nothing to read.
MARKUP_START = re.compile(r"[<\[{]")
ERROR_TYPE = "onveilige_tekst"  # macros/content/validation.py reports it with the hint and code in its context


class _Elements(Treeprocessor):
    """Remembers the element tree of the last conversion (run after attribute lists are applied)."""

    root: Element | None = None

    def run(self, root: Element) -> None:
        self.root = root


def _probe() -> tuple[markdown.Markdown, _Elements]:
    converter = markdown.Markdown(extensions=EXTENSIONS)
    elements = _Elements(converter)
    converter.treeprocessors.register(elements, "bp-elements", 1)
    return converter, elements


_CONVERTER, _ELEMENTS = _probe()


def url_of(value: str) -> str:
    """An attribute's URL as a browser reads it: references decoded, tabs and newlines dropped, outer space gone."""
    decoded = html.unescape(value.replace(AMP_SUBSTITUTE, "&"))
    return re.sub(r"[\t\n\r]|^[\x00-\x20]+|[\x00-\x20]+$", "", decoded)


def is_safe_url(url: str) -> bool:
    """http(s) or mailto: a data text is shown on pages at every depth, where a relative link would lead elsewhere
    (an editor links a page of the site from a page, with a macro such as nota_link)."""
    scheme = SCHEME.match(url)
    return bool(scheme) and scheme.group(1).lower() in SCHEMES


def _shorten(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else f"{text[:length - 1]}…"


def unsafe(text: str) -> tuple[str, str, str] | None:
    """(message, hint, code) for the first thing in `text` outside the safe subset, or None."""
    if not MARKUP_START.search(text):
        return None
    _CONVERTER.reset().convert(text)
    for raw in _CONVERTER.htmlStash.rawHtmlBlocks:
        raw = str(raw).strip()
        if raw.startswith("<!--"):
            return (f"bevat HTML-commentaar: '{_shorten(raw)}'",
                    "haal het commentaar weg: het zou in de gepubliceerde pagina staan; een notitie voor de "
                    "redactie hoort in een YAML-commentaar (# ...)", "html-in-gegevens")
        if raw.startswith("<"):
            return (f"bevat HTML: '{_shorten(FIRST_TAG.match(raw).group(0))}'",
                    "schrijf opmaak in Markdown (**vet**, *cursief*, [tekst](https://...)) en een letterlijke < als "
                    "&lt;; HTML in gegevens wordt niet gepubliceerd", "html-in-gegevens")
    for element in _ELEMENTS.root.iter():
        if element.tag == "img":
            return (f"bevat een afbeelding: '{_shorten(url_of(element.get('src', '')))}'",
                    "een gegevenstekst toont geen afbeeldingen; zet de afbeelding in de Markdown van een pagina",
                    "afbeelding-in-gegevens")
        extra = sorted(set(element.attrib) - MARKDOWN_ATTRIBUTES.get(element.tag, set()))
        if extra:
            return (f"bevat een attributenlijst die '{extra[0]}' zet",
                    "haal de attributenlijst weg; de opmaak van gegevensteksten bepaalt de site",
                    "attributen-in-gegevens")
        if element.tag == "a" and not is_safe_url(url_of(element.get("href", ""))):
            return (f"bevat een link naar '{_shorten(url_of(element.get('href', '')))}'",
                    "link alleen naar een webadres (https:// of http://) of een e-mailadres (mailto:); een pagina "
                    "van deze site, die de tekst op elke diepte toont, linkt u vanuit een pagina met nota_link, "
                    "kernpunt_link of gebeurtenis_link", "onveilige-link")
    return None


def _check(text: str) -> str:
    problem = unsafe(text)
    if problem:
        message, hint, code = problem
        raise PydanticCustomError(ERROR_TYPE, message, {"hint": hint, "code": code})
    return text


MarkdownText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_check)]


def _safe_attribute(tag: str, attribute: str, value: str) -> str | None:
    return value if attribute not in ("href", "src") or is_safe_url(url_of(value)) else None


def sanitise(rendered: str) -> str:
    """The HTML of a data text with only Markdown's own elements and attributes, and safe links."""
    return nh3.clean(rendered, tags=TAGS, attributes={"a": {"href", "title"}, "ol": {"start"}},
                     url_schemes=SCHEMES, link_rel=None, attribute_filter=_safe_attribute)
