"""Operations on the real local portal: the compliance dataset matches `desa status`; a held
file is approved and `desa run --village` publishes only that village; `desa retract` makes a
dataset private at once, anonymous readers are refused, later runs keep it so until `desa restore`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from ckanapi import RemoteCKAN
from ckanapi.errors import NotAuthorized

from desa_terbuka.authoring.sample import generate
from desa_terbuka.core.reference import villages
from tests.unit.test_curation import _jump

pytestmark = pytest.mark.integration
MERAH, LUWUK, JATI = "62.02.16.2003", "62.02.16.2001", "62.02.16.2011"
KEEP = (MERAH, LUWUK, JATI)
COMPLIANCE = "kepatuhan-publikasi-data-desa"


def dataset_name(record_type: str, kode: str) -> str:
    return f"{record_type}-{villages()[kode].kode}-{villages()[kode].slug}"


def folder(inbox: Path, kode: str) -> Path:
    return inbox / f"{kode}-{villages()[kode].slug}"


@pytest.fixture(scope="module")
def district(tmp_path_factory, run_pipeline):
    """Three desa of Tualan Hulu, 2023-2024; Jati Waringin's 2024 APBDes jumps 4x (held)."""
    root = tmp_path_factory.mktemp("operations")
    inbox = root / "inbox"
    generate(inbox, years=(2023, 2024))
    for path in inbox.iterdir():
        if not path.name.startswith(KEEP):
            shutil.rmtree(path)
    _jump(folder(inbox, JATI) / "apbdes_2024.csv", folder(inbox, JATI) / "apbdes_2024.csv")
    warehouse = root / "data" / "warehouse.duckdb"
    summary = run_pipeline(inbox, warehouse, compliance=True)
    return inbox, warehouse, summary


def desa(portal, warehouse: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CKAN_URL": portal.url, "CKAN_API_TOKEN": portal.token,
           "DESA_WAREHOUSE": str(warehouse)}
    return subprocess.run([sys.executable, "-m", "desa_terbuka.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_compliance_dataset_on_the_portal_matches_desa_status(portal, district) -> None:
    _, warehouse, summary = district
    assert summary.compliance == COMPLIANCE and not summary.failures
    shown = desa(portal, warehouse, "status", "--json")
    assert shown.returncode == 0, shown.stderr
    board = json.loads(shown.stdout)
    want = {(r["kode_desa"], r["jenis_data"], r["tahun"]): (r["status"], r["hari_terlambat"], r["terbit"])
            for r in board["baris"]}
    assert len(want) == 168 * 3 * len({r["tahun"] for r in board["baris"]})
    anonymous = RemoteCKAN(portal.url)
    package = anonymous.action.package_show(id=COMPLIANCE)  # public
    assert package["organization"]["name"] == "dpmd-kotim"
    assert package["kualitas_tanggal_diperiksa"] == board["per_tanggal"]  # the board's date
    assert package["walidata"] == "DPMD Kabupaten Kotawaringin Timur"  # Satu Data fields
    got = {}
    for resource in (r for r in package["resources"] if r.get("tahun")):
        text = requests.get(resource["url"], timeout=30).content.decode("utf-8")
        for row in csv.DictReader(io.StringIO(text)):
            got[(row["kode_desa"], row["jenis_data"], int(row["tahun"]))] = (
                row["status"], int(row["hari_terlambat"]), row["terbit"])
        table = portal.ckan.action.datastore_search(resource_id=resource["id"], limit=0)
        assert table["total"] == sum(1 for k in want if k[2] == int(resource["tahun"]))
    assert got == want
    assert {s for s, *_ in got.values()} >= {"tepat-waktu", "terlambat", "belum-masuk"}
    assert got[(MERAH, "apbdes", 2024)][2] == "ya"
    charts = {r["format"]: r for r in package["resources"] if not r.get("tahun")}
    assert requests.get(charts["PNG"]["url"], timeout=30).content.startswith(b"\x89PNG")


def test_a_held_file_is_approved_and_run_village_publishes_only_that_village(
        portal, district, run_pipeline) -> None:
    inbox, warehouse, summary = district
    [held] = [o for o in summary.outcomes if o.verdict == "held"]
    assert held.villages == [JATI]
    held_sha = hashlib.sha256(Path(held.file).read_bytes()).hexdigest()

    def source_2024() -> str | None:  # other tests may have published this desa before
        package = portal.ckan.action.package_show(id=dataset_name("apbdes", JATI))
        return next((r.get("sumber_sha256") for r in package["resources"] if r.get("tahun") == "2024"), None)

    assert source_2024() != held_sha  # held: not published
    listed = desa(portal, warehouse, "review", "--json")
    [item] = json.loads(listed.stdout)
    assert item["status"] == "held"
    approved = desa(portal, warehouse, "approve", item["id"][:10], "--reason",
                    "Bantuan provinsi naik (SK Gubernur 2024)", "--by", "Petugas Uji", "--no-publish")
    assert approved.returncode == 0, approved.stderr
    again = run_pipeline(inbox, warehouse, villages=[JATI], compliance=True)
    assert {r.dataset for r in again.published} - {COMPLIANCE} <= {
        dataset_name(t, JATI) for t in ("apbdes", "kegiatan", "musyawarah")}
    assert source_2024() == held_sha  # approved: published
    log = json.loads(desa(portal, warehouse, "status", "--json").stdout)["riwayat_kurasi"]
    assert [(e["tindakan"], e["oleh"]) for e in log] == [("approve", "Petugas Uji")]


def test_retract_is_immediate_and_survives_later_runs_until_restore(portal, district, run_pipeline) -> None:
    inbox, warehouse, _ = district
    name = dataset_name("apbdes", MERAH)
    anonymous = RemoteCKAN(portal.url)
    assert anonymous.action.package_show(id=name)["name"] == name
    done = desa(portal, warehouse, "retract", name, "--reason", "NIK warga di kolom keterangan",
                "--by", "Petugas Uji")
    assert done.returncode == 0, done.stderr
    with pytest.raises(NotAuthorized):
        anonymous.action.package_show(id=name)
    assert requests.get(f"{portal.url}/dataset/{name}", timeout=30).status_code in (403, 404)
    # Someone makes it public by hand, and the village sends a new version: the next run puts
    # it back to private and publishes nothing into it.
    portal.ckan.action.package_patch(id=name, private=False)
    before = {r["tahun"]: r["desa_content_hash"] for r in portal.ckan.action.package_show(id=name)["resources"]
              if r.get("tahun")}
    path = folder(inbox, MERAH) / "apbdes_2024.csv"
    text = path.read_text(encoding="utf-8")
    changed = text.replace("Dana Desa TA 2024,", "Dana Desa TA 2024 (tahap I-III),", 1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    later = run_pipeline(inbox, warehouse, compliance=True)
    assert name in later.withheld and name not in {r.dataset for r in later.published}
    with pytest.raises(NotAuthorized):
        anonymous.action.package_show(id=name)
    package = portal.ckan.action.package_show(id=name)
    assert package["private"] is True
    assert {r["tahun"]: r["desa_content_hash"] for r in package["resources"] if r.get("tahun")} == before
    board = json.loads(desa(portal, warehouse, "status", "--json").stdout)
    row = next(r for r in board["baris"] if (r["kode_desa"], r["jenis_data"], r["tahun"]) == (MERAH, "apbdes", 2024))
    assert row["terbit"] == "ditarik"
    assert [e["tindakan"] for e in board["riwayat_kurasi"]][-1] == "retract"
    restored = desa(portal, warehouse, "restore", name, "--reason", "Sudah dibersihkan", "--by", "Petugas Uji")
    assert restored.returncode == 0, restored.stderr
    assert anonymous.action.package_show(id=name)["name"] == name
    final = run_pipeline(inbox, warehouse, compliance=True)
    assert name in {r.dataset for r in final.published} and not final.withheld
    after = {r["tahun"]: r["desa_content_hash"] for r in portal.ckan.action.package_show(id=name)["resources"]
             if r.get("tahun")}
    assert after["2024"] != before["2024"] and after["2023"] == before["2023"]
