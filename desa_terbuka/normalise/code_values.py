"""What the values of a table's code columns say about the record type.

A bare "KODE" heading is the kode rekening of an APBDes and the kode kegiatan of a kegiatan list
alike; the cells decide. Each code field's shape is its schema pattern (``schemas/*.json``,
Permendagri 20/2018: rekening 4.x/5.x/6.x, kegiatan 1-5.x.xx), read after the other systems' ways
of writing it (``code_formats`` in ``datasets/<type>.yaml``): a reading whose code column holds
codes of another shape ("4.1.2.01" as a kode kegiatan) is the wrong type.
"""

from __future__ import annotations

import re
from typing import Protocol

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.values import read_code

SAMPLE_ROWS = 40


class HeaderLike(Protocol):
    """What this module reads of ``headings.Header``."""

    columns: dict[int, str]
    row_index: int


def code_fit(table: RawTable, header: HeaderLike, definition: DatasetDefinition) -> float:
    """How well the reading's code columns hold codes of their field's shape: each code-like cell
    (beginning with a digit) counts 1 when it is a code of its column's field, 1/2 when it is one
    of the type's other code fields (a kegiatan heading row "01.01.01." in an APBDes' code
    column), else 0. The worst column counts; 1.0 when no column or cell gives evidence."""
    codes = {f.name: f.constraints["pattern"] for f in definition.fields
             if f.constraints.get("pattern") and f.name != "kode_desa"}
    shares = []
    for col, name in header.columns.items():
        if name not in codes:
            continue
        score = seen = 0.0
        for row in table.rows[header.row_index + 1:header.row_index + 1 + SAMPLE_ROWS]:
            text = clean_text(row[col]) if col < len(row) else ""
            if not text[:1].isdigit():
                continue
            code, _ = read_code(definition, name, text)
            if not code:
                continue  # "0.0.00": written as no code
            seen += 1
            if re.fullmatch(codes[name], code):
                score += 1
            elif any(re.fullmatch(pattern, read_code(definition, other, text)[0])
                     for other, pattern in codes.items() if other != name):
                score += 0.5
        if seen:
            shares.append(score / seen)
    return min(shares, default=1.0)
