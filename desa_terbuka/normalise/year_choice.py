"""Which of a table's year columns is the record's, from the file's stated year
(``year_columns.py`` reads the headings, ``context.py`` the title and file name)."""

from __future__ import annotations

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.context import Evidence, FileContext, stated_year
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.year_columns import YearHeader, choose, column_years


def settle_year_columns(table: RawTable, header: YearHeader, definition: DatasetDefinition,
                        context: FileContext) -> None:
    """Map the amount fields to the columns of the file's year (in place, before the lines are
    read, so a report's totals are read from the same column); the chosen columns' years join
    the year evidence, so a lone 'Anggaran TA 2024' under a 'TA 2025' title is a conflict."""
    year_field = definition.year_field
    if definition.field(year_field).type != "integer":
        return  # a dated record's year is its date
    row = table.row_numbers[header.row_index]
    stated = _year_column(table, header, year_field) or stated_year(context, definition)
    findings = choose(header, definition, stated.value if stated else None,
                      stated.source if stated else None, table.file, table.sheet, row)
    context.findings += findings
    if any(f.code == "year-columns-unclear" for f in findings):
        context.explained.add(year_field)
        return
    for year, heading in column_years(header).items():
        context.years.append(Evidence(year, Text(f"judul kolom '{heading}'",
                                                 f"column heading '{heading}'"), row))


def _year_column(table: RawTable, header: YearHeader, year_field: str) -> Evidence | None:
    """The one year a year column of the table holds, if it has one."""
    cols = [c for c, n in header.columns.items() if n == year_field]
    if not cols:
        return None
    start = header.row_index + 1
    values = {clean_text(r[cols[0]]) for r in table.rows[start:] if cols[0] < len(r)} - {""}
    return Evidence(values.pop(), Text("kolom tahun", "year column")) if len(values) == 1 else None
