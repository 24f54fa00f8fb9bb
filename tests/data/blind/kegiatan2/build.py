"""Builds the fixtures of tests/unit/test_blind_kegiatan2.py (run: python tests/data/blind/kegiatan2/build.py).

Shapes from the s31 (trial 3) blind activity files (see SOURCES.md); names and numbers are invented."""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent

# OpenSID pembangunan -> OpenDK sync CSV: snake_case, no kegiatan code, status = OpenSID's 1/0 flag.
(HERE / "pembangunan_opendk_terantang_2024.csv").write_text("\n".join([
    "desa_id,id,sumber_dana,lokasi,judul,keterangan,volume,tahun_anggaran,pelaksana_kegiatan,status,"
    "anggaran,perubahan_anggaran,sumber_biaya_pemerintah,sumber_biaya_jumlah,manfaat,waktu,foto",
    "6202122002,3,Dana Desa,Dusun I RT 002,Pembangunan Jalan Usaha Tani Handil Baru,Rabat beton,"
    "300 x 3 m,2024,TPK Desa,1,185000000,0,185000000,185000000,Akses kebun,60,jut_1.jpg",
    "6202122002,4,Dana Desa,Dusun II RT 005,Rehab Saluran Air Sekolah,,120 m,2024,TPK Desa,1,"
    "42500000,0,42500000,42500000,Cegah banjir,30,",
    "6202122002,5,Alokasi Dana Desa,Kantor Desa,Pengadaan Lemari Arsip Kantor,,2 unit,2024,"
    "Sekretaris Desa,0,7400000,0,7400000,7400000,Arsip tertata,10,",
]) + "\n", encoding="utf-8")

# Papan informasi kegiatan: one board per sheet, 'label : value' lines, volume as a size.
book = Workbook()
boards = [
    ("Papan 1", "Pembangunan Drainase Lingkungan RT 03", "2.3.14", "P. 180 m x L. 0,6 m x T. 0,5 m",
     "Rp 98.250.000,-", "Dana Desa (DD)"),
    ("Papan 2", "Pembangunan Jembatan Kayu Ulin", "2.3.10", "P 12 m x L 3 m", "Rp 41.000.000,-", "Dana Desa (DD)"),
]


def board(book, index, title, name, code, volume, amount, source):
    sheet = book.active if index == 0 else book.create_sheet()
    sheet.title = title
    for row in (
        ["PAPAN INFORMASI KEGIATAN"],
        ["PEMERINTAH DESA BATUAH"],
        [],
        ["Nama Kegiatan", ":", name],
        ["Kode Kegiatan", ":", code],
        ["Volume", ":", volume],
        ["Lokasi", ":", "Dusun Batuah Hilir"],
        ["Anggaran", ":", amount],
        ["Sumber Dana", ":", source],
        ["Tahun Anggaran", ":", "2024"],
        ["Pelaksana", ":", "TPK Desa Batuah"],
    ):
        sheet.append(row)


for index, spec in enumerate(boards):
    board(book, index, *spec)
book.save(HERE / "Papan_Kegiatan_TA2024_Batuah.xlsx")
book = Workbook()  # the same board with a volume no reading can take: the error names its line
board(book, 0, "Papan 1", "Pembangunan Jembatan Kayu Ulin", "2.3.10", "banyak", "Rp 41.000.000,-", "DD")
book.save(HERE / "Papan_Kegiatan_TA2024_Batuah_salah.xlsx")

# A plan list with the volume as bare dimensions, in one cell and across volume | satuan.
(HERE / "rencana_kegiatan_tinduk_2025.csv").write_text("\n".join([
    "Kode Kegiatan,Nama Kegiatan,Lokasi,Volume,Satuan,Anggaran,Sumber Dana",
    "2.3.10,Pengerasan Jalan Desa Simpang Tiga,RT 04,350 x 4 m,,210000000,DD",
    "2.3.12,Pembangunan Jalan Usaha Tani Sei Hanyu,RT 07,250,x 2.5 m,96000000,DD",
    "2.2.02,Insentif Kader Posyandu,Posyandu Melati,12,bulan,14400000,ADD",
]) + "\n", encoding="utf-8")

# Google Forms responses: Timestamp, the respondent's Email Address, long question headings.
(HERE / "Laporan Kegiatan Desa (Responses) - Form Responses 1.csv").write_text("\n".join([
    "Timestamp,Email Address,Nama Desa,Tahun Anggaran,Kode Kegiatan,Nama Kegiatan sesuai APBDes,"
    "Pagu Anggaran (Rp),Sumber Dana,Progres fisik (%)",
    "12/08/2024 9:14:02,operator.tinduk@gmail.com,Tinduk,2024,2.3.10,Pengerasan Jalan Gang Damai,"
    "150000000,Dana Desa,60",
    "13/08/2024 10:02:45,operator.tinduk@gmail.com,Tinduk,2024,2.2.02,Insentif Kader Posyandu,"
    "14400000,Alokasi Dana Desa,100",
]) + "\n", encoding="utf-8")

# Siskeudes RAB print: one sheet per kegiatan, a '1. Bidang : …' header block, the rincian by
# kode rekening with '- item' lines, a JUMLAH line and signatures.
RAB = [
    ("02.03.12", "02. BIDANG PELAKSANAAN PEMBANGUNAN DESA", "02.03. Pekerjaan Umum dan Penataan Ruang",
     "02.03.12. Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jalan Usaha Tani", "Handil Sei Asam",
     [("5.3.5.02.", "Upah Tenaga Kerja", [("- Pekerja", 120, "HOK", 110000)]),
      ("5.3.5.03.", "Bahan Baku", [("- Semen 50 kg", 400, "Sak", 78000), ("- Batu split", 40, "M3", 465000)])]),
    ("01.04.01", "01. BIDANG PENYELENGGARAAN PEMERINTAHAN DESA", "01.04. Tata Praja Pemerintahan",
     "01.04.01. Penyelenggaraan Musyawarah Perencanaan Desa/Pembahasan APBDes (Reguler)", "Balai Desa",
     [("5.2.1.02.", "Makanan dan Minuman Rapat", [("- Nasi kotak", 60, "Kotak", 35000)])]),
]


def rab(path, total_error=0):
    book = Workbook()
    for index, (title, bidang, sub, kegiatan, lokasi, accounts) in enumerate(RAB):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = title
        for row in (["RENCANA ANGGARAN BIAYA (RAB)"], ["PEMERINTAH DESA BATUAH"], ["TAHUN ANGGARAN 2025"], [],
                    ["1.", "Bidang", ":", bidang], ["2.", "Sub Bidang", ":", sub], ["3.", "Kegiatan", ":", kegiatan],
                    ["4.", "Waktu Pelaksanaan", ":", "Juli s/d Agustus 2025"], ["5.", "Lokasi", ":", lokasi], [],
                    ["KODE REKENING", "URAIAN", "VOLUME", "SATUAN", "HARGA SATUAN (Rp)", "JUMLAH (Rp)"],
                    ["1", "2", "3", "4", "5", "6 = (3x5)"]):
            sheet.append(row)
        total = 0
        for code, name, items in accounts:
            sheet.append([code, name, None, None, None, sum(v * p for _, v, _, p in items)])
            for item, volume, unit, price in items:
                sheet.append([None, item, volume, unit, price, volume * price])
                total += volume * price
        sheet.append(["JUMLAH", None, None, None, None, total + (total_error if index == 0 else 0)])
        sheet.append([])
        sheet.append(["Disetujui,", None, None, None, "Batuah, 6 Januari 2025"])
        sheet.append(["Kepala Desa", None, None, None, "Pelaksana Kegiatan"])
    book.save(HERE / path)


rab("RAB_Kegiatan_Desa_Batuah_2025.xlsx")
rab("RAB_Kegiatan_Desa_Batuah_2025_salah.xlsx", total_error=500000)  # JUMLAH off by 500.000
