"""The batch's cells (``set_check``): each distinct value of a column decided once by the
normaliser's own cell functions, as ``canonical._odd_values`` decides them file by file. A value
it leaves alone is plain; one it rewrites silently, or reads as a canonical value with a note, is
applied in SQL to the whole batch (the notes per file, with the operator's rows); any other
value sends its file the per-file way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desa_terbuka.collect.base import RawTable, Submission
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import ranges
from desa_terbuka.normalise import canonical
from desa_terbuka.normalise.date_columns import read_by_column
from desa_terbuka.normalise.records import Records, _normalise_cell
from desa_terbuka.normalise.several_values import value_said
from desa_terbuka.normalise.values import has_values, read_value
from desa_terbuka.validate.relation import literal, quote, value_table

_DECIDED: dict[tuple, tuple] = {}  # (record type, field, value) -> (how, what)


def flags(con, query: str, params: list | None = None) -> set[int]:
    """The first column of a query's rows (file numbers) as a set."""
    return {f for (f,) in con.execute(query, params or []).fetchall()}


@dataclass
class Cells:
    """Distinct values the normaliser changes without a finding (``rewrite``) or reads as a
    canonical value with a note (``readings``), per field; every other odd value flags its file."""

    flagged: set[int] = field(default_factory=set)
    rewrite: dict[str, dict[str, str]] = field(default_factory=dict)
    readings: dict[str, dict[str, object]] = field(default_factory=dict)


def odd_cells(con, raw: str, definition: DatasetDefinition, own: list[str]) -> Cells:
    """``canonical._odd_values`` over the batch: each distinct value decided once."""
    scratch = Records(definition, RawTable("", None, [], []), [{}], [0], [])
    cells = Cells()
    for name in own:
        f = definition.field(name)
        where = f"{quote(name)} IS NOT NULL AND {quote(name)} <> ''"
        if f.type == "number":  # a non-plain amount: the per-file path reads or reports it
            cells.flagged |= flags(con, f"SELECT DISTINCT _f FROM {raw} WHERE {where} AND NOT "
                                         f"regexp_full_match({quote(name)}, {literal(canonical._PLAIN_NUMBER)})")
            continue
        odd = []
        for (value,) in con.execute(f"SELECT DISTINCT {quote(name)} FROM {raw} WHERE {where}").fetchall():
            key = (definition.record_type, name, value)
            if key not in _DECIDED:
                scratch.rows[0], scratch.findings, scratch.reported_cells = {name: value}, [], set()
                text = _normalise_cell(scratch, 0, f, value)
                reading = read_value(definition, name, text) if has_values(definition, name) else None
                if len(scratch.rows[0]) > 1 or scratch.findings or (text != value and reading and reading.how) \
                        or canonical.heading_cell(definition, name, value) \
                        or (f.type == "date" and read_by_column(value)):
                    _DECIDED[key] = ("odd", None)
                elif reading is not None and reading.how:
                    _DECIDED[key] = ("reading", reading)
                elif text != value:
                    _DECIDED[key] = ("rewrite", text)
                else:
                    _DECIDED[key] = ("plain", None)
            how, what = _DECIDED[key]
            if how == "odd":
                odd.append(value)
            elif how == "reading":
                cells.readings.setdefault(name, {})[value] = what
            elif how == "rewrite":
                cells.rewrite.setdefault(name, {})[value] = what
        if odd:
            value_table(con, "batch_odd", {"v": odd})
            cells.flagged |= flags(con, f"SELECT DISTINCT _f FROM {raw} WHERE {quote(name)} IN "
                                         f"(SELECT v FROM batch_odd)")
    return cells


def reading_notes(con, raw: str, definition: DatasetDefinition, cells: Cells,
                   subs: list[Submission]) -> dict[int, list[Finding]]:
    """``canonical._read_values``' notes: one per file and interpretation, with its rows."""
    notes: dict[int, list[Finding]] = {}
    for name, readings in cells.readings.items():
        value_table(con, "batch_read", {"v": list(readings)})
        found = con.execute(
            f"SELECT _f, list({quote(name)} ORDER BY _l), list(_l ORDER BY _l) FROM (SELECT _f, {quote(name)}, "
            f"row_number() OVER (PARTITION BY _f ORDER BY _r) + 1 AS _l FROM {raw}) "
            f"WHERE {quote(name)} IN (SELECT v FROM batch_read) GROUP BY _f ORDER BY _f").fetchall()
        for f, values, lines in found:
            seen: dict[tuple, list[int]] = {}
            for value, line in zip(values, lines):
                r = readings[value]
                seen.setdefault((r.how, r.written, r.value), []).append(line)
            for (how, written, value), numbers in seen.items():
                code, said = value_said(definition, name, "value-read" if how != "fallback" else
                                        "value-fallback" if value else "value-cleared", written)
                notes.setdefault(f, []).append(Finding(code, str(subs[f].path), None, numbers[0], name, written,
                                                       params={"canonical": value, "rows": ranges(numbers), **said}))
    return notes


def cell_sql(definition: DatasetDefinition, name: str, own: list[str], cells: Cells) -> str:
    """A field's canonical text: as written, rewritten, or as read (and the written value kept
    in the reading's ``as_written`` field)."""
    text = f"coalesce({quote(name)}, '')" if name in own else "''"
    cases = [(v, t) for v, t in cells.rewrite.get(name, {}).items()]
    cases += [(v, r.value) for v, r in cells.readings.get(name, {}).items()]
    for source, readings in cells.readings.items():
        target = (definition.config["values"][source] or {}).get("as_written")
        if target == name:
            whens = " ".join(f"WHEN {quote(source)} = {literal(v)} THEN {literal(r.written)}"
                             for v, r in readings.items())
            return f"CASE WHEN {text} <> '' THEN {text} {whens} ELSE {text} END"
    if not cases:
        return text
    whens = " ".join(f"WHEN {literal(v)} THEN {literal(t)}" for v, t in cases)
    return f"CASE {text} {whens} ELSE {text} END"
