"""Collect: find submissions in an inbox and read them into raw tables that remember where each
row came from (file, sheet, row as the operator sees it).

Nothing here interprets values: cells stay as text (CSV) or as the cached Excel value, so codes
such as kode desa keep their leading zeros and dots.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from desa_terbuka.findings import Text

SUPPORTED_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".zip"}
MAX_FILE_BYTES = 200 * 1024 * 1024
_CSV_DELIMITERS = [",", ";", "\t", "|"]


MAX_ROWS = 100_000  # per sheet or CSV: far beyond any village's APBDes
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and every password-protected .xlsx


class ReadError(Exception):
    """A submission that cannot be read at all; ``reason`` is shown to the operator
    (a ``Text``: Bahasa Indonesia with an English twin)."""

    def __init__(self, reason: str, en: str | None = None):
        reason = reason if isinstance(reason, Text) and en is None else Text(reason, en)
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Submission:
    """One file as received: identity is its content hash."""

    path: Path
    sha256: str
    size: int
    modified_at: datetime

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class RawTable:
    """Cells of one sheet (or CSV) with the 1-based source row number of every row."""

    file: str
    sheet: str | None
    rows: list[list[Any]]
    row_numbers: list[int]
    encoding: str | None = None
    delimiter: str | None = None
    notes: list[str] = field(default_factory=list)
    # (source row number, column index) -> formula text, for formula cells with no stored result
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    # problems a reader found that only it can see (e.g. legacy Siskeudes codes): Findings
    findings: list[Any] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def describe(path: Path) -> Submission:
    stat = path.stat()
    modified = datetime.fromtimestamp(stat.st_mtime, tz=timezone.utc)
    return Submission(path, file_sha256(path), stat.st_size, modified)


def discover(inbox: Path) -> list[Submission]:
    """Every file in the inbox (recursively) except hidden and Office lock files, oldest first.

    Unsupported files are returned too: the reader rejects them with a message, so an operator
    who sent a PDF hears about it instead of being silently ignored.
    """
    files = [
        p for p in inbox.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(inbox).parts)
        and not p.name.startswith("~$")
    ]
    submissions = [describe(p) for p in files]
    return sorted(submissions, key=lambda s: (s.modified_at, str(s.path)))


def read_tables(path: Path) -> list[RawTable]:
    """Read a CSV or every sheet of a workbook; raise ``ReadError`` when the file cannot be read.

    The content decides, not only the name: a workbook saved as ``.csv`` is read as a workbook;
    an old ``.xls`` or a password-protected workbook (both OLE files) gets its own remedy.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(f"jenis berkas '{suffix or path.name}' tidak didukung; kirim CSV, XLSX atau "
                        "ekspor Siskeudes (.zip)",
                        f"file type '{suffix or path.name}' is not supported; send CSV, XLSX or a "
                        "Siskeudes export (.zip)")
    size = path.stat().st_size
    if size == 0:
        raise ReadError("berkas berukuran 0 byte", "the file is 0 bytes long")
    if size > MAX_FILE_BYTES:
        mb, limit = size // (1024 * 1024), MAX_FILE_BYTES // (1024 * 1024)
        raise ReadError(f"berkas terlalu besar ({mb} MB, batas {limit} MB)",
                        f"the file is too large ({mb} MB, limit {limit} MB)")
    if suffix == ".zip":  # a Siskeudes export; its name wins over the ZIP signature below
        from desa_terbuka.readers.siskeudes import read_siskeudes

        return read_siskeudes(path)
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(OLE_MAGIC):
        raise ReadError(
            "berkas terkunci kata sandi atau berformat Excel lama (.xls); buka di Excel, hapus kata "
            "sandinya, lalu simpan sebagai .xlsx",
            "the workbook is password-protected or in the old Excel format (.xls); open it in Excel, "
            "remove the password and save it as .xlsx")
    from desa_terbuka.workbook import read_workbook  # only workbooks need openpyxl

    if suffix in {".xlsx", ".xlsm"} or head.startswith(ZIP_MAGIC):
        return read_workbook(path)
    return [_read_csv(path)]


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
        score = multi.count(modal) + modal / 100
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(path: Path) -> RawTable:
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
            if len(rows) > MAX_ROWS:
                raise ReadError(*too_many_rows())
    except csv.Error as exc:
        raise ReadError(f"CSV rusak di baris {reader.line_num}: {exc}",
                        f"broken CSV at line {reader.line_num}: {exc}") from exc
    return RawTable(str(path), None, rows, numbers, encoding=encoding, delimiter=delimiter)


def too_many_rows() -> tuple[str, str]:
    return (f"berkas berisi lebih dari {MAX_ROWS:,} baris; kirim satu desa dan satu tahun per berkas",
            f"the file has more than {MAX_ROWS:,} rows; send one village and one year per file")
