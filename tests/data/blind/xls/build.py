"""Build the .xls fixtures of this folder (see SOURCES.md). xlwt is NOT a project dependency:
run with a throwaway venv that has it, e.g. ``/tmp/xlv/bin/python build.py`` (xlwt + openpyxl)."""
from datetime import datetime
from pathlib import Path

import openpyxl
import xlwt

OUT = Path(__file__).resolve().parent

# Penjabaran APBDes as Siskeudes' report viewer exports it: kode in A (akun, kegiatan), objek in B.
PEND = [("4.1.2.01", "Pengelolaan Tanah Kas Desa", 5_000_000, "PAD"),
        ("4.2.1.01", "Dana Desa", 640_000_000, "DDS"),
        ("4.2.3.01", "Alokasi Dana Desa", 310_000_000, "ADD")]
KEG = [("01.01.01.", "Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa",
        [("5.1.1.01", "Penghasilan Tetap Kepala Desa", 48_000_000, "ADD"),
         ("5.1.1.02", "Tunjangan Kepala Desa", 6_000_000, "ADD")]),
       ("01.01.04.", "Penyediaan Operasional Pemerintah Desa (ATK, Honor PKPKD dan PPKD dll)",
        [("5.2.1.01", "Belanja Perlengkapan Alat Tulis Kantor dan Benda Pos", 7_500_000, "ADD"),
         ("5.2.1.06", "Belanja Perlengkapan Barang Konsumsi (Makan/minum)", 4_000_000, "ADD"),
         ("5.2.2.02", "Belanja Jasa Honorarium Pembantu Tugas Umum Desa/Operator", 12_000_000, "ADD")]),
       ("02.03.01.", "Pemeliharaan Jalan Desa",
        [("5.3.5.02", "Belanja Modal Upah Tenaga Kerja", 895_500_000, "DDS")]),
       ("03.04.01.", "Pembinaan Lembaga Adat",
        [("5.2.1.06", "Belanja Perlengkapan Barang Konsumsi (Makan/minum)", 3_000_000, "ADD"),
         ("5.2.2.02", "Belanja Jasa Honorarium Pembantu Tugas Umum Desa/Operator", 2_000_000, "ADD")])]
SILPA, MODAL = 30_000_000, 7_000_000


def penjabaran_rows() -> list[list]:
    p = sum(a for *_, a, _ in PEND)
    b = sum(a for *_, items in KEG for *_, a, _ in items)
    assert p - b + SILPA - MODAL == 0, p - b + SILPA - MODAL
    rows = [["PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR"], ["PENJABARAN APBDES"],
            ["PEMERINTAH DESA TINDUK KECAMATAN BAAMANG"], ["TAHUN ANGGARAN 2025"], [],
            ["KODE REKENING", None, "URAIAN", "ANGGARAN (Rp)", "SUMBER DANA"],
            ["4.", None, "PENDAPATAN", p]]
    rows += [[k + ".", None, u, a, s] for k, u, a, s in PEND]
    rows += [[None, None, "JUMLAH PENDAPATAN", p], ["5.", None, "BELANJA", b]]
    for code, name, items in KEG:
        rows.append([code, None, name, sum(a for *_, a, _ in items)])
        rows += [[None, k + ".", u, a, s] for k, u, a, s in items]
    rows += [[None, None, "JUMLAH BELANJA", b], [None, None, "SURPLUS/(DEFISIT)", p - b],
             ["6.", None, "PEMBIAYAAN", None], ["6.1.", None, "Penerimaan Pembiayaan", SILPA],
             [None, "6.1.1.01.", "SILPA Tahun Sebelumnya", SILPA, "SILPA"],
             ["6.2.", None, "Pengeluaran Pembiayaan", MODAL],
             [None, "6.2.2.01.", "Penyertaan Modal Desa", MODAL, "DDS"],
             [None, None, "PEMBIAYAAN NETTO", SILPA - MODAL], [],
             [None, None, None, "Tinduk, 18 Desember 2024"], [None, None, None, "Kepala Desa Tinduk"],
             [], [], [None, None, None, "SUPRIADI"]]
    return rows


def penjabaran() -> None:
    rows = penjabaran_rows()
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Penjabaran APBDes")
    num = xlwt.easyxf(num_format_str="#,##0.00")
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            if v is not None:
                ws.write(r, c, v, num) if isinstance(v, int) else ws.write(r, c, v)
    wb.save(str(OUT / "penjabaran_siskeudes_tinduk_2025.xls"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Penjabaran APBDes"
    for values in rows:
        sheet.append(values)
    book.save(OUT / "penjabaran_siskeudes_tinduk_2025.xlsx")


def cells() -> None:
    """One cell of each kind the reader converts, a vertical and a horizontal merge, a hidden row
    and a hidden sheet; the 1904 date system (old Mac Excel) so dates must use the datemode."""
    wb = xlwt.Workbook(encoding="utf-8")
    wb.dates_1904 = True
    ws = wb.add_sheet("Data")
    ws.write_merge(0, 0, 0, 3, "JUDUL MELINTANG")  # across columns: first cell only
    for c, text in enumerate(["Kode", "Jumlah", "Tanggal", "Benar"]):
        ws.write(1, c, text)
    ws.write(2, 0, "4.2.1")
    ws.write(2, 1, 1250000)
    ws.write(2, 2, datetime(2024, 3, 15), xlwt.easyxf(num_format_str="DD/MM/YYYY"))
    ws.write(2, 3, True)
    ws.write(3, 0, "4.2.3")
    ws.write(3, 1, 2.5)
    ws.write(3, 2, "teks")
    ws.row(3).set_cell_error(3, "#DIV/0!")  # the stored result of =1/0
    ws.write_merge(4, 6, 0, 0, "DDS")  # down three rows: every row gets it
    ws.write(4, 1, 10)
    ws.write(5, 1, 20)
    ws.write(6, 1, 30)
    ws.row(5).hidden = True
    hidden = wb.add_sheet("Tersembunyi")
    hidden.write(0, 0, "rahasia")
    hidden.visibility = 1
    wb.save(str(OUT / "cells_1904.xls"))


if __name__ == "__main__":
    penjabaran()
    cells()
