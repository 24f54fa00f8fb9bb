"""A name heading written over the code columns too: OpenSID's realisation report heads code and
name with one "Uraian" (merged over two columns, or written once with the cells beside it empty),
and staggers the codes: "4.1." in the first column, its sub-accounts "4.1.2." in the next.

The columns under such a heading that hold codes are the code column (one code per row, wherever
in the span it is written), the rest of the row's text there is the name. Which code belongs to
which name field is declared in ``datasets/<type>.yaml`` (``code_in_name``, ``code_beside_name``).
"""

from __future__ import annotations

import re
from typing import Protocol

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.values import canonical_code



class HeaderLike(Protocol):
    """What this module reads of ``headings.Header`` (which calls it: no import back)."""

    columns: dict[int, str]
    written: dict[int, str]
    context: dict[int, str]
    row_index: int
    name_spans: dict[str, list[int]]
    interpreted: dict[int, tuple[str, str]]

SAMPLE_ROWS = 40


def code_pairs(definition: DatasetDefinition) -> dict[str, str]:
    """Code field -> the name field whose heading may stand over the code too."""
    return {**(definition.config.get("code_beside_name") or {}),
            **(definition.config.get("code_in_name") or {})}


def is_code(definition: DatasetDefinition, code_field: str, text: str) -> bool:
    """A cell that holds a code alone ("4.1.2.", "4."), by the field's schema pattern."""
    pattern = definition.field(code_field).constraints.get("pattern")
    return bool(pattern and text and re.fullmatch(pattern, canonical_code(text)))


def find_name_spans(table: RawTable, header: HeaderLike, definition: DatasetDefinition) -> None:
    """Map a name column's unheaded neighbours that hold codes: the span's first column becomes
    the code field, its second the name field (``header.name_spans`` keeps the span)."""
    width = max((len(r) for r in table.rows), default=0)
    mapped = {name: col for col, name in header.columns.items()}
    for code_field, name_field in code_pairs(definition).items():
        col = mapped.get(name_field)
        if code_field in mapped or col is None:
            continue
        span = [col]
        while span[-1] + 1 < width and span[-1] + 1 not in header.written \
                and span[-1] + 1 not in header.columns and span[-1] + 1 not in header.context:
            span.append(span[-1] + 1)
        if len(span) < 2:
            continue
        codes = []
        rows = table.rows[header.row_index + 1:header.row_index + 1 + SAMPLE_ROWS]
        filled = 0
        for row in rows:
            texts = [clean_text(row[c]) if c < len(row) else "" for c in span]
            if any(texts):
                filled += 1
            codes += [t for t in texts if is_code(definition, code_field, t)][:1]
        dotted = sum(1 for c in codes if "." in c.strip("."))
        # most rows carry a code, and codes of several levels (not a numbering 1, 2, 3)
        if len(codes) >= 2 and len(codes) * 2 >= filled and dotted * 2 >= len(codes):
            header.columns[span[0]] = code_field
            header.columns[span[1]] = name_field
            header.name_spans[code_field] = span


_ROW_NUMBER = re.compile(r"\d{1,3}\.?")


def numbered_names(table: RawTable, header: HeaderLike, definition: DatasetDefinition) -> None:
    """A name heading merged over a running number and the name (OpenSID's "KEGIATAN" over
    1 | Penyediaan …): the name is in the unheaded column to its right, the number is the line's
    number. Said as a heading read (``interpreted``, how ``nomor``)."""
    width = max((len(r) for r in table.rows), default=0)
    mapped = {name: col for col, name in header.columns.items()}
    for name_field in set(code_pairs(definition).values()):
        col = mapped.get(name_field)
        beside = None if col is None else col + 1
        if beside is None or beside >= width or beside in header.written \
                or beside in header.columns or beside in header.context:
            continue
        rows = table.rows[header.row_index + 1:header.row_index + 1 + SAMPLE_ROWS]
        # the rows that write a name beside: the heading's own column numbers them (or is empty)
        pairs = [(clean_text(r[col]), clean_text(r[beside])) for r in rows
                 if beside < len(r) and clean_text(r[beside])]
        numbered = sum(1 for here, there in pairs
                       if _ROW_NUMBER.fullmatch(here) and re.search(r"[A-Za-z]{3}", there))
        # most of them (a report's other sections below may use the columns otherwise)
        if numbered >= 2 and numbered * 4 >= len(pairs) * 3:
            del header.columns[col]
            header.columns[beside] = name_field
            header.interpreted[beside] = (header.written.get(col, ""), "nomor")


def split_name_spans(table: RawTable, header: HeaderLike, definition: DatasetDefinition) -> None:
    """Each data row of a name span (in place): its code (from whichever column of the span holds
    it) in the first column, the rest of its text in the second, the other columns emptied.
    A row with no code keeps a label in the first column ("JUMLAH PENDAPATAN", "4. PENDAPATAN":
    the report rows read it)."""
    for code_field, span in header.name_spans.items():
        for index in range(header.row_index + 1, len(table.rows)):
            row = list(table.rows[index])
            row += [None] * (span[-1] + 1 - len(row))
            texts = [clean_text(row[c]) for c in span]
            at = next((i for i, t in enumerate(texts) if is_code(definition, code_field, t)), None)
            if at is None and texts[0]:
                continue
            code = texts[at] if at is not None else None
            name = " ".join(t for i, t in enumerate(texts) if t and i != at) or None
            row[span[0]], row[span[1]] = code, name
            for c in span[2:]:
                row[c] = None
            table.rows[index] = row


def column_letter(col: int) -> str:
    """The spreadsheet letter of a column index (0 -> A, 26 -> AA)."""
    letters, n = "", col + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
