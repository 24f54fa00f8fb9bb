"""Minimal ckan.ini editing: set keys in [app:main] without losing CKAN's comments.

configparser would drop the comments ``ckan generate config`` writes, which document each key.
"""
from __future__ import annotations

import os
from pathlib import Path


def read_keys(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.lstrip().startswith(("#", ";", "[")):
            key, _, val = line.partition("=")
            out[key.strip()] = val.strip()
    return out


def write_keys(path: Path, settings: dict[str, str]) -> None:
    """Set keys in [app:main], replacing existing lines (commented-out ones stay as they are)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    todo = dict(settings)
    section, main_end = "", None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("["):
            if section == "app:main" and main_end is None:
                main_end = i
            section = stripped.strip("[]")
            continue
        key = stripped.partition("=")[0].strip()
        if section == "app:main" and "=" in stripped and not stripped.startswith("#") \
                and key in todo:
            lines[i] = f"{key} = {todo.pop(key)}"
    extra = [f"{k} = {v}" for k, v in todo.items()]
    insert_at = main_end if main_end is not None else len(lines)
    lines[insert_at:insert_at] = extra + ([""] if extra else [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
