"""An inline script written into a page never runs on the intranet: `make nginx-conf` refuses to hash it, and the
policy rendered from the real site (deploy/nginx.conf) blocks it in Chromium while the page and Material work.

A page's Markdown may hold HTML (that is the editor's right), so the build publishes the script; the
Content-Security-Policy is what stops it. Served by Debian's nginx with the generated configuration, as in
tests/test_hosting.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.nginx_server import NGINX, RENDERER, serve_with_nginx
from tests.site_build import BUILD_ENV, MKDOCS, ROOT, copy_project
from tests.test_hosting import (
    ALIAS,
    HOST,
    PUBLISHED_URL,
    SUBPATH,
    csp_directives,
    get,
    material_fingerprinted_assets,
    nota,
    open_page,
    search,
)

__all__ = ["nota", "open_page"]  # fixtures of tests/test_hosting.py, used here
pytestmark = pytest.mark.skipif(not NGINX.exists(), reason="Debian's nginx is missing: make /usr/sbin/nginx")

BUNDLE = next(path for path in material_fingerprinted_assets() if "/bundle." in path)
INJECTED = '<script>window.__injected = 1; document.title = "Gekaapt";</script>'


def built(project: Path, site: Path) -> Path:
    """`project` built strictly for the alias's URL on the intranet, as publishing builds it."""
    result = subprocess.run([str(MKDOCS), "build", "--strict", "--config-file", str(project / "mkdocs.yml"),
                             "--site-dir", str(site)], cwd=project, capture_output=True, text=True, timeout=600,
                            env={**os.environ, **BUILD_ENV, "SITE_URL": PUBLISHED_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The real site, and a copy whose home page holds an inline script written by an editor."""
    folder = tmp_path_factory.mktemp("csp")
    real = built(copy_project(folder / "real"), folder / "real-site" / ALIAS)
    project = copy_project(folder / "injected")
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8").replace("\n## Nieuwste nota's\n", f"\n{INJECTED}\n\n"
                                                            "## Nieuwste nota's\n", 1), encoding="utf-8")
    injected = built(project, folder / "injected-site" / ALIAS)
    assert INJECTED in (injected / "index.html").read_text(encoding="utf-8")  # the build publishes it
    return {"real": real, "injected": injected}


def render(site: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(RENDERER), "--subpath", SUBPATH, "--alias", ALIAS, "--root", "/srv/b",
                           "--server-name", HOST, "--listen", "80", "--site", str(site), "--out", str(out)],
                          capture_output=True, text=True)


def test_make_nginx_conf_refuses_to_hash_a_script_the_theme_does_not_write(sites, tmp_path):
    refused = render(sites["injected"], tmp_path / "nginx.conf")
    assert refused.returncode != 0 and not (tmp_path / "nginx.conf").exists()
    assert "Traceback" not in refused.stderr
    home = sites["injected"] / "index.html"
    line = next(number for number, text in enumerate(home.read_text(encoding="utf-8").splitlines(), 1)
                if INJECTED in text)
    assert (f"{home}:{line}: een inline <script> die het thema niet schrijft ('window.__injected = 1; "
            "document.title = \"Gekaapt\";'): de CSP staat hem niet toe; haal hem uit de pagina") in refused.stderr
    # The real site renders, and its policy is the committed one (tests/test_hosting.py compares them in full).
    assert render(sites["real"], tmp_path / "real.conf").returncode == 0
    committed = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert csp_line(committed) == csp_line((tmp_path / "real.conf").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("src", "allowed"), [
    (f"../{BUNDLE}", True), ("assets/beleid.js", True),
    ("/beleidsposities/actueel/assets/beleid.js", True), ("../boos.js", False), ("assets/beleid.js.boos.js", False),
    ("https://evil.example/assets/beleid.js", False), ("//evil.example/assets/beleid.js", False)])
def test_a_script_file_the_theme_does_not_load_is_refused_too(tmp_path, src, allowed):
    """'self' would allow any script file of the site, so one an editor adds (docs/boos.js) is refused by name."""
    (tmp_path / "index.html").write_text(f'<html><head>\n<script src="{src}"></script></head></html>\n',
                                         encoding="utf-8")
    rendered = render(tmp_path, tmp_path / "nginx.conf")
    assert rendered.returncode == (0 if allowed else 1), rendered.stderr
    if not allowed:
        assert (f'{tmp_path / "index.html"}:2: een <script src="{src}"> die het thema niet laadt: de CSP (\'self\') '
                "zou hem toestaan; haal hem uit de pagina") in rendered.stderr


def csp_line(config: str) -> str:
    [line] = [line for line in config.splitlines() if "Content-Security-Policy" in line and "add_header" in line]
    return line


@pytest.fixture(scope="module")
def base(sites) -> str:
    """nginx serving the injected site, with the policy rendered from the real site (as deploy/nginx.conf is)."""
    with serve_with_nginx(sites["injected"].parent, SUBPATH, alias=ALIAS, server_name=HOST,
                          hashes_from=sites["real"].parent) as url:
        yield url


def test_chromium_does_not_run_the_injected_script_and_material_still_works(base, open_page, nota):
    assert csp_directives(get(base, f"{ALIAS}/").header("Content-Security-Policy"))["script-src"][:2] == [
        "'self'", "'wasm-unsafe-eval'"]
    page, recorder = open_page()
    response = page.goto(f"http://{HOST}{SUBPATH}{ALIAS}/")
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__injected") is None
    assert page.title() == "Beleidsposities DG Migratie"
    blocked = [violation for violation in recorder.violations if violation["directive"] == "script-src-elem"]
    assert len(blocked) == 1 and blocked[0]["blocked"] == "inline", recorder.violations
    # Material's own inline scripts ran (their hashes are allowed), and its bundle: search and the header work.
    assert page.evaluate("typeof __md_scope") == "object"
    assert any(f"/notas/{nota}/" in href for href in search(page, nota))
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert recorder.off_host() == []
    # The control: without the policy, the same page runs the script.
    unguarded, _ = open_page(bypass_csp=True)
    unguarded.goto(f"http://{HOST}{SUBPATH}{ALIAS}/")
    assert (unguarded.evaluate("window.__injected"), unguarded.title()) == (1, "Gekaapt")
