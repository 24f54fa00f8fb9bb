"""The run's own temporary Prefect server (flows/temporary_server.py): it answers, it is
a clear error when it cannot start, and it never outlives the run, even one killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import httpx
import pytest

from desa_terbuka.core.config import ConfigError
from desa_terbuka.core.paths import PROJECT_ROOT
from flows.temporary_server import TemporaryServer


@pytest.fixture
def no_api_url(monkeypatch, tmp_path):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))
    return tmp_path / "prefect"


def test_it_answers_and_points_the_run_at_itself_then_stops(no_api_url):
    server = TemporaryServer(no_api_url)
    assert os.environ["PREFECT_API_URL"] == server.api_url
    server.join()
    assert httpx.get(f"{server.api_url}/health", timeout=5).status_code == 200
    process = server.process
    server.stop()
    assert process.poll() is not None


def test_a_server_that_cannot_start_stops_the_run_with_its_log_named(no_api_url, monkeypatch):
    monkeypatch.setattr(sys, "executable", "/bin/false")  # the child exits at once
    server = TemporaryServer(no_api_url)
    with pytest.raises(ConfigError, match="temporary-server.log"):
        server.join(timeout=30)
    assert server.process is None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its (gone) parent's reaper counts as dead
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(sys.platform != "linux", reason="parent-death signal is Linux's")
def test_it_dies_with_a_run_killed_outright(no_api_url):
    run = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        from pathlib import Path
        from flows.temporary_server import TemporaryServer
        server = TemporaryServer(Path({str(no_api_url)!r}))
        print(server.process.pid, flush=True)
        import time; time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    child = int(run.stdout.readline())
    assert _alive(child)
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 15
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(child), "the temporary server outlived the killed run"
