"""The settled-check: a plan the portal already matches costs no call of its own; one that
differs is never written through the snapshot (it is published the usual way)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desa_terbuka.publish.snapshot import Snapshot, WouldWrite, search_packages
from desa_terbuka.publish.sync import sync_dataset
from tests.unit.test_sync import FakePortal, plan


class SearchablePortal(FakePortal):
    """The fake with CKAN's paged search over its datasets (as ``package_show`` answers them)."""

    def package_search(self, files, q, include_private, rows, start, sort, fl=None):
        names = sorted(self.packages)
        shown = [self.package_show(None, n) for n in names[start:start + rows]]
        if fl:  # as CKAN's ``fl`` answers: those index fields only, its times with a "Z"
            index = {"organization": lambda p: p["owner_org"],
                     "metadata_modified": lambda p: p["metadata_modified"] + "Z"}
            return {"count": len(names), "results": [
                {f: index.get(f, lambda p, f=f: p[f])(p) for f in fl.split(",")} for p in shown]}
        return {"count": len(names),  # as CKAN shows it: with its organization
                "results": [{**p, "organization": {"name": p["owner_org"]}} for p in shown]}


def publish(portal, p):  # the flow adds ``finish`` (datapackage, pointers): the integration tests
    return sync_dataset(portal, p)


def test_an_unchanged_dataset_is_settled_from_one_search() -> None:
    portal = SearchablePortal()
    publish(portal, plan())
    reads, writes = portal.log.reads, len(portal.log.writes)
    snapshot = Snapshot(portal, search_packages(portal))
    settled = snapshot.settled(lambda s: publish(s, plan()))
    assert settled is not None and settled.changes == [] and settled.resource_ids
    assert portal.log.reads == reads + 1  # the search; no package_show, no organization_show
    assert len(portal.log.writes) == writes


def test_a_changed_dataset_is_left_to_the_publisher_without_a_write() -> None:
    portal = SearchablePortal()
    publish(portal, plan())
    writes = len(portal.log.writes)
    changed = plan(csv_2024=b"kode_desa\n62.02.16.2003\nbaru\n")
    snapshot = Snapshot(portal, search_packages(portal))
    assert snapshot.settled(lambda s: publish(s, changed)) is None
    assert len(portal.log.writes) == writes
    result = publish(portal, changed)  # then the usual way: the portal itself is read first
    assert result.changes and snapshot.settled(lambda s: publish(s, changed)) is None  # stale
    snapshot.forget(changed.name)
    assert snapshot.settled(lambda s: publish(s, changed)) is not None  # read again: settled


def test_a_new_dataset_and_a_new_organization_would_write() -> None:
    portal = SearchablePortal()
    snapshot = Snapshot(portal, search_packages(portal))
    assert snapshot.settled(lambda s: publish(s, plan())) is None
    assert portal.log.writes == [] and portal.packages == {}
    with pytest.raises(WouldWrite):
        snapshot.call("package_patch", id="x")


def test_search_pages_through_every_dataset() -> None:
    portal = SearchablePortal()
    for n in range(5):
        p = plan()
        publish(portal, replace(p, name=f"{p.name}-{n}", metadata={**p.metadata, "name": f"{p.name}-{n}"}))
    found = search_packages(portal, rows=2)
    assert len(found) == 5 and portal.log.reads >= 3


def test_the_settled_check_of_a_new_dataset_reads_nothing() -> None:
    portal = SearchablePortal()
    snapshot = Snapshot(portal, search_packages(portal))
    reads = portal.log.reads
    assert snapshot.settled(lambda s: publish(s, plan())) is None  # a new organization, a new dataset
    assert portal.log.reads == reads  # what the index does not hold is absent: no 404 to read
    result = publish(portal, plan())  # the publication itself reads the portal first
    assert result.changes and portal.log.reads > reads
    assert snapshot.show("organization_show", id=plan().organization.name) is not None  # not settling: asked


def test_a_dataset_written_this_run_is_read_from_its_last_answer() -> None:
    portal = SearchablePortal()
    snapshot = Snapshot(portal, search_packages(portal))
    result = publish(portal, plan())  # written by the run: the switch's answer is kept
    assert result.package is not None
    reads = portal.log.reads
    snapshot.written(result.dataset, result.package)
    assert snapshot.show("package_show", id=result.dataset) == portal.package_show(None, result.dataset)
    assert portal.log.reads == reads  # the links read it from the snapshot
    snapshot.written(result.dataset, None)  # the answer is unknown: read from the portal again
    assert snapshot.show("package_show", id=result.dataset) is not None and portal.log.reads == reads + 1


def test_a_dataset_found_missing_is_read_once_until_the_run_writes_it() -> None:
    portal = SearchablePortal()
    snapshot = Snapshot(portal, search_packages(portal))
    reads = portal.log.reads
    assert snapshot.show("package_show", id=plan().name) is None
    assert snapshot.show("package_show", id=plan().name) is None  # each village's links ask again
    assert portal.log.reads == reads + 1
    result = publish(portal, plan())
    snapshot.forget(result.dataset)  # written this run: its next read goes to the portal
    assert snapshot.show("package_show", id=plan().name) is not None


def test_an_index_of_names_and_times_reads_a_whole_dataset_only_to_settle_it() -> None:
    """A no-change run compares times only; a plan to settle reads its dataset once, and many
    plans read every dataset in one paged search."""
    from desa_terbuka.publish.snapshot import INDEX_FIELDS, PREFETCH

    portal = SearchablePortal()
    publish(portal, plan())
    name = plan().name
    [stored] = [p for p in portal.packages.values() if p["name"] == name]
    stored["metadata_modified"] = "2026-12-08T01:05:13.520395"
    reads = portal.log.reads
    snapshot = Snapshot(portal, index=search_packages(portal, fields=INDEX_FIELDS))
    assert snapshot.modified == {name: "2026-12-08T01:05:13.520395"}  # the index's "Z" dropped
    assert snapshot.as_left([name]) == snapshot.modified and portal.log.reads == reads + 1
    settled = snapshot.settled(lambda s: publish(s, plan()))  # its organization known from the index
    assert settled is not None and settled.changes == []
    assert portal.log.reads == reads + 2  # the dataset itself, once
    assert snapshot.settled(lambda s: publish(s, plan())) is not None and portal.log.reads == reads + 2
    snapshot.prefetch(PREFETCH)  # few: nothing more read
    assert portal.log.reads == reads + 2
    fresh = Snapshot(portal, index=search_packages(portal, fields=INDEX_FIELDS))
    fresh.prefetch(PREFETCH + 1)  # many: one search of the whole datasets
    assert fresh.settled(lambda s: publish(s, plan())) is not None
    assert portal.log.reads == reads + 4
