"""Where the flow's checking batches run: threads here (default), or a Dask cluster.

``DESA_TASK_RUNNER`` chooses: ``threads`` (default, today's behaviour: one batch of every file,
spread over worker processes within the memory budget by ``validate/batch.py``) or ``dask``
(batches of ``DESA_BATCH_FILES`` files, each a Prefect task on a Dask worker, checked in that
worker's process). ``DESA_DASK_ADDRESS`` names an existing scheduler (``tcp://host:8786``);
without it a local cluster of ``DESA_DASK_WORKERS`` processes is started for the run.

Only checking goes to the cluster: it is the CPU-bound part and its results are plain data.
The warehouse is written by the flow's own process (one writer), and the portal is written
from a thread pool there (I/O-bound, one portal client: one circuit breaker, one write log).
prefect-dask is imported only when chosen: a default run does not pay for it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Sequence, TypeVar

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from desa_terbuka.core.config import ConfigError
from desa_terbuka.core.settings import positive_env

T = TypeVar("T")

RUNNERS = ("threads", "dask")
BATCH_FILES = 50  # files a Dask batch task checks: ~1 s of work a file, a few tasks a worker
# imported when a Dask worker starts (``--preload``), not by the first batch it is given
PRELOAD = ["desa_terbuka.validate.check"]


@dataclass(frozen=True)
class RunnerChoice:
    kind: str = "threads"
    address: str | None = None  # an existing Dask scheduler
    workers: int = 2  # processes of a local Dask cluster
    batch_files: int = BATCH_FILES

    @classmethod
    def from_env(cls) -> "RunnerChoice":
        kind = (os.environ.get("DESA_TASK_RUNNER") or "threads").strip().lower()
        if kind not in RUNNERS:
            raise ConfigError(f"DESA_TASK_RUNNER={kind!r} tidak dikenal; pilih {' atau '.join(RUNNERS)} "
                              f"(unknown task runner; use {' or '.join(RUNNERS)}).")
        return cls(kind=kind, address=os.environ.get("DESA_DASK_ADDRESS") or None,
                   workers=positive_env("DESA_DASK_WORKERS", 2),
                   batch_files=positive_env("DESA_BATCH_FILES", BATCH_FILES))

    @property
    def distributed(self) -> bool:
        return self.kind != "threads"


def task_runner(choice: RunnerChoice, publish_concurrency: int) -> TaskRunner:
    """The flow's task runner for ``choice`` (threads: ``publish_concurrency`` of them)."""
    if not choice.distributed:
        return ThreadPoolTaskRunner(max_workers=publish_concurrency)
    try:
        import prefect_dask  # noqa: F401
    except ImportError:
        raise ConfigError("DESA_TASK_RUNNER=dask butuh paket prefect-dask: pip install -e '.[scale]' "
                          "(the dask runner needs prefect-dask: install the 'scale' extra).") from None
    return dask_runner(choice.address, choice.workers)


def dask_runner(address: str | None = None, workers: int = 2) -> TaskRunner:
    """prefect-dask on the scheduler at ``address``, or on a local cluster of ``workers``
    single-threaded processes (checking is pure Python: one core a process)."""
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_class="distributed.LocalCluster", cluster_kwargs={
        "n_workers": workers, "threads_per_worker": 1, "processes": True,
        "preload": PRELOAD, "dashboard_address": ":0"})


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    """``items`` in consecutive batches of ``size`` (order kept: later files supersede earlier)."""
    return [list(items[i:i + size]) for i in range(0, len(items), size)]
