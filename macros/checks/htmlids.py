"""The ids of built HTML: made known to MkDocs' anchor validation, and checked for duplicates on every built page.

`make check` refuses the duplicates the data and pages show (macros/checks/linkcheck.py); this check of the built pages
catches any other, so no page is published with an anchor that jumps to the wrong place.
"""

from __future__ import annotations

import re
from collections import Counter

from macros.model.errors import Finding

HTML_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


def html_ids(html: str) -> list[str]:
    """Every id attribute in `html`, in document order, duplicates included."""
    return [next(group for group in match.groups() if group is not None) for match in HTML_ID.finditer(html)]


def duplicate_id_findings(html: str, display: str, url: str) -> list[Finding]:
    """One error per id that the built page at `url` (from the page `display`) holds more than once."""
    counts = Counter(html_ids(html))
    return [Finding(display, 1, 1, f"de gebouwde pagina {url or './'} bevat het anker '#{anchor}' {count} keer",
                    "kies een andere id of een ander kopje", "dubbel-anker")
            for anchor, count in sorted(counts.items()) if count > 1 and anchor]
