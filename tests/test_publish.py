"""`make publish` against a real bare git repository: the gate, versions left untouched, races, reproducibility."""

from __future__ import annotations

import filecmp
import json
import os
import re
import subprocess
import threading

import pytest

from tests.publishing import PublishingProject
from tests.site_build import ROOT

pytestmark = pytest.mark.publishing
REBUILT = re.compile(r"(\d+) van de (\d+) pagina's worden opnieuw gemaakt")


def version_files(listing: str, version: str) -> dict[str, str]:
    """{path: blob id} of one version folder in a `git ls-tree -r` listing."""
    files = {}
    for line in listing.splitlines():
        meta, path = line.split("\t")
        if path.startswith(f"{version}/"):
            files[path] = meta.split()[2]
    return files


@pytest.fixture
def project(tmp_path) -> PublishingProject:
    return PublishingProject(tmp_path)


def test_a_failing_gate_publishes_nothing(project):
    project.commit_edit("data/notas/6501580.yaml", "bronnen: [chisinau-verklaring-2026, evrm, dublin-iii]",
                        "bronnen: [chisinau-verklaring-2026, evrn, dublin-iii]")
    result = project.publish("2026-05")
    assert result.returncode != 0
    assert "onbekende bron 'evrn'" in result.stdout + result.stderr
    assert not project.has_pages_branch()


def test_a_second_version_leaves_the_first_as_it_was_and_notes_the_changes(project):
    first = project.publish("2026-05")
    assert first.returncode == 0, first.stdout + first.stderr
    before = version_files(project.pages(), "2026-05")
    assert "2026-05/notas/6501580/index.html" in before
    project.commit_edit("data/notas/6501580.yaml", "De Kamerbrief behelst een juridische",
                        "De Kamerbrief behelst een nieuwe juridische")
    second = project.publish("2026-06")
    assert second.returncode == 0, second.stdout + second.stderr
    listing = project.pages()
    assert version_files(listing, "2026-05") == before
    versions = json.loads(project.pages("versions.json"))
    assert [entry["version"] for entry in versions] == ["2026-06", "2026-05"]
    assert versions[0]["aliases"] == ["actueel"] and versions[1]["aliases"] == []
    current = {path.removeprefix("2026-06/"): blob for path, blob in version_files(listing, "2026-06").items()}
    alias = {path.removeprefix("actueel/"): blob for path, blob in version_files(listing, "actueel").items()}
    assert alias == current  # the alias is a copy, for hosts that do not follow symbolic links
    assert "120000" not in listing.split("\t")[0]
    notes = project.pages("2026-06/wijzigingen/index.html")
    assert "2026-05" in notes and "nieuwe juridische" in notes and "6501580-verkenning" in notes
    assert "actueel" in project.pages("index.html")



def test_the_gate_serves_the_site_at_its_root_and_only_the_published_build_has_the_intranet_url(project):
    """The intranet URL (with its sub-path) reaches the publishing build only: with it, the gate's preview tests
    served the site under the sub-path and found no page, so `make publish` stopped before publishing."""
    intranet = "http://intranet.test/beleid/"
    result = project.publish("2026-05", "actueel", None, "tests/test_preview.py -k removed", f"INTRANET_URL={intranet}")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert re.search(r"\b1 passed\b", result.stdout), result.stdout[-3000:]  # the gate ran its preview test
    page = project.pages("2026-05/notas/6501580/index.html")
    assert f'<link rel="canonical" href="{intranet}2026-05/notas/6501580/"' in page  # mike adds the version


def test_a_publish_with_the_build_cache_renders_again_only_what_changed(project, tmp_path):
    cache = tmp_path / "cache"
    first = project.publish("2026-05", build_cache=cache)
    assert first.returncode == 0, first.stdout + first.stderr
    assert (cache / "intern" / "pagina-invoer.json").is_file()
    project.commit_edit("data/notas/6501580.yaml", "De Kamerbrief behelst een juridische",
                        "De Kamerbrief behelst een nieuwe juridische")
    second = project.publish("2026-05", build_cache=cache)
    assert second.returncode == 0, second.stdout + second.stderr
    gate, published = REBUILT.findall(second.stdout + second.stderr)[:2]  # the gate's build, then mike's
    assert 0 < int(gate[0]) < int(gate[1]) and published[0] == published[1]
    assert "nieuwe juridische" in project.pages("2026-05/notas/6501580/index.html")

def test_two_publishes_racing_each_other_lose_no_version(project, tmp_path):
    assert project.publish("2026-05").returncode == 0
    other = tmp_path / "other"
    subprocess.run(["git", "clone", "--quiet", str(project.path), str(other)], check=True)
    rival = PublishingProject.__new__(PublishingProject)
    rival.path, rival.remote = other, project.remote
    rival.git("remote", "set-url", "origin", str(project.remote))
    results = {}
    threads = [threading.Thread(target=lambda p=p, v=v: results.__setitem__(v, p.publish(v, alias="")))
               for p, v in ((project, "2026-06"), (rival, "2026-07"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result.returncode == 0 for result in results.values()), {v: r.stderr for v, r in results.items()}
    versions = {entry["version"] for entry in json.loads(project.pages("versions.json"))}
    assert versions == {"2026-05", "2026-06", "2026-07"}


def test_two_builds_of_one_commit_are_identical(tmp_path):
    sites = [tmp_path / "one", tmp_path / "two"]
    for site in sites:
        result = subprocess.run(["make", "-s", "build", f"SITE_DIR={site}"], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(sites[0], sites[1])
    differing = []

    def collect(node, prefix=""):
        differing.extend(prefix + name for name in node.diff_files + node.left_only + node.right_only)
        for name, child in node.subdirs.items():
            collect(child, f"{prefix}{name}/")

    collect(comparison)
    assert differing == []
    assert len(list(sites[0].rglob("*.html"))) > 10


def test_dates_in_the_build_come_from_git_not_from_the_clock(project, tmp_path):
    """The sitemap's dates are the commit's date, here set far in the past."""
    project.git("commit", "--quiet", "--amend", "--no-edit", "--date=2020-02-03T10:00:00",
                committer_date="2020-02-03T10:00:00")
    site = tmp_path / "dated"
    outer = {name: value for name, value in os.environ.items() if name != "SOURCE_DATE_EPOCH"}  # as set by make test
    result = subprocess.run(["make", "-s", "build", f"SITE_DIR={site}", f"VENV={ROOT / '.venv'}"], cwd=project.path,
                            capture_output=True, text=True, env=outer)
    assert result.returncode == 0, result.stderr
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2020-02-03</lastmod>" in sitemap
