"""DiWoo publication metadata (diwoo/<referentie>.xml) per note, for the public build; values from diwoo_values."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from macros import diwoo_values as values
from macros.schema import Nota
from macros.xref import Index

DIWOO_FOLDER = "diwoo"


def diwoo_files(index: Index) -> dict[str, str]:
    """One metadata file per note, as site-relative path and XML text."""
    return {f"{DIWOO_FOLDER}/{nota.referentie}.xml": diwoo_xml(nota) for nota in index.notas_newest_first}


def diwoo_xml(nota: Nota) -> str:
    """The DiWoo metadata of one note: publisher, official title, document type, information category, creation
    date, document action and language."""
    ns = values.NAMESPACE.label
    ET.register_namespace("diwoo", ns)

    def element(parent: ET.Element, name: str, value: values.Value | str = "") -> ET.Element:
        child = ET.SubElement(parent, f"{{{ns}}}{name}")
        if isinstance(value, values.Value):
            child.text = value.label
            if value.uri:
                child.set("resource", value.uri)
        elif value:
            child.text = value
        return child

    document = ET.Element(f"{{{ns}}}Document")
    diwoo = element(document, "DiWoo")
    element(element(diwoo, "identifiers"), "identifier", nota.referentie)
    element(diwoo, "publisher", values.PUBLISHER)
    element(element(diwoo, "titelcollectie"), "officieleTitel", nota.titel)
    classification = element(diwoo, "classificatiecollectie")
    element(element(classification, "documentsoorten"), "documentsoort", values.DOCUMENTSOORT[nota.soort])
    element(element(classification, "informatiecategorieen"), "informatiecategorie", values.INFORMATIECATEGORIE)
    element(diwoo, "creatiedatum", nota.datum.isoformat())
    element(diwoo, "language", values.LANGUAGE)
    action = element(element(diwoo, "documenthandelingen"), "documenthandeling")
    element(action, "soortHandeling", values.DOCUMENTHANDELING)
    element(action, "atTime", f"{nota.datum.isoformat()}T00:00:00")
    element(action, "wasAssociatedWith", values.PUBLISHER)
    ET.indent(document)
    note = f"<!-- Te verifiëren (macros/diwoo_values.py): {', '.join(values.unverified())} -->"
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{note}\n{ET.tostring(document, encoding="unicode")}\n'
