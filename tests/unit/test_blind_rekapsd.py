"""Blind trial 7 (activities): a sheet of totals per sumber dana or per bidang beside the sheet of
lines is a recap of it, said and checked against the lines, never read as a second record type;
real sheets with a SUMBER DANA column stay lines (tests/data/blind/rekapsd/SOURCES.md)."""

from pathlib import Path

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.findings import has_errors
from desa_terbuka.validate.check import check_parts
from desa_terbuka.validate.group_summary import group_summary

DATA = Path(__file__).parents[1] / "data" / "blind" / "rekapsd"
RKP = "RKP Desa 2026 Sebabi - {}.xlsx"


def _codes(part):
    return [f.code for f in part.findings]


def _one_kegiatan_part(name):
    parts = check_parts(DATA / name)
    assert [p.record_type for p in parts] == ["kegiatan"], [(p.record_type, _codes(p)) for p in parts]
    part = parts[0]
    assert not has_errors(part.findings), _codes(part)
    assert len(part.rows) == 6 and {r["kode_desa"] for r in part.rows} == {"62.02.14.2001"}
    return part


def test_recap_per_source_by_name_is_said_not_read():
    part = _one_kegiatan_part(RKP.format("rekap per sumber dana"))
    said = [f for f in part.findings if f.code == "summary-sheet-by-group"]
    assert len(said) == 1 and said[0].sheet == "Rekap per Sumber Dana"
    assert "Swadaya Masyarakat 40.000.000" in said[0].params["groups"]
    assert "Rekap per Sumber Dana" in said[0].message("en") and "funding source" in said[0].message("en")
    assert "summary-sheet-mismatch" not in _codes(part)


def test_recap_with_codes_that_disagrees_warns_per_source():
    part = _one_kegiatan_part(RKP.format("rekapitulasi sumber dana salah"))
    assert "summary-sheet-by-group" in _codes(part)
    wrong = [f for f in part.findings if f.code == "summary-sheet-mismatch"]
    assert [(f.value, f.params["stated"], f.params["computed"]) for f in wrong] == [
        ("Alokasi Dana Desa", "70.000.000", "60.000.000")]
    assert wrong[0].level == "warning"


def test_recap_per_bidang_is_said_and_agrees():
    part = _one_kegiatan_part(RKP.format("rekap per bidang"))
    said = [f for f in part.findings if f.code == "summary-sheet-by-group"]
    assert len(said) == 1 and said[0].sheet == "Rekap per Bidang"
    assert "summary-sheet-mismatch" not in _codes(part)


def test_apbdes_and_kegiatan_sheets_stay_two_record_types():
    parts = check_parts(DATA / "APBDes dan Kegiatan 2025 Sebabi.xlsx")
    assert sorted(p.record_type for p in parts) == ["apbdes", "kegiatan"]
    by_type = {p.record_type: p for p in parts}
    assert len(by_type["apbdes"].rows) == 4 and len(by_type["kegiatan"].rows) == 2
    assert {r["sumber_dana"] for r in by_type["apbdes"].rows} == {"DDS", "ADD"}
    for part in parts:
        assert not has_errors(part.findings), _codes(part)
        assert "summary-sheet-by-group" not in _codes(part)


def test_coded_source_lines_with_a_sumber_dana_column_are_lines():
    parts = check_parts(DATA / "APBDes 2025 Sebabi per sheet.xlsx")
    assert [p.record_type for p in parts] == ["apbdes"]
    assert len(parts[0].rows) == 4 and not has_errors(parts[0].findings)
    assert "summary-sheet-by-group" not in _codes(parts[0])


def _table(rows):
    return RawTable("x.xlsx", "S", rows, list(range(1, len(rows) + 1)))


def test_what_a_recap_is():
    recap = group_summary(_table([["Sumber Dana", "Jumlah"], ["Dana Desa", "100.000.000"],
                                  ["ADD", "Alokasi Dana Desa", "Rp 50.000.000", "33,3%"],
                                  ["JUMLAH", "150.000.000"]]))
    assert recap and recap.by == "sumber_dana" and [r.key for r in recap.rows] == ["DDS", "ADD"]
    # a legend of codes states no totals; a line of its own name or code is data
    assert group_summary(_table([["DDS", "Dana Desa"], ["ADD", "Alokasi Dana Desa"]])) is None
    assert group_summary(_table([["Dana Desa", "100.000.000"], ["Sewa tenda", "5.000.000"],
                                 ["ADD", "50.000.000"]])) is None
    assert group_summary(_table([["4.2.1.01", "Dana Desa", "100.000.000"],
                                 ["4.2.3.01", "Alokasi Dana Desa", "50.000.000"]])) is None
    bidang = group_summary(_table([["1", "Bidang Penyelenggaraan Pemerintahan Desa", "10.000.000"],
                                   ["5", "Bidang Penanggulangan Bencana", "2.000.000"]]))
    assert bidang and bidang.by == "bidang" and [r.key for r in bidang.rows] == ["1", "5"]
