"""A village column whose cells are a system's own row number, not a Kemendagri kode desa.

"desa_id", "id_desa" and "kode wilayah" head the kode desa in OpenDK and many exports (read as
the dotted code, ``code_formats``), but an OpenSID table's ``id_desa`` / ``config_id`` may hold
its database number ("1") instead. Such a column names no village: it is not published as the
kode desa, and the village comes from the title rows or the file name like any file without a
kode desa column, with one warning saying so (never one invalid code per row).
"""

from __future__ import annotations

import re

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.findings import Finding
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.values import read_code

_ROW_NUMBER = re.compile(r"\d{1,4}")  # a database id; a kode desa has ten digits


def internal_village_numbers(table: RawTable, header, definition: DatasetDefinition,
                             context) -> list[Finding]:
    """Unmap a kode_desa column that holds only short numbers (in place); the finding says where
    the village is taken from instead, or that nothing else names it."""
    col = next((c for c, name in header.columns.items() if name == "kode_desa"), None)
    if col is None:
        return []
    cells = {i: text for i in range(header.row_index + 1, len(table.rows))
             if col < len(table.rows[i]) and (text := clean_text(table.rows[i][col]))}
    pattern = definition.field("kode_desa").constraints.get("pattern") or ""
    if not cells or not all(_ROW_NUMBER.fullmatch(t) for t in cells.values()) \
            or any(re.fullmatch(pattern, read_code(definition, "kode_desa", t)[0]) for t in cells.values()):
        return []
    del header.columns[col]
    heading = header.written.get(col, "kode_desa")
    first = table.row_numbers[min(cells)]
    values = ", ".join(sorted(set(cells.values()), key=int)[:5])
    if context.village is not None:
        return [Finding("village-column-not-code", table.file, table.sheet, first, heading, values,
                        params={"canonical": context.village.value, "source": context.village.source})]
    context.explained.add("kode_desa")  # this finding, not a missing kode_desa column, says why
    return [Finding("village-column-unknown", table.file, table.sheet, first, heading, values)]
