"""A ZIP of CSV tables, read defensively: it comes from outside, so damaged archives, zip bombs,
password protection and path tricks all become a ``ReadError`` the operator can act on.

Nothing is extracted to disk; members are matched by their base name (exports are sometimes
zipped with their folder) and inflated in chunks, only up to a total byte budget whatever the headers claim, then parsed
as a stream.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

from desa_terbuka.collect.base import ReadError
from desa_terbuka.collect.csv_text import bounded_records

CHUNK = 1024 * 1024  # inflated bytes per read: a lying header never costs more than this at once

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
            info = by_name[name][0]
            codec, encoding, size = _scan(archive, info, left, too_big)
            left -= size
            with _opened(archive, info) as stream:
                text = io.TextIOWrapper(stream, encoding=codec, errors="replace", newline="")
                members[name] = parse_csv(name, text, columns.get(name, ()), encoding)
    return members


@contextmanager
def _opened(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    """A member's stream; a damaged or lying member (its CRC or size disagrees with the
    archive's headers) is a ReadError naming it."""
    if info.flag_bits & 0x1:
        raise ReadError("ZIP dilindungi kata sandi; ekspor ulang tanpa kata sandi",
                        "the ZIP is password-protected; export again without a password")
    try:
        with archive.open(info) as stream:
            yield stream
    except ReadError:
        raise
    except Exception as exc:  # zipfile, zlib, bz2 and lzma each raise their own types
        raise ReadError(f"ZIP rusak: berkas {info.filename} tidak dapat diekstrak (isinya tidak "
                        "sesuai dengan keterangan ukuran/CRC di arsip); ekspor ulang lalu kirim lagi",
                        f"damaged ZIP: {info.filename} cannot be extracted (its content does not "
                        "match the archive's size/CRC record); export again and resend") from exc


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int,
          too_big: ReadError) -> tuple[str, str, int]:
    """Inflate one member in chunks, keeping nothing: its size (stopping past ``limit``, whatever
    the headers claim) and its encoding (codec, as reported), as ``decode`` would choose."""
    utf8 = codecs.getincrementaldecoder("utf-8")("strict")
    size, head, valid = 0, b"", True
    with _opened(archive, info) as stream:
        while chunk := stream.read(CHUNK):
            if not head:
                head = chunk[:4096]
                if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
                    raise ReadError(f"berkas {info.filename} di dalam ZIP bukan teks CSV",
                                    f"{info.filename} in the ZIP is not CSV text")
            size += len(chunk)
            if size > limit:
                raise too_big
            if valid:
                try:
                    utf8.decode(chunk)
                except UnicodeDecodeError:
                    valid = False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "utf-16", size
    if head.startswith(codecs.BOM_UTF8):
        return ("utf-8-sig", "utf-8-sig", size) if valid else ("cp1252", "cp1252", size)
    return ("utf-8", "utf-8", size) if valid else ("cp1252", "cp1252", size)


def parse_csv(name: str, text: Iterable[str], required: tuple[str, ...] = (),
              encoding: str | None = None) -> CsvMember:
    """Comma-separated, '"'-quoted, first line = column names (how OpenSID reads the export);
    ``text`` is read line by line."""
    records, lines = [], []
    for line, record in bounded_records(text, ",", member=name):  # the limits of every CSV
        records.append(record)
        lines.append(line)
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
