"""The YAML and Jinja parsers' English messages in Dutch, each with a fix; an unknown one keeps its English text."""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_HINT = "zet een waarde met een dubbele punt, # of een leesteken vooraan tussen aanhalingstekens"
TAB_HINT = "gebruik spaties in plaats van tabs om in te springen"
INDENT_HINT = "controleer inspringing, dubbele punten en aanhalingstekens op deze regel"
RAW_HINT = ("sluit {{ af met }}, {% af met %} en elk haakje; "
            "tekst met {{ of {% letterlijk: zet er {% raw %} ... {% endraw %} omheen")


@dataclass(frozen=True)
class Explained:
    """A parser's message in Dutch, its fix, and whether the place to show is where the construct began (the
    parser's context mark, e.g. an opening quote) rather than where the parser gave up."""

    message: str
    hint: str
    at_start: bool = False


# (pattern of the parser's problem, Dutch message, hint, at_start); libyaml's (CSafeLoader) and PyYAML's wordings.
# {0}, {1}: the pattern's groups; {found}: the character where the parser stopped (filled in literally, not by
# str.format, so the texts can show Jinja's braces as they are).
_YAML = (
    (r"mapping values are not allowed (?:in this context|here)",
     "hier staat een dubbele punt die YAML niet verwacht",
     "staat de dubbele punt in de tekst, zet dan de hele waarde tussen aanhalingstekens, zoals titel: \"A: B\"; "
     "anders springt deze regel verder in dan de sleutel erboven", False),
    (r"found a tab character (?:that violates indentation|where an indentation space is expected)",
     "hier staat een tab: YAML springt alleen in met spaties", TAB_HINT, False),
    (r"found character (?:.+ )?that cannot start any token",
     "een waarde kan niet beginnen met '{found}'", QUOTE_HINT, False),
    (r"could not find expected ':'",
     "na de sleutel op deze regel ontbreekt de dubbele punt",
     "schrijf 'sleutel: waarde'; hoort de regel bij de tekst erboven, spring hem dan verder in dan de sleutel of "
     "zet de hele tekst tussen aanhalingstekens", True),
    (r"found unexpected end of stream in a quoted scalar",
     "dit aanhalingsteken wordt niet gesloten",
     "sluit de waarde af met hetzelfde aanhalingsteken als waarmee zij begint", True),
    (r"found unexpected end of stream", "het bestand houdt midden in een waarde op",
     "maak de laatste waarde van het bestand af", False),
    (r"did not find expected key|expected <block end>, but found .*",
     "hier verwacht YAML een nieuwe sleutel ('naam: waarde') op de inspringing van het blok",
     "controleer de inspringing; staat er na een gesloten aanhalingsteken nog tekst, zet dan de hele waarde tussen "
     "aanhalingstekens; een aanhalingsteken dat eerder niet is gesloten, sluit pas hier", False),
    (r"did not find expected ',' or '([\]}])'|expected ',' or '([\]}])', but got .*",
     "de opsomming tussen haken wordt niet goed gesloten: '{0}{1}' of een komma ontbreekt",
     "scheid de waarden met komma's en sluit de haak op dezelfde regel; een waarde met een komma of dubbele punt zet "
     "u tussen aanhalingstekens", False),
    (r"did not find expected '-' indicator",
     "in deze lijst verwacht YAML een nieuw item dat begint met '- '",
     "begin elk item met '- ' op dezelfde inspringing als de items erboven", False),
    (r"(?:block )?sequence entries are not allowed (?:in this context|here)",
     "hier mag geen lijstitem ('- ') staan",
     "zet de lijst onder de sleutel: 'sleutel:' op een eigen regel en daaronder ingesprongen '- item'", False),
    (r"did not find expected node content|expected the node content, but found .*",
     "hier ontbreekt een waarde",
     "vul de waarde in, of zet tekst die met een leesteken begint tussen aanhalingstekens", False),
    (r"found undefined alias.*",
     "een waarde die met * begint, verwijst in YAML naar een anker (&naam)",
     "ankers en aliassen worden niet ondersteund: zet de waarde tussen aanhalingstekens", False),
    (r"(?:did not find )?expected alphabetic or numeric character.*",
     "een waarde die met & of * begint, is in YAML een anker of alias",
     "ankers en aliassen worden niet ondersteund: zet de waarde tussen aanhalingstekens", False),
    (r"could not determine a constructor for the tag '(.+)'",
     "'{0}' is een YAML-typeaanduiding die deze site niet kent", "zet de waarde tussen aanhalingstekens", False),
    (r"found unknown escape character.*",
     "tussen dubbele aanhalingstekens staat een backslash (\\) die YAML niet kent",
     "zet de waarde tussen enkele aanhalingstekens of schrijf \\\\ voor één backslash", False),
)

# (pattern of Jinja's message, Dutch message, hint).
_JINJA = (
    (r"unexpected '\}'", "een losse '}': '{{' sluit met '}}' en '{%' met '%}'", RAW_HINT),
    (r"unexpected '([)\]}])', expected '([)\]}])'", "'{1}' ontbreekt: er staat '{0}' voordat de aanroep is gesloten",
     "sluit elk haakje en aanhalingsteken van de aanroep, dan '}}'"),
    (r"unexpected '(.+)'", "'{0}' hoort hier niet", RAW_HINT),
    (r"unexpected end of template, expected 'end of print statement'\.",
     "'{{' wordt niet gesloten: '}}' ontbreekt", RAW_HINT),
    (r"unexpected end of template, expected 'end of statement block'\.",
     "'{%' wordt niet gesloten: '%}' ontbreekt", RAW_HINT),
    (r"expected token 'end of print statement', got '(.+)'",
     "na de macro-aanroep staat nog '{0}' voor de '}}'",
     "zet elke macro in eigen {{ }}, zoals {{ bron(\"evrm\") }}; tekst hoort buiten de accolades"),
    (r"expected token 'end of statement block', got '(.+)'",
     "na de opdracht staat nog '{0}' voor de '%}'", RAW_HINT),
    (r"expected token ',', got '(.+)'",
     "tussen de argumenten ontbreekt een komma voor '{0}'",
     "scheid de argumenten met komma's en zet elk id tussen aanhalingstekens"),
    (r"Encountered unknown tag '([^']*)'\. Jinja was looking for the following tags: '([^']*)'.*",
     "'{% {0} %}' is geen opdracht die hier past: Jinja verwacht '{% {1} %}'",
     "sluit het blok met {% {1} %}, gespeld zoals hier"),
    (r"Encountered unknown tag '(end\w*)'\.", "'{% {0} %}' sluit een blok dat hier niet open is",
     "haal het weg, of open het blok ervoor, zoals {% call niet_openbaar(\"5.1.2e\") %}"),
    (r"Encountered unknown tag '([^']*)'\.",
     "'{% {0}' is geen opdracht die deze site kent",
     "opdrachten zijn er alleen voor {% call niet_openbaar(\"5.1.2e\") %} ... {% endcall %}; "
     "tekst met {% letterlijk: zet er {% raw %} ... {% endraw %} omheen"),
    (r"Unexpected end of template\. Jinja was looking for the following tags: '([^']*)'.*",
     "het blok wordt niet gesloten: '{% {0} %}' ontbreekt", "sluit het blok met {% {0} %}"),
    (r"unexpected char '([\u201c\u201d\u2018\u2019\u201e])' at \d+",
     "'{0}' is een gekruld aanhalingsteken: Jinja kent alleen rechte",
     "schrijf het id tussen rechte aanhalingstekens: \" of '"),
    (r"unexpected char '(.)' at \d+", "het teken '{0}' hoort hier niet",
     "sluit elk aanhalingsteken op dezelfde regel; tekst met {{ letterlijk: zet er {% raw %} ... {% endraw %} omheen"),
    (r"Missing end of raw directive", "'{% raw %}' wordt niet gesloten: '{% endraw %}' ontbreekt",
     "sluit de letterlijke tekst af met {% endraw %}"),
    (r"Missing end of comment tag", "een Jinja-commentaar wordt geopend en niet gesloten",
     "sluit het commentaar af, of zet de tekst tussen {% raw %} en {% endraw %}"),
    (r"Expected an expression, got 'end of print statement'", "tussen '{{' en '}}' staat niets",
     "zet er een macro tussen, zoals {{ bron(\"evrm\") }}, of haal de accolades weg"),
    (r"tag name expected", "tussen '{%' en '%}' staat geen opdracht", RAW_HINT),
)


def explain_yaml(problem: str, context: str, found: str) -> Explained:
    """The Dutch message for YAML's `problem` while `context` (`found`: the character where the parser stopped)."""
    if found == "\t" and "cannot start any token" in problem:
        problem = "found a tab character that violates indentation"
    if problem == "found unexpected end of stream" and "quoted scalar" in context:
        problem = "found unexpected end of stream in a quoted scalar"
    for pattern, message, hint, at_start in _YAML:
        if match := re.fullmatch(pattern, problem):
            return Explained(_fill(message, match, found=found), hint, at_start)
    return Explained(problem, INDENT_HINT)


def explain_jinja(message: str) -> Explained:
    """The Dutch message for Jinja's syntax error `message`."""
    for pattern, dutch, hint in _JINJA:
        if match := re.fullmatch(pattern, message):
            return Explained(_fill(dutch, match), _fill(hint, match))
    return Explained(message, RAW_HINT)


def _fill(text: str, match: re.Match, **names: str) -> str:
    """`text` with {0}, {1}, ... replaced by the match's groups and {name} by `names`."""
    values = {str(number): group or "" for number, group in enumerate(match.groups())} | names
    return re.sub(r"\{(\w+)\}", lambda field: values.get(field[1], field[0]), text)
