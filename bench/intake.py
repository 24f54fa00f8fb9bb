"""The pipeline's intake without a portal, through its own entry points: every file of an inbox
is read, normalised and validated (``check_file``, or ``check_many``: worker processes within the
memory budget, as ``desa run`` does) and staged in a DuckDB warehouse behind the cross-dataset
gate (``receive``: what ``desa run`` does before publishing), oldest file first.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, Callable, Iterable

from desa_terbuka.collect.base import Submission
from desa_terbuka.stage.receive import receive
from desa_terbuka.core.definitions import record_types
from desa_terbuka.stage.warehouse import Warehouse, records_table
from desa_terbuka.validate.batch import check_many
from desa_terbuka.validate.check import check_file
from desa_terbuka.views.reports import quarantine_reports


def intake(submissions: Iterable[Submission], warehouse_path: Path,
           on_file: Callable[[dict[str, Any]], None] | None = None) -> list[dict[str, Any]]:
    """Check and stage each submission; one result per file (verdict, errors, seconds)."""
    results = []
    with Warehouse(warehouse_path) as warehouse:
        for submission in submissions:
            t0 = time.perf_counter()
            checked = check_file(submission.path, None, submission)
            t1 = time.perf_counter()
            outcome = receive(warehouse, checked, quarantine_reports)
            t2 = time.perf_counter()
            result = {
                "path": str(submission.path), "type": outcome.record_type, "verdict": outcome.verdict,
                "rows": len(checked.rows), "check_s": t1 - t0, "stage_s": t2 - t1,
                "errors": [{"row": f.row, "field": f.field, "code": f.code}
                           for f in outcome.findings if f.level == "error"],
            }
            results.append(result)
            if on_file:
                on_file(result)
    return results


def intake_batch(submissions: list[Submission], warehouse_path: Path, workers: int,
                 initializer: Callable[[], object] | None = None) -> tuple[list[dict[str, Any]], float]:
    """Check all files in ``workers`` processes (``check_many``), then stage each; one result
    per file and the seconds the parallel check took."""
    t0 = time.perf_counter()
    files = check_many(submissions, workers=workers, initializer=initializer)
    check_s = time.perf_counter() - t0
    results = []
    with Warehouse(warehouse_path) as warehouse:
        for submission, parts in zip(submissions, files):
            checked = parts[0]
            t1 = time.perf_counter()
            outcome = receive(warehouse, checked, quarantine_reports)
            results.append({
                "path": str(submission.path), "type": outcome.record_type, "verdict": outcome.verdict,
                "rows": len(checked.rows), "check_s": 0.0, "stage_s": time.perf_counter() - t1,
                "errors": [{"row": f.row, "field": f.field, "code": f.code}
                           for f in outcome.findings if f.level == "error"]})
    return results, check_s


def intake_set(submissions: list[Submission], warehouse_path: Path,
               initializer: Callable[[], object] | None = None) -> list[dict[str, Any]]:
    """The set-based batch intake (``stage.intake.intake``): canonical files a batch at a time,
    the rest per file; one result per part."""
    from desa_terbuka.stage.intake import intake as batch_intake

    with Warehouse(warehouse_path) as warehouse:
        outcomes = batch_intake(warehouse, submissions,
                                lambda subs: check_many(subs, initializer=initializer), quarantine_reports)
    return [{"path": o.file, "type": o.record_type, "verdict": o.verdict,
             "rows": 0, "check_s": 0.0, "stage_s": 0.0,
             "errors": [{"row": f.row, "field": f.field, "code": f.code}
                        for f in o.findings if f.level == "error"]} for o in outcomes]


def intake_partition(job: tuple[str, list[Path], Path]) -> dict[str, Any]:
    """One partition's intake in a process of its own (``intake_set`` into the partition's own
    warehouse file, as one kabupaten's deployment does): verdict counts, rows staged, the
    warehouse's size and the process's peak RSS. The invented villages are added first."""
    import resource

    from bench.gen_model import extend_reference
    from desa_terbuka.collect.inbox import describe

    name, paths, warehouse_path = job
    started = time.perf_counter()
    extend_reference()
    results = intake_set([describe(p) for p in paths], warehouse_path)
    return {"partition": name, "process": os.getpid(), "files": len(paths),
            "rows": staged_rows(warehouse_path),
            "accepted": sum(r["verdict"] == "accepted" for r in results),
            "rejected": sum(r["verdict"] == "rejected" for r in results),
            "warehouse_bytes": warehouse_path.stat().st_size,
            "seconds": round(time.perf_counter() - started, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def staged_rows(warehouse_path: Path) -> int:
    """Records a warehouse holds, every record type."""
    with Warehouse(warehouse_path) as w:
        return sum(w.con.execute(f"SELECT count(*) FROM {records_table(kind)}").fetchone()[0]
                   for kind in record_types())
