"""When the sample villages delivered their files: a realistic, deterministic history.

The pipeline judges punctuality by when a file reached the inbox (its modification time, see
``portal_config/deadlines.yaml``). The sample sets each file's time to a delivery date drawn
around the real deadlines, so that the status board shows villages that reported on time,
late, or not yet: most year-end reports arrive in January-February, some in March; a budget
sent alone arrives around the turn of the year; meeting minutes in January-February.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

JAKARTA = dt.timezone(dt.timedelta(hours=7))


def _rng(*parts: object) -> random.Random:
    return random.Random(":".join(str(p) for p in parts) + ":kirim")


def delivered_at(kode_desa: str, year: int, record_type: str, tahap: str) -> dt.datetime:
    """The moment a village's file reached the DPMD (working hours, Jakarta time)."""
    r = _rng(kode_desa, year)  # one draw per village-year: its files travel together
    if tahap == "anggaran":  # the budget alone, due 31 December of the year before
        day = dt.date(year - 1, 12, 1) + dt.timedelta(days=r.randint(0, 50))
    else:  # the year-end report, due at the end of February of the year after
        day = dt.date(year + 1, 1, 8) + dt.timedelta(days=r.randint(0, 72))
    offset = {"apbdes": 0, "kegiatan": r.randint(0, 6), "musyawarah": r.randint(-30, 10)}[record_type]
    if record_type == "musyawarah":  # minutes of the year's meetings, due 31 January
        day = dt.date(year + 1, 1, 2) + dt.timedelta(days=max(0, r.randint(0, 45) + offset // 3))
    else:
        day += dt.timedelta(days=offset)
    return dt.datetime.combine(day, dt.time(9 + r.randint(0, 6), r.randint(0, 59)), tzinfo=JAKARTA)


def set_delivery_time(path: Path, moment: dt.datetime) -> None:
    """Give a written file its delivery time (never later than now)."""
    now = dt.datetime.now(dt.timezone.utc)
    stamp = min(moment, now).timestamp()
    os.utime(path, (stamp, stamp))
