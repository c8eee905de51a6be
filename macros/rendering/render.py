"""Render the partials in overrides/partials/beleid with records from the index."""

from __future__ import annotations

from pathlib import Path

import markdown
from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from macros.content.reads import ReadingIndex
from macros.model.dates import format_dutch
from macros.model.identifiers import SCHEMES
from macros.model.safemarkdown import EXTENSIONS, sanitise
from macros.rendering.escaping import markdown_literal
from macros.rendering.shield import shield
from macros.routing.page_map import page_url
from macros.routing.site_paths import relative_url

TEMPLATES = Path("overrides") / "partials" / "beleid"


class Links:
    """Hrefs to records, relative to the page being rendered (so the site works under any sub-path).

    One instance is a global of the partials, so the shared macros in onderdelen.html compile and import once;
    the renderer points it at each page before rendering.
    """

    def __init__(self, index: ReadingIndex):
        self.index = index
        self.page_url = ""

    def __call__(self, kind: str, record_id: str) -> str:
        path, _, anchor = self.index.url(kind, record_id).partition("#")
        href = relative_url(path, self.page_url) if path != self.page_url else ""
        return f"{href}#{anchor}" if anchor else href or "./"

    def page(self, source: str) -> str:
        """The href of the page built from the docs-relative `source` (e.g. page 2 of a list)."""
        return relative_url(page_url(source, self.index.directory_urls), self.page_url)


class CompiledTemplates(BytecodeCache):
    """The partials' compiled code, kept across the preview's builds: a new renderer compiles only the partials
    whose source changed (Jinja compares each source's checksum)."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class Renderer:
    """One Jinja environment for the site's partials; templates compile once and are reused (`compiled` keeps
    their code for the next build's renderer, `html` the data's Markdown converted)."""

    def __init__(self, index: ReadingIndex, project_dir: Path, compiled: CompiledTemplates | None = None,
                 html: dict[str, Markup] | None = None):
        self.index = index
        self.environment = Environment(loader=FileSystemLoader(project_dir / TEMPLATES), autoescape=True,
                                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                       bytecode_cache=compiled)
        self.environment.filters.update(datum=format_dutch, markdown=self.markdown,
                                        markdown_inline=self.markdown_inline, literal=markdown_literal)
        self.links = Links(index)
        self.environment.globals.update(schemes=SCHEMES, record=index.get, index=index, links=self.links)
        self._converter = markdown.Markdown(extensions=EXTENSIONS)
        self._converter.preprocessors.deregister("html_block")
        self._converter.inlinePatterns.deregister("html")
        self._html: dict[str, Markup] = {} if html is None else html  # by Markdown text; a build may pass the last's

    def markdown(self, text: str) -> Markup:
        """Markdown from data as HTML; raw HTML in the text is escaped, never passed through, and the result is
        sanitised (the schema already refused what lies outside the safe subset: macros/model/safemarkdown.py)."""
        if text not in self._html:
            self._html[text] = Markup(sanitise(self._converter.reset().convert(text)))
        return self._html[text]

    def markdown_inline(self, text: str) -> Markup:
        """Like `markdown`, without the surrounding paragraph, for use inside a sentence."""
        html = str(self.markdown(text))
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(html)

    def render(self, template: str, page_url: str, **context) -> str:
        """Render one partial for the page at `page_url`, shielded from Markdown; blank lines keep it a block."""
        return f"\n{shield(self.render_inline(template, page_url, **context))}\n"

    def render_with_markdown(self, template: str, page_url: str, **context) -> str:
        """Render a partial whose output holds Markdown (in `markdown="block"` elements): not shielded."""
        return f"\n{self.render_inline(template, page_url, **context)}\n"

    def render_inline(self, template: str, page_url: str, **context) -> str:
        """Render one partial for use inside a sentence: its HTML as it is."""
        self.links.page_url = page_url
        self.index.reads.add(("sjabloon", template))
        return self.environment.get_template(template).render(**context).strip()
