"""Validate a parsed YAML document against its schema and explain each error in Dutch."""

from __future__ import annotations

import difflib
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from macros.content.yamlsource import YamlDocument
from macros.model.diwoo_values import PUBLISHERS
from macros.model.errors import ContentError, Finding
from macros.model.safemarkdown import ERROR_TYPE as ONVEILIGE_TEKST
from macros.model.schema import PATTERN_HINTS

_DATE_HINT = "schrijf de datum als JJJJ-MM-DD"
# pydantic error type: (message, hint, code). Types not listed keep pydantic's message.
_FIXED_MESSAGES = {
    "string_type": ("verwacht tekst", "zet de waarde tussen aanhalingstekens", "verkeerd-type"),
    "list_type": ("verwacht een lijst", "schrijf elk item op een eigen regel, beginnend met '- '", "verkeerd-type"),
    "model_type": ("verwacht velden (sleutel: waarde)", "schrijf de velden ingesprongen onder deze sleutel",
                   "verkeerd-type"),
    "dict_type": ("verwacht velden (sleutel: waarde)", "schrijf de velden ingesprongen onder deze sleutel",
                  "verkeerd-type"),
    "bool_parsing": ("verwacht true of false", "schrijf true of false", "verkeerd-type"),
    "bool_type": ("verwacht true of false", "schrijf true of false", "verkeerd-type"),
    "int_parsing": ("verwacht een geheel getal", "schrijf alleen cijfers", "verkeerd-type"),
    "string_too_short": ("mag niet leeg zijn", "vul een waarde in", "lege-waarde"),
    "date_from_datetime_parsing": ("is geen geldige datum", _DATE_HINT, "ongeldige-datum"),
    "date_parsing": ("is geen geldige datum", _DATE_HINT, "ongeldige-datum"),
    "date_type": ("is geen geldige datum", _DATE_HINT, "ongeldige-datum"),
}
# Custom error types whose message is already Dutch: (hint, code).
_OWN_MESSAGES = {
    "partial_date": ("schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD", "ongeldige-datum"),
    "iso_date": (_DATE_HINT, "ongeldige-datum"),
    "empty_ground": ("vul een grond in uit data/weigeringsgronden.yaml, bijvoorbeeld 5.1.2e; is alles openbaar, "
                     "verwijder dan de regel", "lege-weigeringsgrond"),
    "diwoo_uitgever": ("kies " + " of ".join(f"{code} ({value.label})" for code, value in PUBLISHERS.items()),
                       "onbekende-uitgever"),
    "een_regel": ("schrijf de tekst op één regel; na >- mag zij in het bestand over meer regels doorlopen",
                  "regeleinde"),
}


def validate_document(document: YamlDocument, schema: type[BaseModel]) -> BaseModel:
    """Return the validated model, or raise ContentError with one finding per problem."""
    if document.data is None:
        raise ContentError([document.finding((), "het bestand is leeg",
                                             f"begin met de velden van {schema.__name__}", "leeg-bestand")])
    try:
        return schema.model_validate(document.data)
    except ValidationError as error:
        raise ContentError([_finding(document, schema, detail) for detail in error.errors()]) from None


def _finding(document: YamlDocument, schema: type[BaseModel], detail: dict[str, Any]) -> Finding:
    location = tuple(detail["loc"])
    where = f"{_dotted(location, document.data)}: " if location else ""
    kind = detail["type"]
    value = detail.get("input")
    if kind == "missing":
        field = location[-1]
        return document.finding(location, f"het verplichte veld '{field}' ontbreekt",
                                f"voeg '{field}:' toe aan {_dotted(location[:-1], document.data) or 'het bestand'}",
                                "verplicht-veld")
    if kind == "extra_forbidden":
        allowed = _fields_at(schema, location[:-1])
        close = difflib.get_close_matches(str(location[-1]), allowed, n=1)
        hint = f"bedoelt u '{close[0]}'?" if close else f"controleer de spelling; toegestaan: {', '.join(allowed)}"
        return document.finding(location, f"onbekend veld '{location[-1]}'", hint, "onbekend-veld")
    if not location and kind in ("model_type", "dict_type"):
        found = "een lijst" if isinstance(detail.get("input"), list) else "losse tekst"
        return document.finding(location, f"het bestand moet met velden beginnen, niet met {found}",
                                f"begin met: {', '.join(f'{field}:' for field in schema.model_fields)}",
                                "verkeerd-type")
    if kind == "literal_error":
        return document.finding(location, f"{where}'{value}' is geen toegestane waarde",
                                f"kies uit: {detail['ctx']['expected'].replace(' or ', ' of ')}", "ongeldige-waarde")
    if kind == "string_pattern_mismatch":
        hint, code = PATTERN_HINTS[detail["ctx"]["pattern"]]
        return document.finding(location, f"{where}'{value}' heeft niet de juiste vorm", hint, code)
    if kind == "value_error":
        message = str(detail["ctx"]["error"])
        return document.finding(location, f"{where}{message}", "schrijf de waarde zoals in het voorbeeld",
                                "ongeldige-identificatie")
    if kind == ONVEILIGE_TEKST:
        return document.finding(location, f"{where}{detail['msg']}", detail["ctx"]["hint"], detail["ctx"]["code"])
    if kind in _OWN_MESSAGES:
        hint, code = _OWN_MESSAGES[kind]
        return document.finding(location, f"{where}{detail['msg']}", hint, code)
    message, hint, code = _FIXED_MESSAGES.get(kind, (detail["msg"], "", "verkeerd-type"))
    text = f"{where}{message}"
    if value not in (None, "") and not isinstance(value, dict | list):
        text += f" (gevonden: '{value}')"
    return document.finding(location, text, hint, code)


def _dotted(location: tuple, data: object) -> str:
    """`bronnen[evrm].datum`: a list item is named by its id (or referentie), else by its number counted from 1."""
    text = ""
    for part in location:
        if isinstance(part, int):
            item = data[part] if isinstance(data, list) and part < len(data) else None
            name = (item.get("id") or item.get("referentie")) if isinstance(item, dict) else None
            text += f"[{name}]" if isinstance(name, str) else f"[nr. {part + 1}]"
        else:
            text += f".{part}" if text else str(part)
        data = data[part] if isinstance(data, dict | list) and _has(data, part) else None
    return text


def _has(data: dict | list, part: str | int) -> bool:
    return part in data if isinstance(data, dict) else isinstance(part, int) and part < len(data)


def _fields_at(schema: type[BaseModel], location: tuple) -> list[str]:
    """The field names of the model found by following `location` through `schema`."""
    model: Any = schema
    for part in location:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if _is_model(model) else None
        if field is None:
            break
        model = _model_in(field.annotation) or model
    return list(model.model_fields) if _is_model(model) else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if _is_model(annotation):
        return annotation
    for argument in get_args(annotation) if get_origin(annotation) else ():
        found = _model_in(argument)
        if found:
            return found
    return None


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)
