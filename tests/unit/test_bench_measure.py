"""The bench's memory figure is the command's own, not the bench process's high-water mark."""

from __future__ import annotations

import sys

from bench.measure import run_measured

SMALL = ("import time; x = bytearray(20 * 2**20); "
         "[x.__setitem__(i, 1) for i in range(0, len(x), 4096)]; time.sleep(0.5)")


def test_a_small_command_started_by_a_large_bench_is_measured_small() -> None:
    """Linux keeps a process's peak RSS across exec: a command started by a bench of 300 MB
    reported 300 MB through ru_maxrss, whatever it used."""
    grown = bytearray(300 * 2**20)
    for i in range(0, len(grown), 4096):
        grown[i] = 1
    measured = run_measured([sys.executable, "-c", SMALL])
    assert measured.returncode == 0
    assert 20 < measured.peak_process_rss_mb < 150
    assert measured.peak_tree_rss_mb < 150
    del grown


def test_settle_waits_for_a_quiet_machine_at_most_its_longest() -> None:
    from bench.measure import settle

    assert settle(idle_share=0.0, window=0.1) <= 0.5  # any machine is that quiet: one window
    waited = settle(idle_share=1.01, window=0.1, longest=0.3)  # never that quiet: the cap
    assert 0.3 <= waited <= 0.6
