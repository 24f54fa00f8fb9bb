"""Builds the fixtures of tests/unit/test_blind_sigdate.py (run: python tests/data/blind/sigdate/build.py).

A signature block whose place and date are split over cells, the date a real Excel date cell
(or a date as text in its own cell in the CSV). Activities, amounts, dates and people are
invented; village names are real reference names only so that they resolve."""

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
END = dt.datetime(2024, 12, 31)
APBDES = [("KODE", "URAIAN", "ANGGARAN (Rp)"),
          ("4.1.1", "Hasil Usaha Desa", 15000000),
          ("4.2.1", "Dana Desa", 850000000),
          ("4.2.3", "Alokasi Dana Desa", 410500000),
          (None, "JUMLAH PENDAPATAN", 1275500000)]


def _book(name: str, rows: list, dates: tuple = (), merge: str = "") -> None:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    if name.startswith("apbdes"):
        for row in sheet.iter_rows(min_row=5, max_row=8, min_col=3, max_col=3):
            row[0].number_format = "#,##0"
    for ref in dates:  # a real date cell, shown as Excel shows a typed date
        sheet[ref].number_format = "dd-mm-yyyy"
    if merge:
        sheet.merge_cells(merge)
    book.save(HERE / name)


# the place in the uraian column, the date cell beside it, under the amounts
_book("apbdes_ttd_tanggal_sel_mekar_jaya_2024.xlsx", [
    ("APBDES DESA MEKAR JAYA KECAMATAN PARENGGEAN",), ("TAHUN ANGGARAN 2024",), (), *APBDES, (),
    (None, "Mekar Jaya,", END), (None, "Kepala Desa"), (), (None, "BUDI SANTOSO")], dates=("C11",))

# "Sampit, " alone under the codes, the date cell on the next line in the same (code) column
_book("apbdes_ttd_kolom_kode_hanjalipan_2024.xlsx", [
    ("APBDES DESA HANJALIPAN KECAMATAN KOTA BESI",), ("TAHUN ANGGARAN 2024",), (), *APBDES, (),
    ("Sampit, ",), (END,), ("Kepala Desa Hanjalipan",), (), ("RUSDIANSYAH",)], dates=("A12",))

# a Perdes signature: "Ditetapkan di" | place, "Pada tanggal" | a date cell merged across C:D
_book("apbdes_ditetapkan_pada_tanggal_tanah_putih_2024.xlsx", [
    ("APBDES DESA TANAH PUTIH KECAMATAN TELAWANG",), ("TAHUN ANGGARAN 2024",), (), *APBDES, (),
    (None, "Ditetapkan di", "Tanah Putih"), (None, "Pada tanggal", END), (None, "KEPALA DESA TANAH PUTIH"),
    (), (None, "SITI AMINAH")], dates=("C12",), merge="C12:D12")

# the place on one line, "Tanggal" | a date cell on the next
_book("apbdes_tanggal_berlabel_luwuk_kowan_2024.xlsx", [
    ("APBDES DESA LUWUK KOWAN KECAMATAN TELAGA ANTANG",), ("TAHUN ANGGARAN 2024",), (), *APBDES, (),
    (None, "Luwuk Kowan,"), (None, "Tanggal", END), (None, "Kepala Desa"), (), (None, "YUSUF HIDAYAT")],
    dates=("C12",))

# the same as CSV: the date as text "31/12/2024" in its own cell
(HERE / "apbdes_ttd_tanggal_sel_pantai_harapan_2024.csv").write_text("\r\n".join([
    "APBDES DESA PANTAI HARAPAN KECAMATAN CEMPAGA HULU,,", "TAHUN ANGGARAN 2024,,", ",,",
    "KODE,URAIAN,ANGGARAN (Rp)",
    '4.1.1,Hasil Usaha Desa,"15.000.000"', '4.2.1,Dana Desa,"850.000.000"',
    '4.2.3,Alokasi Dana Desa,"410.500.000"', ',JUMLAH PENDAPATAN,"1.275.500.000"', ",,",
    ",\"Pantai Harapan,\",31/12/2024", ",Kepala Desa,", ",,", ",AHMAD FAUZI,"]) + "\r\n", encoding="utf-8")

# a kegiatan list with start and end date columns: the signature's date cell under "Selesai"
_book("daftar_kegiatan_ttd_tanggal_mekar_jaya_2024.xlsx", [
    ("DAFTAR KEGIATAN DESA MEKAR JAYA KECAMATAN PARENGGEAN TAHUN 2024",), (),
    ("Kode Kegiatan", "Nama Kegiatan", "Pagu (Rp)", "Tgl Mulai", "Tgl Selesai"),
    ("1.1.01", "Penyediaan Penghasilan Tetap Kepala Desa", 120000000, dt.datetime(2024, 1, 2), END),
    ("2.3.13", "Pembangunan Jembatan Desa", 160250000, dt.datetime(2024, 6, 3), dt.datetime(2024, 9, 30)),
    (None, "JUMLAH", 280250000), (),
    (None, None, None, "Mekar Jaya,", END), (None, None, None, "Kepala Desa"), (), (None, None, None, "BUDI SANTOSO")],
    dates=("D4", "E4", "D5", "E5", "E8"))

# a musyawarah list: the signature's date cell in the date column; a meeting held at "Balai Desa"
# with only its place and date filled is still a meeting
_book("daftar_musdes_ttd_tanggal_luwuk_kowan_2024.xlsx", [
    ("DAFTAR MUSYAWARAH DESA LUWUK KOWAN TAHUN 2024",), (),
    ("Jenis Musyawarah", "Tempat", "Tanggal", "Hadir L", "Hadir P"),
    ("Musdes Penetapan APBDes 2024", "Balai Desa", dt.datetime(2024, 1, 23), 21, 9),
    ("Musdes RKP Desa 2025", "Balai Desa", dt.datetime(2024, 7, 30), 25, 12),
    ("Musdes Khusus BLT-DD", "Balai Desa,", dt.datetime(2024, 11, 5), 18, 10), (),
    (None, "Luwuk Kowan,", END), (None, "Kepala Desa"), (), (None, "YUSUF HIDAYAT")],
    dates=("C4", "C5", "C6", "C8"))
