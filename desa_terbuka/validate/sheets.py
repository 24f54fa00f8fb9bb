"""Several sheets of one record type in one workbook (a sheet per dusun, per bidang): one table.

Each sheet is read on its own (its title rows give its village, year and stage; its Jumlah rows
are checked against its own lines), then the lines are joined in sheet order, so no sheet's rows
are left unpublished while the others are accepted. Sheets that disagree on village, year or
stage cannot be joined: whose numbers are whose would be a guess, so that is an error.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.records import Records, number_lines
from desa_terbuka.normalise.table_rows import distinct

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def joinable(sheets: list[str | None]) -> bool:
    """Sheets are parts of one table unless their names state different years ("2024" beside
    "2023 lama"): those are versions of the data, one of which is read (``sheet-ignored``)."""
    years = {frozenset(_YEAR.findall(s or "")) for s in sheets}
    years.discard(frozenset())
    return len(years) <= 1


def same_headings(main, other) -> bool:
    """Two heading rows of one table: equal but for at most one heading each way (one sheet's
    extra note column, or a heading blank or misspelt there)."""
    ours, theirs = (({clean_text(h).lower() for h in header.written.values()} - {""})
                    for header in (main, other))
    return len(theirs - ours) <= 1 and len(ours - theirs) <= 1


def lost_heading(main: tuple, other: tuple) -> bool:
    """A sheet lacking a required heading is still a data sheet, not a summary, when its heading
    row is the main sheet's but for one heading, and it has data under a column its heading row
    does not name (a heading left blank or misspelt on one dusun's sheet): read, so its own
    ``missing-column`` blocks instead of its lines going unpublished."""
    (_, _, main_header), (_, table, header) = main, other
    if not same_headings(main_header, header):
        return False
    known = {clean_text(h).lower() for h in main_header.unknown.values()}
    mapped = set(header.columns) | set(header.context)
    rows = table.rows[header.row_index + 1:]
    for col in range(max((len(r) for r in rows), default=0)):
        if col in mapped or clean_text(header.unknown.get(col, "")).lower() in known - {""}:
            continue
        if sum(1 for r in rows if col < len(r) and clean_text(r[col])) >= 1:
            return True
    return False


def identity(records: Records, year_of) -> tuple:
    """What a sheet's lines are attributed to: villages, years and stages."""
    definition = records.definition
    years = {year_of({definition.year_field: v}, definition)
             for v in distinct(records.rows, definition.year_field)}
    stages = distinct(records.rows, "tahap") if "tahap" in definition.field_names else set()
    return (frozenset(v for v in distinct(records.rows, "kode_desa") if v),
            frozenset(y for y in years if y), frozenset(s for s in stages if s))


def combined(pieces: list[Records], year_of) -> Records:
    """The lines of every sheet in sheet order, numbered again per village and year (``baris``);
    the first sheet's table stands for the workbook."""
    first = pieces[0]
    rows = [dict(row) for piece in pieces for row in piece.rows]
    numbers = [n for piece in pieces for n in piece.row_numbers]
    sources = {k: v for piece in reversed(pieces) for k, v in piece.sources.items()}
    merged = replace(first, rows=rows, row_numbers=numbers, findings=[], sources=sources,
                     reported_cells=set(), extras={}, typed_text={})
    number_lines(merged, year_of)
    return merged


def sheet_findings(file: str, pieces: list[Records], year_of) -> list[Finding]:
    """The combination said as information; sheets that disagree on whose lines they hold, and
    lines repeated on another sheet, as errors."""
    kind = pieces[0].definition.record_type
    sheets = [p.table.sheet or "" for p in pieces]
    counts = ", ".join(f"'{s}' ({len(p.rows)})" for s, p in zip(sheets, pieces))
    first = pieces[0].table.sheet
    found = [Finding("sheets-combined", file, first, None, None, None, params={
        "reason": kind, "sheets": counts, "count": len(pieces),
        "rows": sum(len(p.rows) for p in pieces)})]
    identities = [identity(p, year_of) for p in pieces]
    if len(set(identities)) > 1:
        said = "; ".join(f"'{s}': " + " / ".join(", ".join(sorted(map(str, part))) or "-"
                                                 for part in ident)
                         for s, ident in zip(sheets, identities))
        found.append(Finding("sheets-disagree", file, first, None, None, None,
                             params={"reason": kind, "sheets": said}))
    found += _repeated_lines(file, pieces)
    return found


def _repeated_lines(file: str, pieces: list[Records]) -> list[Finding]:
    """A line identical in every field to a line of an earlier sheet counts its amounts twice
    (identical lines within one sheet are that sheet's own ``duplicate-row``)."""
    names = [f.name for f in pieces[0].definition.input_fields]
    seen: dict[tuple, tuple[str, int]] = {}
    found = []
    for piece in pieces:
        sheet = piece.table.sheet or ""
        mine: dict[tuple, tuple[str, int]] = {}
        for row, number in zip(piece.rows, piece.row_numbers):
            key = tuple(row.get(n, "") for n in names)
            if key in seen:
                other, at = seen[key]
                found.append(Finding("duplicate-row", file, piece.table.sheet, number, None, None,
                                     params={"reason": Text(f"{at} di lembar '{other}'",
                                                            f"{at} of sheet '{other}'")}))
            else:
                mine.setdefault(key, (sheet, number))
        seen.update(mine)
    return found
