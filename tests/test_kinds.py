"""The kinds of record (macros/model/kinds.py): every kind in the schema is declared, and what is derived covers it."""

from __future__ import annotations

import inspect

import pathspec
import pydantic

from macros.model import schema
from macros.model.kinds import BACKLINK_KINDS, KINDS, PAGE_KINDS, PAGED_KINDS
from macros.model.paging import page_source
from macros.rendering.page_macros import MACRO_NAMES
from macros.routing.page_map import PageMap
from tests.site_build import build, copy_project


def _markers(marker_type: type) -> dict[str, set[type]]:
    """Each kind that a field of a schema model defines (or refers to), with the models that hold that field."""
    found: dict[str, set[type]] = {}
    for model in vars(schema).values():
        if inspect.isclass(model) and issubclass(model, pydantic.BaseModel):
            for field in model.model_fields.values():
                for marker in _metadata(field.annotation, field.metadata):
                    if isinstance(marker, marker_type):
                        found.setdefault(marker.kind, set()).add(model)
    return found


def _metadata(annotation, metadata) -> list:
    """The markers of a field, including those inside list and optional annotations."""
    markers = list(metadata)
    for argument in getattr(annotation, "__args__", ()):
        markers += _metadata(argument, getattr(argument, "__metadata__", ()))
    return markers


def test_every_kind_the_schema_defines_or_refers_to_is_declared_once_with_its_model():
    defined = _markers(schema.Defines)
    assert set(defined) == set(KINDS)
    assert set(_markers(schema.Refers)) <= set(KINDS)
    for name, kind in KINDS.items():
        assert kind.name == name
        assert any(issubclass(model, kind.model) or issubclass(kind.model, model) for model in defined[name])


def test_the_ordered_lists_name_exactly_the_kinds_with_long_lists():
    assert set(PAGED_KINDS) == {name for name, kind in KINDS.items() if kind.paged}
    assert set(BACKLINK_KINDS) == {name for name, kind in KINDS.items() if kind.backlinks}
    assert all(KINDS[name].list_page for name in PAGED_KINDS)
    assert set(BACKLINK_KINDS) <= set(PAGE_KINDS)


def test_every_kind_with_its_own_page_has_a_title_and_a_list_and_a_generated_page_has_its_template():
    for name in PAGE_KINDS:
        assert KINDS[name].title and KINDS[name].list_page
    for kind in KINDS.values():
        assert bool(kind.page_template) == bool(kind.page_anchors) and (not kind.page_macro or kind.page_template)
        assert not kind.page_template or kind.own_page
        assert not kind.page_macro or kind.page_macro in MACRO_NAMES
        assert not kind.link_macro or kind.link_macro in MACRO_NAMES


def test_not_in_nav_covers_record_pages_and_later_pages_but_no_fixed_page():
    pages = PageMap.from_config({"nota": "memos/{id}.md", "tijdlijn": "chronologie.md"})
    spec = pathspec.GitIgnoreSpec.from_lines(pages.not_in_nav())
    own = [pages.source_of(kind, "x-1") for kind in PAGE_KINDS]
    later = [page_source(pages.list_of(kind), 3) for kind in PAGED_KINDS]
    later += [page_source(pages.source_of(kind, "x-1"), 2) for kind in BACKLINK_KINDS]
    assert all(spec.match_file(source) for source in own + later)
    assert not any(spec.match_file(source) for source in pages.fixed_pages() if "/" not in source)
    assert not spec.match_file("redactie/index.md")


NEW_MODELS = '''

class Verdrag(Record):
    """A treaty (only in this test's copy of the project)."""

    id: Annotated[Slug, Defines("verdrag")]
    naam: Line


class Verdragen(Record):
    """`data/verdragen.yaml`."""

    verdragen: list[Verdrag]
'''
NEW_KIND = '''    Kind("verdrag", Verdrag, "data/verdragen.yaml", "verdrag", het=True,
         data=DataFile("verdragen.yaml", Verdragen), page=Page("verdrag", "verdragen/{id}.md"),
         list_page=Page("verdragen", "verdragen/index.md"), page_template="verdrag-pagina.html",
         page_anchors=("titel",), title=lambda verdrag: verdrag.naam),
'''


def test_a_new_kind_with_its_own_page_needs_its_schema_one_declaration_one_template_and_one_page(tmp_path):
    project = copy_project(tmp_path / "project")
    schema_file = project / "macros" / "model" / "schema.py"
    schema_file.write_text(schema_file.read_text(encoding="utf-8") + NEW_MODELS, encoding="utf-8")
    kinds_file = project / "macros" / "model" / "kinds.py"
    last = '    Kind("weigeringsgrond"'
    kinds = kinds_file.read_text(encoding="utf-8").replace(last, NEW_KIND + last, 1)
    imported = "    Verkenningspunt,\n"
    kinds_file.write_text(kinds.replace(imported, "    Verdrag,\n    Verdragen,\n" + imported, 1), encoding="utf-8")
    (project / "data" / "verdragen.yaml").write_text(
        "verdragen:\n  - id: vluchtelingenverdrag\n    naam: Vluchtelingenverdrag\n", encoding="utf-8")
    (project / "overrides" / "partials" / "beleid" / "verdrag-pagina.html").write_text(
        "# {{ verdrag.naam|literal }} {: #titel }\n", encoding="utf-8")
    (project / "docs" / "verdragen").mkdir()
    (project / "docs" / "verdragen" / "index.md").write_text("# Verdragen\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    page = (result.site / "verdragen" / "vluchtelingenverdrag" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="titel">Vluchtelingenverdrag' in page and "<title>Vluchtelingenverdrag - " in page
