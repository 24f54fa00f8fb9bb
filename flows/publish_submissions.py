"""Prefect flow: village submissions in an inbox → validated → DuckDB → CKAN.

The flow only wires library functions into tasks: retries for portal calls (transient errors only),
concurrency across datasets (one writer per dataset), and a run summary artifact.
Run it with ``desa run``, which checks the portal settings before Prefect starts.
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
    build_plan,
    cross_findings,
    group_slices,
    prepare_portal,
)
from desa_terbuka.publish.plan import DatasetPlan
from desa_terbuka.publish.portal import Portal, PortalError, TransientPortalError
from desa_terbuka.publish.sync import SyncResult, sync_dataset
from desa_terbuka.run import RunSummary, concerns
from desa_terbuka.stage.outcome import SubmissionOutcome
from desa_terbuka.stage.receive import receive
from desa_terbuka.views.reports import quarantine_reports
from desa_terbuka.stage.warehouse import Warehouse
from desa_terbuka.validate.check import CheckedSubmission, check_file
from desa_terbuka.views.text import run_summary_markdown

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
def check_submission(submission: Submission, record_type: str | None) -> CheckedSubmission:
    return check_file(submission.path, record_type, submission)


@task(cache_policy=NO_CACHE, retries=3, retry_delay_seconds=[2, 5, 15],
      retry_condition_fn=_transient_only)
def publish_dataset(portal: Portal, plan: DatasetPlan) -> SyncResult:
    return sync_dataset(portal, plan)


@flow(name="desa-terbuka-publish", task_runner=ThreadPoolTaskRunner(max_workers=PUBLISH_CONCURRENCY),
      log_prints=False)
def publish_submissions(inbox: Path | None = None, villages: list[str] | None = None,
                        record_type: str | None = None, dry_run: bool = False,
                        warehouse_path: Path | None = None) -> RunSummary:
    settings = Settings.from_env()
    inbox = Path(inbox or settings.inbox)
    logger = get_run_logger()
    summary = RunSummary(dry_run=dry_run)
    warehouse = None if dry_run else Warehouse(Path(warehouse_path or settings.warehouse))
    try:
        for submission in discover(inbox):
            receipt = warehouse.last_receipt(submission) if warehouse else None
            if receipt:
                outcome = warehouse.outcome_of(submission, receipt)
            else:
                checked = check_submission(submission, record_type)
                if not concerns(checked.villages, villages):
                    continue
                outcome = receive(warehouse, checked, quarantine_reports) if warehouse else \
                    SubmissionOutcome.of(checked, "accepted" if checked.valid else "rejected")
            if concerns(outcome.villages, villages):
                summary.outcomes.append(outcome)
        if warehouse:
            _publish(summary, warehouse, settings, villages, record_type, logger)
    finally:
        if warehouse:
            warehouse.close()
    create_markdown_artifact(run_summary_markdown(summary), key="desa-terbuka-run",
                             description="Ringkasan run Desa Terbuka")
    return summary


def _publish(summary: RunSummary, warehouse: Warehouse, settings: Settings,
             villages: list[str] | None, record_type: str | None, logger) -> None:
    url, token = portal_credentials(settings)
    portal = Portal(url, token)
    try:
        summary.portal_changes = prepare_portal(portal)
    except PortalError as exc:  # e.g. unknown licence: nothing can be published until fixed
        summary.failures["portal"] = str(exc)
        return
    grouped = group_slices(warehouse.current_slices(record_type, villages))
    cross = cross_findings(warehouse, record_type, villages)
    plans = []
    for (rt, kode), slices in grouped.items():
        plan, findings = build_plan(warehouse, rt, kode, slices, cross.get((rt, kode), []))
        plans.append(plan)
        publish_quality_artifact(plan, findings)
        write_local_report(warehouse, plan)
    futures = [(plan, publish_dataset.submit(portal, plan)) for plan in plans]
    for plan, future in futures:
        try:
            result = future.result()
        except Exception as exc:  # one dataset's failure must not stop the others
            summary.failures[plan.name] = str(exc)
            logger.error("Publikasi %s gagal: %s", plan.name, exc)
            continue
        summary.published.append(result)
        hashes = {r.year: r.content_hash for r in plan.resources}
        for s in grouped[(plan.record_type, plan.kode_desa)]:
            if s.tahun in result.changed_years:
                warehouse.record_publication(s, plan.name, result.resource_ids[s.tahun],
                                             hashes[s.tahun])
    summary.write_calls = len(portal.log.writes)


def publish_quality_artifact(plan: DatasetPlan, findings: list) -> None:
    """A Prefect table artifact per village × record type: the quality findings of this run."""
    rows = [{"aturan": f.code, "tingkat": f.level, "berkas": Path(f.file).name if f.file else "",
             "baris": f.row, "kolom": f.field, "pesan": f.message()} for f in findings]
    create_table_artifact(
        key=f"kualitas-{plan.name}"[:100], table=rows or [{"aturan": "-", "pesan": "Tidak ada temuan."}],
        description=f"Laporan kualitas data {plan.name}: {len(findings)} temuan")


def write_local_report(warehouse: Warehouse, plan: DatasetPlan) -> None:
    """Keep each dataset's HTML quality report beside the warehouse for officers without a portal."""
    folder = warehouse.path.parent / "reports" / plan.kode_desa
    folder.mkdir(parents=True, exist_ok=True)
    for document in plan.documents:
        (folder / f"{document.key}-{plan.record_type}.html").write_bytes(document.content)
