"""Report-shaped sheets: headings give context, totals are checked, only lines become records."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from desa_terbuka.validate.check import check_file

HEAD = ["Kode Rekening", "Uraian", "Sumber Dana", "Anggaran", "Realisasi"]


def write(path: Path, rows: list[list], title=("DESA MERAH KECAMATAN TUALAN HULU",
                                               "LAPORAN REALISASI APBDES TAHUN ANGGARAN 2024"),
          head=HEAD) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in title:
        ws.append([line])
    ws.append(head)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


REPORT = [
    ["4", "PENDAPATAN", None, 1_250_000_000, 1_250_000_000],
    ["4.2", "Pendapatan Transfer"],
    ["4.2.1.01", "Dana Desa", "DDS", 850_000_000, 850_000_000],
    ["4.2.3.01", "Alokasi Dana Desa", "ADD", 400_000_000, 400_000_000],
    [None, "JUMLAH PENDAPATAN", None, 1_250_000_000, 1_250_000_000],
    ["5", "BELANJA"],
    ["1", "BIDANG PENYELENGGARAAN PEMERINTAHAN DESA"],
    [None, "1.1.01 Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa"],
    ["5.1.1.01", "Penghasilan Tetap Kepala Desa", "ADD", 30_000_000, 30_000_000],
    ["4", "BIDANG PEMBERDAYAAN MASYARAKAT DESA"],  # bidang 4, not akun 4
    ["4.1.01", "Pelatihan Kepala Desa dan Perangkat"],
    ["5.2.2.01", "Honor narasumber", "DDS", 5_000_000, 4_000_000],
    [None, "Jumlah", None, 5_000_000, 4_000_000],
    [None, "JUMLAH BELANJA", None, 35_000_000, 34_000_000],
    [None, "SURPLUS / (DEFISIT)", None, 1_215_000_000, 1_216_000_000],
    [],
    [None, "Merah, 31 Desember 2024"],
    [None, "Kepala Desa"],
]


def test_lines_take_context_and_totals_agree(tmp_path: Path) -> None:
    checked = check_file(write(tmp_path / "lap.xlsx", REPORT))
    assert [f for f in checked.findings if f.level == "error"] == []
    assert [(r["kode_rekening"], r["kode_kegiatan"]) for r in checked.rows] == [
        ("4.2.1.01", ""), ("4.2.3.01", ""), ("5.1.1.01", "1.1.01"),
        ("5.2.2.01", "4.1.01")]
    assert {r["kode_desa"] for r in checked.rows} == {"62.02.16.2003"}
    assert {r["tahap"] for r in checked.rows} == {"realisasi_tahunan"}
    assert checked.sources["kode_kegiatan"].startswith("baris judul kegiatan")


def test_subtotal_mismatch_names_both_numbers(tmp_path: Path) -> None:
    rows = [list(r) for r in REPORT]
    rows[4][3] = 1_300_000_000  # JUMLAH PENDAPATAN anggaran
    rows[0][4] = 1_000_000  # the akun heading's realisasi
    checked = check_file(write(tmp_path / "lap.xlsx", rows))
    found = [(f.row, f.field, f.code) for f in checked.findings if f.level == "error"]
    assert found == [(4, "realisasi", "subtotal-mismatch"), (8, "anggaran", "subtotal-mismatch")]
    message = next(f for f in checked.findings if f.row == 8).message()
    assert "JUMLAH PENDAPATAN" in message and "1.300.000.000" in message
    assert "1.250.000.000" in message and "selisih 50.000.000" in message
    assert "difference 50.000.000" in next(f for f in checked.findings if f.row == 8).message("en")


def test_generic_total_checked_against_its_kegiatan(tmp_path: Path) -> None:
    rows = [list(r) for r in REPORT]
    rows[12][3] = 6_000_000  # "Jumlah" under kegiatan 4.1.01
    checked = check_file(write(tmp_path / "lap.xlsx", rows))
    [finding] = [f for f in checked.findings if f.level == "error"]
    assert (finding.row, finding.field, finding.code) == (16, "anggaran", "subtotal-mismatch")
    assert finding.params["computed"] == "5.000.000"


def test_flat_table_with_a_total_row(tmp_path: Path) -> None:
    rows = [["4.2.1.01", "Dana Desa", "DDS", 850, None, "0.0.00"],
            ["4.2.3.01", "ADD", "ADD", 100, None, "0.0.00"],
            [None, "TOTAL", None, 900, None, None]]
    checked = check_file(write(tmp_path / "apbdes_2024.xlsx", rows, ("APBDES DESA MERAH 2024",),
                               HEAD + ["Kode Kegiatan"]))
    assert len(checked.rows) == 2  # the total is not a record
    assert [(f.row, f.code, f.params["computed"]) for f in checked.findings if f.level != "info"] == [
        (5, "subtotal-mismatch", "950")]
