"""When the pipeline runs by itself and whom it tells (``portal_config/schedule.yaml``)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator, model_validator

from desa_terbuka.core.config import ConfigError, Strict, load_config
from desa_terbuka.core.paths import PORTAL_CONFIG_DIR

SCHEDULE_FILE = PORTAL_CONFIG_DIR / "schedule.yaml"


class ScheduleEntry(Strict):
    cron: str | None = None
    interval: float | None = Field(default=None, gt=0)  # seconds
    timezone: str = "Asia/Jakarta"

    @field_validator("cron")
    @classmethod
    def _cron(cls, value: str | None) -> str | None:
        if value is not None and len(value.split()) not in (5, 6):
            raise ValueError("a cron expression has 5 fields, e.g. '0 2 * * *' (02:00 every day)")
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone '{value}' (e.g. Asia/Jakarta)") from None
        return value

    @model_validator(mode="after")
    def _one(self):
        if (self.cron is None) == (self.interval is None):
            raise ValueError("give exactly one of cron or interval")
        return self


class ServerConfig(Strict):
    host: str = "127.0.0.1"
    port: int = Field(default=4200, ge=1024, le=65535)


class Webhook(Strict):
    url: str | None = None
    url_env: str | None = None

    @model_validator(mode="after")
    def _one(self):
        if (self.url is None) == (self.url_env is None):
            raise ValueError("give exactly one of url or url_env")
        return self

    def address(self) -> str | None:
        """The URL, or None when its environment variable is unset."""
        return self.url or os.environ.get(self.url_env or "") or None

    @property
    def shown(self) -> str:
        return self.url_env and f"${self.url_env}" or (self.url or "")


class Notifications(Strict):
    notify_on: list[Literal["failed", "partial"]] = ["failed", "partial"]
    webhooks: list[Webhook] = []


class ScheduleConfig(Strict):
    """The shape of ``portal_config/schedule.yaml``."""

    deployment: str = Field(default="desa-terbuka-malam", pattern=r"^[a-z0-9][a-z0-9-]{1,60}$")
    schedules: list[ScheduleEntry] = Field(min_length=1)
    parameters: dict[str, Any] = {}
    server: ServerConfig = ServerConfig()
    notifications: Notifications = Notifications()

    @field_validator("parameters")
    @classmethod
    def _parameters(cls, value: dict[str, Any]) -> dict[str, Any]:
        allowed = {"villages", "record_type", "dry_run", "compliance"}
        unknown = set(value) - allowed
        if unknown:
            raise ValueError(f"unknown flow parameter {sorted(unknown)[0]!r}; use {sorted(allowed)}")
        return value

    @property
    def port(self) -> int:
        raw = os.environ.get("DESA_PREFECT_PORT")
        if not raw:
            return self.server.port
        if not raw.isdigit():
            raise ConfigError(f"DESA_PREFECT_PORT={raw!r} bukan nomor port, mis. 4200 (not a port number)")
        return int(raw)


@cache
def schedule_config(path: Path = SCHEDULE_FILE) -> ScheduleConfig:
    return load_config(path, ScheduleConfig)
