"""Fuzzing the loader: whatever an editor types, only ContentError escapes, with findings an editor can follow.

Documents are parsed from text (no files) with `parse_yaml` and validated against every schema. Each test
counts the documents it fed the loader, so the total of at least 10,000 is checked, not assumed.

Two kinds of input once let another exception escape (a malformed value with an explicit type tag, and an alias
inside its own anchor); they are kept as explicit examples in the tests at the end.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from macros.content.loading import OPTIONAL_FILES, SINGLE_FILES
from macros.content.validation import validate_document
from macros.content.yamlsource import parse_yaml
from macros.model.errors import ContentError
from macros.model.messages import CATALOG
from macros.model.schema import Nota

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS: tuple[type[BaseModel], ...] = (*SINGLE_FILES.values(), *OPTIONAL_FILES.values(), Nota)
REAL_FILES: dict[str, str] = {
    file.relative_to(ROOT).as_posix(): file.read_text(encoding="utf-8")
    for file in [*sorted((ROOT / "data").glob("*.yaml")), ROOT / "data" / "notas" / "6501580.yaml"]}

# Documents per test; together at least MINIMUM_TOTAL (see test_the_tests_feed_the_loader_enough_documents).
EXAMPLES = {"text": 3000, "tokens": 4000, "structures": 1500, "mutations": 2500}
MINIMUM_TOTAL = 10_000
FUZZ = settings(deadline=None, database=None, print_blob=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                                       HealthCheck.large_base_example])


# --- the property ----------------------------------------------------------------------------------------------

def yaml_line_count(text: str) -> int:
    """Lines as YAML counts them: CR LF, CR, LF, NEL, LS and PS each end a line."""
    return 1 + len(re.findall("\r\n|[\r\n\x85\u2028\u2029]", text))


def assert_followable(error: ContentError, path: str, text: str) -> None:
    """Every finding names the file, a real line and column, says what is wrong, and has a catalog code."""
    assert error.findings, "a ContentError without findings tells the editor nothing"
    for finding in error.findings:
        assert finding.path == path, finding
        # libyaml puts the end of a file that lacks a final newline on the line after it, hence the + 1.
        assert 1 <= finding.line <= yaml_line_count(text) + 1, finding
        assert 1 <= finding.column <= len(text) + 1, finding
        assert finding.message.strip(), finding
        assert finding.code in CATALOG, finding


def load_text(text: str, path: str = "data/fuzz.yaml") -> None:
    """Parse `text` and validate it against every schema; only ContentError may come out."""
    try:
        document = parse_yaml(text, path)
    except ContentError as error:
        assert_followable(error, path, text)
        return
    for schema in SCHEMAS:
        try:
            model = validate_document(document, schema)
        except ContentError as error:
            assert_followable(error, path, text)
        else:
            assert isinstance(model, schema)


def run_counted(strategy: st.SearchStrategy, examples: int, check) -> int:
    """Run `check` on `examples` documents drawn from `strategy`; return how many it ran."""
    ran = []

    @settings(FUZZ, max_examples=examples)
    @given(strategy)
    def fuzz(drawn):
        check(drawn)
        ran.append(1)

    fuzz()
    return len(ran)


# --- strategies ------------------------------------------------------------------------------------------------

def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in get_args(annotation) for model in _models_in(argument)]


def _field_names() -> list[str]:
    names: set[str] = set()
    pending, seen = list(SCHEMAS), set()
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            names.add(name)
            pending.extend(_models_in(field.annotation))
    return sorted(names)


FIELD_NAMES = _field_names()
VALUES = ["2025-05-11", "2025-02-30", "2025-13", "2025", "11-05-2025", "6501580", "65-01", "evrm", "Dublin III",
          "beslisnota", "raport", "concept", "32024R1348", "COM(2025) 101 final", "https://example.org/a",
          "true", "false", "null", "~", "yes", "", "''", '""', "x", "é", "€", "0", "-1", "1.5"]
TOKENS = ["\n", "\n", "\n", " ", "  ", "    ", "\t", "- ", "-", ": ", ":", "? ", "[", "]", "{", "}", ", ", "'", '"',
          "#", "# opmerking", "|", "|-", ">", ">-", "&a ", "&b ", "*a", "*b", "<<: ", "!", "!x ", "!!str ", "!!seq ",
          "!!map ", "!!null ", "!!binary ", "!!set ", "!!omap ", "!!python/object ", "---", "...", "%YAML 1.1",
          "%TAG", "\\", "\\n", "@", "`", "%", "\r", "\r\n", "\ufeff", "\x00", "\x85", "\u2028", "é",
          *(f"{name}: " for name in FIELD_NAMES), *VALUES]


def token_soup(extra: list[str] = ()) -> st.SearchStrategy[str]:
    """Text made of YAML punctuation, indentation, the schemas' field names and typical values."""
    return st.lists(st.sampled_from([*TOKENS, *extra]), max_size=60).map("".join)


KEYS = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=10), st.integers(-5, 5), st.booleans(), st.none())
LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                   st.sampled_from(VALUES), st.dates(), st.datetimes(), st.binary(max_size=8))
STRUCTURES = st.recursive(LEAVES, lambda children: st.one_of(
    st.lists(children, max_size=5), st.dictionaries(KEYS, children, max_size=6)), max_leaves=20)


@st.composite
def dumped(draw) -> str:
    """A random structure (top level usually a mapping of schema fields) written by yaml.safe_dump."""
    data = draw(st.one_of(st.dictionaries(st.sampled_from(FIELD_NAMES), STRUCTURES, max_size=6), STRUCTURES))
    return yaml.safe_dump(data, sort_keys=False, default_flow_style=draw(st.sampled_from([False, True, None])),
                          canonical=draw(st.booleans()), allow_unicode=draw(st.booleans()),
                          explicit_start=draw(st.booleans()), width=draw(st.sampled_from([20, 80, 1000])))


SPECIAL_CHARACTERS = [*":-#'\"[]{},&*!|>%@` \t\n", "\u00a0", "é"]


@st.composite
def mutated(draw) -> tuple[str, str]:
    """A real data file with a few lines deleted, duplicated, swapped, moved, re-indented or characters changed."""
    path = draw(st.sampled_from(sorted(REAL_FILES)))
    lines = REAL_FILES[path].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 5))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        other = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "move", "tab", "indent", "dedent",
                                          "change", "insert", "remove", "truncate"]))
        column = draw(st.integers(0, max(len(line) - 1, 0)))
        character = draw(st.one_of(st.sampled_from(SPECIAL_CHARACTERS), st.characters(exclude_categories=["Cs"])))
        if operation == "delete":
            del lines[at]
        elif operation == "duplicate":
            lines.insert(other, line)
        elif operation == "swap":
            lines[at], lines[other] = lines[other], line
        elif operation == "move":
            lines.insert(other, lines.pop(at))
        elif operation == "tab":
            lines[at] = line[:column] + "\t" + line[column:]
        elif operation == "indent":
            lines[at] = "  " + line
        elif operation == "dedent":
            lines[at] = line[min(2, len(line) - len(line.lstrip(" "))):]
        elif operation == "change":
            lines[at] = line[:column] + character + line[column + 1:]
        elif operation == "insert":
            lines[at] = line[:column] + character + line[column:]
        elif operation == "remove":
            lines[at] = line[:column] + line[column + 1:]
        else:
            lines = [*lines[:at], line[:column]]
    return path, "".join(lines)


# --- the fuzz tests ----------------------------------------------------------------------------------------------

def test_arbitrary_text():
    assert run_counted(st.text(), EXAMPLES["text"], load_text) >= EXAMPLES["text"]


def test_yaml_token_soup():
    assert run_counted(token_soup(), EXAMPLES["tokens"], load_text) >= EXAMPLES["tokens"]


def test_dumped_random_structures():
    """Written by PyYAML itself, so well formed; canonical output tags every scalar (!!int, !!timestamp, ...)."""
    assert run_counted(dumped(), EXAMPLES["structures"], load_text) >= EXAMPLES["structures"]


def test_mutations_of_the_real_data_files():
    def check(drawn: tuple[str, str]) -> None:
        path, text = drawn
        load_text(text, path)

    assert run_counted(mutated(), EXAMPLES["mutations"], check) >= EXAMPLES["mutations"]


def test_the_tests_feed_the_loader_enough_documents():
    assert sum(EXAMPLES.values()) >= MINIMUM_TOTAL


@pytest.mark.parametrize("path", sorted(REAL_FILES))
def test_the_real_files_load_unchanged(path):
    """The mutations start from valid files: each loads against its own schema without findings."""
    schema = Nota if path.startswith("data/notas/") else {**SINGLE_FILES, **OPTIONAL_FILES}[Path(path).name]
    assert isinstance(validate_document(parse_yaml(REAL_FILES[path], path), schema), schema)


# --- escapes once found by fuzzing: kept as explicit examples ---------------------------------------------------

@settings(FUZZ, max_examples=300, report_multiple_bugs=False)
@example("datum: !!timestamp 2025-02-30\n")
@example("!!timestamp x")
@example("titel: !!int x\n")
@example("titel: !!float x\n")
@example("!!float")
@example("status: !!bool ja\n")
@example("titel: !!int " + "9" * 5000 + "\n")
@given(st.tuples(st.sampled_from(["", "datum: ", "- ", "titel: "]),
                 st.sampled_from(["!!int", "!!float", "!!bool", "!!timestamp", "!<tag:yaml.org,2002:int>"]),
                 st.text(max_size=20)).map(lambda parts: f"{parts[0]}{parts[1]} {parts[2]}"))
def test_malformed_values_with_explicit_scalar_tags(text):
    load_text(text)


@settings(FUZZ, max_examples=300, report_multiple_bugs=False)
@example("&a [*a]")
@example("&a {x: *a}")
@example("bronnen:\n  - &b\n    id: a\n    bepalingen: [*b]\n")
@given(token_soup(extra=["&a [", "*a", "&a {k: ", "*a]", "*a}"]))
def test_an_alias_inside_its_own_anchor(text):
    load_text(text)
