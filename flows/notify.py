"""Tell someone when a run goes wrong: a JSON message to each webhook of
``portal_config/schedule.yaml`` (Slack, Mattermost, Rocket.Chat and most chat tools show its
``text``; other receivers read the fields). A failed run (it stopped with an error) is reported
by the flow's failure hook, a partly failed one (datasets not published, files rejected or held
this run) at the end of the run. A webhook that does not answer never fails the run.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import requests

from desa_terbuka import __version__
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.schedule import Notifications, schedule_config
from desa_terbuka.run import RunSummary

TIMEOUT = 10


def partly_failed(summary: RunSummary) -> bool:
    """Something needs a person: a dataset not published, or a file rejected or held this run
    (files unchanged since an earlier run were reported then)."""
    return bool(summary.failures) or any(o.verdict in ("rejected", "held") for o in summary.outcomes)


def summary_payload(summary: RunSummary, run_name: str) -> dict[str, Any]:
    rejected = [o.file for o in summary.outcomes if o.verdict == "rejected"]
    held = [o.file for o in summary.outcomes if o.verdict == "held"]
    finding = Finding("run-partial", value=run_name, params={
        "failed": len(summary.failures), "rejected": len(rejected), "held": len(held)})
    return {**_common("partial", run_name, finding),
            "failures": {name: f.message() for name, f in summary.failures.items()},
            "rejected": rejected, "held": held, "portal": summary.portal_url}


def failure_payload(run_name: str, reason: str) -> dict[str, Any]:
    return _common("failed", run_name, Finding("run-failed", value=run_name, params={"reason": reason}))


def _common(kind: str, run_name: str, finding: Finding) -> dict[str, Any]:
    return {"text": finding.message("id"), "text_en": finding.message("en"), "status": kind,
            "code": finding.code, "run": run_name, "pipeline_version": __version__,
            "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}


def post(config: Notifications, payload: dict[str, Any]) -> list[Finding]:
    """Send ``payload`` to every webhook; problems come back as findings (never raised)."""
    if payload["status"] not in config.notify_on:
        return []
    problems = []
    for hook in config.webhooks:
        address = hook.address()
        if not address:
            problems.append(Finding("notification-failed", value=hook.shown,
                                    params={"reason": "variabel lingkungan kosong / variable unset"}))
            continue
        try:
            requests.post(address, json=payload, timeout=TIMEOUT).raise_for_status()
        except requests.RequestException as exc:
            problems.append(Finding("notification-failed", value=hook.shown,
                                    params={"reason": type(exc).__name__}))
    return problems


def notify_summary(summary: RunSummary, run_name: str) -> list[Finding]:
    if not partly_failed(summary):
        return []
    return post(schedule_config().notifications, summary_payload(summary, run_name))


def notify_failure(flow, flow_run, state) -> None:
    """Prefect hook (on_failure, on_crashed): the run stopped with an error."""
    reason = state.message or state.name
    post(schedule_config().notifications, failure_payload(flow_run.name, reason))
