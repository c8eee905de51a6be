"""Two published versions, served from the pages branch by a real nginx under the sub-path, read in Chromium."""

from __future__ import annotations

import pytest

from tests.nginx_server import serve_with_nginx
from tests.publishing import PublishingProject

pytestmark = pytest.mark.publishing
SUBPATH = "/beleidsposities/"
CHANGED = "6501580-verkenning"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """Versions 2026-05 and 2026-06 (with one kernpunt changed) published to a bare repository and served."""
    workdir = tmp_path_factory.mktemp("versions")
    project = PublishingProject(workdir)
    assert project.publish("2026-05").returncode == 0
    project.commit_edit("data/notas/6501580.yaml", "De Kamerbrief behelst een juridische",
                        "De Kamerbrief behelst een nieuwe juridische")
    second = project.publish("2026-06")
    assert second.returncode == 0, second.stdout + second.stderr
    with serve_with_nginx(project.checkout_pages(workdir / "pages"), SUBPATH, alias="actueel") as url:
        yield url


def test_the_root_leads_to_the_alias(page, published):
    page.goto(published)
    page.wait_for_url("**/actueel/")
    assert page.locator("h1").first.text_content().strip()


def test_the_selector_lists_both_versions_and_switching_keeps_the_page(page, published):
    page.goto(published + "2026-05/notas/6501580/")
    page.hover(".md-version")
    versions = page.locator(".md-version__list .md-version__link").all_inner_texts()
    assert [version.strip() for version in versions] == ["2026-06", "2026-05"]
    page.click(".md-version__link:has-text('2026-06')")
    page.wait_for_url("**/2026-06/notas/6501580/")


def test_the_older_version_says_a_newer_one_exists(page, published):
    page.goto(published + "2026-05/")
    banner = page.locator("[data-md-component=outdated]")
    banner.wait_for(state="visible")
    assert "eerdere versie" in banner.inner_text()
    page.goto(published + "2026-06/")
    assert not page.locator("[data-md-component=outdated]").is_visible()


def test_the_change_notes_list_the_changed_kernpunt(page, published):
    page.goto(published + "2026-06/wijzigingen/")
    change = page.locator(f"[id='wijziging-{CHANGED}']")
    assert "nieuwe juridische" in change.inner_text()
    assert "De Kamerbrief behelst een juridische" in change.locator(".bp-oud").inner_text()
    change.locator("a").first.click()
    page.wait_for_url(f"**/2026-06/notas/6501580/#{CHANGED}")
