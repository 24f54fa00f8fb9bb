"""Indonesian number and date formats (desa_terbuka.formats)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desa_terbuka.normalise.formats import (
    FormatError,
    NumberReading,
    clean_text,
    column_style,
    format_decimal,
    parse_date,
    read_number,
)

D = Decimal


@pytest.mark.parametrize("text, style, value", [
    ("Rp 1.234.567,00", "id", D("1234567")),
    ("Rp. 1.234.567,50", "id", D("1234567.50")),
    ("IDR 2.000", "ambiguous", D("2000")),
    ("1.234.567", "id", D("1234567")),
    ("1234567", "plain", D("1234567")),
    ("(1.500.000)", "id", D("-1500000")),
    ("-1.500.000", "id", D("-1500000")),
    ("-Rp 1.500.000", "id", D("-1500000")),
    ("Rp -1.500.000", "id", D("-1500000")),
    ("-", "plain", D("0")),
    ("Rp -", "plain", D("0")),
    ("1.500.000,-", "id", D("1500000")),
    ("1234,50", "id", D("1234.50")),
    ("1,234.50", "en", D("1234.50")),
    ("1,234,567", "en", D("1234567")),
    ("1.234", "ambiguous", D("1234")),  # Indonesian by default
    ("\u00a01.000.000\u00a0", "id", D("1000000")),
    ("1 000 000", "plain", D("1000000")),
])
def test_read_number_text(text: str, style: str, value: Decimal) -> None:
    reading = read_number(text)
    assert reading is not None
    assert reading.style == style
    assert reading.value() == value


@pytest.mark.parametrize("cell, value", [
    (1234567, D("1234567")),
    (1234567.0, D("1234567")),
    (1234.5, D("1234.5")),
    (D("10.25"), D("10.25")),
    (-3, D("-3")),
])
def test_read_number_excel_values(cell, value) -> None:
    reading = read_number(cell)
    assert reading is not None and reading.style == "plain"
    assert reading.value() == value and reading.value("en") == value


@pytest.mark.parametrize("cell", [None, "", "   ", "\u00a0"])
def test_read_number_empty(cell) -> None:
    assert read_number(cell) is None


@pytest.mark.parametrize("text, id_value, en_value", [
    ("12.34", None, D("12.34")),
    ("1,234", D("1.234"), D("1234")),
])
def test_ambiguous_numbers_need_the_column(text: str, id_value, en_value) -> None:
    reading = read_number(text)
    assert reading.style == "ambiguous"
    assert reading.value() is None  # no safe default
    assert reading.value("id") == id_value
    assert reading.value("en") == en_value
    assert reading.value("mixed") is None


def test_grouped_dot_ambiguous_settled_by_column() -> None:
    reading = read_number("1.234")
    assert reading.value(None) == D("1234")
    assert reading.value("id") == D("1234")
    assert reading.value("en") == D("1.234")
    assert reading.value("mixed") is None


@pytest.mark.parametrize("cell", [
    "abc", "Rp", "12abc", "1.2.3", "1,2,3", "1.234,5.6", "1,23.45,6", ".", ",", "1e5", "--5",
    "12/03/2024", "Rp 1.000 juta", True, False, float("nan"), float("inf"), D("NaN"),
])
def test_read_number_garbage(cell) -> None:
    with pytest.raises(FormatError) as raised:
        read_number(cell)
    assert raised.value.code == "invalid-number"


@pytest.mark.parametrize("texts, expected", [
    (["1.234.567", "2.000"], "id"),
    (["1.234,50", "12.34"], "id"),
    (["1,234.50", "1,234"], "en"),
    (["1.234.567", "1,234,567"], "mixed"),
    (["1.234", "1,234", "1000"], None),
    ([], None),
])
def test_column_style(texts: list[str], expected) -> None:
    assert column_style([read_number(t) for t in texts]) == expected


def test_column_style_settles_ambiguous_cell() -> None:
    readings = [read_number(t) for t in ("1.234.567", "1,234")]
    assert readings[1].value(column_style(readings)) == D("1.234")


@pytest.mark.parametrize("number, text", [
    (D("1234567.00"), "1234567"),
    (D("1234567.50"), "1234567.5"),
    (D("1E+6"), "1000000"),
    (D("-0.00"), "0"),
    (D("0"), "0"),
    (D("-1500000"), "-1500000"),
    (D("0.125"), "0.125"),
])
def test_format_decimal(number: Decimal, text: str) -> None:
    assert format_decimal(number) == text


@pytest.mark.parametrize("cell, expected", [
    ("15/03/2024", date(2024, 3, 15)),
    ("15-03-2024", date(2024, 3, 15)),
    ("15.03.2024", date(2024, 3, 15)),
    ("5/3/2024", date(2024, 3, 5)),  # day first, always
    ("15/03/24", date(2024, 3, 15)),
    ("2024-03-15", date(2024, 3, 15)),
    ("2024-03-15 00:00:00", date(2024, 3, 15)),
    ("15 Maret 2024", date(2024, 3, 15)),
    ("Jumat, 15 Maret 2024", date(2024, 3, 15)),
    ("Jum'at 15 Maret 2024", date(2024, 3, 15)),
    ("15 Agt 2024", date(2024, 8, 15)),
    ("15 Agustus 2024", date(2024, 8, 15)),
    ("1 Nopember 2023", date(2023, 11, 1)),
    ("15-Mar-2024", date(2024, 3, 15)),
    (45366, date(2024, 3, 15)),
    (45366.0, date(2024, 3, 15)),
    ("45366", date(2024, 3, 15)),
    (datetime(2024, 3, 15, 10, 30), date(2024, 3, 15)),
    (date(2024, 3, 15), date(2024, 3, 15)),
    (None, None),
    ("", None),
    ("  ", None),
])
def test_parse_date(cell, expected) -> None:
    assert parse_date(cell) == expected


@pytest.mark.parametrize("cell, reason", [
    ("32/01/2024", "tanggal atau bulan tidak ada di kalender"),
    ("29/02/2023", "tanggal atau bulan tidak ada di kalender"),
    ("15/13/2024", "tanggal atau bulan tidak ada di kalender"),
    ("2024-02-30", "tanggal atau bulan tidak ada di kalender"),
    ("15 Marc 2024", "nama bulan 'Marc' tidak dikenal"),
    ("besok", "format tidak dikenal"),
    ("15 Maret", "format tidak dikenal"),
    (0, "nomor tanggal Excel di luar jangkauan"),
    (3_000_000, "nomor tanggal Excel di luar jangkauan"),
    (float("nan"), "nomor tanggal Excel di luar jangkauan"),
])
def test_parse_date_invalid(cell, reason: str) -> None:
    with pytest.raises(FormatError) as raised:
        parse_date(cell)
    assert raised.value.code == "invalid-date"
    assert raised.value.reason == reason


def test_leap_day_is_fine() -> None:
    assert parse_date("29/02/2024") == date(2024, 2, 29)


@pytest.mark.parametrize("cell, text", [
    (None, ""), ("  a \u00a0 b  ", "a b"), (2024.0, "2024"), (2.5, "2.5"), ("0062", "0062"),
])
def test_clean_text(cell, text: str) -> None:
    assert clean_text(cell) == text


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-10**15, max_value=10**15))
def test_indonesian_grouped_integers_round_trip(n: int) -> None:
    text = f"{abs(n):,}".replace(",", ".")
    text = f"({text})" if n < 0 else text
    reading = read_number(f"Rp {text}")
    assert reading.value() == n
    assert format_decimal(reading.value()) == str(n)


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False))
def test_indonesian_decimals_round_trip(number: Decimal) -> None:
    whole, fraction = f"{abs(number):,.2f}".split(".")
    text = ("-" if number < 0 else "") + whole.replace(",", ".") + "," + fraction
    reading = read_number(text)
    assert reading.style == "id"
    assert reading.value() == number


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="0123456789.,-() Rp\u00a0"),
                 st.floats(), st.integers()))
def test_read_number_only_raises_format_error(cell) -> None:
    try:
        reading = read_number(cell)
    except FormatError as problem:
        assert problem.code == "invalid-number"
    else:
        assert reading is None or isinstance(reading, NumberReading)
        if reading is not None and reading.value("id") is not None:
            assert reading.value("id").is_finite()


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="0123456789/-. "), st.integers(), st.floats()))
def test_parse_date_only_raises_format_error(cell) -> None:
    try:
        parse_date(cell)
    except FormatError as problem:
        assert problem.code == "invalid-date" and problem.reason


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_round_trip_in_every_written_form(day: date) -> None:
    for text in (day.strftime("%d/%m/%Y"), day.isoformat(), day.strftime("%d-%m-%Y")):
        assert parse_date(text) == day
    assert parse_date((day - date(1899, 12, 30)).days) == day
