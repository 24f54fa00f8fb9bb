"""CKAN's own virtualenv, installed once per machine and shared by every local portal.

CKAN pins ~56 packages that clash with the pipeline's, so it gets a venv of its own. Installing
it costs half a minute or more; a second portal (the test portal beside the user's, another
checkout) asks for the same CKAN version and extensions, so the venv is keyed by exactly that
list and reused. Only state (databases, uploads, secrets) is per portal.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import sys
from pathlib import Path
from typing import Callable

from devportal import services

MARKER = ".desa-installed"


def requirements(settings: dict) -> list[str]:
    """What goes into the venv: CKAN with its pinned requirements, then the extra packages."""
    return [f"ckan[requirements]=={settings['ckan_version']}", *settings.get("ckan_packages", [])]


def venv_root() -> Path:
    """Where shared venvs live: DESA_CKAN_VENV_ROOT, else the user's cache folder."""
    explicit = os.environ.get("DESA_CKAN_VENV_ROOT")
    if explicit:
        return Path(explicit)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "desa-terbuka" / "ckan-venvs"


def venv_dir(settings: dict) -> Path:
    """``ckan-2.12.0-<hash of the requirement list>``: same list, same venv."""
    reqs = requirements(settings)
    digest = hashlib.sha256("\n".join(reqs).encode()).hexdigest()[:10]
    return venv_root() / f"ckan-{settings['ckan_version']}-{digest}"


def ensure(settings: dict, logfile: Path, log: Callable[[str], None]) -> Path:
    """Install the venv unless an identical one exists; concurrent callers wait on a lock."""
    venv = venv_dir(settings)
    reqs = requirements(settings)
    if _installed(venv, reqs):
        return venv
    venv.parent.mkdir(parents=True, exist_ok=True)
    with open(venv.parent / f"{venv.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another portal may be installing the same venv
        if _installed(venv, reqs):
            return venv
        log(f"Memasang CKAN {settings['ckan_version']} + ekstensi / installing CKAN and "
            f"extensions into {venv} (once per machine, ~1 min)...")
        base_python = Path(sys.base_prefix) / "bin" / "python3"
        python = str(base_python if base_python.exists() else sys.executable)
        if not (venv / "bin" / "python").exists():
            services.run([python, "-m", "venv", str(venv)], logfile, what="venv")
        pip = str(venv / "bin" / "pip")
        services.run([pip, "install", "-q", "--disable-pip-version-check", *reqs], logfile,
                     what="pip install ckan")
        (venv / MARKER).write_text("\n".join(reqs) + "\n")
    return venv


def _installed(venv: Path, reqs: list[str]) -> bool:
    marker = venv / MARKER
    return marker.exists() and marker.read_text().split() == reqs \
        and (venv / "bin" / "ckan").exists()
