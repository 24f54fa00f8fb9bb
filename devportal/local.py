"""Local CKAN 2.12 portal for development and tests: install once, start, stop, reset.

Everything lives under ``PORTAL_DIR`` (default ``<repo>/.portal``): CKAN's own venv, a private
PostgreSQL cluster, a Redis instance, the Solr stand-in (production runs real Solr), uploads,
logs and secrets. All services bind to 127.0.0.1. ``up`` is idempotent: it installs what is
missing, restarts what died and changes nothing when everything already runs.
Key ckan.ini settings are data, in ``portal_config/local_ckan.yaml``, for review.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from desa_terbuka.core.paths import PORTAL_CONFIG_DIR
from devportal import ini, pg, services
from devportal.layout import Layout
from devportal.services import LocalPortalError

__all__ = ["PORTAL_DIR", "ComponentStatus", "PortalStatus", "LocalPortalError", "up", "down",
           "status", "reset", "read_token"]

REPO_ROOT = Path(__file__).resolve().parents[1]
PORTAL_DIR = Path(os.environ.get("DESA_PORTAL_DIR", REPO_ROOT / ".portal"))
CONFIG_FILE = REPO_ROOT / "portal_config" / "local_ckan.yaml"
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
def _settings() -> dict:
    return yaml.safe_load(CONFIG_FILE.read_text(encoding="utf-8"))


def _layout(portal_dir: Path | None, port: int | None = None) -> Layout:
    root = Path(portal_dir or os.environ.get("DESA_PORTAL_DIR") or PORTAL_DIR).resolve()
    ports = dict(_settings()["ports"])
    saved = _load_state(root).get("ports", {})
    ports.update(saved)
    # DESA_PORTAL_PORTS="ckan=5100,postgres=54429,redis=63899,solr=19083": a second portal
    # (another checkout, a bench) beside the first one.
    for item in filter(None, os.environ.get("DESA_PORTAL_PORTS", "").split(",")):
        name, _, value = item.partition("=")
        if name.strip() in ports and value.strip().isdigit():
            ports[name.strip()] = int(value)
    env_port = os.environ.get("DESA_PORTAL_PORT")
    if port or env_port:
        ports["ckan"] = int(port or env_port)  # type: ignore[arg-type]
    return Layout(root, {k: int(v) for k, v in ports.items()})


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


def _ensure_venv(lay: Layout, log: Log) -> None:
    """CKAN gets its own venv: its pinned requirements clash with the pipeline's."""
    marker = lay.venv / ".desa-installed"
    version = _settings()["ckan_version"]
    if marker.exists() and marker.read_text().strip() == version:
        return
    log(f"Memasang CKAN {version} / installing CKAN into {lay.venv} (~30 s)...")
    base_python = Path(sys.base_prefix) / "bin" / "python3"
    python = str(base_python if base_python.exists() else sys.executable)
    if not (lay.venv / "bin" / "python").exists():
        services.run([python, "-m", "venv", str(lay.venv)], lay.log("install"), what="venv")
    pip = str(lay.venv / "bin" / "pip")
    services.run([pip, "install", "-q", f"ckan[requirements]=={version}"], lay.log("install"),
                 what="pip install ckan")
    marker.write_text(version)


# --------------------------------------------------------------------------- ckan.ini
def _render_ini_settings(lay: Layout) -> dict[str, str]:
    values = {**_db_secrets(lay), "ckan_port": lay.ports["ckan"], "pg_port": lay.ports["postgres"],
              "redis_port": lay.ports["redis"], "solr_port": lay.ports["solr"],
              "storage_path": str(lay.storage), "portal_config": str(PORTAL_CONFIG_DIR)}
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


def _ckan_running(lay: Layout) -> bool:
    pid = services.read_pid(lay.run / "ckan.pid")
    return services.pid_alive(pid, "ckan") and services.http_ok(
        f"{lay.url}/api/3/action/status_show", timeout=3)


def _start_ckan(lay: Layout, log: Log, state: dict) -> None:
    if _ckan_running(lay):
        return
    services.stop_pid(lay.run / "ckan.pid", "ckan")
    if services.port_open(lay.ports["ckan"]):
        raise LocalPortalError(f"port {lay.ports['ckan']} sudah dipakai / already in use by "
                          f"another process (set DESA_PORTAL_PORT)")
    log(f"Menjalankan / starting CKAN on {lay.url}...")
    lay.log("ckan").write_text("")  # fresh log per start: errors are easy to find
    cmd = [str(lay.ckan_bin), "-c", str(lay.ini), "run", "--host", "127.0.0.1",
           "--port", str(lay.ports["ckan"]), "--disable-reloader", "--threaded"]
    proc = services.start_background(cmd, lay.log("ckan"), lay.run / "ckan.pid", cwd=lay.root)
    services.wait_until(lambda: proc.poll() is not None or services.http_ok(
        f"{lay.url}/api/3/action/status_show"), timeout=90, interval=0.3)
    if proc.poll() is None and _ckan_running(lay):
        return
    if not state.get("locale_fallback") and "locale" in lay.log("ckan").read_text().lower():
        log("Locale 'id' gagal / failed; falling back to 'en'.")
        state["locale_fallback"] = True
        _save_state(lay, state)
        _ensure_config(lay, log, state)
        return _start_ckan(lay, log, state)
    services.stop_pid(lay.run / "ckan.pid", "ckan")
    raise LocalPortalError(f"CKAN tidak menyala / did not start on {lay.url} — log: {lay.log('ckan')}")


# --------------------------------------------------------------------------- Solr stand-in
def _solr_url(lay: Layout) -> str:
    return f"http://127.0.0.1:{lay.ports['solr']}/solr/ckan"


def _solr_running(lay: Layout) -> bool:
    pid = services.read_pid(lay.run / "solr.pid")
    return services.pid_alive(pid, "solr_standin") and services.http_ok(
        _solr_url(lay) + "/admin/ping", timeout=1)


def _start_solr(lay: Layout, log: Log) -> None:
    if _solr_running(lay):
        return
    services.stop_pid(lay.run / "solr.pid", "solr_standin")
    log(f"Menjalankan / starting Solr stand-in on 127.0.0.1:{lay.ports['solr']}...")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(REPO_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    cmd = [sys.executable, "-m", "devportal.solr_standin", "--host", "127.0.0.1",
           "--port", str(lay.ports["solr"]), "--data-dir", str(lay.solr_data),
           "--log-level", os.environ.get("DESA_SOLR_LOG_LEVEL", "WARNING")]
    proc = services.start_background(cmd, lay.log("solr"), lay.run / "solr.pid", env=env,
                                     cwd=REPO_ROOT)
    services.wait_until(lambda: proc.poll() is not None or _solr_running(lay), timeout=15)
    if not _solr_running(lay):
        raise LocalPortalError(f"Solr stand-in tidak menyala / did not start — log: {lay.log('solr')}")


# --------------------------------------------------------------------------- Redis
def _redis_running(lay: Layout) -> bool:
    pid = services.read_pid(lay.run / "redis.pid")
    return services.pid_alive(pid, "redis-server") and services.port_open(lay.ports["redis"])


def _start_redis(lay: Layout, log: Log) -> None:
    if _redis_running(lay):
        return
    services.stop_pid(lay.run / "redis.pid", "redis-server")
    log(f"Menjalankan / starting Redis on 127.0.0.1:{lay.ports['redis']}...")
    services.run(["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1",
                  "--port", str(lay.ports["redis"]), "--save", "", "--appendonly", "no",
                  "--pidfile", str(lay.run / "redis.pid"), "--logfile", str(lay.log("redis")),
                  "--dir", str(lay.run)], lay.log("install"), what="redis-server")
    if not services.wait_until(lambda: _redis_running(lay), timeout=10):
        raise LocalPortalError(f"Redis tidak menyala / did not start — log: {lay.log('redis')}")


# --------------------------------------------------------------------------- public API
def up(portal_dir: Path | None = None, *, port: int | None = None, log: Log = print
       ) -> PortalStatus:
    """Install what is missing and start every component; fast no-op when all run."""
    lay = _layout(portal_dir, port)
    current = status(lay.root, _lay=lay)
    if current.ready and not _config_drift(lay, _load_state(lay.root)):
        return current
    for sub in ("run", "logs", "storage", "solr_data"):
        getattr(lay, sub).mkdir(parents=True, exist_ok=True)
    state = _load_state(lay.root)
    state["ports"] = lay.ports
    _save_state(lay, state)
    _ensure_apt(lay, log)
    _ensure_venv(lay, log)
    pg.ensure_cluster(lay, log)
    pg.start(lay, log)
    pg.ensure_databases(lay, log, _db_secrets(lay), state)
    _save_state(lay, state)
    _start_redis(lay, log)
    _start_solr(lay, log)
    if _ensure_config(lay, log, state):
        services.stop_pid(lay.run / "ckan.pid", "ckan")  # settings changed: restart
    _ensure_db_schema(lay, log, state)
    _ensure_sysadmin(lay, log, state)
    _start_ckan(lay, log, state)
    result = status(lay.root, _lay=lay)
    log(f"Portal siap / ready: {result.url}")
    return result


def down(portal_dir: Path | None = None, log: Log = print) -> None:
    """Stop CKAN, the Solr stand-in, Redis and PostgreSQL (state stays on disk)."""
    lay = _layout(portal_dir)
    if not lay.root.exists():
        return
    for name, marker in (("ckan", "ckan"), ("solr", "solr_standin"), ("redis", "redis-server")):
        if services.stop_pid(lay.run / f"{name}.pid", marker):
            log(f"Berhenti / stopped {name}")
    if pg.stop(lay):
        log("Berhenti / stopped postgres")


def status(portal_dir: Path | None = None, *, _lay: Layout | None = None) -> PortalStatus:
    """Report each component without changing anything."""
    lay = _lay or _layout(portal_dir)
    pid = lambda name: services.read_pid(lay.run / f"{name}.pid")  # noqa: E731
    comps = [
        ComponentStatus("postgres", pg.running(lay),
                        f"127.0.0.1:{lay.ports['postgres']}, data {lay.pgdata}"),
        ComponentStatus("redis", _redis_running(lay),
                        f"127.0.0.1:{lay.ports['redis']}, pid {pid('redis')}"),
        ComponentStatus("solr-standin", _solr_running(lay),
                        f"{_solr_url(lay)}, pid {pid('solr')}"),
        ComponentStatus("ckan", _ckan_running(lay), f"{lay.url}, pid {pid('ckan')}"),
        ComponentStatus("token", lay.token_file.exists(), str(lay.token_file)),
    ]
    return PortalStatus(lay.url, lay.token_file, comps)


def reset(portal_dir: Path | None = None, log: Log = print) -> None:
    """Stop everything and delete all portal state (databases, uploads, venv, secrets)."""
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
