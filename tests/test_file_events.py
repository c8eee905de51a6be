"""The preview's watcher of file events (macros/adapter/file_events.py) on MkDocs' real live-reload server."""

import time

from mkdocs.livereload import LiveReloadServer

from macros.adapter.file_events import wake_on_file_events


def wanted_within(server, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server._want_rebuild:
            return True
        time.sleep(0.01)
    return server._want_rebuild


def test_a_write_wakes_the_server_and_a_read_does_not(tmp_path):
    page = tmp_path / "pagina.md"
    page.write_text("# Titel\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    observer = wake_on_file_events(server, [tmp_path])
    assert observer is not None, "this machine offers file events (inotify)"
    try:
        page.read_text(encoding="utf-8")  # the build reads the watched files: no rebuild for that
        assert not wanted_within(server, 0.5)
        page.write_text("# Titel\n\nBewerkt.\n", encoding="utf-8")
        assert wanted_within(server, 0.4), "a save wakes the server before MkDocs' half-second poll"
    finally:
        observer.stop()
        server.server_close()
