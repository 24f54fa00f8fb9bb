"""Find the heading row of a table and map its columns to a record type's fields."""

from __future__ import annotations

from dataclasses import dataclass, field

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.normalise.formats import (
    clean_text,
)

HEADER_SCAN_ROWS = 30


MIN_HEADER_MATCHES = 3


@dataclass
class Header:
    """Where the heading row is and which column feeds which field."""

    row_index: int  # index into RawTable.rows
    columns: dict[int, str]  # column index -> field name
    unknown: dict[int, str] = field(default_factory=dict)  # column index -> heading as written
    # column index -> heading as written, for a second column naming an already-mapped field
    duplicates: dict[int, str] = field(default_factory=dict)
    # column index -> context name (``nama_desa``, ``nama_kecamatan``): read, not published
    context: dict[int, str] = field(default_factory=dict)


def context_headers(definition: DatasetDefinition) -> dict[str, str]:
    """Normalised heading -> context name, from ``context_headers`` in the dataset definition."""
    found = {}
    for name, synonyms in (definition.config.get("context_headers") or {}).items():
        for synonym in synonyms:
            found.setdefault(normalise_heading(synonym), name)
    return found


def find_header(table: RawTable, definition: DatasetDefinition) -> Header | None:
    """The first row within the scan window that names the most fields of the definition."""
    aliases = definition.header_aliases()
    context_aliases = context_headers(definition)
    best: Header | None = None
    for index, row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        columns, unknown, duplicates, context = {}, {}, {}, {}
        for col, cell in enumerate(row):
            heading = normalise_heading(clean_text(cell))
            if not heading:
                continue
            name = aliases.get(heading)
            if name is None and heading in context_aliases:
                context.setdefault(col, context_aliases[heading])
            elif name is None:
                unknown[col] = clean_text(cell)
            elif name in columns.values():
                duplicates[col] = clean_text(cell)
            else:
                columns[col] = name
        if len(columns) >= MIN_HEADER_MATCHES and (best is None or len(columns) > len(best.columns)):
            best = Header(index, columns, unknown, duplicates, context)
    if best is not None:
        # A declared fallback: "Keterangan" is the uraian when no column is headed "Uraian".
        for wanted, other in (definition.config.get("header_fallbacks") or {}).items():
            mapped = {name: col for col, name in best.columns.items()}
            if wanted not in mapped and other in mapped:
                best.columns[mapped[other]] = wanted
    return best


def detect(tables: list[RawTable], definitions: list[DatasetDefinition]):
    """Pick the (table, definition, header) whose heading row matches best; None if none does."""
    candidates = []
    for table in tables:
        for definition in definitions:
            header = find_header(table, definition)
            if header:
                share = len(header.columns) / len(definition.field_names)
                candidates.append((len(header.columns), share, table, definition, header))
    if not candidates:
        return None
    _, _, table, definition, header = max(candidates, key=lambda c: (c[0], c[1]))
    return table, definition, header
