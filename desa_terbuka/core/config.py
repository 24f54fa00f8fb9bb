"""Configuration files that data officers edit, checked against a declared shape on load.

Every curated file (dataset definitions, the rule catalogue, suites, cross-dataset rules, portal
settings) is read through ``load_config``: a typo gives one ``ConfigError`` line naming the file,
the key and the fix, never a ``KeyError`` or a silently ignored key.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from desa_terbuka.core.paths import PROJECT_ROOT


class ConfigError(Exception):
    """Something the user must set up or correct before the command can run."""


class Strict(BaseModel):
    """A curated shape: unknown keys are typos, not extensions."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Model = TypeVar("Model", bound=BaseModel)

_FIXES = {
    "extra_forbidden": ("kunci tidak dikenal; periksa ejaannya atau hapus", "unknown key; check its spelling or remove it"),
    "missing": ("kunci wajib tidak ada; tambahkan", "required key is missing; add it"),
}


def shown(path: Path) -> str:
    """A path as the officer knows it: relative to the checkout when inside it."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def read_data(path: Path) -> Any:
    """Parse a YAML or JSON file; a syntax error names the file and the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{shown(path)}: tidak dapat dibaca ({exc.strerror}) / cannot be read") from exc
    try:
        return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else getattr(exc, "lineno", "?")
        raise ConfigError(f"{shown(path)}, baris {line}: sintaks {'JSON' if path.suffix == '.json' else 'YAML'} "
                          f"rusak ({getattr(exc, 'problem', None) or getattr(exc, 'msg', exc)}); perbaiki "
                          f"tanda kutip, titik dua atau indentasinya / broken syntax at line {line}") from exc


def validate_data(data: Any, model: type[Model], path: Path) -> Model:
    """``data`` as ``model``, or one ConfigError line per problem (file, key, fix)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError("\n".join(_problem(path, error) for error in exc.errors())) from None


def load_config(path: Path, model: type[Model]) -> Model:
    return validate_data(read_data(path), model, path)


def _problem(path: Path, error: dict[str, Any]) -> str:
    key = ".".join(str(part) for part in error["loc"]) or "(berkas)"
    fix_id, fix_en = _FIXES.get(error["type"], (error["msg"], error["msg"]))
    return f"{shown(path)}: '{key}': {fix_id} / {fix_en}"
