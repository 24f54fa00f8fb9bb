"""Read an HTML page of tables (OpenSID's and many PHP apps' "Unduh" / "Export Excel") as the
sheet Excel shows when it opens it.

Those buttons send an HTML page holding ``<table>``s as application/vnd.ms-excel under an .xls
name; Excel opens it as one sheet, so refusing it would bounce a correct file for its form. The
page is read with the standard library's ``html.parser``, streamed, into one ``RawTable`` named
as Excel names the sheet (the file name), built by ``workbook.sheet_table`` like every sheet:

- **Row numbers** are the rows Excel shows: each line of text outside the tables (a heading, a
  paragraph, a ``<div>``, each line ended by ``<br>``) is one row, each ``<tr>`` is one row (an
  empty one too), an empty ``<br>`` line is an empty row; ``<head>``, ``<style>``, ``<script>``,
  comments and the white space between tags take none. A ``<caption>`` is a row above its table,
  ``<tfoot>`` rows come after the body, as a browser shows them.
- **Title lines** outside the tables ("LAPORAN REALISASI APBDES ... TAHUN 2024", "DESA X
  KECAMATAN Y") are rows above the table, so the title readers see them as in a workbook.
- **Layout tables**: a table that holds another table, or whose rows hold one filled cell at most
  (a heading box), is layout, not data: its cells' lines are rows like text outside tables, and a
  table inside is read in its place (OpenSID's "Buku Kegiatan Pembangunan" puts its kop and the
  data table in the cells of one outer table).
- **Cells**: the text a browser shows (entities, ``&nbsp;`` as a space, runs of white space as
  one, ``<br>`` and block elements inside a cell as a line break), kept as text like a CSV cell
  (codes keep their leading zeros; Excel's text format ``mso-number-format:"\\@"`` says so too).
  Excel's own ``x:num="1250000"`` gives the number it stores (as ``int`` when whole; under a date
  format the date), as the XLSX reader gives it. ``colspan``/``rowspan`` are merged blocks (capped
  at the table's rows and ``MAX_COLUMNS``), filled as ``sheet_table`` fills merges.
- **Encoding**: a byte-order mark, else UTF-8 when the bytes are UTF-8, else the page's declared
  charset, else Windows-1252 (as ``csv_text``).
- **Several data tables** (a saved website page: the article's table, a sidebar's visitor
  counter, a footer): one ``RawTable`` each (``data_tables``), every one with all the text above
  it and the page's row numbers, so a sidebar's rows never continue the data table's records.
- The readers' limits hold (``MAX_ROWS``, ``MAX_COLUMNS``, ``MAX_TEXT_CHARS``); a page with no
  table at all is a ``ReadError``.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from desa_terbuka.collect import base
from desa_terbuka.collect.base import RawTable, ReadError
from desa_terbuka.collect.csv_text import HEAD_BYTES, detect_encoding
from desa_terbuka.collect.html_cells import Cell, Lines, style_formats
from desa_terbuka.collect.workbook import sheet_table

SPREADSHEET_ML = "urn:schemas-microsoft-com:office:spreadsheet"  # Excel 2003 XML: not HTML
_HTML_MARKS = ("<html", "<table", "<!doctype html", "<body", "<head", "<meta", "<div", "<tr")
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
           "blockquote", "pre", "address", "center", "section", "article", "header", "footer",
           "main", "nav", "form", "fieldset", "figure", "hr", "body", "html"}
_HIDDEN = {"style", "script", "title", "xml", "template", "noscript"}
_SECTIONS = {"thead", "tbody", "tfoot"}
_TABLE_TAGS = {"td", "th", "tr", "caption", *_SECTIONS}
MAX_DEPTH = 20  # tables inside tables deeper than this are read as the text of their cell
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def is_html(head: bytes) -> bool:
    """The bytes begin an HTML page (under any name), not Excel 2003's XML Spreadsheet."""
    text = _decoded_head(head).lstrip().lower()
    return text.startswith("<") and SPREADSHEET_ML not in text and any(m in text for m in _HTML_MARKS)


def _decoded_head(head: bytes) -> str:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, "ignore")
    return head.decode("latin-1")


def read_html(path: Path) -> list[RawTable]:
    """The page as one sheet (see the module docstring); ``ReadError`` when it holds no table."""
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    codec, encoding = _encoding(path, head)
    parser = _Page()
    try:
        with open(path, "rb") as raw:
            if codec == "cp1252-after-bom":
                raw.seek(len(codecs.BOM_UTF8))
                codec = "cp1252"
            with io.TextIOWrapper(raw, encoding=codec, errors="replace") as text:
                while chunk := text.read(1 << 20):
                    parser.feed(chunk.replace("\x00", ""))
        parser.close()
        parser.finish()
    except ReadError:
        raise
    except Exception as exc:  # html.parser is lenient; anything else is a damaged file
        raise ReadError(f"halaman HTML ini tidak dapat dibaca ({type(exc).__name__}); buka di "
                        "Excel lalu simpan sebagai .xlsx",
                        f"this HTML page cannot be read ({type(exc).__name__}); open it in Excel "
                        "and save it as .xlsx") from exc
    if not parser.tables_seen:
        raise ReadError("berkas ini halaman web (HTML) tanpa tabel, jadi tidak ada baris yang dapat "
                        "dibaca; kirim tabelnya sebagai .xlsx atau .csv (mis. tombol 'Unduh' di "
                        "halaman tabelnya)",
                        "this file is a web page (HTML) without a table, so there are no rows to "
                        "read; send the table as .xlsx or .csv (e.g. the 'Unduh' button of its "
                        "table page)")
    table = sheet_table(str(path), path.stem[:31] or "Sheet1", parser.rows, parser.merges)
    table.encoding = encoding
    table.notes.append(f"halaman HTML ({parser.tables_seen} tabel) dibaca sebagai satu lembar")
    return data_tables(table, parser.blocks)


def data_tables(page: RawTable, blocks: list[tuple[int, int]]) -> list[RawTable]:
    """The page's sheet as one table per data table when it holds several (a saved website page:
    the article's table, the sidebar's visitor counter, a signature table): each holds every line
    of text above it (the site's and article's titles, for the village and year readers), its own
    rows and the text under it up to the next data table, under the page's row numbers. So the
    rows of another table never continue the data table's records; ``validate.check`` reads the
    table that is data, joins tables of the same headings and says which it did not read."""
    if len(blocks) <= 1:
        return [page]
    inside = {i for first, end in blocks for i in range(first, end)}
    tables = []
    for n, (first, end) in enumerate(blocks):
        following = blocks[n + 1][0] if n + 1 < len(blocks) else len(page.rows)
        keep = [i for i in range(first) if i not in inside] + list(range(first, following))
        tables.append(replace(page, sheet=f"{page.sheet} (tabel {n + 1})",
                              rows=[list(page.rows[i]) for i in keep],
                              row_numbers=[page.row_numbers[i] for i in keep],
                              notes=list(page.notes), findings=page.findings if n == 0 else [],
                              formulas={}))
    return tables


def _encoding(path: Path, head: bytes) -> tuple[str, str]:
    """``csv_text.detect_encoding``, except that a page not in UTF-8 is read in its declared
    charset (a ``<meta>``) before Windows-1252."""
    codec, encoding = detect_encoding(path, head)
    if codec in ("cp1252", "latin-1") and (declared := _CHARSET.search(head)):
        try:
            name = codecs.lookup(declared[1].decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            return codec, encoding
        if name not in ("utf-8", "utf-16"):
            return name, name
    return codec, encoding


class _Table:
    def __init__(self) -> None:
        self.rows: list[tuple[int, list[Cell]]] = []  # (row group, cells)
        self.group = 0
        self.footer: list[tuple[int, list[Cell]]] = []
        self.in_footer = False
        self.row: list[Cell] | None = None
        self.cell: Cell | None = None
        self.stray = Lines()  # text between cells: a browser shows it above the table

    def close_cell(self) -> None:
        self.cell = None

    def close_row(self) -> None:
        self.cell = None
        self.row = None

    def open_row(self) -> list[Cell]:
        self.close_row()
        self.row = []
        (self.footer if self.in_footer else self.rows).append((self.group, self.row))
        return self.row

    def nested(self) -> bool:
        return any(isinstance(p, _Table) for _, row in self.all_rows() for c in row for p in c.parts)

    def all_rows(self) -> list[tuple[int, list[Cell]]]:
        return self.rows + self.footer


class _Page(HTMLParser):
    """The page's rows (lists of values) and merges, 1-based as ``sheet_table`` takes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[Any]] = []
        self.merges: list[tuple[int, int, int, int]] = []
        self.text = Lines()  # text outside tables
        self.stack: list[_Table] = []
        self.hidden: list[str] = []
        self.style: list[str] = []
        self.formats: dict[str, str] = {}
        self.tables_seen = 0
        self.ignored = 0  # tables opened past MAX_DEPTH
        self.text_left = base.MAX_TEXT_CHARS
        self.row_count = 0
        self.blocks: list[tuple[int, int]] = []  # (first, end) row indexes of each data table

    # --- where text goes
    def _sink(self) -> Lines:
        if not self.stack:
            return self.text
        table = self.stack[-1]
        return table.cell.text() if table.cell is not None else table.stray

    def _break(self, hard: bool) -> None:
        sink = self._sink()
        sink.hard() if hard else sink.soft()

    def _count_row(self) -> None:
        self.row_count += 1
        if self.row_count > base.MAX_ROWS:
            raise ReadError(*base.too_many_rows())

    # --- parser events
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden and tag in ("body", "table") and self.hidden[-1] not in ("style", "script"):
            self.hidden = []  # a <title> or <xml> never closed hides no table
        if self.hidden:
            if tag in _HIDDEN:
                self.hidden.append(tag)
            return
        if tag in _HIDDEN:
            self.hidden.append(tag)
            return
        if tag == "br":
            self._break(hard=True)
        elif tag == "table":
            self._open_table()
        elif self.stack and tag in _TABLE_TAGS:
            self._table_tag(tag, dict(attrs))
        elif tag in _BLOCKS or tag in ("td", "th", "tr"):
            self._break(hard=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr", "td", "th", "tr", "table"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            if tag == self.hidden[-1]:
                if self.hidden.pop() == "style":
                    self._read_style()
            return
        if tag == "table" and self.ignored:
            self.ignored -= 1
        elif tag == "table" and self.stack:
            self._close_table()
        elif self.stack and tag in ("td", "th", "caption"):
            self.stack[-1].close_cell()
        elif self.stack and tag in ("tr", *_SECTIONS):
            self.stack[-1].close_row()
            self.stack[-1].in_footer = self.stack[-1].in_footer and tag != "tfoot"
        elif tag in _BLOCKS:
            self._break(hard=False)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            if self.hidden[-1] == "style":
                self.style.append(data)
            return
        if not data.strip():
            if self.stack and self.stack[-1].cell is None:
                return  # indentation between rows and cells
            data = " "
        else:
            self.text_left -= len(data)
            if self.text_left < 0:
                raise ReadError(*base.too_much_text())
        self._sink().add(data)

    # --- tables
    def _open_table(self) -> None:
        self.tables_seen += 1
        if len(self.stack) >= MAX_DEPTH:
            self.ignored += 1
            return
        table = _Table()
        if self.stack:
            parent = self.stack[-1]
            if parent.cell is None:  # a table between rows: a cell of its own
                parent.open_row()
                parent.cell = Cell({}, {})
                parent.row.append(parent.cell)
            parent.cell.parts.append(table)
        else:
            self._emit_lines(self.text.done(trim=False))
        self.stack.append(table)

    def _close_table(self) -> None:
        table = self.stack.pop()
        if not self.stack:
            self._emit(table)

    def _table_tag(self, tag: str, attrs: dict[str, str | None]) -> None:
        table = self.stack[-1]
        if tag in _SECTIONS:
            table.close_row()
            table.group += 1
            table.in_footer = tag == "tfoot"
        elif tag == "tr":
            table.open_row()
        else:
            if tag == "caption" and not table.in_footer:
                row = table.open_row()
                table.rows.insert(0, table.rows.pop())  # a caption shows above its table
            else:
                row = table.row if table.row is not None else table.open_row()
            if len(row) > base.MAX_COLUMNS:
                table.cell = row[-1]  # past the limit: its text joins the last cell, reported
                return
            table.cell = Cell(attrs, self.formats)
            row.append(table.cell)

    def _read_style(self) -> None:
        self.formats.update(style_formats("".join(self.style)))
        self.style = []

    def finish(self) -> None:
        """After the last byte: the text under the last table, and tables never closed."""
        while self.stack:
            self._close_table()
        self._emit_lines(self.text.done(trim=False))

    # --- rows of the sheet
    def _emit_lines(self, lines: list[str]) -> None:
        for line in lines:
            self._count_row()
            self.rows.append([line] if line else [])

    def _emit(self, table: _Table) -> None:
        self._emit_lines(table.stray.done())
        rows = table.all_rows()
        if table.nested() or all(sum(1 for c in row if c.filled()) <= 1 for _, row in rows):
            for _, row in rows:  # layout: its cells' lines are rows, a table inside in its place
                for cell in row:
                    for part in cell.parts:
                        if isinstance(part, _Table):
                            self._emit(part)
                        else:
                            self._emit_lines(part.done())
            return
        self.blocks.append((len(self.rows), len(self.rows) + len(rows)))
        covered: dict[int, int] = {}  # column -> last row index a rowspan covers it to
        ends = {group: index for index, (group, _) in enumerate(rows)}  # a row group's last row
        for index, (group, row) in enumerate(rows):
            group_end = ends[group]
            self._count_row()
            number, values, col = len(self.rows) + 1, [], 0
            for cell in row:
                while covered.get(col, -1) >= index:
                    col += 1
                down = group_end - index + 1 if cell.rowspan == 0 else min(cell.rowspan, group_end - index + 1)
                across = min(cell.colspan, base.MAX_COLUMNS + 1 - min(col, base.MAX_COLUMNS))
                value = cell.value()
                at = min(col, base.MAX_COLUMNS)
                values.extend([None] * (at + 1 - len(values)))
                if values[at] is None:
                    values[at] = value
                if value is not None and (down > 1 or across > 1) and col < base.MAX_COLUMNS:
                    self.merges.append((number, col + 1, number + down - 1, col + across))
                if down > 1:
                    for c in range(col, min(col + across, base.MAX_COLUMNS + 1)):
                        covered[c] = index + down - 1
                col += across
            while values and values[-1] is None:
                values.pop()
            self.rows.append(values)
