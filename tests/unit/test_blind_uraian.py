"""Blind trial s29, uraian: OpenSID's "Uraian" heading over the code columns too (merged, or
written once with empty cells beside it), codes staggered over columns ("4.1." | "4.1.2.")."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.headings import find_header
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).resolve().parents[1] / "data" / "blind" / "uraian"


def _total(rows, prefix: str, name: str) -> Decimal:
    return sum((Decimal(r[name] or 0) for r in rows if r["kode_rekening"].startswith(prefix)),
               Decimal(0))


@pytest.mark.parametrize("name, year, tahap, columns", [
    ("laporan_realisasi_smt1_merah_2025.csv", "2025", "realisasi_semester_1", "A, B, C, D"),
    ("lra_merged_uraian_merah_2024.xlsx", "2024", "realisasi_tahunan", "A, B"),
])
def test_codes_under_the_uraian_heading_are_the_code_column(name, year, tahap, columns):
    checked = check_file(DATA / name)
    rows = checked.rows
    assert checked.valid and checked.record_type == "apbdes"
    assert {r["kode_desa"] for r in rows} == {"62.02.16.2003"}
    assert {r["tahun_anggaran"] for r in rows} == {year} and {r["tahap"] for r in rows} == {tahap}
    # the jenis rows are the lines (staggered one column right in the CSV); kelompok rows are totals
    assert [r["kode_rekening"] for r in rows] == ["4.1.2", "4.2.1", "4.2.3", "5.1.1", "5.3.5", "6.1.1"]
    assert rows[1]["uraian"] == "Dana Desa"
    assert rows[3]["uraian"] == "Penghasilan Tetap dan Tunjangan Kepala Desa"
    assert _total(rows, "4", "anggaran") == Decimal("1112000000")
    assert _total(rows, "4", "realisasi") == Decimal("666000000")
    assert _total(rows, "5", "anggaran") == Decimal("1080000000")
    assert _total(rows, "5", "realisasi") == Decimal("525000000")
    assert [f for f in checked.findings if f.level == "error"] == []
    said = [f for f in checked.findings if f.code == "code-under-name-heading"]
    assert len(said) == 1 and said[0].level == "info" and said[0].field == "kode_rekening"
    for lang in ("id", "en"):
        assert f"({columns})" in said[0].message(lang) and "'Uraian'" in said[0].message(lang)


def _table(rows) -> RawTable:
    return RawTable("t.csv", None, [list(r) for r in rows], list(range(1, len(rows) + 1)))


def test_a_uraian_span_without_codes_stays_a_name():
    """Bullets or a second name line beside "Uraian" are no code column."""
    rows = [["Uraian", "", "Anggaran", "Realisasi"],
            ["a.", "Dana Desa", "1.000", "500"], ["b.", "Alokasi Dana Desa", "2.000", "900"],
            ["c.", "Bagi Hasil", "3.000", "1.000"]]
    header = find_header(_table(rows), definitions()["apbdes"], minimum=1)
    assert header is not None and "kode_rekening" not in header.columns.values()
    assert header.name_spans == {}


def test_a_kode_column_of_its_own_is_kept():
    rows = [["Kode", "Uraian", "", "Anggaran"], ["4.1.2", "Hasil Aset", "", "1.000"],
            ["4.2.1", "Dana Desa", "", "2.000"]]
    header = find_header(_table(rows), definitions()["apbdes"], minimum=1)
    assert header.columns[0] == "kode_rekening" and header.columns[1] == "uraian"
    assert header.name_spans == {}
