"""Sync against an in-memory fake of the CKAN actions it uses: convergence and crash recovery.

The real portal is exercised in tests/integration; this fake lets a test kill a run between two
calls, which a real server cannot be made to do on cue.
"""

from __future__ import annotations

import itertools

import pytest

from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.reference import villages
from desa_terbuka.publish.plan import CONTENT_HASH_KEY, ResourcePlan, dataset_plan
from desa_terbuka.publish.portal import CallLog, PortalNotFound, TransientPortalError
from desa_terbuka.publish.sync import sync_dataset


class FakePortal:
    url = "http://portal.test"

    def __init__(self):
        self.log = CallLog()
        self.orgs, self.packages, self.datastore, self.views = {}, {}, {}, {}
        self.ids = (f"id-{n}" for n in itertools.count())
        self.fail_on: str | None = None

    def show(self, action, **data):
        try:
            return self.call(action, **data)
        except PortalNotFound:
            return None

    def call(self, action, files=None, **data):
        self.log.add(action)
        if action == self.fail_on:
            raise TransientPortalError(action, "simulated crash")
        return getattr(self, action)(files=files, **data)

    def organization_show(self, files, id):
        if id not in self.orgs:
            raise PortalNotFound("show", "not found")
        return self.orgs[id]

    def organization_create(self, files, **org):
        self.orgs[org["name"]] = org
        return org

    def _package(self, id):
        for p in self.packages.values():
            if id in (p["id"], p["name"]):
                return p
        raise PortalNotFound("show", "not found")

    def package_show(self, files, id):
        return self._package(id)

    def package_create(self, files, **meta):
        package = {**meta, "id": next(self.ids), "resources": [], "state": "active"}
        self.packages[package["id"]] = package
        return package

    def package_patch(self, files, id, **meta):
        package = self._package(id)
        package.update(meta)
        return package

    def _resource(self, id):
        for p in self.packages.values():
            for r in p["resources"]:
                if r["id"] == id:
                    return r
        raise PortalNotFound("show", "not found")

    def resource_create(self, files, package_id, **fields):
        resource = {**fields, "id": next(self.ids), "datastore_active": False}
        if files:
            resource["content"] = files["upload"][1].getvalue()
        self._package(package_id)["resources"].append(resource)
        return resource

    def resource_patch(self, files, id, **fields):
        resource = self._resource(id)
        resource.update(fields)
        if files:
            resource["content"] = files["upload"][1].getvalue()
        return resource

    def datastore_delete(self, files, resource_id, force):
        self.datastore.pop(resource_id, None)
        self._resource(resource_id)["datastore_active"] = False

    def datastore_create(self, files, resource_id, force, fields, primary_key, records):
        self.datastore[resource_id] = list(records)
        self._resource(resource_id)["datastore_active"] = True

    def datastore_upsert(self, files, resource_id, force, method, records):
        self.datastore[resource_id] += records

    def resource_view_list(self, files, id):
        return self.views.get(id, [])

    def resource_view_create(self, files, resource_id, view_type, title):
        self.views.setdefault(resource_id, []).append({"view_type": view_type})


def plan(csv_2024: bytes = b"kode_desa\n62.02.16.2003\n"):
    village = villages()["62.02.16.2003"]
    resources = [
        ResourcePlan(year, f"APBDes Merah {year}", "", f"apbdes-{year}.csv", body,
                     [{"kode_desa": "62.02.16.2003"}], "sha-" + str(year))
        for year, body in ((2023, b"kode_desa\n62.02.16.2003\n2023\n"), (2024, csv_2024))
    ]
    return dataset_plan(definitions()["apbdes"], village, resources,
                        config={"publisher": "DPMD", "organization": {
                            "name": "desa-{kode}-{slug}", "title": "Desa {nama_desa}",
                            "description": "Pemerintah Desa {nama_desa}"},
                            "sdi": {"produsen_data": "Pemerintah Desa {nama_desa}",
                                    "walidata": "DPMD", "cakupan_wilayah": "Desa {nama_desa}"}})


def test_first_sync_creates_everything_and_second_makes_no_write():
    portal = FakePortal()
    first = sync_dataset(portal, plan())
    assert "dataset dibuat" in first.changes
    assert len(portal.packages) == 1 and len(portal.datastore) == 2
    writes = len(portal.log.writes)
    second = sync_dataset(portal, plan())
    assert second.changes == [] and len(portal.log.writes) == writes


@pytest.mark.parametrize("crash_at", ["datastore_create", "resource_view_create", "resource_patch"])
def test_a_run_killed_midway_is_completed_by_the_next_run(crash_at):
    portal = FakePortal()
    sync_dataset(portal, plan())
    changed = plan(b"kode_desa\n62.02.16.2003\nperubahan\n")
    portal.fail_on = crash_at
    if crash_at == "resource_view_create":
        portal.views.clear()
    with pytest.raises(TransientPortalError):
        sync_dataset(portal, changed)
    portal.fail_on = None
    result = sync_dataset(portal, changed)
    [package] = portal.packages.values()
    resource = next(r for r in package["resources"] if r["tahun"] == "2024")
    assert resource["content"] == b"kode_desa\n62.02.16.2003\nperubahan\n"
    assert resource[CONTENT_HASH_KEY] == changed.resources[1].content_hash
    assert portal.datastore[resource["id"]]
    assert any("CSV 2024" in c for c in result.changes)
    assert sync_dataset(portal, changed).changes == []


def test_only_the_changed_year_is_rewritten():
    portal = FakePortal()
    sync_dataset(portal, plan())
    before = len(portal.log.writes)
    result = sync_dataset(portal, plan(b"kode_desa\nlain\n"))
    assert result.changed_years == {2024}
    assert "resource_create" not in portal.log.writes[before:]
