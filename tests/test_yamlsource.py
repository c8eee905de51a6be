"""YAML with positions: every key and list item has its line and column; syntax errors name their line."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest
import yaml

from macros.content.yamlsource import YamlDocument, load_yaml, parse_yaml
from macros.model.errors import ContentError, Finding

DISPLAY = "data/voorbeeld.yaml"

NESTED = dedent("""\
    # Een commentaarregel bovenaan
    titel: Voorbeeld
    bronnen:
      - id: rapport-a
        onderwerpen: [asiel, terugkeer]
      - id: verdrag-b
        bepalingen:
          - artikel: "3"
            inhoud: Verbod op foltering.
    meta:
      versie: een
    """)


def load_text(tmp_path: Path, text: str, display: str = DISPLAY) -> YamlDocument:
    file = tmp_path / "bestand.yaml"
    file.write_text(text, encoding="utf-8")
    return load_yaml(file, display)


def load_error(tmp_path: Path, text: str, display: str = DISPLAY) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_text(tmp_path, text, display)
    return caught.value


@pytest.mark.parametrize(("location", "needle"), [
    (("titel",), "titel:"),
    (("bronnen",), "bronnen:"),
    (("bronnen", 0), "id: rapport-a"),
    (("bronnen", 0, "id"), "id: rapport-a"),
    (("bronnen", 0, "onderwerpen"), "onderwerpen:"),
    (("bronnen", 0, "onderwerpen", 0), "asiel"),
    (("bronnen", 0, "onderwerpen", 1), "terugkeer"),
    (("bronnen", 1), "id: verdrag-b"),
    (("bronnen", 1, "bepalingen", 0), 'artikel: "3"'),
    (("bronnen", 1, "bepalingen", 0, "inhoud"), "inhoud:"),
    (("meta",), "meta:"),
    (("meta", "versie"), "versie:"),
])
def test_keys_and_list_items_have_their_line_and_column(tmp_path, where, location, needle):
    document = load_text(tmp_path, NESTED)
    assert document.positions[location] == where(NESTED, needle)
    assert document.locate(location) == where(NESTED, needle)


def test_the_document_itself_starts_at_its_first_key_after_comments(tmp_path, where):
    document = load_text(tmp_path, NESTED)
    assert document.positions[()] == where(NESTED, "titel:")


def test_every_key_and_item_of_the_data_has_a_position(tmp_path):
    document = load_text(tmp_path, NESTED)

    def paths(value, prefix=()):
        yield prefix
        if isinstance(value, dict):
            for key, item in value.items():
                yield from paths(item, (*prefix, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from paths(item, (*prefix, index))

    assert set(paths(document.data)) == set(document.positions)


def test_locate_falls_back_to_the_deepest_part_that_exists(tmp_path, where):
    document = load_text(tmp_path, NESTED)
    assert document.locate(("bronnen", 0, "titel")) == where(NESTED, "id: rapport-a")
    assert document.locate(("bronnen", 1, "bepalingen", 0, "bestaat-niet", 3)) == where(NESTED, 'artikel: "3"')
    assert document.locate(("bestaat-niet",)) == where(NESTED, "titel:")


def test_a_finding_carries_the_display_path_and_the_position(tmp_path, where):
    document = load_text(tmp_path, NESTED)
    finding = document.finding(("meta", "versie"), "een bericht", "een hint", "onbekend-veld")
    line, column = where(NESTED, "versie:")
    assert finding == Finding(DISPLAY, line, column, "een bericht", "een hint", "onbekend-veld")
    assert str(finding) == f"{DISPLAY}:{line}:{column}: error: een bericht (een hint) [onbekend-veld]"


def test_a_tab_in_the_indentation_names_file_line_and_a_hint_about_tabs(tmp_path):
    text = "titel: Voorbeeld\nmeta:\n  versie: een\n\tauteur: iemand\n"
    error = load_error(tmp_path, text)
    [finding] = error.findings
    tab_line = text.splitlines().index("\tauteur: iemand") + 1
    assert (finding.path, finding.line, finding.severity) == (DISPLAY, tab_line, "error")
    assert finding.message.startswith("YAML kan niet worden gelezen")
    assert "tab" in finding.hint
    assert f"{DISPLAY}:{tab_line}:" in str(error)


def test_a_tab_in_a_list_item_is_reported_on_its_own_line(tmp_path):
    text = "bronnen:\n  - id: a\n\t- id: b\n"
    [finding] = load_error(tmp_path, text).findings
    assert (finding.path, finding.line) == (DISPLAY, 3)
    assert "tab" in finding.hint


def test_other_syntax_errors_get_a_hint_without_tabs(tmp_path, where):
    text = "titel: Voorbeeld\nonderwerpen: [asiel, terugkeer\nstatus: concept\n"
    [finding] = load_error(tmp_path, text).findings
    assert finding.path == DISPLAY
    assert finding.line in (where(text, "onderwerpen:")[0], where(text, "status:")[0])
    assert finding.message.startswith("YAML kan niet worden gelezen")
    assert finding.hint
    assert "tab" not in finding.hint


def test_a_duplicate_key_is_reported_at_the_second_key(tmp_path, where):
    text = "titel: Eerste\nstatus: concept\ntitel: Tweede\n"
    [finding] = load_error(tmp_path, text).findings
    assert (finding.path, finding.line, finding.column) == (DISPLAY, *where(text, "titel: Tweede"))
    assert "'titel'" in finding.message
    assert finding.hint


def test_every_duplicate_key_is_reported_even_when_nested_and_sorted(tmp_path, where):
    text = dedent("""\
        bronnen:
          - id: a
            titel: Een
            id: b
          - id: c
        meta:
          versie: een
          versie: twee
        """)
    error = load_error(tmp_path, text)
    assert [(finding.line, finding.column) for finding in error.findings] == [
        where(text, "id: b"), where(text, "versie: twee")]
    assert "'id'" in error.findings[0].message
    assert "'versie'" in error.findings[1].message


def test_the_same_key_in_different_mappings_is_no_duplicate(tmp_path):
    document = load_text(tmp_path, "bronnen:\n  - id: a\n  - id: b\nid: c\n")
    assert document.data == {"bronnen": [{"id": "a"}, {"id": "b"}], "id": "c"}


@pytest.mark.parametrize("literal", ["005", "2025-05-11", "2025-05", "2025", "12", "1.5", "1e3", "0x1F", "12:30",
                                     "0o17", ".inf", "2025-05-11T10:00:00"])
def test_dates_and_numbers_stay_text_exactly_as_written(tmp_path, literal):
    document = load_text(tmp_path, f"waarde: {literal}\nlijst: [{literal}]\n")
    assert document.data == {"waarde": literal, "lijst": [literal]}


@pytest.mark.parametrize(("literal", "value"), [("true", True), ("false", False), ("~", None), ("null", None)])
def test_booleans_and_null_keep_their_meaning(tmp_path, literal, value):
    assert load_text(tmp_path, f"waarde: {literal}\n").data == {"waarde": value}


@pytest.mark.parametrize("text", ["", "\n\n", "# alleen commentaar\n"])
def test_an_empty_file_has_no_data_and_no_positions(tmp_path, text):
    document = load_text(tmp_path, text)
    assert document.data is None
    assert document.positions == {}
    assert document.locate(("bronnen", 0)) == (1, 1)
    assert document.path == DISPLAY


def test_a_file_that_is_not_utf8_is_a_finding_not_a_traceback(tmp_path):
    file = tmp_path / "latin1.yaml"
    file.write_bytes("id: a\ntitel: café\n".encode("latin-1"))
    with pytest.raises(ContentError) as caught:
        load_yaml(file, DISPLAY)
    [finding] = caught.value.findings
    assert (finding.path, finding.line, finding.column) == (DISPLAY, 2, len("titel: caf") + 1)
    assert "UTF-8" in finding.message


def test_parse_yaml_counts_lines_from_the_offset(where):
    document = parse_yaml(NESTED, DISPLAY, line_offset=3)
    line, column = where(NESTED, "versie:")
    assert document.locate(("meta", "versie")) == (line + 3, column)
    assert document.data == yaml.load(NESTED, Loader=yaml.BaseLoader)  # everything as text, as written


def test_parse_yaml_reports_syntax_errors_and_duplicates_with_the_offset():
    with pytest.raises(ContentError) as caught:
        parse_yaml("titel: a\n\tstatus: b\n", DISPLAY, line_offset=1)
    assert [(finding.path, finding.line) for finding in caught.value.findings] == [(DISPLAY, 3)]
    with pytest.raises(ContentError) as caught:
        parse_yaml("titel: a\ntitel: b\n", DISPLAY, line_offset=1)
    assert [(finding.line, finding.column) for finding in caught.value.findings] == [(3, 1)]
