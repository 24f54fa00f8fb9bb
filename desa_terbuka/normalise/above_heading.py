"""Lines above the heading row: a report whose first block (I. PENDAPATAN) has no heading row of
its own, with the only heading row over a later block (II. BELANJA). Those rows are not titles:
they carry amounts. Read as title lines they would be lost without a word, so they are named
(``lines-above-heading``), an error: the published totals would miss them."""

from __future__ import annotations

import re
from decimal import Decimal

from desa_terbuka.collect.base import RawTable
from desa_terbuka.normalise.formats import FormatError, clean_text, read_number

MIN_LINES = 3  # a title block may state one or two sums ("Pagu : 50.000.000"); a section has more
_LABEL = re.compile(r"[A-Za-z]{3}")


def lines_above(table: RawTable, top: int, width: int) -> list[int]:
    """Source rows above the heading (index ``top``) that look like lines: a name and an amount
    in cells of their own within the table's ``width`` (its headed columns; a check block
    beside the title, "KONTROL", is no line), not a "label : value" pair of a header block."""
    found = []
    for index in range(min(top, len(table.rows))):
        texts = [clean_text(c) for c in table.rows[index][:width]]
        texts = [t for t in texts if t]
        if any(t.endswith(":") or t == ":" or t.startswith(":") for t in texts):
            continue
        named = any(_LABEL.search(t) and _amount(t) is None for t in texts)
        if named and any(_money(t) for t in texts):
            found.append(table.row_numbers[index])
    return found if len(found) >= MIN_LINES else []


def _amount(text: str) -> Decimal | None:
    try:
        reading = read_number(text)
    except FormatError:
        return None
    if reading is None:
        return None
    values = [v for v in (reading.id_value, reading.en_value, reading.default) if v is not None]
    return values[0] if values else None


def _money(text: str) -> bool:
    """An amount, not a year (2025), a count or a number of a title ("NOMOR 4")."""
    value = _amount(text)
    return value is not None and abs(value) >= 1000 and not (
        value == value.to_integral_value() and 1900 <= value <= 2100 and re.fullmatch(r"\d{4}", text))
