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
    from desa_terbuka.portal import local

    state = local.up(log=lambda msg: None)
    if not state.ready:
        pytest.fail(f"local portal not ready: {state.components}")
    token = local.read_token()
    client = ckanapi.RemoteCKAN(state.url, apikey=token, user_agent="desa-terbuka-tests")
    return Portal(url=state.url, token=token, ckan=client)
