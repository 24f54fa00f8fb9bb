"""Run-time settings, all overridable by environment variables (documented in README.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desa_terbuka.core.config import ConfigError
from desa_terbuka.core.paths import PROJECT_ROOT

__all__ = ["ConfigError", "Settings", "portal_credentials", "quiet_prefect"]


@dataclass(frozen=True)
class Settings:
    inbox: Path
    warehouse: Path
    ckan_url: str | None
    ckan_token: str | None

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            inbox=Path(os.environ.get("DESA_INBOX", PROJECT_ROOT / "inbox")),
            warehouse=Path(os.environ.get("DESA_WAREHOUSE", PROJECT_ROOT / "data" / "warehouse.duckdb")),
            ckan_url=os.environ.get("CKAN_URL") or None,
            ckan_token=os.environ.get("CKAN_API_TOKEN") or None,
        )


def portal_credentials(settings: Settings) -> tuple[str, str]:
    """CKAN_URL and CKAN_API_TOKEN, both required (``desa`` sets them for the local portal)."""
    if not settings.ckan_url:
        raise ConfigError("Portal CKAN belum diatur: jalankan `desa portal up` atau set CKAN_URL dan "
                          "CKAN_API_TOKEN (no CKAN portal: run `desa portal up` or set CKAN_URL).")
    if not settings.ckan_token:
        raise ConfigError("CKAN_URL diset tetapi CKAN_API_TOKEN kosong: isi token API portal "
                          "(CKAN_URL is set but CKAN_API_TOKEN is empty).")
    return settings.ckan_url, settings.ckan_token


def quiet_prefect(project_root: Path = PROJECT_ROOT) -> None:
    """Offline, quiet Prefect defaults (STACK.md); explicit environment settings win."""
    defaults = {
        "PREFECT_HOME": str(project_root / ".prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_UI_ENABLED": "false",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
