"""Private PostgreSQL cluster for the local portal (own data dir, port and socket dir).

PostgreSQL refuses to run as root, so every server-side command runs as the ``postgres``
user via ``runuser``; the data and socket dirs are chowned to it.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from devportal import services

if TYPE_CHECKING:
    from devportal.layout import Layout


def bindir() -> Path | None:
    """Newest /usr/lib/postgresql/<v>/bin that has initdb."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def _bin(name: str) -> str:
    directory = bindir()
    if directory is None:
        raise services.LocalPortalError("PostgreSQL tidak terpasang / not installed (no initdb)")
    return str(directory / name)


def _as_postgres(*cmd: str) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd]


def _chown_postgres(path: Path) -> None:
    user = pwd.getpwnam("postgres")
    os.chown(path, user.pw_uid, user.pw_gid)


def ensure_cluster(lay: "Layout", log: Callable[[str], None]) -> None:
    """initdb once into ``.portal/pg``."""
    lay.run.mkdir(parents=True, exist_ok=True)
    _chown_postgres(lay.run)
    pg_log = lay.log("postgres")
    pg_log.touch()
    _chown_postgres(pg_log)
    if (lay.pgdata / "PG_VERSION").exists():
        return
    log("Membuat klaster PostgreSQL / creating PostgreSQL cluster...")
    if lay.pgdata.exists():
        shutil.rmtree(lay.pgdata)  # half-created by an interrupted initdb
    lay.pgdata.mkdir(mode=0o700, parents=True)
    _chown_postgres(lay.pgdata)
    services.run(_as_postgres(_bin("initdb"), "-D", str(lay.pgdata), "-U", "postgres",
                              "-E", "UTF8", "--locale=C.UTF-8", "--auth-local=peer",
                              "--auth-host=scram-sha-256"),
                 lay.log("install"), what="initdb")


def running(lay: "Layout") -> bool:
    if not (lay.pgdata / "postmaster.pid").exists() or bindir() is None:
        return False
    return services.port_open(lay.ports["postgres"]) and os.system(  # noqa: S605
        f"{_bin('pg_isready')} -q -h 127.0.0.1 -p {lay.ports['postgres']}") == 0


def start(lay: "Layout", log: Callable[[str], None]) -> None:
    if running(lay):
        return
    log(f"Menjalankan / starting PostgreSQL on 127.0.0.1:{lay.ports['postgres']}...")
    _remove_stale_lock(lay)
    opts = f"-c listen_addresses=127.0.0.1 -p {lay.ports['postgres']} -k {lay.run}"
    cmd = _as_postgres(_bin("pg_ctl"), "-D", str(lay.pgdata), "-l", str(lay.log("postgres")),
                       "-w", "-t", "60", "-o", opts, "start")
    try:
        services.run(cmd, lay.log("install"), what="pg_ctl start")
    except services.LocalPortalError:
        # A killed postmaster can linger a moment (unreaped, or children still exiting).
        time.sleep(2)
        _remove_stale_lock(lay)
        services.run(cmd, lay.log("install"),
                     what=f"pg_ctl start (see {lay.log('postgres')})")


def _remove_stale_lock(lay: "Layout") -> None:
    """Drop postmaster.pid when its pid is dead, a zombie or not a postgres process."""
    lock = lay.pgdata / "postmaster.pid"
    pid = services.read_pid(lock)
    if lock.exists() and not services.pid_alive(pid, "postgres"):
        lock.unlink(missing_ok=True)


def stop(lay: "Layout") -> bool:
    if not (lay.pgdata / "postmaster.pid").exists() or bindir() is None:
        return False
    services.run(_as_postgres(_bin("pg_ctl"), "-D", str(lay.pgdata), "-m", "fast", "-w",
                              "stop"), lay.log("install"), what="pg_ctl stop")
    return True


def psql(lay: "Layout", sql: str, *, database: str = "postgres", what: str = "psql",
         secrets: tuple[str, ...] = ()) -> str:
    """Run SQL (from stdin, so passwords never reach the process list) as postgres."""
    return services.run(
        _as_postgres(_bin("psql"), "-h", str(lay.run), "-p", str(lay.ports["postgres"]),
                     "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-At", "-f", "-"),
        lay.log("install"), input_text=sql, secrets=secrets, what=what)


def ensure_databases(lay: "Layout", log: Callable[[str], None], creds: dict[str, str],
                     state: dict) -> None:
    """Roles ckan_default (owner) and datastore_default (read-only), and both databases."""
    if state.get("databases"):
        return
    log("Membuat basis data / creating databases ckan_default, datastore_default...")
    pw_rw, pw_ro = creds["ckan_db_password"], creds["datastore_ro_password"]
    roles = f"""
DO $$BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname='ckan_default') THEN
    CREATE ROLE ckan_default LOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname='datastore_default') THEN
    CREATE ROLE datastore_default LOGIN; END IF;
END$$;
ALTER ROLE ckan_default PASSWORD '{pw_rw}';
ALTER ROLE datastore_default PASSWORD '{pw_ro}';
"""
    psql(lay, roles, what="create roles", secrets=(pw_rw, pw_ro))
    existing = psql(lay, "SELECT datname FROM pg_database;", what="list databases").split()
    for db in ("ckan_default", "datastore_default"):
        if db not in existing:
            psql(lay, f"CREATE DATABASE {db} OWNER ckan_default ENCODING 'UTF8' "
                      f"TEMPLATE template0;", what=f"create database {db}")
    state["databases"] = True
