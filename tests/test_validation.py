"""Loading and validating the data folder: every problem becomes a finding with file, line, column and hint."""

from __future__ import annotations

import re
from pathlib import Path
from textwrap import dedent
from typing import get_args

import pytest

from macros.content.loading import SINGLE_FILES, load_content
from macros.content.validation import validate_document
from macros.content.yamlsource import load_yaml
from macros.model.errors import ContentError, Finding
from macros.model.schema import Bron, BronSoort, Identificatie, Kernpunt, Nota, NotaStatus, Onderwerp
from tests.conftest import NOTA_REF

NOTA_FILE = f"notas/{NOTA_REF}.yaml"


def load(project: Path):
    return load_content(project / "data", project)


def findings_of(project: Path) -> list[Finding]:
    with pytest.raises(ContentError) as caught:
        load(project)
    return caught.value.findings


def only_finding(project: Path) -> Finding:
    findings = findings_of(project)
    assert len(findings) == 1, "\n".join(map(str, findings))
    return findings[0]


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z_]+", text))


BRONNEN = (
    "bronnen:\n"
    "  - id: rapport-a\n"
    "    soort: rapport\n"
    "    titel: Rapport A\n"
    "    beschrijving: Een rapport.\n"
    "  - id: verdrag-b\n"
    "    soort: verdrag\n"
    "    titel: Verdrag B\n"
    "    beschrijving: Een verdrag.\n"
)


def bronnen_with(extra_lines: str = "") -> str:
    """bronnen.yaml with two valid bronnen, the second extended by `extra_lines` (indented as its fields)."""
    return BRONNEN + extra_lines


def test_the_minimal_data_set_is_valid(data_factory):
    content = load(data_factory())
    assert [nota.referentie for nota in content.notas] == [NOTA_REF]
    assert [bron.id for bron in content.bronnen.bronnen] == ["rapport-a", "verdrag-b"]
    assert sorted(item.document.path for item in content.files) == sorted(
        f"data/{name}" for name in [*SINGLE_FILES, NOTA_FILE])


def test_a_missing_required_field_is_reported_at_its_record(data_factory, where):
    text = dedent("""\
        bronnen:
          - id: rapport-a
            soort: rapport
            titel: Rapport A
            beschrijving: Een rapport.
          - id: verdrag-b
            soort: verdrag
            beschrijving: Een verdrag.
        """)
    finding = only_finding(data_factory({"bronnen.yaml": text}))
    assert (finding.path, finding.line, finding.column, finding.severity) == (
        "data/bronnen.yaml", *where(text, "id: verdrag-b"), "error")
    assert "'titel'" in finding.message
    assert "ontbreekt" in finding.message
    assert "titel:" in finding.hint
    assert "bronnen[verdrag-b]" in finding.hint


def test_a_missing_top_level_field_is_reported_at_the_start_of_the_file(data_factory, minimal_data, where):
    text = minimal_data[NOTA_FILE].replace("status: concept\n", "")
    finding = only_finding(data_factory({NOTA_FILE: text}))
    assert (finding.path, finding.line, finding.column) == (f"data/{NOTA_FILE}", *where(text, "referentie:"))
    assert "'status'" in finding.message
    assert "status:" in finding.hint


def test_an_unknown_field_is_reported_at_its_key_with_the_allowed_fields(data_factory, where):
    text = bronnen_with("    kleur: rood\n")
    finding = only_finding(data_factory({"bronnen.yaml": text}))
    assert (finding.path, finding.line, finding.column) == ("data/bronnen.yaml", *where(text, "kleur:"))
    assert "'kleur'" in finding.message
    assert set(Bron.model_fields) <= words(finding.hint)


def test_an_unknown_nested_field_lists_the_fields_of_the_nested_record(data_factory, where):
    text = bronnen_with("    identificatie:\n      celex: 32024R1348\n      isbn: 123\n")
    finding = only_finding(data_factory({"bronnen.yaml": text}))
    assert (finding.line, finding.column) == where(text, "isbn:")
    assert "'isbn'" in finding.message
    assert set(Identificatie.model_fields) <= words(finding.hint)
    assert "soort" not in words(finding.hint)


def test_an_unknown_field_of_a_sub_kernpunt_lists_the_kernpunt_fields(data_factory, minimal_data, where):
    text = minimal_data[NOTA_FILE] + "\n".join("    " + line for line in dedent(f"""\
        kernpunten:
          - id: {NOTA_REF}-sub
            tekst: Een subkernpunt.
            bron: [rapport-a]
        """).splitlines()) + "\n"
    finding = only_finding(data_factory({NOTA_FILE: text}))
    assert (finding.path, finding.line, finding.column) == (f"data/{NOTA_FILE}", *where(text, "bron:"))
    assert "'bron'" in finding.message
    assert finding.hint == "bedoelt u 'bronnen'?"
    assert "bronnen" in Kernpunt.model_fields


def test_an_unknown_field_without_a_close_match_lists_the_fields_of_its_record(data_factory, minimal_data):
    text = minimal_data[NOTA_FILE] + "\n".join("    " + line for line in dedent(f"""\
        kernpunten:
          - id: {NOTA_REF}-sub
            tekst: Een subkernpunt.
            kleur: rood
        """).splitlines()) + "\n"
    finding = only_finding(data_factory({NOTA_FILE: text}))
    assert set(Kernpunt.model_fields) <= words(finding.hint)
    assert not (set(Nota.model_fields) - set(Kernpunt.model_fields)) & words(finding.hint)


def test_a_value_outside_the_choices_lists_the_choices(data_factory, where):
    text = bronnen_with().replace("soort: verdrag", "soort: boek")
    finding = only_finding(data_factory({"bronnen.yaml": text}))
    assert (finding.path, finding.line, finding.column) == ("data/bronnen.yaml", *where(text, "soort: boek"))
    assert "'boek'" in finding.message
    assert "bronnen[verdrag-b].soort" in finding.message
    for choice in get_args(BronSoort):
        assert f"'{choice}'" in finding.hint


def test_a_wrong_status_of_a_nota_lists_the_statuses(data_factory, minimal_data, where):
    text = minimal_data[NOTA_FILE].replace("status: concept", "status: klaar")
    finding = only_finding(data_factory({NOTA_FILE: text}))
    assert (finding.line, finding.column) == where(text, "status: klaar")
    assert "'klaar'" in finding.message
    for choice in get_args(NotaStatus):
        assert f"'{choice}'" in finding.hint


@pytest.mark.parametrize("bad_id", ["Rapport-B", "rapport_b", "rapport b", "rapport--b", "-verdrag", "verdrag-"])
def test_a_malformed_id_is_reported_with_the_slug_rule(data_factory, where, bad_id):
    text = bronnen_with().replace("id: verdrag-b", f"id: {bad_id}")
    finding = only_finding(data_factory({"bronnen.yaml": text}))
    assert (finding.path, finding.line, finding.column) == ("data/bronnen.yaml", *where(text, f"id: {bad_id}"))
    assert f"'{bad_id}'" in finding.message
    assert f"bronnen[{bad_id}].id" in finding.message
    assert "kleine letters" in finding.hint


def test_a_malformed_referentie_shows_the_pattern(data_factory, minimal_data, where):
    text = minimal_data[NOTA_FILE].replace(f'referentie: "{NOTA_REF}"', 'referentie: "12-34"')
    finding = only_finding(data_factory({NOTA_FILE: text}))
    assert (finding.line, finding.column) == where(text, "referentie:")
    assert "'12-34'" in finding.message


def test_a_text_where_a_list_is_expected(data_factory, minimal_data, where):
    text = minimal_data[NOTA_FILE].replace("onderwerpen: [asiel]", "onderwerpen: asiel")
    finding = only_finding(data_factory({NOTA_FILE: text}))
    assert (finding.path, finding.line, finding.column) == (f"data/{NOTA_FILE}", *where(text, "onderwerpen:"))
    assert "lijst" in finding.message
    assert "'asiel'" in finding.message
    assert "- " in finding.hint


def test_fields_where_a_list_of_records_is_expected(data_factory):
    finding = only_finding(data_factory({"bronnen.yaml": "bronnen:\n  id: rapport-a\n"}))
    assert (finding.path, finding.line) == ("data/bronnen.yaml", 1)
    assert "lijst" in finding.message


@pytest.mark.parametrize("bad_date", ["2025-02-30", "2025-13", "maart 2025", "25-03"])
def test_an_invalid_partial_date_is_reported_at_its_field(data_factory, minimal_data, where, bad_date):
    text = minimal_data["tijdlijn.yaml"].replace("datum: 2025-03", f"datum: {bad_date}")
    finding = only_finding(data_factory({"tijdlijn.yaml": text}))
    assert (finding.path, finding.line, finding.column) == ("data/tijdlijn.yaml", *where(text, "datum:"))
    assert f"'{bad_date}'" in finding.message
    assert "gebeurtenissen[publicatie-a].datum" in finding.message
    assert "JJJJ-MM" in finding.hint


@pytest.mark.parametrize("bad_date", ["2025-13-01", "2025-02-30", "2025-04", "1 april 2025", "2025/04/01"])
def test_an_invalid_date_of_a_nota_is_reported_at_its_field(data_factory, minimal_data, where, bad_date):
    text = minimal_data[NOTA_FILE].replace("datum: 2025-04-01", f"datum: {bad_date}")
    finding = only_finding(data_factory({NOTA_FILE: text}))
    assert (finding.path, finding.line, finding.column) == (f"data/{NOTA_FILE}", *where(text, "datum:"))
    assert "datum" in finding.message
    assert bad_date in finding.message
    assert "JJJJ-MM-DD" in finding.hint


def test_a_year_as_the_date_of_a_nota_gets_a_dutch_message_and_hint(data_factory, minimal_data):
    text = minimal_data[NOTA_FILE].replace("datum: 2025-04-01", "datum: 2025")
    finding = only_finding(data_factory({NOTA_FILE: text}))
    assert "Datetimes" not in finding.message
    assert "JJJJ-MM-DD" in finding.hint


@pytest.mark.parametrize("digits", ["0", "86400"])
def test_a_number_is_not_accepted_as_the_date_of_a_nota(data_factory, minimal_data, digits):
    text = minimal_data[NOTA_FILE].replace("datum: 2025-04-01", f"datum: {digits}")
    assert findings_of(data_factory({NOTA_FILE: text}))


@pytest.mark.parametrize("name", SINGLE_FILES)
def test_a_missing_data_file_is_reported(data_factory, name):
    finding = only_finding(data_factory({name: None}))
    assert (finding.path, finding.line, finding.column, finding.severity) == (f"data/{name}", 1, 1, "error")
    assert "ontbreekt" in finding.message
    assert name in finding.hint


def test_no_notes_at_all_is_not_an_error(data_factory):
    assert load(data_factory({NOTA_FILE: None})).notas == ()


def test_a_note_file_must_be_named_after_its_referentie(data_factory, minimal_data, where):
    text = minimal_data[NOTA_FILE]
    finding = only_finding(data_factory({NOTA_FILE: None, "notas/7654321.yaml": text}))
    assert (finding.path, finding.line, finding.column) == ("data/notas/7654321.yaml", *where(text, "referentie:"))
    assert NOTA_REF in finding.message
    assert f"{NOTA_REF}.yaml" in finding.hint


def test_an_unquoted_referentie_stays_text_and_matches_the_file_name(data_factory, minimal_data):
    text = minimal_data[NOTA_FILE].replace(f'referentie: "{NOTA_REF}"', f"referentie: {NOTA_REF}")
    [nota] = load(data_factory({NOTA_FILE: text})).notas
    assert nota.referentie == NOTA_REF


def test_an_ets_number_keeps_its_leading_zeros(data_factory):
    text = bronnen_with("    identificatie:\n      ets: 005\n")
    content = load(data_factory({"bronnen.yaml": text}))
    assert content.bronnen.bronnen[1].identificatie.ets == "005"


def test_a_malformed_identifier_names_the_example(data_factory, where):
    text = bronnen_with("    identificatie:\n      celex: 2024R1348\n")
    finding = only_finding(data_factory({"bronnen.yaml": text}))
    assert (finding.line, finding.column) == where(text, "celex:")
    assert "'2024R1348'" in finding.message
    assert "32024R1348" in finding.message


@pytest.mark.parametrize("text", ["", "# nog niets\n"])
def test_an_empty_data_file_is_reported(data_factory, text):
    finding = only_finding(data_factory({"verkenning.yaml": text}))
    assert (finding.path, finding.line, finding.column) == ("data/verkenning.yaml", 1, 1)
    assert "leeg" in finding.message


def test_an_empty_text_field_is_reported(data_factory, where):
    text = bronnen_with().replace("titel: Verdrag B", 'titel: "  "')
    finding = only_finding(data_factory({"bronnen.yaml": text}))
    assert (finding.line, finding.column) == where(text, 'titel: "  "')
    assert "bronnen[verdrag-b].titel" in finding.message


def test_a_yaml_syntax_error_names_the_data_file(data_factory, minimal_data):
    text = minimal_data["modellen.yaml"].replace("  - id: recht", "\t- id: recht")
    finding = only_finding(data_factory({"modellen.yaml": text}))
    assert finding.path == "data/modellen.yaml"
    assert finding.line == text.splitlines().index("\t- id: recht") + 1
    assert "tab" in finding.hint


def test_a_duplicate_key_in_a_data_file_is_reported(data_factory, minimal_data, where):
    text = minimal_data[NOTA_FILE].replace("status: concept\n", "status: concept\nstatus: vastgesteld\n")
    finding = only_finding(data_factory({NOTA_FILE: text}))
    assert (finding.path, finding.line, finding.column) == (f"data/{NOTA_FILE}", *where(text, "status: vastgesteld"))


def test_several_errors_in_one_file_are_all_reported_in_order(data_factory, where):
    text = dedent("""\
        bronnen:
          - id: Rapport-A
            soort: boek
            titel: Rapport A
            beschrijving: Een rapport.
            kleur: rood
          - id: verdrag-b
            soort: verdrag
            titel: Verdrag B
        """)
    findings = findings_of(data_factory({"bronnen.yaml": text}))
    assert [(finding.line, finding.column) for finding in findings] == [
        where(text, "id: Rapport-A"), where(text, "soort: boek"), where(text, "kleur:"), where(text, "id: verdrag-b")]
    assert {finding.path for finding in findings} == {"data/bronnen.yaml"}


def test_errors_in_different_files_are_all_reported_at_once_and_sorted(data_factory, minimal_data, where):
    bronnen = bronnen_with().replace("soort: verdrag", "soort: boek")
    tijdlijn = minimal_data["tijdlijn.yaml"].replace("datum: 2025-03", "datum: 2025-02-30")
    nota = minimal_data[NOTA_FILE].replace("status: concept", "status: concept\nkleur: rood")
    project = data_factory({"bronnen.yaml": bronnen, "tijdlijn.yaml": tijdlijn, NOTA_FILE: nota,
                            "verkenning.yaml": None, "modellen.yaml": "rapport: [\n"})
    with pytest.raises(ContentError) as caught:
        load(project)
    findings = caught.value.findings
    assert [finding.path for finding in findings] == sorted(
        ["data/bronnen.yaml", "data/tijdlijn.yaml", f"data/{NOTA_FILE}", "data/verkenning.yaml", "data/modellen.yaml"])
    positions = {finding.path: (finding.line, finding.column) for finding in findings}
    assert positions["data/bronnen.yaml"] == where(bronnen, "soort: boek")
    assert positions["data/tijdlijn.yaml"] == where(tijdlijn, "datum:")
    assert positions[f"data/{NOTA_FILE}"] == where(nota, "kleur:")
    assert positions["data/verkenning.yaml"] == (1, 1)
    assert findings == sorted(findings)
    assert str(caught.value).splitlines() == [str(finding) for finding in findings]


def test_validate_document_reports_every_problem_of_a_record(tmp_path, where):
    text = "id: Asiel\nnaam: ''\nkleur: rood\n"
    file = tmp_path / "onderwerp.yaml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        validate_document(load_yaml(file, "onderwerp.yaml"), Onderwerp)
    assert [(finding.line, finding.column) for finding in caught.value.findings] == [
        where(text, "id:"), where(text, "naam:"), where(text, "kleur:")]


def test_a_file_that_is_a_list_instead_of_fields_has_a_clean_message(data_factory):
    finding = only_finding(data_factory({"bronnen.yaml": "- id: rapport-a\n"}))
    assert (finding.path, finding.line, finding.column) == ("data/bronnen.yaml", 1, 1)
    assert not finding.message.startswith(":")
