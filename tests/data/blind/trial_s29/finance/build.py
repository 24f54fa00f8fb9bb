"""Blind trial: new realistic APBDes files (invented numbers, real Kotim villages and codes).

Run with .venv/bin/python tests/data/blind/trial_s29/finance/build.py  -> writes the files + manifest.json here.
Expected values are computed from the line items written, never from the pipeline.
"""
from __future__ import annotations

import csv
import io
import json
from collections import OrderedDict, defaultdict
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
REF = Path(__file__).resolve().parents[5] / "reference"  # the project's copy

REK = {}
for r in csv.DictReader(open(REF / "apbdes_rekening.csv", encoding="utf-8")):
    REK[r["kode"]] = r["uraian"]
KEG = {}
for r in csv.DictReader(open(REF / "bidang_kegiatan.csv", encoding="utf-8")):
    KEG[r["kode"]] = r["uraian"]
VIL = {r["kode_desa"]: r for r in csv.DictReader(open(REF / "kotim_villages.csv", encoding="utf-8"))}

MANIFEST = []

# --------------------------------------------------------------------------- budget model
# (kode_rekening, kode_kegiatan, sumber, uraian (None = chart name), base anggaran, realisasi ratio)
BASE = [
    ("4.1.2.01", "", "PAD", "Pengelolaan Tanah Kas Desa", 12_500_000, 0.80),
    ("4.1.4.01", "", "PAD", "Hasil Pungutan Desa", 3_000_000, 0.90),
    ("4.2.1.01", "", "DDS", "Dana Desa", 812_430_000, 1.0),
    ("4.2.2.01", "", "PBH", "Bagi Hasil Pajak dan Retribusi Daerah", 24_615_000, 1.0),
    ("4.2.3.01", "", "ADD", "Alokasi Dana Desa", 486_250_000, 1.0),
    ("4.2.5.01", "", "PBK", "Bantuan Keuangan APBD Kabupaten", 50_000_000, 1.0),
    ("4.3.6.01", "", "DLL", "Bunga Bank", 1_200_000, 1.10),
    ("5.1.1.01", "1.1.01", "ADD", "Penghasilan Tetap Kepala Desa", 51_600_000, 1.0),
    ("5.1.1.02", "1.1.01", "ADD", "Tunjangan Kepala Desa", 6_000_000, 1.0),
    ("5.1.2.01", "1.1.02", "ADD", "Penghasilan Tetap Perangkat Desa", 214_200_000, 1.0),
    ("5.1.2.02", "1.1.02", "ADD", "Tunjangan Perangkat Desa", 24_000_000, 1.0),
    ("5.1.3.01", "1.1.03", "ADD", "Jaminan Kesehatan Kepala Desa", 2_160_000, 1.0),
    ("5.1.3.02", "1.1.03", "ADD", "Jaminan Kesehatan Perangkat Desa", 10_800_000, 1.0),
    ("5.2.1.01", "1.1.04", "ADD", "Belanja Alat Tulis Kantor dan Benda Pos", 7_500_000, 0.95),
    ("5.2.5.01", "1.1.04", "ADD", "Belanja Jasa Langganan Listrik", 4_800_000, 0.92),
    ("5.1.4.01", "1.1.05", "ADD", "Tunjangan Kedudukan BPD", 36_000_000, 1.0),
    ("5.2.1.06", "1.4.01", "ADD", "Belanja Makan Minum Musyawarah", 6_250_000, 1.0),
    ("5.2.2.03", "2.2.02", "DDS", "Insentif Kader Posyandu", 28_800_000, 1.0),
    ("5.2.1.06", "2.2.02", "DDS", "Pemberian Makanan Tambahan Balita", 18_000_000, 0.96),
    ("5.3.5.01", "2.3.10", "DDS", "Honorarium Tim Pelaksana Kegiatan", 4_500_000, 1.0),
    ("5.3.5.02", "2.3.10", "DDS", "Upah Tenaga Kerja Pengerasan Jalan", 96_400_000, 1.0),
    ("5.3.5.03", "2.3.10", "DDS", "Bahan Baku Pengerasan Jalan (batu, pasir, semen)", 318_750_000, 0.985),
    ("5.3.5.02", "2.3.10", "PBK", "Upah Tenaga Kerja Jalan Usaha Tani", 12_000_000, 1.0),
    ("5.3.5.03", "2.3.10", "PBK", "Bahan Baku Jalan Usaha Tani", 38_000_000, 1.0),
    ("5.2.2.01", "1.1.04", "ADD", "Honorarium Tim PKPKD dan PPKD", 30_000_000, 1.0),
    ("5.2.3.01", "1.1.04", "ADD", "Perjalanan Dinas Dalam Kabupaten", 12_000_000, 0.85),
    ("5.3.5.02", "2.3.14", "DDS", "Upah Tenaga Kerja Pembangunan Gorong-gorong", 25_000_000, 1.0),
    ("5.3.5.03", "2.3.14", "DDS", "Bahan Baku Gorong-gorong dan Selokan", 85_000_000, 0.97),
    ("5.3.4.02", "2.3.15", "DDS", "Upah Tenaga Kerja Rehab Balai Desa", 45_000_000, 1.0),
    ("5.3.4.03", "2.3.15", "DDS", "Bahan Baku Rehab Balai Desa", 160_000_000, 0.99),
    ("5.2.2.05", "3.1.02", "ADD", "Honorarium Linmas", 14_400_000, 1.0),
    ("5.2.3.03", "4.3.02", "ADD", "Pelatihan Peningkatan Kapasitas Perangkat Desa", 12_000_000, 0.90),
    ("5.4.1.01", "5.3.01", "DDS", "BLT Dana Desa 25 KPM x 12 bulan", 90_000_000, 1.0),
    ("5.2.1.10", "5.2.01", "ADD", "Penanganan Keadaan Darurat (obat-obatan banjir)", 5_000_000, 0.40),
    ("6.1.1.01", "", "DLL", "SILPA Tahun Sebelumnya", 32_415_500, 1.0),
    ("6.2.2.01", "", "DDS", "Penyertaan Modal BUM Desa", 40_000_000, 1.0),
]


def budget(scale: float, semester: bool = False, drop: tuple = ()):
    """Line items scaled; realisasi rounded to rupiah. semester = roughly half realised."""
    out = []
    for k, keg, sd, ur, a, ratio in BASE:
        if k in drop:
            continue
        ang = round(a * scale / 1000) * 1000
        if semester:
            ratio = ratio * (0.5 if k.startswith("5") else 0.6)
            if k.startswith("6"):
                ratio = 1.0
        rea = round(ang * ratio)
        if k.startswith("5") and rea > ang:
            rea = ang
        out.append(dict(kode=k, keg=keg, sd=sd, uraian=ur, anggaran=ang, realisasi=rea))
    check_budget(out)
    return out


def check_budget(lines, key="anggaran"):
    p = sum(l[key] for l in lines if l["kode"].startswith("4"))
    b = sum(l[key] for l in lines if l["kode"].startswith("5"))
    f1 = sum(l[key] for l in lines if l["kode"].startswith("6.1"))
    f2 = sum(l[key] for l in lines if l["kode"].startswith("6.2"))
    assert p + f1 - f2 >= b, (p, b, f1, f2)
    assert any(l["kode"].startswith("4.2.1") for l in lines) and any(l["kode"].startswith("4.2.3") for l in lines)


def totals(lines, key="anggaran"):
    t = OrderedDict()
    t["pendapatan"] = sum(l[key] for l in lines if l["kode"].startswith("4"))
    t["belanja"] = sum(l[key] for l in lines if l["kode"].startswith("5"))
    t["pembiayaan_penerimaan"] = sum(l[key] for l in lines if l["kode"].startswith("6.1"))
    t["pembiayaan_pengeluaran"] = sum(l[key] for l in lines if l["kode"].startswith("6.2"))
    return t


def rollup(lines, level):
    """Aggregate objek lines to jenis (level 3) / kelompok (2) / akun (1) codes, keeping order."""
    agg = OrderedDict()
    for l in lines:
        c = ".".join(l["kode"].split(".")[:level])
        a = agg.setdefault(c, dict(kode=c, anggaran=0, realisasi=0))
        a["anggaran"] += l["anggaran"]
        a["realisasi"] += l["realisasi"]
    return list(agg.values())


def sortkey(code):
    return [int(x) if x.isdigit() else x for x in code.split(".")]


# --------------------------------------------------------------------------- number styles
def f_id(x, dec=2):
    s = f"{abs(x):,.{dec}f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return ("-" if x < 0 else "") + s


def f_php(x):  # PHP number_format($x): 1,234,567
    return f"{round(x):,}"


def f_us(x):
    return f"{x:,.2f}"


def add_manifest(file, kode, year, tahap, lines, src, based_on, notes="", realisasi=True, count=None, extra=None):
    t = totals(lines)
    m = OrderedDict(
        file=file, record_type="apbdes", kode_desa=kode, nama_desa=VIL[kode]["nama_desa"], tahun=year,
        tahap=tahap, rows=count if count is not None else len(lines),
        anggaran=t, realisasi=totals(lines, "realisasi") if realisasi else None,
        imitates=src, based_on=based_on, notes=notes)
    if extra:
        m.update(extra)
    MANIFEST.append(m)


def write_csv(path, rows, delimiter=",", encoding="utf-8", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=lineterminator)
    for r in rows:
        w.writerow(r)
    path.write_bytes(buf.getvalue().encode(encoding))


def name(kode):
    return REK.get(kode, "?")


AKUN_NAMES = {"4": "PENDAPATAN", "5": "BELANJA", "6": "PEMBIAYAAN"}


# =========================================================================== A
def file_a():
    """OpenSID 'Laporan Realisasi Pelaksanaan APBDes' (tabel_laporan_rp_apbd) saved as CSV:
    Uraian over 4 columns, kelompok subtotal rows (4.1.) and jenis rows (4.1.1.), PHP
    number_format amounts '1,234,567', percent '50.00', Lebih/(Kurang) = anggaran - realisasi."""
    kode = "62.02.14.2001"  # Sebabi
    lines = budget(0.93, semester=True)
    jen = rollup(lines, 3)
    rows = [["LAPORAN REALISASI PELAKSANAAN"], ["ANGGARAN PENDAPATAN DAN BELANJA DESA"],
            ["PEMERINTAH DESA SEBABI"], ["SEMESTER 1"], ["TAHUN ANGGARAN 2025"], [],
            ["Uraian", "", "", "", "Anggaran      (Rp)", "Realisasi     (Rp)", "Lebih/(Kurang)(Rp)", "Persentase    (%)"]]

    def amt(a, r, pct=True):
        return [f_php(a), f_php(r), f_php(a - r), (f"{r / a * 100:.2f}" if a else "0") if pct else ""]

    for akun in ("4", "5"):
        rows.append([f"{akun}. {AKUN_NAMES[akun]}", "", "", "", "", "", "", ""])
        for kel in rollup([l for l in lines if l["kode"].startswith(akun)], 2):
            rows.append([kel["kode"] + ".", name(kel["kode"]), "", ""] + amt(kel["anggaran"], kel["realisasi"]))
            for j in jen:
                if j["kode"].startswith(kel["kode"] + "."):
                    rows.append(["", j["kode"] + ".", "", name(j["kode"])] + amt(j["anggaran"], j["realisasi"]))
        t = totals(lines); tr = totals(lines, "realisasi")
        key = "pendapatan" if akun == "4" else "belanja"
        rows.append(["JUMLAH " + AKUN_NAMES[akun], "", "", ""] + amt(t[key], tr[key]))
    t = totals(lines); tr = totals(lines, "realisasi")
    sa = t["pendapatan"] - t["belanja"]; sr = tr["pendapatan"] - tr["belanja"]
    rows.append(["SURPLUS / (DEFISIT)", "", "", "", f_php(sa), f_php(sr), f_php(sa - sr), f"{sr / sa * 100:.2f}" if sa else "0"])
    rows.append(["6. PEMBIAYAAN", "", "", "", "", "", "", ""])
    for kel in rollup([l for l in lines if l["kode"].startswith("6")], 2):
        rows.append([kel["kode"] + ".", name(kel["kode"]), "", ""] + amt(kel["anggaran"], kel["realisasi"], pct=False))
        for j in jen:
            if j["kode"].startswith(kel["kode"] + "."):
                rows.append(["", j["kode"] + ".", "", name(j["kode"])] + amt(j["anggaran"], j["realisasi"], pct=False))
    na = t["pembiayaan_penerimaan"] - t["pembiayaan_pengeluaran"]
    nr = tr["pembiayaan_penerimaan"] - tr["pembiayaan_pengeluaran"]
    rows.append(["PEMBIAYAAN NETTO", "", "", "", f_php(na), f_php(nr), f_php(na - nr), ""])
    rows.append(["SILPA/SiLPA TAHUN BERJALAN", "", "", "", f_php(sa + na), f_php(sr + nr), f_php(sa + na - sr - nr), ""])
    fn = "Laporan Realisasi APBDes Semester 1 2025 Sebabi.csv"
    write_csv(HERE / fn, rows)
    add_manifest(fn, kode, 2025, "realisasi_semester_1", jen_lines(lines), "OpenSID Laporan Realisasi Pelaksanaan APBDes (print/export), jenis level, subtotal kelompok rows with codes",
                 "OpenSID/OpenSID donjo-app/views/keuangan/tabel_laporan_rp_apbd_isi.php (commit 12220b9b…) and cetak_tabel_laporan_rp_apbd.php (bd21d4f5…)",
                 notes="line items = jenis rows (4.1.1., 5.1.1., 6.1.1.); kelompok rows (4.1., 5.2. …) carry subtotals and are NOT line items; amounts PHP number_format '1,234,567'")


def jen_lines(lines):
    out = []
    for j in rollup(lines, 3):
        out.append(dict(kode=j["kode"], anggaran=j["anggaran"], realisasi=j["realisasi"]))
    return out


# =========================================================================== B
def file_b():
    """OpenSID web page 'Laporan Realisasi' copied into Excel (as on kutuh-badung.desa.id):
    code column '4.1.' / '4.1.1.', Indonesian text amounts '151.910.679,00', percent '100,00',
    title in ONE cell with line breaks, village only in the title, SEMESTER 2 = year end."""
    kode = "62.02.14.2002"  # Tanah Putih
    lines = budget(1.07)
    jen = rollup(lines, 3)
    wb = Workbook(); ws = wb.active; ws.title = "Sheet1"
    ws.append(["LAPORAN REALISASI PELAKSANAAN\nANGGARAN PENDAPATAN DAN BELANJA DESA\nPEMERINTAH DESA TANAH PUTIH\nSEMESTER 2\nTAHUN ANGGARAN 2024"])
    ws.merge_cells("A1:F1"); ws["A1"].alignment = Alignment(wrap_text=True, horizontal="center")
    ws.row_dimensions[1].height = 80
    ws.append(["Uraian", None, "Anggaran (Rp)", "Realisasi (Rp)", "Lebih/(Kurang)(Rp)", "Persentase (%)"])
    ws.merge_cells("A2:B2")

    def amt(a, r):
        return [f_id(a), f_id(r), f_id(a - r), f_id(r / a * 100) if a else "0,00"]

    t = totals(lines); tr = totals(lines, "realisasi")
    for akun, key in (("4", "pendapatan"), ("5", "belanja")):
        ws.append([f"{akun}. {AKUN_NAMES[akun]}"])
        for kel in rollup([l for l in lines if l["kode"].startswith(akun)], 2):
            ws.append([kel["kode"] + ".", name(kel["kode"])] + amt(kel["anggaran"], kel["realisasi"]))
            for j in jen:
                if j["kode"].startswith(kel["kode"] + "."):
                    ws.append([j["kode"] + ".", name(j["kode"])] + amt(j["anggaran"], j["realisasi"]))
        ws.append(["JUMLAH " + AKUN_NAMES[akun], None] + amt(t[key], tr[key]))
    sa = t["pendapatan"] - t["belanja"]; sr = tr["pendapatan"] - tr["belanja"]
    ws.append(["SURPLUS / (DEFISIT)", None, f_id(sa), f_id(sr), f_id(sa - sr), ""])
    ws.append(["6. PEMBIAYAAN"])
    for kel in rollup([l for l in lines if l["kode"].startswith("6")], 2):
        ws.append([kel["kode"] + ".", name(kel["kode"])] + amt(kel["anggaran"], kel["realisasi"])[:3] + [""])
        for j in jen:
            if j["kode"].startswith(kel["kode"] + "."):
                ws.append([j["kode"] + ".", name(j["kode"])] + amt(j["anggaran"], j["realisasi"])[:3] + [""])
    na = t["pembiayaan_penerimaan"] - t["pembiayaan_pengeluaran"]; nr = tr["pembiayaan_penerimaan"] - tr["pembiayaan_pengeluaran"]
    ws.append(["PEMBIAYAAN NETTO", None, f_id(na), f_id(nr), f_id(na - nr), ""])
    ws.append(["SILPA/SiLPA TAHUN BERJALAN", None, f_id(sa + na), f_id(sr + nr), f_id(sa + na - sr - nr), ""])
    fn = "LRA APBDes 2024.xlsx"
    wb.save(HERE / fn)
    add_manifest(fn, kode, 2024, "realisasi_tahunan", jen_lines(lines), "OpenSID public website 'Laporan Realisasi' page copied to Excel",
                 "pages corpus: https://www.kutuh-badung.desa.id/artikel/2020/12/31/realisasi-apbdesa-kutuh-tahun-2020 (OpenSID theme); OpenSID tabel_laporan_rp_apbd_isi.php",
                 notes="village ONLY in the multi-line title cell (A1, line breaks); 'SEMESTER 2' = year-end realisation; kelompok rows 4.1./5.2. are subtotals, line items = jenis rows")


# =========================================================================== C
def file_c():
    """BPS Desa Cantik open-data portal Penjabaran (opendatadesa.desacantik.id): KODE | URAIAN |
    ANGGARAN | SUMBER DANA, objek code with kegiatan in brackets '5.1.1.01. [01.01.01]',
    bidang/sub-bidang/kegiatan subtotal rows '01' / '01.01' / '01.01.01', 'Rp 964.073.000',
    title with the portal's doubled words; village name shared by 3 Kotim desa (kecamatan decides)."""
    kode = "62.02.14.2003"  # Sumber Makmur, Telawang
    lines = budget(0.88)
    wb = Workbook(); ws = wb.active; ws.title = "APBDes"
    for t in ["PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR", "KECAMATAN KECAMATAN TELAWANG", "DESA PEMERINTAH DESA SUMBER MAKMUR",
              "ANGGARAN PENDAPATAN DAN BELANJA DESA", "PENJABARAN", "TAHUN ANGGARAN 2025"]:
        ws.append([t])
    ws.append([])
    ws.append(["KODE", "URAIAN", "ANGGARAN", "SUMBER DANA"])
    rp = lambda x: "Rp " + f_id(x, 0)
    t = totals(lines)
    ws.append(["4", "PENDAPATAN", None, None])
    for l in lines:
        if l["kode"].startswith("4"):
            ws.append([l["kode"] + ".", name(l["kode"]) if not l["kode"].startswith("4.2.2") else "Bagi Hasil Pajak dan Retribusi Daerah Kabupaten/Kota", rp(l["anggaran"]), l["sd"]])
    ws.append(["JUMLAH PENDAPATAN", None, rp(t["pendapatan"]), None])
    ws.append(["5", "BELANJA", None, None])
    bel = [l for l in lines if l["kode"].startswith("5")]
    bel.sort(key=lambda l: sortkey(l["keg"]))
    seen = set()
    for l in bel:
        parts = l["keg"].split(".")
        for lvl in (1, 2, 3):
            c = ".".join(parts[:lvl])
            if c in seen:
                continue
            seen.add(c)
            sub = sum(x["anggaran"] for x in bel if x["keg"] == c or x["keg"].startswith(c + "."))
            sis = ".".join(p.zfill(2) for p in parts[:lvl])
            label = KEG[c].upper() if lvl == 1 else KEG[c]
            ws.append([sis, label, rp(sub), None])
        sis = ".".join(p.zfill(2) for p in parts)
        ws.append([f"{l['kode']}. [{sis}]", l["uraian"], rp(l["anggaran"]), l["sd"]])
    ws.append(["JUMLAH BELANJA", None, rp(t["belanja"]), None])
    ws.append(["SURPLUS / (DEFISIT)", None, rp(t["pendapatan"] - t["belanja"]), None])
    ws.append(["6", "PEMBIAYAAN", None, None])
    ws.append(["6.1", "Penerimaan Pembiayaan", None, None])
    for l in lines:
        if l["kode"].startswith("6.1"):
            ws.append([l["kode"] + ".", l["uraian"], rp(l["anggaran"]), l["sd"]])
    ws.append(["JUMLAH PENERIMAAN PEMBIAYAAN", None, rp(t["pembiayaan_penerimaan"]), None])
    ws.append(["6.2", "Pengeluaran Pembiayaan", None, None])
    for l in lines:
        if l["kode"].startswith("6.2"):
            ws.append([l["kode"] + ".", l["uraian"], rp(l["anggaran"]), l["sd"]])
    ws.append(["JUMLAH PENGELUARAN PEMBIAYAAN", None, rp(t["pembiayaan_pengeluaran"]), None])
    ws.append(["PEMBIAYAAN NETTO", None, rp(t["pembiayaan_penerimaan"] - t["pembiayaan_pengeluaran"]), None])
    fn = "APBDes Sumber Makmur 2025.xlsx"
    wb.save(HERE / fn)
    add_manifest(fn, kode, 2025, "anggaran", lines, "BPS Desa Cantik open-data portal 'APB Desa' Penjabaran table saved to Excel",
                 "pages corpus: https://opendatadesa.desacantik.id/apb-desa/detail?kode_desa=07.2003.&tahun=2025",
                 notes="objek code + kegiatan in one cell '5.1.1.01. [01.01.01]'; bidang/sub-bidang/kegiatan rows '01'/'01.01'/'01.01.01' are subtotals (NOT line items; note '05' bidang vs akun '5'); 'Sumber Makmur' exists in kecamatan 04, 07 and 14 - title says KECAMATAN TELAWANG -> 62.02.14.2003; two lines share 5.2.1.06 (different kegiatan) and 5.3.5.02/5.3.5.03 twice under 2.3.10 (different sumber dana / uraian)",
                 realisasi=False)


# =========================================================================== D / D2
def penjabaran_split(lines, kode, year, fn, with_9099=False):
    """Permendagri 20/2018 Penjabaran APBDes as villages keep it in Excel (jepatlor-tayu.desa.id):
    KODE REKENING over 4 part-columns, URAIAN, KELUARAN/OUTPUT over VOLUME|SATUAN, ANGGARAN,
    SUMBER DANA; numbering row 1..7 and 'a b c d' row; template objek rows with no amount;
    bidang / sub-bidang / kegiatan written in the same code columns (1 | 1 | 01)."""
    nama = VIL[kode]["nama_desa"]
    wb = Workbook(); ws = wb.active; ws.title = "PENJABARAN"
    ws.append(["LAMPIRAN :"]); ws.append([f"PERATURAN KEPALA DESA {nama.upper()}"])
    ws.append([f"NOMOR     : 02  TAHUN   {year - 1}"]); ws.append(["TENTANG"])
    ws.append([f"PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA TA.{year}"]); ws.append([])
    ws.append([f"PENJABARAN   ANGGARAN PENDAPATAN DAN BELANJA DESA PEMERINTAH DESA {nama.upper()}"])
    ws.append([f"TAHUN ANGGARAN {year}"]); ws.append([])
    ws.append(["KODE  REKENING", None, None, None, "URAIAN", "KELUARAN/ OUTPUT", None, "ANGGARAN", "SUMBER DANA"])
    h = ws.max_row
    ws.append([None, None, None, None, None, "VOLUME", "SATUAN", None, None])
    ws.merge_cells(start_row=h, start_column=1, end_row=h + 1, end_column=4)
    ws.merge_cells(start_row=h, start_column=5, end_row=h + 1, end_column=5)
    ws.merge_cells(start_row=h, start_column=6, end_row=h, end_column=7)
    ws.merge_cells(start_row=h, start_column=8, end_row=h + 1, end_column=8)
    ws.merge_cells(start_row=h, start_column=9, end_row=h + 1, end_column=9)
    ws.append([1, None, None, None, 2, 3, 4, 5, 6])
    ws.merge_cells(start_row=h + 2, start_column=1, end_row=h + 2, end_column=4)
    ws.append(["a", "b", "c", "d", None, None, None, None, None])
    sdname = {"PAD": "PAD", "DDS": "DD-APBN", "PBH": "Bagi Hasil Pajak & Retribusi Daerah", "ADD": "ADD", "PBK": "BAN-KAB", "DLL": "Lain-lain", "PBP": "BAN-PROV"}
    vol = {"5.1.1.01": (12, "Bulan"), "5.1.1.02": (12, "Bulan"), "5.1.2.01": (12, "Bulan"), "5.1.2.02": (12, "Bulan"),
           "5.1.4.01": (12, "Bulan"), "5.4.1.01": (300, "KPM/bln"), "5.3.5.02": (1, "Paket"), "5.3.5.03": (1, "Paket")}

    def parts(code):
        p = code.split(".")
        return p + [None] * (4 - len(p))

    def objrow(l):
        v, s = vol.get(l["kode"], (1, "Thn" if l["kode"].startswith("4") else "Paket"))
        return parts(l["kode"]) + [l["uraian"], v, s, f_id(l["anggaran"], 0), sdname[l["sd"]]]

    # pendapatan: full chart with template rows (no amount) like the real Lampiran
    ws.append(["4", None, None, None, "PENDAPATAN"])
    used = {l["kode"]: l for l in lines if l["kode"].startswith("4")}
    for kel in ("4.1", "4.2", "4.3"):
        ws.append(parts(kel) + [REK[kel]])
        for jen in sorted({k for k in REK if k.startswith(kel + ".") and k.count(".") == 2}, key=sortkey):
            if kel == "4.3" and jen not in ("4.3.6",):
                continue
            ws.append(parts(jen) + [REK[jen]])
            for obj in sorted({k for k in REK if k.startswith(jen + ".") and k.count(".") == 3}, key=lambda c: sortkey(c.replace("90-99", "90"))):
                if obj in used:
                    ws.append(objrow(used[obj]))
                elif obj.endswith("90-99") and with_9099 and jen == "4.1.4":
                    pass  # written below
                else:
                    ws.append(parts(obj) + [REK[obj]])  # template row, nothing budgeted
            if with_9099 and jen == "4.1.4":
                ws.append(["4", "1", "4", "90-99", "Lain-lain (Sewa Tenda dan Kursi Desa)", 1, "Thn", f_id(1_750_000, 0), "PAD"])
    ws.append([None, None, None, None, "JUMLAH PENDAPATAN", None, None, f_id(totals(lines)["pendapatan"] + (1_750_000 if with_9099 else 0), 0)])
    ws.append(["5", None, None, None, "BELANJA"])
    bel = sorted([l for l in lines if l["kode"].startswith("5")], key=lambda l: (sortkey(l["keg"]), sortkey(l["kode"])))
    seen = set()
    for l in bel:
        kp = l["keg"].split(".")
        for lvl in (1, 2, 3):
            c = ".".join(kp[:lvl])
            if c not in seen:
                seen.add(c)
                ws.append(kp[:lvl] + [None] * (4 - lvl) + [KEG[c].upper() if lvl == 1 else KEG[c]])
        ws.append(objrow(l))
    ws.append([None, None, None, None, "JUMLAH BELANJA", None, None, f_id(totals(lines)["belanja"], 0)])
    ws.append([None, None, None, None, "SURPLUS/(DEFISIT)", None, None, f_id(totals(lines)["pendapatan"] + (1_750_000 if with_9099 else 0) - totals(lines)["belanja"], 0)])
    ws.append(["6", None, None, None, "PEMBIAYAAN"])
    ws.append(["6", "1", None, None, "Penerimaan Pembiayaan"])
    ws.append(["6", "1", "1", None, "SILPA Tahun Sebelumnya"])
    for l in lines:
        if l["kode"].startswith("6.1"):
            ws.append(objrow(l))
    ws.append(["6", "2", None, None, "Pengeluaran Pembiayaan"])
    ws.append(["6", "2", "2", None, "Penyertaan Modal Desa"])
    for l in lines:
        if l["kode"].startswith("6.2"):
            ws.append(objrow(l))
    t = totals(lines)
    ws.append([None, None, None, None, "PEMBIAYAAN NETTO", None, None, f_id(t["pembiayaan_penerimaan"] - t["pembiayaan_pengeluaran"], 0)])
    ws.append([])
    ws.append([None, None, None, None, None, None, f"{nama}, 30 Desember {year - 1}"])
    ws.append([None, None, None, None, None, None, f"KEPALA DESA {nama.upper()}"])
    ws.append([]); ws.append([])
    ws.append([None, None, None, None, None, None, "SUPRIYADI HARAHAN"])
    wb.save(HERE / fn)


def file_d():
    kode = "62.02.17.2005"  # Rantau Katang
    lines = budget(0.97)
    fn = "Penjabaran APBDes TA 2024 Rantau Katang.xlsx"
    penjabaran_split(lines, kode, 2024, fn)
    add_manifest(fn, kode, 2024, "anggaran", lines, "Permendagri 20/2018 Penjabaran APBDes (Lampiran Perkades) in Excel, code split over 4 columns",
                 "pages corpus: http://jepatlor-tayu.desa.id/apb-desa/ and /rpjm-desa/ (Penjabaran TA 2021 table); bidang_kegiatan.csv",
                 notes="template objek rows with NO amount (not line items); bidang/sub-bidang/kegiatan headings in the same 4 code columns ('1|1|01', '5|3|01' for bidang 5 kegiatan 5.3.01 vs akun 5); numbering rows '1..6' and 'a b c d'; KELUARAN/OUTPUT over VOLUME|SATUAN; sumber 'DD-APBN', 'BAN-KAB', 'Bagi Hasil Pajak & Retribusi Daerah'; Perkades 'NOMOR 02 TAHUN 2023' vs TA 2024",
                 realisasi=False)


def file_d2():
    kode = "62.02.17.2013"  # Rantau Suang
    lines = budget(0.91)
    fn = "Penjabaran APBDes TA 2025 Rantau Suang (90-99).xlsx"
    penjabaran_split(lines, kode, 2025, fn, with_9099=True)
    extra_line = dict(kode="4.1.4.90", anggaran=1_750_000, realisasi=0)
    add_manifest(fn, kode, 2025, "anggaran", lines + [extra_line], "same as D, plus one line coded with the Lampiran's literal objek range '90-99'",
                 "pages corpus: http://jepatlor-tayu.desa.id/apb-desa/ ('4 1 2 90-99 Lain-lain ( Tanah Bengkok )'); reference apbdes_rekening.csv keeps '90-99' literally",
                 notes="one line '4 | 1 | 4 | 90-99 | Lain-lain (Sewa Tenda dan Kursi Desa) | 1.750.000 PAD' = a local objek of 4.1.4; a careful reader counts it (kode 4.1.4.9x / 4.1.4)",
                 realisasi=False)


# =========================================================================== E
def file_e():
    """Google Sheet APBDes Perubahan of a village (docs.google.com 'LAMPIRAN PERATURAN DESA JAMBU'):
    control block ABOVE the title (per-sumber-dana totals, 'KONTROL'), Perdes number year != TA,
    ANGGARAN SEMULA / MENJADI / TAMBAH(KURANG), 'Rp -' for zero, share % next to subtotals,
    kegiatan/bidang headings coded in the KODE column (1.1.01, bidang '5')."""
    kode = "62.02.03.2014"  # Bawan
    semula = budget(1.12)
    menjadi = []
    for l in semula:
        m = dict(l)
        if l["kode"] == "4.2.1.01":
            m["anggaran"] = l["anggaran"] - 24_000_000   # DD cut
        if l["kode"] == "5.3.5.03" and l["sd"] == "DDS":
            m["anggaran"] = l["anggaran"] - 24_000_000
        if l["kode"] == "6.1.1.01":
            m["anggaran"] = l["anggaran"] + 8_115_500    # SILPA after audit
        if l["kode"] == "5.2.1.10":
            m["anggaran"] = l["anggaran"] + 8_115_500
        m["semula"] = l["anggaran"]
        menjadi.append(m)
    check_budget(menjadi)
    # one new line in the PAK with 0 semula
    menjadi.append(dict(kode="5.2.4.02", keg="1.4.01", sd="PAD", uraian="Sewa Tenda dan Sound System Musdes", anggaran=0, realisasi=0, semula=0))
    # ... funded by moving from ATK
    for m in menjadi:
        if m["kode"] == "5.2.1.01":
            m["anggaran"] -= 1_500_000
    menjadi[-1]["anggaran"] = 1_500_000
    check_budget(menjadi)
    wb = Workbook(); ws = wb.active; ws.title = "PENJABARAN APBDES-P"
    sds = ["DD", "ADD", "BHPR", "PAD", "PLL", "BANKAB", "SILPA"]
    sdmap = {"DDS": "DD", "ADD": "ADD", "PBH": "BHPR", "PAD": "PAD", "DLL": "PLL", "PBK": "BANKAB"}
    def sdof(m):
        return "SILPA" if m["kode"].startswith("6.1.1") else sdmap[m["sd"]]
    rpx = lambda x: "Rp -" if x == 0 else "Rp " + f_id(x, 0)
    inc = {s: sum(m["anggaran"] for m in menjadi if m["kode"].startswith(("4", "6.1")) and sdof(m) == s) for s in sds}
    out = {s: sum(m["anggaran"] for m in menjadi if m["kode"].startswith(("5", "6.2")) and sdof(m) == s) for s in sds}
    ws.append([None, "LAMPIRAN PERATURAN DESA BAWAN"] + [None] * 4 + [rpx(inc[s] - out[s]) for s in sds] + ["KONTROL"])
    ws.append([None, "NOMOR : 4 TAHUN 2025"] + [None] * 4 + [rpx(inc[s]) for s in sds])
    ws.append([None, "TENTANG PERUBAHAN PENJABARAN ANGGARAN PENDAPATAN"] + [None] * 4 + sds)
    ws.append([None, "DAN BELANJA DESA TAHUN ANGGARAN 2025"] + [None] * 4 + [rpx(out[s]) for s in sds])
    ws.append([])
    ws.append([None, "PERUBAHAN ANGGARAN PENDAPATAN DAN BELANJA DESA"])
    ws.append([None, "PEMERINTAH DESA BAWAN KECAMATAN MENTAYA HULU"])
    ws.append([None, "TAHUN ANGGARAN 2025"])
    ws.append([])
    ws.append(["KODE REKENING", "URAIAN", "ANGGARAN (Rp)", None, "BERTAMBAH/ (BERKURANG)", "SUMBER DANA", None])
    ws.append([None, None, "SEMULA", "MENJADI", None, None, None])
    ws.append(["1", "2", "3", "4", "5", "6", None])
    T = lambda key, pre: sum(m[key] for m in menjadi if m["kode"].startswith(pre))
    tot_p = T("anggaran", "4")

    def line(m):
        return [m["kode"], m["uraian"], rpx(m["semula"]), rpx(m["anggaran"]), f_id(m["anggaran"] - m["semula"], 0) if m["anggaran"] != m["semula"] else "-", sdof(m)]

    def sub(code, label, pre, share=False):
        s, a = T("semula", pre), T("anggaran", pre)
        r = [code, label, rpx(s), rpx(a), f_id(a - s, 0) if a != s else "-", None]
        if share:
            r.append(f"{a / tot_p * 100:.2f}%".replace(".", ","))
        return r

    ws.append(sub("4", "PENDAPATAN", "4"))
    for kel in ("4.1", "4.2", "4.3"):
        ws.append(sub(kel, REK[kel], kel + ".", share=True))
        for m in menjadi:
            if m["kode"].startswith(kel + "."):
                ws.append(line(m))
    ws.append([None, "JUMLAH PENDAPATAN", rpx(T("semula", "4")), rpx(T("anggaran", "4")), f_id(T("anggaran", "4") - T("semula", "4"), 0), None])
    ws.append(sub("5", "BELANJA", "5"))
    bel = sorted([m for m in menjadi if m["kode"].startswith("5")], key=lambda m: (sortkey(m["keg"]), sortkey(m["kode"])))
    seen = set()
    for m in bel:
        kp = m["keg"].split(".")
        for lvl in (1, 2, 3):
            c = ".".join(kp[:lvl])
            if c not in seen:
                seen.add(c)
                grp = [x for x in bel if x["keg"] == c or x["keg"].startswith(c + ".")]
                s, a = sum(x["semula"] for x in grp), sum(x["anggaran"] for x in grp)
                ws.append([c, KEG[c].upper() if lvl == 1 else KEG[c], rpx(s), rpx(a), f_id(a - s, 0) if a != s else "-", None])
        ws.append(line(m))
    ws.append([None, "JUMLAH BELANJA", rpx(T("semula", "5")), rpx(T("anggaran", "5")), f_id(T("anggaran", "5") - T("semula", "5"), 0), None])
    ws.append(sub("6", "PEMBIAYAAN", "6"))
    ws.append(sub("6.1", "Penerimaan Pembiayaan", "6.1"))
    for m in menjadi:
        if m["kode"].startswith("6.1"):
            ws.append(line(m))
    ws.append(sub("6.2", "Pengeluaran Pembiayaan", "6.2"))
    for m in menjadi:
        if m["kode"].startswith("6.2"):
            ws.append(line(m))
    n_s = T("semula", "6.1") - T("semula", "6.2"); n_a = T("anggaran", "6.1") - T("anggaran", "6.2")
    ws.append([None, "PEMBIAYAAN NETTO", rpx(n_s), rpx(n_a), f_id(n_a - n_s, 0) if n_a != n_s else "-", None])
    fn = "APBDes-P 2025 Bawan (Google Sheet).xlsx"
    wb.save(HERE / fn)
    add_manifest(fn, kode, 2025, "anggaran_perubahan", menjadi, "village Google Sheet of the Perubahan Penjabaran APBDes with a control block above the title",
                 "pages corpus: https://docs.google.com/spreadsheets/d/1sOviav4qZFLZ-4m_iO2CqkY5w2UT81Z-/edit (LAMPIRAN PERATURAN DESA JAMBU, NOMOR 6 TAHUN 2024, TA 2025: per-sumber control rows DD/ADD/BHPR/PAD/PLL/SILPA/BANKAB/KONTROL, 'Rp -', share %)",
                 notes="anggaran = MENJADI column; control block rows 1-4 (H..N) are NOT line items; kelompok/bidang/sub-bidang/kegiatan rows (4.1, 1, 1.1, 1.1.01, bidang '5', kegiatan '5.3.01') are subtotals; one new PAK line with semula 'Rp -'; sumber 'PLL' (Pendapatan Lain-lain) and 'SILPA' -> DLL",
                 realisasi=False, extra={"anggaran_semula": totals([dict(kode=m["kode"], anggaran=m["semula"]) for m in menjadi])})


# =========================================================================== F
def file_f():
    """Google Sheets (en-US locale) download as CSV: 'Rp1,234,567.00', '45.50%', signature block."""
    kode = "62.02.13.2009"  # Bukit Raya
    lines = budget(1.01)
    rows = [["REALISASI APBDES DESA BUKIT RAYA TAHUN ANGGARAN 2023"], ["Kecamatan Cempaga Hulu - Kabupaten Kotawaringin Timur"], [],
            ["No", "Kode Rekening", "Uraian", "Kode Kegiatan", "Sumber Dana", "Anggaran", "Realisasi", "Sisa Anggaran", "Persentase"]]
    sdname = {"PAD": "PAD", "DDS": "Dana Desa", "PBH": "BHPR", "ADD": "ADD", "PBK": "Bankab", "DLL": "Lain-lain"}
    rp = lambda x: f"Rp{x:,.2f}" if x >= 0 else f"-Rp{-x:,.2f}"
    for i, l in enumerate(lines, 1):
        rows.append([i, l["kode"], l["uraian"], l["keg"], sdname[l["sd"]], rp(l["anggaran"]), rp(l["realisasi"]),
                     rp(l["anggaran"] - l["realisasi"]), f"{l['realisasi'] / l['anggaran'] * 100:.2f}%"])
    rows += [[], ["", "", "", "", "", "", "", "Bukit Raya, 15 January 2024"], ["", "", "", "", "", "", "", "Kepala Desa Bukit Raya"],
             [], [], ["", "", "", "", "", "", "", "ARDIANSYAH TAMBUN"]]
    fn = "Realisasi APBDes 2023 - Bukit Raya.csv"
    write_csv(HERE / fn, rows, lineterminator="\n")
    add_manifest(fn, kode, 2023, "realisasi_tahunan", lines, "Google Sheets (en-US locale) 'Download as CSV' of a flat realisation table",
                 "amount style named in the brief ('1,234,567.00'); Google Sheets currency format; S1-style flat table",
                 notes="amounts 'Rp1,234,567.00' (comma thousands, dot decimals), SILPA/penyertaan lines also present; signature block in English month ('15 January 2024')")


# =========================================================================== G
def file_g():
    """Siskeudes 2.0 Ta_RABRinci table exported to Excel from the Access database (one row per
    rincian), Kd_Keg WITH the Kd_Desa prefix ('14.04.01.01.01.'), pendapatan '14.04.00.00.00.'."""
    kode = "62.02.14.2004"  # Kenyala
    lines = budget(0.99)
    wb = Workbook(); ws = wb.active; ws.title = "Ta_RABRinci"
    cols = ["Tahun", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "Kd_SubRinci", "No_Urut", "SumberDana", "Uraian", "Satuan",
            "JmlSatuan", "HrgSatuan", "Anggaran", "JmlSatuanPAK", "HrgSatuanPAK", "AnggaranStlhPAK", "AnggaranPAK", "Kode_SBU"]
    ws.append(cols)
    rinc = []
    nourut = defaultdict(int)
    for l in lines:
        kd_keg = "14.04." + (".".join(p.zfill(2) for p in l["keg"].split(".")) + "." if l["keg"] else "00.00.00.")
        # split some objek into several rincian lines like Siskeudes does
        if l["kode"] == "5.1.2.01":
            parts = [("Penghasilan Tetap Sekretaris Desa", 0.2), ("Penghasilan Tetap Kaur dan Kasi (5 orang)", 0.5), ("Penghasilan Tetap Kepala Dusun (3 orang)", 0.3)]
        elif l["kode"] == "5.3.5.03" and l["sd"] == "DDS":
            parts = [("Batu pecah 2/3", 0.55), ("Pasir urug", 0.25), ("Semen 50 kg", 0.20)]
        else:
            parts = [(l["uraian"], 1.0)]
        rem = l["anggaran"]
        for i, (u, f) in enumerate(parts):
            a = rem if i == len(parts) - 1 else round(l["anggaran"] * f / 1000) * 1000
            rem -= a
            key = (kd_keg, l["kode"], l["sd"])
            nourut[key] += 1
            sat, jml = ("Bulan", 12) if l["kode"].startswith("5.1") else ("Paket", 1)
            hrg = a / jml
            ws.append([2024, "14.04.", kd_keg, l["kode"] + ".", "01", f"{nourut[key]:02d}", l["sd"], u, sat, jml, hrg, a, jml, hrg, a, 0, None])
            rinc.append(dict(kode=l["kode"], anggaran=a, realisasi=0))
    fn = "Ta_RABRinci Kenyala 2024.xlsx"
    wb.save(HERE / fn)
    keys = {(r[2], r[3], r[6]) for r in ws.iter_rows(min_row=2, values_only=True)}
    add_manifest(fn, kode, 2024, "anggaran", rinc, "Siskeudes 2.0 Ta_RABRinci table exported from the Access database to Excel (one row per rincian)",
                 "/work/shared/reference/siskeudes_export_format.csv (Ta_RABRinci columns) and siskeudes_desa_simulasi/Ta_RABRinci.csv (Kd_Keg '14.01.00.00.' for pendapatan/pembiayaan, Kd_Rincian trailing dot)",
                 notes=f"{len(rinc)} rincian rows ({len(keys)} distinct Kd_Keg+Kd_Rincian+SumberDana keys); Kd_Desa '14.04.' is Siskeudes' own number (kec 14 Telawang, desa 04) - not a Kemendagri code; village from the file name; Kd_Keg carries the Kd_Desa prefix '14.04.01.01.01.' and '14.04.00.00.00.' for revenue/financing",
                 realisasi=False)


# =========================================================================== H
def file_h():
    """Perdes APBDes body (Lampiran I, ringkasan): pendapatan per jenis, belanja PER BIDANG,
    pembiayaan per jenis; tab-separated UTF-8, amounts 'Rp. 964.073.000,-'; Perdes year != TA."""
    kode = "62.02.10.2001"  # Tumbang Kalang
    lines = budget(1.18)
    rows = [["PERATURAN DESA TUMBANG KALANG"], ["NOMOR 3 TAHUN 2024"], ["TENTANG"],
            ["ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN 2025"], [],
            ["KODE REKENING", "URAIAN", "ANGGARAN (Rp)", "KETERANGAN"], ["1", "2", "3", "4"]]
    rp = lambda x: "Rp. " + f_id(x, 0) + ",-"
    t = totals(lines)
    out_lines = []
    rows.append(["4", "PENDAPATAN", "", ""])
    for kel in rollup([l for l in lines if l["kode"].startswith("4")], 2):
        rows.append([kel["kode"], REK[kel["kode"]], rp(kel["anggaran"]), ""])
        for j in rollup([l for l in lines if l["kode"].startswith(kel["kode"] + ".")], 3):
            rows.append([j["kode"], REK[j["kode"]], rp(j["anggaran"]), ""])
            out_lines.append(dict(kode=j["kode"], anggaran=j["anggaran"], realisasi=0))
    rows.append(["", "JUMLAH PENDAPATAN", rp(t["pendapatan"]), ""])
    rows.append(["5", "BELANJA", "", ""])
    for b in ("1", "2", "3", "4", "5"):
        a = sum(l["anggaran"] for l in lines if l["kode"].startswith("5") and l["keg"].split(".")[0] == b)
        rows.append([b, KEG[b], rp(a), ""])
        out_lines.append(dict(kode="5", keg=b, anggaran=a, realisasi=0))
    rows.append(["", "JUMLAH BELANJA", rp(t["belanja"]), ""])
    rows.append(["", "SURPLUS / (DEFISIT)", rp(t["pendapatan"] - t["belanja"]), ""])
    rows.append(["6", "PEMBIAYAAN", "", ""])
    for kel in rollup([l for l in lines if l["kode"].startswith("6")], 2):
        rows.append([kel["kode"], REK[kel["kode"]], rp(kel["anggaran"]), ""])
        for j in rollup([l for l in lines if l["kode"].startswith(kel["kode"] + ".")], 3):
            rows.append([j["kode"], REK[j["kode"]], rp(j["anggaran"]), "Penyertaan modal BUM Desa" if j["kode"] == "6.2.2" else ""])
            out_lines.append(dict(kode=j["kode"], anggaran=j["anggaran"], realisasi=0))
    rows.append(["", "PEMBIAYAAN NETTO", rp(t["pembiayaan_penerimaan"] - t["pembiayaan_pengeluaran"]), ""])
    rows += [[], ["", "", "Ditetapkan di Tumbang Kalang"], ["", "", "pada tanggal 30 Desember 2024"],
             ["", "", "KEPALA DESA TUMBANG KALANG,"], [], [], ["", "", "YOHANES DAMBUNG"]]
    fn = "Perdes APBDes Tumbang Kalang TA 2025.csv"
    write_csv(HERE / fn, rows, delimiter="\t")
    add_manifest(fn, kode, 2025, "anggaran", out_lines, "Perdes APBDes body / Lampiran I (ringkasan): belanja per bidang only",
                 "Permendagri 20/2018 Lampiran APB Desa format as printed by villages (pages corpus: 123dok 'Peraturan Desa Kuta Nomor 6 Tahun 2018 tentang APBDes TA 2019'; Jambu sheet 'NOMOR 6 TAHUN 2024 ... TA 2025'); schema allows kode_rekening '5' + bidang kode_kegiatan",
                 notes="line items = pendapatan jenis rows (4.1.2 …) + 5 bidang rows (kode 5, kegiatan = bidang 1..5) + pembiayaan jenis rows; kelompok rows (4.1, 4.2, 6.1 …) are subtotals; 'NOMOR 3 TAHUN 2024' is the Perdes number year, TA = 2025; tab-separated, 'Rp. 1.234.567,-'",
                 realisasi=False)


# =========================================================================== I
def file_i():
    """Realisasi Semester I as a 'real' Excel book: numeric cells with accounting number format,
    negative SISA shown in brackets by the format, kegiatan codes Siskeudes-style '01.01.01.',
    hidden helper column, second sheet 'Infografis' with only summary totals."""
    kode = "62.02.13.2003"  # Parit
    lines = budget(0.95, semester=True)
    # one line over-realised in semester 1 (negative sisa): 4.3.6.01 bunga bank already > 60%
    wb = Workbook(); ws = wb.active; ws.title = "Realisasi Smt I"
    ws.append(["PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR"]); ws.append(["KECAMATAN CEMPAGA HULU"]); ws.append(["DESA PARIT"])
    ws.append(["LAPORAN REALISASI PELAKSANAAN APB DESA SEMESTER PERTAMA"]); ws.append(["TAHUN ANGGARAN 2024"]); ws.append([])
    ws.append(["KODE REK.", "KODE KEG.", "URAIAN", "SUMBER", "ANGGARAN", "REALISASI S/D 30 JUNI", "SISA/(LEBIH)", "%", "cek"])
    fmt = '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)'
    lines[6]["realisasi"] = round(lines[6]["anggaran"] * 1.15)  # bunga bank above budget (revenue: allowed)
    for l in lines:
        kg = (".".join(p.zfill(2) for p in l["keg"].split(".")) + ".") if l["keg"] else ""
        r = ws.max_row + 1
        ws.append([l["kode"], kg, l["uraian"], l["sd"], l["anggaran"], l["realisasi"], f"=E{r}-F{r}", f"=IF(E{r}=0,0,F{r}/E{r})", f"=LEN(A{r})"])
        for c in ("E", "F", "G"):
            ws[f"{c}{r}"].number_format = fmt
        ws[f"H{r}"].number_format = "0.00%"
    ws.column_dimensions["I"].hidden = True
    last = ws.max_row
    ws.append([None, None, "JUMLAH PENDAPATAN", None, f'=SUMIF(A8:A{last},"4*",E8:E{last})', f'=SUMIF(A8:A{last},"4*",F8:F{last})'])
    ws.append([None, None, "JUMLAH BELANJA", None, f'=SUMIF(A8:A{last},"5*",E8:E{last})', f'=SUMIF(A8:A{last},"5*",F8:F{last})'])
    ws.freeze_panes = "A8"
    ws2 = wb.create_sheet("Infografis")
    t = totals(lines); tr = totals(lines, "realisasi")
    ws2.append(["INFOGRAFIS APBDes DESA PARIT 2024 (SEMESTER I)"])
    ws2.append(["Uraian", "Anggaran", "Realisasi"])
    ws2.append(["Pendapatan", t["pendapatan"], tr["pendapatan"]])
    ws2.append(["Belanja", t["belanja"], tr["belanja"]])
    ws2.append(["Pembiayaan", t["pembiayaan_penerimaan"] - t["pembiayaan_pengeluaran"], tr["pembiayaan_penerimaan"] - tr["pembiayaan_pengeluaran"]])
    fn = "Realisasi Smt I 2024 Desa Parit.xlsx"
    wb.save(HERE / fn)
    # openpyxl writes formulas without cached values; compute them with LibreOffice if present
    add_manifest(fn, kode, 2024, "realisasi_semester_1", lines, "Excel workbook kept by the Kaur Keuangan: numeric cells, accounting format, formulas, hidden column, infographic sheet",
                 "siskeudes-mobile PDFRealisasiSemesterI (variety S11) columns; Siskeudes kegiatan code style '01.01.01.' (bidang_kegiatan.csv kode_siskeudes)",
                 notes="formula cells (SISA, %, JUMLAH) - see formula_cache note; sheet 'Infografis' holds only 3 summary rows (no line items); revenue 4.3.6.01 realised above budget (allowed for revenue)")


def inject_cached_values(fn):
    """openpyxl writes formulas without cached values; Excel always saves them. Compute each
    formula of the sheet here (only the forms this builder writes) and put the value in <v>."""
    import re, zipfile, shutil
    from openpyxl import load_workbook
    wb = load_workbook(HERE / fn)
    ws = wb["Realisasi Smt I"]
    val = {}
    def num(ref):
        v = ws[ref].value
        return v if isinstance(v, (int, float)) else 0
    for row in ws.iter_rows():
        for c in row:
            f = c.value
            if not (isinstance(f, str) and f.startswith("=")):
                continue
            m = re.fullmatch(r"=E(\d+)-F(\d+)", f)
            if m:
                val[c.coordinate] = num(f"E{m[1]}") - num(f"F{m[2]}"); continue
            m = re.fullmatch(r"=IF\(E(\d+)=0,0,F\d+/E\d+\)", f)
            if m:
                e = num(f"E{m[1]}"); val[c.coordinate] = (num(f"F{m[1]}") / e) if e else 0; continue
            m = re.fullmatch(r"=LEN\(A(\d+)\)", f)
            if m:
                val[c.coordinate] = len(str(ws[f"A{m[1]}"].value)); continue
            m = re.fullmatch(r'=SUMIF\(A(\d+):A(\d+),"(\d)\*",([EF])\d+:[EF]\d+\)', f)
            if m:
                val[c.coordinate] = sum(num(f"{m[4]}{r}") for r in range(int(m[1]), int(m[2]) + 1) if str(ws[f"A{r}"].value or "").startswith(m[3])); continue
            raise ValueError(f)
    src = HERE / fn; tmp = HERE / (fn + ".tmp")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                x = data.decode()
                def rep(mo):
                    v = val[mo[1]]
                    v = repr(float(v)) if isinstance(v, float) else str(v)
                    return f'<c r="{mo[1]}"{mo[2]}><f>{mo[3]}</f><v>{v}</v></c>'
                x = re.sub(r'<c r="([A-Z]+\d+)"([^>]*)><f>(.*?)</f><v ?/></c>', rep, x)
                data = x.encode()
            zout.writestr(item, data)
    shutil.move(tmp, src)
    return len(val)


def recalc_with_libreoffice(fn):
    import shutil, subprocess, tempfile
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return False
    with tempfile.TemporaryDirectory() as td:
        subprocess.run([soffice, "--headless", "--convert-to", "xlsx", "--outdir", td, str(HERE / fn)], check=True, capture_output=True, timeout=120)
        shutil.move(Path(td) / Path(fn).name, HERE / fn)
    return True


if __name__ == "__main__":
    for f in (file_a, file_b, file_c, file_d, file_d2, file_e, file_f, file_g, file_h, file_i):
        f()
    MANIFEST[-1]["formula_cache"] = f"{inject_cached_values(MANIFEST[-1]['file'])} formula cells with cached values injected (as Excel saves them)"
    (HERE / "manifest.json").write_text(json.dumps(MANIFEST, indent=2, ensure_ascii=False), encoding="utf-8")
    for m in MANIFEST:
        print(m["file"], m["kode_desa"], m["tahun"], m["tahap"], m["rows"], m["anggaran"]["pendapatan"], m["anggaran"]["belanja"])
