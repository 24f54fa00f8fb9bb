"""A file's records kept in DuckDB until Python asks for them.

The fast path (``canonical.py``) reads a canonical CSV into a DuckDB table and every check runs
over that table in SQL, so an 800,000-line file need never become 800,000 Python dicts (that
alone cost more than all of its checks: ~1.3 s to fetch, ~1 s to build the dicts, ~1.2 s to load
them back for the checks). ``TableRows`` is the ``Records.rows`` of such a file: a list for
every reader, which fetches the rows a finding names in blocks, and the whole list only when a
caller iterates, slices or changes it (staging, a derivation that acts). A row once handed out
is the row the list holds afterwards, so a change made to it is kept.

The table lives in the in-memory database of the connection that read the file (the checks use
that connection) and is dropped when the rows are released or collected. Pickled, the rows are a
plain list (the intake's worker processes send their results that way).
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections.abc import MutableSequence
from typing import Any, Iterable, Iterator

import duckdb

_NAMES = itertools.count()
BLOCK = 256  # rows fetched at once when a row is asked for alone (callers that know which rows
#              they will read say so first: ``prefetch``)


def new_table_name() -> str:
    """A name no other table of the process has (tables of several files share a database)."""
    return f"file_records_{next(_NAMES)}"


class _Row(dict):
    """A row handed out: a change to it marks the rows changed, so that SQL over the table
    (which would not see the change) is no longer offered."""

    __slots__ = ("_changed",)

    def __init__(self, changed: list[bool], *args: Any) -> None:
        super().__init__(*args)
        self._changed = changed

    def _mark(self) -> None:
        self._changed[0] = True

    def __setitem__(self, key: str, value: str) -> None:
        self._mark()
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self._mark()
        super().__delitem__(key)

    def pop(self, *args: Any) -> Any:
        self._mark()
        return super().pop(*args)

    def popitem(self) -> Any:
        self._mark()
        return super().popitem()

    def setdefault(self, key: str, default: Any = None) -> Any:
        self._mark()
        return super().setdefault(key, default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._mark()
        super().update(*args, **kwargs)

    def clear(self) -> None:
        self._mark()
        super().clear()

    def __ior__(self, other: Any) -> "_Row":
        self._mark()
        return super().__ior__(other)

    def __reduce__(self):
        return dict, (dict(self),)


class TableRows(MutableSequence):
    """``Records.rows`` backed by a DuckDB table of ``_i`` (the position) and every schema field
    as text ('' when empty)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, table: str, names: list[str]) -> None:
        self.names = list(names)
        self._table = table
        self._owner = con
        self._cursor = con.cursor()  # its own handle on the database: usable from any thread
        self._lock = threading.Lock()
        self._count = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        self._cache: dict[int, dict[str, str]] = {}
        self._changed = [False]  # set by a handed-out row that was changed
        self._list: list[dict[str, str]] | None = None
        self._release = weakref.finalize(self, _drop, self._cursor, table)

    # ------------------------------------------------------------ what the set-based checks use

    @property
    def in_duckdb(self) -> bool:
        """The table holds the rows as they are (no caller has needed the list, nor changed a row)."""
        if self._changed[0] and self._list is None:
            self.materialised()
        return self._list is None

    def table_for(self, con: duckdb.DuckDBPyConnection) -> str | None:
        """The table's name, for SQL on ``con``: None once the list is Python's (it may have
        changed since) or when ``con`` is another database's connection."""
        return self._table if self.in_duckdb and con is self._owner else None

    def distinct(self, name: str) -> set[str]:
        """The distinct values of one field."""
        if not self.in_duckdb:
            return distinct(self._list, name)
        if name not in self.names:
            return {""} if self._count else set()
        with self._lock:
            return {v for (v,) in self._cursor.execute(
                f"SELECT DISTINCT {quote(name)} FROM {self._table}").fetchall()}

    def positions(self, where: str) -> list[int]:
        """The positions of the rows where the SQL condition holds (all of them once in Python)."""
        if not self.in_duckdb:
            return list(range(len(self._list)))
        with self._lock:
            return [i for (i,) in self._cursor.execute(
                f"SELECT _i FROM {self._table} WHERE {where} ORDER BY _i").fetchall()]

    def count_where(self, where: str) -> int:
        """How many rows the SQL condition holds for (only while the rows are in the table)."""
        if not self.in_duckdb:
            raise RuntimeError("the rows are in Python now: test them there")
        with self._lock:
            return self._cursor.execute(f"SELECT count(*) FROM {self._table} WHERE {where}").fetchall()[0][0]

    def one(self, query: str) -> tuple:
        """The one row a SELECT over the table returns (``{table}`` in ``query`` names it)."""
        with self._lock:
            return self._cursor.execute(query.format(table=self._table)).fetchone()

    def update(self, statement: str, parameters: list | None = None) -> None:
        """Run an UPDATE on the table (``{table}`` in ``statement`` names it): the normaliser's
        set-based steps, before any row has been handed out."""
        if self._list is not None or self._cache:
            raise RuntimeError("rows already handed out would not see the update")
        with self._lock:
            self._cursor.execute(statement.format(table=self._table), parameters or [])

    # ------------------------------------------------------------ the list

    def __len__(self) -> int:
        return len(self._list) if self._list is not None else self._count

    def __getitem__(self, index: Any) -> Any:
        if self._list is not None or isinstance(index, slice):
            return self.materialised()[index]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("row index out of range")
        row = self._cache.get(index)
        if row is None:
            self._fetch(index - index % BLOCK)
            row = self._cache[index]
        return row

    def __setitem__(self, index: Any, value: Any) -> None:
        self.materialised()[index] = value

    def __delitem__(self, index: Any) -> None:
        del self.materialised()[index]

    def insert(self, index: int, value: dict[str, str]) -> None:
        self.materialised().insert(index, value)

    def __iter__(self) -> Iterator[dict[str, str]]:
        return iter(self.materialised())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (list, TableRows)) and list(self) == list(other)

    def __repr__(self) -> str:
        where = "Python" if self._list is not None else f"DuckDB table {self._table}"
        return f"<TableRows: {len(self)} rows in {where}>"

    def __reduce__(self):
        return list, (self.materialised(),)

    def materialised(self) -> list[dict[str, str]]:
        """The rows as a Python list (built once; the table is dropped then)."""
        if self._list is None:
            select = ", ".join(quote(n) for n in self.names)
            with self._lock:
                columns = self._cursor.execute(
                    f"SELECT {select} FROM {self._table} ORDER BY _i").fetchnumpy()
            values = zip(*(columns[n].tolist() for n in self.names))
            rows = [dict(zip(self.names, v)) for v in values]
            for index, row in self._cache.items():  # the rows handed out stay the rows
                rows[index] = row
            self._list, self._cache = rows, {}
            self.release()
        return self._list

    def release(self) -> None:
        """Drop the table now rather than when the rows are collected."""
        self._release()

    def prefetch(self, positions: Iterable[int]) -> None:
        """Fetch the rows at these positions in one query (the rows a set of findings names)."""
        wanted = sorted({int(i) for i in positions} - self._cache.keys())
        if self._list is None and wanted:
            self._load("_i IN (SELECT unnest(?::BIGINT[]))", [wanted])

    def _fetch(self, start: int) -> None:
        self._load("_i >= ? AND _i < ?", [start, start + BLOCK])

    def _load(self, where: str, parameters: list) -> None:
        select = ", ".join(quote(n) for n in self.names)
        with self._lock:
            found = self._cursor.execute(
                f"SELECT _i, {select} FROM {self._table} WHERE {where}", parameters).fetchall()
        for row in found:
            if row[0] not in self._cache:
                self._cache[row[0]] = _Row(self._changed, zip(self.names, row[1:]))


def prefetch(rows: Any, positions: Iterable[int]) -> None:
    """Say which rows a caller is about to read (one query for rows still in DuckDB)."""
    if isinstance(rows, TableRows):
        rows.prefetch(positions)


def distinct(rows: Any, name: str) -> set[str]:
    """A field's distinct values ('' for empty), asked of DuckDB while the rows are there."""
    if isinstance(rows, TableRows):
        return rows.distinct(name)
    return {row.get(name) or "" for row in rows}


def in_table(rows: Any, con: duckdb.DuckDBPyConnection) -> str | None:
    """The DuckDB table holding ``rows`` for SQL on ``con``, or None (a Python list)."""
    return rows.table_for(con) if isinstance(rows, TableRows) else None


def _drop(cursor: duckdb.DuckDBPyConnection, table: str) -> None:
    try:
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
        cursor.close()
    except duckdb.Error:  # the database is closing with the process
        pass


def quote(name: str) -> str:
    """A SQL identifier (field names come from the schema, never from a file)."""
    return '"' + name.replace('"', '""') + '"'


__all__ = ["TableRows", "distinct", "in_table", "new_table_name", "prefetch", "quote"]
