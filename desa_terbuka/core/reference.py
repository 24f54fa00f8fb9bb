"""Reference tables: Kemendagri village codes and the Permendagri 20/2018 classifications.

The CSVs in ``reference/`` are copies with provenance in ``reference/SOURCES.md``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desa_terbuka.core.paths import REFERENCE_DIR


def slugify(text: str) -> str:
    """CKAN-safe slug: lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass(frozen=True)
class Village:
    kode_desa: str
    nama_desa: str
    jenis: str  # "desa" or "kelurahan"
    kode_kecamatan: str
    nama_kecamatan: str
    kode_kabupaten: str
    nama_kabupaten: str

    @property
    def slug(self) -> str:
        return slugify(self.nama_desa)

    @property
    def kode(self) -> str:
        """The village code without dots, for CKAN names (62.02.16.2003 -> 6202162003)."""
        return self.kode_desa.replace(".", "")

    @property
    def jenis_label(self) -> str:
        return "Kelurahan" if self.jenis == "kelurahan" else "Desa"


@dataclass(frozen=True)
class Account:
    """A Permendagri 20/2018 account (kode rekening); level 1 akun .. 4 objek."""

    kode: str
    uraian: str
    level: int


@dataclass(frozen=True)
class Activity:
    """A Permendagri 20/2018 bidang, sub-bidang or kegiatan."""

    kode: str
    uraian: str
    level: str  # "bidang" | "sub_bidang" | "kegiatan"
    kode_siskeudes: str


def _rows(name: str, directory: Path | None = None) -> list[dict[str, str]]:
    with open((directory or REFERENCE_DIR) / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@cache
def villages() -> dict[str, Village]:
    """All villages of the reference, keyed by kode_desa."""
    return {r["kode_desa"]: Village(**r) for r in _rows("kotim_villages.csv")}


@cache
def accounts() -> dict[str, Account]:
    """The chart of accounts keyed by kode. Range rows like ``4.1.1.90-99`` stay as they are."""
    return {
        r["kode"]: Account(r["kode"], r["uraian"], int(r["level"]))
        for r in _rows("apbdes_rekening.csv")
    }


@cache
def activities() -> dict[str, Activity]:
    """Bidang, sub-bidang and kegiatan keyed by kode (``1``, ``1.1``, ``1.1.01``)."""
    return {
        r["kode"]: Activity(r["kode"], r["uraian"], r["level"], r["kode_siskeudes"])
        for r in _rows("bidang_kegiatan.csv")
    }


def account_exists(kode: str) -> bool:
    """True when kode is in the chart, counting objek 90..99 as members of their ``90-99`` range."""
    chart = accounts()
    if kode in chart:
        return True
    parts = kode.split(".")
    if len(parts) == 4 and parts[3].isdigit() and 90 <= int(parts[3]) <= 99:
        return ".".join(parts[:3] + ["90-99"]) in chart
    return False
