"""Batch intake: check many files in parallel processes, within a memory budget.

Reading and normalising are Python (the tolerant readers) and so bound to one core per process;
a batch spreads its files over worker processes. How many: at most one per core, and no more
than the budget holds, counting what a worker costs at rest and what its largest file costs
(``ROW_BYTES`` a row through the tolerant readers, estimated from the file size). Small batches
are checked in this process: starting a worker costs ~1 s. Results come back in file order.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence

from desa_terbuka.collect import base
from desa_terbuka.collect.base import Submission
from desa_terbuka.core.settings import usable_cores
from desa_terbuka.validate.check import CheckedSubmission, check_parts

WORKER_MB = base.PROCESS_MB  # a worker at rest: imports, DuckDB, the reference tables
BYTES_PER_ROW_ON_DISK = 120  # an APBDes line in a CSV, to estimate rows from a file's size
INLINE_BELOW = 16  # files: fewer are checked in this process


def workers_for(submissions: Sequence[Submission], budget_mb: int | None = None,
                cpus: int | None = None) -> int:
    """Worker processes for a batch: one per core at most (``DESA_WORKERS`` caps it, e.g. 1 on
    a machine shared with other work), as many as the budget holds."""
    budget = base.memory_budget_mb() if budget_mb is None else budget_mb
    if cpus is None:
        cpus = usable_cores()
    largest = max((s.size for s in submissions), default=0)
    per_file_mb = largest / BYTES_PER_ROW_ON_DISK * base.ROW_BYTES / 2**20
    fits = int(budget // (WORKER_MB + per_file_mb))
    return max(1, min(cpus, fits, len(submissions)))


def _check(job: tuple[Submission, str | None]) -> list[CheckedSubmission]:
    submission, record_type = job
    return check_parts(submission.path, record_type, submission)


def check_many(submissions: Sequence[Submission], record_type: str | None = None, *,
               workers: int | None = None, on_done: Callable[[int], None] | None = None,
               initializer: Callable[[], object] | None = None) -> list[list[CheckedSubmission]]:
    """Every file's parts (``check_parts``), in file order; ``on_done(n)`` after each n files;
    ``initializer`` runs first in each worker (and here, when checked in this process)."""
    count = workers if workers is not None else workers_for(submissions)
    jobs = [(s, record_type) for s in submissions]
    if count <= 1 or len(jobs) < INLINE_BELOW:
        if initializer:
            initializer()
        results = []
        for job in jobs:
            results.append(_check(job))
            if on_done:
                on_done(1)
        return results
    # spawn, not fork: the caller may run threads (Prefect), which fork would copy mid-state
    context = multiprocessing.get_context("spawn")
    results: list[list[CheckedSubmission]] = []
    try:
        with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=initializer) as pool:
            for parts in pool.map(_check, jobs, chunksize=max(1, min(32, len(jobs) // (count * 8)))):
                results.append(parts)
                if on_done:
                    on_done(1)
    except BrokenProcessPool:  # e.g. a script without a __main__ guard cannot spawn: go on here
        return results + check_many(submissions[len(results):], record_type, workers=1,
                                    on_done=on_done, initializer=initializer)
    return results
