"""The preview hears a save at once. MkDocs' server polls the files it watches every half second (reading every
file's time to do so); the system's file events (inotify on Linux) wake it as soon as a file is written. The polling
stays, for file systems that send no events (network drives, some containers)."""

from __future__ import annotations

import logging
import os

from watchdog.events import (
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

log = logging.getLogger("mkdocs.hooks.beleid")
# Writes only: the build itself opens and reads the watched files.
WRITES = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent]


def wake_on_file_events(server, paths) -> Observer | None:
    """Let a write under `paths` wake MkDocs' live-reload `server` as its own polling does; None when the system
    offers no file events here (the polling alone then sees the saves)."""
    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: _want_rebuild(server)
    observer = Observer()
    try:
        for path in paths:
            observer.schedule(handler, os.fspath(path), recursive=os.path.isdir(path), event_filter=WRITES)
        observer.start()
    except OSError as error:
        log.info(f"de voorvertoning ziet wijzigingen binnen een halve seconde (geen bestandsmeldingen: {error})")
        return None
    return observer


def _want_rebuild(server) -> None:
    """What MkDocs' own watcher does on a change (mkdocs/livereload)."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()
