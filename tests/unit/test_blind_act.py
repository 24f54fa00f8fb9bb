"""Blind trial s30 (trial 2), area act: cells of activity and meeting lists.

Attendance typed only as its parts ('L 23 / P 11'), an English-convention file whose volume '1,200'
is told by its amounts ('312,450,000.00'), English status words, and a volume with a size note
('1 unit (12 x 2 m)') are read, and said as information; nothing bounces.

Fixtures: tests/data/blind/act/ (SOURCES.md, build.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.values import count_from_parts, split_unit_note
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "act"


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def _finding(checked, code: str):
    (found,) = [f for f in checked.findings if f.code == code]
    return found


def test_attendance_written_only_as_its_parts_is_split_and_summed() -> None:
    checked = check_file(DATA / "rekap musdes tinduk 2024 (WA).csv")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.record_type == "musyawarah" and checked.villages == ["62.02.05.2006"]
    assert checked.years == [2024] and len(checked.rows) == 3
    rows = checked.rows
    assert [int(r["hadir_laki_laki"]) for r in rows] == [12, 8, 20]
    assert [int(r["hadir_perempuan"]) for r in rows] == [9, 13, 15]
    assert [int(r["jumlah_hadir"]) for r in rows] == [21, 21, 35]
    assert sum(int(r["jumlah_undangan"]) for r in rows) == 95  # '30 org'
    assert [r["tanggal"] for r in rows] == ["2024-03-05", "2024-06-21", "2024-10-14"]
    said = _finding(checked, "count-from-parts")
    assert (said.field, said.value, said.row) == ("jumlah_hadir", "L 12 / P 9", 4)
    assert "21" in said.message() and "baris 4–6" in said.message()
    assert "total is read as 21" in said.message("en")


def test_parts_are_summed_only_when_they_split_the_whole() -> None:
    keys = definitions()["musyawarah"].field("jumlah_hadir").raw["x-parts"]
    assert count_from_parts("L: 23, P: 11 org", keys) == ("34", {"l": "23", "p": "11"})
    assert count_from_parts("L 23", keys) is None  # one part is not the whole
    assert count_from_parts("L 23 / L 11", keys) is None  # the same part twice
    assert count_from_parts("L 23 / P 11 / X 4", keys) is None  # a part the schema does not name
    assert count_from_parts("Senin 23 / P 11", keys) is None


def test_english_file_reads_an_ambiguous_volume_by_its_amounts_and_english_status() -> None:
    checked = check_file(DATA / "activity_tracker_pelangsian_2024.csv")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.record_type == "kegiatan" and checked.villages == ["62.02.06.2005"]
    assert checked.years == [2024] and len(checked.rows) == 3
    rows = checked.rows
    assert sum(Decimal(r["anggaran"]) for r in rows) == 314_250_000
    assert [r["volume"] for r in rows] == ["2500", "2", "1"]
    assert [r["status"] for r in rows] == ["berjalan", "selesai", "rencana"]
    assert [r["lokasi"] for r in rows][0] == "RT 01 / RW 01"
    said = _finding(checked, "number-convention-read")
    assert (said.field, said.value) == ("volume", "2,500")
    assert "Inggris" in said.message() and "read as 2500 by the English" in said.message("en")


def test_a_column_alone_ambiguous_stays_a_question_when_the_file_says_otherwise(tmp_path) -> None:
    """'1,234' beside Indonesian amounts would be 1,234 (three decimals) by the file: not guessed."""
    path = tmp_path / "kegiatan_pelangsian_2024.csv"
    path.write_text("kode_kegiatan;nama_kegiatan;volume;satuan;anggaran;sumber_dana\n"
                    "2.3.10;Jalan Desa;1,234;m;1.250.000.000;DDS\n"
                    "2.2.09;Posyandu;1;unit;60.000.000;ADD\n", encoding="utf-8")
    checked = check_file(path)
    assert _codes(checked, "error") == ["ambiguous-number"]
    assert "number-convention-read" not in _codes(checked, "info")


def test_volume_with_a_size_note_reads_its_count_and_keeps_the_note() -> None:
    checked = check_file(DATA / "Buku Inventaris Hasil Pembangunan Bagendang Permai 2024.xlsx")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.record_type == "kegiatan" and checked.villages == ["62.02.07.2007"]
    assert checked.years == [2024] and len(checked.rows) == 3
    rows = checked.rows
    assert [r["kode_kegiatan"] for r in rows] == ["2.3.10", "2.3.13", "2.2.09"]  # JENIS/NAMA heading
    assert sum(Decimal(r["anggaran"]) for r in rows) == 225_500_000
    assert [(r["volume"], r["satuan"]) for r in rows] == [("300", "m"), ("1", "unit"), ("1", "unit")]
    assert rows[1]["keterangan"] == "Dana Desa; 8 x 1,5 m"
    said = _finding(checked, "unit-note-read")
    assert (said.field, said.value, said.row) == ("volume", "1 unit (8 x 1,5 m)", 8)
    assert "1 unit" in said.message() and "keterangan" in said.message()


def test_an_unreadable_volume_speaks_of_a_quantity_not_rupiah(tmp_path) -> None:
    path = tmp_path / "kegiatan_pelangsian_2024.csv"
    path.write_text("kode_kegiatan;nama_kegiatan;volume;satuan;anggaran;sumber_dana\n"
                    "2.3.10;Jalan Desa;sepanjang jalan;m;1.250.000;DDS\n", encoding="utf-8")
    (error,) = [f for f in check_file(path).findings if f.level == "error"]
    assert (error.code, error.field) == ("invalid-quantity", "volume")
    assert "rupiah" not in error.message() and "jumlah" in error.message()
    volume = definitions()["kegiatan"].field("volume")
    assert split_unit_note(volume, "2 unit (3 x 4 m)") == ("2", "unit", "3 x 4 m")
