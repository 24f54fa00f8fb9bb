"""Build the village-title fixtures (see SOURCES.md): run with the project's Python."""

from __future__ import annotations

from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
HEAD = ["KODE REK.", "URAIAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "LEBIH/(KURANG) (Rp)", "%"]


def per_sumber_dana() -> None:
    """A realisation report per sumber dana whose report title says 'APB DESA PER SUMBER DANA'."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi per SD"
    for line in ("PEMERINTAH DESA MERAH", "KECAMATAN TUALAN HULU",
                 "LAPORAN REALISASI PELAKSANAAN APB DESA PER SUMBER DANA", "TAHUN ANGGARAN 2024"):
        ws.append([line])
    ws.append([])
    ws.append(HEAD)
    sections = [
        ("DDS - Dana Desa", [("4.", "PENDAPATAN"), ("4.2.1.01.", "Dana Desa", 700000000, 700000000),
                             ("5.", "BELANJA"), ("02.03.10.", "Pembangunan Jalan Desa", 600000000, 580000000),
                             ("5.3.4.02.", "Belanja Modal Upah Tenaga Kerja", 100000000, 95000000),
                             ("5.3.4.03.", "Belanja Modal Bahan Baku", 500000000, 485000000)]),
        ("ADD - Alokasi Dana Desa", [("4.", "PENDAPATAN"), ("4.2.3.01.", "Alokasi Dana Desa", 400000000, 400000000),
                                     ("5.", "BELANJA"), ("01.01.04.", "Operasional Pemerintah Desa", 9000000, 8500000),
                                     ("5.2.1.01.", "Belanja Alat Tulis Kantor", 9000000, 8500000)]),
        ("PAD - Pendapatan Asli Desa", [("4.", "PENDAPATAN"), ("4.1.2.01.", "Tanah Kas Desa", 10000000, 10000000),
                                        ("5.", "BELANJA"), ("01.01.04.", "Operasional Pemerintah Desa", 2000000, 1900000),
                                        ("5.2.1.01.", "Belanja Alat Tulis Kantor", 2000000, 1900000)]),
    ]
    for sumber, rows in sections:
        ws.append([f"SUMBER DANA : {sumber}"])
        for row in rows:
            ws.append([row[0], row[1], *(row[2:] and [row[2], row[3], row[3] - row[2],
                                                       round(100 * row[3] / row[2], 2)])])
        lines = [r for r in rows if len(r) > 2 and not r[0].startswith("0")]
        budget, spent = sum(r[2] for r in lines), sum(r[3] for r in lines)
        ws.append([None, f"JUMLAH SUMBER DANA {sumber.split()[0]}", budget, spent, spent - budget,
                   round(100 * spent / budget, 2)])
        ws.append([])
    ws.append([None, "Merah, 31 Desember 2024"])
    ws.append([None, "Kepala Desa Merah", None, "Kaur Keuangan"])
    wb.save(HERE / "Laporan Realisasi APBDes per Sumber Dana 2024.xlsx")


def penjabaran_perkades() -> None:
    """A Penjabaran export titled 'LAMPIRAN PERATURAN KEPALA DESA NOMOR 1 TAHUN 2024'."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in ("PEMERINTAH DESA TUMBANG MUJAM", "KECAMATAN TUALAN HULU",
                 "LAMPIRAN PERATURAN KEPALA DESA NOMOR 1 TAHUN 2024",
                 "PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA", "TAHUN ANGGARAN 2024"):
        ws.append([None, line])
    ws.append([])
    ws.append([None, "KODE REKENING", "URAIAN", "ANGGARAN (Rp)", "KEY", "SUMBER DANA"])
    ws.column_dimensions["E"].hidden = True  # a lookup helper: the code without dots
    for code, name, amount, sumber in (
            ("4.", "PENDAPATAN", 1110000000, None), ("4.2.1.01.", "Dana Desa", 700000000, "DDS"),
            ("4.2.3.01.", "Alokasi Dana Desa", 410000000, "ADD"), ("5.", "BELANJA", 1080000000, None),
            ("01.01.04.", "Operasional Pemerintah Desa", 480000000, None),
            ("5.2.1.01.", "Belanja Alat Tulis Kantor", 480000000, "ADD"),
            ("02.03.10.", "Pembangunan Jalan Desa", 600000000, None),
            ("5.3.4.03.", "Belanja Modal Bahan Baku", 600000000, "DDS")):
        ws.append([None, code, name, amount, code.replace(".", ""), sumber])
    ws.append([None, None, "JUMLAH BELANJA", 1080000000])
    ws.append([])
    ws.append([None, None, None, "KEPALA DESA TUMBANG MUJAM"])
    wb.save(HERE / "Penjabaran APBDesa 2024 (export).xlsx")


if __name__ == "__main__":
    per_sumber_dana()
    penjabaran_perkades()
