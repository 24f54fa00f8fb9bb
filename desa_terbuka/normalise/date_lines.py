"""The place-and-date line of a signature block, when the spreadsheet splits it over cells.

Typed as text, "Mekar Jaya, 31 Desember 2024" is one cell and ``lines.SIGNATURE`` knows it. A
village that lets Excel keep the date as a date writes the place in one cell and a real date
cell in the next ("Sampit, " | 31-12-2024), or labels it ("Ditetapkan di" | "Mekar Jaya", "Pada
tanggal" | 31-12-2024), or puts the place on one line and the date on the next. The line is
still the signature's, never a record: an Excel date is a count of days, not an amount.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desa_terbuka.normalise.formats import WEEKDAY_NAMES, FormatError, clean_text, read_date

_WEEKDAY = rf"{WEEKDAY_NAMES}\b"
# a date cell written as text: "31/12/2024", "31-12-2024", "31 Desember 2024", "2024-12-31"
_DATE_TEXT = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}[\s\-]+[^\W\d_]+\.?[\s\-]+\d{4}"
                        r"|\d{4}-\d{1,2}-\d{1,2}(?:[ T]0{1,2}:00(?::00)?)?")
# "Tanggal", "Tgl.", "Pada tanggal :", "Ditetapkan tanggal" before the date
_DATE_LABEL = re.compile(r"^(?:(?:pada|ditetapkan|disahkan|diundangkan)\s+)?(?:tanggal|tgl)\b\.?\s*:?\s*",
                         re.IGNORECASE)
# the place, with the comma a signature writes after it: "Mekar Jaya,", "Sampit ,"
_PLACE = re.compile(rf"(?!{_WEEKDAY})[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*\.?\s*,", re.IGNORECASE)


def date_cell(value: Any) -> bool:
    """A cell holding a date: a real date cell, or a date as text (never a weekday's)."""
    if isinstance(value, date):  # a datetime too
        return True
    text = clean_text(value)
    if not isinstance(value, str) or not _DATE_TEXT.fullmatch(text):
        return False
    try:
        return read_date(text) is not None
    except FormatError:
        return False


def date_line(cells: list) -> str:
    """What a line under the table is as a signature's place and date: "place-date" (both),
    "place" (the place alone, its comma after it), "date" (the date alone, labelled or not), or
    ""."""
    filled = [c for c in cells if clean_text(c) and clean_text(c) != ":"]
    if not filled:
        return ""
    if date_cell(filled[-1]):
        before = [clean_text(c) for c in filled[:-1]]
        if not before or len(before) == 1 and _DATE_LABEL.fullmatch(before[0]):
            return "date"  # alone, or "Pada tanggal" | date
        if len(before) > 2 or len(before) == 2 and not _DATE_LABEL.fullmatch(before[1]):
            return ""
        # "Mekar Jaya," | date; "Mekar Jaya, tanggal" | date; "Mekar Jaya," | "Tanggal" | date
        place, comma, label = before[0].partition(",")
        if comma and _PLACE.fullmatch(place + ",") and (not label.strip() or _DATE_LABEL.fullmatch(label.strip())):
            return "place-date"
        return ""
    if len(filled) == 1:
        text = clean_text(filled[0])
        if _PLACE.fullmatch(text):
            return "place"
        if _DATE_LABEL.match(text) and date_cell(_DATE_LABEL.sub("", text)):
            return "date"  # "Pada tanggal : 31 Desember 2024" in one cell
    return ""
