"""Builds the ktype2 fixtures (invented names and numbers; shapes in SOURCES.md)."""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent

# The Permendagri 20/2018 "Laporan Realisasi Kegiatan": the code column headed KODE REKENING holds
# a kegiatan tree (bidang, sub-bidang, kegiatan, codes spaced "2 . 3 . 01"), each level with its
# subtotal, a column-number row "8 = 6 - 7", a JUMLAH row and a signature.
HEAD = ["KODE REKENING", "URAIAN", "NAMA OUTPUT", "VOLUME", "SATUAN", "ANGGARAN (Rp)",
        "REALISASI (Rp)", "SISA ANGGARAN (Rp)", "KETERANGAN"]
ROWS = [
    ["2", "BIDANG PELAKSANAAN PEMBANGUNAN DESA", None, None, None, 131000000, 129500000, 1500000, None],
    ["2 . 3", "Pekerjaan Umum dan Penataan Ruang", None, None, None, 131000000, 129500000, 1500000, None],
    ["2 . 3 . 01", "Pemeliharaan Jalan Desa", "Jalan terpelihara", 800, "Meter", 47000000, 46500000, 500000, "Sisa masuk SiLPA"],
    ["2 . 3 . 03", "Pemeliharaan Jalan Usaha Tani", "Jalan usaha tani", 1200, "Meter", 84000000, 83000000, 1000000, "Sisa masuk SiLPA"],
    ["3", "BIDANG PEMBINAAN KEMASYARAKATAN DESA", None, None, None, 12500000, 12500000, 0, None],
    ["3 . 2", "Kebudayaan dan Keagamaan", None, None, None, 12500000, 12500000, 0, None],
    ["3 . 2 . 01", "Pembinaan Group Kesenian dan Kebudayaan Tingkat Desa", "Sanggar aktif", 1, "Kegiatan", 12500000, 12500000, 0, "Selesai"],
    ["4", "BIDANG PEMBERDAYAAN MASYARAKAT DESA", None, None, None, 63400000, 62900000, 500000, None],
    ["4 . 2", "Pertanian dan Peternakan", None, None, None, 63400000, 62900000, 500000, None],
    ["4 . 2 . 02", "Peningkatan Produksi Peternakan (alat produksi/pengelolaan/kandang)", "Kandang kelompok", 2, "Unit", 41400000, 40900000, 500000, "Sisa masuk SiLPA"],
    ["4 . 2 . 03", "Penguatan Ketahanan Pangan Tingkat Desa (Lumbung Desa dll)", "Lumbung desa", 1, "Unit", 22000000, 22000000, 0, "Selesai"],
    [None, "JUMLAH", None, None, None, 206900000, 204900000, 2000000, None],
]


def realisasi_kegiatan() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Realisasi Kegiatan"
    ws.append(["LAPORAN REALISASI KEGIATAN"])
    ws.append(["PEMERINTAH DESA TUMBANG KALANG KECAMATAN ANTANG KALANG"])
    ws.append(["TAHUN ANGGARAN 2024"])
    ws.append([])
    ws.append(HEAD)
    ws.append([1, 2, 3, 4, 5, 6, 7, "8 = 6 - 7", 9])
    for row in ROWS:
        ws.append(row)
    ws.append([])
    ws.append([None] * 6 + ["Tumbang Kalang, 8 Januari 2025"])
    ws.append([None] * 6 + ["Kepala Desa Tumbang Kalang"])
    wb.save(HERE / "laporan_realisasi_kegiatan_tumbang_kalang_2024.xlsx")


# A Siskeudes Output Dana Desa / Padat Karya Tunai Desa list saved as CSV: the village and year in
# one line the commas split, labour columns (tenaga kerja, durasi, HOK, upah) before the package
# budget "Pagu Paket"; the wage total "Nilai Upah" is no budget.
PKTD = """DATA OUTPUT DANA DESA - PADAT KARYA TUNAI DESA (PKTD)
Desa : Tumbang Ngahan,Kecamatan : Antang Kalang,Tahun Anggaran : 2025

No,Kode Kegiatan,Nama Paket Kegiatan,Uraian Pekerjaan,Lokasi,Volume Output,Satuan Output,Jumlah Tenaga Kerja (orang),Durasi Kerja (hari),HOK,Upah per HOK (Rp),Nilai Upah (Rp),Pagu Paket (Rp),Proporsi Upah (%),SDGs Desa ke-
1,02.03.03.,"Pengerasan Jalan Usaha Tani Blok A","Timbunan sirtu dan pemadatan","RT 02",500,m,12,25,300,70000,21000000,118000000,"17,80",9
2,02.03.01.,"Pemeliharaan Jalan Desa Jl. Sungai","Tambal dan bersihkan bahu jalan","RT 01",650,m,10,20,200,70000,14000000,52500000,"26,67",9
3,04.02.03.,"Lumbung Pangan Kelompok Tani","Rehab bangunan lumbung","Dusun I",1,unit,6,15,90,70000,6300000,38200000,"16,49",2
,,"TOTAL",,,,,28,,590,,41300000,208700000,"19,79",
"""


def pktd() -> None:
    (HERE / "output_dd_pktd_tumbang_ngahan_2025.csv").write_text(PKTD, encoding="utf-8")


if __name__ == "__main__":
    realisasi_kegiatan()
    pktd()
