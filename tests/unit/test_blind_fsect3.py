"""Blind trial 6 (finance): a section heading without a code sets the section of the lines under
it, a code in brackets in the name cell is the code, the chart's objek range written with spaces
is read as the chart writes it, and a summary sheet is said and checked against the lines
(tests/data/blind/fsect3/SOURCES.md)."""

from decimal import Decimal
from pathlib import Path

from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.findings import has_errors
from desa_terbuka.normalise.values import read_code
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "fsect3"


def _checked(name):
    checked = check_file(DATA / name)
    return checked[0] if isinstance(checked, list) else checked


def _sum(rows, prefix, field="anggaran"):
    return sum(Decimal(r[field] or 0) for r in rows if r["kode_rekening"].startswith(prefix))


def _codes(checked):
    return [f.code for f in checked.findings]


def test_uncoded_belanja_heading_makes_kegiatan_lines_belanja():
    checked = _checked("perdes_lampiran1_per_kegiatan_sebabi_2024.xlsx")
    assert checked.record_type == "apbdes"
    assert not has_errors(checked.findings), _codes(checked)
    rows = checked.rows
    assert len(rows) == 6
    assert {r["kode_desa"] for r in rows} == {"62.02.14.2001"}
    assert {r["tahun_anggaran"] for r in rows} == {"2024"}
    assert _sum(rows, "4") == 900_000_000
    assert _sum(rows, "5") == 880_000_000
    assert _sum(rows, "6.2") == 20_000_000
    by_name = {r["uraian"]: r for r in rows}
    line = by_name["Peningkatan Produksi Tanaman Pangan"]  # bidang 04, not akun 4
    assert (line["kode_rekening"], line["kode_kegiatan"]) == ("5", "4.2.01")
    assert by_name["Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa"]["kode_kegiatan"] == "1.1.01"


def test_code_in_brackets_before_the_name_is_the_code():
    apbdes = definitions()["apbdes"]
    assert read_code(apbdes, "kode_rekening", "[4.2.1.01] Dana Desa") == ("4.2.1.01", "Dana Desa")
    assert read_code(apbdes, "kode_rekening", "Dana Desa (4.2.1.01)") == ("4.2.1.01", "Dana Desa")
    assert read_code(apbdes, "kode_rekening", "Lain-lain (Sewa Tenda)")[0] != "4"
    checked = _checked("export_realisasi_akun_bracket_sebabi_2024.xlsx")
    assert not has_errors(checked.findings), _codes(checked)
    rows = checked.rows
    assert len(rows) == 5  # the level-3 groups are subtotals, not lines
    assert {r["tahap"] for r in rows} == {"realisasi_tahunan"}
    assert _sum(rows, "4") == 900_000_000 and _sum(rows, "4", "realisasi") == 890_000_000
    assert _sum(rows, "5") == 850_000_000 and _sum(rows, "5", "realisasi") == 790_000_000
    assert "unknown-column" not in _codes(checked)  # "Sisa" is the realisasi's companion


def test_spaced_objek_range_is_the_chart_code_and_counted_once():
    apbdes = definitions()["apbdes"]
    assert read_code(apbdes, "kode_rekening", "4 1 4 90-99")[0] == "4.1.4"
    checked = _checked("penjabaran_spaced_range_sebabi_2025.xlsx")
    assert not has_errors(checked.findings), _codes(checked)
    rows = checked.rows
    assert len(rows) == 4
    assert _sum(rows, "4") == 612_000_000
    assert _sum(rows, "5") == 612_000_000
    assert "code-range-read" in _codes(checked)


def test_summary_sheet_is_said_and_agrees():
    checked = _checked("apbdes_per_sheet_ringkasan_sebabi_2025.xlsx")
    assert not has_errors(checked.findings), _codes(checked)
    assert len(checked.rows) == 3
    said = [f for f in checked.findings if f.code == "summary-sheet-not-lines"]
    assert [f.value for f in said] == ["RINGKASAN"]
    assert "summary-sheet-mismatch" not in _codes(checked)


def test_summary_sheet_disagreeing_with_the_lines_is_a_warning_on_its_section():
    checked = _checked("apbdes_per_sheet_ringkasan_salah_sebabi_2025.xlsx")
    assert not has_errors(checked.findings), _codes(checked)  # the lines are right: published
    wrong = [f for f in checked.findings if f.code == "summary-sheet-mismatch"]
    assert [(f.value, f.params["stated"], f.params["computed"]) for f in wrong] == [
        ("Belanja", "509.000.000", "590.000.000")]
