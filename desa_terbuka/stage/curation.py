"""Curation by DPMD data officers: review held and rejected submissions, approve held ones,
retract and restore datasets. Every action is written to an audit log in the warehouse.

A *held* submission is valid but carries a warning that ``portal_config/curation.yaml`` says
needs an officer's eye (``Warehouse.stage(hold=...)``); its records are kept, and approving it
makes it current. Errors can never be approved: they make published numbers wrong. A retraction
is the warehouse's memory that a dataset must stay off public view until it is restored.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import field_validator

from desa_terbuka.core.catalogue import catalogue
from desa_terbuka.core.config import Strict, load_config
from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.findings import Finding, has_errors
from desa_terbuka.core.paths import PORTAL_CONFIG_DIR
from desa_terbuka.stage.cross_dataset import run_cross_rules
from desa_terbuka.stage.warehouse import Warehouse, records_table

CURATION_FILE = PORTAL_CONFIG_DIR / "curation.yaml"
SHORT_ID = 12  # characters of a submission id shown to officers

_DDL = """
CREATE TABLE IF NOT EXISTS curation_log (
    acted_at TIMESTAMPTZ, action VARCHAR, subject VARCHAR, reason VARCHAR, actor VARCHAR,
    villages VARCHAR[], detail VARCHAR
);
"""


class CurationError(Exception):
    """A curation command that cannot be done; ``finding`` says why and what to do."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message())
        self.finding = finding


class CurationPolicy(Strict):
    """The shape of ``portal_config/curation.yaml``."""

    hold_for_review: list[str] = []

    @field_validator("hold_for_review")
    @classmethod
    def _warnings_only(cls, codes: list[str]) -> list[str]:
        rules = catalogue()
        for code in codes:
            if code not in rules:
                raise ValueError(f"'{code}' is not a rule code of rules/*.yaml")
            if rules[code].severity != "warning":
                raise ValueError(f"'{code}' is {rules[code].severity}: only warnings can be held "
                                 "(an error can never be approved)")
        return codes


@cache
def curation_policy(path: Path = CURATION_FILE) -> CurationPolicy:
    return load_config(path, CurationPolicy) if path.is_file() else CurationPolicy()


def review_hold(receipt: str, findings: list[Finding]) -> list[Finding]:
    """Why these findings hold a valid submission for review (the staging ``hold``): one
    ``review-held`` finding naming the codes, or nothing."""
    held = set(curation_policy().hold_for_review)
    codes = sorted({f.code for f in findings if f.code in held and f.level == "warning"})
    if not codes:
        return []
    return [Finding("review-held", value=receipt[:SHORT_ID], params={"codes": ", ".join(codes)})]


def actor(name: str | None = None) -> str:
    """Who acts: ``--by``, else DESA_OFFICER, else the login name."""
    if name:
        return name
    try:
        return os.environ.get("DESA_OFFICER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def ensure_log(warehouse: Warehouse) -> None:
    warehouse.con.execute(_DDL)


def log_action(warehouse: Warehouse, action: str, subject: str, reason: str, by: str,
               villages: list[str] | None = None, detail: dict[str, Any] | None = None) -> None:
    ensure_log(warehouse)
    warehouse.con.execute("INSERT INTO curation_log VALUES (?,?,?,?,?,?,?)",
                          [datetime.now(timezone.utc), action, subject, reason, by,
                           villages or [], json.dumps(detail or {}, ensure_ascii=False)])


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    action: str
    subject: str
    reason: str
    actor: str
    villages: list[str]
    detail: dict[str, Any]


def curation_log(warehouse: Warehouse, until: datetime | None = None) -> list[LogEntry]:
    """Every curation action, oldest first (up to ``until``)."""
    ensure_log(warehouse)
    rows = warehouse.con.execute(
        "SELECT acted_at, action, subject, reason, actor, villages, detail FROM curation_log "
        "WHERE ? IS NULL OR acted_at <= ? ORDER BY acted_at", [until, until]).fetchall()
    return [LogEntry(at, a, s, r, who, list(v or []), json.loads(d or "{}"))
            for at, a, s, r, who, v, d in rows]


def retracted(warehouse: Warehouse, until: datetime | None = None) -> dict[str, LogEntry]:
    """Datasets off public view: those whose latest retract/restore is a retraction."""
    latest: dict[str, LogEntry] = {}
    for entry in curation_log(warehouse, until):
        if entry.action in ("retract", "restore"):
            latest[entry.subject] = entry
    return {name: e for name, e in latest.items() if e.action == "retract"}


def require_reason(reason: str | None) -> str:
    if not reason or not reason.strip():
        raise CurationError(Finding("curation-reason-missing"))
    return reason.strip()


# ------------------------------------------------------------------------------ review


@dataclass(frozen=True)
class Pending:
    """A submission waiting for someone: rejected (the village must fix it) or held (an officer)."""

    submission_id: str
    file: str
    record_type: str | None
    villages: list[str]
    years: list[int]
    received_at: datetime
    verdict: str  # rejected | held
    errors: int
    warnings: int
    findings: list[Finding]

    @property
    def short_id(self) -> str:
        return self.submission_id[:SHORT_ID]


def pending(warehouse: Warehouse) -> list[Pending]:
    """Quarantined submissions not replaced since: each path's latest receipt, if not accepted."""
    rows = warehouse.con.execute(
        "SELECT submission_id, path, record_type, villages, years, received_at, verdict, "
        "error_count, warning_count FROM submissions "
        "QUALIFY rank() OVER (PARTITION BY path ORDER BY received_at DESC) = 1 "  # every part of a file
        "AND verdict IN ('rejected', 'held') ORDER BY received_at, path").fetchall()
    return [Pending(sid, path, rt, list(v or []), list(y or []), at, verdict, e, w,
                    warehouse.stored_findings([sid]))
            for sid, path, rt, v, y, at, verdict, e, w in rows]


def resolve(warehouse: Warehouse, ref: str) -> str:
    """A full submission id from an id or its prefix (as ``desa review`` shows it)."""
    ref = ref.strip().lower()
    if len(ref) < 6:
        raise CurationError(Finding("curation-unknown-submission", value=ref))
    found = [r[0] for r in warehouse.con.execute(
        "SELECT submission_id FROM submissions WHERE starts_with(submission_id, ?)", [ref]).fetchall()]
    if not found:
        raise CurationError(Finding("curation-unknown-submission", value=ref))
    if len(found) > 1:
        raise CurationError(Finding("curation-ambiguous-submission", value=ref,
                                    params={"count": len(found)}))
    return found[0]


# ------------------------------------------------------------------------------ approve


@dataclass(frozen=True)
class Approval:
    submission_id: str
    record_type: str
    villages: list[str]
    years: list[int]
    findings: list[Finding]  # the warnings accepted, and today's cross-dataset findings


def approve(warehouse: Warehouse, ref: str, reason: str, by: str) -> Approval:
    """Make a held submission current, as if it had passed, and record who and why.

    Refused for errors (recorded, or raised by the cross-dataset rules on today's data), for a
    submission that is not held, and for one that newer data has replaced.
    """
    reason = require_reason(reason)
    sid = resolve(warehouse, ref)
    short = sid[:SHORT_ID]
    path, record_type, verdict, errors, received_at = warehouse.con.execute(
        "SELECT path, record_type, verdict, error_count, received_at FROM submissions "
        "WHERE submission_id = ?", [sid]).fetchone()
    if errors:
        raise CurationError(Finding("approve-has-errors", value=short, params={"errors": errors}))
    if verdict != "held":
        raise CurationError(Finding("approve-not-held", value=short, params={"verdict": verdict}))
    newer = warehouse.con.execute(
        "SELECT submission_id FROM submissions WHERE path = ? AND received_at > ? "
        "ORDER BY received_at DESC LIMIT 1", [path, received_at]).fetchone()
    slices = _slices_of(warehouse, record_type, sid)
    replaced = warehouse.con.execute(
        "SELECT submission_id FROM current_slices WHERE record_type = ? AND since > ? AND "
        "list_contains(?, kode_desa || '/' || tahun)",
        [record_type, received_at, [f"{k}/{t}" for k, t in slices]]).fetchone()
    if newer or replaced:
        raise CurationError(Finding("approve-superseded", value=short,
                                    params={"newer": (newer or replaced)[0][:SHORT_ID]}))
    villages = sorted({k for k, _ in slices})
    with warehouse.transaction() as con:
        for kode, tahun in slices:
            con.execute("INSERT OR REPLACE INTO current_slices VALUES (?,?,?,?,?)",
                        [record_type, kode, tahun, sid, datetime.now(timezone.utc)])
        cross = [f for f in run_cross_rules(con, record_type, villages)
                 if (f.params.get("kode_desa"), f.params.get("tahun")) in set(slices)]
        if has_errors(cross):
            raise CurationError(Finding("approve-has-errors", value=short,
                                        params={"errors": sum(f.level == "error" for f in cross)}))
        con.execute("UPDATE submissions SET verdict = 'accepted' WHERE submission_id = ?", [sid])
    log_action(warehouse, "approve", sid, reason, by, villages,
               {"file": path, "record_type": record_type, "years": sorted({t for _, t in slices})})
    return Approval(sid, record_type, villages, sorted({t for _, t in slices}),
                    warehouse.stored_findings([sid]) + cross)


def _slices_of(warehouse: Warehouse, record_type: str, sid: str) -> list[tuple[str, int]]:
    definition = definitions()[record_type]
    year = definition.year_field
    expr = (f'"{year}"' if definition.field(year).type == "integer" else f'year("{year}")')
    rows = warehouse.con.execute(
        f"SELECT DISTINCT kode_desa, {expr} FROM {records_table(record_type)} "
        "WHERE submission_id = ? ORDER BY 1, 2", [sid]).fetchall()
    return [(k, int(t)) for k, t in rows]


# ------------------------------------------------------------------------------ retract


def known_dataset(warehouse: Warehouse, name: str) -> list[str]:
    """The villages of a dataset the warehouse has published (empty: never published)."""
    rows = warehouse.con.execute("SELECT DISTINCT kode_desa FROM publications WHERE dataset_name = ?",
                                 [name]).fetchall()
    return sorted(r[0] for r in rows)
