"""Create a new note's data file and page from the skeletons, with every field present and explained."""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

from macros.content.settings import NOTAS_FOLDER, Settings
from macros.model.errors import ContentError, Finding
from macros.model.schema import REFERENTIE_PATTERN

SKELETONS = Path(__file__).with_name("skeletons")


def scaffold_nota(settings: Settings, referentie: str) -> list[Path]:
    """Write data/notas/<referentie>.yaml and its page; refuse an invalid or existing referentie."""
    if not re.fullmatch(REFERENTIE_PATTERN, referentie):
        raise ContentError([Finding("REF", 1, 1, f"'{referentie}' is geen geldige referentie",
                                    "een referentie bestaat uit 4 tot 10 cijfers, bijvoorbeeld 6501580",
                                    "ongeldige-id")])
    targets = {settings.data_dir / NOTAS_FOLDER / f"{referentie}.yaml": "nota.yaml",
               settings.docs_dir / settings.pages.source_of("nota", referentie): "nota.md"}
    existing = [target for target in targets if target.exists()]
    if existing:
        raise ContentError([Finding(_display(target, settings), 1, 1, f"nota {referentie} bestaat al",
                                    "kies een andere referentie of bewerk de bestaande nota", "dubbele-id")
                            for target in existing])
    for target, skeleton in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        text = Template((SKELETONS / skeleton).read_text(encoding="utf-8")).substitute(referentie=referentie)
        target.write_text(text, encoding="utf-8")
    return [Path(_display(target, settings)) for target in targets]


def _display(path: Path, settings: Settings) -> str:
    return path.relative_to(settings.project_dir).as_posix()
