"""``desa portal sync`` (the portal as code) and ``desa links`` (what a village website pastes).
``desa_terbuka.cli`` registers them (``register``) and hands over its error boundary and the
local-portal lookup, so this module does not import the command line."""

from __future__ import annotations

import json
import sys
from functools import wraps
from typing import Any, Callable

import click

from desa_terbuka.core.settings import Settings, portal_credentials

_helpers: dict[str, Callable[..., Any]] = {}


def register(group: click.Group, portal_group: click.Group, **helpers: Callable[..., Any]) -> None:
    """``helpers``: friendly_errors, use_local_portal, check_configuration."""
    _helpers.update(helpers)
    portal_group.add_command(portal_sync)
    group.add_command(links)


def friendly(command):
    @wraps(command)
    def wrapper(*args, **kwargs):
        return _helpers["friendly_errors"](command)(*args, **kwargs)
    return wrapper


def _portal():
    from desa_terbuka.publish.portal import Portal

    settings = _helpers["use_local_portal"](Settings.from_env())
    url, token = portal_credentials(settings)
    return Portal(url, token)


@click.command("sync")
@click.option("--dry-run", is_flag=True, help="Print the differences only; change nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
@friendly
def portal_sync(dry_run: bool, as_json: bool, lang: str) -> None:
    """Make the portal match portal_config/ (site texts, 168 desa organizations, groups, resource
    order); prints the differences first and never deletes anything."""
    from desa_terbuka.core.findings import Finding
    from desa_terbuka.publish.site import apply_changes, portal_diff

    _helpers["check_configuration"]()
    portal = _portal()
    changes = portal_diff(portal)
    if as_json:
        click.echo(json.dumps({"portal": portal.url, "dry_run": dry_run, "changes": [
            {"code": c.code, "name": c.name, "fields": c.fields, "before": c.before,
             "message": c.finding().message(lang)} for c in changes]}, ensure_ascii=False, indent=2))
    else:
        for change in changes:
            click.echo(f"  {change.finding().message(lang)}")
    if not dry_run and changes:
        apply_changes(portal, changes)
    code = ("site-in-sync" if not changes else "site-changes-planned" if dry_run
            else "site-changes-applied")
    message = Finding(code, value=portal.url, params={"count": len(changes)}).message(lang)
    click.echo(message, err=as_json)


@click.command()
@click.argument("kode_desa", metavar="KODE_DESA")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md",
              show_default=True, help="md: links as Markdown; html: the embeddable snippet; json: the feed.")
@friendly
def links(kode_desa: str, fmt: str) -> None:
    """Permanent links of one village's data (dataset pages, latest CSV per record type), its
    embeddable HTML snippet (no JavaScript, no CDN) and its JSON feed."""
    from desa_terbuka.link.feed import LinkError, village_links
    from desa_terbuka.link.snippet import links_markdown, snippet_html

    _helpers["check_configuration"]()
    try:
        found = village_links(_portal(), kode_desa)
    except LinkError as problem:
        click.echo(problem.finding.message(), err=True)
        sys.exit(1)
    if fmt == "json":
        click.echo(json.dumps(found.feed(), ensure_ascii=False, indent=2))
    elif fmt == "html":
        click.echo(snippet_html(found))
    else:
        click.echo(links_markdown(found))
