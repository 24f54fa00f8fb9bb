"""Deterministic sample village submissions for demos and integration tests.

``generate(out_dir)`` writes, for every desa of a kecamatan and every year, what a village operator
would send to the district: ``<kode_desa>-<slug>/apbdes_<year>.csv``, ``kegiatan_<year>.xlsx`` and
``musyawarah_<year>.csv``. Every random choice comes from ``random.Random`` seeded with a string built
from the village code and year, so the same inputs always give byte-identical files; each file's
modification time is the date the village delivered it (``sample_delivery.py``).
Pick lists and text templates live in ``sample_data.yaml``.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from desa_terbuka.authoring.sample_delivery import delivered_at, set_delivery_time
from desa_terbuka.authoring.sample_files import write_csv, write_xlsx
from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.reference import Village, villages

DATA_FILE = Path(__file__).with_name("sample_data.yaml")
ROMAN = ["I", "II", "III", "IV", "V"]
BLT_PER_KPM = 300_000 * 12
# Years in which some villages have only sent their original budget (no realisation yet).
ANGGARAN_ONLY = {2025: 2}
NO_KEGIATAN_FILE = "1.1"  # sub-bidang whose kegiatan are salaries/operations, not listed as kegiatan


@cache
def _data() -> dict[str, Any]:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


def _rng(*parts: object) -> random.Random:
    """A generator seeded from a readable string (``random`` hashes str seeds with SHA-512)."""
    return random.Random(":".join(str(p) for p in parts))


def _round_k(amount: float) -> int:
    """Round down to a multiple of Rp1.000."""
    return int(amount) // 1000 * 1000


def _rupiah(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


# ---------------------------------------------------------------- village profile and budget plan


@dataclass(frozen=True)
class Profile:
    """Characteristics of a village that stay the same across years."""

    n_dusun: int
    n_rt: int
    dd_base: int
    add_base: int
    pad_kode: str  # 4.1.1.01 BUMDes or 4.1.2.01 tanah kas desa


@cache
def profile(kode_desa: str) -> Profile:
    r = _rng(kode_desa, "profil")
    return Profile(n_dusun=r.randint(2, 4), n_rt=r.randint(6, 14),
                   dd_base=r.randint(720, 1020) * 1_000_000, add_base=r.randint(380, 600) * 1_000_000,
                   pad_kode=r.choice(["4.1.1.01", "4.1.2.01"]))


@dataclass
class Kegiatan:
    """One kegiatan in a village-year budget, with what the kegiatan list needs to know."""

    kode: str
    spec: dict[str, Any]
    lokasi: str
    volume: int | None
    sumber_override: str | None = None
    lines: list[dict[str, Any]] = field(default_factory=list)  # apbdes belanja rows

    @property
    def anggaran(self) -> int:
        return sum(line["anggaran"] for line in self.lines)


@dataclass
class Budget:
    village: Village
    year: int
    tahap: str
    kpm: int
    kegiatan: list[Kegiatan]
    rows: list[dict[str, Any]]

    def total(self, prefix: str) -> int:
        return sum(r["anggaran"] for r in self.rows if r["kode_rekening"].startswith(prefix))


def _lokasi(kind: str, v: Village, p: Profile, r: random.Random) -> str:
    dusun = f"Dusun {ROMAN[r.randrange(p.n_dusun)]}"
    return {
        "dusun": dusun,
        "rt": f"RT {r.randint(1, p.n_rt):02d} {dusun}",
        "desa": f"Desa {v.nama_desa}",
        "balai": f"Balai Desa {v.nama_desa}",
        "kantor": f"Kantor Desa {v.nama_desa}",
        "posyandu": f"Posyandu {dusun}",
        "paud": f"PAUD Desa {v.nama_desa}",
    }.get(kind, f"Desa {v.nama_desa}")


def _pick_kegiatan(v: Village, has_pbk: bool, r: random.Random) -> list[Kegiatan]:
    d = _data()
    infra = [k for k in d["infra"] if not (has_pbk and k == d["pbk_kegiatan"])]
    codes = list(d["core"]) + r.sample(infra, r.randint(2, 4)) + r.sample(d["other"], r.randint(1, 4))
    if has_pbk:
        codes.append(d["pbk_kegiatan"])
    p = profile(v.kode_desa)
    chosen = []
    for kode in sorted(codes):
        spec = d["kegiatan"][kode]
        vol = spec.get("volume")
        volume = r.randint(*vol) if isinstance(vol, list) else None
        sumber = "PBK" if has_pbk and kode == d["pbk_kegiatan"] else None
        chosen.append(Kegiatan(kode, spec, _lokasi(spec.get("lokasi", "desa"), v, p, r), volume, sumber))
    return chosen


def _pendapatan(v: Village, year: int, r: random.Random) -> tuple[list[tuple[str, str, str, int]], bool]:
    """Revenue and financing lines as (kode_rekening, sumber_dana, uraian, anggaran); and has-PBK."""
    p = profile(v.kode_desa)
    year_factor = {2023: 1.0, 2024: 1.03, 2025: 0.97}.get(year, 1.0)
    dana_desa = _round_k(p.dd_base * year_factor * r.uniform(0.95, 1.08))
    lines = [
        ("4.2.1.01", "DDS", f"Dana Desa TA {year}", dana_desa),
        ("4.2.3.01", "ADD", f"Alokasi Dana Desa TA {year}", _round_k(p.add_base * r.uniform(0.95, 1.08))),
        ("4.2.2.01", "PBH", "Bagi hasil pajak dan retribusi daerah kabupaten", r.randint(20, 60) * 1_000_000),
        (p.pad_kode, "PAD", "Bagi hasil usaha BUMDes" if p.pad_kode == "4.1.1.01"
         else "Hasil sewa tanah kas desa", r.randint(5, 25) * 1_000_000),
        ("4.3.6.01", "DLL", "Bunga rekening kas desa", r.randint(1_000, 5_000) * 1_000),
        ("6.1.1.01", "DDS", f"SILPA TA {year - 1}", r.randint(10, 80) * 1_000_000),
    ]
    has_pbk = r.random() < 0.35
    if has_pbk:
        lines.append(("4.2.5.01", "PBK", "Bantuan keuangan APBD kabupaten untuk infrastruktur desa",
                      r.randint(10, 30) * 10_000_000))
    if r.random() < 0.3:
        lines.append(("6.2.2.01", "DDS", "Penyertaan modal desa kepada BUMDes", r.randint(2, 5) * 10_000_000))
    return lines, has_pbk


def _pools(lines: list[tuple[str, str, str, int]]) -> dict[str, int]:
    """Money available to spend per sumber dana (DLL, the bank interest, is spent as PAD)."""
    pools: dict[str, int] = {}
    for kode, sumber, _, amount in lines:
        key = "PAD" if sumber == "DLL" else sumber
        pools[key] = pools.get(key, 0) + (-amount if kode.startswith("6.2") else amount)
    return pools


def _allocate(kegiatan: list[Kegiatan], pools: dict[str, int], kpm: int, year: int,
              r: random.Random) -> None:
    """Fill each kegiatan's belanja lines so that every pool is spent exactly (last line adjusts)."""
    slots: dict[str, list[tuple[Kegiatan, list[Any], float]]] = {}
    for keg in kegiatan:
        for line in keg.spec["lines"]:
            sumber = keg.sumber_override or line[1]
            slots.setdefault(sumber, []).append((keg, line, line[2] * r.uniform(0.75, 1.3)))
    if set(slots) != set(pools):
        raise ValueError(f"sumber dana without belanja lines or revenue: {set(slots) ^ set(pools)}")
    fmt = {"kpm": kpm, "tahun": year}
    for sumber, entries in slots.items():
        remaining = pools[sumber]
        fixed = [e for e in entries if e[1][2] == 0]  # BLT-DD: KPM x Rp300.000 x 12
        weighted = [e for e in entries if e[1][2] != 0]
        for keg, line, _ in fixed:
            _add_line(keg, line, sumber, kpm * BLT_PER_KPM, fmt)
            remaining -= kpm * BLT_PER_KPM
        total_w = sum(w for *_, w in weighted)
        spent = 0
        for i, (keg, line, w) in enumerate(weighted):
            amount = remaining - spent if i == len(weighted) - 1 else _round_k(remaining * w / total_w)
            _add_line(keg, line, sumber, amount, fmt)
            spent += amount


def _add_line(keg: Kegiatan, line: list[Any], sumber: str, amount: int, fmt: dict[str, Any]) -> None:
    keg.lines.append({"kode_rekening": line[0], "uraian": line[3].format(**fmt), "kode_kegiatan": keg.kode,
                      "sumber_dana": sumber, "anggaran": amount})


def _anggaran_only(kecamatan: str, year: int) -> set[str]:
    n = ANGGARAN_ONLY.get(year, 0)
    kodes = sorted(k for k, v in villages().items() if v.kode_kecamatan == kecamatan and v.jenis == "desa")
    return set(_rng(kecamatan, year, "anggaran-only").sample(kodes, min(n, len(kodes))))


def _realise(row: dict[str, Any], r: random.Random) -> None:
    """Year-end realisation: transfers and salaries in full, other lines 80-100 %, rarely nothing."""
    kode = row["kode_rekening"]
    full = kode[:5] in {"4.2.1", "4.2.3", "6.1.1", "6.2.2"} or kode.startswith("5.1")
    if full or r.random() < 0.1:
        row["realisasi"] = row["anggaran"]
    elif kode.startswith("5") and r.random() < 0.02:
        row["realisasi"], row["keterangan"] = 0, "Kegiatan tidak terlaksana, menjadi SILPA"
    else:
        row["realisasi"] = int(row["anggaran"] * r.uniform(0.8, 1.0))


@cache
def build_budget(kode_desa: str, year: int, tahap: str = "realisasi_tahunan") -> Budget:
    """The APBDes of one village-year (pure function of its arguments)."""
    v = villages()[kode_desa]
    r = _rng(kode_desa, year, "apbdes")
    revenue, has_pbk = _pendapatan(v, year, r)
    kpm = r.randint(12, 35)
    kegiatan = _pick_kegiatan(v, has_pbk, r)
    _allocate(kegiatan, _pools(revenue), kpm, year, r)
    rows = [{"kode_rekening": k, "uraian": u, "kode_kegiatan": "", "sumber_dana": s, "anggaran": a}
            for k, s, u, a in revenue]
    rows += [line for keg in kegiatan for line in keg.lines]
    for row in rows:
        row.update(kode_desa=kode_desa, tahun_anggaran=year, tahap=tahap, realisasi=None,
                   keterangan=row.get("keterangan"))
        if row["kode_kegiatan"] == "5.3.01":
            row["keterangan"] = "KPM ditetapkan dalam Musdes Khusus"
        if tahap == "realisasi_tahunan":
            _realise(row, r)
    rows.sort(key=lambda x: (x["kode_rekening"][0], x["kode_kegiatan"], x["kode_rekening"],
                             x["sumber_dana"], x["uraian"]))
    return Budget(v, year, tahap, kpm, kegiatan, rows)


# ---------------------------------------------------------------- kegiatan list


def _status(budget_only: bool, r: random.Random) -> tuple[str, int]:
    if budget_only:
        status = r.choices(["rencana", "berjalan", "selesai"], [4, 4, 2])[0]
    else:
        status = r.choices(["selesai", "tertunda", "berjalan"], [22, 1, 1])[0]
    progres = {"selesai": 100, "rencana": 0, "berjalan": r.randint(10, 95), "tertunda": r.randint(20, 80)}
    return status, progres[status]


def kegiatan_rows(budget: Budget) -> list[dict[str, Any]]:
    """One row per development/empowerment kegiatan (bidang 2-5 and 1.2) of the APBDes."""
    r = _rng(budget.village.kode_desa, budget.year, "kegiatan")
    rows = []
    for keg in budget.kegiatan:
        if keg.kode.startswith("1.") and not keg.kode.startswith("1.2."):
            continue
        spec = keg.spec
        by_source: dict[str, int] = {}
        for line in keg.lines:
            by_source[line["sumber_dana"]] = by_source.get(line["sumber_dana"], 0) + line["anggaran"]
        if "harga" in spec:
            volume = max(1, round(keg.anggaran / (spec["harga"] * r.uniform(0.85, 1.15))))
        else:
            volume = budget.kpm if spec["volume"] == "kpm" else keg.volume
        start = dt.date(budget.year, r.randint(2, 8), r.randint(1, 28))
        end = min(start + dt.timedelta(days=r.randint(14, 120)), dt.date(budget.year, 12, 31))
        if keg.kode == "5.3.01" or spec.get("volume") == [12, 12]:  # monthly services run all year
            start, end = dt.date(budget.year, 1, 1), dt.date(budget.year, 12, 31)
        status, progres = _status(budget.tahap == "anggaran", r)
        if budget.tahap != "anggaran" and not any(line["realisasi"] for line in keg.lines):
            status, progres = "batal", 0
        nama = spec["nama"].format(lokasi=keg.lokasi, tahun=budget.year, hut_ri=budget.year - 1945)
        rows.append({
            "kode_desa": budget.village.kode_desa, "tahun": budget.year, "kode_kegiatan": keg.kode,
            "nama_kegiatan": nama, "lokasi": keg.lokasi, "volume": volume, "satuan": spec["satuan"],
            "anggaran": keg.anggaran, "sumber_dana": max(sorted(by_source), key=by_source.__getitem__),
            "pelaksana": spec["pelaksana"], "tanggal_mulai": start, "tanggal_selesai": end,
            "progres_persen": progres, "status": status,
            "keterangan": "Bantuan keuangan kabupaten" if keg.sumber_override == "PBK" else None,
        })
    return rows


# ---------------------------------------------------------------- musyawarah


def musyawarah_rows(v: Village, year: int) -> list[dict[str, Any]]:
    """3-5 village meetings of the year; the December one adopts next year's APBDes."""
    spec = _data()["musyawarah"]
    r = _rng(v.kode_desa, year, "musyawarah")
    p = profile(v.kode_desa)
    jenis_list = list(spec["always"]) + r.sample(spec["optional"], r.randint(0, 2))
    next_budget = build_budget(v.kode_desa, year + 1, "anggaran")
    fmt = {"tahun": year, "tahun_depan": year + 1, "tahun_lalu": year - 1, "nama_desa": v.nama_desa,
           "kpm": build_budget(v.kode_desa, year).kpm, "dusun": f"Dusun {ROMAN[r.randrange(p.n_dusun)]}",
           "pendapatan": _rupiah(next_budget.total("4")), "belanja": _rupiah(next_budget.total("5")),
           "pembiayaan": _rupiah(next_budget.total("6.1") - next_budget.total("6.2"))}
    rows = []
    for jenis in jenis_list:
        js = spec["jenis"][jenis]
        tanggal = dt.date(year, r.randint(*js["bulan"]), r.randint(3, 27))
        if tanggal.weekday() == 6:
            tanggal += dt.timedelta(days=1)
        undangan = r.randint(*js["undangan"])
        hadir = round(undangan * r.uniform(0.7, 1.0))
        perempuan = r.randint(math.ceil(hadir * 0.2), math.floor(hadir * 0.45))  # women 20-45 %
        fmt["n_usulan"] = r.randint(6, 18)
        url = (f"https://desa-{v.slug}.example.id/berita-acara/{tanggal.isoformat()}-"
               f"{jenis.lower().replace(' ', '-')}.pdf") if r.random() < 0.7 else None
        rows.append({
            "kode_desa": v.kode_desa, "tanggal": tanggal, "jenis_musyawarah": jenis,
            "tempat": f"Balai Desa {v.nama_desa}", "pimpinan": "Ketua BPD", "jumlah_undangan": undangan,
            "hadir_laki_laki": hadir - perempuan, "hadir_perempuan": perempuan,
            "agenda": js["agenda"].format(**fmt), "keputusan": js["keputusan"].format(**fmt),
            "dokumen_url": url,
        })
    return sorted(rows, key=lambda x: (x["tanggal"], x["jenis_musyawarah"]))


# ---------------------------------------------------------------- writers


def input_names(record_type: str) -> list[str]:
    """The columns an operator writes: the schema's fields but the derived ones."""
    return [f.name for f in definitions()[record_type].input_fields]


def generate(out_dir: Path, *, kecamatan: str = "62.02.16",
             years: Sequence[int] = (2023, 2024, 2025)) -> list[Path]:
    """Write the sample submissions of every desa of ``kecamatan`` for ``years``; return the paths."""
    out_dir = Path(out_dir)
    desa = sorted(k for k, v in villages().items() if v.kode_kecamatan == kecamatan and v.jenis == "desa")
    if not desa:
        raise ValueError(f"no desa in kecamatan {kecamatan!r}")
    written = []
    for year in years:
        budget_only = _anggaran_only(kecamatan, year)
        for kode in desa:
            v = villages()[kode]
            folder = out_dir / f"{kode}-{v.slug}"
            folder.mkdir(parents=True, exist_ok=True)
            budget = build_budget(kode, year, "anggaran" if kode in budget_only else "realisasi_tahunan")
            files = {
                folder / f"apbdes_{year}.csv": lambda p: write_csv(p, input_names("apbdes"), budget.rows),
                folder / f"kegiatan_{year}.xlsx": lambda p: write_xlsx(p, "Kegiatan", input_names("kegiatan"),
                                                                     kegiatan_rows(budget)),
                folder / f"musyawarah_{year}.csv": lambda p: write_csv(p, input_names("musyawarah"),
                                                                      musyawarah_rows(v, year)),
            }
            for path, write in files.items():
                write(path)
                set_delivery_time(path, delivered_at(kode, year, path.stem.split("_")[0], budget.tahap))
                written.append(path)
    return sorted(written)
