"""What a dataset's final resource list decides, folded into its switch (``sync._switch``) so it
costs no write of its own: documents that describe the list (its ``datapackage.json``) and link
resources that point into it (the permanent links of ``pointers.py``).

The switch is the revision that gives the staged files their URLs, so these are built from the
list as it WILL be: each staged file at its predicted download URL. CKAN 2.12 serves an upload at
``<site>/dataset/<package id>/resource/<resource id>/download/<file name>``; the site part is
learned from a URL the portal has shown (``Portal.download_prefix``), else the portal's URL.
A wrong prediction does not last: ``finish`` builds both again from the portal's answer and
writes what differs (the old cost of a refresh).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from desa_terbuka.publish.plan import DocumentPlan

_DOWNLOAD = re.compile(r"^(?P<site>.+)/dataset/[^/]+/resource/[^/]+/download/[^/]*$")


@dataclass(frozen=True)
class Touches:
    documents: list[DocumentPlan]
    links: list[dict[str, Any]]  # link resources to make (no id) or change (with their id)
    changes: list[str] = field(default_factory=list)  # human-readable, for the links


@dataclass(frozen=True)
class Derived:
    """``keys``: the documents ``build`` returns (a staging slot is made for each beside the
    changed resources); ``build``: the would-be resource list -> the documents and links."""

    keys: tuple[str, ...]
    build: Callable[[list[dict[str, Any]]], Touches]


def _site(package: dict[str, Any]) -> str | None:
    for r in package.get("resources") or []:
        match = r.get("url_type") == "upload" and _DOWNLOAD.match(r.get("url") or "")
        if match:
            return match.group("site")
    return None


def download_site(portal: Any, package: dict[str, Any]) -> str:
    """Where the portal serves this dataset's uploads: as one of its URLs shows, else as the
    portal showed another dataset's, else its API URL."""
    return _site(package) or getattr(portal, "download_prefix", None) or portal.url.rstrip("/")


def learn_site(portal: Any, package: dict[str, Any]) -> None:
    """Remember where the portal serves uploads (its ``ckan.site_url``, which may differ from
    the URL this run talks to), from a dataset it just answered with."""
    site = _site(package)
    if site and hasattr(portal, "download_prefix"):
        portal.download_prefix = site


def predicted(resources: list[dict[str, Any]], package_id: str, files: dict[str, str],
              site: str) -> list[dict[str, Any]]:
    """``resources`` with each staged file (``files``: resource id -> file name) at its URL."""
    return [{**r, "url_type": "upload",
             "url": f"{site}/dataset/{package_id}/resource/{r['id']}/download/{files[r['id']]}"}
            if r.get("id") in files else r for r in resources]
