"""Make the portal match a DatasetPlan, writing only what differs, never showing a mixed dataset.

A public resource is never rewritten in place (that showed a new CSV beside an old DataStore
table while the table was rebuilt). A changed year is built on a *staging* resource instead:
one ``package_revise`` adds the staging resources of every changed year and document (see
``revise.revise`` for the CKAN traps this avoids), ``datastore_create`` fills each year's table
and one call makes their table views. Staging resources are labelled "sedang disiapkan" and carry
``desa_staging`` (the content hash they are built for). Then ONE ``package_revise`` switches the
dataset and carries the staged files (multipart): the staged resources take the place of the old
ones (which CKAN marks deleted), the metadata (years covered, quality, hashes) changes with them,
and ``desa_content_hash`` (the mark of a complete resource) is set. CKAN applies it in one
transaction, so no file is public before its table is complete. Then one ``resource_delete``
of a replaced resource makes CKAN drop the DataStore tables of every deleted resource of the
dataset (a later update would purge the deleted resources and orphan their tables, still readable by SQL); until that is
done, ``desa_replaces`` on the switched-in resources names a replaced one, so a run killed in
between is caught up by the next run.

A run killed or failing at any point leaves the public view on the last complete version, plus
at most some labelled staging resources; the next run deletes those and starts the switch again.
A new dataset is created private, with all its resources already listed as staging ones (one
``package_create``, no revision per resource), filled, and made public by the switch: it is never
seen empty, and a run killed before the switch leaves a private dataset the next run rebuilds.
The switch lists the resources in page order (``ordering.rank``), so no reorder follows it.
"""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from desa_terbuka.publish.derived import Derived, download_site, learn_site, predicted
from desa_terbuka.publish.plan import (
    CONTENT_HASH_KEY,
    RESOURCE_KEY,
    DatasetPlan,
    DocumentPlan,
    ResourcePlan,
    resource_key,
    stored_metadata_hash,
    year_key,
)
from desa_terbuka.publish.ordering import rank
from desa_terbuka.publish.portal import Portal, PortalRejected
from desa_terbuka.publish.revise import add_resources, delete_resource, revise

DATASTORE_CHUNK = 25_000  # rows a DataStore call carries: a district roll-up year (17k) in one
#                           datastore_create; each upsert chunk after it took ~2 s per 5,000 rows
STAGING_KEY = "desa_staging"  # on a staging resource: the content hash it is being built for
REPLACES_KEY = "desa_replaces"  # on a switched-in resource: the id of the resource it replaced
STAGING_LABEL = " (versi baru sedang disiapkan)"
STAGING_NOTE = ("Versi baru yang sedang dimuat; belum lengkap sampai label ini hilang. Gunakan "
                "sumber daya tanpa label ini. (A new version being loaded.)")


@dataclass
class SyncResult:
    dataset: str
    changes: list[str] = field(default_factory=list)  # human-readable, one per change
    resource_ids: dict[int, str] = field(default_factory=dict)  # year -> resource id
    changed_years: set[int] = field(default_factory=set)
    # the dataset as the portal holds it after the sync (what its last read or write answered),
    # so the steps after it need not read it again; None when unknown
    package: dict[str, Any] | None = field(default=None, repr=False, compare=False)


def ensure_organization(portal: Portal, plan: DatasetPlan, result: SyncResult) -> None:
    """The village's organization, made once even when its datasets publish concurrently. When
    the run has listed the portal's organizations (``organizations_listed``), one it does not
    know is created without a read first: a district's first publish read 169 organizations,
    each to learn it was missing."""
    org = plan.organization
    known = getattr(portal, "known_organizations", set())  # seen by this run: not read again
    if org.name in known:
        return
    with portal.lock(f"organization:{org.name}"):
        if org.name in known:
            return
        if not getattr(portal, "organizations_listed", False) \
                and portal.show("organization_show", id=org.name) is not None:
            known.add(org.name)
            return
        try:
            portal.call("organization_create", name=org.name, title=org.title,
                        description=org.description)
        except PortalRejected:  # made meanwhile (another run, or an earlier answer lost)
            if portal.show("organization_show", id=org.name) is None:
                raise
            known.add(org.name)
            return
        known.add(org.name)
        result.changes.append(f"organisasi {org.name} dibuat")


def is_staging(resource: dict[str, Any]) -> bool:
    return bool(resource.get(STAGING_KEY))


def live_resources(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The public (non-staging) resources by our key; the first of duplicates wins."""
    live: dict[str, dict[str, Any]] = {}
    for r in package.get("resources", []):
        if not is_staging(r) and resource_key(r):
            live.setdefault(resource_key(r), r)
    return live


def _complete(existing: dict | None, content_hash: str, tabular: bool) -> bool:
    return bool(existing and existing.get(CONTENT_HASH_KEY) == content_hash
                and (existing.get("datastore_active") or not tabular))


@dataclass
class _Todo:
    """What differs between a dataset on the portal and its plan."""

    years: list[ResourcePlan]
    docs: list[DocumentPlan]
    leftovers: list[dict[str, Any]]  # staging resources of an interrupted run
    duplicates: list[dict[str, Any]]
    metadata: bool
    newborn: bool  # created private by us and never switched: made public by the switch

    @classmethod
    def of(cls, package: dict[str, Any], plan: DatasetPlan) -> "_Todo":
        live = live_resources(package)
        newborn = bool(package.get("private")) and not live
        return cls(
            [r for r in plan.resources if not _complete(live.get(year_key(r.year)), r.content_hash, True)],
            [d for d in plan.documents if not _complete(live.get(d.key), d.content_hash, False)],
            [r for r in package.get("resources", []) if is_staging(r)],
            _duplicates(package, live),
            stored_metadata_hash(package) != plan.metadata_hash
            or package.get("state") != "active" or newborn,
            newborn)

    def __bool__(self) -> bool:
        return bool(self.years or self.docs or self.leftovers or self.duplicates or self.metadata)


def sync_dataset(portal: Portal, plan: DatasetPlan, derived: Derived | None = None) -> SyncResult:
    """Bring one dataset to ``plan``; zero writes when it already matches. ``derived``: what
    follows from its resources (publish/derived.py), made in the same switch when they change."""
    with portal.writer(plan.name):
        result = SyncResult(plan.name)
        ensure_organization(portal, plan, result)
        indexed = getattr(portal, "indexed_datasets", None)  # the run's search snapshot
        unseen = indexed is not None and plan.name not in indexed
        package = None if unseen else portal.show("package_show", id=plan.name)
        if package is None:  # private until the switch: never seen empty or half-filled
            package = _create(portal, plan, result, derived, unseen)
            if package is None:
                return result
        if any(r.get(REPLACES_KEY) for r in package.get("resources", [])):
            _clear_replaced(portal, package)  # a killed run's switch, not yet cleaned up
            package = portal.call("package_show", id=package["id"])
            result.changes.append("tabel versi lama dihapus")
        todo = _Todo.of(package, plan)
        live = live_resources(package)
        result.resource_ids = {r.year: live[year_key(r.year)]["id"] for r in plan.resources
                               if r not in todo.years}
        if todo:
            _switch(portal, plan, package, todo, result, derived=derived)
        else:
            result.package = package
        return result


def _create(portal: Portal, plan: DatasetPlan, result: SyncResult, derived: Derived | None,
            unseen: bool = False) -> dict[str, Any] | None:
    """A new dataset in one ``package_create`` (private, every resource listed as a staging
    one), its tables filled and viewed, then switched public with its files in one revision.
    ``unseen``: not read first, only missing from the run's search snapshot (a district's first
    publish read 505 datasets, each to learn it was missing); when the portal refuses because
    the name is taken after all, returns the dataset, to be brought to the plan as usual."""
    staging = [*(_year_fields(r) for r in plan.resources),
               *(_document_fields(d) for d in plan.documents),
               *(_slot_fields(key) for key in (derived.keys if derived else ()))]
    try:
        package = portal.call("package_create", private=True, resources=staging,
                              **{**plan.metadata, "owner_org": plan.organization.name})
    except PortalRejected:
        there = portal.show("package_show", id=plan.name) if unseen else None
        if there is None:
            raise
        return there
    if unseen:
        portal.indexed_datasets.add(plan.name)  # a retry of this plan reads it first
    result.changes.append("dataset dibuat")
    ids = {resource_key(r): r["id"] for r in package.get("resources", [])}
    _fill_tables(portal, plan, package["id"], plan.resources, ids)
    todo = _Todo([*plan.resources], [*plan.documents], [], [], True, True)
    keys = [*(year_key(r.year) for r in plan.resources), *(d.key for d in plan.documents),
            *(derived.keys if derived else ())]
    _switch(portal, plan, package, todo, result, staged={key: ids[key] for key in keys},
            derived=derived)
    return None


def _switch(portal: Portal, plan: DatasetPlan, package: dict[str, Any], todo: _Todo,
            result: SyncResult, staged: dict[str, str] | None = None,
            derived: Derived | None = None) -> None:
    """Stage what changed, then switch the dataset to it (with the staged files) in one revision
    and clean up. ``staged``: resources staged already (a new dataset's), by key; ``package``
    then holds them as they are after their tables were filled."""
    live = live_resources(package)
    if staged is None and todo.leftovers:  # unknown state: built again (out of the list first: no position gap)
        gone = {r["id"] for r in todo.leftovers}
        package = revise(portal, package["id"],
                         [r for r in package["resources"] if r["id"] not in gone])
        for r in todo.leftovers:
            delete_resource(portal, r["id"])
            result.changes.append(f"sisa run terputus dihapus ({r.get('name', r['id'])})")
    if staged is None:
        staged, package = _stage(portal, plan, package, todo, derived.keys if derived else ())
    links: list[dict[str, Any]] = []
    if derived and any(key in staged for key in derived.keys):
        plan, todo, links = _derive(portal, plan, package, todo, staged, derived, result)
    resources, replaced = _switched(package, plan, staged, links)
    update = {**plan.metadata, "owner_org": plan.organization.name, "state": "active"}
    if todo.newborn:
        update["private"] = False
    revised = revise(portal, package["id"], resources, files=_files(todo, staged, resources),
                     **update)
    result.package = revised
    learn_site(portal, revised)
    if replaced:
        _clear_replaced(portal, revised, replaced[0])
        result.package = None  # the clean-up revised it again
    if todo.metadata and not todo.newborn:
        result.changes.append("metadata diperbarui")
    for r in todo.years:
        result.resource_ids[r.year] = staged[year_key(r.year)]
        result.changed_years.add(r.year)
        verb = "diperbarui" if year_key(r.year) in live else "ditambahkan"
        result.changes.append(f"CSV {r.year} {verb} ({len(r.records)} baris)")
    for d in todo.docs:
        result.changes.append(f"{d.name} {'diperbarui' if d.key in live else 'ditambahkan'}")
    if todo.duplicates:
        result.changes.append(f"{len(todo.duplicates)} sumber daya ganda dihapus")


def _duplicates(package: dict[str, Any], live: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    chosen = {r["id"] for r in live.values()}
    return [r for r in package.get("resources", [])
            if not is_staging(r) and resource_key(r) and r["id"] not in chosen]


def _derive(portal: Portal, plan: DatasetPlan, package: dict[str, Any], todo: _Todo,
            staged: dict[str, str], derived: Derived, result: SyncResult
            ) -> tuple[DatasetPlan, _Todo, list[dict[str, Any]]]:
    """The derived documents and links, built from the list the switch will make; returns the
    plan and todo with the documents (on their staged slots, which ``staged`` then names) and
    the links."""
    slots = {key: staged.pop(key) for key in derived.keys if key in staged}
    files = {staged[year_key(r.year)]: r.filename for r in todo.years}
    files.update({staged[d.key]: d.filename for d in todo.docs})
    would_be, _ = _switched(package, plan, staged)
    touches = derived.build(predicted(would_be, package["id"], files, download_site(portal, package)))
    documents = [d for d in touches.documents if d.key in slots]
    staged.update({d.key: slots[d.key] for d in documents})
    result.changes += touches.changes
    return (replace(plan, documents=[*plan.documents, *documents]),
            replace(todo, docs=[*todo.docs, *documents]), touches.links)


def _switched(package: dict[str, Any], plan: DatasetPlan, staged: dict[str, str],
              links: list[dict[str, Any]] = ()) -> tuple[list[dict[str, Any]], list[str]]:
    """The dataset's new resource list (page order: ours, the links made or changed, resources
    that are not ours) and the ids it drops: replaced and duplicate resources."""
    by_id = {r["id"]: r for r in package.get("resources", [])}
    live = live_resources(package)
    old = {key: r["id"] for key, r in live.items()}
    wanted = {**{year_key(r.year): r for r in plan.resources}, **{d.key: d for d in plan.documents}}
    resources = []
    for key, want in wanted.items():
        if key in staged:
            # a field left out would stay (the portal's schema declares it): blank it instead
            r = {k: v for k, v in by_id[staged[key]].items() if k != "package_id"}
            r.update(name=want.name, description=want.description,
                     **{CONTENT_HASH_KEY: want.content_hash, STAGING_KEY: "",
                        REPLACES_KEY: old.get(key, "")})
            if isinstance(want, DocumentPlan):  # a derived document's slot was made blank
                r.update(format=want.format, mimetype=want.mimetype)
            resources.append(r)
        elif key in live:
            resources.append(live[key])
    resources += [r for r in package.get("resources", [])
                  if not resource_key(r) and not is_staging(r)]
    linked = {resource_key(link): link for link in links}
    # years no longer planned stay; a link is changed in place
    resources += [{**r, **linked.pop(k)} if k in linked else r
                  for k, r in live.items() if k not in wanted]
    resources += linked.values()  # new links: CKAN makes a resource sent without an id
    resources = [r for _, _, r in sorted((rank(r, i), i, r) for i, r in enumerate(resources))]
    kept = {r.get("id") for r in resources}
    replaced = [r["id"] for r in package.get("resources", []) if r["id"] not in kept]
    return resources, replaced


def _clear_replaced(portal: Portal, package: dict[str, Any], replaced: str | None = None) -> None:
    """Drop the DataStore tables of the resources the last switch replaced (CKAN keeps them for
    deleted resources until a ``resource_delete`` in the dataset), then forget the mark."""
    marked = [r for r in package.get("resources", []) if r.get(REPLACES_KEY)]
    target = replaced or (marked[0][REPLACES_KEY] if marked else None)
    if target:
        delete_resource(portal, target)
    if marked:
        resources = [{**r, REPLACES_KEY: ""} if r.get(REPLACES_KEY) else r
                     for r in package["resources"]]
        revise(portal, package["id"], resources)


def _stage(portal: Portal, plan: DatasetPlan, package: dict[str, Any], todo: _Todo,
           slots: tuple[str, ...] = ()) -> tuple[dict[str, str], dict[str, Any]]:
    """Every changed year and document as a staging resource beside the public ones (one
    revision), a slot per derived document (``slots``), the tables filled and viewed; returns
    their ids by key and the dataset as it is then (no second read). Killed before the switch,
    they stay labelled staging resources (removed by the next run)."""
    wanted = [*(_year_fields(r) for r in todo.years), *(_document_fields(d) for d in todo.docs)]
    if not wanted:
        return {}, package
    wanted += [_slot_fields(key) for key in slots]
    made, package = add_resources(portal, package["id"], wanted, current=package["resources"])
    staged = {resource_key(r): r["id"] for r in made}
    _fill_tables(portal, plan, package["id"], todo.years, staged)
    return staged, package


def _year_fields(want: ResourcePlan) -> dict[str, Any]:
    """A year's staging resource. ``datastore_active`` is set before its table exists: CKAN's
    ``datastore_create`` otherwise sets it by a ``resource_patch``, a whole package update and
    reindex per table (its costliest part). The flag shows nothing while the resource is
    staging (no table view yet, label "sedang disiapkan"); its deletion drops no table that
    is not there."""
    return {"name": want.name + STAGING_LABEL, "description": STAGING_NOTE, "url": "",
            "datastore_active": True,
            "format": "CSV", "mimetype": "text/csv", "tahun": str(want.year),
            "jumlah_baris": str(len(want.records)), RESOURCE_KEY: year_key(want.year),
            "sumber_sha256": want.source_sha256, STAGING_KEY: want.content_hash}


def _document_fields(want: DocumentPlan) -> dict[str, Any]:
    return {"name": want.name + STAGING_LABEL, "description": STAGING_NOTE, "url": "",
            "format": want.format, "mimetype": want.mimetype,
            RESOURCE_KEY: want.key, STAGING_KEY: want.content_hash}


def _slot_fields(key: str) -> dict[str, Any]:
    """A staging resource for a document built only at the switch (``derived``)."""
    return {"name": key + STAGING_LABEL, "description": STAGING_NOTE, "url": "",
            RESOURCE_KEY: key, STAGING_KEY: "pending"}


def _fill_tables(portal: Portal, plan: DatasetPlan, package_id: str,
                 years: list[ResourcePlan], ids: dict[str, str]) -> None:
    """The staging resources' DataStore tables, then their table views in one call (CKAN's
    default views that need the DataStore: ``datatables_view`` unless the portal's
    ``ckan.views.default_views`` says otherwise; types a resource has already are skipped).
    The years load side by side (each its own table; the portal bounds the writes in flight):
    a district roll-up's three years of ~17k rows took ~4 s each, one after another."""
    if len(years) > 1:
        with ThreadPoolExecutor(len(years), thread_name_prefix="datastore") as pool:
            list(pool.map(lambda want: _fill_table(portal, plan, ids[year_key(want.year)], want),
                          years))
    elif years:
        _fill_table(portal, plan, ids[year_key(years[0].year)], years[0])
    filled = {ids[year_key(want.year)] for want in years}
    if filled:
        portal.call("package_create_default_resource_views", create_datastore_views=True,
                    package={"id": package_id, "resources": [
                        {"id": i, "package_id": package_id, "datastore_active": True}
                        for i in sorted(filled)]})


def _fill_table(portal: Portal, plan: DatasetPlan, resource_id: str, want: ResourcePlan) -> None:
    """One year's table, in chunks (the first creates it)."""
    method = "upsert" if plan.primary_key else "insert"  # upsert on the key: safe to repeat
    records = want.records
    # no record count: the default queues a background job (two Redis round trips) per call,
    # for a worker the portal may not run; the DataStore counts the table at its first search
    portal.call("datastore_create", resource_id=resource_id, force=True,
                fields=plan.datastore_fields, primary_key=plan.primary_key,
                records=records[:DATASTORE_CHUNK], calculate_record_count=False)
    for start in range(DATASTORE_CHUNK, len(records), DATASTORE_CHUNK):
        portal.call("datastore_upsert", resource_id=resource_id, force=True, method=method,
                    records=records[start:start + DATASTORE_CHUNK], calculate_record_count=False)


def _files(todo: _Todo, staged: dict[str, str], resources: list[dict[str, Any]]
           ) -> dict[str, tuple[str, io.BytesIO, str]]:
    """The staged resources' files, as fields of the switch: ``package_revise`` attaches a file
    to the resource at that index of the revised list (``update__resources__<i>__upload``; not
    by id, which CKAN 2.12 fails to match past a resource without one, a new link)."""
    files = {staged[year_key(r.year)]: (r.filename, r.csv, "text/csv") for r in todo.years}
    files.update({staged[d.key]: (d.filename, d.content, d.mimetype) for d in todo.docs})
    return {f"update__resources__{i}__upload": (files[r["id"]][0], io.BytesIO(files[r["id"]][1]),
                                                files[r["id"]][2])
            for i, r in enumerate(resources) if r.get("id") in files}
