"""Baseline: the ckanapi script a district writes first, one file after another.

    CKAN_URL=... CKAN_API_TOKEN=... .venv/bin/python bench/naive_publish.py INBOX [--prefix naive] [--json]

For every CSV in INBOX (``<kode>-<slug>/<type>_<year>.csv``, sorted by path): ``package_show`` the
village's dataset (``organization_show``/``organization_create`` and ``package_create`` when it is
missing), then upload the file as a resource (``resource_create`` with the upload, or
``resource_update`` when a resource of that name exists), then load its rows into the DataStore
(``datastore_delete`` of the old table if there was one, ``datastore_create`` with every row as
text). No validation, no change detection: a re-run uploads everything again.
Prints calls (reads, writes), wall time and peak RSS; names are prefixed so the baseline never
touches the pipeline's datasets.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import sys
import time
from pathlib import Path

from ckanapi import NotFound, RemoteCKAN

READS = ("_show", "_list", "_search")


class Counted:
    """RemoteCKAN with a call counter (reads and writes)."""

    def __init__(self, url: str, token: str):
        self.ckan = RemoteCKAN(url, apikey=token, user_agent="naive-district-script/1.0")
        self.reads = 0
        self.writes = 0
        self.timeout = float(os.environ.get("CKANAPI_REQUEST_TIMEOUT", "120"))

    def call(self, action: str, files: dict | None = None, **data):
        if action.endswith(READS):
            self.reads += 1
        else:
            self.writes += 1
        return self.ckan.call_action(action, data, files=files, requests_kwargs={"timeout": self.timeout})


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader)


def sdi_metadata(folder: str) -> dict[str, str]:
    """The portal's schema requires the Satu Data Indonesia fields on every dataset; a district's
    first script has to send them too (fixed values: the baseline does the least it can)."""
    return {"produsen_data": f"Pemerintah Desa {folder}", "walidata": "DPMD Kotawaringin Timur",
            "kode_referensi": folder.split("-", 1)[0], "jadwal_pemutakhiran": "Tahunan",
            "cakupan_wilayah": f"Desa {folder}"}


def publish_file(ckan: Counted, path: Path, prefix: str, known_orgs: set[str]) -> None:
    folder = path.parent.name
    kode = folder.split("-", 1)[0].replace(".", "")
    record_type, _, year = path.stem.partition("_")
    org, dataset = f"{prefix}-{kode}", f"{prefix}-{record_type}-{kode}"
    try:
        package = ckan.call("package_show", id=dataset)
    except NotFound:
        if org not in known_orgs:
            try:
                ckan.call("organization_show", id=org)
            except NotFound:
                ckan.call("organization_create", name=org, title=f"Desa {folder} (naive)")
            known_orgs.add(org)
        package = ckan.call("package_create", name=dataset, owner_org=org,
                            title=f"{record_type} {folder}", license_id="CC-BY-4.0",
                            **sdi_metadata(folder))
    name = f"{record_type} {year}"
    existing = next((r for r in package.get("resources", []) if r.get("name") == name), None)
    with path.open("rb") as upload:
        if existing:
            res = ckan.call("resource_update", files={"upload": upload}, id=existing["id"], name=name,
                            format="CSV")
        else:
            res = ckan.call("resource_create", files={"upload": upload}, package_id=package["id"],
                            name=name, format="CSV")
    fields, rows = read_rows(path)
    if existing and existing.get("datastore_active"):
        ckan.call("datastore_delete", resource_id=res["id"], force=True)
    ckan.call("datastore_create", resource_id=res["id"], force=True,
              fields=[{"id": f, "type": "text"} for f in fields], records=rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inbox", type=Path)
    parser.add_argument("--prefix", default="naive")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    url, token = os.environ.get("CKAN_URL"), os.environ.get("CKAN_API_TOKEN")
    if not url or not token:
        sys.exit("CKAN_URL and CKAN_API_TOKEN must be set")
    files = sorted(p for p in args.inbox.rglob("*.csv")
                   if not any(part.startswith(".") for part in p.relative_to(args.inbox).parts))
    ckan = Counted(url, token)
    started = time.perf_counter()
    failures: list[str] = []
    known: set[str] = set()
    for path in files:
        try:
            publish_file(ckan, path, args.prefix, known)
        except Exception as exc:  # the naive script logs and goes on
            failures.append(f"{path}: {type(exc).__name__}: {str(exc)[:200]}")
    result = {"files": len(files), "calls": ckan.reads + ckan.writes, "reads": ckan.reads,
              "writes": ckan.writes, "wall_s": round(time.perf_counter() - started, 2),
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
              "failures": len(failures), "first_failures": failures[:5]}
    print(json.dumps(result) if args.json else
          "\n".join(f"{k}: {v}" for k, v in result.items()))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
