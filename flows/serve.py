"""``desa serve``: run the publishing flow on its schedule.

Prefect schedules fire only on a real Prefect server (its temporary in-process server never
fires them, STACK.md). On one machine ``desa serve`` therefore starts ``prefect server start``
itself (database and logs in PREFECT_HOME), restarts it if it dies, and serves the flow against
it with ``flow.serve``: the server schedules the runs and the UI shows them; this process runs
them. With PREFECT_API_URL set it registers with that server instead and starts none. For many
machines, ``prefect.yaml`` declares the same deployment for a work pool and its workers.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.schedule import ScheduleConfig, ScheduleEntry

READY_SECONDS = 90
STATE_FILE = "desa-serve.json"  # in PREFECT_HOME: where a running `desa serve` server listens


class ServerError(Exception):
    """The local Prefect server could not be started; ``finding`` says why and what to do."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message())
        self.finding = finding


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        return httpx.get(f"{api_url}/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def running_local_server(home: Path) -> str | None:
    """The API address of the server a running ``desa serve`` supervises, if it answers."""
    try:
        state = json.loads((home / STATE_FILE).read_text())
    except (OSError, ValueError):
        return None
    return state["api_url"] if healthy(state.get("api_url", "")) else None


@dataclass
class LocalPrefectServer:
    """``prefect server start`` as a child process, restarted when it dies."""

    host: str
    port: int
    home: Path
    log: Callable[[str], None] = print
    process: subprocess.Popen | None = None
    restarts: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.port}/api"

    @property
    def log_file(self) -> Path:
        return self.home / "server.log"

    def start(self) -> None:
        if healthy(self.api_url):  # e.g. another `desa serve`: two would fight over one database
            raise ServerError(self._failed(0))
        self.home.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PREFECT_HOME": str(self.home), "PREFECT_UI_ENABLED": "true",
               "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
               "PREFECT_SERVER_API_HOST": self.host, "PREFECT_SERVER_API_PORT": str(self.port)}
        env.pop("PREFECT_API_URL", None)
        prefect = Path(sys.executable).with_name("prefect")
        with open(self.log_file, "ab") as out:
            self.process = subprocess.Popen(
                [str(prefect), "server", "start", "--host", self.host, "--port", str(self.port)],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                start_new_session=True)
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if healthy(self.api_url):
                (self.home / STATE_FILE).write_text(json.dumps(
                    {"api_url": self.api_url, "pid": self.process.pid}))
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.5)
        self.stop()
        raise ServerError(self._failed(READY_SECONDS))

    def _failed(self, seconds: int) -> Finding:
        return Finding("serve-server-failed", params={"seconds": seconds, "log": str(self.log_file),
                                                      "port": self.port})

    def supervise(self, every: float = 5.0) -> threading.Thread:
        """Restart the server whenever it exits, until ``stop``."""
        def watch() -> None:
            while not self._stop.wait(every):
                if self.process and self.process.poll() is not None and not self._stop.is_set():
                    self.restarts += 1
                    self.log(f"Server Prefect berhenti (kode {self.process.returncode}); "
                             f"dijalankan ulang ({self.restarts}×).")
                    try:
                        self.start()
                    except ServerError:
                        self.log(f"Server Prefect gagal dijalankan ulang; lihat {self.log_file}.")
        thread = threading.Thread(target=watch, name="prefect-server-supervisor", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self._stop.set()
        (self.home / STATE_FILE).unlink(missing_ok=True)
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def prefect_schedules(entries: list[ScheduleEntry]) -> list:
    from prefect.schedules import Cron, Interval

    return [Cron(e.cron, timezone=e.timezone) if e.cron else Interval(e.interval, timezone=e.timezone)
            for e in entries]


def serve_flow(config: ScheduleConfig, parameters: dict) -> None:
    """Register the deployment with its schedules and run its flow runs here (blocks)."""
    from flows.publish_submissions import publish_submissions

    publish_submissions.serve(
        name=config.deployment, schedules=prefect_schedules(config.schedules),
        parameters=parameters, tags=["desa-terbuka"], pause_on_shutdown=False,
        description="Kumpulkan, periksa, simpan dan terbitkan kiriman desa (Desa Terbuka).",
        print_starting_message=False)
