"""Configuration files that data officers edit, checked against a declared shape on load.

Every curated file (dataset definitions, the rule catalogue, suites, cross-dataset rules, portal
settings) is read through ``load_config``: a typo gives one ``ConfigError`` line naming the file,
the key and the fix, never a ``KeyError`` or a silently ignored key.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from desa_terbuka.core.paths import CONFIG_ROOT

# libyaml's safe loader when built in: the same documents ~10x faster (definitions and rules are
# parsed on every check's first use)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
        return str(path.resolve().relative_to(CONFIG_ROOT))
    except ValueError:
        return str(path)


def read_data(path: Path) -> Any:
    """Parse a YAML or JSON file; a syntax error names the file and the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{shown(path)}: tidak dapat dibaca ({exc.strerror}) / cannot be read") from exc
    try:
        return json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=_LOADER)
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
        raise ConfigError("\n".join(_problems(path, exc.errors(), model))) from None


def load_config(path: Path, model: type[Model]) -> Model:
    return validate_data(read_data(path), model, path)


def _problems(path: Path, errors: list[dict[str, Any]], model: type[BaseModel]) -> list[str]:
    """One line per problem; a misspelt key and the required key it was meant to be are one."""
    known = _field_names(model)
    meant: dict[tuple, str] = {}
    for error in errors:
        if error["type"] == "extra_forbidden":
            close = difflib.get_close_matches(str(error["loc"][-1]), known, n=1, cutoff=0.75)
            if close:
                meant[tuple(error["loc"])] = close[0]
    explained = {(*loc[:-1], name) for loc, name in meant.items()}
    lines = []
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and loc in explained:
            continue
        key = ".".join(str(part) for part in loc) or "(berkas)"
        fix_id, fix_en = _FIXES.get(error["type"], (error["msg"], error["msg"]))
        if loc in meant:
            fix_id = f"kunci tidak dikenal; maksudnya '{meant[loc]}'?"
            fix_en = f"unknown key; did you mean '{meant[loc]}'?"
        lines.append(f"{shown(path)}: '{key}': {fix_id} / {fix_en}")
    return lines


def _field_names(model: type[BaseModel]) -> list[str]:
    names: set[str] = set()
    for name, info in model.model_fields.items():
        names.add(info.alias or name)
        for arg in (info.annotation, *getattr(info.annotation, "__args__", ())):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                names.update(_field_names(arg))
    return sorted(names)
