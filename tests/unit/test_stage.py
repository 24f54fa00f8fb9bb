"""The DuckDB warehouse: receipts, history, current slices, published CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desa_terbuka.collect.inbox import describe
from desa_terbuka.core.definitions import definitions
from desa_terbuka.stage.warehouse import Warehouse, records_ddl
from desa_terbuka.validate.check import check_file

HEADER = "kode_desa,tahun_anggaran,tahap,kode_rekening,uraian,kode_kegiatan,sumber_dana,anggaran,realisasi\n"
LINES = [
    "62.02.16.2003,2024,anggaran,4.2.1.01,Dana Desa,0.0.00,DDS,850000000,\n",
    "62.02.16.2003,2024,anggaran,5.1.1.01,Penghasilan Tetap Kepala Desa,1.1.01,ADD,36000000,\n",
]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def warehouse(tmp_path):
    with Warehouse(tmp_path / "data" / "warehouse.duckdb") as w:
        yield w


def test_records_table_is_derived_from_the_schema():
    ddl = records_ddl(definitions()["apbdes"])
    assert '"anggaran" DECIMAL(18,2)' in ddl and '"tahun_anggaran" BIGINT' in ddl


def test_accepted_submission_becomes_current_and_its_bytes_are_archived(warehouse, tmp_path):
    path = write(tmp_path / "apbdes.csv", LINES)
    [s] = warehouse.stage(check_file(path)).slices
    assert (s.record_type, s.kode_desa, s.tahun) == ("apbdes", "62.02.16.2003", 2024)
    assert warehouse.current_slices() == [s]
    archived = list((tmp_path / "data" / "received").rglob("*.csv"))
    assert [p.read_bytes() for p in archived] == [path.read_bytes()]
    rows = list(csv.DictReader(warehouse.slice_csv(s).decode().splitlines()))
    assert [(r["kode_rekening"], r["anggaran"], r["realisasi"]) for r in rows] == [
        ("4.2.1.01", "850000000", ""), ("5.1.1.01", "36000000", "")]


def test_rejected_submission_is_recorded_with_findings_but_not_current(warehouse, tmp_path):
    path = write(tmp_path / "apbdes.csv", [LINES[0].replace("850000000", "abc")])
    assert warehouse.stage(check_file(path)).slices == []
    assert warehouse.current_slices() == []
    assert warehouse.con.execute("SELECT verdict, error_count FROM submissions").fetchall() == [
        ("rejected", 1)]
    assert warehouse.con.execute("SELECT code, source_row, field FROM findings").fetchall() == [
        ("invalid-number", 2, "anggaran")]


def test_a_new_version_replaces_the_slice_and_the_old_one_stays_in_history(warehouse, tmp_path):
    path = write(tmp_path / "apbdes.csv", LINES)
    warehouse.stage(check_file(path)).slices
    write(path, LINES[:1])
    assert warehouse.last_receipt(describe(path)) is None  # changed bytes: a new submission
    [s] = warehouse.stage(check_file(path)).slices
    names, rows = warehouse.slice_rows(s)
    assert len(rows) == 1
    total = warehouse.con.execute("SELECT count(*) FROM records_apbdes").fetchone()[0]
    assert total == 3


def test_many_slices_read_at_once_are_each_slice_as_read_alone(warehouse, tmp_path):
    path = write(tmp_path / "apbdes.csv", LINES)
    [old] = warehouse.stage(check_file(path)).slices
    write(path, LINES[:1])
    [new] = warehouse.stage(check_file(path)).slices  # same village and year, another submission
    together = warehouse.slices_rows([new, old])
    assert together == {old: warehouse.slices_rows([old])[old], new: warehouse.slices_rows([new])[new]}
    assert [len(together[s][1]) for s in (old, new)] == [2, 1]
    assert warehouse.slices_rows([]) == {}


def test_unchanged_file_is_recognised_and_reverting_to_old_bytes_is_a_new_receipt(warehouse, tmp_path):
    path = write(tmp_path / "apbdes.csv", LINES)
    warehouse.stage(check_file(path)).slices
    assert warehouse.last_receipt(describe(path)) is not None
    write(path, LINES[:1])
    warehouse.stage(check_file(path)).slices
    write(path, LINES)  # the operator sends the first version again: it must win again
    assert warehouse.last_receipt(describe(path)) is None
    [s] = warehouse.stage(check_file(path)).slices
    assert len(warehouse.slice_rows(s)[1]) == 2


def test_findings_and_times_of_many_groups_are_each_group_read_alone(warehouse, tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    bad = write(tmp_path / "a" / "apbdes.csv", [LINES[0].replace("850000000", "abc"), *LINES[1:]])
    good = write(tmp_path / "b" / "apbdes.csv", LINES)
    first, second = (warehouse.stage(check_file(p)).receipt for p in (bad, good))
    groups = [[first], [second], [second, first, first], []]
    assert warehouse.findings_of(groups) == [warehouse.stored_findings(g) for g in groups]
    assert warehouse.findings_of(groups)[0] and warehouse.findings_of([]) == []
    assert warehouse.received_times(groups) == [warehouse.received_at(g) for g in groups]
    assert warehouse.received_times(groups)[3] is None


def test_outcome_of_an_earlier_rejection_keeps_its_findings(warehouse, tmp_path):
    path = write(tmp_path / "apbdes.csv", [LINES[0].replace("850000000", "abc")])
    warehouse.stage(check_file(path)).slices
    submission = describe(path)
    outcome = warehouse.outcome_of(submission, warehouse.last_receipt(submission))
    assert outcome.verdict == "unchanged-rejected"
    assert [(f.code, f.row, f.field) for f in outcome.findings] == [("invalid-number", 2, "anggaran")]
    assert "abc" in outcome.findings[0].message()
