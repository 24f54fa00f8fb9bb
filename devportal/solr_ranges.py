"""Solr range values for the Solr stand-in (dev/test only): dates with Solr date math, numbers,
and strings, compared in whichever type both sides share."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any


def parse_date(value: str, now: datetime | None = None) -> datetime | None:
    """ISO dates and Solr date math (``NOW-7DAYS/DAY``)."""
    value = value.strip()
    now = now or datetime.now(timezone.utc)
    if value.startswith("NOW"):
        result = now
        for sign, num, unit, rnd in re.findall(r"([+-])(\d+)([A-Z]+)|/([A-Z]+)", value[3:]):
            if rnd:
                result = _round_date(result, rnd.rstrip("S"))
            else:
                n = int(num) * (1 if sign == "+" else -1)
                result = _shift_date(result, unit.rstrip("S"), n)
        return result
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _shift_date(d: datetime, unit: str, n: int) -> datetime:
    if unit == "YEAR":
        return d.replace(year=d.year + n)
    if unit == "MONTH":
        months = d.year * 12 + d.month - 1 + n
        return d.replace(year=months // 12, month=months % 12 + 1, day=min(d.day, 28))
    seconds = {"DAY": 86400, "HOUR": 3600, "MINUTE": 60, "SECOND": 1}.get(unit, 0)
    return d + timedelta(seconds=seconds * n)


def _round_date(d: datetime, unit: str) -> datetime:
    keep = ["YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"]
    if unit not in keep:
        return d
    idx = keep.index(unit)
    parts = dict(month=1, day=1, hour=0, minute=0, second=0)
    return d.replace(microsecond=0, **{k: v for i, (k, v) in enumerate(parts.items())
                                       if i + 1 > idx})


def _comparable(value: Any, bound: str) -> tuple[Any, Any] | None:
    """Return (doc value, bound) in a common comparable type, or None if incomparable."""
    try:
        return float(value), float(bound)
    except (TypeError, ValueError):
        pass
    dv, db = parse_date(str(value)), parse_date(bound)
    if dv and db:
        return dv, db
    return str(value), bound


def in_range(value: Any, rng: tuple[bool, str, str, bool]) -> bool:
    inc_lo, lo, hi, inc_hi = rng
    if lo != "*":
        pair = _comparable(value, lo)
        if pair is None or pair[0] < pair[1] or (not inc_lo and pair[0] == pair[1]):
            return False
    if hi != "*":
        pair = _comparable(value, hi)
        if pair is None or pair[0] > pair[1] or (not inc_hi and pair[0] == pair[1]):
            return False
    return True
