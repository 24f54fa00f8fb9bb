"""Dataset definitions (``datasets/*.yaml``) joined with their Table Schemas (``schemas/``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import Field as PydanticField

from desa_terbuka.core.catalogue import placeholders
from desa_terbuka.core.config import ConfigError, Strict, load_config, read_data, shown
from desa_terbuka.core.paths import CONFIG_ROOT, DATASETS_DIR
from desa_terbuka.core.reference import Village


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type: string, integer, number, date
    title: str
    description: str
    constraints: dict[str, Any]
    raw: dict[str, Any]

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))


@dataclass(frozen=True)
class DatasetDefinition:
    record_type: str
    schema_path: Path
    schema: dict[str, Any]
    year_field: str
    config: dict[str, Any]

    @property
    def fields(self) -> list[Field]:
        return [
            Field(f["name"], f.get("type", "string"), f.get("title", f["name"]),
                  f.get("description", ""), f.get("constraints", {}), f)
            for f in self.schema["fields"]
        ]

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.schema["fields"]]

    @property
    def primary_key(self) -> list[str]:
        return list(self.schema.get("primaryKey", []))

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def header_aliases(self) -> dict[str, str]:
        """Normalised heading -> field name, from the field names and the declared synonyms."""
        aliases = {normalise_heading(name): name for name in self.field_names}
        for name, synonyms in (self.config.get("headers") or {}).items():
            for synonym in synonyms:
                aliases.setdefault(normalise_heading(synonym), name)
        return aliases

    def render(self, key: str, village: Village, **extra: Any) -> str:
        """Fill a template from the definition (``name``, ``title``, ``resource.name`` ...)."""
        template: Any = self.config
        for part in key.split("."):
            template = template[part]
        return str(template).format(**village_context(village), **extra).strip()


def village_context(village: Village) -> dict[str, str]:
    return {
        "kode_desa": village.kode_desa, "kode": village.kode, "slug": village.slug,
        "nama_desa": village.nama_desa, "nama_kecamatan": village.nama_kecamatan,
        "nama_kabupaten": village.nama_kabupaten, "jenis_label": village.jenis_label,
    }


def normalise_heading(text: str) -> str:
    """'Anggaran (Rp)' -> 'anggaran rp'; 'kode_desa' -> 'kode desa'."""
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


class _Resource(Strict):
    name: str
    description: str


class _ReportRows(Strict):
    total_words: list[str] = []
    totals: dict[str, str] = {}


class _Definition(Strict):
    """The shape of ``datasets/<type>.yaml``."""

    record_type: str = PydanticField(pattern=r"^[a-z][a-z_]*$")
    schema_: str = PydanticField(alias="schema")
    expectations: str
    year_field: str
    name: str
    title: str
    notes: str
    resource: _Resource
    license_id: str
    tags: list[str] = []
    groups: list[str] = []
    headers: dict[str, list[str]] = {}
    header_fallbacks: dict[str, str] = {}
    context_headers: dict[str, list[str]] = {}
    report_rows: _ReportRows = _ReportRows()


_TEMPLATE_KEYS = set(village_context(Village("", "", "desa", "", "", "", ""))) | {"tahun"}


def load_definition(path: Path) -> DatasetDefinition:
    """One dataset definition, checked: its shape, files, field names and placeholders."""
    checked = load_config(path, _Definition)
    config = checked.model_dump(by_alias=True)
    schema_path = CONFIG_ROOT / checked.schema_
    for key in ("schema", "expectations"):
        if not (CONFIG_ROOT / config[key]).is_file():
            raise ConfigError(f"{shown(path)}: '{key}': berkas {config[key]} tidak ada; tulis jalurnya "
                              "dari akar proyek, mis. schemas/apbdes.schema.json / file not found")
    schema = read_data(schema_path)
    names = {f["name"] for f in schema.get("fields", [])}
    problems = [("year_field", checked.year_field)] if checked.year_field not in names else []
    for section in ("headers", "header_fallbacks"):
        problems += [(f"{section}.{name}", name) for name in config[section] if name not in names]
    problems += [(f"header_fallbacks.{k}", v) for k, v in checked.header_fallbacks.items() if v not in names]
    if problems:
        key, name = problems[0]
        raise ConfigError(f"{shown(path)}: '{key}': '{name}' bukan kolom di {checked.schema_}; pilih salah "
                          f"satu dari {', '.join(sorted(names))} / not a field of the schema")
    for key in ("name", "title", "notes", "resource.name", "resource.description"):
        template = config["resource"][key[9:]] if key.startswith("resource.") else config[key]
        unknown = placeholders(template) - _TEMPLATE_KEYS
        if unknown:
            raise ConfigError(f"{shown(path)}: '{key}': placeholder {{{sorted(unknown)[0]}}} tidak dikenal; "
                              f"yang boleh: {', '.join('{' + k + '}' for k in sorted(_TEMPLATE_KEYS))} / "
                              "unknown placeholder")
    return DatasetDefinition(checked.record_type, schema_path, schema, checked.year_field, config)


@cache
def definitions() -> dict[str, DatasetDefinition]:
    """All dataset definitions keyed by record type."""
    loaded = (load_definition(p) for p in sorted(DATASETS_DIR.glob("*.yaml")))
    return {d.record_type: d for d in loaded}


def record_types() -> list[str]:
    return list(definitions())
