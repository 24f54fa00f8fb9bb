"""Cells a spreadsheet would execute: neutralised in what is published, warned about by check."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desa_terbuka.core.spreadsheet import is_executable, neutralise, neutralise_row
from desa_terbuka.stage.warehouse import Warehouse
from desa_terbuka.validate.check import check_file

HEADER = ("kode_desa,tanggal,jenis_musyawarah,tempat,pimpinan,jumlah_undangan,hadir_laki_laki,"
          "hadir_perempuan,agenda,keputusan\n")
HYPERLINK = '=HYPERLINK("http://contoh.example/x","Klik")'


@pytest.mark.parametrize("cell", [HYPERLINK, "=cmd|' /C calc'!A0", "+SUM(1)", "-2+3", "@SUM(1)",
                                  "\t=1+1", "\r=1+1", "- selesai", "=1"])
def test_executable_cells_get_an_apostrophe_and_stay_readable(cell):
    assert is_executable(cell)
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-1500000", "+2.5", "-1.234.567,00", "-12%", "1e5", "-", "",
                                  "Pembangunan jalan", "Rp -5", " =1", None, 5, -3])
def test_plain_numbers_and_ordinary_text_are_unchanged(cell):
    assert not is_executable(cell)
    assert neutralise(cell) == cell


def test_rows_keep_their_other_values():
    assert neutralise_row(("a", 1, "=1+1", None)) == ("a", 1, "'=1+1", None)


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "musyawarah_2024.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        f.write(HEADER)
        writer.writerow(["62.02.16.2003", "2024-03-26", "Musdes RKPDes", "Balai Desa", "Ketua BPD",
                         30, 20, 8, HYPERLINK, "Disepakati"])
        writer.writerow(["62.02.16.2003", "2024-05-02", "Musdus", "Balai Desa", "Ketua BPD",
                         30, 20, 8, "Penggalian gagasan", "@SUM(1)"])
    return path


def test_check_warns_about_them_and_still_accepts_the_file(tmp_path):
    checked = check_file(_file(tmp_path))
    warned = [(f.code, f.row, f.field, f.level) for f in checked.findings
              if f.code == "spreadsheet-formula"]
    assert checked.valid
    assert warned == [("spreadsheet-formula", 2, "agenda", "warning"),
                      ("spreadsheet-formula", 3, "keputusan", "warning")]


def test_the_published_csv_and_datastore_rows_are_neutralised(tmp_path):
    with Warehouse(tmp_path / "warehouse.duckdb") as warehouse:
        [s] = warehouse.stage(check_file(_file(tmp_path))).slices
        rows = list(csv.DictReader(warehouse.slice_csv(s).decode().splitlines()))
        names, typed = warehouse.slice_rows(s)
        stored = warehouse.con.execute("SELECT agenda FROM records_musyawarah ORDER BY baris").fetchall()
    assert [r["agenda"] for r in rows] == ["'" + HYPERLINK, "Penggalian gagasan"]
    assert [r["keputusan"] for r in rows] == ["Disepakati", "'@SUM(1)"]
    assert typed[0][names.index("agenda")] == "'" + HYPERLINK
    assert stored[0] == (HYPERLINK,)  # the warehouse keeps what the village sent
