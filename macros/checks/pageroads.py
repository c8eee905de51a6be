"""Roads by which a page could publish what it does not show: other files (include, import, from, extends), the
plugin's variables that reach every page's source, Python's internals, any Jinja beyond macro calls with literal
values, and a passage not public where Markdown splits it (a list item, a table cell). `make check` and the build
refuse them all."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from jinja2 import nodes

from macros.model.errors import Finding

# mkdocs-macros' variables that give every page's source, the configuration or the git history.
INTERNAL_NAMES = frozenset({"files", "navigation", "page", "config", "environment", "plugin", "context",
                            "macros_info", "macros", "filters", "filters_builtin", "git"})
INCLUDES = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from", nodes.Extends: "extends"}
# `{% call niet_openbaar(...) %}` alone at the start of its line: its partial is a block of HTML.
PASSAGE_LINE = re.compile(r"^\{%-?\s*call\s.*%\}\s*$")


# The Jinja a page may hold: literal text, macro calls with literal arguments, the passage block (an allow-list: what
# `make check` cannot evaluate before the build, such as a variable, an attribute or arithmetic, is refused).
PAGE_NODES = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Const, nodes.Call, nodes.Name, nodes.Keyword,
              nodes.CallBlock, nodes.Neg, nodes.Pos)
# Nodes that other checks refuse with a message of their own (filters, includes, lists as macro arguments).
CHECKED_ELSEWHERE = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends, nodes.List,
                     nodes.Tuple, nodes.Dict, nodes.Pair)
BEYOND_HINT = ("schrijf tekst en macro-aanroepen met vaste waarden, zoals {{ bron(\"evrm\") }}; "
               "tekst met {{ of {% letterlijk: zet er {% raw %} ... {% endraw %} omheen")


# A finding at a line of the page's body, at the first `needle` on it: (line, needle, message, hint, code).
At = Callable[[int, str, str, str, str], Finding]


def closed_roads(tree: nodes.Template, lines: list[str], at: At, macro_names: frozenset[str],
                 known_filters: frozenset[str]) -> list[Finding]:
    """A finding for every include, internal variable or attribute, Jinja beyond macro calls, and misplaced
    passage in the page."""
    return sorted([*_includes(tree, at), *_internals(tree, at),
                   *_beyond_macro_calls(tree, at, macro_names, known_filters), *_misplaced_passages(tree, lines, at)])


def _beyond_macro_calls(tree: nodes.Template, at: At, macro_names: frozenset[str],
                        known_filters: frozenset[str]) -> Iterator[Finding]:
    """Once per line, unless an include or internal name on it has its own message: Jinja other than a site macro
    called with literal values (a variable, `{% set %}`, `{% if %}`, `{% block %}`, an attribute, arithmetic, a call
    of anything but a macro)."""
    seen = {node.lineno for node in tree.find_all(nodes.Node) if isinstance(node, tuple(INCLUDES))
            or _internal_name(node) or (isinstance(node, nodes.Name) and node.ctx == "load"
                                        and node.name in INTERNAL_NAMES)}
    for node in tree.find_all(nodes.Node):
        if isinstance(node, CHECKED_ELSEWHERE) or node.lineno in seen:
            continue
        if isinstance(node, nodes.Filter) and node.name not in known_filters:
            continue  # an unknown filter has a message of its own
        beyond = not isinstance(node, PAGE_NODES)
        if isinstance(node, nodes.Call):
            beyond = not (isinstance(node.node, nodes.Name) and node.node.name in macro_names)
        elif isinstance(node, nodes.Name):
            beyond = node.name not in macro_names
        if beyond:
            seen.add(node.lineno)
            yield at(node.lineno, "{", f"een pagina mag alleen macro's aanroepen met vaste waarden, niet "
                     f"'{_shown(node)}': wat de controle niet vooraf kan lezen, wordt niet gebouwd", BEYOND_HINT,
                     "pagina-jinja")


def _shown(node: nodes.Node) -> str:
    """How the message names the construct: a variable's or macro's name, or the kind of Jinja."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Filter):
        return f"het filter {node.name}"
    if isinstance(node, nodes.Call):
        return f"{node.node.name}(...)" if isinstance(node.node, nodes.Name) else _shown(node.node)
    return {nodes.Assign: "{% set %}", nodes.If: "{% if %}", nodes.For: "{% for %}", nodes.Block: "{% block %}",
            nodes.Macro: "{% macro %}", nodes.Getattr: "een attribuut (.)", nodes.Getitem: "een index ([...])",
            nodes.Concat: "~", nodes.With: "{% with %}", nodes.FilterBlock: "{% filter %}"}.get(
        type(node), type(node).__name__.lower())


def _includes(tree: nodes.Template, at: At) -> Iterator[Finding]:
    for kind, keyword in INCLUDES.items():
        for node in tree.find_all(kind):
            yield at(node.lineno, keyword,
                      "een pagina voegt geen ander bestand in ({% include %}, {% import %}, {% from %} of "
                      "{% extends %}): zo zou een niet-openbare pagina openbaar worden",
                      "neem de tekst zelf op in deze pagina, of gebruik een macro uit de redactiehandleiding",
                      "pagina-invoegen")


def _internals(tree: nodes.Template, at: At) -> Iterator[Finding]:
    seen: set[str] = set()
    for node in tree.find_all((nodes.Name, nodes.Getattr, nodes.Getitem, nodes.Filter)):
        name = _internal_name(node)
        if name and name not in seen:
            seen.add(name)
            yield at(node.lineno, name,
                      f"'{name}' geeft toegang tot de bestanden en instellingen van de site en mag niet in een pagina",
                      "gebruik een macro uit de redactiehandleiding", "verboden-variabele")


def _internal_name(node: nodes.Node) -> str | None:
    """The plugin variable or the underscored attribute (`__globals__`) that `node` reads, if any."""
    if isinstance(node, nodes.Name):
        return node.name if node.ctx == "load" and node.name in INTERNAL_NAMES else None
    if isinstance(node, nodes.Getattr):
        name = node.attr
    elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        name = node.arg.value
    elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args and isinstance(node.args[0], nodes.Const):
        name = node.args[0].value
    else:
        return None
    return name if isinstance(name, str) and name.startswith("_") else None


def _misplaced_passages(tree: nodes.Template, lines: list[str], at: At) -> Iterator[Finding]:
    for block in tree.find_all(nodes.CallBlock):
        if not (isinstance(block.call.node, nodes.Name) and block.call.node.name == "niet_openbaar"):
            continue
        line = lines[block.lineno - 1] if block.lineno <= len(lines) else ""
        if not PASSAGE_LINE.match(line):
            yield at(block.lineno, "{%",
                      "een niet-openbare passage moet aan het begin van een eigen regel beginnen, niet in een lijst, "
                      "tabel of zin", "zet {% call niet_openbaar(...) %} en {% endcall %} elk op een eigen regel, "
                      "tussen lege regels; moet een deel van een lijst of tabel niet openbaar zijn, zet dan de hele "
                      "lijst of tabel erin", "passage-plaats")
