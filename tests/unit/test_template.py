"""``desa template``: a pre-filled workbook with drop-down lists that, filled in, passes check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from desa_terbuka.authoring.template import TITLE_ROWS, build_template
from desa_terbuka.cli import cli
from desa_terbuka.validate.check import check_file

FILL = {
    "apbdes": [
        {"tahap": "anggaran", "kode_rekening": "4.2.1.01", "uraian": "Dana Desa",
         "kode_kegiatan": "0.0.00", "sumber_dana": "DDS", "anggaran": 850_000_000},
        {"tahap": "anggaran", "kode_rekening": "5.2.2.01", "uraian": "Honor TPK",
         "kode_kegiatan": "2.2.01", "sumber_dana": "DDS", "anggaran": "7.500.000"},
    ],
    "kegiatan": [
        {"kode_kegiatan": "2.2.01", "nama_kegiatan": "Jalan desa", "anggaran": 150_000_000,
         "sumber_dana": "DDS", "status": "berjalan", "tanggal_mulai": dt.datetime(2024, 3, 1)},
    ],
    "musyawarah": [
        {"tanggal": dt.datetime(2024, 3, 15), "jenis_musyawarah": "Musdes RKPDes",
         "agenda": "RKPDes 2025", "hadir_laki_laki": 30, "hadir_perempuan": 25},
    ],
}


def fill(path: Path, rows: list[dict]) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    headings = [c.value for c in ws[TITLE_ROWS + 1]]
    for offset, values in enumerate(rows, start=TITLE_ROWS + 2):
        for name, value in values.items():
            ws.cell(offset, headings.index(name) + 1, value)
    wb.save(path)
    return path


@pytest.mark.parametrize("record_type", sorted(FILL))
def test_filled_template_passes_check(tmp_path: Path, record_type: str) -> None:
    path = build_template("62.02.16.2003", record_type, 2024, tmp_path / f"{record_type}.xlsx")
    checked = check_file(fill(path, FILL[record_type]))
    assert [(f.row, f.field, f.code) for f in checked.findings if f.level != "info"] == []
    assert checked.valid and checked.record_type == record_type
    assert checked.villages == ["62.02.16.2003"] and checked.years == [2024]
    assert len(checked.rows) == len(FILL[record_type])


def test_dropdowns_come_from_the_reference(tmp_path: Path) -> None:
    path = build_template("62.02.16.2003", "apbdes", 2024, tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(path)
    data, reference = wb["Data"], wb["Referensi"]
    headings = [c.value for c in data[TITLE_ROWS + 1]]
    covered = {}
    for validation in data.data_validations.dataValidation:
        assert validation.type == "list" and validation.formula1.startswith("Referensi!") or \
            validation.formula1.startswith("=Referensi!")
        column = str(validation.sqref).split(":")[0].rstrip("0123456789")
        covered[headings[openpyxl.utils.column_index_from_string(column) - 1]] = validation.formula1
    assert {"kode_rekening", "kode_kegiatan", "sumber_dana", "tahap"} <= set(covered)
    listed = [c.value for c in reference["A"]][1:] + [c.value for c in reference["D"]][1:]
    assert "4.2.1.01" in listed or "0.0.00" in listed
    assert "Kode desa: 62.02.16.2003" in [c.value for c in data["A"]]
    assert "Petunjuk" in wb.sheetnames


def test_musyawarah_template_has_jenis_dropdown(tmp_path: Path) -> None:
    path = build_template("62.02.16.2003", "musyawarah", None, tmp_path / "m.xlsx")
    wb = openpyxl.load_workbook(path)
    headings = [c.value for c in wb["Data"][TITLE_ROWS + 1]]
    columns = {headings[openpyxl.utils.column_index_from_string(
        str(v.sqref).split(":")[0].rstrip("0123456789")) - 1]
        for v in wb["Data"].data_validations.dataValidation}
    assert "jenis_musyawarah" in columns
    values = [row[0] for row in wb["Referensi"].iter_rows(values_only=True)]
    assert "Musdes RKPDes" in values


def test_template_command(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    result = CliRunner().invoke(cli, ["template", "62.02.16.2003", "--type", "kegiatan",
                                      "--tahun", "2024", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file()
    result = CliRunner().invoke(cli, ["template", "99.99", "--type", "kegiatan", "--out", str(out)])
    assert result.exit_code == 2 and "tidak ada dalam daftar desa" in result.output
    assert "Traceback" not in result.output


def test_year_in_title_conflicts_with_dates(tmp_path: Path) -> None:
    path = build_template("62.02.16.2003", "musyawarah", 2025, tmp_path / "m.xlsx")
    checked = check_file(fill(path, FILL["musyawarah"]))
    assert [f.code for f in checked.findings if f.level != "info"] == ["year-conflict"]
