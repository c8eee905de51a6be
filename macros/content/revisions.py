"""When each file of the project last changed, from git: the time of the last commit that touched it.

One `git log` for the whole project. Outside a git repository (or without git) no file has a date; in a shallow
clone the oldest commit present counts as the last change of every file it holds that no later commit touched.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date

TIME_ZONE = ZoneInfo("Europe/Amsterdam")
MARK = "@"  # starts the line of a commit's time in the log; a path never does (git writes them relative)


def last_changes(project: Path) -> dict[str, int]:
    """The commit time (seconds since the epoch) of the last change of every committed file under `project`, by
    its project-relative path; empty outside git."""
    command = ["git", "-c", "core.quotePath=false", "-C", str(project), "log", "--format=" + MARK + "%ct",
               "--name-only", "--no-renames", "--relative", "--", "."]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    except OSError:
        return {}
    if completed.returncode != 0:
        return {}
    changes: dict[str, int] = {}
    time = 0
    for line in completed.stdout.splitlines():
        if line.startswith(MARK):
            time = int(line[len(MARK):])
        elif line:
            changes.setdefault(line, time)  # the log runs newest first
    return changes


def is_shallow(project: Path) -> bool:
    """Whether `project` lies in a shallow clone (its oldest commits are missing)."""
    try:
        completed = subprocess.run(["git", "-C", str(project), "rev-parse", "--is-shallow-repository"],
                                   capture_output=True, text=True, check=False)
    except OSError:
        return False
    return completed.stdout.strip() == "true"


def changed_on(changes: dict[str, int], paths: tuple[str, ...]) -> dt.date | None:
    """The day (in the Netherlands) the last of `paths` changed; None when git knows none of them."""
    times = [changes[path] for path in paths if path in changes]
    return dt.datetime.fromtimestamp(max(times), TIME_ZONE).date() if times else None


def dutch_date(day: dt.date) -> str:
    """A date as the site writes it: 2 december 2026."""
    return format_date(day, "d MMMM y", locale="nl")
