"""Finding text in every file of a built site, in every encoding the build may write it, gzip included."""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

GZIP_MAGIC = b"\x1f\x8b"


def plain(text: str) -> str:
    return " ".join(text.split())


def encodings(text: str) -> set[bytes]:
    """`text` as the build may write it: plain, as HTML entities, as JSON string content, or both."""
    forms = {text, html.escape(text), html.escape(text, quote=False)}
    forms |= {json.dumps(form, ensure_ascii=ascii)[1:-1] for form in set(forms) for ascii in (True, False)}
    return {form.encode("utf-8") for form in forms}


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [text for item in items for text in _json_strings(item)]


def file_contents(site: Path) -> dict[str, bytes]:
    """Every file of a built site, gzip decompressed, plus each JSON file's strings with HTML entities decoded."""
    contents = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data.startswith(GZIP_MAGIC):
            data = gzip.decompress(data)
        name = path.relative_to(site).as_posix()
        contents[name] = re.sub(rb"\s+", b" ", data)
        try:
            strings = _json_strings(json.loads(data))
        except ValueError:
            continue
        contents[f"{name} (JSON, entities decoded)"] = plain(html.unescape("\n".join(strings))).encode("utf-8")
    return contents


def find_leaks(site: Path, needles: set[str]) -> list[tuple[str, str]]:
    """(needle, file) for every needle found in any file of `site`, in any of its encodings."""
    contents = file_contents(site)
    return sorted((needle, name) for needle in needles for form in encodings(plain(needle))
                  for name, data in contents.items() if form in data)
