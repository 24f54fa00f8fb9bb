"""Normalised records as a DuckDB table, so that checks run as set-based SQL instead of Python
loops over rows.

One in-memory connection per thread (Prefect may run tasks in threads; a DuckDB connection is not
shared across threads). ``_i`` is the record's position in ``Records.rows``: findings map it back
to the operator's row through ``Records.row_numbers``.
"""

from __future__ import annotations

import itertools
import threading
from operator import itemgetter
from contextlib import contextmanager
from typing import Iterable, Iterator

import duckdb

from desa_terbuka.core.settings import duckdb_threads
from desa_terbuka.normalise.records import Records
from desa_terbuka.normalise.table_rows import in_table, quote  # noqa: F401 (quote: for the checks)

_LOCAL = threading.local()
_NAMES = itertools.count()


def connection() -> duckdb.DuckDBPyConnection:
    """This thread's in-memory DuckDB connection (created on first use)."""
    con = getattr(_LOCAL, "con", None)
    if con is None:
        con = duckdb.connect(":memory:", config={"threads": duckdb_threads(2)})
        _LOCAL.con = con
    return con


def literal(value: object) -> str:
    """A SQL string literal."""
    return "'" + str(value).replace("'", "''") + "'"


@contextmanager
def loaded(records: Records) -> Iterator[str]:
    """The records as a temporary table for the checks that share it; dropped afterwards.
    Records the fast path left in DuckDB are checked in their own table."""
    con = connection()
    own = in_table(records.rows, con)
    if own is not None:
        yield own
        return
    table = records_table(con, records)
    try:
        yield table
    finally:
        drop(con, table)


@contextmanager
def table_of(records: Records, table: str | None) -> Iterator[str]:
    """``table`` when the caller loaded the records already, else a table loaded for this use."""
    if table is not None:
        yield table
    else:
        with loaded(records) as own:
            yield own


def records_table(con: duckdb.DuckDBPyConnection, records: Records,
                  columns: Iterable[str] | None = None) -> str:
    """Load the records (every schema field, as text, '' for an absent cell) into a temporary
    table and return its name; drop it with ``drop``. Loading costs ~0.2 s per 100k rows: load once
    per submission (``loaded``) and share the table."""
    names = list(columns or records.definition.field_names)
    rows = records.rows
    try:  # normalised rows hold every field: one C-level pass
        cells = list(map(itemgetter(*names), rows)) if len(names) > 1 else [(r[names[0]],) for r in rows]
    except KeyError:
        cells = [tuple(r.get(n, "") for n in names) for r in rows]
    table = f"records_{next(_NAMES)}"
    if len(cells) <= LIST_ROWS:  # see ``_create``
        values = dict(zip(names, map(list, zip(*cells)))) if cells else {n: [] for n in names}
        _create(con, table, {"_i": list(range(len(cells))), **values}, {n: "VARCHAR" for n in names})
        return table
    import pandas as pd

    frame = pd.DataFrame.from_records(cells, columns=names)
    frame.insert(0, "_i", pd.RangeIndex(len(cells)))
    _from_frame(con, table, frame, "*")
    return table


def drop(con: duckdb.DuckDBPyConnection, table: str) -> None:
    con.execute(f"DROP TABLE IF EXISTS {table}")


def value_table(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, list]) -> None:
    """(Re)create a small temporary table from Python lists (reference codes, residues)."""
    _create(con, name, columns, {})


LIST_ROWS = 20_000  # up to this many rows a table is made from list parameters, beyond through pandas


def _create(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, list],
            types: dict[str, str]) -> None:
    """A temporary table of Python columns (equal lengths), each column's SQL type from
    ``types`` or from its values. Small tables come from list parameters: importing pandas costs
    ~0.25 s, a third of ``desa check`` on a village's file; large ones through a DataFrame, which
    DuckDB reads ~2x faster than lists (0.18 s against 0.4 s for 90k rows of 11 fields)."""
    rows = len(next(iter(columns.values()), []))
    typed = {k: types.get(k) or _sql_type(v) for k, v in columns.items()}
    if rows > LIST_ROWS:
        import pandas as pd

        frame = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in columns.items()})
        _from_frame(con, name, frame, ", ".join(f"CAST({quote(k)} AS {t}) AS {quote(k)}"
                                                for k, t in typed.items()))
        return
    lists = [v if typed[k] != "VARCHAR" or types.get(k) else [None if x is None else str(x) for x in v]
             for k, v in columns.items()]
    select = ", ".join(f"unnest(${n}::{typed[k]}[]) AS {quote(k)}" for n, k in enumerate(columns, 1))
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT {select}", lists)


def _from_frame(con: duckdb.DuckDBPyConnection, name: str, frame, select: str) -> None:
    con.register(f"{name}_frame", frame)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT {select} FROM {name}_frame")
    finally:
        con.unregister(f"{name}_frame")


def _sql_type(values: list) -> str:
    """A column's SQL type from its Python values: numbers or booleans as such, else text."""
    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return "BOOLEAN"
    return {frozenset({int}): "BIGINT", frozenset({float}): "DOUBLE",
            frozenset({int, float}): "DOUBLE"}.get(frozenset(kinds), "VARCHAR")
