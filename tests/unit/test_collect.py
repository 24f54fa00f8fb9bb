"""Reading submissions into raw tables that remember the operator's row numbers."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desa_terbuka.collect.base import ReadError
from desa_terbuka.collect.csv_text import detect_encoding, sniff_delimiter
from desa_terbuka.collect.inbox import discover
from desa_terbuka.collect.read import read_tables


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data, text, encoding", [
    ("Uraian,Anggaran\nJalan désa,Rp 1.000\n".encode("utf-8"), "Jalan désa", "utf-8"),
    (b"\xef\xbb\xbf" + "Uraian,Anggaran\nJalan désa,1\n".encode("utf-8"), "Jalan désa", "utf-8-sig"),
    (b"Uraian,Anggaran\nJalan d\xe9sa \x80 Rp,1\n", "Jalan désa € Rp", "cp1252"),
    (b"Uraian,Anggaran\nJalan \x81\x8d,1\n", "Jalan \x81\x8d", "latin-1"),  # undefined in cp1252
    (b"\xef\xbb\xbfUraian,Anggaran\nJalan d\xe9sa,1\n", "Jalan désa", "cp1252"),  # BOM, then 1252
    ("\ufeffUraian\tAnggaran\r\nJalan désa\t1\r\n".encode("utf-16-le"), "Jalan désa", "utf-16"),
])
def test_encodings(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    [table] = read_tables(_write(tmp_path / "a.csv", data))
    assert table.encoding == encoding
    assert table.rows[0] == ["Uraian", "Anggaran"]  # no BOM glued to the first heading
    assert table.rows[1][0] == text
    assert table.sheet is None and table.file == str(tmp_path / "a.csv")


def test_decode_prefers_strict_utf8(tmp_path) -> None:
    path = tmp_path / "a.csv"
    for data, want in (("Rp 1.000 – é".encode("utf-8"), "utf-8"),
                       ("Rp 1.000 – é".encode("cp1252"), "cp1252"),
                       (b"\xef\xbb\xbfa,b", "utf-8-sig")):
        path.write_bytes(data)
        assert detect_encoding(path, data[:65536])[1] == want


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_sniffed(tmp_path: Path, delimiter: str) -> None:
    lines = [["Kode Desa", "Uraian", "Anggaran"], ["62.02.16.2003", "Jalan, gang 2", "1.234,50"],
             ["62.02.16.2003", "Posyandu", "2.000"]]
    text = "\n".join(delimiter.join(f'"{c}"' if delimiter in c or "," in c else c for c in row)
                     for row in lines) + "\n"
    [table] = read_tables(_write(tmp_path / "a.csv", text))
    assert table.delimiter == delimiter
    assert table.rows == lines


def test_sniff_ignores_decimal_commas() -> None:
    text = "Kode;Uraian;Anggaran\n1;Jalan;1.234,50\n2;Posyandu;2.000,00\n"
    assert sniff_delimiter(text) == ";"


def test_row_numbers_are_records_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    """A quoted cell with line breaks is one row in Excel or Google Sheets: rows are records."""
    text = ('Judul laporan\n'
            '\n'
            'Kode;Uraian;Anggaran\n'
            '1;"Honor\nTPK\nRT 2";1.000\n'
            '2;Posyandu;2.000\n'
            '\n'
            '3;Jalan;3.000\n')
    [table] = read_tables(_write(tmp_path / "a.csv", text))
    numbered = dict(zip(table.row_numbers, table.rows))
    assert numbered[3] == ["Kode", "Uraian", "Anggaran"]
    assert numbered[4] == ["1", "Honor\nTPK\nRT 2", "1.000"]
    assert numbered[5] == ["2", "Posyandu", "2.000"]
    assert numbered[7] == ["3", "Jalan", "3.000"]
    assert table.row_numbers == [1, 2, 3, 4, 5, 6, 7]


def test_crlf_row_numbers(tmp_path: Path) -> None:
    text = 'a,b,c\r\n1,"x\r\ny",2\r\n3,z,4\r\n'
    [table] = read_tables(_write(tmp_path / "a.csv", text))
    assert table.row_numbers == [1, 2, 3]


def test_xlsx_rows_sheets_and_formula(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "APBDes 2024"
    ws["A1"] = "APBDES DESA MERAH"
    ws.append([])
    ws.append(["Kode Desa", "Anggaran", "Jumlah"])
    ws.append(["62.02.16.2003", 1500000, "=B4*2"])
    ws.append(["62.02.16.2003", 2500.5, None])
    wb.create_sheet("Catatan").append(["dibuat oleh operator"])
    path = tmp_path / "a.xlsx"
    wb.save(path)

    tables = read_tables(path)
    assert [t.sheet for t in tables] == ["APBDes 2024", "Catatan"]
    table = tables[0]
    numbered = dict(zip(table.row_numbers, [list(r) for r in table.rows]))
    assert numbered[1][0] == "APBDES DESA MERAH"
    assert numbered[3] == ["Kode Desa", "Anggaran", "Jumlah"]
    # openpyxl writes formulas without a cached value: read as empty, never as the formula text
    assert numbered[4][:2] == ["62.02.16.2003", 1500000] and numbered[4][2] in (None, "")
    assert numbered[5][:2] == ["62.02.16.2003", 2500.5]
    assert tables[1].rows[0][0] == "dibuat oleh operator"


def test_xlsx_with_wrong_stored_dimension(tmp_path: Path) -> None:
    """Some exporters write <dimension ref="A1"/>; every column must still be read."""
    wb = openpyxl.Workbook()
    for row in (["Kode Desa", "Tahun", "Anggaran"], ["62.02.16.2003", 2024, 5]):
        wb.active.append(row)
    good = tmp_path / "good.xlsx"
    wb.save(good)
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(rb'<dimension ref="A1:C2"\s*/>', b'<dimension ref="A1"/>', data)
                assert count == 1
            dst.writestr(item, data)
    [table] = read_tables(bad)
    assert [list(r) for r in table.rows] == [["Kode Desa", "Tahun", "Anggaran"],
                                            ["62.02.16.2003", 2024, 5]]


@pytest.mark.parametrize("name, data, reason", [
    ("laporan.pdf", b"%PDF-1.4", "jenis berkas '.pdf' tidak didukung; kirim CSV, XLSX, XLS, ODS, DOCX atau ekspor Siskeudes (.zip)"),
    ("laporan.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "berkas Excel lama (.xls) rusak"),
    # XML that is neither SpreadsheetML nor HTML, named .xls (an HTML table named .xls is read:
    # test_html_tables; SpreadsheetML: test_collect_spreadsheetml)
    ("laporan.xls", b'<?xml version="1.0"?><laporan><baris>1</baris></laporan>',
     "berkas .xls ini sebenarnya halaman web"),
    ("laporan.html", b"<html><body><p>Laporan APBDes</p></body></html>", "berkas ini halaman web (HTML) tanpa tabel"),
    ("README", b"x", "jenis berkas 'README' tidak didukung; kirim CSV, XLSX, XLS, ODS, DOCX atau ekspor Siskeudes (.zip)"),
    ("kosong.csv", b"", "berkas berukuran 0 byte"),
    ("kosong.xlsx", b"", "berkas berukuran 0 byte"),
    ("palsu.xlsx", b"Kode Desa,Tahun\n1,2\n", "bukan berkas XLSX yang utuh"),
    ("biner.csv", bytes(range(256)) * 4, "berkas berisi data biner, bukan teks CSV"),
])
def test_unreadable_files(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    with pytest.raises(ReadError) as raised:
        read_tables(_write(tmp_path / name, data))
    assert raised.value.reason.startswith(reason)


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "halo")
    with pytest.raises(ReadError) as raised:
        read_tables(path)
    assert raised.value.reason.startswith("berkas ZIP ini bukan buku kerja Excel")
    assert raised.value.reason.en.startswith("this ZIP file is not an Excel workbook")


def test_discover_skips_hidden_and_lock_files_and_sorts_by_mtime(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    files = {
        "62.02.16.2003-merah/apbdes_2024.csv": 300,
        "62.02.16.2003-merah/kegiatan_2024.xlsx": 100,
        "musyawarah.csv": 200,
        "laporan.pdf": 400,
        "62.02.16.2003-merah/~$kegiatan_2024.xlsx": 50,
        ".DS_Store": 60,
        ".git/config": 70,
        "62.02.16.2003-merah/.~lock.apbdes_2024.csv#": 80,
    }
    for name, mtime in files.items():
        path = _write(inbox / name, b"x")
        os.utime(path, (1_700_000_000 + mtime, 1_700_000_000 + mtime))
    found = discover(inbox)
    assert [s.path.relative_to(inbox).as_posix() for s in found] == [
        "62.02.16.2003-merah/kegiatan_2024.xlsx", "musyawarah.csv",
        "62.02.16.2003-merah/apbdes_2024.csv", "laporan.pdf",
    ]
    assert found[0].name == "kegiatan_2024.xlsx" and found[0].size == 1
    assert found[0].sha256 == "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
