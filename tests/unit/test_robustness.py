"""No input crashes the pipeline: property-based tests on the readers and parsers."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desa_terbuka.collect import base as collect_limits
from desa_terbuka.collect.base import ReadError
from desa_terbuka.collect.read import read_tables
from desa_terbuka.normalise.formats import FormatError, parse_date, read_number
from desa_terbuka.validate.check import check_file

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _workbook_bytes() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.append(["Kode Desa", "Tahun Anggaran", "Anggaran"])
    wb.active.append(["62.02.16.2003", 2024, "=1+1"])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


WORKBOOK = _workbook_bytes()


def _write(data: bytes, suffix: str) -> Path:
    handle = tempfile.NamedTemporaryFile(suffix=suffix, delete=False)
    handle.write(data)
    handle.close()
    return Path(handle.name)


@FAST
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_arbitrary_bytes_raise_only_read_error(data: bytes, suffix: str) -> None:
    path = _write(data, suffix)
    try:
        read_tables(path)
    except ReadError as problem:
        assert str(problem.reason) and problem.reason.en
    finally:
        path.unlink()


@FAST
@given(cut=st.integers(min_value=0, max_value=len(WORKBOOK)), flips=st.lists(
    st.tuples(st.integers(min_value=0, max_value=len(WORKBOOK) - 1), st.integers(0, 255)), max_size=8))
def test_damaged_workbooks_raise_only_read_error(cut: int, flips) -> None:
    data = bytearray(WORKBOOK[:cut] if cut else WORKBOOK)
    for position, value in flips:
        if position < len(data):
            data[position] = value
    path = _write(bytes(data), ".xlsx")
    try:
        read_tables(path)
    except ReadError:
        pass
    finally:
        path.unlink()


@FAST
@given(text=st.text(max_size=400), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_check_file_never_raises(text: str, suffix: str) -> None:
    path = _write(text.encode("utf-8", "surrogatepass") if suffix == ".csv" else text.encode(
        "utf-8", "replace"), suffix)
    try:
        checked = check_file(path)
        assert checked.valid or checked.findings
        for finding in checked.findings:
            assert finding.message("id") and finding.message("en")
    finally:
        path.unlink()


@FAST
@given(rows=st.lists(st.lists(st.one_of(st.text(max_size=20), st.sampled_from(
    ["62.02.16.2003", "2024", "4.2.1.01", "JUMLAH", "Rp 1.000", "(5)", "-", "DESA MERAH",
     "TAHUN ANGGARAN 2023", "0.0.00", "DDS", "5", "2.2.01 Jalan"])), max_size=8), max_size=12))
def test_check_file_on_arbitrary_tables(rows) -> None:
    lines = [";".join(["Kode Rekening", "Uraian", "Sumber Dana", "Anggaran", "Kode Kegiatan"])]
    lines += [";".join(c.replace(";", ",").replace("\n", " ").replace('"', "") for c in row)
              for row in rows]
    path = _write("\n".join(lines).encode("utf-8", "replace"), ".csv")
    try:
        checked = check_file(path)
        assert all(f.message("en") for f in checked.findings)
    finally:
        path.unlink()


@FAST
@given(value=st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.none(), st.booleans()))
def test_formats_raise_only_format_error(value) -> None:
    for parse in (read_number, parse_date):
        try:
            parse(value)
        except FormatError:
            pass


def test_huge_file_is_refused(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "besar.csv"
    path.write_bytes(b"a;b\n" * 1000)
    monkeypatch.setattr(collect_limits, "MAX_FILE_BYTES", 100)
    with pytest.raises(ReadError) as raised:
        read_tables(path)
    assert "terlalu besar" in raised.value.reason and "too large" in raised.value.reason.en


def test_too_many_rows_is_refused(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "panjang.csv"
    path.write_bytes(b"a;b\n" * 50)
    monkeypatch.setattr(collect_limits, "MAX_ROWS", 10)
    with pytest.raises(ReadError) as raised:
        read_tables(path)
    assert "lebih dari" in raised.value.reason


def test_zip_bomb_is_refused(tmp_path: Path, monkeypatch) -> None:
    from desa_terbuka.collect import workbook as workbook
    path = tmp_path / "bom.xlsx"
    path.write_bytes(WORKBOOK)
    monkeypatch.setattr(workbook, "MAX_UNZIPPED_BYTES", 1000)
    with pytest.raises(ReadError) as raised:
        read_tables(path)
    assert "terlalu besar" in raised.value.reason


def test_workbook_saved_as_csv_is_read_as_workbook(tmp_path: Path) -> None:
    path = tmp_path / "apbdes.csv"
    path.write_bytes(WORKBOOK)
    [table] = read_tables(path)
    assert table.rows[0][0] == "Kode Desa"
    assert table.formulas == {(2, 2): "=1+1"}


def test_vertical_merges_fill_down_horizontal_do_not(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Judul panjang", None, None])
    ws.append(["DDS", "a", 1])
    ws.append([None, "b", 2])
    ws.merge_cells("A1:C1")
    ws.merge_cells("A2:A3")
    path = tmp_path / "m.xlsx"
    wb.save(path)
    [table] = read_tables(path)
    assert [c for c in table.rows[0] if c is not None] == ["Judul panjang"]
    assert table.rows[2][0] == "DDS"


def test_zip_entries_that_are_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<not-closed")
    with pytest.raises(ReadError):
        read_tables(path)
