"""Shared parts of the variety-corpus builder (see build.py): reference look-ups, Indonesian money
and date text, the APBDes line model with its source totals, and the case registry.

Totals are computed here from the line items each writer puts into its file, never from the
pipeline, so they are an independent statement of what a careful reader finds in the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
REFERENCE = ROOT / "reference"
STAMP = (2025, 1, 1, 0, 0, 0)  # fixed timestamps: a rebuild gives the same bytes

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def _rows(name: str) -> list[dict[str, str]]:
    with open(REFERENCE / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


VILLAGES = {r["kode_desa"]: r for r in _rows("kotim_villages.csv")}
ACCOUNTS = {r["kode"]: r["uraian"] for r in _rows("apbdes_rekening.csv")}
ACTIVITIES = {r["kode"]: r for r in _rows("bidang_kegiatan.csv")}


def village(kode: str) -> tuple[str, str]:
    """(nama desa, nama kecamatan); the name must be unique in Kotim so a title can name it."""
    row = VILLAGES[kode]
    assert row["jenis"] == "desa", kode
    same = [k for k, r in VILLAGES.items() if r["nama_desa"].lower() == row["nama_desa"].lower()]
    assert same == [kode], (kode, same)
    return row["nama_desa"], row["nama_kecamatan"]


def account_ok(kode: str) -> bool:
    """An objek of the chart, or a local objek 90..99 of a range the chart reserves."""
    if kode in ACCOUNTS:
        return True
    head, _, last = kode.rpartition(".")
    return last.isdigit() and 90 <= int(last) <= 99 and f"{head}.90-99" in ACCOUNTS


def activity(kode: str) -> str:
    row = ACTIVITIES[kode]
    assert row["level"] == "kegiatan", kode
    return row["uraian"]


def siskeudes_keg(kode: str) -> str:
    """'2.3.10' -> '02.03.10.' (Siskeudes ID_Keg style)."""
    return ACTIVITIES[kode]["kode_siskeudes"]


# --------------------------------------------------------------------------- text forms

def idr(value: Decimal | int, *, rp: bool = False, cents: bool = True, paren: bool = False) -> str:
    """1234567 -> '1.234.567,00' (Indonesian grouping); negative as '(…)' when paren."""
    value = Decimal(value)
    neg = value < 0
    whole, frac = divmod(abs(value), 1)
    text = f"{int(whole):,}".replace(",", ".")
    if cents:
        text += "," + f"{int(frac * 100):02d}"
    if rp:
        text = "Rp " + text
    if neg:
        text = f"({text})" if paren else "-" + text
    return text


def tanggal(day: dt.date, *, hari: bool = False) -> str:
    """15 Maret 2024 / Jumat, 15 Maret 2024."""
    text = f"{day.day} {BULAN[day.month - 1]} {day.year}"
    return f"{HARI[day.weekday()]}, {text}" if hari else text


def dotted(code: str) -> str:
    """'4.2.1.01' -> '4.2.1.01.' (Siskeudes writes a trailing dot)."""
    return code + "."


def spaced(code: str) -> str:
    """'4.2.1.01' -> '4 2 1 01' (the Lampiran's column layout written in one cell)."""
    return code.replace(".", " ")


def opendk(code: str) -> str:
    """'4.2.1.01' -> '421-01' (OpenDK's no_akun)."""
    a, b, c, d = code.split(".")
    return f"{a}{b}{c}-{d}"


# --------------------------------------------------------------------------- APBDes lines

@dataclass
class Line:
    rek: str
    uraian: str
    keg: str  # "" for pendapatan/pembiayaan
    sd: str
    ang: Decimal
    real: Decimal | None = None

    def __post_init__(self) -> None:
        self.ang = Decimal(self.ang)
        self.real = None if self.real is None else Decimal(self.real)
        assert account_ok(self.rek), self.rek
        assert (self.keg == "") == (not self.rek.startswith("5")), (self.rek, self.keg)
        if self.keg:
            activity(self.keg)
        assert self.sd in ("DDS", "ADD", "PAD", "PBH", "PBK", "PBP", "SWD", "DLL"), self.sd

    @property
    def group(self) -> str:
        if self.rek.startswith("4"):
            return "pendapatan"
        if self.rek.startswith("5"):
            return "belanja"
        return "pembiayaan_penerimaan" if self.rek.startswith("6.1") else "pembiayaan_pengeluaran"


GROUPS = ("pendapatan", "belanja", "pembiayaan_penerimaan", "pembiayaan_pengeluaran")


def sums(lines: list[Line], attr: str) -> dict[str, Decimal]:
    out = {g: Decimal(0) for g in GROUPS}
    for line in lines:
        out[line.group] += getattr(line, attr) or Decimal(0)
    return out


def check_budget(lines: list[Line]) -> None:
    """Every desa APBDes: Dana Desa and ADD present; pendapatan + pembiayaan netto >= belanja
    (budget and, where realised, realisation); realisasi of belanja within its anggaran."""
    reks = {line.rek[:5] for line in lines}
    assert {"4.2.1", "4.2.3"} <= reks, reks
    for attr in ("ang", "real"):
        if attr == "real" and all(line.real is None for line in lines):
            continue
        s = sums(lines, attr)
        assert s["pendapatan"] + s["pembiayaan_penerimaan"] - s["pembiayaan_pengeluaran"] >= s["belanja"], (attr, s)
    for line in lines:
        if line.real is not None and line.group == "belanja":
            assert 0 <= line.real <= line.ang, line


def num(value: Decimal) -> int | str:
    """A total for cases.yaml: an int when whole, else the exact decimal as text."""
    return int(value) if value == value.to_integral() else str(value.normalize())


def apbdes_totals(lines: list[Line]) -> dict:
    out = {"anggaran": {g: num(v) for g, v in sums(lines, "ang").items()}}
    if any(line.real is not None for line in lines):
        out["realisasi"] = {g: num(v) for g, v in sums(lines, "real").items()}
    return out


PEMERINTAHAN = [  # (kegiatan, objek, uraian, sumber dana, weight)
    ("1.1.01", "5.1.1.01", "Penghasilan Tetap Kepala Desa", "ADD", 4),
    ("1.1.02", "5.1.2.01", "Penghasilan Tetap Perangkat Desa", "ADD", 24),
    ("1.1.05", "5.1.4.01", "Tunjangan Kedudukan BPD", "ADD", 3),
    ("1.4.01", "5.2.1.06", "Konsumsi Musyawarah Desa", "ADD", 1),
]
PROGRAM = [
    ("2.3.10", "5.3.5.02", "Upah Tenaga Kerja Pengerasan Jalan Desa", "DDS", 8),
    ("2.3.10", "5.3.5.03", "Bahan Baku Pengerasan Jalan Desa", "DDS", 26),
    ("2.2.02", "5.2.1.06", "Pemberian Makanan Tambahan Posyandu", "DDS", 3),
    ("3.4.03", "5.2.1.07", "Bahan Kegiatan PKK", "ADD", 1),
    ("4.2.01", "5.2.7.05", "Bantuan Bibit Padi untuk Kelompok Tani", "DDS", 5),
    ("5.3.01", "5.4.1.01", "BLT Dana Desa", "DDS", 10),
]


def budget(*, dd: int, add: int, pad: int = 15_000_000, pbh: int = 40_000_000, pbk: int = 0,
           silpa: int = 0, modal: int = 0, surplus: int = 0, program=PROGRAM,
           real: str | None = None, silpa_sd: str = "DLL") -> list[Line]:
    """A consistent APBDes: belanja takes what pendapatan + pembiayaan netto allow (minus a
    surplus), split by weights in round amounts. ``real``: None (budget only), "tahunan" or
    "semester" (deterministic realisation)."""
    lines = [Line("4.1.2.01", "Pengelolaan Tanah Kas Desa", "", "PAD", pad),
             Line("4.2.1.01", "Dana Desa", "", "DDS", dd),
             Line("4.2.2.01", "Bagi Hasil Pajak dan Retribusi Daerah", "", "PBH", pbh),
             Line("4.2.3.01", "Alokasi Dana Desa", "", "ADD", add)]
    if pbk:
        lines.append(Line("4.2.5.01", "Bantuan Keuangan Kabupaten", "", "PBK", pbk))
    if silpa:
        lines.append(Line("6.1.1.01", "SILPA Tahun Sebelumnya", "", silpa_sd, silpa))
    if modal:
        lines.append(Line("6.2.2.01", "Penyertaan Modal BUMDes", "", "DDS", modal))
    available = dd + add + pad + pbh + pbk + silpa - modal - surplus
    items = PEMERINTAHAN + list(program)
    weight = sum(w for *_, w in items)
    spent = 0
    for n, (keg, rek, uraian, sd, w) in enumerate(items):
        amount = available - spent if n == len(items) - 1 else available * w // weight // 100_000 * 100_000
        spent += amount
        lines.append(Line(rek, uraian, keg, sd, amount))
    if real:
        realise(lines, real)
    check_budget(lines)
    return lines


def realise(lines: list[Line], real: str) -> None:
    pcts = [100, 97, 100, 88, 100, 95, 100, 92, 100, 75] if real == "tahunan" else \
           [50, 45, 48, 30, 52, 40, 25, 50, 60, 35]
    for n, line in enumerate(lines):
        if line.group == "belanja":
            pct = pcts[n % len(pcts)]
        elif real == "tahunan":
            pct = 100 if line.sd != "PAD" else 96
        else:
            pct = 100 if line.group != "pendapatan" else 60
        line.real = Decimal(int(line.ang * pct / 100) // 1000 * 1000)


# --------------------------------------------------------------------------- registry

@dataclass
class Registry:
    cases: list[dict] = field(default_factory=list)
    slices: set = field(default_factory=set)

    def add(self, file: str, type_: str, kode_desa, tahun: int, rows: int, shape: str,
            source: str, **extra) -> None:
        codes = kode_desa if isinstance(kode_desa, list) else [kode_desa]
        for code in codes:
            key = (type_, code, tahun)
            assert key not in self.slices, key  # one file per slice: publishable side by side
            self.slices.add(key)
        entry = {"file": file, "type": type_, "kode_desa": kode_desa, "tahun": tahun,
                 "rows": rows, **extra, "shape": shape, "source": source}
        self.cases.append(entry)


def write_zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)


def save_xlsx(workbook, path: Path, cached: dict[str, dict[str, object]] | None = None) -> None:
    """Save with fixed metadata; ``cached``: sheet title -> {cell: value} results of formulas,
    written into the sheet XML as Excel does (openpyxl itself stores formulas without results)."""
    workbook.properties.created = workbook.properties.modified = dt.datetime(*STAMP)
    workbook.properties.creator = "Operator Desa"
    workbook.save(path)
    cached = cached or {}
    sheet_files = {ws.title: f"xl/worksheets/sheet{i}.xml" for i, ws in enumerate(workbook.worksheets, 1)}
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            for title, values in cached.items():
                if item.filename == sheet_files[title]:
                    text = data.decode()
                    for ref, value in values.items():
                        text, n = re.subn(rf'(<c r="{ref}"[^>]*>)<f>(.*?)</f><v\s*/>',
                                          rf"\g<1><f>\g<2></f><v>{value}</v>", text)
                        assert n == 1, (title, ref)
                    data = text.encode()
            if item.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the clock
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-01T00:00:00Z", data)
            info = zipfile.ZipInfo(item.filename, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    tmp.replace(path)
