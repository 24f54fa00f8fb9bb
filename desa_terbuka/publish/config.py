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


class PortalConfig(Strict):
    publisher: str
    organization: _Organization
    groups: list[_Group] = []


@cache
def portal_config() -> dict[str, Any]:
    """``portal.yaml`` as a plain mapping (validated: a typo names the file and key)."""
    return load_config(PORTAL_FILE, PortalConfig).model_dump()
