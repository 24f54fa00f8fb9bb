"""The same flow on a local Dask cluster (2 worker processes) stages what the default runner does.

A small generated district (6 desa x 3 types x 2 years, some files with form variations and
planted errors) is checked and staged twice, each time into a fresh warehouse: by the default
runner (threads, worker processes of validate/batch.py) and by prefect-dask on a LocalCluster
with batches of 5 files. Verdicts, findings, the current slices and every staged record agree.
Nothing is published (``publish_portal=False``): the portal side does not change with the runner.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest

from bench.gen_district import generate_villages
from bench.gen_model import DISTRICT, kotim_desa

pytest.importorskip("prefect_dask")


@pytest.fixture(scope="module")
def district(tmp_path_factory) -> Path:
    inbox = tmp_path_factory.mktemp("scale-out") / "inbox"
    manifest = generate_villages(inbox, kotim_desa()[:6], [2024, 2025], seed="scale",
                                 detail=DISTRICT, form_rate=0.3, error_rate=0.3, nested=True,
                                 settings={})
    assert manifest["files"] == 36
    return inbox


def _outcomes(summary) -> list[tuple]:
    return sorted((o.file, o.record_type, o.verdict, o.errors, o.warnings,
                   tuple(sorted((f.code, f.row or 0, f.field or "") for f in o.findings)))
                  for o in summary.outcomes)


def _staged(path: Path) -> dict[str, list[tuple]]:
    """Every staged table, keyed by the file's content (submission ids name a receipt time)."""
    con = duckdb.connect(str(path), read_only=True)
    key = "(SELECT s.sha256 || '/' || coalesce(s.record_type, '') FROM submissions s " \
          "WHERE s.submission_id = t.submission_id)"
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()]
        staged = {"submissions": con.execute(
            "SELECT sha256, file_name, record_type, sheet, verdict, row_count, error_count, "
            "warning_count, villages, years FROM submissions ORDER BY ALL").fetchall()}
        for table in tables:
            if table == "submissions" or "submission_id" not in {
                    c[0] for c in con.execute(f"DESCRIBE {table}").fetchall()}:
                continue
            since = ", since" if table == "current_slices" else ""
            staged[table] = con.execute(
                f"SELECT {key} AS file, * EXCLUDE (submission_id{since}) FROM {table} t "
                "ORDER BY ALL").fetchall()
    finally:
        con.close()
    return staged


def test_dask_cluster_stages_what_the_default_runner_stages(district, tmp_path, prefect_server,
                                                             monkeypatch):
    from prefect.task_runners import ThreadPoolTaskRunner
    from prefect_dask import DaskTaskRunner

    from flows.publish_submissions import publish_submissions
    from flows.runners import RunnerChoice, task_runner

    assert isinstance(publish_submissions.task_runner, ThreadPoolTaskRunner)  # the default
    monkeypatch.setenv("DESA_TASK_RUNNER", "dask")  # what DESA_TASK_RUNNER=dask desa run uses
    monkeypatch.setenv("DESA_DASK_WORKERS", "2")
    monkeypatch.setenv("DESA_BATCH_FILES", "5")  # 36 files: 8 batches over the 2 workers
    runner = task_runner(RunnerChoice.from_env(), 4)
    assert isinstance(runner, DaskTaskRunner)
    on_dask = publish_submissions.with_options(task_runner=runner)

    timings = {}
    summaries = {}
    for name, flow in (("threads", publish_submissions), ("dask", on_dask)):
        started = time.monotonic()
        summaries[name] = flow(inbox=district, warehouse_path=tmp_path / name / "warehouse.duckdb",
                               publish_portal=False).unquote()
        timings[name] = time.monotonic() - started
    print(f"\nscale-out: threads {timings['threads']:.1f} s, dask (2 workers) {timings['dask']:.1f} s")

    threads, dask = summaries["threads"], summaries["dask"]
    assert len(threads.outcomes) >= 36
    verdicts = {o.verdict for o in threads.outcomes}
    assert {"accepted", "rejected"} <= verdicts, verdicts  # the planted errors were found
    assert _outcomes(dask) == _outcomes(threads)
    assert not threads.published and not dask.published  # staged only

    ours, theirs = _staged(tmp_path / "threads" / "warehouse.duckdb"), \
        _staged(tmp_path / "dask" / "warehouse.duckdb")
    assert set(ours) >= {"submissions", "findings", "current_slices"}
    assert ours["current_slices"] and any(t.startswith("records") or "_" in t for t in ours)
    assert theirs == ours
