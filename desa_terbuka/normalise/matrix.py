"""A table spread over columns by a descriptive value: "SUMBER DANA" over DDS | ADD | PAD | …,
one amount column per source (Siskeudes' APBDes per sumber dana). Each filled cell becomes a
line of its own, with that source and that amount; the row's own total column ("Jumlah") is
then only a total.

Only a full matrix is read this way: every column under the merged heading must name a value of
the field (declared in ``values`` of ``datasets/<type>.yaml``), so no amount is ever dropped.
"""

from __future__ import annotations

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.normalise.formats import FormatError, clean_text, read_number
from desa_terbuka.normalise.headings import Header
from desa_terbuka.normalise.values import known_value


def _value_columns(header: Header, definition: DatasetDefinition) -> tuple[str, dict[int, str]] | None:
    """(field, column -> canonical value) of a full matrix, or None."""
    for name in definition.config.get("values") or {}:
        columns = {}
        for col, text in header.lower.items():
            if col in header.columns and header.columns[col] != name:
                continue
            value = known_value(definition, name, text)
            if value:
                columns[col] = value
        if len(columns) < 2:
            continue
        parents = {header.parent.get(col) for col in columns}
        if len(parents) != 1 or None in parents:
            continue
        siblings = {col for col, parent in header.parent.items() if parent in parents}
        if siblings == set(columns):
            return name, columns
    return None


def unpivot(table: RawTable, header: Header, definition: DatasetDefinition) -> str | None:
    """Turn a full matrix into lines (in place); returns the field it was spread by, or None."""
    found = _value_columns(header, definition)
    amount = next((f.name for f in definition.input_fields if f.type == "number" and f.required), None)
    if found is None or amount is None:
        return None
    name, columns = found
    by_field = {field: col for col, field in header.columns.items()}
    width = max(len(r) for r in table.rows) if table.rows else 0
    value_col = by_field.get(name, width)
    amount_col = by_field.get(amount, width + 1)
    rows, numbers = table.rows[:header.row_index + 1], table.row_numbers[:header.row_index + 1]
    head = table.rows[header.row_index] = list(table.rows[header.row_index])
    head.extend([None] * max(0, max(amount_col, value_col) + 1 - len(head)))
    head[value_col], head[amount_col] = head[value_col] or name, head[amount_col] or amount
    for row, number in zip(table.rows[header.row_index + 1:], table.row_numbers[header.row_index + 1:]):
        cells = [(col, value) for col, value in columns.items() if _filled_amount(row, col)]
        if not cells:
            rows.append(row)
            numbers.append(number)
            continue
        for col, value in cells:
            line = list(row) + [None] * max(0, max(amount_col, value_col) + 1 - len(row))
            line[value_col], line[amount_col] = value, row[col]
            for other in columns:
                line[other] = None
            rows.append(line)
            numbers.append(number)
    table.rows, table.row_numbers = rows, numbers
    for col in columns:
        header.columns.pop(col, None)
        header.unknown.pop(col, None)
        header.duplicates.pop(col, None)
        header.interpreted.pop(col, None)
    header.columns[value_col], header.columns[amount_col] = name, amount
    return name


def _filled_amount(row: list, col: int) -> bool:
    if col >= len(row) or not clean_text(row[col]):
        return False
    try:
        reading = read_number(row[col])
    except FormatError:
        return True  # an unreadable amount is still a line: its error is reported
    return reading is not None and reading.value(None) != 0
