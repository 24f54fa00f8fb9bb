"""Proof that a test run left the user's portal and warehouse exactly as they were.

The test command runs its own portal (devportal/instances.py); this takes a fingerprint of the
user's before and after the run and names every difference. What counts:
- a running portal: every dataset (private and draft too) with its metadata_modified, every
  organization and group, read through the API with the portal's own token (reads only);
- always: state.json, ckan.ini, the uploads and the search index files (a CKAN write re-indexes,
  so the stand-in's index file changes), and for a stopped cluster its data files (which do not
  change while it is stopped);
- the warehouse file (and its write-ahead log): size and modification time.
"""
from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

from devportal import pg, web
from devportal.layout import Layout

PAGE = 1000


def fingerprint(lay: Layout, warehouse: Path | None = None) -> dict[str, Any]:
    fp: dict[str, Any] = {"portal": str(lay.root), "exists": lay.root.exists()}
    if warehouse is not None:
        fp["warehouse"] = {str(p): _stat(p) for p in (warehouse, Path(f"{warehouse}.wal"))}
    if not fp["exists"]:
        return fp
    fp["files"] = {str(p): _stat(p) for p in (lay.state_file, lay.ini)}
    fp["storage"] = _tree(lay.storage)
    fp["index"] = _tree(lay.solr_data)
    fp["postgres"] = "running" if pg.running(lay) else _tree(lay.pgdata)
    if web.running(lay) and lay.token_file.exists():
        token = lay.token_file.read_text().strip()
        try:
            fp["datasets"] = _datasets(lay, token)
            for kind in ("organization", "group"):
                names = _action(lay, token, f"{kind}_list", {"all_fields": False, "limit": PAGE})
                fp[f"{kind}s"] = {name: "exists" for name in names}
        except (OSError, ValueError, KeyError) as exc:  # URLError is an OSError
            fp["ckan"] = f"API not readable ({type(exc).__name__})"
    else:
        fp["ckan"] = "stopped"
    return fp


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """One line per thing that changed, e.g. ``datasets: apbdes-x changed``."""
    lines = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            for name in sorted(set(old) | set(new)):
                if old.get(name) != new.get(name):
                    verb = "added" if name not in old else "removed" if name not in new \
                        else "changed"
                    lines.append(f"{key}: {name} {verb}")
        else:
            lines.append(f"{key}: {_short(old)} -> {_short(new)}")
    return lines


def _short(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str)
    return text if len(text) < 120 else text[:117] + "..."


def _stat(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _tree(root: Path) -> dict[str, list[int] | None]:
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): _stat(p) for p in sorted(root.rglob("*")) if p.is_file()}


def _action(lay: Layout, token: str, action: str, data: dict[str, Any]) -> Any:
    request = urllib.request.Request(
        f"{lay.url}/api/3/action/{action}", data=json.dumps(data).encode(),
        headers={"Authorization": token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as resp:  # noqa: S310 (local URL)
        return json.loads(resp.read())["result"]


def _datasets(lay: Layout, token: str) -> dict[str, str]:
    found: dict[str, str] = {}
    while True:
        page = _action(lay, token, "package_search", {
            "q": "*:*", "include_private": True, "include_drafts": True, "rows": PAGE,
            "start": len(found), "sort": "name asc", "fl": "name,metadata_modified"})
        for pkg in page["results"]:
            found[pkg["name"]] = pkg["metadata_modified"]
        if not page["results"] or len(found) >= page["count"]:
            return found
