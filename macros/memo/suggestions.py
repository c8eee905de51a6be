"""What the editor confirms: bronnen and onderwerpen the memo names (from data/bronnen.yaml and
data/onderwerpen.yaml), and dates in the text that do not fit the memo's own date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from macros.memo.dutch_dates import dates_in, written
from macros.memo.problems import BRON, DATUM, ONDERWERP, Report
from macros.model.identifiers import SCHEMES

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PARENTHESES = re.compile(r"\s*\([^)]*\)\s*$")


def records(path: Path, key: str) -> list[dict]:
    """The records under `key` of a data file; none if it is missing or unreadable (`make check` says why)."""
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    found = loaded.get(key) if isinstance(loaded, dict) else None
    return [record for record in found if isinstance(record, dict) and record.get("id")] if isinstance(
        found, list) else []


def bron_names(bron: dict) -> list[str]:
    """What a memo may call a bron: its titles, its short name (without a trailing remark) and its identifiers."""
    names = [bron.get("titel"), bron.get("titel_origineel"), bron.get("korte_naam")]
    names.append(PARENTHESES.sub("", str(bron.get("korte_naam") or "")))
    identificatie = bron.get("identificatie") if isinstance(bron.get("identificatie"), dict) else {}
    for key, value in identificatie.items():
        if key in SCHEMES and value:
            names.append(str(value))
            names.append(re.sub(r"\s+final$", "", str(value)))
    return sorted({str(name) for name in names if name and len(str(name)) >= 4}, key=len, reverse=True)


def mentions(text: str, name: str) -> bool:
    """Whether `text` names `name`: at the start of a word, case and spacing aside."""
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in name.split())
    return re.search(pattern, text, re.IGNORECASE) is not None


def suggest(texts: list[tuple[int, str, str]], data_dir: Path, report: Report) -> dict[str, list[str]]:
    """Report the bronnen and onderwerpen named in `texts` ((place, what, text)); return per `what` the suggested
    ids, as `bron:<id>` and `onderwerp:<id>`."""
    found: dict[str, list[str]] = {}
    bronnen = [(bron["id"], bron_names(bron)) for bron in records(data_dir / "bronnen.yaml", "bronnen")]
    onderwerpen = [(item["id"], [str(item.get("naam") or ""), item["id"].replace("-", " ")])
                   for item in records(data_dir / "onderwerpen.yaml", "onderwerpen")]
    for place, what, text in texts:
        for kind, table, label in ((BRON, bronnen, "bron"), (ONDERWERP, onderwerpen, "onderwerp")):
            for record_id, names in table:
                name = next((name for name in names if name and mentions(text, name)), None)
                if name:
                    found.setdefault(what, []).append(f"{label}:{record_id}")
                    report.add(kind, place, f"{what}: {label} '{record_id}' (de tekst noemt '{name}')")
    return found


def check_dates(texts: list[tuple[int, str, str]], datum: dt.date | None, report: Report) -> None:
    """Report each date in the text that lies after the memo's own date."""
    if datum is None:
        return
    for place, what, text in texts:
        for words, date in dates_in(text):
            if date > datum:
                report.add(DATUM, place, f"{what} noemt '{words}', na de datum van de nota ({written(datum)}); "
                                         f"controleer de datum en schrijf zo nodig een 'opmerking'")
