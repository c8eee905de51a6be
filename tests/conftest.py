"""Shared fixtures: a minimal valid data set in a temporary project, and positions of text in a file."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from textwrap import dedent

import pytest

NOTA_REF = "1234567"

# The smallest data set that loads and indexes without findings; every reference in it resolves.
MINIMAL_DATA: dict[str, str] = {
    "onderwerpen.yaml": dedent("""\
        onderwerpen:
          - id: asiel
            naam: Asiel
          - id: terugkeer
            naam: Terugkeer
        """),
    "bronnen.yaml": dedent("""\
        bronnen:
          - id: rapport-a
            soort: rapport
            titel: Rapport A
            beschrijving: Een rapport.
          - id: verdrag-b
            soort: verdrag
            titel: Verdrag B
            beschrijving: Een verdrag.
        """),
    "tijdlijn.yaml": dedent("""\
        gebeurtenissen:
          - id: publicatie-a
            datum: 2025-03
            soort: publicatie
            titel: Rapport A verschijnt
            bronnen: [rapport-a]
        """),
    "modellen.yaml": dedent("""\
        rapport: rapport-a
        aspecten:
          - id: recht
            naam: Recht
        modellen:
          - id: model-een
            naam: Model een
        """),
    "verkenning.yaml": dedent("""\
        instrumenten:
          - bron: verdrag-b
            reden: Het verdrag van de verkenning.
        """),
    f"notas/{NOTA_REF}.yaml": dedent(f"""\
        referentie: "{NOTA_REF}"
        titel: Nota A
        soort: beslisnota
        datum: 2025-04-01
        directoraat_generaal: DG Migratie
        bureau: Bureau Beleid
        geadresseerde: De Minister
        status: concept
        onderwerpen: [asiel]
        kernpunten:
          - id: {NOTA_REF}-eerste
            tekst: Eerste kernpunt.
            bronnen: [rapport-a]
        """),
}


@pytest.fixture
def minimal_data() -> dict[str, str]:
    """The texts of the minimal data set, by path relative to `data/` (a copy: tests may change it)."""
    return dict(MINIMAL_DATA)


@pytest.fixture
def data_factory(tmp_path: Path) -> Callable[..., Path]:
    """Write the minimal data set into a fresh project folder and return that folder.

    `overrides` maps a path relative to `data/` (e.g. `bronnen.yaml`, `notas/1234567.yaml`) to the text
    that replaces the file, or to None to leave the file out. Each call writes a new project folder.
    """
    counter = iter(range(1_000_000))

    def make(overrides: Mapping[str, str | None] | None = None) -> Path:
        project = tmp_path / f"project-{next(counter)}"
        files: dict[str, str | None] = {**MINIMAL_DATA, **(overrides or {})}
        for name, text in files.items():
            if text is None:
                continue
            file = project / "data" / name
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
        return project

    return make


def position_of(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the only occurrence of `needle` in `text`."""
    assert text.count(needle) == 1, f"{needle!r} must occur exactly once in the fixture text"
    before = text[:text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


@pytest.fixture
def where() -> Callable[[str, str], tuple[int, int]]:
    """`where(text, needle)`: the (line, column) at which `needle` stands in `text`."""
    return position_of


# --- The real site, built once per session and served over HTTP, and Debian's Chromium to read it ---

CHROMIUM = "/usr/bin/chromium"
# --disable-dev-shm-usage: a CI container's /dev/shm is 64 MB by default, too small for Chromium's shared memory (its
# tabs crash); the flag makes it use /tmp instead.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def strict_build(tmp_path_factory, folder: str, env: dict | None = None) -> Path:
    """The real project built with `mkdocs build --strict` (and `env`) into a new temporary folder."""
    from tests.site_build import ROOT, build

    result = build(ROOT, tmp_path_factory.mktemp(folder), env)
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output, result.output
    return result.site


def served(site: Path, tmp_path_factory, folder: str):
    """Base URL of `site` served on 127.0.0.1 under a sub-path, while the fixture lives."""
    from tests.serving import StaticServer

    with StaticServer(site, tmp_path_factory.mktemp(folder)) as server:
        yield server.url


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project built with `mkdocs build --strict` into a temporary folder."""
    return strict_build(tmp_path_factory, "site")


@pytest.fixture(scope="session")
def site_url(built_site, tmp_path_factory) -> str:
    """Base URL of the built site served on 127.0.0.1 under a sub-path."""
    yield from served(built_site, tmp_path_factory, "http")


@pytest.fixture(scope="session")
def public_site(tmp_path_factory) -> Path:
    """The real project's public (Woo) build, as `make build-public` makes it."""
    from tests.site_build import PUBLIC_ENV

    return strict_build(tmp_path_factory, "site-public", PUBLIC_ENV)


@pytest.fixture(scope="session")
def public_site_url(public_site, tmp_path_factory) -> str:
    """Base URL of the public build, served as the internal one is."""
    yield from served(public_site, tmp_path_factory, "http-public")


@pytest.fixture(params=["intern", "openbaar"])
def any_site_url(request) -> str:
    """The internal and the public build in turn: both must pass the same checks."""
    return request.getfixturevalue("site_url" if request.param == "intern" else "public_site_url")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (which cannot download a browser here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh desktop-sized page in Dutch."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    yield context.new_page()
    context.close()
