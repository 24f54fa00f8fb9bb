"""Fault injection against the real local portal: a proxy (faults.py) fails, delays, drops or
kills at chosen portal calls of a publish, and after each fault a normal run must converge.

Every scenario changes the APBDes of one village (both years), publishes through the proxy
with one fault, then checks:
- right after the fault: every public dataset shows one complete version, the old or the new
  one (no new CSV with an old table, no years from two versions, no unlabelled staging, no
  duplicates);
- after one more normal run: the portal equals the warehouse's plan (metadata hash, every
  resource's file hash, DataStore row counts), no staging left, every inbox file received.
Matrices (DESA_FAULT_MATRIX; README "Never a mixed dataset" has the figures): the default, 8
scenarios, every publish step (STEPS) once and every fault kind at least once (measured 328 s on
2 shared cores); =steps each step x {kill, down, 500, timeout} (28); =wide 18; =full every write
action x occurrence x fault kind, and the switch (114). The scenario count and time are printed
at the end.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desa_terbuka.collect.inbox import describe, discover
from desa_terbuka.core.reference import villages
from desa_terbuka.publish.build import cross_findings, plan_datasets
from desa_terbuka.publish.config import Client
from desa_terbuka.stage.warehouse import Warehouse
from faults import Fault, Proxy, dataset_state, expected_state, leftovers

pytestmark = pytest.mark.integration

KECAMATAN = "62.02.13"  # Cempaga Hulu: no other test publishes it
FAST = Client.model_validate({
    "timeout_seconds": 5, "connect_timeout_seconds": 2,
    "retry": {"attempts": 3, "backoff_seconds": 0.05, "backoff_max_seconds": 0.2},
    "dataset_retries": 1, "dataset_retry_delay_seconds": 0.1,
    "breaker": {"failures": 4, "cooldown_seconds": 60}})
WRITES = ("datastore_create", "resource_patch", "package_create_default_resource_views",
          "resource_create", "package_revise", "resource_delete")
# The steps of a publish (publish/sync.py), in order: the first call of each. The files travel
# with the switch.
STEPS = {"add staging resources": ("package_revise", ""), "fill its table": ("datastore_create", ""),
         "make its views": ("package_create_default_resource_views", ""),
         "switch": ("package_revise", "switch"), "drop the replaced": ("resource_delete", ""),
         "read": ("package_show", "")}


def _step(name: str, kind: str) -> Fault:
    action, step = STEPS[name]
    return Fault(action, 3 if action == "package_show" else 1, kind, step=step)


# The default (in the normal test command, about 3 min): every step once, every fault kind at
# least once, the switch both lost and killed before it.
DEFAULT = [_step("add staging resources", "500"), _step("fill its table", "timeout"),
           _step("make its views", "down"), _step("switch", "500"),
           _step("switch", "lost"), _step("drop the replaced", "500")]
KILLS = [Fault("datastore_create", 2, "kill-after"), _step("switch", "kill-before")]
MATRIX = os.environ.get("DESA_FAULT_MATRIX") or "default"
if MATRIX == "steps":  # the matrix: each publish step x {kill, portal down, 500, timeout}
    DEFAULT = [_step(name, kind) for name in STEPS for kind in ("500", "timeout", "down")]
    KILLS = [_step(name, "kill-after") for name in STEPS]
if MATRIX == "wide":
    DEFAULT = [
        Fault("datastore_create", 1, "500"), Fault("datastore_create", 2, "lost"),
        Fault("datastore_create", 2, "timeout"), Fault("resource_patch", 1, "lost"),
        Fault("resource_patch", 2, "500"), Fault("package_create_default_resource_views", 1, "lost"),
        Fault("package_revise", 1, "lost"),
        Fault("package_revise", 1, "500"), Fault("package_revise", 1, "timeout"),
        Fault("resource_delete", 1, "lost"), Fault("package_show", 3, "down"),
        Fault("datastore_create", 2, "down"), Fault("package_revise", 1, "down"),
        Fault("resource_delete", 1, "down")]
    KILLS = [Fault("datastore_create", 2, "kill-after"), Fault("package_revise", 1, "kill-before"),
             Fault("package_revise", 1, "kill-after"), Fault("resource_delete", 1, "kill-before")]
if MATRIX == "full":  # every write action x occurrence x kind, and the switch
    DEFAULT = [Fault(a, n, k) for a in WRITES + ("package_show",) for n in (1, 2, 3)
               for k in ("500", "lost", "timeout", "down")]
    DEFAULT += [_step("switch", k) for k in ("500", "lost", "timeout", "down")]
    KILLS = [Fault(a, n, k) for a in WRITES for n in (1, 2) for k in ("kill-before", "kill-after")]
    KILLS += [_step("switch", k) for k in ("kill-before", "kill-after")]
RESULTS: list[tuple[str, float]] = []


class Rig:
    def __init__(self, portal, root: Path):
        from desa_terbuka.authoring.sample import generate

        self.portal, self.root = portal, root
        self.inbox, self.warehouse = root / "inbox", root / "warehouse.duckdb"
        generate(self.inbox, kecamatan=KECAMATAN, years=(2023, 2024))
        desa = sorted(p.name for p in self.inbox.iterdir())
        for extra in desa[1:]:  # one village: three datasets, two of them change each time
            for f in (self.inbox / extra).iterdir():
                f.unlink()
            (self.inbox / extra).rmdir()
        self.kodes = [d.split("-")[0] for d in desa[:1]]
        self.names = [f"{t}-{k.replace('.', '')}-{villages()[k].slug}" for k in self.kodes
                      for t in ("apbdes", "kegiatan", "musyawarah")]
        self.proxy = Proxy(portal.url)
        self.url = self.proxy.start()
        self.version = 0

    def change(self) -> None:
        """A new version of every APBDes file (both villages, both years)."""
        self.version += 1
        for path in sorted(self.inbox.glob("*/apbdes_*.csv")):
            rows = list(csv.DictReader(path.open(encoding="utf-8")))
            rows[-1]["uraian"] = rows[-1]["uraian"].split(" (revisi")[0] + f" (revisi {self.version})"
            with path.open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)

    def run(self, fault: Fault | None = None):
        from flows.publish_submissions import publish_submissions

        self.proxy.arm(fault)
        if fault is None:
            self.proxy.fired = False
        try:
            # the district datasets go through the same sync (test_district_portal.py);
            # here they would only double every run's writes
            return publish_submissions(inbox=self.inbox, warehouse_path=self.warehouse,
                                       compliance=False, district=False).unquote()
        finally:
            self.proxy.arm(None)

    def run_killed(self, fault: Fault, env: dict) -> int:
        """`desa run` in its own process, SIGKILLed by the proxy at ``fault``."""
        process = subprocess.Popen(
            [sys.executable, "-m", "desa_terbuka.cli", "run", "--inbox", str(self.inbox)],
            env={**env, "CKAN_URL": self.url, "DESA_WAREHOUSE": str(self.warehouse)},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.proxy.arm(fault, kill_pid=process.pid)
        try:
            process.wait(timeout=240)
        finally:
            self.proxy.arm(None)
        return process.returncode

    def expected(self) -> dict[str, tuple]:
        with Warehouse(self.warehouse) as w:
            planned = plan_datasets(w, None, self.kodes, cross_findings(w, None, self.kodes))
        return {p.plan.name: expected_state(p) for p in planned}

    def states(self, problems: list[str]) -> dict[str, tuple | None]:
        keys = {k for state in self.expected().values() for k, _ in state[1]}
        return {n: dataset_state(self.portal.ckan, n, problems, keys) for n in self.names}

    def lost_submissions(self) -> list[str]:
        with Warehouse(self.warehouse) as w:
            return [str(s.path) for s in discover(self.inbox) if not w.last_receipts(describe(s.path))]


@pytest.fixture(scope="module")
def rig(portal, run_pipeline, tmp_path_factory, pytestconfig):
    mp = pytest.MonkeyPatch()
    mp.setattr("desa_terbuka.publish.portal.client_config", lambda: FAST)
    mp.setattr("flows.retries.client_config", lambda: FAST)
    rig = Rig(portal, tmp_path_factory.mktemp("faults"))
    mp.setenv("CKAN_URL", rig.url)
    first = rig.run()
    assert not first.failures, first.failures
    rig.proxy.fired = False
    yield rig
    mp.undo()
    rig.proxy.stop()
    if RESULTS:  # to the terminal, past pytest's capturing
        total = sum(t for _, t in RESULTS)
        with pytestconfig.pluginmanager.getplugin("capturemanager").global_and_fixture_disabled():
            print(f"\n[faults] {len(RESULTS)} scenarios converged in {total:.0f} s "
                  f"({MATRIX} matrix): "
                  + ", ".join(n for n, _ in RESULTS), flush=True)


def _converges(rig: Rig, before: dict, label: str, started: float) -> None:
    problems: list[str] = []
    expected = rig.expected()
    during = rig.states(problems)
    for name in rig.names:  # the old complete version or the new one, nothing between
        assert during[name] in (before[name], expected[name]), (label, name, during[name],
                                                                before[name], expected[name])
    assert problems == [], (label, problems)
    again = rig.run()
    assert not again.failures, (label, again.failures)
    after = rig.states(problems)
    assert problems == [], (label, problems)
    assert after == expected, label
    assert not any(leftovers(rig.portal.ckan, n) for n in rig.names), label
    assert rig.lost_submissions() == [], label
    RESULTS.append((label, time.monotonic() - started))


@pytest.mark.parametrize("fault", DEFAULT, ids=str)
def test_a_portal_fault_mid_publish_never_shows_a_mixed_dataset_and_the_next_run_converges(
        rig, fault):
    started = time.monotonic()
    before = rig.states([])
    rig.change()
    summary = rig.run(fault)
    if not rig.proxy.fired and MATRIX == "full":
        pytest.skip(f"{fault}: the publish makes no such call")
    assert rig.proxy.fired, f"{fault} never happened: the publish did not make that call"
    if fault.kind == "down":  # the run reports what it could not publish, and stops trying
        assert summary.failures and all(f.code == "portal-unreachable"
                                        for f in summary.failures.values())
    _converges(rig, before, str(fault), started)


@pytest.mark.parametrize("fault", KILLS, ids=str)
def test_a_run_killed_mid_publish_is_completed_by_the_next_run(rig, fault, prefect_server):
    from prefect.settings import PREFECT_API_URL

    started = time.monotonic()
    before = rig.states([])
    rig.change()
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(),
           "CKANAPI_REQUEST_TIMEOUT": "10"}
    code = rig.run_killed(fault, env)
    if not rig.proxy.fired and MATRIX == "full":
        pytest.skip(f"{fault}: the publish makes no such call")
    assert rig.proxy.fired and code == -signal.SIGKILL, (fault, code)
    _converges(rig, before, str(fault), started)
