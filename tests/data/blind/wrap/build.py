"""Builds the wrapped-name fixtures (run from this folder). Names and numbers are invented."""
import csv
import openpyxl

H = ["NO", "KODE", "NAMA KEGIATAN", "LOKASI", "VOLUME", "BIAYA (Rp)", "SUMBER DANA"]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Table 1"
for r in [
    ["DAFTAR RENCANA KEGIATAN DESA PALANGAN"], ["KECAMATAN KOTA BESI TAHUN ANGGARAN 2025"], H,
    ["", "", "Bidang Penyelenggaraan Pemerintahan Desa"],
    [1, "01.02.01.", "Penyediaan Sarana Prasarana Kantor Desa", "Kantor Desa", "1 paket", "45.000.000", "ADD"],
    [2, "02.03.10.", "Peningkatan Jalan Usaha Tani Rabat Beton", "RT 03", "300 m", "150.500.000", "DD"],
    [None, None, "Ruas Sungai Kecil - Kebun Warga", None, None, None, None],
    ["", "", "Bidang Pelaksanaan Pembangunan Desa"],
    [3, "02.02.02.", "Penyelenggaraan Posyandu (Makanan Tambahan,", "2 Posyandu", "12 bulan", "24.000.000", "DD"],
    [None, None, "Kelas Ibu Hamil, Insentif Kader)", None, None, None, None],
    ["Halaman 1 dari 2"], H,
    [4, "04.01.05.", "Bantuan Bibit dan Pakan Ikan", "Kelompok Mina", "1 paket", "18.250.000", "DD"],
    [None, None, "untuk Kolam Kelompok", None, None, None, None],
    [None, None, "JUMLAH", None, None, "237.750.000", None],
    ["Halaman 2 dari 2"],
    [None, None, "Catatan: rencana dibahas dalam musyawarah desa", None, None, None, None],
    [None, None, None, None, "Palangan, 20 Januari 2025"], [None, None, None, None, "Kepala Desa"],
]:
    ws.append(r)
wb.save("RKP Desa Palangan 2025 (dari PDF).xlsx")

H = ["Kode", None, "Uraian", None, "Anggaran (Rp)", "Realisasi (Rp)"]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Table 1"
for r in [
    ["LAPORAN REALISASI PELAKSANAAN ANGGARAN PENDAPATAN DAN BELANJA DESA"],
    ["PEMERINTAH DESA PALANGAN TAHUN ANGGARAN 2023"], H,
    ["4", None, "PENDAPATAN", None, "640.000.000,00", "630.000.000,00"],
    ["4.2", None, "Pendapatan Transfer", None, "600.000.000,00", "600.000.000,00"],
    ["4.2.1", None, "Dana Desa", None, "600.000.000,00", "600.000.000,00"],
    ["4.2.1.01", None, "Dana Desa", None, "600.000.000,00", "600.000.000,00"],
    ["4.3", None, "Pendapatan Lain-lain", None, "40.000.000,00", "30.000.000,00"],
    ["4.3.3", None, "Penerimaan Bantuan dari Perusahaan yang Berlokasi", None, "40.000.000,00", "30.000.000,00"],
    [None, None, "di Desa", None, None, None],
    ["4.3.3.01", None, "Penerimaan dari Bantuan Perusahaan yang berlokasi", None, "40.000.000,00", "30.000.000,00"],
    [None, None, "di Desa", None, None, None],
    [None, None, "JUMLAH PENDAPATAN", None, "640.000.000,00", "630.000.000,00"],
    ["5", None, "BELANJA", None, "640.000.000,00", "600.000.000,00"],
    ["5.2", None, "Belanja Barang dan Jasa", None, "640.000.000,00", "600.000.000,00"],
    ["5.2.1", None, "Belanja Barang Perlengkapan", None, "140.000.000,00", "120.000.000,00"],
    ["5.2.1.05", None, "Belanja Perlengkapan Cetak/Penggandaan -", None, "60.000.000,00", "50.000.000,00"],
    [None, None, "Belanja Barang Cetak dan Penggandaan", None, None, None],
    ["5.2.1.06", None, "Belanja Perlengkapan Barang Konsumsi (Makan/minum)", None, "80.000.000,00", "70.000.000,00"],
    [None, None, "- Belanja Barang Konsumsi", None, None, None],
    [None, None, None, None, None, "Halaman 1 dari 2"],
    H,
    ["5.2.7", None, "Belanja Barang dan Jasa yang Diserahkan kepada", None, "500.000.000,00", "480.000.000,00"],
    [None, None, "Masyarakat", None, None, None],
    ["5.2.7.01", None, "Belanja Bahan Perlengkapan yang Diserahkan", None, "500.000.000,00", "480.000.000,00"],
    [None, None, "ke masyarakat", None, None, None],
    [None, None, "JUMLAH BELANJA", None, "640.000.000,00", "600.000.000,00"],
    [None, None, None, None, None, "Halaman 2 dari 2"],
    [None, None, None, None, "Palangan, 15 Januari 2024"], [None, None, None, None, "Kepala Desa"],
]:
    ws.append(r)
wb.save("LRA APBDes Palangan 2023 (dari PDF).xlsx")

FIELDS = ["kode_desa", "tahun", "kode_kegiatan", "nama_kegiatan", "lokasi", "volume", "satuan", "anggaran",
          "sumber_dana", "pelaksana", "tanggal_mulai", "tanggal_selesai", "progres_persen", "status", "keterangan"]
rows = [["62.02.01.2003", "2025", "2.3.10", "Peningkatan Jalan Usaha Tani Rabat Beton", "RT 03", "300", "m",
         "150500000", "DDS", "TPK", "", "", "", "", ""],
        ["", "", "", "Ruas Sungai Kecil - Kebun Warga", "", "", "", "", "", "", "", "", "", "", ""],
        ["62.02.01.2003", "2025", "2.2.02", "Penyelenggaraan Posyandu", "Desa", "12", "bulan",
         "24000000", "DDS", "TPK", "", "", "", "", ""]]
with open("kegiatan_palangan_2025.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(FIELDS)
    w.writerows(rows)
