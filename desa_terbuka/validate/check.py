"""One submission from file to verdict: read, recognise, normalise, validate.

Used by ``desa check`` and by the pipeline, so an operator sees exactly what the run would see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desa_terbuka.collect.base import ReadError, Submission
from desa_terbuka.collect.inbox import describe
from desa_terbuka.collect.read import read_tables
from desa_terbuka.core.definitions import (
    DatasetDefinition,
    definitions,
    normalise_heading,
)
from desa_terbuka.core.findings import Finding, has_errors
from desa_terbuka.normalise.context import fill_columns, read_context
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.headings import detect, find_header
from desa_terbuka.normalise.records import Records, normalise
from desa_terbuka.normalise.report_sheet import reshape
from desa_terbuka.validate.conflicts import row_conflicts
from desa_terbuka.validate.expectations import run_expectations
from desa_terbuka.validate.personal_data import personal_data_findings
from desa_terbuka.validate.schema import validate
from desa_terbuka.validate.totals import check_totals


@dataclass
class CheckedSubmission:
    submission: Submission
    record_type: str | None
    records: Records | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.records is not None and bool(self.records.rows) and not has_errors(self.findings)

    @property
    def rows(self) -> list[dict[str, str]]:
        return self.records.rows if self.records else []

    @property
    def villages(self) -> list[str]:
        return sorted({r["kode_desa"] for r in self.rows if r.get("kode_desa")})

    @property
    def years(self) -> list[int]:
        if not self.records:
            return []
        return sorted({y for r in self.rows if (y := year_of(r, self.records.definition))})

    @property
    def sheet(self) -> str | None:
        return self.records.table.sheet if self.records else None

    @property
    def sources(self) -> dict[str, str]:
        """Field -> where its values came from when the table had no such column."""
        return dict(self.records.sources) if self.records else {}

    @property
    def encoding(self) -> str | None:
        return self.records.table.encoding if self.records else None


def year_of(row: dict[str, str], definition: DatasetDefinition) -> int | None:
    """The resource year of a canonical row (an integer field, or the year of a date field)."""
    value = row.get(definition.year_field, "")
    head = value[:4]
    return int(head) if head.isdigit() and len(head) == 4 else None


def check_file(path: Path, record_type: str | None = None,
               submission: Submission | None = None, *,
               expectations: bool = True) -> CheckedSubmission:
    """Everything known about one file; bad data gives findings, never an exception.

    ``expectations=False`` skips the Great Expectations suites (schema and reference checks only).
    """
    submission = submission or describe(path)
    file = str(path)
    try:
        tables = read_tables(path)
    except ReadError as problem:
        return CheckedSubmission(submission, record_type, None,
                                 [Finding("file-unreadable", file, params={"reason": problem.reason})])
    if not any(any(clean_text(c) for c in row) for t in tables for row in t.rows):
        return CheckedSubmission(submission, record_type, None, [Finding("file-empty", file)])
    candidates = [definitions()[record_type]] if record_type else list(definitions().values())
    found = detect(tables, candidates)
    if found is None:
        headings = _first_headings(tables)
        return CheckedSubmission(submission, record_type, None,
                                 [Finding("unknown-record-type", file, tables[0].sheet,
                                          params={"headers": headings})])
    table, definition, header = found
    ignored = _other_data_sheets(tables, table, definition)
    shape = reshape(table, definition, header)  # report-shaped sheets: lines only, totals kept
    context = read_context(table, header.row_index, path)
    sources = {**shape.sources, **fill_columns(table, header, definition, context)}
    records = normalise(table, definition, header)
    records.sources = sources
    explained = context.explained
    reader_findings = [f for t in tables for f in t.findings]
    findings = reader_findings + [f for f in records.findings + context.findings
                                  if not (f.code == "missing-column" and f.field in explained)]
    if not records.rows:
        if not has_errors(reader_findings):  # e.g. a legacy Siskeudes export is not "empty"
            findings.append(Finding("file-empty", file, table.sheet))
    elif not any(f.code == "missing-column" for f in findings):
        checked = [f for f in validate(records)
                   if not (f.code == "required-value" and f.field in explained)]
        checked += check_totals(shape, records)
        flagged = {(f.row, f.field) for f in findings + checked}
        checked += [f for f in row_conflicts(records, context, year_of)
                    if (f.row, f.field) not in flagged]
        checked += personal_data_findings(records)
        if expectations and not has_errors(findings + checked):
            # Business rules need typed, schema-valid data; a file with schema errors is already
            # rejected, and its operator fixes those first.
            checked += run_expectations(records)
        findings += checked
    findings += [Finding("sheet-ignored", file, table.sheet, None, None, name,
                         params={"reason": definition.record_type, "sheet": table.sheet})
                 for name in ignored]
    findings.sort(key=lambda f: (f.row or 0, f.field or "", f.code))
    return CheckedSubmission(submission, definition.record_type, records, findings)


def _other_data_sheets(tables, chosen, definition) -> list[str]:
    """Other sheets that also hold a table of this record type with data below its headings."""
    names = []
    for table in tables:
        if table is chosen:
            continue
        header = find_header(table, definition)
        if header and any(any(col < len(row) and clean_text(row[col]) for col in header.columns)
                          for row in table.rows[header.row_index + 1:]):
            names.append(table.sheet or "")
    return names


def _first_headings(tables, limit: int = 6) -> str:
    for table in tables:
        for row in table.rows[:10]:
            cells = [clean_text(c) for c in row if clean_text(c)]
            if len(cells) >= 2:
                shown = ", ".join(cells[:limit])
                return shown + (", …" if len(cells) > limit else "")
    return "-"


__all__ = ["CheckedSubmission", "check_file", "year_of", "normalise_heading"]
