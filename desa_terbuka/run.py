"""What one run did: the outcome of every file and of every dataset published."""

from __future__ import annotations

from dataclasses import dataclass, field

from desa_terbuka.core.findings import Finding
from desa_terbuka.publish.sync import SyncResult
from desa_terbuka.stage.outcome import SubmissionOutcome


def concerns(found: list[str], wanted: list[str] | None) -> bool:
    """Whether a submission about ``found`` villages is in scope of a ``--village`` filter.

    A file whose village could not be read is always in scope: its operator must hear about it.
    """
    return not wanted or not found or bool(set(found) & set(wanted))


@dataclass
class RunSummary:
    outcomes: list[SubmissionOutcome] = field(default_factory=list)
    published: list[SyncResult] = field(default_factory=list)
    failures: dict[str, Finding] = field(default_factory=dict)  # dataset (or "portal") -> why
    withheld: dict[str, Finding] = field(default_factory=dict)  # retracted dataset -> since/why
    notices: list[Finding] = field(default_factory=list)  # e.g. a webhook that did not answer
    compliance: str = ""  # the compliance dataset rebuilt by this run
    portal_changes: list[str] = field(default_factory=list)
    write_calls: int = 0
    dry_run: bool = False
    portal_url: str = ""

    @property
    def change_count(self) -> int:
        return len(self.portal_changes) + sum(len(r.changes) for r in self.published)
