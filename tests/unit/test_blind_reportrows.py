"""Blind trial s29: how the lines of a report-shaped sheet are classified (records, headings,
subtotals, total rows, template rows) and how its subtotals are checked. Fixtures and their
shapes: tests/data/blind/reportrows/SOURCES.md."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl

from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parent.parent / "data" / "blind" / "reportrows"


def errors(checked) -> list:
    return [(f.row, f.field, f.code) for f in checked.findings if f.level == "error"]


def total(checked, prefix: str, field: str = "anggaran") -> Decimal:
    return sum((Decimal(r[field] or 0) for r in checked.rows if r["kode_rekening"].startswith(prefix)),
               Decimal(0))


def skipped(checked, reason: str) -> list:
    return [f.params["rows"] for f in checked.findings
            if f.code == "lines-skipped" and reason in f.message()]


def edited(tmp_path: Path, name: str, row: int, col: int, value) -> Path:
    wb = openpyxl.load_workbook(DATA / name)
    wb.active.cell(row, col).value = value
    wb.save(tmp_path / name)
    return tmp_path / name


def test_perdes_summary_reads_jenis_and_bidang_rows_as_lines(tmp_path: Path) -> None:
    """Revenue per jenis and spending per bidang: the finest level given holds the line items."""
    checked = check_file(Path(shutil.copy(DATA / "perdes_ringkasan_merah_2024.csv", tmp_path)))
    assert errors(checked) == []
    assert checked.record_type == "apbdes"
    assert [(r["kode_rekening"], r["kode_kegiatan"]) for r in checked.rows] == [
        ("4.1.2", ""), ("4.2.1", ""), ("4.2.3", ""),
        ("5", "1"), ("5", "2"), ("5", "4"), ("5", "5"),
        ("6.1.1", ""), ("6.2.2", "")]
    assert {(r["kode_desa"], r["tahun_anggaran"], r["tahap"]) for r in checked.rows} == {
        ("62.02.16.2003", "2024", "anggaran")}
    assert (total(checked, "4"), total(checked, "5")) == (1_112_000_000, 1_122_000_000)
    assert (total(checked, "6.1"), total(checked, "6.2")) == (25_000_000, 15_000_000)


def test_perdes_kelompok_subtotal_checked_against_its_own_lines(tmp_path: Path) -> None:
    path = tmp_path / "perdes_ringkasan_merah_2024.csv"
    text = (DATA / path.name).read_text(encoding="utf-8")
    path.write_text(text.replace("Pendapatan Transfer\tRp. 1.100.000.000,-",
                                 "Pendapatan Transfer\tRp. 1.150.000.000,-"), encoding="utf-8")
    checked = check_file(path)
    [finding] = [f for f in checked.findings if f.level == "error"]
    assert (finding.row, finding.code) == (11, "subtotal-mismatch")
    assert finding.params["computed"] == "1.100.000.000"  # 4.2.1 + 4.2.3, not all lines above


def test_report_with_labels_in_the_code_column(tmp_path: Path) -> None:
    """'JUMLAH PENDAPATAN' … in the code column are total rows, '4. PENDAPATAN' is code + name;
    kelompok rows (4.1., 5.3.) are subtotals of their jenis rows."""
    checked = check_file(Path(shutil.copy(DATA / "lra_kelompok_merah_2024.xlsx", tmp_path)))
    assert errors(checked) == []
    assert [r["kode_rekening"] for r in checked.rows] == [
        "4.1.2", "4.2.1", "4.2.3", "4.3.6", "5.1.1", "5.1.2", "5.3.5", "6.2.2"]
    assert {(r["kode_desa"], r["tahun_anggaran"]) for r in checked.rows} == {("62.02.16.2003", "2024")}
    assert (total(checked, "4"), total(checked, "4", "realisasi")) == (911_000_000, 910_200_000)
    assert (total(checked, "5"), total(checked, "5", "realisasi")) == (900_000_000, 890_000_000)


def test_report_kelompok_mismatch_names_its_own_lines(tmp_path: Path) -> None:
    checked = check_file(edited(tmp_path, "lra_kelompok_merah_2024.xlsx", 9, 3, "2.000.000,00"))
    found = [(f.row, f.field, f.code, f.params.get("computed")) for f in checked.findings
             if f.level == "error"]
    assert found == [(9, "anggaran", "subtotal-mismatch", "1.000.000")]  # 4.3. = its 4.3.6. only


def test_penjabaran_group_rows_above_their_lines(tmp_path: Path) -> None:
    """Bidang '01' / '05' (not akun 5), sub-bidang and kegiatan rows with subtotals above their
    lines are headings; template lines without any amount are skipped and listed."""
    checked = check_file(Path(shutil.copy(DATA / "penjabaran_bidang_merah_2024.xlsx", tmp_path)))
    assert errors(checked) == []
    assert [(r["kode_rekening"], r["kode_kegiatan"], r["anggaran"]) for r in checked.rows] == [
        ("4.2.1.01", "", "700000000"), ("4.2.3.01", "", "300000000"),
        ("5.1.1.01", "1.1.01", "50000000"), ("5.1.1.02", "1.1.01", "10000000"),
        ("5.4.1.01", "5.3.01", "90000000")]
    assert skipped(checked, "tanpa angka") == ["8, 22"]


def test_penjabaran_bidang_mismatch_is_checked_against_the_bidang(tmp_path: Path) -> None:
    checked = check_file(edited(tmp_path, "penjabaran_bidang_merah_2024.xlsx", 18, 3, "Rp 95.000.000"))
    assert [(f.row, f.code, f.params.get("computed")) for f in checked.findings
            if f.level == "error"] == [(18, "subtotal-mismatch", "90.000.000")]


def test_blank_amounts_stay_an_error_without_report_headings(tmp_path: Path) -> None:
    """A plain table's line without an amount is a forgotten amount, not a template line."""
    wb = openpyxl.Workbook()
    for row in (["APBDES DESA MERAH TAHUN ANGGARAN 2024"],
                ["Kode Rekening", "Uraian", "Anggaran", "Sumber Dana"],
                ["4.2.1.01", "Dana Desa", 700_000_000, "DDS"], ["4.2.3.01", "Alokasi Dana Desa", None, "ADD"]):
        wb.active.append(row)
    wb.save(tmp_path / "apbdes.xlsx")
    assert ("required-value" in {code for _, _, code in errors(check_file(tmp_path / "apbdes.xlsx"))})


def test_kegiatan_bidang_rows_with_subtotals_are_headings(tmp_path: Path) -> None:
    checked = check_file(Path(shutil.copy(DATA / "rkp_bidang_merah_2025.xlsx", tmp_path)))
    assert errors(checked) == []
    assert checked.record_type == "kegiatan"
    assert [(r["kode_kegiatan"], r["anggaran"]) for r in checked.rows] == [
        ("2.3.10", "200000000"), ("2.3.13", "100000000"), ("4.6.02", "20000000")]
    assert {(r["kode_desa"], r["tahun"]) for r in checked.rows} == {("62.02.16.2003", "2025")}
    mismatch = check_file(edited(tmp_path, "rkp_bidang_merah_2025.xlsx", 8, 5, "Rp 310.000.000,00"))
    assert [(f.row, f.code, f.params.get("computed")) for f in mismatch.findings
            if f.level == "error"] == [(8, "subtotal-mismatch", "300.000.000")]
