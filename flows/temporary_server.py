"""The Prefect server of one ``desa run`` when no server is configured or running.

Prefect starts a temporary server itself when a flow runs without ``PREFECT_API_URL``, but
only once the flow is called, and its start first imports Prefect's server package into the
calling process (measured: 4–6 s of CPU there, then ~5 s until the server answers). This starts
the very command Prefect's temporary server runs (uvicorn over ``create_app``, with only the
services of a temporary server) as a child process *before* the run imports Prefect, so the two
start-ups overlap on the two cores, and points ``PREFECT_API_URL`` at it. The child dies with
the run (parent-death signal on Linux, and a stop at exit). If it does not answer, the run
stops with a message naming its log: Prefect has read ``PREFECT_API_URL`` by then (its settings
are fixed at import), so withdrawing the setting would not bring back Prefect's own server.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from desa_terbuka.core.config import ConfigError

READY_SECONDS = 120  # as PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS (core/settings.py)
LOG_FILE = "temporary-server.log"  # in PREFECT_HOME


def free_port() -> int:
    """A port free on the loopback now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:  # in the child, before exec
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


class TemporaryServer:
    def __init__(self, home: Path):
        self.port = free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        home.mkdir(parents=True, exist_ok=True)
        self.log = home / LOG_FILE
        # No block types registered on start: a run reads at most the Secret block of its token
        # (CKAN_API_TOKEN_BLOCK), whose type is in the database since the block was saved; and
        # deciding whether to register imports every installed Prefect collection (prefect-dask:
        # dask.distributed), ~0.4 s of the ~3.8 s the run waits for this server.
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT__SERVER_FINAL": "1", "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
               "PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false"}
        env.pop("PREFECT_API_URL", None)
        with open(self.log, "ab") as log:
            self.process: subprocess.Popen | None = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
                 "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error",
                 "--lifespan", "on"],
                env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        os.environ["PREFECT_API_URL"] = self.api_url
        atexit.register(self.stop)

    def join(self, timeout: float = READY_SECONDS) -> None:
        """Wait until it answers; a ``ConfigError`` naming its log if it does not."""
        deadline = time.monotonic() + timeout
        while self.process and self.process.poll() is None and time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.api_url}/health", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise ConfigError(
            f"Server Prefect sementara tidak menyala dalam {timeout:.0f} detik; lihat {self.log}, "
            "atau jalankan `desa serve` lalu ulangi / the temporary Prefect server did not start; "
            f"see {self.log}, or run `desa serve` and try again")

    def stop(self) -> None:
        if self.process is None:
            return
        process, self.process = self.process, None
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
