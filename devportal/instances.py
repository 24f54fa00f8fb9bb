"""Which local portal a command means: the user's, or the test command's own beside it.

The user's portal is ``DESA_PORTAL_DIR`` (default ``<checkout>/.portal``, or a folder under
/var/lib/desa-terbuka when the ``postgres`` user cannot reach the checkout) with the ports of
portal_config/local_ckan.yaml, those saved in its state.json, and ``DESA_PORTAL_PORTS``.
The test portal is derived from it (``test_portal:`` in local_ckan.yaml): its own folder and
every port shifted, so a test run never touches the user's databases, uploads or index.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
from functools import cache
from pathlib import Path

import yaml

from devportal import ckan_venv
from devportal.layout import Layout

REPO_ROOT = Path(__file__).resolve().parents[1]
CONFIG_FILE = REPO_ROOT / "portal_config" / "local_ckan.yaml"
PORT_NAMES = ("ckan", "postgres", "redis", "solr")


def settings() -> dict:
    return yaml.safe_load(CONFIG_FILE.read_text(encoding="utf-8"))


@cache
def _postgres_reaches(path: Path) -> bool:
    try:
        return subprocess.run(["runuser", "-u", "postgres", "--", "test", "-x", str(path)],
                              capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return True  # no runuser/postgres user: nothing better to suggest


def default_dir() -> Path:
    """``.portal`` in the checkout, unless PostgreSQL (user ``postgres``) cannot enter it."""
    if _postgres_reaches(REPO_ROOT):
        return REPO_ROOT / ".portal"
    digest = hashlib.sha1(str(REPO_ROOT).encode()).hexdigest()[:8]
    return Path("/var/lib/desa-terbuka") / f"portal-{digest}"


def parse_ports(text: str) -> dict[str, int]:
    """``ckan=5100,postgres=54429,...`` → dict; unknown names and non-numbers are ignored."""
    ports = {}
    for item in filter(None, text.split(",")):
        name, _, value = item.partition("=")
        if name.strip() in PORT_NAMES and value.strip().isdigit():
            ports[name.strip()] = int(value)
    return ports


def format_ports(ports: dict[str, int]) -> str:
    return ",".join(f"{k}={ports[k]}" for k in PORT_NAMES)


def saved_ports(root: Path) -> dict[str, int]:
    try:
        return json.loads((root / "state.json").read_text()).get("ports", {})
    except (OSError, ValueError):
        return {}


def layout(portal_dir: Path | None = None, port: int | None = None) -> Layout:
    """The portal named by the arguments or, failing them, by the environment."""
    conf = settings()
    root = Path(portal_dir or os.environ.get("DESA_PORTAL_DIR") or default_dir()).resolve()
    ports = {**conf["ports"], **saved_ports(root),
             **parse_ports(os.environ.get("DESA_PORTAL_PORTS", ""))}
    env_port = os.environ.get("DESA_PORTAL_PORT")
    if port or env_port:
        ports["ckan"] = int(port or env_port)  # type: ignore[arg-type]
    return Layout(root, {k: int(v) for k, v in ports.items()}, ckan_venv.venv_dir(conf))


def test_layout(user: Layout) -> Layout:
    """The test command's portal beside ``user``: DESA_TEST_PORTAL_DIR / _PORTS, else derived."""
    conf = settings()
    derive = conf.get("test_portal") or {}
    root = Path(os.environ.get("DESA_TEST_PORTAL_DIR")
                or f"{user.root}{derive.get('dir_suffix', '-test')}").resolve()
    offset = int(derive.get("port_offset", 1100))
    ports = {name: user.ports[name] + offset for name in PORT_NAMES}
    ports.update(parse_ports(os.environ.get("DESA_TEST_PORTAL_PORTS", "")))
    lay = Layout(root, ports, user.venv)
    clash = [n for n in PORT_NAMES if ports[n] in user.ports.values()]
    if root == user.root or clash:
        raise ValueError(f"test portal would share {'its folder' if root == user.root else clash}"
                         f" with the user's portal {user.root}: set DESA_TEST_PORTAL_DIR/_PORTS")
    return lay


def environment(lay: Layout, *, test: bool = False) -> dict[str, str]:
    """Environment variables that make every portal command address ``lay``; ``test`` marks it
    as a test portal, which ``up(fresh=True)`` may restore to empty."""
    env = {"DESA_PORTAL_DIR": str(lay.root), "DESA_PORTAL_PORTS": format_ports(lay.ports)}
    if test:
        env[TEST_MARK] = "1"
    return env


TEST_MARK = "DESA_PORTAL_IS_TEST"
