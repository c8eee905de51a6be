"""Woo checks of a page: outside a withheld passage, a page may neither cite a withheld bron with a macro nor name
a withheld record's id in its text (its Markdown is published). Called by macros/checks/pagecheck.py for each page."""

from __future__ import annotations

import functools
import html
import inspect
import re
import typing
from collections.abc import Iterator

import yaml
from jinja2 import nodes
from markdown.extensions.toc import slugify

from macros.checks.restated import HYPHENATED
from macros.checks.woo_checks import withheld_ids
from macros.content.index import Index, with_article
from macros.model.errors import Finding, on_line
from macros.model.schema import Refers
from macros.rendering.page_macros import BLOCK_MACROS, MACRO_NAMES, PageMacros

CODE = "verwijzing-niet-openbaar"
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
FRONT_MATTER_HINT = "haal de id uit de kop van de pagina: de kop is altijd openbaar"


@functools.cache  # read from the code's signatures, which do not change while the program runs
def bron_parameters() -> dict[str, tuple[int, str]]:
    """The macros that take a bron id: the position and name of that parameter, from their signatures."""
    found = {}
    for name in MACRO_NAMES:
        method = getattr(PageMacros, name)
        hints = typing.get_type_hints(method, include_extras=True)
        for position, parameter in enumerate(list(inspect.signature(method).parameters)[1:]):
            markers = typing.get_args(hints.get(parameter))[1:]
            if any(isinstance(marker, Refers) and marker.kind == "bron" for marker in markers):
                found[name] = (position, parameter)
    return found


def public_page_findings(tree: nodes.Template, display: str, lines: list[str], offset: int, index: Index,
                         page_withheld: bool, front_matter: str = "") -> list[Finding]:
    """Findings for what a public page shows of withheld records: its front matter is always public, its body
    unless the page is not public as a whole."""
    withheld = withheld_ids(index)
    if not withheld:
        return []
    kinds = {record_id: kind for kind, record_id in withheld if "-" in record_id}
    front_lines = front_matter.splitlines()
    findings = [_id_named(display, front_lines, number + 1, 1, token, kinds, withheld, FRONT_MATTER_HINT)
                for number, line in enumerate(front_lines) for token in dict.fromkeys(
                    HYPHENATED.findall(line) + HYPHENATED.findall(_as_yaml_reads(line))) if token in kinds]
    findings += [Finding(display, 1, 1, f"de id '{token}' staat in de naam van een pagina, maar "
                         f"{with_article(kinds[token])} is niet openbaar",
                         "hernoem het bestand: de naam van een pagina is haar openbare adres", CODE)
                 for token in dict.fromkeys(HYPHENATED.findall(display)) if token in kinds]
    if page_withheld:
        return findings
    sheltered = {id(node) for block in tree.find_all(nodes.CallBlock)
                 if isinstance(block.call.node, nodes.Name) and block.call.node.name in BLOCK_MACROS
                 for node in block.find_all((nodes.Call, nodes.TemplateData))}
    for call in tree.find_all(nodes.Call):
        bron_id = _bron_argument(call)
        if id(call) not in sheltered and ("bron", bron_id) in withheld:
            findings.append(on_line(display, lines, call.lineno, offset, bron_id,
                                f"de bron '{bron_id}' is niet openbaar, maar deze pagina is openbaar",
                                f'zet de verwijzing tussen {{% call niet_openbaar("{withheld["bron", bron_id]}") %}} '
                                "en {% endcall %}, of haal haar weg", CODE))
    named: set[tuple[int, str]] = set()
    for lineno, token in _tokens_shown(tree, sheltered):
        if token in kinds and (lineno, token) not in named:
            named.add((lineno, token))
            findings.append(_id_named(display, lines, lineno, offset, token, kinds, withheld))
    return findings


def _tokens_shown(tree: nodes.Template, sheltered: set[int]) -> Iterator[tuple[int, str]]:
    """(line, hyphenated word) of the text a page shows outside its withheld passages: its text and the strings it
    prints, as written, joined (`6501580-{{ "x" }}`), and with character references read (`&#45;`)."""
    pieces = [(node.lineno, node.value if isinstance(node, nodes.Const) else node.data)
              for output in tree.find_all(nodes.Output) for node in output.nodes
              if isinstance(node, nodes.TemplateData) or (isinstance(node, nodes.Const) and isinstance(node.value, str))
              if id(node) not in sheltered]
    for lineno, text in pieces:
        for match in HYPHENATED.finditer(html.unescape(text)):
            yield lineno + text.count("\n", 0, match.start()), match.group()
        for match in HEADING.finditer(text):  # a heading's anchor, table-of-contents entry and permalink: its slug
            yield lineno + text.count("\n", 0, match.start()), slugify(html.unescape(match.group(1)), "-")
    joined, starts, position = "".join(text for _, text in pieces), [], 0
    for lineno, text in pieces:
        starts.append((position, lineno, text))
        position += len(text)
    for match in HYPHENATED.finditer(joined):
        start, lineno, text = next(piece for piece in reversed(starts) if piece[0] <= match.start())
        yield lineno + text.count("\n", 0, match.start() - start), match.group()


def _id_named(display: str, lines: list[str], lineno: int, offset: int, token: str, kinds: dict[str, str],
              withheld: dict[tuple[str, str], str], hint: str = "") -> Finding:
    """The id of a withheld record in the text or front matter of a page."""
    if hint:
        return on_line(display, lines, lineno, offset, token, f"de id '{token}' staat in de kop van een pagina, maar "
                   f"{with_article(kinds[token])} is niet openbaar", hint, CODE)
    hint = f'zet de tekst tussen {{% call niet_openbaar("{withheld[kinds[token], token]}") %}} en {{% endcall %}}'
    if kinds[token] == "kernpunt":
        hint = f'verwijs met {{{{ kernpunt("{token}") }}}}, of {hint}'
    return on_line(display, lines, lineno, offset, token, f"de id '{token}' staat in de tekst van een openbare pagina, "
               f"maar {with_article(kinds[token])} is niet openbaar", hint, CODE)


def _as_yaml_reads(line: str) -> str:
    """A `key: value` line of front matter with its escapes read as YAML reads them (`\\x2D` is a hyphen)."""
    try:
        data = yaml.load(line, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return ""
    return " ".join(str(value) for value in data.values()) if isinstance(data, dict) else ""


def _bron_argument(call: nodes.Call) -> str | None:
    if not isinstance(call.node, nodes.Name) or call.node.name not in bron_parameters():
        return None
    position, name = bron_parameters()[call.node.name]
    values = [keyword.value for keyword in call.kwargs if keyword.key == name]
    values += call.args[position:position + 1]
    return str(values[0].value) if values and isinstance(values[0], nodes.Const) else None
