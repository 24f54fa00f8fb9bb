"""The district dataset "Kepatuhan Publikasi Data Desa": the status board as open data.

Built from the same ``StatusBoard`` as ``desa status`` (so the two cannot disagree), published
through the same plan/sync machinery as the village datasets: one CSV per budget year with a
DataStore table, and the compliance map (PNG and SVG). Only public fields are written: no file
names or submission ids, which may carry what a village typed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from functools import cache
from pathlib import Path
from typing import Any

from desa_terbuka import __version__
from desa_terbuka.core.config import Strict, load_config, read_data
from desa_terbuka.core.paths import PORTAL_CONFIG_DIR, SCHEMAS_DIR
from desa_terbuka.core.reference import villages
from desa_terbuka.publish.config import OrganizationText, ResourceText, portal_config
from desa_terbuka.publish.plan import (
    DATASTORE_TYPES,
    METADATA_HASH_KEY,
    DatasetPlan,
    DocumentPlan,
    OrganizationPlan,
    ResourcePlan,
    dcat_metadata,
)
from desa_terbuka.stage.status import STATUS_LABELS, STATUSES, StatusBoard, status_record

COMPLIANCE_FILE = PORTAL_CONFIG_DIR / "compliance.yaml"
SCHEMA_FILE = SCHEMAS_DIR / "kepatuhan.schema.json"


class _Sdi(Strict):
    produsen_data: str
    walidata: str
    kode_referensi: str
    jadwal_pemutakhiran: str
    cakupan_wilayah: str


class ComplianceConfig(Strict):
    """The shape of ``portal_config/compliance.yaml``."""

    name: str
    title: str
    notes: str
    organization: OrganizationText
    license_id: str
    sdi: _Sdi
    tags: list[str] = []
    resource: ResourceText


@cache
def compliance_config() -> ComplianceConfig:
    return load_config(COMPLIANCE_FILE, ComplianceConfig)


@cache
def compliance_schema() -> dict[str, Any]:
    return read_data(SCHEMA_FILE)


def compliance_rows(board: StatusBoard) -> list[dict[str, Any]]:
    """The public rows, in the schema's field order (a field the schema lacks is a bug)."""
    names = [f["name"] for f in compliance_schema()["fields"]]
    rows = []
    for row in board.rows:
        record = status_record(row, public=True)
        if set(record) != set(names):
            raise ValueError(f"kepatuhan.schema.json and status_record differ: {set(record) ^ set(names)}")
        rows.append({n: record[n] for n in names})
    return rows


def rows_csv(rows: list[dict[str, Any]]) -> bytes:
    names = [f["name"] for f in compliance_schema()["fields"]]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, names, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _datastore_fields() -> list[dict[str, Any]]:
    return [{"id": f["name"], "type": DATASTORE_TYPES.get(f["type"], "text"),
             "info": {"label": f["title"], "notes": f"{f['description']}\n\n(EN) {f['description_en']}"}}
            for f in compliance_schema()["fields"]]


def compliance_plan(board: StatusBoard, chart_cache: Path | None = None) -> DatasetPlan:
    """What the portal should show for the compliance dataset, as of the board's date
    (``chart_cache``: where its map, drawn once per board, is kept)."""
    config = compliance_config()
    rows = compliance_rows(board)
    kabupaten = next(iter(villages().values())).nama_kabupaten
    resources = []
    for year in sorted({r["tahun"] for r in rows}):
        of_year = [r for r in rows if r["tahun"] == year]
        content = rows_csv(of_year)
        resources.append(ResourcePlan(
            year=year, name=config.resource.name.format(tahun=year),
            description=config.resource.description.format(tahun=year),
            filename=f"kepatuhan-{year}.csv", csv=content, records=of_year,
            source_sha256=hashlib.sha256(content).hexdigest()))
    # the chart modules (and the ssl that xml.sax brings) only when a chart is drawn: every
    # command loads this module to check its configuration
    from desa_terbuka.publish.compliance_chart import compliance_chart

    png, svg = compliance_chart(board, chart_cache)
    documents = [
        DocumentPlan("peta-kepatuhan-png", "Peta kepatuhan (PNG)",
                     f"Setiap desa per kecamatan, diwarnai menurut status pelaporannya per "
                     f"{board.as_of:%d-%m-%Y}.", "peta-kepatuhan.png", png, "PNG", "image/png"),
        DocumentPlan("peta-kepatuhan-svg", "Peta kepatuhan (SVG)",
                     "Peta yang sama dalam format vektor (SVG).", "peta-kepatuhan.svg", svg, "SVG",
                     "image/svg+xml"),
    ]
    counts = board.counts()
    years = [r.year for r in resources]
    sdi = config.sdi.model_dump()
    # Only fields of the portal's dataset schema (portal_config/scheming/dataset.yaml): scheming
    # drops any other. The board's date is the date the status was checked.
    fields = {
        "kabupaten": kabupaten, "jenis_data": "kepatuhan",
        "tahun_tercakup": ", ".join(str(y) for y in years),
        "penerbit": config.organization.title,
        "kualitas_tanggal_diperiksa": board.as_of.isoformat(),
        "sumber_hash": hashlib.sha256("".join(r.content_hash for r in resources).encode()).hexdigest(),
        **sdi, **dcat_metadata(sdi, years, portal_config()),
    }
    summary = ", ".join(f"{counts[s]} {STATUS_LABELS[s][0].lower()}" for s in reversed(STATUSES) if counts[s])
    notes = (config.notes.format(nama_kabupaten=kabupaten).strip()
             + f"\n\nPer {board.as_of:%d-%m-%Y} (desa × jenis data × tahun): {summary}.")
    metadata = {
        "name": config.name, "title": config.title, "notes": notes,
        "license_id": config.license_id, "tags": [{"name": t} for t in config.tags], "groups": [],
    }
    digest = hashlib.sha256(json.dumps([metadata, fields], sort_keys=True).encode()).hexdigest()
    fields.update({METADATA_HASH_KEY: digest, "versi_pipeline": __version__})
    metadata.update(sorted(fields.items()))
    org = config.organization
    return DatasetPlan("kepatuhan", "", config.name, OrganizationPlan(org.name, org.title, org.description),
                       metadata, resources, _datastore_fields(),
                       list(compliance_schema()["primaryKey"]), documents)
