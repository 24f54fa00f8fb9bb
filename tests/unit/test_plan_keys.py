"""Plan keys: a dataset is skipped only when its inputs and its portal copy are as recorded."""

from __future__ import annotations

import pytest

from desa_terbuka.core.findings import Finding
from desa_terbuka.publish import plan_keys
from desa_terbuka.publish.plan_keys import (
    district_key,
    remember,
    settled_under,
    unchanged,
    village_key,
    village_keys,
)
from desa_terbuka.stage.warehouse import Slice, Warehouse
from tests.unit.test_stage import LINES, write
from desa_terbuka.validate.check import check_file

URL = "http://portal.test"


@pytest.fixture
def warehouse(tmp_path):
    with Warehouse(tmp_path / "data" / "warehouse.duckdb") as w:
        yield w


def test_the_key_follows_every_input(monkeypatch: pytest.MonkeyPatch) -> None:
    s = Slice("apbdes", "62.02.16.2003", 2024, "receipt-1", "sha-1")
    key = village_key(URL, [s], [])
    assert village_key(URL, [s], []) == key
    assert village_key(URL, [Slice("apbdes", "62.02.16.2003", 2024, "receipt-2", "sha-1")], []) != key
    assert village_key("http://other.test", [s], []) != key
    assert village_key(URL, [s], [Finding("cross-rule", params={"tahun": 2024})]) != key
    monkeypatch.setattr(plan_keys, "code_digest", lambda: "another pipeline or configuration")
    assert village_key(URL, [s], []) != key


def test_skipped_only_while_inputs_and_portal_copy_are_as_recorded(warehouse: Warehouse) -> None:
    packages = {"a": {"metadata_modified": "2026-12-01T10:00:00"}, "b": {"metadata_modified": "t"}}
    assert unchanged(warehouse, {"a": "k1", "b": "k2"}, packages) == set()  # nothing recorded yet
    remember(warehouse, {"a": "k1", "b": "k2", "gone": "k3"}, packages)
    assert unchanged(warehouse, {"a": "k1", "b": "k2", "gone": "k3"}, packages) == {"a", "b"}
    assert unchanged(warehouse, {"a": "k1-new", "b": "k2"}, packages) == {"b"}  # new inputs
    edited = {**packages, "b": {"metadata_modified": "edited by hand"}}
    assert unchanged(warehouse, {"a": "k1", "b": "k2"}, edited) == {"a"}
    assert unchanged(warehouse, {"a": "k1"}, {}) == set()  # a fresh portal
    remember(warehouse, {"a": "k1"}, {})  # published nowhere now: forgotten
    assert unchanged(warehouse, {"a": "k1"}, packages) == set()


def test_every_current_dataset_has_its_name_and_key(warehouse: Warehouse, tmp_path) -> None:
    warehouse.stage(check_file(write(tmp_path / "apbdes.csv", LINES)))
    keys = village_keys(warehouse, None, None, {}, URL)
    assert list(keys) == [("apbdes", "62.02.16.2003")]
    [(name, key)] = keys.values()
    assert name == "apbdes-6202162003-merah" and len(key) == 64
    assert village_keys(warehouse, "kegiatan", None, {}, URL) == {}


def test_the_district_datasets_are_skipped_together_or_not_at_all(warehouse: Warehouse) -> None:
    s = Slice("apbdes", "62.02.16.2003", 2024, "receipt-1", "sha-1")
    key = district_key(URL, [s], set())
    assert district_key(URL, [s], {"apbdes-6202162003-merah"}) != key  # a retraction
    assert district_key(URL, [s, Slice("kegiatan", "62.02.16.2003", 2024, "r", "sha")], set()) != key
    packages = {"apbdes-semua": {"metadata_modified": "t1"}, "indikator": {"metadata_modified": "t2"}}
    assert settled_under(warehouse, key, packages) == set()  # nothing recorded yet
    remember(warehouse, {"apbdes-semua": key, "indikator": key}, packages)
    assert settled_under(warehouse, key, packages) == {"apbdes-semua", "indikator"}
    assert settled_under(warehouse, "another key", packages) == set()
    edited = {**packages, "indikator": {"metadata_modified": "edited by hand"}}
    assert settled_under(warehouse, key, edited) == set()  # one edited: all are built again
    assert settled_under(warehouse, key, {"apbdes-semua": packages["apbdes-semua"]}) == set()



class _Portal:
    """package_show of the datasets it holds (None for any other name), counting the reads."""

    url, log = "http://portal.test", None

    def __init__(self, packages: dict[str, dict]):
        self.packages, self.reads = packages, []

    def show(self, action: str, **data):
        self.reads.append(data["id"])
        return self.packages.get(data["id"])


def test_the_district_datasets_are_recorded_as_the_run_left_them() -> None:
    """A run that wrote them records each copy as its last write answered (read once when that
    step answered none), so the next no-change run does not rebuild their plans; all or none."""
    from desa_terbuka.publish.snapshot import Snapshot

    portal = _Portal({"moved": {"name": "moved", "metadata_modified": "t2"}})
    snapshot = Snapshot(portal, {"same": {"name": "same", "metadata_modified": "t0"},
                                 "written": {"name": "written", "metadata_modified": "old"},
                                 "moved": {"name": "moved", "metadata_modified": "old"}})
    for name in ("written", "moved", "gone"):
        snapshot.forget(name)  # as district_dataset does before publishing
    snapshot.written("written", {"name": "written", "metadata_modified": "t1"})
    snapshot.written("moved", None)  # its last step answered no copy
    left = snapshot.as_left(["same", "written", "moved"])
    assert {n: p["metadata_modified"] for n, p in left.items()} == {"same": "t0", "written": "t1", "moved": "t2"}
    assert portal.reads == ["moved"]  # only the dataset whose last step answered no copy
    assert snapshot.as_left(["moved"]) == {"moved": left["moved"]} and portal.reads == ["moved"]
    assert snapshot.as_left(["same", "gone"]).keys() == {"same"}  # one not held: not all, none recorded
