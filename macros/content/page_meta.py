"""Where MkDocs finds a page's front matter, and what it reads there, kept here so that nothing but the adapter
imports MkDocs: the same rules as `mkdocs.utils.meta` (YAML between `---` lines, or MultiMarkdown's `key: value`
lines). tests/test_site_paths.py holds them to MkDocs' own function on every page and on edge cases."""

from __future__ import annotations

import re

import yaml

YAML_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")


def get_data(doc: str) -> tuple[str, dict]:
    """(the page without its front matter, the front matter) as MkDocs reads them."""
    if match := YAML_RE.match(doc):
        try:
            data = yaml.load(match.group(1), yaml.CSafeLoader)
        except Exception:  # MkDocs reads an unreadable front matter as none, and keeps it as text
            return doc, {}
        return (doc[match.end():].lstrip("\n"), data) if isinstance(data, dict) else (doc, {})
    return _multimarkdown(doc)


def _multimarkdown(doc: str) -> tuple[str, dict]:
    data: dict = {}
    lines = doc.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    key = None
    while lines:
        line = lines.pop(0)
        if line.strip() == "":
            break
        if first := META_RE.match(line):
            key = first.group("key").lower().strip()
            value = first.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
        elif (more := META_MORE_RE.match(line)) and key:
            data[key] += " " + more.group("value").strip()
        else:
            lines.insert(0, line)
            break
    return "\n".join(lines).lstrip("\n"), data
