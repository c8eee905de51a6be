"""Render deploy/nginx.conf.template into an nginx configuration (`make nginx-conf`).

The template's ${NAME} placeholders (capitals only: nginx's own variables are lower case) are filled from the
arguments. The Content-Security-Policy allows Material's inline scripts by their SHA-256 hashes, computed here
from the built HTML of every --site given (a fresh build, or the checkout of the pages branch with all its
versions). Only the inline scripts the theme is known to emit are hashed: those of Material's templates, mike's
(the root redirect of the pages branch) and the project's overrides whose only variable is a path (the page's base
URL, the redirect's target), recognised by that shape. Any other inline
script (one written into a page, say) is refused with its file and line, and so is a script file the theme does not
load (Material's bundle, the site's extra_javascript), which 'self' would allow; as is HTML that the policy would break
(inline event handlers, javascript: URLs, <style> elements, style attributes), rather than published into a site
whose policy allows it or that silently misbehaves.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"\$\{([A-Z_]+)\}")
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
THEME_TEMPLATES = (*(Path(str(resources.files(package) / "templates")) for package in ("material", "mike")),
                   ROOT / "overrides")
TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
JINJA_EXPRESSION = re.compile(r"\{\{-?(.*?)-?\}\}", re.DOTALL)
# The variables a known inline script may hold (Material's base URL, mike's redirect target), and their values:
# a path, which cannot end the string it stands in.
PATH_VARIABLE = re.compile(r"\b(?:base_url|href)\b")
PATH = r"(?![/\\]{2})[A-Za-z0-9._~/-]*"  # never protocol-relative (//other-host)
TEMPLATE_SCRIPT_FILE = re.compile(r"""['"](assets/javascripts/[^'"]+\.js)['"]""")


class _InlineCode(HTMLParser):
    """Collect the text of executable inline scripts, and what a CSP without 'unsafe-inline' would block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[tuple[int, str]] = []
        self.files: list[tuple[int, str]] = []
        self.blocked: list[str] = []
        self._script: list[str] | None = None
        self._line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if name.startswith("on"):
                self.blocked.append(f"{line}: event handler attribute {name}= on <{tag}>")
            elif name == "style":
                self.blocked.append(f"{line}: style attribute on <{tag}>")
            elif (value or "").strip().lower().startswith("javascript:"):
                self.blocked.append(f"{line}: javascript: URL in {name}= on <{tag}>")
        if tag == "style":
            self.blocked.append(f"{line}: <style> element")
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src") is not None:
            self.files.append((line, attributes["src"]))
        if tag == "script" and "src" not in attributes:
            executable = (attributes.get("type") or "").strip().lower() in SCRIPT_TYPES
            self._script = [] if executable else None
            self._line = line

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._line, "".join(self._script)))
            self._script = None


def theme_scripts(folders: tuple[Path, ...] = THEME_TEMPLATES) -> list[re.Pattern]:
    """The inline scripts of the theme's templates, as patterns: each `{{ ... }}` of a path matches any path.
    A script with Jinja statements or another variable has no known shape, so is never allowed."""
    shapes = []
    for template in sorted(path for folder in folders for path in folder.rglob("*.html")):
        for script in TEMPLATE_SCRIPT.findall(template.read_text(encoding="utf-8")):
            parts = JINJA_EXPRESSION.split(script)
            if "{%" in script or not all(PATH_VARIABLE.search(expression) for expression in parts[1::2]):
                continue
            shapes.append(re.compile(PATH.join(re.escape(text) for text in parts[0::2])))
    return shapes


def theme_script_files(config: Path, folders: tuple[Path, ...] = THEME_TEMPLATES) -> set[str]:
    """The script files the theme's pages load, relative to the site: Material's and the site's extra_javascript."""
    files = {path for folder in folders for template in folder.rglob("*.html")
             for path in TEMPLATE_SCRIPT_FILE.findall(template.read_text(encoding="utf-8"))}
    extra = load_config(config_file=str(config)).extra_javascript  # as MkDocs reads mkdocs.yml, `!ENV` and all
    return files | {str(getattr(item, "path", item)) for item in extra}


def _is_theme_file(src: str, files: set[str]) -> bool:
    """Whether `src` (relative to a page, or the site's absolute path on a 404 page) is one of `files`."""
    parts = urlsplit(src)
    path = re.sub(r"^(?:\.\.?/)+", "", parts.path)
    return not (parts.scheme or parts.netloc) and any(path == file or path.endswith(f"/{file}") for file in files)


def _foreign(script: str) -> str:
    text = " ".join(script.split())
    return text if len(text) <= 60 else f"{text[:59]}…"


def script_hashes(sites: list[Path], config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """The CSP hash sources of the theme's inline scripts in the HTML under `sites`, sorted; any other inline
    script, and any script file the theme does not load, is refused."""
    hashes: set[str] = set()
    problems: list[str] = []
    shapes = theme_scripts()
    files = theme_script_files(config)
    for site in sites:
        pages = sorted(site.rglob("*.html"))
        if not pages:
            raise SystemExit(f"render_nginx_conf: no HTML under {site}")
        for page in pages:
            parser = _InlineCode()
            parser.feed(page.read_text(encoding="utf-8"))
            parser.close()
            problems += [f"{page}:{problem}" for problem in parser.blocked]
            problems += [f"{page}:{line}: een <script src=\"{src}\"> die het thema niet laadt: de CSP ('self') zou hem "
                         "toestaan; haal hem uit de pagina"
                         for line, src in parser.files if not _is_theme_file(src, files)]
            for line, script in parser.scripts:
                if not any(shape.fullmatch(script) for shape in shapes):
                    problems.append(f"{page}:{line}: een inline <script> die het thema niet schrijft "
                                    f"('{_foreign(script)}'): de CSP staat hem niet toe; haal hem uit de pagina")
                    continue
                digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
                hashes.add(f"'sha256-{digest}'")
    if problems:
        raise SystemExit("render_nginx_conf: the Content-Security-Policy (style-src 'self', the theme's scripts by "
                         "hash) would block:\n  " + "\n  ".join(problems))
    return sorted(hashes)


def render(template: str, values: dict[str, str]) -> str:
    """`template` with every ${NAME} replaced; an unknown NAME is an error."""
    unknown = sorted({name for name in PLACEHOLDER.findall(template) if name not in values})
    if unknown:
        raise SystemExit(f"render_nginx_conf: no value for {', '.join(unknown)}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--template", type=Path, default=ROOT / "deploy" / "nginx.conf.template")
    parser.add_argument("--out", default="-", help="file to write, '-' for standard output")
    parser.add_argument("--subpath", required=True, help="URL path the site is served under, e.g. /beleidsposities/")
    parser.add_argument("--alias", required=True, help="the version alias the sub-path leads to, e.g. actueel")
    parser.add_argument("--root", required=True, help="folder of the pages-branch checkout on the host")
    parser.add_argument("--server-name", required=True)
    parser.add_argument("--listen", required=True, help="nginx listen address, e.g. 80 or 127.0.0.1:8080")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml",
                        help="the site's mkdocs.yml, for the script files it adds (extra_javascript)")
    parser.add_argument("--site", type=Path, action="append", required=True,
                        help="built HTML whose inline scripts the CSP allows (repeatable)")
    args = parser.parse_args(argv)

    segments = args.subpath.split("/")[1:-1]
    if not re.fullmatch(r"(/[A-Za-z0-9._~-]+)+/", args.subpath) or {".", ".."} & set(segments):
        parser.error(f"--subpath must look like /name/ or /a/b/ (got {args.subpath!r})")
    if not re.fullmatch(r"[A-Za-z0-9._-]+", args.alias) or args.alias in {".", ".."}:
        parser.error(f"--alias must be a folder name (got {args.alias!r})")
    for name in ("root", "server_name", "listen"):
        if not re.fullmatch(r"[^\s;{}'\"$#]+", getattr(args, name)):
            parser.error(f"--{name.replace('_', '-')} must not contain spaces, quotes or ; {{ }} $ #")
    values = {
        "SUBPATH": args.subpath,
        "SUBPATH_NO_SLASH": args.subpath.rstrip("/"),
        "SUBPATH_REGEX": re.escape(args.subpath),
        "ALIAS": args.alias,
        "ROOT": args.root.rstrip("/"),
        "SERVER_NAME": args.server_name,
        "LISTEN": args.listen,
        "SCRIPT_HASHES": " ".join(script_hashes(args.site, args.config)),
    }
    text = render(args.template.read_text(encoding="utf-8"), values)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
