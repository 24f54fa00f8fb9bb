"""Run-time settings, all overridable by environment variables (documented in README.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desa_terbuka.core.config import ConfigError
from desa_terbuka.core.paths import PROJECT_ROOT

__all__ = ["ConfigError", "Settings", "duckdb_threads", "portal_credentials", "positive_env",
           "quiet_prefect", "usable_cores"]


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


def positive_env(name: str, default: int | None) -> int | None:
    """The whole number ≥ 1 in environment variable ``name``, ``default`` when it is unset."""
    raw = (os.environ.get(name) or "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"{name}={raw!r} harus bilangan bulat positif ({name} must be a positive "
                          "whole number).")
    return int(raw)


def usable_cores() -> int:
    """Cores this process may fill with workers: the machine's, capped by ``DESA_WORKERS`` (e.g.
    1 on a machine shared with other work; unset or 0: no cap)."""
    cpus = os.cpu_count() or 1
    cap = 0 if os.environ.get("DESA_WORKERS", "").strip() == "0" else positive_env("DESA_WORKERS", 0)
    return min(cpus, cap) if cap else cpus


def duckdb_threads(default: int | None = None) -> int | None:
    """Threads a DuckDB connection of this process may use (``DESA_DUCKDB_THREADS``), else
    ``default`` (None: DuckDB's own, every core). Several processes sharing the cores each
    take their share: two 2-threaded partitions on 2 cores ran 17 % slower than single-threaded."""
    return positive_env("DESA_DUCKDB_THREADS", default)


TOKEN_BLOCK_ENV = "CKAN_API_TOKEN_BLOCK"


def portal_credentials(settings: Settings) -> tuple[str, str]:
    """CKAN_URL and the portal token, both required (``desa`` sets them for the local portal).

    The token comes from CKAN_API_TOKEN, or from the Prefect Secret block named in
    CKAN_API_TOKEN_BLOCK (kept by the Prefect server, encrypted, never a flow parameter). It is
    never put in a message: errors name the variable or the block, not the value."""
    if not settings.ckan_url:
        raise ConfigError("Portal CKAN belum diatur: jalankan `desa portal up` atau set CKAN_URL dan "
                          "CKAN_API_TOKEN (no CKAN portal: run `desa portal up` or set CKAN_URL).")
    token = settings.ckan_token or _secret_block(os.environ.get(TOKEN_BLOCK_ENV, "").strip())
    if not token:
        raise ConfigError("CKAN_URL diset tetapi token API portal kosong: isi CKAN_API_TOKEN atau "
                          f"nama blok Secret Prefect di {TOKEN_BLOCK_ENV} (CKAN_URL is set but "
                          "there is no portal token: set CKAN_API_TOKEN or CKAN_API_TOKEN_BLOCK).")
    return settings.ckan_url, token


def _secret_block(name: str) -> str | None:
    """The value of a Prefect Secret block (None when no block is named)."""
    if not name:
        return None
    from prefect.blocks.system import Secret

    try:
        value = Secret.load(name).get()
    except Exception as exc:  # a missing block or no Prefect server: name it, nothing more
        raise ConfigError(f"Blok Secret Prefect '{name}' ({TOKEN_BLOCK_ENV}) tidak dapat dibaca "
                          f"({type(exc).__name__}); buat dengan `prefect block create secret` atau "
                          f"Secret(value=...).save('{name}') (the Prefect Secret block cannot be "
                          "read).") from None
    return str(value).strip() or None


def quiet_prefect(project_root: Path = PROJECT_ROOT) -> None:
    """Offline, quiet Prefect defaults (STACK.md); explicit environment settings win."""
    defaults = {
        "PREFECT_HOME": str(project_root / ".prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_UI_ENABLED": "false",
        # the temporary server's start-up (default 20 s) was seen to take longer on a busy
        # 2-core machine: the run then failed before doing anything
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
