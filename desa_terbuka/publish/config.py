"""The district portal as the pipeline sees it (``portal_config/portal.yaml``), checked on load."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import Field

from desa_terbuka.core.config import Strict, load_config
from desa_terbuka.core.paths import PORTAL_CONFIG_DIR

PORTAL_FILE = PORTAL_CONFIG_DIR / "portal.yaml"


class _Organization(Strict):
    name: str
    title: str
    description: str


class _Group(Strict):
    name: str = Field(pattern=r"^[a-z0-9_-]{2,100}$")
    title: str
    description: str = ""


class Sdi(Strict):
    """Satu Data Indonesia metadata (templates with the village placeholders); a dataset
    definition's ``sdi:`` sets or overrides any of them."""

    produsen_data: str | None = None
    walidata: str | None = None
    kode_referensi: str | None = None
    jadwal_pemutakhiran: str | None = None
    cakupan_wilayah: str | None = None


class _Dcat(Strict):
    copy_: dict[str, str] = Field(default={}, alias="copy")
    frequency: dict[str, str] = {}


class _Retry(Strict):
    attempts: int = Field(4, ge=1, le=10)
    backoff_seconds: float = Field(0.5, gt=0)
    backoff_max_seconds: float = Field(20, gt=0)


class _Breaker(Strict):
    failures: int = Field(6, ge=1)
    cooldown_seconds: float = Field(30, ge=0)


class Client(Strict):
    """How the pipeline talks to the portal (``client:`` in portal.yaml)."""

    timeout_seconds: float = Field(60, gt=0)
    connect_timeout_seconds: float = Field(10, gt=0)
    retry: _Retry = _Retry()
    dataset_retries: int = Field(2, ge=0, le=10)
    dataset_retry_delay_seconds: float = Field(5, ge=0)
    write_concurrency: int = Field(4, ge=1, le=64)
    breaker: _Breaker = _Breaker()


class PortalConfig(Strict):
    publisher: str
    organization: _Organization
    groups: list[_Group] = []
    sdi: Sdi = Sdi()
    dcat: _Dcat = _Dcat()
    client: Client = Client()


@cache
def portal_config() -> dict[str, Any]:
    """``portal.yaml`` as a plain mapping (validated: a typo names the file and key)."""
    return load_config(PORTAL_FILE, PortalConfig).model_dump(by_alias=True, exclude_none=True)


def client_config() -> Client:
    """The ``client:`` settings (timeouts, retries, write concurrency) as a typed object."""
    return Client.model_validate(portal_config()["client"])
