"""Plan keys: a dataset is skipped only when its inputs and its portal copy are as recorded."""

from __future__ import annotations

import pytest

from desa_terbuka.core.findings import Finding
from desa_terbuka.publish import plan_keys
from desa_terbuka.publish.plan_keys import (
    district_key,
    links_key,
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
    modified = {"a": "2026-12-01T10:00:00", "b": "t"}
    assert unchanged(warehouse, {"a": "k1", "b": "k2"}, modified) == set()  # nothing recorded yet
    remember(warehouse, {"a": "k1", "b": "k2", "gone": "k3"}, modified)
    assert unchanged(warehouse, {"a": "k1", "b": "k2", "gone": "k3"}, modified) == {"a", "b"}
    assert unchanged(warehouse, {"a": "k1-new", "b": "k2"}, modified) == {"b"}  # new inputs
    edited = {**modified, "b": "edited by hand"}
    assert unchanged(warehouse, {"a": "k1", "b": "k2"}, edited) == {"a"}
    assert unchanged(warehouse, {"a": "k1"}, {}) == set()  # a fresh portal
    remember(warehouse, {"a": "k1"}, {})  # published nowhere now: forgotten
    assert unchanged(warehouse, {"a": "k1"}, modified) == set()


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
    modified = {"apbdes-semua": "t1", "indikator": "t2"}
    assert settled_under(warehouse, key, modified) == set()  # nothing recorded yet
    remember(warehouse, {"apbdes-semua": key, "indikator": key}, modified)
    assert settled_under(warehouse, key, modified) == {"apbdes-semua", "indikator"}
    assert settled_under(warehouse, "another key", modified) == set()
    edited = {**modified, "indikator": "edited by hand"}
    assert settled_under(warehouse, key, edited) == set()  # one edited: all are built again
    assert settled_under(warehouse, key, {"apbdes-semua": "t1"}) == set()


def test_the_links_key_follows_the_village_datasets_it_names() -> None:
    """The feeds name each village dataset's URLs and years: one written since (a new
    ``metadata_modified``), one gone, or a new slice on view changes the links plan's key."""
    s = Slice("apbdes", "62.02.16.2003", 2024, "receipt-1", "sha-1")
    copies = {"apbdes-6202162003-merah": "t1", "kegiatan-6202162003-merah": "t2"}
    key = links_key(URL, [s], set(), copies)
    assert links_key(URL, [s], set(), dict(copies)) == key
    assert links_key(URL, [s], set(), {**copies, "kegiatan-6202162003-merah": "t3"}) != key
    assert links_key(URL, [s], set(), {"apbdes-6202162003-merah": "t1"}) != key
    assert links_key(URL, [s, Slice("kegiatan", "62.02.16.2003", 2025, "r", "sha")], set(), copies) != key
    assert links_key(URL, [s], {"kegiatan-6202162003-merah"}, copies) != key
    assert links_key(URL, [s], set(), copies) != district_key(URL, [s], set())


def test_the_links_plan_reads_every_record_type_of_each_village_on_view() -> None:
    from desa_terbuka.link.publication import read_datasets

    names = read_datasets([Slice("apbdes", "62.02.16.2003", 2024, "r", "sha"),
                           Slice("apbdes", "62.02.16.2003", 2025, "r2", "sha2"),
                           Slice("kegiatan", "00.00.00.0000", 2024, "r3", "sha3")])  # unknown: none
    assert names == ["apbdes-6202162003-merah", "kegiatan-6202162003-merah",
                     "musyawarah-6202162003-merah"]



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
    assert left == {"same": "t0", "written": "t1", "moved": "t2"}
    assert portal.reads == ["moved"]  # only the dataset whose last step answered no copy
    assert snapshot.as_left(["moved"]) == {"moved": left["moved"]} and portal.reads == ["moved"]
    assert snapshot.as_left(["same", "gone"]).keys() == {"same"}  # one not held: not all, none recorded
