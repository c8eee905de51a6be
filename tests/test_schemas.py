"""The data files' JSON Schemas (schemas/, for the editor): current, valid, accepting the real data and a generated
corpus, rejecting a mistake where the loader does, with the field named; and the editor pointed at them."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros.content.content_cache import load_index
from macros.content.yamlsource import load_yaml
from macros.model.errors import ContentError
from macros.outputs.json_schemas import SCHEMA_FOLDER, json_schemas, schema_files
from macros.routing.page_map import PageMap
from tests.serving import fetch
from tests.site_build import CLI, PROJECT_PARTS, ROOT, copy_project

NOTES = 30
MODELINE = "# yaml-language-server: $schema="
PREVIEW_PORTS = range(8610, 8620)


def index_of(project: Path):
    return load_index(project.resolve(), PageMap(), True)


def as_editor_reads(value):
    """A YAML value as the YAML language server sees it: an unquoted date is text there (YAML 1.2), not a date."""
    if isinstance(value, dict):
        return {key: as_editor_reads(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_editor_reads(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def validators(project: Path) -> dict[str, jsonschema.Draft7Validator]:
    """Each schema file's glob with a validator made from the schema generated for `project`'s data."""
    texts = json_schemas(index_of(project))
    return {glob: jsonschema.Draft7Validator(json.loads(texts[path]))
            for path, (glob, _) in schema_files().items()}


def data_files(project: Path, validator_of: dict) -> list[tuple[Path, jsonschema.Draft7Validator]]:
    pairs = [(file, validator) for glob, validator in validator_of.items() for file in sorted(project.glob(glob))]
    assert {file.relative_to(project).as_posix() for file, _ in pairs} == {
        file.relative_to(project).as_posix() for file in (project / "data").rglob("*.yaml")}
    return pairs


def errors_in(file: Path, validator) -> list[str]:
    data = as_editor_reads(yaml.safe_load(file.read_text(encoding="utf-8")))
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(data)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "corpus.py"), "--notes", str(NOTES), "--out",
                             str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return out


def test_the_committed_schemas_are_current():
    committed = {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
                 for path in sorted((ROOT / SCHEMA_FOLDER).glob("*.json"))}
    assert committed == json_schemas(index_of(ROOT)), "schemas/ is verouderd: run make check"


def test_the_schemas_are_valid_draft_7_schemas():
    for text in json_schemas(index_of(ROOT)).values():
        jsonschema.Draft7Validator.check_schema(json.loads(text))


@pytest.mark.parametrize("site", ["real", "corpus"])
def test_every_data_file_validates_against_its_schema(site, request):
    project = ROOT if site == "real" else request.getfixturevalue("corpus")
    pairs = data_files(project, validators(project))
    assert len(pairs) >= (8 if site == "real" else NOTES + 6)  # the corpus has no grounds or DiWoo settings
    assert {str(file): errors_in(file, validator) for file, validator in pairs} == {
        str(file): [] for file, _ in pairs}


def test_a_reference_lists_the_known_ids_with_their_titles():
    nota = json.loads(json_schemas(index_of(ROOT))[f"{SCHEMA_FOLDER}/nota.schema.json"])
    bronnen = yaml.safe_load((ROOT / "data" / "bronnen.yaml").read_text(encoding="utf-8"))["bronnen"]
    known = nota["$defs"]["bron-id"]
    assert known["enum"] == sorted(bron["id"] for bron in bronnen)
    assert len(known["enumDescriptions"]) == len(known["enum"])
    grounds = yaml.safe_load((ROOT / "data" / "weigeringsgronden.yaml").read_text(encoding="utf-8"))
    assert nota["$defs"]["weigeringsgrond-id"]["enum"] == sorted(ground["id"] for ground in
                                                                 grounds["weigeringsgronden"])
    assert set(nota["$defs"]) >= {"onderwerp-id", "gebeurtenis-id", "kernpunt-id", "nota-id"}


def edited_note(data: dict, mistake: str) -> tuple[dict, list, tuple]:
    """The real note with one `mistake`: the edited data, the path the schema names, the field the loader names."""
    if mistake == "unknown-bron":
        data["kernpunten"][0]["bronnen"] = ["geen-bekende-bron"]
        return data, ["kernpunten", 0, "bronnen", 0], ("kernpunten", 0, "bronnen", 0)
    if mistake == "wrong-type":
        data["onderwerpen"] = "externalisering"
        return data, ["onderwerpen"], ("onderwerpen",)
    if mistake == "missing-field":
        del data["titel"]
        return data, [], ("titel",)
    if mistake == "empty-ground":
        data["kernpunten"][0]["niet_openbaar"] = None
        return data, ["kernpunten", 0, "niet_openbaar"], ("kernpunten", 0, "niet_openbaar")
    if mistake == "line-break":
        data["titel"] = "Een titel\nover twee regels"
        return data, ["titel"], ("titel",)
    data["datum"] = "11-05-2025"
    return data, ["datum"], ("datum",)


@pytest.mark.parametrize("mistake", ["unknown-bron", "wrong-type", "missing-field", "empty-ground", "line-break",
                                     "dutch-date"])
def test_a_mistake_is_rejected_by_the_schema_and_the_loader_at_the_same_field(mistake, tmp_path):
    project = copy_project(tmp_path, parts=("data",))
    note = project / "data" / "notas" / "6501580.yaml"
    data, path, location = edited_note(yaml.safe_load(note.read_text(encoding="utf-8")), mistake)
    note.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    validator = validators(ROOT)["data/notas/*.yaml"]
    errors = list(validator.iter_errors(as_editor_reads(yaml.safe_load(note.read_text(encoding="utf-8")))))
    assert errors and all(list(error.absolute_path) == path for error in errors), errors
    if mistake == "missing-field":
        assert "'titel' is a required property" in [error.message for error in errors]
    with pytest.raises(ContentError) as refused:
        index_of(project)
    where = load_yaml(note, "data/notas/6501580.yaml").finding(location, "", "", "verkeerd-type")
    assert [(finding.path, finding.line) for finding in refused.value.findings] == [(where.path, where.line)]


def check(project: Path, ci: bool) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "CI"} | ({"CI": "true"} if ci else {})
    return subprocess.run([sys.executable, "-m", CLI, "--config", str(project / "mkdocs.yml"), "check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture
def stale_project(tmp_path) -> Path:
    """A copy of the project whose bronnen have one more than its committed schemas know."""
    project = copy_project(tmp_path, parts=(*PROJECT_PARTS, SCHEMA_FOLDER))
    bronnen = project / "data" / "bronnen.yaml"
    bronnen.write_text(bronnen.read_text(encoding="utf-8") + "  - id: nieuwe-bron\n    soort: rapport\n"
                       "    titel: Nieuw\n    beschrijving: Een nieuwe bron.\n", encoding="utf-8")
    return project


def test_make_check_brings_the_schemas_up_to_date(stale_project):
    result = check(stale_project, ci=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{SCHEMA_FOLDER}/nota.schema.json bijgewerkt" in result.stderr
    written = json.loads((stale_project / SCHEMA_FOLDER / "nota.schema.json").read_text(encoding="utf-8"))
    assert "nieuwe-bron" in written["$defs"]["bron-id"]["enum"]
    assert check(stale_project, ci=False).stderr.count("bijgewerkt") == 0  # written once, then current


def test_in_a_pipeline_make_check_refuses_stale_schemas_and_writes_nothing(stale_project):
    before = {path.name: path.read_bytes() for path in (stale_project / SCHEMA_FOLDER).iterdir()}
    result = check(stale_project, ci=True)
    assert result.returncode == 1
    assert f"{SCHEMA_FOLDER}/nota.schema.json:1:1: error: het schema is verouderd" in result.stdout
    assert "[verouderd-schema]" in result.stdout
    assert {path.name: path.read_bytes() for path in (stale_project / SCHEMA_FOLDER).iterdir()} == before


def test_a_project_without_schemas_gets_none(tmp_path):
    project = copy_project(tmp_path, parts=PROJECT_PARTS)
    assert check(project, ci=False).returncode == 0
    assert not (project / SCHEMA_FOLDER).exists()


def test_the_editor_is_pointed_at_the_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {f"./{path}": glob for path, (glob, _) in schema_files().items()}
    recommended = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in recommended["recommendations"]


def test_a_new_notes_modeline_names_the_schema_the_settings_give(tmp_path):
    project = copy_project(tmp_path, parts=PROJECT_PARTS)
    result = subprocess.run([sys.executable, "-m", CLI, "--config", str(project / "mkdocs.yml"), "nota", "7654321"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    note = project / "data" / "notas" / "7654321.yaml"
    first = note.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE)
    named = (note.parent / first.removeprefix(MODELINE)).resolve()
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    given = next(path for path, glob in settings["yaml.schemas"].items() if glob == "data/notas/*.yaml")
    assert named == (project / given).resolve()
    shutil.copytree(ROOT / SCHEMA_FOLDER, project / SCHEMA_FOLDER)
    assert (project / given).is_file()


def preview_port() -> int:
    """A free port of this test's range."""
    for port in PREVIEW_PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise AssertionError(f"no free port in {PREVIEW_PORTS}")


def wait_until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the preview never wrote the schema"
        time.sleep(0.3)


def known_events(project: Path) -> list[str]:
    schema = json.loads((project / SCHEMA_FOLDER / "nota.schema.json").read_text(encoding="utf-8"))
    return schema["$defs"]["gebeurtenis-id"]["enum"]


def test_the_preview_keeps_the_schemas_current_and_the_build_writes_none(stale_project):
    for part in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / part, stale_project / part)
    shutil.copytree(ROOT / "scripts", stale_project / "scripts")
    port = preview_port()
    env = {key: value for key, value in os.environ.items() if key != "CI"} | {"NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(["make", "serve", f"PORT={port}", f"VENV={ROOT / '.venv'}"], cwd=stale_project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=env)
    try:
        wait_until(lambda: "nieuwe-bron" in (stale_project / SCHEMA_FOLDER / "nota.schema.json").read_text("utf-8"))
        wait_until(lambda: "bp-kernpunt" in fetch(f"http://127.0.0.1:{port}/notas/6501580/"))
        tijdlijn = stale_project / "data" / "tijdlijn.yaml"  # a save the preview's quick path renders
        tijdlijn.write_text(tijdlijn.read_text(encoding="utf-8") + "  - id: nieuwe-gebeurtenis\n    datum: 2026-03\n"
                            "    soort: debat\n    titel: Een nieuw debat\n", encoding="utf-8")
        wait_until(lambda: "nieuwe-gebeurtenis" in known_events(stale_project))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    (stale_project / SCHEMA_FOLDER / "nota.schema.json").write_text("{}\n", encoding="utf-8")
    built = subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "--quiet", "--site-dir",
                            str(stale_project / "site")], cwd=stale_project, capture_output=True, text=True,
                           timeout=600, env=env)
    assert built.returncode == 0, built.stderr
    assert (stale_project / SCHEMA_FOLDER / "nota.schema.json").read_text(encoding="utf-8") == "{}\n"


@pytest.mark.parametrize(("name", "edit", "path"), [
    ("bronnen.yaml", lambda data: data["bronnen"][0].update(identificatie={"celex": "2024/1348"}),
     ["bronnen", 0, "identificatie", "celex"]),
    ("bronnen.yaml", lambda data: data["bronnen"][0].update(vervangen_door="geen-bekende-bron"),
     ["bronnen", 0, "vervangen_door"]),
    ("tijdlijn.yaml", lambda data: data["gebeurtenissen"][0].update(datum="2026-13"), ["gebeurtenissen", 0, "datum"]),
    ("diwoo.yaml", lambda data: data.update(uitgever="ministerie"), ["uitgever"]),
])
def test_a_mistake_in_another_data_file_is_rejected_by_both(name, edit, path, tmp_path):
    project = copy_project(tmp_path, parts=("data",))
    file = project / "data" / name
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    edit(data)
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    errors = list(validators(ROOT)[f"data/{name}"].iter_errors(as_editor_reads(data)))
    assert errors and all(list(error.absolute_path) == path for error in errors), errors
    with pytest.raises(ContentError) as refused:
        index_of(project)
    where = load_yaml(file, f"data/{name}").finding(tuple(path), "", "", "verkeerd-type")
    assert [(finding.path, finding.line) for finding in refused.value.findings] == [(where.path, where.line)]
