"""`make publish` and `make publish-public` against a real bare git repository: the gate (the public one with the leak
tests), versions left untouched, races, reproducibility."""

from __future__ import annotations

import filecmp
import json
import os
import re
import subprocess
import threading
from pathlib import Path

import pytest

from tests.leaks import find_leaks
from tests.publishing import PublishingProject
from tests.site_build import ROOT
from tests.woo_fixture import CANARIES, HIDDEN_CANARIES, REFERENTIE, WITHHELD_FILES, add_woo_fixture

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


# --- The public (Woo) site: `make publish-public` ---

PUBLIC_URL = "http://openbaar.test/beleid/actueel/"
LEAK_TEST = "test_woo.py::test_nothing_marked_not_public_reaches_any_file_of_the_public_build"
GATE_SKIPPED = "GATE_TESTS=0: lint en testsuite overgeslagen"


def woo_content(project: PublishingProject) -> None:
    """The Woo tests' fixture note and page (the real content withholds nothing), committed."""
    add_woo_fixture(project.path)
    project.git("add", "-A")
    project.git("commit", "--quiet", "-m", "Woo-fixture")


def secrets() -> set[str]:
    return (set(CANARIES.values()) | set(HIDDEN_CANARIES.values()) | {Path(name).name for name in WITHHELD_FILES}
            | {f"{REFERENTIE}-intern"})


def test_publish_public_publishes_the_public_site_on_its_own_branch_with_the_leak_tests_in_its_gate(project,
                                                                                                        tmp_path):
    woo_content(project)
    internal = project.publish("2026-05")
    assert internal.returncode == 0, internal.stdout[-3000:] + internal.stderr[-3000:]
    internal_head = project.branch_head("gh-pages")
    result = project.publish_public("2026-05", "actueel", "tests/test_urls.py", f"PUBLIC_URL={PUBLIC_URL}")
    output = result.stdout + result.stderr
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    # The gate ran the leak tests (the Makefile's own selection, LEAK_PYTEST_ARGS), and they passed.
    assert re.search(rf"{re.escape(LEAK_TEST)} PASSED", output), result.stdout[-3000:]
    assert re.search(r"test_adversarial\[withheld-bron\] PASSED", output), result.stdout[-3000:]
    assert project.branch_head("gh-pages") == internal_head  # the internal pages branch is untouched
    assert [entry["version"] for entry in json.loads(project.pages("versions.json", "woo-pages"))] == ["2026-05"]
    public = project.checkout_pages(tmp_path / "openbaar", "woo-pages")
    intern = project.checkout_pages(tmp_path / "intern", "gh-pages")
    # The same search finds the withheld texts in the internal branch, and not one in any file of the public one.
    assert {needle for needle, _ in find_leaks(intern, secrets())} >= set(CANARIES.values())
    assert find_leaks(public, secrets()) == []
    page = (public / "2026-05" / "notas" / REFERENTIE / "index.html").read_text(encoding="utf-8")
    assert "Niet openbaar – weigeringsgrond" in page and "Dit kernpunt is openbaar." in page
    assert f'<link rel="canonical" href="{PUBLIC_URL}2026-05/notas/{REFERENTIE}/"' in page  # only publishing's build
    # The version (BELEID_VERSIE) is printed at the foot of the pages of both sites.
    assert "<span>Versie 2026-05</span>" in page
    assert "<span>Versie 2026-05</span>" in (intern / "2026-05" / "notas" / REFERENTIE / "index.html").read_text()


@pytest.mark.parametrize("target", ["publish", "publish-public"])
def test_gate_tests_0_still_runs_make_check(project, target):
    project.commit_edit("data/notas/6501580.yaml", "bronnen: [chisinau-verklaring-2026, evrm, dublin-iii]",
                        "bronnen: [chisinau-verklaring-2026, evrn, dublin-iii]")
    result = project.make(target, "2026-05", "actueel", None, "tests/test_urls.py", "GATE_TESTS=0")
    assert result.returncode != 0
    assert "onbekende bron 'evrn'" in result.stdout + result.stderr
    assert not project.has_pages_branch("gh-pages") and not project.has_pages_branch("woo-pages")


def test_gate_tests_0_skips_the_suite_but_not_the_leak_tests(project):
    """The gate's suite would fail (a test file that does not exist); GATE_TESTS=0 leaves it out, the leak tests
    still run."""
    woo_content(project)
    result = project.publish_public("2026-05", "actueel", "tests/test_bestaat_niet.py", "GATE_TESTS=0",
                                    "LEAK_PYTEST_ARGS=-m leak tests/test_woo.py -p no:cacheprovider")
    output = result.stdout + result.stderr
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert GATE_SKIPPED in output and "ruff check" not in output
    assert re.search(rf"{re.escape(LEAK_TEST)} PASSED", output), result.stdout[-3000:]
    assert project.has_pages_branch("woo-pages") and not project.has_pages_branch("gh-pages")
    # A second version: the public site has no change notes (the previous exports would be the internal texts).
    project.commit_edit("data/notas/6501580.yaml", "De Kamerbrief behelst een juridische",
                        "De Kamerbrief behelst een nieuwe juridische")
    second = project.publish_public("2026-06", "actueel", "tests/test_bestaat_niet.py", "GATE_TESTS=0",
                                    "LEAK_PYTEST_ARGS=-m leak tests/test_woo.py -p no:cacheprovider")
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert "nieuwe juridische" in project.pages("2026-06/notas/6501580/index.html", "woo-pages")
    notes = project.pages("2026-06/wijzigingen/index.html", "woo-pages")
    assert "Dit is de eerste gepubliceerde versie" in notes and "nieuwe juridische" not in notes
    assert "BELEID_VORIGE_EXPORT" not in second.stdout
    full = project.publish_public("2026-07", "actueel", "tests/test_bestaat_niet.py",
                                  "LEAK_PYTEST_ARGS=-m leak tests/test_woo.py -p no:cacheprovider")
    assert full.returncode != 0 and "test_bestaat_niet.py" in full.stdout + full.stderr  # without it, the suite runs
    assert GATE_SKIPPED not in full.stdout + full.stderr


def test_a_leak_stops_publish_public_even_with_gate_tests_0(project):
    """Redaction broken in the code (withheld kernpunten keep their text): `make check` cannot see it, the leak tests
    do, and nothing is published."""
    project.commit_edit("macros/content/woo.py", '''update={"tekst": "", "bronnen": []''',
                        '''update={"tekst": kernpunt.tekst, "bronnen": []''')
    woo_content(project)
    result = project.publish_public("2026-05", "actueel", "tests/test_urls.py", "GATE_TESTS=0",
                                    "LEAK_PYTEST_ARGS=-m leak tests/test_woo.py -p no:cacheprovider")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(rf"{re.escape(LEAK_TEST)} FAILED", output), result.stdout[-3000:]
    assert not project.has_pages_branch("woo-pages")


def test_publish_public_refuses_the_internal_pages_branch(project):
    result = project.publish_public("2026-05", "actueel", "tests/test_urls.py", "PUBLIC_BRANCH=gh-pages")
    assert result.returncode == 2 and "eigen pages-branch" in result.stderr
    assert not project.has_pages_branch("gh-pages")


def test_publish_refuses_the_public_pages_branch(project):
    """The other way round: the internal site published to the public site's branch would be a leak."""
    result = project.publish("2026-05", "actueel", None, "tests/test_urls.py", "PAGES_BRANCH=woo-pages")
    assert result.returncode == 2 and "eigen pages-branch" in result.stderr
    assert not project.has_pages_branch("woo-pages")
