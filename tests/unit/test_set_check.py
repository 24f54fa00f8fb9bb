"""The set-based batch intake (``stage/intake.py``) against the per-file path (``check_parts`` then
``receive_parts``, file by file): the same findings, verdicts and staged records, on generated
villages with planted errors and form variations and on the test corpora."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desa_terbuka.collect.inbox import discover
from desa_terbuka.stage.intake import intake
from desa_terbuka.stage.receive import receive_parts
from desa_terbuka.stage.warehouse import Warehouse, records_table
from desa_terbuka.core.definitions import definitions
from desa_terbuka.validate.batch import check_many
from desa_terbuka.validate.check import check_parts
from desa_terbuka.views.reports import quarantine_reports

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def staged(path: Path) -> dict:
    """What a warehouse holds, keyed by file path instead of receipt (receipts carry the time)."""
    with Warehouse(path) as w:
        con = w.con
        subs = con.execute("SELECT path, record_type, sheet, encoding, verdict, row_count, error_count, "
                           "warning_count, villages, years, part_count FROM submissions ORDER BY ALL").fetchall()
        findings = con.execute("SELECT s.path, code, severity, f.sheet, source_row, field, value, "
                               "message_id, message_en, CAST(params AS VARCHAR) FROM findings f JOIN "
                               "submissions s USING (submission_id) ORDER BY ALL").fetchall()
        slices = con.execute("SELECT c.record_type, kode_desa, tahun, s.path FROM current_slices c "
                             "JOIN submissions s USING (submission_id) ORDER BY ALL").fetchall()
        records = {kind: con.execute(f"SELECT s.path, r.* EXCLUDE (submission_id) FROM {records_table(kind)} r "
                                     f"JOIN submissions s USING (submission_id) ORDER BY ALL").fetchall()
                   for kind in definitions()}
    return {"submissions": subs, "findings": findings, "slices": slices, "records": records}


def both_ways(inbox: Path, tmp: Path) -> tuple[dict, dict, list, list]:
    subs = discover(inbox)
    one, many = [], []
    with Warehouse(tmp / "file" / "w.duckdb") as w:
        for s in subs:
            one += receive_parts(w, check_parts(s.path, None, s), quarantine_reports)
    with Warehouse(tmp / "batch" / "w.duckdb") as w:
        many = intake(w, subs, lambda ss: check_many(ss, workers=1), quarantine_reports, window=40)
    return staged(tmp / "file" / "w.duckdb"), staged(tmp / "batch" / "w.duckdb"), one, many


def shown(outcomes) -> list:
    return [(o.file, o.record_type, o.villages, o.years, o.verdict, o.errors, o.warnings,
             [f.to_dict("en") for f in o.findings]) for o in outcomes]


def assert_same(tmp: Path, inbox: Path) -> tuple[dict, dict]:
    file_way, batch_way, one, many = both_ways(inbox, tmp)
    assert shown(many) == shown(one)
    for key in file_way:
        assert batch_way[key] == file_way[key], key
    return file_way, batch_way


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """Kotim villages, one year, with form variations and planted errors (bench/gen_district.py)."""
    out = tmp_path_factory.mktemp("gen") / "inbox"
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_district.py"), str(out), "--villages", "30",
                    "--years", "2024", "--plant-errors", "0.3", "--form-variation", "0.2", "--seed", "7"],
                   check=True, capture_output=True)
    return out


def test_generated_villages_with_planted_errors(generated, tmp_path):
    file_way, _ = assert_same(tmp_path, generated)
    assert any(s[4] == "rejected" for s in file_way["submissions"])  # the planted errors count
    assert any(s[4] == "accepted" for s in file_way["submissions"])
    assert sum(len(rows) for rows in file_way["records"].values()) > 1000


@pytest.mark.parametrize("corpus", ["broken", "messy", "personal", "tolerated", "variety"])
def test_corpora(corpus, tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(DATA / corpus, inbox)
    assert_same(tmp_path, inbox)


def test_generated_villages_go_the_batch_way_mostly(generated):
    """The comparison above means something: most generated files are clean and canonical, so
    the batch path stages them in bulk, and the planted errors send theirs the per-file way."""
    from desa_terbuka.validate.relation import connection
    from desa_terbuka.validate.set_check import screen

    subs = discover(generated)
    screened = screen(connection(), subs)
    clean = sum(len(b.clean) for b in screened.batches)
    assert clean > len(subs) / 4 and screened.rest  # musyawarah never take the fast path
    for b in screened.batches:
        connection().execute(f"DROP TABLE IF EXISTS {b.table}")


def test_a_run_without_changes_checks_nothing(generated, tmp_path):
    """Every file received before with the same bytes is known, in one lookup, with the outcome
    ``Warehouse.outcome_of`` gives it (findings included)."""
    from desa_terbuka.stage.receive import split_received

    subs = discover(generated)
    with Warehouse(tmp_path / "w.duckdb") as w:
        intake(w, subs, lambda ss: check_many(ss, workers=1), quarantine_reports)
        fresh, known = split_received(w, subs)
        one_by_one = [w.outcome_of(s, r) for s in subs for r in w.last_receipts(s)]
    assert fresh == []
    assert shown(known) == shown(one_by_one)
    assert any(o.findings for o in known) and all(o.verdict.startswith("unchanged-") for o in known)


def test_windows_are_cut_by_file_count_and_by_bytes_and_keep_file_order():
    from datetime import datetime, timezone

    from desa_terbuka.collect.base import Submission
    from desa_terbuka.validate.set_check import window_bytes, windows

    def sub(k: int, size: int) -> Submission:
        return Submission(Path(f"f{k}.csv"), f"{k:064x}", size, datetime(2026, 1, 1, tzinfo=timezone.utc))

    subs = [sub(k, size) for k, size in enumerate([10, 10, 10, 10, 10, 500, 10, 10])]
    cut = list(windows(subs, files=3, text_bytes=100))
    assert [[s.name for s in w] for w in cut] == [
        ["f0.csv", "f1.csv", "f2.csv"], ["f3.csv", "f4.csv"], ["f5.csv"], ["f6.csv", "f7.csv"]]
    assert [s for w in cut for s in w] == subs  # every file once, in order
    assert 36 * 2**20 < window_bytes(512) < window_bytes(1024) < 1024 * 2**20 // 4  # 3,000 national files fit
    assert window_bytes(4096) > window_bytes(1024)
