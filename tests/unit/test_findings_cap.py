"""Reports list at most a rule's ``examples`` findings per file (rules/*.yaml), count the others
exactly, and say how many they left out: a file with thousands of duplicate rows gives a small
report with the same verdict. Cost: about 2 s (one 400-line file checked, staged, quarantined)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from desa_terbuka.cli import cli
from desa_terbuka.core.catalogue import catalogue
from desa_terbuka.core.findings import OMITTED, Finding, capped, rule_counts, tally
from desa_terbuka.stage.receive import receive
from desa_terbuka.stage.warehouse import Warehouse
from desa_terbuka.validate.check import check_file
from desa_terbuka.views.reports import quarantine_reports
from desa_terbuka.views.text import check_text

HEADER = "kode_desa,tahun_anggaran,tahap,kode_rekening,uraian,kode_kegiatan,sumber_dana,anggaran,realisasi\n"
LINE = "62.02.16.2003,2024,anggaran,5.1.1.01,Penghasilan Tetap Kepala Desa,1.1.01,ADD,36000000,\n"
COPIES = 400
LIMIT = catalogue()["duplicate-row"].examples


@pytest.fixture(scope="module")
def doubled(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cap") / "apbdes_ganda.csv"
    path.write_text(HEADER + LINE * COPIES, encoding="utf-8")
    return path


def test_the_limit_is_declared_in_the_catalogue() -> None:
    assert LIMIT and all(r.examples for r in catalogue().values())
    assert LIMIT < COPIES - 1


def test_capped_keeps_the_first_examples_and_counts_the_rest_exactly() -> None:
    found = [Finding("duplicate-row", "a.csv", row=n, params={"reason": 1}) for n in range(2, 2 + COPIES)]
    found += [Finding("invalid-number", "a.csv", row=5, field="anggaran", value="x"),
              Finding("duplicate-row", "b.csv", row=3, params={"reason": 2})]
    kept = capped(found)
    listed = [f for f in kept if f.code == "duplicate-row" and f.file == "a.csv"]
    assert [f.row for f in listed] == list(range(2, 2 + LIMIT))
    [omitted] = [f for f in kept if f.code == OMITTED]
    assert omitted.params == {"code": "duplicate-row", "level": "error", "total": COPIES,
                              "shown": LIMIT, "more": COPIES - LIMIT}
    assert omitted.level == "info" and str(COPIES - LIMIT) in omitted.message("id")
    assert "counted but not listed" in omitted.message("en")
    assert tally(kept) == tally(found) and rule_counts(kept) == rule_counts(found)
    more = capped(kept + [Finding("duplicate-row", "a.csv", row=999, params={"reason": 1})])
    assert rule_counts(more)["duplicate-row"] == COPIES + 2  # capped again: still exact
    assert sum(f.code == OMITTED for f in more) == 1


def test_check_json_lists_the_first_examples_with_exact_counts_and_the_same_verdict(doubled) -> None:
    data = json.loads(CliRunner().invoke(cli, ["check", "--json", str(doubled)]).output)
    duplicates = [e for e in data["errors"] if e["code"] == "duplicate-row"]
    assert len(duplicates) == LIMIT and data["valid"] is False
    assert data["counts"]["duplicate-row"] == COPIES - 1  # every copy after the first
    [note] = [i for i in data["info"] if i["code"] == OMITTED]
    assert f"{COPIES - 1 - LIMIT}" in note["message"] and "duplicate-row" in note["message"]


def test_quarantine_report_warehouse_and_text_keep_exact_counts(doubled, tmp_path) -> None:
    checked = check_file(doubled)
    assert len(checked.findings) <= LIMIT + 5
    report = json.loads(quarantine_reports(checked)["laporan.json"])
    assert report["counts"]["duplicate-row"] == COPIES - 1
    assert f"({COPIES - 1} galat" in check_text(checked)
    with Warehouse(tmp_path / "warehouse.duckdb") as w:
        outcome = receive(w, checked, quarantine_reports)
        assert (outcome.verdict, outcome.errors) == ("rejected", COPIES - 1)
        stored = w.con.execute("SELECT count(*), sum((code = 'duplicate-row')::INT) FROM findings").fetchone()
        assert stored[1] == LIMIT and stored[0] < LIMIT + 5
        assert w.con.execute("SELECT error_count FROM submissions").fetchone() == (COPIES - 1,)
        again = w.stored_findings(w.con.execute("SELECT list(submission_id) FROM submissions").fetchone()[0])
        assert tally(again)["error"] == COPIES - 1
    [laporan] = (tmp_path / "quarantine").rglob("laporan.json")
    assert json.loads(laporan.read_text())["counts"]["duplicate-row"] == COPIES - 1
