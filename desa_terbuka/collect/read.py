"""Read any submission into raw tables: the content decides the reader, not only the name."""

from __future__ import annotations

import zipfile
from pathlib import Path

from desa_terbuka.collect import base
from desa_terbuka.collect.base import RawTable, ReadError
from desa_terbuka.collect.csv_text import read_csv

SUPPORTED_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods", ".zip", ".xml", ".docx",
                      ".doc", ".html", ".htm"}


ZIP_MAGIC = b"PK\x03\x04"


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and every password-protected .xlsx


def read_tables(path: Path) -> list[RawTable]:
    """Read a CSV or every sheet of a workbook; raise ``ReadError`` when the file cannot be read.

    The content decides, not only the name: a workbook saved as ``.csv`` is read as a workbook;
    an OpenDocument file is read as ``.ods`` under any name; an OLE file is read as an old
    ``.xls`` (a password-protected workbook, also OLE, gets its own remedy there); an Excel 2003
    XML Spreadsheet (PHP exporters' ``.xls``, or ``.xml``) is read as one; a ``.xls`` that is
    really an HTML page (OpenSID's and many web apps' "Unduh"/"Export Excel") is read as the sheet
    Excel shows, as is a ``.html``/``.htm``; a ``.xls`` that is really text (tab-separated) is
    read as text; a Word document (a ZIP holding word/document.xml) is read as ``.docx`` under any
    name, an old binary ``.doc`` is refused with the remedy "save as .docx".
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(f"jenis berkas '{suffix or path.name}' tidak didukung; kirim CSV, XLSX, XLS, "
                        "ODS, DOCX atau ekspor Siskeudes (.zip)",
                        f"file type '{suffix or path.name}' is not supported; send CSV, XLSX, XLS, "
                        "ODS, DOCX or a Siskeudes export (.zip)")
    size = path.stat().st_size
    if size == 0:
        raise ReadError("berkas berukuran 0 byte", "the file is 0 bytes long")
    if size > base.MAX_FILE_BYTES:
        mb, limit = size // (1024 * 1024), base.MAX_FILE_BYTES // (1024 * 1024)
        raise ReadError(f"berkas terlalu besar ({mb} MB, batas {limit} MB)",
                        f"the file is too large ({mb} MB, limit {limit} MB)")
    if suffix == ".zip":  # a Siskeudes export; its name wins over the ZIP signature below
        from desa_terbuka.collect.siskeudes import read_siskeudes

        return read_siskeudes(path)
    with open(path, "rb") as f:
        head = f.read(4096)
    from desa_terbuka.collect.docx_tables import is_docx, read_docx

    zipped = head.startswith(ZIP_MAGIC) and zipfile.is_zipfile(path)
    word = zipped and is_docx(path)
    if suffix in {".doc", ".docx"} and not zipped:  # a .docx named so is read below, a workbook too
        raise _not_docx(suffix, head)
    if head.startswith(OLE_MAGIC):  # an old .xls, or a password-protected workbook
        from desa_terbuka.collect.legacy_xls import read_xls

        return read_xls(path)
    from desa_terbuka.collect.spreadsheetml import (is_spreadsheetml, not_spreadsheetml,
                                                    read_spreadsheetml)

    if is_spreadsheetml(path):  # Excel 2003 XML, as PHP exporters write it (named .xls or .xml)
        return read_spreadsheetml(path)
    if suffix == ".xml":
        raise not_spreadsheetml()
    from desa_terbuka.collect.html_tables import is_html, read_html

    if suffix in {".html", ".htm"} or (suffix == ".xls" and is_html(head)):
        return read_html(path)
    if suffix == ".xls" and head.lstrip()[:1] == b"<":
        raise ReadError(
            "berkas .xls ini sebenarnya halaman web (HTML/XML) yang diberi nama .xls; buka di "
            "Excel lalu simpan sebagai .xlsx",
            "this .xls file is really a web page (HTML/XML) named .xls; open it in Excel and save "
            "it as .xlsx")
    from desa_terbuka.collect.ods import is_ods, read_ods
    from desa_terbuka.collect.workbook import read_workbook

    if word:  # a Word document under any name
        return read_docx(path)
    if suffix == ".ods" or (head.startswith(ZIP_MAGIC) and is_ods(path)):  # LibreOffice Calc
        return read_ods(path)
    if suffix in {".xlsx", ".xlsm"} or head.startswith(ZIP_MAGIC):
        return read_workbook(path)
    return [read_csv(path)]


def _not_docx(suffix: str, head: bytes) -> ReadError:
    """A Word file that is no .docx: an old binary .doc (OLE; a password-protected .docx is OLE
    too), or something else under that name."""
    if head.startswith(OLE_MAGIC) and suffix == ".docx":
        return ReadError("dokumen Word terkunci kata sandi; buka di Word, hapus kata sandinya, lalu "
                         "simpan sebagai .docx",
                         "the Word document is password-protected; open it in Word, remove the "
                         "password and save it as .docx")
    if head.startswith(OLE_MAGIC):
        return ReadError("dokumen Word lama (.doc) tidak dapat dibaca; buka di Word atau LibreOffice "
                         "lalu simpan sebagai .docx (Word 2007 ke atas) dan kirim lagi",
                         "an old Word document (.doc) cannot be read; open it in Word or LibreOffice, "
                         "save it as .docx (Word 2007 and later) and send it again")
    if head.startswith(b"{\\rtf"):  # OpenSID's letters are RTF, often renamed .doc
        return ReadError(f"berkas {suffix} ini sebenarnya dokumen RTF; buka di Word atau LibreOffice "
                         "lalu simpan sebagai .docx",
                         f"this {suffix} file is really an RTF document; open it in Word or "
                         "LibreOffice and save it as .docx")
    return ReadError(f"berkas {suffix} ini bukan dokumen Word yang utuh (rusak, terpotong, atau "
                     "berformat lain); buka di Word lalu simpan sebagai .docx",
                     f"this {suffix} file is not an intact Word document (damaged, cut off or of "
                     "another format); open it in Word and save it as .docx")
