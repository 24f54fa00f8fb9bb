"""The run's intake of many files: a window of files at a time, canonical CSVs checked and
staged set-based (``validate/set_check.py``, ``stage/bulk.py``), every other file the per-file
way (``check`` — the tolerant readers, in worker processes — then ``receive``).

Files are staged in layers (``_layers``): each layer holds a village at most once, and a file
comes after the earlier files of its villages, so the cross-dataset gate sees what it would see
file by file, whichever way each file went. A layer's clean files are staged in one transaction
(``stage_batches``); a file the gate has something to say about is received the per-file way,
in the same layer. The outcomes come back in file order, as ``receive_parts`` gives them.
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
from desa_terbuka.validate.set_check import BATCH_FILES, screen, windows

Check = Callable[[Sequence[Submission]], list[list[CheckedSubmission]]]
InScope = Callable[[list[str]], bool]  # a file's villages -> in the run's --village scope


def intake(warehouse: Warehouse, submissions: Sequence[Submission], check: Check, reports: Reports,
           record_type: str | None = None, in_scope: InScope = lambda villages: True,
           window: int = BATCH_FILES,
           on_done: Callable[[int], None] | None = None) -> list[SubmissionOutcome]:
    """Check and stage every file, a window of at most ``window`` files (and the bytes the
    memory budget allows, ``set_check.windows``) at a time; outcomes in file order (a file
    outside the scope is neither staged nor reported, as in ``check_submissions``)."""
    outcomes: list[SubmissionOutcome] = []
    for chunk in windows(submissions, window):
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
    _check(check, list(screened.rest), position, checked)
    bulk = {position[id(c.submission)]: (b, c) for b in screened.batches for c in b.clean}
    results: dict[int, list[SubmissionOutcome]] = {}
    try:
        for layer in _layers(chunk, bulk, checked):
            items = [bulk[k] for k in layer if k in bulk and in_scope(bulk[k][1].villages)]
            staged, back = stage_batches(warehouse, items, datetime.now(timezone.utc))
            for c, outcome in staged:
                results[position[id(c.submission)]] = [outcome]
            _check(check, [c.submission for c in back], position, checked)
            for k in [k for k in layer if k in checked]:
                parts = checked[k]
                if any(in_scope(p.villages) for p in parts):
                    results[k] = receive_parts(warehouse, parts, reports)
    finally:
        for batch in screened.batches:
            con.execute(f"DROP TABLE IF EXISTS {batch.table}")
    return [o for k in sorted(results) for o in results[k]]


def _layers(chunk: list[Submission], bulk: dict, checked: dict[int, list[CheckedSubmission]]) -> list[list[int]]:
    """File positions in staging layers: a file comes one layer after the latest earlier file
    sharing a village with it, so each layer holds a village at most once and every file is
    staged after the earlier files of its villages, as file by file."""
    latest: dict[str, int] = {}
    out: list[list[int]] = []
    for k in range(len(chunk)):
        villages = bulk[k][1].villages if k in bulk else sorted(
            {v for p in checked.get(k, []) for v in p.villages})
        layer = 1 + max((latest.get(v, -1) for v in villages), default=-1)
        for v in villages:
            latest[v] = layer
        while len(out) <= layer:
            out.append([])
        out[layer].append(k)
    return out


def _check(check: Check, subs: list[Submission], position: dict[int, int],
           checked: dict[int, list[CheckedSubmission]]) -> None:
    if subs:
        for sub, parts in zip(subs, check(subs)):
            checked[position[id(sub)]] = parts
