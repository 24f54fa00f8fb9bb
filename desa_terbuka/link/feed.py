"""A village's permanent links and its JSON feed, read from the portal.

Permanent means: valid when data is updated and when a new year is published. A dataset page
is named by (record type, kode desa). The "latest CSV", the "latest infographic", the feed and
the snippet are pointers (``publish/pointers.py``): resources whose id never changes and that
redirect to the current file, so their URL never changes. The feed holds no time stamp and not
its own URL, so an unchanged village gives the same bytes (and no upload) on every run.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

import requests

from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.reference import Village, villages
from desa_terbuka.link.urls import dataset_url, organization_url, stable_resource_url
from desa_terbuka.publish.build import LATEST_CHART_KEY, LATEST_CSV_KEY, village_pointers
from desa_terbuka.publish.charts import ApbdesSummary, summarise_apbdes
from desa_terbuka.publish.config import site_config
from desa_terbuka.publish.datapackage import KEY as DATAPACKAGE_KEY
from desa_terbuka.publish.plan import resource_key
from desa_terbuka.publish.pointers import Pointer, pointer_url
from desa_terbuka.publish.portal import Portal

FEED_KEY, SNIPPET_KEY = "feed-{kode}", "cuplikan-{kode}"
POINTER_SUFFIX = "-tetap"  # the permanent pointer of a feed or snippet: feed-<kode>-tetap


class LinkError(Exception):
    """The village is unknown, or nothing of it is on the portal yet."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message("en"))
        self.finding = finding


@dataclass(frozen=True)
class DatasetLinks:
    record_type: str
    title: str
    page: str
    years: list[int]
    latest_csv: str | None
    datapackage: str | None


@dataclass(frozen=True)
class VillageLinks:
    village: Village
    portal: str
    datasets: list[DatasetLinks]
    apbdes: ApbdesSummary | None = None
    chart_png: str | None = None
    published: dict[str, str] = field(default_factory=dict)  # feed / snippet -> URL, once published

    @property
    def organization(self) -> str:
        return organization_url(self.portal, self.village)

    def feed(self) -> dict[str, Any]:
        """The JSON feed (the same for the same portal state)."""
        v = self.village
        summary = None
        if self.apbdes:
            summary = {**asdict(self.apbdes), "infografis_png": self.chart_png}
            for part in ("pendapatan", "belanja", "anggaran", "realisasi"):
                summary[part] = {k: _number(x) for k, x in summary[part].items()}
        return {
            "desa": {"kode_desa": v.kode_desa, "nama": v.nama_desa, "jenis": v.jenis,
                     "kecamatan": v.nama_kecamatan, "kabupaten": v.nama_kabupaten},
            "portal": self.portal,
            "organisasi": self.organization,
            "lisensi": site_config().license,
            "dataset": [{"jenis_data": d.record_type, "judul": d.title, "halaman": d.page,
                         "tahun": d.years, "csv_terbaru": d.latest_csv,
                         "datapackage": d.datapackage} for d in self.datasets],
            "apbdes_terbaru": summary,
        }


def _number(text: str | None) -> int | float | None:
    if text is None:
        return None
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(value)


def find_village(kode: str) -> Village:
    wanted = kode.strip().replace(".", "")
    for village in villages().values():
        if village.kode == wanted:
            return village
    raise LinkError(Finding("links-unknown-village", value=kode))


def _csv_records(url: str) -> list[dict[str, Any]] | None:
    try:
        response = requests.get(url, timeout=60)
        response.raise_for_status()
    except requests.RequestException:
        return None
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def village_links(portal: Portal, kode: str, apbdes_records: list[dict[str, Any]] | None = None,
                  links_dataset: str | None = None) -> VillageLinks:
    """The village's links from the portal (public, active datasets only). ``apbdes_records``:
    the latest APBDes year's records when the caller has them (else the latest CSV is read)."""
    from desa_terbuka.publish.district import district_config

    village = find_village(kode)
    found, chart, latest_apbdes_url = [], None, None
    for record_type, definition in definitions().items():
        name = definition.render("name", village)
        package = portal.show("package_show", id=name)
        if not package or package.get("private") or package.get("state") != "active":
            continue
        by_key = {resource_key(r): r for r in package.get("resources") or []}
        pointers = village_pointers(record_type, "")
        url = lambda key: (pointer_url(portal.url, name, by_key[key], pointers)
                           if key in by_key and key in {p.key for p in pointers}
                           else stable_resource_url(portal.url, name, by_key[key])
                           if key in by_key else None)
        years = sorted(int(r["tahun"]) for r in package["resources"] if r.get("tahun"))
        found.append(DatasetLinks(record_type, package["title"], dataset_url(portal.url, name),
                                  years, url(LATEST_CSV_KEY), url(DATAPACKAGE_KEY)))
        if record_type == "apbdes":
            chart, latest_apbdes_url = url(LATEST_CHART_KEY), url(LATEST_CSV_KEY)
            latest_apbdes_year = max(years) if years else None
    if not found:
        raise LinkError(Finding("links-nothing-published", value=f"{village.jenis_label} "
                                f"{village.nama_desa}", params={"portal": portal.url}))
    summary = None
    if latest_apbdes_url:
        records = apbdes_records if apbdes_records is not None else _csv_records(latest_apbdes_url)
        if records:
            summary = summarise_apbdes(records, village.nama_desa, village.nama_kecamatan,
                                       latest_apbdes_year)
    published = {}
    name = links_dataset or district_config().links.name
    package = portal.show("package_show", id=name)
    if package:
        by_key = {resource_key(r): r for r in package.get("resources") or []}
        for label, key in (("feed", FEED_KEY), ("snippet", SNIPPET_KEY)):
            resource = by_key.get(key.format(kode=village.kode) + POINTER_SUFFIX)
            if resource:
                published[label] = pointer_url(portal.url, name, resource, links_pointers_of(
                    [key.format(kode=village.kode)]))
    return VillageLinks(village, portal.url, found, summary, chart, published)


def links_pointers_of(keys: list[str]) -> list[Pointer]:
    """The permanent pointers of the links dataset's feed and snippet documents (``keys``)."""
    pointers = []
    for key in keys:
        kind, kode = key.split("-", 1)
        what = "Umpan JSON" if kind == "feed" else "Cuplikan HTML"
        ext = "json" if kind == "feed" else "html"
        pointers.append(Pointer(key + POINTER_SUFFIX, key, f"{what} {kode} (tautan tetap)",
                                f"Tautan tetap ke {what.lower()} terbaru desa {kode}.",
                                ext.upper(), f"{kind}-{kode}.{ext}"))
    return pointers
