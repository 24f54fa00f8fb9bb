"""A table written sideways: its FIRST COLUMN holds the headings of a record type (Uraian,
Tanggal, Tempat, …, JUMLAH HADIR) and every other column is one record (one meeting per
column, a rekap daftar hadir). It is the same table transposed: turned into a heading row and
one row per column, it is read like any other table; the lines above it stay as its titles.

Only a table no row of which is a heading row is read so, and only when its first column names
at least as many headings as a heading row must (``find_header``). Rows of counts just above a
total row whose label names a count field (``report_rows.fields``: the unsur rows over JUMLAH
HADIR) are that total's parts: checked against it, not published. The row naming each record
(its first row, "Uraian") gives the field ``transposed_name`` of ``datasets/<type>.yaml``.
Findings keep the source positions: a record's cell sits at its label's row, in its column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.findings import Finding
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.headings import find_header
from desa_terbuka.normalise.name_span import column_letter
from desa_terbuka.normalise.values import read_count
from desa_terbuka.normalise.vertical import FormTable, at_label_rows

# a record's provisional row number: its column's, far from any real row (remapped in findings)
COLUMN_ROW = 10_000_000
MAX_LABELS = 200  # more rows than any record type has headings (with parts and notes)
_PROVISIONAL = re.compile(r"\b1\d{7}\b")


@dataclass
class SidewaysTable(FormTable):
    """A transposed table: where each of its cells was in the sheet."""

    label_rows: dict[str, int] = field(default_factory=dict)  # heading as written -> source row
    heading_row: int = 0  # source row of the first label (the row naming each record)
    record_columns: dict[int, int] = field(default_factory=dict)  # provisional row -> column


def _filled(row: list) -> list[int]:
    return [i for i, c in enumerate(row) if clean_text(c)]


def _count(value) -> Decimal | None:
    """A count cell as a number ('12', 12, '12 orang'), None when empty, else raises."""
    text = clean_text(read_count(value)[0] if isinstance(value, str) else value)
    if not text:
        return None
    number = Decimal(text)
    if number != number.to_integral_value() or number < 0:
        raise InvalidOperation(text)
    return number


def _block(table: RawTable) -> tuple[int, int] | None:
    """(first row, label column) of the sideways block: the first row with a label and values."""
    for index, row in enumerate(table.rows):
        filled = _filled(row)
        if len(filled) >= 3 and filled[0] == min(filled):
            return index, filled[0]
    return None


def _turned(table: RawTable, start: int, col: int, rows: list[int]) -> tuple[RawTable, list[int]]:
    """Titles above ``start`` + heading row (the labels of ``rows``) + one row per record column."""
    width = max(len(table.rows[i]) for i in rows)
    columns = [c for c in range(col + 1, width)
               if any(c < len(table.rows[i]) and clean_text(table.rows[i][c]) for i in rows)]
    cell = lambda i, c: table.rows[i][c] if c < len(table.rows[i]) else None  # noqa: E731
    heading = [cell(i, col) for i in rows]
    records = [[cell(i, c) for i in rows] for c in columns]
    turned = replace(table, rows=table.rows[:start] + [heading] + records,
                     row_numbers=table.row_numbers[:start] + [table.row_numbers[rows[0]]]
                     + [COLUMN_ROW + c for c in columns])
    return turned, columns


def _parts(table: RawTable, rows: list[int], col: int, total_rows: set[int],
           columns: list[int]) -> dict[int, list[int]]:
    """Total row -> the rows of counts just above it (two or more) that no field names."""
    out: dict[int, list[int]] = {}
    for total in sorted(total_rows):
        parts = []
        for i in reversed([r for r in rows if r < total]):
            if i in total_rows or i in out.get(total, []):
                break
            values = [table.rows[i][c] if c < len(table.rows[i]) else None for c in columns]
            if not any(clean_text(v) for v in values):
                break  # "Unsur yang hadir:": the parts' own heading
            try:
                [_count(v) for v in values]
            except (InvalidOperation, ValueError):
                break
            parts.append(i)
        if len(parts) >= 2:
            out[total] = sorted(parts)
    return out


def as_columns(table: RawTable, definitions: list[DatasetDefinition]) -> SidewaysTable | None:
    """The table read sideways, or None when a row of it is a heading row or it is not sideways."""
    if any(find_header(table, d) for d in definitions):
        return None
    found = _block(table)
    if found is None:
        return None
    start, col = found
    rows = [i for i in range(start, len(table.rows)) if col < len(table.rows[i])
            and clean_text(table.rows[i][col])]
    if len(rows) > MAX_LABELS:
        return None  # a long list down the first column is lines, not headings
    turned, columns = _turned(table, start, col, rows)
    for definition in definitions:
        header = find_header(turned, definition)
        if header is None or header.row_index != start:
            continue
        return _read(table, definition, header, start, col, rows, columns)
    return None


def _read(table: RawTable, definition: DatasetDefinition, header, start: int, col: int,
          rows: list[int], columns: list[int]) -> SidewaysTable:
    counts = set((definition.config.get("report_rows") or {}).get("fields") or [])
    total_rows = {rows[k] for k, name in header.columns.items() if name in counts}
    parts = _parts(table, rows, col, total_rows, columns)
    dropped = {i for p in parts.values() for i in p}
    findings = [_checked(table, definition, header, rows, total, p, columns, col)
                for total, p in parts.items()]
    findings = [f for group in findings for f in group]
    named = definition.config.get("transposed_name")
    kept = [i for i in rows if i not in dropped and any(  # "Unsur yang hadir:" alone: a label only
        c < len(table.rows[i]) and clean_text(table.rows[i][c]) for c in columns)]
    turned, _ = _turned(table, start, col, kept)
    head = turned.rows[start]
    again = find_header(turned, definition)
    if named and again and 0 not in again.columns and named not in header.columns.values():
        head[0] = named  # "Uraian" over the meetings' names: the field that names each record
    numbers = table.row_numbers
    findings.insert(0, Finding(
        "table-read-sideways", table.file, table.sheet, numbers[start], value=clean_text(
            table.rows[start][col]), params={
                "records": len(columns), "columns": f"{column_letter(columns[0])}–"
                f"{column_letter(columns[-1])}" if len(columns) > 1 else column_letter(columns[0]),
                "label_column": column_letter(col)}))
    if parts:
        shown = [clean_text(table.rows[i][col]) for p in parts.values() for i in p]
        findings.append(Finding("sideways-parts-not-published", table.file, table.sheet,
                                numbers[min(dropped)], value=", ".join(shown), params={
                                    "parts": ", ".join(shown),
                                    "total": ", ".join(clean_text(table.rows[t][col]) for t in parts)}))
    label_rows = {clean_text(head[k]): numbers[i] for k, i in enumerate(kept)}
    return SidewaysTable(
        table.file, table.sheet, turned.rows, turned.row_numbers, encoding=table.encoding,
        delimiter=table.delimiter, notes=table.notes + [f"tabel menyamping: {len(columns)} kolom"],
        findings=table.findings + findings, label_rows=label_rows, heading_row=numbers[start],
        record_columns={COLUMN_ROW + c: c for c in columns})


def _checked(table: RawTable, definition: DatasetDefinition, header, rows: list[int], total: int,
             parts: list[int], columns: list[int], col: int) -> list[Finding]:
    """A total row against the sum of its parts, column by column: a mismatch is an error."""
    out = []
    label = clean_text(table.rows[total][col])
    for c in columns:
        cell = lambda i: table.rows[i][c] if c < len(table.rows[i]) else None  # noqa: E731
        try:
            stated = _count(cell(total))
        except (InvalidOperation, ValueError):
            continue  # an unreadable total: its cell's own finding says so
        if stated is None:
            continue
        computed = sum((_count(cell(i)) or Decimal(0) for i in parts), Decimal(0))
        if computed != stated:
            out.append(Finding("subtotal-mismatch", table.file, table.sheet,
                               table.row_numbers[total], value=clean_text(cell(total)), params={
                                   "label": f"{label} ({column_letter(c)}{table.row_numbers[total]})",
                                   "stated": str(stated), "computed": str(computed),
                                   "difference": str(stated - computed)}))
    return out


def placed(table: RawTable, header) -> Callable[[list[Finding]], list[Finding]]:
    """What puts findings of a sideways table at their source positions: a record's cell at its
    label's row (the row naming the records when the finding names no field); read before the
    table is normalised (in place). Any other table: a form's cells on their label's line
    (``vertical.at_label_rows``)."""
    if not isinstance(table, SidewaysTable):
        return lambda findings: at_label_rows(findings, table, header)
    written = table.rows[header.row_index]
    heading = {name: clean_text(written[c]) if c < len(written) else ""
               for c, name in header.columns.items()}

    def at(findings: list[Finding]) -> list[Finding]:
        out = []
        for f in findings:
            if f.row in table.record_columns:
                row = table.label_rows.get(heading.get(f.field or "", ""), table.heading_row)
                f = replace(f, row=row, params={
                    **f.params, "kolom": column_letter(table.record_columns[f.row])})
            f = replace(f, params={k: _columns_named(table, v, f.row) if isinstance(v, str) else v
                                   for k, v in f.params.items()})
            out.append(f)
        return out
    return at


def _columns_named(table: SidewaysTable, text: str, row: int | None) -> str:
    """'rows 10000001–10000003' of a message: the records' cells ('B4–D4') at the finding's row."""
    return _PROVISIONAL.sub(lambda m: column_letter(table.record_columns[int(m[0])]) + str(row or "")
                            if int(m[0]) in table.record_columns else m[0], text)
