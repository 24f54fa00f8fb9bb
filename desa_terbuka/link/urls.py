"""Addresses of published datasets, derived from our own identity (never from CKAN's ids where
avoidable)."""

from __future__ import annotations

from typing import Any


def dataset_url(portal_url: str, dataset_name: str) -> str:
    """The public page of a dataset: stable, because the name comes from (record type, kode desa)."""
    return f"{portal_url.rstrip('/')}/dataset/{dataset_name}"


def stable_resource_url(portal_url: str, dataset_name: str, resource: dict[str, Any]) -> str:
    """The download URL of an uploaded resource, by dataset *name* (CKAN accepts name or id):
    the resource id and file name stay when the pipeline updates the resource in place."""
    url = resource.get("url") or ""
    if resource.get("url_type") != "upload" or "/download/" not in url:
        return url
    filename = url.rsplit("/download/", 1)[1]
    return f"{dataset_url(portal_url, dataset_name)}/resource/{resource['id']}/download/{filename}"


def organization_url(portal_url: str, village: Any) -> str:
    """The organization page of a village (portal.yaml organization name template)."""
    from desa_terbuka.publish.plan import organization_plan

    return f"{portal_url.rstrip('/')}/organization/{organization_plan(village).name}"
