"""Links and anchors, checked before the build as MkDocs checks them after it, with a Dutch message and a place.

Every Markdown link of a page leads to a page or file of the site, and its anchor to an id on that page; no page
holds an id twice; the anchors the site itself links to (kernpunten, events, models, ...) are on their pages.
"""

from __future__ import annotations

import difflib
import posixpath
from collections import defaultdict
from urllib.parse import unquote, urlsplit

from jinja2 import Environment
from markdown.util import AMP_SUBSTITUTE

from macros.checks.anchors import Anchor, Conversions, Link, PageModel, page_model
from macros.model.errors import Finding
from macros.model.kinds import KINDS
from macros.rendering.sitepages import SitePages
from macros.routing.docsfiles import as_md, is_page
from macros.routing.site_paths import relative_url

LINK_HINT = "link naar een bestand in docs/, relatief aan deze pagina, bijvoorbeeld notas/6501580.md"
ANCHOR_HINT = "kies een anker van die pagina: een kopje, kernpunt of gebeurtenis"
# The records on a page of another (a kernpunt on its note's, an event on its page of the timeline): the macro that
# links to one finds that page itself.
LINK_MACROS = {name: kind.link_macro for name, kind in KINDS.items() if kind.link_macro and not kind.own_page}


def link_findings(site: SitePages, conversions: Conversions | None = None) -> list[Finding]:
    """Broken links and anchors, ids twice on a page, and anchors the site links to that a page lacks."""
    options = tuple(sorted(site.settings.jinja_options.items()))
    models = _models(site, options, conversions or Conversions())
    findings = [finding for source, model in models.items() if source in site.written or source in site.later
                for link in model.links if (finding := _check_link(site, models, source, link))]
    findings += [finding for source, model in models.items() for finding in _duplicates(site, source, model)]
    return [*_unique(findings), *_missing_anchors(site, models)]


def _models(site: SitePages, options: tuple, conversions: Conversions) -> dict[str, PageModel]:
    """Each page's model, remembered on the index by page and text: the preview rereads only the pages that
    changed, until the data changes."""
    extensions = site.settings.markdown_extensions
    known = site.index.derived.setdefault(("page_model", options, extensions), {})
    environment = Environment(**dict(options))
    for source, text in site.texts.items():
        if (source, text) not in known:
            known[source, text] = page_model(source, text, site.index, environment, extensions,
                                                  site.settings.theme_templates, conversions,
                                                  source in site.generated)
    return {source: known[source, text] for source, text in site.texts.items()}




def _check_link(site: SitePages, models: dict[str, PageModel], source: str, link: Link) -> Finding | None:
    """What MkDocs' validation of `link` would warn about, in Dutch (mkdocs/structure/pages.py, path_to_url)."""
    url = link.url
    scheme, netloc, path, _, anchor = urlsplit(url)
    if scheme or netloc or AMP_SUBSTITUTE in url or "{{" in url or "{%" in url:
        return None

    def finding(message: str, hint: str, code: str = "link-kapot") -> Finding:
        return Finding(site.displays[source], link.line, link.column, message, hint, code)

    if url.startswith(("/", "\\")):
        target = posixpath.normpath(unquote(path).lstrip("/\\"))
        hint = (f"schrijf '{relative_url(target, source)}{'#' + anchor if anchor else ''}'"
                if target in site.files else LINK_HINT)
        return finding(f"de absolute link '{url}' werkt niet onder een subpad", hint)
    if not path:
        return _check_anchor(site, models, source, link, anchor, finding) if anchor else None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(path)))
    if target.startswith("../") or target == "..":
        return finding(f"de link '{url}' wijst naar een bestand buiten docs/", LINK_HINT)
    if target not in site.files:
        if not posixpath.splitext(path)[-1]:
            guess = next((candidate for candidate in (f"{target}/index.md", f"{target}.md")
                          if candidate in site.files), None)
            return finding(f"de link '{url}' wijst naar een map of adres, niet naar een pagina",
                           f"schrijf '{relative_url(guess, source)}'" if guess else LINK_HINT)
        candidates = [file for file in site.files if is_page(file) == is_page(target)
                      and (is_page(file) or posixpath.splitext(file)[-1] == posixpath.splitext(target)[-1])]
        close = difflib.get_close_matches(target, candidates, n=1)
        hint = f"bedoelt u '{relative_url(close[0], source)}'?" if close else LINK_HINT
        return finding(f"de link '{url}' wijst naar {target}, maar die pagina of dat bestand bestaat niet", hint)
    if anchor and is_page(target):
        return _check_anchor(site, models, as_md(target), link, anchor, finding)
    return None


def _check_anchor(site: SitePages, models: dict[str, PageModel], target: str, link: Link, anchor: str,
                  finding) -> Finding | None:
    """A link outside passages that are not public must lead to an anchor the public build has too."""
    model = models.get(target)
    if model and not model.readable:
        return None  # the page check reports the page
    ids = (model.ids if link.withheld else model.public_ids) if model else frozenset()
    if anchor in ids:
        return None
    if model and anchor in model.ids:
        return finding(f"het anker '#{anchor}' op de pagina {target} staat in een passage die niet openbaar is",
                       "link naar een anker buiten die passage: de openbare site heeft het niet", "link-anker")
    close = difflib.get_close_matches(anchor, sorted(ids), n=1)
    macro = next((macro for kind, macro in LINK_MACROS.items() if anchor in site.index.records[kind]), None)
    hint = (f'schrijf {{{{ {macro}("{anchor}") }}}}: die macro vindt de pagina zelf' if macro
            else f"bedoelt u '#{close[0]}'?" if close else ANCHOR_HINT)
    return finding(f"de pagina {target} heeft geen anker '#{anchor}'", hint, "link-anker")


def _duplicates(site: SitePages, source: str, model: PageModel) -> list[Finding]:
    """An id made twice on one page: reported where the later one is made (a record's id in the data, if it is
    another record's; else the page's text or macro call), naming the first."""
    first: dict[str, Anchor] = {}
    findings = []
    for anchor in sorted(model.anchors, key=lambda anchor: anchor.rank):
        earlier = first.setdefault(anchor.id, anchor)
        if earlier is anchor:
            continue
        message = f"het anker '#{anchor.id}' staat al op de pagina {source}: {earlier.what}"
        hint = "kies een andere id of een ander kopje"
        if anchor.record and anchor.record != earlier.record:
            findings.append(site.index.finding(*anchor.record, "id", message, hint, "dubbel-anker"))
        else:
            findings.append(Finding(site.displays[source], anchor.line, anchor.column, message, hint, "dubbel-anker"))
    return findings


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per place: a macro shown twice makes each of its ids twice."""
    return list({(finding.path, finding.line, finding.column): finding for finding in reversed(findings)}.values())


def _missing_anchors(site: SitePages, models: dict[str, PageModel]) -> list[Finding]:
    """The anchors the site links to (exports, lists, figures) that the page meant to show them lacks."""
    index = site.index
    missing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for record_id, source, macro in _linked_anchors(index):
        model = models.get(source)
        if model and model.readable and record_id not in model.ids and macro.partition("(")[0] not in model.unread:
            missing[source].append((record_id, macro))
    findings = []
    for source, anchors in missing.items():
        (first, macro), others = anchors[0], len(anchors) - 1
        message = (f"de site linkt naar '#{first}' en {others} andere ankers op deze pagina, maar die staan er niet"
                   if others else f"de site linkt naar '#{first}' op deze pagina, maar dat anker staat er niet")
        findings.append(Finding(site.displays[source], 1, 1, message, f"zet {{{{ {macro} }}}} op de pagina",
                                "anker-ontbreekt"))
    return findings


def _linked_anchors(index):
    """(id, page source, macro that shows it) of every record that the site links to by an anchor."""
    for nota in index.notas_newest_first:
        for kernpunt in index.kernpunten_of(nota):
            yield kernpunt.id, index.pages.source_of("nota", nota.referentie), f'kernpunten("{nota.referentie}")'
    for event_id in index.records["gebeurtenis"]:
        yield event_id, index.source("gebeurtenis", event_id), "tijdlijn()"
    for kind in ("aspect", "model"):
        for record_id in index.records[kind]:
            yield record_id, index.source(kind, record_id), "modellen()"
    for groep in index.content.verkenning.uitdagingsgroepen:
        yield groep.id, index.source("uitdagingsgroep", groep.id), "uitdagingen()"
    for macro in ("uitdagingen", "maatregelen"):
        for punt in getattr(index.content.verkenning, macro):
            yield punt.id, index.source("verkenningspunt", punt.id), f"{macro}()"
