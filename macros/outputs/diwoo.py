"""DiWoo publication metadata (diwoo/<referentie>.xml) per note, for the public build; values from diwoo_values.

The harvester reads the same metadata from the DiWoo sitemap (macros/outputs/diwoo_sitemap.py), which lists every note.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from macros.content.loading import Content
from macros.model import diwoo_values as values
from macros.model.errors import ContentError, Finding
from macros.model.schema import DiwooInstellingen, Nota

DIWOO_FOLDER = "diwoo"
SETTINGS_FILE = "data/diwoo.yaml"
# The heading the site gives an editors' remark; the DiWoo description carries the remark under it.
REMARK_LABEL = "Opmerking van de redactie"
NS = values.NAMESPACE.label
ET.register_namespace("diwoo", NS)


def diwoo_settings(content: Content) -> DiwooInstellingen | None:
    """The editors' DiWoo settings (data/diwoo.yaml), or None when the file is not there."""
    return next((item.model for item in content.files if isinstance(item.model, DiwooInstellingen)), None)


def missing_settings(content: Content) -> list[Finding]:
    """For the public build: the DiWoo metadata needs the publisher, which only the editors can choose."""
    if diwoo_settings(content) is not None:
        return []
    choices = " of ".join(f"'uitgever: {code}' ({value.label})" for code, value in values.PUBLISHERS.items())
    return [Finding(SETTINGS_FILE, 1, 1, "het gegevensbestand ontbreekt: de openbare versie schrijft DiWoo-metadata "
                    "en heeft de uitgever nodig", f"maak {SETTINGS_FILE} aan met {choices}", "bestand-ontbreekt")]


def publisher(content: Content) -> values.Value:
    """The publisher the editors chose; the public build refuses to write DiWoo without one (fail closed)."""
    settings = diwoo_settings(content)
    if settings is None:
        raise ContentError(missing_settings(content))
    return values.PUBLISHERS[settings.uitgever]


def xml_file(root: str) -> str:
    """An XML file: declaration, the values still to verify as a comment, and the root element's XML."""
    note = f"<!-- Te verifiëren (macros/model/diwoo_values.py): {', '.join(values.unverified())} -->"
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{note}\n{root}\n'


def xml_text(root: ET.Element) -> str:
    """The XML file of an element, indented."""
    ET.indent(root)
    return xml_file(ET.tostring(root, encoding="unicode"))


def diwoo_document(nota: Nota, publisher: values.Value) -> ET.Element:
    """The DiWoo metadata of one note: identifier, publisher, official title, the editors' remark as description,
    document type, information category, creation date, language and document action."""
    document = ET.Element(f"{{{NS}}}Document")
    diwoo = _element(document, "DiWoo")
    _element(_element(diwoo, "identifiers"), "identifier", nota.referentie)
    _element(diwoo, "publisher", publisher)
    _element(_element(diwoo, "titelcollectie"), "officieleTitel", nota.titel)
    if nota.opmerking:  # the public content has it blank when it is withheld (macros/content/woo.py)
        _element(_element(diwoo, "omschrijvingen"), "omschrijving", f"{REMARK_LABEL}: {nota.opmerking}")
    classification = _element(diwoo, "classificatiecollectie")
    _element(_element(classification, "informatiecategorieen"), "informatiecategorie", values.INFORMATIECATEGORIE)
    _element(_element(classification, "documentsoorten"), "documentsoort", values.DOCUMENTSOORT[nota.soort])
    _element(diwoo, "creatiedatum", nota.datum.isoformat())
    _element(diwoo, "language", values.LANGUAGE)
    action = _element(_element(diwoo, "documenthandelingen"), "documenthandeling")
    _element(action, "soortHandeling", values.DOCUMENTHANDELING)
    _element(action, "atTime", f"{nota.datum.isoformat()}T00:00:00")
    _element(action, "wasAssociatedWith", publisher)
    return document


def _element(parent: ET.Element, name: str, value: values.Value | str = "") -> ET.Element:
    child = ET.SubElement(parent, f"{{{NS}}}{name}")
    if isinstance(value, values.Value):
        child.text = value.label
        if value.uri:
            child.set("resource", value.uri)
    elif value:
        child.text = value
    return child
