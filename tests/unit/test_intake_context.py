"""Village, year and stage from title rows, file names and name columns; conflicts are errors."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from desa_terbuka.validate.check import check_file

HEAD = "Kode Rekening;Uraian;Kode Kegiatan;Sumber Dana;Anggaran"
LINES = ["4.2.1.01;Dana Desa;0.0.00;DDS;850.000.000", "5.2.2.01;Honor TPK;2.2.01;DDS;7.500.000"]


def write(path: Path, title: list[str], head: str = HEAD, lines: list[str] = LINES) -> Path:
    path.write_text("\n".join(title + [head] + lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name, title, kode, tahun, tahap", [
    ("a.csv", ["PEMERINTAH DESA MERAH", "KECAMATAN TUALAN HULU", "APBDES TAHUN ANGGARAN 2024"],
     "62.02.16.2003", 2024, "anggaran"),
    ("apbdes_merah_2024.csv", ["LAPORAN REALISASI APBDES SEMESTER I"], "62.02.16.2003", 2024,
     "realisasi_semester_1"),
    ("62.02.16.2002_perubahan_2023.csv", ["APBDES PERUBAHAN"], "62.02.16.2002", 2023,
     "anggaran_perubahan"),
    ("b.csv", ["Desa : Tumbang Mujam   Kec. Tualan Hulu", "T.A. 2025 realisasi"], "62.02.16.2002",
     2025, "realisasi_tahunan"),
])
def test_village_year_and_stage_from_title_or_file_name(tmp_path, name, title, kode, tahun, tahap):
    checked = check_file(write(tmp_path / name, title))
    # A realisation stage without any realisasi figure is one file-level business-rule error
    # (nothing to publish as the realisation), not a context error.
    blocking = {f.code for f in checked.findings if f.level != "info"}
    if tahap.startswith("realisasi"):
        assert blocking == {"apbdes-realisasi-column-missing"}
    else:
        assert checked.valid and not blocking
    assert checked.villages == [kode] and checked.years == [tahun]
    assert {r["tahap"] for r in checked.rows} == {tahap}
    # "APBDES TAHUN ANGGARAN 2024" names the document, not its stage: that one is derived
    # from the data (no realisasi column: a budget), and said so
    assert set(checked.sources) == {"kode_desa", "tahun_anggaran", "tahap"} - (
        {"tahap"} if "value-derived" in {f.code for f in checked.findings} else set())


def test_title_and_file_name_disagree_on_year(tmp_path: Path) -> None:
    checked = check_file(write(tmp_path / "apbdes_2023.csv", ["APBDES DESA MERAH TAHUN 2024"]))
    [finding] = [f for f in checked.findings if f.level == "error"]
    assert (finding.code, finding.row) == ("year-conflict", 1)
    assert "judul baris 1 menyebut 2024" in finding.message()
    assert "title row 1 says 2024" in finding.message("en")
    assert "menyebut" not in finding.message("en")


def test_rows_disagree_with_title(tmp_path: Path) -> None:
    head = "Kode Desa;Tahun;Tahap;" + HEAD
    lines = ["62.02.16.2003;2023;anggaran;" + LINES[0], "62.02.16.2002;2024;anggaran;" + LINES[1]]
    checked = check_file(write(tmp_path / "a.csv", ["APBDES DESA MERAH TAHUN ANGGARAN 2024"], head, lines))
    assert [(f.row, f.field, f.code) for f in checked.findings if f.level != "info"] == [
        (3, "tahun_anggaran", "year-conflict"), (4, "kode_desa", "village-conflict")]


def test_ambiguous_village_lists_candidates(tmp_path: Path) -> None:
    checked = check_file(write(tmp_path / "a.csv", ["APBDES DESA SUMBER MAKMUR 2024"]))
    [finding] = [f for f in checked.findings if f.level != "info"]
    assert finding.code == "village-ambiguous" and finding.row == 1
    for kode in ("62.02.04.2009", "62.02.07.2006", "62.02.14.2003"):
        assert kode in finding.message()
    assert not checked.valid


def test_fuzzy_title_name_corroborated_by_file_code(tmp_path: Path) -> None:
    checked = check_file(write(tmp_path / "6202162002_apbdes.csv", ["APBDES DESA TUMBANG MUJAN 2024"]))
    assert [f.code for f in checked.findings if f.level != "info"] == ["village-name-variant"]
    assert checked.valid and checked.villages == ["62.02.16.2002"]


def test_other_data_sheet_is_named(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    for title, rows in (("2024", LINES), ("2023 lama", LINES[:1])):
        ws = wb.active if title == "2024" else wb.create_sheet(title)
        ws.title = title
        ws.append(["APBDES DESA MERAH TAHUN ANGGARAN 2024"])
        for line in [HEAD] + rows:
            ws.append(line.split(";"))
    wb.save(tmp_path / "a.xlsx")
    checked = check_file(tmp_path / "a.xlsx")
    assert checked.valid and checked.sheet == "2024"
    [finding] = [f for f in checked.findings if f.level != "info"]
    assert (finding.code, finding.value) == ("sheet-ignored", "2023 lama")
    assert "hanya lembar '2024'" in finding.message()


def test_english_reasons(tmp_path: Path) -> None:
    head = "Kode Desa;Tahun;Tahap;" + HEAD
    lines = ["62.02.16.2003;2014;anggaran;" + LINES[0], "62.02.16.2003;2024;anggaran;" + LINES[1]]
    path = write(tmp_path / "a.csv", [], head, [lines[0].replace("0.0.00", "2.2.01"), lines[1]])
    messages = {f.code: f.message("en") for f in check_file(path).findings}
    assert "(at least 2015)" in messages["out-of-range"]
    assert messages["activity-mismatch"].startswith("A revenue/financing line takes no activity code")
