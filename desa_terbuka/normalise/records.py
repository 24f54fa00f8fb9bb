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
from datetime import date
from typing import Any

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.findings import MESSAGE_VALUE_LIMIT, Finding, clip
from desa_terbuka.core.text import Text, ranges
from desa_terbuka.normalise.formats import FormatError, clean_text, parse_date, read_number
from desa_terbuka.normalise.context import title_lines
from desa_terbuka.normalise.date_columns import read_date_column
from desa_terbuka.normalise.date_parts import date_part_columns, joined_date, written_parts
from desa_terbuka.normalise.above_heading import lines_above
from desa_terbuka.normalise.attendance_parts import check_parts
from desa_terbuka.normalise.heading_notes import unknown_notes
from desa_terbuka.normalise.headings import Header
from desa_terbuka.normalise.lines import KINDS, classify
from desa_terbuka.normalise.name_span import column_letter
from desa_terbuka.normalise.not_held import not_held
from desa_terbuka.normalise.record_numbers import file_style, normalise_numbers
from desa_terbuka.normalise.record_set import Records, report_cell
from desa_terbuka.normalise.several_values import value_said
from desa_terbuka.normalise.stated_units import stated_scales, unit_of
from desa_terbuka.normalise.table_rows import TableRows, quote
from desa_terbuka.normalise.values import (
    code_read_said,
    count_by_order,
    count_from_parts,
    heading_order,
    has_values,
    read_code,
    read_count,
    read_value,
    shortened_kept,
)

_LETTERS = re.compile(r"[A-Za-z@]")
_HOW = {"kata": Text("dari kata-katanya", "by its words"), "ejaan": Text("ejaan mirip", "similar spelling"),
        "urutan": Text("kolom lain tidak menyebutnya", "no other column names it"),
        "nomor": Text("judul itu juga di atas kolom nomor urut di kirinya; nomornya tidak diambil",
                      "that heading also stands over the running-number column to its left; "
                      "the numbers are not taken")}


def normalise(table: RawTable, definition: DatasetDefinition, header: Header,
              own: set[int] | None = None, skipped: dict[str, list[int]] | None = None,
              notes: list[tuple[int, str]] | None = None) -> Records:
    """Map columns to fields and normalise every cell; never raises on bad data.

    ``own``: the table's own columns (default: every mapped one), as opposed to columns filled
    from the file's context; ``skipped``: lines an earlier step (a report shape) left out;
    ``notes``: (source row, text) of the lines under the table an earlier step left out."""
    records = Records(definition, table, [], [], [], header=header)
    header_row = table.row_numbers[header.row_index]
    date_parts = date_part_columns(definition, header)  # "Tgl | Bln | Thn": one date
    joined = {c for cols in date_parts.values() for c in cols[1:]}
    for name, cols in date_parts.items():
        day, month, year = (clean_text(header.lower.get(c) or header.written.get(c, ""))
                            for c in cols)
        records.note("date-parts-joined", header_row, name, day, month=month, year=year)
    hidden = table.hidden_columns  # the operator never sees them: no spelling to check
    for code, name, heading, params in unknown_notes(header, definition, joined, hidden):
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
    if above := lines_above(table, header.top, max(header.written, default=-1) + 1):  # a block with no heading row of its own
        records.note("lines-above-heading", above[0], rows=ranges(above), count=len(above),
                     heading_row=header_row if header.first_row is None
                     else table.row_numbers[header.first_row])
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
    planned = not_held(table, header, definition, lines.data)  # a schedule's meeting not held
    named = [c for c, n in header.columns.items() if n == definition.config.get("transposed_name")]
    for index, status in planned.items():
        name = next((clean_text(table.rows[index][c]) for c in named if c < len(table.rows[index])), "")
        records.note("record-not-held", table.row_numbers[index], None, status,
                     rows=str(table.row_numbers[index]), name=name)
    formulas = []
    typed = {f.name for f in definition.fields if f.type != "string"}
    for index in (i for i in lines.data if i not in planned):
        row, number = table.rows[index], table.row_numbers[index]
        cells = {name: (row[col] if col < len(row) else None) for col, name in header.columns.items()}
        for name, cols in date_parts.items():
            day, month, year = (row[c] if c < len(row) else None for c in cols)
            if not isinstance(day, date) and any(clean_text(v) for v in (day, month, year)):
                cells[name] = joined_date(day, month, year) or written_parts(day, month, year)
        records.rows.append(cells)
        records.row_numbers.append(number)
        extra = {_heading(header, col): text for col, value in enumerate(row)
                 if col not in header.columns and col not in header.context and col not in joined
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
    check_parts(records, header, [i for i in lines.data if i not in planned])
    _normalise_cells(records)
    for index, name, formula in formulas:  # an empty cell that is really an unsaved formula
        report_cell(records, index, name, "formula-no-value", "", reason=formula)
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
    convention = file_style(records)
    for f in definition.fields:
        if not any(f.name in row for row in records.rows):
            for row in records.rows:
                row.setdefault(f.name, "")
            continue
        if f.type == "number":
            normalise_numbers(records, f, convention)
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
        split = [(i, w) for i, row in enumerate(records.rows) if (w := row.pop("__split__" + f.name, None))]
        if split:  # two numbers in one cell, named by the heading: said, with an example
            i = split[0][0]
            records.note("count-parts-by-heading", records.row_numbers[i], f.name,
                         split[0][1], heading=_order_heading(records, f.name),
                         reading=records.rows[i][f.name],
                         rows=ranges([records.row_numbers[j] for j, _ in split]))
        if summed:  # the sum is the file's number only by reading: said, with an example
            first, written = summed[0]
            records.note("count-from-parts", records.row_numbers[first], f.name, written,
                         reading=records.rows[first][f.name],
                         rows=ranges([records.row_numbers[i] for i, _ in summed]))
        if has_values(definition, f.name):
            _read_values(records, f.name)


_DASHES = {"-", "–", "—", "--"}


def _normalise_cell(records: Records, index: int, f, value: Any) -> str:
    try:
        if f.type == "date":
            parsed = parse_date(value)
            return parsed.isoformat() if parsed else ""
        if f.type == "integer":
            if f.raw.get("x-dash") == "unstated" and clean_text(value) in _DASHES:
                return ""  # '-' under "Undangan": not stated (a meeting held had invitations), not 0
            keys = f.raw.get("x-parts") or {}
            count, parts = read_count(value)
            if not parts and (from_parts := count_from_parts(value, keys)):
                count, parts = from_parts  # "L 23 / P 11": the parts, and their sum as the count
            order = _order(records, f.name, keys) if keys and not parts else None
            if order and (by_order := count_by_order(value, order)):
                count, parts = by_order  # "18 / 7" under "Hadir (L / P)"
                records.rows[index]["__split__" + f.name] = clean_text(value)
            for key, target in keys.items():
                if key in parts and not clean_text(records.rows[index].get(target)):
                    records.rows[index][target] = parts[key]  # "45 orang (L 25, P 20)"
            return _integer_text(count)
        text = clean_text(value)
        if "pattern" in f.constraints:
            code, rest = read_code(records.definition, f.name, text)
            if rest:  # "4.1.1. Hasil Usaha Desa": the name goes to the description
                records.rows[index].setdefault("__rest__" + f.name, rest)
            # words squashed into no code stay as written: the message quotes the cell as typed
            squashed = " " in text and code and not re.fullmatch(f.constraints["pattern"], code)
            return text if squashed and not rest else code
        return text
    except FormatError as problem:
        report_cell(records, index, f.name, problem.code, value, reason=problem.reason)
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
        if target := shortened_kept(records.definition, name, reading):
            # the words the value leaves out are kept, in the note field, and said
            kept = f"{name} {reading.written}"
            row[target] = "; ".join(t for t in (clean_text(row.get(target)), kept) if t)
            seen[("kept", reading.written, reading.value, target)].append(records.row_numbers[index])
        elif reading.how:
            seen[(reading.how, reading.written, reading.value, "")].append(records.row_numbers[index])
    for (how, written, value, target), numbers in seen.items():
        if how == "kept":
            records.note("value-shortened-kept", numbers[0], name, written, canonical=value,
                         rows=ranges(numbers), target=target)
            continue
        code, said = value_said(records.definition, name, {  # "ADD, PBH": several, said so
            "fallback": "value-fallback" if value else "value-cleared", "flag": "value-flag-read"}.get(
            how, "value-read"), written)
        records.note(code, numbers[0], name, written, canonical=value, rows=ranges(numbers), **said)


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


def _order_heading(records: Records, name: str) -> str:
    header = records.header
    col = next((c for c, n in header.columns.items() if n == name), None) if header else None
    return clean_text(header.written.get(col, "")) if col is not None else ""


def _order(records: Records, name: str, keys: dict[str, str]) -> tuple[str, str] | None:
    """The parts the field's heading announces in order ("JUMLAH PESERTA (L/P)")."""
    return heading_order(_order_heading(records, name), keys)
