"""The library's batch check of a folder, timed inside the process (imports excluded): what the
run's intake (``stage/intake.py``) does before it stages anything. The folder's files
(``discover``) a window at a time (``set_check.windows``), canonical CSVs screened set-based
(``set_check.screen``: one DuckDB read and every check once over the window), the files it flags
and any other file checked the per-file way (``check_many``, worker processes within the memory
budget). Nothing is staged (no warehouse, no cross-dataset gate).

    .venv/bin/python bench/batch_check.py FOLDER

Prints one JSON object: files, rows, seconds (discovery, screen, per-file), rows/s, the files the
batch cleared and those it sent the per-file way, and each file's error-level findings as
{row, field, code} (keyed by its path within FOLDER).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duckdb  # noqa: E402

from desa_terbuka.collect.inbox import discover  # noqa: E402
from desa_terbuka.validate.batch import check_many  # noqa: E402
from desa_terbuka.validate.set_check import BATCH_FILES, screen, windows  # noqa: E402


def _errors(findings) -> list[dict]:
    return [{"row": f.row, "field": f.field, "code": f.code} for f in findings if f.level == "error"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    submissions = discover(args.folder)
    discovered = time.perf_counter()
    files: dict[str, dict] = {}
    screen_s = per_file_s = 0.0
    cleared = sent = 0
    with duckdb.connect() as con:  # the intake screens in the warehouse's connection
        for chunk in windows(submissions, BATCH_FILES):
            t0 = time.perf_counter()
            screened = screen(con, chunk)
            for batch in screened.batches:
                for c in batch.clean:
                    files[str(c.submission.path.relative_to(args.folder))] = {
                        "rows": c.rows, "path": "batch", "errors": _errors(c.findings)}
                    cleared += 1
                con.execute(f"DROP TABLE IF EXISTS {batch.table}")
            t1 = time.perf_counter()
            for sub, parts in zip(screened.rest, check_many(screened.rest)):
                files[str(sub.path.relative_to(args.folder))] = {
                    "rows": sum(len(p.rows) for p in parts), "path": "per-file",
                    "errors": _errors(f for p in parts for f in p.findings)}
                sent += 1
            screen_s += t1 - t0
            per_file_s += time.perf_counter() - t1
    seconds = time.perf_counter() - started
    rows = sum(f["rows"] for f in files.values())
    print(json.dumps({
        "folder": str(args.folder), "files": len(files), "rows": rows, "seconds": round(seconds, 3),
        "discover_s": round(discovered - started, 3), "screen_s": round(screen_s, 3),
        "per_file_s": round(per_file_s, 3), "rows_per_s": round(rows / seconds) if rows else 0,
        "cleared_by_batch": cleared, "sent_per_file": sent,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "by_file": dict(sorted(files.items())),
    }))


if __name__ == "__main__":
    main()
