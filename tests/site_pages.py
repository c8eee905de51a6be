"""Reading a built site: its pages, where their links point, and which internal links are broken."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from tests.site_build import SITE_URL


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / unquote(urlsplit(url).path)
    if url.endswith("/") or path.is_dir():
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolve(page_url: str, href: str) -> tuple[str, str]:
    """The site-relative URL and anchor that `href` on the page at `page_url` points to."""
    parts = urlsplit(urljoin(SITE_URL + page_url, href))
    root = urlsplit(SITE_URL).path
    assert parts.path.startswith(root), f"{href} on {page_url} leaves the site"
    return unquote(parts.path).removeprefix(root), parts.fragment


def html_pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        url = path.relative_to(site).as_posix()
        yield (url.removesuffix("index.html") if url.endswith("index.html") else url), path


def check_internal_links(site: Path) -> tuple[int, list[str]]:
    """How many internal links the site has, and those whose page or anchor does not exist."""
    ids_of: dict[str, set[str]] = {}
    soups = {url: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for url, path in html_pages(site)}
    for url, soup in soups.items():
        ids_of[url] = {element["id"] for element in soup.find_all(id=True)}
    checked, broken = 0, []
    for url, soup in soups.items():
        for anchor in soup.find_all("a", href=True):
            parts = urlsplit(anchor["href"])
            if parts.scheme or parts.netloc or anchor.find_parent(attrs={"data-md-component": "outdated"}):
                # the outdated notice links to the versions' root, outside this version's folder
                continue
            target, fragment = resolve(url, anchor["href"])
            checked += 1
            if target.endswith(".json") or target.endswith(".xml"):
                if not (site / target).is_file():
                    broken.append(f"{url}: {anchor['href']}")
            elif target not in ids_of or (fragment and fragment not in ids_of[target]):
                broken.append(f"{url}: {anchor['href']} -> {target}#{fragment}")
    return checked, broken
