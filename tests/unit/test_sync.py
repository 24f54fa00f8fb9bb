"""Sync against an in-memory fake of the CKAN actions it uses: convergence, crash consistency.

The real portal is exercised in tests/integration (including a fault-injecting proxy and
SIGKILL); this fake lets a test stop a run before *every* write, cheaply. It models the CKAN
behaviour the design relies on: a resource left out of an update is marked deleted and keeps
its DataStore table until a ``resource_delete`` in that dataset; ``datastore_create`` with a
``resource`` makes the resource and its table in one call.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import itertools
import json

import pytest

from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.reference import villages
from desa_terbuka.publish.plan import CONTENT_HASH_KEY, ResourcePlan, dataset_plan
from desa_terbuka.publish.portal import CallLog, PortalNotFound, PortalRejected, TransientPortalError
from desa_terbuka.publish import revise
from desa_terbuka.publish.sync import STAGING_KEY, sync_dataset


class Crash(TransientPortalError):
    pass


class FakePortal:
    url = "http://portal.test"

    def __init__(self):
        self.log = CallLog()
        self.orgs, self.packages, self.datastore, self.views = {}, {}, {}, {}
        self.deleted: dict[str, dict] = {}  # resource id -> resource marked deleted
        self.ids = (f"id-{n}" for n in itertools.count())
        self.fail_on: str | None = None
        self.fail_at_write: int | None = None  # stop before the nth write (0-based)
        self.fail_after: str | None = None  # stop at the first write after this action
        self.switches = 0  # package_revise calls that change the dataset's metadata
        self.hidden_updates = 0  # package updates CKAN makes inside datastore_create
        self.form_limit: int | None = None  # bytes of a multipart text field (Werkzeug: 500 kB)

    def writer(self, name):
        return contextlib.nullcontext()

    def lock(self, name):
        return contextlib.nullcontext()

    def show(self, action, **data):
        try:
            return self.call(action, **data)
        except PortalNotFound:
            return None

    def call(self, action, files=None, retry=None, **data):
        switch = action == "package_revise" and set(data.get("update", {})) - {"resources"}
        if self.fail_on == "switch" and switch:
            raise Crash(action, "simulated crash")
        if self.fail_after == "switch" and self.switches and not action.endswith(
                ("_show", "_list")):
            raise Crash(action, "simulated crash")
        if action == self.fail_on or (self.fail_at_write is not None and not action.endswith(
                ("_show", "_list")) and len(self.log.writes) == self.fail_at_write):
            raise Crash(action, "simulated crash")
        if self.fail_after and self.fail_after in self.log.writes and not action.endswith(
                ("_show", "_list")):
            raise Crash(action, "simulated crash")
        self.log.add(action)
        return copy.deepcopy(getattr(self, action)(files=files, **copy.deepcopy(data)))

    def organization_show(self, files, id):
        if id not in self.orgs:
            raise PortalNotFound("show", "not found")
        return self.orgs[id]

    def organization_create(self, files, **org):
        if org["name"] in self.orgs:  # as CKAN: "Group name already exists in database"
            raise PortalRejected("organization_create", "name: Group name already exists")
        self.orgs[org["name"]] = org
        return org

    def _package(self, id):
        for p in self.packages.values():
            if id in (p["id"], p["name"]):
                return p
        raise PortalNotFound("show", "not found")

    def package_show(self, files, id):
        return self._package(id)

    def package_create(self, files, resources=(), **meta):
        if any(p["name"] == meta["name"] for p in self.packages.values()):
            raise PortalRejected("package_create", "name: That URL is already in use.")
        package = {"private": False, **meta, "id": next(self.ids), "state": "active",
                   "resources": [{"datastore_active": False, **r, "id": next(self.ids),
                                  "position": i} for i, r in enumerate(resources)]}
        self.packages[package["id"]] = package
        return package

    def package_revise(self, files, match, update, filter=()):
        if files and self.form_limit and len(update) > self.form_limit:
            raise PortalRejected("package_revise", "HTTP 413")
        if files:  # multipart: the three fields come as JSON text, as CKAN reads them
            match, update, filter = (json.loads(v) for v in (match, update, filter))
        package = self._package(match["id"])
        new = update.get("resources")
        if new is not None:
            # CKAN merges an update's list into the stored one by index and never shortens it:
            # replacing the list needs the stored one filtered out first
            assert "-resources" in filter, "package_revise would merge the resource lists by index"
            assert all("position" not in r for r in new), "stale positions crash CKAN 2.12"
            known = {r["id"]: r for r in package["resources"]}
            for r in new:
                assert r.get("id", "new") == "new" or r["id"] in known, \
                    "a resource can only be re-listed in its own dataset"
            ids = {r.get("id") for r in new}
            for r in package["resources"]:
                if r["id"] not in ids:
                    self.deleted[r["id"]] = r
            # the resource becomes what was sent (extras not sent are dropped); its file stays;
            # one sent without an id is created
            package["resources"] = [
                {**r, "content": known[r["id"]].get("content")} if r.get("id")
                else {"datastore_active": False, **r, "id": next(self.ids)} for r in new]
        for key, (filename, content, _) in (files or {}).items():
            index = key.removeprefix("update__resources__").removesuffix("__upload")
            resource = package["resources"][int(index)]  # by index in the list sent
            rid = resource["id"]
            resource.update(content=hashlib.sha256(content.getvalue()).hexdigest(),
                            url=f"{self.url}/dataset/{package['id']}/resource/{rid}/download/{filename}",
                            url_type="upload")
        for i, r in enumerate(package["resources"]):  # CKAN numbers them in the order sent
            r["position"] = i
        if set(update) - {"resources"}:
            self.switches += 1
        package.update({k: v for k, v in update.items() if k != "resources"})
        return {"package": package}

    def _resource(self, id):
        for p in self.packages.values():
            for r in p["resources"]:
                if r["id"] == id:
                    return r
        raise PortalNotFound("show", "not found")

    def resource_create(self, files, package_id, **fields):
        resource = {"datastore_active": False, **fields, "id": next(self.ids)}
        if files:
            resource["content"] = hashlib.sha256(files["upload"][1].getvalue()).hexdigest()
        self._package(package_id)["resources"].append(resource)
        return resource

    def resource_patch(self, files, id, **fields):
        resource = self._resource(id)
        resource.update(fields)
        if files:
            resource["content"] = hashlib.sha256(files["upload"][1].getvalue()).hexdigest()
        return resource

    def resource_delete(self, files, id):
        for p in self.packages.values():
            if any(r["id"] == id for r in p["resources"]):
                self.deleted[id] = next(r for r in p["resources"] if r["id"] == id)
                p["resources"] = [r for r in p["resources"] if r["id"] != id]
        if id not in self.deleted:
            raise PortalNotFound("resource_delete", "not found")
        for rid in self.deleted:  # CKAN drops the tables of every deleted resource
            self.datastore.pop(rid, None)

    def datastore_create(self, files, force, fields, primary_key, records, resource=None,
                         resource_id=None, calculate_record_count="background"):
        if resource is not None:
            resource_id = self.resource_create(None, **resource)["id"]
        self.datastore[resource_id] = list(records)
        if not self._resource(resource_id)["datastore_active"]:
            # CKAN then sets the flag by a resource_patch: a whole package_update, reindexed
            self.hidden_updates += 1
            self._resource(resource_id)["datastore_active"] = True
        return {"resource_id": resource_id}

    def datastore_upsert(self, files, resource_id, force, method, records,
                         calculate_record_count="background"):
        self.datastore[resource_id] += records

    def resource_view_list(self, files, id):
        return self.views.get(id, [])

    def package_create_default_resource_views(self, files, package, create_datastore_views):
        for r in package["resources"]:  # CKAN skips the view types a resource has
            if r["datastore_active"] and not self.views.get(r["id"]):
                self.views[r["id"]] = [{"view_type": "datatables_view"}]


def plan(csv_2024: bytes = b"kode_desa\n62.02.16.2003\n", csv_2023: bytes | None = None):
    """Two years; each record carries the hash of its CSV, so a table can be told apart."""
    village = villages()["62.02.16.2003"]
    resources = [
        ResourcePlan(year, f"APBDes Merah {year}", "", f"apbdes-{year}.csv", body,
                     [{"kode_desa": "62.02.16.2003", "versi": hashlib.sha256(body).hexdigest()}],
                     "sha-" + str(year))
        for year, body in ((2023, csv_2023 or b"kode_desa\n62.02.16.2003\n2023\n"), (2024, csv_2024))
    ]
    return dataset_plan(definitions()["apbdes"], village, resources,
                        config={"publisher": "DPMD", "organization": {
                            "name": "desa-{kode}-{slug}", "title": "Desa {nama_desa}",
                            "description": "Pemerintah Desa {nama_desa}"},
                            "sdi": {"produsen_data": "Pemerintah Desa {nama_desa}",
                                    "walidata": "DPMD", "cakupan_wilayah": "Desa {nama_desa}"}})


def public_view(portal: FakePortal) -> tuple[str, dict[str, str]]:
    """What an anonymous visitor sees, checked for consistency: (years covered, year -> CSV hash).

    Every public, non-staging resource must show one version: its file, its DataStore table and
    its content hash agree. Staging resources must be labelled as such."""
    if not portal.packages:
        return "", {}
    [package] = portal.packages.values()
    if package["private"]:
        return "", {}
    shown = {}
    for r in package["resources"]:
        if r.get(STAGING_KEY):
            assert "sedang disiapkan" in r["name"]
            continue
        key = r["desa_key"]
        assert key not in shown, f"duplicate {key}"
        digest = r["content"]  # the sha256 of the file the fake holds
        assert r[CONTENT_HASH_KEY] == digest, f"{key}: file and hash disagree"
        if key.startswith("tahun-"):
            assert r["datastore_active"]
            assert {row["versi"] for row in portal.datastore[r["id"]]} == {digest}, \
                f"{key}: the table shows another version than the file"
        shown[key] = digest
    return package["tahun_tercakup"], shown


def expected_view(p) -> tuple[str, dict[str, str]]:
    return p.metadata["tahun_tercakup"], {
        **{f"tahun-{r.year}": r.content_hash for r in p.resources},
        **{d.key: d.content_hash for d in p.documents}}


def test_first_sync_creates_everything_and_second_makes_no_write():
    portal = FakePortal()
    first = sync_dataset(portal, plan())
    assert "dataset dibuat" in first.changes
    assert public_view(portal) == expected_view(plan())
    assert len(portal.datastore) == 2
    writes = len(portal.log.writes)
    second = sync_dataset(portal, plan())
    assert second.changes == [] and len(portal.log.writes) == writes


def test_a_listed_portal_gets_a_missing_organization_without_reading_it_first():
    portal = FakePortal()
    portal.known_organizations, portal.organizations_listed = set(), True  # prepare_portal listed none
    sync_dataset(portal, plan())
    assert portal.log.writes[0] == "organization_create" and portal.log.reads == 1  # the package_show
    # listed, yet made meanwhile (another run): the refusal is read, and the dataset goes on
    other = FakePortal()
    other.orgs[plan().organization.name] = {"name": plan().organization.name}
    other.known_organizations, other.organizations_listed = set(), True
    result = sync_dataset(other, plan())
    assert "dataset dibuat" in result.changes and "organisasi" not in " ".join(result.changes)
    assert public_view(other) == expected_view(plan())


def test_a_dataset_missing_from_the_runs_snapshot_is_created_without_a_read_first():
    portal = FakePortal()
    portal.indexed_datasets = set()  # the run's search found none
    first = sync_dataset(portal, plan())
    assert "dataset dibuat" in first.changes and portal.log.reads == 1  # the organization only
    assert public_view(portal) == expected_view(plan())
    # there after all (the index missed it): the refusal is read, the dataset brought to the plan
    portal.indexed_datasets = set()
    second = sync_dataset(portal, plan(b"kode_desa\n62.02.16.2003\nperubahan\n"))
    assert "dataset dibuat" not in second.changes and second.changed_years == {2024}
    assert public_view(portal) == expected_view(plan(b"kode_desa\n62.02.16.2003\nperubahan\n"))
    assert len([p for p in portal.packages.values() if p["name"] == plan().name]) == 1


def _writes_of(old, new) -> int:
    portal = FakePortal()
    if old is not None:
        sync_dataset(portal, old)
    before = len(portal.log.writes)
    sync_dataset(portal, new)
    return len(portal.log.writes) - before


CASES = {
    "new dataset": (None, plan()),
    "one year changed": (plan(), plan(b"kode_desa\n62.02.16.2003\nperubahan\n")),
    "both years changed": (plan(), plan(b"kode_desa\nx\n", b"kode_desa\ny\n")),
}


@pytest.mark.parametrize("case", CASES)
def test_a_run_stopped_before_any_write_shows_a_complete_version_and_the_next_converges(case):
    old, new = CASES[case]
    total = _writes_of(old, new)
    assert total >= 3
    for stop in range(total):
        portal = FakePortal()
        if old is not None:
            sync_dataset(portal, old)
        portal.fail_at_write = len(portal.log.writes) + stop
        with pytest.raises(Crash):
            sync_dataset(portal, new)
        portal.fail_at_write = None
        seen = public_view(portal)  # never mixed: the old version or the new one
        assert seen in ((expected_view(old) if old else ("", {})), expected_view(new)), stop
        sync_dataset(portal, new)
        assert public_view(portal) == expected_view(new), stop
        [package] = portal.packages.values()
        assert not any(r.get(STAGING_KEY) for r in package["resources"])
        assert set(portal.datastore) == {r["id"] for r in package["resources"]
                                         if r["desa_key"].startswith("tahun-")}, \
            "a replaced resource's DataStore table is left behind"
        writes = len(portal.log.writes)
        assert sync_dataset(portal, new).changes == [] and len(portal.log.writes) == writes


def test_all_changed_years_and_the_metadata_switch_in_one_revision():
    old, new = plan(), plan(b"kode_desa\nx\n", b"kode_desa\ny\n")
    portal = FakePortal()
    sync_dataset(portal, old)
    before = len(portal.log.writes)
    portal.fail_on = "switch"
    with pytest.raises(Crash):
        sync_dataset(portal, new)
    assert public_view(portal) == expected_view(old)
    portal.fail_on = None
    portal.switches = 0
    portal.fail_after = "switch"  # the switch goes through, nothing after it
    with pytest.raises(Crash):
        sync_dataset(portal, new)
    assert portal.switches == 1 and before > 0
    assert public_view(portal) == expected_view(new)


def test_only_the_changed_year_is_rebuilt():
    portal = FakePortal()
    sync_dataset(portal, plan())
    [package] = portal.packages.values()
    id_2023 = next(r["id"] for r in package["resources"] if r["desa_key"] == "tahun-2023")
    result = sync_dataset(portal, plan(b"kode_desa\nlain\n"))
    assert result.changed_years == {2024}
    assert result.resource_ids[2023] == id_2023
    assert portal.log.writes.count("datastore_create") == 3  # 2 first, then 2024 only


def test_a_changed_dataset_is_read_once():
    portal = FakePortal()
    sync_dataset(portal, plan())
    reads = portal.log.reads
    sync_dataset(portal, plan(b"kode_desa\nlain\n"))
    # the organisation and the dataset; staging and switch answers are used, not read again
    assert portal.log.reads - reads == 2


def test_duplicates_left_by_an_older_pipeline_are_removed():
    portal = FakePortal()
    sync_dataset(portal, plan())
    [package] = portal.packages.values()
    twin = copy.deepcopy(next(r for r in package["resources"] if r["desa_key"] == "tahun-2024"))
    twin["id"] = "twin"
    package["resources"].append(twin)
    portal.datastore["twin"] = list(portal.datastore[package["resources"][1]["id"]])
    result = sync_dataset(portal, plan())
    assert any("ganda" in c for c in result.changes)
    assert public_view(portal) == expected_view(plan())
    assert "twin" not in portal.datastore


def test_a_new_dataset_is_private_until_complete():
    portal = FakePortal()
    portal.fail_on = "package_revise"
    with pytest.raises(Crash):
        sync_dataset(portal, plan())
    [package] = portal.packages.values()
    assert package["private"] is True
    portal.fail_on = None
    sync_dataset(portal, plan())
    [package] = portal.packages.values()
    assert package["private"] is False


def test_a_new_dataset_is_created_in_one_call_and_switched_in_one_revision():
    portal = FakePortal()
    sync_dataset(portal, plan())
    assert portal.log.writes.count("package_create") == 1
    assert portal.log.writes.count("package_revise") == 1  # the switch; no revision per resource
    [package] = portal.packages.values()
    assert [r["desa_key"] for r in package["resources"]] == ["tahun-2024", "tahun-2023"]  # page order


def _write_list(old, new) -> list[str]:
    portal = FakePortal()
    if old is not None:
        sync_dataset(portal, old)
    before = len(portal.log.writes)
    sync_dataset(portal, new)
    return portal.log.writes[before:]


def test_files_travel_with_the_switch_and_views_come_in_one_call():
    """Each write is a full package update and search index inside CKAN: the files are not
    uploaded one call each but attached to the switch, and the table views of all changed
    years are made by one call."""
    assert _write_list(None, plan()) == [
        "organization_create", "package_create", "datastore_create", "datastore_create",
        "package_create_default_resource_views", "package_revise"]
    assert _write_list(plan(), plan(b"kode_desa\nx\n", b"kode_desa\ny\n")) == [
        "package_revise",  # both years' staging resources, in one revision
        "datastore_create", "datastore_create", "package_create_default_resource_views",
        "package_revise",  # the switch, with both files
        "resource_delete", "package_revise"]  # the replaced tables dropped, the mark cleared


def test_filling_a_table_makes_no_hidden_package_update():
    """CKAN's datastore_create sets ``datastore_active`` by a resource_patch (a whole package
    update and reindex) unless the resource has it already: the staging years carry it."""
    portal = FakePortal()
    sync_dataset(portal, plan())
    sync_dataset(portal, plan(b"kode_desa\nx\n", b"kode_desa\ny\n"))
    assert portal.log.writes.count("datastore_create") == 4
    assert portal.hidden_updates == 0
    [package] = portal.packages.values()
    assert all(r["datastore_active"] and portal.datastore[r["id"]] for r in package["resources"])


def test_the_datapackage_and_the_latest_link_are_made_in_the_switch_and_then_checked():
    """publish_plan builds the datapackage.json and the permanent links for the list the switch
    makes (files at their predicted URLs): no second sync, no link revision, no reorder; the
    checks after it find the portal's answer equal and write nothing."""
    from desa_terbuka.publish.finish import publish_plan

    portal = FakePortal()
    result = publish_plan(portal, plan())
    assert portal.log.writes == ["organization_create", "package_create", "datastore_create",
                                 "datastore_create", "package_create_default_resource_views",
                                 "package_revise"]
    [package] = portal.packages.values()
    by_key = {r["desa_key"]: r for r in package["resources"]}
    assert [r["desa_key"] for r in package["resources"]] == [
        "tahun-2024", "tahun-2023", "terbaru-csv", "datapackage"]
    assert by_key["terbaru-csv"]["url"] == by_key["tahun-2024"]["url"]  # the link, to 2024
    assert any("tautan tetap" in c for c in result.changes)
    assert by_key["datapackage"][CONTENT_HASH_KEY] == by_key["datapackage"]["content"]

    # a changed year: its new file, the link moved to it and a new datapackage in one switch
    before = len(portal.log.writes)
    publish_plan(portal, plan(b"kode_desa\nperubahan\n"))
    assert portal.log.writes[before:] == [
        "package_revise", "datastore_create", "package_create_default_resource_views",
        "package_revise", "resource_delete", "package_revise"]
    [package] = portal.packages.values()
    by_key = {r["desa_key"]: r for r in package["resources"]}
    assert by_key["terbaru-csv"]["url"] == by_key["tahun-2024"]["url"]
    assert not any(r.get(STAGING_KEY) for r in package["resources"])


def test_a_resource_list_too_long_for_a_multipart_field_gets_its_files_before_the_switch(monkeypatch):
    portal = FakePortal()
    portal.form_limit = 50  # as Werkzeug's 500 kB against a dataset of hundreds of resources
    monkeypatch.setattr(revise, "FORM_FIELD_LIMIT", 40)
    old, new = plan(), plan(b"kode_desa\nlain\n")
    sync_dataset(portal, old)
    assert public_view(portal) == expected_view(old)
    before = len(portal.log.writes)
    sync_dataset(portal, new)
    assert public_view(portal) == expected_view(new)
    assert portal.log.writes[before:].count("resource_patch") == 1  # the changed year's file
