"""Builds the fixtures of tests/unit/test_blind_units.py (see SOURCES.md). Run from the
repository root: python tests/data/blind/units/build.py"""

from pathlib import Path

import openpyxl

HERE = Path(__file__).parent


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# Laporan Realisasi Pelaksanaan APBDes printed in thousands: the size in a title row only,
# the headings "ANGGARAN" / "REALISASI" without a unit
LINES = [("4.1.2", "Hasil Aset Desa", 12_500, 11_250),
         ("4.2.1", "Dana Desa", 812_400, 812_400),
         ("4.2.3", "Alokasi Dana Desa", 402_750, 301_000),
         ("5.1.1", "Penghasilan Tetap dan Tunjangan Kepala Desa", 64_800, 64_800),
         ("5.3.5", "Belanja Modal Jalan/Prasarana Jalan", 655_000, 540_250)]


def lra(title_unit: str | None, note: str | None, headings=("ANGGARAN", "REALISASI"),
        size: int = 1) -> list[list]:
    """``size``: 1000 writes the same report in full rupiah."""
    rows = [["PEMERINTAH DESA MERAH"], ["KECAMATAN TUALAN HULU"],
            ["LAPORAN REALISASI PELAKSANAAN APBDES TAHUN ANGGARAN 2024"]]
    if title_unit:
        rows.append([title_unit])
    rows += [[], ["KODE REKENING", "URAIAN", *headings, "LEBIH/(KURANG)"], ["1", "2", "3", "4", "5"]]
    pend = [x for x in LINES if x[0].startswith("4")]
    bel = [x for x in LINES if x[0].startswith("5")]
    for group, label in ((pend, "JUMLAH PENDAPATAN"), (bel, "JUMLAH BELANJA")):
        for code, name, a, r in group:
            rows.append([code, name, thousands(a * size), thousands(r * size), thousands((a - r) * size)])
        a, r = sum(x[2] for x in group), sum(x[3] for x in group)
        rows.append(["", label, thousands(a * size), thousands(r * size), thousands((a - r) * size)])
    rows.append([])
    if note:
        rows.append([note])
    rows += [["", "", "", "Merah, 31 Desember 2024"], ["", "", "", "KEPALA DESA MERAH,"]]
    return rows


def csv(name: str, rows: list[list]) -> None:
    (HERE / name).write_text("\n".join(";".join(map(str, r)) for r in rows) + "\n", encoding="utf-8")


def xlsx(name: str, rows: list[list]) -> None:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.active.merge_cells("A1:E1")
    wb.save(HERE / name)


if __name__ == "__main__":
    csv("lra_ribuan_merah_2024.csv", lra("(dalam ribuan rupiah)", None))
    xlsx("lra_catatan_merah_2024.xlsx", lra(None, "Catatan: Nilai dalam Rp ribuan"))
    csv("lra_rupiah_merah_2024.csv", lra("(dalam rupiah)", None, size=1000))
