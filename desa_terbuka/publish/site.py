"""The portal as code: what ``portal_config/`` says the portal should hold, what it holds, and
the difference as a list of changes that ``desa portal sync`` prints, then applies.

The desired state is computed without the portal (pure); the portal is read in a handful of
paged list calls (organizations and groups with all fields, one settings read per key, datasets
with their resources); applying writes only what differs. Nothing is ever deleted: an
organization or group the config does not name is left alone, a resource is only moved.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.reference import villages
from desa_terbuka.publish.compliance import compliance_config
from desa_terbuka.publish.config import all_groups, site_config
from desa_terbuka.publish.ordering import needs_order, order_resources, ordered_ids
from desa_terbuka.publish.plan import organization_plan
from desa_terbuka.publish.portal import Portal, listed

LIST_PAGE = 25  # CKAN's ckan.group_and_organization_list_all_fields_max default
SEARCH_PAGE = 1000


@dataclass(frozen=True)
class Change:
    """One difference between config and portal; ``code`` is its catalogue rule."""

    code: str  # site-create-organization | site-update-organization | site-create-group | ...
    name: str
    fields: dict[str, Any] = field(default_factory=dict)
    before: dict[str, Any] = field(default_factory=dict)

    def finding(self) -> Finding:
        changed = ", ".join(sorted(self.fields)) if self.before else self.fields.get("title", "")
        return Finding(self.code, value=self.name, params={"fields": changed})


def desired_settings() -> dict[str, str]:
    """CKAN's runtime site settings (config_option_update keys) from ``site.yaml``."""
    config = site_config()
    home = "\n\n".join([config.site.intro.strip(),
                        *(f"### {s.title}\n\n{s.body.strip()}" for s in config.home)])
    return {
        "ckan.site_title": config.site.title,
        "ckan.site_description": config.site.description,
        "ckan.site_logo": config.site.logo,
        "ckan.site_about": config.site.about.strip(),
        "ckan.site_intro_text": home.strip(),
    }


def desired_organizations() -> dict[str, dict[str, str]]:
    """Organization name -> title and description: every village of the jenis ``site.yaml``
    names (168 desa), then DPMD's own organization for the district datasets."""
    wanted = {}
    jenis = set(site_config().organizations_for)
    for village in villages().values():
        if village.jenis in jenis:
            org = organization_plan(village)
            wanted[org.name] = {"title": org.title, "description": org.description}
    dpmd = compliance_config().organization
    wanted[dpmd.name] = {"title": dpmd.title, "description": dpmd.description}
    return wanted


def desired_groups() -> dict[str, dict[str, str]]:
    return {g["name"]: {"title": g["title"], "description": g["description"]} for g in all_groups()}


def _listed(portal: Portal, action: str) -> dict[str, dict[str, str]]:
    return {item["name"]: {"title": item.get("title") or "", "description": item.get("description") or ""}
            for item in listed(portal, action, LIST_PAGE, all_fields=True)}


def _datasets(portal: Portal) -> list[dict[str, Any]]:
    found, start = [], 0
    while True:
        page = portal.call("package_search", q="*:*", rows=SEARCH_PAGE, start=start,
                           include_private=True, fl=None)
        found += page["results"]
        start += SEARCH_PAGE
        if start >= page["count"]:
            return found


def _compare(code_create: str, code_update: str, wanted: dict[str, dict[str, str]],
             present: dict[str, dict[str, str]]) -> list[Change]:
    changes = []
    for name, want in wanted.items():
        have = present.get(name)
        if have is None:
            changes.append(Change(code_create, name, dict(want)))
        else:
            differ = {k: v for k, v in want.items() if (have.get(k) or "") != v}
            if differ:
                changes.append(Change(code_update, name, differ, {k: have.get(k) for k in differ}))
    return changes


def portal_diff(portal: Portal) -> list[Change]:
    """Every change that would make the portal match ``portal_config/`` (reads only)."""
    changes = []
    for key, want in desired_settings().items():
        have = portal.call("config_option_show", key=key) or ""
        if have != want:
            changes.append(Change("site-update-setting", key, {key: want}, {key: have}))
    changes += _compare("site-create-organization", "site-update-organization",
                        desired_organizations(), _listed(portal, "organization_list"))
    present_groups = _listed(portal, "group_list")
    changes += _compare("site-create-group", "site-update-group", desired_groups(), present_groups)
    changes += bot_diff(portal, set(desired_organizations()), set(desired_groups()),
                        set(present_groups))
    for package in _datasets(portal):
        resources = package.get("resources") or []
        if needs_order(resources):
            changes.append(Change("site-reorder-resources", package["name"],
                                  {"order": ordered_ids(resources)}))
    return changes


def bot_diff(portal: Portal, organizations: set[str], groups: set[str],
             present_groups: set[str]) -> list[Change]:
    """The pipeline's user: present, editor of every organization, member of every group.
    A user that may publish but is not listed (an admin) is left as it is."""
    bot = site_config().bot
    if bot is None:
        return []
    changes = []
    user = portal.show("user_show", id=bot.name)
    if user is None:
        changes.append(Change("site-create-bot", bot.name, {"fullname": bot.fullname,
                                                            "email": bot.email}))
        missing_orgs, missing_groups = organizations, groups
    else:
        may = {o["name"] for o in portal.call("organization_list_for_user", id=bot.name,
                                              permission="create_dataset")}
        missing_orgs = organizations - may
        missing_groups = {g for g in groups if g not in present_groups or user["id"] not in
                          {m[0] for m in portal.call("member_list", id=g, object_type="user")}}
    changes += [Change("site-bot-editor", org, {"user": bot.name}) for org in sorted(missing_orgs)]
    changes += [Change("site-bot-group", g, {"user": bot.name}) for g in sorted(missing_groups)]
    return changes


def apply_changes(portal: Portal, changes: list[Change]) -> None:
    """Write the changes in the order given (settings, organizations, groups, the bot user and
    its memberships, resource order)."""
    settings = {c.name: c.fields[c.name] for c in changes if c.code == "site-update-setting"}
    if settings:
        portal.call("config_option_update", **settings)
    for c in changes:
        if c.code == "site-create-organization":
            portal.call("organization_create", name=c.name, **c.fields)
        elif c.code == "site-update-organization":
            portal.call("organization_patch", id=c.name, **c.fields)
        elif c.code == "site-create-group":
            portal.call("group_create", name=c.name, **c.fields)
        elif c.code == "site-update-group":
            portal.call("group_patch", id=c.name, **c.fields)
        elif c.code == "site-create-bot":
            # No usable password: the bot signs in with the API token a sysadmin makes for it.
            portal.call("user_create", name=c.name, password=secrets.token_urlsafe(32), **c.fields)
        elif c.code == "site-bot-editor":
            portal.call("organization_member_create", id=c.name, username=c.fields["user"],
                        role="editor")
        elif c.code == "site-bot-group":
            portal.call("group_member_create", id=c.name, username=c.fields["user"], role="member")
        elif c.code == "site-reorder-resources":
            order_resources(portal, c.name)
