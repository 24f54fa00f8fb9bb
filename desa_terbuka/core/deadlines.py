"""The reporting calendar (``portal_config/deadlines.yaml``): by when each report is due.

Deadlines are data because they are the district's rules, not the code's: a bupati's regulation
can move the semester-I report from July to August without a release. A deadline passes at the
end of its day in the calendar's time zone.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator, model_validator

from desa_terbuka.core.config import ConfigError, Strict, load_config, shown
from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.paths import PORTAL_CONFIG_DIR

DEADLINES_FILE = PORTAL_CONFIG_DIR / "deadlines.yaml"


class _Label(Strict):
    id: str = Field(min_length=1)
    en: str = Field(min_length=1)


class _Due(Strict):
    year_offset: int = Field(ge=-1, le=1)
    month: int = Field(ge=1, le=12)
    day: int | Literal["last"] = Field(...)

    @field_validator("day")
    @classmethod
    def _day(cls, value):
        if isinstance(value, int) and not 1 <= value <= 31:
            raise ValueError("day is 1..31 or 'last'")
        return value


class _Deadline(Strict):
    stage: str | None = None
    label: _Label
    due: _Due


class _RecordCalendar(Strict):
    stage_field: str | None = None
    stages: list[str] = []
    deadlines: list[_Deadline] = Field(min_length=1)

    @model_validator(mode="after")
    def _stages_known(self):
        for deadline in self.deadlines:
            if deadline.stage and deadline.stage not in self.stages:
                raise ValueError(f"stage '{deadline.stage}' is not one of stages {self.stages}")
            if deadline.stage and not self.stage_field:
                raise ValueError("a deadline with a stage needs stage_field")
        return self


class CalendarFile(Strict):
    """The shape of ``portal_config/deadlines.yaml``."""

    first_year: int = Field(ge=2015, le=2100)
    timezone: str = "Asia/Jakarta"
    submitted_time: Literal["file_time", "received"] = "file_time"
    record_types: dict[str, _RecordCalendar]

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone '{value}' (e.g. Asia/Jakarta)") from None
        return value


@dataclass(frozen=True)
class Deadline:
    record_type: str
    stage: str | None
    label_id: str
    label_en: str
    year_offset: int
    month: int
    day: int | str

    def due_date(self, year: int) -> date:
        """The last day on which a report for budget year ``year`` is on time."""
        y = year + self.year_offset
        last = calendar.monthrange(y, self.month)[1]
        return date(y, self.month, last if self.day == "last" else min(int(self.day), last))


@dataclass(frozen=True)
class Calendar:
    first_year: int
    timezone: str
    submitted_time: str
    deadlines: dict[str, list[Deadline]]
    stages: dict[str, list[str]]
    stage_fields: dict[str, str | None]

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def end_of(self, day: date) -> datetime:
        """The instant a day ends in the calendar's zone (a deadline passes then)."""
        return datetime.combine(day + timedelta(days=1), time(0), tzinfo=self.zone)

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def stage_rank(self, record_type: str, stage: str | None) -> int:
        """Position of a stage in its record type's order; -1 when unknown or unstaged."""
        order = self.stages.get(record_type, [])
        return order.index(stage) if stage in order else -1


def load_calendar(path: Path = DEADLINES_FILE) -> Calendar:
    checked = load_config(path, CalendarFile)
    known = definitions()
    for rt, cal in checked.record_types.items():
        if rt not in known:
            raise ConfigError(f"{shown(path)}: 'record_types.{rt}': jenis data tidak dikenal; pilih dari "
                              f"{', '.join(known)} (datasets/*.yaml) / unknown record type")
        if cal.stage_field and cal.stage_field not in known[rt].field_names:
            raise ConfigError(f"{shown(path)}: 'record_types.{rt}.stage_field': '{cal.stage_field}' bukan "
                              f"kolom {rt} / not a field of the schema")
    deadlines = {
        rt: [Deadline(rt, d.stage, d.label.id, d.label.en, d.due.year_offset, d.due.month, d.due.day)
             for d in cal.deadlines]
        for rt, cal in checked.record_types.items()
    }
    return Calendar(checked.first_year, checked.timezone, checked.submitted_time, deadlines,
                    {rt: list(cal.stages) for rt, cal in checked.record_types.items()},
                    {rt: cal.stage_field for rt, cal in checked.record_types.items()})


@cache
def reporting_calendar() -> Calendar:
    """The project's calendar (cached for the process)."""
    return load_calendar()
