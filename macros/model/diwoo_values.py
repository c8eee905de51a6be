"""DiWoo values for the publication metadata, in one place, each marked whether it is verified and where it was read.

Verified values were read in the DiWoo metadata XSD 0.9.8 and its TOOI value lists (the copy in
github.com/infonl/woo-hoo, src/woo_hoo/schemas/; not committed, see tests/fixtures/diwoo/README.md) and in
standaarden.overheid.nl/diwoo/metadata (December 2026). A value still marked unverified is listed in the XML
comment of every DiWoo file and in docs/redactie/index.md. A value without a URI is written without `resource`
rather than with a guessed one. Which ministry publishes is the editors' setting (data/diwoo.yaml), not a fact here.
"""

from __future__ import annotations

from dataclasses import dataclass

XSD = "DiWoo-metadata XSD 0.9.8 (diwoo-metadata.xsd)"
LISTS = "TOOI-waardelijst in diwoo-metadata-lijsten.xsd 0.9.8"


@dataclass(frozen=True)
class Value:
    """A label with its URI in a value list (or '' when unknown), whether both were verified, and where."""

    label: str
    uri: str = ""
    verified: bool = False
    read_in: str = ""


NAMESPACE = Value("https://standaarden.overheid.nl/diwoo/metadata/", verified=True, read_in=XSD)
# The publishers the editors can choose between in data/diwoo.yaml, by TOOI code (ministerielijst).
PUBLISHERS = {
    "mnre1058": Value("ministerie van Justitie en Veiligheid",
                      "https://identifier.overheid.nl/tooi/id/ministerie/mnre1058", True,
                      f"{LISTS}, rwc_ministeries_compleet"),
    "mnre1162": Value("ministerie van Asiel en Migratie",
                      "https://identifier.overheid.nl/tooi/id/ministerie/mnre1162", True,
                      f"{LISTS}, rwc_ministeries_compleet"),
}
# The document type per kind of note (Nota.soort). The list ccw_plooi_documentsoorten has "beslisnota" but no
# "informatienota" or "adviesnota"; which of its entries those match is not verified, so they keep their own
# label without a URI.
DOCUMENTSOORT = {
    "beslisnota": Value("beslisnota", "https://identifier.overheid.nl/tooi/def/thes/kern/c_2977c34f", True,
                        f"{LISTS}, ccw_plooi_documentsoorten"),
    "informatienota": Value("informatienota"),
    "adviesnota": Value("adviesnota"),
}
# The information category of Woo art. 3.3. The URI is the list's; whether a decision memo that goes with a
# Kamerbrief falls under this category is open, so the value stays unverified.
INFORMATIECATEGORIE = Value("vergaderstukken Staten-Generaal",
                            "https://identifier.overheid.nl/tooi/def/thes/kern/c_c76862ab", False,
                            f"{LISTS}, scw_woo_informatiecategorieen (of het de juiste categorie is, is open)")
# The number of that category in the name of its sitemap index (sitemapindex-diwoo-infocat<nnn>.xml): its place in
# art. 3.3, lid 2, Woo (g is the 7th), as the harvester guide numbers onderzoeksrapporten (o) 015; the guide's
# table of numbers itself was not read.
INFOCAT_NUMBER = Value("007", read_in="standaarden.overheid.nl/diwoo/metadata, Sitemap-voorbeelden (infocat015)")
# The document action dated with the note's date.
DOCUMENTHANDELING = Value("vaststelling", "https://identifier.overheid.nl/tooi/def/thes/kern/c_641ecd76", True,
                          f"{LISTS}, ccw_plooi_documenthandelingen")
LANGUAGE = Value("Nederlands", "http://publications.europa.eu/resource/authority/language/NLD", True,
                 f"{LISTS}, scw_talen")


def unverified() -> list[str]:
    """The names of the values above that still have to be verified."""
    values = {"NAMESPACE": NAMESPACE, **{f"PUBLISHERS[{code}]": value for code, value in PUBLISHERS.items()},
              **{f"DOCUMENTSOORT[{soort}]": value for soort, value in DOCUMENTSOORT.items()},
              "INFORMATIECATEGORIE": INFORMATIECATEGORIE, "INFOCAT_NUMBER": INFOCAT_NUMBER,
              "DOCUMENTHANDELING": DOCUMENTHANDELING, "LANGUAGE": LANGUAGE}
    return [name for name, value in values.items() if not value.verified]
