"""Read YAML with the position of every key and item, so errors can name their line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from macros.errors import ContentError, Finding

Path_ = tuple[str | int, ...]


class _Loader(yaml.CSafeLoader):
    """Safe loader that keeps dates and numbers as text: the schema decides their type."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:null")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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


def load_yaml(file: Path, display_path: str) -> YamlDocument:
    """Read and parse one YAML file; raise ContentError with the line of any problem."""
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError([Finding(display_path, 1, 1, f"het bestand is geen UTF-8 ({error.reason})",
                                    "sla het bestand op als UTF-8", "geen-utf8")]) from None
    return parse_yaml(text, display_path)


def parse_yaml(text: str, display_path: str, line_offset: int = 0) -> YamlDocument:
    """Parse YAML text (lines counted from `line_offset`); raise ContentError on a syntax error or duplicate key."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "ongeldige YAML"
        raise ContentError([Finding(display_path, mark.line + 1 + line_offset, mark.column + 1,
                                    f"YAML kan niet worden gelezen: {problem}",
                                    _yaml_hint(text, mark), "yaml-syntaxis")]) from None
    except yaml.YAMLError as error:
        raise ContentError([Finding(display_path, 1 + line_offset, 1, f"YAML kan niet worden gelezen: {error}",
                                    "controleer de opbouw van het bestand", "yaml-syntaxis")]) from None
    finally:
        loader.dispose()
    document = YamlDocument(display_path, data)
    duplicates: list[Finding] = []
    if node is not None:
        _record_positions(node, (), document.positions, duplicates, display_path, line_offset)
    if duplicates:
        raise ContentError(duplicates)
    return document


def _yaml_hint(text: str, mark: yaml.Mark) -> str:
    lines = text.splitlines()
    if mark.line < len(lines) and "\t" in lines[mark.line]:
        return "gebruik spaties in plaats van tabs om in te springen"
    return "controleer inspringing, dubbele punten en aanhalingstekens op deze regel"


def _record_positions(node: yaml.Node, path: Path_, positions: dict, duplicates: list[Finding],
                      display_path: str, line_offset: int) -> None:
    positions.setdefault(path, (node.start_mark.line + 1 + line_offset, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                duplicates.append(Finding(display_path, key_node.start_mark.line + 1 + line_offset,
                                          key_node.start_mark.column + 1,
                                          f"de sleutel '{key}' komt twee keer voor",
                                          "verwijder of hernoem een van beide", "dubbele-sleutel"))
            seen.add(key)
            positions[(*path, key)] = (key_node.start_mark.line + 1 + line_offset, key_node.start_mark.column + 1)
            _record_positions(value_node, (*path, key), positions, duplicates, display_path, line_offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_positions(item, (*path, index), positions, duplicates, display_path, line_offset)
