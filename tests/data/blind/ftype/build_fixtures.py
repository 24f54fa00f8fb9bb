"""Builds the invented fixtures of this folder (see SOURCES.md): python build_fixtures.py"""
import openpyxl

HEAD = ["NO", "KODE", "URAIAN", "VOLUME", "SATUAN", "HARGA SATUAN (Rp)", "JUMLAH (Rp)", "SUMBER DANA"]


def sheet(path, title, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for line in (["RENCANA ANGGARAN BIAYA / APBDes DESA TANGAR"], ["TAHUN ANGGARAN 2025"],
                 ["BIDANG PENYELENGGARAAN PEMERINTAHAN DESA"], [], HEAD, *rows):
        ws.append(line)
    wb.save(path)


sheet("rab_bidang1_kode.xlsx", "BID 1", [
    [None, "01.01.01.", "Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa", None, None, None, 42000000, None],
    [1, "5.1.1.01", "Penghasilan Tetap Kepala Desa", 12, "bulan", 2500000, 30000000, "ADD"],
    [2, "5.1.1.02", "Tunjangan Kepala Desa", 12, "bulan", 1000000, 12000000, "ADD"],
    [None, "01.01.04.", "Penyediaan Operasional Pemerintah Desa", None, None, None, 9400000, None],
    [3, "5.2.1.01", "Belanja Alat Tulis Kantor", 1, "paket", 5800000, 5800000, "ADD"],
    [4, "5.2.5.01", "Belanja Jasa Langganan Listrik", 12, "bulan", 300000, 3600000, "ADD"],
    [None, None, "JUMLAH BIDANG 1", None, None, None, 51400000, None],
])
# one kegiatan with one line: as many kegiatan codes as account codes in the KODE column
sheet("rab_bidang3_kode.xlsx", "BID 3", [
    [None, "03.01.03.", "Koordinasi Pembinaan Ketenteraman dan Ketertiban", None, None, None, 6250000, None],
    [1, "5.2.1.06", "Belanja Barang Konsumsi (Makan/minum)", 1, "paket", 6250000, 6250000, "ADD"],
    [None, None, "JUMLAH BIDANG 3", None, None, None, 6250000, None],
])
