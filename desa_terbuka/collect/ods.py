"""Read OpenDocument spreadsheets (.ods, LibreOffice Calc's own format) into raw tables, as the
XLSX reader does.

Village PCs with LibreOffice save .ods by default, so refusing it would bounce correct files on
form. The content.xml is read with the standard library (streamed, no extra package), and the
rows go through ``workbook.sheet_table`` like XLSX and .xls, so all three read alike: numbers as
``int`` when whole, dates as ``datetime``, a formula's stored result (a formula saved without
one is recorded, as in XLSX), empty cells as ``None``. A cell spanning rows or columns is a
merged block (its covered cells are empty), filled as the XLSX reader fills merges. Repeated
empty rows and columns (LibreOffice writes the sheet's unused rest as one repeated row) are not
materialised.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Iterator
from xml.etree import ElementTree

from desa_terbuka.collect import base
from desa_terbuka.collect.base import RawTable, ReadError
from desa_terbuka.collect.workbook import refuse_unpacked_size, sheet_table

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_X = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def is_ods(path: Path) -> bool:
    """The file is an OpenDocument spreadsheet, whatever its name says."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "mimetype" in archive.namelist() and archive.read("mimetype").strip() == MIMETYPE
    except Exception:  # not a ZIP, or a damaged one: not read as ODS here
        return False


def _unreadable(exc: Exception) -> ReadError:
    return ReadError(f"berkas ODS rusak atau tidak dapat dibaca ({type(exc).__name__}); buka di "
                     "LibreOffice lalu simpan ulang sebagai .ods atau .xlsx",
                     f"the ODS file is damaged or cannot be read ({type(exc).__name__}); open it "
                     "in LibreOffice and save it again as .ods or .xlsx")


def read_ods(path: Path) -> list[RawTable]:
    """Every sheet of an ODS workbook; ``ReadError`` for a locked, oversized or damaged one."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
                raise ReadError("berkas ODS terkunci kata sandi; buka di LibreOffice, hapus kata "
                                "sandinya, lalu simpan ulang",
                                "the ODS file is password-protected; open it in LibreOffice, remove "
                                "the password and save it again")
            if "content.xml" not in names:
                raise _unreadable(KeyError("content.xml"))
            refuse_unpacked_size(archive, "ODS")
            with archive.open("content.xml") as stream:
                return [sheet_table(str(path), name, rows, merges, formulas)
                        for name, rows, merges, formulas in _sheets(stream)]
    except ReadError:
        raise
    except Exception as exc:  # zipfile/expat raise many types for damaged archives
        raise _unreadable(exc) from exc


def _sheets(stream) -> Iterator[tuple[str, list, list, dict]]:
    """(name, rows of values, merges, formulas without a result) per sheet."""
    rows: list[list[Any]] = []
    merges: list[tuple[int, int, int, int]] = []
    formulas: dict[tuple[int, int], str] = {}
    pending_empty = 0  # empty rows kept back until a filled row follows
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == _T + "table":
                rows, merges, formulas, pending_empty = [], [], {}, 0
            continue
        if tag == _T + "table-row":
            repeat = min(int(element.get(_T + "number-rows-repeated", "1")), base.MAX_ROWS + 1)
            row = _row(element, len(rows) + pending_empty + 1, merges, formulas)
            if not row:
                pending_empty += repeat
            else:
                rows.extend([] for _ in range(pending_empty))
                pending_empty = 0
                rows.extend(list(row) for _ in range(repeat))
                if len(rows) > base.MAX_ROWS:
                    raise ReadError(*base.too_many_rows())
            element.clear()
        elif tag == _T + "table":
            yield element.get(_T + "name") or f"Sheet{len(rows)}", rows, merges, formulas
            element.clear()


def _row(element, number: int, merges: list, formulas: dict) -> list[Any]:
    """One row's values, trailing empties cut; its spans added to ``merges`` (1-based)."""
    row: list[Any] = []
    for cell in element:
        if cell.tag not in (_T + "table-cell", _T + "covered-table-cell"):
            continue
        repeat = min(int(cell.get(_T + "number-columns-repeated", "1")), base.MAX_COLUMNS + 1)
        value = _value(cell) if cell.tag == _T + "table-cell" else None
        rows_spanned = int(cell.get(_T + "number-rows-spanned", "1"))
        cols_spanned = int(cell.get(_T + "number-columns-spanned", "1"))
        if value is not None and (rows_spanned > 1 or cols_spanned > 1):
            col = len(row) + 1
            merges.append((number, col, number + rows_spanned - 1, col + cols_spanned - 1))
        if value is None and cell.get(_T + "formula"):
            formulas[(number, len(row))] = cell.get(_T + "formula").split(":", 1)[-1]
        if value is None and len(row) + repeat > base.MAX_COLUMNS:
            repeat = max(0, base.MAX_COLUMNS + 1 - len(row))  # the unused rest of a row
        row.extend([value] * repeat)
        if len(row) > base.MAX_COLUMNS + 1:
            break
    while row and row[-1] is None:
        row.pop()
    return row


def _value(cell) -> Any:
    """A cell as the XLSX reader (openpyxl) gives it."""
    kind = cell.get(_O + "value-type")
    if kind in ("float", "percentage", "currency"):
        number = float(cell.get(_O + "value", "0"))
        return int(number) if number.is_integer() else number
    if kind == "date":
        text = cell.get(_O + "date-value", "")
        moment = datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)
        return moment if isinstance(moment, datetime) else datetime(moment.year, moment.month, moment.day)
    if kind == "time":
        return _time(cell.get(_O + "time-value", ""))
    if kind == "boolean":
        return cell.get(_O + "boolean-value") == "true"
    text = "\n".join(_text(p) for p in cell.iter(_X + "p"))
    return text if text.strip() else None


def _text(paragraph) -> str:
    """A paragraph's text: spans, tabs, line breaks and runs of spaces (text:s) as written."""
    parts = [paragraph.text or ""]
    for child in paragraph:
        if child.tag == _X + "s":
            parts.append(" " * int(child.get(_X + "c", "1")))
        elif child.tag == _X + "tab":
            parts.append("\t")
        elif child.tag == _X + "line-break":
            parts.append("\n")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _time(text: str) -> time | str:
    """'PT10H14M00S' -> 10:14:00 (a duration past a day stays its text)."""
    try:
        hours, rest = text.removeprefix("PT").split("H")
        minutes, rest = rest.split("M")
        seconds = float(rest.rstrip("S") or 0)
        return time(int(hours), int(minutes), int(seconds))
    except ValueError:
        return text
