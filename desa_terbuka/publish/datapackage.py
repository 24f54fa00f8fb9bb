"""Each dataset's ``datapackage.json`` (Frictionless Data Package): its resources at their portal
URLs, the tabular ones with their Table Schema, so that ``frictionless``, pandas or R read the
dataset in one call. APBDes data packages follow the Fiscal Data Package profile (measures
anggaran and realisasi in IDR; dimensions desa, tahun, rekening, kegiatan, sumber dana, tahap)
so OpenSpending-style tools can load them.

Built from the resource list a switch will make, and published in that switch (see
publish/derived.py); checked against the portal's answer after it, so an unchanged package costs
no write and a wrongly predicted one is refreshed through the same sync.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from desa_terbuka.core.definitions import definitions
from desa_terbuka.publish.ordering import DATAPACKAGE_KEY, ordered_ids, rank
from desa_terbuka.publish.plan import (
    CONTENT_HASH_KEY,
    RESOURCE_KEY,
    DatasetPlan,
    DocumentPlan,
    resource_key,
)
from desa_terbuka.publish.portal import Portal
from desa_terbuka.publish.sync import SyncResult, sync_dataset

KEY = DATAPACKAGE_KEY
FIELD_KEYS = ("name", "type", "format", "title", "description", "constraints")


def table_schema(record_type: str) -> dict[str, Any] | None:
    """The Table Schema of a dataset's CSVs (village and combined, indicators, compliance);
    None for a dataset without tables of its own (the links dataset)."""
    if record_type in definitions():
        schema = definitions()[record_type].schema
    elif record_type == "indikator":
        from desa_terbuka.publish.district import indicator_schema

        schema = indicator_schema()
    elif record_type == "kepatuhan":
        from desa_terbuka.publish.compliance import compliance_schema

        schema = compliance_schema()
    else:
        return None
    out: dict[str, Any] = {"fields": [{k: f[k] for k in FIELD_KEYS if k in f} for f in schema["fields"]]}
    if schema.get("primaryKey"):
        out["primaryKey"] = list(schema["primaryKey"])
    return out


def _name(text: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-") or "sumber"


def fiscal_model() -> dict[str, Any]:
    """Fiscal Data Package model of an APBDes CSV (columns of schemas/apbdes.schema.json)."""
    def dim(kind: str, key: str, label: str | None = None) -> dict[str, Any]:
        attributes = {key: {"source": key}}
        if label:
            attributes[label] = {"source": label, "labelfor": key}
        return {"dimensionType": kind, "primaryKey": [key], "attributes": attributes}
    return {
        "measures": {m: {"source": m, "currency": "IDR"} for m in ("anggaran", "realisasi")},
        "dimensions": {
            "desa": dim("entity", "kode_desa"),
            "tahun": dim("datetime", "tahun_anggaran"),
            "rekening": dim("classification", "kode_rekening", "uraian"),
            "kegiatan": dim("activity", "kode_kegiatan"),
            "sumber_dana": dim("fact", "sumber_dana"),
            "tahap": dim("fact", "tahap"),
        },
    }


def datapackage(plan: DatasetPlan, package: dict[str, Any], page: str) -> dict[str, Any]:
    """The descriptor of a dataset as it stands on the portal (``page``: its public page)."""
    schema = table_schema(plan.record_type)
    license_id = plan.metadata.get("license_id", "")
    descriptor: dict[str, Any] = {
        "name": _name(plan.name), "title": plan.metadata.get("title", plan.name),
        "description": plan.metadata.get("notes", ""),
        "homepage": page,
        "licenses": [{"name": license_id, "path": f"https://spdx.org/licenses/{license_id}.html"}],
        "resources": [],
    }
    if plan.record_type == "apbdes":
        descriptor.update({"profile": "fiscal-data-package", "countryCode": "ID",
                           "model": fiscal_model()})
    # In the page's order (newest year first), whatever order the portal holds them in now: the
    # same resources always give the same bytes.
    resources = package.get("resources") or []
    by_id = {r["id"]: r for r in resources}
    for resource in (by_id[i] for i in ordered_ids(resources)):
        key = resource_key(resource)
        if key == KEY or not resource.get("url") or resource.get("url_type") != "upload":
            continue  # itself, and pointers (link resources that repeat an uploaded file)
        entry: dict[str, Any] = {"name": _name(key or resource["id"]), "title": resource.get("name", ""),
                                 "path": resource["url"], "format": (resource.get("format") or "").lower()}
        if resource.get("mimetype"):
            entry["mediatype"] = resource["mimetype"]
        if entry["format"] == "csv" and schema:
            entry.update({"profile": "tabular-data-resource", "encoding": "utf-8", "schema": schema})
        descriptor["resources"].append(entry)
    return descriptor


def datapackage_document(plan: DatasetPlan, package: dict[str, Any], page: str) -> DocumentPlan:
    """The datapackage.json of the dataset as ``package`` lists it, as a document to publish."""
    content = json.dumps(datapackage(plan, package, page), ensure_ascii=False, indent=2).encode("utf-8")
    return DocumentPlan(
        KEY, "Data package (datapackage.json)",
        "Deskripsi Frictionless Data Package semua sumber daya dataset ini beserta kamus datanya"
        + (" (profil Fiscal Data Package)." if plan.record_type == "apbdes" else "."),
        "datapackage.json", content, "JSON", "application/json")


def publish_datapackage(portal: Portal, plan: DatasetPlan, result: SyncResult) -> SyncResult:
    """Add or refresh the dataset's datapackage.json (one read; a write only when it changed).
    Usually a no-op check: a switch publishes it with the resources it names (``derived``)."""
    package = result.package or portal.call("package_show", id=plan.name)
    document = datapackage_document(plan, package, f"{portal.url}/dataset/{plan.name}")
    stored = next((r for r in package.get("resources") or [] if resource_key(r) == KEY), None)
    if stored and stored.get(CONTENT_HASH_KEY) == document.content_hash:
        return result
    # in the page's order: the switch lists the plan's documents in the order given
    documents = sorted([*plan.documents, document],
                       key=lambda d: rank({RESOURCE_KEY: d.key}, 0))
    again = sync_dataset(portal, replace(plan, documents=documents))
    result.changes += again.changes
    result.package = again.package
    return result
