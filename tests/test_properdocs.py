"""The runway: ProperDocs (a maintained fork of MkDocs 1.x) builds the same pages from the same mkdocs.yml."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.site_build import BUILD_ENV, ROOT

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_pages(built_site, tmp_path):
    site = tmp_path / "properdocs"
    env = {**os.environ, **BUILD_ENV}
    result = subprocess.run([str(PROPERDOCS), "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"),
                             "--site-dir", str(site)], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    ours = {path.relative_to(built_site) for path in built_site.rglob("*") if path.is_file()}
    theirs = {path.relative_to(site) for path in site.rglob("*") if path.is_file()}
    assert ours == theirs
    differing = [path for path in sorted(ours) if _normalised(built_site / path) != _normalised(site / path)]
    assert differing == [], "pages differ beyond the generator's name"
    assert any(path.suffix == ".html" for path in ours)


def _normalised(file: Path) -> bytes:
    """The file's bytes, with the generator meta tag (which names MkDocs or ProperDocs) blanked."""
    return GENERATOR.sub(b"", file.read_bytes())
