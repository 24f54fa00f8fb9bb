"""District datasets on the real test portal, after the Tualan Hulu sample run: combined CSV and
Parquet per record type, indicators, charts, data packages. Their totals are checked against the
village datasets as published (downloaded from the portal), not against the warehouse.
Cost: one extra run over the sample's warehouse (villages unchanged: no village writes) ≈20 s."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from decimal import Decimal

import duckdb
import pytest
import requests

from desa_terbuka.core.reference import villages
from desa_terbuka.publish.district import district_config
from desa_terbuka.stage.warehouse import Warehouse

pytestmark = pytest.mark.integration

TUALAN_HULU = sorted(k for k, v in villages().items() if v.kode_kecamatan == "62.02.16")
RECORD_TYPES = ("apbdes", "kegiatan", "musyawarah")
# The sample's years: other tests of the session publish other years of these villages from their
# own warehouses (the corpora), which the sample's district datasets rightly do not hold.
SAMPLE_YEARS = (2023, 2024, 2025)


def _rows(url: str) -> list[dict[str, str]]:
    response = requests.get(url, timeout=60)
    response.raise_for_status()
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def _year_csvs(portal, name: str) -> dict[int, list[dict[str, str]]]:
    package = portal.ckan.action.package_show(id=name)
    return {int(r["tahun"]): _rows(r["url"]) for r in package["resources"] if r.get("tahun")}


def _village_rows(portal, record_type: str) -> dict[int, list[dict[str, str]]]:
    by_year: dict[int, list[dict[str, str]]] = {}
    for kode in TUALAN_HULU:
        v = villages()[kode]
        for year, rows in _year_csvs(portal, f"{record_type}-{v.kode}-{v.slug}").items():
            if year in SAMPLE_YEARS:
                by_year.setdefault(year, []).extend(rows)
    return by_year


def test_combined_datasets_hold_exactly_the_village_rows(portal, district_run):
    assert not district_run.failures
    for record_type in RECORD_TYPES:
        combined = _year_csvs(portal, f"{record_type}-semua-desa-kotim")
        villages_ = _village_rows(portal, record_type)
        assert sorted(combined) == sorted(villages_)
        for year, rows in combined.items():
            key = lambda r: tuple(sorted(r.items()))
            assert Counter(map(key, rows)) == Counter(map(key, villages_[year]))
    apbdes = _village_rows(portal, "apbdes")
    combined = _year_csvs(portal, "apbdes-semua-desa-kotim")
    for year in apbdes:
        total = sum(Decimal(r["anggaran"]) for r in apbdes[year])
        assert sum(Decimal(r["anggaran"]) for r in combined[year]) == total > 0


def test_parquet_has_every_row_typed(portal, district_run, tmp_path):
    package = portal.ckan.action.package_show(id="apbdes-semua-desa-kotim")
    [parquet] = [r for r in package["resources"] if r.get("desa_key") == "parquet-semua-tahun"]
    path = tmp_path / "apbdes.parquet"
    path.write_bytes(requests.get(parquet["url"], timeout=60).content)
    count, total = duckdb.connect().execute(
        f"SELECT count(*), sum(anggaran) FROM '{path}'").fetchone()
    village = [r for rows in _village_rows(portal, "apbdes").values() for r in rows]
    assert count == len(village)
    assert total == sum(Decimal(r["anggaran"]) for r in village)


def test_indicators_equal_the_sums_of_the_village_datasets(portal, district_run):
    indicators = _year_csvs(portal, "indikator-desa-kotim")
    apbdes = _village_rows(portal, "apbdes")
    kegiatan = _village_rows(portal, "kegiatan")
    musyawarah = _village_rows(portal, "musyawarah")
    for year, rows in indicators.items():
        assert {r["kode_desa"] for r in rows} == set(TUALAN_HULU)
        for row in rows:
            mine = [r for r in apbdes.get(year, []) if r["kode_desa"] == row["kode_desa"]]
            spend = [r for r in mine if r["kode_rekening"].startswith("5.")]
            assert Decimal(row["total_belanja"]) == sum(Decimal(r["anggaran"]) for r in spend)
            assert Decimal(row["dana_desa"]) == sum(
                Decimal(r["anggaran"]) for r in mine if r["kode_rekening"].startswith("4.2.1."))
            assert int(row["jumlah_kegiatan"]) == sum(
                r["kode_desa"] == row["kode_desa"] for r in kegiatan.get(year, []))
            assert int(row["jumlah_musyawarah"]) == sum(
                r["kode_desa"] == row["kode_desa"] for r in musyawarah.get(year, []))
            shares = [Decimal(row[f"belanja_bidang_{b}_persen"]) for b in range(1, 6)]
            assert abs(sum(shares) - 100) <= Decimal("0.5")


def test_district_datasets_have_charts_data_packages_and_order(portal, district_run):
    package = portal.ckan.action.package_show(id="indikator-desa-kotim")
    keys = [r.get("desa_key") for r in package["resources"]]
    years = [k for k in keys if k.startswith("tahun-")]
    assert keys[:len(years)] == sorted(years, reverse=True)
    chart = next(r for r in package["resources"] if r["format"] == "PNG")
    assert requests.get(chart["url"], timeout=30).content.startswith(b"\x89PNG")
    fiscal = portal.ckan.action.package_show(id="apbdes-semua-desa-kotim")
    [dp] = [r for r in fiscal["resources"] if r.get("desa_key") == "datapackage"]
    descriptor = json.loads(requests.get(dp["url"], timeout=30).content)
    assert descriptor["profile"] == "fiscal-data-package"
    csv_urls = {r["url"] for r in fiscal["resources"] if r["format"] == "CSV"}
    assert {r["path"] for r in descriptor["resources"] if r["format"] == "csv"} == csv_urls
    assert fiscal["organization"]["name"] == "dpmd-kotim"


def test_an_unchanged_district_run_writes_nothing(portal, sample_run, run_pipeline, district_run):
    inbox, warehouse, _ = sample_run
    again = run_pipeline(inbox, warehouse, district=True)
    assert again.write_calls == 0
    # their plan key is recorded with each portal copy as the run left it, so the next run does
    # not even build their plans (flows/publish_district.py, _as_left: tests/unit/test_plan_keys.py)
    names = [f"{kind}-semua-desa-kotim" for kind in RECORD_TYPES] + ["indikator-desa-kotim",
                                                                    district_config().links.name]
    with Warehouse(warehouse) as w:
        recorded = dict(w.con.execute("SELECT dataset, metadata_modified FROM settled_plans "
                                      "WHERE list_contains(?, dataset)", [names]).fetchall())
    assert recorded == {n: portal.ckan.action.package_show(id=n)["metadata_modified"] for n in names}
