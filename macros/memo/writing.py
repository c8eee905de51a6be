"""The note's two files as `make nota` writes them: the data file from the skeleton, its fields filled in (an
unsure one left empty with a comment), and the page with the memo's sections verbatim (made text:
macros/memo/safetext.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from string import Template

import yaml

from macros.content.scaffold import SKELETONS
from macros.memo.structure import Section

WIDTH = 100
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KERNPUNT_KEYS = ("id", "tekst", "bronnen", "onderwerpen", "vervangt", "opmerking", "niet_openbaar", "erkend",
                 "kernpunten")
# Fields a note may have that the skeleton does not name: written after 'besluit'.
AFTER_BESLUIT = ("vervangt", "trekt_in")
# Fields the skeleton does not name either, written just before 'kernpunten' (a re-import keeps them).
BEFORE_KERNPUNTEN = ("erkend",)


def scalar(value: object, indent: int) -> str:
    """`value` as YAML after 'key: ': plain where it reads back the same, folded (>-) when long, else quoted."""
    if isinstance(value, list):
        if all(isinstance(item, str) and SLUG.match(item) for item in value):
            return f"[{', '.join(value)}]"
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    short = len(text) + indent + 24 <= WIDTH
    if short and _reads_back(text, text):
        return text
    if not short and "\n" not in text and "  " not in text and text == text.strip():
        lines = textwrap.wrap(text, WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False)
        folded = ">-\n" + "\n".join(" " * (indent + 2) + line for line in lines)
        if _reads_back(folded, text, indent):
            return folded
    return json.dumps(text, ensure_ascii=False)


def _reads_back(rendered: str, value: str, indent: int = 0) -> bool:
    try:
        return yaml.safe_load(f"{' ' * indent}k: {rendered}") == {"k": value}
    except yaml.YAMLError:
        return False


def note_yaml(referentie: str, values: dict[str, object], comments: dict[str, str],
              kernpunten: list[dict], kernpunt_comments: dict[str, dict[str, str]]) -> str:
    """The data file: the skeleton with `values` in place (and optional fields added), `comments` at the end of
    their lines, and the kernpunten."""
    skeleton = Template((SKELETONS / "nota.yaml").read_text(encoding="utf-8")).substitute(referentie=referentie)
    out: list[str] = []
    for line in skeleton.splitlines():
        key = line.split(":", 1)[0]
        optional = key.removeprefix("# ")
        if line.startswith("kernpunten:"):
            break
        if key in values and not line.startswith("#"):
            out.append(_field(key, values[key], comments.get(key, ""), 0))
            if key == "besluit":
                out += [_field(name, values[name], "", 0) for name in AFTER_BESLUIT if name in values]
        else:
            out.append(line)
            if line.startswith("# ") and ":" in line and optional in values and optional.isidentifier():
                out.append(_field(optional, values[optional], "", 0))
    out += [_field(name, values[name], "", 0) for name in BEFORE_KERNPUNTEN if name in values]
    if not kernpunten:
        return "\n".join([*out, "kernpunten: []"]) + "\n"
    return "\n".join([*out, "kernpunten:", *_kernpunten(kernpunten, kernpunt_comments, 2)]) + "\n"


def _field(key: str, value: object, comment: str, indent: int) -> str:
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):  # erkend: [{...}]
        lines = [f"{' ' * indent}{key}:"]
        for item in value:
            fields = "\n".join(_field(name, part, "", indent + 4) for name, part in item.items())
            lines.append(f"{' ' * (indent + 2)}- {fields.lstrip()}")
        return "\n".join(lines)
    if isinstance(value, dict):
        return "\n".join([f"{' ' * indent}{key}:"] + [_field(name, item, "", indent + 2)
                                                      for name, item in value.items()])
    rendered = '""' if value == "" else scalar(value, indent)
    line = f"{' ' * indent}{key}: {rendered}"
    return f"{line}  # {comment}" if comment and "\n" not in rendered else line


def _kernpunten(kernpunten: list[dict], comments: dict[str, dict[str, str]], indent: int) -> list[str]:
    lines: list[str] = []
    for kernpunt in kernpunten:
        notes = comments.get(kernpunt["id"], {})
        for key in KERNPUNT_KEYS:
            if key not in kernpunt:
                continue
            if key == "kernpunten":
                if kernpunt[key]:
                    lines.append(f"{' ' * (indent + 2)}kernpunten:")
                    lines += _kernpunten(kernpunt[key], comments, indent + 4)
                continue
            field = _field(key, kernpunt[key], notes.get(key, ""), indent + 2)
            lines.append(f"{' ' * indent}- {field.lstrip()}" if key == "id" else field)
    return lines


def note_page(referentie: str, sections: list[Section]) -> str:
    """The page: the note's header macro, then each section with its text as in the memo; under 'Kernpunten' the
    kernpunten macros (and any text of that section that is not a kernpunt)."""
    parts = [f'{{{{ nota_kop("{referentie}") }}}}']
    for section in sections:
        parts.append(section.heading)
        parts += section.body  # made text by macros/memo/safetext.py: no {% raw %} block, which a memo could close
        if section.is_kernpunten:
            parts += [f'{{{{ kernpunten("{referentie}") }}}}', f'{{{{ kernpunten_web("{referentie}") }}}}']
    return "\n\n".join(parts) + "\n"
