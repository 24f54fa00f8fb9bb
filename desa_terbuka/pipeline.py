"""The pipeline's steps as plain functions; ``flows/`` wires them into Prefect tasks.

collect → normalise → validate (``intake.check_file``) → stage (``Warehouse``) → publish
(``plan`` + ``sync``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timezone

from desa_terbuka.definitions import definitions
from desa_terbuka.intake import CheckedSubmission
from desa_terbuka.outcome import SubmissionOutcome
from desa_terbuka.publish.plan import (
    DatasetPlan, ResourcePlan, dataset_plan, datastore_records, portal_config,
)
from desa_terbuka.publish.portal import Portal, PortalError
from desa_terbuka.quarantine import quarantine
from desa_terbuka.reference import villages
from desa_terbuka.stage import Slice, Warehouse


def concerns(found: list[str], wanted: list[str] | None) -> bool:
    """Whether a submission about ``found`` villages is in scope of a ``--village`` filter.

    A file whose village could not be read is always in scope: its operator must hear about it.
    """
    return not wanted or not found or bool(set(found) & set(wanted))


def receive(warehouse: Warehouse, checked: CheckedSubmission) -> SubmissionOutcome:
    """Stage a checked submission; a rejected one is also quarantined with its report."""
    received_at = datetime.now(timezone.utc)
    warehouse.stage(checked, received_at)
    if not checked.valid:
        quarantine(checked, warehouse.path.parent / "quarantine", received_at)
    return SubmissionOutcome.of(checked, "accepted" if checked.valid else "rejected")


def group_slices(slices: list[Slice]) -> dict[tuple[str, str], list[Slice]]:
    """Slices per dataset (record type, kode desa)."""
    grouped: dict[tuple[str, str], list[Slice]] = defaultdict(list)
    for s in slices:
        grouped[(s.record_type, s.kode_desa)].append(s)
    return dict(sorted(grouped.items()))


def build_plan(warehouse: Warehouse, record_type: str, kode_desa: str,
               slices: list[Slice]) -> DatasetPlan:
    definition = definitions()[record_type]
    village = villages()[kode_desa]
    resources = []
    for s in sorted(slices, key=lambda s: s.tahun):
        names, rows = warehouse.slice_rows(s)
        name = definition.render("resource.name", village, tahun=s.tahun)
        resources.append(ResourcePlan(
            year=s.tahun, name=name,
            description=definition.render("resource.description", village, tahun=s.tahun),
            filename=f"{record_type}-{village.kode}-{s.tahun}.csv",
            csv=warehouse.slice_csv(s), records=datastore_records(names, rows),
            source_sha256=s.sha256,
        ))
    return dataset_plan(definition, village, resources)


def prepare_portal(portal: Portal) -> list[str]:
    """Check licences and make sure the groups exist; returns the changes made."""
    licenses = {lic["id"] for lic in portal.call("license_list")}
    for definition in definitions().values():
        if definition.config["license_id"] not in licenses:
            raise PortalError(
                f"Lisensi '{definition.config['license_id']}' pada datasets/{definition.record_type}.yaml "
                f"tidak dikenal portal; pilih salah satu dari license_list portal.")
    changes = []
    for group in portal_config().get("groups", []):
        if portal.show("group_show", id=group["name"]) is None:
            portal.call("group_create", name=group["name"], title=group["title"],
                        description=group.get("description", ""))
            changes.append(f"grup {group['name']} dibuat")
    return changes
