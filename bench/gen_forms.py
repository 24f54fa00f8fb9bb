"""How a village-year's records become a file: the careful export, its form variations, and
planted substantive errors.

A *form variation* changes how a file looks, never what it says (a correct file stays correct):
other heading synonyms, ``Rp 1.234.567,00`` amounts, ``;`` delimiter, Windows-1252, title rows, a
signature block, "100%" progress, "450 m" volume, an empty kode_kegiatan on revenue lines,
value variants such as "belum mulai". A *planted error* makes published numbers wrong or
unattributable (non-numeric amount, unknown account code, unknown village, duplicate line,
realisasi > 1.5 x anggaran, impossible date); the manifest records its file, row and field.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import random
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from desa_terbuka.core.definitions import definitions, normalise_heading
from desa_terbuka.core.reference import account_exists, villages

from bench.gen_model import NON_ACTIVITY, Place, VillageYear, rupiah

RECORD_TYPES = ("apbdes", "kegiatan", "musyawarah")
AMOUNTS = {"apbdes": ("anggaran", "realisasi"), "kegiatan": ("anggaran",), "musyawarah": ()}
DATES = {"apbdes": (), "kegiatan": ("tanggal_mulai", "tanggal_selesai"), "musyawarah": ("tanggal",)}
MONTHS = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
UNITS = {"meter": "m", "unit": "unit", "titik": "titik", "ekor": "ekor", "batang": "btg",
         "orang": "org", "kali": "kali", "bulan": "bln", "paket": "pkt", "KPM": "KPM"}
STATUS_VARIANTS = {"rencana": "belum mulai", "selesai": "Selesai", "berjalan": "sedang berjalan",
                   "tertunda": "Tertunda", "batal": "Batal"}
TAHAP_VARIANTS = {"realisasi_tahunan": "Realisasi Tahunan", "anggaran": "APBDes Awal"}

# variation -> record types it applies to
VARIATIONS: dict[str, tuple[str, ...]] = {
    "heading-synonyms": RECORD_TYPES,
    "rupiah-amounts": ("apbdes", "kegiatan"),
    "semicolon-delimiter": RECORD_TYPES,
    "windows-1252": RECORD_TYPES,
    "utf8-bom": RECORD_TYPES,
    "title-rows": RECORD_TYPES,
    "signature-block": RECORD_TYPES,
    "nama-desa-column": RECORD_TYPES,
    "percent-progress": ("kegiatan",),
    "volume-units": ("kegiatan",),
    "empty-revenue-kegiatan": ("apbdes",),
    "value-variants": RECORD_TYPES,
    "indonesian-dates": ("kegiatan", "musyawarah"),
}
ERRORS: dict[str, tuple[str, ...]] = {
    "apbdes": ("non-numeric-amount", "unknown-account", "unknown-village", "duplicate-line",
               "realisasi-over-limit"),
    "kegiatan": ("non-numeric-amount", "unknown-village", "duplicate-line", "impossible-date"),
    "musyawarah": ("unknown-village", "duplicate-line", "impossible-date"),
}
NON_NUMERIC = ["#REF!", "dua juta", "2.5OO.000", "lihat lampiran", "Rp ,-"]
UNKNOWN_ACCOUNTS = ["5.2.8.01", "5.3.7.09", "5.2.9.03", "5.1.5.01"]
IMPOSSIBLE_DAYS = [(2, 30), (4, 31), (6, 31), (9, 31), (2, 31)]


@dataclass(frozen=True)
class Verbatim:
    """A planted cell written exactly as given, whatever the file's format."""

    text: str


@dataclass(frozen=True)
class BadDate:
    """A date that does not exist, written in the file's date style."""

    year: int
    month: int
    day: int


@dataclass
class Form:
    record_type: str
    variations: list[str] = field(default_factory=list)

    def has(self, name: str) -> bool:
        return name in self.variations


@dataclass
class Planted:
    kind: str
    field: str
    row: dict[str, Any]  # the record (identity locates it after duplicates are inserted)
    value: str = ""


@cache
def field_names(record_type: str) -> list[str]:
    return definitions()[record_type].field_names


def records_of(vy: VillageYear, record_type: str) -> list[dict[str, Any]]:
    return {"apbdes": vy.apbdes, "kegiatan": vy.kegiatan, "musyawarah": vy.musyawarah}[record_type]


def pick_variations(record_type: str, r: random.Random) -> list[str]:
    names = [v for v, types in VARIATIONS.items() if record_type in types]
    if "windows-1252" in names and r.random() < 0.5:
        names.remove("utf8-bom")  # a file has one encoding
    chosen = r.sample(names, r.randint(1, 3))
    if "windows-1252" in chosen and "utf8-bom" in chosen:
        chosen.remove("utf8-bom")
    return sorted(chosen)


# ---------------------------------------------------------------- planted errors


def unknown_village(kode_desa: str) -> str:
    """A well-formed code next to the village's own that the reference table does not hold."""
    kecamatan = kode_desa.rsplit(".", 1)[0]
    known = villages()
    for n in range(2099, 2000, -1):
        code = f"{kecamatan}.{n}"
        if code not in known and code != kode_desa:
            return code
    return "99.99.99.2999"


def plant(rows: list[dict[str, Any]], record_type: str, kinds: list[str], r: random.Random,
          year: int) -> list[Planted]:
    """Plant each error kind on a different row of ``rows`` (in place); return what was planted."""
    planted: list[Planted] = []
    used: set[int] = set()

    def pick(condition) -> dict[str, Any] | None:
        candidates = [i for i, row in enumerate(rows) if i not in used and condition(row)]
        if not candidates:
            return None
        i = r.choice(candidates)
        used.add(i)
        return rows[i]

    for kind in [k for k in kinds if k != "duplicate-line"] + [k for k in kinds if k == "duplicate-line"]:
        if kind == "non-numeric-amount":
            row = pick(lambda x: True)
            if row is not None:
                name = "realisasi" if record_type == "apbdes" and row.get("realisasi") is not None \
                    and r.random() < 0.3 else "anggaran"
                row[name] = Verbatim(r.choice(NON_NUMERIC))
                planted.append(Planted(kind, name, row, row[name].text))
        elif kind == "unknown-account":
            row = pick(lambda x: x["kode_rekening"].startswith("5"))
            code = r.choice([c for c in UNKNOWN_ACCOUNTS if not account_exists(c)])
            if row is not None:
                row["kode_rekening"] = code
                planted.append(Planted(kind, "kode_rekening", row, code))
        elif kind == "unknown-village":
            row = pick(lambda x: True)
            if row is not None:
                row["kode_desa"] = unknown_village(row["kode_desa"])
                planted.append(Planted(kind, "kode_desa", row, row["kode_desa"]))
        elif kind == "realisasi-over-limit":
            row = pick(lambda x: x["kode_rekening"][:3] in ("5.2", "5.3") and x.get("realisasi") is not None
                       and not isinstance(x["realisasi"], Verbatim))
            if row is not None:
                row["realisasi"] = row["anggaran"] * 2
                planted.append(Planted(kind, "realisasi", row, str(row["realisasi"])))
        elif kind == "impossible-date":
            name = DATES[record_type][0]
            row = pick(lambda x: True)
            if row is not None:
                month, day = r.choice(IMPOSSIBLE_DAYS)
                row[name] = BadDate(year, month, day)
                planted.append(Planted(kind, name, row, f"{year}-{month:02d}-{day:02d}"))
        elif kind == "duplicate-line":
            clean = {id(p.row) for p in planted}
            candidates = [i for i, row in enumerate(rows) if id(row) not in clean]
            if candidates:
                i = r.choice(candidates)
                twin = copy.copy(rows[i])
                rows.insert(i + 1, twin)
                planted.append(Planted(kind, "<primary key>", twin))
    return planted


# ---------------------------------------------------------------- rendering


def _date_text(value: dt.date | BadDate, form: Form) -> str:
    y, m, d = value.year, value.month, value.day
    if form.has("indonesian-dates"):
        return f"{d} {MONTHS[m]} {y}" if (y + m + d) % 2 else f"{d:02d}/{m:02d}/{y}"
    return f"{y}-{m:02d}-{d:02d}"


def cell_text(name: str, value: Any, row: dict[str, Any], form: Form) -> str:
    rt = form.record_type
    if value is None:
        return ""
    if isinstance(value, Verbatim):
        return value.text
    if isinstance(value, (dt.date, BadDate)):
        return _date_text(value, form)
    if name in AMOUNTS[rt] and form.has("rupiah-amounts"):
        return f"Rp {rupiah(int(value))},00"
    if name == "progres_persen" and form.has("percent-progress"):
        return f"{value}%"
    if name == "volume" and form.has("volume-units"):
        return f"{value} {UNITS.get(row.get('satuan') or '', row.get('satuan') or '')}".strip()
    if name == "kode_kegiatan" and value == NON_ACTIVITY and form.has("empty-revenue-kegiatan"):
        return ""
    if form.has("value-variants"):
        if name == "status":
            return STATUS_VARIANTS.get(value, value)
        if name == "tahap":
            return TAHAP_VARIANTS.get(value, value)
        if name == "jenis_musyawarah":
            return str(value).upper()
    return str(value)


def headings(record_type: str, form: Form, r: random.Random) -> list[str]:
    """The heading row: schema names, or synonyms the dataset definition declares (one per field,
    each one that maps back to its own field)."""
    names = field_names(record_type)
    if not form.has("heading-synonyms"):
        return list(names)
    definition = definitions()[record_type]
    aliases = definition.header_aliases()
    declared = definition.config.get("headers") or {}
    out, taken = [], set()
    for name in names:
        options = [s for s in declared.get(name, []) if aliases.get(normalise_heading(s)) == name
                   and normalise_heading(s) not in taken]
        heading = r.choice(options).title() if options else name
        taken.add(normalise_heading(heading))
        out.append(heading)
    return out


def title_rows(vy: VillageYear, record_type: str) -> list[list[str]]:
    place = vy.place
    first = {"apbdes": "LAPORAN REALISASI APBDES" if vy.tahap != "anggaran" else "APBDES",
             "kegiatan": "DAFTAR KEGIATAN PEMBANGUNAN DAN PEMBERDAYAAN MASYARAKAT DESA",
             "musyawarah": "REKAPITULASI MUSYAWARAH DESA"}[record_type]
    year = f"TAHUN ANGGARAN {vy.year}" if record_type == "apbdes" else f"TAHUN {vy.year}"
    return [[first], [f"DESA {place.nama_desa.upper()} KECAMATAN {place.nama_kecamatan.upper()}"],
            [year], []]


def signature_rows(place: Place, year: int, width: int) -> list[list[str]]:
    col = max(0, width - 2)
    pad = [""] * col
    return [[], pad + ["Mengetahui,"], pad + [f"Kepala Desa {place.nama_desa}"], [],
            pad + ["(tanda tangan dan cap)"], [], pad + [f"{place.nama_desa}, 31 Desember {year}"]]


def render(vy: VillageYear, record_type: str, rows: list[dict[str, Any]], form: Form,
           r: random.Random) -> tuple[bytes, int]:
    """The file's bytes and the 1-based line number of its heading row."""
    names = field_names(record_type)
    header = headings(record_type, form, r)
    body = [[cell_text(n, row.get(n), row, form) for n in names] for row in rows]
    if form.has("nama-desa-column"):
        header.insert(1, "Nama Desa")
        for cells in body:
            cells.insert(1, vy.place.nama_desa)
    top = title_rows(vy, record_type) if form.has("title-rows") else []
    bottom = signature_rows(vy.place, vy.year, len(header)) if form.has("signature-block") else []
    cp1252 = form.has("windows-1252")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if form.has("semicolon-delimiter") else ",",
                        lineterminator="\r\n" if cp1252 else "\n")
    writer.writerows(top + [header] + body + bottom)
    text = buffer.getvalue()
    if cp1252:
        data = text.encode("cp1252")
    else:
        data = ("\ufeff" if form.has("utf8-bom") else "").encode("utf-8") + text.encode("utf-8")
    return data, len(top) + 1
