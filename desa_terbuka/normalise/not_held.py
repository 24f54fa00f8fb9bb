"""A schedule's rows that did not take place ("jadwal dan realisasi": a planned meeting with its
Status "Ditunda ke TA 2025", "Batal", "Belum dilaksanakan" and its date '-').

Such a row is a plan, not a record: read as one, its '-' date would block the whole file, and the
only fix left to the operator would be deleting a true planning line. It is skipped and said
(``record-not-held``). Only a row whose status begins with a not-held word (``not_held`` in
``datasets/<type>.yaml``) AND whose date holds no date is skipped: "Terlaksana (mundur dari
Juni)" is held, and a dated row is read as usual, whatever its status says (no record is lost).
A date the status itself gives ("Ditunda ke 15/01/2025") is the new plan, not this year's record.
"""

from __future__ import annotations

import re

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.headings import Header

_DIGIT = re.compile(r"\d")


def not_held(table: RawTable, header: Header, definition: DatasetDefinition,
             data: list[int]) -> dict[int, str]:
    """Row index -> its status as written, for the data rows that say they did not take place."""
    spec = definition.config.get("not_held") or {}
    headings = {normalise_heading(h) for h in spec.get("headers") or []}
    words = [normalise_heading(w) for w in spec.get("words") or []]
    status = [c for c, text in header.written.items() if normalise_heading(text) in headings]
    dates = [c for c, name in header.columns.items() if name == definition.config.get("year_field")]
    if not status or not words or not dates:
        return {}
    found = {}
    for index in data:
        row = table.rows[index]
        cell = next((text for c in status if c < len(row) and (text := clean_text(row[c]))), "")
        said = normalise_heading(cell)
        undated = all(not _DIGIT.search(clean_text(row[c]) if c < len(row) else "") for c in dates)
        if undated and any(said == w or said.startswith(w + " ") for w in words):
            found[index] = cell
    return found
