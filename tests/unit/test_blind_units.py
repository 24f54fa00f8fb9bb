"""The size of the amounts stated outside the heading: a title row "(dalam ribuan rupiah)", a
note under the table "Nilai dalam Rp ribuan". Read as rupiah, such a report would be published a
thousand times too small. Fixtures and their shapes: tests/data/blind/units/SOURCES.md."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desa_terbuka.normalise.heading_units import line_scale
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).resolve().parents[1] / "data" / "blind" / "units"
# the report's lines in full rupiah (its amounts are printed in thousands)
ANGGARAN = {"4.1.2": 12_500_000, "4.2.1": 812_400_000, "4.2.3": 402_750_000,
            "5.1.1": 64_800_000, "5.3.5": 655_000_000}
REALISASI = {"4.1.2": 11_250_000, "4.2.1": 812_400_000, "4.2.3": 301_000_000,
             "5.1.1": 64_800_000, "5.3.5": 540_250_000}


def _amounts(checked, name: str) -> dict[str, int]:
    return {r["kode_rekening"]: int(Decimal(r[name])) for r in checked.rows}


def _levels(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def _scaled(checked) -> dict[str, object]:
    return {f.field: f for f in checked.findings if f.code == "amounts-scaled"}


def _report_as_read(checked) -> None:
    """What a careful reader finds in the report: Merah, 2024, realisation, five lines."""
    assert checked.record_type == "apbdes" and checked.valid
    assert {r["kode_desa"] for r in checked.rows} == {"62.02.16.2003"}
    assert {r["tahun_anggaran"] for r in checked.rows} == {"2024"} and len(checked.rows) == 5
    assert _levels(checked, "error") == []


@pytest.mark.parametrize("text, factor", [
    ("(dalam ribuan rupiah)", 1000), ("Nilai dalam Rp ribuan", 1000), ("Satuan: Rp 1.000", 1000),
    ("Angka dalam jutaan rupiah", 10**6), ("Catatan: nilai dalam ribuan rupiah (Rp.000)", 1000),
    ("LAPORAN REALISASI APBDES TA 2024 (Dalam Ribuan Rupiah)", 1000), ("dalam rupiah", 1),
    ("Catatan: Dana Desa tahun ini 800 juta rupiah", None),
    ("Catatan: nilai kontrak delapan ratus juta rupiah", None), ("Sumber: Siskeudes", None),
    ("KEPALA DESA MERAH,", None),
])
def test_unit_lines_are_read_and_free_text_is_not(text, factor):
    found = line_scale(text)
    assert (found[0] if found else None) == factor


def test_title_row_states_thousands_csv():
    checked = check_file(DATA / "lra_ribuan_merah_2024.csv")
    _report_as_read(checked)
    assert _amounts(checked, "anggaran") == ANGGARAN and _amounts(checked, "realisasi") == REALISASI
    assert "subtotal-mismatch" not in _levels(checked, "error")  # JUMLAH rows read in thousands too
    scaled = _scaled(checked)
    assert set(scaled) == {"anggaran", "realisasi"}
    assert scaled["anggaran"].row == 4 and scaled["anggaran"].level == "info"  # the row that said it
    assert "baris 4" in scaled["anggaran"].message("id") and "row 4" in scaled["anggaran"].message("en")
    assert "12.500.000" in scaled["anggaran"].message("en")


def test_note_under_the_table_states_thousands_xlsx():
    checked = check_file(DATA / "lra_catatan_merah_2024.xlsx")
    _report_as_read(checked)
    assert _amounts(checked, "anggaran") == ANGGARAN and _amounts(checked, "realisasi") == REALISASI
    scaled = _scaled(checked)
    assert set(scaled) == {"anggaran", "realisasi"} and scaled["realisasi"].row == 15
    assert scaled["realisasi"].value == "Catatan: Nilai dalam Rp ribuan"


def test_dalam_rupiah_does_not_scale():
    checked = check_file(DATA / "lra_rupiah_merah_2024.csv")
    _report_as_read(checked)
    assert _amounts(checked, "anggaran") == ANGGARAN and _amounts(checked, "realisasi") == REALISASI
    assert _scaled(checked) == {}


def _edited(tmp_path: Path, cells: dict[tuple[int, int], str], name="lra_catatan_merah_2024.xlsx") -> Path:
    wb = openpyxl.load_workbook(DATA / name)
    for (row, col), value in cells.items():
        wb.active.cell(row, col).value = value
    wb.save(tmp_path / name)
    return tmp_path / name


def test_heading_unit_and_note_unit_that_disagree_is_an_error(tmp_path):
    checked = check_file(_edited(tmp_path, {(5, 3): "ANGGARAN (Rp.000)", (15, 1): "Angka dalam rupiah"}))
    conflicts = [f for f in checked.findings if f.code == "amounts-unit-conflict"]
    assert [(f.field, f.row, f.level) for f in conflicts] == [("anggaran", 15, "error")]
    for lang in ("id", "en"):
        assert "ANGGARAN (Rp.000)" in conflicts[0].message(lang) and "15" in conflicts[0].message(lang)
    assert not checked.valid


def test_heading_unit_and_note_unit_that_agree_scale_once(tmp_path):
    checked = check_file(_edited(tmp_path, {(5, 3): "ANGGARAN (Rp.000)"}))
    _report_as_read(checked)
    assert _amounts(checked, "anggaran") == ANGGARAN and _amounts(checked, "realisasi") == REALISASI
    assert _scaled(checked)["anggaran"].row is not None and _scaled(checked)["anggaran"].value == "ANGGARAN (Rp.000)"


def test_a_note_naming_one_column_sizes_that_column_only(tmp_path):
    path = _edited(tmp_path, {(15, 1): "Keterangan: kolom Anggaran dalam ribuan rupiah"})
    wb = openpyxl.load_workbook(path)
    for row in wb.active.iter_rows(min_row=7, max_row=13):
        if row[3].value:
            row[3].value += ".000"  # realisasi written in full rupiah
    wb.save(path)
    checked = check_file(path)
    _report_as_read(checked)
    assert _amounts(checked, "anggaran") == ANGGARAN and _amounts(checked, "realisasi") == REALISASI
    assert set(_scaled(checked)) == {"anggaran"}


def test_a_unit_line_right_under_the_heading_is_a_note(tmp_path):
    source = (DATA / "lra_ribuan_merah_2024.csv").read_text(encoding="utf-8").splitlines()
    moved = [line for line in source if line != "(dalam ribuan rupiah)"]
    at = moved.index("1;2;3;4;5") + 1
    moved.insert(at, ";;(dalam ribuan rupiah);;")
    path = tmp_path / "lra_ribuan_merah_2024.csv"
    path.write_text("\n".join(moved) + "\n", encoding="utf-8")
    checked = check_file(path)
    _report_as_read(checked)
    assert _amounts(checked, "anggaran") == ANGGARAN and set(_scaled(checked)) == {"anggaran", "realisasi"}


def test_a_volume_is_not_rupiah(tmp_path):
    path = tmp_path / "kegiatan_merah_2024.csv"
    path.write_text("DAFTAR KEGIATAN DESA MERAH TAHUN 2024\n(dalam ribuan rupiah)\n"
                    "Kode Kegiatan;Nama Kegiatan;Volume;Satuan;Anggaran\n"
                    "2.2.01;Pembangunan Jalan Desa;350;meter;214.500\n"
                    "2.1.06;Pengadaan Alat Peraga PAUD;2;paket;18.750\n", encoding="utf-8")
    checked = check_file(path)
    assert checked.record_type == "kegiatan" and checked.valid and _levels(checked, "error") == []
    assert [r["anggaran"] for r in checked.rows] == ["214500000", "18750000"]
    assert [r["volume"] for r in checked.rows] == ["350", "2"]
    assert set(_scaled(checked)) == {"anggaran"}




def test_a_canonical_csv_with_a_unit_note_is_not_bulk_staged_unscaled(tmp_path):
    """The batch path (bulk staging of clean canonical CSVs) must not stage such a file as
    written: its screen hands it to the per-file path, which multiplies and says so."""
    from desa_terbuka.collect.inbox import discover
    from desa_terbuka.validate.check import check_parts
    from desa_terbuka.validate.relation import connection
    from desa_terbuka.validate.set_check import screen

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "apbdes_merah_2024.csv").write_text(
        "kode_desa,tahun_anggaran,tahap,kode_rekening,uraian,anggaran\n"
        "62.02.16.2003,2024,anggaran,4.2.1,Dana Desa,812.400\n"
        "62.02.16.2003,2024,anggaran,5.3.5,Belanja Modal Jalan,655.000\n\n"
        "Catatan: angka dalam ribuan rupiah\n", encoding="utf-8")
    subs = discover(inbox)
    screened = screen(connection(), subs)
    assert [s.path for s in screened.rest] == [s.path for s in subs]
    for b in screened.batches:
        connection().execute(f"DROP TABLE IF EXISTS {b.table}")
    parts = check_parts(subs[0].path, None, subs[0])
    assert [r["anggaran"] for p in parts for r in p.rows] == ["812400000", "655000000"]
    assert [f.row for p in parts for f in p.findings if f.code == "amounts-scaled"] == [5]


def test_a_title_row_and_a_note_that_disagree_is_an_error(tmp_path):
    checked = check_file(_edited(tmp_path, {(4, 1): "(dalam jutaan rupiah)"}))
    conflicts = [(f.field, f.row, f.level) for f in checked.findings if f.code == "amounts-unit-conflict"]
    assert conflicts == [("anggaran", 15, "error"), ("realisasi", 15, "error")]
    assert not checked.valid
