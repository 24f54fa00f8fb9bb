"""Redis and the Solr stand-in of one local portal: start, check, stop.

Redis runs without persistence (``--save ''``): a restart empties it, which is what a fresh test
portal wants. The Solr stand-in (devportal/solr_standin.py) is the dev/test substitute for real
Solr, which cannot be installed here; production runs real Solr.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from devportal import services
from devportal.services import LocalPortalError

if TYPE_CHECKING:
    from devportal.layout import Layout

REPO_ROOT = Path(__file__).resolve().parents[1]
Log = Callable[[str], None]


# --------------------------------------------------------------------------- Solr stand-in
def solr_url(lay: "Layout") -> str:
    return f"http://127.0.0.1:{lay.ports['solr']}/solr/ckan"


def solr_running(lay: "Layout") -> bool:
    pid = services.read_pid(lay.run / "solr.pid")
    return services.pid_alive(pid, "solr_standin") and services.http_ok(
        solr_url(lay) + "/admin/ping", timeout=1)


def start_solr(lay: "Layout", log: Log) -> None:
    if solr_running(lay):
        return
    services.stop_pid(lay.run / "solr.pid", "solr_standin")
    log(f"Menjalankan / starting Solr stand-in on 127.0.0.1:{lay.ports['solr']}...")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(REPO_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    cmd = [sys.executable, "-m", "devportal.solr_standin", "--host", "127.0.0.1",
           "--port", str(lay.ports["solr"]), "--data-dir", str(lay.solr_data),
           "--log-level", os.environ.get("DESA_SOLR_LOG_LEVEL", "WARNING")]
    proc = services.start_background(cmd, lay.log("solr"), lay.run / "solr.pid", env=env,
                                     cwd=REPO_ROOT)
    services.wait_until(lambda: proc.poll() is not None or solr_running(lay), timeout=15)
    if not solr_running(lay):
        raise LocalPortalError(f"Solr stand-in tidak menyala / did not start — log: "
                               f"{lay.log('solr')}")


def stop_solr(lay: "Layout") -> bool:
    return services.stop_pid(lay.run / "solr.pid", "solr_standin")


def empty_solr(lay: "Layout", log: Log) -> None:
    """An empty index: stop the stand-in, drop its files, start it again."""
    stop_solr(lay)
    shutil.rmtree(lay.solr_data, ignore_errors=True)
    lay.solr_data.mkdir(parents=True, exist_ok=True)
    start_solr(lay, log)


# --------------------------------------------------------------------------- Redis
def redis_running(lay: "Layout") -> bool:
    pid = services.read_pid(lay.run / "redis.pid")
    return services.pid_alive(pid, "redis-server") and services.port_open(lay.ports["redis"])


def start_redis(lay: "Layout", log: Log) -> None:
    if redis_running(lay):
        return
    services.stop_pid(lay.run / "redis.pid", "redis-server")
    if services.port_open(lay.ports["redis"]):
        raise LocalPortalError(f"port {lay.ports['redis']} (redis) sudah dipakai / already in "
                               f"use by another process (see DESA_PORTAL_PORTS)")
    log(f"Menjalankan / starting Redis on 127.0.0.1:{lay.ports['redis']}...")
    services.run(["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1",
                  "--port", str(lay.ports["redis"]), "--save", "", "--appendonly", "no",
                  "--pidfile", str(lay.run / "redis.pid"), "--logfile", str(lay.log("redis")),
                  "--dir", str(lay.run)], lay.log("install"), what="redis-server")
    if not services.wait_until(lambda: redis_running(lay), timeout=10):
        raise LocalPortalError(f"Redis tidak menyala / did not start — log: {lay.log('redis')}")


def stop_redis(lay: "Layout") -> bool:
    return services.stop_pid(lay.run / "redis.pid", "redis-server")
