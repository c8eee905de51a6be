"""The preview's banner: the warnings that concern a page, on that page (`make serve` only; the hooks decide)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from macros.model.errors import Finding

BANNER_CLASS = "bp-voorvertoning"  # tests/test_preview.py looks for it in the preview, and never in a build


def banner(findings: Sequence[Finding]) -> str:
    """Material's warning admonition listing `findings` with file, line and message; every text from the data or a
    page is escaped. Empty for no findings."""
    if not findings:
        return ""
    items = "".join(f"<li><code>{escape(f'{finding.path}:{finding.line}')}</code> {escape(finding.message)}"
                    f"{f' ({escape(finding.hint)})' if finding.hint else ''} <code>[{escape(finding.code)}]</code></li>"
                    for finding in findings)
    count = f"{len(findings)} waarschuwing{'' if len(findings) == 1 else 'en'}"
    return (f'<div class="admonition warning {BANNER_CLASS}" data-pagefind-ignore>'
            f'<p class="admonition-title">Voorvertoning: {count} bij deze pagina</p><ul>{items}</ul>'
            "<p>Alleen de voorvertoning (<code>make serve</code>) toont dit blok. Verbeter wat de melding noemt, of "
            "erken de waarschuwing met <code>erkend:</code> bij het record waarover zij gaat (zie de "
            "redactiegids).</p></div>")
