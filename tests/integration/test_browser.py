"""The portal and the village snippet in headless Chromium (Debian's chromium, no download):
the home page (site.yaml, not stock CKAN), an organization page, a dataset page with its
infographic, and a village-CMS-like page with the snippet of `desa links` pasted in: it renders,
its image loads, its links resolve; after the village publishes a new year, the links printed
before still work and show the new year. Also /catalog.ttl lists every public dataset.
Screenshots: tests/artifacts/browser/ (git-ignored).
Cost: ≈6 Chromium runs (≈2-4 s each), one portal sync, one extra pipeline run for the new year."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from desa_terbuka.authoring.sample import generate
from desa_terbuka.cli import cli
from desa_terbuka.publish.portal import Portal as Adapter
from desa_terbuka.publish.site import apply_changes, portal_diff

pytestmark = pytest.mark.integration

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "browser"
MERAH = "62.02.16.2003"
# A page as a village CMS renders a post (OpenSID/WordPress-like chrome, their own CSS); the
# script only reports whether the pasted snippet's image loaded, the snippet itself has none.
CMS_PAGE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Desa Merah</title>
<style>body{{font-family:serif;margin:0}} header{{background:#0d47a1;color:#fff;padding:10px}}
article{{max-width:760px;margin:16px auto}} img{{border:3px solid red}}</style></head><body>
<header>Website Resmi Desa Merah — Kecamatan Tualan Hulu</header>
<article><h1>Transparansi Anggaran</h1><p>Data desa kami:</p>
{snippet}
</article>
<script>window.addEventListener('load', function () {{
  var out = document.createElement('pre'); out.id = 'check';
  out.textContent = Array.prototype.map.call(document.images, function (i) {{
    return 'img ' + i.naturalWidth + 'x' + i.naturalHeight; }}).join('\\n');
  document.body.appendChild(out); }});</script></body></html>"""


def _chromium(url: str, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    binary = shutil.which("chromium") or pytest.fail("chromium missing: run scripts/bootstrap.sh")
    return subprocess.run(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         f"--user-data-dir={tmp / 'profile'}", "--virtual-time-budget=8000",
         "--window-size=1280,1600", *args, url], capture_output=True, text=True, timeout=120)


def _screenshot(url: str, tmp: Path, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / name
    done = _chromium(url, tmp, f"--screenshot={shot}")
    assert done.returncode == 0, done.stderr[-1500:]
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000
    return shot


def _dom(url: str, tmp: Path) -> str:
    done = _chromium(url, tmp, "--dump-dom")
    assert done.returncode == 0, done.stderr[-1500:]
    return done.stdout


def _links(portal, monkeypatch, fmt: str) -> str:
    monkeypatch.setenv("CKAN_URL", portal.url)
    monkeypatch.setenv("CKAN_API_TOKEN", portal.token)
    result = CliRunner().invoke(cli, ["links", MERAH, "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def site(portal, district_run):
    adapter = Adapter(portal.url, portal.token)
    apply_changes(adapter, portal_diff(adapter))
    return district_run


def test_home_page_in_chromium(portal, site, tmp_path):
    dom = _dom(portal.url + "/", tmp_path)
    assert "Portal Data Desa Kabupaten Kotawaringin Timur" in dom
    assert "Cara membaca APBDes" in dom and "Welcome to CKAN" not in dom
    _screenshot(portal.url + "/", tmp_path, "home.png")


def test_organization_and_dataset_pages_in_chromium(portal, site, tmp_path):
    org = _dom(f"{portal.url}/organization/desa-6202162003-merah", tmp_path)
    assert "Desa Merah" in org and "apbdes-6202162003-merah" in org
    _screenshot(f"{portal.url}/organization/desa-6202162003-merah", tmp_path, "organization.png")
    page = f"{portal.url}/dataset/apbdes-6202162003-merah"
    dom = _dom(page, tmp_path)
    names = re.findall(r'class="heading" href="[^"]+" aria-label="Navigate to resource: ([^"]+)"', dom)
    assert names and names[0].endswith("2025") and names[-1] == "Laporan Kualitas Data"
    for hidden in ("desa_metadata_hash", "sumber_hash", "versi_pipeline"):
        assert hidden not in dom
    [chart] = re.findall(r'<figure class="desa-infografis".*?<img src="([^"]+)"', dom, re.S)
    assert requests.get(chart, timeout=30).content.startswith(b"\x89PNG")  # numbers at a glance
    _screenshot(page, tmp_path, "dataset-apbdes-merah.png")


def _check_snippet_page(portal, monkeypatch, tmp_path: Path, name: str) -> tuple[str, list[str]]:
    snippet = _links(portal, monkeypatch, "html")
    page = tmp_path / f"{name}.html"
    page.write_text(CMS_PAGE.format(snippet=snippet), encoding="utf-8")
    dom = _dom(page.as_uri(), tmp_path)
    assert "Data terbuka Desa Merah" in dom
    sizes = re.findall(r"img (\d+)x(\d+)", dom)
    assert sizes and all(int(w) > 300 and int(h) > 150 for w, h in sizes), sizes  # chart shows
    urls = sorted(set(re.findall(r'(?:href|src)="(http[^"]+)"', snippet)))
    for url in urls:
        assert requests.get(url.replace("&amp;", "&"), timeout=30).status_code == 200, url
    _screenshot(page.as_uri(), tmp_path, f"{name}.png")
    return snippet, urls


def test_snippet_pasted_in_a_village_page_renders_and_its_links_resolve(portal, site, tmp_path,
                                                                        monkeypatch):
    snippet, urls = _check_snippet_page(portal, monkeypatch, tmp_path, "snippet-merah")
    assert "<script" not in snippet and "cdn" not in snippet.lower()
    assert any("terbaru.csv" in u for u in urls) and any(u.endswith(".png") for u in urls)
    markdown = _links(portal, monkeypatch, "md")
    assert "<iframe" in markdown and "Umpan JSON" in markdown


def test_catalog_ttl_lists_every_public_dataset(portal, site):
    public = set()
    start = 0
    while True:
        page = portal.ckan.action.package_search(q="*:*", rows=1000, start=start)
        public |= {p["id"] for p in page["results"] if not p.get("private")}
        start += 1000
        if start >= page["count"]:
            break
    listed: set[str] = set()
    for page_number in range(1, 100):  # the catalog is paged (100 datasets a page)
        response = requests.get(f"{portal.url}/catalog.ttl", params={"page": page_number},
                                timeout=60)
        # ckanext-dcat names a dataset <site_url/dataset/ID>
        found = set(re.findall(r"/dataset/([0-9a-f-]{36})> a dcat:Dataset", response.text)
                    ) if response.status_code == 200 else set()
        if not found:
            assert page_number > 1, response.status_code
            break
        listed |= found
    assert public and public <= listed
    private = {p["id"] for p in portal.ckan.action.package_search(
        q="*:*", rows=1000, include_private=True)["results"] if p.get("private")}
    assert not private & listed


@pytest.mark.last
def test_latest_links_survive_a_new_year(portal, site, sample_run, run_pipeline, tmp_path,
                                         monkeypatch):
    before = _links(portal, monkeypatch, "json")
    inbox, warehouse, _ = sample_run
    generate(inbox, years=[2026])
    again = run_pipeline(inbox, warehouse, district=True)
    assert not again.failures
    after = _links(portal, monkeypatch, "json")
    old, new = json.loads(before), json.loads(after)
    old_csv = {d["jenis_data"]: d["csv_terbaru"] for d in old["dataset"]}
    assert old_csv == {d["jenis_data"]: d["csv_terbaru"] for d in new["dataset"]}  # same URLs
    rows = list(csv.DictReader(io.StringIO(requests.get(old_csv["apbdes"], timeout=30).text)))
    assert rows and {r["tahun_anggaran"] for r in rows} == {"2026"}
    assert new["apbdes_terbaru"]["tahun"] == 2026 != old["apbdes_terbaru"]["tahun"]
    assert old["apbdes_terbaru"]["infografis_png"] == new["apbdes_terbaru"]["infografis_png"]
    _check_snippet_page(portal, monkeypatch, tmp_path, "snippet-merah-2026")
