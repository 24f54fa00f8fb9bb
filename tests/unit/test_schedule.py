"""Schedules and notifications as data: schedule.yaml and prefect.yaml agree, a partly failed or
failed run posts to a real (local) webhook, a dead webhook never fails the run."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from pydantic import ValidationError

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.schedule import Notifications, ScheduleConfig, ScheduleEntry, Webhook, schedule_config
from desa_terbuka.run import RunSummary
from desa_terbuka.stage.outcome import SubmissionOutcome
from flows import notify

ROOT = Path(__file__).resolve().parents[2]


def test_prefect_yaml_schedules_the_same_nightly_run_as_schedule_yaml() -> None:
    shipped = schedule_config()
    deployments = yaml.safe_load((ROOT / "prefect.yaml").read_text())["deployments"]
    nightly = next(d for d in deployments if d["name"] == shipped.deployment)
    assert nightly["entrypoint"] == "flows/publish_submissions.py:publish_submissions"
    assert [(s["cron"], s["timezone"]) for s in nightly["schedules"]] == [
        (e.cron, e.timezone) for e in shipped.schedules]
    assert shipped.schedules[0].timezone == "Asia/Jakarta"


def test_a_schedule_is_a_cron_or_an_interval() -> None:
    assert ScheduleEntry(interval=30).cron is None
    for bad in ({}, {"cron": "0 2 * * *", "interval": 5}, {"cron": "0 2 * *"}, {"cron": "0 2 * * *",
                                                                                  "timezone": "Mars/Base"}):
        with pytest.raises(ValidationError):
            ScheduleEntry(**bad)
    with pytest.raises(ValidationError):
        ScheduleConfig(schedules=[{"interval": 5}], parameters={"inbox": "/tmp"})


@pytest.fixture
def receiver():
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(json.loads(body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook", received
    server.shutdown()


def _partial() -> RunSummary:
    summary = RunSummary(portal_url="http://portal")
    summary.outcomes = [SubmissionOutcome("inbox/a.csv", "apbdes", ["62.02.16.2003"], [2024], "rejected", 2),
                        SubmissionOutcome("inbox/b.csv", "apbdes", ["62.02.16.2001"], [2024], "accepted")]
    summary.failures["apbdes-6202162001-luwuk-sampun"] = Finding(
        "portal-unreachable", value="apbdes-6202162001-luwuk-sampun",
        params={"action": "package_show", "reason": "ConnectionError"})
    return summary


def test_a_partly_failed_run_posts_to_the_webhook(receiver, monkeypatch) -> None:
    url, received = receiver
    monkeypatch.setenv("DESA_TEST_HOOK", url)
    config = ScheduleConfig(schedules=[{"cron": "0 2 * * *"}],
                            notifications={"webhooks": [{"url_env": "DESA_TEST_HOOK"}]})
    monkeypatch.setattr(notify, "schedule_config", lambda: config)
    assert notify.notify_summary(_partial(), "malam-1") == []
    [message] = received
    assert message["status"] == "partial" and message["code"] == "run-partial"
    assert "1 dataset gagal terbit, 1 berkas ditolak" in message["text"]
    assert message["rejected"] == ["inbox/a.csv"]
    assert "apbdes-6202162001-luwuk-sampun" in message["failures"]
    clean = RunSummary(outcomes=[SubmissionOutcome("b.csv", "apbdes", [], [], "unchanged-rejected")])
    assert notify.notify_summary(clean, "malam-2") == [] and len(received) == 1  # told last time


def test_a_failed_run_posts_from_the_flow_hook(receiver, monkeypatch) -> None:
    url, received = receiver
    config = ScheduleConfig(schedules=[{"cron": "0 2 * * *"}], notifications={"webhooks": [{"url": url}]})
    monkeypatch.setattr(notify, "schedule_config", lambda: config)
    notify.notify_failure(None, SimpleNamespace(name="malam-3"),
                          SimpleNamespace(message="Flow run encountered an exception: boom", name="Failed"))
    [message] = received
    assert message["status"] == "failed" and "malam-3" in message["text"] and "boom" in message["text"]


def test_a_dead_or_unset_webhook_is_reported_never_raised(monkeypatch) -> None:
    monkeypatch.delenv("DESA_UNSET_HOOK", raising=False)
    config = Notifications(webhooks=[Webhook(url="http://127.0.0.1:9/none"), Webhook(url_env="DESA_UNSET_HOOK")])
    problems = notify.post(config, notify.failure_payload("x", "y"))
    assert [p.code for p in problems] == ["notification-failed", "notification-failed"]
    assert "$DESA_UNSET_HOOK" in problems[1].message()
    assert notify.post(Notifications(notify_on=["failed"], webhooks=config.webhooks),
                       notify.summary_payload(_partial(), "x")) == []  # partial runs not wanted here


def test_the_run_summary_artifact_tells_everything_an_officer_acts_on() -> None:
    from desa_terbuka.views.text import run_summary_markdown

    summary = _partial()
    summary.outcomes.append(SubmissionOutcome("inbox/c.csv", "apbdes", ["62.02.16.2011"], [2024], "held", 0, 2))
    summary.withheld["apbdes-6202162003-merah"] = Finding(
        "dataset-retracted", value="apbdes-6202162003-merah", params={"since": "2026-12-01", "reason": "NIK"})
    summary.compliance = "kepatuhan-publikasi-data-desa"
    summary.notices.append(Finding("notification-failed", value="$HOOK", params={"reason": "Timeout"}))
    text = run_summary_markdown(summary)
    for expected in ("| 62.02.16.2003 Merah | apbdes | 2024 | inbox/a.csv | DITOLAK | 2 | 0 |",
                     "GAGAL apbdes-6202162001-luwuk-sampun", "DITAHAN untuk ditinjau: inbox/c.csv",
                     "ditarik dari publik sejak 2026-12-01 (NIK)", "http://portal/dataset/kepatuhan-publikasi-data-desa",
                     "Notifikasi ke $HOOK gagal", "1 DITAHAN untuk ditinjau, 1 DITOLAK, 1 diterima"):
        assert expected in text, expected
