"""A code written across the columns under its heading, made one cell before the lines are read.

Village sheets split a kode rekening over one column per level under a merged heading, or indent
a line's code into the next column (Siskeudes' Penjabaran): the reader wants it in the column its
heading names.
"""

from __future__ import annotations

import re

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.headings import Header

_WHOLE_CODE = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?")  # '5.1.1.01.', '01.01.01.' (not a date 15.03.2024)


def join_code_spans(table: RawTable, header: Header, definition: DatasetDefinition) -> None:
    """A code written over several columns under one merged heading ("KODE REKENING" over
    4 | 2 | 1 | 01, or the Lampiran's 4 | 1 | 2 | 90-99) becomes one cell, parts joined with dots
    (in place). A whole code alone in a later column of the span (Siskeudes' Penjabaran: the
    kegiatan '01.01.01.' in A, its objek lines '5.1.1.01.' indented to B) moves to the heading's
    column, so those lines keep their code."""
    coded = {col for col, name in header.columns.items()
             if "pattern" in definition.field(name).constraints}
    width = max((len(r) for r in table.rows), default=0)
    for col in sorted(coded):
        span = [col]
        while span[-1] + 1 < width and span[-1] + 1 not in header.written \
                and span[-1] + 1 not in header.columns:
            span.append(span[-1] + 1)
        if len(span) == 1:
            continue
        for index in range(header.row_index + 1, len(table.rows)):
            row = table.rows[index]
            parts = [clean_text(row[c]) for c in span if c < len(row) and clean_text(row[c])]
            # the last part may be the chart's own objek range ("4 | 1 | 2 | 90-99 Lain-lain")
            if len(parts) > 1 and all(re.fullmatch(r"\d{1,3}", p) for p in parts[:-1]) \
                    and re.fullmatch(r"\d{1,3}|\d{2}-\d{2}", parts[-1]):
                table.rows[index] = row = list(row)
                row[col] = ".".join(parts)
                for c in span[1:]:
                    if c < len(row):
                        row[c] = None
            elif len(parts) == 1 and not clean_text(row[col]) and _WHOLE_CODE.fullmatch(parts[0]):
                table.rows[index] = row = list(row)
                moved = next(c for c in span[1:] if c < len(row) and clean_text(row[c]))
                row[col], row[moved] = row[moved], None
