"""Operator-facing text in two languages, and how values are written inside messages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

Lang = Literal["id", "en"]


class Text(str):
    """Operator-facing text in Bahasa Indonesia that also carries its English twin (``.en``).

    It *is* the Indonesian string, so params stay plain text for the warehouse and for tests;
    ``Finding.message("en")`` picks the English twin.
    """

    en: str

    def __new__(cls, id_text: str, en_text: str | None = None) -> "Text":
        text = super().__new__(cls, id_text)
        text.en = en_text if en_text is not None else id_text
        return text

    def __reduce__(self):
        return (Text, (str(self), self.en))


def text_in(value: Any, lang: "Lang") -> Any:
    """The value in ``lang`` when it is a ``Text``; other values unchanged."""
    if lang == "en" and isinstance(value, Text):
        return value.en
    return value


def display(value: Any) -> str:
    """A value for an Indonesian message: 1250000.5 -> '1.250.000,5'; years and counts stay plain."""
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, (int, str, date)):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, (float, Decimal)):
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            return "—"
        text = f"{number:,.0f}" if number == round(number) else f"{number:,.1f}"
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    return str(value)


def ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> '3–5, 9'."""
    parts, start, previous = [], None, None
    for n in sorted(set(numbers)):  # a row named twice (its lines of one response) is one row
        if start is None:
            start = previous = n
        elif n == previous + 1:
            previous = n
        else:
            parts.append(f"{start}–{previous}" if previous != start else str(start))
            start = previous = n
    if start is not None:
        parts.append(f"{start}–{previous}" if previous != start else str(start))
    return ", ".join(parts)
