"""The DiWoo and sitemap XSDs (see tests/fixtures/diwoo/README.md for where they come from), loaded with lxml,
offline, from DIWOO_XSD_DIR or tests/fixtures/diwoo/ (where they are not committed)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from lxml import etree

FIXTURES = Path(__file__).parent / "fixtures" / "diwoo"
STANDARD = Path(os.environ.get("DIWOO_XSD_DIR", FIXTURES))
SCHEMA_FILES = ("diwoo-metadata.xsd", "diwoo-metadata-lijsten.xsd", "sitemap.xsd", "siteindex.xsd")
MISSING = [name for name in SCHEMA_FILES if not (STANDARD / name).is_file()]
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO_NS = "https://standaarden.overheid.nl/diwoo/metadata/"
# diwoo-metadata.xsd imports the MDTO schema from the Nationaal Archief's site; no request may leave the host.
MDTO_LOCATION = "https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"


class _Offline(etree.Resolver):
    """Resolves the MDTO import to the stand-in; every other location is a local file or fails."""

    def resolve(self, url, pubid, context):
        if url == MDTO_LOCATION:
            return self.resolve_filename(str(FIXTURES / "mdto-stand-in.xsd"), context)
        return None


@functools.cache
def sitemap_schema() -> etree.XMLSchema:
    """A sitemap (urlset) with DiWoo metadata in its urls, or a DiWoo document on its own: sitemap.xsd and
    diwoo-metadata.xsd (with its value lists) together."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Offline())
    wrapper = (f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
               f'<xs:import namespace="{SITEMAP_NS}" schemaLocation="{(STANDARD / "sitemap.xsd").as_uri()}"/>'
               f'<xs:import namespace="{DIWOO_NS}" schemaLocation="{(STANDARD / "diwoo-metadata.xsd").as_uri()}"/>'
               f'</xs:schema>')
    return etree.XMLSchema(etree.fromstring(wrapper, parser))


@functools.cache
def siteindex_schema() -> etree.XMLSchema:
    """A sitemap index: siteindex.xsd."""
    return etree.XMLSchema(etree.parse(str(STANDARD / "siteindex.xsd"), etree.XMLParser(no_network=True)))


def schema_errors(document: etree._ElementTree) -> list[str]:
    """The schema's complaints about a DiWoo file, a sitemap or a sitemap index (empty when valid)."""
    schema = siteindex_schema() if document.getroot().tag == f"{{{SITEMAP_NS}}}sitemapindex" else sitemap_schema()
    return [] if schema.validate(document) else [str(error) for error in schema.error_log]
