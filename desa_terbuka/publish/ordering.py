"""The order resources appear in on a dataset page: newest year first, the quality report last.

CKAN keeps resources in the order they were added, so a village's 2025 CSV would land after its
quality report. The order is derived from our resource keys (``desa_key``), never from names.
"""

from __future__ import annotations

import re
from typing import Any

from desa_terbuka.publish.build import LATEST_CHART_KEY, LATEST_CSV_KEY
from desa_terbuka.publish.plan import resource_key
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


def order_resources(portal: Portal, dataset: str) -> bool:
    """Put a dataset's resources in order when they are not (one read; a write only then)."""
    package = portal.call("package_show", id=dataset)
    resources = package.get("resources") or []
    order = ordered_ids(resources)
    if order == [r["id"] for r in resources]:
        return False
    portal.call("package_resource_reorder", id=package["id"], order=order)
    return True
