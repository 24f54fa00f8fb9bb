"""Amounts and counts of a table's number columns, read as their writer meant them.

The column's own telling values settle its convention (1.234,50 or 1,234.50); a column with none
follows the file's; units, sizes ('350 x 4 m'), words ('5 jt'), stated scales and bracketed
outflows are read here, each said once to the operator.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from desa_terbuka.core.text import Text, display, ranges
from desa_terbuka.normalise.amount_columns import bracketed, outflow_lines
from desa_terbuka.normalise.formats import (
    FormatError,
    NumberReading,
    clean_text,
    column_style,
    format_decimal,
    read_number,
)
from desa_terbuka.normalise.record_set import Records, report_cell
from desa_terbuka.normalise.stated_units import unit_of
from desa_terbuka.normalise.values import (
    amount_in_words,
    number_code,
    size_across,
    size_moved,
    split_unit,
    split_unit_note,
)

_CONVENTION = {"id": Text("Indonesia (1.234,50)", "Indonesian (1.234,50)"),
               "en": Text("Inggris (1,234.50)", "English (1,234.50)")}


def file_style(records: Records) -> str | None:
    """The number convention the file's unambiguous numbers settle on, over all its number
    columns ('id', 'en', 'mixed' or None): a column with no telling value of its own follows it."""
    readings = []
    for f in records.definition.fields:
        if f.type != "number":
            continue
        for row in records.rows:
            try:
                reading = read_number(split_unit(f, row.get(f.name))[0])
            except FormatError:
                continue
            if reading is not None:
                readings.append(reading)
    return column_style(readings)


def normalise_numbers(records: Records, f, convention: str | None = None) -> None:
    name = f.name
    readings: list[NumberReading | None] = []
    units: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(records.rows):
        value, unit, note = split_unit_note(f, size_across(f, row))
        if isinstance(value, Decimal) and note:  # '350 x 4 m': a size, its product the volume
            _size_read(records, index, f, value, unit, note)
            readings.append(NumberReading("plain", value, value))
            continue
        if unit and f.raw.get("x-unit-field"):
            target = f.raw["x-unit-field"]
            if not clean_text(row.get(target)):
                row[target] = unit
                units[unit].append(records.row_numbers[index])
        if note:  # "1 unit (12 x 2 m)": the count is the volume, the size goes to the note field
            target = f.raw.get("x-note-field")
            if target:
                row[target] = "; ".join(t for t in (clean_text(row.get(target)), note) if t)
            records.note("unit-note-read", records.row_numbers[index], name, clean_text(row.get(name)),
                         reading=clean_text(value), unit=unit, note=note, target=target or "-")
        try:
            readings.append(read_number(value))
        except FormatError as problem:
            worded = amount_in_words(value)
            if worded is not None:  # "5 jt": read, and say how, so the operator can check
                readings.append(NumberReading("plain", worded, worded))
                records.note("amount-in-words", records.row_numbers[index], name,
                             clean_text(value), reading=display(worded))
                continue
            readings.append(None)
            report_cell(records, index, name, number_code(f, problem.code), row.get(name))
            row[name] = clean_text(row.get(name))
            row["__bad__" + name] = "1"
    for unit, numbers in units.items():
        records.note("unit-split", numbers[0], name, unit, target=f.raw["x-unit-field"],
                     rows=ranges(numbers))
    style = column_style([r for r in readings if r is not None])
    outflows: dict[str, list[Any]] = {}  # as written -> [amount read, rows…]
    by_file: list[tuple[int, str]] = []  # ambiguous cells the file's convention reads otherwise
    by_range: list[tuple[int, str]] = []  # ambiguous cells only one reading of fits the field's range
    if style is not None or convention not in _CONVENTION:
        convention = None
    for index, (row, reading) in enumerate(zip(records.rows, readings)):
        row_text = row.get(name)
        if row.pop("__bad__" + name, None):
            continue
        if reading is None:
            row[name] = ""
            continue
        number = reading.value(style)
        if convention and reading.style == "ambiguous":
            # A column with no telling value follows the file, for a thousands group only: "1,200"
            # beside "312,450,000.00" is 1200; "1,234" beside "1.234.567" stays a question.
            grouped = reading.value(convention)
            # An English file's "12.75" has no thousands reading at all: its dot is the decimal.
            if grouped is not None and grouped != number and (
                    grouped == grouped.to_integral_value()
                    or (convention == "en" and reading.id_value is None)):
                number = grouped
                by_file.append((index, clean_text(row_text)))
        if number is None and reading.style == "ambiguous" \
                and (fitting := in_range(f, reading)) is not None:
            number = fitting  # "95.5" in a 0-100 percent: 955 is no percent, said below
            by_range.append((index, clean_text(row_text)))
        if number is not None and name in records.scales:
            number *= records.scales[name]
        if number is not None and number < 0 and bracketed(row_text) \
                and outflow_lines(records.definition, row):
            number = -number  # "(50.000.000)" on pengeluaran pembiayaan: an outflow, said below
            outflows.setdefault(clean_text(row_text), [number]).append(records.row_numbers[index])
        if number is None:
            reason = (Text("kolom ini memakai format Indonesia dan Inggris sekaligus",
                           "this column mixes Indonesian and English number formats")
                      if style == "mixed" else
                      Text("titik/koma bisa berarti ribuan atau desimal",
                           "the dot/comma can mean thousands or decimals"))
            report_cell(records, index, name, "ambiguous-number", row.get(name), reason=reason)
            row[name] = clean_text(row.get(name))
        else:
            row[name] = format_decimal(number)
            if name in records.scale_words:  # said once, with the first amount as the example
                scale = records.scale_words.pop(name)
                records.note("amounts-scaled", scale.row or records.row_numbers[index], name,
                             scale.written, unit=unit_of(scale.factor), source=scale.source(),
                             place=scale.place(), factor=display(Decimal(scale.factor)),
                             example=clean_text(row_text), reading=display(number))
    if by_file:  # "1,200" beside "312,450,000.00": said once, with the first as the example
        first, written = by_file[0]
        number = Decimal(records.rows[first][name])
        records.note("number-convention-read", records.row_numbers[first], name, written,
                     reading=Text(display(number), format_decimal(number)),
                     convention=_CONVENTION[convention],
                     rows=ranges([records.row_numbers[i] for i, _ in by_file]))
    if by_range:
        first, written = by_range[0]
        number = Decimal(records.rows[first][name])
        records.note("number-range-read", records.row_numbers[first], name, written,
                     reading=Text(display(number), format_decimal(number)),
                     range=_range_text(f), rows=ranges([records.row_numbers[i] for i, _ in by_range]))
    for written, (amount, *numbers) in outflows.items():
        accounts = ", ".join(p for ps in records.definition.config["outflow_accounts"].values() for p in ps)
        records.note("outflow-brackets-read", numbers[0], name, written, accounts=accounts,
                     reading=display(amount), rows=ranges(numbers))


def _size_read(records: Records, index: int, f, volume: Decimal, unit: str, size: str) -> None:
    written, exact = size_moved(f, records.rows[index], unit, size), f"{volume:,f}"  # 93,75: every decimal
    said = Text(f"satuan tertulis '{written}'", f"unit written '{written}'") if written else \
        Text("satuan belum ditulis", "no unit was written")
    records.note("volume-size-read", records.row_numbers[index], f.name, size, unit=unit, satuan=said,
                 reading=Text(exact.replace(",", "_").replace(".", ",").replace("_", "."), exact),
                 target=f.raw["x-unit-field"], note=f.raw.get("x-note-field") or "-")


def in_range(f, reading: NumberReading) -> Decimal | None:
    """The one reading of an ambiguous cell that lies in the field's declared range (a percent's
    0-100: "95.5" is 95.5, never 955), or None when the field has no upper bound (an amount in
    rupiah: '1.250' keeps today's rules) or both readings fit or neither does."""
    low, high = f.constraints.get("minimum"), f.constraints.get("maximum")
    if high is None:
        return None
    readings = {r for r in (reading.id_value, reading.en_value, _dot_as_thousands(reading))
                if r is not None}
    fits = {r for r in readings if (low is None or r >= Decimal(str(low))) and r <= Decimal(str(high))}
    return fits.pop() if len(readings) > 1 and len(fits) == 1 else None


def _dot_as_thousands(reading: NumberReading) -> Decimal | None:
    """'95.5' read with its dot as a thousands mark (955): no valid grouping, but what a reader
    who takes the dot for thousands would make of it."""
    number = reading.en_value
    if number is None or reading.id_value is not None:
        return None
    exponent = number.as_tuple().exponent
    return number.scaleb(-exponent) if isinstance(exponent, int) and exponent < 0 else None


def _range_text(f) -> Text:
    low, high = f.constraints.get("minimum"), f.constraints.get("maximum")
    unit = f.raw.get("x-unit") or ""
    written = f"{low if low is not None else ''}-{high}{' ' + unit if unit else ''}".lstrip("-")
    return Text(written, written)
