"""Paths and ports of one local portal directory (shared by the portal's modules)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Layout:
    """Paths and ports of one portal directory."""

    root: Path
    ports: dict[str, int]
    venv: Path  # CKAN's virtualenv, shared between portals (devportal/ckan_venv.py)

    def __getattr__(self, name: str) -> Path:
        sub = {"pgdata": "pg", "run": "run", "logs": "log", "secrets": "secrets",
               "storage": "storage", "solr_data": "solr", "webassets": "webassets", "ini": "ckan.ini",
               "state_file": "state.json"}
        if name in sub:
            return self.root / sub[name]
        raise AttributeError(name)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports['ckan']}"

    @property
    def token_file(self) -> Path:
        return self.secrets / "sysadmin.token"

    @property
    def ckan_bin(self) -> Path:
        return self.venv / "bin" / "ckan"

    def log(self, name: str) -> Path:
        return self.logs / f"{name}.log"
