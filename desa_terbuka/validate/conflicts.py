"""Rows whose own kode desa or year disagrees with what the file's title or name says."""

from __future__ import annotations

from typing import Iterable

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.context import FileContext
from desa_terbuka.normalise.table_rows import TableRows
from desa_terbuka.normalise.village_match import (
    KODE_DESA,
)
from desa_terbuka.validate.relation import literal, quote


def row_conflicts(records, context: FileContext, year_of) -> list[Finding]:
    """Rows whose own kode desa or year disagrees with the title or file name."""
    findings = []
    table, definition = records.table, records.definition
    village, year = context.village, context.year
    if not village and not year:
        return findings  # the title and name say nothing to disagree with
    for index in _candidates(records, context):
        row, number = records.rows[index], records.row_numbers[index]
        kode = row.get("kode_desa", "")
        if village and KODE_DESA.fullmatch(kode) and kode != village.value and (
                index, "kode_desa") not in records.reported_cells:
            findings.append(Finding("village-conflict", table.file, table.sheet, number, "kode_desa",
                                    kode, params={"reason": Text(
                                        f"{village.source} menyebut {village.value}",
                                        f"{village.source.en} says {village.value}")}))
        found = year_of(row, definition)
        if year and found and str(found) != year.value and (
                index, definition.year_field) not in records.reported_cells:
            findings.append(Finding("year-conflict", table.file, table.sheet, number,
                                    definition.year_field, row.get(definition.year_field),
                                    params={"reason": Text(
                                        f"{year.source} menyebut {year.value}, baris ini {found}",
                                        f"{year.source.en} says {year.value}, this row {found}")}))
    return findings


def _candidates(records, context: FileContext) -> Iterable[int]:
    """Every row, or of rows still in DuckDB those whose code or year may disagree (a superset
    of the rows judged here)."""
    rows = records.rows
    if not (isinstance(rows, TableRows) and rows.in_duckdb):
        return range(len(rows))
    tests = []
    if context.village and "kode_desa" in rows.names:
        tests.append(f"kode_desa <> {literal(context.village.value)}")
    if context.year:
        tests.append(f"left({quote(records.definition.year_field)}, 4) <> {literal(context.year.value)}")
    return rows.positions(" OR ".join(tests)) if tests else []
