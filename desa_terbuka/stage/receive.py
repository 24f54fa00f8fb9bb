"""Receive a checked submission: stage it behind the cross-dataset gate, quarantine it if rejected."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from typing import Callable


from desa_terbuka.collect.base import Submission
from desa_terbuka.core.findings import Finding, params_from_json
from desa_terbuka.stage.cross_dataset import run_cross_rules
from desa_terbuka.stage.curation import review_hold
from desa_terbuka.stage.outcome import SubmissionOutcome
from desa_terbuka.stage.quarantine import quarantine
from desa_terbuka.stage.warehouse import Slice, Warehouse, _identity
from desa_terbuka.validate.check import CheckedSubmission
from desa_terbuka.validate.relation import value_table


def cross_dataset_gate(con, slices: list[Slice], checked: CheckedSubmission) -> list[Finding]:
    """Cross-dataset rules on the submission's own slices, as if it were accepted."""
    keys = {(s.kode_desa, s.tahun) for s in slices}
    found = run_cross_rules(con, checked.record_type, sorted({k for k, _ in keys}))
    return [f for f in found if (f.params.get("kode_desa"), f.params.get("tahun")) in keys]


Reports = Callable[[CheckedSubmission], dict[str, str]]


def receive_parts(warehouse: Warehouse, parts: list[CheckedSubmission],
                  reports: Reports) -> list[SubmissionOutcome]:
    """Stage every part of one file with one reception time (each part records how many there
    are: a run killed between two parts makes the next run receive the whole file again)."""
    received_at = datetime.now(timezone.utc)
    return [receive(warehouse, part, reports, received_at, len(parts)) for part in parts]


def receive(warehouse: Warehouse, checked: CheckedSubmission, reports: Reports,
            received_at: datetime | None = None, parts: int = 1) -> SubmissionOutcome:
    """Stage a checked submission behind the cross-dataset gate; quarantine it if rejected or
    held for a data officer's review (``portal_config/curation.yaml``).

    ``reports`` renders the files kept beside a quarantined submission (a view, passed in so
    that staging does not depend on how reports look)."""
    staged = warehouse.stage(checked, received_at or datetime.now(timezone.utc), gate=cross_dataset_gate,
                             hold=review_hold, parts=parts)
    if staged.verdict in ("rejected", "held"):
        recorded = replace(checked, findings=staged.findings)
        quarantine(recorded, warehouse.path.parent / "quarantine", staged.received_at,
                   reports(recorded))
    return SubmissionOutcome.of(checked, staged.verdict, staged.findings)


def split_received(warehouse: Warehouse,
                   submissions: list[Submission]) -> tuple[list[Submission], list[SubmissionOutcome]]:
    """Files to check, and the earlier outcome of files received before with the same bytes
    (``Warehouse.last_receipts``, for all files in one query: a no-change run of many files
    checks nothing and reads only the receipts)."""
    if not submissions:
        return [], []
    con = warehouse.con
    identities = [_identity(s.path) for s in submissions]  # a path resolved once (lstat per part)
    value_table(con, "incoming_paths", {"path": identities})
    try:
        rows = con.execute(
            "WITH latest AS (SELECT s.path, max(received_at) AS at FROM submissions s "
            "JOIN incoming_paths i ON i.path = s.path GROUP BY s.path) "
            "SELECT s.path, submission_id, sha256, part_count FROM submissions s JOIN latest l "
            "ON l.path = s.path AND s.received_at = l.at ORDER BY s.path, submission_id").fetchall()
    finally:
        con.execute("DROP TABLE IF EXISTS incoming_paths")
    latest: dict[str, list[tuple]] = {}
    for path, receipt, sha, parts in rows:
        latest.setdefault(path, []).append((receipt, sha, parts))
    fresh, pairs = [], []
    for submission, identity in zip(submissions, identities):
        found = latest.get(identity, [])
        whole = len(found) >= max((p or 1 for _, _, p in found), default=1)
        if found and whole and all(sha == submission.sha256 for _, sha, _ in found):
            pairs += [(submission, receipt) for receipt, _, _ in found]
        else:
            fresh.append(submission)
    return fresh, outcomes_of(warehouse, pairs)


def outcomes_of(warehouse: Warehouse, pairs: list[tuple[Submission, str]]) -> list[SubmissionOutcome]:
    """``Warehouse.outcome_of`` for many (file, receipt) pairs, in two queries."""
    if not pairs:
        return []
    con = warehouse.con
    receipts = [r for _, r in pairs]
    rows = {r[0]: r[1:] for r in con.execute(
        "SELECT submission_id, record_type, villages, years, verdict, error_count, warning_count "
        "FROM submissions WHERE submission_id IN (SELECT unnest(?::VARCHAR[]))", [receipts]).fetchall()}
    found: dict[str, list[Finding]] = {}
    for receipt, code, severity, path, sheet, source_row, field, value, params in con.execute(
            "SELECT submission_id, code, severity, s.path, f.sheet, source_row, field, value, params "
            "FROM findings f JOIN submissions s USING (submission_id) "
            "WHERE submission_id IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY submission_id, s.path, source_row NULLS FIRST, field, code, f.rowid", [receipts]).fetchall():
        found.setdefault(receipt, []).append(
            Finding(code, path, sheet, source_row, field, value, params_from_json(params), severity))
    out = []
    for submission, receipt in pairs:
        record_type, kode, years, verdict, errors, warnings = rows[receipt]
        out.append(SubmissionOutcome(str(submission.path), record_type, list(kode or []), list(years or []),
                                     f"unchanged-{verdict}", errors, warnings, found.get(receipt, [])))
    return out
