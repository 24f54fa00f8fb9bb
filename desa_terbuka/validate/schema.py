"""Validate canonical records: the Frictionless Table Schema, then the reference tables.

Two engines give the same findings: ``sql`` (the default: the schema compiled to set-based SQL
over DuckDB, ``validate/sql_schema.py``) and ``reference`` (Frictionless row by row, the
definition of what is right; tests/unit/test_sql_validation.py holds them equal). Both yield
Frictionless' error shape, turned into findings here. Frictionless reports rows counting the
header as row 1; findings carry the row the operator sees in the original file instead.
"""

from __future__ import annotations

import re
from typing import Iterable, Literal

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.records import Records
from desa_terbuka.normalise.values import number_code
from desa_terbuka.validate import sql_schema
from desa_terbuka.validate.codes import reference_findings
from desa_terbuka.validate.relation import loaded
from desa_terbuka.validate.same_item import repeated_findings, same_item_findings

Engine = Literal["sql", "reference"]

_CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"', re.DOTALL)


def validate(records: Records, engine: Engine = "sql", table: str | None = None) -> list[Finding]:
    """All schema and reference findings for the records (normalisation findings excluded).

    ``table``: the records already loaded in DuckDB (``relation.loaded``) for the SQL engine."""
    if engine == "sql" and table is None and records.rows:
        with loaded(records) as own:
            return validate(records, engine, own)
    conflicting = same_item_findings(records, table)
    repeated = repeated_findings(records, table, {f.row for f in conflicting})
    return schema_findings(records, engine, table) + identical_lines(records, engine, table) + \
        conflicting + repeated + reference_findings(records, engine, table)


def identical_lines(records: Records, engine: Engine = "sql", table: str | None = None) -> list[Finding]:
    """A true duplicate is a line identical in every field the village wrote: its amounts would
    count twice. Lines that differ in anything (a lokasi, an uraian) are two lines."""
    if engine == "sql":
        return [Finding("duplicate-row", records.table.file, records.table.sheet,
                        records.row_numbers[index], None, None,
                        params={"reason": records.row_numbers[first]})
                for index, first in sql_schema.identical_rows(records, table)]
    names = [f.name for f in records.definition.input_fields]
    first: dict[tuple, int] = {}
    findings = []
    for index, row in enumerate(records.rows):
        key = tuple(row.get(n, "") for n in names)
        if key in first:
            findings.append(Finding("duplicate-row", records.table.file, records.table.sheet,
                                    records.row_numbers[index], None, None,
                                    params={"reason": records.row_numbers[first[key]]}))
        else:
            first[key] = index
    return findings


def schema_findings(records: Records, engine: Engine = "sql", table: str | None = None) -> list[Finding]:
    if not records.rows:
        return []
    if engine == "sql" and sql_schema.supports(records.definition):
        return findings_from_errors(records, sql_schema.schema_errors(records, table))
    return findings_from_errors(records, frictionless_errors(records))


def frictionless_errors(records: Records) -> list[tuple]:
    """The reference engine: Frictionless validates the records row by row."""
    from frictionless import Resource, Schema

    names = records.definition.field_names
    data = [names] + [[row.get(n, "") for n in names] for row in records.rows]
    schema = Schema.from_descriptor(records.definition.schema)
    report = Resource(data=data, schema=schema).validate(limit_errors=100_000)
    return [(row_number, error_type, field_name, note, cell) for row_number, field_name, error_type, note, cell
            in report.flatten(["rowNumber", "fieldName", "type", "note", "cell"])]


def findings_from_errors(records: Records, errors: Iterable[tuple]) -> list[Finding]:
    """Frictionless' errors (row number, type, field, note, cell) as findings at the operator's rows,
    leaving out cells whose problem the normaliser already reported."""
    findings = []
    for row_number, error_type, field_name, note, cell in errors:
        index = row_number - 2 if row_number else None
        if index is not None and (index, field_name) in records.reported_cells:
            continue
        finding = _from_frictionless(records, index, field_name, error_type, note or "", cell)
        if finding is not None:
            findings.append(finding)
    return findings


_FORMAT_REASONS = {
    "uri": Text("harus alamat web lengkap, mis. https://…", "must be a full web address, e.g. https://…"),
    "email": Text("harus alamat surel, mis. nama@contoh.id", "must be an e-mail address, e.g. name@example.id"),
}


def _key_complete(records: Records, index: int | None) -> bool:
    """Every primary-key cell of the row is filled and was read without a problem."""
    if index is None or not 0 <= index < len(records.rows):
        return False
    row = records.rows[index]
    return all(row.get(name) and (index, name) not in records.reported_cells
               for name in records.definition.primary_key)


def _from_frictionless(records: Records, index, field_name, error_type, note, cell) -> Finding | None:
    table = records.table
    row = records.row_numbers[index] if index is not None and index < len(records.row_numbers) else None
    where = dict(file=table.file, sheet=table.sheet, row=row, field=field_name,
                 value=None if cell is None else str(cell))
    definition = records.definition
    if error_type == "primary-key":
        first = re.search(r"position (\d+)", note)
        first_index = int(first[1]) - 2 if first else None
        if not _key_complete(records, index) or (
                first_index is not None and not _key_complete(records, first_index)):
            return None  # a key cell is empty or unreadable: already reported, not a duplicate
        first_row = records.row_numbers[first_index] if first_index is not None else "?"
        return Finding("duplicate-row", **{**where, "field": ", ".join(definition.primary_key)},
                       params={"reason": first_row})
    if error_type == "type-error":
        f = definition.field(field_name) if field_name else None
        field_type = f.type if f else "string"
        code = {"integer": "invalid-integer", "number": "invalid-number", "date": "invalid-date"}
        fmt = f.raw.get("format", "default") if f else "default"
        reason = (_FORMAT_REASONS.get(fmt, Text(f"harus berformat {fmt}", f"must have format {fmt}"))
                  if fmt != "default" else Text(f"harus bertipe {field_type}", f"must be of type {field_type}"))
        found = code.get(field_type, "invalid-value")
        return Finding(number_code(f, found) if f else found, **where, params={"reason": reason})
    match = _CONSTRAINT.search(note)
    if error_type == "constraint-error" and match and field_name:
        return _constraint_finding(records, where, field_name, match[1], match[2])
    return Finding("schema-error", **where, params={"reason": f"{error_type}: {note}"})


def _constraint_finding(records: Records, where: dict, field_name: str, name: str, limit: str):
    f = records.definition.field(field_name)
    if name == "required" or (name == "minLength" and not where["value"]):
        return Finding("required-value", **where)
    if name == "pattern":
        example = f.raw.get("example", limit)
        return Finding("invalid-code", **where, params={"example": example})
    if name == "enum":
        return Finding("not-in-list", **where, params={"allowed": ", ".join(f.constraints["enum"])})
    if name in ("minimum", "maximum"):
        word = "paling kecil" if name == "minimum" else "paling besar"
        word_en = "at least" if name == "minimum" else "at most"
        return Finding("out-of-range", **where, params={"reason": Text(f"{word} {limit}", f"{word_en} {limit}")})
    if name in ("maxLength", "minLength"):
        return Finding("too-long", **where, params={"reason": f"{name} {limit}"})
    return Finding("invalid-value", **where, params={"reason": f"{name} {limit}"})
