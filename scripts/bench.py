"""`make bench`: build generated sites of 1,000 and 5,000 notes and print the scale figures, last line a summary.

Figures: build seconds with our macros and with plain Material, their ratio, t(5,000)/t(1,000), peak memory,
the size of the search index (the pagefind/ folder), of one note page and of the largest page, Pagefind's share
of the build, `make build` with its cache after one kernpunt changed (macros/adapter/rebuilds.py), the preview's delay
after saving a kernpunt's text, a bron's description and a page's Markdown (medians of 3, both sizes), and in
Chromium, for a rare word, a note's referentie and a word on nearly every page, the time from entering the query
on a freshly loaded page to the first results and the bytes transferred before them, in all and from pagefind/
(largest size; the summary line gives the rare word's), and the same on the search page with a filter: from opening
its address, and from entering the query once the filtered page is shown (`--only search` builds the larger site
only and measures just these, medians of `--rounds`, and the search page with a filter and no query; `--reuse`
measures the site an earlier `--only search` built; `make bench` measures the first only). Plain
Material builds the same pages twice: as written, without the macros plugin and hooks (the macro calls stay text,
so those pages are smaller), and as the macros render them (the same HTML, written into the Markdown by hand, as
it were). The summary line's ratio is against the first.
`--only preview --sizes 1000,5000` measures only the preview's delays, at each size given; `--only cached`
only `make build` with its cache.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
from tests.serving import fetch, free_port  # noqa: E402  (the project root is on the path from here on)

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}


def generate(notes: int, folder: Path) -> None:
    subprocess.run([sys.executable, str(PROJECT / "scripts" / "corpus.py"), "--notes", str(notes), "--out",
                    str(folder), "--force"], check=True, stdout=subprocess.DEVNULL)


def plain_config(folder: Path) -> Path:
    """mkdocs.yml without the macros plugin and the hooks: plain Material on the same pages."""
    text = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\n  - macros:\n(?:      .*\n)+", "\n", text)
    text = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", text)
    plain = folder / "mkdocs.plain.yml"
    plain.write_text(text, encoding="utf-8")
    return plain


CAPTURE_HOOK = '''"""Bench only: keep each page's Markdown as the macros rendered it, for plain Material to build."""
from pathlib import Path

from macros.rendering.shield import unshield


def on_page_markdown(markdown, page, config, files):
    target = Path(config.config_file_path).parent / "docs-rendered" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(unshield(markdown), encoding="utf-8")
'''


def rendered_config(folder: Path) -> Path:
    """Plain Material on the pages as our macros render them: one (untimed) build captures them first."""
    (folder / "capture_hook.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    capture = folder / "mkdocs.capture.yml"
    capture.write_text((folder / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "\nhooks:\n", "\nhooks:\n  - capture_hook.py\n", 1), encoding="utf-8")
    timed_build(capture, folder / "site-capture")
    shutil.copytree(folder / "docs" / "assets", folder / "docs-rendered" / "assets", dirs_exist_ok=True)
    rendered = folder / "mkdocs.rendered.yml"
    rendered.write_text(plain_config(folder).read_text(encoding="utf-8") + "docs_dir: docs-rendered\n",
                        encoding="utf-8")
    return rendered


def timed_build(config: Path, site: Path, strict: bool = True, cache: Path | None = None) -> tuple[float, int]:
    """Seconds and peak memory (KB) of one `mkdocs build` (with `cache`: as `make build BUILD_CACHE=`)."""
    command = ["/usr/bin/time", "-f", "%e %M", str(BIN / "mkdocs"), "build", "--quiet", "--config-file", str(config),
               "--site-dir", str(site), *(["--strict"] if strict else []), *(["--dirty"] if cache else [])]
    env = {**ENV, "BELEID_BUILD_CACHE": str(cache)} if cache else ENV
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config.parent)
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-2000:]}")
    seconds, peak = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(peak)


def edit_kernpunt(folder: Path, marker: str) -> tuple[Path, str]:
    """Put `marker` into the first kernpunt of the 300th note's data; the note's page shows it."""
    nota = sorted((folder / "data" / "notas").glob("*.yaml"))[299]
    text = nota.read_text(encoding="utf-8")
    nota.write_text(re.sub(r"(tekst: >-\n\s+)", rf"\g<1>{marker} ", text, count=1), encoding="utf-8")
    return nota, f"notas/{nota.stem}/"


def edit_bron(folder: Path, marker: str) -> tuple[Path, str]:
    """Put `marker` into the description of the first bron that has one; its page shows it."""
    path = folder / "data" / "bronnen.yaml"
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^  - id: (\S+)\n(?:    .*\n)*?    beschrijving: >-\n(\s+)", text, re.M)
    path.write_text(f"{text[:match.end()]}{marker} {text[match.end():]}", encoding="utf-8")
    return path, f"bronnen/{match[1]}/"


def edit_page(folder: Path, marker: str) -> tuple[Path, str]:
    """Add `marker` to the Markdown of the first note's page."""
    page = sorted((folder / "docs" / "notas").glob("[0-9]*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    return page, f"notas/{page.stem}/"


EDITS = {"a kernpunt's text (data/notas/)": edit_kernpunt, "a bron's description (data/bronnen.yaml)": edit_bron,
         "a page's Markdown": edit_page}


def preview_seconds(folder: Path, rounds: int = 3) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Seconds from saving each kind of edit to `make serve` serving the change, and to the preview being done with
    it (MkDocs' "Reloading browsers": the exports and the checks are current, and a next save is taken up), `rounds`
    times each; the next edit waits for the preview to be done."""
    for part in ("Makefile", "requirements.txt"):
        shutil.copy2(PROJECT / part, folder / part)
    shutil.copytree(PROJECT / "scripts", folder / "scripts", dirs_exist_ok=True)  # make serve checks its port
    port = free_port()
    server = subprocess.Popen(["make", "serve", f"PORT={port}", f"VENV={BIN.parent}"], cwd=folder, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    reloads: list[float] = []  # when the preview said "Reloading browsers"
    threading.Thread(target=_note_reloads, args=(server.stderr, reloads), daemon=True).start()
    base = f"http://127.0.0.1:{port}/"
    shown: dict[str, list[float]] = {name: [] for name in EDITS}
    done: dict[str, list[float]] = {name: [] for name in EDITS}
    try:
        deadline = time.monotonic() + 900
        while "bp-nota" not in fetch(base + "notas/"):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit(f"make serve did not start:\n{server.stderr.read()[-2000:]}")
            time.sleep(1)
        time.sleep(2)
        for _ in range(rounds):
            for name, edit in EDITS.items():
                marker = f"Bewerkt{time.time_ns()}"
                saved = time.monotonic()
                _, page = edit(folder, marker)
                while marker not in fetch(base + page):
                    time.sleep(0.05)
                shown[name].append(time.monotonic() - saved)
                while not any(moment > saved for moment in reloads):
                    if time.monotonic() > saved + 600:
                        raise SystemExit("the preview did not finish its build")
                    time.sleep(0.05)
                done[name].append(min(moment for moment in reloads if moment > saved) - saved)
                time.sleep(1)
        return shown, done
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _note_reloads(stream, reloads: list[float]) -> None:
    for line in stream:
        if "Reloading browsers" in line:
            reloads.append(time.monotonic())


def cached_build_figures(folder: Path, workdir: Path) -> tuple[float, float]:
    """Seconds of a clean build and of `make build` with its cache after one kernpunt changed (both with
    Pagefind, which indexes the whole site after every build)."""
    cache, site = workdir / "build-cache", workdir / "site-cached"
    first = timed_build(folder / "mkdocs.yml", site, cache=cache)[0]
    edit_kernpunt(folder, f"Bewerkt{time.time_ns()}")
    return first, timed_build(folder / "mkdocs.yml", site, cache=cache)[0]


def cached_figures(notes: int, folder: Path, workdir: Path, rounds: int = 3) -> None:
    """`make build` with its cache after one kernpunt changed, `rounds` times, against the clean build that filled the
    cache; each with and without Pagefind's share (measured on the same site), printed with medians and spread."""
    cache, site = workdir / f"build-cache-{notes}", workdir / f"site-cached-{notes}"
    clean = timed_build(folder / "mkdocs.yml", site, cache=cache)[0]
    indexing = pagefind_seconds(site)
    cached = []
    for _ in range(rounds):
        edit_kernpunt(folder, f"Bewerkt{time.time_ns()}")
        cached.append(timed_build(folder / "mkdocs.yml", site, cache=cache)[0])
    median = statistics.median(cached)
    print(f"N={notes}: make build with its cache, one kernpunt changed: median {median:.1f} s of {rounds} "
          f"({min(cached):.1f}-{max(cached):.1f}) against {clean:.1f} s clean; Pagefind {indexing:.1f} s of each; "
          f"MkDocs part {median - indexing:.1f} s against {clean - indexing:.1f} s "
          f"({(median - indexing) / (clean - indexing):.0%})", flush=True)


def pagefind_seconds(site: Path) -> float:
    """Seconds Pagefind takes to index `site` (as after every build)."""
    from macros.adapter.search import index_site

    started = time.monotonic()
    index_site(site)
    return time.monotonic() - started


@contextlib.contextmanager
def browser_page(site: Path):
    """A Chromium page on `site` served over HTTP, the server's address, and the (URL, bytes) of every response."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS
    from tests.serving import StaticServer

    with tempfile.TemporaryDirectory() as workdir, StaticServer(site, Path(workdir)) as server, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        transferred: list[tuple[str, int]] = []

        def note(request) -> None:
            with contextlib.suppress(PlaywrightError):  # the browser closed as it finished: after the figures
                transferred.append((request.url, request.sizes()["responseBodySize"]))

        page.on("requestfinished", note)
        try:
            yield page, server.url, transferred
        finally:
            browser.close()


def kilobytes(transferred: list[tuple[str, int]]) -> tuple[int, int]:
    """KB transferred, in all and from the Pagefind index."""
    return (sum(size for _, size in transferred) // 1024,
            sum(size for url, size in transferred if "/pagefind/" in url) // 1024)


def search_figures(site: Path, query: str) -> tuple[float, int, int]:
    """Milliseconds from entering `query` in the search box (all but its last letter filled in, which Material
    does not notice, then the last letter typed) to the first result; KB transferred from page load until then,
    in all and from the Pagefind index."""
    with browser_page(site) as (page, url, transferred):
        page.goto(url)
        page.click("input.md-search__input")
        page.fill("input.md-search__input", query[:-1])
        started = time.monotonic()
        page.keyboard.type(query[-1])
        page.wait_for_selector(".md-search-result__item", timeout=120_000)
        elapsed = (time.monotonic() - started) * 1000
        return elapsed, *kilobytes(transferred)


def page_search_figures(site: Path, query: str, filters: str) -> tuple[float, int, int, str]:
    """As `search_figures`, on the search page with a filter: milliseconds from opening the address a colleague
    sends (zoeken/?zoek=...&...) to its first results (or its "Geen resultaten."), KB transferred until then, in all
    and from the Pagefind index, and the page's count."""
    from urllib.parse import urlencode

    with browser_page(site) as (page, url, transferred):
        started = time.monotonic()
        page.goto(f"{url}zoeken/?{urlencode({'zoek': query})}&{filters}", wait_until="commit")
        page.wait_for_function("() => /resulta/.test(document.querySelector('[data-bp-zoekstatus]')?.textContent)",
                               timeout=120_000)
        elapsed = (time.monotonic() - started) * 1000
        return elapsed, *kilobytes(transferred), page.inner_text("[data-bp-zoekstatus]")


def filtered_query_figures(site: Path, query: str, filters: str) -> tuple[float, int, int, str]:
    """As `search_figures` with a filter applied: the search page opened with `filters` (and their answer shown),
    then `query` entered (filled in, Enter pressed); milliseconds from Enter to its first results (the status says
    which words its results answer: docs/assets/zoekpagina.js), KB transferred from page load until then, in all
    and from the Pagefind index, and the page's count."""
    status = "document.querySelector('[data-bp-zoekstatus]')"
    with browser_page(site) as (page, url, transferred):
        page.goto(f"{url}zoeken/?{filters}")
        page.wait_for_function(f"() => {status}?.dataset.gezocht === ''", timeout=120_000)
        page.fill("#bp-zoekterm", query)
        term = page.evaluate("query => query.toLowerCase()", query)
        started = time.monotonic()
        page.keyboard.press("Enter")
        page.wait_for_function(f"term => {status}?.dataset.gezocht === term", arg=term, timeout=120_000)
        elapsed = (time.monotonic() - started) * 1000
        return elapsed, *kilobytes(transferred), page.evaluate(f"() => {status}.textContent")


def search_only(notes: int, workdir: Path, rounds: int, reuse: bool = False) -> int:
    """`--only search`: one generated site of `notes` notes, and the search figures (medians of `rounds`); with
    `reuse` the site an earlier run built there."""
    folder = workdir / f"corpus-{notes}"
    if not reuse:
        generate(notes, folder)
        seconds = timed_build(folder / "mkdocs.yml", folder / "site")[0]
        print(f"N={notes}: build {seconds:.1f} s", flush=True)
    note_page = next((folder / "site" / "notas").glob("[0-9]*/index.html"))
    queries = ("capaciteitsvraagstukken", note_page.parent.name, "Dublin")
    for query in queries:
        box = [search_figures(folder / "site", query) for _ in range(rounds)]
        times = [figure[0] for figure in box]
        print(f"search box '{query}': median {statistics.median(times):.0f} ms ({min(times):.0f}-{max(times):.0f}) "
              f"to the first results, {max(figure[1] for figure in box)} KB transferred (N={notes})", flush=True)
    for filters in PAGE_FILTERS:
        found = [page_search_figures(folder / "site", "", filters) for _ in range(rounds)]
        times = [figure[0] for figure in found]
        print(f"search page with {filters} and no query: median {statistics.median(times):.0f} ms "
              f"({min(times):.0f}-{max(times):.0f}) from opening its address to the first results, "
              f"{max(figure[1] for figure in found)} KB transferred, {max(figure[2] for figure in found)} KB "
              f"of them from pagefind/; {found[0][3]} (N={notes})", flush=True)
    for query in queries:
        for filters in PAGE_FILTERS:
            found = [page_search_figures(folder / "site", query, filters) for _ in range(rounds)]
            times = [figure[0] for figure in found]
            print(f"search page '{query}' with {filters}: median {statistics.median(times):.0f} ms "
                  f"({min(times):.0f}-{max(times):.0f}) from opening its address to the first results, "
                  f"{max(figure[1] for figure in found)} KB transferred, {max(figure[2] for figure in found)} KB "
                  f"of them from pagefind/; {found[0][3]} (N={notes})", flush=True)
            found = [filtered_query_figures(folder / "site", query, filters) for _ in range(rounds)]
            times = [figure[0] for figure in found]
            print(f"search page with {filters}, then '{query}' entered: median {statistics.median(times):.0f} ms "
                  f"({min(times):.0f}-{max(times):.0f}) to its first results, {max(figure[1] for figure in found)} "
                  f"KB transferred since the page loaded, {max(figure[2] for figure in found)} KB of them from "
                  f"pagefind/; {found[0][3]} (N={notes})", flush=True)
    return 0


# The search page's filters measured: a broad one (an onderwerp) and a narrow pair (a year and a soort).
PAGE_FILTERS = ("onderwerp=Dublin", "jaar=2025&soort=beslisnota")


def sizes(text: str) -> tuple[int, ...]:
    """`--sizes 1000,5000`: the numbers of notes."""
    return tuple(int(part) for part in text.split(","))


def preview_figures(notes: int, folder: Path) -> dict[str, float]:
    """The preview's delays at `notes` notes (medians), printed with their spread."""
    medians = {}
    shown, done = preview_seconds(folder)
    for name, seconds in shown.items():
        medians[name] = statistics.median(seconds)
        print(f"preview, {name}: median {medians[name]:.2f} s of {len(seconds)} "
              f"({min(seconds):.2f}-{max(seconds):.2f}) from saving to the page being updated; the preview done "
              f"with it after {statistics.median(done[name]):.2f} s ({min(done[name]):.2f}-{max(done[name]):.2f}) "
              f"(N={notes})", flush=True)
    return medians


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=sizes, default=(1000, 5000), metavar="SMALL,LARGE",
                        help="the numbers of notes, comma-separated (--only preview takes any number of them)")
    parser.add_argument("--only", choices=("preview", "cached", "search"),
                        help="only the preview's delays after an edit, only make build with its cache, or only the "
                             "search figures (at the larger size)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "beleid-bench")
    parser.add_argument("--rounds", type=int, default=3, help="with --only search: measurements per figure")
    parser.add_argument("--reuse", action="store_true",
                        help="with --only search: measure the site an earlier run built in WORKDIR, without "
                             "generating and building it again")
    arguments = parser.parse_args(argv)
    if arguments.only == "cached":
        shutil.rmtree(arguments.workdir, ignore_errors=True)
        for notes in arguments.sizes:
            generate(notes, arguments.workdir / f"corpus-{notes}")
            cached_figures(notes, arguments.workdir / f"corpus-{notes}", arguments.workdir)
        return 0
    if arguments.only == "preview":
        shutil.rmtree(arguments.workdir, ignore_errors=True)
        for notes in arguments.sizes:
            generate(notes, arguments.workdir / f"corpus-{notes}")
            preview_figures(notes, arguments.workdir / f"corpus-{notes}")
        return 0
    if len(arguments.sizes) != 2:
        parser.error("--sizes takes two numbers: SMALL,LARGE")
    small, large = arguments.sizes
    if arguments.only == "search":
        if not arguments.reuse:
            shutil.rmtree(arguments.workdir, ignore_errors=True)
        return search_only(large, arguments.workdir, arguments.rounds, arguments.reuse)
    shutil.rmtree(arguments.workdir, ignore_errors=True)
    builds = {}
    for notes in (small, large):
        folder = arguments.workdir / f"corpus-{notes}"
        generate(notes, folder)
        ours = timed_build(folder / "mkdocs.yml", folder / "site")
        plain = timed_build(plain_config(folder), arguments.workdir / f"plain-{notes}", strict=False)
        rendered = timed_build(rendered_config(folder), arguments.workdir / f"rendered-{notes}", strict=False)
        builds[notes] = (folder, ours, plain)
        print(f"N={notes}: build {ours[0]:.1f} s (peak {ours[1] // 1024} MB); plain Material {plain[0]:.1f} s "
              f"(peak {plain[1] // 1024} MB), ratio {ours[0] / plain[0]:.2f}; plain Material on the rendered "
              f"pages {rendered[0]:.1f} s (peak {rendered[1] // 1024} MB), ratio {ours[0] / rendered[0]:.2f}",
              flush=True)
    folder_large, ours_large, plain_large = builds[large]
    ratio = ours_large[0] / plain_large[0]
    growth = ours_large[0] / builds[small][1][0]
    note_page = next((folder_large / "site" / "notas").glob("[0-9]*/index.html"))
    page_kb = note_page.stat().st_size / 1024
    bundle = [path for path in (folder_large / "site" / "pagefind").rglob("*") if path.is_file()]
    index_kb = sum(path.stat().st_size for path in bundle) / 1024
    largest = max((folder_large / "site").rglob("*.html"), key=lambda path: path.stat().st_size)
    print(f"t({large})/t({small}) = {growth:.2f}; search index pagefind/ {index_kb:.0f} KB in {len(bundle)} files; "
          f"note page {note_page.parent.name} {page_kb:.1f} KB; largest page "
          f"{largest.relative_to(folder_large / 'site')} {largest.stat().st_size / 1024:.1f} KB", flush=True)
    indexing = {notes: pagefind_seconds(builds[notes][0] / "site") for notes in (small, large)}
    print(f"Pagefind: {indexing[small]:.1f} s (N={small}), {indexing[large]:.1f} s (N={large}) of the builds",
          flush=True)
    clean, cached = cached_build_figures(folder_large, arguments.workdir)
    print(f"make build with its cache, one kernpunt changed: {cached:.1f} s against {clean:.1f} s for the build that "
          f"filled the cache ({cached / clean:.0%}); Pagefind's share of each: {indexing[large]:.1f} s (N={large})",
          flush=True)
    previews = {notes: preview_figures(notes, builds[notes][0]) for notes in (small, large)}
    preview = previews[small]["a page's Markdown"]
    queries = ("capaciteitsvraagstukken", note_page.parent.name, "Dublin")
    figures = {query: search_figures(folder_large / "site", query) for query in queries}
    for query, (milliseconds, kilobytes, from_index) in figures.items():
        print(f"search '{query}': {milliseconds:.0f} ms from entering the query to the first results, "
              f"{kilobytes} KB transferred, {from_index} KB of them from pagefind/ (N={large})", flush=True)
    for query in queries:
        for filters in PAGE_FILTERS:
            milliseconds, kilobytes, from_index, status = page_search_figures(folder_large / "site", query, filters)
            print(f"search page '{query}' with {filters}: {milliseconds:.0f} ms from opening its address to the "
                  f"first results, {kilobytes} KB transferred, {from_index} KB of them from pagefind/; {status} "
                  f"(N={large})", flush=True)
    search_ms, search_kb, _ = figures[queries[0]]
    print(f"ratio={ratio:.2f} growth={growth:.2f} page_kb={page_kb:.1f} preview_s={preview:.2f} "
          f"search_ms={search_ms:.0f} search_kb={search_kb}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
