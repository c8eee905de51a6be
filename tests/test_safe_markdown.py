"""Data texts: the safe subset of Markdown (macros/model/safemarkdown.py), its second wall (nh3), and names as text.

The adversarial corpus (tests/adversarial/test_injection.py) proves the refusals end to end; these tests prove
the wall behind them on its own: the renderer's HTML of a hostile text that the check never saw (a previous
version's export on the change-notes page, say) carries no script, handler, image or off-host link.
"""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.adapter.config import load_settings
from macros.content.content_cache import index_for
from macros.model.safemarkdown import EXTENSIONS, sanitise, unsafe
from macros.rendering.escaping import markdown_literal
from macros.rendering.render import Renderer
from tests.site_build import ROOT

HOSTILE = [
    "[a](javascript:alert(1))", "[a](JAVASCRIPT:alert(1))", "[a](javascript&#58;alert(1))", "[a](java&#x09;script:x)",
    "[a][1]\n\n[1]: vbscript:x", "[a](data:text/html,x)", "[a](//evil.example/)", "[a](https://x.org){: onclick=x }",
    "x\n{: style='color:red' }", "![p](https://evil.example/p.png)", "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>", "x <!-- geheim -->", "<a href='javascript:x'>a</a>", "<svg onload=alert(1)>",
    "[a](https://x.org){: href='javascript:x' }", "[a](\x01javascript:x)", "[tijdlijn](../../tijdlijn/#verzoek)",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_every_hostile_text_is_outside_the_subset(text):
    assert unsafe(text) is not None


@pytest.mark.parametrize("text", ["**vet** en *cursief*", "[brief](https://example.org/a?b=1&c=2)",
                                  "[mail](mailto:a@example.org)",
                                  "<https://example.org>", "1. een\n2. twee", "`{: code }` blijft code",
                                  "a < b en c > d", "de &lt;marges&gt;", "Prijs: 5 % & meer (c)"])
def test_ordinary_markdown_is_inside_the_subset(text):
    assert unsafe(text) is None


def html_of(text: str) -> str:
    """What the renderer would make of `text` if the check had let it through: raw HTML enabled, as a worst case."""
    return sanitise(markdown.Markdown(extensions=EXTENSIONS).convert(text))


@pytest.mark.parametrize("text", HOSTILE)
def test_the_sanitiser_leaves_nothing_live_whatever_the_check_missed(text):
    tree = BeautifulSoup(html_of(text), "html.parser")
    for tag in tree.find_all(True):
        assert tag.name in {"p", "a", "em", "strong", "code"}, tag
        assert set(tag.attrs) <= {"href", "title"}, tag
        href = tag.get("href", "")
        assert href == "" or href.startswith(("https://", "http://", "mailto:")), tag
    assert "geheim" not in str(tree)  # comments are dropped


def test_the_renderer_sanitises_what_it_renders():
    renderer = Renderer(index_for(load_settings(ROOT / "mkdocs.yml")), ROOT)
    rendered = str(renderer.markdown("[a](https://x.org){: onclick=alert(1) } ![p](https://evil.example/p.png)"))
    assert rendered == '<p><a href="https://x.org">a</a> </p>'


@pytest.mark.parametrize("text", ["*x* [a](javascript:alert(1)) <img src=x>", "{: #titel }", "1st (c) 1/2 -->",
                                  "a\n# b", "`x` \\* &amp; __y__ ~~z~~"])
def test_a_literal_renders_as_written_on_one_line(text):
    html = markdown.Markdown(extensions=[*EXTENSIONS, "toc"]).convert(f"# {markdown_literal(text)} {{: #titel }}")
    heading = BeautifulSoup(html, "html.parser").find_all(True)
    assert [tag.name for tag in heading] == ["h1"] and heading[0]["id"] == "titel"
    assert heading[0].get_text() == " ".join(text.split())
