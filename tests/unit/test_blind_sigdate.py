"""A signature block whose place and date are split over cells is a signature, not a record.

"Mekar Jaya, 31 Desember 2024" typed in one cell was always recognised; a village that lets
Excel keep the date as a date writes "Mekar Jaya," | 31-12-2024 (a real date cell, under the
amounts or the codes), "Ditetapkan di" | place / "Pada tanggal" | date, or the place on one line
and "Tanggal" | date on the next. Such a file must not bounce, and the date (a count of days,
45657) must never be read as an amount. A meeting's own place and date stay a record.

Fixtures: tests/data/blind/sigdate/ (SOURCES.md, build.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from desa_terbuka.normalise.date_lines import date_cell, date_line
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "sigdate"
END = dt.datetime(2024, 12, 31)


def _errors(checked) -> list[tuple[str, int | None, str | None]]:
    return [(f.code, f.row, f.field) for f in checked.findings if f.level == "error"]


def _skipped(checked) -> list[str]:
    return [str(f.params["reason"]) for f in checked.findings if f.code == "lines-skipped"]


@pytest.mark.parametrize("name, village", [
    ("apbdes_ttd_tanggal_sel_mekar_jaya_2024.xlsx", "62.02.04.2010"),
    ("apbdes_ttd_kolom_kode_hanjalipan_2024.xlsx", "62.02.01.2004"),
    ("apbdes_ditetapkan_pada_tanggal_tanah_putih_2024.xlsx", "62.02.14.2002"),
    ("apbdes_tanggal_berlabel_luwuk_kowan_2024.xlsx", "62.02.17.2002"),
    ("apbdes_ttd_tanggal_sel_pantai_harapan_2024.csv", "62.02.13.2004"),
])
def test_a_place_and_a_date_cell_under_the_table_are_the_signature(name, village) -> None:
    checked = check_file(DATA / name)
    assert checked.valid and _errors(checked) == []
    assert checked.record_type == "apbdes" and checked.villages == [village] and checked.years == [2024]
    assert [r["kode_rekening"] for r in checked.rows] == ["4.1.1", "4.2.1", "4.2.3"]
    assert sum(Decimal(r["anggaran"]) for r in checked.rows) == Decimal("1275500000")
    assert "blok tanda tangan" in _skipped(checked)
    assert not any(Decimal(r["anggaran"]) == 45657 for r in checked.rows)  # the date is no amount


def test_a_kegiatan_list_signature_dated_under_its_end_date_column() -> None:
    checked = check_file(DATA / "daftar_kegiatan_ttd_tanggal_mekar_jaya_2024.xlsx")
    assert checked.valid and _errors(checked) == [] and checked.record_type == "kegiatan"
    assert [r["kode_kegiatan"] for r in checked.rows] == ["1.1.01", "2.3.13"]
    assert [r["tanggal_selesai"] for r in checked.rows] == ["2024-12-31", "2024-09-30"]
    assert "blok tanda tangan" in _skipped(checked)


def test_a_musyawarah_list_signature_dated_in_its_date_column() -> None:
    checked = check_file(DATA / "daftar_musdes_ttd_tanggal_luwuk_kowan_2024.xlsx")
    assert checked.valid and _errors(checked) == [] and checked.record_type == "musyawarah"
    assert [r["tanggal"] for r in checked.rows] == ["2024-01-23", "2024-07-30", "2024-11-05"]
    assert checked.rows[2]["tempat"].startswith("Balai Desa")  # its comma does not make it a signature
    assert "blok tanda tangan" in _skipped(checked)


def _musdes(tmp_path: Path, rows: list) -> Path:
    book = Workbook()
    sheet = book.active
    for row in [("DAFTAR MUSYAWARAH DESA LUWUK KOWAN TAHUN 2024",), (),
                ("Tempat", "Tanggal", "Jenis Musyawarah", "Hadir L", "Hadir P"), *rows]:
        sheet.append(list(row))
    path = tmp_path / "daftar_musdes_luwuk_kowan_2024.xlsx"
    book.save(path)
    return path


def test_a_meeting_line_of_place_and_date_among_meetings_stays_a_record(tmp_path) -> None:
    """"Balai Desa," | a date with more meetings under it is a meeting whose kind is missing:
    reported, never dropped as a signature."""
    path = _musdes(tmp_path, [("Balai Desa", dt.datetime(2024, 1, 23), "Musdes Penetapan APBDes 2024", 21, 9),
                              ("Balai Desa,", dt.datetime(2024, 3, 5)),
                              ("Kantor Desa", dt.datetime(2024, 7, 30), "Musdes RKP Desa 2025", 25, 12)])
    checked = check_file(path)
    assert [r["tanggal"] for r in checked.rows] == ["2024-01-23", "2024-03-05", "2024-07-30"]
    assert ("required-value", 5, "jenis_musyawarah") in _errors(checked)
    assert "blok tanda tangan" not in _skipped(checked)


def test_a_date_cell_in_a_records_amount_column_is_no_amount(tmp_path) -> None:
    book = Workbook()
    sheet = book.active
    for row in [("APBDES DESA MEKAR JAYA KECAMATAN PARENGGEAN",), ("TAHUN ANGGARAN 2024",), (),
                ("KODE", "URAIAN", "ANGGARAN"), ("4.1.1", "Hasil Usaha Desa", 15000000),
                ("4.2.1", "Dana Desa", END)]:
        sheet.append(list(row))
    path = tmp_path / "apbdes_mekar_jaya_2024.xlsx"
    book.save(path)
    checked = check_file(path)
    assert not checked.valid and ("invalid-number", 6, "anggaran") in _errors(checked)
    assert all(Decimal(r["anggaran"]) != 45657 for r in checked.rows if r.get("anggaran"))


@pytest.mark.parametrize("cells, kind", [
    (["Mekar Jaya,", END], "place-date"),
    ([None, "Sampit, ", None, END], "place-date"),
    (["Mekar Jaya,", "31/12/2024"], "place-date"),
    (["Mekar Jaya, tanggal", END], "place-date"),
    (["Mekar Jaya,", "Tanggal", ":", dt.date(2024, 12, 31)], "place-date"),
    (["Pada tanggal", END], "date"),
    (["Tgl.", "31 Desember 2024"], "date"),
    (["Pada tanggal : 31 Desember 2024"], "date"),
    ([END], "date"),
    (["Mekar Jaya,"], "place"),
    (["Balai Desa", END], ""),  # a meeting's place and date: no comma, no signature
    (["Kamis,", END], ""),  # a meeting's weekday and date
    (["Mekar Jaya,", 45657], ""),  # a number is no date
    (["Mekar Jaya"], ""),
    (["Musdes RKP", "Balai Desa,", END], ""),
    (["Mekar Jaya,", "Musdes RKP", "Balai Desa", END], ""),
])
def test_date_line(cells, kind) -> None:
    assert date_line(cells) == kind


def test_date_cell() -> None:
    assert date_cell(END) and date_cell("31/12/2024") and date_cell("31 Desember 2024")
    assert not date_cell(45657) and not date_cell("45657") and not date_cell("1.275.500")
    assert not date_cell("32/13/2024") and not date_cell("Kamis, 31 Desember 2024")
