"""`desa serve` on one machine: it starts a real Prefect server, its schedule fires, scheduled
runs complete (publishing to the real local portal) with their summary artifact, the server is
restarted when it dies, and stopping `desa serve` stops the server."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from desa_terbuka.authoring.sample import generate

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
DEPLOYMENT = "desa-terbuka-malam"
INTERVAL = 20  # seconds between scheduled runs


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _completed(api: str) -> list[dict]:
    body = {"deployments": {"name": {"any_": [DEPLOYMENT]}},
            "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}}
    try:
        return httpx.post(f"{api}/flow_runs/filter", json=body, timeout=10).json()
    except httpx.HTTPError:
        return []


def _healthy(api: str) -> bool:
    try:
        return httpx.get(f"{api}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _wait(predicate, seconds: float, what: str, log: Path):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(1)
    pytest.fail(f"{what} within {seconds:.0f} s; desa serve log:\n{log.read_text()[-4000:]}")


def test_desa_serve_runs_the_schedule_on_a_supervised_local_prefect_server(portal, tmp_path) -> None:
    inbox = tmp_path / "inbox"
    generate(inbox, years=(2024,))
    for path in inbox.iterdir():
        if not path.name.startswith("62.02.16.2003"):
            shutil.rmtree(path)
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    home = tmp_path / "prefect"
    env = {**os.environ, "CKAN_URL": portal.url, "CKAN_API_TOKEN": portal.token,
           "DESA_INBOX": str(inbox), "DESA_WAREHOUSE": str(tmp_path / "data" / "warehouse.duckdb"),
           "PREFECT_HOME": str(home), "DESA_PREFECT_PORT": str(port)}
    env.pop("PREFECT_API_URL", None)
    log = tmp_path / "serve.log"
    started = time.monotonic()
    with open(log, "w") as out:
        serve = subprocess.Popen([sys.executable, "-m", "desa_terbuka.cli", "serve", "--interval", str(INTERVAL)],
                                 cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait(lambda: _healthy(api), 120, "the local Prefect server was not ready", log)
        ready = time.monotonic() - started
        runs = _wait(lambda: len(_completed(api)) >= 2 and _completed(api), 240,
                     "two scheduled runs did not complete", log)
        two_runs = time.monotonic() - started
        assert all(r["auto_scheduled"] for r in runs)  # fired by the server's scheduler
        deployment = httpx.get(f"{api}/deployments/name/desa-terbuka-publish/{DEPLOYMENT}", timeout=10).json()
        assert deployment["schedules"][0]["schedule"]["interval"] == INTERVAL
        artifacts = httpx.post(f"{api}/artifacts/filter", timeout=10,
                               json={"artifacts": {"key": {"any_": ["desa-terbuka-run"]}}}).json()
        assert len(artifacts) >= 2 and "Ringkasan run Desa Terbuka" in artifacts[0]["data"]
        assert any("diterima" in a["data"] for a in artifacts)  # the first run accepted the files
        quality = httpx.post(f"{api}/artifacts/filter", timeout=10,
                             json={"artifacts": {"key": {"any_": ["desa-terbuka-kualitas"]}}}).json()
        assert any(a["type"] == "table" and "apbdes-6202162003-merah" in json.dumps(a["data"])
                   for a in quality)  # the first run's published datasets, in one table
        published = portal.ckan.action.package_show(id="apbdes-6202162003-merah")
        assert "2024" in [r["tahun"] for r in published["resources"] if r.get("tahun")]

        # The server dies: desa serve starts it again and the schedule goes on.
        state = json.loads((home / "desa-serve.json").read_text())
        os.killpg(state["pid"], signal.SIGKILL)
        _wait(lambda: json.loads((home / "desa-serve.json").read_text())["pid"] != state["pid"]
              if (home / "desa-serve.json").exists() else False, 90, "the server was not restarted", log)
        _wait(lambda: _healthy(api), 60, "the restarted server did not answer", log)
        before = len(_completed(api))
        _wait(lambda: len(_completed(api)) > before, 180, "no run completed after the restart", log)
        assert "dijalankan ulang" in log.read_text()
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        try:
            serve.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()
    assert not _healthy(api), "stopping desa serve must stop its Prefect server"
    assert not (home / "desa-serve.json").exists()
    print(f"\nserve: server ready {ready:.1f} s, two scheduled runs completed {two_runs:.1f} s after start")
