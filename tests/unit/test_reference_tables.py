"""The reference codes as DuckDB tables: loaded once per connection, and again on a connection
that lacks them even when it has the ``id`` of one that had them (a closed warehouse's)."""

from __future__ import annotations

import duckdb

from desa_terbuka.validate import codes


def test_a_connection_reusing_a_closed_ones_id_still_gets_its_table() -> None:
    closed = duckdb.connect()
    codes._reference_table(closed, "contoh", lambda: ["a", "b"])
    closed.close()
    del closed
    con = duckdb.connect()  # often gets the closed one's id
    table = codes._reference_table(con, "contoh", lambda: ["a", "b"])
    assert con.execute(f"SELECT count(*) FROM {table}").fetchall() == [(2,)]
    assert codes._reference_table(con, "contoh", lambda: ["a", "b", "c"]) == table  # grown: reloaded
    assert con.execute(f"SELECT count(*) FROM {table}").fetchall() == [(3,)]
