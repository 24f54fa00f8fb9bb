"""Blind trial s31 (trial 4, finance): old Excel 97-2003 workbooks (.xls) are read like XLSX, and a
Siskeudes Penjabaran with the kegiatan code in column A and its objek codes in column B keeps every
objek line (tests/data/blind/xls/SOURCES.md)."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desa_terbuka.collect.base import ReadError
from desa_terbuka.collect.read import read_tables
from desa_terbuka.core.findings import has_errors
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "xls"
PENJABARAN = DATA / "penjabaran_siskeudes_tinduk_2025"
CELLS = DATA / "cells_1904.xls"


def _checked(path: Path):
    checked = check_file(path)
    return checked[0] if isinstance(checked, list) else checked


def _sum(rows, prefix: str) -> Decimal:
    return sum((Decimal(r["anggaran"]) for r in rows if r["kode_rekening"].startswith(prefix)),
               Decimal(0))


def test_xls_cells_read_as_the_xlsx_reader_gives_them():
    data, hidden = read_tables(CELLS)
    assert data.sheet == "Data" and data.rows == [
        ["JUDUL MELINTANG"],  # merged across columns: first cell only
        ["Kode", "Jumlah", "Tanggal", "Benar"],
        ["4.2.1", 1250000, datetime(2024, 3, 15), True],  # whole number as int; 1904 date system
        ["4.2.3", 2.5, "teks", "#DIV/0!"],
        ["DDS", 10], ["DDS", 20], ["DDS", 30],  # merged down: every row (row 6 hidden, still read)
    ]
    assert data.row_numbers == list(range(1, 8))
    assert data.notes == ["2 sel gabungan (merged) diisi dari sel atasnya"]
    assert hidden.sheet == "Tersembunyi" and hidden.rows == [["rahasia"]]


def test_xls_and_the_same_cells_as_xlsx_give_the_same_tables(tmp_path: Path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    for row in ([["JUDUL MELINTANG"], ["Kode", "Jumlah", "Tanggal", "Benar"],
                 ["4.2.1", 1250000, datetime(2024, 3, 15), True], ["4.2.3", 2.5, "teks", "#DIV/0!"],
                 ["DDS", 10], [None, 20], [None, 30]]):
        sheet.append(row)
    sheet.merge_cells("A1:D1")
    sheet.merge_cells("A5:A7")
    sheet.row_dimensions[6].hidden = True
    other = book.create_sheet("Tersembunyi")
    other["A1"] = "rahasia"
    other.sheet_state = "hidden"
    book.save(tmp_path / "cells.xlsx")
    twin = read_tables(tmp_path / "cells.xlsx")
    for xls, xlsx in zip(read_tables(CELLS), twin, strict=True):
        assert (xls.sheet, xls.rows, xls.notes) == (xlsx.sheet, [list(r) for r in xlsx.rows], xlsx.notes)


@pytest.mark.parametrize("suffix", [".xls", ".xlsx"])
def test_penjabaran_with_objek_codes_in_the_second_code_column(suffix: str):
    """Kegiatan '01.01.01.' in A, its objek lines '5.1.1.01.' in B under the one heading
    'KODE REKENING' (A and B): every objek line is a line with its code and its kegiatan."""
    checked = _checked(PENJABARAN.with_suffix(suffix))
    assert checked.record_type == "apbdes"
    assert not has_errors(checked.findings), [(f.code, f.row) for f in checked.findings]
    rows = checked.rows
    assert len(rows) == 3 + 8 + 2
    assert {r["kode_desa"] for r in rows} == {"62.02.05.2006"}
    assert {r["tahun_anggaran"] for r in rows} == {"2025"}
    assert {r["tahap"] for r in rows} == {"anggaran"}
    assert _sum(rows, "4") == 955_000_000
    assert _sum(rows, "5") == 978_000_000
    assert _sum(rows, "6.1") == 30_000_000 and _sum(rows, "6.2") == 7_000_000
    lines = [(r["kode_rekening"], r["kode_kegiatan"]) for r in rows if r["kode_rekening"][0] in "56"]
    assert lines == [("5.1.1.01", "1.1.01"), ("5.1.1.02", "1.1.01"), ("5.2.1.01", "1.1.04"),
                     ("5.2.1.06", "1.1.04"), ("5.2.2.02", "1.1.04"), ("5.3.5.02", "2.3.01"),
                     ("5.2.1.06", "3.4.01"), ("5.2.2.02", "3.4.01"),
                     ("6.1.1.01", ""), ("6.2.2.01", "")]


def _ole_with_stream(tmp_path: Path, name: str, suffix: str) -> Path:
    """The fixture's OLE container with its 'Workbook' stream renamed (same directory layout)."""
    data = bytearray(CELLS.read_bytes())
    old = "Workbook\0".encode("utf-16-le")
    at = data.index(old)
    new = (name + "\0").encode("utf-16-le")
    data[at:at + 64] = new.ljust(64, b"\0")
    data[at + 64:at + 66] = len(new).to_bytes(2, "little")
    path = tmp_path / f"laporan{suffix}"
    path.write_bytes(bytes(data))
    return path


def test_password_protected_xlsx_keeps_its_own_remedy(tmp_path: Path):
    """A password-protected XLSX is an OLE file too (EncryptionInfo + EncryptedPackage)."""
    with pytest.raises(ReadError) as raised:
        read_tables(_ole_with_stream(tmp_path, "EncryptedPackage", ".xlsx"))
    assert raised.value.reason.startswith("berkas Excel terkunci kata sandi; buka di Excel, hapus")
    assert raised.value.reason.en.startswith("the Excel workbook is password-protected")


def test_word_document_named_xls_is_named_as_what_it_is(tmp_path: Path):
    with pytest.raises(ReadError) as raised:
        read_tables(_ole_with_stream(tmp_path, "WordDocument", ".xls"))
    assert raised.value.reason.startswith("berkas ini dokumen Word lama (.doc)")


def test_reading_a_csv_does_not_import_xlrd(tmp_path: Path):
    path = tmp_path / "apbdes.csv"
    path.write_text("kode_desa,tahun_anggaran,kode_rekening,uraian,anggaran\n"
                    "62.02.05.2006,2025,4.2.1.01,Dana Desa,640000000\n", encoding="utf-8")
    code = ("import sys; from pathlib import Path; from desa_terbuka.validate.check import check_file;"
            f"check_file(Path({str(path)!r})); print('xlrd' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_whole_code_in_the_second_code_column_moves_but_a_date_does_not():
    from desa_terbuka.collect.base import RawTable
    from desa_terbuka.core.definitions import definitions
    from desa_terbuka.normalise.code_spans import join_code_spans
    from desa_terbuka.normalise.headings import Header

    table = RawTable("x.xlsx", "S", [
        ["KODE REKENING", None, "URAIAN", "ANGGARAN"],
        ["01.01.01.", None, "Penyediaan Penghasilan Tetap", 54000000],
        [None, "5.1.1.01.", "Penghasilan Tetap Kepala Desa", 48000000],
        [None, "15.03.2024", "Dicatat", 0],
        ["4", "2", "Pendapatan Transfer", 1],  # the parts of one code: joined as before
    ], [1, 2, 3, 4, 5])
    header = Header(0, {0: "kode_rekening", 2: "uraian", 3: "anggaran"},
                    written={0: "KODE REKENING", 2: "URAIAN", 3: "ANGGARAN"})
    join_code_spans(table, header, definitions()["apbdes"])
    assert [row[:2] for row in table.rows[1:]] == [
        ["01.01.01.", None], ["5.1.1.01.", None], [None, "15.03.2024"], ["4.2", None]]
