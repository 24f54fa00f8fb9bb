"""Batch intake: files checked in worker processes give exactly what the same files give checked
one by one here, in file order; the worker count follows cores and the memory budget; the
progress display draws only on a terminal. Cost: ~10 s (two spawned workers import the pipeline)."""

from __future__ import annotations

import io
from pathlib import Path

from desa_terbuka.collect.inbox import describe
from desa_terbuka.validate import batch
from desa_terbuka.validate.check import check_parts
from desa_terbuka.views.progress import progress

DATA = Path(__file__).parents[1] / "data"


def test_parallel_check_equals_the_serial_one() -> None:
    paths = sorted(p for d in ("broken", "messy") for p in (DATA / d).iterdir()
                   if p.suffix in {".csv", ".xlsx"})[:24]
    submissions = [describe(p) for p in paths]
    done: list[int] = []
    parallel = batch.check_many(submissions, workers=2, on_done=done.append)
    serial = [check_parts(s.path, None, s) for s in submissions]
    assert len(done) == len(paths) >= batch.INLINE_BELOW
    assert [[p.findings for p in parts] for parts in parallel] == [[p.findings for p in parts] for parts in serial]
    assert [[p.rows for p in parts] for parts in parallel] == [[p.rows for p in parts] for parts in serial]


def test_workers_follow_cores_and_the_memory_budget(tmp_path: Path) -> None:
    small = tmp_path / "small.csv"
    small.write_text("kode_desa\n" + "62.02.16.2003\n" * 10)
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 20_000_000)  # ~170k lines: ~650 MB through the tolerant readers
    files = [describe(small)] * 8
    assert batch.workers_for(files, budget_mb=4096, cpus=2) == 2
    assert batch.workers_for(files, budget_mb=400, cpus=2) == 1
    assert batch.workers_for(files + [describe(big)], budget_mb=1500, cpus=4) == 1
    assert batch.workers_for(files + [describe(big)], budget_mb=4096, cpus=4) == 4


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal_only() -> None:
    log, terminal = io.StringIO(), _Terminal()
    for stream in (log, terminal):
        with progress("Berkas diperiksa / files checked", 3, stream) as advance:
            for _ in range(3):
                advance(1)
    assert log.getvalue() == ""
    assert "files checked" in terminal.getvalue() and "3/3" in terminal.getvalue()
