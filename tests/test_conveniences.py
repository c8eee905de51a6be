"""What a reader expects of a Material site: edit links that lead to the repository's files, and the date a page last
changed, from git (also in a shallow clone, and without git)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from tests.site_build import ROOT, build, copy_project

EDIT_ROOT = "https://git.intranet.example/dg-migratie/beleidsposities/-/edit/main/"  # mkdocs.yml's defaults


def pages(site: Path) -> dict[str, BeautifulSoup]:
    return {path.relative_to(site).as_posix(): BeautifulSoup(path.read_text("utf-8"), "html.parser")
            for path in site.rglob("index.html") if path.relative_to(site).parts[0] not in ("pagefind", "search")}


def edit_links(soup: BeautifulSoup) -> list[str]:
    return [link["href"] for link in soup.select("article a[rel=edit]")]


def git(project: Path, *arguments: str, date: str = "2026-01-05T12:00:00+01:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "Redactie",
           "GIT_COMMITTER_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "r@example.invalid",
           "GIT_COMMITTER_EMAIL": "r@example.invalid"}
    return subprocess.run(["git", "-C", str(project), *arguments], check=True, capture_output=True, text=True,
                          env=env).stdout


def test_every_edit_link_leads_to_a_file_in_the_repository(built_site):
    committed = set(git(ROOT, "ls-files").splitlines())
    built = pages(built_site)
    links = {url: edit_links(soup) for url, soup in built.items()}
    assert [url for url, found in links.items() if not found] == []  # every page has one
    for url, found in links.items():
        for href in found:
            assert href.startswith(EDIT_ROOT), (url, href)
            assert href.removeprefix(EDIT_ROOT) in committed, (url, href)
    assert links["notas/6501580/index.html"] == [EDIT_ROOT + "docs/notas/6501580.md",
                                                 EDIT_ROOT + "data/notas/6501580.yaml"]
    assert links["bronnen/evrm/index.html"] == [EDIT_ROOT + "data/bronnen.yaml"]
    assert links["kernpunten/dublin/index.html"] == [EDIT_ROOT + "data/onderwerpen.yaml"]
    assert links["bronnen/index.html"] == [EDIT_ROOT + "docs/bronnen/index.md"]


def test_the_public_build_links_to_no_forge(public_site):
    html = "".join(path.read_text("utf-8") for path in public_site.rglob("*.html"))
    assert "git.intranet.example" not in html and 'rel="edit"' not in html


def dates(site: Path) -> dict[str, str]:
    return {url: soup.select_one(".bp-gewijzigd time")["datetime"] for url, soup in pages(site).items()
            if soup.select_one(".bp-gewijzigd time")}


def test_a_page_shows_the_date_its_files_last_changed_in_git(tmp_path):
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "eerste")
    bronnen = project / "data" / "bronnen.yaml"
    bronnen.write_text(bronnen.read_text("utf-8") + "\n", "utf-8")
    git(project, "commit", "-q", "-am", "bronnen", date="2026-03-10T09:00:00+01:00")
    first = build(project, tmp_path / "site")
    assert first.returncode == 0, first.output
    found = dates(first.site)
    assert found["bronnen/evrm/index.html"] == "2026-03-10"  # a generated page: its data file's date
    assert found["kernpunten/dublin/index.html"] == "2026-01-05"
    assert found["notas/6501580/index.html"] == "2026-01-05"
    assert len(found) == len(pages(first.site))
    evrm = pages(first.site)["bronnen/evrm/index.html"].select_one(".bp-gewijzigd").get_text(" ", strip=True)
    assert evrm == "Laatst gewijzigd op 10 maart 2026"
    again = build(project, tmp_path / "again")
    for path in first.site.rglob("*.html"):
        assert path.read_bytes() == (again.site / path.relative_to(first.site)).read_bytes(), path

    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project}", str(shallow)], check=True)
    result = build(shallow, tmp_path / "shallow-site")
    assert result.returncode == 0, result.output
    assert set(dates(result.site).values()) == {"2026-03-10"}  # the only commit present


def test_outside_git_a_page_shows_no_date_and_the_build_passes(tmp_path):
    project = copy_project(tmp_path / "project")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert dates(result.site) == {}
    assert "geen git-geschiedenis" in result.output


def test_on_paper_a_page_shows_its_address_version_and_date_and_on_screen_not(page, site_url):
    page.goto(site_url + "notas/6501580/")
    footer = page.locator(".bp-afdruk")
    assert not footer.is_visible()
    assert page.locator(".bp-gewijzigd").is_visible()
    page.emulate_media(media="print")
    assert footer.is_visible()
    printed = footer.inner_text()
    assert "/notas/6501580/" in printed and "Versie" in printed, printed
