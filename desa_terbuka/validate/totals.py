"""A report-shaped sheet's own totals must equal the sum of its lines."""

from __future__ import annotations

from decimal import Decimal

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text, ranges
from desa_terbuka.normalise.amount_columns import bracketed, outflow_lines
from desa_terbuka.normalise.name_span import column_letter
from desa_terbuka.normalise.formats import (
    FormatError,
    clean_text,
    format_rupiah,
    read_number,
)
from desa_terbuka.normalise.report_sheet import Shape, Total
from desa_terbuka.normalise.values import number_code, read_count, split_unit_note

TOLERANCE = Decimal("1")  # rupiah: rounding in a report is not a mismatch


def check_totals(shape: Shape, records) -> list[Finding]:
    """Compare every total with the sum of its lines (canonical values after normalisation)."""
    if shape is None or not shape.totals:
        return []  # a plain table (most files): nothing to add up
    table = records.table
    findings = _shifted(shape, table)
    values: dict[int, dict[str, Decimal | None]] = {}
    for index, (row, number) in enumerate(zip(records.rows, records.row_numbers)):
        values[number] = {}
        for name in records.definition.field_names:
            text = row.get(name, "")
            bad = (index, name) in records.reported_cells
            try:
                values[number][name] = None if bad else Decimal(text or "0")
            except ArithmeticError:
                values[number][name] = None
    # outflow lines (pengeluaran pembiayaan), read positive: a bracketed total of only them is
    # their sum printed as an outflow
    outflows = {number for row, number in zip(records.rows, records.row_numbers)
                if outflow_lines(records.definition, row)}
    counts = {f.name for f in records.definition.fields if f.type == "integer"}
    for total in shape.totals:
        for name, raw in total.cells.items():
            if name in counts:
                raw = read_count(raw)[0]  # "142 orang", as its lines were read
            where = dict(file=table.file, sheet=table.sheet, row=total.row, field=name)
            col = total.columns[name]
            if clean_text(raw) == "" and (total.row, col) in table.formulas:
                findings.append(Finding("formula-no-value", **where,
                                        params={"reason": table.formulas[(total.row, col)]}))
                continue
            f = records.definition.field(name)
            try:  # "100%" under a percentage column: its unit aside, as on the lines
                reading = read_number(split_unit_note(f, raw)[0])
            except FormatError as problem:
                findings.append(Finding(number_code(f, problem.code), **where, value=clean_text(raw)))
                continue
            stated = reading.value(None) if reading is not None else None
            if stated is None:
                continue
            stated *= records.scales.get(name, 1)  # "(Rp.000)": as the lines were read
            finding = _compare(total, name, stated, values, where, clean_text(raw),
                               outflows if bracketed(raw) and stated < 0 else set())
            if finding is not None:
                findings.append(finding)
    return findings


def _compare(total: Total, name: str, stated: Decimal, values, where, raw: str,
             outflows: set[int]) -> Finding | None:
    first: Decimal | None = None
    for _description, signs in total.scopes:
        if not signs:
            continue
        parts = [values.get(n, {}).get(name) for n in signs]
        if any(p is None for p in parts):
            return None  # a line is unreadable: already reported, the sum would mislead
        computed = sum((sign * values[n][name] for n, sign in signs.items()), Decimal(0))
        if abs(computed - stated) < TOLERANCE:
            return None
        if all(n in outflows and sign > 0 for n, sign in signs.items()) \
                and abs(computed + stated) < TOLERANCE:
            return None  # "(50.000.000)" over outflow lines: their sum, printed as an outflow
        first = computed if first is None else first
    if first is None:
        return None
    return Finding("subtotal-mismatch", **where, value=raw, params={
        "label": total.label, "stated": format_rupiah(stated), "computed": format_rupiah(first),
        "difference": format_rupiah(stated - first)})


def _shifted(shape: Shape, table) -> list[Finding]:
    """Total rows whose numbers sit beside their columns (``Shape.shifted``), said once per shift."""
    by_shift: dict[int, list[int]] = {}
    for row, shift in shape.shifted.items():
        by_shift.setdefault(shift, []).append(row)
    columns = {t.row: t.columns for t in shape.totals}
    findings = []
    for shift, rows in by_shift.items():
        for name, col in columns[rows[0]].items():
            findings.append(Finding("total-cells-shifted", table.file, table.sheet, rows[0], name,
                                    params={"rows": ranges(rows), "count": abs(shift),
                                            "side": _LEFT if shift < 0 else _RIGHT,
                                            "column": column_letter(col)}))
    return findings


_LEFT, _RIGHT = Text("kiri", "left"), Text("kanan", "right")
