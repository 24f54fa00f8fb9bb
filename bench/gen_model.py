"""The substance of the bench's generated data: one village-year's APBDes, kegiatan and musyawarah.

Every value is a pure function of (seed, village code, year, detail): ``random.Random`` seeded
with a readable string. The kegiatan catalogue (Permendagri 20/2018 codes, spending lines per
kegiatan, meeting types) is the one the project's sample generator curates
(``desa_terbuka/authoring/sample_data.yaml``); this module adds what a benchmark needs: more
lines per APBDes (rincian), more kegiatan, invented villages for a national run, and budgets
that balance by construction (every revenue pool is spent exactly, so pendapatan + pembiayaan
netto = belanja; realisation never exceeds the budget and never overspends realised funds).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Iterator

import yaml

from desa_terbuka.authoring.sample import DATA_FILE
from desa_terbuka.core.reference import slugify, villages

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
BLT_PER_KPM = 300_000 * 12
NON_ACTIVITY = "0.0.00"
PERIODS = {2: ["Januari–Juni", "Juli–Desember"],
           3: ["Januari–April", "Mei–Agustus", "September–Desember"],
           4: ["triwulan I", "triwulan II", "triwulan III", "triwulan IV"],
           6: ["Januari–Februari", "Maret–April", "Mei–Juni", "Juli–Agustus", "September–Oktober",
               "November–Desember"]}
# Invented villages of a national run: province 99 does not exist (Kemendagri codes stop at 97).
FAKE_PROVINCE = "99"
NATIONAL_VILLAGES = 75_000
FAKE_PER_KECAMATAN, FAKE_KECAMATAN_PER_KAB = 20, 50


@cache
def catalogue() -> dict[str, Any]:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


def rng(seed: int | str, *parts: object) -> random.Random:
    return random.Random(":".join(str(p) for p in (seed, *parts)))


def round_k(amount: float) -> int:
    """Down to a multiple of Rp1.000."""
    return int(amount) // 1000 * 1000


def rupiah(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


# ---------------------------------------------------------------- villages


@dataclass(frozen=True)
class Place:
    kode_desa: str
    nama_desa: str
    nama_kecamatan: str

    @property
    def slug(self) -> str:
        return slugify(self.nama_desa)

    @property
    def folder(self) -> str:
        return f"{self.kode_desa}-{self.slug}"


def kotim_desa() -> list[Place]:
    """The desa (not kelurahan) of the project's reference village table, in code order."""
    return [Place(v.kode_desa, v.nama_desa, v.nama_kecamatan)
            for k, v in sorted(villages().items()) if v.jenis == "desa"]


def national_places(count: int = NATIONAL_VILLAGES) -> Iterator[Place]:
    """Invented villages 99.KK.CC.2VVV: 20 per kecamatan, 50 kecamatan per kabupaten."""
    for i in range(count):
        kab, rest = divmod(i, FAKE_PER_KECAMATAN * FAKE_KECAMATAN_PER_KAB)
        kec, vil = divmod(rest, FAKE_PER_KECAMATAN)
        code = f"{FAKE_PROVINCE}.{kab + 1:02d}.{kec + 1:02d}.{2001 + vil}"
        yield Place(code, f"Contoh {kab + 1:02d}-{kec + 1:02d}-{vil + 1:02d}",
                    f"Contoh {kab + 1:02d}-{kec + 1:02d}")


# ---------------------------------------------------------------- how detailed a budget is


@dataclass(frozen=True)
class Detail:
    """How many kegiatan a budget has and into how many rincian each catalogue line splits."""

    name: str
    infra: tuple[int, int]
    other: tuple[int, int]
    split_weights: tuple[int, ...]  # weights of 1, 2, 3 ... rincian per catalogue line


DISTRICT = Detail("district", (3, 5), (4, 8), (3, 4, 3, 1))        # ~105 APBDes lines
NATIONAL = Detail("national", (4, 7), (8, 12), (1, 2, 3, 3, 2, 1))  # ~200 APBDes lines
DETAILS = {d.name: d for d in (DISTRICT, NATIONAL)}


# ---------------------------------------------------------------- APBDes


@dataclass(frozen=True)
class Profile:
    n_dusun: int
    n_rt: int
    dd_base: int
    add_base: int
    pad_kode: str


def profile(seed: int | str, kode_desa: str) -> Profile:
    r = rng(seed, kode_desa, "profil")
    return Profile(r.randint(2, 4), r.randint(6, 14), r.randint(720, 1020) * 1_000_000,
                   r.randint(380, 600) * 1_000_000, r.choice(["4.1.1.01", "4.1.2.01"]))


def revenue(seed: int | str, place: Place, year: int) -> tuple[list[dict[str, Any]], bool]:
    """Revenue and financing lines (kode_kegiatan 0.0.00), and whether a PBK grant is among them."""
    p = profile(seed, place.kode_desa)
    r = rng(seed, place.kode_desa, year, "pendapatan")
    trend = 1.0 + 0.02 * (year - 2023)
    pad = "Bagi hasil usaha BUMDes" if p.pad_kode == "4.1.1.01" else "Hasil sewa tanah kas desa"
    lines = [
        ("4.2.1.01", "DDS", f"Dana Desa TA {year}", round_k(p.dd_base * trend * r.uniform(0.95, 1.08))),
        ("4.2.3.01", "ADD", f"Alokasi Dana Desa TA {year}", round_k(p.add_base * r.uniform(0.95, 1.08))),
        ("4.2.2.01", "PBH", "Bagi hasil pajak dan retribusi daerah kabupaten", r.randint(20, 60) * 1_000_000),
        (p.pad_kode, "PAD", pad, r.randint(5, 25) * 1_000_000),
        ("4.3.6.01", "DLL", "Bunga rekening kas desa", r.randint(1_000, 5_000) * 1_000),
        ("6.1.1.01", "DDS", f"SILPA TA {year - 1}", r.randint(10, 80) * 1_000_000),
    ]
    has_pbk = r.random() < 0.35
    if has_pbk:
        lines.append(("4.2.5.01", "PBK", "Bantuan keuangan APBD kabupaten untuk infrastruktur desa",
                      r.randint(10, 30) * 10_000_000))
    if r.random() < 0.3:
        lines.append(("6.2.2.01", "DDS", "Penyertaan modal desa kepada BUMDes", r.randint(2, 5) * 10_000_000))
    rows = [{"kode_rekening": k, "uraian": u, "kode_kegiatan": NON_ACTIVITY, "sumber_dana": s,
             "anggaran": a} for k, s, u, a in lines]
    return rows, has_pbk


def totals(rows: list[dict[str, Any]], key: str = "anggaran") -> dict[str, int]:
    """pendapatan, belanja and pembiayaan netto of APBDes lines."""
    def total(prefix: str) -> int:
        return sum(row[key] or 0 for row in rows if row["kode_rekening"].startswith(prefix))
    return {"pendapatan": total("4"), "belanja": total("5"), "pembiayaan": total("6.1") - total("6.2")}


@dataclass
class Kegiatan:
    kode: str
    spec: dict[str, Any]
    sumber_override: str | None = None
    lines: list[dict[str, Any]] = field(default_factory=list)

    @property
    def anggaran(self) -> int:
        return sum(line["anggaran"] for line in self.lines)


def _pick_kegiatan(detail: Detail, has_pbk: bool, r: random.Random) -> list[Kegiatan]:
    c = catalogue()
    infra = [k for k in c["infra"] if not (has_pbk and k == c["pbk_kegiatan"])]
    codes = list(c["core"]) + r.sample(infra, min(len(infra), r.randint(*detail.infra))) \
        + r.sample(c["other"], min(len(c["other"]), r.randint(*detail.other)))
    if has_pbk:
        codes.append(c["pbk_kegiatan"])
    return [Kegiatan(k, c["kegiatan"][k], "PBK" if has_pbk and k == c["pbk_kegiatan"] else None)
            for k in sorted(codes)]


def _rincian(uraian: str, n: int) -> list[str]:
    """The uraian of n rincian of one catalogue line (periods for monthly costs, else stages)."""
    if n == 1:
        return [uraian]
    if "12 bulan" in uraian and n in PERIODS:
        return [uraian.replace("12 bulan", period) for period in PERIODS[n]]
    return [f"{uraian} – tahap {ROMAN[i]}" for i in range(n)]


def _allocate(kegiatan: list[Kegiatan], pools: dict[str, int], kpm: int, year: int,
              detail: Detail, r: random.Random) -> None:
    """Spend every pool exactly over the kegiatan lines (the last rincian takes the remainder)."""
    slots: dict[str, list[tuple[Kegiatan, str, str, float]]] = {}
    fmt = {"kpm": kpm, "tahun": year}
    for keg in kegiatan:
        for kode_rekening, sumber, weight, uraian in keg.spec["lines"]:
            sumber = keg.sumber_override or sumber
            text = uraian.format(**fmt)
            if weight == 0:  # BLT-DD: KPM x Rp300.000 x 12, one line
                slots.setdefault(sumber, []).append((keg, kode_rekening, text, 0.0))
                continue
            n = r.choices(range(1, len(detail.split_weights) + 1), detail.split_weights)[0]
            share = weight * r.uniform(0.75, 1.3) / n
            for piece in _rincian(text, n):
                slots.setdefault(sumber, []).append((keg, kode_rekening, piece, share * r.uniform(0.8, 1.2)))
    if set(slots) != set(pools):
        raise ValueError(f"sumber dana without spending lines or revenue: {set(slots) ^ set(pools)}")
    for sumber, entries in slots.items():
        remaining = pools[sumber] - sum(kpm * BLT_PER_KPM for e in entries if e[3] == 0)
        total_w = sum(e[3] for e in entries)
        last = max(i for i, e in enumerate(entries) if e[3] != 0)
        spent = 0
        for i, (keg, kode_rekening, text, w) in enumerate(entries):
            if w == 0:
                amount = kpm * BLT_PER_KPM
            elif i == last:
                amount = remaining - spent
            else:
                amount = round_k(remaining * w / total_w)
                spent += amount
            keg.lines.append({"kode_rekening": kode_rekening, "uraian": text, "kode_kegiatan": keg.kode,
                              "sumber_dana": sumber, "anggaran": amount})


def _pools(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Money to spend per sumber dana (bank interest, DLL, is spent as PAD; 6.2 is spent already)."""
    pools: dict[str, int] = {}
    for row in rows:
        key = "PAD" if row["sumber_dana"] == "DLL" else row["sumber_dana"]
        sign = -1 if row["kode_rekening"].startswith("6.2") else 1
        pools[key] = pools.get(key, 0) + sign * row["anggaran"]
    return pools


def _realise(rows: list[dict[str, Any]], r: random.Random) -> None:
    """Year-end realisation: transfers, financing and salaries in full, other lines 80-100 %."""
    for row in rows:
        kode = row["kode_rekening"]
        if kode[:5] in {"4.2.1", "4.2.3", "6.1.1", "6.2.2"} or kode.startswith("5.1") or r.random() < 0.1:
            row["realisasi"] = row["anggaran"]
        elif kode.startswith("5") and r.random() < 0.02:
            row["realisasi"], row["keterangan"] = 0, "Kegiatan tidak terlaksana, menjadi SILPA"
        else:
            row["realisasi"] = round_k(row["anggaran"] * r.uniform(0.8, 1.0))
    t = totals(rows, "realisasi")
    over = t["belanja"] - t["pendapatan"] - t["pembiayaan"]
    for row in sorted((x for x in rows if x["kode_rekening"][:3] in ("5.2", "5.3")),
                      key=lambda x: -x["realisasi"]):
        if over <= 0:
            break
        cut = min(over, row["realisasi"] // 2)
        row["realisasi"] -= cut
        over -= cut


@dataclass
class VillageYear:
    place: Place
    year: int
    tahap: str
    kpm: int
    n_dusun: int
    apbdes: list[dict[str, Any]]
    kegiatan: list[dict[str, Any]]
    musyawarah: list[dict[str, Any]]


def budget_only(seed: int | str, kode_desa: str, year: int, last_year: int) -> bool:
    """About one village in ten has only sent the budget (no realisation) of the latest year."""
    return year == last_year and rng(seed, kode_desa, year, "tahap").random() < 0.1


def build(seed: int | str, place: Place, year: int, detail: Detail = DISTRICT,
          anggaran_only: bool = False) -> VillageYear:
    """Everything one village reports for one year, consistent across the three record types."""
    r = rng(seed, place.kode_desa, year, "apbdes")
    rows, has_pbk = revenue(seed, place, year)
    kpm = r.randint(12, 35)
    kegiatan = _pick_kegiatan(detail, has_pbk, r)
    _allocate(kegiatan, _pools(rows), kpm, year, detail, r)
    rows += [line for keg in kegiatan for line in keg.lines]
    tahap = "anggaran" if anggaran_only else "realisasi_tahunan"
    for row in rows:
        row.update(kode_desa=place.kode_desa, tahun_anggaran=year, tahap=tahap, realisasi=None)
        row.setdefault("keterangan", None)
        if row["kode_kegiatan"] == "5.3.01":
            row["keterangan"] = "KPM ditetapkan dalam Musdes Khusus"
    if not anggaran_only:
        _realise(rows, r)
    rows.sort(key=lambda x: (x["kode_rekening"][0], x["kode_kegiatan"], x["kode_rekening"],
                             x["sumber_dana"], x["uraian"]))
    p = profile(seed, place.kode_desa)
    vy = VillageYear(place, year, tahap, kpm, p.n_dusun, rows, [], [])
    vy.kegiatan = kegiatan_rows(seed, vy, kegiatan)
    vy.musyawarah = musyawarah_rows(seed, vy)
    return vy


# ---------------------------------------------------------------- kegiatan list


def _lokasi(kind: str, place: Place, dusun: int, rt: int) -> str:
    d = f"Dusun {ROMAN[dusun]}"
    return {"dusun": d, "rt": f"RT {rt:02d} {d}", "balai": f"Balai Desa {place.nama_desa}",
            "kantor": f"Kantor Desa {place.nama_desa}", "posyandu": f"Posyandu {d}",
            "paud": f"PAUD Desa {place.nama_desa}"}.get(kind, f"Desa {place.nama_desa}")


def _status(anggaran_only: bool, realised: bool, r: random.Random) -> tuple[str, int]:
    if anggaran_only:
        status = r.choices(["rencana", "berjalan", "selesai"], [4, 4, 2])[0]
    elif not realised:
        return "batal", 0
    else:
        status = r.choices(["selesai", "tertunda", "berjalan"], [22, 1, 1])[0]
    return status, {"selesai": 100, "rencana": 0}.get(status, r.randint(10, 95))


def kegiatan_rows(seed: int | str, vy: VillageYear, kegiatan: list[Kegiatan]) -> list[dict[str, Any]]:
    """One row per listed kegiatan (bidang 2-5 and 1.2); located works may be split by dusun."""
    r = rng(seed, vy.place.kode_desa, vy.year, "kegiatan")
    p = profile(seed, vy.place.kode_desa)
    rows = []
    for keg in kegiatan:
        spec = keg.spec
        if "nama" not in spec:
            continue
        by_source: dict[str, int] = {}
        for line in keg.lines:
            by_source[line["sumber_dana"]] = by_source.get(line["sumber_dana"], 0) + line["anggaran"]
        realised = any(line.get("realisasi") for line in keg.lines)
        splittable = "{lokasi}" in spec["nama"] and "harga" in spec and p.n_dusun >= 2
        n = r.choice([1, 2]) if splittable else 1
        dusun = r.sample(range(p.n_dusun), n)
        spent = 0
        for i in range(n):
            anggaran = keg.anggaran - spent if i == n - 1 else round_k(keg.anggaran * r.uniform(0.35, 0.65))
            spent += anggaran
            lokasi = _lokasi(spec.get("lokasi", "desa"), vy.place, dusun[i], r.randint(1, p.n_rt))
            if "harga" in spec:
                volume = max(1, round(anggaran / (spec["harga"] * r.uniform(0.85, 1.15))))
            elif spec["volume"] == "kpm":
                volume = vy.kpm
            else:
                volume = r.randint(*spec["volume"])
            start = dt.date(vy.year, r.randint(2, 8), r.randint(1, 28))
            end = min(start + dt.timedelta(days=r.randint(14, 120)), dt.date(vy.year, 12, 31))
            if keg.kode == "5.3.01" or spec.get("volume") == [12, 12]:
                start, end = dt.date(vy.year, 1, 1), dt.date(vy.year, 12, 31)
            status, progres = _status(vy.tahap == "anggaran", realised, r)
            nama = spec["nama"].format(lokasi=lokasi, tahun=vy.year, hut_ri=vy.year - 1945)
            rows.append({
                "kode_desa": vy.place.kode_desa, "tahun": vy.year, "kode_kegiatan": keg.kode,
                "nama_kegiatan": nama, "lokasi": lokasi, "volume": volume, "satuan": spec["satuan"],
                "anggaran": anggaran, "sumber_dana": max(sorted(by_source), key=by_source.__getitem__),
                "pelaksana": spec["pelaksana"], "tanggal_mulai": start, "tanggal_selesai": end,
                "progres_persen": progres, "status": status,
                "keterangan": "Bantuan keuangan kabupaten" if keg.sumber_override == "PBK" else None,
            })
    return rows


# ---------------------------------------------------------------- musyawarah


def _meeting_date(year: int, months: list[int], r: random.Random, taken: set[dt.date]) -> dt.date:
    while True:
        day = dt.date(year, r.randint(*months), r.randint(3, 27))
        if day.weekday() == 6:  # no meetings on Sunday
            day += dt.timedelta(days=1)
        if day not in taken:
            taken.add(day)
            return day


def musyawarah_rows(seed: int | str, vy: VillageYear) -> list[dict[str, Any]]:
    """3-9 meetings: the three every village holds, a Musdus per dusun sometimes, 0-3 others.
    The December Musdes adopts next year's APBDes, quoting its totals."""
    spec = catalogue()["musyawarah"]
    r = rng(seed, vy.place.kode_desa, vy.year, "musyawarah")
    optional = r.sample(spec["optional"], r.randint(0, 3))
    jenis_list = [(j, None) for j in spec["always"] + [o for o in optional if o != "Musdus"]]
    if "Musdus" in optional:
        jenis_list += [("Musdus", d) for d in range(vy.n_dusun)]
    upcoming = totals(revenue(seed, vy.place, vy.year + 1)[0])  # belanja = pendapatan + netto
    fmt = {"tahun": vy.year, "tahun_depan": vy.year + 1, "tahun_lalu": vy.year - 1,
           "nama_desa": vy.place.nama_desa, "kpm": vy.kpm, "pendapatan": rupiah(upcoming["pendapatan"]),
           "belanja": rupiah(upcoming["pendapatan"] + upcoming["pembiayaan"]),
           "pembiayaan": rupiah(upcoming["pembiayaan"])}
    rows, taken = [], set()
    for jenis, dusun in jenis_list:
        js = spec["jenis"][jenis]
        tanggal = _meeting_date(vy.year, js["bulan"], r, taken)
        undangan = r.randint(*js["undangan"])
        hadir = round(undangan * r.uniform(0.7, 1.0))
        perempuan = r.randint(math.ceil(hadir * 0.2), math.floor(hadir * 0.45))
        place = f"Dusun {ROMAN[dusun if dusun is not None else r.randrange(vy.n_dusun)]}"
        text = {**fmt, "dusun": place, "n_usulan": r.randint(6, 18)}
        url = (f"https://desa-{vy.place.slug}.example.id/berita-acara/{tanggal.isoformat()}-"
               f"{jenis.lower().replace(' ', '-')}.pdf") if r.random() < 0.7 else None
        rows.append({
            "kode_desa": vy.place.kode_desa, "tanggal": tanggal, "jenis_musyawarah": jenis,
            "tempat": f"Balai {place}" if dusun is not None else f"Balai Desa {vy.place.nama_desa}",
            "pimpinan": "Kepala Dusun" if dusun is not None else "Ketua BPD",
            "jumlah_undangan": undangan, "hadir_laki_laki": hadir - perempuan,
            "hadir_perempuan": perempuan, "agenda": js["agenda"].format(**text),
            "keputusan": js["keputusan"].format(**text), "dokumen_url": url,
        })
    return sorted(rows, key=lambda x: (x["tanggal"], x["jenis_musyawarah"]))


def extend_reference(count: int = NATIONAL_VILLAGES) -> int:
    """Bench only, in this process: add the invented villages to the pipeline's reference village
    table (which holds Kotim only and cannot be configured), so a national simulation measures
    the normal path instead of 'unknown village' on every row. Returns the table's size."""
    from desa_terbuka.core.reference import Village
    from desa_terbuka.normalise import village_match

    table = villages()
    for p in national_places(count):
        kecamatan, kabupaten = p.kode_desa.rsplit(".", 1)[0], p.kode_desa[:5]
        table[p.kode_desa] = Village(p.kode_desa, p.nama_desa, "desa", kecamatan, p.nama_kecamatan,
                                     kabupaten, f"Kabupaten Contoh {kabupaten[3:]}")
    village_match._index.cache_clear()
    return len(table)
