"""The fast path: a CSV that already has the canonical layout is read by DuckDB's ``read_csv``
instead of the tolerant readers, and becomes the same ``Records``.

"Canonical" is proved, not assumed: UTF-8 text, commas, a heading row naming exactly the
schema's fields, one physical line per record, and every cell already in the form the normaliser
would write (checked in SQL for plain numbers and codes, and by the normaliser's own cell
functions once per distinct value otherwise). Where the tolerant path would skip, reshape or
reinterpret a line (report headings, totals, breakdowns, zero lines, signatures, notes), the
proof fails and the caller reads the file the tolerant way; so the findings are the same either
way (tests/unit/test_fast_path.py). Numbers that cannot be read at all are the one tolerated
exception: the normaliser reports them cell by cell, whatever the rest of the column holds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb

from desa_terbuka.collect import base
from desa_terbuka.collect.base import RawTable
from desa_terbuka.collect.csv_text import FIELD_LIMIT
from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.core.findings import Finding
from desa_terbuka.normalise.context import FileContext, fill_columns, read_context
from desa_terbuka.normalise.date_columns import read_by_column
from desa_terbuka.normalise.formats import FormatError, clean_text, read_number
from desa_terbuka.normalise.headings import Header
from desa_terbuka.normalise.lines import ranges, substantive_fields
from desa_terbuka.normalise.record_type import ranked
from desa_terbuka.normalise.records import Records, _normalise_cell, normalise
from desa_terbuka.normalise.report_sheet import Shape
from desa_terbuka.normalise.several_values import value_said
from desa_terbuka.normalise.table_rows import TableRows, new_table_name
from desa_terbuka.normalise.table_rows import quote as _col
from desa_terbuka.normalise.values import (
    ValueReading,
    amount_in_words,
    has_values,
    read_value,
    shortened_kept,
    split_unit,
)

_PLAIN_NUMBER = r"0|-?[1-9][0-9]{0,17}"  # read alike under every column style
_OBJEK = r"[456]\.[1-9]\.[1-9]\.[0-9]{2}"  # an account line, never a report heading


def canonical_header(path: Path, candidates: list[DatasetDefinition]) -> tuple[DatasetDefinition, list[str]] | None:
    """The definition whose fields the first line names exactly (no synonyms, no extra column)."""
    if path.suffix.lower() != ".csv":
        return None
    with open(path, "rb") as f:
        first = f.readline(65536)
    try:
        names = first.decode("utf-8").rstrip("\r\n").split(",")
    except UnicodeDecodeError:
        return None
    for definition in candidates:
        inputs = {f.name for f in definition.input_fields}
        if len(set(names)) == len(names) and inputs <= set(names) <= set(definition.field_names):
            return definition, names
    return None


def read_canonical(con, path: Path, definition: DatasetDefinition,
                   names: list[str]) -> tuple[Records, FileContext] | None:
    """The records and the file's context, or None when the file is not provably canonical."""
    size = path.stat().st_size
    if not 0 < size <= min(base.MAX_FILE_BYTES, base.MAX_TEXT_CHARS) or not _plain_text(path):
        return None
    lines = lines_within(path, FIELD_LIMIT)
    if lines is None:
        return None  # the tolerant reader stops such a file at its limit, with its message
    own = [n for n in names if n in {f.name for f in definition.input_fields}]
    first = definition.field(names[0])
    if names[0] not in own or not first.required or "pattern" not in first.constraints:
        return None  # a code first: a record's first cell can never read as a note or signature
    table = "canonical_file"
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM read_csv(?, header=true, "
                    "all_varchar=true, delim=',', quote='\"', escape='\"', strict_mode=true, "
                    "encoding='utf-8')", [str(path)])
        columns = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall()]
        if columns != names:
            return None
        count = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if count == 0 or count + 1 != lines or count > base.MAX_ROWS:
            return None
        if con.execute(f"SELECT count(*) FROM {table} WHERE NOT ({_rows_sql(definition, own)})").fetchone()[0]:
            return None
        odd = _odd_values(con, table, definition, own)
        if odd is None:
            return None
        cells = [f"coalesce({_col(n)}, '') AS {_col(n)}" if n in own else f"'' AS {_col(n)}"
                 for n in definition.field_names]
        records_table = new_table_name()  # the records stay in DuckDB (``table_rows.py``)
        # no ORDER BY: _i is the line's position, and every query that needs the order sorts by
        # it (sorting here cost 0.12 s of 800k lines)
        con.execute(f"CREATE TABLE {records_table} AS SELECT rowid AS _i, {', '.join(cells)} "
                    f"FROM {table}")
    except duckdb.Error:  # bad UTF-8, a ragged line …: the tolerant readers decide
        return None
    finally:
        con.execute(f"DROP TABLE IF EXISTS {table}")
    rows = TableRows(con, records_table, definition.field_names)
    read = _records(con, path, definition, names, own, rows, odd)
    if read is None:
        rows.release()
    return read


def _plain_text(path: Path) -> bool:
    with open(path, "rb") as f:
        head = f.read(4096)
    return b"\x00" not in head and not head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))


def lines_within(path: Path, limit: int) -> int | None:
    """The physical lines (DuckDB joins a quoted newline into one record: a file whose lines and
    records differ is left to the tolerant reader, so here a row number is both), or None when a line is longer than ``limit`` bytes (a base64 PDF in a cell).
    One pass in chunks; inside a chunk it jumps ``limit`` bytes at a time to the last newline
    there, so the cost does not grow with the number of lines."""
    lines, current, last = 0, 0, b"\n"  # current: bytes of the line the last chunk ended in
    with open(path, "rb") as f:
        while chunk := f.read(1 << 22):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
            first = chunk.find(b"\n")
            if first < 0:
                current += len(chunk)
            elif current + first > limit:
                return None
            else:
                position, end = first + 1, chunk.rfind(b"\n")
                while position <= end:
                    newline = chunk.rfind(b"\n", position, position + limit + 1)
                    if newline < 0:
                        return None
                    position = newline + 1
                current = len(chunk) - position
            if current > limit:
                return None
    return lines + (last != b"\n")


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _rows_sql(definition: DatasetDefinition, own: list[str]) -> str:
    """SQL: the row is a plain record line of the tolerant reader (nothing it would skip or reshape)."""
    fields = {f.name: f for f in definition.input_fields}
    filled = {n: f"coalesce({_col(n)}, '') <> ''" for n in own}
    numbers = [n for n in own if fields[n].type == "number"]
    tests = [filled[n] for n in own if fields[n].required]
    first = own[0]
    tests += _no_total_words(definition, own)
    if not numbers:  # no amounts (meetings): a line is a record when it starts with a whole code
        pattern = definition.field(first).constraints["pattern"]
        tests.append(f"regexp_full_match(coalesce({_col(first)}, ''), {_lit(pattern)})")
        tests.append(f"NOT regexp_full_match({_col(first)}, '\\(?[0-9]+\\)?|[A-Za-z]')")
        return " AND ".join(tests)  # a repeated heading cell is odd (``_odd_values``)
    tests.append("(" + " OR ".join(filled[n] for n in numbers) + ")")  # an amount: never a note
    plain = [f"regexp_full_match(coalesce({_col(n)}, '0'), {_lit(_PLAIN_NUMBER)})" for n in numbers]
    zero = " AND ".join(f"coalesce({_col(n)}, '0') = '0'" for n in numbers)
    if (definition.config.get("report_rows") or {}).get("zero_lines") == "skip":
        tests.append(f"NOT ({zero} AND {' AND '.join(plain)})")  # a template line worth 0
    tests.append(f"NOT regexp_full_match({_col(first)}, '\\(?[0-9]+\\)?|[A-Za-z]')")  # column numbering
    if "kode_rekening" in own:  # an account above objek level without its own bidang is a heading
        kegiatan = filled.get("kode_kegiatan", "FALSE")
        tests.append(f"(regexp_full_match(coalesce(kode_rekening, ''), {_lit(_OBJEK)}) OR {kegiatan})")
    elif "kode_kegiatan" in own:
        tests.append("length(coalesce(kode_kegiatan, '')) - length(replace(coalesce(kode_kegiatan, ''), "
                     "'.', '')) >= 2")
    free = [n for n in own if n not in substantive_fields(definition)]
    if len(free) >= max(2, len(own) // 2):
        return "FALSE"  # a heading repeated at a page break could pass: the tolerant reader decides
    return " AND ".join(tests)


def _no_total_words(definition: DatasetDefinition, own: list[str]) -> list[str]:
    """SQL: a line without a code has no text cell starting with a total word ("JUMLAH",
    wherever it stands): the tolerant reader may read it as a total (``lines.total_label``), so
    it decides. A coded line ("6.1.1.01 SILPA TA 2023") is a line on both paths."""
    words = [normalise_heading(w) for w in (definition.config.get("report_rows") or {}).get(
        "total_words", [])]  # normalised: letters, digits and spaces only
    if not words:
        return []
    pattern = _lit("(" + "|".join(words) + ")( .*)?")
    coded = [f"coalesce({_col(n)}, '') <> ''" for n in ("kode_rekening", "kode_kegiatan") if n in own]
    return ["(" + " OR ".join(coded + [
        f"NOT regexp_full_match(trim(regexp_replace(lower(coalesce({_col(n)}, '')), "
        f"'[^a-z0-9]+', ' ', 'g')), {pattern})"]) + ")"
        for n in own if definition.field(n).type == "string"]


@dataclass
class _Cells:
    """What the normaliser does to the distinct values that are not already canonical:
    unreadable amounts (finding code), codes it rewrites without a word ('0.0.00' -> ''), and
    descriptive values it reads as a canonical one (reported once per interpretation)."""

    unreadable: dict[tuple[str, str], str] = field(default_factory=dict)
    reported: dict[tuple[str, str], Finding] = field(default_factory=dict)  # e.g. an impossible date
    rewrite: dict[tuple[str, str], str] = field(default_factory=dict)
    readings: dict[tuple[str, str], ValueReading] = field(default_factory=dict)


def _odd_values(con, table: str, definition: DatasetDefinition, own: list[str]) -> _Cells | None:
    """None when a cell is not in a form the normaliser leaves alone or rewrites per value
    (decided by its own functions, once per distinct value)."""
    scratch = Records(definition, RawTable("", None, [], []), [{}], [0], [])
    cells = _Cells()
    for name in own:
        f = definition.field(name)
        where = f"{_col(name)} IS NOT NULL AND {_col(name)} <> ''"
        if f.type == "number":
            where += f" AND NOT regexp_full_match({_col(name)}, {_lit(_PLAIN_NUMBER)})"
        values = [v for (v,) in con.execute(f"SELECT DISTINCT {_col(name)} FROM {table} WHERE {where}").fetchall()]
        for value in values:
            if f.type == "number":
                code = _unreadable(f, value)
                if code is None:
                    return None
                cells.unreadable[(name, value)] = code
                continue
            if heading_cell(definition, name, value):
                return None  # a heading repeated at a page break: the tolerant reader skips it
            if f.type == "date" and read_by_column(value):
                return None  # "1/16/2024", "… pukul 09.00": its column decides how it reads
            scratch.rows[0], scratch.findings, scratch.reported_cells = {name: value}, [], set()
            text = _normalise_cell(scratch, 0, f, value)
            if len(scratch.rows[0]) > 1 or len(scratch.findings) > 1:
                return None  # a split or a second field: the tolerant path decides
            if scratch.findings:  # the cell's own problem (a FormatError), whatever the others hold
                if scratch.reported_cells != {(0, name)}:
                    return None
                cells.reported[(name, value)] = scratch.findings[0]
            if text != value:
                cells.rewrite[(name, value)] = text
            if has_values(definition, name):
                reading = read_value(definition, name, text)
                if shortened_kept(definition, name, reading):
                    return None  # its full text goes to another field: the tolerant path decides
                if reading.how:
                    cells.readings[(name, text)] = reading  # it reads the normalised text
    return cells


def heading_cell(definition: DatasetDefinition, name: str, value: str) -> bool:
    """A cell that reads as its column's heading (``lines.classify`` counts such cells)."""
    return normalise_heading(value) == normalise_heading(name)


def _unreadable(f, value: str) -> str | None:
    """The finding code of an amount the normaliser cannot read at all (None: it can, or reads
    it another way: the tolerant path decides)."""
    number, unit = split_unit(f, value)
    if unit or number != value or clean_text(value) != value or amount_in_words(value) is not None:
        return None
    try:
        read_number(value)
    except FormatError as problem:
        return problem.code
    return None


def _records(con, path: Path, definition: DatasetDefinition, names: list[str], own: list[str],
             rows: TableRows, cells: _Cells) -> tuple[Records, FileContext] | None:
    heading = RawTable(str(path), None, [list(names)], [1], encoding="utf-8", delimiter=",")
    found = ranked([heading], [definition])
    if not found:
        return None
    header: Header = found[0][3]
    if set(header.columns.values()) != set(own) or header.interpreted or header.duplicates:
        return None
    records = normalise(heading, definition, header, own=set(header.columns), skipped={})
    context = read_context(heading, header.top, path)
    records.sources = fill_columns(heading, header, definition, context)
    records.rows = rows
    records.row_numbers = list(range(2, len(rows) + 2))
    everything = [n for n in definition.field_names if n in own]
    marked = {}  # the cells the normaliser reports, found by their value as written
    for name in everything:
        wanted = [v for (n, v) in cells.unreadable.keys() | cells.reported.keys() if n == name]
        if wanted:
            marked[name] = con.execute(f"SELECT _i, {_col(name)} FROM {rows.table_for(con)} WHERE "
                                       f"{_col(name)} IN (SELECT unnest(?::VARCHAR[])) ORDER BY _i",
                                       [wanted]).fetchall()
    for name in {n for n, _ in cells.rewrite}:
        rewrite = {v: text for (n, v), text in cells.rewrite.items() if n == name}
        rows.update(f"UPDATE {{table}} SET {_col(name)} = m.t FROM (SELECT unnest(?::VARCHAR[]) AS v, "
                    f"unnest(?::VARCHAR[]) AS t) m WHERE {{table}}.{_col(name)} = m.v",
                    [list(rewrite), list(rewrite.values())])
    for name in everything:  # the normaliser's notes, field by field
        for index, value in marked.get(name, []):
            if (name, value) in cells.unreadable:
                records.note(cells.unreadable[(name, value)], index + 2, name, value)
            else:
                records.findings.append(replace(cells.reported[(name, value)], file=str(path), row=index + 2))
            records.reported_cells.add((index, name))
        readings = {v: r for (n, v), r in cells.readings.items() if n == name}
        if readings:
            _read_values(con, records, rows, name, readings)
    records.shape = Shape()
    return records, context


def _read_values(con, records: Records, rows: TableRows, name: str,
                 readings: dict[str, ValueReading]) -> None:
    """``records._read_values`` in SQL, each distinct value's reading looked up, not read again:
    the value becomes canonical, and each interpretation is one note with its rows."""
    target = (records.definition.config["values"][name] or {}).get("as_written")
    reported = [i for i, n in records.reported_cells if n == name]
    texts = list(readings)
    where = (f"{_col(name)} IN (SELECT unnest(?::VARCHAR[])) AND _i NOT IN "
             f"(SELECT unnest(?::BIGINT[]))")
    found = con.execute(f"SELECT _i, {_col(name)} FROM {rows.table_for(con)} WHERE {where} ORDER BY _i",
                        [texts, reported]).fetchnumpy()
    seen: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, text in zip(found["_i"].tolist(), found[name].tolist()):
        reading = readings[text]
        seen[(reading.how, reading.written, reading.value)].append(index + 2)
    sets = [f"{_col(name)} = m.v"]
    if target:
        sets.append(f"{_col(target)} = CASE WHEN {{table}}.{_col(target)} = '' THEN m.w "
                    f"ELSE {{table}}.{_col(target)} END")
    rows.update(f"UPDATE {{table}} SET {', '.join(sets)} FROM (SELECT unnest(?::VARCHAR[]) AS t, "
                f"unnest(?::VARCHAR[]) AS v, unnest(?::VARCHAR[]) AS w) m "
                f"WHERE {{table}}.{_col(name)} = m.t AND {{table}}._i NOT IN (SELECT unnest(?::BIGINT[]))",
                [texts, [readings[t].value for t in texts], [readings[t].written for t in texts], reported])
    for (how, written, value), numbers in seen.items():
        code, said = value_said(records.definition, name, "value-read" if how != "fallback" else
                                "value-fallback" if value else "value-cleared", written)
        records.note(code, numbers[0], name, written, canonical=value, rows=ranges(numbers), **said)


__all__ = ["canonical_header", "lines_within", "read_canonical"]
