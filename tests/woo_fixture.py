"""A fixture note and page with every kind of Woo marking, and canary strings in everything not public."""

from __future__ import annotations

from pathlib import Path

from tests.site_build import copy_project

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

{{% call niet_openbaar("{GROUNDS['passage']}") %}}
{CANARIES['passage']}:

- een eerste punt
- een tweede punt
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

## Stappen

Een tweede alinea van de niet-openbare pagina.
"""


def woo_project(target: Path) -> Path:
    """A copy of the real project with the fixture note (data and page) and a page that is not public."""
    project = copy_project(target)
    (project / "data" / "notas" / f"{REFERENTIE}.yaml").write_text(NOTA_YAML, encoding="utf-8")
    (project / "docs" / "notas" / f"{REFERENTIE}.md").write_text(NOTA_PAGE, encoding="utf-8")
    (project / "docs" / "planning.md").write_text(WITHHELD_PAGE, encoding="utf-8")
    return project
