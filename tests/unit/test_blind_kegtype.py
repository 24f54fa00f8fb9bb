"""Blind trial s32 (trial 5 activities), area kegtype: what decides a kegiatan file's reading.

A code column headed "Kode Rekening" over Permendagri kegiatan codes only (``01.01.02.``) is a
kegiatan list: the cells decide the record type, not the heading word. Forced to read it as an
APBDes, its kegiatan lines at the bare belanja root '5' are said (a warning), never silent.

Fixtures: tests/data/blind/kegtype/ (SOURCES.md, build.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "kegtype"
REALISASI = DATA / "realisasi_kegiatan_kode_rekening_satiruk_2024.csv"


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def test_kegiatan_codes_under_kode_rekening_heading_are_a_kegiatan_list() -> None:
    checked = check_file(REALISASI)
    assert checked.valid and _codes(checked, "error") == []
    assert checked.record_type == "kegiatan"
    assert checked.villages == ["62.02.09.2004"] and checked.years == [2024]
    rows = checked.rows
    assert [r["kode_kegiatan"] for r in rows] == ["1.1.02", "1.2.01", "2.2.01", "3.2.03"]
    assert rows[0]["nama_kegiatan"].startswith("Penyediaan Penghasilan Tetap")
    assert sum(Decimal(str(r["anggaran"])) for r in rows) == Decimal("143750000")
    assert "activity-lines-as-spending" not in _codes(checked, "warning")


def test_kegiatan_list_forced_as_apbdes_says_its_lines_are_bare_belanja() -> None:
    checked = check_file(REALISASI, record_type="apbdes")
    assert checked.record_type == "apbdes"
    assert "activity-lines-as-spending" in _codes(checked, "warning")
    rows = checked.rows
    # the kegiatan codes are kept on the lines, not dropped
    assert [r["kode_kegiatan"] for r in rows] == ["1.1.02", "1.2.01", "2.2.01", "3.2.03"]
    assert {r["kode_rekening"] for r in rows} == {"5"}


RKP = DATA / "rkp_desa_sumber_dana_tangar_2025.xlsx"


def _notes(checked, code: str) -> dict[str, object]:
    return {f.value: f.field for f in checked.findings if f.code == code}


def test_amount_columns_headed_by_source_codes_give_the_main_sumber_dana() -> None:
    checked = check_file(RKP)
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.record_type == "kegiatan"
    assert checked.villages == ["62.02.03.2001"] and checked.years == [2025]
    rows = checked.rows
    assert [r["sumber_dana"] for r in rows] == ["ADD", "DDS", "DDS", "PAD"]
    assert sum(Decimal(str(r["anggaran"])) for r in rows) == Decimal("429000000")
    notes = _notes(checked, "column-not-published")
    assert {notes[h] for h in ("DD", "ADD", "PAD", "BHP")} == {"anggaran"}


def test_standard_rkp_desa_columns_are_known_companions_not_misspellings() -> None:
    checked = check_file(RKP)
    assert "unknown-column" not in _codes(checked, "info")
    notes = _notes(checked, "column-not-published")
    assert notes["Waktu Pelaksanaan"] == "tanggal_mulai"
    assert notes["Sasaran/Manfaat"] == "volume"
    assert notes["Pola Pelaksanaan"] == "pelaksana"
    assert notes["Bidang"] == "kode_kegiatan"


def test_a_shortened_unit_keeps_its_full_text_and_says_so() -> None:
    checked = check_file(RKP)
    row = next(r for r in checked.rows if r["kode_kegiatan"] == "2.4.11")
    assert row["satuan"] == "unit"
    assert "unit sumur bor" in row["keterangan"]
    (said,) = [f for f in checked.findings if f.code == "value-shortened-kept"]
    assert said.value == "unit sumur bor" and said.field == "satuan"
    # a unit read whole is not touched
    assert next(r for r in checked.rows if r["kode_kegiatan"] == "4.6.90")["keterangan"] in ("", None)
