"""What the portal should show for one village × record type, computed without the portal.

Identity is ours, not CKAN's: the dataset name comes from (record type, kode desa), a resource is
keyed by its year and carries the hash of the CSV it shows. Comparing hashes before writing is
what lets an unchanged run make zero write calls.

The portal's dataset schema (portal_config/scheming/dataset.yaml, ckanext-scheming) declares
every field sent here, at the top level of the package: scheming drops undeclared fields
silently and returns declared ones at the top level of package_show.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from desa_terbuka import __version__
from desa_terbuka.core.config import ConfigError
from desa_terbuka.core.definitions import DatasetDefinition, village_context
from desa_terbuka.core.reference import Village
from desa_terbuka.publish.config import kecamatan_group, portal_config

DATASTORE_TYPES = {"string": "text", "integer": "int8", "number": "numeric", "date": "date",
                   "boolean": "bool"}
METADATA_HASH_KEY = "desa_metadata_hash"
CONTENT_HASH_KEY = "desa_content_hash"
RESOURCE_KEY = "desa_key"  # our identity of a resource: "tahun-2024", "laporan-kualitas"
LATEST_CSV_KEY = "terbaru-csv"  # the pointers' keys (publish/build.py village_pointers)
LATEST_CHART_KEY = "infografis-terbaru-png"
# Satu Data Indonesia metadata the portal requires (values: portal.yaml and datasets/*.yaml sdi:).
SDI_FIELDS = ("produsen_data", "walidata", "kode_referensi", "jadwal_pemutakhiran",
              "cakupan_wilayah")


def resource_key(resource: dict[str, Any]) -> str:
    """The key of a resource on the portal (year resources before desa_key existed: by tahun)."""
    return resource.get(RESOURCE_KEY) or (f"tahun-{resource['tahun']}" if resource.get("tahun") else "")


def year_key(year: int) -> str:
    return f"tahun-{year}"


@dataclass(frozen=True)
class ResourcePlan:
    year: int
    name: str
    description: str
    filename: str
    csv: bytes
    records: list[dict[str, Any]]
    source_sha256: str

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.csv).hexdigest()


@dataclass(frozen=True)
class DocumentPlan:
    """A non-tabular resource (e.g. the quality report), keyed by ``key`` instead of a year."""

    key: str
    name: str
    description: str
    filename: str
    content: bytes
    format: str
    mimetype: str

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True)
class OrganizationPlan:
    name: str
    title: str
    description: str


@dataclass(frozen=True)
class DatasetPlan:
    record_type: str
    kode_desa: str
    name: str
    organization: OrganizationPlan
    metadata: dict[str, Any]  # package fields except resources, incl. the metadata hash
    resources: list[ResourcePlan]
    datastore_fields: list[dict[str, Any]]
    primary_key: list[str]
    documents: list[DocumentPlan] = field(default_factory=list)

    @property
    def metadata_hash(self) -> str:
        return self.metadata[METADATA_HASH_KEY]


def organization_plan(village: Village, config: dict[str, Any] | None = None) -> OrganizationPlan:
    org = (config or portal_config())["organization"]
    context = village_context(village)
    return OrganizationPlan(*(org[k].format(**context) for k in ("name", "title", "description")))


def datastore_fields(definition: DatasetDefinition) -> list[dict[str, Any]]:
    """The DataStore data dictionary, from the Table Schema's titles and descriptions."""
    fields = []
    for f in definition.fields:
        notes = f.description
        if f.raw.get("description_en"):
            notes += f"\n\n(EN) {f.raw['description_en']}"
        fields.append({"id": f.name, "type": DATASTORE_TYPES.get(f.type, "text"),
                       "info": {"label": f.title, "notes": notes}})
    return fields


def datastore_records(names: list[str], rows: list[tuple]) -> list[dict[str, Any]]:
    """JSON-ready records: decimals as text (numeric keeps them exact), dates as ISO text."""
    def cell(value: Any) -> Any:
        if isinstance(value, Decimal):
            return format(value, "f")
        if isinstance(value, date):
            return value.isoformat()
        return value
    return [{n: cell(v) for n, v in zip(names, row)} for row in rows]


def sdi_metadata(definition: DatasetDefinition, village: Village,
                 config: dict[str, Any]) -> dict[str, str]:
    """The SDI fields of one dataset: portal.yaml ``sdi:`` overridden by the definition's."""
    templates = {**(config.get("sdi") or {}), **(definition.config.get("sdi") or {})}
    missing = [k for k in SDI_FIELDS if not str(templates.get(k) or "").strip()]
    if missing:
        raise ConfigError(
            f"Metadata Satu Data Indonesia belum lengkap untuk {definition.record_type}: "
            f"{', '.join(missing)}. Isi di portal_config/portal.yaml (sdi:) atau "
            f"datasets/{definition.record_type}.yaml (sdi:).")
    context = village_context(village)
    return {k: str(templates[k]).format(**context).strip() for k in SDI_FIELDS}


def dcat_metadata(sdi: dict[str, str], years: list[int], config: dict[str, Any]) -> dict[str, str]:
    """DCAT-AP twins of the SDI fields (portal.yaml ``dcat:``) and the temporal coverage."""
    dcat = config.get("dcat") or {}
    out = {target: sdi[source] for target, source in (dcat.get("copy") or {}).items()}
    frequency = (dcat.get("frequency") or {}).get(sdi["jadwal_pemutakhiran"])
    if frequency:
        out["frequency"] = frequency
    if years:
        out["temporal_start"] = f"{min(years)}-01-01"
        out["temporal_end"] = f"{max(years)}-12-31"
    return out


def dataset_plan(definition: DatasetDefinition, village: Village,
                 resources: list[ResourcePlan], config: dict[str, Any] | None = None,
                 documents: list[DocumentPlan] | None = None,
                 extra_metadata: dict[str, str] | None = None) -> DatasetPlan:
    """``extra_metadata`` (e.g. quality counts) joins the hashed fields: when it changes, the
    dataset's metadata is rewritten."""
    config = config or portal_config()
    years = sorted(r.year for r in resources)
    source_hash = hashlib.sha256(
        "".join(sorted({r.source_sha256 for r in resources})).encode()).hexdigest()
    sdi = sdi_metadata(definition, village, config)
    fields = {
        "kode_desa": village.kode_desa,
        "nama_desa": village.nama_desa,
        "kode_kecamatan": village.kode_kecamatan,
        "kecamatan": village.nama_kecamatan,
        "kabupaten": village.nama_kabupaten,
        "jenis_data": definition.record_type,
        "tahun_tercakup": ", ".join(str(y) for y in years),
        "sumber_hash": source_hash,
        "penerbit": config.get("publisher", ""),
        **sdi,
        **dcat_metadata(sdi, years, config),
        **(extra_metadata or {}),
    }
    metadata = {
        "name": definition.render("name", village),
        "title": definition.render("title", village),
        "notes": definition.render("notes", village),
        "license_id": definition.config["license_id"],
        "tags": [{"name": t} for t in definition.config.get("tags", [])],
        "groups": [{"name": g} for g in [*definition.config.get("groups", []),
                                          kecamatan_group(village)["name"]]],
    }
    # The pipeline version is written but not hashed: upgrading the pipeline alone rewrites nothing.
    digest = hashlib.sha256(json.dumps([metadata, fields], sort_keys=True).encode()).hexdigest()
    fields.update({METADATA_HASH_KEY: digest, "versi_pipeline": __version__})
    metadata.update(sorted(fields.items()))
    return DatasetPlan(
        definition.record_type, village.kode_desa, metadata["name"],
        organization_plan(village, config), metadata, sorted(resources, key=lambda r: r.year),
        datastore_fields(definition), definition.primary_key, list(documents or []),
    )


def stored_metadata_hash(package: dict[str, Any]) -> str | None:
    """The metadata hash a portal dataset carries: a top-level field under the portal's schema
    (an ``extras`` entry on a portal without it, as before the schema existed)."""
    if package.get(METADATA_HASH_KEY):
        return package[METADATA_HASH_KEY]
    return {e["key"]: e["value"] for e in package.get("extras", [])}.get(METADATA_HASH_KEY)
