"""Python rows and columns as DuckDB tables (``validate/relation.py``): a small table comes from
list parameters, a large one through pandas, and both give the same table, column types included."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.records import Records
from desa_terbuka.collect.base import RawTable
from desa_terbuka.validate import relation
from desa_terbuka.validate.relation import records_table, value_table


def _table(con: duckdb.DuckDBPyConnection, name: str) -> tuple[list, list]:
    types = [(c[0], c[1]) for c in con.execute(f"DESCRIBE {name}").fetchall()]
    return types, con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall()


@pytest.mark.parametrize("limit", [10**6, 0], ids=["lists", "pandas"])
def test_value_tables_are_typed_by_their_values(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    monkeypatch.setattr(relation, "LIST_ROWS", limit)
    con = duckdb.connect(":memory:")
    value_table(con, "v", {"i": [3, 1, 2], "s": ["a", None, "c"], "m": [1, "x", None],
                           "e": [None, None, None], "d": [1, 2.5, None]})
    types, rows = _table(con, "v")
    assert [t for _, t in types] == ["BIGINT", "VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE"]
    assert rows == [(1, None, "x", None, 2.5), (2, "c", None, None, None), (3, "a", "1", None, 1.0)]
    value_table(con, "v", {"kode": []})  # replaced; empty
    assert con.execute("SELECT count(*) FROM v").fetchone() == (0,)


def test_both_ways_load_the_same_records(monkeypatch: pytest.MonkeyPatch) -> None:
    definition = definitions()["musyawarah"]
    rows = [{n: f"{n}-{k}" if k % 7 else "" for n in definition.field_names} for k in range(50)]
    records = Records(definition, RawTable("a.csv", None, [], []), rows, list(range(2, 52)), [])
    con = duckdb.connect(":memory:")
    monkeypatch.setattr(relation, "LIST_ROWS", 10**6)
    small = _table(con, records_table(con, records))
    monkeypatch.setattr(relation, "LIST_ROWS", 0)
    large = _table(con, records_table(con, records))
    assert small == large
    assert small[0][0] == ("_i", "BIGINT") and {t for _, t in small[0][1:]} == {"VARCHAR"}
    assert small[1][0][0] == 0 and small[1][1][1:] == tuple(rows[1][n] for n in definition.field_names)


def test_checking_a_village_file_does_not_import_pandas(tmp_path) -> None:
    """pandas takes ~0.25 s to import: a third of ``desa check`` on a village's file."""
    path = tmp_path / "apbdes.csv"
    path.write_text("kode_desa,tahun_anggaran,kode_rekening,uraian,anggaran,realisasi\n"
                    "62.02.16.2003,2024,4.1.1.01,Hasil usaha,1.000.000,900.000\n", encoding="utf-8")
    code = ("import sys; from desa_terbuka.validate.check import check_file; from pathlib import Path; "
            f"check_file(Path({str(path)!r})); print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
