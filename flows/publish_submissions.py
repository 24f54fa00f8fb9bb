"""Prefect flow: village submissions in an inbox → validated → DuckDB → CKAN.

The flow is the ordered list of stage tasks; each task calls one library function, a batch at
a time (a task per file or per dataset kept Prefect's temporary server busy on the cores the
portal needs). Prefect adds what it is for: the runs, their states and logs, artifacts, hooks;
portal writes are retried per dataset on transient errors only (``flows/retries.py``),
concurrently across datasets (one writer per dataset). Retracted datasets are kept private and
left alone; the district datasets (all villages combined, indicators), the villages' feeds and
snippets and the compliance dataset are rebuilt after the villages' datasets
(``flows/publish_district.py``);
a partly failed or failed run notifies (``flows/notify.py``). Large task inputs (files, records,
plans) are passed ``quote``d: Prefect would otherwise walk every row of them twice per task
(about a minute of a district's no-change run). Run it with ``desa run``, or on a
schedule with ``desa serve``.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, runtime, task
from prefect.context import FlowRunContext
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE as NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from desa_terbuka.collect.base import Submission
from desa_terbuka.collect.inbox import discover
from desa_terbuka.core.definitions import record_types
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.settings import Settings, portal_credentials
from desa_terbuka.publish.build import (
    ChartDrawing,
    PlannedDataset,
    cross_findings,
    plan_datasets,
    record_publication,
    write_documents,
)
from desa_terbuka.publish.finish import publish_plan
from desa_terbuka.publish.plan_keys import remember, unchanged, village_keys
from desa_terbuka.publish.portal import Portal, PortalError
from desa_terbuka.publish.prepare import prepare_portal
from desa_terbuka.publish.snapshot import INDEX_FIELDS, Snapshot, search_packages
from desa_terbuka.publish.sync import SyncResult
from desa_terbuka.publish.visibility import enforce_retractions
from desa_terbuka.run import RunSummary, concerns
from desa_terbuka.stage.curation import retracted
from desa_terbuka.stage.outcome import SubmissionOutcome
from desa_terbuka.stage.intake import intake
from desa_terbuka.stage.receive import receive_parts, split_received
from desa_terbuka.stage.warehouse import Warehouse
from desa_terbuka.validate.batch import check_many
from desa_terbuka.validate.check import CheckedSubmission
from desa_terbuka.views.progress import progress
from desa_terbuka.views.reports import quarantine_reports
from desa_terbuka.views.text import finding_rows, run_summary_markdown
from flows.notify import notify_failure, notify_summary
from flows.publish_district import publish_compliance, publish_district, publish_links
from flows.retries import failure_finding, retrying
from flows.runners import RunnerChoice, batches, task_runner

PUBLISH_CONCURRENCY = 4


@task(cache_policy=NO_CACHE)
def check_submissions(submissions: list[Submission], record_type: str | None,
                      villages: list[str] | None) -> list[list[CheckedSubmission]]:
    """Every file's parts (one per record type it holds), for files within the run's scope:
    checked in parallel processes within the memory budget (``validate/batch.py``)."""
    with progress("Berkas diperiksa / files checked", len(submissions)) as advance:
        files = check_many(submissions, record_type, on_done=advance)
    return [parts for parts in files if any(concerns(p.villages, villages) for p in parts)]


@task(cache_policy=NO_CACHE)
def check_batch(submissions: list[Submission], record_type: str | None) -> list[list[CheckedSubmission]]:
    """One batch of files checked in this (Dask worker's) process: the cluster's workers are
    the parallelism. Returns plain data (rows as text, findings), in file order."""
    return check_many(submissions, record_type, workers=1)


def check_all(submissions: list[Submission], record_type: str | None,
              villages: list[str] | None) -> list[list[CheckedSubmission]]:
    """Every file checked: by one task here (its own worker processes), or, when the flow runs
    on a Dask cluster, by batch tasks of ``DESA_BATCH_FILES`` files spread over its workers."""
    context = FlowRunContext.get()
    if context is None or isinstance(context.task_runner, ThreadPoolTaskRunner):
        return check_submissions(quote(submissions), record_type, villages)
    futures = [check_batch.submit(batch, record_type)  # a Dask worker gets a quote() as a plain tuple
               for batch in batches(submissions, RunnerChoice.from_env().batch_files)]
    files: list[list[CheckedSubmission]] = []
    with progress("Berkas diperiksa / files checked", len(submissions)) as advance:
        for future in futures:  # in submission order: a later file supersedes an earlier one
            done = future.result()
            files += done
            advance(len(done))
    return [parts for parts in files if any(concerns(p.villages, villages) for p in parts)]


@task(cache_policy=NO_CACHE)
def stage_submissions(warehouse: Warehouse,
                      files: list[list[CheckedSubmission]]) -> list[SubmissionOutcome]:
    outcomes = []
    with progress("Berkas disimpan / files staged", len(files)) as advance:
        for parts in files:
            outcomes += receive_parts(warehouse, parts, quarantine_reports)
            advance(1)
    return outcomes


BATCH_FROM = 64  # files: from this many, the set-based batch intake (stage/intake.py)


@task(cache_policy=NO_CACHE)
def intake_submissions(warehouse: Warehouse, submissions: list[Submission], record_type: str | None,
                       villages: list[str] | None) -> list[SubmissionOutcome]:
    """Check and stage many files: canonical CSVs read, checked and staged set-based a batch
    (window) at a time, the others through the tolerant readers in worker processes; the same
    findings and records as ``check_submissions`` then ``stage_submissions``."""
    with progress("Berkas diterima / files received", len(submissions)) as advance:
        return intake(warehouse, submissions, lambda subs: check_many(subs, record_type), quarantine_reports,
                      record_type, lambda found: concerns(found, villages), on_done=advance)


@task(cache_policy=NO_CACHE)
def plan(warehouse: Warehouse, record_type: str | None, villages: list[str] | None,
         failures: dict[str, Finding], cross: dict, skip: set[tuple[str, str]]) -> list[PlannedDataset]:
    """The plans of one record type (its infographics drawn by ``ChartDrawing`` meanwhile)."""
    return plan_datasets(warehouse, record_type, villages, cross, failures, skip, draw=False)


def _chartless_first(record_type: str | None) -> list[str]:
    """The record types to publish, those without infographics first: they are published
    while the APBDes infographics are drawn."""
    kinds = [record_type] if record_type else record_types()
    return sorted(kinds, key=lambda kind: kind == "apbdes")


@task(cache_policy=NO_CACHE)
def publish_datasets(portal: Portal, snapshot: Snapshot, warehouse: Warehouse,
                     todo: list[PlannedDataset], summary: RunSummary) -> list[dict[str, Any]]:
    """The village datasets to publish, ``PUBLISH_CONCURRENCY`` writers at a time and never two
    on one dataset, each retried alone; each result recorded as it comes, in plan order. One
    task for them all: a task (and a record task) per dataset kept Prefect's temporary server
    at a quarter of the samples of a district's first publish, on the cores CKAN needs.
    Returns the quality rows of the datasets published (``quality_artifact``)."""
    publish_one = retrying(publish_plan)
    quality: list[dict[str, Any]] = []
    with ThreadPoolExecutor(max_workers=PUBLISH_CONCURRENCY) as pool, \
            progress("Dataset diterbitkan / datasets published", len(todo)) as advance:
        futures = [(p, pool.submit(publish_one, portal, p.plan)) for p in todo]
        for p, future in futures:
            try:
                result = future.result()
            except Exception as exc:  # one dataset's failure never stops the others
                snapshot.forget(p.plan.name)
                summary.failures[p.plan.name] = failure_finding(exc, p.plan.name)
                get_run_logger().error("Publikasi %s gagal: %s", p.plan.name,
                                       summary.failures[p.plan.name].message("en"))
                continue
            finally:
                advance(1)
            snapshot.written(p.plan.name, result.package)
            summary.published.append(result)
            record(warehouse, p, result)
            quality += quality_rows(p)
    return quality


def record(warehouse: Warehouse, planned: PlannedDataset, result: SyncResult) -> None:
    record_publication(warehouse, planned, result)
    write_documents(reports_folder(warehouse, planned), planned)


def quality_rows(planned: PlannedDataset) -> list[dict[str, Any]]:
    """A published dataset's findings as rows of the run's quality table, one row saying so
    when it has none."""
    return [{"dataset": planned.plan.name, **row} for row in finding_rows(planned.findings)] \
        or [{"dataset": planned.plan.name, "aturan": "-", "pesan": "Tidak ada temuan."}]


def quality_artifact(rows: list[dict[str, Any]]) -> None:
    """The findings of every dataset this run published, in ONE table artifact: one per
    dataset (505 on a district's first publish) kept Prefect's temporary server busy on the
    cores CKAN needs. Officers filter it by dataset; each dataset's own report is on the portal
    and in ``data/reports/``."""
    if not rows:
        return
    datasets = len({r["dataset"] for r in rows})
    findings = sum(r["aturan"] != "-" for r in rows)
    create_table_artifact(key="desa-terbuka-kualitas", table=rows,
                          description=f"Laporan kualitas data: {datasets} dataset diterbitkan, "
                                      f"{findings} temuan")


@task(cache_policy=NO_CACHE)
def withhold(portal: Portal, names: list[str]) -> list[str]:
    """Retracted datasets stay private whatever happened on the portal since."""
    return enforce_retractions(portal, names)


@task(cache_policy=NO_CACHE)
def read_portal(portal: Portal) -> Snapshot:
    """The portal's datasets as its search index holds them (a few paged reads of their names
    and times: ``publish/snapshot.py``); the portal learns their names, so it creates the others
    without reading them first."""
    index = search_packages(portal, fields=INDEX_FIELDS)
    portal.indexed_datasets = set(index)
    return Snapshot(portal, index=index)


@task(cache_policy=NO_CACHE)
def settle(snapshot: Snapshot, planned: list[PlannedDataset]) -> list[SyncResult | None]:
    """Each plan tried against the snapshot: its result when the portal already matches it
    (no task, no read of its own), None when it must be published."""
    return [snapshot.settled(lambda s, p=p: publish_plan(s, p.plan))
            for p in planned]


@flow(name="desa-terbuka-publish", task_runner=task_runner(RunnerChoice.from_env(), PUBLISH_CONCURRENCY),
      log_prints=False, on_failure=[notify_failure], on_crashed=[notify_failure])
def publish_submissions(inbox: Path | None = None, villages: list[str] | None = None,
                        record_type: str | None = None, dry_run: bool = False,
                        warehouse_path: Path | None = None, compliance: bool = True,
                        district: bool = True, publish_portal: bool = True) -> quote[RunSummary]:
    """``publish_portal=False``: check and stage only (the next run publishes what is staged).

    Returns the summary ``quote``d (``.unquote()`` it): Prefect walks a flow's return value for
    futures, and the summary's 1,512 outcomes with their findings took 0.3 s of a district's
    no-change run; a quoted value is not walked (``prefect.utilities.annotations.quote``)."""
    settings = Settings.from_env()
    summary = RunSummary(dry_run=dry_run)
    submissions = discover(Path(inbox or settings.inbox))
    if dry_run:
        summary.outcomes = [SubmissionOutcome.of(c, "accepted" if c.valid else "rejected")
                            for parts in check_all(submissions, record_type, villages)
                            for c in parts]
    else:
        with Warehouse(Path(warehouse_path or settings.warehouse)) as warehouse:
            fresh, known = split_received(warehouse, submissions)
            context = FlowRunContext.get()
            local = context is None or isinstance(context.task_runner, ThreadPoolTaskRunner)
            if local and len(fresh) >= BATCH_FROM:  # many files: canonical CSVs a batch at a time
                outcomes = known + intake_submissions(warehouse, quote(fresh), record_type, villages)
            else:  # few files, or batch tasks on a Dask cluster
                checked = check_all(fresh, record_type, villages)
                outcomes = known + stage_submissions(warehouse, quote(checked))
            summary.outcomes = [o for o in outcomes if concerns(o.villages, villages)]
            if publish_portal:
                publish(summary, warehouse, settings, record_type, villages, compliance, district)
    if not dry_run:  # a check-only run changes nothing anyone must act on
        summary.notices += notify_summary(summary, runtime.flow_run.name or "desa-terbuka")
    create_markdown_artifact(run_summary_markdown(summary), key="desa-terbuka-run",
                             description="Ringkasan run Desa Terbuka")
    return quote(summary)


def publish(summary: RunSummary, warehouse: Warehouse, settings: Settings,
            record_type: str | None, villages: list[str] | None, compliance: bool = True,
            district: bool = True) -> None:
    """Plan every dataset, publish them concurrently, record what each publication changed."""
    url, token = portal_credentials(settings)
    portal = Portal(url, token)
    summary.portal_url = portal.url
    try:
        summary.portal_changes = prepare_portal(portal)
    except PortalError as exc:  # e.g. unknown licence: nothing can be published until fixed
        summary.failures["portal"] = exc.finding("portal")
        return
    off_view = retracted(warehouse)
    for name, entry in off_view.items():
        summary.withheld[name] = Finding("dataset-retracted", value=name, params={
            "since": f"{entry.at:%Y-%m-%d}", "reason": entry.reason})
    try:
        summary.portal_changes += withhold(portal, list(off_view))
    except PortalError as exc:
        summary.failures["ditarik"] = exc.finding("ditarik")
    snapshot = read_portal(portal)
    cross = cross_findings(warehouse, record_type, villages)
    keys = village_keys(warehouse, record_type, villages, cross, portal.url)
    same = unchanged(warehouse, dict(keys.values()), snapshot.modified) - set(off_view)
    summary.published += [SyncResult(name) for name in sorted(same)]  # not even planned
    skip = {k for k, (name, _) in keys.items() if name in same}
    charts = ChartDrawing(warehouse, villages, skip) if record_type in (None, "apbdes") else None
    quality = []
    for kind in _chartless_first(record_type):  # the infographics are drawn meanwhile
        if kind == "apbdes" and charts:
            charts.wait()
        planned = [p for p in plan(warehouse, kind, villages, summary.failures, quote(cross), skip)
                   if p.plan.name not in off_view]
        todo = []
        snapshot.prefetch(len(planned))
        for p, result in zip(planned, settle(snapshot, quote(planned))):
            if result is None:
                todo.append(p)
            else:  # unchanged: its report kept for officers, nothing to record
                summary.published.append(result)
                write_documents(reports_folder(warehouse, p), p)
        quality += publish_datasets(quote(portal), quote(snapshot), quote(warehouse), quote(todo),
                                    quote(summary))
    quality_artifact(quality)
    _remember_keys(summary, snapshot, warehouse, keys)
    if district:
        publish_district(summary, portal, snapshot, warehouse, set(off_view))
        publish_links(summary, portal, snapshot, warehouse, set(off_view))
    if compliance:
        publish_compliance(summary, portal, snapshot, warehouse, set(off_view))
    summary.write_calls = len(portal.log.writes)
    for result in summary.published:  # the datasets as read: needed no more, and Prefect walks the summary
        result.package = None


def _remember_keys(summary: RunSummary, snapshot: Snapshot, warehouse: Warehouse, keys: dict) -> None:
    """The plan keys of the village datasets now as planned (``publish/plan_keys.py``), with
    the portal's copy as this run left them (``Snapshot.as_left``: each write's answer)."""
    done = {r.dataset for r in summary.published} - set(summary.failures)
    try:
        modified = snapshot.as_left(done)
    except PortalError:  # the next run compares every plan: slower, never wrong
        return
    remember(warehouse, {name: key for name, key in keys.values() if name in done}, modified)


def reports_folder(warehouse: Warehouse, planned: PlannedDataset) -> Path:
    return warehouse.path.parent / "reports" / planned.plan.kode_desa
