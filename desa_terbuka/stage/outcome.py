"""What happened to one received file in a run: the unit of the run summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from desa_terbuka.core.findings import Finding
from desa_terbuka.validate.check import CheckedSubmission


@dataclass
class SubmissionOutcome:
    file: str
    record_type: str | None
    villages: list[str]
    years: list[int]
    verdict: str  # accepted | rejected | unchanged-accepted | unchanged-rejected
    errors: int = 0
    warnings: int = 0
    findings: list[Finding] = field(default_factory=list)

    @classmethod
    def of(cls, checked: CheckedSubmission, verdict: str) -> "SubmissionOutcome":
        errors = sum(f.level == "error" for f in checked.findings)
        return cls(str(checked.submission.path), checked.record_type, checked.villages,
                   checked.years, verdict, errors, len(checked.findings) - errors,
                   checked.findings)
