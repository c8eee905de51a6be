"""The id index: every record by kind and id, references checked, backlinks computed once."""

from __future__ import annotations

import difflib
import functools
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from macros.content.loading import Content
from macros.content.positions import Positions
from macros.content.reads import ReadLog
from macros.content.yamlsource import YamlDocument
from macros.model.dates import PartialDate
from macros.model.errors import ContentError, Finding
from macros.model.kinds import BACKLINK_KINDS, KINDS, PAGE_KINDS, PAGED_KINDS
from macros.model.paging import page_count, page_of_position, page_source
from macros.model.schema import Defines, Kernpunt, Nota, Refers
from macros.routing.page_map import PageMap, page_url
from macros.routing.page_records import PageRecord


def unknown(kind: str) -> str:
    """`onbekende bron`, `onbekend kernpunt`."""
    declared = KINDS[kind]
    return f"onbekend{'' if declared.het else 'e'} {declared.noun}"


def with_article(kind: str) -> str:
    """`de bron`, `het kernpunt`."""
    declared = KINDS[kind]
    return f"{'het' if declared.het else 'de'} {declared.noun}"



@dataclass(frozen=True)
class Mention:
    """An id found in the data: a definition or a reference, where it stands, and its record."""

    marker: Defines | Refers
    value: str
    location: tuple
    record: BaseModel


def iter_mentions(model: BaseModel, location: tuple = ()) -> Iterator[Mention]:
    """Every id defined or referred to in `model`, depth first, with its location."""
    for name, field in type(model).model_fields.items():
        yield from _walk(getattr(model, name), field.annotation, field.metadata, (*location, name), model)


def _walk(value: Any, annotation: Any, metadata: list, location: tuple, owner: BaseModel) -> Iterator[Mention]:
    if value is None:
        return
    for marker in metadata:
        if isinstance(marker, Defines | Refers):
            yield Mention(marker, value, location, owner)
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *more = get_args(annotation)
        yield from _walk(value, inner, more, location, owner)
    elif origin in (Union, UnionType):
        for option in get_args(annotation):
            if option is not type(None) and (get_origin(option) is list) == isinstance(value, list):
                yield from _walk(value, option, [], location, owner)
                return
    elif isinstance(value, BaseModel):
        yield from iter_mentions(value, location)
    elif isinstance(value, list):
        item_annotation = get_args(annotation)[0] if get_args(annotation) else Any
        for index, item in enumerate(value):
            yield from _walk(item, item_annotation, [], (*location, index), owner)


@dataclass(frozen=True)
class FileIds:
    """What one data file defines and refers to, worked out once per state of the file (see Mentions): the index
    merges these whole, so a build walks only the files that changed."""

    defined_at: dict[tuple[str, str], tuple[YamlDocument, tuple]]  # where each id is defined first in the file
    origin: dict[tuple[str, str], tuple[YamlDocument, tuple]]  # the record that defines it
    records: dict[str, dict[str, BaseModel]]
    references: list[tuple]  # (document, kind, id, location)
    referenced: list[tuple[str, str]]
    nota_of: dict[str, Nota]
    parent_of: dict[str, str | None]
    number_of: dict[str, str]
    findings: list[Finding]  # an id defined twice in the file, a kernpunt id that does not fit its note


def file_ids(loaded, mentions: list[Mention]) -> FileIds:
    """The ids a loaded data file defines and refers to, from its mentions."""
    document = loaded.document
    ids = FileIds({}, {}, defaultdict(dict), [], [], {}, {}, {}, [])
    for mention in mentions:
        key = (mention.marker.kind, mention.value)
        if isinstance(mention.marker, Refers):
            ids.references.append((document, *key, mention.location))
            ids.referenced.append(key)
        elif key in ids.defined_at:
            ids.findings.append(_defined_twice(document, mention, ids.defined_at[key]))
        else:
            ids.defined_at[key] = (document, mention.location)
            ids.origin[key] = (document, mention.location[:-1])
            ids.records[key[0]][key[1]] = mention.record
    if isinstance(loaded.model, Nota):
        nota = loaded.model
        for location, kernpunt, parent in _flatten(nota.kernpunten, ("kernpunten",), None):
            ids.nota_of[kernpunt.id] = nota
            ids.parent_of[kernpunt.id] = parent
            ids.number_of[kernpunt.id] = ".".join(str(part + 1) for part in location if isinstance(part, int))
            if not kernpunt.id.startswith(f"{nota.referentie}-"):
                ids.findings.append(document.finding(
                    (*location, "id"), f"de kernpunt-id '{kernpunt.id}' begint niet met de referentie van de nota",
                    f"noem het kernpunt {nota.referentie}-{kernpunt.id}", "kernpunt-id"))
    return ids


def _defined_twice(document: YamlDocument, mention: Mention, first: tuple[YamlDocument, tuple]) -> Finding:
    first_document, first_location = first
    where = first_document.finding(first_location, "", "", "dubbele-id")
    return document.finding(mention.location, f"de id '{mention.value}' van {with_article(mention.marker.kind)} "
                            f"bestaat al ({where.path}:{where.line})", "kies een id die nog niet gebruikt wordt",
                            "dubbele-id")


def _defined_before(ids: FileIds, defined_at: dict) -> list[Finding]:
    """The ids of a file that earlier files define, in the file's order."""
    findings = []
    for key, (document, location) in ids.defined_at.items():
        if key in defined_at:
            mention = Mention(Defines(key[0]), key[1], location, ids.records[key[0]][key[1]])
            findings.append(_defined_twice(document, mention, defined_at[key]))
    return findings


class Mentions:
    """The mentions of each data file's model and the ids they make, by the model's identity: the preview's builds
    keep the models of unchanged files (macros/loading.py), so only changed ones are walked again."""

    def __init__(self):
        self._known: dict[int, tuple[BaseModel, list[Mention]]] = {}
        self._used: dict[int, tuple[BaseModel, list[Mention]]] = {}
        self._ids: dict[int, tuple[BaseModel, FileIds]] = {}
        self._ids_used: dict[int, tuple[BaseModel, FileIds]] = {}

    def of(self, model: BaseModel) -> list[Mention]:
        known = self._known.get(id(model))
        if known is None or known[0] is not model:
            known = (model, list(iter_mentions(model)))
        self._known[id(model)] = self._used[id(model)] = known
        return known[1]

    def ids_of(self, loaded) -> FileIds:
        """The ids of a loaded data file (`loaded.model` and its document)."""
        known = self._ids.get(id(loaded.model))
        if known is None or known[0] is not loaded.model:
            known = (loaded.model, file_ids(loaded, self.of(loaded.model)))
        self._ids[id(loaded.model)] = self._ids_used[id(loaded.model)] = known
        return known[1]

    def forget_unused(self) -> None:
        """Forget the models the last index did not ask for."""
        self._known, self._used = self._used, {}
        self._ids, self._ids_used = self._ids_used, {}


class Index:
    """All records by kind and id, with the links between them; built once per build."""

    def __init__(self, content: Content, pages: PageMap | None = None, directory_urls: bool = True,
                 openbaar: bool = False, aliases: dict[tuple[str, str], str] | None = None,
                 mentions: Mentions | None = None):
        self.content = content
        self._mentions = mentions or Mentions()
        self.openbaar = openbaar  # True in the public build: the content is redacted (macros/content/woo.py)
        self.aliases = aliases or {}  # the public build's neutral id of a withheld record, by kind and original id
        self.pages = pages or PageMap()
        self.directory_urls = directory_urls
        self.derived: dict[tuple, object] = {}  # what other modules derive from this index once (exports, checks)
        self._urls: dict[tuple[str, str], str] = {}
        self.records: dict[str, dict[str, BaseModel]] = defaultdict(dict)
        self.reads = ReadLog()  # what the page being rendered reads from this index (macros/content/reads.py)
        self.nota_of: dict[str, Nota] = {}
        self.parent_of: dict[str, str | None] = {}
        self.number_of: dict[str, str] = {}
        findings = self._collect()
        if findings:
            raise ContentError(findings)
        self.notas_newest_first = sorted(content.notas, key=lambda nota: (nota.datum, nota.referentie),
                                         reverse=True)
        self.bronnen_sorted = sorted(content.bronnen.bronnen, key=lambda bron: (bron.soort, bron.titel.lower()))

    def _collect(self) -> list[Finding]:
        """Merge every data file's ids (FileIds); an id defined in two files, or referred to and defined nowhere,
        is a finding."""
        findings: list[Finding] = []
        references: list[tuple] = []
        defined_at: dict[tuple[str, str], tuple[YamlDocument, tuple]] = {}  # where each id is defined first
        self.origin: dict[tuple[str, str], tuple[YamlDocument, tuple]] = {}
        self.referenced: Counter[tuple[str, str]] = Counter()
        for loaded in self.content.files:
            ids = self._mentions.ids_of(loaded)
            findings.extend(ids.findings)
            fresh = ids.defined_at
            if not defined_at.keys().isdisjoint(fresh):  # the content has errors: the index is not used
                findings.extend(_defined_before(ids, defined_at))
                fresh = {key: place for key, place in fresh.items() if key not in defined_at}
            defined_at.update(fresh)
            self.origin.update(ids.origin)
            for kind, records in ids.records.items():
                self.records[kind].update(records)
            references.extend(ids.references)
            self.referenced.update(ids.referenced)
            self.nota_of.update(ids.nota_of)
            self.parent_of.update(ids.parent_of)
            self.number_of.update(ids.number_of)
        self.references = references  # (document, kind, id, location) of every reference, for the checks
        self._mentions.forget_unused()
        for document, kind, value, location in references:
            if value not in self.records[kind]:
                findings.append(document.finding(location, f"{unknown(kind)} '{value}'", self.suggest(kind, value),
                                                 "onbekende-id"))
        return findings

    def mentions_of(self, model: BaseModel) -> list[Mention]:
        """Every id defined or referred to in a data file's model (remembered, see Mentions)."""
        return self._mentions.of(model)

    def suggest(self, kind: str, value: str) -> str:
        """A hint for an unknown id: the closest existing id, or how to add the record."""
        close = difflib.get_close_matches(value, self.records[kind], n=1)
        where = KINDS[kind].files
        return f"bedoelt u '{close[0]}'?" if close else f"voeg {with_article(kind)} '{value}' toe in {where}"

    def finding(self, kind: str, record_id: str, field: str, message: str, hint: str, code: str) -> Finding:
        """A finding at `field` of a record, in the data file that defines it."""
        document, location = self.origin[kind, record_id]
        return replace(document.finding((*location, field), message, hint, code), subject=(kind, record_id))

    @functools.cached_property
    def citations(self) -> dict[str, list[str]]:
        """The kernpunten citing each bron, by the bron's id."""
        citations: dict[str, list[str]] = {bron_id: [] for bron_id in self.records["bron"]}
        for kernpunt in self.kernpunten():
            for bron_id in dict.fromkeys(kernpunt.bronnen):
                citations[bron_id].append(kernpunt.id)
        return citations

    @functools.cached_property
    def kernpunten_by_onderwerp(self) -> dict[str, list[str]]:
        """The kernpunten of each onderwerp, the current ones first."""
        grouped: dict[str, list[str]] = {onderwerp: [] for onderwerp in self.records["onderwerp"]}
        for kernpunt in self.kernpunten():
            if self.openbaar and kernpunt.niet_openbaar:
                continue  # its own onderwerpen are withheld: the note's would be a guess
            nota_topics = self.nota_of[kernpunt.id].onderwerpen
            for onderwerp in dict.fromkeys(kernpunt.onderwerpen or nota_topics):
                grouped[onderwerp].append(kernpunt.id)
        for kernpunt_ids in grouped.values():  # the current position first (macros/content/positions.py)
            kernpunt_ids.sort(key=lambda kernpunt_id: kernpunt_id in self.positions.superseded)
        return grouped

    def get(self, kind: str, record_id: str) -> Any:
        """The record of `kind` with `record_id`; raise UnknownId (with a suggestion) if none."""
        try:
            return self.records[kind][self.resolve(kind, record_id)]
        except KeyError:
            raise UnknownId(kind, str(record_id), self.suggest(kind, str(record_id))) from None

    def resolve(self, kind: str, record_id: str) -> str:
        """The id a record has in this index: in the public build a withheld one's neutral id."""
        return self.aliases.get((kind, str(record_id)), str(record_id))

    @functools.cached_property
    def timeline(self) -> list[TimelineItem]:
        """The events and the notes, by date."""
        items = [TimelineItem(event.id, event.datum, event.tot, event.bij_benadering, event.soort, event.titel,
                              event.beschrijving, tuple(event.notas), tuple(event.bronnen))
                 for event in self.content.tijdlijn.gebeurtenissen]
        items += [TimelineItem(f"nota-{nota.referentie}", PartialDate.parse(nota.datum), None, False, "nota",
                               f"Nota {nota.referentie}: {nota.titel}", "", (nota.referentie,), ())
                  for nota in self.content.notas]
        return sorted(items, key=lambda item: (item.datum.first_day, item.id))

    @functools.cached_property
    def _timeline_position(self) -> dict[str, int]:
        return {item.id: position for position, item in enumerate(self.timeline)}

    def kernpunten(self) -> Iterator[Kernpunt]:
        """Every kernpunt of every note, notes newest first, kernpunten in document order."""
        for nota in self.notas_newest_first:
            yield from self.kernpunten_of(nota)

    @staticmethod
    def kernpunten_of(nota: Nota) -> Iterator[Kernpunt]:
        """The kernpunten of one note, sub-points after their parent, in document order."""
        for _, kernpunt, _ in _flatten(nota.kernpunten, (), None):
            yield kernpunt

    def record_at(self, source: str) -> Any:
        """The note, bron or onderwerp whose own page is the docs-relative `source`, if any."""
        return self.page(source).record

    def page(self, source: str) -> PageRecord:
        """What the page at the docs-relative `source` is (a page of its own for a written page the data does not
        know)."""
        return self.page_records.get(source) or PageRecord(source)

    def generated_record(self, source: str) -> PageRecord | None:
        """The record whose page the site generates (its kind has a page template) when `source` is that page or a
        later page of its list."""
        page = self.page(source)
        owner = self.page(page.list_source) if page.list_source is not None else page
        return owner if owner.kind is not None and KINDS[owner.kind].page_template else None

    @functools.cached_property
    def page_records(self) -> dict[str, PageRecord]:
        """The pages the data decides, by source: each record's own page, then the later pages of the long lists."""
        own = (PageRecord(self.pages.source_of(kind, record_id), kind, record_id, record)
               for kind in PAGE_KINDS for record_id, record in self.records[kind].items())
        return {page.source: page for page in (*own, *self.later_pages)}

    @functools.cached_property
    def later_pages(self) -> tuple[PageRecord, ...]:
        """Page 2, 3, ... of each long list, list by list (macros/model/paging.py)."""
        return tuple(PageRecord(page_source(first_source, number), list_source=first_source, number=number)
                     for first_source, entries in self.listings.items()
                     for number in range(2, page_count(len(entries)) + 1))

    @functools.cached_property
    def positions(self) -> Positions:
        """Which kernpunten later notes replace or withdraw (macros/content/positions.py)."""
        return Positions(self)

    @functools.cached_property
    def listings(self) -> dict[str, Sequence]:
        """The long lists, by the source of the page that shows them: they are split into pages (paging.py)."""
        return {**{self.pages.list_of(kind): KINDS[kind].paged(self) for kind in PAGED_KINDS},
                **{self.pages.source_of(kind, record_id): entries for kind in BACKLINK_KINDS
                   for record_id, entries in KINDS[kind].backlinks(self).items()}}

    def source(self, kind: str, record_id: str) -> str:
        """The docs-relative source of the page that shows a record's own entry (its page of a long list)."""
        if kind == "gebeurtenis":
            return page_source(self.pages.tijdlijn, page_of_position(self._timeline_position[record_id]))
        return self.pages.source_of(kind, record_id)

    def url(self, kind: str, record_id: str) -> str:
        """URL relative to the site root of a record's own entry, with its anchor (made once per record)."""
        if (known := self._urls.get((kind, record_id))) is None:
            known = self._urls[kind, record_id] = self._url(kind, record_id)
        return known

    def _url(self, kind: str, record_id: str) -> str:
        self.get(kind, record_id)
        record_id = self.resolve(kind, record_id)
        if kind == "kernpunt":
            return f"{self.url('nota', self.nota_of[record_id].referentie)}#{record_id}"
        url = page_url(self.source(kind, record_id), self.directory_urls)
        return url if KINDS[kind].own_page else f"{url}#{record_id}"


@dataclass(frozen=True)
class TimelineItem:
    """One entry of the timeline: an event from tijdlijn.yaml, or a note on its own date."""

    id: str
    datum: PartialDate
    tot: PartialDate | None
    bij_benadering: bool
    soort: str
    titel: str
    beschrijving: str
    notas: tuple[str, ...]
    bronnen: tuple[str, ...]


class UnknownId(LookupError):
    """A page or macro asked for an id that no record has."""

    def __init__(self, kind: str, record_id: str, hint: str):
        self.record_id = record_id
        self.message = f"{unknown(kind)} '{record_id}'"
        self.hint = hint
        super().__init__(f"{self.message} ({hint})")


def _flatten(kernpunten: list[Kernpunt], location: tuple, parent: str | None):
    for index, kernpunt in enumerate(kernpunten):
        yield (*location, index), kernpunt, parent
        yield from _flatten(kernpunt.kernpunten, (*location, index, "kernpunten"), kernpunt.id)
