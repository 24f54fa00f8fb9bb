"""Indonesian number and date formats, parsed without guessing.

Amounts arrive as "Rp 1.234.567,00", "1.234.567", "(1.500.000)", "-", or as Excel numbers.
A value that two conventions read differently (e.g. "1,234" = 1.234 or 1234) is reported as
ambiguous unless the rest of its column settles the convention: STACK.md shows DuckDB and
Frictionless silently turning "12.34" into 1234.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from desa_terbuka.core.text import Text

Style = Literal["id", "en", "plain", "ambiguous"]

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_CURRENCY = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_GROUPED_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_GROUPED_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")


@dataclass(frozen=True)
class NumberReading:
    """How one cell reads: ``id`` (1.234,5), ``en`` (1,234.5), ``plain`` (1234) or ``ambiguous``."""

    style: Style
    id_value: Decimal | None = None
    en_value: Decimal | None = None
    # What an ambiguous cell means when its column gives no evidence: "25.000" is Indonesian
    # twenty-five thousand; "1,234" and "12.34" have no safe default.
    default: Decimal | None = None

    def value(self, column_style: str | None = None) -> Decimal | None:
        """The number under the column's convention; None when it cannot be told."""
        if self.style in ("id", "plain"):
            return self.id_value
        if self.style == "en":
            return self.en_value
        if column_style == "id":
            return self.id_value
        if column_style == "en":
            return self.en_value
        return self.default if column_style is None else None


class FormatError(ValueError):
    """``code`` is a findings rule code, ``reason`` is operator-facing text."""

    def __init__(self, code: str, reason: str = ""):
        super().__init__(reason or code)
        self.code = code
        self.reason = reason


def clean_text(value: Any) -> str:
    """Cell -> trimmed text with non-breaking and repeated spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _SPACES.sub(" ", str(value)).strip()


def read_number(value: Any) -> NumberReading | None:
    """Read an amount; None for an empty cell. Raises FormatError when it is not a number."""
    if isinstance(value, bool):
        raise FormatError("invalid-number")
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value))
        if not number.is_finite():  # NaN/inf from a spreadsheet library is not an amount
            raise FormatError("invalid-number")
        return NumberReading("plain", number, number)
    text = clean_text(value)
    if text == "":
        return None
    negative = False
    text = _CURRENCY.sub("", text)  # "Rp (1.500.000)"
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    text = _CURRENCY.sub("", text).replace(" ", "")
    dash = text.startswith("-")
    if dash:
        negative, text = not negative, text[1:]
        text = _CURRENCY.sub("", text)  # "-Rp 1.000" as well as "Rp -1.000"
    if text == "" and dash:  # "-" (or "Rp -") is how reports write zero
        return NumberReading("plain", Decimal(0), Decimal(0))
    if text.endswith(",-"):  # "1.500.000,-"
        text = text[:-2]
    reading = _read_unsigned(text)
    if negative:
        reading = NumberReading(
            reading.style,
            -reading.id_value if reading.id_value is not None else None,
            -reading.en_value if reading.en_value is not None else None,
            -reading.default if reading.default is not None else None,
        )
    return reading


def number_or_none(value: Any) -> Decimal | None:
    """A cell as ``read_number`` reads it, or None when it is empty, no number or ambiguous:
    for checks that only compare what reads plainly (a summary's totals, an L row's counts)."""
    try:
        reading = read_number(value)
    except FormatError:
        return None
    return reading.value() if reading is not None else None


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise FormatError("invalid-number") from exc


def _read_unsigned(text: str) -> NumberReading:
    if not re.fullmatch(r"[\d.,]+", text) or not re.search(r"\d", text):
        raise FormatError("invalid-number")
    has_dot, has_comma = "." in text, "," in text
    if not has_dot and not has_comma:
        number = _decimal(text)
        return NumberReading("plain", number, number)
    if has_dot and has_comma:
        last = max(text.rfind("."), text.rfind(","))
        decimal_char = text[last]
        group_char = "," if decimal_char == "." else "."
        whole, fraction = text[:last], text[last + 1:]
        if decimal_char in whole or not re.fullmatch(r"\d{1,3}(\%s\d{3})*" % group_char, whole) \
                or not fraction.isdigit():
            raise FormatError("invalid-number")
        number = _decimal(whole.replace(group_char, "") + "." + fraction)
        return NumberReading("id" if decimal_char == "," else "en", number, number)
    if has_dot:
        if _GROUPED_DOT.match(text):
            as_id = _decimal(text.replace(".", ""))
            if text.count(".") > 1:
                return NumberReading("id", as_id, None)
            return NumberReading("ambiguous", as_id, _decimal(text), default=as_id)
        if re.fullmatch(r"\d{4,}\.\d{1,2}", text):  # "98000000.00": no Indonesian reading
            return NumberReading("en", None, _decimal(text))
        if text.count(".") == 1:
            return NumberReading("ambiguous", None, _decimal(text))
        raise FormatError("invalid-number")
    if _GROUPED_COMMA.match(text):
        as_en = _decimal(text.replace(",", ""))
        if text.count(",") > 1:
            return NumberReading("en", None, as_en)
        return NumberReading("ambiguous", _decimal(text.replace(",", ".")), as_en)
    if text.count(",") == 1:
        return NumberReading("id", _decimal(text.replace(",", ".")), None)
    raise FormatError("invalid-number")


def column_style(readings: list[NumberReading]) -> str | None:
    """The convention a column settles on: 'id', 'en', 'mixed', or None when no cell tells."""
    styles = {r.style for r in readings if r.style in ("id", "en")}
    if len(styles) > 1:
        return "mixed"
    return styles.pop() if styles else None


def format_decimal(number: Decimal) -> str:
    """Plain text for CSV and Frictionless: no exponent, no trailing zeros after the point."""
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "pebruari": 2, "peb": 2,
    "february": 2, "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7, "agustus": 8, "agu": 8,
    "agt": 8, "ags": 8, "agst": 8, "aug": 8, "august": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10, "november": 11, "nov": 11,
    "nopember": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12, "december": 12,
}
Order = Literal["dmy", "mdy"]
# The Indonesian weekdays, as a regex group: "Kamis, 16 Februari 2023" is a date, never a place
WEEKDAY_NAMES = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
# Curly and other apostrophes a word processor puts into "Jum'at"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_WEEKDAY = re.compile(
    r"^(?:hari\s+)?(?:senin|selasa|rabu|kamis|jum'?m?a'?at|jum'?at|sabtu|minggu|ahad|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b\.?\s*[,/]?\s*"
    r"(?:(?:tanggal|tgl)\b\.?\s*)?", re.IGNORECASE)
_CLOCK = r"\d{1,2}[.:]\d{2}(?:[.:]\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:wib|wita|wit)\b)?"
# "pukul 09.00 WIB", "jam 14:00 s.d. selesai", "09.00 - 12.00 WITA", "10:22:05": the meeting's
# time after its date, which a date field does not hold
_TIME_TAIL = re.compile(
    rf"(?:[\s,]+|T)\(?(?:(?:pukul|jam|pkl)\b\.?\s*)?{_CLOCK}"
    rf"(?:\s*(?:s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|-|\u2013|\u2014)\s*(?:selesai|{_CLOCK}))?\)?\s*$",
    re.IGNORECASE)
_MIDNIGHT = re.compile(r"[\sT]*0{1,2}[.:]00(?:[.:]00(?:\.0+)?)?")
_DAY_MONTH = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")
_EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True)
class DateReading:
    """A date cell read: the date, and the time written after it ("pukul 09.00 WIB"), if any."""

    date: date
    time: str = ""


def parse_date(value: Any, order: Order = "dmy") -> date | None:
    """Read a date in the forms villages use; None for empty. ``order`` is how a numeric
    "05/06/2024" reads: day first (the Indonesian way) unless the column showed otherwise."""
    reading = read_date(value, order)
    return reading.date if reading else None


def read_date(value: Any, order: Order = "dmy") -> DateReading | None:
    """As ``parse_date``, keeping the time of day written after the date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return DateReading(value.date())
    if isinstance(value, date):
        return DateReading(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return DateReading(_excel_serial(float(value)))
    text, time = _date_text(value)
    if text == "":
        return None
    return DateReading(_read_date_text(text, order), time)


def date_order_hint(value: Any) -> Order | None:
    """The order a numeric date can only be read in: "16/01/2024" day first, "1/16/2024" month
    first; None when either reads (both parts 12 or less) or it is no numeric date."""
    if not isinstance(value, str):
        return None
    m = _DAY_MONTH.fullmatch(_date_text(value)[0])
    if not m:
        return None
    first, second = int(m[1]), int(m[2])
    if first > 12 >= second >= 1:
        return "dmy"
    if second > 12 >= first >= 1:
        return "mdy"
    return None


def numeric_date(value: Any) -> bool:
    """Whether a cell is a numeric day-month-year date, whose order its column decides."""
    return isinstance(value, str) and _DAY_MONTH.fullmatch(_date_text(value)[0]) is not None


def _date_text(value: Any) -> tuple[str, str]:
    """The date part of a cell without its weekday, and the time written after it."""
    text = _WEEKDAY.sub("", clean_text(value).translate(_APOSTROPHES))
    time = ""
    if m := _TIME_TAIL.search(text):
        text, time = text[:m.start()].rstrip(" ,"), m[0].lstrip(" ,T").rstrip(" ,")
        if _MIDNIGHT.fullmatch(m[0]):  # "2024-03-15 00:00:00": a date stored as a date-time
            time = ""
    return text, time


def _read_date_text(text: str, order: Order) -> date:
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return _excel_serial(float(text))
    if m := re.fullmatch(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})", text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DAY_MONTH.fullmatch(text):
        day, month = (m[1], m[2]) if order == "dmy" else (m[2], m[1])
        return _make_date(_year(m[3]), int(month), int(day))
    if m := re.fullmatch(r"(\d{1,2})[\s\-/.]+([A-Za-z]+)\.?[\s\-/.,]+(\d{2}|\d{4})", text):
        return _make_date(_year(m[3]), _month(m[2]), int(m[1]))
    if m := re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", text):  # "January 16, 2024"
        return _make_date(int(m[3]), _month(m[1]), int(m[2]))
    raise FormatError("invalid-date", Text("format tidak dikenal", "unknown format"))


def _month(name: str) -> int:
    month = MONTHS.get(name.lower())
    if month is None:
        raise FormatError("invalid-date", Text(f"nama bulan '{name}' tidak dikenal",
                                               f"unknown month name '{name}'"))
    return month


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise FormatError("invalid-date", Text("tanggal atau bulan tidak ada di kalender",
                                               "no such day or month in the calendar")) from None


# an Excel date number of year 1900 is never a meeting's or a payment's date: a day of the
# month alone (19 under "Tgl"), or another small number, that Excel would show as January 1900
_FIRST_SERIAL = 367


def _excel_serial(serial: float) -> date:
    if 1 <= serial <= 31 and serial.is_integer():
        raise FormatError("invalid-date", Text(
            f"{int(serial)} hanya nomor hari, bukan tanggal lengkap; bulan dan tahunnya tidak ada",
            f"{int(serial)} is only a day of the month, not a full date; its month and year are missing"))
    if 1 <= serial < _FIRST_SERIAL:
        raise FormatError("invalid-date", Text(
            f"{format_decimal(Decimal(str(serial)))} angka kecil, bukan tanggal (Excel akan "
            "menampilkannya sebagai tahun 1900)",
            f"{format_decimal(Decimal(str(serial)))} is a small number, not a date (Excel would "
            "show it in the year 1900)"))
    if not 1 <= serial < 2958466:
        raise FormatError("invalid-date", Text("nomor tanggal Excel di luar jangkauan",
                                               "Excel date number out of range"))
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def format_rupiah(number: Decimal) -> str:
    """Indonesian notation for messages: 1.234.567 or 1.234.567,5."""
    text = format_decimal(number)
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("-").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return ("-" if negative else "") + grouped + ("," + fraction if fraction else "")
