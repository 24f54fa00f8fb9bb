"""Blind trial s33 (trial 7), area yearpct: the year of an adopting act, and a percent's range.

An RKP Desa 2025 "ditetapkan dengan Peraturan Desa Nomor 6 Tahun 2024 tanggal 20 September 2024"
is data of 2025: the act's number and date claim a year only when nothing else names one (then
said as a warning). A Google Forms export's progress "92.5" cannot be 925 %: the range of a 0-100
percent settles the reading (said as information); amounts in rupiah keep their rules.

Fixtures: tests/data/blind/yearpct/ (SOURCES.md, build.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desa_terbuka.normalise.adopted_years import without_adoption
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "yearpct"


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def _finding(checked, code: str):
    (found,) = [f for f in checked.findings if f.code == code]
    return found


@pytest.mark.parametrize(("title", "left", "years"), [
    ("Ditetapkan dengan Peraturan Desa Nomor 4 Tahun 2025 tanggal 29 September 2025",
     "DITETAPKAN DENGAN PERATURAN DESA", ["2025"]),
    ("Perdes Nomor 7 Tahun 2024 tentang APBDes Tahun Anggaran 2025",
     "PERDES TENTANG APBDES TAHUN ANGGARAN 2025", ["2024"]),
    ("SK Kades No. 141/12/2025 tentang Tim Pelaksana Kegiatan", "TENTANG TIM PELAKSANA KEGIATAN", ["2025"]),
    ("APBDes TA 2025 ditetapkan di Tinduk pada tanggal 30-12-2024", "APBDES TA 2025", ["2024"]),
    ("RKP DESA TAHUN 2026", "RKP DESA TAHUN 2026", []),
])
def test_an_acts_number_and_date_are_blanked_and_kept_apart(title, left, years) -> None:
    text, found = without_adoption(title.upper())
    assert " ".join(text.split()) == left and found == years


def test_a_plan_adopted_the_year_before_is_the_plans_year() -> None:
    checked = check_file(DATA / "RKP Desa 2025 Desa Pelangsian.xlsx")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.record_type == "kegiatan" and checked.villages == ["62.02.06.2005"]
    assert checked.years == [2025] and len(checked.rows) == 3


def test_a_budgets_perdes_of_the_year_before_does_not_conflict_with_its_ta() -> None:
    """The desa website's 'Peraturan Desa … Nomor 5 Tahun 2024 tentang APBDes Tahun Anggaran 2025
    yang ditetapkan pada tanggal 27 Desember 2024' (the trial's Simpur page, as a sheet)."""
    checked = check_file(DATA / "Penjabaran APBDes Desa Tinduk.xlsx")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.record_type == "apbdes" and checked.villages == ["62.02.05.2006"]
    assert checked.years == [2025] and len(checked.rows) == 4


def test_an_acts_year_alone_is_the_files_year_and_said() -> None:
    checked = check_file(DATA / "Daftar Kegiatan Desa Pelangsian.xlsx")
    assert checked.valid and _codes(checked, "error") == []
    assert checked.years == [2025] and _codes(checked, "warning") == ["year-from-regulation"]
    said = _finding(checked, "year-from-regulation")
    assert (said.row, said.value) == (3, "2025")
    assert "setahun sebelum" in said.message() and "adopted the year before" in said.message("en")


def test_a_forms_percent_with_a_decimal_point_reads_by_its_range() -> None:
    checked = check_file(DATA / "Monitoring Kegiatan Desa Tinduk TA 2024 (Jawaban) - Jawaban Formulir 1.csv")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.years == [2024] and checked.villages == ["62.02.05.2006"]
    assert [r["progres_persen"] for r in checked.rows] == ["92.5", "100", "67.75", "100"]
    assert [r["status"] for r in checked.rows] == ["berjalan", "selesai", "berjalan", "selesai"]
    said = _finding(checked, "number-range-read")
    assert (said.field, said.value, said.row) == ("progres_persen", "92.5", 2)
    assert "0-100 %" in said.message() and "rows 2, 4" in said.message("en")


def test_a_percent_both_readings_fit_stays_a_question_and_amounts_keep_their_rules(tmp_path) -> None:
    """'0.5' is 0.5 % or 5 %: both are percents, so it is asked; '1.250' rupiah stays 1250."""
    path = tmp_path / "kegiatan_pelangsian_2024.csv"
    path.write_text("kode_kegiatan;nama_kegiatan;volume;satuan;anggaran;sumber_dana;progres_persen\n"
                    "2.3.10;Jalan Desa;10;m;1.250;DDS;0.5\n"
                    "2.2.09;Posyandu;1;unit;60.000.000;ADD;100\n", encoding="utf-8")
    checked = check_file(path)
    assert [(f.code, f.field) for f in checked.findings if f.level == "error"] == \
        [("ambiguous-number", "progres_persen")]
    assert "number-range-read" not in _codes(checked, "info")
    assert Decimal(checked.rows[0]["anggaran"]) == 1250


def test_an_english_files_decimal_point_reads_a_cell_with_no_thousands_reading(tmp_path) -> None:
    """'12.75' beside '205,000,000.00' is twelve and three quarters: it has no thousands reading."""
    path = tmp_path / "activity_tracker_pelangsian_2024.csv"
    path.write_text("Activity Code,Activity Name,Volume,Unit,Budget (Rp),Source of Funds\n"
                    '2.3.10,Jalan Desa,12.75,km,"205,000,000.00",Dana Desa\n'
                    '2.2.90,Sumur Bor,2,unit,"96,500,000.00",Dana Desa\n', encoding="utf-8")
    checked = check_file(path)
    assert _codes(checked, "error") == []
    assert [r["volume"] for r in checked.rows] == ["12.75", "2"]
    said = _finding(checked, "number-convention-read")
    assert (said.field, said.value) == ("volume", "12.75")


def test_a_year_column_outweighs_an_acts_year(tmp_path) -> None:
    """A table's 'Tahun' column of 2026 under 'Peraturan Kepala Desa Nomor 3 Tahun 2025': 2026."""
    path = tmp_path / "Daftar Kegiatan Desa Pelangsian.csv"
    path.write_text("DAFTAR KEGIATAN DESA PELANGSIAN\n"
                    "Lampiran Peraturan Kepala Desa Nomor 3 Tahun 2025\n\n"
                    "Tahun;Kode Kegiatan;Nama Kegiatan;Anggaran;Sumber Dana\n"
                    "2026;2.3.10;Jalan Desa;150.000.000;DDS\n"
                    "2026;2.2.09;Posyandu;20.000.000;ADD\n", encoding="utf-8")
    checked = check_file(path)
    assert _codes(checked, "error") == [] and "year-from-regulation" not in _codes(checked, "warning")
    assert checked.years == [2026]
