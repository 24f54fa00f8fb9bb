"""Excel 2003 XML Spreadsheets (SpreadsheetML), as PHP exporters write them under .xls or .xml,
are read as Excel lays them out; hostile ones are refused with a reason, never a traceback
(fixtures: tests/data/blind/xmlss/SOURCES.md)."""

from __future__ import annotations

import json
from datetime import datetime, time
from pathlib import Path

import pytest

from desa_terbuka.collect import base
from desa_terbuka.collect.base import ReadError
from desa_terbuka.collect.read import read_tables
from desa_terbuka.validate.check import check_parts
from tests.unit.blind_manifest import assert_read_as_its_manifest

DATA = Path(__file__).parents[1] / "data" / "blind" / "xmlss"
CASES = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
HEAD = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:html="http://www.w3.org/TR/REC-html40">\n')
CELLS = HEAD + """<Styles><Style ss:ID="p"><NumberFormat ss:Format="Percent"/></Style>
 <Style ss:ID="p2" ss:Parent="p"/></Styles>
<Worksheet ss:Name="Data"><Table>
 <Column ss:Index="3" ss:Hidden="1" ss:Span="1"/>
 <Row><Cell ss:MergeAcross="3"><Data ss:Type="String">JUDUL</Data></Cell></Row>
 <Row ss:Index="3"><Cell ss:MergeDown="2"><Data ss:Type="String">DDS</Data></Cell>
  <Cell><Data ss:Type="Number">10</Data></Cell><Cell ss:StyleID="p2"><Data ss:Type="Number">0.755</Data></Cell></Row>
 <Row><Cell><Data ss:Type="Number">20.5</Data></Cell><Cell ss:Index="4"><ss:Data ss:Type="String"
  xmlns="http://www.w3.org/TR/REC-html40"><B>te</B><Font html:Color="#FF0000">bal</Font></ss:Data>
  <Comment><ss:Data><B>catatan</B></ss:Data></Comment></Cell></Row>
 <Row ss:Hidden="1"><Cell><Data ss:Type="DateTime">2024-03-15T00:00:00.000</Data></Cell>
  <Cell><Data ss:Type="Boolean">1</Data></Cell><Cell ss:Formula="=R[-1]C"/>
  <Cell><Data ss:Type="Error">#DIV/0!</Data></Cell>
  <Cell><Data ss:Type="DateTime">1899-12-31T10:14:00.000</Data></Cell></Row>
 <Row ss:Index="900000" ss:Span="99999"/>
</Table></Worksheet>
<Worksheet ss:Name="Kosong"><Table/></Worksheet>
</Workbook>
"""


def _write(tmp_path: Path, text: str, name: str = "laporan.xls", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _reason(path: Path) -> str:
    with pytest.raises(ReadError) as raised:
        read_tables(path)
    assert raised.value.reason.en  # always with its English twin
    return str(raised.value.reason)


def test_cells_are_read_as_excel_lays_them_out(tmp_path: Path):
    data, empty = read_tables(_write(tmp_path, CELLS))
    assert data.sheet == "Data" and data.rows == [
        ["JUDUL"],  # merged across: first cell only
        [],  # row 2, skipped by ss:Index: row numbers stay Excel's
        ["DDS", 10, "75,5%"],  # a Percent-styled number as shown (style inherited from its parent)
        ["DDS", 20.5, None, "tebal"],  # merged down: filled; the next cell follows the merge
        ["DDS", datetime(2024, 3, 15), True, None, "#DIV/0!", time(10, 14)],  # hidden row: read
    ]  # rich text as its plain text, the Comment's Data not a value, the spanned rows not built
    assert data.row_numbers == [1, 2, 3, 4, 5]
    assert data.notes == ["2 sel gabungan (merged) diisi dari sel atasnya"]
    assert data.formulas == {(5, 3): "=R[-1]C"}  # a formula saved without a result
    assert data.hidden_columns == {2, 3}
    assert (empty.sheet, empty.rows) == ("Kosong", [])


@pytest.mark.parametrize("name", ["laporan.xml", "laporan.csv"])
def test_the_content_decides_not_the_name(tmp_path: Path, name: str):
    [data, _] = read_tables(_write(tmp_path, "\ufeff\r\n  " + CELLS, name))
    assert data.rows[0] == ["JUDUL"]


def test_utf16_and_windows_1252_are_read(tmp_path: Path):
    assert read_tables(_write(tmp_path, "\ufeff" + CELLS.replace('version="1.0"', 'version="1.0" encoding="UTF-16"'),
                              encoding="utf-16-le"))[0].rows[0] == ["JUDUL"]
    text = CELLS.replace('version="1.0"', 'version="1.0" encoding="windows-1252"').replace("JUDUL", "Realisasi “2024”")
    assert read_tables(_write(tmp_path, text, encoding="cp1252"))[0].rows[0] == ["Realisasi “2024”"]


def test_an_xml_that_is_not_a_spreadsheet_and_a_web_page_named_xls_are_refused(tmp_path: Path):
    assert _reason(_write(tmp_path, "<?xml version='1.0'?><rss><channel/></rss>", "data.xml")) \
        .startswith("berkas .xml ini bukan XML Spreadsheet 2003")
    # Excel's own "web page" (HTML) names Excel's namespaces too: still the HTML case
    page = ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>1</td></tr>'
            '</table><!-- urn:schemas-microsoft-com:office:spreadsheet <Workbook> --></body></html>')
    assert _reason(_write(tmp_path, page)).startswith("berkas .xls ini sebenarnya halaman web")


BOMB = ('<?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + ']>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
          '<Row><Cell><Data ss:Type="String">&i;</Data></Cell></Row></Table></Worksheet></Workbook>')
EXTERNAL = ('<?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row>'
            '<Cell><Data>&x;</Data></Cell></Row></Table></Worksheet></Workbook>')


@pytest.mark.parametrize("text", [BOMB, EXTERNAL], ids=["billion-laughs", "external-entity"])
def test_a_doctype_is_refused_before_its_entities_are_expanded(tmp_path: Path, text: str):
    assert "DOCTYPE" in _reason(_write(tmp_path, text))


@pytest.mark.parametrize(("text", "says"), [
    (CELLS[:-200], "rusak atau terpotong"),  # an export cut off (a PHP time-out)
    (CELLS.replace('<Row ss:Index="3">', '<Row ss:Index="1">'), "ss:Index baris/row 1"),
    (CELLS.replace('<Cell ss:Index="4">', '<Cell ss:Index="1">'), "ss:Index sel/cell 1"),
    (CELLS.replace('ss:MergeDown="2"', 'ss:MergeDown="dua"'), "ss:MergeDown='dua'"),
    (HEAD + "<Cell><Data>1</Data></Cell></Workbook>", "tanpa Worksheet"),
    (HEAD.replace('encoding="', "") .replace('version="1.0"', 'version="1.0" encoding="x-klingon"')
     + "</Workbook>", "rusak"),
])
def test_damaged_files_are_refused_with_a_reason(tmp_path: Path, text: str, says: str):
    assert says in _reason(_write(tmp_path, text))


def test_limits_rows_columns_and_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    many = HEAD + '<Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="String">a</Data></Cell></Row>' \
        '<Row ss:Index="5001"><Cell><Data ss:Type="Number">1</Data></Cell></Row></Table></Worksheet></Workbook>'
    monkeypatch.setattr(base, "MAX_ROWS", 5000)
    assert "lebih dari 5.000 baris" in _reason(_write(tmp_path, many))
    wide = HEAD + '<Worksheet><Table><Row><Cell><Data ss:Type="String">a</Data></Cell>' \
        + '<Cell ss:Index="5"><Data ss:Type="Number">5</Data></Cell>' \
        + "".join(f'<Cell ss:Index="{i}"><Data ss:Type="Number">{i}</Data></Cell>' for i in range(10, 100000, 7)) \
        + "</Row></Table></Worksheet></Workbook>"
    monkeypatch.setattr(base, "MAX_COLUMNS", 4)
    [table] = read_tables(_write(tmp_path, wide))
    assert table.rows == [["a", None, None, None]]  # as the XLSX reader cuts a row
    assert [f.code for f in table.findings] == ["columns-dropped"]
    monkeypatch.setattr(base, "MAX_TEXT_CHARS", 3)
    assert _reason(_write(tmp_path, CELLS)).startswith("berkas berisi lebih dari 0 juta karakter")


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_a_php_export_is_read_as_its_manifest(case: dict):
    assert_read_as_its_manifest(DATA / case["file"], case, {}, {})


def test_the_kegiatan_export_keeps_its_progress_as_shown_and_its_merged_fund():
    case = next(c for c in CASES if c["record_type"] == "kegiatan")
    [part] = check_parts(DATA / case["file"])
    rows = part.rows
    assert [float(r["progres_persen"]) for r in rows] == case["progres_persen"]  # not 0.75
    assert [r["sumber_dana"] for r in rows] == ["DDS"] * 4 + ["ADD"] * 2
    assert rows[1]["tanggal_mulai"] == "2025-01-06"


def test_the_apbdes_export_hides_its_id_column():
    case = next(c for c in CASES if c["record_type"] == "apbdes")
    [part] = check_parts(DATA / case["file"])
    assert "hidden-column" in {f.code for f in part.findings}
    assert {r["tahap"] for r in part.rows} == {"realisasi_tahunan"}
