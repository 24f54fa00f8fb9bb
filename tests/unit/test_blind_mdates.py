"""Blind trial s32 (trial 5), musyawarah: a date split over Tgl | Bln | Thn, day numbers that are
no Excel dates, an abbreviated heading with a qualifier ("Tgl Rapat"), a hidden column, and a
meeting kind's advice and vocabulary (tests/data/blind/mdates/SOURCES.md)."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from desa_terbuka.collect.read import read_tables
from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.headings import _Matcher
from desa_terbuka.normalise.several_values import value_said
from desa_terbuka.normalise.values import read_value
from desa_terbuka.validate.check import check_parts

DATA = Path(__file__).parents[1] / "data" / "blind" / "mdates"


def _one(path: Path):
    parts = check_parts(path, expectations=False)
    assert len(parts) == 1
    part = parts[0]
    assert part.record_type == "musyawarah"
    return part


def _codes(part) -> list[str]:
    return [f.code for f in part.findings]


def test_day_month_year_columns_are_joined_into_the_date():
    part = _one(DATA / "register_musdes_makarti_jaya_ta2023.xlsx")
    assert not [f for f in part.findings if f.level == "error"], part.findings
    assert part.valid and part.villages == ["62.02.09.2005"] and [int(y) for y in part.years] == [2023]
    # the month as a Roman numeral, a number and a name
    assert [r["tanggal"] for r in part.rows] == ["2023-02-07", "2023-05-23", "2023-08-01", "2023-12-19"]
    assert sum(int(r["hadir_laki_laki"]) for r in part.rows) == 60
    assert sum(int(r["hadir_perempuan"]) for r in part.rows) == 32
    joined = [f for f in part.findings if f.code == "date-parts-joined"]
    assert len(joined) == 1 and joined[0].level == "info"
    assert (joined[0].value, joined[0].params["month"], joined[0].params["year"]) == ("Tgl", "Bln", "Thn")
    assert "unknown-column" not in _codes(part) and "year-conflict" not in _codes(part)
    # an evaluation / LPPDes meeting looks back on the year: never the RKPDes planning
    assert part.rows[3]["jenis_musyawarah"] == "Musdes Pertanggungjawaban APBDes"
    assert "value-several" not in _codes(part)


def test_day_numbers_alone_are_no_excel_dates_of_1900(tmp_path: Path):
    wb = Workbook(); ws = wb.active
    ws.append(["DAFTAR MUSYAWARAH DESA MAKARTI JAYA TAHUN 2023"])
    ws.append(["No", "Tgl", "Jenis Musyawarah", "Tempat", "Hadir L", "Hadir P"])
    ws.append([1, 19, "Musdes Penetapan APBDes", "Kantor Desa", 15, 6])
    ws.append([2, 9, "Musrenbangdes", "Kantor Desa", 20, 9])
    path = tmp_path / "musdes_makarti_jaya_2023.xlsx"
    wb.save(path)
    part = _one(path)
    assert not part.valid
    bad = [f for f in part.findings if f.code == "invalid-date"]
    assert [(f.row, f.field, f.value) for f in bad] == [(3, "tanggal", "19"), (4, "tanggal", "9")]
    assert "hanya nomor hari" in bad[0].message("id") and "only a day of the month" in bad[0].message("en")
    assert not any("1900" in f.message("id") for f in part.findings)
    assert "year-conflict" not in _codes(part) and 1900 not in [int(y) for y in part.years]


def test_abbreviation_with_a_qualifier_reads_as_the_full_word():
    part = _one(DATA / "daftar_musdes_pantaiharapan_2024.csv")
    assert not [f for f in part.findings if f.level == "error"], part.findings
    assert part.valid and part.villages == ["62.02.13.2004"] and [int(y) for y in part.years] == [2024]
    assert [r["tanggal"] for r in part.rows] == ["2024-03-14", "2024-07-02", "2024-11-05"]
    assert [r["jumlah_hadir"] for r in part.rows] == ["27", "34", "26"]
    assert "unknown-column" not in _codes(part) and "missing-column" not in _codes(part)


@pytest.mark.parametrize("heading, field", [
    ("Tgl Musyawarah", "tanggal"), ("Tgl Rapat", "tanggal"), ("Tgl. Pelaksanaan", "tanggal"),
    ("Jml Peserta Hadir", "jumlah_hadir"), ("Jml Undangan", "jumlah_undangan"), ("Tgl", "tanggal"),
    ("Tempat Musyawarah", "tempat")])
def test_abbreviations_anywhere_in_a_heading(heading: str, field: str):
    assert _Matcher(definitions()["musyawarah"]).match(heading)[0] == field


def test_kegiatan_abbreviations_too():
    matcher = _Matcher(definitions()["kegiatan"])
    assert matcher.match("Tgl Mulai")[0] == "tanggal_mulai" == matcher.match("Tanggal Mulai")[0]


def test_a_hidden_unknown_column_is_said_hidden_not_misspelt():
    path = DATA / "buku_agenda_musdes_luwuk_kowan_2024.xlsx"
    assert read_tables(path)[0].hidden_columns == {1}
    part = _one(path)
    assert part.valid and part.villages == ["62.02.17.2002"] and len(part.rows) == 2
    assert [r["tanggal"] for r in part.rows] == ["2024-01-23", "2024-07-30"]
    hidden = [f for f in part.findings if f.code == "hidden-column"]
    assert [(f.value, f.level) for f in hidden] == [("ID", "info")]
    assert "ejaan" not in hidden[0].message("id") and "spelling" not in hidden[0].message("en")
    assert "unknown-column" not in _codes(part)


def test_several_values_advice_fits_the_field():
    code, said = value_said(definitions()["musyawarah"], "jenis_musyawarah", "value-read",
                            "Pencermatan RPJMDes & Penyusunan RKP Desa 2026")
    assert code == "value-several" and "musyawarah" in str(said["advice"])
    assert "anggaran" not in str(said["advice"]) and "amount" not in said["advice"].en
    code, said = value_said(definitions()["apbdes"], "sumber_dana", "value-read", "ADD, PBH")
    assert code == "value-several" and "satu baris per sumber" in str(said["advice"])


@pytest.mark.parametrize("written, kind", [
    ("Musdes LPPDes / Evaluasi RKP", "Musdes Pertanggungjawaban APBDes"),
    ("Musdes Evaluasi / LPPD", "Musdes Pertanggungjawaban APBDes"),
    ("Musdes Evaluasi Pelaksanaan RKPDes 2023", "Musdes Pertanggungjawaban APBDes"),
    ("Musdes RKP Desa 2024", "Musdes RKPDes"), ("Musdes Penyusunan RKPDes 2025", "Musdes RKPDes")])
def test_evaluation_meetings_are_no_rkpdes_planning(written: str, kind: str):
    assert read_value(definitions()["musyawarah"], "jenis_musyawarah", written).value == kind
