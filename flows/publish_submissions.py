"""Prefect flow: village submissions in an inbox → validated → DuckDB → CKAN.

The flow is the ordered list of stage tasks; each task calls one library function. Prefect adds
what it is for: retries of portal writes on transient errors only, concurrency across datasets
(one writer per dataset), artifacts. Run it with ``desa run``.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE as NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from desa_terbuka.collect.base import Submission
from desa_terbuka.collect.inbox import discover
from desa_terbuka.core.settings import Settings, portal_credentials
from desa_terbuka.publish.build import (
    PlannedDataset,
    cross_findings,
    plan_datasets,
    record_publication,
    write_documents,
)
from desa_terbuka.publish.portal import Portal, PortalError, TransientPortalError
from desa_terbuka.publish.sync import SyncResult, prepare_portal, sync_dataset
from desa_terbuka.run import RunSummary, concerns
from desa_terbuka.stage.outcome import SubmissionOutcome
from desa_terbuka.stage.receive import receive_parts, split_received
from desa_terbuka.stage.warehouse import Warehouse
from desa_terbuka.validate.check import CheckedSubmission, check_parts
from desa_terbuka.views.reports import quarantine_reports
from desa_terbuka.views.text import finding_rows, run_summary_markdown

PUBLISH_CONCURRENCY = 4


def _transient_only(task, task_run, state) -> bool:
    try:
        state.result()
    except TransientPortalError:
        return True
    except Exception:
        return False
    return False


@task(cache_policy=NO_CACHE)
def check_submissions(submissions: list[Submission], record_type: str | None,
                      villages: list[str] | None) -> list[list[CheckedSubmission]]:
    """Every file's parts (one per record type it holds), for files within the run's scope."""
    files = [check_parts(s.path, record_type, s) for s in submissions]
    return [parts for parts in files if any(concerns(p.villages, villages) for p in parts)]


@task(cache_policy=NO_CACHE)
def stage_submissions(warehouse: Warehouse,
                      files: list[list[CheckedSubmission]]) -> list[SubmissionOutcome]:
    return [o for parts in files for o in receive_parts(warehouse, parts, quarantine_reports)]


@task(cache_policy=NO_CACHE)
def plan(warehouse: Warehouse, record_type: str | None,
         villages: list[str] | None) -> list[PlannedDataset]:
    return plan_datasets(warehouse, record_type, villages,
                         cross_findings(warehouse, record_type, villages))


@task(cache_policy=NO_CACHE, retries=3, retry_delay_seconds=[2, 5, 15],
      retry_condition_fn=_transient_only)
def publish_dataset(portal: Portal, planned: PlannedDataset) -> SyncResult:
    return sync_dataset(portal, planned.plan)


@task(cache_policy=NO_CACHE)
def record(warehouse: Warehouse, planned: PlannedDataset, result: SyncResult) -> None:
    record_publication(warehouse, planned, result)
    write_documents(warehouse.path.parent / "reports" / planned.plan.kode_desa, planned)
    create_table_artifact(
        key=f"kualitas-{planned.plan.name}"[:100],
        table=finding_rows(planned.findings) or [{"aturan": "-", "pesan": "Tidak ada temuan."}],
        description=f"Laporan kualitas data {planned.plan.name}: {len(planned.findings)} temuan")


@flow(name="desa-terbuka-publish", task_runner=ThreadPoolTaskRunner(max_workers=PUBLISH_CONCURRENCY),
      log_prints=False)
def publish_submissions(inbox: Path | None = None, villages: list[str] | None = None,
                        record_type: str | None = None, dry_run: bool = False,
                        warehouse_path: Path | None = None) -> RunSummary:
    settings = Settings.from_env()
    summary = RunSummary(dry_run=dry_run)
    submissions = discover(Path(inbox or settings.inbox))
    if dry_run:
        summary.outcomes = [SubmissionOutcome.of(c, "accepted" if c.valid else "rejected")
                            for parts in check_submissions(submissions, record_type, villages)
                            for c in parts]
    else:
        with Warehouse(Path(warehouse_path or settings.warehouse)) as warehouse:
            fresh, known = split_received(warehouse, submissions)
            checked = check_submissions(fresh, record_type, villages)
            outcomes = known + stage_submissions(warehouse, checked)
            summary.outcomes = [o for o in outcomes if concerns(o.villages, villages)]
            publish(summary, warehouse, settings, record_type, villages)
    create_markdown_artifact(run_summary_markdown(summary), key="desa-terbuka-run",
                             description="Ringkasan run Desa Terbuka")
    return summary


def publish(summary: RunSummary, warehouse: Warehouse, settings: Settings,
            record_type: str | None, villages: list[str] | None) -> None:
    """Plan every dataset, publish them concurrently, record what each publication changed."""
    url, token = portal_credentials(settings)
    portal = Portal(url, token)
    summary.portal_url = portal.url
    try:
        summary.portal_changes = prepare_portal(portal)
    except PortalError as exc:  # e.g. unknown licence: nothing can be published until fixed
        summary.failures["portal"] = exc.finding("portal")
        return
    planned = plan(warehouse, record_type, villages)
    futures = [(p, publish_dataset.submit(portal, p)) for p in planned]
    for p, future in futures:
        try:
            result = future.result()
        except PortalError as exc:  # one dataset's failure must not stop the others
            summary.failures[p.plan.name] = exc.finding(p.plan.name)
            get_run_logger().error("Publikasi %s gagal: %s", p.plan.name, exc)
            continue
        summary.published.append(result)
        record(warehouse, p, result)
    summary.write_calls = len(portal.log.writes)
