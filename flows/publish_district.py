"""The DPMD's datasets in a run, after the villages' datasets: the district ones (all villages
combined, indicators), then the villages' feeds and snippets (they name the URLs the village
datasets now have) and the compliance dataset (it counts their publication)."""

from __future__ import annotations

from datetime import datetime

from prefect import task
from prefect.cache_policies import NONE as NO_CACHE
from prefect.utilities.annotations import quote

from desa_terbuka.core.deadlines import reporting_calendar
from desa_terbuka.core.findings import Finding
from desa_terbuka.link.publication import links_dataset_plan, read_datasets
from desa_terbuka.link.snippet import links_pointers
from desa_terbuka.publish.charts import chart_cache
from desa_terbuka.publish.compliance import compliance_config, compliance_plan
from desa_terbuka.publish.district import district_plans, public_slices
from desa_terbuka.publish.finish import publish_plan
from desa_terbuka.publish.plan import DatasetPlan
from desa_terbuka.publish.plan_keys import district_key, links_key, remember, settled_under
from desa_terbuka.publish.pointers import Pointer
from desa_terbuka.publish.portal import Portal, PortalError
from desa_terbuka.publish.snapshot import Snapshot
from desa_terbuka.publish.sync import SyncResult
from desa_terbuka.run import RunSummary
from desa_terbuka.stage.status import build_status
from desa_terbuka.stage.warehouse import Warehouse
from flows.retries import failure_finding, retrying


@task(cache_policy=NO_CACHE)
def publish_district_dataset(portal: Portal, plan: DatasetPlan,
                             pointers: list[Pointer] | None = None) -> SyncResult:
    """A DPMD dataset (all villages combined, indicators, the villages' links, compliance)."""
    return publish_plan(portal, plan, pointers)


def district_dataset(portal: Portal, snapshot: Snapshot, plan: DatasetPlan,
                     pointers: list[Pointer] | None = None) -> SyncResult:
    """A DPMD dataset: settled against the snapshot, else published by its task."""
    settled = snapshot.settled(lambda s: publish_plan(s, plan, pointers))
    if settled is not None:
        return settled
    snapshot.forget(plan.name)
    result = retrying(publish_district_dataset)(portal, quote(plan), pointers)
    snapshot.written(plan.name, result.package)
    return result


def publish_district(summary: RunSummary, portal: Portal, snapshot: Snapshot, warehouse: Warehouse,
                     withheld: set[str]) -> None:
    """The district datasets, rebuilt from the warehouse's public data (retracted ones left out).

    After the villages' datasets, not beside them: a district's first publish keeps both cores
    busy (~15 % idle), and planning and publishing these in a thread of their own while the
    village datasets were published measured 169 s against 137-146 s. Their plans are not even
    built when their inputs and their portal copies are as the last run left them
    (``publish/plan_keys.py``): 1.4 s of a district's no-change run."""
    try:
        slices = public_slices(warehouse, withheld)
        key = district_key(portal.url, slices, withheld)
        same = settled_under(warehouse, key, snapshot.modified)
        if same:  # the same inputs, and the portal's copies as the last run left them
            summary.published += [SyncResult(name) for name in sorted(same)]
            return
        plans = [p for p in district_plans(warehouse, withheld, slices) if p.name not in withheld]
    except Exception as exc:  # a district plan's failure never stops the run
        summary.failures["kabupaten"] = failure_finding(exc, "kabupaten")
        return
    results = []
    for plan in plans:
        try:
            results.append(district_dataset(portal, snapshot, plan))
        except Exception as exc:
            summary.failures[plan.name] = failure_finding(exc, plan.name)
    summary.published += results
    if len(results) == len(plans):
        try:
            left = snapshot.as_left(r.dataset for r in results)
        except PortalError:  # their plans are built again next run: slower, never wrong
            return
        if len(left) == len(results):  # all or none: ``settled_under`` skips them together
            remember(warehouse, {r.dataset: key for r in results}, left)


def publish_links(summary: RunSummary, portal: Portal, snapshot: Snapshot, warehouse: Warehouse,
                  withheld: set[str]) -> None:
    """Every village's feed and snippet (they name the datasets' URLs, as now published).

    Like the district datasets, its plan is not even built when its inputs (the public slices
    and each village dataset as this run left it) and its portal copy are as the last run left
    them: 0.5 s of a district's no-change run, most of it reading 504 datasets' resources."""
    try:
        slices = public_slices(warehouse, withheld)
        key = links_key(portal.url, slices, withheld, snapshot.as_left(read_datasets(slices)))
        same = settled_under(warehouse, key, snapshot.modified)
        if same:
            summary.published += [SyncResult(name) for name in sorted(same)]
            return
        snapshot.prefetch(len(slices))  # its feeds read every village dataset
        links = links_dataset_plan(snapshot, warehouse, withheld, slices)
        if links and links.name not in withheld:
            summary.published.append(district_dataset(portal, snapshot, links, links_pointers(links)))
            left = snapshot.as_left([links.name])
            if left:  # else its plan is built again next run: slower, never wrong
                remember(warehouse, {links.name: key}, left)
    except Exception as exc:
        summary.failures["tautan"] = failure_finding(exc, "tautan")


def publish_compliance(summary: RunSummary, portal: Portal, snapshot: Snapshot,
                       warehouse: Warehouse, withheld: set[str]) -> None:
    """Rebuild "Kepatuhan Publikasi Data Desa" from today's status board and publish it."""
    name = compliance_config().name
    if name in withheld:
        return
    try:
        today = datetime.now(reporting_calendar().zone).date()
        plan = compliance_plan(build_status(warehouse, today), chart_cache(warehouse.path))
        summary.published.append(district_dataset(portal, snapshot, plan))
        summary.compliance = name
    except Exception as exc:
        summary.failures[name] = failure_finding(exc, name)
