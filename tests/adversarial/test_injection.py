"""Injection (issue 11, class 3): a hostile editor's Markdown, HTML and Jinja in data texts and front matter.

Fields that allow Markdown (kernpunt, bevinding, conclusie and verkenningspunt `tekst`) allow a safe subset: raw
HTML, comments, attribute lists, images, links other than http(s), mailto and relative ones, and Jinja are refused
at the field's line. Names and titles from data, and front matter, are text: whatever they hold shows as written
and carries no live markup into any page of either build.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from bs4 import BeautifulSoup

from tests.adversarial.harness import Corpus
from tests.editing import NOTA, Project

CASES = Corpus()
BUILDS = ("intern", "openbaar")

LINK_HINT = ("link alleen naar een webadres (https:// of http://) of een e-mailadres (mailto:); een pagina van deze "
             "site, die de tekst op elke diepte toont, linkt u vanuit een pagina met nota_link, kernpunt_link of "
             "gebeurtenis_link")
HTML_HINT = ("schrijf opmaak in Markdown (**vet**, *cursief*, [tekst](https://...)) en een letterlijke < als &lt;; "
             "HTML in gegevens wordt niet gepubliceerd")
COMMENT_HINT = ("haal het commentaar weg: het zou in de gepubliceerde pagina staan; een notitie voor de redactie "
                "hoort in een YAML-commentaar (# ...)")
ATTRIBUTES_HINT = "haal de attributenlijst weg; de opmaak van gegevensteksten bepaalt de site"
IMAGE_HINT = "een gegevenstekst toont geen afbeeldingen; zet de afbeelding in de Markdown van een pagina"
JINJA_HINT = "gegevens kennen geen macro's: de tekst zou letterlijk verschijnen; haal {{, {% en {# weg"
JINJA_SECRET_HINT = ("gegevens kennen geen macro's: de tekst zou letterlijk verschijnen, ook wat niet openbaar is; "
                     "markeer het record zelf met 'niet_openbaar: <grond>'")

HEADLINE = '    tekst: "**Externalisering van asiel- en migratiebeleid** (appreciatie Clingendael rapport):"\n'
HEADLINE_ITEM = "kernpunten[6501580-externalisering].tekst"
NESTED = "      - id: 6501580-vijf-modellen\n        tekst: >-\n"
NESTED_ITEM = "kernpunten[6501580-externalisering].kernpunten[6501580-vijf-modellen].tekst"
HOSTILE = "*nadruk* [klik](javascript:alert(1)) <img src=x onerror=alert(1)> `code` {: onclick=alert(1) }"


def headline(project: Project, tekst: str):
    """Replace the text of the note's second kernpunt by `tekst` (a YAML double-quoted scalar's content)."""
    return project.replace(NOTA, HEADLINE, f'    tekst: "{tekst}"\n', at="tekst")


def refuse_in_headline(name: str, tekst: str, message: str, hint: str, code: str) -> None:
    @CASES.refused(name, builds=BUILDS)
    def _(project: Project) -> list[str]:
        return [headline(project, tekst).error(f"{HEADLINE_ITEM}: {message}", hint, code)]


# --- Links outside the safe subset -----------------------------------------------------------------------------------

refuse_in_headline("link-javascript", "Zie [de brief](javascript:alert(1)).",
                   "bevat een link naar 'javascript:alert(1)'", LINK_HINT, "onveilige-link")
refuse_in_headline("link-javascript-mixed-case", "Zie [de brief](JaVaScRiPt:alert(1)).",
                   "bevat een link naar 'JaVaScRiPt:alert(1)'", LINK_HINT, "onveilige-link")
refuse_in_headline("link-javascript-entity", "Zie [de brief](javascript&#58;alert(1)).",
                   "bevat een link naar 'javascript:alert(1)'", LINK_HINT, "onveilige-link")
refuse_in_headline("link-javascript-with-a-tab", "Zie [de brief](java&#x09;script:alert(1)).",
                   "bevat een link naar 'javascript:alert(1)'", LINK_HINT, "onveilige-link")
refuse_in_headline("link-javascript-in-angle-brackets", "Zie [de brief](<javascript:alert(1)>).",
                   "bevat een link naar 'javascript:alert(1)'", LINK_HINT, "onveilige-link")
refuse_in_headline("link-data", "Zie [de brief](data:text/html;base64,PHNjcmlwdD4=).",
                   "bevat een link naar 'data:text/html;base64,PHNjcmlwdD4='", LINK_HINT, "onveilige-link")
refuse_in_headline("link-vbscript", "Zie [de brief](vbscript:msgbox).",
                   "bevat een link naar 'vbscript:msgbox'", LINK_HINT, "onveilige-link")
refuse_in_headline("link-file", "Zie [de brief](file:///etc/passwd).",
                   "bevat een link naar 'file:///etc/passwd'", LINK_HINT, "onveilige-link")
refuse_in_headline("link-protocol-relative", "Zie [de brief](//evil.example/brief).",
                   "bevat een link naar '//evil.example/brief'", LINK_HINT, "onveilige-link")
refuse_in_headline("link-reference-style", "Zie [de brief][1].\\n\\n[1]: javascript:alert(1)",
                   "bevat een link naar 'javascript:alert(1)'", LINK_HINT, "onveilige-link")
refuse_in_headline("link-href-by-attribute-list", "Zie [de brief](https://example.org){: href='javascript:alert(1)' }.",
                   "bevat een link naar 'javascript:alert(1)'", LINK_HINT, "onveilige-link")


@CASES.refused("link-in-nested-kernpunt", builds=BUILDS)
def _(project: Project) -> list[str]:
    where = project.replace(NOTA, NESTED, "      - id: 6501580-vijf-modellen\n"
                            "        tekst: >-\n          [Lees meer](javascript:alert(document.cookie))\n",
                            at="tekst")
    return [where.error(f"{NESTED_ITEM}: bevat een link naar 'javascript:alert(document.cookie)'", LINK_HINT,
                        "onveilige-link")]


@CASES.refused("link-in-bevinding")
def _(project: Project) -> list[str]:
    old = ("    tekst: >-\n      Europese regels voegen beperkingen toe: sterke bescherming van rechten, een "
           "individuele risicobeoordeling\n      en toegang tot rechtsmiddelen.\n")
    where = project.replace("data/modellen.yaml", old, "    tekst: EU-recht vraagt [meer](javascript:alert(1)).\n",
                            at="tekst")
    return [where.error("bevindingen[nr. 4].tekst: bevat een link naar 'javascript:alert(1)'", LINK_HINT,
                        "onveilige-link")]


# --- Raw HTML, comments, attribute lists, images ---------------------------------------------------------------------

refuse_in_headline("html-img-onerror", "Zie <img src=x onerror=alert(1)> hier.",
                   "bevat HTML: '<img src=x onerror=alert(1)>'", HTML_HINT, "html-in-gegevens")
refuse_in_headline("html-script", "<script>alert(1)</script>",
                   "bevat HTML: '<script>'", HTML_HINT, "html-in-gegevens")
refuse_in_headline("html-autolink-javascript", "Zie <javascript:alert(1)>.",
                   "bevat HTML: '<javascript:alert(1)>'", HTML_HINT, "html-in-gegevens")
refuse_in_headline("html-comment", "Externalisering <!-- intern: de minister twijfelt -->",
                   "bevat HTML-commentaar: '<!-- intern: de minister twijfelt -->'", COMMENT_HINT, "html-in-gegevens")
refuse_in_headline("attribute-list-onclick", "Externalisering\\n{: onclick='alert(1)' }",
                   "bevat een attributenlijst die 'onclick' zet", ATTRIBUTES_HINT, "attributen-in-gegevens")
refuse_in_headline("attribute-list-on-link", "Zie [de brief](https://example.org){: onmouseover='alert(1)' }.",
                   "bevat een attributenlijst die 'onmouseover' zet", ATTRIBUTES_HINT, "attributen-in-gegevens")
refuse_in_headline("attribute-list-style", "Externalisering\\n{: style='display:none' }",
                   "bevat een attributenlijst die 'style' zet", ATTRIBUTES_HINT, "attributen-in-gegevens")
refuse_in_headline("image-off-host", "Zie ![grafiek](https://evil.example/pixel.png).",
                   "bevat een afbeelding: 'https://evil.example/pixel.png'", IMAGE_HINT, "afbeelding-in-gegevens")
refuse_in_headline("image-local", "Zie ![grafiek](../assets/grafiek.png).",
                   "bevat een afbeelding: '../assets/grafiek.png'", IMAGE_HINT, "afbeelding-in-gegevens")


@CASES.refused("html-in-verkenningspunt")
def _(project: Project) -> list[str]:
    where = project.replace("data/verkenning.yaml", "    tekst: Uitvoeringsproblemen.\n",
                            "    tekst: Uitvoeringsproblemen <b onclick=alert(1)>nu</b>.\n", at="tekst")
    return [where.error("uitdagingen[uitvoeringsproblemen].tekst: bevat HTML: '<b onclick=alert(1)>'", HTML_HINT,
                        "html-in-gegevens")]


@CASES.refused("attribute-list-in-conclusie")
def _(project: Project) -> list[str]:
    old = "  - tekst: Het EU-migratiepact verruimt al de overdracht naar veilige derde landen.\n"
    where = project.replace("data/modellen.yaml", old, "  - tekst: \"Het EU-migratiepact verruimt overdracht.\\n"
                            "{: onclick='alert(1)' }\"\n", at="tekst")
    return [where.error("conclusies[nr. 4].tekst: bevat een attributenlijst die 'onclick' zet", ATTRIBUTES_HINT,
                        "attributen-in-gegevens")]


# --- Jinja in data texts ---------------------------------------------------------------------------------------------

refuse_in_headline("jinja-call-niet-openbaar", "Openbaar deel. {% call niet_openbaar('5.1.2e') %}Geheim deel."
                   "{% endcall %}", "bevat Jinja-tekens: '{%'", JINJA_SECRET_HINT, "jinja-in-gegevens")
refuse_in_headline("jinja-expression", "Zie {{ config.site_url }}.", "bevat Jinja-tekens: '{{'", JINJA_HINT,
                   "jinja-in-gegevens")
refuse_in_headline("jinja-comment", "Externalisering {# later #}", "bevat Jinja-tekens: '{#'", JINJA_HINT,
                   "jinja-in-gegevens")


@CASES.refused("jinja-in-opmerking", builds=BUILDS)
def _(project: Project) -> list[str]:
    old = "          De nota spreekt van een \"wijziging van de Terugkeerverordening\"; die verordening is zelf nog\n"
    where = project.replace(NOTA, "        opmerking: >-\n" + old, "        opmerking: >-\n          {% call "
                            "niet_openbaar('5.2.1') %}De DG vindt dit onzin.{% endcall %}\n" + old, at="opmerking")
    return [where.error("kernpunten[6501580-externalisering].kernpunten[6501580-geen-belemmeringen].opmerking: "
                        "bevat Jinja-tekens: '{%'", JINJA_SECRET_HINT, "jinja-in-gegevens")]


@CASES.refused("jinja-in-bron-titel")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "    titel: Grenzen verleggen\n",
                            "    titel: Grenzen verleggen {{ 7 * 7 }}\n", at="titel")
    return [where.error("bronnen[clingendael-grenzen-verleggen].titel: bevat Jinja-tekens: '{{'", JINJA_HINT,
                        "jinja-in-gegevens")]


# --- Safe Markdown stays Markdown ------------------------------------------------------------------------------------

def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


NOTA_PAGE_HTML = "notas/6501580/index.html"


@CASES.handled("safe-links-stay-links")
def _(project: Project):
    headline(project, "Zie [de brief](https://example.org/brief) en [mail](mailto:dgm@example.org).")

    def check(sites):
        text = soup(sites["intern"], NOTA_PAGE_HTML).find(id="6501580-externalisering").find_next(
            class_="bp-kernpunt__tekst")
        assert [a["href"] for a in text.find_all("a")] == ["https://example.org/brief", "mailto:dgm@example.org"]
    return check


# --- Names and titles from data are text -----------------------------------------------------------------------------

DANGEROUS_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data")


def live_markup(site: Path) -> list[str]:
    """Everything in the built HTML that could run script or load from another host: handlers, script URLs,
    off-host images and frames, and inline scripts with the payload's `alert`."""
    found = []
    for page in sorted(site.rglob("*.html")):
        for tag in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all(True):
            where = f"{page.relative_to(site)}: <{tag.name}>"
            for name, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                if name.lower().startswith("on"):
                    found.append(f"{where} {name}=")
                if name.lower() in DANGEROUS_ATTRIBUTES and value.strip().lower().startswith(
                        ("javascript:", "vbscript:", "data:text")):
                    found.append(f"{where} {name}={value}")
            if tag.name in ("img", "iframe", "object", "embed") and "//" in (tag.get("src") or tag.get("data") or ""):
                found.append(f"{where} off-host")
            if tag.name == "script" and not tag.get("src") and "alert" in tag.get_text():
                found.append(f"{where} injected script")
    return found


def text_of(site: Path, page: str, selector: str) -> list[str]:
    """The text of each element matching `selector`, without the permalinks of headings."""
    elements = soup(site, page).select(selector)
    for permalink in (link for element in elements for link in element.select(".headerlink")):
        permalink.decompose()
    return [" ".join(element.get_text().split()) for element in elements]


def title_of(site: Path, page: str) -> str:
    return soup(site, page).title.get_text()


def page_of(site: Path, folder: str) -> str:
    """The built page of the record whose page is at `.../<folder>/index.html`."""
    [page] = [path.relative_to(site).as_posix() for path in site.rglob(f"{folder}/index.html")]
    return page


@CASES.handled("nota-titel-is-text", builds=BUILDS)
def _(project: Project):
    old = ("titel: >-\n  Beslisnota bij Kamerbrief appreciatie Clingendael rapport 'Grenzen verleggen' en brede "
           "verkenning\n  naar verdragen\n")
    project.replace(NOTA, old, f'titel: "{HOSTILE}"\n')

    def check(sites):
        for site in sites.values():
            assert live_markup(site) == []
            assert text_of(site, NOTA_PAGE_HTML, "h1") == [HOSTILE]
            assert title_of(site, NOTA_PAGE_HTML) == f"6501580 · {HOSTILE} - Beleidsposities DG Migratie"
            assert text_of(site, NOTA_PAGE_HTML, "[data-pagefind-meta=title]") == [f"6501580 · {HOSTILE}"]
            assert HOSTILE in text_of(site, "notas/index.html", ".bp-notas th a")
            assert f"Nota 6501580: {HOSTILE}" in text_of(site, "tijdlijn/index.html", ".bp-tijdlijn__titel")
    return check


@CASES.handled("nota-titel-breaks-out-of-title", builds=BUILDS)
def _(project: Project):
    old = ("titel: >-\n  Beslisnota bij Kamerbrief appreciatie Clingendael rapport 'Grenzen verleggen' en brede "
           "verkenning\n  naar verdragen\n")
    title = '</title><script>alert(1)</script>"><b>vet</b>'
    project.replace(NOTA, old, f"titel: '{title}'\n")

    def check(sites):
        for site in sites.values():
            assert live_markup(site) == []
            assert title_of(site, NOTA_PAGE_HTML) == f"6501580 · {title} - Beleidsposities DG Migratie"
            assert text_of(site, NOTA_PAGE_HTML, "h1") == [title]
            assert soup(site, NOTA_PAGE_HTML).find("b", string="vet") is None
    return check


@CASES.handled("bron-korte-naam-is-text-inline-too")
def _(project: Project):
    project.replace("data/bronnen.yaml", "    korte_naam: Verklaring van Chișinău\n", f'    korte_naam: "{HOSTILE}"\n')

    def check(sites):
        site = sites["intern"]
        assert live_markup(site) == []
        assert text_of(site, page_of(site, "chisinau-verklaring-2026"), "h1") == [HOSTILE]
        assert title_of(site, page_of(site, "chisinau-verklaring-2026")).startswith(f"{HOSTILE} - ")
        # `{{ bron("chisinau-verklaring-2026") }}` in the middle of a sentence of the page's own Markdown.
        assert HOSTILE in text_of(site, "verkenning-verdragen/index.html", "a.bp-bron-link")
    return check


@CASES.handled("bron-titel-attribute-list-is-text")
def _(project: Project):
    title = "Grenzen verleggen {: onclick=alert(1) .bp-niet-openbaar #titel }"
    project.replace("data/bronnen.yaml", "    titel: Grenzen verleggen\n", f"    titel: '{title}'\n")

    def check(sites):
        site = sites["intern"]
        assert live_markup(site) == []
        page = page_of(site, "clingendael-grenzen-verleggen")
        assert text_of(site, page, "h1") == [title]
        assert title in text_of(site, "appreciatie-grenzen-verleggen/index.html", "a.bp-bron-link")
    return check


@CASES.handled("bron-titel-smart-symbols-stay-as-written")
def _(project: Project):
    title = "Verzoek (c) 1/2 --> 1st ==ook== ~~zo~~ ^^dit^^ :smile: &amp; __vet__"
    project.replace("data/bronnen.yaml", "    titel: Verzoek van de Tweede Kamer om een brede verkenning naar "
                    "verdragen\n", f"    titel: '{title}'\n")

    def check(sites):
        site = sites["intern"]
        assert text_of(site, page_of(site, "verzoek-tk-brede-verkenning"), "h1") == [title]
    return check


@CASES.handled("onderwerp-naam-is-text")
def _(project: Project):
    project.replace("data/onderwerpen.yaml", "    naam: Nationale asielpraktijk\n", f'    naam: "{HOSTILE}"\n')

    def check(sites):
        site = sites["intern"]
        assert live_markup(site) == []
        assert text_of(site, page_of(site, "nationale-asielpraktijk"), "h1") == [HOSTILE]
        assert HOSTILE in text_of(site, NOTA_PAGE_HTML, ".bp-onderwerpen a")
        assert HOSTILE in text_of(site, "kernpunten/index.html", "th a")
    return check


@CASES.handled("onderwerp-naam-as-tag-is-text", builds=BUILDS)
def _(project: Project):
    """Renaming an onderwerp that a page uses as a tag: the name in the data and in the page's tags."""
    name = "Terugkeer <img src=x onerror=alert(1)> *x*"
    project.replace("data/onderwerpen.yaml", "    naam: Terugkeer\n", f'    naam: "{name}"\n')
    project.replace("docs/appreciatie-grenzen-verleggen.md", "  - Terugkeer\n", f"  - '{name}'\n")

    def check(sites):
        for site in sites.values():
            assert live_markup(site) == []
            assert name in text_of(site, "appreciatie-grenzen-verleggen/index.html", ".md-tag")
            assert name in text_of(site, "kernpunten/terugkeer/index.html", "h1")  # the tag's own page
            [link] = soup(site, "appreciatie-grenzen-verleggen/index.html").select(".md-tag[href$='terugkeer/']")
            assert name in link.get_text()
            [meta] = soup(site, "appreciatie-grenzen-verleggen/index.html").select("meta[data-pagefind-meta]")
            # The search worker gives Material these names, which it shows as HTML: they must be escaped.
            [tag] = [tag for tag in json.loads(meta["content"]) if tag.startswith("Terugkeer")]
            assert "<" not in tag and html.unescape(tag) == name
    return check


@CASES.handled("model-naam-is-text")
def _(project: Project):
    project.replace("data/modellen.yaml", "    naam: Screening langs de migratieroute\n", f'    naam: "{HOSTILE}"\n')

    def check(sites):
        site = sites["intern"]
        assert live_markup(site) == []
        page = "appreciatie-grenzen-verleggen/index.html"
        assert text_of(site, page, "h3#screening-migratieroute") == [f"1. {HOSTILE}"]
        assert f"1. {HOSTILE}" in text_of(site, page, "th a")
        toc = ".md-nav--secondary a[href='#screening-migratieroute']"
        assert set(text_of(site, page, toc)) == {f"1. {HOSTILE}"}
    return check


@CASES.handled("aspect-naam-is-text")
def _(project: Project):
    project.replace("data/modellen.yaml", "    naam: Praktische uitdagingen\n", f'    naam: "{HOSTILE}"\n')

    def check(sites):
        site = sites["intern"]
        assert live_markup(site) == []
        assert text_of(site, "appreciatie-grenzen-verleggen/index.html", "th#praktijk") == [HOSTILE]
    return check


@CASES.handled("gebeurtenis-titel-is-text", builds=BUILDS)
def _(project: Project):
    title = "**vet** <script>alert(1)</script> [a](javascript:alert(1))"
    project.replace("data/tijdlijn.yaml", "    titel: Tweede Kamer vraagt om een brede verkenning naar verdragen\n",
                    f'    titel: "{title}"\n')

    def check(sites):
        for site in sites.values():
            assert live_markup(site) == []
            assert title in text_of(site, "tijdlijn/index.html", ".bp-tijdlijn__titel")
            assert title in text_of(site, NOTA_PAGE_HTML, ".bp-kop a")
    return check


@CASES.handled("kernpunt-opmerking-is-text")
def _(project: Project):
    old = "        opmerking: >-\n          De nota spreekt van een"
    remark = "[klik](javascript:alert(1)) *x* <img src=x onerror=alert(1)>"
    project.replace(NOTA, old, f"        opmerking: >-\n          {remark} De nota spreekt van een")

    def check(sites):
        site = sites["intern"]
        assert live_markup(site) == []
        assert any(remark in text for text in text_of(site, NOTA_PAGE_HTML, ".bp-redactie p"))
    return check


@CASES.handled("weigeringsgrond-is-text-in-a-passage", builds=BUILDS)
def _(project: Project):
    """A ground's description with Markdown, shown by a page's passage that is not public (read by Markdown)."""
    ground = "eerbiediging van de *persoonlijke* levenssfeer [klik](javascript:alert(1)) <img src=x onerror=alert(1)>"
    project.replace("data/weigeringsgronden.yaml",
                    "    omschrijving: de eerbiediging van de persoonlijke levenssfeer\n",
                    f'    omschrijving: "{ground}"\n')
    project.replace("docs/tijdlijn.md", "{{ tijdlijn() }}\n", '{% call niet_openbaar("5.1.2e") %}\nDe namen van '
                    'de ambtenaren.\n{% endcall %}\n\n{{ tijdlijn() }}\n')
    label = f"Niet openbaar – weigeringsgrond: artikel 5.1, tweede lid, onder e, Woo ({ground})"

    def check(sites):
        for name, site in sites.items():
            assert live_markup(site) == []
            selector = ".bp-weigering" if name == "openbaar" else ".bp-niet-openbaar__label"
            assert text_of(site, "tijdlijn/index.html", selector) == [label]
    return check


# --- Front matter ----------------------------------------------------------------------------------------------------

EXTRA_PAGE = "docs/toelichting.md"


@CASES.handled("front-matter-title-breaks-out", builds=BUILDS)
def _(project: Project):
    title = '</title><script>alert(1)</script> *x* & "y"'
    project.write(EXTRA_PAGE, f"---\ntitle: '{title}'\n---\n\n# Toelichting\n\nTekst.\n")

    def check(sites):
        for site in sites.values():
            assert live_markup(site) == []
            assert title_of(site, "toelichting/index.html") == f"{title} - Beleidsposities DG Migratie"
    return check


@CASES.handled("front-matter-description-breaks-out", builds=BUILDS)
def _(project: Project):
    description = '"><script>alert(1)</script><meta http-equiv="refresh" content="0;url=https://evil.example/">'
    project.write(EXTRA_PAGE, f"---\ndescription: '{description}'\n---\n\n# Toelichting\n\nTekst.\n")

    def check(sites):
        for site in sites.values():
            assert live_markup(site) == []
            page = soup(site, "toelichting/index.html")
            assert [meta["content"] for meta in page.find_all("meta", attrs={"name": "description"})] == [description]
            assert page.find("meta", attrs={"http-equiv": "refresh"}) is None
    return check


@CASES.refused("html-in-instrument-reden")
def _(project: Project) -> list[str]:
    where = project.replace("data/verkenning.yaml", "    reden: Niet genoemd in de nota. Vervangt de Dublinverordening "
                            "vanaf 1 juli 2026.\n", "    reden: Erbij <img src=x onerror=alert(1)>.\n", at="reden")
    return [where.error("instrumenten[nr. 5].reden: bevat HTML: '<img src=x onerror=alert(1)>'", HTML_HINT,
                        "html-in-gegevens")]


@CASES.refused("script-url-in-verantwoording")
def _(project: Project) -> list[str]:
    where = project.replace("data/bronnen.yaml", "        url: https://rm.coe.int/",
                            "        url: javascript:alert(1)//rm.coe.int/", at="url")
    url = "javascript:alert(1)//rm.coe.int/informal-ministerial-conference-10-december-2025-conclusions/488029b843"
    return [where.error(f"bronnen[chisinau-verklaring-2026].verantwoording[nr. 3].url: '{url}' heeft niet de juiste "
                        "vorm", "schrijf een volledig webadres dat begint met https://", "ongeldige-waarde")]


test_adversarial = CASES.test()
