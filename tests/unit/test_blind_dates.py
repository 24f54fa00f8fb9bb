"""Blind trial s31 (trial 3), area dates: how a date column reads.

The order of "05/06/2024" is decided per column from its evidence (a part above 12, or a form's
Timestamp), every value is read in it, and that is said once; a column with no evidence reads
day first; a column needing both orders is an error. Day names in any spelling, year-first dates
and the meeting's time after its date ("pukul 09.00 WIB") are read, the time said as information.

Fixtures: tests/data/blind/dates/ (SOURCES.md, build.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desa_terbuka.normalise.formats import FormatError, date_order_hint, parse_date, read_date
from desa_terbuka.validate import check
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "dates"


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def _finding(checked, code: str):
    (found,) = [f for f in checked.findings if f.code == code]
    return found


def _dates(checked) -> list[str]:
    return [r["tanggal"] for r in checked.rows]


def test_google_form_month_first_answers_are_read_month_first_for_the_whole_column() -> None:
    checked = check_file(DATA / "Laporan Musyawarah (Jawaban) - Form Responses 1.csv")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.record_type == "musyawarah" and checked.villages == ["62.02.09.2004"]
    assert checked.years == [2024] and len(checked.rows) == 4
    # 3/5 and 11/8 read both ways: the column's 1/16 and 7/22 settle them as 5 March and 8 November
    assert _dates(checked) == ["2024-01-16", "2024-03-05", "2024-07-22", "2024-11-08"]
    assert sum(int(r["jumlah_hadir"]) for r in checked.rows) == 106
    said = _finding(checked, "date-order-read")
    assert said.level == "info" and (said.field, said.row, said.value) == ("tanggal", 3, "3/5/2024")
    assert "'1/16/2024'" in said.message() and "2024-03-05" in said.message()
    assert "baris 2–5" in said.message() and "month first" in said.message("en")


def test_a_form_timestamp_is_the_evidence_when_every_answer_reads_both_ways() -> None:
    checked = check_file(DATA / "Musdes Makarti Jaya (Jawaban) - Form Responses 1.csv")
    assert checked.valid and _codes(checked, "error") == []
    assert checked.villages == ["62.02.09.2005"] and checked.years == [2024] and len(checked.rows) == 3
    assert _dates(checked) == ["2024-02-06", "2024-05-03", "2024-10-11"]
    said = _finding(checked, "date-order-read")
    assert said.params["evidence_column"] == "Timestamp" and said.params["evidence"] == "2/14/2024 9:05:57"


def test_a_column_with_no_evidence_keeps_the_indonesian_day_first_order() -> None:
    checked = check_file(DATA / "rekap musdes bapinang hulu 2024.csv")
    assert checked.valid and checked.villages == ["62.02.09.2001"] and checked.years == [2024]
    assert _dates(checked) == ["2024-03-05", "2024-06-10", "2024-11-02"]
    assert "date-order-read" not in _codes(checked, "info")


def test_a_column_that_needs_both_orders_is_an_error() -> None:
    checked = check_file(DATA / "rekap musdes babirah 2024.csv")
    assert not checked.valid and _codes(checked, "error") == ["date-order-mixed"]
    mixed = _finding(checked, "date-order-mixed")
    assert (mixed.row, mixed.value, mixed.params["first"]) == (4, "01/14/2024", "13/01/2024")
    assert "05/06/2024" in mixed.message() and "one order" in mixed.message("en")


def test_day_names_with_a_curly_apostrophe_before_year_first_dates_are_read() -> None:
    checked = check_file(DATA / "LAPORAN_BPD_AGUNG_MULYA_SMT1_2025.csv")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.villages == ["62.02.17.2009"] and checked.years == [2025] and len(checked.rows) == 4
    assert _dates(checked) == ["2025-01-10", "2025-02-15", "2025-04-27", "2025-06-13"]
    assert sum(int(r["jumlah_hadir"]) for r in checked.rows) == 103


def test_the_meeting_time_after_its_date_is_read_off_and_said_once() -> None:
    checked = check_file(DATA / "Rekap Musyawarah Lampuyang 2025.xlsx")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.villages == ["62.02.11.2003"] and checked.years == [2025] and len(checked.rows) == 5
    assert _dates(checked) == ["2025-01-14", "2025-07-10", "2025-09-05", "2025-11-12", "2025-12-08"]
    said = _finding(checked, "date-time-ignored")
    assert said.level == "info" and said.value == "pukul 09.00 WIB" and said.params["count"] == 3
    assert "baris 4–6" in said.message() and "not published" in said.message("en")


@pytest.mark.parametrize("cell, expected, time", [
    ("Jum\u2019at, 2025/01/10", date(2025, 1, 10), ""),
    ("Jum'at 2025.01.10", date(2025, 1, 10), ""),
    ("Jumat, 10-01-2025", date(2025, 1, 10), ""),
    ("Hari Minggu, 5 Mei 2024", date(2024, 5, 5), ""),
    ("Ahad, 5 Mei 2024", date(2024, 5, 5), ""),
    ("Sabtu tgl. 5 Maret 2024", date(2024, 3, 5), ""),
    ("Selasa, 14 Januari 2025 pukul 09.00 WIB", date(2025, 1, 14), "pukul 09.00 WIB"),
    ("Selasa, 5 Maret 2024 pukul 09.00 WIB s.d. selesai", date(2024, 3, 5), "pukul 09.00 WIB s.d. selesai"),
    ("5 Maret 2024, pkl. 9.30 WIT", date(2024, 3, 5), "pkl. 9.30 WIT"),
    ("Rabu, 13-03-2024 jam 19.30 WITA s/d selesai", date(2024, 3, 13), "jam 19.30 WITA s/d selesai"),
    ("Kamis 7 Maret 2024 (09.00 - 12.00 WIB)", date(2024, 3, 7), "(09.00 - 12.00 WIB)"),
    ("2024-01-18 09:00:00", date(2024, 1, 18), "09:00:00"),
    ("2024-01-18T09:00:00", date(2024, 1, 18), "09:00:00"),
    ("2024-03-15 00:00:00", date(2024, 3, 15), ""),  # a date stored as a date-time: no time said
    ("12-Feb-24", date(2024, 2, 12), ""),
    ("12-Peb-24", date(2024, 2, 12), ""),
    ("3 Nop 2024", date(2024, 11, 3), ""),
    ("5 Maret 2024", date(2024, 3, 5), ""),
    ("Tuesday, January 16, 2024", date(2024, 1, 16), ""),
])
def test_date_forms_villages_write(cell: str, expected: date, time: str) -> None:
    reading = read_date(cell)
    assert (reading.date, reading.time) == (expected, time)


def test_the_order_is_the_callers_and_only_a_part_above_12_is_evidence() -> None:
    assert parse_date("5/6/2024") == date(2024, 6, 5)  # day first when nothing says otherwise
    assert parse_date("5/6/2024", "mdy") == date(2024, 5, 6)
    assert parse_date("1/19/2024 10:42:11", "mdy") == date(2024, 1, 19)
    assert [date_order_hint(v) for v in ("1/16/2024", "16/1/2024", "5/6/2024", "13/13/2024", "2024/01/16")] \
        == ["mdy", "dmy", None, None, None]
    with pytest.raises(FormatError):
        parse_date("1/16/2024")  # alone, day first: there is no month 16


def test_a_canonical_file_with_month_first_dates_reads_as_the_tolerant_path(tmp_path, monkeypatch) -> None:
    """The fast path decides each distinct value alone: it leaves a column-decided date to the
    tolerant reader, so both give the same records and findings."""
    head = ("kode_desa,tanggal,jenis_musyawarah,tempat,pimpinan,jumlah_undangan,hadir_laki_laki,"
            "hadir_perempuan,jumlah_hadir,agenda,keputusan,dokumen_url\n")
    line = "62.02.09.2004,{},Musdes Khusus,Balai Desa,Ketua BPD,30,15,10,25,BLT-DD,Disepakati,\n"
    path = tmp_path / "musyawarah_62.02.09.2004_2024.csv"
    path.write_text(head + line.format("2024-01-16") + line.format("2024-03-05"), encoding="utf-8")
    monkeypatch.setattr(check, "FAST_PATH", True)
    submission = check.check_parts(path)[0].submission
    assert check._fast_path(path, None, submission, False) is not None  # canonical: fast
    path.write_text(head + line.format("1/16/2024") + line.format("3/5/2024 pukul 09.00 WIB"),
                    encoding="utf-8")
    assert check._fast_path(path, None, submission, False) is None  # the column decides: tolerant
    results = []
    for fast in (True, False):
        monkeypatch.setattr(check, "FAST_PATH", fast)
        results.append(check.check_parts(path))
    (fast_part,), (slow_part,) = results
    assert [r["tanggal"] for r in fast_part.rows] == ["2024-01-16", "2024-03-05"]
    assert fast_part.rows == slow_part.rows and fast_part.findings == slow_part.findings
    assert {"date-order-read", "date-time-ignored"} <= {f.code for f in fast_part.findings}
