"""Collect: find submissions in an inbox and read them into raw tables that remember where each
row came from (file, sheet, row as the operator sees it).

Nothing here interprets values: cells stay as text (CSV) or as the cached Excel value, so codes
such as kode desa keep their leading zeros and dots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desa_terbuka.core.text import Text

MAX_FILE_BYTES = 200 * 1024 * 1024


MAX_ROWS = 100_000  # per sheet or CSV: far beyond any village's APBDes


class ReadError(Exception):
    """A submission that cannot be read at all; ``reason`` is shown to the operator
    (a ``Text``: Bahasa Indonesia with an English twin)."""

    def __init__(self, reason: str, en: str | None = None):
        reason = reason if isinstance(reason, Text) and en is None else Text(reason, en)
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Submission:
    """One file as received: identity is its content hash."""

    path: Path
    sha256: str
    size: int
    modified_at: datetime

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class RawTable:
    """Cells of one sheet (or CSV) with the 1-based source row number of every row."""

    file: str
    sheet: str | None
    rows: list[list[Any]]
    row_numbers: list[int]
    encoding: str | None = None
    delimiter: str | None = None
    notes: list[str] = field(default_factory=list)
    # (source row number, column index) -> formula text, for formula cells with no stored result
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    # problems a reader found that only it can see (e.g. legacy Siskeudes codes): Findings
    findings: list[Any] = field(default_factory=list)


def too_many_rows() -> tuple[str, str]:
    return (f"berkas berisi lebih dari {MAX_ROWS:,} baris; kirim satu desa dan satu tahun per berkas",
            f"the file has more than {MAX_ROWS:,} rows; send one village and one year per file")
