"""Cells a spreadsheet would execute (CSV/formula injection), neutralised before publishing.

Journalists and citizens open the published CSVs in Excel or LibreOffice, which run a cell
starting with ``=``, ``+``, ``-`` or ``@`` (and, after a tab or carriage return, whatever follows)
as a formula: ``=HYPERLINK("http://…","klik")`` or ``=cmd|' /C calc'!A0`` from a submission must
arrive as text. The remedy OWASP recommends: prefix such a cell with an apostrophe, which every
spreadsheet shows as text and hides, so the text stays readable. Plain numbers (``-1500000``,
``+2.5``) are left alone: they are data, and a spreadsheet only reads them as numbers.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d.,]*\d|\d|[.,]\d+)(?:[eE][+-]?\d+)?%?")

__all__ = ["TRIGGERS", "is_executable", "neutralise", "neutralise_row"]


def is_executable(value: Any) -> bool:
    """Would a spreadsheet read this cell as a formula? (text starting with a trigger, other than
    a plain number or a lone dash, which spreadsheets show as text)"""
    return (isinstance(value, str) and value.startswith(TRIGGERS) and value != "-"
            and not _PLAIN_NUMBER.fullmatch(value))


def neutralise(value: Any) -> Any:
    """``=HYPERLINK(…)`` -> ``'=HYPERLINK(…)``; every other value unchanged."""
    return "'" + value if is_executable(value) else value


def neutralise_row(row: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(neutralise(v) for v in row)
