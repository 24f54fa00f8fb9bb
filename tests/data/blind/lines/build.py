"""Builds the fixtures of tests/unit/test_blind_lines.py (run: python tests/data/blind/lines/build.py).

Shapes from the s31 fourth blind trial (kegiatan, musyawarah); names, people and numbers are
invented (village names are real reference names only so that they resolve)."""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent

# an SPJ recap typed in a spreadsheet and downloaded as CSV: columns in reverse order (amounts
# first, the code last), the JUMLAH line's code cell empty, "-" for zero, a Terbilang line
(HERE / "rekap_spj_terbalik_hanjalipan_2024.csv").write_bytes("\r\n".join([
    "\ufeffREKAPITULASI SPJ KEGIATAN,,,,,",
    "DESA HANJALIPAN KECAMATAN KOTA BESI,,,,,",
    "S.D. TRIWULAN IV TAHUN ANGGARAN 2024,,,,,",
    ",,,,,",
    "Realisasi SPJ (Rp),Pagu Anggaran (Rp),Sisa (Rp),%,Uraian Kegiatan,Kode Keg.",
    '"120.000.000","120.000.000",-,"100,00%","1. Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa",01.01.01.',
    '"14.500.000","15.000.000","500.000","96,67%","1. Pemeliharaan Gedung/Prasarana Kantor Desa",01.02.02.',
    '"160.000.000","160.250.000","250.000","99,84%","2. Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jembatan Milik Desa",02.03.13.',
    '"294.500.000","295.250.000","750.000","99,75%",JUMLAH,',
    ",,,,,",
    '"Terbilang : Dua ratus sembilan puluh empat juta lima ratus ribu rupiah",,,,,',
    ',,,,"Hanjalipan, 31 Desember 2024",',
    ",,,,Kaur Keuangan,",
    ",,,,SITI RAHMAH,",
]).encode("utf-8") + b"\r\n")

# a BPD report printed to PDF and copied back to Excel: the page footer "Halaman 1 dari 2" in
# the notes column between the pages' blocks, the title block and the heading row repeated,
# "Dicetak oleh" / "Halaman 2 dari 2" at the end
book = Workbook()
sheet = book.active
title = [("LAPORAN KEGIATAN BADAN PERMUSYAWARATAN DESA (BPD)",), ("DESA TUMBANG KALANG KECAMATAN ANTANG KALANG",),
         ("TAHUN 2024",), ()]
heading = ("NO", "KEGIATAN / MUSYAWARAH", "HARI/TANGGAL", "TEMPAT", "JUMLAH HADIR", "HASIL / KETERANGAN")
for row in [*title, heading,
            (1, "Musdes Khusus Penetapan KPM BLT-DD", "Senin / 15-01-2024", "Balai Desa", "30 orang", "Ditetapkan 18 KPM"),
            (2, "Musdes Penetapan APBDes 2024", "Kamis / 08-02-2024", "Balai Desa", "28 orang", "APBDes disepakati"),
            (), (None, None, None, None, None, "Halaman 1 dari 2"),
            *title, heading,
            (3, "Musdes Pertanggungjawaban Realisasi APBDes 2023", "Selasa / 12-03-2024", "Balai Desa", "26 orang", "LPJ diterima"),
            (4, "Musrenbangdes", "Rabu / 11-09-2024", "Balai Desa", "40 orang", "10 usulan prioritas"),
            (), (None, None, None, None, "Dicetak oleh: operator desa, 30/12/2024", "Hal. 2/2"),
            (), (None, None, None, None, "Tumbang Kalang, 30 Desember 2024"),
            (None, None, None, None, "Ketua BPD"), (), (None, None, None, None, "H. MUHAMMAD NOOR")]:
    sheet.append(list(row))
book.save(HERE / "laporan_bpd_salin_pdf_tumbang_kalang_2024.xlsx")

# the Permendagri 47/2016 D2 form (OpenSID bumindes): a JUMLAH row whose total 628.550.000
# (a plain integer cell) begins with 62 8, as a +62 8… phone number would
book = Workbook()
sheet = book.active
for row in [("BUKU KEGIATAN PEMBANGUNAN",), ("DESA LUWUK KOWAN KECAMATAN TELAGA ANTANG",), ("TAHUN 2024",), (),
            ("NO", "NAMA KEGIATAN", "VOLUME", "JUMLAH", "PELAKSANA", "KET"),
            (1, 2, 3, 4, 5, 6),
            (1, "Peningkatan Jalan Desa (Rabat Beton) RT 02", "250 m", 312450000, "TPK Desa", "DD"),
            (2, "Pembangunan Drainase Jalan Lingkungan RT 04", "180 m", 96100000, "TPK Desa", "DD"),
            (3, "Lanjutan Pembangunan Balai Desa Tahap II", "1 Paket", 220000000, "TPK Desa", "DD"),
            (None, "JUMLAH", None, 628550000, None, None),
            (), (None, None, None, "Luwuk Kowan, 31 Desember 2024"), (None, None, None, "KEPALA DESA"),
            (), (None, None, None, "YUSUF HIDAYAT")]:
    sheet.append(list(row))
sheet["D7"].number_format = sheet["D8"].number_format = sheet["D9"].number_format = "#,##0"
sheet["D10"].number_format = "#,##0"
book.save(HERE / "buku_kegiatan_pembangunan_luwuk_kowan_2024.xlsx")
