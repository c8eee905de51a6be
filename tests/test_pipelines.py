"""The CI pipelines: valid for their forge (check-jsonschema's vendored schemas), and safe by construction.

Both call the same make targets; publishing runs from main only, one at a time, with the least privilege; images
and actions are pinned; both install the Debian packages the tests need.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.site_build import ROOT

CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
GITHUB = ROOT / ".github" / "workflows" / "site.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
IMAGE = re.compile(r"python:3\.11\.\d+-bookworm(@sha256:[0-9a-f]{64})?")
PINNED_ACTION = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s+v\d+\.\d+\.\d+\s*$")
PUBLISH = re.compile(r'make publish VERSION="\$VERSION" ALIAS=actueel REMOTE=origin')
MAKE_CALL = re.compile(r"\bmake\s+([a-z][a-z-]*)")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def github() -> dict:
    workflow = load(GITHUB)
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def check(schema: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", schema, str(path)], capture_output=True,
                          text=True)


def make_variable(name: str) -> str:
    printed = subprocess.run(["make", "-s", "--no-print-directory", "-f", "Makefile", "-f", "-", f"print-{name}"],
                             input="print-%:\n\t@echo '$($*)'\n", cwd=ROOT, capture_output=True, text=True)
    assert printed.returncode == 0, printed.stderr
    return printed.stdout.strip()


def debian_packages_the_tests_need() -> set[str]:
    """The packages the Makefile's rules for TEST_SYSTEM_PACKAGES install (/usr/bin/chromium: ... apt-get install)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    packages = set()
    for path in make_variable("TEST_SYSTEM_PACKAGES").split():
        rule = re.search(rf"^{re.escape(path)}:\n((?:\t.*\n)+)", makefile, re.MULTILINE)
        assert rule, f"no rule installs {path}"
        packages.update(re.search(r"apt-get install (.*)", rule.group(1)).group(1).split())
    packages = {package for package in packages if not package.startswith("-")}
    assert {"chromium", "nginx"} <= packages, packages
    return packages


def scripts(job: dict) -> str:
    """All shell text of a job: GitHub steps' `run`, GitLab's before_script and script."""
    lines = [step.get("run", "") for step in job.get("steps", [])]
    lines += [*job.get("before_script", []), *job.get("script", [])]
    return "\n".join(lines)


def gitlab_job(config: dict, name: str) -> dict:
    """A GitLab job with its `extends` resolved (one level, as used here)."""
    job = dict(config[name])
    parent = job.pop("extends", None)
    return {**config[parent], **job} if parent else job


# --- Valid for the forge ---

@pytest.mark.parametrize(("schema", "path"), [("vendor.github-workflows", GITHUB),
                                              ("custom.github-workflows-require-timeout", GITHUB),
                                              ("vendor.gitlab-ci", GITLAB)])
def test_the_pipeline_is_valid_for_its_forge(schema, path):
    result = check(schema, path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("schema", "path", "breakage"), [
    ("vendor.github-workflows", GITHUB, ("runs-on: ubuntu-24.04", "runs_on: ubuntu-24.04")),
    ("vendor.gitlab-ci", GITLAB, ("resource_group: publish", "resource_group: [publish]")),
])
def test_the_validation_rejects_a_broken_pipeline(tmp_path, schema, path, breakage):
    """The control: the same check fails on a copy with one mistake, so the schemas are really applied."""
    text = path.read_text(encoding="utf-8")
    assert breakage[0] in text
    broken = tmp_path / path.name
    broken.write_text(text.replace(breakage[0], breakage[1], 1), encoding="utf-8")
    assert check(schema, broken).returncode != 0


# --- GitHub ---

def test_github_least_privilege():
    workflow = github()
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert {name: job.get("permissions") for name, job in jobs.items()} == {"test": None,
                                                                            "publish": {"contents": "write"}}
    test_checkout = next(step for step in jobs["test"]["steps"] if step.get("uses", "").startswith("actions/checkout"))
    assert test_checkout["with"]["persist-credentials"] is False
    # Inputs and other contexts reach scripts through env, never as ${{ }} in the script text (injection).
    assert [step["run"] for job in jobs.values() for step in job["steps"] if "${{" in step.get("run", "")] == []


def test_github_publishes_from_main_only_one_at_a_time():
    workflow = github()
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "test" or publish["needs"] == ["test"]
    assert "github.ref == 'refs/heads/main'" in publish["if"]
    assert publish["concurrency"] == {"group": "publish", "cancel-in-progress": False}
    assert PUBLISH.search(scripts(publish))
    assert "$(date +%Y-%m)" in scripts(publish)
    assert "version" in workflow["on"]["workflow_dispatch"]["inputs"]
    assert "gh-pages" in workflow["on"]["push"]["branches-ignore"]
    assert set(workflow["on"]) == {"push", "pull_request", "workflow_dispatch"}


def test_github_actions_are_pinned_by_commit_with_their_version():
    lines = [line for line in GITHUB.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(-\s+)?uses:", line)]
    assert len(lines) >= 4
    assert [line for line in lines if not PINNED_ACTION.match(line)] == []


# --- GitLab ---

def test_gitlab_publishes_from_protected_main_only_one_at_a_time():
    config = load(GITLAB)
    publish = gitlab_job(config, "publish")
    assert publish["needs"] == ["test"]
    assert publish["resource_group"] == "publish"
    assert publish["interruptible"] is False
    (rule,) = publish["rules"]
    assert set(rule) == {"if"}
    assert '$CI_COMMIT_BRANCH == "main"' in rule["if"] and '$CI_COMMIT_REF_PROTECTED == "true"' in rule["if"]
    assert PUBLISH.search(scripts(publish))
    assert "$(date +%Y-%m)" in scripts(publish)
    assert {"if": '$CI_COMMIT_BRANCH == "gh-pages"', "when": "never"} in config["workflow"]["rules"]


def test_gitlab_gives_the_push_token_to_the_publish_job_only():
    config = load(GITLAB)
    jobs = {name: gitlab_job(config, name) for name, job in config.items()
            if isinstance(job, dict) and "script" in job and not name.startswith(".")}
    assert set(jobs) == {"test", "publish"}
    assert [name for name, job in jobs.items() if "PAGES_PUSH_TOKEN" in scripts(job)] == ["publish"]
    # The protected, masked variable is scoped to this environment, which only the publish job declares.
    assert [name for name, job in jobs.items() if "environment" in job] == ["publish"]
    assert "CI_JOB_TOKEN" not in GITLAB.read_text(encoding="utf-8")
    assert "PAGES_PUSH_TOKEN" not in yaml.safe_dump(config.get("variables", {}))


# --- Both ---

def test_both_pipelines_run_the_same_make_targets_in_the_same_image():
    workflow, config = github(), load(GITLAB)
    github_calls = {name: set(MAKE_CALL.findall(scripts(job))) for name, job in workflow["jobs"].items()}
    gitlab_calls = {name: set(MAKE_CALL.findall(scripts(gitlab_job(config, name)))) for name in ("test", "publish")}
    assert github_calls == gitlab_calls == {"test": {"test"}, "publish": {"publish"}}
    images = {job["container"]["image"] for job in workflow["jobs"].values()} | {config["default"]["image"]}
    assert len(images) == 1 and IMAGE.fullmatch(images.pop())
    assert not any("image" in job for job in config.values() if isinstance(job, dict) and "script" in job)


def test_both_pipelines_install_the_debian_packages_of_the_tests_and_cache_pip():
    packages = debian_packages_the_tests_need()
    workflow, config = github(), load(GITLAB)
    jobs = [*workflow["jobs"].values(), gitlab_job(config, "test"), gitlab_job(config, "publish")]
    for job in jobs:  # make publish runs the tests as its gate: publishing needs them too
        installs = [line for line in scripts(job).splitlines() if "apt-get install" in line]
        assert installs and packages <= set(installs[0].split()), installs
    for job in workflow["jobs"].values():
        caches = {step["with"]["path"]: step for step in job["steps"]
                  if step.get("uses", "").startswith("actions/cache@")}
        assert "hashFiles('requirements*.txt')" in caches["~/.cache/pip"]["with"]["key"]
    for name in ("test", "publish"):
        cache = gitlab_job(config, name)["cache"]
        (pip,) = [entry for entry in ([cache] if isinstance(cache, dict) else cache) if ".cache/pip" in entry["paths"]]
        assert pip["paths"] == [".cache/pip"] and "requirements.txt" in pip["key"]["files"]


def test_publishing_keeps_its_build_between_runs_and_the_tests_do_not():
    workflow, config = github(), load(GITLAB)
    publishing = [workflow["jobs"]["publish"], gitlab_job(config, "publish")]
    for job in publishing:
        assert "BUILD_CACHE=.cache/build" in scripts(job)
    (kept,) = [step for step in workflow["jobs"]["publish"]["steps"]
               if step.get("with", {}).get("path") == ".cache/build"]
    assert kept["uses"].startswith("actions/cache@") and kept["with"]["restore-keys"] == "build-"
    assert [".cache/build"] in [entry["paths"] for entry in gitlab_job(config, "publish")["cache"]]
    assert not any(".cache/build" in str(job) for job in (workflow["jobs"]["test"], gitlab_job(config, "test")))
    assert config["variables"]["PIP_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/pip"
