"""Set-based intake of many canonical CSVs: one DuckDB ``read_csv`` over a batch of files, every
check once over the batch relation, the files told apart by a file column (``_f``).

The batch path decides one thing per file: that the per-file path (``check.check_parts``) would
find nothing at all in it. Each check here is the per-file check's own SQL (``sql_schema``,
``sql_expectations``, ``codes``) or predicate (personal data, executable cells, the normaliser's
cell functions, once per distinct value over the batch), run over all files at once; a check
that flags a row flags its file. The SQL is a superset screen: a file it flags (a finding, a
cell the normaliser would rewrite, a duplicate across files, anything it cannot prove) goes to
the per-file path, whose findings are the reference. So the findings are the same either way
(tests/unit/test_set_check.py), and the clean majority never becomes Python rows: its records
are staged from the batch relation by ``INSERT … SELECT`` (``stage/bulk.py``).
The screens over the batch relation are in ``set_flags``; its cells' SQL in ``set_cells``.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterator, Sequence

import duckdb

from desa_terbuka.collect import base
from desa_terbuka.collect.base import RawTable, Submission
from desa_terbuka.collect.csv_text import FIELD_LIMIT
from desa_terbuka.core.definitions import DatasetDefinition, definitions
from desa_terbuka.core.findings import Finding, capped, order
from desa_terbuka.normalise import canonical
from desa_terbuka.normalise.record_type import ranked
from desa_terbuka.normalise.records import normalise
from desa_terbuka.validate import check
from desa_terbuka.validate.set_cells import Cells, cell_sql, flags as _flags, odd_cells, reading_notes
from desa_terbuka.validate.set_flags import check_flags, context_flags, derive_batch, year_sql
from desa_terbuka.validate.personal_data import redacted
from desa_terbuka.validate.relation import literal, quote, value_table

BATCH_FILES = 3000  # files per window: the ~20 statements of a batch cost ~0.2 s whatever its size
TEXT_SHARE = 4  # a window's CSV text: a quarter of the budget above a process at rest (measured:
#                 peak RSS grows ~1 MB per MB of a window's text; the rest is room for DuckDB's copies)

@dataclass
class CleanFile:
    """A file the batch proved finding-free: its place in the batch relation and its slices."""

    submission: Submission
    index: int  # _f
    rows: int
    villages: list[str]
    years: list[int]
    slices: list[tuple[str, int | None]]
    findings: list[Finding] = field(default_factory=list)  # the per-file path's, in its order


@dataclass
class Batch:
    """One record type's files read together: ``table`` (in the caller's connection) holds
    ``_f, _i, _l`` (the operator's line) and every schema field as canonical text."""

    definition: DatasetDefinition
    table: str
    clean: list[CleanFile] = field(default_factory=list)


@dataclass
class Screened:
    batches: list[Batch] = field(default_factory=list)
    rest: list[Submission] = field(default_factory=list)  # for the per-file path


_TABLES = itertools.count()


def screen(con: duckdb.DuckDBPyConnection, submissions: list[Submission],
           record_type: str | None = None, today: date | None = None) -> Screened:
    """Read the canonical CSVs among ``submissions`` in batches and keep those with no finding;
    every other file is in ``rest`` (in the order given)."""
    out = Screened()
    today = today or date.today()
    candidates = [definitions()[record_type]] if record_type else list(definitions().values())
    groups: dict[tuple, list[Submission]] = {}
    rest: set[int] = set()
    place = {id(s): k for k, s in enumerate(submissions)}
    for position, sub in enumerate(submissions):
        found = canonical.canonical_header(sub.path, candidates) if canonical_enabled() else None
        if found is None or not _plain_file(sub.path, found[0], found[1]):
            rest.add(position)
            continue
        groups.setdefault((found[0].record_type, tuple(found[1])), []).append(sub)
    for (kind, names), subs in groups.items():
        for chunk in windows(subs):
            batch, flagged = _screen_chunk(con, definitions()[kind], list(names), chunk, today)
            if batch is not None:
                out.batches.append(batch)
            rest.update(place[id(s)] for s in flagged)
    out.rest = [submissions[p] for p in sorted(rest)]
    return out


def windows(submissions: Sequence[Submission], files: int = BATCH_FILES,
            text_bytes: int | None = None) -> Iterator[list[Submission]]:
    """``submissions`` in order, cut into windows of at most ``files`` files and ``text_bytes``
    bytes of file (``window_bytes``); a file larger than that is a window of its own."""
    limit = window_bytes() if text_bytes is None else text_bytes
    window: list[Submission] = []
    size = 0
    for sub in submissions:
        if window and (len(window) >= files or size + sub.size > limit):
            yield window
            window, size = [], 0
        window.append(sub)
        size += sub.size
    if window:
        yield window


def window_bytes(budget_mb: int | None = None) -> int:
    """Bytes of CSV one window reads: ``TEXT_SHARE`` of the memory budget above a process at rest."""
    budget = base.memory_budget_mb() if budget_mb is None else budget_mb
    return max(1, budget - base.PROCESS_MB) * 2**20 // TEXT_SHARE


def canonical_enabled() -> bool:
    return check.FAST_PATH  # tests switch it off: then every file goes the tolerant way


def _plain_file(path: Path, definition: DatasetDefinition, names: list[str]) -> bool:
    """``read_canonical``'s file-level conditions (size, plain UTF-8 text, line length, a code first)."""
    size = path.stat().st_size
    if not 0 < size <= min(base.MAX_FILE_BYTES, base.MAX_TEXT_CHARS) or not canonical._plain_text(path):
        return False
    if size > FIELD_LIMIT and canonical.lines_within(path, FIELD_LIMIT) is None:
        return False
    own = _own(definition, names)
    first = definition.field(names[0])
    return names[0] in own and first.required and "pattern" in first.constraints


def _own(definition: DatasetDefinition, names: list[str]) -> list[str]:
    inputs = {f.name for f in definition.input_fields}
    return [n for n in names if n in inputs]


def _screen_chunk(con, definition: DatasetDefinition, names: list[str], subs: list[Submission],
                  today: date) -> tuple[Batch | None, list[Submission]]:
    """The chunk's batch (None when nothing in it is clean) and the files it flags."""
    raw = "batch_raw"
    columns = "{'_f': 'INTEGER', " + ", ".join(f"{literal(n)}: 'VARCHAR'" for n in names) + "}"
    handle, name = tempfile.mkstemp(suffix=".csv", prefix="desa-batch-")
    try:
        with os.fdopen(handle, "wb") as out:
            lines, odd = _combine(subs, out)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {raw} AS SELECT * FROM read_csv(?, header=true, "
                    f"columns={columns}, auto_detect=false, delim=',', quote='\"', escape='\"', "
                    "strict_mode=true, encoding='utf-8', null_padding=false)", [name])
    except duckdb.Error:  # a ragged file: halve until it is alone
        if len(subs) == 1:
            return None, subs
        half = len(subs) // 2
        first, bad_a = _screen_chunk(con, definition, names, subs[:half], today)
        second, bad_b = _screen_chunk(con, definition, names, subs[half:], today)
        return _merge(con, definition, first, second, len(subs[:half])), bad_a + bad_b
    finally:
        os.unlink(name)
    value_table(con, "batch_files", {"_f": list(range(len(subs))), "_lines": lines})
    bad: set[int] = set(odd)
    own = _own(definition, names)
    con.execute(f"CREATE OR REPLACE TEMP TABLE batch_rawf AS SELECT _f, rowid AS _r, * EXCLUDE (_f) FROM {raw}")
    con.execute(f"DROP TABLE {raw}")
    raw = "batch_rawf"
    bad |= _flags(con, f"SELECT f._f FROM batch_files f LEFT JOIN (SELECT _f, count(*) AS n FROM {raw} "
                       f"GROUP BY _f) c USING (_f) WHERE coalesce(c.n, 0) = 0 OR c.n + 1 <> f._lines "
                       f"OR c.n > {int(base.MAX_ROWS)}")
    bad |= _flags(con, f"SELECT DISTINCT _f FROM {raw} WHERE NOT ({canonical._rows_sql(definition, own)})")
    cells = odd_cells(con, raw, definition, own)
    bad |= cells.flagged
    header = _header_findings(definition, names, subs[0].path)
    if header is None:
        con.execute(f"DROP TABLE {raw}")
        return None, subs
    notes = reading_notes(con, raw, definition, cells, subs)
    table = _table(con, raw, definition, own, cells)
    bad |= context_flags(con, table, definition, names, subs)
    derived, flagged = derive_batch(con, table, definition, own, subs)
    bad |= flagged
    bad |= check_flags(con, table, definition, names, today)
    clean = [CleanFile(s, k, 0, [], [], []) for k, s in enumerate(subs) if k not in bad]
    if not clean:
        con.execute(f"DROP TABLE {table}")
        return None, subs
    for c in clean:
        file = str(c.submission.path)
        found = order([replace(f, file=file) for f in header] + notes.get(c.index, [])
                      + derived.get(c.index, []))
        c.findings = [redacted(f) for f in capped(found)]  # as ``check_parts`` reports them
    _describe(con, table, definition, clean)
    return Batch(definition, table, clean), [s for k, s in enumerate(subs) if k in bad]


def _combine(subs: list[Submission], out) -> tuple[list[int], set[int]]:
    """The files' lines as one CSV, each line led by its file's number (one ``read_csv`` of one
    file is ~50 times faster than of a thousand small ones); the physical lines of each file,
    and the files left out (CR line ends, blank lines, not UTF-8: the per-file path decides)."""
    lines, odd = [], set()
    out.write(b"_f," + subs[0].path.read_bytes().partition(b"\n")[0] + b"\n")
    for k, sub in enumerate(subs):
        data = sub.path.read_bytes()
        lines.append(data.count(b"\n") + (not data.endswith(b"\n")))
        _, _, body = data.partition(b"\n")
        if b"\r" in data or b"\n\n" in body or not _utf8(data):
            odd.add(k)
            continue
        if not body:
            continue
        if not body.endswith(b"\n"):
            body += b"\n"
        prefix = b"%d," % k
        out.write(prefix + body[:-1].replace(b"\n", b"\n" + prefix) + b"\n")
    return lines, odd


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _merge(con, definition, first: Batch | None, second: Batch | None, offset: int) -> Batch | None:
    """Two halves' batches as one table (the second's file numbers shifted by ``offset``)."""
    if first is None or second is None:
        if second is not None:
            con.execute(f"UPDATE {second.table} SET _f = _f + {offset}")
            for c in second.clean:
                c.index += offset
        return first or second
    shift = con.execute(f"SELECT count(*) FROM {first.table}").fetchone()[0]
    con.execute(f"INSERT INTO {first.table} SELECT * REPLACE (_f + {offset} AS _f, _i + {shift} AS _i) "
                f"FROM {second.table}")
    con.execute(f"DROP TABLE {second.table}")
    for c in second.clean:
        c.index += offset
    return Batch(definition, first.table, first.clean + second.clean)


def _header_findings(definition: DatasetDefinition, names: list[str], path: Path) -> list | None:
    """None when the heading row itself gives a finding or is read with an interpretation."""
    heading = RawTable(str(path), None, [list(names)], [1], encoding="utf-8", delimiter=",")
    found = ranked([heading], [definition])
    if not found:
        return None
    header = found[0][3]
    if set(header.columns.values()) != set(_own(definition, names)) or header.interpreted or header.duplicates:
        return None
    records = normalise(heading, definition, header, own=set(header.columns), skipped={})
    if any(f.code == "missing-column" for f in records.findings):
        return None
    return records.findings


def _table(con, raw: str, definition: DatasetDefinition, own: list[str], cells: Cells) -> str:
    """The batch relation: every field as the text the fast path gives ('' when empty),
    ``baris`` numbered per file, village and year (``records.number_lines``)."""
    year = year_sql(definition, quote(definition.year_field))
    found = cells
    cells = []
    for name in definition.field_names:
        if name == "baris":  # numbered whatever the file wrote, as ``number_lines`` does
            cells.append(f"CAST(row_number() OVER (PARTITION BY _f, coalesce(kode_desa, ''), {year} "
                         f"ORDER BY _r) AS VARCHAR) AS baris")
        else:
            cells.append(f"{cell_sql(definition, name, own, found)} AS {quote(name)}")
    table = f"batch_rows_{next(_TABLES)}"
    # ``_r`` (the read's rowid) numbers the lines 0.. in file order and the files come in order,
    # so it is the batch position itself and a line's place in its file is its distance from the
    # file's first: two fewer sorts than numbering both with row_number()
    con.execute(f"CREATE TEMP TABLE {table} AS SELECT _f, CAST(_r AS BIGINT) AS _i, "
                f"CAST(_r - min(_r) OVER (PARTITION BY _f) + 2 AS INTEGER) AS _l, "
                f"{', '.join(cells)} FROM {raw}")
    con.execute(f"DROP TABLE {raw}")
    return table


def _describe(con, table: str, definition: DatasetDefinition, clean: list[CleanFile]) -> None:
    """Rows, villages, years and slices of the clean files (``CheckedSubmission``'s properties)."""
    year = year_sql(definition, quote(definition.year_field))
    by_index = {c.index: c for c in clean}
    for f, kode, found, n in con.execute(
            f"SELECT _f, kode_desa, {year} AS y, count(*) FROM {table} GROUP BY ALL ORDER BY 1, 2, 3").fetchall():
        c = by_index.get(f)
        if c is None:
            continue
        c.rows += n
        c.slices.append((kode, found))
        if kode and kode not in c.villages:
            c.villages.append(kode)
        if found and found not in c.years:
            c.years.append(found)
    for c in clean:
        c.villages.sort()
        c.years.sort()

