"""Where each kind of record lives on the site, as URLs relative to the site root."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class PageMap:
    """Source paths (relative to docs/) of the pages that show each kind; set in mkdocs.yml `extra.paginas`."""

    notas: str = "notas/index.md"
    nota: str = "notas/{id}.md"
    bronnen: str = "bronnen/index.md"
    bron: str = "bronnen/{id}.md"
    kernpunten: str = "kernpunten.md"
    onderwerp: str = "kernpunten/{id}.md"
    tijdlijn: str = "tijdlijn.md"
    modellen: str = "appreciatie-grenzen-verleggen.md"
    verkenning: str = "verkenning-verdragen.md"

    @classmethod
    def from_config(cls, paginas: dict[str, str] | None) -> PageMap:
        """Build from the `extra.paginas` mapping; unknown keys are a configuration error."""
        paginas = paginas or {}
        unknown = set(paginas) - {field.name for field in fields(cls)}
        if unknown:
            raise ValueError(f"extra.paginas kent {', '.join(sorted(unknown))} niet")
        return cls(**paginas)

    def source_of(self, kind: str, record_id: str) -> str:
        """The docs-relative source path of the page that shows a record's own entry."""
        return {
            "nota": self.nota.format(id=record_id),
            "bron": self.bron.format(id=record_id),
            "onderwerp": self.onderwerp.format(id=record_id),
            "gebeurtenis": self.tijdlijn,
            "model": self.modellen,
            "aspect": self.modellen,
            "verkenningspunt": self.verkenning,
            "uitdagingsgroep": self.verkenning,
        }[kind]

    def list_of(self, kind: str) -> str:
        """The source of the list that a record's own page belongs to: a note's, a bron's, an onderwerp's."""
        return {"nota": self.notas, "bron": self.bronnen, "onderwerp": self.kernpunten}[kind]

    def fixed_pages(self) -> list[str]:
        """The pages that must exist whatever the content."""
        return [self.notas, self.bronnen, self.kernpunten, self.tijdlijn, self.modellen, self.verkenning]


def page_url(source: str, directory_urls: bool = True) -> str:
    """MkDocs' URL for a docs-relative source path: `a/b.md` gives `a/b/`, `a/index.md` gives `a/`."""
    stem = source.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"
