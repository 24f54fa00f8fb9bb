"""One cell naming several values of a one-value field ("ADD, PBH" as sumber dana: a line funded
from two sources). The line keeps the first (its amount is not split between them), and the
operator is told which ones it names: never silently one of them."""

from __future__ import annotations

import re

from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.text import Text
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


# said when the field declares no advice of its own (``values.<field>.several``)
_ADVICE = Text("Bila baris ini memang beberapa hal, tulis satu baris untuk masing-masing; bila satu, "
               "tulis satu nilai saja.",
               "If the line really is several things, write one line for each; if it is one, write "
               "one value only.")


def value_said(definition: DatasetDefinition, name: str, code: str, written: str) -> tuple[str, dict]:
    """The finding a value read is said with: ``code``, or ``value-several`` (with the values
    named, and the field's own advice: a budget's sources are not a meeting's kinds) for a cell
    naming several; the same on every reading path (tolerant, canonical CSV, batch)."""
    if code == "value-read" and (many := several_values(definition, name, written)):
        said = (definition.config.get("values", {}).get(name) or {}).get("several") or {}
        advice = Text(said["id"], said["en"]) if said.get("id") and said.get("en") else _ADVICE
        return "value-several", {"values": ", ".join(many), "advice": advice}
    return code, {}
