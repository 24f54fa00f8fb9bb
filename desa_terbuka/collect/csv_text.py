"""Read text exports (CSV, TSV, Excel's "Unicode Text") into a raw table, streaming.

A file near the 200 MB limit is never held whole in memory: the encoding is decided from its
bytes in chunks, then the rows are parsed one by one and the reader stops at its limits (rows,
total text, columns, one cell's length) with a remedy in Bahasa Indonesia. Files that are not
text at all (a PDF renamed .csv, a picture) are named as what they are.
"""

from __future__ import annotations

import codecs
import csv
import io
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from desa_terbuka.collect import base
from desa_terbuka.collect.base import RawTable, ReadError, too_many_rows
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import ranges

_CSV_DELIMITERS = [",", ";", "\t", "|"]
HEAD_BYTES = 64 * 1024
CHUNK = 1024 * 1024
FIELD_LIMIT = 128 * 1024  # csv's default; no village cell is that long, a base64 PDF is. Set for
# each read: other libraries (frictionless) raise the process-wide limit to sys.maxsize.
# What a file really is, when it is not text: (signature, Indonesian name, English name).
SIGNATURES = [
    (b"%PDF", "dokumen PDF", "a PDF document"),
    (b"\x89PNG", "gambar PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "gambar JPEG (foto/pindaian)", "a JPEG picture (photo/scan)"),
    (b"GIF8", "gambar GIF", "a GIF picture"),
    (b"\x1f\x8b", "arsip GZIP", "a GZIP archive"),
    (b"Rar!", "arsip RAR", "a RAR archive"),
    (b"7z\xbc\xaf", "arsip 7-Zip", "a 7-Zip archive"),
    (b"{\\rtf", "dokumen RTF (Word)", "an RTF (Word) document"),
]


def _binary() -> ReadError:
    return ReadError("berkas berisi data biner, bukan teks CSV; simpan tabelnya dari Excel sebagai "
                     "CSV UTF-8 atau XLSX", "the file holds binary data, not CSV text; save the "
                     "table from Excel as CSV UTF-8 or XLSX")


def _utf16_without_bom(head: bytes) -> str | None:
    """Excel's "Unicode Text" copied without its BOM: mostly-ASCII text has a zero in every
    other byte. 'utf-16-le' / 'utf-16-be', or None."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.1 * len(other):
            return codec
    return None


def _decodes(chunks: Iterable[bytes], codec: str) -> bool:
    decoder = codecs.getincrementaldecoder(codec)("strict")
    try:
        for chunk in chunks:
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _chunks(path: Path, skip: int = 0) -> Iterable[bytes]:
    with open(path, "rb") as f:
        f.seek(skip)
        while chunk := f.read(CHUNK):
            yield chunk


def detect_encoding(path: Path, head: bytes) -> tuple[str, str]:
    """(Python codec, encoding as reported): UTF-16 with or without BOM, strict UTF-8 (with or
    without BOM), then Windows-1252, then Latin-1. Raises ReadError for files that are no text."""
    for signature, name_id, name_en in SIGNATURES:
        if head.startswith(signature):
            raise ReadError(f"berkas ini sebenarnya {name_id}, bukan tabel CSV; kirim tabelnya "
                            "sebagai CSV atau XLSX (ekspor dari aplikasinya, bukan hasil cetak "
                            "atau pindaian)", f"this file is really {name_en}, not a CSV table; "
                            "send the table as CSV or XLSX (exported from its application, not a "
                            "printout or a scan)")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "utf-16"
    if (codec := _utf16_without_bom(head)) is not None:
        return codec, "utf-16"
    if b"\x00" in head:
        raise _binary()
    if head.startswith(codecs.BOM_UTF8):
        if _decodes(_chunks(path, 3), "utf-8"):
            return "utf-8-sig", "utf-8-sig"
        return "cp1252-after-bom", "cp1252"  # (a BOM followed by Windows-1252 text is seen too)
    if _decodes(_chunks(path), "utf-8"):
        return "utf-8", "utf-8"
    if _decodes(_chunks(path), "cp1252"):
        return "cp1252", "cp1252"
    return "latin-1", "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently into more than one column."""
    sample = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ",", -1.0
    for delimiter in _CSV_DELIMITERS:
        counts = []
        for line in sample:
            try:
                counts.append(len(next(csv.reader([line], delimiter=delimiter))))
            except csv.Error:  # a cell over the field limit: the reader reports it at its line
                continue
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


def _other_delimiter(cell: str, delimiter: str) -> str | None:
    """A one-cell line that another delimiter splits into three or more cells uses that one."""
    for other in _CSV_DELIMITERS:
        if other != delimiter and cell.count(other) >= 2:
            return other
    return None


def read_csv(path: Path) -> RawTable:
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    codec, encoding = detect_encoding(path, head)
    with _open_text(path, codec) as f:
        delimiter = sniff_delimiter(f.read(HEAD_BYTES))
    rows: list[list[Any]] = []
    numbers: list[int] = []
    findings: list[Finding] = []
    dropped: list[int] = []
    odd: dict[str, list[tuple[int, int]]] = {}  # other delimiter -> (line, width it gives)
    with _open_text(path, codec) as f:
        for start, record in bounded_records(f, delimiter):
            if len(record) > base.MAX_COLUMNS:
                if any(c.strip() for c in record[base.MAX_COLUMNS:]):
                    dropped.append(start)
                record = record[: base.MAX_COLUMNS]
            elif len(record) == 1 and (other := _other_delimiter(record[0], delimiter)):
                odd.setdefault(other, []).append((start, record[0].count(other) + 1))
            rows.append(record)
            numbers.append(start)
    file = str(path)
    if dropped:
        findings.append(base.columns_dropped(file, None, dropped))
    widths = [len(r) for r in rows if len(r) > 1]
    modal = max(set(widths), key=widths.count) if widths else 0
    for other, found in odd.items():
        # lines the other delimiter splits as wide as the table (a title with commas is not one)
        lines = [n for n, width in found if modal and abs(width - modal) <= 1]
        if lines:
            findings.append(Finding("mixed-delimiter", file, None, lines[0], None, None, params={
                "delimiter": _shown(delimiter), "other": _shown(other),
                "rows": ranges(lines), "count": len(lines)}))
    return RawTable(file, None, rows, numbers, encoding=encoding, delimiter=delimiter,
                    findings=findings)


@contextmanager
def field_limit(limit: int = FIELD_LIMIT) -> Iterator[None]:
    """csv's longest cell is ``limit`` while reading (a longer one stops the reader at once)."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _open_text(path: Path, codec: str) -> io.TextIOWrapper:
    raw = open(path, "rb")
    if codec == "cp1252-after-bom":
        raw.seek(len(codecs.BOM_UTF8))
        codec = "cp1252"
    return io.TextIOWrapper(raw, encoding=codec, errors="replace", newline="")


def _shown(delimiter: str) -> str:
    return {"\t": "tab"}.get(delimiter, delimiter)


def bounded_records(text: Iterable[str], delimiter: str = ",",
                    member: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """(row, cells) of every record of ``text``: the row is the record's number, the row a
    spreadsheet program shows it on (a quoted cell with line breaks is one row there, not
    several lines; a blank line is an empty row). Read line by line and stopped at the
    reader's limits before they cost memory: the rows per table (``MAX_ROWS``), the characters
    of text per table (``MAX_TEXT_CHARS``) and one cell's length (``FIELD_LIMIT``), each a
    ReadError with the catalogue's reason (``member``: the table's name inside a ZIP). The one
    CSV loop: files (``read_csv``) and the tables of a ZIP (``zip_tables``)."""
    text_left, count = base.MAX_TEXT_CHARS, 0
    with field_limit():
        reader = csv.reader(text, delimiter=delimiter)
        start = 1
        try:
            for record in reader:
                text_left -= sum(map(len, record))
                if text_left < 0:
                    raise ReadError(*base.too_much_text())
                count += 1
                if count > base.MAX_ROWS:
                    raise ReadError(*too_many_rows())
                yield count, record
                start = reader.line_num + 1  # where a broken record begins, as a text line
        except csv.Error as exc:
            raise _broken(exc, reader.line_num or start, member) from exc


def _broken(exc: csv.Error, line: int, member: str | None = None) -> ReadError:
    if "NUL" in str(exc):
        return _binary()
    too_long = "field larger than field limit" in str(exc)
    if member is None:
        code = "csv-cell-too-long" if too_long else "csv-broken"
    else:
        code = "zip-cell-too-long" if too_long else "zip-member-broken"
    finding = Finding(code, params={"line": line, "limit": FIELD_LIMIT // 1024, "member": member})
    return ReadError(finding.message("id"), finding.message("en"))
