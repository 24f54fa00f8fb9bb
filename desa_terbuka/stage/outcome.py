"""What happened to one received file in a run: the unit of the run summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from desa_terbuka.core.findings import Finding, tally
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
    def of(cls, checked: CheckedSubmission, verdict: str,
           findings: list[Finding] | None = None) -> "SubmissionOutcome":
        """``findings`` when staging added some (the cross-dataset gate), else the check's own."""
        findings = checked.findings if findings is None else findings
        levels = tally(findings)  # with the findings a cap counted but did not list
        return cls(str(checked.submission.path), checked.record_type, checked.villages,
                   checked.years, verdict, levels["error"], levels["warning"], findings)
