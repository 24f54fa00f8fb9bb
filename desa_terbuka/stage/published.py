"""The published CSV of a slice's records: one definition of its cells for every dataset
(a village's years, the district's combined files) and for the DataStore's copy."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from typing import Any

from desa_terbuka.normalise.formats import format_decimal


def published_csv(names: list[str], rows: list[tuple]) -> bytes:
    """UTF-8, comma, schema field names, plain numbers, ISO dates."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    writer.writerows([[_csv_cell(v) for v in row] for row in rows])
    return buffer.getvalue().encode("utf-8")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
