"""Siskeudes export ZIP (CSV tables, as OpenSID imports them) -> one canonical apbdes table.

A Siskeudes export is a relational database, not a sheet with headings, so it gets a reader that
joins the tables and emits a RawTable whose first row is the apbdes schema's field names; the
usual normalise/validate steps then treat it like any other submission. Every row points at the
Siskeudes line it came from (``sheet`` = member, ``row_numbers`` = CSV line of that member).

Codes are mapped only where the mapping is certain: Kd_Rincian ``4.1.1.04.`` -> ``4.1.1.04``,
Kd_Keg ``<Kd_Desa>01.01.01.`` -> ``1.1.01`` through the reference's ``kode_siskeudes``, Kd_Desa ->
Kemendagri kode desa through ``portal_config/siskeudes_desa.yaml``. Pre-2018 (Permendagri
113/2014) codes look like modern ones but mean other things, so they are errors, never mapped.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import Field

from desa_terbuka.collect.base import RawTable, ReadError
from desa_terbuka.collect.zip_tables import CsvMember, read_zip_tables
from desa_terbuka.core.config import Strict, load_config
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.paths import PORTAL_CONFIG_DIR, REFERENCE_DIR
from desa_terbuka.core.reference import account_exists, accounts, activities
from desa_terbuka.core.text import Text

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # total bytes we agree to inflate (zip-bomb guard)
MAPPING_PATH = PORTAL_CONFIG_DIR / "siskeudes_desa.yaml"
BUDGET, VERSION, SPJ, TBP, PEMDA = ("Ta_RABRinci.csv", "Ref_Version.csv", "Ta_SPJRinci.csv",
                                    "Ta_TBPRinci.csv", "Ta_Pemda.csv")
FIELDS = ["kode_desa", "tahun_anggaran", "tahap", "kode_rekening", "uraian", "kode_kegiatan",
          "sumber_dana", "anggaran", "realisasi", "keterangan"]
# Columns (matched case-insensitively: Siskeudes writes both "Nilai" and "nilai") we need.
COLUMNS = {
    BUDGET: ("Tahun", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "SumberDana", "Uraian", "Anggaran"),
    SPJ: ("Tahun", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "Sumberdana", "Nilai"),
    TBP: ("Tahun", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "SumberDana", "Nilai"),
}
NON_ACTIVITY = ("00.00.", "00.00.00.")  # pendapatan/pembiayaan lines in Kd_Keg after Kd_Desa



@dataclass
class _Line:
    """One apbdes row being built from one or more Ta_RABRinci lines."""

    line: int
    values: dict[str, Any]
    parts: list[str] = field(default_factory=list)
    first_uraian: str = ""


def read_siskeudes(path: Path, mapping: list[dict] | None = None) -> list[RawTable]:
    """The apbdes table of a Siskeudes export; ``findings`` on the table hold what the reader saw."""
    file = str(path)
    members = _open(path)
    found: list[Finding] = []
    versi, legacy = _version(file, members, found)
    budget = members[BUDGET]
    pemda = _pemda(members.get(PEMDA))
    villages = _villages(file, budget, pemda, load_mapping() if mapping is None else mapping, found)
    real_members = [m for m in (members.get(SPJ), members.get(TBP)) if m is not None]
    has_realisation = any(m.rows for m in real_members)
    amended = any(None not in (after := _number(_raw(r, "anggaranstlhpak")),
                               before := _number(_raw(r, "anggaran"))) and after != before
                  for r in budget.rows)
    tahap = ("realisasi_tahunan" if has_realisation else
             "anggaran_perubahan" if amended else "anggaran")
    lines: dict[tuple, _Line] = {}
    dropped: set[tuple] = set()  # keys of lines already reported as unmappable
    for row, number in zip(budget.rows, budget.lines):
        where = (file, BUDGET, number)
        key = _key(row)
        codes = _codes(where, row, legacy, versi, found)
        amount = _amount(where, row, "anggaranstlhpak" if amended else "anggaran", found)
        if codes is None or amount is None:
            dropped.add(key)
            continue
        item = lines.get(key)
        if item is None:
            kode_rekening, kode_kegiatan = codes
            item = lines[key] = _Line(number, dict(
                kode_desa=villages.get(key[1], ""), tahun_anggaran=key[0], tahap=tahap,
                kode_rekening=kode_rekening, uraian="", kode_kegiatan=kode_kegiatan,
                sumber_dana=key[4], anggaran=Decimal(0),
                realisasi=Decimal(0) if has_realisation else "", keterangan=""))
            item.first_uraian = _raw(row, "uraian")
        item.values["anggaran"] += amount
        item.parts.append(f"{_raw(row, 'uraian') or '-'} (baris {number})")
    for member in real_members if not legacy else []:  # a legacy export is rejected as a whole
        _realise(file, member, lines, dropped, found)
    rows: list[list[Any]] = [list(FIELDS)]
    numbers = [1]
    for item in lines.values():
        _describe(item)
        rows.append([item.values[name] for name in FIELDS])
        numbers.append(item.line)
    table = RawTable(file, BUDGET, rows, numbers, encoding=budget.encoding, delimiter=",")
    table.notes.append(f"Siskeudes {versi or 'versi tidak diketahui'}: {len(budget.rows)} rincian "
                       f"Ta_RABRinci -> {len(lines)} baris apbdes (tahap {tahap})")
    table.findings = found  # type: ignore[attr-defined]  # a field once collect.RawTable has it
    return [table]


def siskeudes_findings(tables: list[RawTable]) -> list[Finding]:
    """What the reader found, for intake to add to the normalise/validate findings."""
    return [f for t in tables for f in getattr(t, "findings", [])]


def load_mapping(path: Path | None = None) -> list[dict]:
    """Per-village Kd_Desa -> kode desa entries (DPMD configuration; ``DESA_SISKEUDES_MAPPING``
    points elsewhere, e.g. at the test corpus's own mapping)."""
    path = path or Path(os.environ.get("DESA_SISKEUDES_MAPPING") or MAPPING_PATH)
    if not path.exists():
        return []
    return [entry.model_dump() for entry in load_config(path, _Mapping).desa]


class _MappingEntry(Strict):
    kd_desa: str = Field(min_length=1)
    kode_desa: str = Field(pattern=r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")
    kode_pemda: str | None = Field(default=None, pattern=r"^\d{2}\.\d{2}$")
    tahun: int | None = None


class _Mapping(Strict):
    desa: list[_MappingEntry] = []


@cache
def known_tables() -> frozenset[str]:
    """Member names of a Siskeudes export (reference/siskeudes_export_format.csv + version/chart)."""
    with open(REFERENCE_DIR / "siskeudes_export_format.csv", newline="", encoding="utf-8") as f:
        names = {r["csv_file_in_export_zip"] for r in csv.DictReader(f)}
    return frozenset(names | {VERSION, "Ref_Rek1.csv", "Ref_Rek2.csv", "Ref_Rek3.csv", "Ref_Rek4.csv"})


def _open(path: Path) -> dict[str, CsvMember]:
    """The tables we use; ReadError when the ZIP is not a (complete) Siskeudes export."""
    def choose(names: set[str]) -> list[str]:
        ours = names & known_tables()
        if not ours:
            raise ReadError("bukan ekspor Siskeudes: tidak ada tabel Siskeudes (mis. Ta_RABRinci.csv, "
                            "Ref_Version.csv) di dalam ZIP", "not a Siskeudes export: the ZIP holds "
                            "no Siskeudes table (e.g. Ta_RABRinci.csv, Ref_Version.csv)")
        if BUDGET not in ours:
            present = ", ".join(sorted(ours)[:8])
            raise ReadError(f"ekspor Siskeudes tidak lengkap: tabel {BUDGET} (rincian anggaran) tidak "
                            f"ada; ada: {present}", f"incomplete Siskeudes export: table {BUDGET} "
                            f"(budget lines) is missing; present: {present}")
        return [n for n in (BUDGET, VERSION, SPJ, TBP, PEMDA) if n in ours]

    return read_zip_tables(path, choose, COLUMNS, MAX_UNCOMPRESSED)


def _raw(row: dict[str, str], column: str) -> str:
    return (row.get(column) or "").strip()


def _key(row: dict[str, str]) -> tuple[str, ...]:
    """What a budget line and its realisation share (Siskeudes' KURincianSD plus year)."""
    return tuple(_raw(row, c) for c in ("tahun", "kd_desa", "kd_keg", "kd_rincian", "sumberdana"))


# --- codes, villages, amounts ------------------------------------------------------------------

def _version(file: str, members: dict[str, CsvMember], found: list[Finding]) -> tuple[str | None, bool]:
    """The Ref_Version text and whether it predates Siskeudes 2.0 (Permendagri 20/2018 codes)."""
    member = members.get(VERSION)
    if member is None or not member.rows:
        found.append(Finding("siskeudes-missing-table", file, VERSION, None, None, VERSION, params={
            "reason": Text("versi Siskeudes tidak diketahui; kode lama dikenali dari bentuknya saja",
                           "Siskeudes version unknown; legacy codes recognised by their shape only")}))
        return None, False
    versi = _raw(member.rows[-1], "versi")
    match = re.search(r"(\d+)\.(\d+)", versi)
    legacy = bool(match) and int(match[1]) < 2
    if legacy:
        found.append(Finding("siskeudes-legacy-code", file, VERSION, member.lines[-1], "Versi", versi,
                             params={"reason": Text(
                                 "Siskeudes sebelum 2.0 memakai bagan akun dan kegiatan Permendagri "
                                 "113/2014", "Siskeudes before 2.0 uses the Permendagri 113/2014 "
                                 "accounts and activities")}))
    return versi or None, legacy


@cache
def _activity_by_siskeudes() -> dict[str, str]:
    return {a.kode_siskeudes: a.kode for a in activities().values() if a.level == "kegiatan"}


@cache
def _legacy_accounts() -> frozenset[str]:
    with open(REFERENCE_DIR / "siskeudes_v1_rekening.csv", newline="", encoding="utf-8") as f:
        return frozenset(r["kode"] for r in csv.DictReader(f))


def _codes(where: tuple, row: dict[str, str], legacy: bool, versi: str | None,
           found: list[Finding]) -> tuple[str, str] | None:
    """(kode_rekening, kode_kegiatan) of a line, or None after reporting why it cannot be mapped."""
    file, member, number = where
    kd_desa, kd_keg, rincian = _raw(row, "kd_desa"), _raw(row, "kd_keg"), _raw(row, "kd_rincian")

    def problem(code: str, field_name: str, value: str, reason: str, en: str) -> None:
        reason = Text(reason, en)
        found.append(Finding(code, file, member, number, field_name, value, params={"reason": reason}))

    if legacy:
        problem("siskeudes-legacy-code", "Kd_Rincian", rincian,
                f"Kd_Keg {kd_keg}, ekspor Siskeudes {versi}", f"Kd_Keg {kd_keg}, Siskeudes {versi} export")
        return None
    # Siskeudes 2.0 writes codes with or without their trailing dot ("14.01." / "14.01").
    kd_desa = kd_desa.rstrip(".") + "." if kd_desa else ""
    kd_keg = kd_keg.rstrip(".") + "." if kd_keg else ""
    if not kd_desa or not kd_keg.startswith(kd_desa):
        problem("siskeudes-bad-code", "Kd_Keg", kd_keg, f"tidak diawali Kd_Desa '{kd_desa}'",
                f"does not start with Kd_Desa '{kd_desa}'")
        return None
    rest = kd_keg[len(kd_desa):]
    kode_rekening = rincian.replace(" ", "").rstrip(".")
    if not re.fullmatch(r"\d(\.\d+)*", kode_rekening):
        problem("siskeudes-bad-code", "Kd_Rincian", rincian, "bentuk kode rekening mis. 4.1.1.01.",
                "account codes look like 4.1.1.01.")
        return None
    if not account_exists(kode_rekening) and kode_rekening in _legacy_accounts():
        problem("siskeudes-legacy-code", "Kd_Rincian", rincian,
                "kode rekening bagan akun Siskeudes 1.x, tidak ada di Permendagri 20/2018",
                "account of the Siskeudes 1.x chart, not in Permendagri 20/2018")
        return None
    if rest in NON_ACTIVITY:
        return kode_rekening, ""  # revenue and financing lines take no kegiatan
    if not re.fullmatch(r"(\d{2}\.){2,3}", rest):
        problem("siskeudes-bad-code", "Kd_Keg", kd_keg, "bentuk <Kd_Desa>bidang.sub.kegiatan.",
                "shape <Kd_Desa>bidang.sub.kegiatan.")
        return None
    kode_kegiatan = activity_code(rest)
    if kode_kegiatan is None:
        two = rest.count(".") == 2
        problem("siskeudes-legacy-code", "Kd_Keg", kd_keg,
                "kode kegiatan dua tingkat Permendagri 113/2014" if two else
                "tidak ada dalam daftar kegiatan Permendagri 20/2018",
                "two-level Permendagri 113/2014 activity code" if two else
                "not in the Permendagri 20/2018 list of activities")
        return None
    return kode_rekening, kode_kegiatan


def activity_code(rest: str) -> str | None:
    """The Permendagri 20/2018 kegiatan of a Kd_Keg without its Kd_Desa ('01.01.01.' -> '1.1.01');
    '' for a revenue or financing line ('00.00.'), None when it names no kegiatan."""
    rest = rest.rstrip(".") + "."
    if rest in NON_ACTIVITY:
        return ""
    return _activity_by_siskeudes().get(rest) or _local_activity(rest)


def village_codes(mapping: list[dict], kd_desa: str, tahun: str, pemda: str | None = None) -> set[str]:
    """The kode desa the mapping gives a Kd_Desa (with or without its trailing dot) for a year
    (and Pemda, when known): one for a certain mapping, none or several otherwise."""
    return {str(e["kode_desa"]) for e in mapping
            if str(e.get("kd_desa", "")).strip().rstrip(".") == kd_desa.rstrip(".")
            and (pemda is None or not e.get("kode_pemda") or str(e["kode_pemda"]) == pemda)
            and (not e.get("tahun") or str(e["tahun"]) == tahun) and e.get("kode_desa")}


def _local_activity(rest: str) -> str | None:
    """'02.03.99.' -> '2.3.99': kegiatan 90-99 of a known sub-bidang are the village's own
    ("Lain-lain Kegiatan Sub Bidang …", listed in the export's own Ref_Kegiatan)."""
    parts = rest.rstrip(".").split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or int(parts[2]) < 90:
        return None
    sub = f"{int(parts[0])}.{int(parts[1])}"
    if getattr(activities().get(sub), "level", "") != "sub_bidang":
        return None
    return f"{sub}.{parts[2]}"


def _pemda(member: CsvMember | None) -> str | None:
    """'62.02' from Ta_Pemda (Kd_Prov '62', Kd_Kab '02' or '62.02'), when the export has it."""
    if member is None or not member.rows:
        return None
    prov = _raw(member.rows[0], "kd_prov").rstrip(".")
    kab = _raw(member.rows[0], "kd_kab").rstrip(".")
    return kab if kab.startswith(prov + ".") else f"{prov}.{kab}"


def _villages(file: str, budget: CsvMember, pemda: str | None, mapping: list[dict],
              found: list[Finding]) -> dict[str, str]:
    """Kd_Desa -> kode desa; Kd_Desa is unique only within one Pemda's database (and year)."""
    result: dict[str, str] = {}
    first: dict[str, tuple[int, str]] = {}
    for row, number in zip(budget.rows, budget.lines):
        first.setdefault(_raw(row, "kd_desa"), (number, _raw(row, "tahun")))
    for kd_desa, (number, tahun) in first.items():
        codes = village_codes(mapping, kd_desa, tahun, pemda)
        if len(codes) == 1:
            result[kd_desa] = codes.pop()
            continue
        listed = ", ".join(sorted(codes))
        reason = Text(
            ("tidak ada entri" if not codes else f"beberapa entri cocok: {listed}; isi kode_pemda/tahun")
            + (f"; Pemda {pemda}" if pemda else "; Pemda tidak diketahui (Ta_Pemda tidak ada)")
            + f", tahun {tahun}",
            ("no entry" if not codes else f"several entries match: {listed}; set kode_pemda/tahun")
            + (f"; Pemda {pemda}" if pemda else "; Pemda unknown (no Ta_Pemda)") + f", year {tahun}")
        found.append(Finding("siskeudes-unmapped-village", file, BUDGET, number, "Kd_Desa", kd_desa,
                             params={"reason": reason}))
    return result


def _amount(where: tuple, row: dict[str, str], column: str, found: list[Finding]) -> Decimal | None:
    """Siskeudes Double as text ('120000000', '1.5E+7', '1234.5'); never read as Indonesian."""
    text = _raw(row, column) or ("0" if column != "anggaranstlhpak" else _raw(row, "anggaran") or "0")
    value = _number(text)
    if value is not None:
        return value
    file, member, number = where
    found.append(Finding("invalid-number", file, member, number, column, text))
    return None


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() and text else None


def _realise(file: str, member: CsvMember, lines: dict[tuple, _Line], dropped: set[tuple],
             found: list[Finding]) -> None:
    """Add SPJ (spending) / TBP (receipts) values to the budget line with the same key."""
    for row, number in zip(member.rows, member.lines):
        key = _key(row)
        value = _amount((file, member.name, number), row, "nilai", found)
        item = lines.get(key)
        if value is None or (item is None and key in dropped):
            continue  # an unmappable budget line is already reported in Ta_RABRinci
        if item is None:
            found.append(Finding("siskeudes-unmatched-realisation", file, member.name, number,
                                 "Kd_Rincian", f"{key[2]} {key[3]} {key[4]}",
                                 params={"reason": f"{member.name}, Rp {value}"}))
            continue
        item.values["realisasi"] += value


def _describe(item: _Line) -> None:
    """One Ta_RABRinci line keeps its own uraian; several become the account's name + a list."""
    if len(item.parts) == 1:
        item.values["uraian"] = item.first_uraian or _account_name(item.values["kode_rekening"])
        return
    item.values["uraian"] = _account_name(item.values["kode_rekening"]) or item.first_uraian
    text = f"jumlah {len(item.parts)} rincian Ta_RABRinci: " + "; ".join(item.parts)
    item.values["keterangan"] = text if len(text) <= 500 else text[:499] + "…"


def _account_name(kode: str) -> str:
    """The chart's name of an objek; local objek 90..99 take the name of their range."""
    chart = accounts()
    parts = kode.split(".")
    for candidate in (kode, ".".join(parts[:3] + ["90-99"]) if len(parts) == 4 else ""):
        if candidate in chart:
            return chart[candidate].uraian
    return ""
