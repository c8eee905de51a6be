"""Read YAML with the position of every key and item, so errors can name their line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros.model.errors import ContentError, Finding
from macros.model.syntax_messages import explain_yaml

Path_ = tuple[str | int, ...]


class _Loader(yaml.CSafeLoader):
    """Safe loader that keeps dates and numbers as text: the schema decides their type."""


CORE_BOOLEANS = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:null")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _CoreBooleansLoader(_Loader):
    """Like `_Loader`, but only true and false are booleans (YAML 1.2): `no`, `off` and `ja` stay text."""


_CoreBooleansLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) if tag != "tag:yaml.org,2002:bool" else (tag, CORE_BOOLEANS) for tag, regexp in resolvers]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


def _as_text(loader: _Loader, node: yaml.Node) -> str:
    return loader.construct_scalar(node)


def _bool_or_text(loader: _Loader, node: yaml.Node) -> bool | str:
    return loader.bool_values.get(loader.construct_scalar(node).lower(), loader.construct_scalar(node))


# Explicit type tags (`!!int x`, `!!timestamp 2025-02-30`) also give text, for the schema to judge.
for _tag in ("int", "float", "timestamp", "binary"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _as_text)
_Loader.add_constructor("tag:yaml.org,2002:bool", _bool_or_text)


@dataclass
class YamlDocument:
    """A parsed YAML file: its data and the (line, column) of each key or list item."""

    path: str
    data: object
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, location: Path_) -> tuple[int, int]:
        """Position of the deepest part of `location` present in the file (1-based)."""
        for end in range(len(location), -1, -1):
            key = tuple(str(part) if isinstance(part, str) else part for part in location[:end])
            if key in self.positions:
                return self.positions[key]
        return (1, 1)

    def finding(self, location: Path_, message: str, hint: str, code: str) -> Finding:
        """A finding with message `code` at `location` in this file."""
        line, column = self.locate(location)
        return Finding(self.path, line, column, message, hint, code)


def read_text(file: Path, display_path: str) -> str:
    """A file's text (without a byte order mark, as MkDocs reads it); raise ContentError naming the line of the
    first byte that is not UTF-8."""
    return decoded(file.read_bytes(), display_path)


def decoded(raw: bytes, display_path: str) -> str:
    """A file's bytes as text (without a byte order mark); raise ContentError naming the line of the first byte
    that is not UTF-8."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ContentError([Finding(display_path, line, column, "het bestand is geen UTF-8 (hier staat een teken in "
                                    "een andere codering)", "sla het bestand op als UTF-8", "geen-utf8")]) from None


def load_yaml(file: Path, display_path: str) -> YamlDocument:
    """Read and parse one YAML file; raise ContentError with the line of any problem."""
    return parse_yaml(read_text(file, display_path), display_path)


def parse_yaml(text: str, display_path: str, line_offset: int = 0, strict_booleans: bool = False) -> YamlDocument:
    """Parse YAML text (lines counted from `line_offset`); raise ContentError on a syntax error or duplicate key.

    With `strict_booleans`, only true and false are booleans (for markings, where `no` must not pass for false).
    """
    loader = (_CoreBooleansLoader if strict_booleans else _Loader)(text)
    try:
        node = loader.get_single_node()
        positions: dict[Path_, tuple[int, int]] = {}
        problems: list[Finding] = []
        if node is not None:
            _record_positions(node, (), positions, problems, display_path, line_offset, set())
        if problems:
            raise ContentError(problems)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise ContentError([syntax_finding(error, text, display_path, line_offset)]) from None
    except yaml.YAMLError as error:
        raise ContentError([Finding(display_path, 1 + line_offset, 1, f"YAML kan niet worden gelezen: {error}",
                                    "controleer de opbouw van het bestand", "yaml-syntaxis")]) from None
    finally:
        loader.dispose()
    return YamlDocument(display_path, data, positions)


def syntax_finding(error: yaml.MarkedYAMLError, text: str, display_path: str, line_offset: int = 0) -> Finding:
    """The YAML syntax error in Dutch (macros/model/syntax_messages.py), where the editor must look: the place the
    parser gave up, or where the construct began (an unclosed quote, a key without its colon)."""
    start = error.context_mark or error.problem_mark
    explained = explain_yaml(error.problem or error.context or "ongeldige YAML", error.context or "",
                             _character_at(text, error.problem_mark or start))
    mark = start if explained.at_start else error.problem_mark or start
    line = min(mark.line + 1, max(len(text.splitlines()), 1))
    return Finding(display_path, line + line_offset, mark.column + 1,
                   f"YAML kan niet worden gelezen: {explained.message}", explained.hint, "yaml-syntaxis")


def _character_at(text: str, mark: yaml.Mark) -> str:
    lines = text.splitlines()
    return lines[mark.line][mark.column: mark.column + 1] if mark.line < len(lines) else ""


def _record_positions(node: yaml.Node, path: Path_, positions: dict, duplicates: list[Finding],
                      display_path: str, line_offset: int, seen: set[int]) -> None:
    """Record where each key and item stands; report duplicate keys and reused (aliased) blocks."""
    line = positions.setdefault(path, (node.start_mark.line + 1 + line_offset, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        if id(node) in seen:
            duplicates.append(Finding(display_path, *line, "ankers en aliassen (&naam, *naam) worden niet ondersteund",
                                      "schrijf de waarden voluit", "yaml-syntaxis"))
            return
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in first_line:
                duplicates.append(Finding(display_path, key_node.start_mark.line + 1 + line_offset,
                                          key_node.start_mark.column + 1,
                                          f"de sleutel '{key}' komt twee keer voor (ook op regel {first_line[key]})",
                                          "verwijder of hernoem een van beide", "dubbele-sleutel"))
            first_line.setdefault(key, key_node.start_mark.line + 1 + line_offset)
            positions[(*path, key)] = (key_node.start_mark.line + 1 + line_offset, key_node.start_mark.column + 1)
            _record_positions(value_node, (*path, key), positions, duplicates, display_path, line_offset, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_positions(item, (*path, index), positions, duplicates, display_path, line_offset, seen)
