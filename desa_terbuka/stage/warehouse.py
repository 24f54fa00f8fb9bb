"""Stage: the DuckDB warehouse remembers every submission, its findings and accepted records.

A *slice* is (record type, kode desa, year): the unit that one CSV resource on the portal shows.
Each accepted submission becomes the current version of the slices it covers; older versions
stay in the warehouse, so "what did we publish for Desa Merah on 1 March" has an answer.
Every submission is staged in one transaction: a killed run leaves either all of it or none.
"""

from __future__ import annotations

import hashlib
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

import duckdb

from desa_terbuka import __version__
from desa_terbuka.collect.base import Submission
from desa_terbuka.core.definitions import DatasetDefinition, definitions
from desa_terbuka.core.findings import (
    Finding,
    capped,
    has_errors,
    params_from_json,
    params_to_json,
    tally,
)
from desa_terbuka.core.settings import duckdb_threads
from desa_terbuka.core.spreadsheet import neutralise_row
from desa_terbuka.stage.outcome import SubmissionOutcome
from desa_terbuka.stage.published import published_csv
from desa_terbuka.validate.check import CheckedSubmission, year_of

DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DECIMAL(18,2)",
                "date": "DATE", "boolean": "BOOLEAN"}

_CORE_DDL = """
CREATE TABLE IF NOT EXISTS submissions (
    submission_id VARCHAR PRIMARY KEY,      -- one receipt of a file (path, content, time)
    sha256 VARCHAR,                         -- the file's bytes; the archive key
    path VARCHAR, file_name VARCHAR, size BIGINT,
    received_at TIMESTAMPTZ, record_type VARCHAR, sheet VARCHAR, encoding VARCHAR,
    verdict VARCHAR,                        -- accepted | rejected
    row_count INTEGER, error_count INTEGER, warning_count INTEGER,
    villages VARCHAR[], years INTEGER[], pipeline_version VARCHAR
);
CREATE TABLE IF NOT EXISTS findings (
    submission_id VARCHAR, code VARCHAR, severity VARCHAR, sheet VARCHAR, source_row INTEGER,
    field VARCHAR, value VARCHAR, message_id VARCHAR, message_en VARCHAR, params JSON
);
CREATE TABLE IF NOT EXISTS current_slices (
    record_type VARCHAR, kode_desa VARCHAR, tahun INTEGER, submission_id VARCHAR,
    since TIMESTAMPTZ, PRIMARY KEY (record_type, kode_desa, tahun)
);
CREATE TABLE IF NOT EXISTS publications (
    published_at TIMESTAMPTZ, record_type VARCHAR, kode_desa VARCHAR, tahun INTEGER,
    dataset_name VARCHAR, resource_id VARCHAR, content_hash VARCHAR, submission_id VARCHAR
);
"""


class _Blocked(Exception):
    def __init__(self, findings: list[Finding]):
        super().__init__(f"{len(findings)} findings")
        self.findings = findings


class _Held(_Blocked):
    """Valid, but a finding holds it for a data officer's review (``desa approve``)."""


@dataclass(frozen=True)
class Slice:
    record_type: str
    kode_desa: str
    tahun: int
    submission_id: str
    sha256: str = ""  # content hash of the submission's file, for provenance


@dataclass(frozen=True)
class Staged:
    """What staging recorded for one submission: its receipt, the slices it became current for
    (none when rejected) and every finding, the gate's included."""

    receipt: str
    received_at: datetime
    slices: list[Slice]
    findings: list[Finding]
    held: bool = False  # valid, kept, but current only once a data officer approves it

    @property
    def verdict(self) -> str:
        return "held" if self.held else "accepted" if self.slices else "rejected"


Gate = Callable[[duckdb.DuckDBPyConnection, list[Slice], CheckedSubmission], list[Finding]]
Hold = Callable[[str, list[Finding]], list[Finding]]  # (receipt, findings) -> why held


def records_table(record_type: str) -> str:
    return f"records_{record_type}"


def records_ddl(definition: DatasetDefinition) -> str:
    """The typed history table of a record type, derived from its Table Schema."""
    columns = ", ".join(
        f'"{f.name}" {DUCKDB_TYPES.get(f.type, "VARCHAR")}' for f in definition.fields
    )
    return (f"CREATE TABLE IF NOT EXISTS {records_table(definition.record_type)} "
            f"(submission_id VARCHAR, source_row INTEGER, {columns})")


class Warehouse:
    """The DuckDB file plus the archive of every received file's bytes beside it."""

    def __init__(self, path: Path):
        self.path = path
        self.archive = path.parent / "received"
        path.parent.mkdir(parents=True, exist_ok=True)
        threads = duckdb_threads()
        self.con = duckdb.connect(str(path), config={"threads": threads} if threads else {})
        self.con.execute(_CORE_DDL)
        # Added after the first release: when the file was written into the inbox (its mtime).
        self.con.execute("ALTER TABLE submissions ADD COLUMN IF NOT EXISTS modified_at TIMESTAMPTZ")
        # How many parts (record types) the file had: a run killed between two parts' staging
        # leaves fewer receipts than parts, and the file is then received again, whole.
        self.con.execute("ALTER TABLE submissions ADD COLUMN IF NOT EXISTS part_count INTEGER")
        for definition in definitions().values():
            self.con.execute(records_ddl(definition))

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Warehouse":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def last_receipts(self, submission: Submission) -> list[str]:
        """The receipts of this path's latest reception when it had these exact bytes, else [].

        A file that changes is a new submission; one that changes back to an older version is
        a new submission too (the latest receipt wins), so identity is (path, content, time).
        A file of several parts (an APBDes sheet and an RKPDes sheet) has one receipt per part.
        """
        rows = self.con.execute(
            "SELECT submission_id, sha256, part_count FROM submissions WHERE path = ? AND "
            "received_at = (SELECT max(received_at) FROM submissions WHERE path = ?) "
            "ORDER BY submission_id", [_identity(submission.path)] * 2).fetchall()
        whole = len(rows) >= max((r[2] or 1 for r in rows), default=1)
        return [r[0] for r in rows] if rows and whole and all(
            r[1] == submission.sha256 for r in rows) else []

    def last_receipt(self, submission: Submission) -> str | None:
        """The first of ``last_receipts`` (a file of one part has one)."""
        receipts = self.last_receipts(submission)
        return receipts[0] if receipts else None

    def outcome_of(self, submission: Submission, receipt: str) -> SubmissionOutcome:
        """The earlier verdict on a file received before (reported as unchanged)."""
        row = self.con.execute(
            "SELECT record_type, villages, years, verdict, error_count, warning_count "
            "FROM submissions WHERE submission_id = ?", [receipt]).fetchone()
        record_type, kode, years, verdict, errors, warnings = row
        return SubmissionOutcome(str(submission.path), record_type, list(kode or []),
                                 list(years or []), f"unchanged-{verdict}", errors, warnings,
                                 self.stored_findings([receipt]))

    def stored_findings(self, receipts: list[str]) -> list[Finding]:
        """The findings recorded for these receipts, as Finding objects again."""
        return self.findings_of([receipts])[0]

    def findings_of(self, groups: list[list[str]]) -> list[list[Finding]]:
        """``stored_findings`` of each group of receipts, in one query for all groups."""
        pairs = [(i, r) for i, group in enumerate(groups) for r in dict.fromkeys(group)]
        found: list[list[Finding]] = [[] for _ in groups]
        if not pairs:
            return found
        rows = self.con.execute(
            "SELECT k.i, code, severity, s.path, f.sheet, source_row, field, value, params "
            "FROM findings f JOIN submissions s USING (submission_id) JOIN (SELECT unnest(?) AS i, "
            "unnest(?) AS sid) k ON f.submission_id = k.sid "
            "ORDER BY k.i, s.path, source_row NULLS FIRST, field, code, f.rowid",
            [[i for i, _ in pairs], [r for _, r in pairs]]).fetchall()
        for i, code, severity, path, sheet, source_row, field, value, params in rows:
            found[i].append(Finding(code, path, sheet, source_row, field, value,
                                    params_from_json(params), severity))
        return found

    def received_at(self, receipts: list[str]) -> datetime | None:
        """When the latest of these receipts arrived (the date their checks ran)."""
        return self.received_times([receipts])[0]

    def received_times(self, groups: list[list[str]]) -> list[datetime | None]:
        """``received_at`` of each group of receipts, in one query."""
        pairs = [(i, r) for i, group in enumerate(groups) for r in group]
        latest: list[datetime | None] = [None] * len(groups)
        if pairs:
            for i, at in self.con.execute(
                    "SELECT k.i, max(received_at) FROM submissions JOIN (SELECT unnest(?) AS i, "
                    "unnest(?) AS sid) k ON submission_id = k.sid GROUP BY k.i",
                    [[i for i, _ in pairs], [r for _, r in pairs]]).fetchall():
                latest[i] = at
        return latest

    def keep_original(self, checked: CheckedSubmission) -> Path:
        """Archive the received bytes by content hash: nothing received is ever lost."""
        return self.keep_file(checked.submission)

    def keep_file(self, sub: Submission) -> Path:
        """``keep_original`` of a received file (the batch intake has no CheckedSubmission)."""
        target = self.archive / sub.sha256[:2] / f"{sub.sha256}{sub.path.suffix.lower()}"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(target.suffix + ".tmp")
            shutil.copyfile(sub.path, tmp)
            tmp.replace(target)
        return target

    def stage(self, checked: CheckedSubmission, received_at: datetime | None = None,
              gate: Gate | None = None, hold: Hold | None = None, parts: int = 1) -> Staged:
        """Record the submission and, if valid, make it current for its slices.

        ``gate`` sees the warehouse as it would be with the submission accepted (inside the
        transaction) and returns more findings for it, e.g. cross-dataset rules. An error among
        them rolls the acceptance back: the submission is then recorded as rejected, with them.
        When ``hold`` finds that its findings need a data officer's eye (it returns the reasons,
        recorded with them), it is held: its records are kept but become current only when
        approved (``stage.curation.approve``).
        ``checked`` is not changed: the result carries every finding recorded. ``parts`` is the
        number of parts of its file (staged one by one, with the same ``received_at``).
        """
        received_at = received_at or datetime.now(timezone.utc)
        self.keep_original(checked)
        try:
            return self._stage(checked, received_at, gate, [], hold, parts=parts)
        except _Held as held:
            return self._stage(checked, received_at, None, held.findings, held=True, parts=parts)
        except _Blocked as blocked:
            return self._stage(checked, received_at, None, blocked.findings, parts=parts)

    def _stage(self, checked: CheckedSubmission, received_at: datetime, gate: Gate | None,
               blocking: list[Finding], hold: Hold | None = None, held: bool = False,
               parts: int = 1) -> Staged:
        sub = checked.submission
        receipt = hashlib.sha256(  # a file's parts (record types) are received together
            f"{sub.path}\n{sub.sha256}\n{received_at.isoformat()}\n{checked.record_type or ''}"
            f"\n{checked.sheet or ''}".encode()).hexdigest()
        with self.transaction() as con:
            con.execute(
                "INSERT INTO submissions (submission_id, sha256, path, file_name, size, received_at, "
                "record_type, sheet, encoding, verdict, row_count, error_count, warning_count, "
                "villages, years, pipeline_version, modified_at, part_count) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [receipt, sub.sha256, _identity(sub.path), sub.name, sub.size, received_at,
                 checked.record_type, checked.sheet, checked.encoding, "rejected",
                 len(checked.rows), 0, 0, checked.villages, checked.years, __version__,
                 sub.modified_at, parts],
            )
            accept = checked.valid and not has_errors(blocking)
            slices = self._accept(con, checked, receipt, received_at, not held) if accept else []
            extra = gate(con, slices, checked) if gate and slices else []
            if has_errors(extra):
                raise _Blocked(extra)
            held_for = hold(receipt, checked.findings + extra) if hold and slices else []
            if held_for:
                raise _Held(extra + held_for)
            findings = capped(checked.findings + blocking + extra)  # each rule's first examples
            levels = tally(findings)  # and the exact counts
            verdict = "held" if held else "accepted" if slices else "rejected"
            con.execute("UPDATE submissions SET verdict = ?, error_count = ?, warning_count = ? "
                        "WHERE submission_id = ?",
                        [verdict, levels["error"], levels["warning"], receipt])
            if findings:
                import pandas as pd  # not at import: `desa check` loads this module only
                frame = pd.DataFrame([_finding_row(receipt, f) for f in findings],
                                     columns=_FINDING_COLUMNS).astype("object")
                con.register("incoming_findings", frame)
                try:
                    con.execute("INSERT INTO findings SELECT * FROM incoming_findings")
                finally:
                    con.unregister("incoming_findings")
            return Staged(receipt, received_at, slices, findings, held)

    def _accept(self, con, checked: CheckedSubmission, receipt: str,
                received_at: datetime, current: bool = True) -> list[Slice]:
        definition = checked.records.definition
        names = definition.field_names
        import pandas as pd  # not at import: `desa check` loads this module only
        # Bulk insert through a DataFrame of text: DuckDB's executemany is ~400 rows/s.
        frame = pd.DataFrame([[row.get(n, "") for n in names] for row in checked.rows],
                             columns=names, dtype="string")
        frame.insert(0, "source_row", pd.array(checked.records.row_numbers, dtype="int64"))
        casts = ", ".join(
            f'CAST(NULLIF("{f.name}", \'\') AS {DUCKDB_TYPES.get(f.type, "VARCHAR")})'
            for f in definition.fields
        )
        con.register("incoming", frame)
        try:
            con.execute(f"INSERT INTO {records_table(definition.record_type)} "
                        f"SELECT ?, source_row, {casts} FROM incoming", [receipt])
        finally:
            con.unregister("incoming")
        slices = sorted({(kode, year_of(row, definition)) for row in checked.rows
                         for kode in [row["kode_desa"]]})
        result = []
        for kode_desa, tahun in slices:
            if current:
                con.execute(
                    "INSERT OR REPLACE INTO current_slices VALUES (?,?,?,?,?)",
                    [definition.record_type, kode_desa, tahun, receipt, received_at],
                )
            result.append(Slice(definition.record_type, kode_desa, tahun, receipt,
                                checked.submission.sha256))
        return result

    def current_slices(self, record_type: str | None = None,
                       villages: list[str] | None = None) -> list[Slice]:
        query = ("SELECT c.record_type, c.kode_desa, c.tahun, c.submission_id, s.sha256 "
                 "FROM current_slices c JOIN submissions s USING (submission_id) WHERE 1=1")
        params: list = []
        if record_type:
            query += " AND c.record_type = ?"
            params.append(record_type)
        if villages:
            query += " AND list_contains(?, c.kode_desa)"
            params.append(villages)
        rows = self.con.execute(query + " ORDER BY 1, 2, 3", params).fetchall()
        return [Slice(*r) for r in rows]

    def slice_rows(self, s: Slice) -> tuple[list[str], list[tuple]]:
        return self.slices_rows([s])[s]

    def slices_rows(self, slices: list[Slice]) -> dict[Slice, tuple[list[str], list[tuple]]]:
        """The current records of slices as published (CSV and DataStore): typed, in
        primary-key order, text a spreadsheet would execute neutralised (core/spreadsheet.py).
        One query per record type (a query per slice cost ~6 ms: 10 s of a district's plans)."""
        found: dict[Slice, tuple[list[str], list[tuple]]] = {}
        for record_type in sorted({s.record_type for s in slices}):
            group = [s for s in slices if s.record_type == record_type]
            definition = definitions()[record_type]
            names = definition.field_names
            columns = ", ".join(f'r."{n}"' for n in names)
            order = ", ".join(f'r."{n}"' for n in definition.primary_key) or columns
            year = (f'r."{definition.year_field}"' if definition.field(definition.year_field).type
                    == "integer" else f'year(r."{definition.year_field}")')
            rows = self.con.execute(
                f"SELECT k.i, {columns} FROM {records_table(record_type)} r JOIN (SELECT unnest(?) AS i, "
                "unnest(?) AS sid, unnest(?) AS kode, unnest(?) AS tahun) k ON r.submission_id = k.sid "
                f"AND r.kode_desa = k.kode AND {year} = k.tahun ORDER BY k.i, {order}",
                [list(range(len(group))), [s.submission_id for s in group],
                 [s.kode_desa for s in group], [s.tahun for s in group]]).fetchall()
            by_slice: dict[int, list[tuple]] = {i: [] for i in range(len(group))}
            for row in rows:  # what is published: no executable cell
                by_slice[row[0]].append(neutralise_row(row[1:]))
            found.update({s: (names, by_slice[i]) for i, s in enumerate(group)})
        return found

    def slice_csv(self, s: Slice) -> bytes:
        return published_csv(*self.slice_rows(s))

    def record_publication(self, s: Slice, dataset_name: str, resource_id: str,
                           content_hash: str) -> None:
        self.con.execute(
            "INSERT INTO publications VALUES (?,?,?,?,?,?,?,?)",
            [datetime.now(timezone.utc), s.record_type, s.kode_desa, s.tahun, dataset_name,
             resource_id, content_hash, s.submission_id],
        )


def _identity(path: Path) -> str:
    """A file's identity across runs: `--inbox inbox` and `--inbox /abs/inbox` are one inbox."""
    return str(path.resolve())


_FINDING_COLUMNS = ["submission_id", "code", "severity", "sheet", "source_row", "field", "value",
                    "message_id", "message_en", "params"]


def _finding_row(submission_id: str, f: Finding) -> list:
    """A warehouse row: ``Finding.to_dict`` (the file is the submission's) plus both messages and
    the parameters with both languages, so a stored finding renders as it did when found."""
    shown = f.to_dict("id")
    return [submission_id, shown["code"], shown["severity"], shown["sheet"], shown["row"],
            shown["field"], shown["value"], shown["message"], f.message("en"),
            params_to_json(f.params)]
