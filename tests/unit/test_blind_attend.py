"""Blind trial s32 (trial 5 musyawarah), area attend: how attendance is written.

A meeting written in two rows (an L row and a P row, its attributes merged over both, an "L/P"
label column) is one meeting: the label is no count. Fixtures: tests/data/blind/attend/."""

from __future__ import annotations

from pathlib import Path

from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "attend"


def test_meeting_over_an_l_row_and_a_p_row_is_one_meeting() -> None:
    checked = check_file(DATA / "REKAP DAFTAR HADIR MUSDES KARANG TUNGGAL 2024.xlsx")
    assert checked.valid and [f.code for f in checked.findings if f.level != "info"] == []
    assert checked.record_type == "musyawarah" and checked.villages == ["62.02.04.2011"]
    assert checked.years == [2024] and len(checked.rows) == 4
    rows = checked.rows
    assert [r["tanggal"] for r in rows] == ["2024-01-25", "2024-03-14", "2024-07-30", "2024-10-08"]
    assert [int(r["hadir_laki_laki"]) for r in rows] == [22, 16, 28, 21]
    assert [int(r["hadir_perempuan"]) for r in rows] == [10, 15, 14, 9]
    assert [int(r["jumlah_hadir"]) for r in rows] == [32, 31, 42, 30]
    (said,) = [f for f in checked.findings if f.code == "attendance-rows-joined"]
    assert said.row == 6 and "4 musyawarah" in said.message() and "4 meetings" in said.message("en")
    assert "Jumlah" not in [f.value for f in checked.findings if f.code == "unknown-column"]


def test_total_with_its_l_p_split_in_brackets_is_read_by_the_heading_order() -> None:
    checked = check_file(DATA / "Lamp_SE_Camat_Cempaga_Jadwal_Musrenbangdes_2025_Luwuk_Ranggan.xlsx")
    assert checked.valid and [f.code for f in checked.findings if f.level == "error"] == []
    assert "musyawarah-women-not-reported" not in [f.code for f in checked.findings]
    assert checked.villages == ["62.02.02.2006"] and checked.years == [2025] and len(checked.rows) == 4
    rows = checked.rows
    assert [int(r["jumlah_hadir"]) for r in rows] == [26, 25, 39, 46]
    assert [int(r["hadir_laki_laki"]) for r in rows] == [17, 14, 26, 31]
    assert [int(r["hadir_perempuan"]) for r in rows] == [9, 11, 13, 15]
    (said,) = [f for f in checked.findings if f.code == "count-parts-by-heading"]
    assert said.value == "26 (17/9)" and "JUMLAH PESERTA (L/P)" in said.message("en")


def test_two_numbers_in_one_cell_follow_the_heading() -> None:
    from desa_terbuka.normalise.values import count_by_order, heading_order
    from desa_terbuka.core.definitions import definitions
    keys = definitions()["musyawarah"].field("jumlah_hadir").raw["x-parts"]
    assert heading_order("Peserta Hadir\n(L / P)", keys) == ("l", "p")
    assert heading_order("Jumlah Peserta", keys) is None
    assert count_by_order("18 / 7", ("l", "p")) == ("25", {"l": "18", "p": "7"})
    assert count_by_order("26 (17/9)", ("l", "p")) == ("26", {"l": "17", "p": "9"})
    assert count_by_order("26", ("l", "p")) is None
