"""The per-file checks as screens over a batch relation (``set_check``): each returns the files
(``_f``) in which the per-file path would find something, or could not be proved to find nothing.

Every screen is the per-file check's own SQL or predicate, run once over the batch: the schema's
SQL (``sql_schema``), the suites compiled to SQL (``sql_expectations``), the reference codes
(``codes``), the normaliser's derivations where one may act (``normalise.derive``), the file's
name as context (``conflicts``), personal data and executable cells once per distinct value.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from desa_terbuka.collect.base import RawTable, Submission
from desa_terbuka.core.definitions import DatasetDefinition, definitions
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.spreadsheet import is_executable
from desa_terbuka.normalise.context import fill_columns, read_context
from desa_terbuka.normalise.derive import derive, trigger_sql
from desa_terbuka.normalise.record_type import ranked
from desa_terbuka.normalise.records import Records
from desa_terbuka.normalise.village_match import KODE_DESA
from desa_terbuka.validate import same_item, sql_expectations, sql_schema
from desa_terbuka.validate.codes import reference_rows
from desa_terbuka.validate.personal_data import find_personal, scanned_fields
from desa_terbuka.validate.relation import quote, value_table
from desa_terbuka.validate.set_cells import flags as _flags

_PERSONAL: dict[tuple, bool] = {}  # (field, kinds, value) -> personal or executable: decided once


def year_sql(definition: DatasetDefinition, column: str) -> str:
    """SQL of ``check.year_of``: the first four characters when they are four digits."""
    return f"CASE WHEN regexp_full_match(left({column}, 4), '[0-9]{{4}}') THEN CAST(left({column}, 4) AS INTEGER) END"


def context_flags(con, table: str, definition: DatasetDefinition, names: list[str],
                  subs: list[Submission]) -> set[int]:
    """What the file's name (its context) says: a finding, a filled column, or a row that
    contradicts it (``conflicts.row_conflicts``) flags the file."""
    heading = RawTable("", None, [list(names)], [1], encoding="utf-8", delimiter=",")
    header = ranked([heading], [definition])[0][3]
    flagged: set[int] = set()
    contexts = {}
    for k, sub in enumerate(subs):
        table_ = RawTable(str(sub.path), None, [list(names)], [1], encoding="utf-8", delimiter=",")
        context = read_context(table_, header.top, sub.path)
        filled = fill_columns(table_, header, definition, context)  # it settles year and stage
        if context.findings or filled:
            flagged.add(k)
        contexts[k] = (context.village.value if context.village else None,
                       context.year.value if context.year else None)
    year = year_sql(definition, quote(definition.year_field))
    for f, kode, found in con.execute(f"SELECT DISTINCT _f, kode_desa, {year} FROM {table}").fetchall():
        village, year_value = contexts[f]
        if village and KODE_DESA.fullmatch(kode or "") and kode != village:
            flagged.add(f)
        if year_value and found and str(found) != year_value:
            flagged.add(f)
    return flagged


def check_flags(con, table: str, definition: DatasetDefinition, names: list[str], today: date) -> set[int]:
    """Every check of ``check.validate_records`` as a screen over the batch."""
    flagged: set[int] = set()
    of = f"(SELECT _f FROM {table} WHERE _i IN (SELECT unnest(?::BIGINT[])))"
    everything = f"SELECT DISTINCT _f FROM {table}"
    if not sql_schema.supports(definition):
        return _flags(con, everything)
    columns = _columns(definition.record_type)
    try:
        errors = [row - 2 for row, *_ in sql_schema._errors(con, table, columns, definition.primary_key)]
    finally:
        con.execute("DROP TABLE IF EXISTS residue")
    if errors:
        flagged |= _flags(con, f"SELECT DISTINCT _f FROM {of}", [errors])
    inputs = [f.name for f in definition.input_fields]
    cells = ", ".join(f"{quote(n)}" for n in inputs)
    flagged |= _flags(con, f"SELECT DISTINCT _f FROM (SELECT _f, count(*) OVER (PARTITION BY _f, "
                           f"hash({cells})) AS n FROM {table}) WHERE n > 1")
    for same in (same_item.candidates_sql(definition, table, per="_f"),
                 same_item.repeated_sql(definition, table, per="_f")):
        if same:  # the file decides per line
            flagged |= _flags(con, f"SELECT DISTINCT _f FROM ({same})")
    flagged |= _reference_flags(con, table, definition)
    flagged |= _value_flags(con, table, definition)
    plan = sql_expectations.compiled(definition.record_type, today)
    if plan.rest:  # GX would run the rest per file
        return _flags(con, everything)
    failures = sql_expectations.unexpected_rows(con, table, definition.record_type, today)
    if failures:
        flagged |= _flags(con, f"SELECT DISTINCT _f FROM {of}", [[i for _, i in failures]])
    return flagged


def derive_batch(con, table: str, definition: DatasetDefinition, own: list[str],
                 subs: list[Submission]) -> tuple[dict[int, list[Finding]], set[int]]:
    """The definition's derivations (``normalise.derive``), run by the normaliser itself on the
    files where one may act (``derive.ROW_TRIGGERS``); the cells it fills are written back.
    Its notes per file; files it cannot handle here are flagged."""
    where = trigger_sql(definition, set(own))
    if where is None:
        return {}, {k for k in range(len(subs))}
    if not where:
        return {}, set()
    names = definition.field_names
    select = ", ".join(quote(n) for n in names)
    found = con.execute(f"SELECT _f, _i, _l, {select} FROM {table} WHERE _f IN (SELECT DISTINCT _f FROM "
                        f"{table} WHERE {where}) ORDER BY _f, _l").fetchall()
    by_file: dict[int, list[tuple]] = {}
    for row in found:
        by_file.setdefault(row[0], []).append(row)
    notes: dict[int, list[Finding]] = {}
    changes: dict[str, tuple[list[int], list[str]]] = {}
    for f, rows in by_file.items():
        records = Records(definition, RawTable(str(subs[f].path), None, [], []),
                          [dict(zip(names, r[3:])) for r in rows], [r[2] for r in rows], [])
        derive(records, set(own))
        notes[f] = records.findings
        for r, row in zip(rows, records.rows):
            for name, before in zip(names, r[3:]):
                if row.get(name, "") != before:
                    ids, values = changes.setdefault(name, ([], []))
                    ids.append(r[1])
                    values.append(row.get(name, ""))
    for name, (ids, values) in changes.items():
        value_table(con, "batch_derived", {"i": ids, "v": values})
        con.execute(f"UPDATE {table} SET {quote(name)} = d.v FROM batch_derived d WHERE {table}._i = d.i")
    return notes, set()


@cache
def _columns(record_type: str) -> list:
    """The schema's SQL columns (Frictionless cell readers: built once per process)."""
    return sql_schema._columns(definitions()[record_type])


def _reference_flags(con, table: str, definition: DatasetDefinition) -> set[int]:
    """``codes.reference_findings``: a code not in its reference table, spending without kegiatan."""
    rows, unattributed = reference_rows(con, table, definition)
    ids = [i for i, _ in rows] + unattributed
    return _flags(con, f"SELECT DISTINCT _f FROM {table} WHERE _i IN (SELECT unnest(?::BIGINT[]))",
                  [ids]) if ids else set()


def _value_flags(con, table: str, definition: DatasetDefinition) -> set[int]:
    """Personal data in a published text field, a cell a spreadsheet would execute: each
    distinct value decided once (``personal_data``, ``cell_safety``)."""
    flagged: set[int] = set()
    scanned = scanned_fields(definition)
    for f in [f for f in definition.fields if f.type == "string"]:
        kinds = scanned.get(f.name) or frozenset()
        bad = []
        for (value,) in con.execute(f"SELECT DISTINCT {quote(f.name)} FROM {table} "
                                    f"WHERE {quote(f.name)} <> ''").fetchall():
            key = (f.name, kinds, value)
            if key not in _PERSONAL:
                _PERSONAL[key] = is_executable(value) or bool(kinds and find_personal(value, kinds))
            if _PERSONAL[key]:
                bad.append(value)
        if bad:
            value_table(con, "batch_bad", {"v": bad})
            flagged |= _flags(con, f"SELECT DISTINCT _f FROM {table} WHERE {quote(f.name)} IN "
                                   f"(SELECT v FROM batch_bad)")
    return flagged
