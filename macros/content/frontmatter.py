"""A page's front matter, found and read as MkDocs finds it, and validated with a schema: a marking the build does not
understand (a misspelt key, a non-boolean `openbaar`, a ground without `openbaar: false`) is an error, never "public".
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, StrictBool

from macros.content.index import Index, unknown
from macros.content.page_meta import YAML_RE, get_data
from macros.content.validation import validate_document
from macros.content.woo import LEADING_TITLE
from macros.content.yamlsource import YamlDocument, parse_yaml
from macros.model.errors import ContentError, Finding
from macros.model.schema import Ground, Record, Text

# Material's page templates, and the site's own (overrides/): the only values `template:` may name.
HEAD_CODE = "kop-onleesbaar"
# A page template is a file of its own in one of those folders, never a path out of them (`../mkdocs.yml`).
TEMPLATE_NAME = re.compile(r"[a-z0-9_-]+\.html")
# mkdocs-macros renders a title that holds Jinja (with every variable and include): the kop holds text only.
JINJA_STARTS = ("{{", "{%", "{#")


class Search(Record):
    """`search:` as the site's search reads it (macros/adapter/search.py)."""

    boost: float = 1
    exclude: StrictBool = False


class FrontMatter(Record):
    """The keys a page may set in its front matter; any other key is an error."""

    title: Text | None = None
    description: Text | None = None
    openbaar: StrictBool = True
    weigeringsgrond: Ground = None
    render_macros: StrictBool = True
    search: Search = Search()
    tags: list[str] = Field(default_factory=list)
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = Field(default_factory=list)
    status: Literal["new", "deprecated"] | None = None
    template: str | None = None


def as_mkdocs_reads(text: str) -> str:
    """The page as MkDocs reads it: without a byte order mark, with `\\n` line ends."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter or None, body, number of lines before the body), where MkDocs finds them."""
    match = YAML_RE.match(text)
    if not match:
        return None, text, 0
    return match.group(1), text[match.end():], match.group(0).count("\n")


def read_front_matter(text: str, display: str) -> tuple[YamlDocument | None, FrontMatter, list[Finding]]:
    """The page's front matter (its document, the validated keys) and the findings of reading it; no document when
    the findings leave nothing to check further."""
    front_matter, _, _ = split_front_matter(text)
    mkdocs_meta = get_data(text)[1]
    if front_matter is None:
        if _late_front_matter(text):  # a front matter after blank lines is text to MkDocs: the page would be public
            line = text[:text.index("---")].count("\n") + 1
            return None, FrontMatter(), [Finding(display, line, 1, "deze kop staat niet op de eerste regel: MkDocs "
                                                 "leest haar niet, en de pagina zou openbaar zijn", "begin de pagina "
                                                 "met de regel ---, zonder lege regel of spatie ervoor", HEAD_CODE)]
        if mkdocs_meta:
            return None, FrontMatter(), [Finding(display, 1, 1, "MkDocs leest het begin van deze pagina als kop "
                                                 "(sleutel: waarde), zonder regels met ---",
                                                 "zet de kop tussen twee regels met ---; is het tekst, begin de "
                                                 "pagina dan met een kop (# ...)", HEAD_CODE)]
        return None, FrontMatter(), []
    try:
        document = parse_yaml(front_matter, display, line_offset=1, strict_booleans=True)
        if document.data is None:
            return document, FrontMatter(), []
        if isinstance(document.data, dict) and not isinstance(document.data.get("tags") or [], list):
            return None, FrontMatter(), [document.finding(
                ("tags",), "tags: verwacht een lijst", "schrijf tags: [Dublin] of elk onderwerp op een eigen regel "
                "met '- '", "verkeerd-type")]
        meta = validate_document(document, FrontMatter)
    except ContentError as error:
        return None, FrontMatter(), error.findings
    if set(mkdocs_meta) != set(document.data):
        return document, meta, [Finding(display, 1, 1, f"MkDocs kan de kop van deze pagina niet lezen: "
                                        f"{_mkdocs_error(front_matter)}", "zet waarden die op een datum, getal of "
                                        "ja/nee lijken tussen aanhalingstekens", HEAD_CODE)]
    return document, meta, []


def withheld_title_findings(meta: FrontMatter, body: str, display: str, offset: int) -> list[Finding]:
    """The title of a page not public stays outside its withheld passage (and public): it holds text only, since a
    Jinja tag in it would open or close around the passage."""
    title = LEADING_TITLE.match(body)
    if meta.openbaar or not title:
        return []
    starts = [title.group(1).find(start) for start in JINJA_STARTS if start in title.group(1)]
    if not starts:
        return []
    line = body[:title.start(1)].count("\n") + 1 + offset
    return [Finding(display, line, min(starts) + 1, "de titel van een pagina die niet openbaar is, blijft openbaar "
                    "en mag geen macro bevatten", "schrijf de titel als gewone tekst, zonder {{ of {%",
                    "ongeldige-waarde")]


def _late_front_matter(text: str) -> bool:
    """Whether the page opens, after blank lines, with what would be front matter on its first line."""
    match = YAML_RE.match(text.lstrip())
    try:
        return bool(match) and isinstance(yaml.load(match.group(1), Loader=yaml.CSafeLoader), dict)
    except yaml.YAMLError:
        return True  # unreadable either way: say where it should stand


def _mkdocs_error(front_matter: str) -> str:
    try:
        yaml.load(front_matter, Loader=yaml.CSafeLoader)
    except Exception as error:
        return str(error)
    return "MkDocs leest andere sleutels"


def check_front_matter(document: YamlDocument, meta: FrontMatter, body: str, index: Index, tags: set[str],
                       record_page: bool, template_dirs: tuple[Path, ...]) -> list[Finding]:
    """What the schema cannot see: tags and grounds that exist, and a whole page not public only where it can be."""
    findings = [document.finding(("tags", position), f"onbekend onderwerp '{tag}' in tags",
                                 f"kies uit: {', '.join(sorted(tags))}", "onbekend-onderwerp")
                for position, tag in enumerate(meta.tags) if tag not in tags]
    if meta.template is not None and not (TEMPLATE_NAME.fullmatch(meta.template) and any(
            (folder / meta.template).is_file() for folder in template_dirs)):
        findings.append(document.finding(("template",), f"template: het sjabloon '{meta.template}' bestaat niet",
                                         "laat 'template:' weg; de site kiest zelf het sjabloon", "ongeldige-waarde"))
    for key in ("title", "description"):
        if any(start in (getattr(meta, key) or "") for start in JINJA_STARTS):
            findings.append(document.finding((key,), f"{key}: een macro in de kop van een pagina wordt niet "
                                             "gecontroleerd en kan elke pagina invoegen",
                                             "schrijf de kop als gewone tekst, zonder {{ of {%", "ongeldige-waarde"))
    if not meta.render_macros and "niet_openbaar" in body:
        findings.append(document.finding(("render_macros",), "een pagina met 'render_macros: false' voert "
                                         "niet_openbaar niet uit: de passage zou openbaar zijn",
                                         "laat 'render_macros: false' weg; zet tekst met {{ of {% tussen {% raw %} "
                                         "en {% endraw %}", "ongeldige-waarde"))
    return findings + _check_openbaar(document, meta, index, record_page)


def _check_openbaar(document: YamlDocument, meta: FrontMatter, index: Index, record_page: bool) -> list[Finding]:
    """A whole page that is not public: `openbaar: false` with a known `weigeringsgrond`, never on a note's page."""
    if meta.openbaar:
        if meta.weigeringsgrond is None:
            return []
        return [document.finding(("weigeringsgrond",), "'weigeringsgrond' staat er, maar 'openbaar: false' niet",
                                 "zet 'openbaar: false' erbij als de pagina niet openbaar is, of verwijder "
                                 "'weigeringsgrond'", "ongeldige-waarde")]
    if not meta.render_macros:
        return [document.finding(("render_macros",), "een pagina die niet openbaar is, heeft haar macro's nodig",
                                 "laat 'render_macros: false' weg; zet tekst met {{ of {% tussen {% raw %} en "
                                 "{% endraw %}", "ongeldige-waarde")]
    if record_page:
        return [document.finding(("openbaar",), "de pagina van een nota kan niet als geheel niet openbaar zijn",
                                 "markeer kernpunten en velden in het gegevensbestand van de nota, en passages met "
                                 '{% call niet_openbaar("5.1.2e") %}', "ongeldige-waarde")]
    if meta.weigeringsgrond is None:
        return [document.finding(("openbaar",), "het verplichte veld 'weigeringsgrond' ontbreekt",
                                 "voeg 'weigeringsgrond:' toe met een id uit data/weigeringsgronden.yaml, "
                                 "bijvoorbeeld 5.1.2e", "verplicht-veld")]
    if meta.weigeringsgrond not in index.records["weigeringsgrond"]:
        return [document.finding(("weigeringsgrond",), f"{unknown('weigeringsgrond')} '{meta.weigeringsgrond}'",
                                 index.suggest("weigeringsgrond", meta.weigeringsgrond), "onbekende-id")]
    return []
