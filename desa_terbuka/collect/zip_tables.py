"""A ZIP of CSV tables, read defensively: it comes from outside, so damaged archives, zip bombs,
password protection and path tricks all become a ``ReadError`` the operator can act on.

Nothing is extracted to disk; members are matched by their base name (exports are sometimes
zipped with their folder) and inflated only up to a total byte budget, whatever the headers claim.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable

from desa_terbuka.collect.base import ReadError
from desa_terbuka.collect.csv_text import decode

MAX_MEMBERS = 2000


@dataclass
class CsvMember:
    """One CSV table: rows keyed by lower-case column name, with the CSV line of each row."""

    name: str
    rows: list[dict[str, str]]
    lines: list[int]
    encoding: str | None = None


def read_zip_tables(path: Path, choose: Callable[[set[str]], list[str]],
                    columns: dict[str, tuple[str, ...]], max_bytes: int) -> dict[str, CsvMember]:
    """The members ``choose`` picks from the archive's base names (it raises ReadError to refuse
    the archive), each checked for the ``columns`` it must have (case-insensitive)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError("bukan berkas ZIP yang utuh (rusak atau terpotong); ekspor ulang lalu "
                        "kirim lagi", "not an intact ZIP file (damaged or cut off); export again "
                        "and resend") from exc
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > MAX_MEMBERS:
            raise ReadError(f"ZIP berisi terlalu banyak berkas ({len(infos)})",
                            f"the ZIP holds too many files ({len(infos)})")
        by_name: dict[str, list[zipfile.ZipInfo]] = {}
        for info in infos:
            name = info.filename.replace("\\", "/")
            parts = PurePosixPath(name).parts
            if name.startswith("/") or ".." in parts or re.match(r"^[A-Za-z]:", name):
                raise ReadError(f"ZIP berisi nama berkas yang tidak aman: '{info.filename}'",
                                f"the ZIP holds an unsafe file name: '{info.filename}'")
            by_name.setdefault(parts[-1], []).append(info)
        wanted = choose(set(by_name))
        for name in wanted:
            if len(by_name[name]) > 1:
                raise ReadError(f"ZIP berisi berkas {name} lebih dari sekali; kirim satu ekspor saja",
                                f"the ZIP holds {name} more than once; send one export only")
        mb = max_bytes // (1024 * 1024)
        too_big = ReadError(f"isi ZIP terlalu besar setelah diekstrak (batas {mb} MB)",
                            f"the ZIP's content is too large once extracted (limit {mb} MB)")
        if sum(by_name[n][0].file_size for n in wanted) > max_bytes:
            raise too_big
        left, members = max_bytes, {}
        for name in wanted:
            data = _inflate(archive, by_name[name][0], left)
            if len(data) > left:  # the header lied about the size
                raise too_big
            left -= len(data)
            members[name] = parse_csv(name, data, columns.get(name, ()))
    return members


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.flag_bits & 0x1:
        raise ReadError("ZIP dilindungi kata sandi; ekspor ulang tanpa kata sandi",
                        "the ZIP is password-protected; export again without a password")
    try:
        with archive.open(info) as stream:
            return stream.read(limit + 1)
    except Exception as exc:  # zipfile, zlib, bz2 and lzma each raise their own types
        raise ReadError(f"ZIP rusak: berkas {info.filename} tidak dapat diekstrak "
                        f"({type(exc).__name__})", f"damaged ZIP: {info.filename} cannot be "
                        f"extracted ({type(exc).__name__})") from exc


def parse_csv(name: str, data: bytes, required: tuple[str, ...] = ()) -> CsvMember:
    """Comma-separated, '"'-quoted, first line = column names (how OpenSID reads the export)."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"berkas {name} di dalam ZIP bukan teks CSV",
                        f"{name} in the ZIP is not CSV text")
    text, encoding = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    records, lines, start = [], [], 1
    try:
        for record in reader:
            records.append(record)
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ReadError(f"berkas {name} di dalam ZIP rusak di baris {reader.line_num}: {exc}",
                        f"{name} in the ZIP is damaged at line {reader.line_num}: {exc}") from exc
    if not records:
        raise ReadError(f"berkas {name} di dalam ZIP kosong (tanpa baris judul kolom)",
                        f"{name} in the ZIP is empty (no heading line)")
    header = [h.strip().lower() for h in records[0]]
    missing = [c for c in required if c.lower() not in header]
    if missing:
        raise ReadError(f"berkas {name} di dalam ZIP tidak memuat kolom {', '.join(missing)}",
                        f"{name} in the ZIP lacks the column(s) {', '.join(missing)}")
    kept = [(dict(zip(header, r)), n) for r, n in zip(records[1:], lines[1:])
            if any(c.strip() for c in r)]
    return CsvMember(name, [r for r, _ in kept], [n for _, n in kept], encoding)
