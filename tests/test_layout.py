"""The package's layout: sub-packages along the pipeline, without cycles, and MkDocs only behind the adapter."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "macros"
ADAPTER = "adapter"
FRAMEWORK = {"mkdocs", "mkdocs_macros", "material", "pagefind", "pagefind_bin"}


def imported(module: Path) -> set[str]:
    """The dotted names `module` imports (absolute imports; the package uses no relative ones)."""
    names = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{module}: relative import"
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def sub_package(module: Path) -> str:
    return module.relative_to(PACKAGE).parts[0]


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_lives_in_a_sub_package():
    loose = [module.name for module in PACKAGE.glob("*.py") if module.name != "__init__.py"]
    assert modules() and not loose


def test_only_the_adapter_imports_mkdocs_its_plugins_or_pagefind():
    offenders = {f"{module.relative_to(PACKAGE)}: {name}" for module in modules() if sub_package(module) != ADAPTER
                 for name in imported(module) if name.split(".")[0] in FRAMEWORK}
    assert not offenders
    adapter = set().union(*(imported(module) for module in (PACKAGE / ADAPTER).glob("*.py")))
    assert {name.split(".")[0] for name in adapter} >= {"mkdocs", "mkdocs_macros"}  # the check sees real imports


def test_the_sub_packages_depend_on_each_other_without_a_cycle():
    packages = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    graph: dict[str, set[str]] = {package: set() for package in packages}
    for module in modules():
        if module.parent == PACKAGE:
            continue
        for name in imported(module):
            parts = name.split(".")
            if parts[0] == "macros" and len(parts) > 1 and parts[1] in packages and parts[1] != sub_package(module):
                graph[sub_package(module)].add(parts[1])
    order = list(graphlib.TopologicalSorter(graph).static_order())  # raises CycleError on a cycle
    assert order[-1] == ADAPTER and graph[ADAPTER]
