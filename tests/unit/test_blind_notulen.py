"""Blind trial 6 (musyawarah), area notulen: several notulen written as label : value blocks one
under another (or side by side) in one sheet are several records, a row per form, said as information; a label
written twice within one form stays a duplicate. The same notulis at every meeting is an
official, not a list of names.

Fixtures: tests/data/blind/notulen/ (SOURCES.md, build.py)."""

from __future__ import annotations

from pathlib import Path

from desa_terbuka.collect.base import RawTable
from desa_terbuka.normalise.lines import SIGNATURE
from desa_terbuka.normalise.vertical import FormTable, as_record
from desa_terbuka.validate.check import check_file
from desa_terbuka.validate.personal_patterns import column_hits

DATA = Path(__file__).parents[1] / "data" / "blind" / "notulen"


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def test_stacked_notulen_are_one_record_each() -> None:
    checked = check_file(DATA / "notulen_bertumpuk_bajarau_2024.xlsx")
    assert _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.valid and checked.record_type == "musyawarah"
    assert checked.villages == ["62.02.04.2019"] and checked.years == [2024]
    rows = [(r["tanggal"], r["jenis_musyawarah"], int(r["jumlah_hadir"]), int(r["hadir_laki_laki"]),
             int(r["hadir_perempuan"]), int(r["jumlah_undangan"])) for r in checked.rows]
    assert rows == [("2024-01-23", "Musdes Penetapan APBDes", 25, 17, 8, 30),
                    ("2024-03-14", "Musdes Khusus", 26, 15, 11, 28),
                    ("2024-08-06", "Musdes RKPDes", 35, 22, 13, 40)]
    assert sum(int(r["jumlah_hadir"]) for r in checked.rows) == 86
    (said,) = [f for f in checked.findings if f.code == "forms-stacked"]
    assert said.level == "info" and said.row == 6
    assert "3 formulir" in said.message() and "A6, A17, A28" in said.message()
    assert "3 forms" in said.message("en")
    # findings of a form's line stay on that form's row
    assert sorted(f.row for f in checked.findings if f.code == "value-read") == [6, 17, 28]


def test_notulen_side_by_side_are_one_record_each() -> None:
    checked = check_file(DATA / "notulen_berdampingan_bajarau_2024.xlsx")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.villages == ["62.02.04.2019"] and checked.years == [2024]
    rows = [(r["tanggal"], r["jenis_musyawarah"], int(r["hadir_laki_laki"]), int(r["hadir_perempuan"]))
            for r in checked.rows]
    assert rows == [("2024-01-23", "Musdes Penetapan APBDes", 17, 8), ("2024-03-14", "Musdes Khusus", 15, 11)]
    (said,) = [f for f in checked.findings if f.code == "forms-stacked"]
    assert "A3, E3" in said.message() and "side by side" in said.message("en")


def test_a_label_twice_within_one_form_stays_a_duplicate() -> None:
    checked = check_file(DATA / "notulen_tanggal_dua_kali_bajarau_2024.xlsx")
    assert not checked.valid and len(checked.rows) == 1
    assert "forms-stacked" not in _codes(checked, "info")
    assert {f.field for f in checked.findings if f.code == "duplicate-column"} == {"tanggal", "tempat"}


def _form(labels: list[str], value: str) -> list[list]:
    return [[label, ":", f"{value} {k}"] for k, label in enumerate(labels)]


def test_forms_split_only_where_a_whole_form_repeats() -> None:
    labels = ["Hari / Tanggal", "Tempat", "Acara", "Pimpinan Rapat", "Jumlah Undangan", "Peserta Hadir"]
    rows = [["NOTULEN"], *_form(labels, "a"), [], *_form(labels, "b")]
    table = RawTable("f.xlsx", "S", rows, list(range(1, len(rows) + 1)))
    read = as_record(table)
    assert isinstance(read, FormTable) and read.rows[1] == labels
    assert [r[0] for r in read.rows[2:]] == ["a 0", "b 0"] and read.row_numbers[2:] == [2, 9]
    # two labels again at the end of a form (its signers): one form, not two
    rows = [["NOTULEN"], *_form(labels, "a"), *_form(labels[:2], "b")]
    read = as_record(RawTable("f.xlsx", "S", rows, list(range(1, len(rows) + 1))))
    assert isinstance(read, FormTable) and len(read.rows) == 3


def test_a_weekday_date_is_no_signature_line() -> None:
    assert not SIGNATURE.search("Kamis, 16 Februari 2023")
    assert not SIGNATURE.search("Jum'at, 5/1/2024")
    assert SIGNATURE.search("Selucing, 29 Desember 2023")


def test_one_name_in_every_row_is_an_official_not_a_list() -> None:
    assert column_hits("Notulis", ["Rina (Anggota BPD)"] * 4) == []
    assert column_hits("Catatan", ["Rina", "Siti Aminah", "Budi Santoso"])  # three people: a list
