"""The portal as in production: gunicorn workers, activity, the scheming schema, DCAT.

Datasets come from the real pipeline (the `sample_run` fixture), so what is checked here is what
a visitor and a harvester see of the pipeline's output.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from ckanapi.errors import ValidationError

from desa_terbuka.core.reference import villages
from devportal import web
from tests import portals

pytestmark = pytest.mark.integration

MERAH = "62.02.16.2003"
BOOKKEEPING = ("desa_metadata_hash", "sumber_hash", "versi_pipeline", "desa_content_hash",
               "desa_key", "sumber_sha256")
SDI = {"produsen_data": "Pemerintah Desa Uji", "walidata": "DPMD Kabupaten Kotawaringin Timur",
       "kode_referensi": "UJI-2", "jadwal_pemutakhiran": "Tahunan",
       "cakupan_wilayah": "Kabupaten Kotawaringin Timur"}


def dataset_name(record_type: str, kode_desa: str) -> str:
    village = villages()[kode_desa]
    return f"{record_type}-{village.kode}-{village.slug}"


@pytest.fixture(scope="module")
def org(portal):
    suffix = uuid.uuid4().hex[:8]
    return portal.ckan.action.organization_create(name=f"uji-ext-{suffix}",
                                                  title=f"Uji ekstensi {suffix}")


def test_more_than_one_worker_process_serves_a_burst_of_concurrent_requests(portal):
    lay = portals.TEST_PORTAL
    workers = web.workers(lay)
    assert len(workers) >= 2, workers
    probe = uuid.uuid4().hex
    seen: set[str] = set()
    for burst in range(5):  # which worker accepts a connection is up to the kernel
        urls = [f"{portal.url}/dataset/?q=apbdes&probe={probe}-{burst}-{i}" for i in range(12)]
        with ThreadPoolExecutor(max_workers=12) as pool:
            codes = list(pool.map(lambda u: requests.get(u, timeout=60).status_code, urls))
        assert codes == [200] * len(urls)
        time.sleep(0.5)  # access lines are written after the response
        log = lay.log("ckan-access").read_text()
        seen = set(re.findall(rf"probe={probe}-\S+ HTTP/1\.1\" 200 .* <(\d+)>", log))
        if len(seen) >= 2:
            break
    assert len(seen) >= 2, f"one worker served every request: {seen}"
    assert seen <= {str(pid) for pid in workers}


def test_activity_stream_of_a_published_dataset(portal, sample_run):
    name = dataset_name("apbdes", MERAH)
    page = requests.get(f"{portal.url}/dataset/activity/{name}", timeout=30)
    assert page.status_code == 200
    kinds, offset = set(), 0
    while True:  # newest first, paged: the dataset's creation is the oldest entry
        page_of = portal.ckan.action.package_activity_list(id=name, offset=offset, limit=100)
        kinds |= {a["activity_type"] for a in page_of}
        if not page_of:
            break
        offset += len(page_of)
    assert {"new package", "changed package"} <= kinds


@pytest.mark.parametrize("missing", sorted(SDI))
def test_a_dataset_without_a_required_sdi_field_is_rejected(portal, org, missing):
    fields = {k: v for k, v in SDI.items() if k != missing}
    name = f"tanpa-{missing.replace('_', '-')}-{uuid.uuid4().hex[:6]}"
    with pytest.raises(ValidationError) as refused:
        portal.ckan.action.package_create(name=name, title="Uji", owner_org=org["id"], **fields)
    assert missing in refused.value.error_dict
    assert portal.ckan.action.package_search(q=f"name:{name}", include_private=True)["count"] == 0


def test_an_update_schedule_outside_the_schemas_choices_is_rejected(portal, org):
    with pytest.raises(ValidationError) as refused:
        portal.ckan.action.package_create(name=f"jadwal-{uuid.uuid4().hex[:6]}", title="Uji",
                                          owner_org=org["id"],
                                          **{**SDI, "jadwal_pemutakhiran": "kadang-kadang"})
    assert "jadwal_pemutakhiran" in refused.value.error_dict


def test_bookkeeping_fields_never_appear_on_the_dataset_or_resource_page(portal, sample_run):
    package = portal.ckan.action.package_show(id=dataset_name("apbdes", MERAH))
    [year] = [r for r in package["resources"] if r.get("tahun") == "2024"]
    secrets = [package["desa_metadata_hash"], package["sumber_hash"], year["desa_content_hash"],
               year["sumber_sha256"]]
    assert all(secrets)  # the API keeps them for the pipeline's change detection
    for path in (f"/dataset/{package['name']}", f"/dataset/{package['name']}/resource/{year['id']}"):
        html = requests.get(portal.url + path, timeout=30).text
        assert "Walidata" in html or "Tahun" in html  # the labelled fields are there
        for needle in [*secrets, *BOOKKEEPING, *(f.replace("_", " ") for f in BOOKKEEPING)]:
            assert needle.lower() not in html.lower(), (path, needle)
    page = requests.get(f"{portal.url}/dataset/{package['name']}", timeout=30).text
    for label in ("Produsen data", "Walidata", "Kode referensi", "Jadwal pemutakhiran",
                  "Cakupan wilayah", "Kode desa (Kemendagri)"):
        assert label in page
    resource_page = requests.get(
        f"{portal.url}/dataset/{package['name']}/resource/{year['id']}", timeout=30).text
    assert "Jumlah baris" in resource_page


def test_dataset_pages_carry_schema_org_json_ld(portal, sample_run):
    html = requests.get(f"{portal.url}/dataset/{dataset_name('kegiatan', MERAH)}", timeout=30).text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    graph = [node for block in blocks for node in json.loads(block).get("@graph", [])]
    assert any(node.get("@type") == "schema:Dataset" for node in graph)


@pytest.mark.parametrize("fmt", ["jsonld", "ttl", "rdf"])
def test_dcat_dataset_endpoints_map_our_fields_the_dcat_ap_way(portal, sample_run, fmt):
    package = portal.ckan.action.package_show(id=dataset_name("musyawarah", MERAH))
    resp = requests.get(f"{portal.url}/dataset/{package['name']}.{fmt}", timeout=30)
    assert resp.status_code == 200
    body = resp.text
    assert package["title"] in body
    assert "http://publications.europa.eu/resource/authority/frequency/ANNUAL" in body
    assert package["walidata"] in body and package["produsen_data"] in body  # publisher, creator
    assert package["cakupan_wilayah"] in body  # spatial
    assert "2023-01-01" in body and "2025-12-31" in body  # temporal
    assert package["license_url"] in body  # distributions inherit the dataset's licence
    assert not any(package[f] in body for f in ("desa_metadata_hash", "sumber_hash"))


def catalog_ids(portal) -> set[str]:
    """Dataset ids in /catalog.ttl, following its pages."""
    ids: set[str] = set()
    for page in range(1, 100):
        resp = requests.get(f"{portal.url}/catalog.ttl", params={"page": page}, timeout=60)
        found = set(re.findall(rf"<{re.escape(portal.url)}/dataset/([0-9a-f-]{{36}})> a "
                               r"dcat:Dataset", resp.text)) if resp.status_code == 200 else set()
        if not found:
            assert page > 1, resp.status_code
            return ids
        ids |= found
    raise AssertionError("catalog has more than 99 pages")


def test_catalog_lists_every_public_dataset_and_no_private_one(portal, sample_run, org):
    hidden = portal.ckan.action.package_create(
        name=f"rahasia-{uuid.uuid4().hex[:6]}", title="Draf internal", owner_org=org["id"],
        private=True, **SDI)
    resp = requests.get(f"{portal.url}/catalog.ttl", timeout=60)
    assert resp.status_code == 200 and "turtle" in resp.headers["Content-Type"]
    public = portal.ckan.action.package_search(q="*:*", rows=1000, include_private=False,
                                               fl="id")
    assert public["count"] >= 33
    listed = catalog_ids(portal)
    assert listed == {p["id"] for p in public["results"]}
    assert hidden["id"] not in listed
