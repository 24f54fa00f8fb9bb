"""The order resources appear in on a dataset page: newest year first, the quality report last.

CKAN keeps resources in the order they were added, so a village's 2025 CSV would land after its
quality report. The order is derived from our resource keys (``desa_key``), never from names.
"""

from __future__ import annotations

import re
from typing import Any

from desa_terbuka.publish.plan import LATEST_CHART_KEY, LATEST_CSV_KEY, resource_key
from desa_terbuka.publish.portal import Portal

QUALITY_REPORT_KEY = "laporan-kualitas"
DATAPACKAGE_KEY = "datapackage"
FIRST_DOCUMENTS = (LATEST_CSV_KEY, LATEST_CHART_KEY, "parquet-semua-tahun")
_YEAR = re.compile(r"(?:^|-)((?:19|20)\d\d)(?:-|$)")


def rank(resource: dict[str, Any], position: int) -> tuple:
    """Sort key: year CSVs (newest first); the "latest" resources and the Parquet file; the
    year-bound documents such as infographics (newest first); resources added by hand in their
    current order; the data package; the quality report last."""
    key = resource_key(resource)
    year = _YEAR.search(key)
    if key.startswith("tahun-") and year:
        return (0, -int(year.group(1)), key, position)
    if key in FIRST_DOCUMENTS:
        return (1, FIRST_DOCUMENTS.index(key), key, position)
    if year:
        return (2, -int(year.group(1)), key, position)
    if key == DATAPACKAGE_KEY:
        return (4, 0, key, position)
    if key == QUALITY_REPORT_KEY:
        return (5, 0, key, position)
    return (3, 0, key if key else "~", position)


def ordered_ids(resources: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for _, r in sorted((rank(r, i), r) for i, r in enumerate(resources))]


def needs_order(resources: list[dict[str, Any]]) -> bool:
    """Out of page order, or positions with a gap (left by a switch that replaced a resource)."""
    return (ordered_ids(resources) != [r["id"] for r in resources]
            or [r.get("position") for r in resources] != list(range(len(resources))))


def in_order(portal: Portal, package: dict[str, Any]) -> Any:
    """Write the page order with positions 0..n-1.

    Not ``package_resource_reorder``: CKAN 2.12's package_update copies unchanged resources from
    the stored package by their ``position``; after a switch replaced a resource the positions
    can have a gap, and every later package_update on the dataset (resource_create,
    resource_patch, reorder) then fails with IndexError (HTTP 500). Not ``package_revise``
    either: it merges a resource list element by element (by index), so a reordered list would
    take keys from whichever resource stood at that index. ``package_patch`` replaces the list;
    sent without ``position``, no resource equals its stored copy, none is copied by position,
    and CKAN numbers them all again in the order sent.
    """
    by_id = {r["id"]: r for r in package.get("resources") or []}
    ordered = [{k: v for k, v in by_id[i].items() if k != "position"}
               for i in ordered_ids(list(by_id.values()))]
    return portal.call("package_patch", id=package["id"], resources=ordered)


def order_resources(portal: Portal, dataset: str, package: dict[str, Any] | None = None
                    ) -> dict[str, Any] | None:
    """Put a dataset's resources in order when they are not (one read unless ``package``, the
    dataset as just read or written, is given; a write only then). Returns the dataset after the
    write, or None when nothing was written."""
    package = package or portal.call("package_show", id=dataset)
    if not needs_order(package.get("resources") or []):
        return None
    answer = in_order(portal, package)
    return answer if isinstance(answer, dict) and answer.get("resources") is not None else {}
