"""Fixtures for tests against the real local CKAN portal (started once per session)."""
from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass
class Portal:
    url: str
    token: str
    ckan: object  # ckanapi.RemoteCKAN

    def __repr__(self) -> str:  # keep the token out of pytest output
        return f"Portal(url={self.url!r})"


@pytest.fixture(scope="session")
def portal() -> Portal:
    """Bring the local portal up (idempotent) and hand out an authenticated client."""
    ckanapi = pytest.importorskip("ckanapi")
    from devportal import local

    state = local.up(log=lambda msg: None)
    if not state.ready:
        pytest.fail(f"local portal not ready: {state.components}")
    token = local.read_token()
    client = ckanapi.RemoteCKAN(state.url, apikey=token, user_agent="desa-terbuka-tests")
    return Portal(url=state.url, token=token, ckan=client)


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """One temporary Prefect API for the whole session (≈10 s to start, STACK.md)."""
    import os

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
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
        return publish_submissions(inbox=inbox, warehouse_path=warehouse, **kwargs)

    return run


@pytest.fixture(scope="session")
def monkeypatch_session():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()
