"""Blind trial s30, several years in one file: 'ANGGARAN TA 2024 | ANGGARAN TA 2025' side by side,
a title that names the comparison year, a column-number row with a sum ('6 = 5 - 4')."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desa_terbuka.normalise.lines import column_numbers
from desa_terbuka.normalise.year_columns import comparison_years, heading_year
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).resolve().parents[1] / "data" / "blind" / "years"
SIDE_BY_SIDE = DATA / "APBDes 2025 dan 2024 Desa Simpur.xlsx"
PHRASES = ["dibandingkan dengan", "tahun lalu", "ta lalu", "tahun sebelumnya"]


def _totals(rows, field: str = "anggaran") -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for r in rows:
        code = r["kode_rekening"]
        key = code[:3] if code.startswith("6") else code[0]
        out[key] = out.get(key, Decimal(0)) + Decimal(r[field] or 0)
    return out


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


@pytest.mark.parametrize("heading, year, bare", [
    ("ANGGARAN TA 2024 (Rp)", "2024", "ANGGARAN (Rp)"), ("Anggaran 2025", "2025", "Anggaran"),
    ("Realisasi Tahun 2023", "2023", "Realisasi"), ("Anggaran T.A. 2025", "2025", "Anggaran"),
    ("Anggaran Tahun Anggaran 2024 (Rp)", "2024", "Anggaran (Rp)"),
    ("Anggaran (Rp)", None, "Anggaran (Rp)"), ("Data 2024 s.d. 2025", None, "Data 2024 s.d. 2025"),
])
def test_heading_year_is_read_apart(heading, year, bare):
    assert heading_year(heading) == (year, bare)


@pytest.mark.parametrize("title, compared", [
    ("(DIBANDINGKAN DENGAN APBDES TAHUN ANGGARAN 2024)", {"2024"}),
    ("APBDES TA 2025 DIBANDINGKAN DENGAN TA 2024", {"2024"}),
    ("REALISASI 2024 DAN 2023 (TAHUN LALU)", {"2023"}),
    ("ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN 2025", set()),
])
def test_comparison_phrases_mark_the_compared_year(title, compared):
    assert comparison_years(title, PHRASES) == compared


def test_column_number_row_may_state_a_sum():
    assert column_numbers(["1", "2", "3", "4", "5", "6 = 5 - 4", "7"])
    assert column_numbers(["1", "2", "3", "4=(2+3)"])
    assert not column_numbers(["1", "2", "Dana Desa"])


def test_two_budget_years_side_by_side_publish_the_file_year():
    checked = check_file(SIDE_BY_SIDE)
    assert checked.record_type == "apbdes"
    assert _codes(checked, "error") == [] and checked.valid
    assert checked.villages == ["62.02.01.2005"]
    assert {r["tahun_anggaran"] for r in checked.rows} == {"2025"}
    assert {r["tahap"] for r in checked.rows} == {"anggaran"}
    assert len(checked.rows) == 7
    # the TA 2025 column, never the 2024 comparison (4: 1.100.000.000, 5: 726.000.000)
    assert _totals(checked.rows) == {"4": Decimal(1170000000), "5": Decimal(776000000),
                                     "6.1": Decimal(25000000), "6.2": Decimal(30000000)}
    [compared] = [f for f in checked.findings if f.code == "year-column-comparison"]
    assert compared.value == "ANGGARAN TA 2024 (Rp)" and compared.params["file_year"] == "2025"
    [title] = [f for f in checked.findings if f.code == "year-is-comparison"]
    assert title.value == "2024" and title.row == 4
    assert "year-conflict" not in _codes(checked, "error")
    assert "2024" in compared.message() and "2024" in compared.message("en")


def _write(path: Path, titles: list[str], keep: list[int]) -> Path:
    """The fixture with other title rows, only the columns ``keep`` (0-based) and no
    column-number row."""
    source = openpyxl.load_workbook(SIDE_BY_SIDE).active
    rows = [list(r) for r in source.iter_rows(values_only=True)][5:]
    del rows[1]  # the column-number row numbers all seven columns
    wb = openpyxl.Workbook()
    for text in titles:
        wb.active.append([text])
    for row in rows:
        wb.active.append([row[c] if c < len(row) else None for c in keep])
    wb.save(path)
    return path


def test_year_columns_without_a_stated_year_ask_which_year(tmp_path):
    path = _write(tmp_path / "apbdes desa simpur.xlsx", ["PEMERINTAH DESA SIMPUR KECAMATAN KOTA BESI"],
                  list(range(7)))
    checked = check_file(path)
    assert not checked.valid
    [unclear] = [f for f in checked.findings if f.code == "year-columns-unclear"]
    assert unclear.level == "error" and unclear.field == "anggaran"
    assert unclear.params["years"] == "2024, 2025"
    assert checked.findings[0].code in ("year-columns-unclear",)  # the root cause first
    assert "missing-column" not in _codes(checked, "error")


def test_a_title_year_without_its_column_is_an_error(tmp_path):
    path = _write(tmp_path / "apbdes simpur.xlsx",
                  ["PEMERINTAH DESA SIMPUR KECAMATAN KOTA BESI", "APBDES TAHUN ANGGARAN 2023"],
                  list(range(7)))
    [unclear] = [f for f in check_file(path).findings if f.code == "year-columns-unclear"]
    assert "2023" in unclear.message()


def test_one_year_column_gives_the_year(tmp_path):
    # no year in the title or file name: 'ANGGARAN TA 2025 (Rp)' states it
    path = _write(tmp_path / "apbdes simpur.xlsx", ["PEMERINTAH DESA SIMPUR KECAMATAN KOTA BESI"],
                  [0, 1, 2, 4, 6])
    checked = check_file(path)
    assert _codes(checked, "error") == []
    assert {r["tahun_anggaran"] for r in checked.rows} == {"2025"}
    assert _totals(checked.rows)["4"] == Decimal(1170000000)


def test_one_year_column_against_the_title_year_is_a_conflict(tmp_path):
    path = _write(tmp_path / "apbdes simpur.xlsx",
                  ["PEMERINTAH DESA SIMPUR KECAMATAN KOTA BESI", "APBDES TAHUN ANGGARAN 2025"],
                  [0, 1, 2, 3, 6])  # only the 2024 column
    checked = check_file(path)
    assert "year-conflict" in _codes(checked, "error")
    assert not checked.valid
