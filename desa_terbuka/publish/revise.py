"""Write a dataset's resource list in one revision, around CKAN 2.12's traps (PORTAL.md).

The only ways Desa Terbuka adds, replaces or drops resources: ``revise`` (one ``package_revise``
that replaces the list, with its files), ``add_resources`` (a revision that appends) and
``delete_resource``. Kept apart from ``sync`` (which decides *what* to write) so that the
sync and the links' pointers (``pointers``) share them.
"""

from __future__ import annotations

import json
from typing import Any

from desa_terbuka.publish.portal import Portal, PortalNotFound

FORM_FIELD_LIMIT = 400_000  # bytes of the switch's update field; Werkzeug's limit is 500 kB
UPLOAD_FIELDS = ("url", "url_type", "size", "last_modified")  # what an upload sets


def revise(portal: Portal, package_id: str, resources: list[dict[str, Any]],
           retry: bool | None = None, files: dict | None = None, **update: Any) -> dict[str, Any]:
    """One ``package_revise`` that REPLACES the resource list; returns the revised dataset.
    ``files``: uploads for resources of the list (see ``sync._files``), sent with it as multipart.

    Two CKAN 2.12 traps (PORTAL.md): ``update`` merges a list into the stored one item by item,
    by index, and never shortens it (a dropped resource stays, another is overwritten); and
    ``package_update`` "copies" a resource equal to the stored one by its ``position``, which
    goes stale once a resource is dropped from the middle, so the next write that adds a
    resource fails with HTTP 500 (IndexError). Hence the list is filtered out first and sent
    without positions: CKAN saves every resource and numbers them again."""
    listed = [{k: v for k, v in r.items() if k != "position"} for r in resources]
    data: dict[str, Any] = {"match": {"id": package_id}, "filter": ["-resources"],
                            "update": {**update, "resources": listed}}
    if files and len(json.dumps(data["update"])) > FORM_FIELD_LIMIT:  # too long for multipart
        _upload_first(portal, listed, files)
        files = None
    if files:  # multipart: ckanapi sends strings only; CKAN reads these three as JSON
        data = {k: json.dumps(v) for k, v in data.items()}
    return portal.call("package_revise", files=files or None, retry=retry, **data)["package"]


def _upload_first(portal: Portal, listed: list[dict[str, Any]], files: dict) -> None:
    """Werkzeug (3.1) refuses a multipart text field over 500 kB with HTTP 413, and a dataset of
    hundreds of resources lists more: its files go to their (still staging) resources first, one
    ``resource_patch`` each, and the switch carries what the uploads made of them."""
    for field, upload in files.items():
        i = int(field.rsplit("__", 2)[-2])
        made = portal.call("resource_patch", id=listed[i]["id"], url_type="upload",
                           files={"upload": upload})
        listed[i].update({k: made[k] for k in UPLOAD_FIELDS if k in made})


def add_resources(portal: Portal, package_id: str, resources: list[dict[str, Any]],
                  current: list[dict[str, Any]] | None = None
                  ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Add resources to the dataset in one ``revise`` (never CKAN's ``resource_create``, which
    fails on a position gap that a hand edit may leave, and rewrites the whole dataset once per
    resource); returns them as made, in order, and the revised dataset. ``current``: its
    resources as just read or revised under this writer, else read fresh: a stale copy would
    send back old values (``datastore_active``) of resources made since."""
    current = portal.call("package_show", id=package_id)["resources"] if current is None else current
    known = {r["id"] for r in current}
    # not repeated on a lost answer (it may have been applied): the flow retries the dataset
    revised = revise(portal, package_id, [*current, *resources], retry=False)
    return [r for r in revised["resources"] if r["id"] not in known], revised


def delete_resource(portal: Portal, resource_id: str) -> None:
    try:
        portal.call("resource_delete", id=resource_id)
    except PortalNotFound:  # gone already (purged by CKAN, or an earlier attempt)
        pass
