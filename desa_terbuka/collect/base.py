"""Collect: find submissions in an inbox and read them into raw tables that remember where each
row came from (file, sheet, row as the operator sees it).

Nothing here interprets values: cells stay as text (CSV) or as the cached Excel value, so codes
such as kode desa keep their leading zeros and dots.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.settings import positive_env
from desa_terbuka.core.text import Text, ranges

MAX_FILE_BYTES = 200 * 1024 * 1024  # hostile input: a file larger than this is refused unread

ROW_BYTES = 4096  # what one row costs in memory through the tolerant readers (cells, records, findings)
PROCESS_MB = 300  # a checking process at rest: imports, DuckDB, the reference tables
DEFAULT_MEMORY_MB = 1024  # the intake's memory budget when DESA_MEMORY_MB is not set


def memory_budget_mb() -> int:
    """The intake's memory budget (``DESA_MEMORY_MB``, default ``DEFAULT_MEMORY_MB``)."""
    return positive_env("DESA_MEMORY_MB", DEFAULT_MEMORY_MB)


def file_memory_allows(share: float = 0.5, budget_mb: int | None = None) -> int:
    """Bytes one checking process may spend on one file: the intake's memory budget
    (``DESA_MEMORY_MB``, default 1024 MB, less ``PROCESS_MB`` at rest), within ``share`` of the
    memory available to this process (the machine's, or its cgroup's limit). Read once at
    start-up: a machine given a larger budget checks larger files."""
    if budget_mb is None:
        budget_mb = memory_budget_mb()
    available = [max(budget_mb - PROCESS_MB, 0) * 2**20 / share]
    try:
        with open("/proc/meminfo") as f:
            info = dict(line.split(":", 1) for line in f)
        available.append(int(info["MemAvailable"].split()[0]) * 1024)
    except (OSError, KeyError, ValueError):
        pass
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        if limit.isdigit():
            available.append(int(limit))
    except OSError:
        pass
    return int(min(available) * share)


def rows_memory_allows(share: float = 0.5, budget_mb: int | None = None) -> int:
    """Rows one sheet or CSV may hold: ``file_memory_allows`` at ``ROW_BYTES`` a row, never fewer
    than the 100,000 of a district file. So a hostile file near the size limit costs at most the
    budget."""
    return max(100_000, file_memory_allows(share, budget_mb) // ROW_BYTES)


def budget_for_rows(rows: int) -> int:
    """The ``DESA_MEMORY_MB`` that admits a file of ``rows`` rows (what to tell an operator)."""
    return PROCESS_MB + -(-rows * ROW_BYTES // 2**20)


MAX_ROWS = rows_memory_allows()  # per sheet or CSV
MAX_COLUMNS = 300  # per sheet or CSV; data past it is reported, never dropped silently
TEXT_BYTES = 12  # memory per character of cell text (800k APBDes lines, 100 M characters: 1.8 GB peak)
# Characters of cell text one table may hold (a 100,000-line APBDes holds about 12 million), from
# the same budget as the rows (64 M at the default): a file near the size limit made of long
# cells stops here, before it is validated cell by cell.
MAX_TEXT_CHARS = max(64 * 2**20, file_memory_allows() // TEXT_BYTES)


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
    # a form read as one row (``normalise/vertical``): label as written -> its source row
    label_rows: dict[str, int] = field(default_factory=dict)
    # 0-based indexes of the columns the sheet hides (XLSX ``<col hidden="1">``): never seen
    hidden_columns: set[int] = field(default_factory=set)


def too_many_rows() -> tuple[str, str]:
    rows_id = f"{MAX_ROWS:,}".replace(",", ".")
    return (f"berkas berisi lebih dari {rows_id} baris (batas memori mesin ini); bagi berkasnya, "
            "mis. satu kecamatan atau satu desa per berkas (admin: DESA_MEMORY_MB menaikkan "
            "batas ini)",
            f"the file has more than {MAX_ROWS:,} rows (this machine's memory limit); split it, e.g. "
            "one kecamatan or one village per file (admin: DESA_MEMORY_MB raises this limit)")


def too_much_text() -> tuple[str, str]:
    mb = MAX_TEXT_CHARS // (1024 * 1024)
    return (f"berkas berisi lebih dari {mb} juta karakter teks di dalam selnya (batas {mb} MB); "
            "bagi berkasnya (mis. satu desa dan satu tahun per berkas), tanpa lampiran atau teks "
            "panjang di sel (admin: DESA_MEMORY_MB menaikkan batas ini)",
            f"the file's cells hold more than {mb} million characters of text (limit {mb} MB); "
            "split it (e.g. one village and one year per file), without attachments or long "
            "texts in cells (admin: DESA_MEMORY_MB raises this limit)")


def columns_dropped(file: str, sheet: str | None, rows: list[int]) -> Finding:
    """Cells past ``MAX_COLUMNS`` are not read: said, with the rows that had some."""
    return Finding("columns-dropped", file, sheet, rows[0], None, None,
                   params={"limit": MAX_COLUMNS, "rows": ranges(rows), "count": len(rows)})
