"""Dataset definitions (``datasets/*.yaml``) joined with their Table Schemas (``schemas/``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from desa_terbuka.core.paths import DATASETS_DIR, PROJECT_ROOT
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


def load_definition(path: Path) -> DatasetDefinition:
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    schema_path = PROJECT_ROOT / config["schema"]
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return DatasetDefinition(config["record_type"], schema_path, schema, config["year_field"], config)


@cache
def definitions() -> dict[str, DatasetDefinition]:
    """All dataset definitions keyed by record type."""
    loaded = (load_definition(p) for p in sorted(DATASETS_DIR.glob("*.yaml")))
    return {d.record_type: d for d in loaded}


def record_types() -> list[str]:
    return list(definitions())
