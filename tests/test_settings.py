"""The settings come from MkDocs' config: the build's, or mkdocs.yml read by MkDocs' own loader for `make check`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.adapter.config import load_settings
from macros.model.errors import ContentError
from tests.site_build import CLI, ROOT, copy_project


def test_the_loader_reads_env_tags_as_mkdocs_does(monkeypatch):
    monkeypatch.setenv("BELEID_OPENBAAR", "1")
    settings = load_settings(ROOT / "mkdocs.yml")
    assert settings.openbaar and settings.project_dir == ROOT.resolve() and settings.docs_dir == ROOT / "docs"
    assert settings.jinja_options == {"comment_start_string": "{##", "comment_end_string": "##}"}
    assert ("toc", '{"permalink": true, "permalink_title": "Link naar deze sectie"}') in settings.markdown_extensions


def test_invalid_yaml_in_mkdocs_yml_names_its_line(tmp_path):
    config = Path(copy_project(tmp_path, ("mkdocs.yml", "docs")), "mkdocs.yml")
    config.write_text(config.read_text(encoding="utf-8").replace("theme:\n", "theme: [\n", 1), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_settings(config)
    [finding] = raised.value.findings
    assert finding.code == "yaml-syntaxis" and finding.path == "mkdocs.yml" and finding.line > 1


def test_check_without_mkdocs_yml_says_where_to_start_it(tmp_path):
    result = subprocess.run([sys.executable, "-m", CLI, "--config", str(tmp_path / "mkdocs.yml"), "check"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "mkdocs.yml kan niet worden gelezen" in result.stdout and "Traceback" not in result.stderr
