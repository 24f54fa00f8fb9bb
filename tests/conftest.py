"""Session-wide test settings: the tests' own portal, and proof the user's was left alone."""

import os
from pathlib import Path

import pytest

from devportal import guard
from tests import portals

# The Siskeudes test corpus has its own Kd_Desa mapping; the shipped one stays the district's.
os.environ.setdefault("DESA_SISKEUDES_MAPPING",
                      str(Path(__file__).parent / "data" / "siskeudes" / "siskeudes_desa.yaml"))
portals.isolate()
_BEFORE = pytest.StashKey[dict]()


@pytest.fixture(scope="session", autouse=True)
def _private_warehouse_and_inbox(tmp_path_factory):
    """Code that falls back to the default warehouse or inbox gets a temporary one."""
    root = tmp_path_factory.mktemp("defaults")
    mp = pytest.MonkeyPatch()
    mp.setenv("DESA_WAREHOUSE", str(root / "warehouse.duckdb"))
    mp.setenv("DESA_INBOX", str(root / "inbox"))
    yield
    mp.undo()


def pytest_sessionstart(session):
    session.config.stash[_BEFORE] = guard.fingerprint(portals.USER_PORTAL, portals.USER_WAREHOUSE)


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if the user's portal or warehouse changed while the tests ran."""
    before = session.config.stash.get(_BEFORE, None)
    if before is None:
        return
    changed = guard.differences(
        before, guard.fingerprint(portals.USER_PORTAL, portals.USER_WAREHOUSE))
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter:
        reporter.write("\n")
    if changed:
        lines = [f"PORTAL PENGGUNA BERUBAH / the user's portal or warehouse changed during the "
                 f"tests ({portals.USER_PORTAL.root}, {portals.USER_WAREHOUSE}):", *changed[:30]]
        for line in lines:
            if reporter:
                reporter.write_line(line, red=True)
            else:
                print(line)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    elif reporter:
        what = (f"{len(before['datasets'])} datasets checked" if "datasets" in before
                else "not running" if before["exists"] else "does not exist")
        reporter.write_line(f"user's portal untouched: {portals.USER_PORTAL.root} ({what}); "
                            f"warehouse {portals.USER_WAREHOUSE} untouched")

