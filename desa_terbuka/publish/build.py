"""From the warehouse to the plans of what the portal should show, and back: record what was
published. Reads the warehouse, writes nothing to the portal (``sync`` does)."""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.reference import villages
from desa_terbuka.publish.plan import (  # noqa: F401 (the "latest" keys: build's names too)
    LATEST_CHART_KEY,
    LATEST_CSV_KEY,
    DatasetPlan,
    DocumentPlan,
    ResourcePlan,
    dataset_plan,
    datastore_records,
)
from desa_terbuka.publish.charts import (
    ApbdesSummary,
    apbdes_infographic,
    chart_cache,
    draw_infographics,
    summarise_apbdes,
)
from desa_terbuka.publish.pointers import LATEST_YEAR, Pointer
from desa_terbuka.publish.quality_report import quality_report_html, quality_summary
from desa_terbuka.publish.sync import SyncResult

from desa_terbuka.stage.cross_dataset import cross_rules, run_cross_rules
from desa_terbuka.stage.published import published_csv
from desa_terbuka.stage.warehouse import Slice, Warehouse


def group_slices(slices: list[Slice]) -> dict[tuple[str, str], list[Slice]]:
    """Slices per dataset (record type, kode desa)."""
    grouped: dict[tuple[str, str], list[Slice]] = defaultdict(list)
    for s in slices:
        grouped[(s.record_type, s.kode_desa)].append(s)
    return dict(sorted(grouped.items()))


def cross_findings(warehouse: Warehouse, record_type: str | None,
                   villages: list[str] | None) -> dict[tuple[str, str], list[Finding]]:
    """Cross-dataset rules on today's data (other datasets may have moved since a file was
    received), run once per run and grouped by the dataset (record type, kode desa) they concern."""
    reports_on = {r["rule"]: [r["record_type"], *r["also_reports_on"]] for r in cross_rules()}
    grouped: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in run_cross_rules(warehouse.con, record_type, villages):
        for kind in reports_on[f.code]:
            grouped[(kind, f.params["kode_desa"])].append(f)
    return grouped


def dataset_findings(warehouse: Warehouse, slices: list[Slice], cross: list[Finding],
                     read: "Prefetched | None" = None) -> list[Finding]:
    """What the quality report of one dataset shows: the findings recorded with its current
    submissions, their cross-dataset ones replaced by today's (``cross``)."""
    cross_codes = {r["rule"] for r in cross_rules()}
    recorded = (read or Prefetched.read(warehouse, [slices])).findings[receipts(slices)]
    stored = [f for f in recorded if f.code not in cross_codes]
    years = {s.tahun for s in slices}
    return stored + [f for f in cross if f.params.get("tahun") in years]


def receipts(slices: list[Slice]) -> tuple[str, ...]:
    return tuple(sorted({s.submission_id for s in slices}))


@dataclass(frozen=True)
class Prefetched:
    """What the plans of many datasets read from the warehouse, read in a few queries (a few
    per dataset cost ~15 ms each: seconds for a district)."""

    rows: dict[Slice, tuple[list[str], list[tuple]]]
    findings: dict[tuple[str, ...], list[Finding]]
    received: dict[tuple[str, ...], datetime | None]

    @classmethod
    def read(cls, warehouse: Warehouse, datasets: list[list[Slice]]) -> "Prefetched":
        keys = list(dict.fromkeys(receipts(slices) for slices in datasets))
        groups = [list(k) for k in keys]
        return cls(warehouse.slices_rows([s for slices in datasets for s in slices]),
                   dict(zip(keys, warehouse.findings_of(groups))),
                   dict(zip(keys, warehouse.received_times(groups))))


def build_plan(warehouse: Warehouse, record_type: str, kode_desa: str, slices: list[Slice],
               cross: list[Finding], read: Prefetched | None = None
               ) -> tuple[DatasetPlan, list[Finding]]:
    """The desired portal state of one dataset, and the findings its quality report shows
    (``read``: what it needs from the warehouse, when read already for many datasets)."""
    definition = definitions()[record_type]
    village = villages()[kode_desa]
    read = read or Prefetched.read(warehouse, [slices])
    resources = []
    for s in sorted(slices, key=lambda s: s.tahun):
        names, values = read.rows[s]
        name = definition.render("resource.name", village, tahun=s.tahun)
        resources.append(ResourcePlan(
            year=s.tahun, name=name,
            description=definition.render("resource.description", village, tahun=s.tahun),
            filename=f"{record_type}-{village.kode}-{s.tahun}.csv",
            csv=published_csv(names, values), records=datastore_records(names, values),
            source_sha256=s.sha256,
        ))
    findings = dataset_findings(warehouse, slices, cross, read)
    checked_at = read.received[receipts(slices)]
    title = definition.render("title", village)
    summary = quality_summary(findings)
    report = DocumentPlan(
        key="laporan-kualitas", name="Laporan Kualitas Data",
        description=(f"Hasil pemeriksaan mutu data {title}: {summary['errors']} galat, "
                     f"{summary['warnings']} peringatan (diperiksa {checked_at:%Y-%m-%d}). "
                     "Peringatan tidak menghalangi penerbitan; dibaca bersama datanya."),
        filename=f"laporan-kualitas-{record_type}-{village.kode}.html",
        content=quality_report_html(f"Laporan Kualitas Data — {title}", findings,
                                    checked_at.date()).encode("utf-8"),
        format="HTML", mimetype="text/html",
    )
    documents = [*village_documents(warehouse, definition, village, resources), report]
    plan = dataset_plan(definition, village, resources, documents=documents,
                        extra_metadata=quality_fields(summary, checked_at))
    return plan, findings


def village_documents(warehouse: Warehouse, definition, village, resources: list[ResourcePlan]
                      ) -> list[DocumentPlan]:
    """A village dataset's documents besides its quality report: for APBDes, the infographic
    of every year (PNG, SVG). The "latest" links are pointers (``village_pointers``)."""
    if definition.record_type != "apbdes" or not resources:
        return []
    cache = chart_cache(warehouse.path)
    documents = []
    for resource in sorted(resources, key=lambda r: r.year, reverse=True):
        summary = summarise_apbdes(resource.records, village.nama_desa, village.nama_kecamatan,
                                   resource.year)
        png, svg = apbdes_infographic(summary, cache)
        about = (f"Infografis APBDes Desa {village.nama_desa} {resource.year}: pendapatan menurut "
                 "sumber, belanja menurut bidang, realisasi dibanding anggaran")
        documents += [
            DocumentPlan(f"infografis-{resource.year}-png", f"Infografis APBDes {resource.year} (PNG)",
                         about + ".", f"infografis-apbdes-{village.kode}-{resource.year}.png", png,
                         "PNG", "image/png"),
            DocumentPlan(f"infografis-{resource.year}-svg", f"Infografis APBDes {resource.year} (SVG)",
                         about + " (vektor).", f"infografis-apbdes-{village.kode}-{resource.year}.svg",
                         svg, "SVG", "image/svg+xml")]
    return documents


def village_pointers(record_type: str, label: str) -> list[Pointer]:
    """The permanent "latest" links of a village (or district) dataset: the newest year's CSV
    and, for APBDes, the newest infographic; they stay the same URL across years."""
    pointers = [Pointer(LATEST_CSV_KEY, LATEST_YEAR, f"{label} terbaru (CSV)",
                        "Tautan tetap ke CSV tahun terbaru yang terbit: tautannya tetap sama ketika "
                        "data diperbarui atau tahun baru terbit. Untuk dipasang di situs desa.",
                        "CSV", "terbaru.csv")]
    if record_type == "apbdes":
        pointers.append(Pointer(LATEST_CHART_KEY, "infografis-{tahun}-png",
                                "Infografis APBDes terbaru (PNG)",
                                "Tautan tetap ke infografis tahun terbaru: tautannya tetap sama.",
                                "PNG", "infografis-terbaru.png"))
    return pointers


def quality_fields(summary: dict, checked_at: date) -> dict[str, str]:
    """The quality metadata a dataset carries (fields of the portal's schema)."""
    return {
        "kualitas_status": {"ok": "baik", "warning": "ada peringatan"}.get(summary["status"], "ada galat"),
        "kualitas_jumlah_peringatan": str(summary["warnings"]),
        "kualitas_tanggal_diperiksa": f"{checked_at:%Y-%m-%d}",
    }


@dataclass(frozen=True)
class PlannedDataset:
    """One dataset's plan, the findings its quality report shows and the slices it publishes."""

    plan: DatasetPlan
    findings: list[Finding]
    slices: list[Slice]


def plan_datasets(warehouse: Warehouse, record_type: str | None, villages: list[str] | None,
                  cross: dict[tuple[str, str], list[Finding]],
                  failures: dict[str, Finding] | None = None,
                  skip: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset(),
                  draw: bool = True) -> list[PlannedDataset]:
    """The plan of every dataset with current data (within the run's filters). A dataset whose
    plan cannot be made is put in ``failures`` (when given) and left out: one village's problem
    never stops the others. ``draw``: draw the infographics in parallel first (False: drawn
    already, ``ChartDrawing``; a missing one is drawn by its plan)."""
    planned = []
    datasets = _datasets(warehouse, record_type, villages, skip)
    read = Prefetched.read(warehouse, list(datasets.values()))
    if draw:
        draw_infographics(_summaries(datasets, read), chart_cache(warehouse.path))
    for (rt, kode), slices in datasets.items():
        try:
            plan, findings = build_plan(warehouse, rt, kode, slices, cross.get((rt, kode), []), read)
        except Exception as exc:
            if failures is None:
                raise
            failures[f"{rt}-{kode}"] = Finding("publish-failed", value=f"{rt} {kode}", params={
                "reason": f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:160]}"})
            continue
        planned.append(PlannedDataset(plan, findings, slices))
    return planned


def _datasets(warehouse: Warehouse, record_type: str | None, villages: list[str] | None,
              skip: frozenset[tuple[str, str]] | set[tuple[str, str]]) -> dict:
    """(record type, kode desa) -> its current slices, less those known unchanged (``skip``,
    publish/plan_keys.py)."""
    return {k: v for k, v in group_slices(warehouse.current_slices(record_type, villages)).items()
            if k not in skip}


def _summaries(datasets: dict, read: Prefetched) -> list[ApbdesSummary]:
    """The infographics the APBDes plans will show. A summary that cannot be made is left to
    its plan, whose failure is reported per dataset."""
    summaries = []
    for (rt, kode), slices in datasets.items():
        if rt != "apbdes":
            continue
        village = villages()[kode]
        for s in slices:
            try:
                records = datastore_records(*read.rows[s])
                summaries.append(summarise_apbdes(records, village.nama_desa, village.nama_kecamatan, s.tahun))
            except Exception:  # noqa: BLE001 (build_plan reports it for this dataset)
                continue
    return summaries


class ChartDrawing:
    """The infographics of a run drawn in the background (worker processes, ``draw_infographics``)
    while the datasets that need none are published: drawing is CPU the portal leaves idle
    while it waits on its database. ``wait()`` before planning the APBDes datasets."""

    def __init__(self, warehouse: Warehouse, villages_: list[str] | None,
                 skip: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset()):
        datasets = _datasets(warehouse, "apbdes", villages_, skip)
        summaries = _summaries(datasets, Prefetched.read(warehouse, list(datasets.values())))
        cache = chart_cache(warehouse.path)
        self._thread = threading.Thread(target=_draw_quietly, args=(summaries, cache),
                                        name="desa-charts", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        self._thread.join()


def _draw_quietly(summaries: list[ApbdesSummary], cache: Path) -> None:
    try:
        draw_infographics(summaries, cache)
    except Exception:  # noqa: BLE001 (a chart not drawn here is drawn by its plan)
        pass


def record_publication(warehouse: Warehouse, planned: PlannedDataset, result: SyncResult) -> None:
    """Remember which content went to which resource, for the years the sync changed."""
    hashes = {r.year: r.content_hash for r in planned.plan.resources}
    with warehouse.transaction():  # all years of one dataset, or none
        for s in planned.slices:
            if s.tahun in result.changed_years:
                warehouse.record_publication(s, planned.plan.name, result.resource_ids[s.tahun],
                                             hashes[s.tahun])


def write_documents(folder: Path, planned: PlannedDataset) -> None:
    """Keep each dataset's documents (the HTML quality report) for officers without a portal."""
    folder.mkdir(parents=True, exist_ok=True)
    for document in planned.plan.documents:
        if document.mimetype != "text/html":  # charts and the latest CSV are on the portal
            continue
        (folder / f"{document.key}-{planned.plan.record_type}.html").write_bytes(document.content)
