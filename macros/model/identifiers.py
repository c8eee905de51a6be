"""Official identifiers of sources (CELEX, COM, ETS, Kamerstuk, ...) and the links derived from them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, WithJsonSchema


@dataclass(frozen=True)
class Scheme:
    """One identifier scheme: its format, how it is shown, and where it links to (if anywhere)."""

    key: str
    label: str
    pattern: re.Pattern[str]
    example: str
    url_template: str = ""
    url_only_for: tuple[tuple[str, str], ...] = ()

    def url(self, value: str) -> str:
        """The official address derived from `value`, or '' where the scheme gives none."""
        parts = self.pattern.fullmatch(value).groupdict()
        if not self.url_template or any(parts[name] != wanted for name, wanted in self.url_only_for):
            return ""
        return self.url_template.format(value=value, **parts)


SCHEMES: dict[str, Scheme] = {scheme.key: scheme for scheme in (
    Scheme("celex", "CELEX", re.compile(r"^(?P<sector>[0-9CE])(?P<year>\d{4})(?P<type>[A-Z]{1,2})(?P<number>\d{4})$"),
           "32024R1348", "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:{value}"),
    Scheme("com", "COM-document", re.compile(r"^COM\((?P<year>\d{4})\) (?P<number>\d{1,4})( final)?$"),
           "COM(2025) 101 final", "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=COM:{year}:{number}:FIN"),
    Scheme("procedure", "Wetgevingsprocedure",
           re.compile(r"^(?P<year>\d{4})/(?P<number>\d{4})\((?P<type>COD|CNS|APP|NLE)\)$"),
           "2025/0059(COD)",
           "https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference={value}"),
    Scheme("ets", "ETS/CETS-nummer", re.compile(r"^(?P<number>\d{3})$"), "005",
           "https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum={number}"),
    Scheme("kamerstuk", "Kamerstuk", re.compile(r"^(?P<dossier>\d{5}(?:-[A-Z0-9]+)?)-(?P<number>\d+)$"),
           "19637-3300", "https://zoek.officielebekendmakingen.nl/kst-{dossier}-{number}.html"),
    Scheme("ecli", "ECLI", re.compile(r"^ECLI:(?P<country>[A-Z]{2}):[A-Z0-9]{1,7}:\d{4}:[A-Z0-9.]{1,25}$"),
           "ECLI:NL:RVS:2024:1234", "https://uitspraken.rechtspraak.nl/details?id={value}",
           url_only_for=(("country", "NL"),)),
    Scheme("pb", "Publicatieblad", re.compile(r"^PB (?P<series>[LC]) (?P<number>\d+) van \d{1,2}\.\d{1,2}\.\d{4}$"),
           "PB L 180 van 29.6.2013"),
)}


def _check(scheme: Scheme):
    def validate(value: str) -> str:
        if not scheme.pattern.fullmatch(value):
            raise ValueError(f"'{value}' is geen geldig {scheme.label} (voorbeeld: {scheme.example})")
        return value
    return AfterValidator(validate)


def identifier(key: str):
    """A pydantic type for an identifier of scheme `key`."""
    scheme = SCHEMES[key]
    return Annotated[str, _check(scheme), WithJsonSchema({
        "type": "string", "pattern": re.sub(r"\(\?P<\w+>", "(", scheme.pattern.pattern),  # also a JavaScript regex
        "patternErrorMessage": f"geen geldig {scheme.label} (voorbeeld: {scheme.example})"})]
