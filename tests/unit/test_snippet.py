"""The village snippet and feed from a fake portal: no JavaScript, no external host, inline
styles only; permanent URLs by dataset name; a feed without time stamps or its own URL.
(Fast: no portal, no chart rendering.)"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from desa_terbuka.link.feed import LinkError, find_village, village_links
from desa_terbuka.link.snippet import links_markdown, published_documents, snippet_html

PORTAL = "http://portal.example"
MERAH = "62.02.16.2003"


def _upload(rid: str, key: str, filename: str, fmt: str = "CSV", **extra) -> dict:
    return {"id": rid, "desa_key": key, "url_type": "upload", "format": fmt,
            "url": f"{PORTAL}/dataset/0a-uuid/resource/{rid}/download/{filename}", **extra}


class FakePortal:
    url = PORTAL

    def __init__(self):
        self.packages = {
            "apbdes-6202162003-merah": {"title": "APBDes Desa Merah", "state": "active", "resources": [
                _upload("r25", "tahun-2025", "apbdes-2025.csv", tahun="2025"),
                _upload("r24", "tahun-2024", "apbdes-2024.csv", tahun="2024"),
                {"id": "t", "desa_key": "terbaru-csv", "url_type": "", "format": "CSV",
                 "url": f"{PORTAL}/dataset/0a-uuid/resource/r25/download/apbdes-2025.csv"},
                _upload("i25", "infografis-2025-png", "infografis-2025.png", "PNG"),
                {"id": "p", "desa_key": "infografis-terbaru-png", "url_type": "", "format": "PNG",
                 "url": f"{PORTAL}/dataset/0a-uuid/resource/i25/download/infografis-2025.png"}]},
            "kegiatan-6202162003-merah": {"title": "Kegiatan Desa Merah", "state": "active",
                                          "private": True, "resources": []},
        }

    def show(self, action, **data):
        return self.packages.get(data["id"])


RECORDS = [{"kode_rekening": "4.2.1.01", "anggaran": "1000000000.00", "realisasi": "900000000",
            "kode_kegiatan": None, "tahap": "realisasi_tahunan"},
           {"kode_rekening": "5.3.5.01", "anggaran": "800000000", "realisasi": "",
            "kode_kegiatan": "2.3.10", "tahap": "realisasi_tahunan"}]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.urls, self.styles = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        self.urls += [attrs[a] for a in ("href", "src") if a in attrs]
        self.styles += "style" in attrs
        assert not any(a.startswith("on") for a in attrs), attrs  # no event handlers


def test_snippet_has_no_script_no_cdn_and_only_inline_styles():
    links = village_links(FakePortal(), MERAH, RECORDS)
    html = snippet_html(links)
    parser = _Tags()
    parser.feed(html)
    assert not {"script", "style", "link", "iframe"} & set(parser.tags)
    assert parser.urls and all(u.startswith(PORTAL) for u in parser.urls)
    assert parser.styles >= 5
    assert "Rp 1.000.000.000" in html and "90,0%" in html and "belum ada" in html


def test_links_are_permanent_by_dataset_name_and_skip_private_datasets():
    links = village_links(FakePortal(), "6202162003", RECORDS)
    [apbdes] = links.datasets  # the private kegiatan dataset is not linked
    assert apbdes.page == f"{PORTAL}/dataset/apbdes-6202162003-merah"
    # the pointers' own URLs (their ids never change; CKAN redirects them to the current file)
    assert apbdes.latest_csv == (f"{PORTAL}/dataset/apbdes-6202162003-merah/resource/t/download/"
                                 "apbdes-6202162003-merah-terbaru.csv")
    assert apbdes.years == [2024, 2025]
    assert links.chart_png.endswith("/resource/p/download/apbdes-6202162003-merah-infografis-terbaru.png")
    assert apbdes.latest_csv in links_markdown(links)


def test_feed_is_stable_json_without_its_own_url():
    portal = FakePortal()
    first = published_documents(village_links(portal, MERAH, RECORDS))
    again = published_documents(village_links(portal, MERAH, RECORDS))
    assert [d.content_hash for d in first] == [d.content_hash for d in again]
    feed = json.loads(first[0].content)
    assert feed["desa"]["kode_desa"] == MERAH and feed["apbdes_terbaru"]["tahun"] == 2025
    assert feed["apbdes_terbaru"]["anggaran"] == {"pendapatan": 1000000000, "belanja": 800000000}
    assert "feed-" not in first[0].content.decode()


def test_unknown_or_unpublished_village_is_a_catalogue_message():
    with pytest.raises(LinkError) as unknown:
        find_village("62.02.99.9999")
    assert unknown.value.finding.code == "links-unknown-village"
    with pytest.raises(LinkError) as nothing:
        village_links(FakePortal(), "62.02.16.2004")
    assert nothing.value.finding.code == "links-nothing-published"


class PointerPortal:
    """A dataset whose year resources are replaced (new ids) the way the sync switches them."""

    url = PORTAL

    def __init__(self, years):
        self.resources = [_upload(f"r{y}", f"tahun-{y}", f"a-{y}.csv", tahun=str(y)) for y in years]
        self.writes = []

    def call(self, action, retry=None, **data):
        if action == "package_show":
            return {"id": "pkg", "resources": list(self.resources)}
        self.writes.append(action)
        if action == "package_revise":  # the pointers added, in one revision
            known = {r["id"] for r in self.resources}
            self.resources = [r if r.get("id") in known else {**r, "id": "pointer"}
                              for r in data["update"]["resources"]]
            return {"package": {"id": "pkg", "resources": list(self.resources)}}
        elif action == "resource_patch":
            r = next(r for r in self.resources if r["id"] == data["id"])
            r.update(data)


def test_a_pointer_keeps_its_id_and_follows_the_newest_year():
    from desa_terbuka.publish.build import village_pointers
    from desa_terbuka.publish.pointers import sync_pointers

    portal = PointerPortal([2024, 2025])
    [latest] = village_pointers("kegiatan", "Kegiatan")
    assert sync_pointers(portal, "kegiatan-x", [latest]) and portal.writes == ["package_revise"]
    pointer = next(r for r in portal.resources if r["id"] == "pointer")
    assert pointer["url"].endswith("/a-2025.csv") and pointer["url_type"] == ""
    assert sync_pointers(portal, "kegiatan-x", [latest]) == [] and len(portal.writes) == 1
    portal.resources.append(_upload("r2026", "tahun-2026", "a-2026.csv", tahun="2026"))
    sync_pointers(portal, "kegiatan-x", [latest])
    assert portal.writes == ["package_revise", "resource_patch"]
    assert pointer["id"] == "pointer" and pointer["url"].endswith("/a-2026.csv")
