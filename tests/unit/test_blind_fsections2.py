"""Blind trial 4 (finance): APBDes report rows read for what they are. A running number in the
NO column does not make a total row (JUMLAH PENDAPATAN, SURPLUS/(DEFISIT), PEMBIAYAAN NETTO) a
line. Fixtures and their shapes: tests/data/blind/fsections2/SOURCES.md."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parent.parent / "data" / "blind" / "fsections2"
PERUBAHAN = "lamp_perdes_perubahan_apbdes_2024_basirih_hulu.xlsx"


def errors(checked) -> list:
    return [(f.row, f.field, f.code) for f in checked.findings if f.level == "error"]


def total(checked, prefix: str, field: str = "anggaran") -> Decimal:
    return sum((Decimal(r[field] or 0) for r in checked.rows
                if r["kode_rekening"] == prefix or r["kode_rekening"].startswith(prefix + ".")),
               Decimal(0))


def test_numbered_total_rows_are_totals() -> None:
    """'12 | JUMLAH PENDAPATAN | (no code)' is a total row, checked against its lines."""
    checked = check_file(DATA / PERUBAHAN)
    assert errors(checked) == []
    assert (checked.record_type, checked.villages, checked.years) == ("apbdes", ["62.02.08.2011"], [2024])
    assert len(checked.rows) == 20
    assert not any(r["uraian"].upper().startswith(("JUMLAH", "SURPLUS", "PEMBIAYAAN NETTO"))
                   for r in checked.rows)
    assert total(checked, "4") == 1_508_660_000 and total(checked, "5") == 1_546_160_000
    assert total(checked, "6.1") == 62_500_000 and total(checked, "6.2") == 25_000_000


def test_numbered_total_row_still_checked(tmp_path: Path) -> None:
    """The numbered JUMLAH BELANJA row is compared with its lines: a wrong one is caught there."""
    import openpyxl
    wb = openpyxl.load_workbook(DATA / PERUBAHAN, data_only=True)  # formulas as their values
    ws = wb.active
    for row in ws.iter_rows():
        if row[1].value == "JUMLAH BELANJA":
            row[5].value, at = 1_546_000_000, row[0].row
    wb.save(tmp_path / PERUBAHAN)
    wrong = check_file(tmp_path / PERUBAHAN)
    assert [(f.code, f.row, f.field) for f in wrong.findings if f.level == "error"] == \
        [("subtotal-mismatch", at, "anggaran")]


ARTICLE = "apbdes_desa_jemaras_2025_artikel_web.xlsx"


def _without_block_above(tmp_path: Path) -> Path:
    """The article with its pendapatan block (above the heading row) emptied."""
    import openpyxl
    wb = openpyxl.load_workbook(DATA / ARTICLE)
    ws = wb.active
    heading = next(r[0].row for r in ws.iter_rows() if r[0].value == "BIDANG")
    for row in ws.iter_rows(min_row=4, max_row=heading - 1):
        for cell in row:
            if type(cell).__name__ == "Cell":
                cell.value = None
    wb.save(tmp_path / ARTICLE)
    return tmp_path / ARTICLE


def test_lines_above_the_heading_are_never_dropped_silently() -> None:
    """The pendapatan block with no heading row of its own blocks, naming its rows; the title
    lines above it do not."""
    checked = check_file(DATA / ARTICLE)
    [above] = [f for f in checked.findings if f.level == "error"]
    assert (above.code, above.row, above.params["rows"], above.params["heading_row"]) == \
        ("lines-above-heading", 5, "5–16", 19)


def test_merged_heading_over_number_and_name_names_the_name(tmp_path: Path) -> None:
    """'KEGIATAN' merged over 1 | Penyediaan …: the names are read (and give the Permendagri
    codes); BIDANG / SUB BIDANG rows are levels with subtotals, not kegiatan."""
    checked = check_file(_without_block_above(tmp_path))
    assert errors(checked) == []
    assert (checked.record_type, checked.villages, checked.years) == ("kegiatan", ["62.02.02.2007"], [2025])
    assert len(checked.rows) == 16
    assert sum(Decimal(r["anggaran"]) for r in checked.rows) == 1_601_711_000
    assert [(r["kode_kegiatan"], r["nama_kegiatan"]) for r in checked.rows][:2] == [
        ("1.1.01", "Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa"),
        ("1.1.02", "Penyediaan Penghasilan Tetap dan Tunjangan Perangkat Desa")]
    assert [r["kode_kegiatan"] for r in checked.rows][-1] == "5.3.01"
    codes = {f.code for f in checked.findings}
    assert "level-columns-read" in codes and "unknown-column" not in codes
    assert {f.code for f in checked.findings if f.code == "headings-interpreted"}


def test_level_subtotal_is_checked(tmp_path: Path) -> None:
    """A sub bidang subtotal that disagrees with its kegiatan is caught at its row."""
    import openpyxl
    path = _without_block_above(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    at = next(r[1].row for r in ws.iter_rows() if r[1].value == "2. Kesehatan")
    ws.cell(at, 5).value = "62.000.000,00"
    wb.save(path)
    assert [(f.code, f.row) for f in check_file(path).findings if f.level == "error"] == \
        [("subtotal-mismatch", at)]


def test_several_sources_in_one_cell_are_said(tmp_path: Path) -> None:
    """'ADD, PBH': the line is published once with the first source, and a warning names both."""
    checked = check_file(_without_block_above(tmp_path))
    [row] = [r for r in checked.rows if r["nama_kegiatan"].startswith("Penyediaan Operasional")]
    assert row["sumber_dana"] == "ADD" and Decimal(row["anggaran"]) == 84_342_000
    said = {(f.value, f.params["canonical"], f.params["values"]) for f in checked.findings
            if f.code == "value-several"}
    assert said == {("ADD, PBH", "ADD", "ADD, PBH"), ("DDS, PBP", "DDS", "DDS, PBP")}
    assert all(f.level == "warning" for f in checked.findings if f.code == "value-several")


def test_one_source_written_twice_is_not_several() -> None:
    from desa_terbuka.core.definitions import definitions
    from desa_terbuka.normalise.several_values import several_values
    apbdes = definitions()["apbdes"]
    assert several_values(apbdes, "sumber_dana", "PAD / Pendapatan Asli Desa") == []
    assert several_values(apbdes, "sumber_dana", "Bagi Hasil Pajak dan Retribusi") == []
    assert several_values(apbdes, "sumber_dana", "DD dan ADD") == ["DDS", "ADD"]
