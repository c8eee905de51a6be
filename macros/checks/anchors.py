"""The anchors (HTML ids) and links of each page, known before the build, for `make check`'s link and id checks.

An anchor comes from the page's own Markdown (a heading, an attribute list `{: #id }`, raw HTML), from a macro (a
kernpunt, an event, a bron's row, a partial's heading) or from the theme (Material's `__search`, ...). The page's
Markdown is converted with the site's extensions, its Jinja left out, as MkDocs converts it after the macros; what
the macros add is declared per macro in MACRO_ANCHORS (tests/test_html_ids.py compares it with the built site).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown
from jinja2 import Environment, TemplateSyntaxError, nodes
from markdown.extensions.toc import slugify

from macros.content.index import Index, UnknownId, with_article
from macros.content.page_meta import get_data
from macros.model.kinds import KINDS
from macros.model.messages import CATALOG
from macros.model.paging import Paging
from macros.rendering.page_macros import BLOCK_MACROS

OWN, TEXT, RECORD = 0, 1, 2  # the site's own anchors, the page's text, records from the data
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")  # MkDocs always adds these to the configured ones
# Elements md_in_html rebuilds from raw HTML: their ids are counted once, from the raw HTML.
CONTAINERS = frozenset({"div", "section", "article", "aside", "details", "summary", "span", "figure", "table"})
# What makes neither ids nor links, left out for speed (emphasis is most of Markdown's time).
UNNEEDED_INLINE = frozenset({"linebreak", "entity", "em_strong", "em_strong2", "not_strong", "strong_em", "strong",
                             "emphasis", "emphasis2"})
UNNEEDED_TREE = frozenset({"prettify", "abbr", "smart-symbols"})
THEME_ID = re.compile(r'\bid="(__[A-Za-z0-9_-]+)"')


@dataclass(frozen=True)
class Anchor:
    """One id on a page: what makes it (in Dutch), its rank, where the page makes it, and its record if any."""

    id: str
    what: str
    rank: int
    line: int = 1
    column: int = 1
    record: tuple[str, str] | None = None
    withheld: bool = False  # in a passage that is not public: the public build does not have it


@dataclass(frozen=True)
class Link:
    """A Markdown link or image of a page, where it stands, and whether it is in a passage that is not public."""

    url: str
    line: int
    column: int
    withheld: bool = False


@dataclass(frozen=True)
class PageModel:
    """What the build will make of a page: its anchors in page order and its Markdown links."""

    anchors: tuple[Anchor, ...]
    links: tuple[Link, ...]
    unread: frozenset[str] = frozenset()  # macros called with arguments the page check refuses
    readable: bool = True  # False when its Jinja cannot be parsed (the page check says why)

    @functools.cached_property
    def ids(self) -> frozenset[str]:
        """The ids a link may point to (the theme's are left out: MkDocs does not see them)."""
        return frozenset(anchor.id for anchor in self.anchors if anchor.what != THEME)

    @functools.cached_property
    def public_ids(self) -> frozenset[str]:
        """The ids the public build has too: those outside passages that are not public."""
        return frozenset(anchor.id for anchor in self.anchors if anchor.what != THEME and not anchor.withheld)


THEME = "het thema (Material)"


@functools.cache  # the theme's templates do not change while the program runs
def theme_anchors(templates: Path) -> tuple[Anchor, ...]:
    """The ids Material's templates (in `templates`) give every page (`__search`, `__drawer`, ...)."""
    ids = sorted({match for file in templates.rglob("*.html") for match in THEME_ID.findall(file.read_text("utf-8"))})
    return tuple(Anchor(anchor, THEME, OWN) for anchor in ids)


# --- What the macros add ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MacroAnchor:
    """An id a macro puts on the page; `markdown` when it is a Markdown heading (the table of contents sees it)."""

    id: str
    what: str
    rank: int
    record: tuple[str, str] | None = None
    markdown: bool = False


def _records(kind: str, ids, markdown: bool = False) -> list[MacroAnchor]:
    return [MacroAnchor(record_id, f"{with_article(kind)} '{record_id}'", RECORD, (kind, record_id), markdown)
            for record_id in ids]


def _own(what: str, *ids: str, markdown: bool = False) -> list[MacroAnchor]:
    return [MacroAnchor(anchor, what, OWN, None, markdown) for anchor in ids]


def _page(index: Index, source: str, first_source: str, entries) -> list:
    """The entries of a long list that the page at `source` shows (none if it has no such page)."""
    try:
        return list(Paging.of(entries, first_source, index.page(source).number_in(first_source)).entries)
    except ValueError:
        return []


def _record_page(kind: str) -> list[MacroAnchor]:
    """The headings of a record's own page, generated from its kind's page template."""
    return _own("een kopje van de pagina", *KINDS[kind].page_anchors, markdown=True)


def _record_page_macro(kind: str) -> Callable[..., list[MacroAnchor] | None]:
    """The anchors of a call of `kind`'s page macro, which takes one id (None for another call: the page check
    says what is wrong with it)."""
    return lambda index, source, *arguments, **keywords: (
        _record_page(kind) if len(arguments) + len(keywords) == 1 else None)


def _timeline(index: Index, source: str) -> list[MacroAnchor]:
    return [_records("gebeurtenis", [item.id])[0] if _is_event(index, item)
            else MacroAnchor(item.id, f"nota {item.notas[0]} op de tijdlijn", OWN)
            for item in _page(index, source, index.pages.tijdlijn, index.timeline)]


def _is_event(index: Index, item) -> bool:
    """Whether a timeline entry is an event from tijdlijn.yaml (and not a note on its date)."""
    event = index.records["gebeurtenis"].get(item.id)
    return event is not None and (event.titel, event.datum) == (item.titel, item.datum)


MACRO_ANCHORS: dict[str, Callable[..., list[MacroAnchor]]] = {
    "nota_kop": lambda index, source, referentie: _own("de titel van de nota", "titel", markdown=True),
    "kernpunten": lambda index, source, referentie: _records(
        "kernpunt", [kernpunt.id for kernpunt in index.kernpunten_of(index.get("nota", referentie))]),
    "kernpunten_web": lambda index, source, referentie: _own(
        "de figuur van de kernpunten", f"web-{referentie}-titel", f"web-{referentie}-beschrijving",
        f"web-{referentie}-onderschrift"),
    "tijdlijn": _timeline,
    "tijdlijn_figuur": lambda index, source: _own("de figuur van de tijdlijn", "tijdlijn-figuur-titel",
                                                  "tijdlijn-figuur-beschrijving"),
    "bronnen": lambda index, source: _records(
        "bron", [bron.id for bron in _page(index, source, index.pages.bronnen, index.bronnen_sorted)]),
    "instrumenten": lambda index, source: _records(
        "bron", [instrument.bron for instrument in index.content.verkenning.instrumenten]),
    "uitdagingen": lambda index, source: [
        *_records("uitdagingsgroep", [groep.id for groep in index.content.verkenning.uitdagingsgroepen]),
        *_records("verkenningspunt", [punt.id for punt in index.content.verkenning.uitdagingen])],
    "maatregelen": lambda index, source: _records("verkenningspunt",
                                                  [punt.id for punt in index.content.verkenning.maatregelen]),
    "modellen": lambda index, source: [
        *_records("aspect", [aspect.id for aspect in index.content.modellen.aspecten]),
        *_records("model", [model.id for model in index.content.modellen.modellen], markdown=True)],
    **{kind.page_macro: _record_page_macro(kind.name) for kind in KINDS.values() if kind.page_macro},
    "meldingen": lambda index, source: [*_own("een kopje van de meldingen", "errors", "warnings", markdown=True),
                                        *(anchor for code in CATALOG for anchor in _own(f"de melding [{code}]", code))],
}


# --- The page's own Markdown ----------------------------------------------------------------------------------

class _RawIds(HTMLParser):
    """The ids of raw HTML tags, with their line and column (as MkDocs collects them, but counted)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int, int]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.found.append((value, *self.getpos()))


class _Collect(markdown.treeprocessors.Treeprocessor):
    """After the table of contents: the ids Markdown made and the links and images it found."""

    def run(self, root):
        self.md.found_ids = [(element.get("id"), element.tag) for element in root.iter()
                             if element.get("id") and element.tag not in CONTAINERS]
        self.md.found_links = [element.get("href" if element.tag == "a" else "src") for element in root.iter()
                               if (element.tag == "a" and element.get("href") is not None
                                   and "headerlink" not in (element.get("class") or ""))
                               or (element.tag == "img" and element.get("src") is not None)]


class Conversions:
    """Markdown's ids and links of pages' texts, and Jinja's tree and tokens of their bodies, remembered by text:
    the preview's builds convert and parse only the pages that changed (the owner of a build keeps one across
    builds). Neither depends on the data; the trees are shared, so their readers must not change them."""

    def __init__(self):
        self._converters: dict[tuple, markdown.Markdown] = {}
        self._found: dict[tuple, tuple[tuple, tuple, tuple]] = {}
        self._jinja: dict[tuple, nodes.Template | list | TemplateSyntaxError] = {}
        self._models: dict[tuple, PageModel] = {}
        self._known_found: dict[str, tuple[tuple, tuple, tuple]] = {}  # an earlier build's, by _text_key

    def __call__(self, text: str, extensions: tuple[tuple[str, str], ...]) -> tuple[tuple, tuple, tuple]:
        """(ids Markdown made, raw HTML ids with position, link targets) of a page's Markdown."""
        if (text, extensions) not in self._found and (known := self._known_found.get(_text_key(text, extensions))):
            self._found[text, extensions] = known
        if (text, extensions) not in self._found:
            converter = self._converter(extensions).reset()
            converter.convert(text)
            raw = _RawIds()
            raw.feed(text)
            raw.close()
            self._found[text, extensions] = tuple(converter.found_ids), tuple(raw.found), tuple(converter.found_links)
        return self._found[text, extensions]

    def found_json(self) -> str:
        """What `__call__` found, as JSON by a digest of the text and extensions (kept by `make build`'s cache)."""
        return json.dumps({_text_key(*key): found for key, found in self._found.items()}, ensure_ascii=False)

    def take_found(self, text: str) -> None:
        """Use what an earlier build found (`found_json`); JSON of another form is ignored."""
        try:
            known = json.loads(text)
            self._known_found = {key: (tuple((name, tag) for name, tag in ids),
                                       tuple((name, line, column) for name, line, column in raw),
                                       tuple(str(link) for link in links))
                                 for key, (ids, raw, links) in known.items()}
        except (ValueError, TypeError, AttributeError):
            self._known_found = {}

    def parse(self, environment: Environment, body: str) -> nodes.Template:
        """`environment.parse(body)`, remembered (raises TemplateSyntaxError as it does)."""
        return self._jinja_result(("parse", environment.lexer, tuple(environment.extensions), body),
                                  lambda: environment.parse(body))

    def lex(self, environment: Environment, body: str) -> list[tuple[int, str, str]]:
        """`environment.lex(body)` as a list, remembered (raises TemplateSyntaxError as it does)."""
        return self._jinja_result(("lex", environment.lexer, body), lambda: list(environment.lex(body)))

    def model(self, key: tuple, make) -> PageModel:
        """A page's model, remembered by `key`: its source, text, and all it read (see page_model)."""
        if key not in self._models:
            self._models[key] = make()
        return self._models[key]

    def _jinja_result(self, key: tuple, make):
        if key not in self._jinja:
            try:
                self._jinja[key] = make()
            except TemplateSyntaxError as error:
                self._jinja[key] = error
        if isinstance(self._jinja[key], TemplateSyntaxError):
            raise self._jinja[key].with_traceback(None)
        return self._jinja[key]

    def _converter(self, extensions: tuple[tuple[str, str], ...]) -> markdown.Markdown:
        if extensions not in self._converters:
            self._converters[extensions] = _converter(extensions)
        return self._converters[extensions]


def _text_key(text: str, extensions: tuple[tuple[str, str], ...]) -> str:
    return hashlib.blake2b(json.dumps([text, extensions]).encode(), digest_size=16).hexdigest()


def _converter(extensions: tuple[tuple[str, str], ...]) -> markdown.Markdown:
    names = list(dict.fromkeys([*MKDOCS_EXTENSIONS, *(name for name, _ in extensions)]))
    configs = {name: json.loads(config) for name, config in extensions if config != "null"}
    converter = markdown.Markdown(extensions=names, extension_configs=configs)
    for registry, unneeded in ((converter.inlinePatterns, UNNEEDED_INLINE), (converter.treeprocessors, UNNEEDED_TREE)):
        for name in unneeded & {item.name for item in registry._priority}:
            registry.deregister(name)
    converter.treeprocessors.register(_Collect(converter), "bp_collect", 1)
    return converter


# --- A page ------------------------------------------------------------------------------------------------------

def split_page(text: str) -> tuple[str, dict, int]:
    """The body of a page, its front matter and the number of lines before the body (as MkDocs reads them)."""
    text = text.removeprefix("\ufeff")
    body, meta = get_data(text)
    offset = text[: len(text) - len(body)].count("\n") if text.endswith(body) else 0
    return body, meta if isinstance(meta, dict) else {}, offset


def page_model(source: str, text: str, index: Index, environment: Environment,
               extensions: tuple[tuple[str, str], ...], theme_templates: Path,
               conversions: Conversions | None = None, generated: bool = False) -> PageModel:
    """The anchors and links of the page at the docs-relative `source` whose file holds `text`; `conversions`
    remembers the Markdown of pages already converted, and their models by what they read of the index (the
    anchors of their macro calls); `theme_templates` holds Material's templates; `generated` when the
    site generates the page (a record's page: its kind's page template makes it)."""
    conversions = conversions or Conversions()
    body, meta, offset = split_page(text)
    calls = None
    if meta.get("render_macros") is not False:
        try:
            tree = conversions.parse(environment, body)
        except TemplateSyntaxError:
            return PageModel(theme_anchors(theme_templates), (), readable=False)
        calls = [(call, _called(call, index, source)) for call in tree.find_all(nodes.Call)]
    owner = index.generated_record(source) if generated else None
    page_anchors = tuple(_record_page(owner.kind)) if owner else ()
    read = None if calls is None else tuple(None if anchors is None else tuple(anchors) for _, anchors in calls)
    key = (source, text, extensions, environment.lexer, read, page_anchors, theme_templates)
    return conversions.model(key, lambda: _page_model(body, meta, offset, calls, environment, extensions,
                                                      conversions, theme_templates, page_anchors))


def _page_model(body: str, meta: dict, offset: int, calls: list | None, environment: Environment,
                extensions: tuple[tuple[str, str], ...], conversions: Conversions,
                theme_templates: Path, page_anchors: tuple[MacroAnchor, ...]) -> PageModel:
    """`page_model` of a page's body with its macro calls' anchors (`calls` is None without macros) and, for a
    generated record page, its template's headings (`page_anchors`)."""
    macros: list[tuple[int, int, MacroAnchor]] = []
    unread: frozenset[str] = frozenset()
    withheld = _withheld_lines(body, meta, environment, conversions)
    if calls is not None:
        unread = frozenset(call.node.name for call, anchors in calls if anchors is None)
        macros = [(call.lineno, _column(body, call.lineno, call.node.name), anchor)
                  for call, anchors in calls for anchor in anchors or ()]
        body = _text_only(body, environment, conversions)
    macros += [(1, 1, anchor) for anchor in page_anchors]
    headings = "".join(f"\n\n# {anchor.id} {{: #{anchor.id} }}" for _, _, anchor in macros if anchor.markdown)
    made, raw, urls = conversions(body + headings, extensions)
    made = list(made)
    for _, _, anchor in reversed(macros):  # the macros' headings were added last: take them off again
        last = max((number for number, (found, _) in enumerate(made) if found == anchor.id), default=None)
        if anchor.markdown and last is not None:
            made.pop(last)
    lines = body.splitlines()
    texts = [*_located(made, lines), *(Anchor(anchor, "het anker op regel {line}", TEXT, line, column + 1)
                                       for anchor, line, column in raw)]
    from_macros = [Anchor(anchor.id, anchor.what, anchor.rank, line, column, anchor.record)
                   for line, column, anchor in macros]
    ordered = sorted([*texts, *from_macros], key=lambda anchor: anchor.line)
    anchors = tuple(Anchor(a.id, a.what.format(line=a.line + offset), a.rank, a.line + offset, a.column, a.record,
                           a.line in withheld) for a in ordered)
    links = (Link(link.url, link.line + offset, link.column, link.line in withheld) for link in _links(urls, lines))
    return PageModel((*theme_anchors(theme_templates), *anchors), tuple(links), unread)


def _withheld_lines(body: str, meta: dict, environment: Environment, conversions: Conversions) -> set[int]:
    """The lines of the body that the public build leaves out: passages in a call block of a macro that wraps
    what is not public, or the whole page after its title when its front matter says `openbaar: false`."""
    lines = body.splitlines()
    if meta.get("openbaar") is False:
        title = next((number for number, line in enumerate(lines, start=1) if line.startswith("# ")), 0)
        return set(range(title + 1, len(lines) + 1))
    if meta.get("render_macros") is False:
        return set()
    withheld: set[int] = set()
    stack: list[bool] = []
    tag = None
    try:
        for lineno, token, value in conversions.lex(environment, body):
            if token == "block_begin":
                tag = ""
            elif token == "name" and tag == "":
                tag = value
                if value == "endcall" and stack:
                    stack.pop()
            elif token == "name" and tag == "call":
                stack.append(value in BLOCK_MACROS)
                tag = None
            elif token == "data" and any(stack):
                withheld |= set(range(lineno, lineno + value.count("\n") + 1))
    except TemplateSyntaxError:
        return set()
    return withheld


def _called(call: nodes.Call, index: Index, source: str) -> list[MacroAnchor] | None:
    """The anchors one macro call adds; None when its arguments cannot be read (the page check says why)."""
    make = MACRO_ANCHORS.get(call.node.name) if isinstance(call.node, nodes.Name) else None
    if make is None:
        return []
    values = [*call.args, *(keyword.value for keyword in call.kwargs)]
    if call.dyn_args or call.dyn_kwargs or not all(
            isinstance(value, nodes.Const) and isinstance(value.value, str | int) for value in values):
        return None
    try:
        return make(index, source, *(str(argument.value) for argument in call.args),
                    **{keyword.key: str(keyword.value.value) for keyword in call.kwargs})
    except (TypeError, UnknownId):
        return None


def _text_only(body: str, environment: Environment, conversions: Conversions) -> str:
    """The page's text as Markdown will see it after the macros, without what Jinja makes (its lines kept)."""
    return "".join(value if token == "data" else "\n" * value.count("\n")
                   for _, token, value in conversions.lex(environment, body))


def _column(body: str, lineno: int, needle: str) -> int:
    lines = body.splitlines()
    text = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
    return text.find(needle) + 1 if needle in text else 1


HEADING = re.compile(r"^ {0,3}#{1,6}\s+(?P<text>.*?)\s*(?:\{:?[^}]*\})?\s*#*\s*$")


def _located(made: list[tuple[str, str]], lines: list[str]) -> list[Anchor]:
    """The ids Markdown made, each with the line that makes it: an attribute list, or else a heading."""
    taken: set[int] = set()
    anchors = []
    for anchor, tag in made:
        explicit = re.compile(rf"\{{:?[^}}]*#{re.escape(anchor)}(?=[\s}}])")
        base = re.sub(r"_[0-9]+$", "", anchor)
        for number, line in enumerate(lines, start=1):
            if number in taken:
                continue
            if match := explicit.search(line):
                anchors.append(Anchor(anchor, "het anker op regel {line}", TEXT, number,
                                      line.index("#", match.start()) + 1))
                break
            heading = HEADING.match(line)
            if heading and tag[:1] == "h" and slugify(heading["text"], "-") == base:
                anchors.append(Anchor(anchor, "het kopje op regel {line}", TEXT, number, 1))
                break
        else:
            anchors.append(Anchor(anchor, "het anker op regel {line}", TEXT, 1, 1))
            continue
        taken.add(anchors[-1].line)
    return anchors


def _links(urls, lines: list[str]):
    """Each link target with the place of its text in the page (the next occurrence for a repeated target)."""
    start: dict[str, tuple[int, int]] = {}
    for url in urls:
        line, column = start.get(url, (0, -1))
        for number in range(line, len(lines)):
            found = lines[number].find(url, column + 1 if number == line else 0)
            if found >= 0:
                start[url] = (number, found)
                yield Link(url, number + 1, found + 1)
                break
        else:
            yield Link(url, 1, 1)
