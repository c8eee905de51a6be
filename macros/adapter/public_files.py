"""The public build copies only the files it knows to be public.

MkDocs copies every file under docs/ into the site, whatever links to it. In the public build a file from docs/
(an image, a PDF, any attachment, an HTML file) is copied only when the rendered HTML of a public page links to it,
or the configuration (extra_css, extra_javascript, the theme's favicon and logo), a template of the site
(`"assets/zoeken.js" | url`) or one of its stylesheets (`url(...)`) names it. A file named only by withheld content,
or by nothing, stays out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.structure.files import File, Files

URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "data", "poster", "xlink:href"})
TEMPLATE_URL = re.compile(r"""(["'])([^"'\s{}]+)\1\s*\|\s*url\b""")
CSS_URL = re.compile(r"""url\(\s*["']?([^"')\s]+)""")


class _Links(HTMLParser):
    """The URLs in the attributes of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value:
                parts = value.split(",") if name == "srcset" else [value]
                self.urls += [part.split()[0] for part in parts if part.split()]

    handle_startendtag = handle_starttag


def site_paths(base: str, urls: list[str]) -> set[str]:
    """The site paths (e.g. `bijlagen/nota.pdf`) that `urls`, relative to the site path `base`, lead to on this site."""
    paths = set()
    for url in urls:
        parts = urlsplit(urljoin(f"/{base}", url))
        if not parts.scheme and not parts.netloc:
            paths.add(unquote(parts.path).lstrip("/"))
    return paths


def linked(page_url: str, html: str) -> set[str]:
    """The site paths that a page at `page_url` links to in `html`."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    return site_paths(page_url, parser.urls)


def named_by_site(config) -> set[str]:
    """The files the configuration and the site's templates name, and those its stylesheets use (`url(...)`)."""
    named = {str(item) for item in (*config.extra_css, *config.extra_javascript)}
    named |= {config.theme[key] for key in ("favicon", "logo") if config.theme.get(key)}
    custom_dir = config.theme.custom_dir
    for template in sorted(Path(custom_dir).rglob("*.html")) if custom_dir else ():
        named |= {match.group(2) for match in TEMPLATE_URL.finditer(template.read_text(encoding="utf-8"))}
    named = {name.lstrip("/") for name in named}
    for stylesheet in [name for name in named if name.endswith(".css")]:
        path = Path(config.docs_dir) / stylesheet
        if path.is_file():
            named |= site_paths(stylesheet, CSS_URL.findall(path.read_text(encoding="utf-8")))
    return named


def withheld_files(files: Files, config) -> list[File]:
    """The files from docs/ that no public page links to and the site does not name: left out of the public build."""
    public = named_by_site(config)
    for file in files.documentation_pages():
        if file.page is not None and file.page.content:
            public |= linked(file.page.url, file.page.content)
    docs_dir = Path(config.docs_dir).resolve()
    return [file for file in files if not file.is_documentation_page() and file.src_dir
            and Path(file.src_dir).resolve() == docs_dir and file.dest_uri not in public]
