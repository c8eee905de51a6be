"""Every message `make check` and the build can give, with an example and the fix: the editor guide lists them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """One kind of finding: its code (shown as [code]), severity, and what the editor guide says about it."""

    code: str
    severity: str
    title: str
    example: str
    fix: str


STALE_ACKNOWLEDGEMENT = "erkenning-verouderd"
CATALOG: dict[str, Message] = {message.code: message for message in (
    # Data files
    Message("bestand-ontbreekt", "error", "Een gegevensbestand ontbreekt",
            "data/tijdlijn.yaml is verwijderd of hernoemd.",
            "Zet het bestand terug; de site heeft onderwerpen.yaml, bronnen.yaml, tijdlijn.yaml, modellen.yaml en "
            "verkenning.yaml nodig."),
    Message("geen-utf8", "error", "Het bestand is geen UTF-8",
            "Een bestand opgeslagen als Windows-1252.", "Sla het bestand op met de codering UTF-8."),
    Message("yaml-syntaxis", "error", "YAML kan niet worden gelezen",
            "Een tab om in te springen, een vergeten dubbele punt, of een aanhalingsteken dat niet wordt gesloten.",
            "Spring in met spaties (twee per niveau), zet na elke sleutel een dubbele punt en sluit elk "
            "aanhalingsteken."),
    Message("dubbele-sleutel", "error", "Een sleutel staat twee keer in hetzelfde blok",
            "Twee keer 'titel:' onder één bron.", "Verwijder of hernoem een van beide; alleen de laatste zou gelden."),
    Message("leeg-bestand", "error", "Het bestand is leeg", "Een nieuw bestand zonder inhoud.",
            "Vul de velden in; kijk naar een bestaand bestand als voorbeeld."),
    Message("bestandsnaam-nota", "error", "De bestandsnaam past niet bij de referentie",
            "data/notas/1234567.yaml met 'referentie: \"7654321\"'.",
            "Noem het bestand naar de referentie: <referentie>.yaml."),
    Message("verouderd-schema", "error", "Een schema in schemas/ past niet bij de gegevens (alleen in een pijplijn)",
            "Een nieuwe bron in data/bronnen.yaml, gecommit zonder het bijgewerkte schemas/nota.schema.json.",
            "Voer make check uit op uw eigen machine (het werkt schemas/ bij) en commit schemas/ met de gegevens."),
    # Schema
    Message("verplicht-veld", "error", "Een verplicht veld ontbreekt",
            "Een bron zonder 'beschrijving:'.", "Voeg het veld toe; `make nota` zet alle verplichte velden klaar."),
    Message("onbekend-veld", "error", "Een veld dat het schema niet kent",
            "'title:' in plaats van 'titel:'.", "Verbeter de spelling; de melding noemt de toegestane velden."),
    Message("ongeldige-waarde", "error", "Een waarde die niet is toegestaan",
            "'soort: raport' bij een bron.", "Kies een van de waarden die de melding noemt."),
    Message("ongeldige-id", "error", "Een id of referentie heeft niet de juiste vorm",
            "'id: Dublin III' of 'referentie: 65-01'.",
            "Een id bestaat uit kleine letters, cijfers en koppeltekens (dublin-iii); een referentie uit 4 tot 10 "
            "cijfers."),
    Message("ongeldige-identificatie", "error", "Een officiële identificatie heeft niet de juiste vorm",
            "'celex: 2024R1348' (een cijfer te weinig) of 'com: COM 2025/101'.",
            "Schrijf de identificatie zoals in het voorbeeld in de melding, bijvoorbeeld 32024R1348 of "
            "COM(2025) 101 final."),
    Message("ongeldige-datum", "error", "Een datum die niet bestaat of niet de juiste vorm heeft",
            "'datum: 2025-02-30', 'datum: 11-05-2025' of 'datum: 2025' bij een nota.",
            "Schrijf JJJJ-MM-DD; bij bronnen en gebeurtenissen mag ook JJJJ of JJJJ-MM als de dag onbekend is."),
    Message("verkeerd-type", "error", "Een waarde van de verkeerde soort",
            "'bronnen: evrm' (één tekst) waar een lijst nodig is.",
            "Schrijf een lijst als [a, b] of met '- ' op elke regel; tekst eventueel tussen aanhalingstekens."),
    Message("lege-waarde", "error", "Een verplicht veld is leeg", "'titel: \"\"'.",
            "Vul het veld in."),
    # Cross-references
    Message("dubbele-id", "error", "Een id bestaat al",
            "Twee kernpunten met 'id: 6501580-verkenning'.", "Kies een id die nog niet gebruikt wordt."),
    Message("onbekende-uitgever", "error", "Een uitgever die de DiWoo-metadata niet kent",
            "'uitgever: JenV' of 'uitgever: mnre1185' in data/diwoo.yaml.",
            "Kies mnre1058 (ministerie van Justitie en Veiligheid) of mnre1162 (ministerie van Asiel en Migratie): "
            "de twee ministeries waarvan de TOOI-code is nagekeken."),
    Message("onbekende-id", "error", "Een verwijzing naar een id die niet bestaat",
            "`bronnen: [evrn]` in de gegevens, of `{{ bron(\"evrn\") }}` in een pagina.",
            "Verbeter de id (de melding stelt de dichtstbijzijnde voor) of voeg het ontbrekende record toe."),
    Message("kernpunt-id", "error", "Een kernpunt-id begint niet met de referentie van de nota",
            "Kernpunt 'verkenning' in nota 6501580.", "Noem het kernpunt <referentie>-<korte-naam>."),
    # Values that cannot all be true
    Message("vervanging-kring", "error", "Een bron wordt (via andere bronnen) door zichzelf vervangen",
            "'vervangen_door: dublin-iii' bij de bron dublin-iii, of twee bronnen die elkaar vervangen.",
            "Noem bij 'vervangen_door' de bron die deze bron werkelijk vervangt, of laat het veld weg."),
    Message("ongeldige-periode", "error", "Een gebeurtenis eindigt vóór zij begint",
            "'datum: 2026-06-04' met 'tot: 2026-06-03'.", "Zet bij 'tot' een datum na 'datum', of laat 'tot' weg."),
    Message("onwaarschijnlijke-datum", "error", "Een nota is gedateerd vóór 1900 of meer dan een jaar vooruit",
            "'datum: 2525-05-11' (een tikfout in het jaartal).", "Verbeter het jaartal."),
    # Positions over time: replacement and withdrawal (macros/checks/positions.py)
    Message("standpunt-kring", "error", "Kernpunten vervangen elkaar in een kring",
            "Kernpunt A heeft 'vervangt: [B]' en kernpunt B heeft 'vervangt: [A]'.",
            "Alleen het latere kernpunt vermeldt wat het vervangt: haal 'vervangt' weg bij het eerdere."),
    Message("standpunt-dubbel", "error", "Een kernpunt of nota wordt twee keer vervangen of ingetrokken",
            "Twee kernpunten van latere nota's vermelden allebei 'vervangt: [6501580-verkenning]', of een nota trekt "
            "een kernpunt in dat een ander kernpunt al vervangt.",
            "Laat alleen het record dat het eerdere werkelijk vervangt dat zeggen; vervangt een nog latere nota het "
            "opnieuw, laat die dan het vervangende kernpunt vervangen (een keten)."),
    Message("standpunt-datum", "error", "Een vervanging is gedateerd vóór wat zij vervangt",
            "Een nota van 2025 die een kernpunt van een nota uit 2026 vervangt.",
            "Controleer de datum van beide nota's en welk kernpunt het latere is."),
    Message("standpunt-niet-openbaar", "error", "Een vervanging van of door iets dat niet openbaar is",
            "Een kernpunt met 'vervangt' naar een kernpunt met 'niet_openbaar', of een kernpunt met 'niet_openbaar' "
            "dat een ander vervangt of wordt ingetrokken.",
            "Vervang of trek alleen openbare standpunten in: de openbare site zou anders moeten zwijgen over wat het "
            "standpunt verving, een vervangen standpunt als actueel tonen, of laten zien hoe niet-openbare "
            "standpunten samenhangen."),
    Message("standpunt-concept", "warning", "Een conceptnota vervangt of trekt in",
            "Een nota met 'status: concept' en 'vervangt:' of 'trekt_in:'.",
            "De site toont het eerdere standpunt al als vervangen; is dat de bedoeling zolang de nota een concept "
            "is?"),
    Message("standpunt-vervangen-geciteerd", "warning", "Gegevens verwijzen naar een vervangen of ingetrokken "
            "kernpunt", "Een maatregel in data/verkenning.yaml met 'kernpunt:' naar een ingetrokken kernpunt.",
            "Verwijs naar het actuele kernpunt, of laat de verwijzing staan als zij over het eerdere gaat."),
    # Woo: what is not public, and what refers to it
    Message("verwijzing-niet-openbaar", "error", "Openbare inhoud verwijst naar iets wat niet openbaar is",
            "Een openbaar kernpunt met `bronnen: [verslag-overleg]`, terwijl die bron `niet_openbaar: 5.2.1` heeft; "
            "of de id van een kernpunt dat niet openbaar is in de tekst van een pagina.",
            "Markeer ook wat verwijst niet openbaar, zet het in een passage die niet openbaar is, of haal de "
            "verwijzing weg."),
    # Texts in the data: Markdown within the safe subset, no Jinja (macros/model/safemarkdown.py,
    # macros/content/jinjatext.py)
    Message("html-in-gegevens", "error", "HTML of HTML-commentaar in een gegevenstekst",
            "`tekst: Zie <img src=x onerror=...>` of `tekst: ... <!-- intern -->` bij een kernpunt.",
            "Schrijf opmaak in Markdown (`**vet**`, `*cursief*`, `[tekst](https://...)`). Een notitie voor de "
            "redactie hoort in een YAML-commentaar (`# ...`): dat wordt nooit gepubliceerd."),
    Message("onveilige-link", "error", "Een link in gegevens die niet naar een webadres of e-mailadres gaat",
            "`[klik](javascript:...)`, `[x](data:...)`, `[x](//andere-site.example/)`, `[x](../tijdlijn.md)` of een "
            "verwijzing `[x][1]` met `[1]: javascript:...`.",
            "Link alleen naar `https://`- of `http://`-adressen of naar `mailto:`-adressen; een pagina van deze site "
            "link je vanuit een pagina, met `nota_link`, `kernpunt_link` of `gebeurtenis_link`."),
    Message("attributen-in-gegevens", "error", "Een attributenlijst in een gegevenstekst",
            "`tekst: \"Externalisering\\n{: onclick=... }\"` of `[link](https://...){: style=... }`.",
            "Haal de attributenlijst (`{: ... }`) weg: de site bepaalt de opmaak van gegevensteksten."),
    Message("afbeelding-in-gegevens", "error", "Een afbeelding in een gegevenstekst",
            "`![grafiek](https://andere-site.example/grafiek.png)` in de tekst van een kernpunt.",
            "Zet de afbeelding in de Markdown van een pagina; gegevensteksten tonen geen afbeeldingen."),
    Message("jinja-in-gegevens", "error", "Jinja-tekens in een gegevenstekst",
            "`{% call niet_openbaar(\"5.1.2e\") %}...{% endcall %}` of `{{ ... }}` in de tekst van een kernpunt of "
            "de titel van een bron.",
            "Gegevens kennen geen macro's: de tekst zou letterlijk verschijnen, ook wat niet openbaar moest zijn. "
            "Markeer een kernpunt of veld dat niet openbaar is met `niet_openbaar: <grond>` op het record zelf, en "
            "haal `{{`, `{%` en `{#` weg."),
    # Pages
    Message("pagina-ontbreekt", "error", "Een pagina die de inhoud nodig heeft, ontbreekt",
            "Een nota in data/notas/ zonder docs/notas/<referentie>.md.",
            "Maak de pagina aan; `make nota REF=<referentie>` doet dat voor een nieuwe nota."),
    Message("onbekend-onderwerp", "error", "Een tag die geen onderwerp is",
            "'tags: [Dublinn]' in de kop van een pagina.",
            "Gebruik de naam van een onderwerp uit data/onderwerpen.yaml, of voeg het onderwerp daar toe."),
    Message("jinja-syntaxis", "error", "Een macro-aanroep is niet goed afgesloten",
            "`{{ kernpunten(\"6501580\") }` (één accolade te weinig), of een losse `{%` in de tekst.",
            "Sluit `{{` af met `}}` en `{%` met `%}`. Tekst die `{{` of `{%` letterlijk moet tonen, zet u tussen "
            "`{% raw %}` en `{% endraw %}`."),
    Message("onbekende-macro", "error", "Een macro of variabele die niet bestaat",
            "`{{ kernpunt_lijst(\"6501580\") }}`.", "Gebruik een van de macro's uit de lijst op deze pagina."),
    Message("macro-argumenten", "error", "Een macro met de verkeerde argumenten",
            "`{{ bron() }}` zonder id, of `{{ bron(\"evrm\", \"extra\") }}`.",
            "Geef de argumenten die de melding noemt."),
    Message("macro-fout", "error", "Een macro faalde tijdens het bouwen",
            "Een macro kreeg een waarde van de verkeerde soort, bijvoorbeeld `{{ notas(aantal=\"vijf\") }}`.",
            "Lees de melding en verbeter de aanroep op de genoemde regel."),
    # Woo: markings that must be understood, and roads by which a page could publish what it does not show
    Message("lege-weigeringsgrond", "error", "Een markering 'niet openbaar' zonder grond",
            "`niet_openbaar:` zonder waarde bij een kernpunt, of `weigeringsgrond:` leeg in de kop van een pagina.",
            "Vul een grond in uit data/weigeringsgronden.yaml (bijvoorbeeld 5.1.2e). Is alles openbaar, verwijder "
            "dan de regel: een lege markering maakt niets openbaar of geheim, zij wordt geweigerd."),
    Message("kop-onleesbaar", "error", "MkDocs leest de kop van de pagina anders dan make check",
            "Een pagina die begint met `openbaar: false` zonder regels `---` erboven en eronder, of "
            "`title: 2025-02-30` (YAML leest dat als een datum die niet bestaat, en MkDocs laat dan de hele kop "
            "vallen).",
            "Zet de kop tussen twee regels `---`; zet waarden die op een datum, getal of ja/nee lijken tussen "
            "aanhalingstekens."),
    Message("pagina-invoegen", "error", "Een pagina voegt een ander bestand in",
            "`{% include \"planning.md\" %}`, `{% import ... %}`, `{% from ... import ... %}` of "
            "`{% extends ... %}` in een pagina: zo zou de tekst van een niet-openbare pagina openbaar worden.",
            "Neem de tekst zelf op in de pagina, of gebruik een macro van deze site."),
    Message("pagina-jinja", "error", "Jinja in een pagina die meer doet dan een macro aanroepen",
            "`{% set n = 3 %}{{ notas(aantal=n) }}`, `{% if ... %}`, `{% block %}`, `{{ 1 // 0 }}` of "
            "`{{ self.geheim() }}`.",
            "Een pagina bevat tekst en macro-aanroepen met vaste waarden (`{{ notas(aantal=3) }}`): zo kan `make "
            "check` alles lezen voordat er gebouwd wordt, en kan geen pagina tonen wat zij niet laat zien."),
    Message("verboden-variabele", "error", "Een pagina leest de bestanden of instellingen van de site",
            "`{{ files }}`, `{{ navigation }}`, `{{ page }}`, `{{ config }}` of `{{ iets.__class__ }}` in een "
            "pagina: daarmee is de brontekst van elke pagina te lezen, ook van een niet-openbare.",
            "Gebruik de macro's van deze site; zij tonen alleen wat openbaar mag."),
    Message("commentaar-open", "error", "Een HTML-commentaar wordt niet gesloten",
            "`<!-- nog afstemmen` zonder `-->`: de pagina toont het commentaar, en alles erna, als gewone tekst.",
            "Sluit het commentaar af met `-->`. Commentaar staat nooit in de openbare versie, maar is geen "
            "markering: wat niet openbaar is, zet u in een passage."),
    Message("passage-plaats", "error", "Een niet-openbare passage staat in een lijst, tabel of zin",
            "`- {% call niet_openbaar(\"5.1.2e\") %}tekst{% endcall %}` in een lijstitem of een tabelcel: de "
            "passage wordt een eigen blok en breekt de lijst of de tabel.",
            "Zet `{% call ... %}` en `{% endcall %}` elk op een eigen regel, tussen lege regels; moet een deel van "
            "een lijst of tabel niet openbaar zijn, zet dan de hele lijst of tabel in de passage."),
    # Page places, links and anchors (macros/rendering/sitepages.py, macros/checks/linkcheck.py)
    Message("onbekend-bestand", "error", "Een bestand in data/ dat de site niet leest",
            "data/tijdlijn.yml in plaats van data/tijdlijn.yaml, of een reservekopie 6501580.yaml.bak.",
            "Noem het bestand <naam>.yaml, of haal het uit data/: wat de site niet leest, zou stil verloren gaan."),
    Message("regeleinde", "error", "Een titel of naam over meer regels",
            "`titel: |` met de titel op twee regels, of `titel: \"Grenzen\\nverleggen\"`.",
            "Schrijf de titel op één regel. Lange tekst mag na `>-` over meer regels doorlopen: die worden één regel."),
    Message("pagina-botst", "error", "Twee pagina's op dezelfde plaats",
            "Een bron met `id: index` (haar pagina zou het bronnenregister vervangen), of een eigen pagina "
            "docs/bronnen/evrm.md naast de bron 'evrm'.",
            "Kies een andere id; de site maakt de pagina's van bronnen en onderwerpen zelf, schrijf ze niet."),
    Message("pagina-zonder-gegevens", "error", "Een pagina op de plaats van een nota of onderwerp dat niet bestaat",
            "docs/notas/6501581.md zonder data/notas/6501581.yaml.",
            "Maak de gegevens aan (`make nota REF=<referentie>`) of verwijder de pagina."),
    Message("dubbel-anker", "error", "Een anker staat twee keer op een pagina",
            "Een gebeurtenis met `id: tijdlijn` op de pagina met het kopje 'Tijdlijn', of een kopje "
            "'6501580 verkenning' op de pagina van het kernpunt 6501580-verkenning.",
            "Kies een andere id of een ander kopje; een link naar het anker zou anders op de verkeerde plaats "
            "uitkomen."),
    Message("link-kapot", "error", "Een link naar een pagina of bestand dat niet bestaat",
            "`[de nota](notas/6501581.md)`, `[nota's](notas/)` of `[nota](/notas/6501580.md)`.",
            "Link naar het .md-bestand, relatief aan de pagina (`../notas/6501580.md` vanuit een map); de melding "
            "stelt het dichtstbijzijnde bestand voor."),
    Message("link-anker", "error", "Een link naar een anker dat niet op de pagina staat",
            "`[kernpunt](notas/6501580.md#6501580-verkening)`.",
            "Verbeter het anker; de melding stelt het dichtstbijzijnde voor. Of gebruik `kernpunt_link(...)`, "
            "`gebeurtenis_link(...)` of `nota_link(...)`."),
    Message("anker-ontbreekt", "error", "Een pagina toont niet wat de site erop verwacht",
            "Een notapagina zonder `{{ kernpunten(\"6501580\") }}`: de links naar haar kernpunten komen nergens uit.",
            "Zet de macro die de melding noemt op de pagina."),
    # Editorial warnings
    Message("datum-voor-aanleiding", "warning", "De nota is gedateerd vóór haar aanleiding",
            "Een nota van 11 mei 2025 met als aanleiding een verzoek van 17 juni 2025.",
            "Controleer de datum van de nota en van de gebeurtenis. Toont de nota zelf die datum, laat hem dan "
            "staan en licht het toe in 'opmerking'."),
    Message("toezegging-voor-nota", "warning", "Een toegezegde datum ligt vóór de nota",
            "Een nota van juni 2026 met een toezegging voor mei 2026 als aanleiding.",
            "Controleer beide datums."),
    Message("gebeurtenis-na-nota", "warning", "Een voltooide gebeurtenis ligt na de nota die haar noemt",
            "Een 'besluit' van juli 2026 gekoppeld aan een nota van mei 2026.",
            "Controleer de datum, of kies een soort die bij een toekomstige gebeurtenis past (toezegging, debat)."),
    Message("bron-ongebruikt", "warning", "Een bron wordt nergens aangehaald",
            "Een bron in bronnen.yaml waar geen kernpunt, bevinding of gebeurtenis naar verwijst.",
            "Verwijs ernaar, of verwijder de bron."),
    Message("bron-alleen-niet-openbaar", "warning", "Een openbare bron die alleen niet-openbare inhoud aanhaalt",
            "Een bron waar alleen een kernpunt met `niet_openbaar: 5.2.1` naar verwijst: de openbare versie toont "
            "haar toch volledig.",
            "Markeer de bron met `niet_openbaar: <grond>`, of bevestig met `openbaar_bevestigd: true` dat zij "
            "openbaar mag zijn."),
    Message("herhaalt-niet-openbaar", "warning", "Een openbare tekst herhaalt een kernpunt dat niet openbaar is",
            "Een bevinding in modellen.yaml met (bijna) de tekst van een kernpunt met `niet_openbaar:`, maar zonder "
            "`kernpunt:` ernaar.",
            "Koppel de bevinding of uitdaging met `kernpunt: <id>` (dan is zij niet openbaar met het kernpunt), "
            "markeer haar met `niet_openbaar: <grond>`, of herschrijf de tekst."),
    Message("kernpunt-zonder-bron", "warning", "Een kernpunt zonder bron",
            "Een kernpunt zonder 'bronnen:'.", "Voeg de bron(nen) toe waarop het kernpunt rust."),
    Message("nota-zonder-kernpunten", "warning", "Een nota zonder kernpunten",
            "Een nieuwe nota waarvan 'kernpunten:' nog leeg is.", "Voeg de kernpunten van de nota toe."),
    Message("herziening-verlopen", "warning", "De datum 'herzien vóór' is verstreken",
            "'herzien_voor: 2026-01-01' terwijl het nu later is.",
            "Herzie de nota en zet een nieuwe datum bij 'herzien_voor'."),
    # Acknowledged warnings (macros/checks/acknowledged.py)
    Message(STALE_ACKNOWLEDGEMENT, "warning", "Een erkende waarschuwing die niet meer wordt gegeven",
            "'erkend: [{code: datum-voor-aanleiding, reden: ...}]' bij een nota waarvan de datum is verbeterd.",
            "Haal de erkenning weg: de waarschuwing geldt niet meer voor dit record."),
)}

# The warnings an editor can acknowledge on the record they are about (`erkend:`): every warning but this one.
ACKNOWLEDGEABLE = tuple(code for code, message in CATALOG.items()
                        if message.severity == "warning" and code != STALE_ACKNOWLEDGEMENT)


def severity_of(code: str) -> str:
    """`error` or `warning`; unknown codes count as errors."""
    message = CATALOG.get(code)
    return message.severity if message else "error"
