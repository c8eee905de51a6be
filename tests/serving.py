"""Serve a built site over HTTP on 127.0.0.1 under a sub-path, as the intranet host does."""

from __future__ import annotations

import functools
import socket
import sys
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SUB_PATH = "beleidsposities"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> str:
    """The body of `url` as text, or '' while the server does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        """Keep test output clean."""


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that closes a connection while a file is sent (the test is done with the page) is no error."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class StaticServer:
    """A threaded static file server whose `site` lives under `/<sub_path>/` (SUB_PATH; "" for the root)."""

    def __init__(self, site: Path, workdir: Path, sub_path: str = SUB_PATH):
        root = workdir / "www"
        root.mkdir(parents=True, exist_ok=True)
        if sub_path:
            (root / sub_path).symlink_to(site, target_is_directory=True)
        else:
            root = site
        self.sub_path = sub_path
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The site's base URL, ending in a slash."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/" + (f"{self.sub_path}/" if self.sub_path else "")

    def __enter__(self) -> StaticServer:
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
