"""Receive a checked submission: stage it behind the cross-dataset gate, quarantine it if rejected."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from desa_terbuka.core.findings import Finding
from desa_terbuka.stage.cross_dataset import run_cross_rules
from desa_terbuka.stage.outcome import SubmissionOutcome
from desa_terbuka.stage.quarantine import quarantine
from desa_terbuka.stage.warehouse import Slice, Warehouse
from desa_terbuka.validate.check import CheckedSubmission


def cross_dataset_gate(con, slices: list[Slice], checked: CheckedSubmission) -> list[Finding]:
    """Cross-dataset rules on the submission's own slices, as if it were accepted."""
    keys = {(s.kode_desa, s.tahun) for s in slices}
    found = run_cross_rules(con, checked.record_type, sorted({k for k, _ in keys}))
    return [f for f in found if (f.params.get("kode_desa"), f.params.get("tahun")) in keys]


Reports = Callable[[CheckedSubmission], dict[str, str]]


def receive(warehouse: Warehouse, checked: CheckedSubmission, reports: Reports) -> SubmissionOutcome:
    """Stage a checked submission behind the cross-dataset gate; quarantine it if rejected.

    ``reports`` renders the files kept beside a quarantined submission (a view, passed in so
    that staging does not depend on how reports look)."""
    received_at = datetime.now(timezone.utc)
    warehouse.stage(checked, received_at, gate=cross_dataset_gate)
    if not checked.valid:
        quarantine(checked, warehouse.path.parent / "quarantine", received_at, reports(checked))
    return SubmissionOutcome.of(checked, "accepted" if checked.valid else "rejected")
