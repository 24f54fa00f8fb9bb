"""Whether a column under a weak heading (``weak_headers``: "Acara", "Kegiatan", "Perihal" in a
meeting list) fits one of the fields it may mean.

A column is taken as a field with declared values (``jenis_musyawarah``) only when its cells
name such values ("Musdes Penetapan APBDes TA 2025", "Musdus I"): a "Kegiatan" of topics
("Pembahasan usulan warga") is the agenda, and the kind comes from the title.
"""

from __future__ import annotations

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.values import has_values, read_value

SAMPLE_ROWS = 40


def fits(table: RawTable, data_from: int, col: int, definition: DatasetDefinition,
         name: str) -> bool:
    """A field of declared values fits a column at least half of whose filled cells (from row
    ``data_from``) name a value, not the fallback; any other field fits any column."""
    if not has_values(definition, name):
        return True
    cells = [clean_text(row[col]) for row in table.rows[data_from:data_from + SAMPLE_ROWS]
             if col < len(row) and clean_text(row[col])]
    named = sum(1 for c in cells if read_value(definition, name, c).how != "fallback")
    return bool(cells) and 2 * named >= len(cells)
