"""Build the LRA-per-semester fixtures (run from this folder): a realisasi report whose heading
is two merged rows, "REALISASI (Rp)" over "SEMESTER I | SEMESTER II | <total word>", levels 1-3
as subtotal rows, JUMLAH rows and a signature under the table. Every number is invented."""

from __future__ import annotations

import openpyxl

LINES = [  # kode, uraian, anggaran, semester I, semester II
    ("4.1.1.01", "Bagi Hasil BUMDes", 8_000_000, 3_000_000, 4_500_000),
    ("4.2.1.01", "Dana Desa", 800_000_000, 320_000_000, 480_000_000),
    ("4.2.3.01", "Alokasi Dana Desa", 500_000_000, 200_000_000, 300_000_000),
    ("5.1.1.01", "Penghasilan Tetap Kepala Desa", 120_000_000, 60_000_000, 60_000_000),
    ("5.2.1.01", "Belanja Perlengkapan Alat Tulis Kantor dan Benda Pos", 25_000_000, 10_000_000, 12_500_000),
    ("5.3.5.03", "Belanja Modal Bahan Baku", 1_173_000_000, 400_000_000, 700_000_000),
    ("6.1.1.01", "SILPA Tahun Sebelumnya", 30_000_000, 30_000_000, 0),
    ("6.2.2.01", "Penyertaan Modal Desa", 20_000_000, 10_000_000, 10_000_000),
]
NAMES = {"4": "PENDAPATAN", "4.1": "PENDAPATAN ASLI DESA", "4.1.1": "Hasil Usaha Desa",
         "4.2": "PENDAPATAN TRANSFER", "4.2.1": "Dana Desa", "4.2.3": "Alokasi Dana Desa",
         "5": "BELANJA", "5.1": "BELANJA PEGAWAI", "5.1.1": "Penghasilan Tetap dan Tunjangan Kepala Desa",
         "5.2": "BELANJA BARANG DAN JASA", "5.2.1": "Belanja Barang Perlengkapan",
         "5.3": "BELANJA MODAL", "5.3.5": "Belanja Modal Jalan/Prasarana Jalan",
         "6": "PEMBIAYAAN", "6.1": "PENERIMAAN PEMBIAYAAN", "6.1.1": "SILPA",
         "6.2": "PENGELUARAN PEMBIAYAAN", "6.2.2": "Penyertaan Modal Desa"}


def _sums(prefix: str) -> tuple[int, int, int]:
    rows = [line for line in LINES if line[0].startswith(prefix + ".")]
    return tuple(sum(r[i] for r in rows) for i in (2, 3, 4))


def build(path: str, total_word: str) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "LRA TA 2023"
    for text in ("PEMERINTAH DESA MERAH", "KECAMATAN TUALAN HULU KABUPATEN KOTAWARINGIN TIMUR",
                 "LAPORAN REALISASI PELAKSANAAN APB DESA PER SEMESTER", "TAHUN ANGGARAN 2023"):
        ws.append([text])
    ws.append([])
    ws.append(["KODE REKENING", "URAIAN", "ANGGARAN (Rp)", "REALISASI (Rp)", None, None,
               "LEBIH/(KURANG) (Rp)", "%"])
    ws.append([None, None, None, "SEMESTER I", "SEMESTER II", total_word, None, None])
    for cells in ("A6:A7", "B6:B7", "C6:C7", "D6:F6", "G6:G7", "H6:H7"):
        ws.merge_cells(cells)
    done = set()
    for kode, uraian, anggaran, one, two in LINES:
        parts = kode.split(".")
        for depth in range(1, 4):
            prefix = ".".join(parts[:depth])
            if prefix not in done:
                done.add(prefix)
                a, s1, s2 = _sums(prefix)
                ws.append([prefix, NAMES[prefix], a, s1, s2, s1 + s2, a - s1 - s2,
                           round((s1 + s2) * 100 / a, 2)])
        ws.append([kode, uraian, anggaran, one, two, one + two, anggaran - one - two,
                   round((one + two) * 100 / anggaran, 2)])
    for label, prefix in (("JUMLAH PENDAPATAN", "4"), ("JUMLAH BELANJA", "5")):
        a, s1, s2 = _sums(prefix)
        ws.append([None, label, a, s1, s2, s1 + s2, a - s1 - s2, None])
    ws.append([])
    ws.append([None, None, None, None, None, "Merah, 15 Januari 2024"])
    ws.append([None, None, None, None, None, "Kepala Desa Merah"])
    ws.append([])
    ws.append([None, None, None, None, None, "BUDI SANTOSO"])
    wb.save(path)


if __name__ == "__main__":
    build("lra_semester_merah_2023.xlsx", "JUMLAH")
    build("lra_semester_sd_merah_2023.xlsx", "Jumlah s.d. Semester II")
