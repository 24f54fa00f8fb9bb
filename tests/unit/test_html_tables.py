"""HTML tables sent as .xls (OpenSID's and PHP apps' "Unduh"/"Export Excel") are read as the sheet
Excel shows (collect/html_tables.py; fixtures in tests/data/blind/html/, SOURCES.md there)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from desa_terbuka.collect import base
from desa_terbuka.collect.base import ReadError
from desa_terbuka.collect.read import read_tables
from tests.unit.blind_manifest import assert_read_as_its_manifest

DATA = Path(__file__).parents[1] / "data" / "blind" / "html"
CASES = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))


def _read(tmp_path: Path, page: str | bytes, name: str = "laporan.xls"):
    path = tmp_path / name
    path.write_bytes(page.encode("utf-8") if isinstance(page, str) else page)
    [table] = read_tables(path)
    return table


def _numbered(table) -> dict[int, list]:
    return dict(zip(table.row_numbers, table.rows))


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_an_html_export_is_read_as_its_manifest(case: dict) -> None:
    """Valid, its record type, village (from the title rows), year, lines and totals."""
    assert_read_as_its_manifest(DATA / case["file"], case, {}, {})


def test_title_lines_spans_and_sections_take_the_rows_excel_shows(tmp_path: Path) -> None:
    table = _read(tmp_path, """<html><head><title>tidak tampil</title><style>td {color:red}</style>
      </head><body><h3>LAPORAN REALISASI<br>TAHUN 2024</h3><div>DESA X</div><br>
      <table><caption>Tabel 1</caption>
      <tfoot><tr><td>JUMLAH</td><td>9</td></tr></tfoot>
      <thead><tr><th rowspan=2>Kode</th><th colspan="2">Jumlah</th></tr><tr><th>A</th><th>B</th></tr></thead>
      <tbody><tr><td>4.1</td><td>1</td><td>x&nbsp;&amp;   y<br>z</td></tr>
      <tr><td rowspan=9>DDS</td><td>2</td></tr><tr><td colspan=99999>w</td></tr><tr></tr></tbody>
      </table><p>Mengetahui</p><!-- komentar --></body></html>""")
    assert table.sheet == "laporan"
    assert _numbered(table) == {
        1: ["LAPORAN REALISASI"], 2: ["TAHUN 2024"], 3: ["DESA X"], 4: [],  # the <br> row
        5: ["Tabel 1"],
        6: ["Kode", "Jumlah"], 7: ["Kode", "A", "B"],  # a rowspan fills down its first column
        8: ["4.1", "1", "x & y\nz"],
        9: ["DDS", "2"], 10: ["DDS", "w"],  # rowspan stops at its row group's end
        11: ["DDS"],  # an empty <tr> is a row (here still under the rowspan)
        12: ["JUMLAH", "9"],  # <tfoot> shows under the body
        13: ["Mengetahui"]}


def test_layout_table_around_the_data_table(tmp_path: Path) -> None:
    """OpenSID's bumindes pages: the kop and the data table in the cells of one outer table."""
    table = _read(tmp_path, """<table><tr><td><h1>PEMERINTAH KABUPATEN A <br>DESA B</h1></td></tr>
      <tr><td><hr></td></tr><tr><td><h4>TAHUN 2024</h4></td></tr><tr><td>&nbsp;</td></tr>
      <tr><td>Di atas<table><tr><th>No</th><th>Nama</th></tr><tr><td>1</td><td>Jalan</td></tr></table>
      Di bawah</td></tr></table>""")
    assert table.rows == [["PEMERINTAH KABUPATEN A"], ["DESA B"], ["TAHUN 2024"], ["Di atas"],
                          ["No", "Nama"], ["1", "Jalan"], ["Di bawah"]]


def test_excel_number_formats_and_stored_numbers(tmp_path: Path) -> None:
    table = _read(tmp_path, """<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><style>
      td.xl65 {mso-number-format:"\\@";} .n {mso-number-format:"\\#\\,\\#\\#0";}
      .d, .e {mso-number-format:"dd\\/mm\\/yyyy";}</style></head><body><table>
      <tr><td class=xl65>007</td><td class="n" x:num="1250000">1,250,000</td><td x:num="2.5">2,5</td></tr>
      <tr><td class=d x:num="45366">15/03/2024</td><td x:num>1.500</td><td class=xl65 x:num="7">0007</td></tr>
      <tr><td style='mso-number-format:"Short Date"' x:num="45367">16/03/2024</td><td x:num="nan">?</td></tr>
      </table></body></html>""")
    assert table.rows == [["007", 1250000, 2.5],
                          [datetime(2024, 3, 15), "1.500", "0007"],  # text format keeps the text
                          [datetime(2024, 3, 16), "?"]]


@pytest.mark.parametrize("encoding, declared", [
    ("utf-8", "windows-1252"),  # UTF-8 bytes win over a wrong declaration
    ("cp1252", "Windows-1252"), ("cp1252", None), ("iso-8859-15", "ISO-8859-15"), ("utf-16", None),
])
def test_encodings(tmp_path: Path, encoding: str, declared: str | None) -> None:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">' if declared else ""
    page = f"<html><head>{meta}</head><body><table><tr><td>Jalan – Posyandu “Melati” €</td></tr></table>"
    if encoding == "iso-8859-15":
        page = page.replace("–", "-").replace("“", '"').replace("”", '"')
    table = _read(tmp_path, page.encode(encoding))
    assert table.rows[0][0] == page.split("<td>")[1].split("</td>")[0]


def test_read_by_content_and_name(tmp_path: Path) -> None:
    page = "\ufeff<!DOCTYPE html><html><body><table><tr><td>a</td><td>b</td></tr></table></body></html>"
    for name in ("laporan.xls", "laporan.html", "laporan.HTM"):
        assert _read(tmp_path, page, name).rows == [["a", "b"]]
    assert _read(tmp_path, "<table><tr><td>1</td></tr></table>").rows == [["1"]]  # a bare table


@pytest.mark.parametrize("page, reason", [
    ("<html><body><p>Laporan</p></body></html>", "berkas ini halaman web (HTML) tanpa tabel"),
    ("<html><body>" + "<table><tr><td>" * 5000, None),  # deep nesting, never closed
])
def test_hostile_or_empty_pages_never_raise_a_traceback(tmp_path: Path, page: str, reason) -> None:
    path = tmp_path / "x.html"
    path.write_text(page, encoding="utf-8")
    if reason:
        with pytest.raises(ReadError) as raised:
            read_tables(path)
        assert raised.value.reason.startswith(reason)
        assert raised.value.reason.en.startswith("this file is a web page (HTML) without a table")
    else:
        [table] = read_tables(path)
        assert table.rows == []


def test_limits_of_the_other_readers_hold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wide = "<table><tr>" + "<td>x</td>" * (base.MAX_COLUMNS + 50) + "</tr></table>"
    table = _read(tmp_path, wide)
    assert len(table.rows[0]) == base.MAX_COLUMNS
    assert [f.code for f in table.findings] == ["columns-dropped"]
    spanned = _read(tmp_path, '<table><tr><td colspan="999999999">a</td><td>b</td></tr></table>')
    assert spanned.rows[0][0] == "a" and len(spanned.rows[0]) == base.MAX_COLUMNS  # 'b' is past it
    assert [f.code for f in spanned.findings] == ["columns-dropped"]
    monkeypatch.setattr(base, "MAX_ROWS", 10)
    with pytest.raises(ReadError) as raised:
        _read(tmp_path, "<table>" + "<tr><td>1</td></tr>" * 11 + "</table>")
    assert raised.value.reason.startswith("berkas berisi lebih dari 10 baris")
    monkeypatch.setattr(base, "MAX_TEXT_CHARS", 100)
    with pytest.raises(ReadError) as raised:
        _read(tmp_path, "<table><tr><td>" + "x" * 200 + "</td></tr></table>")
    assert "juta karakter" in raised.value.reason
