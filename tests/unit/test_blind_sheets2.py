"""A meeting workbook kept as a sheet per kind of meeting (Musdes, Musdus) under the same
headings, each with its own title, beside a summary sheet (s33 blind trial: only the first sheet
was read, its 'Kegiatan' column unread and every meeting 'Musdes Lainnya')."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from desa_terbuka.validate.check import check_file

HERE = Path(__file__).parents[1] / "data" / "blind" / "sheets2"
_spec = importlib.util.spec_from_file_location("sheets2_build", HERE / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

NAME = "Musyawarah Kuluk Telawang 2025.xlsx"
KINDS = ["Musdes Penetapan APBDes", "Musdes Khusus", "Musrenbangdes", "Musdus", "Musdus"]


def _not_info(checked):
    return [(f.code, f.sheet, f.row) for f in checked.findings if f.level != "info"]


def _read(checked):
    assert checked.valid and not _not_info(checked), _not_info(checked)
    assert checked.record_type == "musyawarah"
    assert checked.villages == ["62.02.10.2002"] and checked.years == [2025]
    assert [r["tanggal"] for r in checked.rows] == [
        "2025-02-04", "2025-04-22", "2025-09-02", "2025-07-01", "2025-07-03"]
    assert sum(int(r["jumlah_hadir"]) for r in checked.rows) == 117  # the Rekap sheet is not read
    [said] = [f for f in checked.findings if f.code == "sheets-combined"]
    assert said.params["count"] == 2
    return [r["jenis_musyawarah"] for r in checked.rows]


def test_kegiatan_column_names_each_meeting_kind_on_every_sheet():
    checked = check_file(HERE / NAME)
    assert _read(checked) == KINDS
    assert [r["jenis_musyawarah_tertulis"] for r in checked.rows][3] == "Musdus Dusun Hulu"
    assert not any(f.code in ("unknown-column", "sheet-summary-ignored") for f in checked.findings)


def test_sheets_whose_kind_is_only_in_their_titles_are_read_together():
    checked = check_file(HERE / "Rekap Musdes Musdus Kuluk Telawang 2025.xlsx")  # no Table objects
    assert _read(checked) == ["Musdes Lainnya"] * 3 + ["Musdus"] * 2
    assert {f.sheet for f in checked.findings if f.code == "value-derived"} == {"Musdes", "Musdus"}


def test_sheets_without_titles_read_kinds_from_their_cells(tmp_path):
    sheets = [(name, None, meetings) for name, _, meetings in build.SHEETS]
    for heading in ("Kegiatan", "Perihal", "Agenda"):
        checked = check_file(build.workbook(tmp_path / NAME, sheets=sheets, kegiatan=heading,
                                            table=heading == "Agenda"))
        assert _read(checked) == KINDS, heading


def test_a_topic_that_names_no_kind_takes_its_sheets_title(tmp_path):
    one = {"Musdus": {1: "Pembahasan usulan warga"}}
    checked = check_file(build.workbook(tmp_path / NAME, topics=one))
    assert _read(checked) == KINDS
    [said] = [f for f in checked.findings if f.code == "value-from-title"]
    assert said.sheet == "Musdus" and said.value == "Pembahasan usulan warga"
    assert "Musdus" in said.message("en") and "judul lembarnya" in said.message()
    # no cell names a kind: the column is the agenda, the kind the title's
    both = {"Musdus": {1: "Pembahasan usulan warga", 2: "Usulan jalan lingkungan"}}
    checked = check_file(build.workbook(tmp_path / NAME, topics=both))
    assert _read(checked) == KINDS
    assert [r["agenda"] for r in checked.rows][3:] == ["Pembahasan usulan warga",
                                                       "Usulan jalan lingkungan"]


def test_a_sheet_whose_kind_nothing_gives_stays_unread(tmp_path):
    sheets = [build.SHEETS[0], ("Musdus", None, build.MUSDUS)]
    checked = check_file(build.workbook(tmp_path / NAME, sheets=sheets, kegiatan=None))
    assert checked.valid and len(checked.rows) == 3
    [said] = [f for f in checked.findings if f.code == "sheet-summary-ignored"]
    assert said.value == "Musdus"
