"""`make serve` on a port that is taken, or that is no port: a Dutch message and exit != 0 within seconds, no loop."""

from __future__ import annotations

import os
import socket
import subprocess
import time

import pytest

from tests.site_build import ROOT, SERVE_PARTS, copy_project

VENV = ROOT / ".venv"


def make_serve(project, port: str) -> tuple[subprocess.CompletedProcess, float]:
    """The real `make serve PORT=<port>` in `project` with the real .venv (never reinstalled), and its duration."""
    started = time.monotonic()
    result = subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/bin/mkdocs", "serve", f"PORT={port}",
                             f"VENV={VENV}"], cwd=project, capture_output=True, text=True, timeout=30,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, start_new_session=True)
    return result, time.monotonic() - started


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path, SERVE_PARTS)


def test_a_taken_port_stops_make_serve_with_a_dutch_message(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result, seconds = make_serve(project, str(port))
    assert result.returncode != 0, result.stdout + result.stderr
    assert seconds < 10, seconds
    assert f"poort {port} is al in gebruik" in result.stderr, result.stderr
    assert "make serve PORT=" in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "watchmedo" not in result.stdout, "the preview must not start on a taken port"


@pytest.mark.parametrize("port", ["acht", "0", "70000", "80; echo x", "8'; touch gemaakt; '"])
def test_a_port_that_is_no_port_is_refused(project, port):
    result, seconds = make_serve(project, port)
    assert result.returncode != 0
    assert seconds < 10
    assert "is geen poortnummer" in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (project / "gemaakt").exists(), "PORT reached the shell as code"
