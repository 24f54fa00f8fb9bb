"""Addresses of published datasets, derived from our own identity (never from CKAN's ids)."""

from __future__ import annotations


def dataset_url(portal_url: str, dataset_name: str) -> str:
    """The public page of a dataset: stable, because the name comes from (record type, kode desa)."""
    return f"{portal_url.rstrip('/')}/dataset/{dataset_name}"
