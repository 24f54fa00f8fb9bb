"""A fresh portal in seconds: restore the databases as they were right after installation.

The test portal starts every session from nothing published, so a previous run's leftovers
cannot break the tests. Re-running ``ckan db init`` and recreating the sysadmin costs half a
minute; copying two template databases costs about one second. After the first installation the
CKAN and DataStore databases are copied to ``*_pristine`` (with the sysadmin and its token, so
the token file stays valid); ``restore`` drops the live ones and copies them back, then empties
uploads, the search index and Redis.
"""
from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Callable

from devportal import components, pg

if TYPE_CHECKING:
    from devportal.layout import Layout

PAIRS = (("ckan_default", "ckan_pristine"), ("datastore_default", "datastore_pristine"))
PERMISSIONS_SQL = "datastore-permissions.sql"


def save_permissions(lay: "Layout", sql: str) -> None:
    """Keep `ckan datastore set-permissions` output: database grants are not copied with a
    template (they live in pg_database), so they are applied again after a restore."""
    (lay.root / PERMISSIONS_SQL).write_text(sql)


def take(lay: "Layout", log: Callable[[str], None]) -> None:
    """Copy the live databases to the pristine ones (CKAN must not be connected)."""
    log("Menyimpan basis data awal / saving pristine databases...")
    for live, copy in PAIRS:
        pg.psql(lay, f"DROP DATABASE IF EXISTS {copy};", what=f"drop {copy}")
        pg.psql(lay, f"CREATE DATABASE {copy} TEMPLATE {live} OWNER ckan_default;",
                what=f"create {copy}")


def restore(lay: "Layout", log: Callable[[str], None]) -> None:
    """Live databases back to pristine; uploads, index and Redis emptied. CKAN must be stopped."""
    log("Memulihkan portal ke keadaan awal / restoring the portal to its pristine state...")
    for live, copy in PAIRS:
        pg.psql(lay, f"DROP DATABASE IF EXISTS {live} WITH (FORCE);", what=f"drop {live}")
        pg.psql(lay, f"CREATE DATABASE {live} TEMPLATE {copy} OWNER ckan_default;",
                what=f"create {live}")
    permissions = lay.root / PERMISSIONS_SQL
    if permissions.exists():
        pg.psql(lay, permissions.read_text(), database="postgres",
                what="datastore set-permissions | psql")
    shutil.rmtree(lay.storage, ignore_errors=True)
    lay.storage.mkdir(parents=True, exist_ok=True)
    components.empty_solr(lay, log)
    components.stop_redis(lay)  # no persistence: a restart is an empty Redis
    components.start_redis(lay, log)
