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
