"""Read Word documents (.docx) into raw tables, as a secretary's document reads when it is pasted
into a spreadsheet.

Village secretaries write berita acara and notulen musyawarah desa, kegiatan lists and even APBDes
tables in Word; refusing .docx would bounce correct files on form. A document becomes ONE table
(sheet ``Dokumen``), in the order it is written, as Word's own "copy, paste into Excel" lays it
out, so the readers of sheets see the same thing:

- the page header's paragraphs (a kop surat: "PEMERINTAH DESA X KECAMATAN Y") come first, as
  title lines; footers are left out (page numbers, "Halaman 1 dari 3", would read as content);
- every paragraph is one row. Its tabs separate cells, so "Hari/Tanggal<TAB>: Selasa, 5 Maret
  2024" is ``Hari/Tanggal | : | Selasa, 5 Maret 2024``, the form line of a sheet; an empty
  paragraph is an empty row (it ends a table, as in a sheet);
- every row of a Word table (w:tbl) is one row, its cells (w:tc) in their grid columns
  (w:gridBefore leaves cells empty, w:gridSpan is a merge across columns, w:vMerge a merge down
  the rows, filled as ``workbook.sheet_table`` fills a sheet's merges); a cell's paragraphs are
  joined by line breaks, a table nested in a cell gives its rows as lines of that cell;
- a text box (a kop surat beside its logo, a title in a shape) gives its paragraphs as rows
  before the paragraph it is anchored in;
- text is what Word shows: runs' w:t, w:tab, w:br, w:sym, inserted text, the result of fields
  (w:fldSimple, fldChar begin/separate/end) without their instruction; deleted text is left out.

A row number is therefore the line of the document counted from the top, a paragraph or a table
row each one line (as in the pasted sheet); the ``docx-read`` finding names the rows each table
(Tabel 1, Tabel 2, ...) holds, so "baris 14" can be found in Word as "Tabel 2, baris 3".
Damaged, oversized (``workbook.refuse_unpacked_size``, the readers' row, column and text limits)
and password-protected documents raise ``ReadError``; old binary .doc files are refused in
``read.py`` with the remedy "save as .docx".
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import Any, Iterator
from xml.etree import ElementTree

from desa_terbuka.collect import base
from desa_terbuka.collect.base import RawTable, ReadError
from desa_terbuka.collect.workbook import refuse_unpacked_size, sheet_table
from desa_terbuka.core.findings import Finding

SHEET = "Dokumen"
DOCUMENT = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CONTAINERS = {_W + n for n in ("hyperlink", "smartTag", "fldSimple", "ins", "moveTo", "customXml",
                                "sdtContent", "dir", "bdo")}
_SKIPPED = {_W + n for n in ("del", "moveFrom", "instrText", "delText", "pPr", "rPr", "sdtPr")}


def is_docx(path: Path) -> bool:
    """The file is a Word document (a ZIP holding word/document.xml), whatever its name says."""
    try:
        with zipfile.ZipFile(path) as archive:
            return DOCUMENT in archive.namelist()
    except Exception:  # not a ZIP, or a damaged one: not read as a Word document here
        return False


def _damaged(exc: Exception) -> ReadError:
    return ReadError(f"dokumen Word (.docx) rusak atau tidak dapat dibaca ({type(exc).__name__}); "
                     "buka di Word lalu simpan ulang sebagai .docx",
                     f"the Word document (.docx) is damaged or cannot be read ({type(exc).__name__}); "
                     "open it in Word and save it again as .docx")


def _not_word(tag: str) -> ReadError:
    """word/document.xml holds no Word document (a strict Open XML save, or a made-up file)."""
    return ReadError(f"berkas ini tidak berisi dokumen Word yang dapat dibaca (isi utamanya <{tag[:60]}>; "
                     "mungkin disimpan sebagai 'Strict Open XML'); buka di Word lalu simpan sebagai "
                     "'Dokumen Word (.docx)'",
                     f"this file holds no readable Word document (its main part is <{tag[:60]}>; "
                     "perhaps saved as 'Strict Open XML'); open it in Word and save it as 'Word "
                     "Document (.docx)'")


def read_docx(path: Path) -> list[RawTable]:
    """The document as one table (see module docstring); ``ReadError`` for a damaged or
    oversized one."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if DOCUMENT not in names:
                raise ReadError("berkas ZIP ini bukan dokumen Word (.docx); kirim dokumennya sebagai "
                                ".docx, atau tabelnya sebagai .xlsx atau .csv",
                                "this ZIP file is not a Word document (.docx); send the document as "
                                ".docx, or the table as .xlsx or .csv")
            refuse_unpacked_size(archive, "DOCX")
            reader = _Reader()
            for header in _headers(archive, names):  # its tables are no "Tabel k" of the body
                reader.blocks_of(list(ElementTree.fromstring(archive.read(header))), counted=False)
            with archive.open(DOCUMENT) as stream:
                reader.body(stream)
    except ReadError:
        raise
    except Exception as exc:  # zipfile/expat raise many types for damaged archives
        raise _damaged(exc) from exc
    table = sheet_table(str(path), SHEET, reader.rows, reader.merges)
    if reader.tables:
        table.findings.append(Finding("docx-read", str(path), SHEET, reader.tables[0][1], params={
            "tables": "; ".join(f"Tabel {k} = baris {a}–{b}" for k, (_, a, b) in enumerate(reader.tables, 1)),
            "count": len(reader.tables)}))
    return [table]


def _headers(archive: zipfile.ZipFile, names: set[str]) -> list[str]:
    """The page headers the document's sections use (first page and default), in order."""
    rels = "word/_rels/document.xml.rels"
    if rels not in names:
        return []
    targets = {r.get("Id"): posixpath.normpath(posixpath.join("word", r.get("Target", "")))
               for r in ElementTree.fromstring(archive.read(rels)).iter(_REL + "Relationship")
               if r.get("Type", "").endswith("/header")}
    found: list[str] = []
    with archive.open(DOCUMENT) as stream:
        for _event, element in ElementTree.iterparse(stream):
            if element.tag == _W + "headerReference" and element.get(_W + "type") != "even":
                target = targets.get(element.get(_R + "id"))
                if target in names and target not in found:
                    found.append(target)
            elif element.tag in (_W + "p", _W + "tbl"):
                element.clear()
    return found


class _Reader:
    """Rows, merges (1-based, as ``sheet_table`` takes them) and each table's (number, first row,
    last row), gathered block by block."""

    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self.merges: list[tuple[int, int, int, int]] = []
        self.tables: list[tuple[int, int, int]] = []
        self.fields: list[bool] = []  # open complex fields: True once past their 'separate'
        self.chars = 0

    def body(self, stream) -> None:
        """The body's blocks, each parsed and dropped as it ends (a large document is never held
        whole); rows are counted as they open, so a hostile one stops early."""
        depth, opened = 0, 0
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):
            if event == "start":
                depth += 1
                if depth == 1 and element.tag != _W + "document":
                    raise _not_word(element.tag)
                if element.tag == _W + "tr" or (depth == 3 and element.tag == _W + "p"):
                    opened += 1
                    if opened > base.MAX_ROWS:
                        raise ReadError(*base.too_many_rows())
                continue
            depth -= 1
            if depth == 2:  # w:document > w:body > a block
                self.blocks_of([element])
                element.clear()

    def blocks_of(self, elements, counted: bool = True) -> None:
        for element in elements:
            if element.tag == _W + "p":
                for box in _text_boxes(element):  # a kop surat or title in a text box, first
                    self.blocks_of(list(box), counted=False)
                self.rows.append(_cells(self.text(element)))
            elif element.tag == _W + "tbl":
                first = len(self.rows) + 1
                self.table(element)
                if counted and len(self.rows) >= first:
                    self.tables.append((len(self.tables) + 1, first, len(self.rows)))
            elif element.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
                self.blocks_of(list(element), counted)

    def table(self, tbl) -> None:
        """The rows of one top-level table, with its merges."""
        down: dict[int, list[int]] = {}  # grid column -> the open vertical merge
        for tr in _rows(tbl):
            row: list[Any] = [None] * _grid(tr, "gridBefore")
            number = len(self.rows) + 1
            for tc in tr.findall(_W + "tc"):
                col, span = len(row), max(1, min(_val(tc.find(f"{_W}tcPr/{_W}gridSpan"), 1), base.MAX_COLUMNS))
                v_merge = tc.find(f"{_W}tcPr/{_W}vMerge")
                if v_merge is not None and v_merge.get(_W + "val", "continue") != "restart" and col in down:
                    down[col][2] = number  # continues the cell above: stays empty, filled as a merge
                    row.extend([None] * span)
                    continue
                text = "\n".join(self.cell_lines(tc))
                row.append(text if text.strip() else None)
                row.extend([None] * (span - 1))
                if span > 1:
                    self.merges.append((number, col + 1, number, col + span))
                if v_merge is not None:
                    down[col] = [number, col + 1, number, col + span]
                    self.merges.append(down[col])  # type: ignore[arg-type]  # grown in place
                else:
                    down.pop(col, None)
                if len(row) > base.MAX_COLUMNS + 1:
                    break
            while row and row[-1] is None:
                row.pop()
            self.rows.append(row)
        self.merges[:] = [tuple(m) for m in self.merges]  # type: ignore[misc]

    def cell_lines(self, element) -> list[str]:
        """A cell's paragraphs, a nested table's rows as lines (its cells joined by spaces)."""
        lines: list[str] = []
        for child in element:
            if child.tag == _W + "p":
                lines.append(self.text(child))
            elif child.tag == _W + "tbl":
                for tr in _rows(child):
                    cells = [" ".join(self.cell_lines(tc)).strip() for tc in tr.findall(_W + "tc")]
                    lines.append(" ".join(c for c in cells if c))
            elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
                lines.extend(self.cell_lines(child))
        return lines

    def text(self, element) -> str:
        """What Word shows of a paragraph (see module docstring), within the text limit."""
        parts: list[str] = []
        self._walk(element, parts)
        text = "".join(parts)
        self.chars += len(text)
        if self.chars > base.MAX_TEXT_CHARS:
            raise ReadError(*base.too_much_text())
        return text

    def _walk(self, element, parts: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag == _W + "fldChar":
                kind = child.get(_W + "fldCharType")
                if kind == "begin":
                    self.fields.append(False)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if tag in _SKIPPED or not all(self.fields):
                if not all(self.fields) and (tag == _W + "r" or tag in _CONTAINERS):
                    self._walk(child, [])  # a field's instruction: only its fldChars count
                continue
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag == _W + "tab" or tag == _W + "ptab":
                parts.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                parts.append("\n")
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            elif tag == _W + "sym":
                parts.append(_symbol(child.get(_W + "char", "")))
            elif tag == _W + "r" or tag in _CONTAINERS:
                self._walk(child, parts)


def _text_boxes(paragraph) -> list:
    """The text boxes anchored in a paragraph (w:txbxContent), each once: Word writes a box twice,
    as a drawing (mc:Choice) and as its VML copy (mc:Fallback), which is left out."""
    copies = {id(box) for fallback in paragraph.iter(_MC + "Fallback") for box in fallback.iter(_W + "txbxContent")}
    boxes = [box for box in paragraph.iter(_W + "txbxContent") if id(box) not in copies]
    inner = {id(b) for box in boxes for b in box.iter(_W + "txbxContent") if b is not box}
    return [box for box in boxes if id(box) not in inner]  # a box in a box is read with its box


def _rows(tbl) -> Iterator:
    """A table's rows, those wrapped in content controls too."""
    for child in tbl:
        if child.tag == _W + "tr":
            yield child
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            yield from _rows(child)


def _val(element, default: int) -> int:
    try:
        return int(element.get(_W + "val")) if element is not None else default
    except (TypeError, ValueError):
        return default


def _grid(tr, name: str) -> int:
    return max(0, min(_val(tr.find(f"{_W}trPr/{_W}{name}"), 0), base.MAX_COLUMNS))


def _symbol(code: str) -> str:
    """A w:sym character: symbol fonts use the private range F000-F0FF for their 8-bit codes."""
    try:
        number = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= number <= 0xF0FF:
        number -= 0xF000
    return chr(number) if number >= 0x20 else ""


def _cells(text: str) -> list[Any]:
    """A paragraph's cells: its tabs separate them (tabs in a row align one column), a ':' that
    opens a cell is a cell of its own, as a sheet's ``label | : | value``."""
    cells: list[Any] = []
    for piece in text.split("\t"):
        piece = piece.strip(" ")
        if not piece:
            continue
        if piece.startswith(":") and piece.strip(": "):
            cells.extend([":", piece[1:].strip()])
        else:
            cells.append(piece)
    return cells if any(c.strip() for c in cells) else []
