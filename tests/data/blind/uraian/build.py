"""Builds the fixtures of this folder (see SOURCES.md): python build.py"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
TITLE = ["LAPORAN REALISASI PELAKSANAAN", "ANGGARAN PENDAPATAN DAN BELANJA DESA",
         "PEMERINTAH DESA MERAH", "SEMESTER 1", "TAHUN ANGGARAN 2025"]
HEADING = ["Anggaran      (Rp)", "Realisasi     (Rp)", "Lebih/(Kurang)(Rp)", "Persentase    (%)"]
# (kelompok code, name, [(jenis code, name, anggaran, realisasi)])
PARTS = [
    ("4", "PENDAPATAN", "JUMLAH PENDAPATAN", [
        ("4.1.", "Pendapatan Asli Desa", [("4.1.2.", "Hasil Aset Desa", 12_000_000, 6_000_000)]),
        ("4.2.", "Pendapatan Transfer", [("4.2.1.", "Dana Desa", 700_000_000, 420_000_000),
                                         ("4.2.3.", "Alokasi Dana Desa", 400_000_000, 240_000_000)]),
    ]),
    ("5", "BELANJA", "JUMLAH BELANJA", [
        ("5.1.", "Belanja Pegawai", [("5.1.1.", "Penghasilan Tetap dan Tunjangan Kepala Desa",
                                      50_000_000, 25_000_000)]),
        ("5.3.", "Belanja Modal", [("5.3.5.", "Belanja Modal Jalan/Prasarana Jalan",
                                    1_030_000_000, 500_000_000)]),
    ]),
    ("6", "PEMBIAYAAN", None, [
        ("6.1.", "Penerimaan Pembiayaan", [("6.1.1.", "SILPA Tahun Sebelumnya", 20_000_000, 20_000_000)]),
    ]),
]


def amounts(a: int, r: int, style: str) -> list[str]:
    fmt = (lambda n: f"{n:,}") if style == "php" else (lambda n: f"{n:,}.00".replace(",", "_")
                                                       .replace(".", ",").replace("_", "."))
    return [fmt(a), fmt(r), fmt(a - r), f"{r / a * 100:.2f}"]


def lines(width: int, style: str) -> list[list]:
    """OpenSID's rows: akun over the whole span, kelompok code | name, jenis code one column
    further right (width 4) or in the code column (width 2)."""
    out = []
    for akun, name, total, groups in PARTS:
        out.append([f"{akun}. {name}"] + [""] * (width - 1) + [""] * 4)
        ta = tr = 0
        for code, gname, items in groups:
            ga, gr = sum(i[2] for i in items), sum(i[3] for i in items)
            ta, tr = ta + ga, tr + gr
            out.append([code, gname] + [""] * (width - 2) + amounts(ga, gr, style))
            for jcode, jname, a, r in items:
                cells = ["", jcode, "", jname] if width == 4 else [jcode, jname]
                out.append(cells + amounts(a, r, style))
        if total:
            out.append([total] + [""] * (width - 1) + amounts(ta, tr, style))
    return out


def build() -> None:
    with open(HERE / "laporan_realisasi_smt1_merah_2025.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        for t in TITLE:
            w.writerow([t])
        w.writerow([])
        w.writerow(["Uraian", "", "", ""] + HEADING)
        w.writerows(lines(4, "php"))
    wb = Workbook()
    ws = wb.active
    ws.append(["\n".join(TITLE).replace("SEMESTER 1", "SEMESTER 2").replace("2025", "2024")])
    ws.merge_cells("A1:F1")
    ws.append(["Uraian", None] + [h.replace("      ", " ").replace("     ", " ")
                                  .replace("    ", " ") for h in HEADING])
    ws.merge_cells("A2:B2")
    for row in lines(2, "id"):
        ws.append([c if c != "" else None for c in row])
    wb.save(HERE / "lra_merged_uraian_merah_2024.xlsx")


if __name__ == "__main__":
    build()
