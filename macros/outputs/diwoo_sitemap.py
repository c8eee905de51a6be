"""The DiWoo files of the public build: one per note, and the DiWoo sitemap through which the harvester finds them.

The Woo-harvester reads only sitemaps (standaarden.overheid.nl/diwoo/metadata, "Sitemapindex en Sitemaps"): a
sitemap index named after the information category (sitemapindex-diwoo-infocat<nnn>.xml) lists sitemaps of at most
50,000 urls; each url has the document's address in `loc` and its DiWoo metadata in `diwoo:Document` (the same
metadata as diwoo/<referentie>.xml). The host's robots.txt must name the index (docs/redactie/index.md).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urljoin
from xml.sax.saxutils import escape

from macros.content.index import Index
from macros.model import diwoo_values as values
from macros.outputs.diwoo import DIWOO_FOLDER, diwoo_document, publisher, xml_file, xml_text

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# A sitemap holds at most 50,000 urls and 50 MB (sitemaps.org; the harvester guide): with its metadata a url takes
# about 2 KB, so at thousands of notes the size is the limit that binds.
SITEMAP_LIMIT = 50_000
SITEMAP_BYTES = 50 * 1024 * 1024
INDEX_FILE = f"{DIWOO_FOLDER}/sitemapindex-diwoo-infocat{values.INFOCAT_NUMBER.label}.xml"
SITEMAP_FILE = f"{DIWOO_FOLDER}/sitemap-diwoo-{{number}}.xml"
URLSET = f'<urlset xmlns="{SITEMAP_NS}">\n{{urls}}</urlset>'


def diwoo_files(index: Index, site_url: str, limit: int = SITEMAP_LIMIT, size: int = SITEMAP_BYTES) -> dict[str, str]:
    """Every DiWoo file by site-relative path: one per note, the sitemaps listing them (at most `limit` urls and
    `size` bytes each), and the sitemap index."""
    uitgever = publisher(index.content)
    files, urls = {}, []
    for nota in index.notas_newest_first:
        document = diwoo_document(nota, uitgever)
        files[f"{DIWOO_FOLDER}/{nota.referentie}.xml"] = xml_text(document)  # written before _url indents it deeper
        urls.append(_url(urljoin(site_url, index.url("nota", nota.referentie)), document))
    room = size - len(xml_file(URLSET).encode("utf-8"))  # what the urls of one sitemap may take
    sitemaps = {SITEMAP_FILE.format(number=number): xml_file(URLSET.format(urls="".join(group)))
                for number, group in enumerate(_groups(urls, limit, room), start=1)}
    if not sitemaps:  # a sitemap index lists at least one sitemap, a sitemap at least one url
        return files
    entries = "".join(f"  <sitemap>\n    <loc>{escape(urljoin(site_url, path))}</loc>\n  </sitemap>\n"
                      for path in sitemaps)
    return files | sitemaps | {INDEX_FILE: xml_file(f'<sitemapindex xmlns="{SITEMAP_NS}">\n{entries}</sitemapindex>')}


def _url(loc: str, document: ET.Element) -> str:
    """One url of a sitemap in the sitemap namespace (as the protocol's examples write it), with its DiWoo metadata."""
    ET.indent(document, level=2)
    return f"  <url>\n    <loc>{escape(loc)}</loc>\n    {ET.tostring(document, encoding='unicode')}\n  </url>\n"


def _groups(urls: list[str], limit: int, size: int) -> list[list[str]]:
    """The urls in order, in groups of at most `limit` urls and `size` bytes (UTF-8) each."""
    groups: list[list[str]] = []
    used = 0
    for url in urls:
        length = len(url.encode("utf-8"))
        if not groups or len(groups[-1]) == limit or used + length > size:
            groups.append([])
            used = 0
        groups[-1].append(url)
        used += length
    return groups
