"""The cells of an HTML table as a browser and Excel show them (``html_tables`` reads the page).

A cell's text is what a browser shows: entities decoded, ``&nbsp;`` a space, runs of white space
one space, ``<br>`` and block elements a line break. It stays text, like a CSV cell, for the
normaliser to read ("1,250,000", "Rp 1.250.000"), so codes keep their leading zeros. Excel's own
HTML conventions are honoured: ``x:num="1250000"`` is the number Excel stores (as ``int`` when
whole, as the XLSX reader gives it; under a date ``mso-number-format``, the date), and a text
format (``mso-number-format:"\\@"``, inline or by a ``<style>`` class) keeps the text even then.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta
from typing import Any

from desa_terbuka.collect import base

MAX_SPAN = 1000  # HTML's own limit for colspan; a rowspan stops at its row group's end anyway
_SPACE = re.compile(r"[ \t\n\r\f]+")
_STYLE_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_NUMBER_FORMAT = re.compile(r"""mso-number-format\s*:\s*(?:"([^"]*)"|'([^']*)'|([^;]+))""", re.I)
_EXCEL_EPOCH = datetime(1899, 12, 30)
_LAST_SERIAL = 2958466  # 31 December 9999


class Lines:
    """Text as a browser lays it out: a block boundary ends a line that has text, ``<br>`` ends
    a line always (an empty one too)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []

    def add(self, text: str) -> None:
        self.current.append(text)

    def soft(self) -> None:
        line = shown("".join(self.current))
        self.current = []
        if line:
            self.lines.append(line)

    def hard(self) -> None:
        self.lines.append(shown("".join(self.current)))
        self.current = []

    def filled(self) -> bool:
        return any(self.lines) or bool("".join(self.current).strip())

    def done(self, trim: bool = True) -> list[str]:
        """The lines (``trim``: without empty ones at the ends, as in a cell)."""
        self.soft()
        lines, self.lines = self.lines, []
        while trim and lines and not lines[-1]:
            lines.pop()
        while trim and lines and not lines[0]:
            lines.pop(0)
        return lines


def shown(text: str) -> str:
    return _SPACE.sub(" ", text).replace("\xa0", " ").strip()


class Cell:
    """One ``<td>``/``<th>``: its spans, Excel's stored number and format, and its content
    (``Lines``, and any table inside it)."""

    def __init__(self, attrs: dict[str, str | None], formats: dict[str, str]) -> None:
        self.colspan = span(attrs.get("colspan"))
        self.rowspan = span(attrs.get("rowspan"), zero=0)
        self.number = attrs.get("x:num")
        self.format = _cell_format(attrs, formats)
        self.parts: list[Any] = [Lines()]

    def text(self) -> Lines:
        if not isinstance(self.parts[-1], Lines):
            self.parts.append(Lines())
        return self.parts[-1]

    def filled(self) -> bool:
        return any(not isinstance(p, Lines) or p.filled() for p in self.parts)

    def value(self) -> Any:
        lines = [line for part in self.parts if isinstance(part, Lines) for line in part.done()]
        text = "\n".join(lines) or None
        if not self.number or self.format == "@":
            return text
        try:
            number = float(self.number)
        except ValueError:
            return text
        if not math.isfinite(number):
            return text
        if _is_date_format(self.format) and 0 <= number < _LAST_SERIAL:
            return _EXCEL_EPOCH + timedelta(days=number)
        return int(number) if number.is_integer() else number


def span(text: str | None, zero: int = 1) -> int:
    """colspan/rowspan as written, bounded; ``rowspan="0"`` (``zero=0``) reaches the row group's
    end, which is where every rowspan stops."""
    try:
        value = int(str(text).strip())
    except ValueError:
        return 1
    return zero if value == 0 else max(1, min(value, MAX_SPAN if zero else base.MAX_ROWS))


def style_formats(css: str) -> dict[str, str]:
    """Excel's ``td.xl65 {mso-number-format:"\\@";}`` rules: class -> number format."""
    formats = {}
    for selectors, body in _STYLE_RULE.findall(css):
        if found := _NUMBER_FORMAT.search(body):
            for selector in selectors.split(","):
                name = selector.strip().rpartition(".")[2]
                if name and re.fullmatch(r"[\w-]+", name):
                    formats[name] = _unescaped(next(g for g in found.groups() if g is not None))
    return formats


def _cell_format(attrs: dict[str, str | None], formats: dict[str, str]) -> str | None:
    style = attrs.get("style")
    if style and (found := _NUMBER_FORMAT.search(style)):
        return _unescaped(next(g for g in found.groups() if g is not None))
    for name in (attrs.get("class") or "").split() if formats else ():
        if name in formats:
            return formats[name]
    return None


def _unescaped(text: str) -> str:
    """'\\#\\,\\#\\#0' -> '#,##0' (Excel escapes every literal character of a format)."""
    return re.sub(r"\\(.)", r"\1", text.strip())


def _is_date_format(fmt: str | None) -> bool:
    """'dd/mm/yyyy', 'd mmmm yyyy', Excel's named 'Short Date' (not 'Standard', '#,##0')."""
    if not fmt:
        return False
    low = re.sub(r'"[^"]*"|\[[^]]*\]', "", fmt.lower()).strip()
    if re.fullmatch(r"[a-z ]+", low):  # a named format: General, Standard, Short Date, ...
        return low.endswith("date")
    return bool(re.search(r"[dy]", low)) and not re.search(r"[0#?]", low)
