"""Section rows that state a field for the lines under them ("SUMBER DANA : DDS - Dana Desa").

A Siskeudes report per sumber dana prints one section per fund, each headed by such a row and
without a sumber dana column: the fund of every line is the section's. A row counts when it has
no amount and reads "<a heading of a field with declared values> : <value>" (the headings and
values of ``datasets/<type>.yaml``); the value is the code before " - " when one is written.
"""

from __future__ import annotations

import re
from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading


def section_labels(definition: DatasetDefinition) -> dict[str, str]:
    """Heading -> field, for the fields with declared values (short headings such as 'sd' are
    left out: too easily part of other text)."""
    headers = definition.config.get("headers") or {}
    coded = definition.config.get("values") or {}
    return {normalise_heading(s): name for name in coded if name in definition.field_names
            for s in [name.replace("_", " "), *headers.get(name, [])] if len(s) > 3}


def section_value(text: str, labels: dict[str, str]) -> tuple[str, str] | None:
    """(field, value) a section row states, or None."""
    label, colon, value = text.partition(":")
    if not colon or not value.strip():
        return None
    name = labels.get(normalise_heading(label))
    if name is None:
        return None
    code = re.split(r"\s+-\s+", value.strip(), maxsplit=1)[0].strip()
    return name, code
