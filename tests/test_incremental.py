"""Rendering only what a change touches gives the same site as a clean build, file by file.

A generated corpus is changed at random over several rounds (kernpunt texts, citations, bronnen, onderwerpen,
partials, pages); after each round `make build` with its cache folder and the preview (dirty builds in one
process, as `mkdocs serve --dirty` does) are compared with a clean build of the same sources; the preview's pages
differ from it only by their banners of warnings, each showing what a fresh check gives for its page.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import yaml

from macros.adapter.build import Build
from macros.adapter.config import load_mkdocs_config
from macros.adapter.preview_warnings import PreviewWarnings
from macros.adapter.rebuilds import shared_fingerprint
from macros.checks.anchors import Conversions
from macros.rendering.preview_banner import BANNER_CLASS
from macros.routing.page_map import page_url
from tests.site_build import ROOT

ROUNDS = 4
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
BIN = Path(sys.executable).parent
# The preview as `make serve` runs it: one process, MkDocs' live-reload server with the hooks' builder (the quick
# path, macros/adapter/quick_preview.py, or MkDocs' whole dirty build) called after every change (read from stdin);
# the server is not started, so the builds follow the test's changes, not the file system's events.
PREVIEW = """
import logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

quick = []
handler = logging.Handler()
handler.emit = lambda record: quick.append(record) if "zonder de hele site" in record.getMessage() else None
logging.getLogger("mkdocs.hooks.beleid").addHandler(handler)
logging.getLogger("mkdocs.hooks.beleid").setLevel(logging.INFO)

def get_config():
    return load_config(config_file="mkdocs.yml", site_dir=sys.argv[1])

def builder(config=None):
    build(config or get_config(), dirty=True)

config = get_config()
config.plugins.on_startup(command="serve", dirty=True)
server = LiveReloadServer(builder=builder, host="127.0.0.1", port=0, root=sys.argv[1])
server = config.plugins.on_serve(server, config=config, builder=builder)
builder(config)
print("gebouwd", flush=True)
for line in sys.stdin:
    quick.clear()
    server.builder()
    print("snel gebouwd" if quick else "gebouwd", flush=True)
"""


def files_of(site: Path, leave_out: tuple[str, ...] = ()) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*"))
            if path.is_file() and not path.relative_to(site).as_posix().startswith(leave_out)}


def differences(built: Path, clean: Path, leave_out: tuple[str, ...] = ()) -> list[str]:
    ours, theirs = files_of(built, leave_out), files_of(clean, leave_out)
    missing = sorted(set(theirs) ^ set(ours))
    changed = [name for name in sorted(set(theirs) & set(ours))
               if not filecmp.cmp(ours[name], theirs[name], shallow=False)]
    return missing + changed


BANNER = re.compile(rf'<div class="admonition warning {BANNER_CLASS}"[^>]*>.*?</div>'.encode(), re.S)


def preview_differences(preview: Path, clean: Path, project: Path) -> list[str]:
    """`differences` of the preview's site with its banners left out, and the pages whose banner is not the one a
    fresh check of `project` gives (none for a page no warning concerns)."""
    build = Build(load_mkdocs_config(project / "mkdocs.yml"))
    index, findings = build.check(dt.date.today())
    warnings = PreviewWarnings()
    warnings.update(index, "docs", findings)
    expected = {f"{page_url(source)}index.html": warnings.banner(source) for source in warnings.by_page}
    assert expected, "the corpus gives warnings: the banners are compared"
    ours, theirs = files_of(preview, ("pagefind/",)), files_of(clean, ("pagefind/",))
    wrong = sorted(set(theirs) ^ set(ours))
    for name in sorted(set(theirs) & set(ours)):
        text = ours[name].read_bytes()
        shown = b"".join(BANNER.findall(text)).decode()
        if BANNER.sub(b"", text) != theirs[name].read_bytes() or shown != expected.get(name, ""):
            wrong.append(name)
    return wrong


def mkdocs_build(project: Path, site: Path, cache: Path | None = None) -> None:
    env = {**ENV, "BELEID_BUILD_CACHE": str(cache)} if cache else ENV
    command = [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "--site-dir", str(site),
               *(["--dirty"] if cache else [])]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]


def change_kernpunt_text(project: Path, chance: random.Random) -> str:
    nota = chance.choice(sorted((project / "data" / "notas").glob("*.yaml")))
    text = nota.read_text(encoding="utf-8")
    marker = f"Gewijzigd{chance.randrange(10**9)}"
    matches = list(re.finditer(r"tekst: >-\n(\s+)", text))
    match = chance.choice(matches)
    nota.write_text(f"{text[:match.end()]}{marker} {text[match.end():]}", encoding="utf-8")
    return f"kernpunt in {nota.name}"


def change_citation(project: Path, chance: random.Random) -> str:
    """A kernpunt cites another bron: the bron pages' lists of citations change."""
    bron_ids = re.findall(r"^  - id: (\S+)", (project / "data" / "bronnen.yaml").read_text(encoding="utf-8"), re.M)
    nota = chance.choice(sorted((project / "data" / "notas").glob("*.yaml")))
    text = nota.read_text(encoding="utf-8")
    lists = list(re.finditer(r"^(\s+bronnen: \[)([^\],]+)", text, re.M))
    if not lists:
        return "geen bronnenlijst"
    match = chance.choice(lists)
    nota.write_text(f"{text[:match.start(2)]}{chance.choice(bron_ids)}{text[match.end(2):]}", encoding="utf-8")
    return f"bron van een kernpunt in {nota.name}"


def change_bron(project: Path, chance: random.Random) -> str:
    path = project / "data" / "bronnen.yaml"
    text = path.read_text(encoding="utf-8")
    match = chance.choice(list(re.finditer(r"^    titel: ([^\"'\n]+)$", text, re.M)))
    path.write_text(f"{text[:match.end()]} (herzien {chance.randrange(1000)}){text[match.end():]}", encoding="utf-8")
    return "titel van een bron"


def change_onderwerp(project: Path, chance: random.Random) -> str:
    """An onderwerp's description (its name is a tag that pages name)."""
    path = project / "data" / "onderwerpen.yaml"
    text = path.read_text(encoding="utf-8")
    match = chance.choice(list(re.finditer(r"^    beschrijving: (?:>-\n\s+)?(?=[^\"'>\s])", text, re.M)))
    path.write_text(f"{text[:match.end()]}Herzien {chance.randrange(1000)}, {text[match.end():]}", encoding="utf-8")
    return "beschrijving van een onderwerp"


def change_partial(project: Path, chance: random.Random) -> str:
    partial = chance.choice(["kernpunt-lijst.html", "bron-link.html", "nota-kop.html", "onderdelen.html"])
    path = project / "overrides" / "partials" / "beleid" / partial
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("</", f"<span hidden>{chance.randrange(1000)}</span></", 1), encoding="utf-8")
    return f"sjabloon {partial}"


def change_page(project: Path, chance: random.Random) -> str:
    page = chance.choice(sorted((project / "docs").rglob("*.md")))
    with page.open("a", encoding="utf-8") as stream:
        stream.write(f"\nEen aanvulling {chance.randrange(1000)}.\n")
    return f"pagina {page.relative_to(project).as_posix()}"


def change_replacement(project: Path, chance: random.Random) -> str:
    """A kernpunt of a later note replaces a current kernpunt of an earlier one: the earlier note's page, and every
    page that quotes or lists the earlier kernpunt, must say so."""
    notes = {path: yaml.safe_load(path.read_text(encoding="utf-8"))
             for path in sorted((project / "data" / "notas").glob("*.yaml"))}
    taken = {earlier for data in notes.values() for kernpunt in _flat(data.get("kernpunten") or [])
             for earlier in kernpunt.get("vervangt") or []}
    taken |= {earlier for data in notes.values() for earlier in data.get("trekt_in") or []}
    public = [(data["datum"], path, kernpunt) for path, data in notes.items() if not data.get("vervangt")
              for kernpunt in _flat(data.get("kernpunten") or []) if not kernpunt.get("niet_openbaar")]
    earlier_date, _, earlier = chance.choice([entry for entry in public if entry[2]["id"] not in taken])
    later = [entry for entry in public if entry[0] > earlier_date and not entry[2].get("vervangt")]
    if not later:
        return "geen latere nota"
    _, path, kernpunt = chance.choice(later)
    text = path.read_text(encoding="utf-8")
    match = re.search(rf"^(\s*)- id: {re.escape(kernpunt['id'])}\n", text, re.M)
    path.write_text(f"{text[:match.end()]}{match[1]}  vervangt: [{earlier['id']}]\n{text[match.end():]}",
                    encoding="utf-8")
    return f"{kernpunt['id']} vervangt {earlier['id']}"


def _flat(kernpunten: list[dict]) -> list[dict]:
    return [item for kernpunt in kernpunten for item in (kernpunt, *_flat(kernpunt.get("kernpunten") or []))]


CHANGES = (change_kernpunt_text, change_kernpunt_text, change_citation, change_bron, change_onderwerp,
           change_partial, change_page, change_replacement)


def test_incremental_builds_and_the_preview_equal_a_clean_build_after_random_changes(tmp_path):
    project = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "corpus.py"), "--notes", "150", "--out", str(project),
                    "--force"], check=True, stdout=subprocess.DEVNULL)
    cache, cached_site, clean_site = tmp_path / "cache", tmp_path / "site-cached", tmp_path / "site-clean"
    preview_site = tmp_path / "site-preview"
    preview = subprocess.Popen([sys.executable, "-c", PREVIEW, str(preview_site)], cwd=project, env=ENV,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    chance = random.Random(13)
    quick_rounds = []
    try:
        mkdocs_build(project, cached_site, cache)
        assert preview.stdout.readline().strip() == "gebouwd", "the preview did not start"
        for round_number in range(ROUNDS + 2):
            chosen = chance.sample(CHANGES, 3) if round_number <= ROUNDS else [change_kernpunt_text, change_bron]
            if round_number == 1 and change_replacement not in chosen:  # every run tries positions over time
                chosen.append(change_replacement)
            made = [change(project, chance) for change in chosen] if round_number else []
            mkdocs_build(project, cached_site, cache)
            mkdocs_build(project, clean_site)
            preview.stdin.write("\n")
            preview.stdin.flush()
            answer = preview.stdout.readline().strip()
            assert answer in ("gebouwd", "snel gebouwd"), f"the preview stopped after {made}"
            if answer == "snel gebouwd":
                quick_rounds.append(round_number)
            assert differences(cached_site, clean_site) == [], f"round {round_number}: {made}"
            # The preview has no search index (macros/adapter/search.py), and shows the warnings on their pages.
            assert preview_differences(preview_site, clean_site, project) == [], \
                f"preview, round {round_number}: {made}"
        assert ROUNDS + 1 in quick_rounds, "data edits alone did not take the preview's quick path"
    finally:
        preview.stdin.close()
        preview.wait(timeout=60)
        preview.stdout.close()


def test_a_change_renders_only_the_pages_that_show_it(tmp_path):
    """A kernpunt's new text: its note's page, and the pages quoting or listing it, not the others."""
    project = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "corpus.py"), "--notes", "60", "--out", str(project),
                    "--force"], check=True, stdout=subprocess.DEVNULL)
    site, cache = tmp_path / "site", tmp_path / "cache"
    mkdocs_build(project, site, cache)
    before = {name: path.stat().st_mtime_ns for name, path in files_of(site).items() if name.endswith(".html")}
    nota = sorted((project / "data" / "notas").glob("*.yaml"))[7]
    text = nota.read_text(encoding="utf-8")
    nota.write_text(re.sub(r"(tekst: >-\n\s+)", r"\g<1>Gewijzigd ", text, count=1), encoding="utf-8")
    mkdocs_build(project, site, cache)
    rewritten = sorted(name for name, path in files_of(site).items()
                       if name in before and path.stat().st_mtime_ns != before[name])
    assert f"notas/{nota.stem}/index.html" in rewritten
    assert 0 < len(rewritten) < len(before) / 4, rewritten


def test_the_build_date_renders_every_page_again_only_when_a_template_shows_it(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "main.html").write_text("<p>{{ page.title }}</p>", encoding="utf-8")

    def shared(epoch: str) -> str:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        return shared_fingerprint(tmp_path, tmp_path / "mkdocs.yml", [], "", "", (theme,))

    assert shared("1767225600") == shared("1767312000")
    (theme / "main.html").write_text("<p>{{ build_date_utc }}</p>", encoding="utf-8")
    assert shared("1767225600") != shared("1767312000")


def test_the_checks_markdown_conversions_come_back_from_the_cache_as_they_were_found():
    """`make build`'s cache keeps what the checks' Markdown conversions found: a new build's conversions answer from
    it without converting, the same answer; JSON of another form is ignored."""
    text, extensions = "# Titel\n\nZie [de bron](#elders) en <span id=\"rauw\">x</span>.\n", (("toc", "null"),)
    first = Conversions()
    found = first(text, extensions)
    again = Conversions()
    again.take_found(first.found_json())
    assert again(text, extensions) == found and not again._converters
    broken = Conversions()
    broken.take_found('{"abc": [1, 2]}')
    assert broken(text, extensions) == found and broken._converters


def test_a_cached_build_still_fails_on_a_link_to_an_anchor_that_is_not_there(tmp_path):
    """The cache answers for texts it saw: a page's new text is converted and checked."""
    project = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "corpus.py"), "--notes", "20", "--out", str(project),
                    "--force"], check=True, stdout=subprocess.DEVNULL)
    site, cache = tmp_path / "site", tmp_path / "cache"
    mkdocs_build(project, site, cache)
    assert (cache / "markdown-ids.json").is_file()
    page = sorted((project / "docs" / "notas").glob("[0-9]*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nZie [elders](#bestaat-niet).\n", encoding="utf-8")
    env = {**ENV, "BELEID_BUILD_CACHE": str(cache)}
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--quiet", "--dirty", "--site-dir", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "bestaat-niet" in result.stderr, result.stderr[-2000:]
