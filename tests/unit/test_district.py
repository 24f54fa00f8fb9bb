"""District datasets from a small hand-made warehouse: indicators (leaf lines only, shares,
attendance), combined CSV = the village CSVs joined, typed Parquet, the fiscal data package,
Indonesian number formats. (≈2 s: a DuckDB file in tmp_path, one chart render.)"""

from __future__ import annotations

from decimal import Decimal

import duckdb
import pytest
from frictionless import Package

from desa_terbuka.core.rupiah import persen, rupiah, rupiah_short
from desa_terbuka.publish.datapackage import datapackage
from desa_terbuka.publish.district import (
    combined_plan,
    district_plans,
    indicator_rows,
    indicator_schema,
    public_slices,
)
from desa_terbuka.stage.warehouse import Warehouse

MERAH, SEBUNGSU = "62.02.16.2003", "62.02.16.2005"
APBDES = [  # kode_desa, baris, kode_rekening, kode_kegiatan, anggaran, realisasi
    (MERAH, 1, "4.2", None, 1500, 1500),          # a subtotal above its lines: not added
    (MERAH, 2, "4.2.1.01", None, 1000, 1000),     # Dana Desa
    (MERAH, 3, "4.2.3.01", None, 500, 500),       # ADD
    (MERAH, 4, "5.1.1.01", "1.1.01", 600, 300),
    (MERAH, 5, "5.3.5.01", "2.3.10", 400, 400),
    (SEBUNGSU, 1, "4.2.1.01", None, 800, None),
    (SEBUNGSU, 2, "5.2.1.01", "3.1.01", 800, None),
]


@pytest.fixture()
def warehouse(tmp_path):
    with Warehouse(tmp_path / "w.duckdb") as w:
        con = w.con
        for kode in (MERAH, SEBUNGSU):
            for rt in ("apbdes", "kegiatan", "musyawarah"):
                sid = f"{rt}-{kode}"
                con.execute("INSERT INTO submissions (submission_id, sha256) VALUES (?, ?)", [sid, sid])
                con.execute("INSERT INTO current_slices VALUES (?, ?, 2024, ?, now())", [rt, kode, sid])
        for kode, baris, rek, keg, a, r in APBDES:
            con.execute("INSERT INTO records_apbdes (submission_id, kode_desa, tahun_anggaran, baris, "
                        "tahap, kode_rekening, uraian, kode_kegiatan, sumber_dana, anggaran, realisasi) "
                        "VALUES (?, ?, 2024, ?, 'anggaran', ?, 'x', ?, 'DDS', ?, ?)",
                        [f"apbdes-{kode}", kode, baris, rek, keg, a, r])
        for baris in (1, 2, 3):
            con.execute("INSERT INTO records_kegiatan (submission_id, kode_desa, tahun, baris, "
                        "nama_kegiatan) VALUES (?, ?, 2024, ?, '=HYPERLINK(\"x\")')",
                        [f"kegiatan-{MERAH}", MERAH, baris])
        for baris, men, women in ((1, 6, 4), (2, 10, None)):
            con.execute("INSERT INTO records_musyawarah (submission_id, kode_desa, tanggal, baris, "
                        "hadir_laki_laki, hadir_perempuan) VALUES (?, ?, DATE '2024-03-01', ?, ?, ?)",
                        [f"musyawarah-{MERAH}", MERAH, baris, men, women])
        yield w


def _indicators(warehouse, withheld=frozenset()):
    names, rows = indicator_rows(warehouse, public_slices(warehouse, withheld))
    return {r[0]: dict(zip(names, r)) for r in rows}


def test_indicators_add_leaf_lines_and_follow_the_schema(warehouse):
    names, _ = indicator_rows(warehouse, public_slices(warehouse))
    assert names == [f["name"] for f in indicator_schema()["fields"]]
    merah = _indicators(warehouse)[MERAH]
    assert merah["total_pendapatan"] == 1500  # not 3000: the 4.2 subtotal is not a line
    assert (merah["dana_desa"], merah["alokasi_dana_desa"]) == (1000, 500)
    assert (merah["total_belanja"], merah["realisasi_belanja"]) == (1000, 700)
    assert merah["realisasi_belanja_persen"] == Decimal("70.0")
    assert (merah["belanja_bidang_1_persen"], merah["belanja_bidang_2_persen"],
            merah["belanja_bidang_3_persen"]) == (60, 40, 0)
    assert (merah["jumlah_kegiatan"], merah["jumlah_musyawarah"]) == (3, 2)
    assert merah["kehadiran_perempuan_persen"] == Decimal("40.0")  # only the meeting with both


def test_no_realisation_yet_is_empty_not_zero_percent(warehouse):
    sebungsu = _indicators(warehouse)[SEBUNGSU]
    assert sebungsu["realisasi_belanja"] is None and sebungsu["realisasi_belanja_persen"] is None
    assert sebungsu["jumlah_kegiatan"] == 0 and sebungsu["kehadiran_perempuan_persen"] is None


def test_a_retracted_village_dataset_stays_out_of_the_district_data(warehouse):
    assert SEBUNGSU not in _indicators(warehouse, {"apbdes-6202162005-sebungsu",
                                                   "kegiatan-6202162005-sebungsu",
                                                   "musyawarah-6202162005-sebungsu"})


def test_combined_csv_is_the_village_csvs_joined_and_parquet_has_the_same_rows(warehouse):
    slices = [s for s in public_slices(warehouse) if s.record_type == "apbdes"]
    plan = combined_plan(warehouse, "apbdes", slices)
    [year] = plan.resources
    village_csvs = [warehouse.slice_csv(s) for s in sorted(slices, key=lambda s: s.kode_desa)]
    assert year.csv.splitlines()[1:] == [line for c in village_csvs for line in c.splitlines()[1:]]
    [parquet] = [d for d in plan.documents if d.format == "Parquet"]
    path = warehouse.path.parent / "x.parquet"
    path.write_bytes(parquet.content)
    total = duckdb.connect().execute(f"SELECT sum(anggaran), count(*) FROM '{path}'").fetchone()
    assert total == (Decimal(sum(r[4] for r in APBDES)), len(APBDES))
    again = combined_plan(warehouse, "apbdes", slices)
    assert again.documents[0].content_hash == parquet.content_hash  # byte-stable: no re-upload


def test_every_district_dataset_carries_the_portal_schema_fields(warehouse):
    plans = {p.name: p for p in district_plans(warehouse)}
    assert set(plans) == {"apbdes-semua-desa-kotim", "kegiatan-semua-desa-kotim",
                          "musyawarah-semua-desa-kotim", "indikator-desa-kotim"}
    for plan in plans.values():
        assert plan.organization.name == "dpmd-kotim"
        for key in ("produsen_data", "walidata", "kode_referensi", "jadwal_pemutakhiran",
                    "cakupan_wilayah"):
            assert plan.metadata[key]
    charts = [d for d in plans["indikator-desa-kotim"].documents if d.format == "PNG"]
    assert charts and all(d.content.startswith(b"\x89PNG") for d in charts)


def test_apbdes_data_package_is_a_valid_fiscal_data_package(warehouse):
    slices = [s for s in public_slices(warehouse) if s.record_type == "apbdes"]
    plan = combined_plan(warehouse, "apbdes", slices)
    package = {"resources": [
        {"id": "r1", "desa_key": "tahun-2024", "url": "http://p/x.csv", "format": "CSV", "name": "a",
         "url_type": "upload"},
        {"id": "r2", "desa_key": "parquet-semua-tahun", "url": "http://p/x.parquet",
         "format": "Parquet", "name": "b", "url_type": "upload"},
        {"id": "r3", "desa_key": "datapackage", "url": "http://p/datapackage.json", "format": "JSON",
         "url_type": "upload"},
        {"id": "r4", "desa_key": "terbaru-csv", "url": "http://p/x.csv", "format": "CSV",
         "url_type": ""}]}  # a pointer: it repeats a file, so it is not described again
    descriptor = datapackage(plan, package, "http://p/dataset/x")
    assert descriptor["profile"] == "fiscal-data-package"
    assert set(descriptor["model"]["measures"]) == {"anggaran", "realisasi"}
    columns = {f["name"] for f in descriptor["resources"][0]["schema"]["fields"]}
    for dimension in descriptor["model"]["dimensions"].values():
        assert {a["source"] for a in dimension["attributes"].values()} <= columns
    assert [r["name"] for r in descriptor["resources"]] == ["tahun-2024", "parquet-semua-tahun"]
    report = Package.validate_descriptor({k: v for k, v in descriptor.items() if k != "profile"})
    assert report.valid, report.flatten(["type", "note"])


@pytest.mark.parametrize("value, short, full", [
    (1_234_000_000, "Rp 1,2 M", "Rp 1.234.000.000"), (350_000_000, "Rp 350 jt", "Rp 350.000.000"),
    (2_000_000_000_000, "Rp 2 T", "Rp 2.000.000.000.000"), (950, "Rp 950", "Rp 950")])
def test_rupiah_the_indonesian_way(value, short, full):
    assert (rupiah_short(value), rupiah(value)) == (short, full)
    assert persen(Decimal("93.45")) == "93,5%"




def test_data_package_bytes_do_not_depend_on_the_portal_order(warehouse):
    plan = combined_plan(warehouse, "apbdes", [s for s in public_slices(warehouse)
                                               if s.record_type == "apbdes"])
    resources = [{"id": k, "desa_key": k, "url": f"http://p/{k}", "url_type": "upload",
                  "format": "CSV" if "tahun" in k else "PNG"}
                 for k in ("tahun-2023", "laporan-kualitas", "tahun-2025", "infografis-2025-png")]
    one = datapackage(plan, {"resources": resources}, "http://p")
    other = datapackage(plan, {"resources": resources[::-1]}, "http://p")
    assert one == other
    assert [r["name"] for r in one["resources"]][:2] == ["tahun-2025", "tahun-2023"]
