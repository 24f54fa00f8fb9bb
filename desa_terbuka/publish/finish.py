"""A dataset's sync with what follows from its resources: its datapackage.json (it names their
URLs) and its permanent "latest" links, built for the resource list the switch makes and made in
that switch (publish/derived.py). After it, each is checked against the portal's answer, with
the resources' page order: a step reads at most once and writes only when something differs (a
URL predicted wrongly, an interrupted earlier run); after each write the resources are put in
order (which also closes the position gap a switch leaves, see ordering.in_order)."""

from __future__ import annotations

from desa_terbuka.core.definitions import record_types
from desa_terbuka.publish.build import village_pointers
from desa_terbuka.publish.datapackage import datapackage_document, publish_datapackage
from desa_terbuka.publish.derived import Derived, Touches
from desa_terbuka.publish.district import district_config
from desa_terbuka.publish.ordering import DATAPACKAGE_KEY, order_resources
from desa_terbuka.publish.plan import DatasetPlan
from desa_terbuka.publish.pointers import Pointer, pointer_resources, sync_pointers
from desa_terbuka.publish.portal import Portal
from desa_terbuka.publish.sync import SyncResult, live_resources, sync_dataset


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
    moved = sync_pointers(portal, plan.name, _pointers(plan, pointers), result.package)
    if moved:
        result.changes += moved
        result.package = None
        _order(portal, result)
    return result


def publish_plan(portal: Portal, plan: DatasetPlan, pointers: list[Pointer] | None = None) -> SyncResult:
    """``sync_dataset`` then ``finish``: what publishing one plan is, on a portal or a snapshot."""
    pointers = _pointers(plan, pointers)
    return finish(portal, plan, sync_dataset(portal, plan, derived(portal, plan, pointers)), pointers)


def derived(portal: Portal, plan: DatasetPlan, pointers: list[Pointer]) -> Derived:
    """The datapackage.json and the pointers, for the switch to make with the resources."""
    page = f"{portal.url}/dataset/{plan.name}"

    def build(resources: list[dict]) -> Touches:
        package = {"resources": resources}
        links, changes = pointer_resources(live_resources(package), pointers)
        return Touches([datapackage_document(plan, package, page)], links, changes)
    return Derived((DATAPACKAGE_KEY,), build)


def _pointers(plan: DatasetPlan, pointers: list[Pointer] | None) -> list[Pointer]:
    """``pointers``, by default a village or combined dataset's latest CSV and, for APBDes,
    latest infographic."""
    if pointers is None and plan.record_type in record_types():
        label = district_config().labels.get(plan.record_type, plan.record_type)
        pointers = village_pointers(plan.record_type, label)
    return pointers or []


def _order(portal: Portal, result: SyncResult) -> None:
    answer = order_resources(portal, result.dataset, result.package)
    if answer is not None:
        result.changes.append("urutan sumber daya: tahun terbaru dulu")
        result.package = answer or None
