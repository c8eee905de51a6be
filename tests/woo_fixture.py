"""A fixture note and page with every kind of Woo marking, and canary strings in everything not public."""

from __future__ import annotations

from pathlib import Path

from tests.site_build import PUBLIC_ENV, build, copy_project

REFERENTIE = "7000001"
# Text that must never reach the public build; with characters every encoding writes differently.
CANARIES = {
    "auteur": "Kanarie-auteur Piet Geheim-Ödegaard",
    "contact": "kanarie.contact@minjenv.example, 070 555 0199",
    "bureau": "Bureau Kanarie & Co <intern>",
    "opmerking": "Kanarie-opmerking: \"niet voor buiten\"",
    "kernpunt": "Kanarie-kernpunt over de 'onderhandelingsruimte' & de marges < 12 % – intern",
    "subkernpunt": "Kanarie-subkernpunt met ē, € en ‘aanhalingstekens’",
    "passage": "Kanarie-passage uit het intern beraad & overleg (“concept”)",
    "pagina": "Kanarie-pagina: de interne planning \"2027\"",
}
# Text not public that no page shows as text: in a file only withheld content names, in a comment of a public page.
HIDDEN_CANARIES = {
    "bestand": "Kanarie-plattegrond van het pand aan de Turfmarkt",
    "bijlage": "Kanarie-bijlage met de interne cijfers voor 2027",
    "commentaar": "Kanarie-commentaar: nog afstemmen met de minister",
}
# The files, named only by withheld content (a withheld page, a withheld passage): their names are secrets too.
WITHHELD_FILES = {
    "kanarie-plattegrond.svg": ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                                f'<title>{HIDDEN_CANARIES["bestand"]}</title><rect width="10" height="10"/></svg>\n'),
    "bijlagen/kanarie-bijlage.pdf": f"%PDF-1.4\n% {HIDDEN_CANARIES['bijlage']}\n%%EOF\n",
}
GROUNDS = {"bureau": "5.1.2i", "opmerking": "5.1.2a", "kernpunt": "5.2.1", "passage": "5.1.2e", "pagina": "5.1.2i"}

NOTA_YAML = f"""\
referentie: "{REFERENTIE}"
titel: Beslisnota over een proef met Woo-markeringen
soort: beslisnota
datum: 2025-06-01
directoraat_generaal: Directoraat-Generaal Migratie
bureau: "{CANARIES['bureau']}"
geadresseerde: De Minister van Asiel en Migratie
status: vastgesteld
onderwerpen: [externalisering]
opmerking: '{CANARIES['opmerking']}'
auteur: "{CANARIES['auteur']}"
contact: "{CANARIES['contact']}"
niet_openbaar:
  bureau: {GROUNDS['bureau']}
  opmerking: {GROUNDS['opmerking']}
kernpunten:
  - id: {REFERENTIE}-openbaar
    tekst: Dit kernpunt is openbaar.
    bronnen: [evrm]
  - id: {REFERENTIE}-intern
    tekst: "{CANARIES['kernpunt']}"
    bronnen: [dublin-iii]
    niet_openbaar: {GROUNDS['kernpunt']}
    kernpunten:
      - id: {REFERENTIE}-intern-sub
        tekst: "{CANARIES['subkernpunt']}"
        bronnen: [evrm]
"""

NOTA_PAGE = f"""\
{{{{ nota_kop("{REFERENTIE}") }}}}

## 1. Kernpunten

{{{{ kernpunten("{REFERENTIE}") }}}}

## 2. Toelichting

Deze alinea is openbaar.

<!-- {HIDDEN_CANARIES['commentaar']} -->

{{% call niet_openbaar("{GROUNDS['passage']}") %}}
{CANARIES['passage']}:

- een eerste punt
- een tweede punt

Zie de [bijlage](../bijlagen/kanarie-bijlage.pdf).
{{% endcall %}}

## 3. Geciteerd

{{{{ kernpunt("{REFERENTIE}-intern") }}}}
"""

WITHHELD_PAGE = f"""\
---
openbaar: false
weigeringsgrond: {GROUNDS['pagina']}
---

# Interne planning

{CANARIES['pagina']}

![Plattegrond](kanarie-plattegrond.svg)

## Stappen

Een tweede alinea van de niet-openbare pagina.
"""


def woo_project(target: Path) -> Path:
    """A copy of the real project with the fixture note (data and page), a page that is not public, and the files
    only they name."""
    return add_woo_fixture(copy_project(target))


def add_woo_fixture(project: Path) -> Path:
    """`project` with the fixture note, the page that is not public and the files only they name."""
    (project / "data" / "notas" / f"{REFERENTIE}.yaml").write_text(NOTA_YAML, encoding="utf-8")
    (project / "docs" / "notas" / f"{REFERENTIE}.md").write_text(NOTA_PAGE, encoding="utf-8")
    (project / "docs" / "planning.md").write_text(WITHHELD_PAGE, encoding="utf-8")
    for name, content in WITHHELD_FILES.items():
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text(content, encoding="utf-8")
    return project


def build_internal_and_public(project: Path, folders) -> dict[str, Path]:
    """`project` built twice, strictly and with no warning: internal and public (BELEID_OPENBAAR=1); `folders` is
    pytest's tmp_path_factory. The sites by name, "intern" and "openbaar"."""
    sites = {}
    for name, env in (("intern", None), ("openbaar", PUBLIC_ENV)):
        result = build(project, folders.mktemp(f"{project.parent.name}-{name}"), env)
        assert result.returncode == 0, result.output
        assert "WARNING" not in result.output, result.output
        sites[name] = result.site
    return sites
