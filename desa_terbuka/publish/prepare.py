"""What a portal must hold before any dataset is published: the licences the dataset
definitions name, and the groups of portal_config/portal.yaml; and what it holds already that the
publication need not read again (its organizations)."""

from __future__ import annotations

from desa_terbuka.core.definitions import definitions
from desa_terbuka.publish.config import portal_config
from desa_terbuka.publish.portal import Portal, PortalRejected, listed


def prepare_portal(portal: Portal) -> list[str]:
    """Check licences and make sure the groups exist; returns the changes made."""
    licenses = {lic["id"] for lic in portal.call("license_list")}
    for definition in definitions().values():
        if definition.config["license_id"] not in licenses:
            raise PortalRejected(
                "license_list", f"lisensi '{definition.config['license_id']}' pada "
                f"datasets/{definition.record_type}.yaml tidak dikenal portal; pilih salah satu dari "
                f"license_list portal ({', '.join(sorted(licenses))})")
    changes = []
    existing = set(portal.call("group_list", all_fields=False, limit=1000))  # one read, not one per group
    for group in portal_config().get("groups", []):
        if group["name"] not in existing:
            portal.call("group_create", name=group["name"], title=group["title"],
                        description=group.get("description", ""))
            changes.append(f"grup {group['name']} dibuat")
    learn_organizations(portal)
    return changes


LIST_MAX = 1000  # CKAN's ckan.group_and_organization_list_max default


def learn_organizations(portal: Portal) -> None:
    """Every organization's name, in pages of ``LIST_MAX`` (one read for a district): the
    publication then creates a village's missing organization without reading it first."""
    portal.known_organizations |= set(listed(portal, "organization_list", LIST_MAX, all_fields=False))
    portal.organizations_listed = True
