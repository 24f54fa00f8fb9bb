"""Cells a spreadsheet would execute: a warning in ``desa check``, so the operator knows the
published CSV shows them as text (``'=HYPERLINK(…)``, see core/spreadsheet.py)."""

from __future__ import annotations

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.spreadsheet import TRIGGERS, is_executable
from desa_terbuka.core.text import ranges
from desa_terbuka.normalise.records import Records
from desa_terbuka.validate.relation import connection, literal, quote


def executable_cell_findings(records: Records, table: str | None = None) -> list[Finding]:
    """One warning per text column holding such cells: the rows and the first cell (columns in
    the order of their first such cell). ``table``: the records in DuckDB, where the cells
    starting with a trigger are found by one query (nearly every cell is plain text); each is
    then judged here, as without a table."""
    text_fields = [f.name for f in records.definition.fields if f.type == "string"]
    found: dict[str, list[tuple[int, str]]] = {}
    first: dict[str, tuple[int, int]] = {}
    for position, name, cells in _candidates(records, text_fields, table):
        cells = [(k, value) for k, value in cells if is_executable(value)]
        if cells:
            found[name] = [(records.row_numbers[k], value) for k, value in cells]
            first[name] = (cells[0][0], position)
    return [Finding("spreadsheet-formula", records.table.file, records.table.sheet, cells[0][0], name,
                    cells[0][1], params={"rows": ranges([n for n, _ in cells]), "count": len(cells)})
            for name, cells in sorted(found.items(), key=lambda item: first[item[0]])]


def _candidates(records: Records, names: list[str], table: str | None):
    """(position, field, [(row index, cell)]) of the cells starting with a trigger, in row order."""
    if table is None:
        for position, name in enumerate(names):
            yield position, name, [(k, value) for k, row in enumerate(records.rows)
                                   if (value := row.get(name)) and value.startswith(TRIGGERS)]
        return
    if not names:
        return
    parts = []
    for position, name in enumerate(names):
        starts = " OR ".join(f"starts_with({quote(name)}, {literal(t)})" for t in TRIGGERS)
        parts.append(f"SELECT {position} AS p, _i, {quote(name)} AS v FROM {table} WHERE {starts}")
    cells: dict[int, list[tuple[int, str]]] = {}
    for position, index, value in connection().execute(" UNION ALL ".join(parts) + " ORDER BY p, _i").fetchall():
        cells.setdefault(position, []).append((index, value))
    for position, name in enumerate(names):
        if position in cells:
            yield position, name, cells[position]
