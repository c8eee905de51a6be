"""`make serve` on a copy of the project: every kind of change shows up, and errors show in the page."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.rendering.preview_banner import BANNER_CLASS
from tests.serving import fetch, free_port
from tests.site_build import ROOT, SERVE_PARTS, copy_project

NOTE_URL = "notas/6501580/"


def wait_for(url: str, text: str, present: bool = True, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page and (text in page) == present:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} {'never showed' if present else 'kept showing'} {text!r}")


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def preview(tmp_path):
    """`make serve` in a copy of the project, on a free port; yields (project folder, note URL)."""
    copy_project(tmp_path, SERVE_PARTS)
    port = free_port()
    server = subprocess.Popen(["make", "serve", f"PORT={port}", f"VENV={ROOT / '.venv'}"], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/{NOTE_URL}"
    try:
        wait_for(url, "bp-kernpunt", seconds=60)
        yield tmp_path, url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_page_data_template_and_code_changes_show_in_the_preview(preview):
    project, url = preview
    edit(project / "docs" / "notas" / "6501580.md", "N.v.t.", "Tekst gewijzigd in de pagina.")
    wait_for(url, "Tekst gewijzigd in de pagina.")
    edit(project / "data" / "notas" / "6501580.yaml", "De Kamerbrief behelst", "De gewijzigde Kamerbrief behelst")
    wait_for(url, "De gewijzigde Kamerbrief behelst")
    # The preview rebuilds only edited pages, except after a change to the data: then every page that shows it.
    wait_for(url.replace(NOTE_URL, "kernpunten/verdragen/"), "De gewijzigde Kamerbrief behelst")
    wait_for(url.replace(NOTE_URL, "bronnen/verzoek-tk-brede-verkenning/"), "De gewijzigde Kamerbrief behelst")
    edit(project / "overrides" / "partials" / "beleid" / "kernpunten.html", ">Kernpunt {{", ">Punt {{")
    wait_for(url, ">Punt 2.1<")
    edit(project / "macros" / "model" / "dates.py", '"april", "mei", "juni"', '"april", "MEI", "juni"')
    wait_for(url, "11 MEI 2025", seconds=60)


def test_a_content_error_shows_in_the_page_until_it_is_fixed(preview):
    project, url = preview
    data = project / "data" / "notas" / "6501580.yaml"
    edit(data, "bronnen: [chisinau-verklaring-2026, evrm, dublin-iii]", "bronnen: [chisinau-verklaring-2026, evrn]")
    page = BeautifulSoup(wait_for(url, "De site kan niet worden gebouwd"), "html.parser").get_text()
    assert "data/notas/6501580.yaml:" in page and "onbekende bron 'evrn'" in page
    edit(data, "bronnen: [chisinau-verklaring-2026, evrn]", "bronnen: [chisinau-verklaring-2026, evrm]")
    wait_for(url, "De site kan niet worden gebouwd", present=False)
    wait_for(url, "bp-kernpunt")


def test_after_an_error_in_one_page_is_fixed_every_page_is_itself_again(preview):
    project, url = preview
    home = url.replace(NOTE_URL, "")
    page = project / "docs" / "notas" / "6501580.md"
    edit(page, '{{ kernpunten("6501580") }}', '{{ kernpunten("6501580" }}')
    assert "docs/notas/6501580.md:" in wait_for(home, "De site kan niet worden gebouwd")
    edit(page, '{{ kernpunten("6501580" }}', '{{ kernpunten("6501580") }}')
    wait_for(home, "De site kan niet worden gebouwd", present=False)
    wait_for(url, "bp-kernpunt")


def test_a_warning_shows_in_a_banner_on_its_page_and_goes_when_it_is_acknowledged(preview):
    """The seed note's date warning is acknowledged: acknowledging another code instead shows the warning (and the
    stale acknowledgement) on the note's page, through the preview's quick path, and on no other page."""
    project, url = preview
    data = project / "data" / "notas" / "6501580.yaml"
    assert BANNER_CLASS not in fetch(url)
    edit(data, "  - code: datum-voor-aanleiding\n", "  - code: nota-zonder-kernpunten\n")
    page = BeautifulSoup(wait_for(url, BANNER_CLASS), "html.parser")
    banner = page.select_one(f"article .{BANNER_CLASS}").get_text(" ")
    assert "data/notas/6501580.yaml:7" in banner and "gedateerd vóór haar aanleiding" in banner
    assert "[erkenning-verouderd]" in banner and "[nota-zonder-kernpunten]" in banner
    assert BANNER_CLASS not in fetch(url.replace(NOTE_URL, "")) and BANNER_CLASS not in fetch(
        url.replace(NOTE_URL, "bronnen/evrm/"))
    edit(data, "  - code: nota-zonder-kernpunten\n", "  - code: datum-voor-aanleiding\n")
    wait_for(url, BANNER_CLASS, present=False)


def test_a_page_removed_in_the_preview_is_gone_from_it(preview):
    project, url = preview
    page, page_url = project / "docs" / "notitie.md", url.replace(NOTE_URL, "notitie/")
    page.write_text("# Notitie\n\nEen tijdelijke pagina.\n", encoding="utf-8")
    wait_for(page_url, "Een tijdelijke pagina.")
    page.unlink()
    assert status_after_change(page_url, 200) == 404


def status_after_change(url: str, status: int, seconds: float = 30) -> int:
    """The HTTP status of `url` once it is no longer `status`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                current = response.status
        except urllib.error.HTTPError as error:
            current = error.code
        if current != status:
            return current
        time.sleep(0.3)
    return status
