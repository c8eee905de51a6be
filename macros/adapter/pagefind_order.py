"""Pagefind's filter files in one order: Pagefind writes a filter's values, and the filters in its metadata file, in
a different order on every run, so two builds of one commit would differ. This sorts them and renames the files
after their new content (Pagefind's own names are its files' hashes too), so builds stay reproducible."""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path

SIGNATURE = b"pagefind_dcd"  # what every Pagefind file starts with, before its CBOR


def sort_filters(bundle: Path) -> None:
    """Rewrite the filter files and the metadata file of Pagefind's `bundle` in sorted order, under new names."""
    renamed = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        name, values = _read(path)
        renamed[path.stem] = _write(bundle / "filter", path.stem, [name, sorted(values)], "pf_filter", 7)
        path.unlink()
    if not renamed:
        return
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = [_sorted_filters(item, renamed) for item in _read(meta_path)]
        language["hash"] = _write(bundle, language["hash"], meta, "pf_meta", 10, prefix="pagefind.")
        meta_path.unlink()
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _sorted_filters(item, renamed: dict[str, str]):
    """The metadata's list of filters (pairs of a name and a filter file) sorted and renamed; anything else as is."""
    if isinstance(item, list) and item and all(isinstance(pair, list) and len(pair) == 2 and pair[1] in renamed
                                               for pair in item):
        return sorted([name, renamed[old]] for name, old in item)
    return item


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), f"{path}: geen Pagefind-bestand"
    value, end = _decode(data, len(SIGNATURE))
    assert end == len(data), f"{path}: onverwachte inhoud"
    return value


def _write(folder: Path, old: str, value, extension: str, digits: int, prefix: str = "") -> str:
    """Write `value` as a Pagefind file named after its content (keeping the language prefix of `old`)."""
    data = SIGNATURE + _encode(value)
    new = f"{old.split('_')[0]}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{prefix}{new}.{extension}").write_bytes(gzip.compress(data, mtime=0))
    return new


def _decode(data: bytes, at: int):
    """One CBOR item at `at` (the kinds Pagefind writes: integers, byte and text strings, arrays, maps)."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        number = info
    else:
        size = 1 << (info - 24)
        number = int.from_bytes(data[at:at + size], "big")
        at += size
    if major == 0:
        return number, at
    if major == 1:
        return -1 - number, at
    if major in (2, 3):
        raw = data[at:at + number]
        return (bytes(raw) if major == 2 else raw.decode("utf-8")), at + number
    if major == 4:
        items = []
        for _ in range(number):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = {}
        for _ in range(number):
            key, at = _decode(data, at)
            pairs[key], at = _decode(data, at)
        return pairs, at
    raise ValueError(f"CBOR-type {major} niet ondersteund")


def _encode(value) -> bytes:
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(item) for item in value)
    return _head(5, len(value)) + b"".join(_encode(key) + _encode(item) for key, item in value.items())


def _head(major: int, number: int) -> bytes:
    if number < 24:
        return bytes([major << 5 | number])
    for info, form in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if number < 1 << (8 * struct.calcsize(form)):
            return bytes([major << 5 | info]) + struct.pack(form, number)
    raise ValueError("getal te groot")
