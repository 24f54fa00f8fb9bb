"""Read Excel 2003 XML Spreadsheets (SpreadsheetML) into raw tables, as the XLSX reader does.

PHP exporters (php-excel's ``Excel_XML``, the view templates and export helpers of CodeIgniter
village and regional-finance apps) write this plain XML and name it ``.xls`` (sometimes ``.xml``);
Excel opens it, so refusing it would bounce correct files on form.
The cells go through ``workbook.sheet_table`` like XLSX, .xls and ODS, so all read alike: numbers
as ``int`` when whole, ``DateTime`` as ``datetime`` (a time of day as ``time``), ``Boolean`` as
``bool``, errors as their text ('#DIV/0!'), rich text (``html:Font`` inside ``Data``) as its plain
text, empty cells as ``None``; a number styled as a percentage is its text as shown ('75%'), not
the fraction stored (0.75), so a progress column reads as the operator sees it.

Layout as Excel lays it out: ``ss:Index`` skips cells and rows (row numbers are Excel's),
``ss:MergeAcross``/``ss:MergeDown`` are merged blocks (filled as the XLSX reader fills them),
hidden columns are recorded as XLSX's are (hidden rows are read, as XLSX reads them); empty and
spanned rows are not materialised past the last filled one. A formula is read from its stored
result; one saved without a result is recorded in ``RawTable.formulas``.

Hostile input: the standard library's expat parser, refusing any DOCTYPE before its entities
could be declared ("billion laughs", external entities); rows, columns and text within the
readers' limits; every failure a ``ReadError`` with a remedy. ``ElementTree.iterparse`` is not used
because it offers no way to refuse a DOCTYPE before expat expands what it declares.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.parsers import expat

from desa_terbuka.collect import base
from desa_terbuka.collect.base import RawTable, ReadError
from desa_terbuka.collect.workbook import sheet_table

NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet"
SNIFF_BYTES = 8192  # the root element and its namespaces are within this much of the start
_ROOT = re.compile(r"<(?:[\w.-]+:)?Workbook[\s>/]")
_HTML = re.compile(r"<html[\s>]", re.IGNORECASE)


def is_spreadsheetml(path: Path) -> bool:
    """The file is an Excel 2003 XML Spreadsheet (a ``Workbook`` element in the SpreadsheetML
    namespace at its start), whatever its name says."""
    try:
        with open(path, "rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as some .NET exporters write
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    if not text.lstrip().startswith("<"):
        return False
    root = _ROOT.search(text)
    html = _HTML.search(text)
    return bool(root) and NAMESPACE in text and not (html and html.start() < root.start())


def not_spreadsheetml() -> ReadError:
    """A ``.xml`` that is not an Excel 2003 XML Spreadsheet: no table to read."""
    return ReadError("berkas .xml ini bukan XML Spreadsheet 2003 dari Excel; buka di Excel lalu "
                     "simpan sebagai .xlsx, atau kirim CSV",
                     "this .xml file is not an Excel 2003 XML Spreadsheet; open it in Excel and "
                     "save it as .xlsx, or send a CSV")


def _damaged(detail: str) -> ReadError:
    return ReadError(f"XML Spreadsheet (Excel 2003) rusak atau terpotong ({detail}); buka di Excel "
                     "lalu simpan ulang sebagai .xlsx, atau ekspor ulang dari aplikasinya",
                     f"the XML Spreadsheet (Excel 2003) is damaged or cut off ({detail}); open it "
                     "in Excel and save it again as .xlsx, or export it again from its application")


def _doctype_refused(*_args: Any) -> None:
    raise ReadError("XML Spreadsheet ini memuat DOCTYPE/entitas XML, yang tidak pernah ditulis Excel "
                    "dan dapat dipakai untuk menyerang (mis. 'billion laughs'); berkas tidak dibaca. "
                    "Buka di Excel lalu simpan sebagai .xlsx",
                    "this XML Spreadsheet declares a DOCTYPE/XML entities, which Excel never writes "
                    "and which can be used in attacks (e.g. 'billion laughs'); the file is not "
                    "read. Open it in Excel and save it as .xlsx")


def read_spreadsheetml(path: Path) -> list[RawTable]:
    """Every ``Worksheet`` of the workbook; ``ReadError`` for a damaged or hostile one."""
    reader = _Reader(str(path))
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _doctype_refused
    parser.EntityDeclHandler = _doctype_refused
    parser.ExternalEntityRefHandler = _doctype_refused
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.text
    parser.buffer_text = True
    try:
        with open(path, "rb") as stream:
            stream.seek(_start(stream.read(SNIFF_BYTES)))
            parser.ParseFile(stream)
    except ReadError:
        raise
    except expat.ExpatError as exc:
        raise _damaged(f"{expat.ErrorString(exc.code)}, baris/line {exc.lineno}") from exc
    except Exception as exc:  # an encoding Python lacks, a cell outside a row: never a traceback
        raise _damaged(type(exc).__name__) from exc
    if not reader.tables:
        raise _damaged("tanpa Worksheet / no Worksheet")
    return reader.tables


def _start(head: bytes) -> int:
    """Where the XML starts: past a UTF-8 BOM and the blank lines a PHP script often prints before
    its ``<?xml`` declaration (Excel opens such files; expat refuses them)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return 0
    body = head.removeprefix(b"\xef\xbb\xbf")
    return len(head) - len(body.lstrip())


def _local(name: str) -> str | None:
    """An element's local name when it is SpreadsheetML's (or written without a namespace)."""
    uri, _, local = name.rpartition(" ")
    return local if uri in ("", NAMESPACE) else None


def _attr(attrs: dict[str, str], name: str) -> str | None:
    """``ss:Name`` (or a bare ``Name``, as some hand-written exporters put it)."""
    return attrs.get(f"{NAMESPACE} {name}", attrs.get(name))


def _whole(attrs: dict[str, str], name: str, default: int) -> int:
    text = _attr(attrs, name)
    if text is None:
        return default
    try:
        return int(float(text))
    except ValueError:
        raise _damaged(f"ss:{name}={text[:20]!r}") from None


class _Reader:
    """expat handlers that build one ``RawTable`` per ``Worksheet``."""

    def __init__(self, file: str):
        self.file = file
        self.tables: list[RawTable] = []
        self.percent_styles: set[str] = set()
        self.style: str | None = None  # the Style element being read
        self.parents: dict[str, str] = {}
        self.depth_ignored = 0  # inside Comment (its Data is a note, not the cell's value)
        self.data: list[str] | None = None  # the text of the Data being read
        self._sheet(None)

    def _sheet(self, name: str | None) -> None:
        self.name = name or f"Sheet{len(self.tables) + 1}"
        self.rows: list[list[Any]] = []
        self.merges: list[tuple[int, int, int, int]] = []
        self.down: list[tuple[int, int, int, int]] = []  # merges still covering rows below
        self.formulas: dict[tuple[int, int], str] = {}
        self.hidden: set[int] = set()
        self.next_column = 1  # of the Column elements
        self.row_number = 0  # of the last Row begun (Excel's numbering)
        self.pending = 0  # empty rows kept back until a filled row follows
        self.row: list[Any] = []
        self.row_span = 0
        self.covered: set[int] = set()  # columns of this row inside a merge from a row above
        self.column, self.cell_style, self.formula, self.value = 1, None, None, None
        self.across = self.merge_down = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if self.depth_ignored or local == "Comment":
            self.depth_ignored += 1
        elif self.data is not None or local is None:
            return  # rich text inside Data (html:Font, html:B), or another application's element
        elif local == "Worksheet":
            self._sheet(_attr(attrs, "Name"))
        elif local == "Row":
            self._start_row(attrs)
        elif local == "Cell":
            self._start_cell(attrs)
        elif local == "Data":
            self.kind = _attr(attrs, "Type") or "String"
            self.data = []
        elif local == "Column":
            self._column(attrs)
        elif local == "Style":
            self.style = _attr(attrs, "ID")
            if self.style and _attr(attrs, "Parent"):
                self.parents[self.style] = _attr(attrs, "Parent") or ""
        elif local == "NumberFormat" and self.style:
            shown = _attr(attrs, "Format") or ""
            if shown == "Percent" or "%" in shown.replace("\\%", "").replace('"%"', ""):
                self.percent_styles.add(self.style)

    def end(self, name: str) -> None:
        local = _local(name)
        if self.depth_ignored:
            self.depth_ignored -= 1
        elif local == "Data" and self.data is not None:
            self.value = _value(self.kind, "".join(self.data), self._percent(self.cell_style))
            self.data = None
        elif self.data is not None or local is None:
            return
        elif local == "Cell":
            self._end_cell()
        elif local == "Row":
            self._end_row()
        elif local == "Worksheet":
            self._end_sheet()
        elif local == "Style":
            self.style = None

    def text(self, data: str) -> None:
        if self.data is not None and not self.depth_ignored:
            self.data.append(data)

    def _percent(self, style: str | None) -> bool:
        seen = set()
        while style and style not in seen:
            if style in self.percent_styles:
                return True
            seen.add(style)
            style = self.parents.get(style)
        return False

    def _column(self, attrs: dict[str, str]) -> None:
        first = _whole(attrs, "Index", self.next_column)
        span = max(_whole(attrs, "Span", 0), 0)
        if _attr(attrs, "Hidden") in ("1", "true", "True"):
            self.hidden.update(range(first - 1, min(first + span, base.MAX_COLUMNS)))
        self.next_column = first + span + 1

    def _start_row(self, attrs: dict[str, str]) -> None:
        number = _whole(attrs, "Index", self.row_number + 1)
        if number <= self.row_number:
            raise _damaged(f"ss:Index baris/row {number} <= {self.row_number}")
        self.pending += number - self.row_number - 1  # rows skipped by ss:Index
        self.row_number = number
        self.row = []
        self.row_span = max(_whole(attrs, "Span", 0), 0)  # rows below formatted alike, no cells
        self.down = [m for m in self.down if m[2] >= number]
        self.covered = {c for m in self.down for c in range(m[1], m[3] + 1)}

    def _start_cell(self, attrs: dict[str, str]) -> None:
        column = _whole(attrs, "Index", 0)
        if column and column <= len(self.row):
            raise _damaged(f"ss:Index sel/cell {column}, baris/row {self.row_number}")
        if not column:  # the next cell not covered by a merge from a row above
            column = len(self.row) + 1
            while column in self.covered:
                column += 1
        self.column = column
        self.cell_style = _attr(attrs, "StyleID")
        self.formula = _attr(attrs, "Formula")
        self.across = max(_whole(attrs, "MergeAcross", 0), 0)
        self.merge_down = max(_whole(attrs, "MergeDown", 0), 0)
        self.value = None

    def _end_cell(self) -> None:
        column = self.column
        if column > base.MAX_COLUMNS:  # one value past the limit is kept, to be reported
            if self.value is not None and len(self.row) <= base.MAX_COLUMNS:
                self.row.extend([None] * (base.MAX_COLUMNS - len(self.row)))
                self.row.append(self.value)
            return
        self.row.extend([None] * (column - 1 - len(self.row)))
        self.row.append(self.value)
        if self.value is None and self.formula:
            self.formulas[(self.row_number, column - 1)] = self.formula
        if self.across or self.merge_down:
            last_col = min(column + self.across, base.MAX_COLUMNS)
            merge = (self.row_number, column, self.row_number + self.merge_down, last_col)
            self.merges.append(merge)
            if self.merge_down:
                self.down.append(merge)
        # the cells a merge covers are not written: the next one follows the merge
        self.row.extend([None] * min(self.across, base.MAX_COLUMNS - len(self.row)))

    def _end_row(self) -> None:
        row = self.row
        while row and row[-1] is None:
            row.pop()
        if row:
            if len(self.rows) + self.pending >= base.MAX_ROWS:
                raise ReadError(*base.too_many_rows())
            self.rows.extend([] for _ in range(self.pending))
            self.pending = 0
            self.rows.append(row)
        else:
            self.pending += 1
        self.pending += self.row_span
        self.row_number += self.row_span
        self.row = []

    def _end_sheet(self) -> None:
        table = sheet_table(self.file, self.name, self.rows, self.merges, self.formulas)
        table.hidden_columns = self.hidden
        self.tables.append(table)
        self._sheet(None)


def _value(kind: str, text: str, percent: bool) -> Any:
    """A ``Data`` element's value, as the XLSX reader (openpyxl) gives the same cell."""
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text.strip() or None
        if not math.isfinite(number):
            return text.strip()
        if percent:
            return _percent_text(text)
        return int(number) if number.is_integer() else number
    if kind == "DateTime":
        try:
            moment = datetime.fromisoformat(text.strip().removesuffix("Z"))
        except ValueError:
            return text.strip() or None
        # Excel writes a time of day on its day zero (1899-12-31); openpyxl reads it as a time
        return moment.time() if moment.date() <= datetime(1899, 12, 31).date() else moment
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE", "True")
    # String, Error ('#DIV/0!'), or a type Excel does not write
    return text if text.strip() else None


def _percent_text(text: str) -> str:
    """0.755 -> '75,5%': the percentage as Excel shows it, written the Indonesian way."""
    shown = format((Decimal(text.strip()) * 100).normalize(), "f")
    return shown.replace(".", ",") + "%"
