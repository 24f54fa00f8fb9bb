"""Local CKAN 2.12 portal for development and tests: install once, start, stop, reset.

A portal's state lives in its folder (default ``<repo>/.portal``, see devportal/instances.py):
a private PostgreSQL cluster, a Redis instance, the Solr stand-in (production runs real Solr),
uploads, logs and secrets. CKAN's virtualenv is shared by every portal that asks for the same
CKAN and extensions (devportal/ckan_venv.py); CKAN is served by gunicorn workers
(devportal/web.py). All services bind to 127.0.0.1. ``up`` is idempotent: it installs what is
missing, restarts what died or changed and does nothing when everything already runs as asked.
``up(fresh=True)`` (test portals only) restores the databases as installed (devportal/snapshot.py).
Key ckan.ini settings are data, in ``portal_config/local_ckan.yaml``, for review.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from desa_terbuka.core.paths import PORTAL_CONFIG_DIR
from devportal import ckan_venv, components, ini, instances, pg, services, snapshot, web
from devportal.layout import Layout
from devportal.services import LocalPortalError

__all__ = ["ComponentStatus", "PortalStatus", "LocalPortalError", "up", "down",
           "status", "reset", "read_token"]

SYSADMIN = "desa-bot"
Log = Callable[[str], None]


@dataclass
class ComponentStatus:
    name: str
    running: bool
    detail: str


@dataclass
class PortalStatus:
    url: str
    token_file: Path
    components: list[ComponentStatus] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return bool(self.components) and all(c.running for c in self.components)


# --------------------------------------------------------------------------- settings
_settings = instances.settings


def _layout(portal_dir: Path | None, port: int | None = None) -> Layout:
    return instances.layout(portal_dir, port)


def _load_state(root: Path) -> dict:
    try:
        return json.loads((root / "state.json").read_text())
    except (OSError, ValueError):
        return {}


def _save_state(lay: Layout, state: dict) -> None:
    lay.state_file.write_text(json.dumps(state, indent=2, sort_keys=True))


def _db_secrets(lay: Layout) -> dict[str, str]:
    """DB passwords, created once and kept 0600 under secrets/."""
    path = lay.secrets / "db.json"
    if path.exists():
        return json.loads(path.read_text())
    creds = {"ckan_db_password": secrets.token_urlsafe(18),
             "datastore_ro_password": secrets.token_urlsafe(18)}
    _write_secret(path, json.dumps(creds))
    return creds


def _write_secret(path: Path, text: str) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(text)
    os.chmod(path, 0o600)


def _secret_values(lay: Layout) -> list[str]:
    values = list(_db_secrets(lay).values()) if (lay.secrets / "db.json").exists() else []
    if lay.token_file.exists():
        values.append(lay.token_file.read_text().strip())
    return values


# --------------------------------------------------------------------------- install
APT_PACKAGES = ["postgresql", "redis-server", "python3-venv", "python3-dev", "build-essential",
                "libpq-dev", "libmagic1"]


def _ensure_apt(lay: Layout, log: Log) -> None:
    """Install Debian packages only when a needed binary or library is missing."""
    import ctypes.util

    missing = (pg.bindir() is None or shutil.which("redis-server") is None
               or shutil.which("gcc") is None or shutil.which("pg_config") is None
               or ctypes.util.find_library("magic") is None)
    if not missing:
        return
    log("Memasang paket Debian / installing Debian packages (apt-get)...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    services.run(["apt-get", "update"], lay.log("install"), env=env, what="apt-get update")
    services.run(["apt-get", "install", "-y", *APT_PACKAGES], lay.log("install"), env=env,
                 what="apt-get install")


# --------------------------------------------------------------------------- ckan.ini
def _render_ini_settings(lay: Layout) -> dict[str, str]:
    values = {**_db_secrets(lay), "ckan_port": lay.ports["ckan"], "pg_port": lay.ports["postgres"],
              "redis_port": lay.ports["redis"], "solr_port": lay.ports["solr"],
              "storage_path": str(lay.storage), "webassets_path": str(lay.webassets),
              "portal_config": str(PORTAL_CONFIG_DIR)}
    return {k: str(v).format(**values) for k, v in _settings()["ckan_ini"].items()}


def _ensure_config(lay: Layout, log: Log, state: dict) -> bool:
    """Generate ckan.ini once; (re)write our keys when they differ. Returns True if changed."""
    if not lay.ini.exists():
        log("Membuat / generating ckan.ini...")
        services.run([str(lay.ckan_bin), "generate", "config", str(lay.ini)], lay.log("install"),
                     what="ckan generate config")
        os.chmod(lay.ini, 0o600)
    wanted = _wanted_ini(lay, state)
    if not _config_drift(lay, state):
        return False
    ini.write_keys(lay.ini, wanted)
    return True


def _wanted_ini(lay: Layout, state: dict) -> dict[str, str]:
    wanted = _render_ini_settings(lay)
    if state.get("locale_fallback"):
        wanted["ckan.locale_default"] = "en"
    return wanted


def _config_drift(lay: Layout, state: dict) -> bool:
    """True when portal_config/local_ckan.yaml asks for settings ckan.ini does not have."""
    if not lay.ini.exists():
        return True
    current = ini.read_keys(lay.ini)
    return any(current.get(k) != v for k, v in _wanted_ini(lay, state).items())


# --------------------------------------------------------------------------- CKAN
def _ckan(lay: Layout, *args: str, what: str = "", input_text: str | None = None) -> str:
    return services.run([str(lay.ckan_bin), "-c", str(lay.ini), *args], lay.log("install"),
                        secrets=_secret_values(lay), what=what or f"ckan {args[0]}",
                        input_text=input_text, cwd=lay.root)


def _ensure_db_schema(lay: Layout, log: Log, state: dict) -> None:
    if state.get("db_init"):
        return
    log("Menyiapkan basis data CKAN / initialising CKAN database...")
    _ckan(lay, "db", "init", what="ckan db init")
    _ckan(lay, "db", "upgrade", "-p", "activity", what="ckan db upgrade -p activity")
    sql = _ckan(lay, "datastore", "set-permissions", what="ckan datastore set-permissions")
    pg.psql(lay, sql, database="postgres", what="datastore set-permissions | psql")
    snapshot.save_permissions(lay, sql)
    state["db_init"] = True
    _save_state(lay, state)


def _ensure_sysadmin(lay: Layout, log: Log, state: dict) -> None:
    if state.get("sysadmin") and lay.token_file.exists():
        return
    if not state.get("sysadmin"):
        log(f"Membuat sysadmin / creating sysadmin {SYSADMIN}...")
        password = secrets.token_urlsafe(24)
        services.run([str(lay.ckan_bin), "-c", str(lay.ini), "user", "add", SYSADMIN,
                      f"email={SYSADMIN}@localhost.invalid", f"password={password}"],
                     lay.log("install"), secrets=[password, *_secret_values(lay)],
                     what=f"ckan user add {SYSADMIN}", cwd=lay.root)
        _ckan(lay, "sysadmin", "add", SYSADMIN, what="ckan sysadmin add")
        state["sysadmin"] = True
        _save_state(lay, state)
    out = services.run([str(lay.ckan_bin), "-c", str(lay.ini), "user", "token", "add", SYSADMIN,
                        "desa-terbuka"], lay.log("install"), secrets=_secret_values(lay),
                       what="ckan user token add", cwd=lay.root)
    token = _extract_token(out)
    if not token:
        raise LocalPortalError(f"no API token in `ckan user token add` output — log: "
                          f"{lay.log('install')}")
    _write_secret(lay.token_file, token + "\n")


def _extract_token(output: str) -> str:
    found = services._JWT_RE.findall(output)  # noqa: SLF001 - same package
    return found[-1] if found else ""


def _ensure_assets(lay: Layout, log: Log) -> None:
    """Compile the web assets once per CKAN venv and plugin list, before the workers start."""
    key = f"{lay.venv.name} {ini.read_keys(lay.ini).get('ckan.plugins', '')}\n"
    marker = lay.webassets / ".desa-built"
    if marker.exists() and marker.read_text() == key:
        return
    log("Menyusun aset web / building web assets (ckan asset build)...")
    _ckan(lay, "asset", "build", what="ckan asset build")
    marker.write_text(key)


def _start_ckan(lay: Layout, log: Log, state: dict) -> None:
    settings = _settings()
    if web.running(lay) and web.current(lay, settings):
        return
    web.stop(lay, settings)  # died, or started with other settings (workers, venv)
    if services.port_open(lay.ports["ckan"]):
        raise LocalPortalError(f"port {lay.ports['ckan']} sudah dipakai / already in use by "
                               f"another process (set DESA_PORTAL_PORT or DESA_PORTAL_PORTS)")
    _ensure_assets(lay, log)
    workers = web.options(settings)["workers"]
    log(f"Menjalankan / starting CKAN (gunicorn, {workers} worker) on {lay.url}...")
    proc = web.start(lay, settings)
    services.wait_until(lambda: proc.poll() is not None or services.http_ok(
        f"{lay.url}/api/3/action/status_show"), timeout=120, interval=0.3)
    if proc.poll() is None and web.running(lay):
        return
    if not state.get("locale_fallback") and "locale" in lay.log("ckan").read_text().lower():
        log("Locale 'id' gagal / failed; falling back to 'en'.")
        state["locale_fallback"] = True
        _save_state(lay, state)
        _ensure_config(lay, log, state)
        return _start_ckan(lay, log, state)
    web.stop(lay, settings)
    raise LocalPortalError(f"CKAN tidak menyala / did not start on {lay.url} — log: "
                           f"{lay.log('ckan')}")


# --------------------------------------------------------------------------- public API
def up(portal_dir: Path | None = None, *, port: int | None = None, fresh: bool = False,
       log: Log = print) -> PortalStatus:
    """Install what is missing and start every component; fast no-op when all run as asked.

    ``fresh`` (test portals only): start from nothing published — the databases as installed,
    no uploads, an empty index."""
    lay = _layout(portal_dir, port)
    state = _load_state(lay.root)
    if fresh:
        _prepare_fresh(lay, state, log)
        state = _load_state(lay.root)
    else:
        current = status(lay.root, _lay=lay)
        if current.ready and not _config_drift(lay, state) and web.current(lay, _settings()):
            return current
    for sub in ("run", "logs", "storage", "solr_data"):
        getattr(lay, sub).mkdir(parents=True, exist_ok=True)
    state["ports"] = lay.ports
    state["test_portal"] = (fresh or state.get("test_portal", False)
                            or os.environ.get(instances.TEST_MARK) == "1")
    _save_state(lay, state)
    _ensure_apt(lay, log)
    ckan_venv.ensure(_settings(), lay.log("install"), log)
    pg.ensure_cluster(lay, log)
    pg.start(lay, log)
    pg.ensure_databases(lay, log, _db_secrets(lay), state)
    _save_state(lay, state)
    components.start_redis(lay, log)
    components.start_solr(lay, log)
    if _ensure_config(lay, log, state):
        web.stop(lay, _settings())  # settings changed: restart
    just_installed = not state.get("sysadmin")
    _ensure_db_schema(lay, log, state)
    _ensure_sysadmin(lay, log, state)
    if state["test_portal"] and just_installed:  # nothing published yet: the pristine state
        web.stop(lay, _settings())
        snapshot.take(lay, log)
        state["pristine"] = True
        _save_state(lay, state)
    elif fresh:
        web.stop(lay, _settings())  # the databases are replaced under it
        snapshot.restore(lay, log)
    _start_ckan(lay, log, state)
    result = status(lay.root, _lay=lay)
    log(f"Portal siap / ready: {result.url}")
    return result


def _prepare_fresh(lay: Layout, state: dict, log: Log) -> None:
    """Refuse to wipe a portal not made for tests; start over one that has no pristine copy."""
    if not lay.root.exists() or not any(lay.root.iterdir()):
        return
    if not state.get("test_portal"):
        raise LocalPortalError(
            f"{lay.root} bukan portal uji / is not a test portal (no test_portal mark in "
            f"state.json): refusing to restore it to an empty state")
    if not state.get("pristine"):
        log("Portal uji tanpa salinan awal / test portal without a pristine copy: rebuilding.")
        reset(lay.root, log)


def down(portal_dir: Path | None = None, log: Log = print) -> None:
    """Stop CKAN, the Solr stand-in, Redis and PostgreSQL (state stays on disk)."""
    lay = _layout(portal_dir)
    if not lay.root.exists():
        return
    if web.stop(lay, _settings()):
        log("Berhenti / stopped ckan")
    if components.stop_solr(lay):
        log("Berhenti / stopped solr")
    if components.stop_redis(lay):
        log("Berhenti / stopped redis")
    if pg.stop(lay):
        log("Berhenti / stopped postgres")


def status(portal_dir: Path | None = None, *, _lay: Layout | None = None) -> PortalStatus:
    """Report each component without changing anything."""
    lay = _lay or _layout(portal_dir)
    pid = lambda name: services.read_pid(lay.run / f"{name}.pid")  # noqa: E731
    comps = [
        ComponentStatus("postgres", pg.running(lay),
                        f"127.0.0.1:{lay.ports['postgres']}, data {lay.pgdata}"),
        ComponentStatus("redis", components.redis_running(lay),
                        f"127.0.0.1:{lay.ports['redis']}, pid {pid('redis')}"),
        ComponentStatus("solr-standin", components.solr_running(lay),
                        f"{components.solr_url(lay)}, pid {pid('solr')}"),
        ComponentStatus("ckan", web.running(lay), web.describe(lay, _settings())),
        ComponentStatus("token", lay.token_file.exists(), str(lay.token_file)),
    ]
    return PortalStatus(lay.url, lay.token_file, comps)


def reset(portal_dir: Path | None = None, log: Log = print) -> None:
    """Stop everything and delete all portal state (databases, uploads, secrets); the shared
    CKAN venv stays for other portals."""
    lay = _layout(portal_dir)
    down(lay.root, log)
    if lay.root.exists():
        shutil.rmtree(lay.root)
        log(f"Dihapus / deleted {lay.root}")


def read_token(portal_dir: Path | None = None) -> str:
    """The sysadmin API token (never print it)."""
    lay = _layout(portal_dir)
    try:
        return lay.token_file.read_text().strip()
    except OSError as exc:
        raise LocalPortalError(f"token belum ada / no token at {lay.token_file}: run `up` first") \
            from exc
