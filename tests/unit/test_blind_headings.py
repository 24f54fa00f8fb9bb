"""Blind trial s29, headings: sizes stated in a heading, attendance headings, spelling matches."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest

from desa_terbuka.validate.check import check_file
from desa_terbuka.normalise.heading_units import heading_scale

DATA = Path(__file__).resolve().parents[1] / "data" / "blind" / "headings"


def _builder():
    spec = importlib.util.spec_from_file_location("blind_headings_build", DATA / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _total(rows, name: str) -> Decimal:
    return sum((Decimal(r[name] or 0) for r in rows), Decimal(0))


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


@pytest.mark.parametrize("heading, factor", [
    ("Prakiraan Biaya (Rp.000)", 1000), ("Anggaran (Rp 000)", 1000), ("Pagu Rp.000", 1000),
    ("ANGGARAN (ribuan rupiah)", 1000), ("Nilai (dalam ribuan)", 1000), ("Biaya (x 1.000)", 1000),
    ("Biaya (x 1000)", 1000), ("Pagu (Rp juta)", 10**6), ("Anggaran (Rp.000.000)", 10**6),
    ("Anggaran (Rp)", None), ("Jumlah Rp.", None), ("Jumlah (Rp,-)", None),
    ("Anggaran Tahun 2000", None), ("Volume (m)", None),
])
def test_heading_scale_reads_sizes_not_the_currency(heading, factor):
    found = heading_scale(heading)
    assert (found[0] if found else None) == factor


def test_amounts_in_thousands_are_multiplied_and_said():
    checked = check_file(DATA / "kegiatan_prioritas_tangka_robah_2026.csv")
    rows = checked.rows
    assert checked.valid and checked.record_type == "kegiatan"
    assert {r["kode_desa"] for r in rows} == {"62.02.03.2009"} and {r["tahun"] for r in rows} == {"2026"}
    assert len(rows) == 4
    assert _total(rows, "anggaran") == Decimal("311750000")  # 311.750 thousand rupiah
    assert rows[0]["anggaran"] == "214500000"
    assert _codes(checked, "error") == [] and _codes(checked, "warning") == []
    scaled = [f for f in checked.findings if f.code == "amounts-scaled"]
    assert len(scaled) == 1 and scaled[0].field == "anggaran" and scaled[0].level == "info"
    for lang in ("id", "en"):
        assert "1.000" in scaled[0].message(lang) and "214.500.000" in scaled[0].message(lang)


def test_the_total_row_is_read_in_the_same_unit(tmp_path):
    """The JUMLAH row (311.750) agrees with the lines once both are thousands; a wrong one does not."""
    wrong = tmp_path / "kegiatan_prioritas_tangka_robah_2026.csv"
    wrong.write_bytes((DATA / wrong.name).read_bytes().replace(b",311.750", b",311.700"))
    checked = check_file(wrong)
    assert [(f.code, f.row) for f in checked.findings if f.level == "error"] == [("subtotal-mismatch", 8)]


def test_attendance_headings_with_jumlah_and_subgroups():
    checked = check_file(DATA / "rekap_musyawarah_pemantang_2024.csv")
    rows = checked.rows
    assert checked.valid and checked.record_type == "musyawarah"
    assert {r["kode_desa"] for r in rows} == {"62.02.03.2010"} and len(rows) == 3
    assert [r["tanggal"] for r in rows] == ["2024-02-13", "2024-04-24", "2024-07-20"]
    assert _total(rows, "jumlah_hadir") == 133  # not the 29 poor residents
    assert _total(rows, "hadir_laki_laki") == 78 and _total(rows, "hadir_perempuan") == 55
    assert _codes(checked, "error") == [] and _codes(checked, "warning") == []
    unknown = {f.value for f in checked.findings if f.code == "unknown-column"}
    assert {"Jumlah Peserta Warga Miskin", "Jml Peserta Disabilitas"} <= unknown


@pytest.mark.parametrize("semula, menjadi", [("SEMULA", "MENJADI"), ("Sebelum Perubahan", "Sesudah Perubahan")])
def test_apbdes_perubahan_reads_the_amended_budget(tmp_path, semula, menjadi):
    """ANGGARAN over SEMULA | MENJADI: the amended column is the anggaran, the rest not published."""
    path = tmp_path / "apbdes_perubahan_tumbang_sapiri_2025.xlsx"
    _builder().build(path, semula, menjadi)
    checked = check_file(path)
    rows = checked.rows
    assert checked.valid and checked.record_type == "apbdes"
    assert {r["kode_desa"] for r in rows} == {"62.02.03.2011"}
    assert {r["tahun_anggaran"] for r in rows} == {"2025"} and {r["tahap"] for r in rows} == {"anggaran_perubahan"}
    assert len(rows) == 6
    income = _total([r for r in rows if r["kode_rekening"].startswith("4")], "anggaran")
    spending = _total([r for r in rows if r["kode_rekening"].startswith("5")], "anggaran")
    assert (income, spending) == (861_400_000, 851_350_000)  # MENJADI, not SEMULA
    assert _codes(checked, "error") == [] and _codes(checked, "warning") == []
    # known companions of the amended budget: said as not published, not as unknown columns
    companions = {f.value for f in checked.findings if f.code == "column-not-published"}
    assert f"ANGGARAN (Rp) {semula}" in companions and "BERTAMBAH/ (BERKURANG)" in companions
    assert not [f for f in checked.findings if f.code == "unknown-column"]


def test_a_duration_heading_is_not_read_as_status_by_spelling():
    """'Waktu Pelaksanaan' only shares a word with 'Status Pelaksanaan'; 'Anggraan' is a misspelling."""
    checked = check_file(DATA / "rkp_desa_pemantang_2025.csv")
    rows = checked.rows
    assert checked.valid and checked.record_type == "kegiatan" and len(rows) == 3
    assert {r["kode_desa"] for r in rows} == {"62.02.03.2010"} and {r["tahun"] for r in rows} == {"2025"}
    assert _total(rows, "anggaran") == 258_250_000
    assert _codes(checked, "error") == [] and _codes(checked, "warning") == []  # no value-cleared
    # a standard RKP Desa column: a known companion of the dates, not published (since s32)
    assert ("Waktu Pelaksanaan", "tanggal_mulai") in {
        (f.value, f.field) for f in checked.findings if f.code == "column-not-published"}
    read = [f for f in checked.findings if f.code == "headings-interpreted"]
    assert len(read) == 1 and "'Anggraan' → anggaran" in read[0].message() and "status" not in read[0].message()


def test_perubahan_apb_desa_written_apart_is_its_canonical_meeting():
    from desa_terbuka.core.definitions import definitions
    from desa_terbuka.normalise.values import read_value

    reading = read_value(definitions()["musyawarah"], "jenis_musyawarah",
                         "Musyawarah Desa Perubahan APB Desa TA 2024")
    assert (reading.value, reading.how) == ("Musdes Perubahan APBDes", "synonym")
