"""Read old Excel 97-2003 workbooks (.xls, BIFF8) into raw tables, as the XLSX reader does.

Siskeudes' report viewer and many older village PCs still save .xls, so refusing it would bounce
correct files on form. Cells become the values the XLSX reader gives (``workbook.sheet_table``
builds the tables for both): whole numbers as ``int`` (xlrd stores every number as a float),
dates as ``datetime`` in the workbook's own date system, empty cells as ``None``, Excel errors
as their text ('#N/A'). A .xls always stores a formula's last result, so there are no formula
cells without a value. Every sheet is read, hidden ones too, as in XLSX.

Both an .xls and a password-protected XLSX are OLE files; xlrd cannot read the second, which
keeps its own remedy ("remove the password").
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Iterator

from desa_terbuka.collect.base import RawTable, ReadError
from desa_terbuka.collect.workbook import sheet_table


def locked() -> ReadError:
    return ReadError("berkas Excel terkunci kata sandi; buka di Excel, hapus kata sandinya, lalu "
                     "simpan sebagai .xlsx",
                     "the Excel workbook is password-protected; open it in Excel, remove the "
                     "password and save it as .xlsx")


def read_xls(path: Path) -> list[RawTable]:
    """Every sheet of an OLE workbook; ``ReadError`` for a locked, non-Excel or damaged one."""
    import xlrd  # imported here: only .xls files need it (the CSV path stays light)

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, logfile=io.StringIO())
    except Exception as exc:  # xlrd raises XLRDError, struct/index errors for damaged files
        raise _unreadable(path, exc) from exc
    try:
        return [_sheet(xlrd, book, sheet, str(path)) for sheet in book.sheets()]
    finally:
        book.release_resources()


def _sheet(xlrd, book, sheet, file: str) -> RawTable:
    # xlrd: (first row, row past the last, first column, column past the last), 0-based
    merges = [(rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in sheet.merged_cells]
    return sheet_table(file, sheet.name, _rows(xlrd, book, sheet), merges)


def _rows(xlrd, book, sheet) -> Iterator[list[Any]]:
    for index in range(sheet.nrows):
        row = [_value(xlrd, book.datemode, cell) for cell in sheet.row(index)]
        while row and row[-1] is None:
            row.pop()
        yield row


def _value(xlrd, datemode: int, cell) -> Any:
    """A cell as the XLSX reader (openpyxl) gives it."""
    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_NUMBER:
        return int(value) if float(value).is_integer() else value
    if kind == xlrd.XL_CELL_DATE:
        try:
            moment = xlrd.xldate_as_datetime(value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return int(value) if float(value).is_integer() else value
        return moment.time() if 0 <= value < 1 else moment
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERROR")
    return value


def _streams(path: Path) -> set[str]:
    """Names of the streams in an OLE file (empty when its directory cannot be read)."""
    try:
        from xlrd import compdoc

        with open(path, "rb") as handle:
            doc = compdoc.CompDoc(handle.read(), logfile=io.StringIO())
        return {entry.name for entry in doc.dirlist}
    except Exception:  # a damaged directory: the caller says "damaged"
        return set()


def _unreadable(path: Path, exc: Exception) -> ReadError:
    """Why xlrd could not read an OLE file, with the remedy for that case."""
    streams = _streams(path)
    # Excel saves a password-protected .xlsx as an OLE file: under that name it is one, even
    # when its directory cannot be read
    if "EncryptedPackage" in streams or "encrypted" in str(exc).lower() or \
            path.suffix.lower() in (".xlsx", ".xlsm"):
        return locked()
    if "WordDocument" in streams:
        return ReadError("berkas ini dokumen Word lama (.doc), bukan buku kerja Excel; buka di Word "
                         "lalu simpan sebagai .docx, atau kirim tabelnya sebagai .xlsx atau .csv",
                         "this file is an old Word document (.doc), not an Excel workbook; open it "
                         "in Word and save it as .docx, or send the table as .xlsx or .csv")
    return ReadError(f"berkas Excel lama (.xls) rusak atau tidak dapat dibaca "
                     f"({type(exc).__name__}); buka di Excel lalu simpan ulang sebagai .xlsx",
                     f"the old Excel file (.xls) is damaged or cannot be read "
                     f"({type(exc).__name__}); open it in Excel and save it again as .xlsx")

