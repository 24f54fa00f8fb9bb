"""The tests publish to their own portal, never to the user's.

tests/conftest.py also compares a fingerprint of the user's portal and warehouse taken when
pytest starts with one taken when it ends, and fails the run if anything changed; the last test
here shows that fingerprint notices a single write.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest

from devportal import guard, instances
from tests import portals

pytestmark = pytest.mark.integration


def test_the_test_portal_has_its_own_folder_ports_and_databases(portal):
    user, test = portals.USER_PORTAL, portals.TEST_PORTAL
    assert test.root != user.root and user.root not in test.root.parents
    assert not set(test.ports.values()) & set(user.ports.values())
    assert portal.url == test.url != user.url
    assert test.pgdata != user.pgdata and test.storage != user.storage
    assert test.venv == user.venv  # only the CKAN install is shared


def test_every_portal_command_of_this_process_addresses_the_test_portal(portal):
    assert instances.layout() == portals.TEST_PORTAL
    assert "CKAN_URL" not in os.environ or os.environ["CKAN_URL"] == portal.url
    assert os.environ["DESA_WAREHOUSE"] != str(portals.USER_WAREHOUSE)


def test_each_session_starts_from_a_portal_with_nothing_left_from_earlier_runs(portal):
    # The session fixture restored the pristine databases: every dataset and organization
    # there is was made by this session.
    found = portal.ckan.action.package_search(q="*:*", rows=1000, include_private=True,
                                              include_drafts=True, fl="name,metadata_created")
    old = [p["name"] for p in found["results"]
           if dt.datetime.fromisoformat(p["metadata_created"].rstrip("Z")) < portal.started]
    assert old == []
    orgs = portal.ckan.action.organization_list(all_fields=True)
    assert [o["name"] for o in orgs
            if dt.datetime.fromisoformat(o["created"].rstrip("Z")) < portal.started] == []


def test_the_fingerprint_notices_a_single_write(portal):
    before = guard.fingerprint(portals.TEST_PORTAL)
    assert "datasets" in before  # the portal runs: the API part of the fingerprint is there
    name = f"jejak-{uuid.uuid4().hex[:8]}"
    org = portal.ckan.action.organization_create(name=name, title="Jejak")
    portal.ckan.action.package_create(name=name, title="Jejak", owner_org=org["id"],
                                      produsen_data="Uji", walidata="Uji", kode_referensi="J-1",
                                      jadwal_pemutakhiran="Tahunan", cakupan_wilayah="Uji")
    changed = guard.differences(before, guard.fingerprint(portals.TEST_PORTAL))
    assert f"organizations: {name} added" in changed
    assert f"datasets: {name} added" in changed
    assert any(line.startswith("index: ") for line in changed)  # the search index was written
