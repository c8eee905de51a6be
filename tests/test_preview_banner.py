"""The preview's banner: each warning on the page it concerns, its texts escaped, and never in a build."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from macros.adapter.preview_warnings import HOME, PreviewWarnings
from macros.content.index import Index
from macros.content.loading import load_content
from macros.model.errors import Finding
from macros.rendering.preview_banner import BANNER_CLASS, banner
from tests.serving import fetch, free_port
from tests.site_build import ROOT, SERVE_PARTS, copy_project

WARNING = "bron-ongebruikt"  # any warning's code


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(load_content(ROOT / "data", ROOT))


def pages(index: Index, *findings: Finding) -> dict[str, list[str]]:
    warnings = PreviewWarnings()
    warnings.update(index, "docs", list(findings))
    return {source: [finding.message for finding in found] for source, found in warnings.by_page.items()}


def test_each_warning_goes_to_the_page_of_its_record_or_file(index):
    found = pages(index, index.finding("bron", "evrm", "id", "bron", "", WARNING),
                  index.finding("kernpunt", "6501580-verkenning", "id", "kernpunt", "", WARNING),
                  index.finding("gebeurtenis", "verzoek-tweede-kamer", "datum", "gebeurtenis", "", WARNING),
                  Finding("docs/tijdlijn.md", 3, 1, "pagina", "", WARNING),
                  Finding("data/diwoo.yaml", 1, 1, "zonder pagina", "", WARNING))
    assert found == {"bronnen/evrm.md": ["bron"], "notas/6501580.md": ["kernpunt"],
                     "tijdlijn.md": ["gebeurtenis", "pagina"], HOME: ["zonder pagina"]}


def test_a_finding_without_a_named_record_goes_to_the_record_it_stands_in(index):
    """A check that names only a place in a data file (macros/checks/restated.py): the record whose entry holds it."""
    located = index.finding("bron", "evrm", "beschrijving", "", "", WARNING)
    assert pages(index, Finding(located.path, located.line, located.column, "tekst", "", WARNING)) == {
        "bronnen/evrm.md": ["tekst"]}


def test_errors_and_acknowledged_warnings_have_no_banner(index):
    warning = index.finding("bron", "evrm", "id", "bron", "", WARNING)
    assert pages(index, Finding("docs/index.md", 1, 1, "fout", "", "onbekende-id"),
                 Finding(warning.path, warning.line, warning.column, "erkend", "", WARNING, erkend="zo bedoeld")) == {}


def test_the_banner_lists_file_line_and_message_as_text():
    html = banner([Finding("data/bronnen.yaml", 12, 5, "'<script>alert(1)</script>' & meer", "<b>hint</b>", WARNING)])
    assert BANNER_CLASS in html and "data/bronnen.yaml:12" in html
    assert "<script>" not in html and "<b>" not in html
    assert "&#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27; &amp; meer" in html
    assert banner([]) == ""


def unacknowledged_copy(tmp_path: Path) -> Path:
    """A copy of the project whose seed note acknowledges another code than its date warning's: it warns twice."""
    project = copy_project(tmp_path / "project", SERVE_PARTS)
    data = project / "data" / "notas" / "6501580.yaml"
    text = data.read_text(encoding="utf-8")
    assert text.count("  - code: datum-voor-aanleiding\n") == 1
    data.write_text(text.replace("  - code: datum-voor-aanleiding\n", "  - code: nota-zonder-kernpunten\n"),
                    encoding="utf-8")
    return project


def test_the_first_preview_build_shows_the_banner_and_its_output_is_quiet(tmp_path):
    """A preview that starts with a warning shows it on its page from its first (whole) build; its output has the
    warnings, not mkdocs-macros' INFO lines nor MkDocs' warning about dirty builds."""
    project, port, log = unacknowledged_copy(tmp_path), free_port(), tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "mkdocs"), "serve", "--dirty", "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=project, stdout=output, stderr=subprocess.STDOUT,
                                  start_new_session=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        try:
            deadline, page = time.monotonic() + 60, None
            while time.monotonic() < deadline and not (page and "bp-kernpunt" in page):
                time.sleep(0.3)
                page = fetch(f"http://127.0.0.1:{port}/notas/6501580/")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    text = log.read_text(encoding="utf-8")
    assert page and BANNER_CLASS in page, text
    assert "[datum-voor-aanleiding]" in text and "[erkenning-verouderd]" in text
    assert "[macros]" not in text and "'dirty' build" not in text, text


def test_the_banner_never_appears_in_make_build_or_make_build_public(tmp_path):
    """With warnings the preview would show (the seed note's date, no longer acknowledged, and the stale
    acknowledgement), neither build carries a banner in any file, while both report the warnings."""
    project = unacknowledged_copy(tmp_path)
    for target, folder in (("build", "SITE_DIR"), ("build-public", "PUBLIC_SITE_DIR")):
        site = tmp_path / target
        completed = subprocess.run(["make", target, f"{folder}={site}", f"VENV={ROOT / '.venv'}"], cwd=project,
                                   capture_output=True, text=True, timeout=600,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        output = completed.stdout + completed.stderr
        assert completed.returncode == 0, output
        assert "[datum-voor-aanleiding]" in output and "[erkenning-verouderd]" in output
        built = [path for path in site.rglob("*") if path.is_file()]
        assert any(path.name == "index.html" for path in built)
        assert [path for path in built if BANNER_CLASS.encode() in path.read_bytes()] == []
