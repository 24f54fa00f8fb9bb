"""Rupiah as Indonesian readers write it: "Rp 1,2 M" on a chart, "Rp 1.234.567" in a table.

Decimal comma, thousands dot; short scales rb (ribu), jt (juta), M (miliar), T (triliun).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

SCALES = ((Decimal(10) ** 12, "T"), (Decimal(10) ** 9, "M"), (Decimal(10) ** 6, "jt"),
          (Decimal(10) ** 3, "rb"))


def angka(value: Decimal | float | int, decimals: int = 0) -> str:
    """1234567.5 -> '1.234.568' (decimals=0) or '1.234.567,5' (decimals=1)."""
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{abs(number):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if number < 0 else "") + text


def rupiah(value: Decimal | float | int) -> str:
    """Full amount: 'Rp 1.234.567'."""
    return f"Rp {angka(value)}"


def rupiah_short(value: Decimal | float | int) -> str:
    """Short amount for charts and summaries: 1_234_000_000 -> 'Rp 1,2 M', 350_000_000 ->
    'Rp 350 jt'; one decimal below 10 of a scale, none above."""
    number = Decimal(str(value))
    for size, label in SCALES:
        if abs(number) >= size:
            scaled = number / size
            decimals = 1 if abs(scaled) < 10 else 0
            text = angka(scaled, decimals)
            if decimals and text.endswith(",0"):
                text = text[:-2]
            return f"Rp {text} {label}"
    return f"Rp {angka(number)}"


def persen(value: Decimal | float | int | None) -> str:
    """93.4 -> '93,4%'; None -> '–'."""
    return "–" if value is None else f"{angka(value, 1)}%"
