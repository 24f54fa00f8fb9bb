"""Builds the fixtures of this folder (see SOURCES.md): run from here with openpyxl installed."""
from openpyxl import Workbook

# English donor tracker: instructions sheet first, key:value block, the year only as "FY2024"
wb = Workbook()
wb.active.title = "Instructions"
wb.active["A1"] = "HOW TO FILL THIS TRACKER"
ws = wb.create_sheet("Activities")
for row in [("Village", "Terantang"), ("Sub-district", "Seranau"), ("Fiscal year", "FY2024"),
            ("Reporting period", "Q4 (Oct-Dec)"), ("Prepared by", "Village secretary"), ()]:
    ws.append(row)
ws.append(["No.", "Internal ID", "Activity name", "Location (hamlet)", "Start date", "End date",
           "Budget (IDR)", "Actual spend (IDR)", "Physical progress (%)", "Funding source",
           "Implementer", "Status", "Remarks"])
ws.append([1, "X-01", "Village road concrete paving 200 m", "Dusun I", "04-Mar-24", "31-May-24",
           150000000, 149000000, 100, "Village Fund (DD)", "TPK", "Completed", None])
ws.append([2, "X-02", "PAUD teacher incentives", "PAUD Melati", "08-Jan-24", "20-Dec-24",
           20000000, 20000000, 100, "Village Fund Allocation", "Kasi Kesra", "Completed", None])
ws.append([3, "X-03", "Solar street lights 10 units", "Dusun II", "02-Sep-24", "30-Dec-24",
           50000000, 30000000, 60, "Provincial financial assistance", "TPK", "On-going", None])
ws.append([None, None, "TOTAL", None, None, None, 220000000, 199000000, None, None, None, None, None])
wb.save("activity_tracker_terantang_q4.xlsx")

# Permendagri 47/2016 Buku Rencana Kerja Pembangunan without a JUMLAH column
wb = Workbook()
ws = wb.active
ws.title = "BRKP"
ws.append(["BUKU RENCANA KERJA PEMBANGUNAN"])
ws.append(["DESA SAMUDA KECIL KECAMATAN MENTAYA HILIR SELATAN"])
ws.append(["TAHUN ANGGARAN 2025"])
ws.append(["NO", "NAMA PROYEK / KEGIATAN", "LOKASI", "SUMBER DANA", None, None, None, "PELAKSANA"])
ws.append([None, None, None, "PEMERINTAH", "PROVINSI", "KAB/\nKOTA", "SWA-\nDAYA", None])
ws.append(["1", "Pembangunan Jalan Usaha Tani", "RT 04", "100.000.000", "0", "0", "2.000.000", "TPK"])
ws.append(["2", "Rehab Rumah Tidak Layak Huni", "RT 02", "0", "0", "45.000.000", "0", "TPK"])
ws.append(["3", "Pelatihan Budidaya Ikan", "Balai Desa", "-", "20.000.000", "-", "-", "Kasi Kesra"])
ws.append([None, "JUMLAH", None, "100.000.000", "20.000.000", "45.000.000", "2.000.000", None])
ws.merge_cells("D4:G4")
wb.save("brkp_tanpa_jumlah_samuda_kecil_2025.xlsx")

# Dana Desa realisation per tahap with "% Capaian" (realisasi / pagu)
wb = Workbook()
ws = wb.active
ws.title = "DD 2024"
ws.append(["LAPORAN REALISASI PENGGUNAAN DANA DESA PER TAHAP"])
ws.append(["DESA TUMBANG PAYANG - KECAMATAN BUKIT SANTUAI"])
ws.append(["TAHUN ANGGARAN 2024"])
ws.append(["No", "Kode\nKegiatan", "Nama Kegiatan", "Pagu\nDana Desa", "REALISASI PENGGUNAAN", None,
           "Jumlah\nRealisasi", "%\nCapaian"])
ws.append([None, None, None, None, "Tahap I", "Tahap II", None, None])
ws.append([1, "1.3.02", "Penyusunan, Pendataan, dan Pemutakhiran Profil Desa", "12.500.000", "0",
           "12.500.000", "12.500.000", "100,0"])
ws.append([2, "4.3.01", "Peningkatan Kapasitas Kepala Desa", "48.000.000", "20.000.000", "4.000.000",
           "24.000.000", "50,0"])
ws.append([None, None, "JUMLAH", "60.500.000", "20.000.000", "16.500.000", "36.500.000", None])
ws.merge_cells("E4:F4")
wb.save("realisasi_dd_per_tahap_tumbang_payang_2024.xlsx")

# Buku Kas Pembantu Kegiatan: one sheet per kegiatan, transactions
wb = Workbook()
wb.remove(wb.active)
for code, name, spent in [("02.02.02", "Penyelenggaraan Posyandu", 11040000),
                          ("02.03.10", "Pembangunan Jalan Desa", 60000000)]:
    ws = wb.create_sheet(code)
    ws.append(["BUKU KAS PEMBANTU KEGIATAN"])
    ws.append(["PEMERINTAH DESA LUWUK BUNTER KECAMATAN CEMPAGA"])
    ws.append(["TAHUN ANGGARAN 2024"])
    ws.append(["Kegiatan", None, f": {code}. {name}"])
    ws.append(["No", "Tanggal", "Uraian", "No. Bukti", "Penerimaan (Rp)", None, "Pengeluaran (Rp)",
               None, "Saldo Kas (Rp)"])
    ws.append([None, None, None, None, "Dari Bendahara", "Swadaya Masyarakat",
               "Belanja Barang dan Jasa", "Belanja Modal", None])
    ws.append([1, "12/03/2024", "Terima panjar kegiatan", "SPP-01", spent, 0, 0, 0, spent])
    ws.append([2, "14/03/2024", "Belanja bahan", "BKT-01", 0, 0, spent, 0, 0])
    ws.append([None, None, "Jumlah", None, spent, 0, spent, 0, 0])
    ws.merge_cells("E5:F5")
    ws.merge_cells("G5:H5")
wb.save("bkp_kegiatan_luwuk_bunter_2024.xlsx")

# Permendagri 47/2016 Buku Kegiatan Pembangunan with its JUMLAH column; row 2's sources add up
# to 1.000.000 more than its JUMLAH
wb = Workbook()
ws = wb.active
ws.title = "Buku Kegiatan Pembangunan"
ws.append(["BUKU KEGIATAN PEMBANGUNAN"])
ws.append(["DESA TANGAR KECAMATAN MENTAYA HULU"])
ws.append(["TAHUN 2024"])
ws.append(["NO", "NAMA KEGIATAN", "VOLUME", "SUMBER DANA", None, None, None, "JUMLAH", "PELAKSANA"])
ws.append([None, None, None, "PEMERINTAH", "PROVINSI", "KAB/KOTA", "SWADAYA", None, None])
ws.append([1, "Peningkatan Jalan Desa (Rabat Beton) RT 03", "250 m", 180000000, "-", "-", 4500000, 184500000, "TPK"])
ws.append([2, "Rehabilitasi Gedung Posyandu Melati", "1 Unit", "-", "-", 41000000, 2000000, 42000000, "TPK"])
ws.append([None, "JUMLAH", None, 180000000, 0, 41000000, 6500000, 226500000, None])
ws.merge_cells("D4:G4")
wb.save("buku_kegiatan_pembangunan_tangar_2024.xlsx")
