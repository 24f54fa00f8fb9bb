"""Normalise: a raw table becomes canonical records of one record type.

Headings are matched through the synonyms declared in ``datasets/*.yaml``; values are turned
into the canonical text Frictionless and DuckDB read without options (plain decimals, ISO dates,
codes without Siskeudes' trailing dots). Every problem is a Finding at the operator's cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.formats import (
    FormatError,
    NumberReading,
    clean_text,
    column_style,
    format_decimal,
    parse_date,
    read_number,
)
from desa_terbuka.normalise.headings import Header


@dataclass
class Records:
    """Canonical records (text per field) with the source row of each and the findings so far."""

    definition: DatasetDefinition
    table: RawTable
    rows: list[dict[str, str]]
    row_numbers: list[int]
    findings: list[Finding]
    # cells whose problem is already reported, so schema validation does not repeat it
    reported_cells: set[tuple[int, str]] = field(default_factory=set)
    # field -> where its values came from when not from the table's own column (title, file name)
    sources: dict[str, str] = field(default_factory=dict)


def normalise(table: RawTable, definition: DatasetDefinition, header: Header) -> Records:
    """Map columns to fields and normalise every cell; never raises on bad data."""
    file = table.file
    findings: list[Finding] = []
    header_row = table.row_numbers[header.row_index]
    for col, heading in header.unknown.items():
        findings.append(Finding("unknown-column", file, table.sheet, header_row, None, heading))
    aliases = definition.header_aliases()
    for col, heading in header.duplicates.items():
        # Which of the two columns holds the data cannot be guessed: the operator must choose.
        findings.append(Finding("duplicate-column", file, table.sheet, header_row,
                                aliases[normalise_heading(heading)], heading))
    present = set(header.columns.values())
    for f in definition.fields:
        if f.required and f.name not in present:
            findings.append(Finding("missing-column", file, table.sheet, header_row, f.name,
                                    params={"title": f.title}))

    records = Records(definition, table, [], [], findings)
    # A row is a record when a mapped column holds something; rows with text only in ignored
    # columns (a "No" counter, a signature block) are not records.
    data_rows = [
        (table.row_numbers[i], row) for i, row in enumerate(table.rows)
        if i > header.row_index
        and any(col < len(row) and clean_text(row[col]) for col in header.columns)
    ]
    formulas = []
    for number, row in data_rows:
        cells = {name: (row[col] if col < len(row) else None) for col, name in header.columns.items()}
        records.rows.append(cells)
        records.row_numbers.append(number)
        formulas += [(len(records.rows) - 1, name, table.formulas[(number, col)])
                     for col, name in header.columns.items()
                     if (number, col) in table.formulas and not clean_text(cells[name])]
    _normalise_cells(records)
    for index, name, formula in formulas:  # an empty cell that is really an unsaved formula
        _report(records, index, name, "formula-no-value", "", reason=formula)
    return records


def _normalise_cells(records: Records) -> None:
    for f in records.definition.fields:
        if not any(f.name in row for row in records.rows):
            for row in records.rows:
                row[f.name] = ""
            continue
        if f.type == "number":
            _normalise_numbers(records, f.name)
            continue
        for index, row in enumerate(records.rows):
            row[f.name] = _normalise_cell(records, index, f, row.get(f.name))


def _normalise_cell(records: Records, index: int, f, value: Any) -> str:
    try:
        if f.type == "date":
            parsed = parse_date(value)
            return parsed.isoformat() if parsed else ""
        if f.type == "integer":
            return _integer_text(value)
        text = clean_text(value)
        if "pattern" in f.constraints:
            text = _code_text(text)
        return text
    except FormatError as problem:
        _report(records, index, f.name, problem.code, value, reason=problem.reason)
        return clean_text(value)


def _integer_text(value: Any) -> str:
    try:
        reading = read_number(value)
    except FormatError:  # a count, not an amount: the rupiah advice would mislead
        raise FormatError("invalid-integer") from None
    if reading is None:
        return ""
    number = reading.value(None)
    if number is None or number != number.to_integral_value():
        raise FormatError("invalid-integer")
    return str(int(number))


def _code_text(text: str) -> str:
    """Codes lose spaces and Siskeudes' trailing dot ('4.1.1.04.' -> '4.1.1.04')."""
    text = text.replace(" ", "")
    return text[:-1] if re.fullmatch(r"[\d.]+\.", text) else text


def _normalise_numbers(records: Records, name: str) -> None:
    readings: list[NumberReading | None] = []
    for index, row in enumerate(records.rows):
        try:
            readings.append(read_number(row.get(name)))
        except FormatError as problem:
            readings.append(None)
            _report(records, index, name, problem.code, row.get(name))
            row[name] = clean_text(row.get(name))
            row["__bad__" + name] = "1"
    style = column_style([r for r in readings if r is not None])
    for index, (row, reading) in enumerate(zip(records.rows, readings)):
        if row.pop("__bad__" + name, None):
            continue
        if reading is None:
            row[name] = ""
            continue
        number = reading.value(style)
        if number is None:
            reason = (Text("kolom ini memakai format Indonesia dan Inggris sekaligus",
                           "this column mixes Indonesian and English number formats")
                      if style == "mixed" else
                      Text("titik/koma bisa berarti ribuan atau desimal",
                           "the dot/comma can mean thousands or decimals"))
            _report(records, index, name, "ambiguous-number", row.get(name), reason=reason)
            row[name] = clean_text(row.get(name))
        else:
            row[name] = format_decimal(number)


def _report(records: Records, index: int, name: str, code: str, value: Any, **params: Any) -> None:
    records.findings.append(Finding(
        code, records.table.file, records.table.sheet, records.row_numbers[index], name,
        clean_text(value), params=params,
    ))
    records.reported_cells.add((index, name))
