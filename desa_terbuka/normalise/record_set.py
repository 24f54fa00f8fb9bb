"""Records: the canonical text of one table's lines, with their source rows and findings.

Its own module so that the normalising steps (``records.py``, ``record_numbers.py``) and the
validators share the one type without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.findings import Finding
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.headings import Header
from desa_terbuka.normalise.stated_units import Scale


@dataclass
class Records:
    """Canonical records (text per field) with the source row of each and the findings so far."""

    definition: DatasetDefinition
    table: RawTable
    rows: list[dict[str, str]]
    row_numbers: list[int]
    findings: list[Finding]
    # cells whose problem is already reported, so schema validation does not repeat it
    reported_cells: set[tuple[int, str]] = field(default_factory=set)
    # field -> where its values came from when not from the table's own column (title, file name)
    sources: dict[str, str] = field(default_factory=dict)
    shape: Any = None  # the report shape it was read from (its totals are checked later)
    header: Header | None = None  # the headings it was read under (what a missing field lacked)
    title: str = ""  # the title rows above the heading, as one line
    # source row -> {heading: text} of the cells in columns no field reads (never published, but
    # scanned by the personal-data gate)
    extras: dict[int, dict[str, str]] = field(default_factory=dict)
    # source row -> {field: text as written} of number/date cells holding letters: "Daftar hadir"
    # read as the attendance count can carry a list of names the number reading drops
    typed_text: dict[int, dict[str, str]] = field(default_factory=dict)
    # field -> the factor its heading, a title row or a note states ("Biaya (Rp.000)", "(dalam
    # ribuan rupiah)": 1000); its amounts are multiplied, and so are the report's own totals of it
    scales: dict[str, int] = field(default_factory=dict)
    scale_words: dict[str, Scale] = field(default_factory=dict)  # where it is said, until said

    def note(self, code: str, row: int | None = None, field_name: str | None = None,
             value: str | None = None, **params: Any) -> None:
        self.findings.append(Finding(code, self.table.file, self.table.sheet, row, field_name,
                                     value, params=params))


def report_cell(records: Records, index: int, name: str, code: str, value: Any, **params: Any) -> None:
    """A cell's problem, noted once: schema validation does not repeat it."""
    records.note(code, records.row_numbers[index], name, clean_text(value), **params)
    records.reported_cells.add((index, name))
