"""A date written over three columns: the day, the month and the year side by side.

Registers copied from paper books write "Waktu Pelaksanaan" over "Tgl | Bln | Thn", the month
often as a Roman numeral ("VI"), as a number or as a name. The day column alone is no date (19
is no Excel date 1900-01-19): beside the date column, columns headed with a month word and a
year word (``reference/heading_words.yaml`` date_parts) are its parts, and each row's three cells
are joined into one date. A row whose parts do not read keeps them as written, to be reported.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.normalise.formats import MONTHS, clean_text
from desa_terbuka.normalise.heading_words import heading_words, spelled_out
from desa_terbuka.normalise.headings import Header

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}
_WHOLE = re.compile(r"\d{1,4}(?:\.0+)?")


def date_part_columns(definition: DatasetDefinition, header: Header) -> dict[str, tuple[int, int, int]]:
    """Date field -> (day, month, year) columns, for a date column followed by an unknown month
    and year column (in either order) whose headings name those parts."""
    parts = heading_words().date_parts
    words = {part: {normalise_heading(w) for w in parts.get(part, [])} for part in ("month", "year")}
    found = {}
    dates = {f.name for f in definition.fields if f.type == "date"}
    for col, name in sorted(header.columns.items()):
        if name not in dates or name in found:
            continue
        named = {}
        for other in (col + 1, col + 2):
            heading = header.lower.get(other) or header.unknown.get(other)
            if other not in header.unknown or not heading:
                continue
            said = set(spelled_out(normalise_heading(heading)).split()[-1:])
            for part, part_words in words.items():
                if said & part_words:
                    named.setdefault(part, other)
        if len(named) == 2:
            found[name] = (col, named["month"], named["year"])
    return found


def joined_date(day: Any, month: Any, year: Any) -> str | None:
    """The ISO date of three cells, or None when one of them does not read as its part."""
    day_number, month_number, year_number = _whole(day), _month(month), _whole(year)
    if day_number is None or month_number is None or year_number is None:
        return None
    if year_number < 100:
        year_number += 2000
    try:
        return date(year_number, month_number, day_number).isoformat()
    except ValueError:
        return None


def written_parts(day: Any, month: Any, year: Any) -> str:
    """The three cells as the operator wrote them, for a message ("19 / I / 2023")."""
    return " / ".join(clean_text(v) for v in (day, month, year))


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else None
    text = clean_text(value)
    return int(float(text)) if _WHOLE.fullmatch(text) else None


def _month(value: Any) -> int | None:
    number = _whole(value)
    if number is not None:
        return number if 1 <= number <= 12 else None
    text = clean_text(value).lower().rstrip(".")
    return _ROMAN.get(text) or MONTHS.get(text)
