"""``desa``: the command line. Commands parse options, call one library function or flow, and
render the result. Expected failures become one line with a remedy; tracebacks need --debug.
"""

from __future__ import annotations

import atexit
import gc
import json
import os
import sys
import time
from functools import wraps
from pathlib import Path

import click

from desa_terbuka import __version__, cli_operations, cli_site
from desa_terbuka.core.definitions import record_types
from desa_terbuka.core.settings import (
    ConfigError,
    Settings,
    portal_credentials,
    quiet_prefect,
)

EXIT_VALID, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def check_configuration() -> None:
    """Load every curated file once, so a typo anywhere is reported before work starts
    (``ConfigError``: one line naming the file, the key and the fix)."""
    from desa_terbuka.core.catalogue import catalogue
    from desa_terbuka.core.definitions import definitions
    from desa_terbuka.publish.config import portal_config, site_config
    from desa_terbuka.stage.cross_dataset import cross_rules
    from desa_terbuka.validate.suites import load_suite

    from desa_terbuka.core.deadlines import reporting_calendar
    from desa_terbuka.core.schedule import schedule_config
    from desa_terbuka.publish.compliance import compliance_config, compliance_schema
    from desa_terbuka.stage.curation import curation_policy

    catalogue()
    for record_type in definitions():
        load_suite(record_type)
    cross_rules()
    portal_config()
    site_config()
    reporting_calendar()
    schedule_config()
    curation_policy()
    compliance_config()
    compliance_schema()


def explain(exc: BaseException) -> str:
    """One line for an expected failure, with its remedy; the last resort names --debug."""
    from desa_terbuka.publish.portal import PortalError
    from devportal.services import LocalPortalError

    from desa_terbuka.stage.curation import CurationError

    if isinstance(exc, ConfigError):
        return f"Galat konfigurasi: {exc}"
    if isinstance(exc, CurationError):
        return f"Galat: {exc}"
    if isinstance(exc, OSError):
        return f"Galat: {exc}"
    if isinstance(exc, (PortalError, LocalPortalError)):
        return f"Galat portal: {exc}"
    if isinstance(exc, click.Abort):
        return ("Dibatalkan: tidak ada jawaban konfirmasi (tanpa terminal, tambahkan --yes) / "
                "aborted: no confirmation (without a terminal, add --yes)")
    return (f"Galat tak terduga ({type(exc).__name__}: {exc}). Jalankan lagi dengan "
            "`desa --debug ...` dan laporkan keluarannya.")


def friendly_errors(command):
    """Turn expected failures into a one-line message (exit 2), keeping tracebacks for --debug."""
    @wraps(command)
    def wrapper(*args, **kwargs):
        ctx = click.get_current_context()
        try:
            return command(*args, **kwargs)
        except (Exception, click.Abort) as exc:
            if ctx.find_root().params.get("debug"):
                raise
            click.echo(explain(exc), err=True)
            sys.exit(EXIT_USAGE)
    return wrapper


class RecordType(click.Choice):
    """The record types of datasets/*.yaml, read when first needed (not when ``desa`` starts),
    so a typo in a dataset definition is reported by the error boundary, not as a traceback."""

    def __init__(self) -> None:
        super().__init__([])

    @property
    def choices(self):  # type: ignore[override]
        return record_types()

    @choices.setter
    def choices(self, value) -> None:  # click.Choice assigns it in __init__
        pass


@click.group()
@click.version_option(__version__, prog_name="desa")
@click.option("--debug", is_flag=True, help="Show tracebacks (for developers).")
def cli(debug: bool) -> None:
    """Desa Terbuka: publish village data (APBDes, kegiatan, musyawarah) as open data."""


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--type", "record_type", type=RecordType(),
              help="Record type; detected from the column headings when omitted.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a report.")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
@friendly_errors
def check(file: Path, record_type: str | None, as_json: bool, lang: str) -> None:
    """Validate one submission without publishing. Exit 0 valid, 1 invalid, 2 unreadable/usage."""
    from desa_terbuka.validate.check import check_parts
    from desa_terbuka.views.json import check_json, missing_file_json
    from desa_terbuka.views.text import check_text

    check_configuration()
    if not file.is_file():
        shown = missing_file_json(str(file), record_type, lang)
        if as_json:
            click.echo(json.dumps(shown, ensure_ascii=False, indent=2))
        else:
            click.echo(shown["errors"][0]["message"], err=True)
        sys.exit(EXIT_USAGE)
    parts = check_parts(file, record_type)
    checked = parts[0]
    if as_json:
        shown = {**check_json(checked, lang), "other_parts": [check_json(p, lang) for p in parts[1:]]}
        click.echo(json.dumps(shown, ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(check_text(p, lang) for p in parts))
    if all(p.valid for p in parts):
        sys.exit(EXIT_VALID)
    unreadable = checked.records is None and any(
        f.code in ("file-unreadable", "file-empty") for f in checked.findings)
    sys.exit(EXIT_USAGE if unreadable else EXIT_INVALID)


@cli.command()
@click.option("--inbox", type=click.Path(path_type=Path), help="Folder of submissions [DESA_INBOX or ./inbox].")
@click.option("--village", "villages", multiple=True, metavar="KODE", help="Only these villages (repeatable).")
@click.option("--type", "record_type", type=RecordType(), help="Only this record type.")
@click.option("--dry-run", is_flag=True, help="Check submissions only: stage and publish nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
@friendly_errors
def run(inbox: Path | None, villages: tuple[str, ...], record_type: str | None, dry_run: bool,
        as_json: bool) -> None:
    """Collect, validate, stage and publish the submissions in the inbox (a Prefect flow)."""
    quiet_prefect()
    from flows.serve import running_local_server
    from flows.temporary_server import TemporaryServer

    serving = not os.environ.get("PREFECT_API_URL") and running_local_server(Path(os.environ["PREFECT_HOME"]))
    if serving:  # `desa serve` runs: use its server (one database, and the run shows in its UI)
        os.environ["PREFECT_API_URL"] = serving
    # none configured: the run's own, started before Prefect is imported (flows/temporary_server.py)
    server = None if os.environ.get("PREFECT_API_URL") else TemporaryServer(Path(os.environ["PREFECT_HOME"]))
    check_configuration()
    settings = Settings.from_env()
    inbox = inbox or settings.inbox
    if not inbox.is_dir():
        raise ConfigError(f"Kotak masuk tidak ditemukan: {inbox} (buat foldernya atau pakai --inbox)")
    if not dry_run:
        settings = use_local_portal(settings)
        portal_credentials(settings)  # fail fast, before Prefect starts
    from desa_terbuka.views.text import run_summary_text
    from flows.publish_submissions import publish_submissions

    started = time.monotonic()
    if server is not None:
        server.join()
    summary = publish_submissions(inbox=inbox, villages=list(villages) or None,
                                  record_type=record_type, dry_run=dry_run).unquote()
    if as_json:
        from desa_terbuka.views.json import run_json

        click.echo(json.dumps(run_json(summary), ensure_ascii=False, indent=2))
    else:
        click.echo(run_summary_text(summary))
        click.echo(f"\nSelesai dalam {time.monotonic() - started:.1f} detik.")
    rejected = any(o.verdict.endswith("rejected") for o in summary.outcomes)
    sys.exit(1 if summary.failures or rejected else 0)


def use_local_portal(settings: Settings) -> Settings:
    """Without CKAN_URL, publish to the local development portal when it runs.

    The token goes into this process's environment only (never into flow parameters, which
    Prefect stores)."""
    if settings.ckan_url:
        return settings
    from devportal import local

    status = local.status()
    if not status.ready:
        return settings
    os.environ["CKAN_URL"] = status.url
    os.environ["CKAN_API_TOKEN"] = local.read_token()
    return Settings.from_env()


@cli.command()
@click.option("--out", type=click.Path(path_type=Path), default=Path("inbox"), show_default=True)
@click.option("--kecamatan", default="62.02.16", show_default=True)
@click.option("--years", default="2023-2025", show_default=True, help="A year or a range like 2023-2025.")
@friendly_errors
def sample(out: Path, kecamatan: str, years: str) -> None:
    """Write realistic sample submissions (default: the 11 desa of Tualan Hulu, 2023–2025)."""
    from desa_terbuka.authoring.sample import generate

    first, _, last = years.partition("-")
    year_list = list(range(int(first), int(last or first) + 1))
    paths = generate(out, kecamatan=kecamatan, years=year_list)
    click.echo(f"{len(paths)} berkas contoh ditulis ke {out}")


@cli.group()
@click.option("--test", "test_portal", is_flag=True,
              help="The test command's own portal (beside yours: own folder and ports).")
def portal(test_portal: bool) -> None:
    """The local CKAN portal (dev/test: real CKAN under gunicorn, PostgreSQL, DataStore, Redis;
    Solr stand-in)."""
    if test_portal:
        from devportal import instances

        os.environ.update(instances.environment(instances.test_layout(instances.layout()),
                                                test=True))
        os.environ.pop("DESA_PORTAL_PORT", None)


@portal.command("up")
@friendly_errors
def portal_up() -> None:
    """Install if missing and start the local portal."""
    from devportal import local

    click.echo(_status_text(local.up(log=lambda m: click.echo(m, err=True))))


@portal.command("down")
@friendly_errors
def portal_down() -> None:
    """Stop the local portal (data is kept)."""
    from devportal import local

    local.down(log=lambda m: click.echo(m, err=True))


@portal.command("status")
@friendly_errors
def portal_status() -> None:
    """Say what runs and where."""
    from devportal import local

    status = local.status()
    click.echo(_status_text(status))
    sys.exit(0 if status.ready else 1)


@portal.command("reset")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@friendly_errors
def portal_reset(yes: bool) -> None:
    """Stop the local portal and delete all its data."""
    from devportal import local

    if not yes and not sys.stdin.isatty():
        click.echo("Tidak ada terminal untuk konfirmasi: jalankan `desa portal reset --yes` untuk "
                   "menghapus semua data portal lokal / no terminal to confirm: run "
                   "`desa portal reset --yes` to delete all local portal data", err=True)
        sys.exit(EXIT_USAGE)
    if not yes:
        click.confirm("Hapus semua data portal lokal? (delete all local portal data?)", abort=True)
    local.reset(log=lambda m: click.echo(m, err=True))


def _status_text(status) -> str:
    lines = [f"Portal: {status.url} ({'siap' if status.ready else 'tidak berjalan'})"]
    for c in status.components:
        lines.append(f"  {c.name:<12} {'jalan' if c.running else 'mati':<6} {c.detail}")
    lines.append(f"  token API sysadmin: {status.token_file} (mode 600; tidak pernah dicetak)")
    return "\n".join(lines)


@cli.command()
@click.argument("kode_desa", metavar="KODE_DESA")
@click.option("--type", "record_type", type=RecordType(), required=True,
              help="Record type of the template.")
@click.option("--tahun", type=click.IntRange(2015, 2100), help="Year written in the title rows.")
@click.option("--out", type=click.Path(path_type=Path),
              help="Where to write the XLSX [<type>_<kode>[_<tahun>].xlsx].")
@friendly_errors
def template(kode_desa: str, record_type: str, tahun: int | None, out: Path | None) -> None:
    """Write a pre-filled XLSX template for one village, with drop-down lists."""
    from desa_terbuka.authoring.template import TemplateError, build_template

    out = out or Path(f"{record_type}_{kode_desa.replace('.', '')}" + (f"_{tahun}" if tahun else "")
                      + ".xlsx")
    try:
        path = build_template(kode_desa, record_type, tahun, out)
    except TemplateError as problem:
        click.echo(f"Galat: {problem}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"Templat ditulis ke {path}")


cli_operations.register(cli, friendly_errors=friendly_errors, use_local_portal=use_local_portal,
                        check_configuration=check_configuration)
cli_site.register(cli, portal, friendly_errors=friendly_errors, use_local_portal=use_local_portal,
                  check_configuration=check_configuration)


def command_reference() -> str:
    """Every command's ``--help`` in the order ``desa`` lists them: the README's reference (cog)."""
    from click.testing import CliRunner

    parts: list[str] = []

    def visit(command: click.Command, path: list[str]) -> None:
        result = CliRunner().invoke(cli, [*path, "--help"], prog_name="desa", terminal_width=100)
        parts.append(f"<details><summary><code>{' '.join(['desa', *path])}</code></summary>\n\n"
                     f"```\n{result.output.rstrip()}\n```\n</details>\n")
        if isinstance(command, click.Group):
            for name in command.list_commands(click.Context(command)):
                visit(command.get_command(click.Context(command), name), [*path, name])

    visit(cli, [])
    return "\n".join(parts) + "\n"


def main() -> None:
    # Python's last garbage collections walk every object a run leaves (Prefect's, pydantic's):
    # 0.45 s of a no-change run. Frozen, they go with the process. Registered first, this runs
    # after every other exit handler (Prefect's flush their queues in theirs).
    atexit.register(gc.freeze)
    try:
        cli()
    except Exception as exc:  # raised outside a command, e.g. while reading its options
        if "--debug" in sys.argv:
            raise
        click.echo(explain(exc), err=True)
        sys.exit(EXIT_USAGE)


if __name__ == "__main__":
    main()
