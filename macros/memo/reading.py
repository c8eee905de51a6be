"""Open a memo: a Word file (.docx) or a Markdown/text export; refuse a PDF, an encrypted or damaged file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.memo.problems import MemoError

PDF_MAGIC = b"%PDF"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: an old .doc, or an encrypted .docx
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
MAX_TEXT_BYTES = 2 * 2**20  # a memo as text is a few tens of kB
MAX_WORD_BYTES = 50 * 2**20  # a .docx's parts unpacked, images included
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
EXPORT_HINT = ("open de memo in Word en kies Bestand > Opslaan als > Word-document (.docx), "
               "of sla haar op als tekst of Markdown")


@dataclass(frozen=True)
class Source:
    """A memo as lines of Markdown, each with the line (text) or paragraph (Word) it came from."""

    display: str
    lines: tuple[str, ...]
    places: tuple[int, ...]
    word: bool = False  # read from a Word file: its list levels are reliable
    dropped: tuple[tuple[int, str], ...] = ()  # (paragraph, target) of each script or data link left out


def read_source(path: Path, display: str) -> Source:
    """The memo at `path` as Markdown lines; MemoError for what cannot be read."""
    if not path.is_file():
        raise MemoError(display, "het bestand bestaat niet")
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(len(OLE_MAGIC))
            if head.startswith(OLE_MAGIC):
                head += stream.read(MAX_WORD_BYTES)  # the encryption mark is in the file's directory
    except OSError as error:
        raise MemoError(display, f"het bestand kan niet worden gelezen ({error.strerror or error}): controleer of "
                                 "u het mag lezen, of kopieer het naar een eigen map") from None
    if head.startswith(PDF_MAGIC) or path.suffix.lower() == ".pdf":
        raise MemoError(display, f"een PDF wordt niet ondersteund: {EXPORT_HINT}")
    if head.startswith(OLE_MAGIC):
        if ENCRYPTED_MARK in head:
            raise MemoError(display, "het Word-bestand is versleuteld (beveiligd met een wachtwoord): "
                                     "haal de beveiliging weg in Word (Bestand > Info > Document beveiligen) "
                                     "en sla het opnieuw op")
        raise MemoError(display, f"een oud Word-bestand (.doc) wordt niet ondersteund: {EXPORT_HINT}")
    if head.startswith(b"PK") or path.suffix.lower() == ".docx":
        from macros.memo.wordfile import docx_lines
        lines, places, dropped = docx_lines(path, display)
        return Source(display, tuple(lines), tuple(places), word=True, dropped=tuple(dropped))
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise MemoError(display, f"dit soort bestand ({path.suffix or 'zonder extensie'}) wordt niet ondersteund: "
                                 f"{EXPORT_HINT}")
    if size > MAX_TEXT_BYTES:
        raise MemoError(display, f"het bestand is groter dan {MAX_TEXT_BYTES // 2**20} MB ({size / 2**20:.1f} MB), de "
                                 "grens voor een memo als tekst: controleer of dit de memo is, of importeer de .docx")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise MemoError(display, f"het bestand kan niet worden gelezen ({error.strerror or error}): controleer of "
                                 "u het mag lezen, of kopieer het naar een eigen map") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise MemoError(display, "het bestand is geen UTF-8: sla het op met de codering UTF-8", line) from None
    if "\x00" in text:
        raise MemoError(display, f"dit is geen tekstbestand: {EXPORT_HINT}")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Source(display, tuple(lines), tuple(range(1, len(lines) + 1)))
