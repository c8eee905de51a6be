"""Check the Markdown pages without building: front matter, Jinja syntax, macro names, arguments and ids."""

from __future__ import annotations

import difflib
import inspect
import re
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path

from annotated_types import Ge
from jinja2 import Environment, TemplateSyntaxError, nodes

from macros.checks.anchors import Conversions
from macros.checks.pageroads import closed_roads
from macros.checks.positions import CITED, cited_superseded
from macros.checks.woo_checks import withheld_ids
from macros.checks.woo_pages import public_page_findings
from macros.content.frontmatter import (
    as_mkdocs_reads,
    check_front_matter,
    read_front_matter,
    split_front_matter,
    withheld_title_findings,
)
from macros.content.index import Index, unknown
from macros.content.yamlsource import read_text
from macros.model.errors import ContentError, Finding, on_line
from macros.model.schema import REFERENTIE_PATTERN, Refers
from macros.model.syntax_messages import explain_jinja
from macros.rendering.comments import unclosed_comment
from macros.rendering.page_macros import BLOCK_MACROS, MACRO_NAMES, PageMacros
from macros.routing.docsfiles import page_files

# Names every page may use besides the site's macros: mkdocs-macros' own macros and variables, Jinja's globals.
PLUGIN_NAMES = frozenset({"context", "macros_info", "now", "fix_url", "config", "page", "extra", "environment",
                          "plugin", "git", "navigation", "files", "macros", "filters", "filters_builtin",
                          "range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop", "caller", "varargs",
                          "kwargs", "self", "super"})
TYPE_NAMES = {str: "tekst", int: "een geheel getal", type(None): "leeg"}
PLUGIN_FILTERS = frozenset({"pretty", "relative_url"})  # mkdocs-macros' own filters


class CheckedPages:
    """Each page's findings by its text, for one state of what the checks read from the index (every kind's ids,
    the withheld records, the tags): the owner of a build keeps one across the preview's builds, so a change to a
    record's text (no id added, removed or withheld) rechecks only the pages whose text changed."""

    def __init__(self):
        self._facts: tuple | None = None
        self._known: dict[tuple, list[Finding]] = {}

    def known(self, facts: tuple) -> dict[tuple, list[Finding]]:
        """The findings remembered for `facts` (none when they differ from the last build's)."""
        if facts != self._facts:
            self._facts, self._known = facts, {}
        return self._known


def check_pages(docs_dir: Path, project_dir: Path, index: Index, jinja_options: dict[str, str],
                extra_names: set[str], template_dirs: tuple[Path, ...], conversions: Conversions | None = None,
                checked: CheckedPages | None = None) -> list[Finding]:
    """Findings for every Markdown page under `docs_dir`; `template_dirs` are where the theme finds templates
    (`conversions` remembers the pages' Jinja trees, `checked` their findings)."""
    checker = _checker(index, tuple(sorted(jinja_options.items())), frozenset(extra_names), template_dirs,
                       conversions or Conversions(), checked or index.derived.setdefault(("checked",), CheckedPages()))
    findings: list[Finding] = []
    for file in page_files(docs_dir):
        display = file.relative_to(project_dir).as_posix()
        try:
            text = read_text(file, display)
        except ContentError as error:
            findings += error.findings
            continue
        record_page = index.record_at(file.relative_to(docs_dir).as_posix()) is not None
        findings += checker(text, display, record_page)
    return findings


def _checker(index: Index, jinja_options: tuple[tuple[str, str], ...], extra_names: frozenset[str],
             template_dirs: tuple[Path, ...], conversions: Conversions,
             checked: CheckedPages) -> Callable[[str, str, bool], list[Finding]]:
    """`check_page` for one state of the content, remembering each page's findings in `checked`."""
    environment = Environment(**dict(jinja_options))
    known_names = PLUGIN_NAMES | set(MACRO_NAMES) | extra_names
    tags = {onderwerp.naam for onderwerp in index.content.onderwerpen.onderwerpen}
    known = checked.known((jinja_options, extra_names, template_dirs, _read_facts(index, tags)))

    def check(text: str, display: str, record_page: bool) -> list[Finding]:
        if (text, display, record_page) not in known:
            known[text, display, record_page] = check_page(text, display, environment, index, known_names, tags,
                                                           record_page, template_dirs, conversions)
        return known[text, display, record_page]

    return check


def _read_facts(index: Index, tags: set[str]) -> tuple:
    """All that `check_page` reads of the index: the ids of each kind in their order, the withheld records' grounds,
    the tags, and what superseded each kernpunt that is no longer current (a quote of it is warned about)."""
    positions = index.positions
    return (tuple((kind, tuple(records)) for kind, records in sorted(index.records.items()) if records),
            tuple(sorted(withheld_ids(index).items())), tuple(sorted(tags)),
            tuple(sorted((kernpunt_id, repr(positions.standing(kernpunt_id))) for kernpunt_id in positions.superseded)))


def check_page(text: str, display: str, environment: Environment, index: Index, known_names: set[str],
               tags: set[str], record_page: bool = False, template_dirs: tuple[Path, ...] = (),
               conversions: Conversions | None = None) -> list[Finding]:
    """Findings for one page: its front matter, then the Jinja in its body (`conversions` remembers its tree)."""
    text = as_mkdocs_reads(text)
    front_matter, body, offset = split_front_matter(text)
    document, meta, findings = read_front_matter(text, display)
    if document is None and findings:
        return findings
    if document is not None:
        findings += check_front_matter(document, meta, body, index, tags, record_page, template_dirs)
        findings += withheld_title_findings(meta, body, display, offset)
    if comment := unclosed_comment(body):
        findings.append(Finding(display, comment[0] + offset, comment[1], "dit HTML-commentaar (<!--) wordt niet "
                                "gesloten: de pagina toont het, en alles erna, als tekst",
                                "sluit het commentaar af met -->; is het tekst, zet het tussen backticks",
                                "commentaar-open"))
    if not meta.render_macros:
        return findings
    try:
        tree = (conversions or Conversions()).parse(environment, body)
    except TemplateSyntaxError as error:
        explained = explain_jinja(error.message or "")
        return [*findings, Finding(display, (error.lineno or 1) + offset, 1,
                                   f"Jinja-fout: {explained.message}", explained.hint, "jinja-syntaxis")]
    lines = body.splitlines()
    macro_calls = [call for call in tree.find_all(nodes.Call)
                   if isinstance(call.node, nodes.Name) and call.node.name in MACRO_NAMES]
    unquoted = {argument.name for call in macro_calls for argument in call.args if isinstance(argument, nodes.Name)}
    reported_names = {name for name, _ in _undeclared(tree) if name not in known_names}  # reported below
    findings += closed_roads(tree, lines, lambda lineno, needle, *message: on_line(display, lines, lineno, offset,
                                                                               needle, *message),
                             frozenset(MACRO_NAMES) | reported_names,
                             frozenset(environment.filters) | PLUGIN_FILTERS)
    for name, lineno in _undeclared(tree):
        if name in unquoted and name not in known_names:
            findings.append(on_line(display, lines, lineno, offset, name,
                                    f"'{name}' staat niet tussen aanhalingstekens",
                                    f"schrijf \"{name}\" als het een id is", "macro-argumenten"))
        elif name not in known_names:
            findings.append(on_line(display, lines, lineno, offset, name, f"onbekende macro of variabele '{name}'",
                                    nearest_macros(name), "onbekende-macro"))
    for node in tree.find_all(nodes.Filter):  # a known filter is refused by closed_roads, like all Jinja but macros
        if node.name not in environment.filters and node.name not in PLUGIN_FILTERS:
            findings.append(on_line(display, lines, node.lineno, offset, node.name, f"onbekend filter '{node.name}'",
                                "laat het filter weg; de macro's van deze site hebben geen filter nodig",
                                "onbekende-macro"))
    wrapping = {id(block.call) for block in tree.find_all(nodes.CallBlock)}
    for call in macro_calls:
        if call.node.name in BLOCK_MACROS and id(call) not in wrapping:
            findings.append(on_line(display, lines, call.lineno, offset, call.node.name,
                                f"macro '{call.node.name}' omsluit tekst en staat niet in een call-blok",
                                f'schrijf {{% call {call.node.name}("5.1.2e") %}} tekst {{% endcall %}}',
                                "macro-argumenten"))
        findings += _check_call(call, display, lines, offset, index)
    findings += public_page_findings(tree, display, lines, offset, index, meta.openbaar is False,
                                     front_matter or "")
    return findings


def _undeclared(tree: nodes.Template) -> Iterator[tuple[str, int]]:
    """Names read but never set in the page (by set, for, macro or import), with the line of first use."""
    name_nodes = list(tree.find_all(nodes.Name))
    declared = {node.name for node in name_nodes if node.ctx in ("store", "param")}
    declared |= {node.name for node in tree.find_all(nodes.Macro)}
    declared |= {node.target for node in tree.find_all(nodes.Import)}
    seen: set[str] = set()
    for node in name_nodes:
        if node.ctx == "load" and node.name not in declared and node.name not in seen:
            seen.add(node.name)
            yield node.name, node.lineno


def _check_call(call: nodes.Call, display: str, lines: list[str], offset: int, index: Index) -> list[Finding]:
    name = call.node.name
    method = getattr(PageMacros, name)
    signature = inspect.signature(method)
    if call.dyn_args or call.dyn_kwargs:
        return []
    arguments = [_constant(argument) for argument in call.args]
    keywords = {keyword.key: _constant(keyword.value) for keyword in call.kwargs}
    hints = typing.get_type_hints(method, include_extras=True)
    try:
        bound = signature.bind(None, *arguments, **keywords)
    except TypeError:
        given = len(arguments) + len(keywords)
        return [on_line(display, lines, call.lineno, offset, name,
                    f"verkeerde argumenten voor macro '{name}' ({given} gegeven)",
                    f"schrijf {_example_call(name, signature, hints, index)}", "macro-argumenten")]
    findings = []
    for parameter, value in bound.arguments.items():
        if parameter == "self" or not isinstance(value, str | int | float | bool | Composite):
            continue
        expected_types = _plain_types(hints[parameter])
        if (isinstance(value, Composite) or not isinstance(value, expected_types)
                or (isinstance(value, bool) and bool not in expected_types)):
            names = " of ".join(TYPE_NAMES.get(kind, kind.__name__) for kind in expected_types)
            shown = value.label if isinstance(value, Composite) else repr(value)
            findings.append(on_line(display, lines, call.lineno, offset, name,
                                f"macro '{name}': {parameter} moet {names} zijn, niet {shown}",
                                f"schrijf bijvoorbeeld {name}({parameter}=5)" if int in expected_types
                                else f"zet {parameter} tussen aanhalingstekens", "macro-argumenten"))
            continue
        minimum = _lower_bound(hints[parameter])
        if minimum is not None and value < minimum:
            findings.append(on_line(display, lines, call.lineno, offset, name,
                                f"macro '{name}': {parameter} moet {minimum} of meer zijn, niet {value!r}",
                                f"schrijf bijvoorbeeld {name}({parameter}=5)", "macro-argumenten"))
            continue
        kind = _referred_kind(hints[parameter])
        if kind and str(value) not in index.records[kind]:
            findings.append(on_line(display, lines, call.lineno, offset, str(value), f"{unknown(kind)} '{value}'",
                                    _id_hint(name, kind, str(value), index), "onbekende-id"))
        elif kind == "kernpunt" and str(value) in index.positions.superseded:
            findings.append(on_line(display, lines, call.lineno, offset, str(value),
                                    *cited_superseded(index, str(value)), CITED))
    return findings


def nearest_macros(name: str) -> str:
    """A hint for an unknown macro or variable `name`: the macros whose names are nearest (the best and those nearly
    as near), else where they are listed."""
    scores = {macro: difflib.SequenceMatcher(None, name, macro).ratio() for macro in MACRO_NAMES}
    best = max(scores.values())
    close = sorted((macro for macro, score in scores.items() if score >= max(0.6, best - 0.1)),
                   key=lambda macro: -scores[macro])[:3]
    if not close:
        return "de macro's staan in de redactiehandleiding onder 'Macro's in pagina's'"
    named = [f"{macro}(...)" for macro in close]
    return f"bedoelt u {' of '.join([', '.join(named[:-1]), named[-1]] if len(named) > 1 else named)}?"


# A macro taking a kernpunt, and the one taking the note of a referentie instead: kernpunt("7000123") means the
# note's kernpunten.
NOTE_MACRO_FOR = {"kernpunt": "kernpunten", "kernpunt_link": "nota_link"}


def _id_hint(macro: str, kind: str, value: str, index: Index) -> str:
    """A hint for the unknown id `value` given to `macro`: a referentie where a kernpunt is expected points to the
    macro for the note, any other id to the nearest existing one."""
    if kind == "kernpunt" and macro in NOTE_MACRO_FOR and re.fullmatch(REFERENTIE_PATTERN, value):
        return (f"'{value}' is de referentie van een nota, geen kernpunt: schrijf {NOTE_MACRO_FOR[macro]}(\"{value}\") "
                f"voor de nota, of {macro}(\"{value}-...\") met de id van één kernpunt")
    return index.suggest(kind, value)


def _example_call(name: str, signature: inspect.Signature, hints: dict, index: Index) -> str:
    """A correct call of macro `name`, with a real id for each id parameter: `bron("evrm")`."""
    parts = []
    for parameter in list(signature.parameters.values())[1:]:
        kind = _referred_kind(hints[parameter.name])
        if kind:
            parts.append(f'"{next(iter(index.records[kind]), "id")}"')
        elif parameter.default is inspect.Parameter.empty:
            parts.append(parameter.name)
    return f"{name}({', '.join(parts)})"


def _referred_kind(annotation: object) -> str | None:
    """The kind of record a parameter refers to (from its Refers marker), if any."""
    return next((marker.kind for marker in typing.get_args(annotation)[1:] if isinstance(marker, Refers)), None)


def _lower_bound(annotation: object) -> int | None:
    """The least value a number parameter takes (its `Ge` marker), if any: `Count` gives 1."""
    if typing.get_origin(annotation) is typing.Annotated:
        return next((marker.ge for marker in typing.get_args(annotation)[1:] if isinstance(marker, Ge)), None)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return next((bound for option in typing.get_args(annotation) if (bound := _lower_bound(option)) is not None),
                    None)
    return None


def _plain_types(annotation: object) -> tuple[type, ...]:
    """The plain types an annotation accepts: Annotated[str, ...] gives str, int | None gives int and NoneType."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _plain_types(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return tuple(kind for option in typing.get_args(annotation) for kind in _plain_types(option))
    return (annotation,)


class Composite:
    """A list or mapping written as a macro argument, where the macros take plain values only."""

    def __init__(self, label: str):
        self.label = label


def _constant(node: nodes.Node) -> object:
    """The value of a literal argument (`-1` too: Jinja folds it), or an opaque object if it is not literal."""
    if isinstance(node, nodes.Neg | nodes.Pos) and isinstance(node.node, nodes.Const):
        return node.as_const()
    if isinstance(node, nodes.List | nodes.Tuple):
        return Composite("een lijst")
    if isinstance(node, nodes.Dict):
        return Composite("velden")
    return node.value if isinstance(node, nodes.Const) else object()
