"""JSON Schemas of the data files for the editor (VS Code's YAML extension, .vscode/settings.json): generated from
the pydantic models, with the ids the data defines listed where a field refers to a record, so they complete."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from macros.content.index import Index, with_article
from macros.content.loading import OPTIONAL_FILES, SINGLE_FILES
from macros.content.settings import DATA_FOLDER, NOTAS_FOLDER
from macros.model.kinds import KINDS
from macros.model.schema import PATTERN_HINTS, REFERS_KEY, Nota

SCHEMA_FOLDER = "schemas"
DRAFT = "http://json-schema.org/draft-07/schema#"  # the newest the YAML language server supports
LABEL_LENGTH = 80


def schema_files() -> dict[str, tuple[str, type[BaseModel]]]:
    """Each schema file (relative to the project) with the glob of the data files it describes and their model."""
    files = {f"{DATA_FOLDER}/{name}": model for name, model in {**SINGLE_FILES, **OPTIONAL_FILES}.items()}
    files[f"{DATA_FOLDER}/{NOTAS_FOLDER}/*.yaml"] = Nota
    return {f"{SCHEMA_FOLDER}/{_stem(glob)}.schema.json": (glob, model) for glob, model in files.items()}


def _stem(glob: str) -> str:
    return "nota" if glob.endswith("*.yaml") else Path(glob).stem


def json_schemas(index: Index) -> dict[str, str]:
    """Each schema file's text for the content of `index` (the internal one: every id the editor may use)."""
    return {path: json.dumps(_schema(glob, model, index), ensure_ascii=False, indent=2) + "\n"
            for path, (glob, model) in schema_files().items()}


def _schema(glob: str, model: type[BaseModel], index: Index) -> dict:
    referred: set[str] = set()
    schema = _editorial(model.model_json_schema(), referred)
    ids = {f"{kind}-id": _known_ids(kind, index) for kind in sorted(referred)}
    return {"$schema": DRAFT, "title": glob, **schema, "$defs": {**schema.get("$defs", {}), **ids}}


def _editorial(node: Any, referred: set[str]) -> Any:
    """The schema as an editor reads it: the models' English docstrings and titles left out, Dutch hints for
    patterns, and a reference to a record of a kind (noted in `referred`) as one of the ids the data defines."""
    if isinstance(node, list):
        return [_editorial(item, referred) for item in node]
    if not isinstance(node, dict):
        return node
    if REFERS_KEY in node:
        referred.add(node[REFERS_KEY])
        return {"$ref": f"#/$defs/{node[REFERS_KEY]}-id"}
    out = {}
    for key, value in node.items():
        if key == "title" or (key == "description" and "properties" in node):  # English, for developers
            continue
        if key in ("properties", "$defs"):
            out[key] = {name: _editorial(item, referred) for name, item in value.items()}
        else:
            out[key] = _editorial(value, referred)
    if node.get("pattern") in PATTERN_HINTS:
        out["patternErrorMessage"] = PATTERN_HINTS[node["pattern"]][0]
    return out


def _known_ids(kind: str, index: Index) -> dict:
    """The ids of `kind` that the data defines, with their titles (a referentie may also be written unquoted)."""
    records = index.records.get(kind, {})
    ids = sorted(records)
    labels = [_label(kind, records[value]) for value in ids]
    if kind == "nota":
        ids, labels = [*ids, *(int(value) for value in ids)], labels * 2
    return {"description": f"{with_article(kind)}: een id uit {KINDS[kind].files}", "enum": ids,
            "enumDescriptions": labels}


def _label(kind: str, record: BaseModel) -> str:
    """A record's title as the editor's completion list shows it."""
    title = KINDS[kind].title
    text = title(record) if title else next((str(getattr(record, name)) for name in ("titel", "naam", "omschrijving",
                                                                                     "kop", "tekst")
                                             if getattr(record, name, None)), "")
    text = " ".join(text.split())
    return text if len(text) <= LABEL_LENGTH else text[:LABEL_LENGTH - 1] + "…"


def in_pipeline() -> bool:
    """Whether this runs in a pipeline (GitHub and GitLab set CI), where nothing may write into the checkout."""
    return bool(os.environ.get("CI"))


def stale_schemas(project_dir: Path, index: Index) -> dict[str, str]:
    """The schema files that are missing or differ from what the data gives, with their new text; none in a project
    without a schemas/ folder (a generated corpus, a test's copy), which keeps no schemas."""
    if not (project_dir / SCHEMA_FOLDER).is_dir():
        return {}
    return {path: text for path, text in json_schemas(index).items()
            if not (project_dir / path).is_file() or (project_dir / path).read_text(encoding="utf-8") != text}


def write_schemas(project_dir: Path, index: Index) -> list[str]:
    """Write the schema files that are stale; the paths written."""
    stale = stale_schemas(project_dir, index)
    for path, text in stale.items():
        (project_dir / path).write_text(text, encoding="utf-8")
    return sorted(stale)
