"""Fixtures for tests against a real local CKAN portal: the tests' own (started once per session)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone

import pytest

from tests import portals


@dataclass
class Portal:
    url: str
    token: str
    ckan: object  # ckanapi.RemoteCKAN
    started: datetime  # UTC (naive, as CKAN's timestamps) when the session's portal was fresh

    def __repr__(self) -> str:  # keep the token out of pytest output
        return f"Portal(url={self.url!r})"


@pytest.fixture(scope="session")
def portal(pytestconfig) -> Portal:
    """The tests' own portal (tests/portals.py), from nothing published: started once per
    session with the databases as installed, stopped at the end of the session
    (DESA_TEST_PORTAL_KEEP=1 keeps it running for a look afterwards:
    `desa portal --test status`)."""
    ckanapi = pytest.importorskip("ckanapi")
    from devportal import local

    root = portals.TEST_PORTAL.root
    started = datetime.now(timezone.utc).replace(tzinfo=None)
    state = local.up(root, fresh=True, log=_progress(pytestconfig))
    if not state.ready:
        pytest.fail(f"test portal not ready: {state.components}")
    assert state.url == portals.TEST_PORTAL.url
    token = local.read_token(root)
    client = ckanapi.RemoteCKAN(state.url, apikey=token, user_agent="desa-terbuka-tests")
    yield Portal(url=state.url, token=token, ckan=client, started=started)
    if not os.environ.get("DESA_TEST_PORTAL_KEEP"):
        local.down(root, log=lambda msg: None)


def _progress(config):
    """Portal steps (a first install takes a minute) reach the terminal despite capturing."""
    capture = config.pluginmanager.getplugin("capturemanager")

    def log(message: str) -> None:
        with capture.global_and_fixture_disabled():
            print(f"[portal uji] {message}", flush=True)
    return log


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """One temporary Prefect API for the whole session (≈10 s to start, STACK.md)."""
    import os

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")  # slow starts under load
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def run_pipeline(portal, prefect_server, monkeypatch_session):
    """Run the real flow against the real portal; returns its RunSummary."""
    monkeypatch_session.setenv("CKAN_URL", portal.url)
    monkeypatch_session.setenv("CKAN_API_TOKEN", portal.token)
    from flows.publish_submissions import publish_submissions

    def run(inbox, warehouse, **kwargs):
        # The compliance dataset is one per portal, built from the whole warehouse: tests that
        # each use their own warehouse would overwrite each other's. test_operations.py asks for it.
        kwargs.setdefault("compliance", False)
        kwargs.setdefault("district", False)  # likewise the district datasets (test_district_portal.py)
        return publish_submissions(inbox=inbox, warehouse_path=warehouse, **kwargs).unquote()

    return run


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory, run_pipeline):
    """The sample submissions of Tualan Hulu (11 desa × 3 types × 2023-2025), published once:
    (inbox, warehouse, first run's summary)."""
    from desa_terbuka.authoring.sample import generate

    root = tmp_path_factory.mktemp("tualan-hulu")
    inbox = root / "inbox"
    generate(inbox)
    first = run_pipeline(inbox, root / "warehouse.duckdb")
    return inbox, root / "warehouse.duckdb", first


@pytest.fixture(scope="session")
def district_run(sample_run, run_pipeline):
    """The sample's warehouse run again with the district datasets and the villages' links (the
    villages themselves are unchanged: no village writes)."""
    inbox, warehouse, _ = sample_run
    return run_pipeline(inbox, warehouse, district=True)


def pytest_collection_modifyitems(config, items):
    """Tests on the Tualan Hulu sample (``sample_run``/``district_run``) run after the tests that
    publish their own files, some into the same villages from their own warehouses: the sample
    run then makes those datasets the sample's again, and its tests see only the sample. Tests
    marked ``last`` run after every other test: they publish a new year for a sample village,
    which the others' expectations (2023-2025) do not include."""
    def key(item):
        on_sample = bool({"sample_run", "district_run"} & set(getattr(item, "fixturenames", ())))
        return (item.get_closest_marker("last") is not None, on_sample)
    items.sort(key=key)


@pytest.fixture(scope="session")
def monkeypatch_session():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()
