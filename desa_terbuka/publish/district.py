"""District-wide datasets of the DPMD organization, rebuilt from the warehouse on every run:
all villages combined per record type, and the indicators per desa per year.

Only what is public goes in: the current slices (validated, accepted, not held), minus the
datasets an officer retracted. A combined CSV is the village CSVs of that year joined (the same
bytes per row, so every rule applied to a village file applies here); the Parquet file is that
CSV typed by the Table Schema; the indicators are one set-based query over the warehouse.
Published through the same plan/sync machinery as the village datasets (content hashes: an
unchanged district dataset costs no write).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from desa_terbuka import __version__
from desa_terbuka.core.config import Strict, load_config, read_data
from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.paths import PORTAL_CONFIG_DIR, SCHEMAS_DIR
from desa_terbuka.core.reference import villages
from desa_terbuka.normalise.formats import format_decimal
from desa_terbuka.publish.charts import comparison_chart
from desa_terbuka.publish.compliance import compliance_config
from desa_terbuka.publish.config import ResourceText, Sdi, portal_config
from desa_terbuka.publish.indicators import indicator_sql
from desa_terbuka.publish.plan import (
    DATASTORE_TYPES,
    METADATA_HASH_KEY,
    DatasetPlan,
    DocumentPlan,
    OrganizationPlan,
    ResourcePlan,
    datastore_fields,
    datastore_records,
    dcat_metadata,
)
from desa_terbuka.stage.published import published_csv
from desa_terbuka.stage.warehouse import DUCKDB_TYPES, Slice, Warehouse

DISTRICT_FILE = PORTAL_CONFIG_DIR / "district.yaml"
INDICATOR_SCHEMA_FILE = SCHEMAS_DIR / "indikator.schema.json"


class _Dataset(Strict):
    name: str
    title: str
    notes: str
    resource: ResourceText
    sdi: Sdi
    tags: list[str] = []
    groups: list[str] = []


class _Codes(Strict):
    pendapatan: str
    belanja: str
    dana_desa: str
    alokasi_dana_desa: str


class DistrictConfig(Strict):
    """The shape of ``portal_config/district.yaml``."""

    labels: dict[str, str]
    combined: _Dataset
    indicators: _Dataset
    links: _Dataset
    codes: _Codes
    license_id: str


@cache
def district_config() -> DistrictConfig:
    return load_config(DISTRICT_FILE, DistrictConfig)


@cache
def indicator_schema() -> dict[str, Any]:
    return read_data(INDICATOR_SCHEMA_FILE)


def public_slices(warehouse: Warehouse, withheld: set[str] | frozenset[str] = frozenset()
                  ) -> list[Slice]:
    """Current slices whose village dataset is on public view (``withheld``: retracted names)."""
    everyone = villages()
    return [s for s in warehouse.current_slices()
            if definitions()[s.record_type].render("name", everyone[s.kode_desa]) not in withheld]


def _context() -> dict[str, str]:
    return {"nama_kabupaten": next(iter(villages().values())).nama_kabupaten}


def dpmd_plan(name: str, title: str, notes: str, dataset: _Dataset, record_type: str,
          resources: list[ResourcePlan], documents: list[DocumentPlan],
          fields_: list[dict[str, Any]], primary_key: list[str], fill: dict[str, str]) -> DatasetPlan:
    """A DPMD dataset's plan: metadata of the portal's schema, hashed like a village dataset's
    (``fill``: the placeholders of its ``sdi:`` texts)."""
    config = district_config()
    years = sorted(r.year for r in resources)
    sdi = {k: v.format(**fill) for k, v in dataset.sdi.model_dump().items() if v}
    fields = {
        "kabupaten": _context()["nama_kabupaten"], "jenis_data": record_type,
        "tahun_tercakup": ", ".join(str(y) for y in years),
        "penerbit": portal_config().get("publisher", ""),
        "sumber_hash": hashlib.sha256("".join(r.content_hash for r in resources).encode()).hexdigest(),
        **sdi, **dcat_metadata(sdi, years, portal_config()),
    }
    metadata = {"name": name, "title": title, "notes": notes, "license_id": config.license_id,
                "tags": [{"name": t} for t in dataset.tags],
                "groups": [{"name": g} for g in dataset.groups]}
    digest = hashlib.sha256(json.dumps([metadata, fields], sort_keys=True).encode()).hexdigest()
    fields.update({METADATA_HASH_KEY: digest, "versi_pipeline": __version__})
    metadata.update(sorted(fields.items()))
    org = compliance_config().organization
    return DatasetPlan(record_type, "", name, OrganizationPlan(org.name, org.title, org.description),
                       metadata, resources, fields_, primary_key, documents)


def _join_csv(parts: list[bytes]) -> bytes:
    """Village CSVs of one year as one: the header once, then every village's rows."""
    header, *_ = parts[0].split(b"\n", 1)
    bodies = [p.split(b"\n", 1)[1] if b"\n" in p else b"" for p in parts]
    return header + b"\n" + b"".join(bodies)


def typed_parquet(csvs: list[bytes], schema: dict[str, Any]) -> bytes:
    """The CSVs (same header) as one Parquet file typed by the Table Schema, rows as given."""
    columns = {f["name"]: DUCKDB_TYPES.get(f["type"], "VARCHAR") for f in schema["fields"]}
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, content in enumerate(csvs):
            paths.append(Path(tmp) / f"{i:04d}.csv")
            paths[-1].write_bytes(content)
        out = Path(tmp) / "out.parquet"
        con = duckdb.connect()
        con.execute("SET threads = 1")  # one writer: byte-identical output for the same rows
        files = ", ".join(f"'{p}'" for p in paths)
        con.execute(f"COPY (SELECT * FROM read_csv([{files}], header = true, columns = "
                    f"{json.dumps(columns)}, auto_detect = false, quote = '\"', escape = '\"')) "
                    f"TO '{out}' (FORMAT PARQUET, COMPRESSION ZSTD)")
        con.close()
        return out.read_bytes()


def combined_plan(warehouse: Warehouse, record_type: str, slices: list[Slice]) -> DatasetPlan | None:
    """All villages of one record type: a CSV per year, all years in Parquet."""
    if not slices:
        return None
    config, definition = district_config(), definitions()[record_type]
    dataset = config.combined
    fill = {"record_type": record_type, "record_type_upper": record_type.upper(),
            "label": config.labels.get(record_type, record_type), **_context()}
    resources, csvs = [], []
    rows = warehouse.slices_rows(slices)
    for year in sorted({s.tahun for s in slices}):
        of_year = sorted((s for s in slices if s.tahun == year), key=lambda s: s.kode_desa)
        parts, records = [], []
        for s in of_year:
            parts.append(published_csv(*rows[s]))
            records += datastore_records(*rows[s])
        content = _join_csv(parts)
        csvs.append(content)
        resources.append(ResourcePlan(
            year=year, name=dataset.resource.name.format(tahun=year, **fill),
            description=dataset.resource.description.format(tahun=year, **fill),
            filename=f"{record_type}-semua-desa-{year}.csv", csv=content, records=records,
            source_sha256=hashlib.sha256(content).hexdigest()))
    parquet = DocumentPlan(
        "parquet-semua-tahun", f"{fill['label']} semua desa, semua tahun (Parquet)",
        "Semua tahun dalam satu berkas Parquet bertipe (kolom dan tipe menurut kamus data).",
        f"{record_type}-semua-desa.parquet", typed_parquet(csvs, definition.schema), "Parquet",
        "application/vnd.apache.parquet")
    return dpmd_plan(dataset.name.format(**fill), dataset.title.format(**fill),
                 dataset.notes.format(**fill).strip(), dataset, record_type, resources, [parquet],
                 datastore_fields(definition), definition.primary_key, fill)


def indicator_rows(warehouse: Warehouse, slices: list[Slice]) -> tuple[list[str], list[tuple]]:
    """Indicators per desa per year over the given (public) slices: one query, in the schema's
    column order, amounts as exact decimals."""
    import pandas as pd  # not at import: a no-change run needs none

    codes = district_config().codes
    frame = pd.DataFrame([(s.record_type, s.kode_desa, s.tahun, s.submission_id) for s in slices],
                         columns=["record_type", "kode_desa", "tahun", "submission_id"])
    ref = pd.DataFrame([(v.kode_desa, v.nama_desa, v.kode_kecamatan, v.nama_kecamatan)
                        for v in villages().values()],
                       columns=["kode_desa", "nama_desa", "kode_kecamatan", "kecamatan"])
    names = [f["name"] for f in indicator_schema()["fields"]]
    con = warehouse.con.cursor()
    try:
        con.register("public_slices", frame)
        con.register("reference_villages", ref)
        return names, con.execute(indicator_sql(names, codes.model_dump())).fetchall()
    finally:
        con.close()


def rows_csv(names: list[str], rows: list[tuple]) -> bytes:
    """UTF-8 CSV as the village files are written: plain numbers, empty for missing."""
    def cell(value: Any) -> str:
        if value is None:
            return ""
        return format_decimal(value) if isinstance(value, Decimal) else str(value)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows([[cell(v) for v in row] for row in rows])
    return buffer.getvalue().encode("utf-8")


def indicators_plan(warehouse: Warehouse, slices: list[Slice]) -> DatasetPlan | None:
    names, rows = indicator_rows(warehouse, slices)
    if not rows:
        return None
    schema, dataset = indicator_schema(), district_config().indicators
    year_at = names.index("tahun")
    fill = _context()
    resources = []
    for year in sorted({r[year_at] for r in rows}):
        of_year = [r for r in rows if r[year_at] == year]
        content = rows_csv(names, of_year)
        resources.append(ResourcePlan(
            year=int(year), name=dataset.resource.name.format(tahun=year, **fill),
            description=dataset.resource.description.format(tahun=year, **fill),
            filename=f"indikator-desa-{year}.csv", csv=content,
            records=datastore_records(names, of_year),
            source_sha256=hashlib.sha256(content).hexdigest()))
    parquet = DocumentPlan(
        "parquet-semua-tahun", "Indikator desa, semua tahun (Parquet)",
        "Semua tahun dalam satu berkas Parquet bertipe.", "indikator-desa.parquet",
        typed_parquet([r.csv for r in resources], schema), "Parquet", "application/vnd.apache.parquet")
    charts = comparison_documents(warehouse, names, rows)
    return dpmd_plan(dataset.name, dataset.title, dataset.notes.format(**fill).strip(), dataset,
                 "indikator", resources, [parquet, *charts], schema_datastore_fields(schema),
                 list(schema["primaryKey"]), fill)


COMPARISONS = (  # indicator column, chart title (the latest year), percent?
    ("realisasi_belanja_persen", "Realisasi belanja APBDes per desa (%)", True),
    ("dana_desa", "Dana Desa per desa", False),
    ("kehadiran_perempuan_persen", "Kehadiran perempuan dalam musyawarah desa (%)", True),
)


def comparison_documents(warehouse: Warehouse, names: list[str], rows: list[tuple]
                         ) -> list[DocumentPlan]:
    """District comparison charts of the latest year with data, PNG and SVG (stable keys: the
    URL of "the latest comparison" does not change when a year is added)."""
    records = [dict(zip(names, r)) for r in rows]
    documents = []
    for column, title, percent in COMPARISONS:
        with_data = [r for r in records if r[column] is not None]
        if not with_data:
            continue
        year = max(r["tahun"] for r in with_data)
        png, svg = comparison_chart([r for r in with_data if r["tahun"] == year], column,
                                    f"{title}, {year}", percent, warehouse.path.parent / "cache" / "charts")
        slug = column.replace("_", "-")
        for content, fmt, mime in ((png, "PNG", "image/png"), (svg, "SVG", "image/svg+xml")):
            documents.append(DocumentPlan(
                f"grafik-{slug}-{fmt.lower()}", f"Grafik: {title} ({fmt})",
                f"Perbandingan antardesa tahun {year} (tahun terbaru yang ada datanya).",
                f"grafik-{slug}.{fmt.lower()}", content, fmt, mime))
    return documents


def schema_datastore_fields(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The DataStore data dictionary of a Table Schema (Indonesian label, both descriptions)."""
    return [{"id": f["name"], "type": DATASTORE_TYPES.get(f["type"], "text"),
             "info": {"label": f["title"], "notes": f"{f['description']}\n\n(EN) {f['description_en']}"}}
            for f in schema["fields"]]


def district_plans(warehouse: Warehouse, withheld: set[str] | frozenset[str] = frozenset(),
                   slices: list[Slice] | None = None) -> list[DatasetPlan]:
    """Every district dataset with data: combined per record type, then the indicators
    (``slices``: ``public_slices`` when the caller has read them already)."""
    slices = public_slices(warehouse, withheld) if slices is None else slices
    plans = [combined_plan(warehouse, rt, [s for s in slices if s.record_type == rt])
             for rt in definitions()]
    plans.append(indicators_plan(warehouse, slices))
    return [p for p in plans if p is not None]
