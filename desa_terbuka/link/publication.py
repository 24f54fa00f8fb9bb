"""Publish every village's feed and snippet into the DPMD links dataset, after the villages'
own datasets are on the portal (the feed names their URLs)."""

from __future__ import annotations

from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.reference import villages
from desa_terbuka.link.feed import LinkError, village_links
from desa_terbuka.link.snippet import links_plan, published_documents
from desa_terbuka.publish.district import public_slices
from desa_terbuka.publish.plan import DatasetPlan, datastore_records
from desa_terbuka.publish.portal import Portal
from desa_terbuka.stage.warehouse import Slice, Warehouse


def read_datasets(slices: list[Slice]) -> list[str]:
    """The village datasets a links plan reads: each record type's of every village on view."""
    places = villages()
    kodes = {s.kode_desa for s in slices} & set(places)
    return sorted(d.render("name", places[kode]) for kode in kodes for d in definitions().values())


def links_dataset_plan(portal: Portal, warehouse: Warehouse,
                       withheld: set[str] | frozenset[str] = frozenset(),
                       slices: list[Slice] | None = None) -> DatasetPlan | None:
    """The links dataset for every village with public data on the portal (reads the portal:
    one package_show per village dataset; the APBDes summary comes from the warehouse).
    ``slices``: the public slices when the caller has them."""
    slices = public_slices(warehouse, withheld) if slices is None else slices
    latest_apbdes = {}
    for s in slices:
        if s.record_type == "apbdes" and s.tahun >= getattr(latest_apbdes.get(s.kode_desa), "tahun", 0):
            latest_apbdes[s.kode_desa] = s
    documents = []
    rows = warehouse.slices_rows(list(latest_apbdes.values()))
    for kode in sorted({s.kode_desa for s in slices}):
        apbdes = latest_apbdes.get(kode)
        records = datastore_records(*rows[apbdes]) if apbdes else None
        try:
            links = village_links(portal, kode, records)
        except LinkError:  # its datasets failed to publish this run: next run adds it
            continue
        documents += published_documents(links)
    return links_plan(documents) if documents else None
