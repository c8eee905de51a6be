"""Editors' mistakes fail the build with one clear message naming file, line and column; no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.site_build import build, copy_project


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the real project to break."""
    return copy_project(tmp_path)


def replace_once(file: Path, old: str, new: str) -> int:
    """Replace `old` by `new` in `file`; return the 1-based line where the change is."""
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def assert_fails_with(project: Path, tmp_path: Path, expected: str) -> str:
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    assert expected in result.output, result.output
    assert "Traceback" not in result.output
    return result.output


def test_unknown_bron_in_a_page_macro_names_page_line_and_column(project, tmp_path):
    page = project / "docs" / "fout.md"
    page.write_text("---\ntitle: Fout\n---\n# Fout\n\nZie {{ bron(\"evrn\") }} hier.\n", encoding="utf-8")
    output = assert_fails_with(project, tmp_path, "docs/fout.md:6:14: error: onbekende bron 'evrn'")
    assert "bedoelt u 'evrm'?" in output


def test_unknown_kernpunt_in_a_page_macro_fails(project, tmp_path):
    line = replace_once(project / "docs" / "verkenning-verdragen.md", '{{ kernpunt("6501580-verkenning") }}',
                        '{{ kernpunt("6501580-verkening") }}')
    assert_fails_with(project, tmp_path, f"docs/verkenning-verdragen.md:{line}:")


def test_unknown_bron_in_data_names_file_line_and_column(project, tmp_path):
    file = project / "data" / "notas" / "6501580.yaml"
    line = replace_once(file, "bronnen: [chisinau-verklaring-2026, evrm, dublin-iii]",
                        "bronnen: [chisinau-verklaring-2026, evrn, dublin-iii]")
    column = file.read_text(encoding="utf-8").splitlines()[line - 1].index("evrn") + 1
    assert_fails_with(project, tmp_path, f"data/notas/6501580.yaml:{line}:{column}: error: onbekende bron 'evrn'")


def test_tab_in_yaml_names_the_line(project, tmp_path):
    line = replace_once(project / "data" / "onderwerpen.yaml", "    naam: Dublin\n", "\tnaam: Dublin\n")
    output = assert_fails_with(project, tmp_path, f"data/onderwerpen.yaml:{line}:")
    assert "tabs" in output


def test_a_note_without_its_page_fails(project, tmp_path):
    (project / "docs" / "notas" / "6501580.md").unlink()
    assert_fails_with(project, tmp_path, "docs/notas/6501580.md:1:1: error: deze pagina ontbreekt")


def test_text_from_data_is_escaped_in_the_html(project, tmp_path):
    replace_once(project / "data" / "bronnen.yaml", "    korte_naam: EVRM\n",
                 "    korte_naam: <script>alert(1)</script>\n")
    # A kernpunt's tekst may not hold HTML (tests/adversarial/test_injection.py); a literal < is written &lt;.
    replace_once(project / "data" / "notas" / "6501580.yaml", "Het kabinet zet er daarom op in",
                 "&lt;img src=x onerror=alert(2)> Het kabinet zet er daarom op in")
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.output
    note = BeautifulSoup((result.site / "notas" / "6501580" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert not note.select("article script") and not note.select("article img")
    kernpunt = note.find(id="6501580-inzet-kabinet").parent
    assert "<img src=x onerror=alert(2)>" in kernpunt.get_text()
    assert "<script>alert(1)</script>" in kernpunt.find("p", class_="bp-bronnen").get_text()
    bron_page = (result.site / "bronnen" / "evrm" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in bron_page
