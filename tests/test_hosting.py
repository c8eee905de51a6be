"""The intranet hosting: the real site, laid out as the pages branch, served by Debian's nginx with deploy/'s config.

HTTP checks (caching, security headers, 404 pages, redirects, gzip) and Chromium checks (no CSP violation while
search and instant navigation work, no request leaves the host). The branch is laid out as `make publish` leaves
it: a folder for this month's version and a copy for the alias, mike's versions.json and mike's root redirect.

The site is built as publishing must build it: for the alias's URL on the intranet (INTRANET_URL in the Makefile),
because Material's instant navigation follows only links listed in sitemap.xml (it swaps scheme and host name,
not the path or port). Chromium reaches nginx through its proxy setting, so the pages have the intranet host name
on port 80, as for the users.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import os
import re
import shutil
import subprocess
from datetime import date
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jinja2 import Template
from mike.versions import Versions

from macros.content.loading import load_content
from tests.nginx_server import NGINX, serve_with_nginx
from tests.site_build import BUILD_ENV, MKDOCS, ROOT, SITE_URL

pytestmark = pytest.mark.skipif(not NGINX.exists(), reason="Debian's nginx is missing: make /usr/sbin/nginx")

HOST = urlsplit(SITE_URL).hostname  # the tests' intranet host name


def make_variable(name: str, **overrides: str) -> str:
    """The value of a Makefile variable, where it is set once (e.g. SUBPATH), as make computes it."""
    printed = subprocess.run(["make", "-s", "--no-print-directory", "-f", "Makefile", "-f", "-", f"print-{name}",
                              *(f"{key}={value}" for key, value in overrides.items())],
                             input="print-%:\n\t@echo '$($*)'\n", cwd=ROOT, capture_output=True, text=True)
    assert printed.returncode == 0 and printed.stdout.strip(), printed.stderr
    return printed.stdout.strip()


SUBPATH = make_variable("SUBPATH")
ALIAS = make_variable("NGINX_ALIAS")
PUBLISHED_URL = make_variable("INTRANET_URL", NGINX_SERVER_NAME=HOST)
VERSION = date.today().strftime("%Y-%m")  # as the pipelines publish: VERSION=$(date +%Y-%m)
YEAR = 365 * 24 * 3600
VERSION_MARK = f"<!-- versie {VERSION} -->".encode()
MISSING_PAGE = "bestaat-niet/"  # the tour opens it for the 404 page
CSP_MESSAGES = re.compile(r"Content.Security.Policy|Refused to|Permissions.Policy", re.IGNORECASE)


# --- The pages branch, served by nginx ---

@pytest.fixture(scope="module")
def published_site(tmp_path_factory) -> Path:
    """The real site, built strictly (as tests/site_build.py does) for the alias's URL on the intranet."""
    site = tmp_path_factory.mktemp("published") / "site"
    built = subprocess.run([str(MKDOCS), "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"),
                            "--site-dir", str(site)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                           env={**os.environ, **BUILD_ENV, "SITE_URL": PUBLISHED_URL})
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stdout + built.stderr
    return site


@pytest.fixture(scope="module")
def pages(published_site, tmp_path_factory) -> Path:
    """The built site laid out as mike leaves the pages branch (with the checkout's .git folder)."""
    root = tmp_path_factory.mktemp("pages")
    shutil.copytree(published_site, root / VERSION)
    shutil.copytree(published_site, root / ALIAS)  # --alias-type copy
    # Mark the version's own 404 page, to tell which one nginx serves.
    page_404 = root / VERSION / "404.html"
    page_404.write_bytes(page_404.read_bytes().replace(b"<html", VERSION_MARK + b"\n<html", 1))
    versions = Versions()
    versions.add(VERSION, VERSION, [ALIAS])
    (root / "versions.json").write_text(versions.dumps() + "\n", encoding="utf-8")
    redirect = resources.files("mike").joinpath("templates/redirect.html").read_text(encoding="utf-8")
    (root / "index.html").write_text(Template(redirect, autoescape=True).render(href=f"{ALIAS}/"), encoding="utf-8")
    (root / ".nojekyll").write_text("", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[core]\n\tbare = false\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def base(pages) -> str:
    """http://127.0.0.1:<port><SUBPATH> of nginx serving `pages`."""
    with serve_with_nginx(pages, SUBPATH, alias=ALIAS, server_name=HOST) as url:
        yield url


class Response:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name: str) -> str:
        return self.headers.get(name, "")


def get(base: str, path: str, **headers: str) -> Response:
    """GET `path` (absolute, or relative to the sub-path) without following redirects or decoding."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path if path.startswith("/") else parts.path + path,
                           headers={"Host": HOST, **{key.replace("_", "-"): value for key, value in headers.items()}})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


def csp_directives(value: str) -> dict[str, list[str]]:
    directives = [part.split() for part in value.split(";") if part.strip()]
    return {words[0]: words[1:] for words in directives}


def material_fingerprinted_assets() -> set[str]:
    """The asset paths Material's base template names with a content fingerprint (bundle, stylesheets, worker)."""
    base_template = (resources.files("material") / "templates" / "base.html").read_text(encoding="utf-8")
    paths = set(re.findall(r"""['"](assets/[^'"]+\.[0-9a-f]{8}\.min\.(?:css|js))['"]""", base_template))
    assert len(paths) >= 4, paths
    return paths


def inline_scripts(tree: Path) -> set[str]:
    """The texts of the executable inline scripts in every page under `tree` (a second, simpler reading)."""
    texts = set()
    for page in tree.rglob("*.html"):
        for attributes, text in re.findall(r"<script\b([^>]*)>(.*?)</script>", page.read_text("utf-8"), re.DOTALL):
            if "src=" not in attributes and "application/json" not in attributes:
                texts.add(text)
    return texts


def relative_files(folder: Path, pattern: str) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob(pattern) if path.is_file())


# --- HTTP ---

def test_caching_headers_per_kind_of_file(base, published_site):
    fingerprinted = material_fingerprinted_assets()
    for asset in fingerprinted:
        assert (published_site / asset).is_file(), asset
        for path in (f"{VERSION}/{asset}", f"{ALIAS}/{asset}", f"{ALIAS}/{asset}.map"):
            response = get(base, path)
            assert response.status == 200, path
            directives = {part.strip() for part in response.header("Cache-Control").split(",")}
            assert "immutable" in directives and f"max-age={YEAR}" in directives, (path, directives)

    # The parts of the Pagefind index that are named by their content.
    named_by_content = relative_files(published_site, "pagefind/**/*.pf_*")
    assert {path.split("/")[1] for path in named_by_content} >= {"index", "fragment"}
    assert any(path.endswith(".pf_meta") for path in named_by_content)
    for path in (f"{folder}/{path}" for folder in (VERSION, ALIAS) for path in named_by_content):
        directives = {part.strip() for part in get(base, path).header("Cache-Control").split(",")}
        assert "immutable" in directives and f"max-age={YEAR}" in directives, (path, directives)

    unfingerprinted = [path for path in relative_files(published_site, "assets/**/*")
                       if path.removesuffix(".map") not in fingerprinted]
    assert {"assets/beleid.css", "assets/beleid.js", "assets/zoeken.js"} <= set(unfingerprinted)
    pagefind = [path for path in relative_files(published_site, "pagefind/*") if path not in named_by_content]
    assert {"pagefind/pagefind.js", "pagefind/pagefind-entry.json", "pagefind/wasm.nl.pagefind"} <= set(pagefind)
    changing = [*unfingerprinted, *pagefind, "sitemap.xml", "search/search_index.json",
                *relative_files(published_site, "*.html"), *relative_files(published_site, "export/*.json")]
    assert len([path for path in changing if path.startswith("export/")]) >= 3
    paths = [f"{folder}/{path}".replace("/index.html", "/") for folder in (VERSION, ALIAS) for path in changing]
    for path in [*paths, "versions.json"]:
        response = get(base, path)
        assert (response.status, response.header("Cache-Control")) == (200, "no-cache"), path

    # no-cache means revalidate: the validators make that a 304 without a body.
    first = get(base, f"{ALIAS}/assets/beleid.css")
    again = get(base, f"{ALIAS}/assets/beleid.css", If_None_Match=first.header("ETag"))
    assert first.header("ETag") and (again.status, again.body) == (304, b"")


@pytest.mark.parametrize("path", [f"{ALIAS}/", f"{VERSION}/notas/", f"{ALIAS}/pagefind/pagefind-entry.json",
                                  f"{ALIAS}/assets/beleid.js", "versions.json", f"{ALIAS}/bestaat-niet/", "",
                                  "notas/"])
def test_security_headers_on_every_response(base, path):
    response = get(base, path)
    csp = csp_directives(response.header("Content-Security-Policy"))
    assert csp["default-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"] and response.header("X-Frame-Options") == "DENY"
    assert csp["base-uri"] == ["'none'"] and csp["form-action"] == ["'self'"]
    # Only this host, inline scripts by hash, data: images (the icons in Material's CSS) and compiling
    # WebAssembly (Pagefind's search): nothing else.
    unexpected = {(directive, source) for directive, sources in csp.items() for source in sources
                  if source not in {"'self'", "'none'"} and not re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", source)
                  and (directive, source) not in {("img-src", "data:"), ("script-src", "'wasm-unsafe-eval'")}}
    assert unexpected == set(), unexpected
    assert csp["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert all(source.startswith("'sha256-") for source in csp["script-src"][2:])
    assert response.header("X-Content-Type-Options") == "nosniff"
    assert response.header("Referrer-Policy") == "same-origin"
    assert response.header("Cross-Origin-Resource-Policy") == "same-origin"
    features = dict(item.strip().split("=", 1) for item in response.header("Permissions-Policy").split(","))
    assert {"camera", "microphone", "geolocation"} <= features.keys() and set(features.values()) == {"()"}


def test_the_csp_allows_exactly_the_inline_scripts_of_the_branch(base, pages):
    allowed = set(csp_directives(get(base, f"{ALIAS}/").header("Content-Security-Policy"))["script-src"])
    texts = inline_scripts(pages)
    assert any("__md_scope" in text for text in texts)
    hashes = {f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'" for text in texts}
    assert allowed == {"'self'", "'wasm-unsafe-eval'", *hashes}


def test_a_missing_page_gets_the_404_page_of_its_version(base, pages):
    own = (pages / VERSION / "404.html").read_bytes()
    current = (pages / ALIAS / "404.html").read_bytes()
    assert VERSION_MARK in own and own != current
    cases = {f"{VERSION}/bestaat-niet/": own, f"{VERSION}/notas/0000000/": own, f"{ALIAS}/bestaat-niet": current,
             "onbekende-versie/pagina/": current, "bestaat-niet.html": current,
             # The checkout's git metadata and dot files are not served.
             ".git/config": current, ".nojekyll": current, f"{ALIAS}/.hidden": current}
    for path, page in cases.items():
        response = get(base, path)
        assert (response.status, response.body == page) == (404, True), path
        assert response.header("Cache-Control") == "no-cache", path


def test_redirects_without_javascript(base):
    cases = {SUBPATH.rstrip("/"): (301, SUBPATH), SUBPATH.rstrip("/") + "?q=1": (301, f"{SUBPATH}?q=1"),
             "": (302, f"{SUBPATH}{ALIAS}/"), "index.html": (302, f"{SUBPATH}{ALIAS}/"),
             f"{ALIAS}/notas": (301, f"{SUBPATH}{ALIAS}/notas/"), VERSION: (301, f"{SUBPATH}{VERSION}/")}
    for path, expected in cases.items():
        response = get(base, path)
        assert (response.status, response.header("Location")) == expected, path


def test_every_sitemap_url_is_served_and_its_unversioned_form_redirects_there(base, published_site):
    urls = re.findall(r"<loc>([^<]+)</loc>", (published_site / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(urls) > 10
    for url in urls:
        path = urlsplit(url).path
        response = get(base, path)
        assert response.status == 200, path
        assert response.body == (published_site / path.removeprefix(f"{SUBPATH}{ALIAS}/") / "index.html").read_bytes()
        unversioned = path.replace(f"{SUBPATH}{ALIAS}/", SUBPATH, 1)
        if unversioned != SUBPATH:
            assert (get(base, unversioned).status, get(base, unversioned).header("Location")) == (302, path)


@pytest.mark.parametrize(("path", "compressed"), [("", True), ("pagefind/pagefind.js", True),
                                                  ("assets/beleid.css", True), ("sitemap.xml", True),
                                                  ("assets/images/favicon.png", False),
                                                  ("pagefind/wasm.nl.pagefind", False),
                                                  ("pagefind/fragment/*", False)])
def test_gzip_for_text(base, published_site, path, compressed):
    """Text is gzipped; images and Pagefind's index files (which Pagefind compresses itself) are not."""
    path = relative_files(published_site, path)[0] if "*" in path else path
    on_disk = (published_site / (path or "index.html")).read_bytes()
    response = get(base, f"{ALIAS}/{path}", Accept_Encoding="gzip")
    assert response.status == 200
    assert (response.header("Content-Encoding") == "gzip") == compressed, path
    assert (gzip.decompress(response.body) if compressed else response.body) == on_disk
    if compressed:
        assert "Accept-Encoding" in response.header("Vary")
        assert len(response.body) < len(on_disk)
        plain = get(base, f"{ALIAS}/{path}")
        assert (plain.header("Content-Encoding"), plain.body) == ("", on_disk)


def test_the_committed_config_is_what_make_nginx_conf_writes(tmp_path):
    """deploy/nginx.conf is rendered from the current site (else the CSP's hashes are stale), and nginx takes it."""
    rendered = tmp_path / "nginx.conf"
    made = subprocess.run(["make", "-s", "-o", ".venv/bin/mkdocs", "nginx-conf", f"NGINX_CONF={rendered}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stdout + made.stderr
    committed = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert rendered.read_text(encoding="utf-8") == committed, "deploy/nginx.conf is stale: run `make nginx-conf`"
    assert f"location = {SUBPATH} " in committed
    main = tmp_path / "main.conf"
    main.write_text(f"pid {tmp_path}/nginx.pid;\nevents {{}}\nhttp {{\n    include /etc/nginx/mime.types;\n"
                    f"    include {ROOT / 'deploy' / 'nginx.conf'};\n}}\n", encoding="utf-8")
    checked = subprocess.run([str(NGINX), "-t", "-p", str(tmp_path), "-c", str(main), "-e", str(tmp_path / "e.log")],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_the_committed_public_config_is_what_make_nginx_conf_public_writes(tmp_path):
    """deploy/nginx-public.conf is rendered from a fresh public (Woo) build for the public host, and nginx takes it."""
    rendered = tmp_path / "nginx-public.conf"
    made = subprocess.run(["make", "-s", "-o", ".venv/bin/mkdocs", "nginx-conf-public",
                           f"PUBLIC_NGINX_CONF={rendered}"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stdout + made.stderr
    assert make_variable("PUBLIC_URL") in made.stdout  # built for the public site's URL
    committed = (ROOT / "deploy" / "nginx-public.conf").read_text(encoding="utf-8")
    assert rendered.read_text(encoding="utf-8") == committed, \
        "deploy/nginx-public.conf is stale: run `make nginx-conf-public`"
    assert f"server_name {make_variable('PUBLIC_SERVER_NAME')};" in committed
    assert f"root {make_variable('PUBLIC_ROOT')};" in committed
    assert re.search(r"script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;", committed)
    assert committed != (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    main = tmp_path / "main.conf"
    main.write_text(f"pid {tmp_path}/nginx.pid;\nevents {{}}\nhttp {{\n    include /etc/nginx/mime.types;\n"
                    f"    include {ROOT / 'deploy' / 'nginx-public.conf'};\n}}\n", encoding="utf-8")
    checked = subprocess.run([str(NGINX), "-t", "-p", str(tmp_path), "-c", str(main), "-e", str(tmp_path / "e.log")],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


# --- Chromium ---

class Recorder:
    """What a page does that the hosting must allow: requests, CSP violations, console messages, exceptions."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.violations: list[dict] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.console_errors: list[str] = []  # with the URL they are about, which the console text leaves out
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.expose_function("reportCspViolation", lambda violation: self.violations.append(violation))
        page.add_init_script("document.addEventListener('securitypolicyviolation', event => window.reportCspViolation("
                             "{directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample, "
                             "source: event.sourceFile, line: event.lineNumber}))")

    def _console(self, message) -> None:
        self.console.append(f"{message.type}: {message.text}")
        if message.type == "error":
            self.console_errors.append(f"{message.text} {message.location['url']}")

    def csp_console(self) -> list[str]:
        return [line for line in self.console if CSP_MESSAGES.search(line)]

    def off_host(self) -> list[str]:
        return [url for url in self.requests if not url.startswith("data:") and urlsplit(url).hostname != HOST]


@pytest.fixture
def open_page(browser, base):
    """open_page(bypass_csp=False): a page in a context that reaches nginx as http://<intranet host>/ (port 80)."""
    contexts = []

    def open_(bypass_csp: bool = False):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", bypass_csp=bypass_csp,
                                      proxy={"server": f"http://127.0.0.1:{urlsplit(base).port}"})
        contexts.append(context)
        page = context.new_page()
        return page, Recorder(page)

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def nota() -> str:
    return load_content(ROOT / "data", ROOT).notas[0].referentie


def search(page, query: str) -> list[str]:
    page.click("input.md-search__input")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    page.keyboard.press("Escape")
    return hrefs


def click_in_navigation(page) -> tuple[str, bool]:
    """Click the first other page in the navigation; the new URL, and whether the document stayed (instant)."""
    page.evaluate("window.__sameDocument = true")
    target = page.evaluate("""() => {
        const link = [...document.querySelectorAll('nav.md-nav--primary a.md-nav__link[href]')]
            .find(a => !a.href.includes('#') && a.href !== location.href && a.getClientRects().length);
        link.dataset.testTarget = '';
        return link.href;
    }""")
    title = page.title()
    page.click("[data-test-target]")
    page.wait_for_url(target)
    page.wait_for_function("title => document.title !== title", arg=title)
    return page.url, page.evaluate("window.__sameDocument === true")


def tour(page, folder: str, nota: str) -> None:
    """Home of `folder`, search, a click in the navigation, a note two folders deep, search again, the 404 page."""
    home = f"http://{HOST}{SUBPATH}{folder}/"
    response = page.goto(home)
    assert response.status == 200 and "script-src" in response.headers["content-security-policy"]
    assert any(f"{SUBPATH}{folder}/notas/{nota}/" in href for href in search(page, nota))
    url, same_document = click_in_navigation(page)
    assert url.startswith(home) and url != home
    # Material navigates instantly to the pages its sitemap.xml lists: those of the URL the site was built for.
    assert same_document == url.startswith(PUBLISHED_URL), (url, PUBLISHED_URL)
    page.goto(f"{home}notas/{nota}/")
    assert any(f"{SUBPATH}{folder}/notas/{nota}/" in href for href in search(page, nota))
    assert page.goto(home + MISSING_PAGE).status == 404
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert any(f"/notas/{nota}/" in href for href in search(page, nota))
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("folder", [ALIAS, VERSION])
def test_chromium_works_under_the_csp_without_leaving_the_host(open_page, folder, nota):
    page, recorder = open_page()
    tour(page, folder, nota)
    assert recorder.violations == [], recorder.violations
    assert recorder.csp_console() == []
    assert recorder.off_host() == []
    assert len(recorder.requests) > 10
    # No script error, with the CSP as without it (a blocked inline script would add ReferenceErrors).
    assert recorder.errors == []
    assert [line for line in recorder.console_errors if not line.endswith(MISSING_PAGE)] == []  # but its 404
    baseline_page, baseline = open_page(bypass_csp=True)
    tour(baseline_page, folder, nota)
    assert sorted(recorder.errors) == sorted(baseline.errors)


def test_the_csp_blocks_injected_scripts_and_other_hosts(open_page):
    """The control: the listener sees violations, and the policy refuses what it does not list."""
    page, recorder = open_page()
    page.goto(f"http://{HOST}{SUBPATH}{ALIAS}/")
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1';"
                  " document.body.append(s); }")
    page.evaluate("() => fetch('https://example.invalid/beleid').catch(() => null)")
    page.wait_for_function("() => true")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__injected") is None
    assert {violation["directive"] for violation in recorder.violations} == {"script-src-elem", "connect-src"}
    assert recorder.off_host() == []
