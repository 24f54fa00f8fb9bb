"""Process helpers for the local portal: pidfiles, background starts, readiness waits.

No systemd and no Docker on the project's machines, so each service is a plain process
whose pid is kept in a pidfile under ``.portal/run``.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Callable, Sequence

_JWT_RE = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]+")


class LocalPortalError(RuntimeError):
    """An expected failure of a portal step, with a one-line explanation and log path."""


def scrub(text: str, secrets: Sequence[str] = ()) -> str:
    """Remove secrets (passwords, API tokens) from text before it is logged."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return _JWT_RE.sub("***token***", text)


def read_pid(pidfile: Path) -> int | None:
    try:
        return int(pidfile.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def pid_alive(pid: int | None, marker: str = "") -> bool:
    """True if ``pid`` runs and its command line contains ``marker`` (guards reused pids)."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (OSError, ProcessLookupError):
        return False
    if stat.rsplit(")", 1)[-1].split()[0] == "Z":  # zombie
        return False
    return marker in cmdline


def cmdline(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [part.decode() for part in raw.split(b"\0") if part]


def children(pid: int) -> list[int]:
    """Live (non-zombie) child processes of ``pid``, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[-1].split()
        except OSError:
            continue
        if fields[1] == str(pid) and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return sorted(found)


def port_open(port: int, host: str = "127.0.0.1", timeout: float = 0.3) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 (local URL)
            return resp.status == 200
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False


def wait_until(check: Callable[[], bool], timeout: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval)
    return check()


def start_background(cmd: Sequence[str], logfile: Path, pidfile: Path, *,
                     env: dict[str, str] | None = None, cwd: Path | None = None
                     ) -> subprocess.Popen:
    """Start a detached process (own session) logging to ``logfile``; record its pid."""
    logfile.parent.mkdir(parents=True, exist_ok=True)
    with open(logfile, "ab") as out:
        proc = subprocess.Popen(  # noqa: S603 - fixed argument list
            list(cmd), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=env, cwd=cwd, start_new_session=True, close_fds=True)
    pidfile.write_text(f"{proc.pid}\n")
    return proc


def stop_pid(pidfile: Path, marker: str = "", timeout: float = 10.0) -> bool:
    """SIGTERM (then SIGKILL) the process group in ``pidfile``; remove the pidfile."""
    pid = read_pid(pidfile)
    stopped = False
    if pid_alive(pid, marker):
        assert pid is not None
        _signal_group(pid, signal.SIGTERM)
        if not wait_until(lambda: not pid_alive(pid, marker), timeout):
            _signal_group(pid, signal.SIGKILL)
            wait_until(lambda: not pid_alive(pid, marker), 3)
        stopped = True
    pidfile.unlink(missing_ok=True)
    return stopped


def _signal_group(pid: int, sig: int) -> None:
    try:
        if os.getpgid(pid) == pid:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)
    except ProcessLookupError:
        pass


def run(cmd: Sequence[str], logfile: Path, *, secrets: Sequence[str] = (),
        input_text: str | None = None, env: dict[str, str] | None = None,
        cwd: str | Path | None = "/", what: str = "") -> str:
    """Run a command to completion; append scrubbed output to ``logfile``; raise on failure."""
    proc = subprocess.run(  # noqa: S603 - fixed argument list
        list(cmd), input=input_text, capture_output=True, text=True, env=env, cwd=cwd)
    shown = " ".join(cmd[:6]) + (" ..." if len(cmd) > 6 else "")
    with open(logfile, "a", encoding="utf-8") as out:
        out.write(scrub(f"$ {shown}\n{proc.stdout}{proc.stderr}\n", secrets))
    if proc.returncode != 0:
        last = scrub((proc.stderr or proc.stdout).strip().splitlines()[-1:] and
                     (proc.stderr or proc.stdout).strip().splitlines()[-1] or "", secrets)
        raise LocalPortalError(f"{what or shown} gagal/failed (exit {proc.returncode}): "
                          f"{last[:200]} — log: {logfile}")
    return proc.stdout
