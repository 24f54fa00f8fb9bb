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


class PortalConfig(Strict):
    publisher: str
    organization: _Organization
    groups: list[_Group] = []
    sdi: Sdi = Sdi()
    dcat: _Dcat = _Dcat()


@cache
def portal_config() -> dict[str, Any]:
    """``portal.yaml`` as a plain mapping (validated: a typo names the file and key)."""
    return load_config(PORTAL_FILE, PortalConfig).model_dump(by_alias=True, exclude_none=True)
