"""Date columns: the order of "05/06/2024" is decided once per column, from its evidence.

A numeric date reads day first (the Indonesian way) unless something in the file shows the
other order: a value that only reads month first ("1/16/2024", a Google Forms export in the US
locale), or, when the column has none, another date column of the file, such as the Timestamp
a form adds to every answer. Every value of the column is then read in that one order, and the
reading is said once. A column that needs both orders ("13/01" and "01/13") cannot be read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Protocol

from desa_terbuka.core.text import Text, ranges
from desa_terbuka.normalise.formats import (
    FormatError,
    Order,
    clean_text,
    date_order_hint,
    numeric_date,
    read_date,
)


class Records(Protocol):
    """What of ``records.Records`` a date column needs (records.py imports this module)."""

    definition: Any
    rows: Any
    row_numbers: list[int]
    reported_cells: set[tuple[int, str]]
    extras: dict[int, dict[str, str]]

    def note(self, code: str, row: int | None = None, field_name: str | None = None,
             value: str | None = None, **params: Any) -> None: ...


_ORDER_TEXT = {"mdy": Text("bulan/tanggal/tahun", "month/day/year"),
               "dmy": Text("tanggal/bulan/tahun", "day/month/year")}


@dataclass(frozen=True)
class Evidence:
    """A value that can only be read in one order, and where it stands."""

    order: Order
    value: str
    row: int
    column: str


def read_date_column(records: Records, f: Any) -> None:
    """Every cell of date field ``f`` to ISO text, in the order its column's evidence shows."""
    name = f.name
    own = _evidence(records, [name])
    orders = {e.order for e in own}
    if len(orders) > 1:
        first = own[0]
        other = next(e for e in own if e.order != first.order)
        records.note("date-order-mixed", other.row, name, other.value, first=first.value,
                     first_row=first.row, first_order=_ORDER_TEXT[first.order],
                     order=_ORDER_TEXT[other.order])
    others = [g.name for g in records.definition.fields if g.type == "date" and g.name != name]
    evidence = own or _single(_evidence(records, others)) or _single(_extras_evidence(records))
    order: Order = evidence[0].order if evidence and len(orders) <= 1 else "dmy"
    read: list[int] = []  # indexes of the numeric dates read month first
    values = [row.get(name) for row in records.rows]
    times: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(records.rows):
        value = row.get(name)
        number = records.row_numbers[index]
        try:
            # in a column that mixes both, a value that reads one way only is read that way
            reading = read_date(value, date_order_hint(value) or order)
        except FormatError as problem:
            records.note(problem.code, number, name, clean_text(value), reason=problem.reason)
            records.reported_cells.add((index, name))
            row[name] = clean_text(value)
            continue
        row[name] = reading.date.isoformat() if reading else ""
        if reading and order == "mdy" and numeric_date(value):
            read.append(index)
        if reading and reading.time:
            times[reading.time].append(number)
    if read and evidence:  # said once, with the first value as the example
        # the example is a date that reads both ways: the one whose reading the order decides
        shown = evidence[0]
        first = next((i for i in read if not date_order_hint(values[i])), read[0])
        records.note("date-order-read", records.row_numbers[first], name,
                     clean_text(values[first]), reading=records.rows[first][name],
                     evidence=shown.value, evidence_row=shown.row, evidence_column=shown.column,
                     order=_ORDER_TEXT[order], rows=ranges([records.row_numbers[i] for i in read]))
    if times:
        _say_times(records, name, times)


def _say_times(records: Records, name: str, times: dict[str, list[int]]) -> None:
    """The time after a date has no field of its own: said once, so nothing is dropped unseen."""
    numbers = sorted(n for rows in times.values() for n in rows)
    example = next(iter(times))
    records.note("date-time-ignored", times[example][0], name, example, rows=ranges(numbers),
                 count=len(numbers))


def _evidence(records: Records, names: list[str]) -> list[Evidence]:
    """The values of these fields that read in one order only, in file order."""
    found = []
    for name in names:
        for row, number in zip(records.rows, records.row_numbers):
            value = row.get(name)
            if order := date_order_hint(value):
                found.append(Evidence(order, clean_text(value), number, name))
    return found


def _extras_evidence(records: Records) -> list[Evidence]:
    """Evidence from the columns no field reads (a form's Timestamp), when they read as dates."""
    found = []
    for number, cells in sorted(records.extras.items()):
        for heading, text in cells.items():
            if order := date_order_hint(text):
                found.append(Evidence(order, text, number, heading))
    return found


def _single(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence from elsewhere counts only when it all points one way."""
    return evidence if len({e.order for e in evidence}) == 1 else []


def read_by_column(value: Any) -> bool:
    """Whether a date cell's reading depends on the rest of its column (an order only month
    first fits, or a time said once for the column): a reader deciding each distinct value
    alone (the fast path) leaves such a file to the tolerant reader."""
    if date_order_hint(value) == "mdy":
        return True
    try:
        reading = read_date(value)
    except FormatError:
        return False
    return bool(reading and reading.time)
