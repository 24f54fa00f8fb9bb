"""The whole path on the real local portal: sample submissions → flow → CKAN, read back with ckanapi."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import requests
from ckanapi.errors import NotFound

from desa_terbuka.authoring.sample import generate
from desa_terbuka.core.reference import villages

pytestmark = pytest.mark.integration

TUALAN_HULU = sorted(k for k, v in villages().items() if v.kode_kecamatan == "62.02.16")
RECORD_TYPES = ("apbdes", "kegiatan", "musyawarah")
YEARS = (2023, 2024, 2025)


def dataset_name(record_type: str, kode_desa: str) -> str:
    village = villages()[kode_desa]
    return f"{record_type}-{village.kode}-{village.slug}"


def test_every_desa_of_tualan_hulu_has_three_datasets_with_one_csv_per_year(portal, sample_run):
    assert len(TUALAN_HULU) == 11
    _, _, summary = sample_run
    assert not summary.failures
    assert all(o.verdict in ("accepted", "unchanged-accepted") for o in summary.outcomes)
    for kode in TUALAN_HULU:
        for record_type in RECORD_TYPES:
            package = portal.ckan.action.package_show(id=dataset_name(record_type, kode))
            assert package["license_id"] == "CC-BY-4.0"
            assert package["organization"]["name"].startswith(f"desa-{kode.replace('.', '')}")
            assert package["kode_desa"] == kode  # schema fields: top level, not extras
            assert package["kecamatan"] == "Tualan Hulu"
            assert package["tahun_tercakup"] == "2023, 2024, 2025"
            assert package["walidata"] == "DPMD Kabupaten Kotawaringin Timur"
            assert package["jadwal_pemutakhiran"] == "Tahunan"
            assert (package["temporal_start"], package["temporal_end"]) == (
                "2023-01-01", "2025-12-31")
            yearly = [r for r in package["resources"] if r.get("tahun")]
            assert sorted(int(r["tahun"]) for r in yearly) == list(YEARS)
            assert all(r["datastore_active"] for r in yearly)
            # newest year first, the quality report last; between them the latest CSV, the
            # infographics (APBDes) and the data package
            keys = [r.get("desa_key") for r in package["resources"]]
            assert keys[:3] == [f"tahun-{y}" for y in sorted(YEARS, reverse=True)]
            assert keys[-1] == "laporan-kualitas"
            assert {"terbaru-csv", "datapackage"} <= set(keys)
            assert package["kualitas_status"] == "baik"
            assert {g["name"] for g in package["groups"]} == {
                {"apbdes": "keuangan-desa", "kegiatan": "kegiatan-desa",
                 "musyawarah": "musyawarah-desa"}[record_type], "kecamatan-tualan-hulu"}


def test_dataset_pages_answer_200_and_csvs_download_with_the_published_hash(portal, sample_run):
    kode = TUALAN_HULU[2]  # Merah
    for record_type in RECORD_TYPES:
        package = portal.ckan.action.package_show(id=dataset_name(record_type, kode))
        page = requests.get(f"{portal.url}/dataset/{package['name']}", timeout=30)
        assert page.status_code == 200
        assert villages()[kode].nama_desa in page.text
        for resource in package["resources"]:
            if not resource.get("tahun"):
                continue
            download = requests.get(resource["url"], timeout=30)
            assert download.status_code == 200
            assert hashlib.sha256(download.content).hexdigest() == resource["desa_content_hash"]
            header = next(csv.reader(io.StringIO(download.content.decode("utf-8"))))
            assert header[0] == "kode_desa"


def test_datastore_has_the_schema_dictionary_primary_key_rows_and_table_view(portal, sample_run):
    package = portal.ckan.action.package_show(id=dataset_name("apbdes", TUALAN_HULU[0]))
    resource = next(r for r in package["resources"] if r["tahun"] == "2024")
    result = portal.ckan.action.datastore_search(resource_id=resource["id"], limit=1000)
    fields = {f["id"]: f for f in result["fields"]}
    assert fields["anggaran"]["type"] == "numeric"
    assert fields["kode_rekening"]["info"]["label"] == "Kode rekening"
    assert result["total"] == int(resource["jumlah_baris"])
    info = portal.ckan.action.datastore_info(id=resource["id"])
    assert info["meta"]["count"] == result["total"]
    views = portal.ckan.action.resource_view_list(id=resource["id"])
    assert [v["view_type"] for v in views] == ["datatables_view"]


def test_portal_totals_equal_the_totals_in_the_submitted_files(portal, sample_run):
    inbox, _, _ = sample_run
    kode = TUALAN_HULU[4]
    source = inbox / f"{kode}-{villages()[kode].slug}" / "apbdes_2024.csv"
    with open(source, encoding="utf-8") as f:
        expected = sum(Decimal(r["anggaran"]) for r in csv.DictReader(f))
    package = portal.ckan.action.package_show(id=dataset_name("apbdes", kode))
    resource = next(r for r in package["resources"] if r["tahun"] == "2024")
    rows = portal.ckan.action.datastore_search(resource_id=resource["id"], limit=5000)["records"]
    assert sum(Decimal(str(r["anggaran"])) for r in rows) == expected


def test_second_run_with_unchanged_inputs_makes_zero_ckan_writes(portal, sample_run, run_pipeline):
    inbox, warehouse, _ = sample_run
    names = [dataset_name(t, k) for k in TUALAN_HULU for t in RECORD_TYPES]
    before = {n: portal.ckan.action.package_show(id=n)["metadata_modified"] for n in names}
    again = run_pipeline(inbox, warehouse)
    assert again.write_calls == 0
    assert again.change_count == 0
    assert {o.verdict for o in again.outcomes} == {"unchanged-accepted"}
    after = {n: portal.ckan.action.package_show(id=n)["metadata_modified"] for n in names}
    assert after == before


def test_a_fresh_warehouse_still_makes_zero_writes_because_the_portal_is_compared(
        portal, sample_run, run_pipeline, tmp_path):
    inbox, _, _ = sample_run
    day = date.today()
    again = run_pipeline(inbox, tmp_path / "other.duckdb")
    if date.today() != day:
        pytest.skip("the run crossed midnight: the quality reports' check date rightly changed")
    assert again.write_calls == 0


def test_changed_submission_rewrites_only_the_resource_it_affects(portal, run_pipeline, tmp_path):
    inbox = tmp_path / "inbox"
    generate(inbox, kecamatan="62.02.14", years=(2023, 2024))  # Telawang
    warehouse = tmp_path / "warehouse.duckdb"
    run_pipeline(inbox, warehouse)
    kode = sorted(k for k, v in villages().items() if v.kode_kecamatan == "62.02.14"
                  and v.jenis == "desa")[0]
    name = dataset_name("apbdes", kode)
    before = {r.get("tahun"): r for r in portal.ckan.action.package_show(id=name)["resources"]}

    path = inbox / f"{kode}-{villages()[kode].slug}" / "apbdes_2024.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[-1]["uraian"] += " (revisi)"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    summary = run_pipeline(inbox, warehouse)
    changed = {r.dataset: r.changes for r in summary.published if r.changes}
    assert list(changed) == [name]
    assert any(c.startswith("CSV 2024 diperbarui") for c in changed[name])
    after = {r.get("tahun"): r for r in portal.ckan.action.package_show(id=name)["resources"]}
    assert after["2023"]["metadata_modified"] == before["2023"]["metadata_modified"]
    assert after["2024"]["desa_content_hash"] != before["2024"]["desa_content_hash"]
    # The new version was built on its own resource and switched in (publish/sync.py): the
    # year's CKAN id changes, its address by our identity (dataset name, tahun) does not, and
    # the old one is gone, not left beside it.
    assert after["2024"]["id"] != before["2024"]["id"]
    assert after["2023"]["id"] == before["2023"]["id"]
    package = portal.ckan.action.package_show(id=name)
    assert [r.get("tahun") for r in package["resources"]].count("2024") == 1
    assert not any(r.get("desa_staging") for r in package["resources"])
    table = portal.ckan.action.datastore_search(resource_id=after["2024"]["id"], limit=0)
    assert table["total"] == int(after["2024"]["jumlah_baris"])


def test_invalid_submission_is_reported_by_row_and_column_and_not_published(
        portal, run_pipeline, tmp_path):
    kode = "62.02.01.2003"  # Palangan, Kota Besi: nothing else publishes it
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "palangan_apbdes_2024.csv").write_text(
        "Kode Desa;Tahun Anggaran;Tahap;Kode Rekening;Uraian;Kode Kegiatan;Sumber Dana;Anggaran\n"
        f"{kode};2024;anggaran;4.2.1.01;Dana Desa;0.0.00;DDS;850.000.000\n"
        f"{kode};2024;anggaran;5.1.1.01;Siltap Kepala Desa;1.1.01;ADD;tiga juta\n",
        encoding="cp1252")
    summary = run_pipeline(inbox, tmp_path / "warehouse.duckdb")
    [outcome] = summary.outcomes
    assert outcome.verdict == "rejected"
    [finding] = [f for f in outcome.findings if f.level == "error"]
    assert (finding.row, finding.field, finding.code) == (3, "anggaran", "invalid-number")
    with pytest.raises(NotFound):
        portal.ckan.action.package_show(id=dataset_name("apbdes", kode))
    [kept] = (tmp_path / "quarantine" / kode).iterdir()  # kept with its report, not lost
    assert (kept / "palangan_apbdes_2024.csv").read_bytes() == (inbox / "palangan_apbdes_2024.csv").read_bytes()
    assert "baris 3, kolom anggaran" in (kept / "laporan.txt").read_text(encoding="utf-8")


def _rewrite(path: Path, change) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_cross_dataset_error_blocks_the_submission_and_the_last_good_version_stays(
        portal, run_pipeline, tmp_path):
    inbox = tmp_path / "inbox"
    generate(inbox, kecamatan="62.02.15", years=(2024,))  # Bukit Santuai
    warehouse = tmp_path / "warehouse.duckdb"
    run_pipeline(inbox, warehouse)
    kode = sorted(k for k, v in villages().items() if v.kode_kecamatan == "62.02.15")[0]
    name = dataset_name("apbdes", kode)
    [before] = portal.ckan.action.package_show(id=name)["resources"][:1]

    # Spending that the income cannot cover: a cross-row rule (DuckDB), not a per-cell one.
    path = inbox / f"{kode}-{villages()[kode].slug}" / "apbdes_2024.csv"
    def overspend(rows):
        line = next(r for r in rows if r["kode_rekening"].startswith("5."))
        line["anggaran"] = str(int(line["anggaran"]) + 900_000_000)
        line["realisasi"] = ""
    _rewrite(path, overspend)

    summary = run_pipeline(inbox, warehouse)
    [outcome] = [o for o in summary.outcomes if o.file == str(path)]
    assert outcome.verdict == "rejected"
    assert "apbdes-deficit-unfunded" in {f.code for f in outcome.findings if f.level == "error"}
    after = next(r for r in portal.ckan.action.package_show(id=name)["resources"]
                 if r["id"] == before["id"])
    assert after["desa_content_hash"] == before["desa_content_hash"]


def test_warnings_publish_with_the_quality_note_visible_on_the_dataset(portal, run_pipeline, tmp_path):
    inbox = tmp_path / "inbox"
    generate(inbox, kecamatan="62.02.11", years=(2024,))  # Teluk Sampit
    kode = sorted(k for k, v in villages().items() if v.kode_kecamatan == "62.02.11")[0]
    path = inbox / f"{kode}-{villages()[kode].slug}" / "musyawarah_2024.csv"
    def no_women_count(rows):
        rows[0]["hadir_perempuan"] = ""
    _rewrite(path, no_women_count)

    summary = run_pipeline(inbox, tmp_path / "warehouse.duckdb")
    [outcome] = [o for o in summary.outcomes if o.file == str(path)]
    assert outcome.verdict == "accepted"
    assert [f.code for f in outcome.findings if f.level != "info"] == ["musyawarah-women-not-reported"]
    package = portal.ckan.action.package_show(id=dataset_name("musyawarah", kode))
    assert package["kualitas_status"] == "ada peringatan"
    assert package["kualitas_jumlah_peringatan"] == "1"
    [report] = [r for r in package["resources"] if r["name"] == "Laporan Kualitas Data"]
    html = requests.get(report["url"], timeout=30)
    assert html.status_code == 200
    assert "musyawarah-women-not-reported" in html.text and "<script" not in html.text
    assert "http" not in html.text.split("<body", 1)[1]  # opens offline: no external resources
