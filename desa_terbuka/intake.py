"""One submission from file to verdict: read, recognise, normalise, validate.

Used by ``desa check`` and by the pipeline, so an operator sees exactly what the run would see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desa_terbuka.collect import ReadError, Submission, describe, read_tables
from desa_terbuka.definitions import DatasetDefinition, definitions, normalise_heading
from desa_terbuka.findings import Finding, has_errors
from desa_terbuka.formats import clean_text
from desa_terbuka.normalise import Records, detect, normalise
from desa_terbuka.validate import validate


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
    def encoding(self) -> str | None:
        return self.records.table.encoding if self.records else None


def year_of(row: dict[str, str], definition: DatasetDefinition) -> int | None:
    """The resource year of a canonical row (an integer field, or the year of a date field)."""
    value = row.get(definition.year_field, "")
    head = value[:4]
    return int(head) if head.isdigit() and len(head) == 4 else None


def check_file(path: Path, record_type: str | None = None,
               submission: Submission | None = None) -> CheckedSubmission:
    """Everything known about one file; bad data gives findings, never an exception."""
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
    records = normalise(table, definition, header)
    findings = list(records.findings)
    if not records.rows:
        findings.append(Finding("file-empty", file, table.sheet))
    elif not any(f.code == "missing-column" for f in findings):
        findings += validate(records)
    findings.sort(key=lambda f: (f.row or 0, f.field or "", f.code))
    return CheckedSubmission(submission, definition.record_type, records, findings)


def _first_headings(tables, limit: int = 6) -> str:
    for table in tables:
        for row in table.rows[:10]:
            cells = [clean_text(c) for c in row if clean_text(c)]
            if len(cells) >= 2:
                shown = ", ".join(cells[:limit])
                return shown + (", …" if len(cells) > limit else "")
    return "-"


__all__ = ["CheckedSubmission", "check_file", "year_of", "normalise_heading"]
