"""The project settings the checks need; macros/adapter/config.py makes them from MkDocs' config."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.routing.page_map import PageMap

DATA_FOLDER = "data"
NOTAS_FOLDER = "notas"


@dataclass(frozen=True)
class Settings:
    """Where things are and how pages are parsed, for one project."""

    project_dir: Path
    docs_dir: Path
    pages: PageMap
    directory_urls: bool
    jinja_options: dict[str, str]
    extra_names: frozenset[str]
    # Where the theme looks for templates (the overrides first), and Material's own templates.
    template_dirs: tuple[Path, ...]
    theme_templates: Path
    openbaar: bool = False
    # The configured Markdown extensions as (name, configuration as JSON), for checking links and anchors.
    markdown_extensions: tuple[tuple[str, str], ...] = ()

    @property
    def data_dir(self) -> Path:
        return self.project_dir / DATA_FOLDER


def is_public(extra: dict) -> bool:
    """Whether this is the public (Woo) build: `extra.openbaar`, set by `make build-public` through BELEID_OPENBAAR."""
    value = extra.get("openbaar", False)
    return value is True or str(value).strip().lower() in ("1", "true", "ja")
