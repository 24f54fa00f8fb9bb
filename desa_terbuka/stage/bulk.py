"""Bulk staging of a batch's clean files (``validate/set_check.py``): receipts, records and
current slices by ``INSERT … SELECT`` from the batch relation, one transaction per batch.

The cross-dataset gate must see what it sees when files are staged one by one, oldest first:
a file's gate sees the earlier files of its villages, not the later ones. So the batch is
staged in layers: a file's layer is one more than that of the latest earlier file sharing a
village with it, and the gate runs once per layer over the villages of that layer. A file the
gate has anything to say about is not staged here: the transaction is rolled back and its
villages' files go the per-file way (``receive``), whose findings are the reference.
"""

from __future__ import annotations

import hashlib
from datetime import datetime


from desa_terbuka import __version__
from desa_terbuka.stage.cross_dataset import run_cross_rules
from desa_terbuka.stage.outcome import SubmissionOutcome
from desa_terbuka.core.findings import tally
from desa_terbuka.stage.curation import review_hold
from desa_terbuka.stage.warehouse import (
    _FINDING_COLUMNS,
    DUCKDB_TYPES,
    Warehouse,
    _finding_row,
    _identity,
    records_table,
)
from desa_terbuka.validate.relation import value_table
from desa_terbuka.validate.set_check import Batch, CleanFile


class _Flagged(Exception):
    def __init__(self, villages: set[str]):
        super().__init__(f"{len(villages)} villages")
        self.villages = villages


def receipt_of(clean: CleanFile, record_type: str, received_at: datetime) -> str:
    """The receipt ``Warehouse._stage`` gives a one-part file with no sheet."""
    sub = clean.submission
    return hashlib.sha256(f"{sub.path}\n{sub.sha256}\n{received_at.isoformat()}\n{record_type}\n"
                          .encode()).hexdigest()


def layers(items: list) -> list[list]:
    """(batch, file) pairs in staging layers (each village at most once per layer, file order)."""
    latest: dict[str, int] = {}
    out: list[list] = []
    for item in items:
        c = item[1]
        layer = 1 + max((latest.get(v, -1) for v in c.villages), default=-1)
        for v in c.villages:
            latest[v] = layer
        while len(out) <= layer:
            out.append([])
        out[layer].append(item)
    return out


Item = tuple[Batch, CleanFile]


def stage_batches(warehouse: Warehouse, items: list[Item],
                  received_at: datetime) -> tuple[list[tuple[CleanFile, SubmissionOutcome]], list[CleanFile]]:
    """Stage the clean files ``items`` (in file order, of one or more batches) in one
    transaction; (file, outcome) of those staged, and those the gate has anything to say about
    (with every other file of their villages), left for the per-file path."""
    for _, c in items:
        warehouse.keep_file(c.submission)
    pending, back = list(items), []
    while pending:  # items of one layer (``intake._layers``): the gate runs once over them
        try:
            with warehouse.transaction() as con:
                flagged = _stage(con, pending, received_at)
                if flagged:
                    raise _Flagged(flagged)
        except _Flagged as flags:
            back += [c for _, c in pending if set(c.villages) & flags.villages]  # one layer: those files
            pending = [(b, c) for b, c in pending if not set(c.villages) & flags.villages]
            continue
        break
    staged = [(c, SubmissionOutcome(str(c.submission.path), b.definition.record_type, c.villages,
                                    c.years, "accepted", tally(c.findings)["error"],
                                    tally(c.findings)["warning"], c.findings))
              for b, c in pending]
    return staged, back


def _stage(con, items: list[Item], received_at: datetime) -> set[str]:
    """Stage the files layer by layer; the villages the gate flags (the caller rolls back)."""
    import pandas as pd  # not at import: a no-change run needs none

    receipts = {id(c): receipt_of(c, b.definition.record_type, received_at) for b, c in items}
    frame = pd.DataFrame({
        "submission_id": [receipts[id(c)] for _, c in items],
        "sha256": [c.submission.sha256 for _, c in items],
        "path": [_identity(c.submission.path) for _, c in items],
        "file_name": [c.submission.name for _, c in items],
        "size": [c.submission.size for _, c in items],
        "record_type": [b.definition.record_type for b, _ in items],
        "sheet": None, "encoding": "utf-8", "verdict": "accepted",
        "row_count": [c.rows for _, c in items],
        "error_count": [tally(c.findings)["error"] for _, c in items],
        "warning_count": [tally(c.findings)["warning"] for _, c in items],
        "villages": [c.villages for _, c in items], "years": [c.years for _, c in items],
        "pipeline_version": __version__,
        "modified_at": [c.submission.modified_at for _, c in items], "part_count": 1})
    con.register("bulk_submissions", frame)
    try:
        con.execute("INSERT INTO submissions (submission_id, sha256, path, file_name, size, received_at, "
                    "record_type, sheet, encoding, verdict, row_count, error_count, warning_count, "
                    "villages, years, pipeline_version, modified_at, part_count) SELECT submission_id, "
                    "sha256, path, file_name, size, ?, record_type, sheet, encoding, verdict, row_count, "
                    "error_count, warning_count, CAST(villages AS VARCHAR[]), CAST(years AS INTEGER[]), "
                    "pipeline_version, modified_at, part_count FROM bulk_submissions", [received_at])
    finally:
        con.unregister("bulk_submissions")
    rows = [_finding_row(receipts[id(c)], f) for _, c in items for f in c.findings]
    if rows:
        frame = pd.DataFrame(rows, columns=_FINDING_COLUMNS).astype("object")
        con.register("bulk_findings", frame)
        try:
            con.execute("INSERT INTO findings SELECT * FROM bulk_findings")
        finally:
            con.unregister("bulk_findings")
    flagged = {v for _, c in items if review_hold(receipts[id(c)], c.findings) for v in c.villages}
    for layer in layers(items):
        layer = [(b, c) for b, c in layer if not set(c.villages) & flagged]
        by_batch: dict[int, list[CleanFile]] = {}
        batches = {}
        for b, c in layer:
            by_batch.setdefault(id(b), []).append(c)
            batches[id(b)] = b
        for key, files in by_batch.items():
            _insert(con, batches[key], files, receipts, received_at)
        for kind in sorted({b.definition.record_type for b, _ in layer}):
            villages = sorted({v for b, c in layer if b.definition.record_type == kind for v in c.villages})
            for f in run_cross_rules(con, kind, villages):  # anything about a village: per file
                if f.params.get("kode_desa") in villages:
                    flagged.add(f.params["kode_desa"])
    return flagged


def _insert(con, batch: Batch, files: list[CleanFile], receipts: dict[int, str],
            received_at: datetime) -> None:
    """The files' records and current slices (``Warehouse._accept``), from the batch relation."""
    definition = batch.definition
    kind = definition.record_type
    casts = ", ".join(f'CAST(NULLIF(b."{f.name}", \'\') AS {DUCKDB_TYPES.get(f.type, "VARCHAR")})'
                      for f in definition.fields)
    year = f'b."{definition.year_field}"'
    year = f"CASE WHEN regexp_full_match(left({year}, 4), '[0-9]{{4}}') THEN CAST(left({year}, 4) AS INTEGER) END"
    value_table(con, "bulk_receipts", {"_f": [c.index for c in files],
                                       "receipt": [receipts[id(c)] for c in files]})
    con.execute(f"INSERT INTO {records_table(kind)} SELECT r.receipt, b._l, {casts} FROM {batch.table} b "
                f"JOIN bulk_receipts r ON r._f = b._f ORDER BY b._f, b._l")
    con.execute(f"INSERT OR REPLACE INTO current_slices SELECT DISTINCT '{kind}', b.kode_desa, {year}, "
                f"r.receipt, ?::TIMESTAMPTZ FROM {batch.table} b JOIN bulk_receipts r ON r._f = b._f",
                [received_at])
