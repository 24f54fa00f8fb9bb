"""Permanent links over resources that are replaced: pointers.

The sync never rewrites a public upload in place; a changed year or document is switched in as a
NEW resource (new id, new URL). A link that must survive that, such as "the latest APBDes CSV of
Desa Merah", is a *pointer*: a resource without a file (a link resource) whose id never changes
and whose ``url`` names the current resource. CKAN's download route for a link resource
redirects to its url, so ``/dataset/<name>/resource/<pointer id>/download/<file>`` always leads
to the current file. Updating a pointer is one metadata patch (one row), never a file rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desa_terbuka.publish.plan import RESOURCE_KEY, resource_key
from desa_terbuka.publish.portal import Portal
from desa_terbuka.publish.revise import add_resources
from desa_terbuka.publish.sync import live_resources

LATEST_YEAR = "tahun-terbaru"  # a pointer target: the newest year resource ("tahun-YYYY")


@dataclass(frozen=True)
class Pointer:
    key: str  # the pointer's own desa_key
    target: str  # the desa_key it points to; LATEST_YEAR, or a pattern with {tahun}
    name: str
    description: str
    format: str
    suffix: str  # the file name in its URL: <dataset name>-<suffix>


def pointer_filename(dataset_name: str, pointer: Pointer) -> str:
    return f"{dataset_name}-{pointer.suffix}"


def _target(live: dict[str, dict[str, Any]], target: str) -> dict[str, Any] | None:
    years = sorted((int(k.split("-")[1]) for k in live if k.startswith("tahun-")
                    and k.split("-")[1].isdigit()), reverse=True)
    if target == LATEST_YEAR:
        return live.get(f"tahun-{years[0]}") if years else None
    if "{tahun}" in target:
        return next((live[target.format(tahun=y)] for y in years if target.format(tahun=y) in live), None)
    return live.get(target)


def pointer_resources(live: dict[str, dict[str, Any]], pointers: list[Pointer]
                      ) -> tuple[list[dict[str, Any]], list[str]]:
    """The pointers to make (without an id) or move (with theirs) over the resources ``live``
    (by key), and what changes; pointers already right are left out."""
    wanted, changes = [], []
    for pointer in pointers:
        target = _target(live, pointer.target)
        if target is None or not target.get("url"):
            continue
        existing = live.get(pointer.key)
        fields = {"name": pointer.name, "description": pointer.description,
                  "format": pointer.format, "url": target["url"], "url_type": "",
                  RESOURCE_KEY: pointer.key}
        if existing is None:
            wanted.append(fields)
            changes.append(f"tautan tetap {pointer.name} dibuat")
        elif existing.get("url") != target["url"] or existing.get("url_type") \
                or existing.get("name") != pointer.name:
            wanted.append({**fields, "id": existing["id"]})
            changes.append(f"tautan tetap {pointer.name} diarahkan ke versi terbaru")
    return wanted, changes


def sync_pointers(portal: Portal, dataset_name: str, pointers: list[Pointer],
                  package: dict[str, Any] | None = None) -> list[str]:
    """Create or repoint the dataset's pointers (one read unless ``package``, the dataset as
    just read or written, is given; a write per pointer that moved, one for all new ones).
    Usually a no-op check: a switch makes them (publish/derived.py)."""
    if not pointers:
        return []
    package = package or portal.call("package_show", id=dataset_name)
    wanted, changes = pointer_resources(live_resources(package), pointers)
    for moved in (r for r in wanted if "id" in r):
        portal.call("resource_patch", **moved)
    new = [r for r in wanted if "id" not in r]
    if new:  # all of them in one revision (the links dataset has 2 per village)
        add_resources(portal, package["id"], new)
    return changes


def pointer_url(portal_url: str, dataset_name: str, resource: dict[str, Any],
                pointers: list[Pointer]) -> str:
    """The permanent URL of a pointer resource (its id and our file name; CKAN redirects)."""
    pointer = next(p for p in pointers if p.key == resource_key(resource))
    return (f"{portal_url.rstrip('/')}/dataset/{dataset_name}/resource/{resource['id']}/download/"
            f"{pointer_filename(dataset_name, pointer)}")
