"""Plans not even built: a dataset whose inputs and portal copy are both as the last run left them.

Building a village dataset's plan (its CSVs, DataStore records, infographics, quality report and
datapackage) costs ~10 ms; for a district that changed nothing, that was most of the run. A plan
is a pure function of its inputs: the slices it shows (submission ids and file hashes), the
cross-dataset findings of today, the portal's URL, and the pipeline's code and configuration. So
after a run, each dataset's *plan key* (a hash of exactly those) is recorded with the portal's
``metadata_modified`` of the dataset as the run left it (``settled_plans`` in the warehouse). The
next run skips a dataset only when both still match: the same inputs, and nobody (no hand edit,
no other run) has written the dataset since. Anything else (a new file, a changed rule file, an
upgraded pipeline, an edit on the portal, a fresh portal) builds and compares the plan as before.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from functools import cache
from typing import Any

from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.paths import CONFIG_ROOT, PROJECT_ROOT
from desa_terbuka.core.reference import villages
from desa_terbuka.publish.build import group_slices
from desa_terbuka.stage.warehouse import Slice, Warehouse

TABLE = "settled_plans"
_INPUT_DIRS = ("datasets", "schemas", "expectations", "portal_config", "rules", "reference")


@cache
def code_digest() -> str:
    """The pipeline's code and configuration as one hash: any edit there rebuilds every plan."""
    digest = hashlib.sha256()
    files = sorted((PROJECT_ROOT / "desa_terbuka").rglob("*.py"))
    files += sorted(p for d in _INPUT_DIRS for p in (CONFIG_ROOT / d).rglob("*") if p.is_file())
    for path in files:
        digest.update(str(path.relative_to(path.anchor)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def village_key(portal_url: str, slices: list[Slice], cross: list[Finding]) -> str:
    """The key of a village dataset's plan (``publish/build.py build_plan``'s inputs)."""
    return _key("village", portal_url, _shown(slices), [asdict(f) for f in cross])


def district_key(portal_url: str, slices: list[Slice], withheld: set[str]) -> str:
    """The key of the district datasets' plans (``publish/district.py district_plans``'s
    inputs: every slice on public view, and which datasets are retracted)."""
    return _key("district", portal_url, _shown(slices), sorted(withheld))


def links_key(portal_url: str, slices: list[Slice], withheld: set[str],
              copies: dict[str, str | None]) -> str:
    """The key of the links dataset's plan (``link/publication.py``'s inputs: every slice on
    public view, the retracted datasets, and the portal copy of each village dataset whose URLs
    and years the feeds name, by its ``metadata_modified``: a village dataset written since
    changes the key)."""
    return _key("links", portal_url, _shown(slices), sorted(withheld), sorted(copies.items()))


def _shown(slices: list[Slice]) -> list[tuple]:
    return sorted((s.record_type, s.kode_desa, s.tahun, s.submission_id, s.sha256) for s in slices)


def _key(*parts: Any) -> str:
    text = json.dumps([code_digest(), *parts], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def unchanged(warehouse: Warehouse, keys: dict[str, str], modified: dict[str, str | None]) -> set[str]:
    """The datasets (of ``keys``: name -> plan key) whose key and portal copy (``modified``: name
    -> its ``metadata_modified`` on the portal) are as recorded."""
    _ensure(warehouse)
    recorded = {name: (key, when) for name, key, when in warehouse.con.execute(
        f"SELECT dataset, plan_key, metadata_modified FROM {TABLE}").fetchall()}
    return {name for name, key in keys.items()
            if name in modified and recorded.get(name) == (key, modified[name])}


def settled_under(warehouse: Warehouse, key: str, modified: dict[str, str | None]) -> set[str]:
    """The datasets recorded with ``key`` when there are any and each one's portal copy is as
    recorded (the district datasets share one key: their plans are built together); else none."""
    _ensure(warehouse)
    recorded = warehouse.con.execute(f"SELECT dataset, metadata_modified FROM {TABLE} WHERE plan_key = ?",
                                     [key]).fetchall()
    same = all(name in modified and modified[name] == when for name, when in recorded)
    return {name for name, _ in recorded} if recorded and same else set()


def remember(warehouse: Warehouse, keys: dict[str, str], modified: dict[str, str | None]) -> None:
    """Record the keys of datasets the run settled or published, with the portal's copy as the
    run left it (``modified``; a dataset the portal does not hold is forgotten). Two
    statements, any size."""
    _ensure(warehouse)
    kept = [(name, key, modified[name]) for name, key in keys.items() if name in modified]
    with warehouse.transaction():
        if keys:
            warehouse.con.execute(f"DELETE FROM {TABLE} WHERE list_contains(?, dataset)", [list(keys)])
        if kept:
            warehouse.con.execute(f"INSERT INTO {TABLE} SELECT unnest(?), unnest(?), unnest(?)",
                                  [list(column) for column in zip(*kept)])


def _ensure(warehouse: Warehouse) -> None:
    warehouse.con.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (dataset TEXT PRIMARY KEY, "
                          "plan_key TEXT NOT NULL, metadata_modified TEXT)")


def village_keys(warehouse: Warehouse, record_type: str | None, kodes: list[str] | None,
                 cross: dict[tuple[str, str], list[Finding]], portal_url: str
                 ) -> dict[tuple[str, str], tuple[str, str]]:
    """(record type, kode desa) -> (dataset name, plan key) of every dataset with current data."""
    keys = {}
    for (rt, kode), slices in group_slices(warehouse.current_slices(record_type, kodes)).items():
        village = villages().get(kode)
        if village is not None:  # else its plan fails the usual way, with its reason
            keys[(rt, kode)] = (definitions()[rt].render("name", village),
                                village_key(portal_url, slices, cross.get((rt, kode), [])))
    return keys
