"""``desa serve``, ``desa status`` and the curation commands (``review``, ``approve``,
``retract``, ``restore``): the commands of DPMD data officers and of the machine that runs the
pipeline every night. ``desa_terbuka.cli`` registers them (``register``) and hands over its
error boundary and the local-portal lookup, so this module does not import the command line.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from functools import wraps
from pathlib import Path
from typing import Any, Callable

import click

from desa_terbuka.core.settings import ConfigError, Settings, portal_credentials, quiet_prefect

_helpers: dict[str, Callable[..., Any]] = {}


def register(group: click.Group, **helpers: Callable[..., Any]) -> None:
    """Add the commands to ``group``; ``helpers``: friendly_errors, use_local_portal,
    check_configuration (from ``desa_terbuka.cli``)."""
    _helpers.update(helpers)
    for command in (serve, status, review, approve, retract, restore):
        group.add_command(command)


def friendly(command):
    @wraps(command)
    def wrapper(*args, **kwargs):
        return _helpers["friendly_errors"](command)(*args, **kwargs)
    return wrapper


def _record_type(value: str | None) -> str | None:
    from desa_terbuka.core.definitions import record_types

    if value and value not in record_types():
        raise click.BadParameter(f"pilih salah satu dari / one of {', '.join(record_types())}",
                                 param_hint="--type")
    return value


def _warehouse(must_exist: bool = True):
    from desa_terbuka.stage.warehouse import Warehouse

    path = Settings.from_env().warehouse
    if must_exist and not path.is_file():
        raise ConfigError(f"Gudang data belum ada: {path}; jalankan `desa run` dulu, atau set DESA_WAREHOUSE "
                          "(no warehouse yet: run `desa run` first, or set DESA_WAREHOUSE)")
    return Warehouse(path)


def _is_terminal() -> bool:
    return sys.stdout.isatty()


# ------------------------------------------------------------------------------------ serve


@click.command()
@click.option("--cron", "crons", multiple=True, metavar="EXPR",
              help="Cron schedule(s) instead of portal_config/schedule.yaml, e.g. '0 2 * * *'.")
@click.option("--interval", type=click.FloatRange(min=5), metavar="SECONDS",
              help="Run every SECONDS instead (for tests and demos).")
@click.option("--inbox", type=click.Path(path_type=Path), help="Folder of submissions [DESA_INBOX or ./inbox].")
@click.option("--village", "villages", multiple=True, metavar="KODE", help="Only these villages (repeatable).")
@click.option("--type", "record_type", help="Only this record type.")
@click.option("--dry-run", is_flag=True, help="Scheduled runs check submissions only.")
@friendly
def serve(crons: tuple[str, ...], interval: float | None, inbox: Path | None, villages: tuple[str, ...],
          record_type: str | None, dry_run: bool) -> None:
    """Run the pipeline on its schedule (nightly by default, Asia/Jakarta) until stopped.

    Without PREFECT_API_URL it starts and supervises a local Prefect server (UI and API on
    server.port of portal_config/schedule.yaml); with it, it registers with that server."""
    from desa_terbuka.core.schedule import ScheduleConfig, ScheduleEntry, schedule_config

    _helpers["check_configuration"]()
    config = schedule_config()
    if crons or interval:
        entries = [ScheduleEntry(cron=c, timezone=config.schedules[0].timezone) for c in crons]
        entries += [ScheduleEntry(interval=interval)] if interval else []
        config = ScheduleConfig.model_validate({**config.model_dump(), "schedules": [e.model_dump() for e in entries]})
    parameters = {**config.parameters, **({"villages": list(villages)} if villages else {}),
                  **({"record_type": _record_type(record_type)} if record_type else {}),
                  **({"dry_run": True} if dry_run else {})}
    settings = Settings.from_env()
    inbox = (inbox or settings.inbox).resolve()
    if not inbox.is_dir():
        raise ConfigError(f"Kotak masuk tidak ditemukan: {inbox}; buat foldernya atau pakai --inbox "
                          "(inbox not found: create it or use --inbox)")
    # Scheduled runs read these in their own processes: absolute, in the environment.
    os.environ["DESA_INBOX"] = str(inbox)
    os.environ["DESA_WAREHOUSE"] = str(settings.warehouse.resolve())
    if not parameters.get("dry_run"):
        portal_credentials(_helpers["use_local_portal"](Settings.from_env()))
    quiet_prefect()
    from flows.serve import LocalPrefectServer, ServerError, serve_flow

    server = None
    if not os.environ.get("PREFECT_API_URL"):
        server = LocalPrefectServer(config.server.host, config.port, Path(os.environ["PREFECT_HOME"]),
                                    log=lambda m: click.echo(m, err=True))
        try:
            server.start()
        except ServerError as exc:
            raise ConfigError(exc.finding.message()) from None
        os.environ["PREFECT_API_URL"] = server.api_url
        server.supervise()
        click.echo(f"Server Prefect lokal: {server.api_url.removesuffix('/api')} (UI, API; log {server.log_file})",
                   err=True)
    else:
        click.echo(f"Mendaftar ke server Prefect {os.environ['PREFECT_API_URL']}", err=True)
    when = "; ".join(e.cron and f"cron '{e.cron}' ({e.timezone})" or f"setiap {e.interval:g} detik"
                     for e in config.schedules)
    click.echo(f"Deployment '{config.deployment}': {when}. Hentikan dengan Ctrl+C.", err=True)
    try:
        serve_flow(config, parameters)
    finally:
        if server:
            server.stop()
            click.echo("Server Prefect lokal dihentikan.", err=True)


# ------------------------------------------------------------------------------------ status


@click.command()
@click.option("--on", "on", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="The board as it stood at the end of that day [today, Asia/Jakarta].")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--html", "html_out", type=click.Path(path_type=Path), metavar="OUT",
              help="Write the offline HTML board (filters by kecamatan and status) to OUT.")
@click.option("--kecamatan", help="Only this kecamatan (code or name).")
@click.option("--status", "status_filter",
              type=click.Choice(["tepat-waktu", "terlambat", "belum-masuk", "belum-jatuh-tempo", "tidak-wajib"]),
              help="Only rows with this status.")
@click.option("--type", "record_type", help="Only this record type.")
@click.option("--year", type=int, help="Only this budget year.")
@click.option("--detail/--summary", default=None,
              help="One line per desa x record type x year [detail when filtered].")
@friendly
def status(on: datetime | None, as_json: bool, html_out: Path | None, kecamatan: str | None,
           status_filter: str | None, record_type: str | None, year: int | None,
           detail: bool | None) -> None:
    """Who reported what and when: every desa x record type x year against the deadline calendar."""
    from rich.console import Console
    from rich.progress import Progress

    from desa_terbuka.core.deadlines import reporting_calendar
    from desa_terbuka.stage.status import build_status
    from desa_terbuka.views.status import filter_rows, print_status, status_json

    _helpers["check_configuration"]()
    calendar = reporting_calendar()
    as_of = on.date() if on else datetime.now(calendar.zone).date()
    console = Console(stderr=True)
    with _warehouse() as warehouse:
        if _is_terminal() and not as_json:
            with Progress(console=console, transient=True) as progress:
                task = progress.add_task("Menyusun status", total=None)
                board = build_status(warehouse, as_of, calendar=calendar,
                                     progress=lambda i, n: progress.update(task, completed=i, total=n))
        else:
            board = build_status(warehouse, as_of, calendar=calendar)
    rows = filter_rows(board, kecamatan, status_filter, _record_type(record_type), year)
    if html_out:
        from desa_terbuka.views.status_html import status_html

        html_out.parent.mkdir(parents=True, exist_ok=True)
        html_out.write_text(status_html(board), encoding="utf-8")
        click.echo(f"Papan status ditulis ke {html_out}", err=True)
    if as_json:
        click.echo(json.dumps(status_json(board, rows), ensure_ascii=False, indent=2, default=str))
        return
    if html_out and detail is None:
        return
    filtered = any((kecamatan, status_filter, record_type, year))
    print_status(Console(width=None if _is_terminal() else 200), board, rows,
                 detail if detail is not None else filtered)


# ------------------------------------------------------------------------------------ curation


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@friendly
def review(as_json: bool) -> None:
    """List quarantined submissions (rejected or held for review) with their reasons."""
    from rich.console import Console

    from desa_terbuka.stage.curation import pending
    from desa_terbuka.views.status import review_table

    with _warehouse() as warehouse:
        items = pending(warehouse)
    if as_json:
        click.echo(json.dumps([{"id": p.submission_id, "status": p.verdict, "file": p.file,
                                "villages": p.villages, "years": p.years,
                                "received_at": p.received_at.isoformat(), "errors": p.errors,
                                "warnings": p.warnings, "findings": [f.to_dict() for f in p.findings]}
                               for p in items], ensure_ascii=False, indent=2))
        return
    if not items:
        click.echo("Karantina kosong: tidak ada kiriman yang menunggu.")
        return
    Console(width=None if _is_terminal() else 200).print(review_table(items))
    click.echo("Setujui kiriman DITAHAN: desa approve ID --reason \"...\"; kiriman DITOLAK "
               "diperbaiki desa lalu dikirim ulang.")


@click.command()
@click.argument("submission", metavar="SUBMISSION")
@click.option("--reason", required=True, help="Why it is accepted despite its warnings (recorded).")
@click.option("--by", "by", metavar="NAMA", help="Who approves [DESA_OFFICER or the login name].")
@click.option("--publish/--no-publish", default=True, show_default=True,
              help="Publish the village's datasets right away (a `desa run --village`).")
@friendly
def approve(submission: str, reason: str, by: str | None, publish: bool) -> None:
    """Accept a held submission despite its warnings; errors can never be approved."""
    from desa_terbuka.stage.curation import actor
    from desa_terbuka.stage.curation import approve as approve_submission

    with _warehouse() as warehouse:
        done = approve_submission(warehouse, submission, reason, actor(by))
    click.echo(f"Disetujui: {done.submission_id[:12]} ({done.record_type} "
               f"{', '.join(done.villages)} {', '.join(map(str, done.years))}) oleh {actor(by)}: {reason}")
    if publish:
        _run_villages(done.villages)


def _run_villages(villages: list[str]) -> None:
    settings = _helpers["use_local_portal"](Settings.from_env())
    portal_credentials(settings)
    quiet_prefect()
    from desa_terbuka.views.text import run_summary_text
    from flows.publish_submissions import publish_submissions

    summary = publish_submissions(villages=villages).unquote()
    click.echo(run_summary_text(summary))
    if summary.failures:
        sys.exit(1)


def _portal():
    from desa_terbuka.publish.portal import Portal

    settings = _helpers["use_local_portal"](Settings.from_env())
    return Portal(*portal_credentials(settings))


def _visibility(name: str, reason: str, by: str | None, action: str) -> None:
    from desa_terbuka.core.findings import Finding
    from desa_terbuka.publish.portal import PortalError, PortalNotFound
    from desa_terbuka.publish.visibility import set_private
    from desa_terbuka.stage.curation import (
        CurationError,
        actor,
        known_dataset,
        log_action,
        require_reason,
        retracted,
    )

    reason = require_reason(reason)
    portal = _portal()
    with _warehouse(must_exist=False) as warehouse:
        off_view = retracted(warehouse)
        if action == "restore" and name not in off_view:
            raise CurationError(Finding("restore-not-retracted", value=name))
        if action == "retract" and name in off_view:
            click.echo(Finding("retract-already", value=name,
                               params={"since": f"{off_view[name].at:%Y-%m-%d}"}).message())
        villages = known_dataset(warehouse, name)
        try:
            on_portal = portal.show("package_show", id=name) is not None
        except PortalError:
            on_portal = True  # unreachable: record it, the next run applies it
        if not on_portal and not villages:
            raise CurationError(Finding("retract-unknown-dataset", value=name))
        if not (action == "retract" and name in off_view):
            log_action(warehouse, action, name, reason, actor(by), villages)
    try:
        changed = set_private(portal, name, action == "retract")
    except PortalNotFound:
        changed = False
    except PortalError as exc:
        click.echo(Finding("curation-portal-pending", value=name,
                           params={"action": action, "reason": exc.reason}).message(), err=True)
        sys.exit(1)
    verb = "ditarik dari publik (privat)" if action == "retract" else "dipulihkan (publik)"
    click.echo(f"{name}: {verb}{'' if changed else ' — portal sudah begitu'}; dicatat oleh {actor(by)}: {reason}")


@click.command()
@click.argument("dataset", metavar="DATASET")
@click.option("--reason", required=True, help="Why, e.g. personal data found (recorded).")
@click.option("--by", "by", metavar="NAMA", help="Who retracts [DESA_OFFICER or the login name].")
@friendly
def retract(dataset: str, reason: str, by: str | None) -> None:
    """Take a dataset off public view at once; it stays private on later runs until restored."""
    _visibility(dataset, reason, by, "retract")


@click.command()
@click.argument("dataset", metavar="DATASET")
@click.option("--reason", required=True, help="Why it may be public again (recorded).")
@click.option("--by", "by", metavar="NAMA", help="Who restores [DESA_OFFICER or the login name].")
@friendly
def restore(dataset: str, reason: str, by: str | None) -> None:
    """Make a retracted dataset public again; the next run brings it up to date."""
    _visibility(dataset, reason, by, "restore")
