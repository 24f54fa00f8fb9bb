"""End-to-end checks of the local CKAN 2.12 portal: the calls the publisher relies on."""
from __future__ import annotations

import io
import json
import uuid

import pytest
import requests

pytestmark = pytest.mark.integration

CSV = ("kode_desa,nama_desa,jumlah_penduduk\n"
       "6202010001,Pelangsian,4210\n6202010002,Mentawa Baru Hilir,5120\n")


def sdi_fields(produsen: str = "Pemerintah Desa Uji") -> dict[str, str]:
    """The Satu Data Indonesia fields the portal's schema requires."""
    return {"produsen_data": produsen, "walidata": "DPMD Kabupaten Kotawaringin Timur",
            "kode_referensi": "UJI-1", "jadwal_pemutakhiran": "Tahunan",
            "cakupan_wilayah": "Kabupaten Kotawaringin Timur"}


@pytest.fixture(scope="module")
def published(portal):
    """One organization + dataset + uploaded CSV resource per test run (unique names)."""
    suffix = uuid.uuid4().hex[:8]
    org = portal.ckan.action.organization_create(
        name=f"desa-uji-{suffix}", title=f"Desa Uji {suffix}")
    pkg = portal.ckan.action.package_create(
        name=f"penduduk-desa-{suffix}", title=f"Jumlah Penduduk Desa Zamrud{suffix}",
        owner_org=org["id"], license_id="CC-BY-4.0", notes="Data kependudukan per desa.",
        tags=[{"name": "kependudukan"}, {"name": f"uji-{suffix}"}],
        extras=[{"key": "kode_kabupaten", "value": "6202"}],
        **sdi_fields(f"Pemdes {suffix}"))
    res = portal.ckan.action.resource_create(
        package_id=pkg["id"], name="penduduk.csv", format="CSV",
        upload=("penduduk.csv", io.BytesIO(CSV.encode())))
    return {"suffix": suffix, "org": org, "pkg": pkg, "res": res}


def test_status_show(portal):
    status = portal.ckan.action.status_show()
    assert status["ckan_version"] == "2.12.0"
    assert {"datastore", "activity", "scheming_datasets", "dcat", "structured_data"} <= set(
        status["extensions"])


def test_dataset_has_schema_fields_extras_and_tags(portal, published):
    pkg = portal.ckan.action.package_show(id=published["pkg"]["name"])
    assert pkg["produsen_data"] == f"Pemdes {published['suffix']}"  # top level (scheming)
    assert pkg["jadwal_pemutakhiran"] == "Tahunan"
    extras = {e["key"]: e["value"] for e in pkg["extras"]}
    assert extras == {"kode_kabupaten": "6202"}  # free extras outside the schema still work
    assert {t["name"] for t in pkg["tags"]} >= {"kependudukan", f"uji-{published['suffix']}"}
    assert pkg["organization"]["name"] == published["org"]["name"]


def test_upload_download(portal, published):
    url = published["res"]["url"]
    assert url.startswith(portal.url)
    resp = requests.get(url, timeout=10)
    assert resp.status_code == 200
    assert resp.text == CSV


def test_datastore_create_and_search(portal, published):
    res_id = published["res"]["id"]
    portal.ckan.action.datastore_create(
        resource_id=res_id, force=True, primary_key=["kode_desa"],
        fields=[{"id": "kode_desa", "type": "text"}, {"id": "nama_desa", "type": "text"},
                {"id": "jumlah_penduduk", "type": "int"}],
        records=[{"kode_desa": "6202010001", "nama_desa": "Pelangsian", "jumlah_penduduk": 4210},
                 {"kode_desa": "6202010002", "nama_desa": "Mentawa Baru Hilir",
                  "jumlah_penduduk": 5120}])
    found = portal.ckan.action.datastore_search(resource_id=res_id,
                                                filters={"kode_desa": "6202010002"})
    assert found["total"] == 1
    assert found["records"][0]["jumlah_penduduk"] == 5120
    sql = portal.ckan.action.datastore_search_sql(
        sql=f'SELECT SUM(jumlah_penduduk) AS n FROM "{res_id}"')
    assert int(sql["records"][0]["n"]) == 9330
    view = portal.ckan.action.resource_view_create(
        resource_id=res_id, title="Tabel", view_type="datatables_view")
    assert view["view_type"] == "datatables_view"


def test_package_search_free_text_and_fq(portal, published):
    suffix, name = published["suffix"], published["pkg"]["name"]
    by_text = portal.ckan.action.package_search(q=f"zamrud{suffix}")
    assert [p["name"] for p in by_text["results"]] == [name]
    by_tag = portal.ckan.action.package_search(fq=f'tags:"uji-{suffix}"')
    assert [p["name"] for p in by_tag["results"]] == [name]
    by_org = portal.ckan.action.package_search(
        fq=f'organization:{published["org"]["name"]}',
        **{"facet.field": json.dumps(["tags", "res_format"])})
    assert by_org["count"] == 1
    assert by_org["facets"]["res_format"] == {"CSV": 1}
    by_extra = portal.ckan.action.package_search(q=f"pemdes {suffix}")
    assert name in [p["name"] for p in by_extra["results"]]


@pytest.mark.parametrize("path", [
    "/", "/dataset/", "/dataset/{pkg}", "/organization/{org}", "/organization/",
    "/dataset/?q=penduduk&tags=kependudukan&sort=title_string+asc", "/dataset/activity/{pkg}"])
def test_html_pages(portal, published, path):
    url = portal.url + path.format(pkg=published["pkg"]["name"], org=published["org"]["name"])
    resp = requests.get(url, timeout=20)
    assert resp.status_code == 200, url


def test_deleted_dataset_leaves_search(portal, published):
    suffix = published["suffix"]
    extra = portal.ckan.action.package_create(
        name=f"hapus-{suffix}", title=f"Sementara Kuarsa{suffix}",
        owner_org=published["org"]["id"], **sdi_fields())
    assert portal.ckan.action.package_search(q=f"kuarsa{suffix}")["count"] == 1
    portal.ckan.action.package_delete(id=extra["id"])
    assert portal.ckan.action.package_search(q=f"kuarsa{suffix}")["count"] == 0
