"""Roads by which a page could publish what it does not show: other files (include, import, from, extends), the
plugin's variables that reach every page's source, Python's internals, and a passage not public where Markdown
splits it (a list item, a table cell). `make check` and the build refuse them all."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from jinja2 import nodes

from macros.errors import Finding

# mkdocs-macros' variables that give every page's source, the configuration or the git history.
INTERNAL_NAMES = frozenset({"files", "navigation", "page", "config", "environment", "plugin", "context",
                            "macros_info", "macros", "filters", "filters_builtin", "git"})
INCLUDES = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from", nodes.Extends: "extends"}
# `{% call niet_openbaar(...) %}` alone at the start of its line: its partial is a block of HTML.
PASSAGE_LINE = re.compile(r"^\{%-?\s*call\s.*%\}\s*$")


# A finding at a line of the page's body, at the first `needle` on it: (line, needle, message, hint, code).
At = Callable[[int, str, str, str, str], Finding]


def closed_roads(tree: nodes.Template, lines: list[str], at: At) -> list[Finding]:
    """A finding for every include, internal variable or attribute, and misplaced passage in the page."""
    return sorted([*_includes(tree, at), *_internals(tree, at), *_misplaced_passages(tree, lines, at)])


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
