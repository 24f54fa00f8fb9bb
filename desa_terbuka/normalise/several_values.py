"""One cell naming several values of a one-value field ("ADD, PBH" as sumber dana: a line funded
from two sources). The line keeps the first (its amount is not split between them), and the
operator is told which ones it names: never silently one of them."""

from __future__ import annotations

import re

from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.normalise.values import read_value

_SEPARATOR = re.compile(r"\s*(?:[,;/&+]|\bdan\b)\s*", re.IGNORECASE)


def several_values(definition: DatasetDefinition, name: str, text: str) -> list[str]:
    """The distinct canonical values the parts of ``text`` name, when there are two or more
    and each part is a value of the field (not a fallback), else []."""
    parts = [p for p in _SEPARATOR.split(text or "") if p]
    if len(parts) < 2:
        return []
    values = []
    for part in parts:
        reading = read_value(definition, name, part)
        if reading.how == "fallback" or not reading.value:
            return []
        values.append(reading.value)
    distinct = list(dict.fromkeys(values))
    return distinct if len(distinct) > 1 else []


def value_said(definition: DatasetDefinition, name: str, code: str, written: str) -> tuple[str, dict]:
    """The finding a value read is said with: ``code``, or ``value-several`` (with the values
    named) for a cell naming several; the same on every reading path (tolerant, canonical CSV,
    batch)."""
    if code == "value-read" and (many := several_values(definition, name, written)):
        return "value-several", {"values": ", ".join(many)}
    return code, {}
