"""Sample files written reproducibly: the same rows give the same bytes (CSV and XLSX with fixed
document timestamps and zip entry times), so sample data and test fixtures can be compared by hash."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

FIXED_TIME = dt.datetime(2025, 1, 1, 0, 0, 0)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def write_csv(path: Path, fields: list[str], rows: list[dict[str, Any]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows([_cell(row.get(f)) for f in fields] for row in rows)
    path.write_bytes(buf.getvalue().encode("utf-8"))


def write_xlsx(path: Path, sheet: str, fields: list[str], rows: list[dict[str, Any]]) -> None:
    """An XLSX with fixed document timestamps and zip entry times, so the bytes are reproducible."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(fields)
    for row in rows:
        ws.append([row.get(f) for f in fields])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    save_reproducible(wb, path)


def save_reproducible(wb: Workbook, path: Path) -> None:
    """Saves with fixed document timestamps and zip entry times: the same workbook, the same bytes."""
    wb.properties.created = wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            dst.writestr(fixed, src.read(info))
    path.write_bytes(out.getvalue())
