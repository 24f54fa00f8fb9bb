"""Two columns naming one field as a pair, the original figure and the one in force ("Anggaran
Murni" beside "Anggaran Perubahan", as SEMULA beside MENJADI): the one in force is read as the
field, the original set aside as a companion (``original_headers`` of the dataset definition)."""

from __future__ import annotations

from typing import Any

from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.normalise.heading_words import without_brackets


def _forms(text: str) -> set[str]:
    return {normalise_heading(text), normalise_heading(without_brackets(text))}


def originals_aside(header: Any, definition: DatasetDefinition) -> None:
    """Two columns naming a field, one of them its original figure (``original_headers``:
    "Anggaran Murni" beside "Anggaran Perubahan"): the other is the field, the original a
    companion (an unknown column said as not published), as SEMULA beside MENJADI."""
    for col, name in list(header.duplicate_of.items()):
        mapped = next(c for c, n in header.columns.items() if n == name)
        originals = {normalise_heading(t) for t in
                     (definition.config.get("original_headers") or {}).get(name, [])}
        first, second = (bool(originals & _forms(header.written[c])) for c in (mapped, col))
        if first == second:
            continue  # neither (or both) the original: which one is meant stays the operator's
        original, kept = (mapped, col) if first else (col, mapped)
        header.columns.pop(original)
        header.interpreted.pop(original, None)
        header.columns[kept] = name
        header.unknown[original] = header.written[original]
        del header.duplicates[col], header.duplicate_of[col]
