"""Blind trial s29, area codes: codes written in other cells and other systems' conventions.

Fixtures in tests/data/blind/codes/ (see SOURCES.md there); what a careful reader finds."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desa_terbuka.validate.check import check_file

DATA = Path(__file__).resolve().parents[1] / "data" / "blind" / "codes"


def _errors(checked) -> list[str]:
    return [f.code for f in checked.findings if f.level == "error"]


def _total(checked, name: str) -> Decimal:
    return sum((Decimal(r[name] or 0) for r in checked.records.rows), Decimal(0))


def test_form_export_code_at_start_of_name_cell():
    """No kode column: the code starting each name ('2.3.10 Pengerasan ...') is the code, the
    name is kept without it, and the reading is information, not an error."""
    checked = check_file(DATA / "form_responses_kode_di_nama.tsv")
    assert checked.record_type == "kegiatan" and checked.valid, _errors(checked)
    rows = list(checked.records.rows)
    assert {r["kode_desa"] for r in rows} == {"62.02.04.2016"} and {r["tahun"] for r in rows} == {"2024"}
    assert [r["kode_kegiatan"] for r in rows] == ["2.3.10", "2.2.02", "4.2.02"]
    assert rows[0]["nama_kegiatan"] == "Pengerasan Jalan Lingkungan RT 01"
    assert _total(checked, "anggaran") == 69_750_000
    derived = [f for f in checked.findings if f.code == "value-derived" and f.field == "kode_kegiatan"]
    assert derived and derived[0].level == "info"
    assert "missing-column" not in [f.code for f in checked.findings]


def test_code_and_name_on_two_lines_of_one_cell_is_a_kegiatan_file():
    """'2.3.12<newline>Pengerasan ...' under 'Uraian Kegiatan', no kode column: still kegiatan."""
    checked = check_file(DATA / "dpa_rencana_kas_kode_baris_dua.csv")
    assert checked.record_type == "kegiatan" and checked.valid, _errors(checked)
    rows = list(checked.records.rows)
    assert {r["kode_desa"] for r in rows} == {"62.02.17.2006"} and {r["tahun"] for r in rows} == {"2025"}
    assert [r["kode_kegiatan"] for r in rows] == ["1.1.01", "2.3.12", "5.3.01"]
    assert rows[1]["nama_kegiatan"] == "Pengerasan Jalan Usaha Tani"
    assert _total(checked, "anggaran") == 42_500_000


def test_type_given_names_the_missing_required_columns(tmp_path):
    """With --type the type is not in doubt: the message names the required columns missing."""
    path = tmp_path / "kegiatan.csv"
    path.write_text("Judul;Pagu (Rp);Jan\nJalan Usaha Tani;Rp 1.000;Rp 500\nPosyandu;Rp 2.000;Rp 100\n")
    checked = check_file(path, "kegiatan")
    assert _errors(checked) == ["type-columns-missing"]
    finding = checked.findings[0]
    assert "kode_kegiatan" in str(finding.params["missing"])
    assert "nama_kegiatan" not in str(finding.params["missing"])
    assert "unknown-record-type" not in [f.code for f in checked.findings]
