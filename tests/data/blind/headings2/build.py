"""Build the headings2 fixtures (blind trial 3, stop 31): small files of the shapes the trial
found misread. All names and numbers are invented; see SOURCES.md. Run: python build.py"""

import csv
from pathlib import Path

import openpyxl

OUT = Path(__file__).parent


def _csv(name: str, rows: list[list]) -> None:
    with open(OUT / name, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)


# Google Form responses: subgroup in brackets, the total with a note in brackets
FORM_MUSDES = [  # date (day first), jenis, tempat, L, P
    ("15/01/2024", "Musdes Penetapan APBDes", "Balai Desa", 18, 7),
    ("20/03/2024", "Musdes Khusus BLT-DD", "Balai Desa", 14, 12),
    ("22/08/2024", "Musrenbangdes", "Aula Kantor Desa", 25, 10),
]
_csv("form_musdes_tinduk_2024.csv", [
    ["Timestamp", "Nama Desa", "Jenis musyawarah yang dilaksanakan", "Tanggal pelaksanaan musyawarah",
     "Tempat pelaksanaan", "Jumlah peserta yang hadir (laki-laki)", "Jumlah peserta yang hadir (perempuan)",
     "Jumlah seluruh peserta yang hadir (sesuai daftar hadir)", "Hasil / kesepakatan musyawarah (ringkas)"],
    *[[f"{d} 10:00:00", "Tinduk", j, d, t, l, p, l + p, "Disepakati"] for d, j, t, l, p in FORM_MUSDES],
])

# Google Form for kegiatan: fill-in instructions in the headings, a realisation column
FORM_KEGIATAN = [  # kode, nama, pagu, realisasi, progres
    ("2.3.10", "Pengerasan jalan lingkungan RT 03", 175000000, 150000000, 90),
    ("2.2.01", "Rehab posyandu", 42500000, 42500000, 100),
    ("3.3.06", "Pelatihan karang taruna", 8000000, 0, 0),
]
_csv("form_kegiatan_pelangsian_2024.csv", [
    ["Timestamp", "Nama Desa", "Tahun Anggaran", "Kode Kegiatan (lihat daftar kewenangan, contoh 2.3.10)",
     "Nama Kegiatan *", "Pagu Anggaran (Rp) – tulis angka saja tanpa titik",
     "Realisasi (Rp)", "Progres fisik (%)"],
    *[["10/10/2024 09:00:00", "Pelangsian", 2024, k, n, a, r, g] for k, n, a, r, g in FORM_KEGIATAN],
])

# OpenSID agenda list (artikel kategori agenda): Judul, Tanggal Agenda, Lokasi Kegiatan
AGENDA = [
    ("Musyawarah Desa Penetapan APBDes 2024", "2024-01-11 09:00:00", "Balai Desa"),
    ("Musdes Khusus Validasi KPM BLT Dana Desa", "2024-02-22 13:30:00", "Aula Kantor Desa"),
    ("Musyawarah Dusun I", "2024-07-04 19:30:00", "Rumah Kepala Dusun I"),
    ("Musrenbangdes RKPDes 2025", "2024-09-05 09:00:00", "Balai Desa"),
]
_csv("agenda_desa_lampuyang_2024.csv", [
    ["No", "Judul", "Tanggal Agenda", "Koordinator Kegiatan", "Lokasi Kegiatan", "Aktif"],
    *[[i, j, d, "Sekretaris Desa", t, "Ya"] for i, (j, d, t) in enumerate(AGENDA, 1)],
])

# Realisation report of kegiatan: % Fisik, % Keuangan, Realisasi s.d. Bulan Ini, "No"
REALISASI = [  # kode, nama, pagu, realisasi, % keuangan, % fisik
    ("1.1.04", "Operasional Pemerintah Desa", "60.000.000", "45.000.000", "75,00", "75,00"),
    ("2.3.12", "Pembangunan Jalan Usaha Tani", "120.000.000", "60.000.000", "50,00", "62,50"),
    ("2.4.11", "Pembangunan Sumur Bor", "50.000.000", "-", "0,00", "0,00"),
]
with open(OUT / "realisasi_kegiatan_manjalin_2024.csv", "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh, delimiter=";")
    w.writerow(["LAPORAN REALISASI PELAKSANAAN KEGIATAN"])
    w.writerow(["DESA MANJALIN KECAMATAN PARENGGEAN TAHUN ANGGARAN 2024"])
    w.writerow([])
    w.writerow(["No.", "Kode", "Nama Kegiatan", "Pagu Anggaran (Rp)", "Realisasi s.d. Bulan Ini (Rp)",
                "% Keuangan", "% Fisik"])
    for i, row in enumerate(REALISASI, 1):
        w.writerow([i, *row])

# Merged two-row heading: "Peserta Hadir" over L | P | Jumlah, the Jumlah filled
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["REKAPITULASI MUSYAWARAH DESA KUIN PERMAI TAHUN 2023"])
ws.append([])
ws.append(["No", "Tanggal", "Jenis Musyawarah", "Tempat", "Peserta Hadir", None, None])
ws.append([None, None, None, None, "L", "P", "Jumlah"])
ws.merge_cells("E3:G3")
for col in "ABCD":
    ws.merge_cells(f"{col}3:{col}4")
MERGED = [("12/01/2023", "Musdes Penetapan APBDes", "Balai Desa", 20, 9, 29),
          ("09/03/2023", "Musdes Khusus BLT-DD", "Balai Desa", 15, 13, 28),
          ("17/08/2023", "Musrenbangdes", "Balai Desa", 22, 11, 33)]
for i, row in enumerate(MERGED, 1):
    ws.append([i, *row])
wb.save(OUT / "rekap_musdes_kuin_permai_2023.xlsx")

# Papan informasi kegiatan (label : value), with a footer sentence holding a colon
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Papan"
for line in [["PAPAN INFORMASI KEGIATAN"], ["PEMERINTAH DESA TERANTANG KECAMATAN SERANAU"], [],
             ["Nama Kegiatan", ":", "Pembangunan Jalan Rabat Beton Gang Damai"],
             ["Kode Kegiatan", ":", "2.3.12"], ["Volume", ":", "180 m"],
             ["Lokasi", ":", "RT 02"], ["Anggaran", ":", "Rp 98.500.000,-"],
             ["Sumber Dana", ":", "Dana Desa"], ["Tahun Anggaran", ":", "2024"],
             ["Pelaksana", ":", "TPK Desa"], [],
             ["Mari bersama-sama mengawasi penggunaan Dana Desa. Pengaduan: Kantor Desa Terantang."]]:
    ws.append(line)
wb.save(OUT / "papan_kegiatan_terantang_2024.xlsx")
