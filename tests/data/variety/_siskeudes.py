"""Siskeudes 2.0 export ZIPs of the variety corpus (the CSV tables OpenSID imports; column lists
from reference/siskeudes_export_format.csv). Kd_Desa values are local to the Pemda's database and
mapped by tests/data/variety/siskeudes_desa.yaml (DESA_SISKEUDES_MAPPING)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from _common import (
    ACTIVITIES,
    HERE,
    Line,
    Registry,
    activity,
    apbdes_totals,
    budget,
    check_budget,
    dotted,
    siskeudes_keg,
    village,
    write_zip,
)

RAB_RINCI = ["Tahun", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "Kd_SubRinci", "No_Urut", "SumberDana", "Uraian", "Satuan",
             "JmlSatuan", "HrgSatuan", "Anggaran", "JmlSatuanPAK", "HrgSatuanPAK", "AnggaranStlhPAK", "AnggaranPAK", "Kode_SBU"]
RAB = ["Tahun", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "Anggaran", "AnggaranPAK", "AnggaranStlhPAK", "Kd_SubRinci"]
KEGIATAN = ["Tahun", "Kd_Desa", "Kd_Bid", "Kd_Keg", "ID_Keg", "Nama_Kegiatan", "Pagu", "Pagu_PAK", "Nm_PPTKD", "NIP_PPTKD",
            "Lokasi", "Waktu", "Keluaran", "Sumberdana", "Jbt_PPTKD", "Kd_Sub", "Nilai", "NilaiPAK", "Satuan"]
SPJ = ["Tahun", "No_SPJ", "Kd_Keg", "Kd_Rincian", "Sumberdana", "Kd_Desa", "No_SPP", "JmlCair", "Nilai", "Alamat", "Sisa", "Kd_SubRinci"]
TBP = ["Tahun", "No_Bukti", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "RincianSD", "SumberDana", "{nilai}", "Kd_SubRinci"]
SUMBER = [("PAD", "Pendapatan Asli Desa", 1), ("ADD", "Alokasi Dana Desa", 2), ("DDS", "Dana Desa (APBN)", 3),
          ("PBH", "Bagi Hasil Pajak dan Retribusi", 4), ("PBK", "Bantuan Keuangan Kabupaten", 5),
          ("PBP", "Bantuan Keuangan Provinsi", 6), ("SWD", "Swadaya Masyarakat", 7), ("DLL", "Pendapatan Lain Lain", 8)]
LAIN_LAIN = ("2.3.99", "02.03.99", "Lain-lain Kegiatan Sub Bidang Pekerjaan Umum dan Penataan Ruang")


def table(columns: list[str], rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def d(v: Decimal) -> str:
    return str(int(v)) if v == v.to_integral() else str(v)


def _ref_kegiatan(codes: set[str], dot: bool) -> list[dict]:
    rows = []
    for kode in sorted(codes | {"2.3.10", "2.3.11", "2.3.12"}):
        if kode == LAIN_LAIN[0]:
            rows.append(dict(Kd_Bid="02", ID_Keg=LAIN_LAIN[1] + ("." if dot else ""), Nama_Kegiatan=LAIN_LAIN[2],
                             Jns_Kegiatan="1", Kd_Sub="02.03"))
            continue
        sis = siskeudes_keg(kode)
        rows.append(dict(Kd_Bid=sis[:2], ID_Keg=sis if dot else sis.rstrip("."), Nama_Kegiatan=activity(kode),
                         Jns_Kegiatan="1", Kd_Sub=sis[:5]))
    return rows


def _keg_code(kd_desa: str, keg: str, dot: bool) -> str:
    if not keg:
        return kd_desa + ("00.00.00." if dot else "00.00.00")
    sis = LAIN_LAIN[1] + "." if keg == LAIN_LAIN[0] else siskeudes_keg(keg)
    return kd_desa + (sis if dot else sis.rstrip("."))


def _rinci(lines: list[Line], tahun: int, kd_desa: str, dot: bool, pak: dict[int, Decimal] | None = None) -> list[dict]:
    """Ta_RABRinci rows; a few belanja lines are written as two rincian (volume x price)."""
    rows = []
    for n, x in enumerate(lines):
        after = x.ang
        before = pak.get(n, after) if pak else after
        parts = [(before, after)]
        if x.group == "belanja" and n % 3 == 0 and before >= 2_000_000:
            a1, b1 = before // 2 // 1000 * 1000, after // 2 // 1000 * 1000
            parts = [(a1, b1), (before - a1, after - b1)]
        for i, (b, a) in enumerate(parts, 1):
            rows.append(dict(Tahun=tahun, Kd_Desa=kd_desa, Kd_Keg=_keg_code(kd_desa, x.keg, dot), Kd_Rincian=dotted(x.rek),
                             Kd_SubRinci="01", No_Urut=f"{i:02d}", SumberDana=x.sd,
                             Uraian=x.uraian if len(parts) == 1 else f"{x.uraian} tahap {i}", Satuan="paket", JmlSatuan=1,
                             HrgSatuan=d(b), Anggaran=d(b), JmlSatuanPAK=1, HrgSatuanPAK=d(a), AnggaranStlhPAK=d(a),
                             AnggaranPAK=d(a - b), Kode_SBU=""))
    return rows


def _rab(rinci: list[dict]) -> list[dict]:
    out: dict[tuple, dict] = {}
    for r in rinci:
        key = (r["Kd_Desa"], r["Kd_Keg"], r["Kd_Rincian"])
        row = out.setdefault(key, dict(Tahun=r["Tahun"], Kd_Desa=key[0], Kd_Keg=key[1], Kd_Rincian=key[2],
                                       Anggaran=Decimal(0), AnggaranPAK=Decimal(0), AnggaranStlhPAK=Decimal(0), Kd_SubRinci="01"))
        for c in ("Anggaran", "AnggaranPAK", "AnggaranStlhPAK"):
            row[c] += Decimal(r[c])
    return [{**r, **{c: d(r[c]) for c in ("Anggaran", "AnggaranPAK", "AnggaranStlhPAK")}} for r in out.values()]


def _kegiatan(lines: list[Line], tahun: int, kd_desa: str, dot: bool) -> list[dict]:
    pagu: dict[str, Decimal] = {}
    for x in lines:
        if x.keg:
            pagu[x.keg] = pagu.get(x.keg, Decimal(0)) + x.ang
    rows = []
    for keg, amount in pagu.items():
        code = _keg_code(kd_desa, keg, dot)
        sis = code[len(kd_desa):]
        nama = LAIN_LAIN[2] if keg == LAIN_LAIN[0] else activity(keg)
        rows.append(dict(Tahun=tahun, Kd_Desa=kd_desa, Kd_Bid=kd_desa + sis[:2], Kd_Keg=code, ID_Keg=sis, Nama_Kegiatan=nama,
                         Pagu=d(amount), Pagu_PAK=0, Nm_PPTKD="Kaur Perencanaan", NIP_PPTKD="", Lokasi="Desa", Waktu="12 Bulan",
                         Keluaran="", Sumberdana="", Jbt_PPTKD="Kaur", Kd_Sub=kd_desa + sis[:5], Nilai=d(amount), NilaiPAK=0,
                         Satuan="Paket"))
    return rows


def _pemda(tahun: int) -> bytes:
    return table(["Tahun", "Kd_Prov", "Kd_Kab", "Nama_Pemda", "Nama_Provinsi", "Ibukota"], [
        dict(Tahun=tahun, Kd_Prov="62", Kd_Kab="02", Nama_Pemda="Kabupaten Kotawaringin Timur",
             Nama_Provinsi="Kalimantan Tengah", Ibukota="Sampit")])


def realisasi_no_dot(reg: Registry) -> dict:
    """V2.0 R2.0.0. export of one desa, realised; kegiatan codes without trailing dot, a
    02.03.99 'Lain-lain Kegiatan Sub Bidang …' listed in its own Ref_Kegiatan."""
    kode, tahun, kd_desa = "62.02.16.2009", 2024, "16.09."
    nama, kec = village(kode)
    lines = budget(dd=934_600_000, add=444_800_000, pbk=42_000_000, silpa=21_300_000, modal=20_000_000, real="tahunan")
    extra = Line("5.2.1.08", "Papan Nama Jalan dan Gang", "2.3.10", "DDS", 7_500_000, 7_500_000)
    extra.keg = LAIN_LAIN[0]  # a kegiatan the national list lacks; the export's own Ref_Kegiatan names it
    road = next(x for x in lines if x.rek == "5.3.5.03")
    road.ang -= extra.ang
    road.real = min(road.real, road.ang)
    lines.append(extra)
    check_budget(lines)
    rinci = _rinci(lines, tahun, kd_desa, dot=False)
    spj, tbp = [], []
    for n, x in enumerate(lines, 1):
        keg = _keg_code(kd_desa, x.keg, False)
        if x.group in ("belanja", "pembiayaan_pengeluaran") and x.real:
            spj.append(dict(Tahun=tahun, No_SPJ=f"{n:04d}/SPJ/{kd_desa[:-1]}/{tahun}", Kd_Keg=keg, Kd_Rincian=dotted(x.rek),
                            Sumberdana=x.sd, Kd_Desa=kd_desa, No_SPP=f"{n:04d}/SPP/{kd_desa[:-1]}/{tahun}", JmlCair=d(x.real),
                            Nilai=d(x.real), Alamat="", Sisa=0, Kd_SubRinci="01"))
        elif x.group in ("pendapatan", "pembiayaan_penerimaan") and x.real:
            tbp.append({"Tahun": tahun, "No_Bukti": f"{n:04d}/TBP/{kd_desa[:-1]}/{tahun}", "Kd_Desa": kd_desa, "Kd_Keg": keg,
                        "Kd_Rincian": dotted(x.rek), "RincianSD": dotted(x.rek) + x.sd, "SumberDana": x.sd,
                        "Nilai": d(x.real), "Kd_SubRinci": "01"})
    members = {
        "Ref_Version.csv": b"Versi,Tgl_Rilis\r\nV2.0 R2.0.0.,2019-01-02 00:00:00\r\n",
        "Ta_Pemda.csv": _pemda(tahun),
        "Ref_Kecamatan.csv": table(["Kd_Kec", "Nama_Kecamatan"], [dict(Kd_Kec="16.", Nama_Kecamatan=kec)]),
        "Ref_Desa.csv": table(["Kd_Kec", "Kd_Desa", "Nama_Desa"], [dict(Kd_Kec="16.", Kd_Desa=kd_desa, Nama_Desa=nama)]),
        "Ref_Sumber.csv": table(["Kode", "Nama_Sumber", "Urut"], [dict(Kode=a, Nama_Sumber=b, Urut=c) for a, b, c in SUMBER]),
        "Ref_Kegiatan.csv": table(["Kd_Bid", "ID_Keg", "Nama_Kegiatan", "Jns_Kegiatan", "Kd_Sub"],
                                  _ref_kegiatan({x.keg for x in lines if x.keg}, dot=False)),
        "Ta_Kegiatan.csv": table(KEGIATAN, _kegiatan(lines, tahun, kd_desa, dot=False)),
        "Ta_RAB.csv": table(RAB, _rab(rinci)),
        "Ta_RABRinci.csv": table(RAB_RINCI, rinci),
        "Ta_SPJRinci.csv": table(SPJ, spj),
        "Ta_TBPRinci.csv": table([c.replace("{nilai}", "Nilai") for c in TBP], tbp),
    }
    name = f"siskeudes_2.0_{nama.lower().replace(' ', '_')}_{tahun}.zip"
    write_zip(HERE / name, members)
    reg.add(name, "apbdes", kode, tahun, len(lines),
            "Siskeudes 2.0 export ZIP (Ref_Version 'V2.0 R2.0.0.'): Kd_Keg without trailing dot ('16.09.02.03.10', "
            "pendapatan/pembiayaan '16.09.00.00.00'), Ref_Kegiatan/Ta_Kegiatan with the local 02.03.99 'Lain-lain Kegiatan Sub "
            "Bidang Pekerjaan Umum dan Penataan Ruang', several Ta_RABRinci rincian per objek, realisation from Ta_SPJRinci/Ta_TBPRinci "
            "(SILPA in TBP, penyertaan modal in SPJ), Ref_Desa naming the desa",
            "S2, S26 (Siskeudes 2.0 Ref_Kegiatan with xx.xx.99 codes)", tahap="realisasi_tahunan", **apbdes_totals(lines),
            rincian=len(rinci), rows_note="records = distinct (Kd_Keg, Kd_Rincian, SumberDana) budget keys",
            kegiatan_lokal={LAIN_LAIN[0]: LAIN_LAIN[2]}, mapping=True)
    return {"kd_desa": kd_desa, "kode_pemda": "62.02", "tahun": tahun, "kode_desa": kode}


def pak_two_desa(reg: Registry) -> list[dict]:
    """Budget-only export after the amendment (PAK) of a Siskeudes database holding two desa, in a
    folder inside the ZIP; standard trailing-dot codes; amounts are AnggaranStlhPAK."""
    tahun = 2025
    desa = {"62.02.13.2001": ("13.01.", dict(dd=891_200_000, add=417_700_000, silpa=12_900_000)),
            "62.02.13.2002": ("13.02.", dict(dd=856_400_000, add=401_100_000, pbk=25_000_000, silpa=7_300_000, modal=10_000_000))}
    rinci, rab_lines, keg_rows, ref, per_desa, all_lines, mapping = [], [], [], set(), {}, [], []
    for kode, (kd_desa, params) in desa.items():
        lines = budget(**params)
        belanja = [n for n, x in enumerate(lines) if x.group == "belanja"]
        pak = {belanja[0]: lines[belanja[0]].ang - 5_000_000, belanja[-1]: lines[belanja[-1]].ang + 5_000_000}
        rows = _rinci(lines, tahun, kd_desa, dot=True, pak=pak)
        rinci += rows
        keg_rows += _kegiatan(lines, tahun, kd_desa, dot=True)
        ref |= {x.keg for x in lines if x.keg}
        per_desa[kode] = {"rows": len(lines), **apbdes_totals(lines)}
        all_lines += lines
        mapping.append({"kd_desa": kd_desa, "kode_pemda": "62.02", "tahun": tahun, "kode_desa": kode})
    folder = f"Siskeudes_Kec_Cempaga_Hulu_{tahun}/"
    members = {
        folder + "Ref_Version.csv": b"Versi,Tgl_Rilis\r\nV2.0 R2.0.0.,2019-01-02 00:00:00\r\n",
        folder + "Ta_Pemda.csv": _pemda(tahun),
        folder + "Ref_Desa.csv": table(["Kd_Kec", "Kd_Desa", "Nama_Desa"], [
            dict(Kd_Kec="13.", Kd_Desa=kd, Nama_Desa=village(k)[0]) for k, (kd, _) in desa.items()]),
        folder + "Ref_Kegiatan.csv": table(["Kd_Bid", "ID_Keg", "Nama_Kegiatan", "Jns_Kegiatan", "Kd_Sub"], _ref_kegiatan(ref, dot=True)),
        folder + "Ta_Kegiatan.csv": table(KEGIATAN, keg_rows),
        folder + "Ta_RAB.csv": table(RAB, _rab(rinci)),
        folder + "Ta_RABRinci.csv": table(RAB_RINCI, rinci),
    }
    name = f"ekspor_siskeudes_pak_cempaga_hulu_{tahun}.zip"
    write_zip(HERE / name, members)
    reg.add(name, "apbdes", list(desa), tahun, len(all_lines),
            "Siskeudes 2.0 budget export after PAK: one database with two desa (Kd_Desa 13.01. and 13.02.), tables inside a folder "
            "of the ZIP, trailing-dot codes, AnggaranStlhPAK differs from Anggaran on some lines, no SPJ/TBP (no realisation)",
            "S2", tahap="anggaran_perubahan", **apbdes_totals(all_lines), per_desa=per_desa, rincian=len(rinci),
            rows_note="records = distinct (Kd_Desa, Kd_Keg, Kd_Rincian, SumberDana) budget keys", mapping=True)
    return mapping


def build(reg: Registry) -> list[dict]:
    return [realisasi_no_dot(reg)] + pak_two_desa(reg)


assert ACTIVITIES  # imported for the reference check in _ref_kegiatan
