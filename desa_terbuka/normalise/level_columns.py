"""Bidang and sub bidang written as columns of their own (an OpenSID article table copied from a
desa website: BIDANG | SUB BIDANG | KEGIATAN | JUMLAH): a row that writes only the bidang cell
("1. Penyelenggaraan Pemerintahan Desa") is the bidang heading with its subtotal, one that writes
only the sub bidang cell ("2. Kesehatan") is the sub bidang of the bidang above (2.2). Which
headings name these columns is declared (``report_rows.level_headers``)."""

from __future__ import annotations

import re
from typing import Any

from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.normalise.formats import clean_text

_NUMBERED = re.compile(r"^(\d{1,2})\s*[.)]?\s+(\S.*)$")  # "2. Kesehatan", "2) Kesehatan"


def level_columns(definition: DatasetDefinition, written: dict[int, str],
                  mapped: dict[int, str]) -> dict[int, str]:
    """Column -> level (``bidang``, ``sub_bidang``) of the unmapped columns headed so."""
    declared = (definition.config.get("report_rows") or {}).get("level_headers") or {}
    wanted = {normalise_heading(h): level for level, texts in declared.items() for h in texts}
    return {col: wanted[normalise_heading(text)] for col, text in written.items()
            if col not in mapped and normalise_heading(text) in wanted}


def level_row(row: list[Any], levels: dict[int, str], names: list[int],
              bidang: str | None) -> tuple[str, str, str] | None:
    """(level, code, name) of a row that writes one level cell and no name: "1. Penyelenggaraan
    …" under BIDANG is bidang 1; "2. Kesehatan" under SUB BIDANG in bidang 2 is 2.2."""
    if any(col < len(row) and clean_text(row[col]) for col in names):
        return None
    filled = [(col, clean_text(row[col])) for col in levels if col < len(row) and clean_text(row[col])]
    if len(filled) != 1:
        return None
    col, text = filled[0]
    if not (m := _NUMBERED.match(text)):
        return None
    number = str(int(m[1]))
    if levels[col] == "bidang":
        return "bidang", number, m[2]
    return ("sub_bidang", f"{bidang}.{number}", m[2]) if bidang else None
