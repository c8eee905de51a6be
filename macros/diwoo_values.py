"""DiWoo values for the publication metadata, in one place, each marked whether it is verified.

TE VERIFIËREN: every value below whose `verified` is False was not checked against the DiWoo metadata standard
(standaarden.overheid.nl/diwoo) or the TOOI value lists (identifier.overheid.nl/tooi) on this machine, which has no
internet. Check them with the information manager before the first harvest; docs/redactie/index.md lists them.
A value without a URI is written without `resource` rather than with a guessed one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Value:
    """A label with its URI in a value list (or '' when unknown), and whether both were verified."""

    label: str
    uri: str = ""
    verified: bool = False


# The XML namespace of the DiWoo metadata (seen as the namespace of version 0.9.8; not verified).
NAMESPACE = Value("https://standaarden.overheid.nl/diwoo/metadata/")
# The publisher: the memo's letterhead names the Ministry of Justice and Security (www.rijksoverheid.nl/jenv);
# the label is from the memo, the TOOI identifier is not verified.
PUBLISHER = Value("Ministerie van Justitie en Veiligheid", "https://identifier.overheid.nl/tooi/id/ministerie/mnre1058")
# The document type per kind of note (Nota.soort); the DiWoo documentsoorten list was not at hand.
DOCUMENTSOORT = {
    "beslisnota": Value("nota"),
    "informatienota": Value("nota"),
    "adviesnota": Value("nota"),
}
# The information category of Woo art. 3.3; which one a decision memo to the minister falls under is not settled.
INFORMATIECATEGORIE = Value("vergaderstukken Staten-Generaal")
# The document action dated with the note's date.
DOCUMENTHANDELING = Value("vaststelling")
# The language: the EU authority table, as DiWoo uses it (not verified against the DiWoo list).
LANGUAGE = Value("Nederlands", "http://publications.europa.eu/resource/authority/language/NLD")


def unverified() -> list[str]:
    """The names of the values above that still have to be verified."""
    values = {"NAMESPACE": NAMESPACE, "PUBLISHER": PUBLISHER, "INFORMATIECATEGORIE": INFORMATIECATEGORIE,
              "DOCUMENTHANDELING": DOCUMENTHANDELING, "LANGUAGE": LANGUAGE,
              **{f"DOCUMENTSOORT[{soort}]": value for soort, value in DOCUMENTSOORT.items()}}
    return [name for name, value in values.items() if not value.verified]
