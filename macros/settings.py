"""The project settings the checks need, read from mkdocs.yml the same way for `make check` and the build."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.errors import ContentError, Finding
from macros.urls import PageMap

DATA_FOLDER = "data"
NOTAS_FOLDER = "notas"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV` gives the variable or its default; Python tags are not needed here."""


def _env_tag(loader: _ConfigLoader, node: yaml.Node) -> object:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[name] for name in variables if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Settings:
    """Where things are and how pages are parsed, for one project."""

    project_dir: Path
    docs_dir: Path
    pages: PageMap
    directory_urls: bool
    jinja_options: dict[str, str]
    extra_names: frozenset[str]
    openbaar: bool = False
    # The configured Markdown extensions as (name, configuration as JSON), for checking links and anchors.
    markdown_extensions: tuple[tuple[str, str], ...] = ()

    @property
    def data_dir(self) -> Path:
        return self.project_dir / DATA_FOLDER

    @classmethod
    def load(cls, config_file: Path) -> Settings:
        """Read the settings from a project's mkdocs.yml."""
        display = config_file.name
        try:
            config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
        except OSError as error:
            raise ContentError([Finding(display, 1, 1, f"{display} kan niet worden gelezen: {error.strerror}",
                                        "start het commando in de map van het project", "bestand-ontbreekt")]
                               ) from None
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            raise ContentError([Finding(display, mark.line + 1, mark.column + 1,
                                        f"YAML kan niet worden gelezen: {error.problem or error.context}",
                                        "controleer inspringing en dubbele punten", "yaml-syntaxis")]) from None
        project_dir = config_file.resolve().parent
        extra = config.get("extra") or {}
        macros = next((entry["macros"] or {} for entry in config.get("plugins") or []
                       if isinstance(entry, dict) and "macros" in entry), {})
        jinja_options = {key.removeprefix("j2_"): value for key, value in macros.items()
                         if key.startswith("j2_") and key.endswith("_string") and value}
        return cls(project_dir, project_dir / config.get("docs_dir", "docs"), PageMap.from_config(extra.get("paginas")),
                   config.get("use_directory_urls", True), jinja_options, frozenset(extra), is_public(extra),
                   markdown_extensions(config.get("markdown_extensions")))


def markdown_extensions(configured: list | None) -> tuple[tuple[str, str], ...]:
    """`markdown_extensions` of mkdocs.yml as (name, configuration as JSON) pairs."""
    entries = [entry if isinstance(entry, dict) else {entry: None} for entry in configured or []]
    return tuple((str(name), json.dumps(config)) for entry in entries for name, config in entry.items())


def is_public(extra: dict) -> bool:
    """Whether this is the public (Woo) build: `extra.openbaar`, set by `make build-public` through BELEID_OPENBAAR."""
    value = extra.get("openbaar", False)
    return value is True or str(value).strip().lower() in ("1", "true", "ja")
