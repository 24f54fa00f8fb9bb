"""Amount columns whose cells do not sit under their heading, read as a careful reader does.

Printed reports place amounts in ways a table does not expect:

- a heading merged over two cells ("ANGGARAN (Rp)" over ``Rp | 52.200.000,-``): the column under
  the heading holds only the currency sign and the amount stands in the unheaded column beside it
  (``unit_columns``);
- a total row whose label spans the code and name columns, so its numbers start one column
  earlier than the lines' (``aligned_total``): the numbers are read in the order of the amount
  columns;
- an outflow account (pengeluaran pembiayaan) printed in brackets "(50.000.000)": the account is
  itself the outflow, so its amount is positive (``outflow_accounts`` in the dataset definition).

Each reading is said to the operator as information: it decides which numbers are published.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.normalise.formats import FormatError, clean_text, read_number
from desa_terbuka.normalise.lines import column_numbers

_UNIT_ONLY = re.compile(r"(rp\.?|idr)", re.IGNORECASE)
_LEADING_UNIT = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)


def _number(value: Any) -> bool:
    try:
        return read_number(value) is not None
    except FormatError:
        return False


def unit_columns(table: RawTable, header, definition: DatasetDefinition) -> None:
    """A number field's column holding nothing but a currency sign ("Rp") beside the amounts of
    an unheaded column is their unit: the field is read from that column (``header`` in place,
    ``header.unit_columns`` records the move for the operator). Rows without an amount (a
    signature, a date line) do not count."""
    number_fields = {f.name for f in definition.fields if f.type == "number"}
    width = max((len(r) for r in table.rows), default=0)
    rows = [[clean_text(c) for c in r] + [""] * (width - len(r))
            for r in table.rows[header.row_index + 1:]]
    rows = [r for r in rows if not column_numbers([t for t in r if t])]
    for col, name in sorted(header.columns.items()):
        if name not in number_fields or any(_number(r[col]) for r in rows):
            continue
        for beside in (col + 1, col - 1):
            if not 0 <= beside < width or beside in header.columns or beside in header.context \
                    or clean_text(header.written.get(beside) or header.unknown.get(beside) or ""):
                continue
            units = [r[col] for r in rows if _number(r[beside])]
            if len(units) >= 2 and sum(bool(_UNIT_ONLY.fullmatch(u)) for u in units) * 10 >= len(units) * 9:
                heading = header.written.get(col, "")
                del header.columns[col]
                header.columns[beside] = name
                header.written[beside] = heading
                header.unit_columns[beside] = (heading, next(u for u in units if u), col)
                break


def aligned_total(row: list, amounts: dict[str, int], line_columns: tuple[int, ...]) -> int:
    """How many columns a total row's numbers sit left (negative) or right of the lines' amount
    columns: 0 unless its numbers are exactly as many as the lines' and all offset by one shift,
    with its label before them (a label cell spanning the code and name columns)."""
    if not line_columns or not any(c in line_columns for c in amounts.values()):
        return 0
    numeric = tuple(c for c, value in enumerate(row) if clean_text(value) and _number(value))
    if len(numeric) != len(line_columns) or numeric == line_columns:
        return 0
    shifts = {n - c for n, c in zip(numeric, line_columns)}
    if len(shifts) != 1:
        return 0
    shift = shifts.pop()
    label = next((c for c, value in enumerate(row) if clean_text(value)), None)
    if label is None or label >= numeric[0] or min(amounts.values()) + shift < 0 \
            or max(amounts.values()) + shift >= len(row):
        return 0
    return shift


def line_columns(rows: list[list]) -> tuple[int, ...]:
    """The columns the lines hold numbers in, as most lines do (their amount columns)."""
    patterns = Counter(tuple(c for c, value in enumerate(r) if clean_text(value) and _number(value))
                       for r in rows)
    patterns.pop((), None)
    return patterns.most_common(1)[0][0] if patterns else ()


def outflow_lines(definition: DatasetDefinition, row: dict[str, Any]) -> bool:
    """Whether a record's code is one of the outflow accounts (``outflow_accounts``)."""
    for code_field, prefixes in (definition.config.get("outflow_accounts") or {}).items():
        code = clean_text(row.get(code_field))
        if any(code == p or code.startswith(p + ".") for p in prefixes):
            return True
    return False


def bracketed(value: Any) -> bool:
    """An amount written in brackets, as reports print outflows: "(50.000.000,-)", "Rp (1.000)"."""
    text = _LEADING_UNIT.sub("", clean_text(value)) if isinstance(value, str) else ""
    return text.startswith("(") and text.endswith(")")
