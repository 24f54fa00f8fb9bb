"""Normalise: a raw table becomes canonical records of one record type.

Headings are matched through the synonyms declared in ``datasets/*.yaml``; lines that are not
data (signatures, notes, repeated headings) are skipped; values are turned into the canonical
text Frictionless and DuckDB read without options (plain decimals, ISO dates, canonical codes,
canonical descriptive values). Every problem is a Finding at the operator's cell; every
interpretation is an ``info`` finding, so the operator sees how the file was read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.findings import MESSAGE_VALUE_LIMIT, Finding, clip
from desa_terbuka.core.text import Text, display, ranges
from desa_terbuka.normalise.amount_columns import bracketed, outflow_lines
from desa_terbuka.normalise.formats import (
    FormatError,
    NumberReading,
    clean_text,
    column_style,
    format_decimal,
    parse_date,
    read_number,
)
from desa_terbuka.normalise.context import title_lines
from desa_terbuka.normalise.date_columns import read_date_column
from desa_terbuka.normalise.heading_notes import unknown_notes
from desa_terbuka.normalise.headings import Header
from desa_terbuka.normalise.lines import KINDS, classify
from desa_terbuka.normalise.name_span import column_letter
from desa_terbuka.normalise.stated_units import Scale, stated_scales, unit_of
from desa_terbuka.normalise.table_rows import TableRows, quote
from desa_terbuka.normalise.values import (
    amount_in_words,
    code_read_said,
    count_from_parts,
    has_values,
    number_code,
    read_code,
    read_count,
    read_value,
    size_across,
    size_moved,
    split_unit,
    split_unit_note,
)

_LETTERS = re.compile(r"[A-Za-z@]")
_CONVENTION = {"id": Text("Indonesia (1.234,50)", "Indonesian (1.234,50)"),
               "en": Text("Inggris (1,234.50)", "English (1,234.50)")}
_HOW = {"kata": Text("dari kata-katanya", "by its words"), "ejaan": Text("ejaan mirip", "similar spelling"),
        "urutan": Text("kolom lain tidak menyebutnya", "no other column names it")}


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
    shape: Any = None  # the report shape it was read from (its totals are checked later)
    header: Header | None = None  # the headings it was read under (what a missing field lacked)
    title: str = ""  # the title rows above the heading, as one line
    # source row -> {heading: text} of the cells in columns no field reads (never published, but
    # scanned by the personal-data gate)
    extras: dict[int, dict[str, str]] = field(default_factory=dict)
    # source row -> {field: text as written} of number/date cells holding letters: "Daftar hadir"
    # read as the attendance count can carry a list of names the number reading drops
    typed_text: dict[int, dict[str, str]] = field(default_factory=dict)
    # field -> the factor its heading, a title row or a note states ("Biaya (Rp.000)", "(dalam
    # ribuan rupiah)": 1000); its amounts are multiplied, and so are the report's own totals of it
    scales: dict[str, int] = field(default_factory=dict)
    scale_words: dict[str, Scale] = field(default_factory=dict)  # where it is said, until said

    def note(self, code: str, row: int | None = None, field_name: str | None = None,
             value: str | None = None, **params: Any) -> None:
        self.findings.append(Finding(code, self.table.file, self.table.sheet, row, field_name,
                                     value, params=params))


def normalise(table: RawTable, definition: DatasetDefinition, header: Header,
              own: set[int] | None = None, skipped: dict[str, list[int]] | None = None,
              notes: list[tuple[int, str]] | None = None) -> Records:
    """Map columns to fields and normalise every cell; never raises on bad data.

    ``own``: the table's own columns (default: every mapped one), as opposed to columns filled
    from the file's context; ``skipped``: lines an earlier step (a report shape) left out;
    ``notes``: (source row, text) of the lines under the table an earlier step left out."""
    records = Records(definition, table, [], [], [], header=header)
    header_row = table.row_numbers[header.row_index]
    for code, name, heading, params in unknown_notes(header, definition):
        records.note(code, header_row, name, heading, **params)
    for col, (heading, unit, unit_col) in sorted(header.unit_columns.items()):
        records.note("amount-beside-unit", header_row, header.columns[col], heading, unit=unit,
                     unit_column=column_letter(unit_col), column=column_letter(col))
    for col, heading in header.duplicates.items():
        # Which of the two columns holds the data cannot be guessed: the operator must choose.
        name = header.duplicate_of.get(col)  # said with the heading of the first column
        records.note("duplicate-column", header_row, name, heading, first=next((header.written.get(
            c, "") for c, n in sorted(header.columns.items()) if n == name), ""))
    if header.interpreted:
        read = "; ".join(f"'{text}' → {header.columns[col]} ({_HOW[how]})"
                         for col, (text, how) in sorted(header.interpreted.items()))
        read_en = "; ".join(f"'{text}' → {header.columns[col]} ({_HOW[how].en})"
                            for col, (text, how) in sorted(header.interpreted.items()))
        records.note("headings-interpreted", header_row, reason=Text(read, read_en))
    for code_field, span in header.name_spans.items():
        records.note("code-under-name-heading", header_row, code_field, header.written.get(span[0]),
                     columns=", ".join(column_letter(c) for c in span),
                     name_field=header.columns[span[1]])
    titles = title_lines(table, header.top)  # read once: the title and any unit they state
    records.title = " ".join(text for _, text in titles)
    scales, conflicts = stated_scales(header, definition, titles + (notes or []))
    for name, scale in scales.items():
        records.scales[name], records.scale_words[name] = scale.factor, scale
    for conflict in conflicts:  # the amounts may be 1000 times off: the operator must say which
        first, second = conflict.first, conflict.second
        records.note("amounts-unit-conflict", second.row or header_row, conflict.field, second.written,
                     first=first.source(inside=True), first_value=clip(first.written, MESSAGE_VALUE_LIMIT),
                     first_unit=unit_of(first.factor), second=second.source(inside=True),
                     second_unit=unit_of(second.factor))
    present = set(header.columns.values())
    for f in definition.input_fields:
        if f.required and not f.may_lack and f.name not in present:
            records.note("missing-column", header_row, f.name, title=f.title)

    own = set(header.columns) if own is None else own
    lines = classify(table.rows, table.row_numbers, header.columns, header.row_index + 1,
                     definition, own, header.written)
    for kind, numbers in {**(skipped or {}), **lines.skipped}.items():
        if numbers:
            records.note("lines-skipped", numbers[0], rows=ranges(numbers), count=len(numbers),
                         reason=KINDS[kind])
    formulas = []
    typed = {f.name for f in definition.fields if f.type != "string"}
    for index in lines.data:
        row, number = table.rows[index], table.row_numbers[index]
        cells = {name: (row[col] if col < len(row) else None) for col, name in header.columns.items()}
        records.rows.append(cells)
        records.row_numbers.append(number)
        extra = {_heading(header, col): text for col, value in enumerate(row)
                 if col not in header.columns and col not in header.context
                 and (text := clean_text(value))}
        if extra:
            records.extras[number] = extra
        written = {name: text for name, value in cells.items()
                   if name in typed and (text := clean_text(value)) and _LETTERS.search(text)}
        if written:
            records.typed_text[number] = written
        formulas += [(len(records.rows) - 1, name, table.formulas[(number, col)])
                     for col, name in header.columns.items()
                     if (number, col) in table.formulas and not clean_text(cells[name])]
    _normalise_cells(records)
    for index, name, formula in formulas:  # an empty cell that is really an unsaved formula
        _report(records, index, name, "formula-no-value", "", reason=formula)
    return records


def _heading(header: Header, col: int) -> str:
    """How the operator names a column: its heading, or its spreadsheet letter when it has none."""
    written = header.written.get(col) or header.unknown.get(col) or header.duplicates.get(col)
    if written:
        return clean_text(written)
    return f"kolom {column_letter(col)}"


def number_lines(records: Records, year_of) -> None:
    """``baris``: 1, 2, 3 … per village and year, in the order of the operator's file."""
    if "baris" not in records.definition.field_names:
        return
    definition = records.definition
    name = definition.year_field  # ``year_of`` reads this field only: once per distinct value
    if isinstance(records.rows, TableRows) and records.rows.in_duckdb:
        year = f"left({quote(name)}, 4)"  # ``year_of``: four digits first, else no year
        village = "kode_desa" if "kode_desa" in definition.field_names else "''"
        part = f"{village}, CASE WHEN regexp_full_match({year}, '[0-9]{{{{4}}}}') THEN {year} END"
        count, parts, low, high = records.rows.one(
            f"SELECT count(*), count(DISTINCT ({part})), min(_i), max(_i) FROM {{table}}")
        if parts == 1 and high - low + 1 == count:  # one village and year, no gaps: no window
            records.rows.update(f"UPDATE {{table}} SET baris = CAST(_i - {low} + 1 AS VARCHAR)")
            return
        records.rows.update(
            "UPDATE {table} SET baris = n.b FROM (SELECT _i, CAST(row_number() OVER (PARTITION BY "
            f"{part} ORDER BY _i) AS VARCHAR) AS b FROM {{table}}) n WHERE {{table}}._i = n._i")
        return
    years: dict[Any, Any] = {}
    counters: dict[tuple[str, Any], int] = defaultdict(int)
    for row in records.rows:
        value = row.get(name, "")
        year = years[value] if value in years else years.setdefault(value, year_of(row, definition))
        key = (row.get("kode_desa", ""), year)
        counters[key] += 1
        row["baris"] = str(counters[key])


def _normalise_cells(records: Records) -> None:
    definition = records.definition
    convention = _file_style(records)
    for f in definition.fields:
        if not any(f.name in row for row in records.rows):
            for row in records.rows:
                row.setdefault(f.name, "")
            continue
        if f.type == "number":
            _normalise_numbers(records, f, convention)
            continue
        if f.type == "date":  # the order of "05/06/2024" is the column's, not the cell's
            read_date_column(records, f)
            continue
        said: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        summed: list[tuple[int, str]] = []  # "L 23 / P 11": (index, as written)
        for index, row in enumerate(records.rows):
            written = row.get(f.name)
            row[f.name] = _normalise_cell(records, index, f, written)
            if "pattern" in f.constraints and (told := code_read_said(definition, f.name, written or "")):
                said[(told, clean_text(written), row[f.name])].append(records.row_numbers[index])
            if f.type == "integer" and count_from_parts(written, f.raw.get("x-parts") or {}):
                summed.append((index, clean_text(written)))
        for (told, written, code), numbers in said.items():
            records.note(told, numbers[0], f.name, written, canonical=code, rows=ranges(numbers))
        if summed:  # the sum is the file's number only by reading: said, with an example
            first, written = summed[0]
            records.note("count-from-parts", records.row_numbers[first], f.name, written,
                         reading=records.rows[first][f.name],
                         rows=ranges([records.row_numbers[i] for i, _ in summed]))
        if has_values(definition, f.name):
            _read_values(records, f.name)


def _normalise_cell(records: Records, index: int, f, value: Any) -> str:
    try:
        if f.type == "date":
            parsed = parse_date(value)
            return parsed.isoformat() if parsed else ""
        if f.type == "integer":
            keys = f.raw.get("x-parts") or {}
            count, parts = read_count(value)
            if not parts and (from_parts := count_from_parts(value, keys)):
                count, parts = from_parts  # "L 23 / P 11": the parts, and their sum as the count
            for key, target in keys.items():
                if key in parts and not clean_text(records.rows[index].get(target)):
                    records.rows[index][target] = parts[key]  # "45 orang (L 25, P 20)"
            return _integer_text(count)
        text = clean_text(value)
        if "pattern" in f.constraints:
            text, rest = read_code(records.definition, f.name, text)
            if rest:  # "4.1.1. Hasil Usaha Desa": the name goes to the description
                records.rows[index].setdefault("__rest__" + f.name, rest)
        return text
    except FormatError as problem:
        _report(records, index, f.name, problem.code, value, reason=problem.reason)
        return clean_text(value)


def _read_values(records: Records, name: str) -> None:
    """Descriptive values to their canonical form; one finding per distinct interpretation."""
    spec = records.definition.config["values"][name]
    seen: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, row in enumerate(records.rows):
        if (index, name) in records.reported_cells:
            continue
        reading = read_value(records.definition, name, row.get(name, ""))
        row[name] = reading.value
        if reading.how and spec.get("as_written"):
            target = spec["as_written"]
            row[target] = row.get(target) or reading.written
        if reading.how:
            seen[(reading.how, reading.written, reading.value)].append(records.row_numbers[index])
    for (how, written, value), numbers in seen.items():
        code = {"fallback": "value-fallback" if value else "value-cleared", "flag": "value-flag-read"}.get(
            how, "value-read")
        records.note(code, numbers[0], name, written, canonical=value, rows=ranges(numbers))


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


def _file_style(records: Records) -> str | None:
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


def _normalise_numbers(records: Records, f, convention: str | None = None) -> None:
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
            _report(records, index, name, number_code(f, problem.code), row.get(name))
            row[name] = clean_text(row.get(name))
            row["__bad__" + name] = "1"
    for unit, numbers in units.items():
        records.note("unit-split", numbers[0], name, unit, target=f.raw["x-unit-field"],
                     rows=ranges(numbers))
    style = column_style([r for r in readings if r is not None])
    outflows: dict[str, list[Any]] = {}  # as written -> [amount read, rows…]
    by_file: list[tuple[int, str]] = []  # ambiguous cells the file's convention reads otherwise
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
            if grouped is not None and grouped == grouped.to_integral_value() and grouped != number:
                number = grouped
                by_file.append((index, clean_text(row_text)))
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
            _report(records, index, name, "ambiguous-number", row.get(name), reason=reason)
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


def _report(records: Records, index: int, name: str, code: str, value: Any, **params: Any) -> None:
    records.note(code, records.row_numbers[index], name, clean_text(value), **params)
    records.reported_cells.add((index, name))
