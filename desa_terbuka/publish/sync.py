"""Make the portal match a DatasetPlan, writing only what differs.

Order of writes per resource: upload the CSV, rebuild its DataStore table, ensure the table view,
and only then record the content hash on the resource. A run killed midway leaves a hash that
does not match, so the next run redoes that resource: re-runs converge.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from desa_terbuka.core.definitions import definitions
from desa_terbuka.publish.config import portal_config
from desa_terbuka.publish.plan import (
    CONTENT_HASH_KEY,
    RESOURCE_KEY,
    DatasetPlan,
    DocumentPlan,
    ResourcePlan,
    resource_key,
    stored_metadata_hash,
    year_key,
)
from desa_terbuka.publish.portal import Portal, PortalNotFound, PortalRejected

DATASTORE_CHUNK = 5000
VIEW_TYPE = "datatables_view"


@dataclass
class SyncResult:
    dataset: str
    changes: list[str] = field(default_factory=list)  # human-readable, one per change
    resource_ids: dict[int, str] = field(default_factory=dict)  # year -> resource id
    changed_years: set[int] = field(default_factory=set)


def ensure_organization(portal: Portal, plan: DatasetPlan, result: SyncResult) -> None:
    org = plan.organization
    if portal.show("organization_show", id=org.name) is None:
        portal.call("organization_create", name=org.name, title=org.title,
                    description=org.description)
        result.changes.append(f"organisasi {org.name} dibuat")


def sync_dataset(portal: Portal, plan: DatasetPlan) -> SyncResult:
    result = SyncResult(plan.name)
    ensure_organization(portal, plan, result)
    package = portal.show("package_show", id=plan.name)
    metadata = {**plan.metadata, "owner_org": plan.organization.name}
    if package is None:
        package = portal.call("package_create", **metadata)
        result.changes.append("dataset dibuat")
    elif stored_metadata_hash(package) != plan.metadata_hash \
            or package.get("state") != "active":
        package = portal.call("package_patch", id=package["id"], state="active", **metadata)
        result.changes.append("metadata diperbarui")
    by_key = {resource_key(r): r for r in package.get("resources", [])}
    for resource_plan in plan.resources:
        existing = by_key.get(year_key(resource_plan.year))
        resource_id = _sync_resource(portal, plan, package["id"], resource_plan, existing, result)
        result.resource_ids[resource_plan.year] = resource_id
    for document in plan.documents:
        _sync_document(portal, package["id"], document, by_key.get(document.key), result)
    return result


def _sync_document(portal: Portal, package_id: str, want: DocumentPlan, existing: dict | None,
                   result: SyncResult) -> None:
    if existing and existing.get(CONTENT_HASH_KEY) == want.content_hash:
        return
    fields = {"name": want.name, "description": want.description, "format": want.format,
              "mimetype": want.mimetype, RESOURCE_KEY: want.key}
    upload = {"upload": (want.filename, io.BytesIO(want.content), want.mimetype)}
    if existing:
        resource = portal.call("resource_patch", files=upload, id=existing["id"], **fields)
    else:
        resource = portal.call("resource_create", files=upload, package_id=package_id, **fields)
    portal.call("resource_patch", id=resource["id"], **{CONTENT_HASH_KEY: want.content_hash})
    result.changes.append(f"{want.name} {'diperbarui' if existing else 'ditambahkan'}")


def _sync_resource(portal: Portal, plan: DatasetPlan, package_id: str, want: ResourcePlan,
                   existing: dict | None, result: SyncResult) -> str:
    # The hash is written after the upload, the DataStore table and the view: a matching hash
    # means all three are in place, so an unchanged resource costs no call at all.
    if existing and existing.get(CONTENT_HASH_KEY) == want.content_hash \
            and existing.get("datastore_active"):
        return existing["id"]
    fields = {
        "name": want.name, "description": want.description, "format": "CSV",
        "mimetype": "text/csv", "tahun": str(want.year), "jumlah_baris": str(len(want.records)),
        RESOURCE_KEY: year_key(want.year),
        "sumber_sha256": want.source_sha256,
    }
    upload = {"upload": (want.filename, io.BytesIO(want.csv), "text/csv")}
    if existing:
        resource = portal.call("resource_patch", files=upload, id=existing["id"], **fields)
        verb = "diperbarui"
    else:
        resource = portal.call("resource_create", files=upload, package_id=package_id, **fields)
        verb = "ditambahkan"
    _load_datastore(portal, plan, resource, want)
    _ensure_view(portal, resource["id"], result, want.year)
    portal.call("resource_patch", id=resource["id"], **{CONTENT_HASH_KEY: want.content_hash})
    result.changes.append(f"CSV {want.year} {verb} ({len(want.records)} baris)")
    result.changed_years.add(want.year)
    return resource["id"]


def _load_datastore(portal: Portal, plan: DatasetPlan, resource: dict, want: ResourcePlan) -> None:
    """Replace the DataStore table: drop, create with key and dictionary, insert in chunks."""
    if resource.get("datastore_active"):
        try:
            portal.call("datastore_delete", resource_id=resource["id"], force=True)
        except PortalNotFound:  # already gone: a previous run was interrupted here
            pass
    records = want.records
    first, rest = records[:DATASTORE_CHUNK], records[DATASTORE_CHUNK:]
    portal.call("datastore_create", resource_id=resource["id"], force=True,
                fields=plan.datastore_fields, primary_key=plan.primary_key, records=first)
    for start in range(0, len(rest), DATASTORE_CHUNK):
        portal.call("datastore_upsert", resource_id=resource["id"], force=True, method="insert",
                    records=rest[start:start + DATASTORE_CHUNK])


def _ensure_view(portal: Portal, resource_id: str, result: SyncResult, year: int) -> None:
    views = portal.call("resource_view_list", id=resource_id)
    if not any(v.get("view_type") == VIEW_TYPE for v in views):
        portal.call("resource_view_create", resource_id=resource_id, view_type=VIEW_TYPE,
                    title="Tabel data")
        result.changes.append(f"tampilan tabel {year} dibuat")


def prepare_portal(portal: Portal) -> list[str]:
    """Check licences and make sure the groups exist; returns the changes made."""
    licenses = {lic["id"] for lic in portal.call("license_list")}
    for definition in definitions().values():
        if definition.config["license_id"] not in licenses:
            raise PortalRejected(
                "license_list", f"lisensi '{definition.config['license_id']}' pada "
                f"datasets/{definition.record_type}.yaml tidak dikenal portal; pilih salah satu dari "
                f"license_list portal ({', '.join(sorted(licenses))})")
    changes = []
    for group in portal_config().get("groups", []):
        if portal.show("group_show", id=group["name"]) is None:
            portal.call("group_create", name=group["name"], title=group["title"],
                        description=group.get("description", ""))
            changes.append(f"grup {group['name']} dibuat")
    return changes
