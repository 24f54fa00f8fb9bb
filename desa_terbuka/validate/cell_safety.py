"""Cells a spreadsheet would execute: a warning in ``desa check``, so the operator knows the
published CSV shows them as text (``'=HYPERLINK(…)``, see core/spreadsheet.py)."""

from __future__ import annotations

from collections import defaultdict

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.spreadsheet import is_executable
from desa_terbuka.core.text import ranges
from desa_terbuka.normalise.records import Records


def executable_cell_findings(records: Records) -> list[Finding]:
    """One warning per text column holding such cells: the rows and the first cell."""
    text_fields = [f.name for f in records.definition.fields if f.type == "string"]
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row, number in zip(records.rows, records.row_numbers):
        for name in text_fields:
            value = row.get(name)
            if value and is_executable(value):
                found[name].append((number, value))
    return [Finding("spreadsheet-formula", records.table.file, records.table.sheet, cells[0][0], name,
                    cells[0][1], params={"rows": ranges([n for n, _ in cells]), "count": len(cells)})
            for name, cells in found.items()]
