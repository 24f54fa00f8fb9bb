"""Blind trial s32 (trial 5), area layout: how a sheet is laid out, not what it says.

A kop surat's few "Label: value" lines (Alamat, Kode Desa, Dicetak dari) above a heading row and
its list make no form: the list is read, the kop gives village and year. A plan period in a title
("RPJMDes 2022-2027") claims no year: the table's year column decides. A LibreOffice .ods is read
like the same cells in .xlsx, its spanned heading cells as merges.

Fixtures: tests/data/blind/layout/ (SOURCES.md)."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from desa_terbuka.collect.base import ReadError
from desa_terbuka.collect.read import read_tables
from desa_terbuka.normalise.context import _years, without_periods
from desa_terbuka.core.text import Text
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "layout"


def _errors(checked) -> list[str]:
    return [f.code for f in checked.findings if f.level == "error"]


def _total(checked) -> Decimal:
    return sum(Decimal(r["anggaran"]) for r in checked.rows)


def test_kop_label_lines_above_a_list_are_titles_not_a_form() -> None:
    checked = check_file(DATA / "data_kegiatan_tumbang_payang_2025.xlsx")
    assert checked.valid and _errors(checked) == []
    assert checked.record_type == "kegiatan" and checked.villages == ["62.02.15.2008"]
    assert checked.years == [2025] and len(checked.rows) == 6
    assert _total(checked) == 350_850_000
    assert [r["kode_kegiatan"] for r in checked.rows][:2] == ["1.3.02", "2.3.12"]
    assert not any(f.code in ("form-label-unused", "form-table-totals") for f in checked.findings)


def test_a_real_form_above_its_rincian_stays_one_record() -> None:
    """The Siskeudes RAB print (Bidang, Kegiatan, Lokasi … above its rincian) is still a form."""
    checked = check_file(Path(__file__).parents[1] / "data" / "blind" / "kegiatan2" / "RAB_Kegiatan_Desa_Batuah_2025.xlsx")
    assert checked.valid and checked.record_type == "kegiatan" and len(checked.rows) == 2


def test_a_plan_period_in_the_title_is_no_year_conflict() -> None:
    checked = check_file(DATA / "RPJMDes_2022-2027_thn4_TumbangKalang.xlsx")
    assert checked.valid and _errors(checked) == []
    assert checked.record_type == "kegiatan" and checked.villages == ["62.02.10.2001"]
    assert checked.years == [2025] and len(checked.rows) == 7
    assert _total(checked) == 474_800_000


@pytest.mark.parametrize("title", ["RPJM DESA 2022-2027", "RPJMDES 2022 S.D. 2027", "RPJM DESA 2022 s/d 2027",
                                   "PERIODE 2022 – 2027", "RPJMDES 2022/2027"])
def test_period_forms_claim_no_year(title: str) -> None:
    assert _years(title.upper(), Text("x", "x"), 1) == []
    assert [e.value for e in _years(f"{title.upper()} TAHUN 2025", Text("x", "x"), 1)] == ["2025"]


def test_a_backward_range_is_not_a_period() -> None:
    assert without_periods("2027-2022") == "2027-2022"


def test_ods_reads_as_its_xlsx_twin() -> None:
    checked = check_file(DATA / "RKPDes 2025 Bapeang (final).ods")
    assert checked.valid and _errors(checked) == []
    assert checked.record_type == "kegiatan" and checked.villages == ["62.02.06.2006"]
    assert checked.years == [2025] and len(checked.rows) == 8
    assert _total(checked) == 531_710_000
    assert checked.rows[0]["kode_kegiatan"] == "1.1.04"  # Siskeudes' '01.01.04.' read canonical


def test_ods_cells_spans_and_repeats() -> None:
    (table,) = read_tables(DATA / "RKPDes 2025 Bapeang (final).ods")
    assert table.rows[0][0] == "RENCANA KERJA PEMERINTAH DESA (RKP DESA)" and table.rows[0][1:] == []
    heading, below = table.rows[4], table.rows[5]
    assert heading[7] == "Biaya dan Sumber Pembiayaan" and heading[8] is None  # a covered cell
    assert below[7:9] == ["Jumlah (Rp)", "Sumber"]
    assert table.rows[7][0] == 1 and isinstance(table.rows[7][7], int)


def _ods(tmp_path: Path, body: str, name: str = "t.ods") -> Path:
    path = tmp_path / name
    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               f'<table:table table:name="S">{body}</table:table></office:spreadsheet></office:body>'
               '</office:document-content>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    return path


def test_ods_repeated_empty_rows_and_row_spans(tmp_path: Path) -> None:
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    body = ('<table:table-row>' + '<table:table-cell office:value-type="string" table:number-rows-spanned="2">'
            '<text:p>Bidang<text:s text:c="2"/>1</text:p></table:table-cell>' + cell.format("a") + '</table:table-row>'
            '<table:table-row><table:covered-table-cell/>' + cell.format("b") + '</table:table-row>'
            '<table:table-row><table:table-cell office:value-type="date" office:date-value="2025-06-03"/>'
            '<table:table-cell office:value-type="float" office:value="0.75"/></table:table-row>'
            '<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
            'table:number-columns-repeated="1024"/></table:table-row>')
    path = _ods(tmp_path, body, "named.xlsx")  # the content decides, not the name
    (table,) = read_tables(path)
    assert table.rows[0][:2] == ["Bidang  1", "a"]  # text:s c=2 is two spaces
    assert table.rows[1] == ["Bidang  1", "b"]  # the row span fills down its first column
    assert table.rows[2][0].isoformat() == "2025-06-03T00:00:00" and table.rows[2][1] == 0.75
    assert len(table.rows) == 3  # the sheet's unused rest is not materialised


def test_a_damaged_ods_is_said(tmp_path: Path) -> None:
    path = tmp_path / "rusak.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content")
    with pytest.raises(ReadError) as raised:
        read_tables(path)
    assert "ODS rusak" in str(raised.value.reason) and "LibreOffice" in str(raised.value.reason)
