"""A workbook with a sheet per dusun (or per bidang) of one record type is one table: every
sheet's lines are published, or none (s30 blind trial: only the first sheet was read)."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import openpyxl

from desa_terbuka.validate.check import check_file

HERE = Path(__file__).parents[1] / "data" / "blind" / "sheets"
_spec = importlib.util.spec_from_file_location("sheets_build", HERE / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


def _not_info(checked):
    return [(f.code, f.sheet, f.row) for f in checked.findings if f.level != "info"]


def test_a_sheet_per_dusun_is_read_as_one_table():
    checked = check_file(HERE / "Usulan Musdus 2026 Kuluk Telawang.xlsx")
    assert checked.valid and not _not_info(checked), _not_info(checked)
    assert checked.record_type == "kegiatan"
    assert checked.villages == ["62.02.10.2002"] and checked.years == [2026]
    assert [r["nama_kegiatan"] for r in checked.rows] == [
        "Rabat Beton Gang Damai", "Posyandu Mawar", "Sumur Bor Umum"]
    assert sum(Decimal(r["anggaran"]) for r in checked.rows) == 73_100_000
    assert [r["baris"] for r in checked.rows] == ["1", "2", "3"]  # one numbering: no key clash
    assert checked.records.row_numbers == [6, 7, 6]
    [said] = [f for f in checked.findings if f.code == "sheets-combined"]
    assert said.level == "info" and said.params["count"] == 2 and said.params["rows"] == 3
    assert "'Dusun Hulu' (2), 'Dusun Hilir' (1)" in said.message()
    assert "Dusun Hilir" in said.message("en")
    # each sheet's own findings keep its sheet name
    assert {f.sheet for f in checked.findings if f.code == "lines-skipped"} == {
        "Dusun Hulu", "Dusun Hilir"}


def test_a_berita_acara_per_sheet_gives_a_record_each():
    checked = check_file(HERE / "BA Musdus 2025 Pemantang.xlsx")
    assert checked.valid and not _not_info(checked), _not_info(checked)
    assert checked.record_type == "musyawarah" and checked.villages == ["62.02.03.2010"]
    assert [r["tanggal"] for r in checked.rows] == ["2025-07-07", "2025-07-10"]
    assert [r["jumlah_hadir"] for r in checked.rows] == ["20", "20"]
    assert any(f.code == "sheets-combined" for f in checked.findings)


def test_each_sheet_jumlah_is_checked_against_its_own_lines(tmp_path):
    path = build.usulan(tmp_path / "Usulan 2026 Kuluk Telawang.xlsx",
                        totals={"Dusun Hilir": 15_000_000})
    checked = check_file(path)
    assert not checked.valid
    assert ("subtotal-mismatch", "Dusun Hilir", 7) in _not_info(checked)
    assert not any(f.sheet == "Dusun Hulu" for f in checked.findings if f.level == "error")


def test_sheets_of_another_year_are_not_joined(tmp_path):
    path = build.usulan(tmp_path / "Usulan Kuluk Telawang.xlsx", years={"Dusun Hilir": 2025})
    checked = check_file(path)
    assert not checked.valid
    [error] = [f for f in checked.findings if f.code == "sheets-disagree"]
    assert error.level == "error" and "2025" in error.message() and "2026" in error.message("en")


def test_a_line_repeated_on_another_sheet_is_a_duplicate(tmp_path):
    dusun = {**build.DUSUN, "Dusun Tengah": [build.DUSUN["Dusun Hulu"][0]]}
    checked = check_file(build.usulan(tmp_path / "Usulan 2026 Kuluk Telawang.xlsx", dusun=dusun))
    assert _not_info(checked) == [("duplicate-row", "Dusun Tengah", 6)]
    [dup] = [f for f in checked.findings if f.code == "duplicate-row"]
    assert "6 di lembar 'Dusun Hulu'" in dup.message()


def test_a_sheet_that_lost_a_heading_blocks_instead_of_being_dropped(tmp_path):
    path = build.usulan(tmp_path / "Usulan 2026 Kuluk Telawang.xlsx")
    workbook = openpyxl.load_workbook(path)
    workbook["Dusun Hilir"]["G5"].value = None  # the amount heading left blank on one sheet
    workbook.save(path)
    checked = check_file(path)
    assert not checked.valid
    assert ("missing-column", "Dusun Hilir", 5) in _not_info(checked)
    assert len(checked.rows) == 3  # no sheet silently left out


def test_sheets_named_for_other_years_stay_one_read(tmp_path):
    """'2024' beside '2023': versions of the data, not parts; one is read, the other named."""
    path = build.usulan(tmp_path / "Usulan 2026 Kuluk Telawang.xlsx",
                        dusun={"2026": build.DUSUN["Dusun Hulu"], "2025": build.DUSUN["Dusun Hilir"]})
    checked = check_file(path)
    assert checked.sheet == "2026" and len(checked.rows) == 2
    assert [f.code for f in checked.findings if f.level == "warning"] == ["sheet-ignored"]


def _section_sheets(path, belanja_heading):
    """A Kaur Keuangan's workbook with a sheet per section, whose heading rows differ: Pendapatan
    needs no kegiatan or sumber dana column, Belanja does."""
    workbook = openpyxl.Workbook()
    pendapatan = workbook.active
    pendapatan.title = "Pendapatan"
    pendapatan.append(["APBDES DESA PALANGAN TAHUN ANGGARAN 2025"])
    pendapatan.append(["Kode Rekening", "Uraian", "Anggaran (Rp)"])
    pendapatan.append(["4.1.1.01", "Bagi Hasil BUMDes", 12_000_000])
    pendapatan.append(["4.2.1.01", "Dana Desa", 800_000_000])
    belanja = workbook.create_sheet("Belanja")
    belanja.append(["APBDES DESA PALANGAN TAHUN ANGGARAN 2025"])
    belanja.append(belanja_heading)
    belanja.append(["1.1.01", "5.1.1.01", "Penghasilan Tetap Kepala Desa", "ADD", 36_000_000])
    belanja.append(["2.3.10", "5.3.2.01", "Belanja Modal Jalan", "DDS", 700_000_000])
    workbook.save(path)
    return path


def test_section_sheets_under_other_headings_are_read_together(tmp_path):
    """Two data sheets of one type whose headings differ by more than one column are still parts
    of the data: reading one and naming the other (``sheet-ignored``) published half the APBDes."""
    path = _section_sheets(tmp_path / "APBDes 2025 Palangan.xlsx",
                           ["Kode Kegiatan", "Kode Rekening", "Uraian", "Sumber Dana", "Anggaran (Rp)"])
    checked = check_file(path)
    assert checked.valid and not _not_info(checked), _not_info(checked)
    assert checked.villages == ["62.02.01.2003"] and checked.years == [2025]
    assert [r["kode_rekening"] for r in checked.rows] == ["4.1.1.01", "4.2.1.01", "5.1.1.01", "5.3.2.01"]
    assert sum(Decimal(r["anggaran"]) for r in checked.rows) == 1_548_000_000
    [said] = [f for f in checked.findings if f.code == "sheets-combined"]
    assert "'Pendapatan' (2), 'Belanja' (2)" in said.message()
