"""Debian's nginx serving a pages-branch tree with the project's generated configuration, on a free loopback port.

`serve_with_nginx(root, subpath, alias=...)` renders deploy/nginx.conf.template with scripts/render_nginx_conf.py
(listening on 127.0.0.1:<free port>, the CSP's script hashes taken from the HTML under `root`), wraps the
result in a minimal main configuration whose pid file, logs and temporary folders live in a temporary folder,
runs `nginx -e <tmp>/error.log` in the foreground (`daemon off;`) and yields the site's base URL. nginx is
stopped when the block ends. If it does not start, the error names the configuration and quotes the error log.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.serving import free_port
from tests.site_build import ROOT

NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")
RENDERER = ROOT / "scripts" / "render_nginx_conf.py"
TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
STARTUP_SECONDS = 15

MAIN_CONF = """\
daemon off;
master_process on;
worker_processes 1;
{user}
pid {tmp}/nginx.pid;
error_log {tmp}/error.log notice;
events {{
    worker_connections 64;
}}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log {tmp}/access.log;
{temp_paths}
    include {tmp}/site.conf;
}}
"""


class NginxError(RuntimeError):
    """nginx rejected the configuration or did not start."""


def _readable_by_others(path: Path) -> bool:
    """Whether a worker running as another user (nobody) can reach and read everything under `path`."""
    for parent in path.resolve().parents:
        if not parent.stat().st_mode & stat.S_IXOTH:
            return False
    for folder, _, files in os.walk(path):
        if (os.stat(folder).st_mode & 0o005) != 0o005:
            return False
        if any(not os.stat(os.path.join(folder, name)).st_mode & stat.S_IROTH for name in files):
            return False
    return True


def _world_readable_copy(source: Path, target: Path) -> Path:
    """A copy of `source` with folders 0755 and files 0644."""
    shutil.copytree(source, target, symlinks=True)
    for folder, _, files in os.walk(target):
        os.chmod(folder, 0o755)
        for name in files:
            file = Path(folder, name)
            if not file.is_symlink():
                file.chmod(0o644)
    return target


def _log(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else "(no log)"


def _started(process: subprocess.Popen, tmp: Path, port: int) -> bool:
    """Whether our nginx has bound its sockets (it writes the pid file after that) and the port answers."""
    pid_file = tmp / "nginx.pid"
    if not pid_file.exists() or pid_file.read_text().strip() != str(process.pid):
        return False
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@contextmanager
def serve_with_nginx(root: Path, subpath: str, *, alias: str, server_name: str = "localhost",
                     hashes_from: Path | None = None) -> Iterator[str]:
    """Serve the pages-branch tree `root` under `subpath` with the generated configuration; yield the base URL.

    The CSP allows the inline scripts of the HTML under `hashes_from` (default: `root` itself)."""
    if not NGINX.exists():
        raise NginxError(f"{NGINX} is missing: install Debian's nginx (make /usr/sbin/nginx)")
    tmp = Path(tempfile.mkdtemp(prefix="beleid-nginx-"))
    tmp.chmod(0o755)
    served = root if _readable_by_others(root) else _world_readable_copy(root, tmp / "www")
    # On failure, tmp stays for inspection.
    process, port = _start(served, subpath, alias, server_name, tmp, hashes_from or served)
    try:
        yield f"http://127.0.0.1:{port}{subpath}"
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful stop of the master we started
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def _start(served: Path, subpath: str, alias: str, server_name: str, tmp: Path,
           hashes_from: Path) -> tuple[subprocess.Popen, int]:
    """Render the configuration and start nginx on a free port (a port taken meanwhile gets one more try)."""
    for attempt in range(3):
        port = free_port()
        rendered = subprocess.run(
            [sys.executable, str(RENDERER), "--subpath", subpath, "--alias", alias, "--root", str(served),
             "--server-name", server_name, "--listen", f"127.0.0.1:{port}", "--site", str(hashes_from),
             "--out", str(tmp / "site.conf")], capture_output=True, text=True)
        if rendered.returncode != 0:
            raise NginxError(f"render_nginx_conf.py failed:\n{rendered.stderr}")
        (tmp / "nginx.conf").write_text(MAIN_CONF.format(
            tmp=tmp, mime_types=MIME_TYPES,
            # As root, nginx's workers run as `user`; as anyone else they keep the caller's identity.
            user="user nobody nogroup;" if os.geteuid() == 0 else "",
            temp_paths="\n".join(f"    {kind}_temp_path {tmp}/{kind};" for kind in TEMP_PATHS)), encoding="utf-8")
        command = [str(NGINX), "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
        checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
        if checked.returncode != 0:
            raise NginxError(f"nginx -t rejected {tmp / 'site.conf'}:\n{checked.stderr}{_log(tmp / 'error.log')}")
        output = (tmp / "nginx.out").open("wb")
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        output.close()
        # nginx writes its pid file once its sockets are bound (a port that answers might be someone else's).
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and process.poll() is None and not _started(process, tmp, port):
            time.sleep(0.05)
        if process.poll() is None and _started(process, tmp, port):
            return process, port
        if process.poll() is None:
            process.kill()
        process.wait()
        log = _log(tmp / "error.log") + _log(tmp / "nginx.out")
        if "Address already in use" not in log or attempt == 2:
            raise NginxError(f"nginx did not start (exit code {process.returncode}) with {tmp / 'site.conf'}:\n{log}")
    raise AssertionError("unreachable")
