"""Records the fast path leaves in DuckDB (``normalise/table_rows.py``): they behave as the list
they stand for, the checks run over their table, and a change to a row is never missed."""

from __future__ import annotations

import pickle
from pathlib import Path

import duckdb
import pytest

from desa_terbuka.normalise.table_rows import TableRows, in_table
from desa_terbuka.validate import check
from desa_terbuka.validate.check import check_file
from desa_terbuka.validate.relation import connection

NAMES = ["kode", "nilai"]


@pytest.fixture()
def rows() -> TableRows:
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE t AS SELECT i::BIGINT AS _i, 'k' || i AS kode, CAST(i * 10 AS VARCHAR) AS nilai "
                "FROM range(1000) r(i)")
    return TableRows(con, "t", NAMES)


def test_the_rows_read_as_the_list_they_stand_for(rows) -> None:
    assert len(rows) == 1000 and rows
    assert rows[0] == {"kode": "k0", "nilai": "0"} and rows[-1]["kode"] == "k999"
    assert rows[10:12] == [{"kode": "k10", "nilai": "100"}, {"kode": "k11", "nilai": "110"}]
    assert [r["kode"] for r in rows][:3] == ["k0", "k1", "k2"]
    with pytest.raises(IndexError):
        rows[1000]


def test_rows_stay_in_duckdb_until_the_list_is_needed(rows) -> None:
    rows.prefetch([3, 500])
    assert rows[500]["nilai"] == "5000"
    assert rows.in_duckdb and rows.positions("nilai = '30'") == [3]
    assert rows.count_where("kode LIKE 'k9%'") == 111 and "k7" in rows.distinct("kode")
    list(rows)  # iterating needs Python's list
    assert not rows.in_duckdb and len(rows) == 1000


def test_a_changed_row_is_seen_by_every_later_check(rows) -> None:
    handed_out = rows[7]
    assert rows.in_duckdb
    handed_out["nilai"] = "changed"
    assert not rows.in_duckdb  # SQL over the table would miss the change
    assert rows.distinct("nilai") >= {"changed"} and rows[7] is handed_out
    assert in_table(rows, connection()) is None


def test_pickled_rows_are_a_plain_list(rows) -> None:
    rows[2]["kode"] = "x"
    copy = pickle.loads(pickle.dumps(rows))
    assert type(copy) is list and type(copy[2]) is dict and copy[2]["kode"] == "x" and len(copy) == 1000


def test_a_canonical_file_is_checked_without_becoming_python_rows(tmp_path: Path, monkeypatch) -> None:
    lines = ["kode_desa,tahun_anggaran,baris,tahap,kode_rekening,uraian,kode_kegiatan,sumber_dana,"
             "anggaran,realisasi,keterangan"]
    lines += [f"62.02.01.2003,2024,{k},anggaran,5.1.1.01,Penghasilan tetap,01.01.01,DDS,{1000 * k},,"
              for k in range(1, 40)]
    lines += ["62.02.01.2003,2024,40,anggaran,5.1.1.01,Penghasilan tetap,01.01.01,DDS,12x,,"]
    path = tmp_path / "apbdes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = check_file(path)
    assert isinstance(checked.rows, TableRows) and checked.rows.in_duckdb
    assert checked.villages == ["62.02.01.2003"] and checked.years == [2024] and len(checked.rows) == 40
    assert checked.rows.in_duckdb  # the verdict, villages and years asked nothing of Python
    monkeypatch.setattr(check, "FAST_PATH", False)
    slow = check_file(path)
    assert not checked.valid and any(f.row == 41 and f.field == "anggaran" for f in checked.findings)
    assert checked.findings == slow.findings and checked.rows == slow.rows
