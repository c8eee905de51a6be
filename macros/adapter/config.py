"""The project's Settings from MkDocs' config: the build's config object, or mkdocs.yml read by MkDocs' loader."""

from __future__ import annotations

import json
import os
from pathlib import Path

import material
import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from macros.content.settings import Settings, is_public
from macros.content.yamlsource import syntax_finding
from macros.model.errors import ContentError, Finding
from macros.routing.page_map import PageMap

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def load_settings(config_file: Path) -> Settings:
    """Read the settings from a project's mkdocs.yml, as MkDocs reads it (`!ENV` and all)."""
    return settings_of(load_mkdocs_config(config_file))


def load_mkdocs_config(config_file: Path):
    """A project's mkdocs.yml read by MkDocs' loader; what is wrong with it raises ContentError, in Dutch."""
    try:
        return load_config(config_file=str(config_file))
    except (ConfigurationError, SystemExit) as error:
        raise ContentError([config_finding(config_file, error)]) from None


def settings_of(config) -> Settings:
    """The settings of a MkDocs config object (the build's, or one MkDocs' loader read)."""
    config_dir = os.path.dirname(config.config_file_path) or "."
    project_dir = Path(config_dir).resolve()
    macros = config.plugins.get("macros")
    options = macros.config if macros is not None else {}
    jinja_options = {key.removeprefix("j2_"): value for key, value in options.items()
                     if key.startswith("j2_") and key.endswith("_string") and value}
    return Settings(project_dir, project_dir / os.path.relpath(config.docs_dir, config_dir),
                    PageMap.from_config(config.extra.get("paginas")), config.use_directory_urls, jinja_options,
                    frozenset(config.extra), tuple(Path(folder) for folder in config.theme.dirs), MATERIAL_TEMPLATES,
                    is_public(config.extra), markdown_extensions(config.markdown_extensions, config.mdx_configs))


def config_finding(config_file: Path, error: BaseException) -> Finding:
    """What is wrong with mkdocs.yml, in Dutch: unreadable, invalid YAML (with its line), or an invalid setting."""
    display = config_file.name
    cause = error.__context__
    if isinstance(cause, yaml.MarkedYAMLError):
        return syntax_finding(cause, config_file.read_text(encoding="utf-8", errors="replace"), display)
    if not config_file.is_file():
        return Finding(display, 1, 1, f"{display} kan niet worden gelezen: het bestand ontbreekt",
                       "start het commando in de map van het project", "bestand-ontbreekt")
    return Finding(display, 1, 1, f"{display} is ongeldig: {error}",
                   "verbeter de instelling die MkDocs hierboven meldt", "instelling-ongeldig")


def markdown_extensions(names: list[str], configs: dict) -> tuple[tuple[str, str], ...]:
    """MkDocs' Markdown extensions as (name, configuration as JSON) pairs."""
    return tuple((name, json.dumps(configs.get(name))) for name in names)
