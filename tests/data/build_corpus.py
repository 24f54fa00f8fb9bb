"""Build the test corpora: ``messy/`` (realistic submissions that must be read correctly) and
``broken/`` (submissions that must be refused with a located message).

Run from the repository root: ``.venv/bin/python tests/data/build_corpus.py``. The files are
committed; this script documents how each was made and rebuilds them deterministically.

Workbooks saved by openpyxl store formulas without their result. Real submissions come from
Excel/LibreOffice, which store the result too, so ``cache_formulas`` writes the result into the
sheet XML the way Excel does (``<f>SUM(C8:C9)</f><v>1500000</v>``). One broken case keeps a formula
without a result on purpose (``formula-no-value``).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import yaml

HERE = Path(__file__).parent
MESSY, BROKEN = HERE / "messy", HERE / "broken"
TOLERATED = HERE / "tolerated"
FIXED = (2025, 1, 1, 0, 0, 0)


def cache_formulas(path: Path, values: dict[str, object], sheet: str = "xl/worksheets/sheet1.xml") -> None:
    """Write each formula cell's result (``values``: cell ref -> value) as Excel would."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == sheet:
                text = data.decode()
                for ref, value in values.items():
                    text, n = re.subn(rf'(<c r="{ref}"[^>]*>)<f>(.*?)</f><v\s*/>',
                                      rf"\g<1><f>\g<2></f><v>{value}</v>", text)
                    assert n == 1, ref
                data = text.encode()
            info = zipfile.ZipInfo(item.filename, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    tmp.replace(path)


def save(workbook, path: Path) -> Path:
    workbook.properties.created = workbook.properties.modified = dt.datetime(*FIXED)
    workbook.save(path)
    cache_formulas(path, {})  # normalises zip timestamps: byte-identical rebuilds
    return path


# --------------------------------------------------------------------------- messy corpus

def messy_csv_cp1252(expected: dict) -> None:
    """Windows-1252, semicolons, title rows, no kode desa/tahun/tahap columns, Rp amounts."""
    lines = [
        "PEMERINTAH DESA MERAH;;;;;",
        "KECAMATAN TUALAN HULU KABUPATEN KOTAWARINGIN TIMUR;;;;;",
        "LAPORAN REALISASI APBDES TAHUN ANGGARAN 2024;;;;;",
        ";;;;;",
        "Kode Rekening;Uraian;Kode Kegiatan;SD;Anggaran (Rp);Realisasi (Rp)",
        "4.2.1.01;Dana Desa – tahap I s/d III;0.0.00;DDS;Rp 850.000.000,00;Rp 850.000.000,00",
        "4.2.3.01;Alokasi Dana Desa (ADD);0.0.00;ADD;Rp 412.500.000,00;Rp 400.000.000,00",
        "4.1.1.01;Bagi hasil BUMDes « Maju »;0.0.00;PAD;Rp 12.750.000,50;Rp 10.000.000,00",
        ";;;;;",
        "5.2.2.01;Honorarium TPK pemeliharaan jalan;2.2.01;DDS;Rp 7.500.000,00;Rp 7.500.000,00",
        "5.3.1.01;Belanja modal jalan desa – cor beton;2.2.01;DDS;Rp 250.000.000,00;Rp 248.125.000,00",
        "5.1.1.01;Penghasilan tetap kepala desa;1.1.01;ADD;Rp 30.000.000,00;-",
        "6.1.1.01;SiLPA tahun sebelumnya;0.0.00;DLL;Rp 15.000.000,00;Rp 15.000.000,00",
        ";;;;;",
        ";Sampit, 31 Desember 2024;;;;",
        ";Kepala Desa Merah;;;;",
    ]
    path = MESSY / "apbdes_merah_2024.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    expected[path.name] = dict(type="apbdes", kode_desa="62.02.16.2003", tahun=2024, rows=7,
                               tahap="realisasi_tahunan", anggaran="1577750000.5",
                               realisasi="1530625000", encoding="cp1252",
                               sources=["kode_desa", "tahap", "tahun_anggaran"])


REPORT_HEAD = ["Kode Rek", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Lebih/(Kurang)", "SD"]


def messy_report_xlsx(expected: dict) -> None:
    """Report-shaped APBDes: akun/kelompok/jenis headings, kegiatan headings, SUM formulas with
    cached results, JUMLAH/SURPLUS rows, numbering row, merged titles, signature block,
    numbers stored as text, a notes sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi APBDes"
    for row, text in enumerate(["LAPORAN REALISASI PELAKSANAAN APBDES",
                                "PEMERINTAH DESA TUMBANG MUJAM KECAMATAN TUALAN HULU",
                                "TAHUN ANGGARAN 2024"], start=1):
        ws.cell(row, 1, text)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
    ws.append([])
    ws.append(REPORT_HEAD)           # row 5
    ws.append([1, 2, 3, 4, 5, 6])    # row 6: column numbering
    cached: dict[str, object] = {}
    rows = [
        ("4", "PENDAPATAN", None, None, None),
        ("4.2", "Pendapatan Transfer", None, None, None),
        ("4.2.1", "Dana Desa", None, None, None),
        ("4.2.1.01", "Dana Desa", 900_000_000, 900_000_000, "DDS"),
        ("4.2.3.01", "Alokasi Dana Desa", "425.000.000", "425.000.000", "ADD"),  # text numbers
        ("", "JUMLAH PENDAPATAN", "SUM", "SUM", None),
        ("5", "BELANJA", None, None, None),
        ("2", "BIDANG PELAKSANAAN PEMBANGUNAN DESA", None, None, None),
        ("2.2.01", "Pemeliharaan Jalan Desa", "SUMK", "SUMK", None),
        ("5.2.2.01", "Honorarium Tim Pelaksana Kegiatan", 9_000_000, 9_000_000, "DDS"),
        ("5.3.1.01", "Belanja Modal Jalan", 300_000_000, 295_500_000, "DDS"),
        ("2.3.01", "Pembangunan Posyandu", "SUMK", "SUMK", None),
        ("5.2.1.01", "Belanja Barang Posyandu", 15_000_000, 14_250_000, "ADD"),
        ("", "JUMLAH BELANJA", "SUM", "SUM", None),
        ("", "SURPLUS / (DEFISIT)", "DIFF", "DIFF", None),
    ]
    start = ws.max_row + 1
    line_rows = {"4": [], "5": []}
    kegiatan_rows: list[int] = []
    kegiatan_of: dict[int, list[int]] = {}
    for offset, (code, text, anggaran, realisasi, sd) in enumerate(rows):
        r = start + offset
        ws.cell(r, 1, code or None)
        ws.cell(r, 2, text)
        if code.count(".") == 3:
            line_rows[code[0]].append(r)
            if kegiatan_rows:
                kegiatan_of[kegiatan_rows[-1]].append(r)
        if code.count(".") == 2 and code[0] in "12345" and len(code.split(".")[2]) == 2:
            kegiatan_rows.append(r)
            kegiatan_of[r] = []
        for col, value in ((3, anggaran), (4, realisasi)):
            ws.cell(r, col, value if not isinstance(value, str) or value.isdigit() or "." in value else None)
        ws.cell(r, 6, sd)
    # formulas, filled once every line is placed
    amounts = {}
    for r in range(start, start + len(rows)):
        for col in (3, 4):
            v = ws.cell(r, col).value
            if isinstance(v, str):
                v = int(v.replace(".", ""))
            amounts[(r, col)] = v
    letter = {3: "C", 4: "D"}
    totals = {}
    for offset, (code, text, anggaran, _r, _sd) in enumerate(rows):
        r = start + offset
        for col in (3, 4):
            kind = anggaran if col == 3 else _r
            if kind == "SUMK":
                refs = kegiatan_of[r]
                value = sum(amounts[(x, col)] for x in refs)
                ws.cell(r, col, f"=SUM({letter[col]}{refs[0]}:{letter[col]}{refs[-1]})")
            elif kind == "SUM":
                refs = line_rows["4" if "PENDAPATAN" in text else "5"]
                value = sum(amounts[(x, col)] for x in refs)
                ws.cell(r, col, "=" + "+".join(f"{letter[col]}{x}" for x in refs))
                totals[(text, col)] = (r, value)
            elif kind == "DIFF":
                (rp, vp), (rb, vb) = totals[("JUMLAH PENDAPATAN", col)], totals[("JUMLAH BELANJA", col)]
                value = vp - vb
                ws.cell(r, col, f"={letter[col]}{rp}-{letter[col]}{rb}")
            else:
                continue
            cached[f"{letter[col]}{r}"] = value
        if code.count(".") == 3:
            ws.cell(r, 5, f"=C{r}-D{r}")
            cached[f"E{r}"] = amounts[(r, 3)] - amounts[(r, 4)]
    end = start + len(rows)
    ws.cell(end + 2, 4, "Tumbang Mujam, 31 Desember 2024")
    ws.cell(end + 3, 4, "Kepala Desa Tumbang Mujam")
    ws.cell(end + 6, 4, "( BUDI SANTOSO )")
    wb.create_sheet("Catatan").append(["Dibuat oleh operator desa"])
    path = save(wb, MESSY / "Laporan Realisasi APBDes Tumbang Mujam 2024.xlsx")
    cache_formulas(path, cached)
    expected[path.name] = dict(type="apbdes", kode_desa="62.02.16.2002", tahun=2024, rows=5,
                               tahap="realisasi_tahunan", anggaran="1649000000",
                               realisasi="1643750000",
                               kegiatan=["", "", "2.2.01", "2.2.01", "2.3.01"],
                               sources=["kode_desa", "kode_kegiatan", "tahap", "tahun_anggaran"])


def messy_alias_xlsx(expected: dict) -> None:
    """Name spelt as villages spell it (the reference has "Mandiiri"), TA 2023, synonyms
    (Keterangan as uraian, Pagu, Terealisasi, Sumber), merged Sumber Dana cells, two sheets."""
    wb = openpyxl.Workbook()
    info = wb.active
    info.title = "Petunjuk"
    info.append(["Lembar ini hanya petunjuk."])
    ws = wb.create_sheet("APBDes")
    ws.append(["APBDes Ds. Sungai Ubar Mandiri, Kec. Cempaga Hulu"])
    ws.append(["TA 2023"])
    ws.append(["Tahap", "Kode Akun", "Keterangan", "Kode Kegiatan", "Sumber", "Pagu", "Terealisasi"])
    data = [
        ("anggaran_perubahan", "4.2.1.01", "Dana Desa", "0.0.00", "DDS", 780_000_000, None),
        ("anggaran_perubahan", "5.2.2.01", "Honor TPK jalan usaha tani", "2.2.01", "DDS", 6_000_000, None),
        ("anggaran_perubahan", "5.3.1.01", "Jalan usaha tani", "2.2.01", None, 194_000_000, None),
        ("anggaran_perubahan", "4.2.3.01", "ADD", "0.0.00", "ADD", "350.000.000", None),
    ]
    for row in data:
        ws.append(list(row))
    ws.merge_cells("E5:E6")  # "DDS" written once for two lines
    ws.append([])
    ws.append([None, None, "Mengetahui,"])
    ws.append([None, None, "Kepala Desa"])
    path = save(wb, MESSY / "ds_sungai_ubar_mandiri_apbdes.xlsx")
    expected[path.name] = dict(type="apbdes", kode_desa="62.02.13.2011", tahun=2023, rows=4,
                               tahap="anggaran_perubahan", anggaran="1330000000", realisasi="0",
                               sources=["kode_desa", "tahun_anggaran"], sheet="APBDes")


def messy_kegiatan_csv(expected: dict) -> None:
    """UTF-8 with BOM, commas, kode desa only in the file name, a JUMLAH row at the end."""
    head = "Kode Kegiatan,Nama Kegiatan,Lokasi,Volume,Satuan,Anggaran,SD,Tahun,Status,Progres (%)"
    rows = [
        '2.2.01,Pemeliharaan jalan desa,RT 02,"1.200",meter,"Rp 150.000.000",DDS,2024,selesai,100',
        '2.3.01,"Posyandu Mawar, rehab",RT 01,1,unit,"25.500.000",ADD,2024,berjalan,"62,5"',
        '3.1.01,Pelatihan BUMDes,Balai Desa,2,kali,"7.500.000",DDS,2024,rencana,0',
        ',JUMLAH,,,,"183.000.000",,,,',
    ]
    path = MESSY / "62.02.16.2005_kegiatan_2024.csv"
    path.write_bytes(("\ufeff" + "\n".join([head] + rows) + "\n").encode("utf-8"))
    expected[path.name] = dict(type="kegiatan", kode_desa="62.02.16.2005", tahun=2024, rows=3,
                               anggaran="183000000", sources=["kode_desa"])


def messy_musyawarah_tsv(expected: dict) -> None:
    """Tab-separated, a "Nama Desa" column with spelling variants and a kecamatan column."""
    head = "Nama Desa\tKecamatan\tHari/Tanggal\tJenis Musyawarah\tTempat\tHadir L\tHadir P\tAgenda"
    rows = [
        "Ds. Cempaka Putih\tTualan Hulu\tSenin, 15 Januari 2024\tMusdes RKPDes\tBalai Desa\t30\t25\tRKPDes 2025",
        "CEMPAKA PUTIH\tTualan Hulu\t02/05/2024\tMusdes Khusus\tBalai Desa\t12\t18\tBLT-DD",
        "Cempaka Puteh\tKec. Tualan Hulu\t3 Agt 2024\tMusdus\tRT 03\t20\t11\tUsulan dusun",
    ]
    path = MESSY / "musdes_cempaka_putih.txt"
    path.write_text("\n".join([head] + rows) + "\n", encoding="utf-8")
    expected[path.name] = dict(type="musyawarah", kode_desa="62.02.16.2010", tahun=2024, rows=3,
                               warnings=["village-name-variant"], sources=["kode_desa"])


def messy_siskeudes_like_xlsx(expected: dict) -> None:
    """Semester report with Siskeudes-style codes ("5.2.2.01.", kegiatan "02.02.01."), heading
    rows carrying their own totals, kode desa in the title, a JUMLAH per kegiatan."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sem I"
    ws.append(["LAPORAN REALISASI APBDES SEMESTER I"])
    ws.append(["DESA WONOSARI (62.02.16.2007) KECAMATAN TUALAN HULU TAHUN ANGGARAN 2025"])
    ws.append(["Kode Rekening", "Uraian", "Anggaran", "Realisasi", "Sumber Dana"])
    rows = [
        ("4.", "PENDAPATAN", 1_000_000_000, 500_000_000, None),
        ("4.2.1.01.", "Dana Desa", 600_000_000, 300_000_000, "DDS"),
        ("4.2.3.01.", "Alokasi Dana Desa", 400_000_000, 200_000_000, "ADD"),
        ("5.", "BELANJA", 64_000_000, 30_000_000, None),
        ("02.", "Bidang Pelaksanaan Pembangunan Desa", 64_000_000, 30_000_000, None),
        ("02.02.01.", "Pemeliharaan Jalan Desa", 64_000_000, 30_000_000, None),
        ("5.2.2.01.", "Honorarium TPK", 4_000_000, 2_000_000, "DDS"),
        ("5.3.1.01.", "Belanja Modal Jalan Desa", 60_000_000, 28_000_000, "DDS"),
        (None, "Jumlah", 64_000_000, 30_000_000, None),
    ]
    for row in rows:
        ws.append(list(row))
    path = save(wb, MESSY / "apbdes_sem1_2025.xlsx")
    expected[path.name] = dict(type="apbdes", kode_desa="62.02.16.2007", tahun=2025, rows=4,
                               tahap="realisasi_semester_1", anggaran="1064000000",
                               realisasi="530000000",
                               kegiatan=["", "", "2.2.01", "2.2.01"],
                               sources=["kode_desa", "kode_kegiatan", "tahap", "tahun_anggaran"])


# --------------------------------------------------------------------------- broken corpus

APBDES_HEAD = "Kode Desa;Tahun Anggaran;Tahap;Kode Rekening;Uraian;Kode Kegiatan;Sumber Dana;Anggaran;Realisasi"
GOOD = [
    "62.02.16.2003;2024;anggaran;4.2.1.01;Dana Desa;0.0.00;DDS;850.000.000;",
    "62.02.16.2003;2024;anggaran;5.2.2.01;Honor TPK;2.2.01;DDS;7.500.000;",
]


def apbdes_csv(*changes: tuple[int, int, str], extra: list[str] | None = None,
               head: str = APBDES_HEAD, title: list[str] | None = None) -> bytes:
    rows = [r.split(";") for r in GOOD]
    for row, col, value in changes:
        rows[row][col] = value
    lines = (title or []) + [head] + [";".join(r) for r in rows] + (extra or [])
    return ("\n".join(lines) + "\n").encode("utf-8")


MUS_HEAD = "Kode Desa;Tanggal;Jenis Musyawarah;Jumlah Undangan;Hadir L;Hadir P;Agenda;Dokumen URL"
MUS_GOOD = "62.02.16.2003;15/03/2024;Musdes RKPDes;80;40;35;RKPDes;https://desa.example/ba.pdf"


def musyawarah_csv(col: int, value: str) -> bytes:
    row = MUS_GOOD.split(";")
    row[col] = value
    return (MUS_HEAD + "\n" + ";".join(row) + "\n").encode("utf-8")


KEG_HEAD = "Kode Desa;Tahun;Kode Kegiatan;Nama Kegiatan;Anggaran;Sumber Dana;Status;Progres;Keterangan"
KEG_GOOD = "62.02.16.2003;2024;2.2.01;Jalan desa;150.000.000;DDS;berjalan;50;"


def kegiatan_csv(col: int, value: str) -> bytes:
    row = KEG_GOOD.split(";")
    row[col] = value
    return (KEG_HEAD + "\n" + ";".join(row) + "\n").encode("utf-8")


def xlsx_bytes(build) -> bytes:
    wb = openpyxl.Workbook()
    build(wb.active)
    tmp = BROKEN / "_tmp.xlsx"
    save(wb, tmp)
    data = tmp.read_bytes()
    tmp.unlink()
    return data


def _report_wrong_total(ws) -> None:
    ws.append(["DESA MERAH KECAMATAN TUALAN HULU TAHUN ANGGARAN 2024 (REALISASI)"])
    ws.append(["Kode Rekening", "Uraian", "Kode Kegiatan", "Sumber Dana", "Anggaran", "Realisasi"])
    ws.append(["4", "PENDAPATAN"])
    ws.append(["4.2.1.01", "Dana Desa", "0.0.00", "DDS", 850_000_000, 850_000_000])
    ws.append(["4.2.3.01", "ADD", "0.0.00", "ADD", 400_000_000, 400_000_000])
    ws.append([None, "JUMLAH PENDAPATAN", None, None, 1_300_000_000, 1_250_000_000])


def _formula_no_value(ws) -> None:
    ws.append(["Kode Desa", "Tahun Anggaran", "Tahap", "Kode Rekening", "Uraian", "Kode Kegiatan",
               "Sumber Dana", "Anggaran"])
    ws.append(["62.02.16.2003", 2024, "anggaran", "4.2.1.01", "Dana Desa", "0.0.00", "DDS", "=400000*2"])


def _empty_sheet(ws) -> None:
    ws.title = "Kosong"


def _zip(entries: dict[str, bytes]) -> bytes:
    tmp = BROKEN / "_tmp.zip"
    with zipfile.ZipFile(tmp, "w") as z:
        for name, data in entries.items():
            z.writestr(zipfile.ZipInfo(name, FIXED), data)
    data = tmp.read_bytes()
    tmp.unlink()
    return data


def broken_cases() -> list[dict]:
    good_xlsx = xlsx_bytes(_formula_no_value)
    cases = [
        # unreadable: exit 2
        ("kosong.csv", b"", 2, "file-unreadable", "0 byte"),
        ("spasi.csv", b"  \n;;\n\n", 2, "file-empty", "kosong"),
        ("biner.csv", bytes(range(256)) * 8, 2, "file-unreadable", "biner"),
        ("laporan.pdf", b"%PDF-1.4\n%\xe2\xe3\n", 2, "file-unreadable", "tidak didukung"),
        ("lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), 2, "file-unreadable", "tidak didukung"),
        ("terkunci.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), 2, "file-unreadable", "kata sandi"),
        ("palsu.xlsx", b"Kode Desa,Tahun\n1,2\n", 2, "file-unreadable", "XLSX"),
        ("terpotong.xlsx", good_xlsx[: len(good_xlsx) // 2], 2, "file-unreadable", "XLSX"),
        ("dokumen.xlsx", _zip({"word/document.xml": b"<w/>"}), 2, "file-unreadable", "tidak berisi dokumen Word"),
        ("rusak_xml.xlsx", _zip({"xl/workbook.xml": b"<workbook><sheets>", "[Content_Types].xml": b"<"}),
         2, "file-unreadable", "XLSX"),
        ("lembar_kosong.xlsx", xlsx_bytes(_empty_sheet), 2, "file-empty", "kosong"),
        ("hanya_judul_kolom.csv", (APBDES_HEAD + "\n").encode(), 1, "file-empty", "kosong"),
        # readable but wrong: exit 1
        # (UTF-16 without its BOM is read as UTF-16: its headings are what is wrong here)
        ("utf16_tanpa_bom.csv", "Kode Desa;Tahun\n".encode("utf-16-le"), 1, "unknown-record-type",
         "Kode Desa, Tahun"),
        ("judul_asing.csv", b"Nama;Alamat;Telepon\nBudi;Jl. Mawar;0812\n", 1, "unknown-record-type", "Nama, Alamat"),
        ("kolom_ganda.csv", apbdes_csv(head=APBDES_HEAD.replace("Realisasi", "Pagu")), 1,
         "duplicate-column", "anggaran"),
        ("angka_huruf.csv", apbdes_csv((1, 7, "tujuh juta")), 1, "invalid-number", "baris 3"),
        ("angka_ambigu.csv", apbdes_csv((0, 8, "12.34"), (1, 8, "")), 1, "ambiguous-number", "baris 2"),
        ("kode_desa_salah.csv", apbdes_csv((0, 0, "6202162003")), 1, "invalid-code", "kode_desa"),
        ("desa_tak_dikenal.csv", apbdes_csv((0, 0, "62.02.99.2001"), (1, 0, "62.02.99.2001")), 1,
         "unknown-village", "62.02.99.2001"),
        ("rekening_tak_dikenal.csv", apbdes_csv((1, 3, "5.9.9.01")), 1, "unknown-account", "5.9.9.01"),
        ("kegiatan_tak_dikenal.csv", apbdes_csv((1, 5, "2.9.99")), 1, "unknown-activity", "2.9.99"),
        ("tahap_salah.csv", apbdes_csv((0, 2, "final")), 1, "not-in-list", "tahap"),
        ("baris_ganda.csv", apbdes_csv(extra=[GOOD[1]]), 1, "duplicate-row", "baris 4"),
        ("tahun_luar_batas.csv", apbdes_csv((0, 1, "2014"), (1, 1, "2014")), 1, "out-of-range", "2015"),
        ("tahun_pecahan.csv", apbdes_csv((0, 1, "2024,5")), 1, "invalid-integer", "2024,5"),
        ("keterangan_panjang.csv", kegiatan_csv(8, "x" * 501), 1, "too-long", "keterangan"),
        ("progres_150.csv", kegiatan_csv(7, "150"), 1, "out-of-range", "progres_persen"),
        ("tanggal_salah.csv", musyawarah_csv(1, "31/02/2024"), 1, "invalid-date", "tanggal"),
        ("undangan_huruf.csv", musyawarah_csv(3, "delapan puluh"), 1, "invalid-integer", "jumlah_undangan"),
        ("tautan_salah.csv", musyawarah_csv(7, "berita acara"), 1, "invalid-value", "dokumen_url"),
        ("jumlah_salah.xlsx", xlsx_bytes(_report_wrong_total), 1, "subtotal-mismatch", "JUMLAH PENDAPATAN"),
        ("rumus_tanpa_nilai.xlsx", good_xlsx, 1, "formula-no-value", "=400000*2"),
        ("apbdes_2023.csv", apbdes_csv(title=["APBDES TAHUN ANGGARAN 2024"]), 1, "year-conflict", "2023"),
        ("tahun_berbeda.csv", apbdes_csv((1, 1, "2023"), title=["APBDES DESA MERAH TAHUN ANGGARAN 2024"]),
         1, "year-conflict", "2023"),
        ("desa_berbeda.csv", apbdes_csv(title=["APBDES DESA TUMBANG MUJAM TAHUN ANGGARAN 2024"]), 1,
         "village-conflict", "62.02.16.2002"),
        ("desa_tak_ada.csv", apbdes_csv(head=APBDES_HEAD.replace("Kode Desa;", ""),
                                        title=["APBDES DESA ATLANTIS TAHUN ANGGARAN 2024"]).replace(
            b"62.02.16.2003;", b""), 1, "village-not-found", "ATLANTIS"),
        ("desa_ganda.csv", apbdes_csv(head=APBDES_HEAD.replace("Kode Desa;", ""),
                                      title=["APBDES DESA SUMBER MAKMUR TAHUN ANGGARAN 2024"]).replace(
            b"62.02.16.2003;", b""), 1, "village-ambiguous", "Sumber Makmur"),
        ("desa_mirip.csv", apbdes_csv(head=APBDES_HEAD.replace("Kode Desa;", ""),
                                      title=["APBDES DESA TUMBANG MUJAN TAHUN ANGGARAN 2024"]).replace(
            b"62.02.16.2003;", b""), 1, "village-uncertain", "Tumbang Mujam"),
        ("tanpa_desa.csv", apbdes_csv(head=APBDES_HEAD.replace("Kode Desa;", "")).replace(
            b"62.02.16.2003;", b""), 1, "missing-column", "kode_desa"),
    ]
    return cases


def tolerated_cases() -> list[tuple]:
    """Files an earlier version rejected for their form: now read, with what was interpreted."""
    return [
        ("tanpa_sumber_dana.csv", apbdes_csv(head=APBDES_HEAD.replace("Sumber Dana", "Dana Dari")),
         "headings-interpreted", "Dana Dari"),
        ("belanja_tanpa_kegiatan.csv", apbdes_csv((1, 5, "0.0.00")), "spending-without-activity", "baris 3"),
        ("sumber_dana_salah.csv", apbdes_csv((1, 6, "APBN")), "value-read", "DDS"),
        ("uraian_kosong.csv", apbdes_csv((1, 4, "")), "value-derived", "uraian"),
        ("status_salah.csv", kegiatan_csv(6, "jalan"), "value-read", "berjalan"),
        ("jenis_musyawarah_salah.csv", musyawarah_csv(2, "Rapat RT"), "value-fallback", "Musdes Lainnya"),
    ]


def build_tolerated() -> None:
    cases = []
    for name, data, code, mentions in tolerated_cases():
        (TOLERATED / name).write_bytes(data)
        cases.append({"file": name, "code": code, "mentions": mentions})
    header = ("# Correct in substance, unusual in form: each is accepted by `desa check` (exit 0) and\n"
              "# reports how it was read: a finding with this code mentioning the text given.\n"
              "# Built by tests/data/build_corpus.py.\n")
    (TOLERATED / "cases.yaml").write_text(header + yaml.safe_dump(cases, sort_keys=False, allow_unicode=True),
                                          encoding="utf-8")


def build_broken() -> None:
    cases = []
    for name, data, exit_code, code, mentions in broken_cases():
        (BROKEN / name).write_bytes(data)
        cases.append({"file": name, "exit": exit_code, "code": code, "mentions": mentions})
    header = ("# Broken submissions: each must give this exit code from `desa check`, a finding with\n"
              "# this code, and a message mentioning the text given (where or what). Built by\n"
              "# tests/data/build_corpus.py.\n")
    (BROKEN / "cases.yaml").write_text(header + yaml.safe_dump(cases, sort_keys=False, allow_unicode=True),
                                       encoding="utf-8")


def build_messy() -> None:
    expected: dict = {}
    for build in (messy_csv_cp1252, messy_report_xlsx, messy_alias_xlsx, messy_kegiatan_csv,
                  messy_musyawarah_tsv, messy_siskeudes_like_xlsx):
        build(expected)
    header = ("# Realistic messy submissions and what must be read from them (totals equal the\n"
              "# source). Built by tests/data/build_corpus.py.\n")
    (MESSY / "expected.yaml").write_text(header + yaml.safe_dump(expected, sort_keys=True, allow_unicode=True),
                                         encoding="utf-8")


def main() -> None:
    for directory in (MESSY, BROKEN, TOLERATED):
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
    build_messy()
    build_broken()
    build_tolerated()


if __name__ == "__main__":
    main()
