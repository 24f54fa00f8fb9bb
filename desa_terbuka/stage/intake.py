"""The run's intake of many files: a window of files at a time, canonical CSVs checked and
staged set-based (``validate/set_check.py``, ``stage/bulk.py``), every other file the per-file
way (``check`` — the tolerant readers, in worker processes — then ``receive``).

Within a window the two ways never share a village: a canonical file of a village that also has
a file going the per-file way goes that way too, so that every village's files are staged in
file order by one path, and the cross-dataset gate sees what it would see file by file. The
outcomes come back in file order, as ``receive_parts`` gives them.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable, Sequence

from desa_terbuka.collect.base import Submission
from desa_terbuka.stage.bulk import stage_batches
from desa_terbuka.stage.outcome import SubmissionOutcome
from desa_terbuka.stage.receive import Reports, receive_parts
from desa_terbuka.stage.warehouse import Warehouse
from desa_terbuka.validate.check import CheckedSubmission
from desa_terbuka.validate.set_check import BATCH_FILES, screen

Check = Callable[[Sequence[Submission]], list[list[CheckedSubmission]]]
InScope = Callable[[list[str]], bool]  # a file's villages -> in the run's --village scope


def intake(warehouse: Warehouse, submissions: Sequence[Submission], check: Check, reports: Reports,
           record_type: str | None = None, in_scope: InScope = lambda villages: True,
           window: int = BATCH_FILES,
           on_done: Callable[[int], None] | None = None) -> list[SubmissionOutcome]:
    """Check and stage every file, ``window`` files at a time; outcomes in file order (a
    file outside the scope is neither staged nor reported, as in ``check_submissions``)."""
    outcomes: list[SubmissionOutcome] = []
    for start in range(0, len(submissions), window):
        chunk = list(submissions[start:start + window])
        outcomes += _window(warehouse, chunk, check, reports, record_type, in_scope)
        if on_done:
            on_done(len(chunk))
    return outcomes


def _window(warehouse: Warehouse, chunk: list[Submission], check: Check, reports: Reports,
            record_type: str | None, in_scope: InScope) -> list[SubmissionOutcome]:
    con = warehouse.con
    screened = screen(con, chunk, record_type)
    position = {id(s): k for k, s in enumerate(chunk)}
    checked: dict[int, list[CheckedSubmission]] = {}
    slow = list(screened.rest)
    _check(check, slow, position, checked)
    slow_villages = {v for parts in checked.values() for p in parts for v in p.villages}
    results: dict[int, list[SubmissionOutcome]] = {}
    try:
        items = sorted(((b, c) for b in screened.batches for c in b.clean),
                       key=lambda item: position[id(item[1].submission)])
        moved = [c for _, c in items if set(c.villages) & slow_villages]
        keep = [(b, c) for b, c in items if c not in moved and in_scope(c.villages)]
        staged, back = stage_batches(warehouse, keep, datetime.now(timezone.utc))
        for c, outcome in staged:
            results[position[id(c.submission)]] = [outcome]
        _check(check, [c.submission for c in moved + back], position, checked)
    finally:
        for batch in screened.batches:
            con.execute(f"DROP TABLE IF EXISTS {batch.table}")
    for k in sorted(checked):
        parts = checked[k]
        if any(in_scope(p.villages) for p in parts):
            results[k] = receive_parts(warehouse, parts, reports)
    return [o for k in sorted(results) for o in results[k]]


def _check(check: Check, subs: list[Submission], position: dict[int, int],
           checked: dict[int, list[CheckedSubmission]]) -> None:
    if subs:
        for sub, parts in zip(subs, check(subs)):
            checked[position[id(sub)]] = parts
