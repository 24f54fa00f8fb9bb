"""Read XLSX workbooks into raw tables, as operators make them.

- every sheet is read (the caller picks the one holding data);
- cells keep Excel's cached value (the result a formula showed when the file was last saved);
  a formula cell *without* a stored result (files written by scripts, never opened in Excel) is
  recorded in ``RawTable.formulas`` so the operator hears about it instead of seeing a blank;
- a merged block spanning several rows gives its value to every row of its first column
  (a "Sumber Dana" or kode written once for three lines); merges across columns (titles,
  grouped headings) keep the value in their first cell only, so no column is duplicated;
- hidden columns (``<col hidden="1">``) are recorded in ``RawTable.hidden_columns``: the operator
  never sees them, so what is said of them differs;
- damaged, encrypted, oversized and zip-bomb workbooks raise ``ReadError`` with a remedy.

Merges and formulas are taken from the sheet XML directly, so the values themselves can be read
with openpyxl's fast read-only mode.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any, Iterable, Sequence
from xml.etree import ElementTree

from desa_terbuka.collect import base
from desa_terbuka.collect.base import RawTable, ReadError, too_many_rows

MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
_CELL = re.compile(r"([A-Z]{1,3})(\d+)")


def refuse_unpacked_size(archive: zipfile.ZipFile, kind: str) -> None:
    """A zipped workbook (XLSX, ODS) whose unpacked parts pass ``MAX_UNZIPPED_BYTES`` is refused
    before it is read: a zip bomb, or a district's data in one file."""
    if sum(i.file_size for i in archive.infolist()) > MAX_UNZIPPED_BYTES:
        raise ReadError(
            f"isi {kind} terlalu besar setelah dibuka (batas {MAX_UNZIPPED_BYTES >> 20} MB); "
            "kirim satu desa dan satu tahun per berkas",
            f"the workbook is too large once unpacked (limit {MAX_UNZIPPED_BYTES >> 20} MB); "
            "send one village and one year per file")

def _broken() -> ReadError:
    return ReadError(
        "bukan berkas XLSX yang utuh (mungkin terkunci kata sandi, rusak, atau berformat .xls lama); "
        "buka di Excel lalu simpan sebagai .xlsx",
        "not a complete XLSX file (perhaps password-protected, damaged or an old .xls); open it in "
        "Excel and save it as .xlsx")


def _damaged(exc: Exception) -> ReadError:
    """A workbook that breaks while it is read (its parts disagree with the archive's size or CRC
    records, or its XML is cut off): damaged, or made to mislead."""
    return ReadError(f"XLSX rusak: isinya tidak sesuai dengan keterangan di arsipnya atau terpotong "
                     f"({type(exc).__name__}); buka di Excel lalu simpan ulang sebagai .xlsx",
                     f"damaged XLSX: its content does not match the archive's records or is cut "
                     f"off ({type(exc).__name__}); open it in Excel and save it again as .xlsx")


def read_workbook(path: Path) -> list[RawTable]:
    if not zipfile.is_zipfile(path):
        raise _broken()
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                raise ReadError(
                    "berkas ZIP ini bukan buku kerja Excel (mungkin dokumen Word atau arsip ZIP); "
                    "kirim tabelnya sebagai .xlsx atau .csv",
                    "this ZIP file is not an Excel workbook (perhaps a Word document or a ZIP "
                    "archive); send the table as .xlsx or .csv")
            refuse_unpacked_size(archive, "XLSX")
            extras = _sheet_extras(archive)
    except ReadError:
        raise
    except Exception as exc:  # zipfile/expat raise many types for damaged archives
        raise _damaged(exc) from exc
    return _read_values(path, extras)


def _read_values(path: Path, extras: dict[str, tuple[list, dict]]) -> list[RawTable]:
    import openpyxl  # imported here: only workbooks need it

    with open(path, "rb") as handle:  # a handle: openpyxl refuses names not ending in .xlsx
        return _read_sheets(openpyxl, handle, path, extras)


def _read_sheets(openpyxl, handle, path: Path, extras) -> list[RawTable]:
    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged workbooks
        raise ReadError(f"XLSX tidak dapat dibuka ({type(exc).__name__})",
                        f"the XLSX cannot be opened ({type(exc).__name__})") from exc
    tables = []
    try:
        for sheet in workbook.worksheets:
            # Read-only mode trusts the stored <dimension>, which some exporters write as A1:A1
            # (every row would then be cut to one column): read the cells actually present.
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            merges, formulas, hidden = extras.get(sheet.title, ([], {}, set()))
            table = sheet_table(str(path), sheet.title, sheet.iter_rows(values_only=True),
                                merges, formulas)
            table.hidden_columns = hidden
            tables.append(table)
    except ReadError:
        raise
    except Exception as exc:
        raise _damaged(exc) from exc
    finally:
        workbook.close()
    return tables


def sheet_table(file: str, title: str, cell_rows: Iterable[Sequence[Any]],
                merges: list[tuple[int, int, int, int]],
                formulas: dict[tuple[int, int], str] | None = None) -> RawTable:
    """One sheet's rows of cell values as a ``RawTable``, within the readers' limits (rows, total
    text, columns: data past ``MAX_COLUMNS`` is reported); merged blocks are filled as the module
    docstring says. Shared by every workbook reader (XLSX and the old .xls), so both read alike.
    ``merges`` are (first row, first column, last row, last column), all 1-based."""
    rows: list[list[Any]] = []
    dropped: list[int] = []
    text_left = base.MAX_TEXT_CHARS
    for values in cell_rows:
        if len(rows) >= base.MAX_ROWS:
            raise ReadError(*too_many_rows())
        if len(values) > base.MAX_COLUMNS and any(
                v is not None and str(v).strip() for v in values[base.MAX_COLUMNS:]):
            dropped.append(len(rows) + 1)
        row = list(values[:base.MAX_COLUMNS])
        text_left -= sum(len(v) for v in row if isinstance(v, str))
        if text_left < 0:
            raise ReadError(*base.too_much_text())
        rows.append(row)
    table = RawTable(file, title, rows, list(range(1, len(rows) + 1)), formulas=formulas or {})
    if dropped:
        table.findings.append(base.columns_dropped(file, title, dropped))
    _fill_merges(table, merges)
    return table


def _fill_merges(table: RawTable, merges: list[tuple[int, int, int, int]]) -> None:
    """Give a merged block's value to every row of its first column (see module docstring)."""
    filled = 0
    for first_row, first_col, last_row, _last_col in merges:
        if last_row == first_row or first_row > len(table.rows):
            continue
        top = table.rows[first_row - 1]
        value = top[first_col - 1] if first_col - 1 < len(top) else None
        if value is None:
            continue
        for number in range(first_row + 1, min(last_row, len(table.rows)) + 1):
            row = table.rows[number - 1]
            while len(row) < first_col:
                row.append(None)
            if row[first_col - 1] is None:
                row[first_col - 1] = value
                filled += 1
    if filled:
        table.notes.append(f"{filled} sel gabungan (merged) diisi dari sel atasnya")


def _sheet_extras(archive: zipfile.ZipFile) -> dict[str, tuple[list, dict, set]]:
    """Sheet title -> (merged ranges, formula cells without a stored result, hidden columns)."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels_name = "xl/_rels/workbook.xml.rels"
    targets = {}
    if rels_name in archive.namelist():
        for rel in ElementTree.fromstring(archive.read(rels_name)).findall("rel:Relationship", _NS):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            targets[rel.get("Id")] = target
    extras = {}
    for sheet in workbook.iterfind("m:sheets/m:sheet", _NS):
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"))
        if target and target in archive.namelist():
            extras[sheet.get("name")] = _scan_sheet(archive, target)
    return extras


def _scan_sheet(archive: zipfile.ZipFile, name: str) -> tuple[list, dict, set]:
    merges: list[tuple[int, int, int, int]] = []
    formulas: dict[tuple[int, int], str] = {}
    hidden: set[int] = set()  # 0-based column indexes
    main = "{%s}" % _NS["m"]
    with archive.open(name) as stream:
        for _event, element in ElementTree.iterparse(stream):
            tag = element.tag
            if tag == main + "c":
                formula = element.find(main + "f")
                value = element.find(main + "v")
                if formula is not None and (value is None or not (value.text or "").strip()):
                    position = _position(element.get("r", ""))
                    if position:
                        formulas[position] = "=" + (formula.text or "…")
                element.clear()
            elif tag == main + "row":
                element.clear()
            elif tag == main + "col" and element.get("hidden") in ("1", "true"):
                first, last = int(element.get("min", "0")), int(element.get("max", "0"))
                if 1 <= first <= last:
                    hidden.update(range(first - 1, min(last, base.MAX_COLUMNS)))
            elif tag == main + "mergeCell":
                first, _, last = element.get("ref", "").partition(":")
                start, end = _position(first), _position(last or first)
                if start and end:
                    merges.append((start[0], start[1] + 1, end[0], end[1] + 1))
    return merges, formulas, hidden


def _position(ref: str) -> tuple[int, int] | None:
    """'C12' -> (12, 2): source row number and 0-based column index."""
    match = _CELL.fullmatch(ref)
    if not match:
        return None
    col = 0
    for char in match[1]:
        col = col * 26 + ord(char) - 64
    return int(match[2]), col - 1
