"""Partials' HTML passes Markdown unchanged (macros/rendering/shield.py); only their own headings stay Markdown."""

from __future__ import annotations

import markdown

from macros.rendering.shield import shield, unshield

PARTIAL = """# Titel {: #titel }

<dl class="bp-kop"><dt>Datum</dt> <dd>11 mei 2025 &amp; later</dd></dl>
<pre>
# geen kop: een regel uit de gegevens
</pre>

## Kernpunten {: #kernpunten }

<ul><li>Één +/- twee (c)</li></ul>"""


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "pymdownx.smartsymbols"])


def test_the_html_comes_out_of_markdown_as_it_went_in():
    html = unshield(convert(shield(PARTIAL)))
    assert '<dl class="bp-kop"><dt>Datum</dt> <dd>11 mei 2025 &amp; later</dd></dl>' in html
    assert "<pre>\n# geen kop: een regel uit de gegevens\n</pre>" in html
    assert "<ul><li>Één +/- twee (c)</li></ul>" in html  # as text, smartsymbols would make them ± and ©


def test_the_partials_own_headings_stay_markdown_and_a_data_line_with_a_hash_does_not():
    html = unshield(convert(shield(PARTIAL)))
    assert '<h1 id="titel">Titel</h1>' in html and '<h2 id="kernpunten">Kernpunten</h2>' in html
    assert "<h1>geen kop" not in html
    assert "bp-html" not in html
