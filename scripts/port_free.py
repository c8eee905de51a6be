"""Exit 0 if `make serve` can listen on 127.0.0.1:PORT; else say in Dutch why not and how to pick another port."""

from __future__ import annotations

import errno
import socket
import sys


def problem(port_text: str) -> str | None:
    """Why the preview cannot listen on `port_text`, or None when it can."""
    if not port_text.isascii() or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        return (f"PORT={port_text!r} is geen poortnummer: geef een getal van 1 tot 65535, "
                "bijvoorbeeld make serve PORT=8001")
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as mkdocs serve does
        try:
            probe.bind(("127.0.0.1", int(port_text)))
        except OSError as error:
            cause = "is al in gebruik (draait make serve al?)" if error.errno == errno.EADDRINUSE else \
                f"kan niet worden gebruikt ({error.strerror})"
            other = int(port_text) % 65535 + 1
            return f"poort {port_text} {cause}: kies een andere poort, bijvoorbeeld make serve PORT={other}"
    return None


if __name__ == "__main__":
    message = problem(sys.argv[1] if len(sys.argv) > 1 else "")
    if message:
        print(message, file=sys.stderr)
        sys.exit(2)
