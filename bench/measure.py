"""Run one whole command and measure it from outside: wall time, CPU time, and peak RSS of its
process tree (the command and every process it starts, e.g. Prefect's temporary server).

The tree is found by polling /proc (parent pid links) every ``interval`` seconds and summing the
resident memory of its members; the largest single process is reported too: the kernel's own
figure for it (``ru_maxrss`` from ``wait4``) when that is larger than the bench's own peak, else
the polled one. Linux carries a process's high-water mark across ``exec``, so a command started
by a bench process of 840 MB reported 840 MB, whatever it used (the naive script as much as
``desa run``).
"""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Sequence


@dataclass
class Measured:
    argv: list[str]
    returncode: int
    wall_s: float
    user_s: float
    sys_s: float
    peak_tree_rss_mb: float  # polled: sum over the process tree at its largest
    peak_process_rss_mb: float  # the largest single process of the tree (kernel or polled)
    stdout: str
    stderr: str

    def summary(self) -> dict:
        data = asdict(self)
        data["stdout"] = data["stdout"][-2000:]
        data["stderr"] = data["stderr"][-2000:]
        return data


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss_kb(root: int) -> list[int]:
    """Resident memory of ``root`` and each of its descendants now, in KB."""
    tree, sizes, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        sizes.append(_rss_kb(pid))
        todo.extend(tree.get(pid, []))
    return sizes


def run_measured(argv: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None,
                 timeout: float | None = None, interval: float = 0.2) -> Measured:
    """Run ``argv`` to completion (killed after ``timeout`` s) and measure it."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=out, stderr=err, env=env, cwd=cwd,
                                start_new_session=True)
        peak, largest = 0.0, 0.0
        inherited = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # see the docstring
        status, usage = 0, None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                break
            sizes = _tree_rss_kb(proc.pid)
            peak, largest = max(peak, sum(sizes) / 1024), max(largest, max(sizes) / 1024)
            if timeout and time.perf_counter() - started > timeout:
                os.killpg(proc.pid, 9)
            time.sleep(interval)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        kernel = usage.ru_maxrss / 1024
        largest = kernel if kernel > inherited else largest
        return Measured(list(argv), proc.returncode, round(wall, 3), round(usage.ru_utime, 3),
                        round(usage.ru_stime, 3), round(max(peak, largest), 1),
                        round(largest, 1), out.read().decode(errors="replace"),
                        err.read().decode(errors="replace"))


def _busy_seconds() -> tuple[float, float]:
    """CPU seconds the machine spent busy and in total (all cores), from /proc/stat."""
    with open("/proc/stat") as stat:
        ticks = [int(x) for x in stat.readline().split()[1:]]
    hz = os.sysconf("SC_CLK_TCK")
    return (sum(ticks) - ticks[3] - ticks[4]) / hz, sum(ticks) / hz  # minus idle and iowait


def settle(idle_share: float = 0.9, window: float = 1.0, longest: float = 60.0) -> float:
    """Wait until the machine is quiet (``idle_share`` of its CPU idle over ``window`` seconds),
    at most ``longest`` seconds; returns the seconds waited. Before each timed step of a
    scenario, so that no figure pays for the work its predecessor left behind (the portal's
    database still analysing 1,500 new tables after a first publish) and both sides are
    measured alike."""
    started = time.monotonic()
    while time.monotonic() - started < longest:
        busy0, total0 = _busy_seconds()
        time.sleep(window)
        busy1, total1 = _busy_seconds()
        if total1 > total0 and 1 - (busy1 - busy0) / (total1 - total0) >= idle_share:
            break
    return round(time.monotonic() - started, 1)
