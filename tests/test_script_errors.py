"""No script error and no error in the console on any page kind, in Chromium, with the built site laid out as mike
publishes it (a folder per version, the alias, versions.json beside them), under the intranet's sub-path and at
the root of the host; and the notice on an older version, which Material's inline script shows."""

from __future__ import annotations

import pytest
from mike.versions import Versions
from mkdocs.utils.yaml import yaml_load

from tests.serving import SUB_PATH, StaticServer
from tests.site_build import ROOT
from tests.test_browser import PAGE_KINDS

ALIAS = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["version"]["default"]
CURRENT, OLDER = "2026-12", "2026-11"  # two published versions; the alias is the current one's
NOTICE = "[data-md-component=outdated]"


@pytest.fixture(scope="module", params=["subpad", "root"])
def versions_url(request, built_site, tmp_path_factory) -> str:
    """The URL of the folder that holds the versions and versions.json: the sub-path, or the host's root."""
    branch = tmp_path_factory.mktemp("pages-branch")
    for folder in (CURRENT, ALIAS, OLDER):
        (branch / folder).symlink_to(built_site, target_is_directory=True)
    versions = Versions()
    versions.add(OLDER, OLDER)
    versions.add(CURRENT, CURRENT, [ALIAS])
    (branch / "versions.json").write_text(versions.dumps() + "\n", encoding="utf-8")
    sub_path = SUB_PATH if request.param == "subpad" else ""
    with StaticServer(branch, tmp_path_factory.mktemp("http"), sub_path=sub_path) as server:
        yield server.url


class Errors:
    """The page's uncaught script errors and the errors in its console (with the URL they are about)."""

    def __init__(self, page):
        self.script: list[str] = []
        self.console: list[str] = []
        page.on("pageerror", lambda error: self.script.append(str(error)))
        page.on("console", lambda message: self.console.append(f"{message.text} {message.location['url']}")
                if message.type == "error" else None)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_page_kind_has_a_script_or_console_error(page, versions_url, kind):
    errors = Errors(page)
    page.goto(f"{versions_url}{ALIAS}/{PAGE_KINDS[kind]}")
    page.wait_for_load_state("networkidle")  # Material's bundle has read versions.json
    page.wait_for_selector(".md-version__current")
    assert (errors.script, errors.console) == ([], [])
    assert page.locator(NOTICE).is_hidden()  # the alias is the current version


def test_an_older_version_shows_its_notice_at_once_without_a_script_error(page, versions_url):
    """On the second page of an older version, Material's inline script alone shows the notice (from what its
    bundle kept in sessionStorage on the first): script files are blocked there, so only inline scripts run."""
    errors = Errors(page)
    page.goto(f"{versions_url}{OLDER}/")
    page.wait_for_selector(f"{NOTICE}:not([hidden])")
    page.route("**/*.js", lambda route: route.abort())
    page.goto(f"{versions_url}{OLDER}/{PAGE_KINDS['nota']}")
    assert page.locator(NOTICE).is_visible()
    assert page.locator(".md-version__current").count() == 0  # the bundle did not run
    assert errors.script == []
