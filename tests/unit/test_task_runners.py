"""The flow's task runner from configuration (DESA_TASK_RUNNER and friends), and its batches."""

from __future__ import annotations

import pytest
from prefect.task_runners import ThreadPoolTaskRunner

from desa_terbuka.core.config import ConfigError
from flows.runners import BATCH_FILES, RunnerChoice, batches, task_runner


def test_default_is_todays_thread_pool(monkeypatch):
    for name in ("DESA_TASK_RUNNER", "DESA_DASK_ADDRESS", "DESA_DASK_WORKERS", "DESA_BATCH_FILES"):
        monkeypatch.delenv(name, raising=False)
    choice = RunnerChoice.from_env()
    assert (choice.kind, choice.distributed, choice.batch_files) == ("threads", False, BATCH_FILES)
    runner = task_runner(choice, 4)
    assert isinstance(runner, ThreadPoolTaskRunner) and runner._max_workers == 4


def test_dask_on_an_existing_scheduler_or_a_local_cluster(monkeypatch):
    prefect_dask = pytest.importorskip("prefect_dask")
    monkeypatch.setenv("DESA_TASK_RUNNER", "Dask")
    monkeypatch.setenv("DESA_DASK_ADDRESS", "tcp://scheduler.dpmd:8786")
    runner = task_runner(RunnerChoice.from_env(), 4)
    assert isinstance(runner, prefect_dask.DaskTaskRunner) and runner.address == "tcp://scheduler.dpmd:8786"
    monkeypatch.delenv("DESA_DASK_ADDRESS")
    monkeypatch.setenv("DESA_DASK_WORKERS", "3")
    local = task_runner(RunnerChoice.from_env(), 4)
    assert local.address is None
    assert local.cluster_kwargs["n_workers"] == 3 and local.cluster_kwargs["processes"] is True


@pytest.mark.parametrize("name,value", [("DESA_TASK_RUNNER", "ray"), ("DESA_BATCH_FILES", "0"),
                                        ("DESA_DASK_WORKERS", "two")])
def test_a_wrong_setting_is_named(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=name if name != "DESA_TASK_RUNNER" else "ray"):
        RunnerChoice.from_env()


def test_batches_keep_file_order():
    assert batches(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert batches([], 3) == []
