"""Publish one version of the site to the pages branch with mike, after the strict build; safe against races.

Called by `make publish` (the internal site) and `make publish-public` (the public, Woo site: `--public`, on a branch
of its own) after their gate. Steps, retried from the start when the push is rejected because another publish got
there first (so no version is ever lost): fetch the pages branch, find the previous version and its exports (for the
change notes; never for the public site), build strictly, deploy the version (and alias, as a copy) with mike, make
the alias the default, push. Both builds get the version (BELEID_VERSIE, printed at the foot of every page on paper).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
EXPORTS = ("notas.json", "kernpunten.json", "bronnen.json")
ATTEMPTS = 5


def git(*arguments: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *arguments], cwd=PROJECT, capture_output=True, text=True, check=check)


def fetch(remote: str, branch: str) -> None:
    """Make the local pages branch equal to the remote one (if the remote has it yet)."""
    git("fetch", "--quiet", remote, f"+refs/heads/{branch}:refs/heads/{branch}", check=False)


def previous_version(branch: str, version: str) -> str | None:
    """The newest published version other than `version`, from the branch's versions.json."""
    shown = git("show", f"{branch}:versions.json", check=False)
    if shown.returncode != 0:
        return None
    return next((entry["version"] for entry in json.loads(shown.stdout) if entry["version"] != version), None)


def write_previous_exports(branch: str, version: str, folder: Path) -> bool:
    """Copy the exports of `version` from the pages branch into `folder`; False if it has none."""
    for name in EXPORTS:
        shown = git("show", f"{branch}:{version}/export/{name}", check=False)
        if shown.returncode != 0:
            return False
        (folder / name).write_text(shown.stdout, encoding="utf-8")
    return True


def run(command: list[str], env: dict[str, str]) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, cwd=PROJECT, env=env, check=True)


def build_env(version: str, public: bool) -> dict[str, str]:
    """The environment of the strict build and mike's: the version, and for the public site BELEID_OPENBAAR (never
    the previous version's exports: they hold the previous internal texts)."""
    env = {name: value for name, value in os.environ.items()
           if name not in {"BELEID_VORIGE_VERSIE", "BELEID_VORIGE_EXPORT", "BELEID_BUILD_CACHE"}}
    env["BELEID_VERSIE"] = version
    if public:
        env["BELEID_OPENBAAR"] = "1"
    else:
        env.pop("BELEID_OPENBAAR", None)
    return env


def publish_once(version: str, alias: str, remote: str, branch: str, cache: Path | None, public: bool = False) -> bool:
    """One attempt; True when pushed, False when the remote moved on meanwhile. With `cache`, the strict build
    starts from the previous one kept there (macros/adapter/rebuilds.py); mike's build, which is published, is clean.
    `public`: the public (Woo) site, without change notes."""
    fetch(remote, branch)
    env = build_env(version, public)
    with tempfile.TemporaryDirectory() as previous_exports:
        previous = None if public else previous_version(branch, version)
        if previous and write_previous_exports(branch, previous, Path(previous_exports)):
            env.update(BELEID_VORIGE_VERSIE=previous, BELEID_VORIGE_EXPORT=previous_exports)
        if cache is not None:
            env.update(BELEID_BUILD_CACHE=str(cache / ("openbaar" if public else "intern")))
        run(["mkdocs", "build", "--strict", *(["--dirty"] if cache else []), "--site-dir",
             str(Path(previous_exports) / "gate-site")], env)
        env.pop("BELEID_BUILD_CACHE", None)
        aliases = [alias] if alias else []
        run(["mike", "deploy", "--branch", branch, "--remote", remote, "--update-aliases", "--alias-type", "copy",
             "--title", version, version, *aliases], env)
        if alias:
            run(["mike", "set-default", "--branch", branch, "--remote", remote, "--allow-empty", alias], env)
    pushed = git("push", remote, f"{branch}:{branch}", check=False)
    if pushed.returncode == 0:
        return True
    if "rejected" in pushed.stderr or "non-fast-forward" in pushed.stderr or "fetch first" in pushed.stderr:
        return False
    raise SystemExit(f"Publiceren mislukt: git push gaf een fout:\n{pushed.stderr}")


def ensure_identity() -> None:
    """mike commits: give publishing a name where git has none configured."""
    if not git("config", "user.name", check=False).stdout.strip():
        os.environ.setdefault("GIT_AUTHOR_NAME", "Beleidsposities publicatie")
        os.environ.setdefault("GIT_COMMITTER_NAME", "Beleidsposities publicatie")
    if not git("config", "user.email", check=False).stdout.strip():
        os.environ.setdefault("GIT_AUTHOR_EMAIL", "publicatie@beleidsposities.invalid")
        os.environ.setdefault("GIT_COMMITTER_EMAIL", "publicatie@beleidsposities.invalid")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Publiceer een versie van de site naar de pages-branch.")
    parser.add_argument("--version", required=True, help="de versie, bijvoorbeeld 2026-05")
    parser.add_argument("--alias", default="", help="een alias die naar deze versie wijst, bijvoorbeeld actueel")
    parser.add_argument("--remote", default="origin", help="git remote (naam of pad) om naar te pushen")
    parser.add_argument("--branch", default="gh-pages", help="de pages-branch")
    parser.add_argument("--build-cache", type=Path, help="map met de vorige bouw (make publish BUILD_CACHE=...)")
    parser.add_argument("--public", action="store_true",
                        help="de openbare (Woo-)site, zonder wijzigingen ten opzichte van de vorige versie")
    arguments = parser.parse_args(argv)
    site = "de openbare site" if arguments.public else "de interne site"
    ensure_identity()
    git_dir = Path(git("rev-parse", "--git-dir").stdout.strip())
    with open(PROJECT / git_dir / "beleid-publish.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # publishes from this clone wait for each other
        for attempt in range(1, ATTEMPTS + 1):
            if publish_once(arguments.version, arguments.alias, arguments.remote, arguments.branch,
                            arguments.build_cache, arguments.public):
                print(f"Gepubliceerd: {site}, versie {arguments.version} op {arguments.remote}/{arguments.branch}")
                return 0
            print(f"De pages-branch is intussen gewijzigd; opnieuw ({attempt}/{ATTEMPTS})", flush=True)
            time.sleep(attempt)
    print("Publiceren mislukt: de pages-branch bleef veranderen.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
