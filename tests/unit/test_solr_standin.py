"""The Solr stand-in (dev/test only): Lucene subset parser and the HTTP API CKAN uses."""
from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request
from typing import Any

import pytest

from devportal import lucene, solr_ranges, solr_standin

DOCS = [
    {"index_id": "a", "id": "1", "site_id": "s", "entity_type": "package", "state": "active",
     "name": "air-bersih", "title": "Akses Air Bersih Desa", "tags": ["air", "sanitasi"],
     "organization": "desa-a", "res_format": ["CSV"], "capacity": "public",
     "permission_labels": ["public"], "metadata_modified": "2024-03-01T00:00:00Z",
     "extras_kode_desa": "6202010001", "title_string": "akses air bersih desa"},
    {"index_id": "b", "id": "2", "site_id": "s", "entity_type": "package", "state": "active",
     "name": "penduduk", "title": "Jumlah Penduduk", "tags": ["kependudukan"],
     "organization": "desa-b", "res_format": ["CSV", "XLSX"], "capacity": "private",
     "permission_labels": ["member-x"], "metadata_modified": "2024-05-01T00:00:00Z",
     "title_string": "jumlah penduduk", "notes": "Data penduduk per desa"},
    {"index_id": "c", "id": "3", "site_id": "s", "entity_type": "package", "state": "deleted",
     "name": "jalan", "title": "Panjang Jalan Desa", "tags": ["infrastruktur", "air"],
     "organization": "desa-a", "res_format": [], "capacity": "public",
     "permission_labels": ["public"], "metadata_modified": "2023-01-01T00:00:00Z",
     "title_string": "panjang jalan desa"},
]


def ids(q: str, **kw: Any) -> list[str]:
    match = lucene.matcher(q, **kw)
    return [d["id"] for d in DOCS if match(d)[0]]


@pytest.mark.parametrize("q, expected", [
    ("*:*", ["1", "2", "3"]),
    ("state:active", ["1", "2"]),
    ('name:"penduduk" OR id:"3"', ["2", "3"]),
    ("+tags:air -state:deleted", ["1"]),
    ("tags:air AND NOT organization:desa-a", []),
    ("tags:(kependudukan OR infrastruktur)", ["2", "3"]),
    ('+permission_labels:("public" OR "member-y")', ["1", "3"]),
    ("metadata_modified:[2024-01-01T00:00:00Z TO *]", ["1", "2"]),
    ("metadata_modified:{* TO 2024-03-01T00:00:00Z}", ["3"]),
    ("title:desa", ["1", "3"]),
    ('title:"air bersih"', ["1"]),
    ('title:"bersih air"', []),
    ("name:air*", ["1"]),
    ("title:pendu*", ["2"]),
    ("res_format:*", ["1", "2"]),
    ("-state:active", ["3"]),
    ("(tags:air OR tags:kependudukan) AND state:active", ["1", "2"]),
    ("text:6202010001", ["1"]),
    ("organization:desa-a && !state:deleted", ["1"]),
])
def test_lucene_subset(q, expected):
    assert ids(q) == expected


def test_q_op_and_makes_plain_clauses_required():
    assert ids('capacity:public tags:"air" state:(active)', q_op="AND") == ["1"]
    assert ids('capacity:public tags:"air" state:(active)', q_op="OR") == ["1", "2", "3"]


def test_dismax_free_text_with_minimum_match():
    kw = {"def_type": "dismax", "qf": "name^4 title^4 tags^2 groups^2 text",
          "mm": "2<-1 5<80%"}
    assert ids("air desa", **kw) == ["1", "3"]
    assert ids("penduduk", **kw) == ["2"]
    assert ids("air penduduk", **kw) == []  # two terms: both required
    assert ids("air bersih penduduk", **kw) == ["1"]  # three terms: one may miss


def test_min_should_match_spec():
    assert lucene.min_should_match("2<-1 5<80%", 2) == 2
    assert lucene.min_should_match("2<-1 5<80%", 4) == 3
    assert lucene.min_should_match("2<-1 5<80%", 10) == 8


def test_syntax_error():
    with pytest.raises(lucene.QuerySyntaxError):
        lucene.parse("(tags:air")


def test_date_math():
    assert solr_ranges.parse_date("NOW/DAY").hour == 0


# --------------------------------------------------------------------------- HTTP
@pytest.fixture()
def solr(tmp_path):
    server = solr_standin.make_server("127.0.0.1", 0, tmp_path)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/solr/ckan"
    yield base, tmp_path
    server.shutdown()
    server.server_close()


def call(url: str, body: bytes | None = None, ctype: str = "application/json") -> Any:
    req = urllib.request.Request(url, data=body, headers={"Content-Type": ctype})
    with urllib.request.urlopen(req, timeout=5) as resp:
        raw = resp.read()
    return json.loads(raw) if resp.headers["Content-Type"].startswith("application/json") \
        else raw.decode()


def select(base: str, **params: Any) -> dict:
    return call(f"{base}/select/?" + urllib.parse.urlencode(params, doseq=True))


def load(base: str) -> None:
    call(f"{base}/update/?commit=true", json.dumps(DOCS).encode())


def test_ping_and_schema(solr):
    base, _ = solr
    assert call(f"{base}/admin/ping")["status"] == "OK"
    assert 'name="ckan-2.12"' in call(f"{base}/schema?wt=schema.xml")
    assert 'name="ckan-2.12"' in call(f"{base}/admin/file/?file=schema.xml")


def test_add_select_fq_fl(solr):
    base, _ = solr
    load(base)
    res = select(base, q="*:*", fq=['+site_id:"s"', "+state:active"], fl="id name", wt="json")
    assert res["response"]["numFound"] == 2
    assert res["response"]["docs"] == [{"id": "1", "name": "air-bersih"},
                                       {"id": "2", "name": "penduduk"}]
    full = select(base, q="name:penduduk")["response"]["docs"][0]
    assert "permission_labels" not in full and full["title"] == "Jumlah Penduduk"


def test_sort_and_paging(solr):
    base, _ = solr
    load(base)
    res = select(base, q="*:*", sort="metadata_modified desc", rows=2, start=0, fl="id")
    assert [d["id"] for d in res["response"]["docs"]] == ["2", "1"]
    page2 = select(base, q="*:*", sort="title_string asc", rows=2, start=2, fl="id")
    assert [d["id"] for d in page2["response"]["docs"]] == ["3"]
    assert page2["response"]["numFound"] == 3


def test_facets(solr):
    base, _ = solr
    load(base)
    res = select(base, q="*:*", facet="true", **{"facet.field": ["tags", "res_format"],
                                                  "facet.mincount": 1, "facet.limit": 50})
    fields = res["facet_counts"]["facet_fields"]
    assert fields["tags"] == ["air", 2, "infrastruktur", 1, "kependudukan", 1, "sanitasi", 1]
    assert fields["res_format"] == ["CSV", 2, "XLSX", 1]


def test_dismax_request_like_ckan(solr):
    base, _ = solr
    load(base)
    res = select(base, q="air", defType="dismax", qf="name^4 title^4 tags^2 groups^2 text",
                 mm="2<-1 5<80%", fq=["+state:(active)"], sort="score desc, metadata_modified desc",
                 fl="id score", **{"q.op": "AND"})
    assert [d["id"] for d in res["response"]["docs"]] == ["1"]


def test_long_query_as_form_post(solr):
    base, _ = solr
    load(base)
    body = urllib.parse.urlencode({"q": "tags:air", "fl": "id", "fq": "+state:active " + " " * 1100})
    res = call(f"{base}/select/", body.encode(), "application/x-www-form-urlencoded")
    assert [d["id"] for d in res["response"]["docs"]] == ["1"]


def test_xml_delete_by_query_and_id_persists(solr):
    base, data_dir = solr
    load(base)
    call(f"{base}/update/?commit=true",
         b'<delete><query>+entity_type:package AND +(id:"1" OR name:"1") AND +site_id:"s"'
         b"</query></delete>", "text/xml")
    call(f"{base}/update/", b"<delete><id>c</id></delete>", "text/xml")
    call(f"{base}/update/", b"<commit />", "text/xml")
    assert select(base, q="*:*", fl="id")["response"]["docs"] == [{"id": "2"}]
    reopened = solr_standin.Index(data_dir)
    assert [d["id"] for d in reopened.snapshot()] == ["2"]


def test_bad_query_is_400(solr):
    base, _ = solr
    with pytest.raises(urllib.error.HTTPError) as err:
        select(base, q="(unbalanced")
    assert err.value.code == 400
