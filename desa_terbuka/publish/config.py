"""The district portal as the pipeline sees it (``portal_config/portal.yaml``) and as the public
sees it (``portal_config/site.yaml``), both checked on load."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import Field, field_validator

from desa_terbuka.core.config import Strict, load_config, read_data
from desa_terbuka.core.paths import PORTAL_CONFIG_DIR

PORTAL_FILE = PORTAL_CONFIG_DIR / "portal.yaml"
SITE_FILE = PORTAL_CONFIG_DIR / "site.yaml"
LICENSES_FILE = PORTAL_CONFIG_DIR / "licenses.json"


class OrganizationText(Strict):
    """An organization's public texts (portal.yaml, compliance.yaml)."""

    name: str
    title: str
    description: str


class ResourceText(Strict):
    """A resource's public name and description (compliance.yaml, district.yaml)."""

    name: str
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
    organization: OrganizationText
    sdi: Sdi = Sdi()
    dcat: _Dcat = _Dcat()
    client: Client = Client()


class _Site(Strict):
    title: str = Field(min_length=1)
    description: str = ""
    logo: str = ""
    intro: str = ""
    about: str = ""


class _Section(Strict):
    title: str
    body: str


class _GroupTemplate(Strict):
    name: str = Field(pattern=r"^[a-z0-9_{}-]{2,100}$")
    title: str
    description: str = ""


class _Bot(Strict):
    name: str = Field(pattern=r"^[a-z0-9_-]{2,100}$")
    fullname: str
    email: str


class SiteConfig(Strict):
    """The shape of ``portal_config/site.yaml``."""

    site: _Site
    home: list[_Section] = []
    license: str
    groups: list[_Group] = []
    kecamatan_groups: _GroupTemplate
    organizations_for: list[str] = ["desa"]
    bot: _Bot | None = None

    @field_validator("license")
    @classmethod
    def _known_license(cls, value: str) -> str:
        known = {lic["id"] for lic in read_data(LICENSES_FILE)}
        if value not in known:
            raise ValueError(f"lisensi '{value}' tidak ada di portal_config/licenses.json "
                             f"(pilih / choose one of {', '.join(sorted(known))})")
        return value

    @field_validator("organizations_for")
    @classmethod
    def _jenis(cls, value: list[str]) -> list[str]:
        unknown = set(value) - {"desa", "kelurahan"}
        if unknown:
            raise ValueError(f"jenis tidak dikenal {sorted(unknown)}: pakai desa dan/atau kelurahan")
        return value


@cache
def site_config() -> SiteConfig:
    return load_config(SITE_FILE, SiteConfig)


@cache
def portal_config() -> dict[str, Any]:
    """``portal.yaml`` as a plain mapping (validated: a typo names the file and key), with the
    groups of ``site.yaml`` (thematic, then one per kecamatan) under ``groups``: every run makes
    sure they exist before a dataset names them."""
    config = load_config(PORTAL_FILE, PortalConfig).model_dump(by_alias=True, exclude_none=True)
    config["groups"] = all_groups()
    return config


def all_groups() -> list[dict[str, str]]:
    """The thematic groups, then the kecamatan groups in reference order."""
    from desa_terbuka.core.reference import villages

    groups = [g.model_dump() for g in site_config().groups]
    seen = set()
    for village in villages().values():
        group = kecamatan_group(village)
        if group["name"] not in seen:
            seen.add(group["name"])
            groups.append(group)
    return groups


def kecamatan_group(village: Any) -> dict[str, str]:
    """The group of a village's kecamatan (``site.yaml`` kecamatan_groups), from the reference."""
    from desa_terbuka.core.reference import slugify

    context = {"nama_kecamatan": village.nama_kecamatan, "kode_kecamatan": village.kode_kecamatan,
               "slug": slugify(village.nama_kecamatan), "nama_kabupaten": village.nama_kabupaten}
    template = site_config().kecamatan_groups
    return {"name": template.name.format(**context), "title": template.title.format(**context),
            "description": template.description.format(**context)}


def client_config() -> Client:
    """The ``client:`` settings (timeouts, retries, write concurrency) as a typed object."""
    return Client.model_validate(portal_config()["client"])
