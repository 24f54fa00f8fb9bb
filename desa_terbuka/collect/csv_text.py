"""Read text exports (CSV, TSV, Excel's "Unicode Text") into a raw table."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from desa_terbuka.collect import base
from desa_terbuka.collect.base import RawTable, ReadError, too_many_rows

_CSV_DELIMITERS = [",", ";", "\t", "|"]


def decode(data: bytes) -> tuple[str, str]:
    """UTF-16 with BOM (Excel's "Unicode Text"), strict UTF-8 (with or without BOM), then
    Windows-1252, then Latin-1."""
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), "utf-16"
            except UnicodeDecodeError:
                break
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    for encoding in ("utf-8", "cp1252"):
        try:
            return body.decode(encoding), ("utf-8-sig" if bom and encoding == "utf-8" else encoding)
        except UnicodeDecodeError:  # (a BOM followed by Windows-1252 text is seen too)
            continue
    return body.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently into more than one column."""
    sample = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ",", -1.0
    for delimiter in _CSV_DELIMITERS:
        counts = [len(next(csv.reader([line], delimiter=delimiter))) for line in sample]
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        # Favour delimiters that give many rows the same (modal) width.
        modal = max(set(multi), key=multi.count)
        # the most cells in a consistent width: ";" splitting 16 columns beats "," splitting
        # "Rp 1.234,00" in two
        score = multi.count(modal) * modal
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path) -> RawTable:
    data = path.read_bytes()
    binary = ("berkas berisi data biner, bukan teks CSV", "the file holds binary data, not CSV text")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(*binary)
    text, encoding = decode(data)
    if "\x00" in text:
        raise ReadError(*binary)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[Any]] = []
    numbers: list[int] = []
    start = 1
    try:
        for record in reader:
            rows.append(record)
            numbers.append(start)
            start = reader.line_num + 1
            if len(rows) > base.MAX_ROWS:
                raise ReadError(*too_many_rows())
    except csv.Error as exc:
        raise ReadError(f"CSV rusak di baris {reader.line_num}: {exc}",
                        f"broken CSV at line {reader.line_num}: {exc}") from exc
    return RawTable(str(path), None, rows, numbers, encoding=encoding, delimiter=delimiter)
