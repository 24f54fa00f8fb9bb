"""What follows a dataset's sync, once its resources are switched in: its datapackage.json (it
names their URLs), its permanent "latest" links pointed at the new resources, then its
resources in page order (a switch lists them in plan order and keeps pointers last).
Each step reads once and writes only when something differs; after each write the resources
are put in order (which also closes the position gap a switch leaves, see ordering.in_order)."""

from __future__ import annotations

from desa_terbuka.core.definitions import record_types
from desa_terbuka.publish.build import village_pointers
from desa_terbuka.publish.datapackage import publish_datapackage
from desa_terbuka.publish.district import district_config
from desa_terbuka.publish.ordering import order_resources
from desa_terbuka.publish.plan import DatasetPlan
from desa_terbuka.publish.pointers import Pointer, sync_pointers
from desa_terbuka.publish.portal import Portal
from desa_terbuka.publish.sync import SyncResult, sync_dataset


def finish(portal: Portal, plan: DatasetPlan, result: SyncResult,
           pointers: list[Pointer] | None = None) -> SyncResult:
    """``pointers``: the dataset's permanent links (default: a village or combined dataset's
    latest CSV and, for APBDes, latest infographic)."""
    # After every switch, before any other write: a switch can leave a gap in the resource
    # positions that makes CKAN's next write on the dataset fail (see ordering.in_order).
    # ``result.package`` is the dataset as the last call answered: each step reads it only when
    # it is unknown (a no-change run reads each dataset once, in the sync).
    if result.changes:
        _order(portal, result)
    written = len(result.changes)
    result = publish_datapackage(portal, plan, result)
    if len(result.changes) > written:
        _order(portal, result)
    if pointers is None and plan.record_type in record_types():
        label = district_config().labels.get(plan.record_type, plan.record_type)
        pointers = village_pointers(plan.record_type, label)
    moved = sync_pointers(portal, plan.name, pointers or [], result.package)
    if moved:
        result.changes += moved
        result.package = None
        _order(portal, result)
    return result


def publish_plan(portal: Portal, plan: DatasetPlan, pointers: list[Pointer] | None = None) -> SyncResult:
    """``sync_dataset`` then ``finish``: what publishing one plan is, on a portal or a snapshot."""
    return finish(portal, plan, sync_dataset(portal, plan), pointers)


def _order(portal: Portal, result: SyncResult) -> None:
    answer = order_resources(portal, result.dataset, result.package)
    if answer is not None:
        result.changes.append("urutan sumber daya: tahun terbaru dulu")
        result.package = answer or None
