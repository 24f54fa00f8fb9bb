"""Blind trial 3 (musyawarah), area transposed: a table written sideways (headings down its first
column, one meeting per column) is the same table transposed, read as such and said as
information; its unsur rows are checked against JUMLAH HADIR and not published; findings keep
the sheet's positions. On a label : value form, labels no field reads are said as unused labels.

Fixtures: tests/data/blind/transposed/ (SOURCES.md, build.py)."""

from __future__ import annotations

from pathlib import Path

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import definitions as all_definitions
from desa_terbuka.normalise.transposed import as_columns
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "transposed"


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def test_a_sideways_rekap_is_read_one_meeting_per_column() -> None:
    checked = check_file(DATA / "rekap_hadir_menyamping_bapeang_2024.xlsx")
    assert checked.valid and _codes(checked, "error") == []
    assert checked.record_type == "musyawarah"
    assert checked.villages == ["62.02.06.2006"] and checked.years == [2024]
    rows = [(r["jenis_musyawarah"], r["tanggal"], r["tempat"], int(r["jumlah_hadir"])) for r in checked.rows]
    assert rows == [("Musdes Penetapan APBDes", "2024-02-06", "Balai Desa", 23),
                    ("Musdes Khusus", "2024-04-18", "Aula Kantor Desa", 21),
                    ("Musrenbangdes", "2024-07-30", "Balai Desa", 25)]
    assert sum(int(r["jumlah_hadir"]) for r in checked.rows) == 69
    assert not any(k in r for r in checked.rows for k in ("BPD", "LPM", "Pemerintah Desa"))
    (said,) = [f for f in checked.findings if f.code == "table-read-sideways"]
    assert said.level == "info" and said.row == 4
    assert "satu kolom satu musyawarah" in said.message() and "B–D" in said.message()
    assert "one column per meeting" in said.message("en")
    (parts,) = [f for f in checked.findings if f.code == "sideways-parts-not-published"]
    assert "BPD" in parts.value and "Perwakilan Perempuan" in parts.message() and "JUMLAH HADIR" in parts.message()
    assert not [f for f in checked.findings if f.code == "unknown-column"]


def test_findings_of_a_sideways_table_sit_at_the_label_row_and_record_column() -> None:
    checked = check_file(DATA / "rekap_hadir_menyamping_bapeang_2024.xlsx")
    assert all(f.row is None or f.row < 100 for f in checked.findings)  # no provisional rows
    read = [f for f in checked.findings if f.code == "value-read"]
    assert [(f.row, f.params["kolom"]) for f in read] == [(4, "B"), (4, "C"), (4, "D")]
    assert "B4" in read[0].message() and "10000" not in read[0].message()


def test_a_jumlah_hadir_that_is_not_the_sum_of_its_unsur_rows_is_an_error() -> None:
    checked = check_file(DATA / "rekap_hadir_menyamping_jumlah_salah_bapeang_2024.xlsx")
    assert not checked.valid
    (wrong,) = [f for f in checked.findings if f.level == "error"]
    assert wrong.code == "subtotal-mismatch" and wrong.row == 14 and wrong.value == "24"
    assert "C14" in wrong.message() and "21" in wrong.message()


def test_a_form_says_its_unused_labels_as_labels_not_unknown_columns() -> None:
    checked = check_file(DATA / "notulen_musdes_khusus_bapeang_2024.xlsx")
    assert checked.valid and _codes(checked, "error") == [] and len(checked.rows) == 1
    assert checked.villages == ["62.02.06.2006"] and checked.years == [2024]
    assert int(checked.rows[0]["jumlah_hadir"]) == 21
    assert not [f for f in checked.findings if f.code == "unknown-column"]
    (unused,) = [f for f in checked.findings if f.code == "form-label-unused"]
    assert unused.level == "info" and unused.params["count"] == 3
    for label in ("Waktu", "Notulis", "Jumlah yang tidak hadir"):
        assert label in unused.message() and label in unused.message("en")
    assert "Isian formulir" in unused.message() and "Form labels" in unused.message("en")


def test_a_table_with_a_heading_row_is_not_read_sideways() -> None:
    definitions = list(all_definitions().values())
    rows = [["Jenis Musyawarah", "Tanggal", "Tempat", "Jumlah Hadir"],
            ["Musdes APBDes", "25/01/2024", "Balai Desa", "32"], ["Musdus", "03/06/2024", "Dusun I", "19"]]
    assert as_columns(RawTable("t.csv", None, rows, [1, 2, 3]), definitions) is None
    sideways = [list(col) for col in zip(*rows)]  # the same table transposed
    turned = as_columns(RawTable("t.csv", None, sideways, [1, 2, 3, 4]), definitions)
    assert turned is not None and turned.rows[1] == ["Musdes APBDes", "25/01/2024", "Balai Desa", "32"]
