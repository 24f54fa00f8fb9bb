"""A long name wrapped onto the next row continues the line above.

A PDF copied to Excel (and many printed forms) breaks a long kegiatan name or uraian over two
rows: the second row holds only the rest of the name, every other cell empty. Read as a line of
its own it would lack its amount (an error inviting the operator to type the amount twice) or be
dropped, cutting the published name short. Such a row is joined to the name above it, and said.

A row is a continuation only when nothing else explains it: it has no code, amount or date; the
row above is a data line holding a required value this row lacks (so, alone, it could never be a
valid record); and its text is not a total, a section heading (a name of the chart of accounts or
of the bidang/kegiatan list, a numbered or an upper-case heading under a mixed-case name), a
signature or a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.core.reference import accounts, activities
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.lines import NOTE, PAGE, SIGNATURE, total_label

# "A. Pendapatan", "II. BELANJA", "2. Kesehatan", "1) Bidang …": a numbered heading of its own
_NUMBERED = re.compile(r"^([a-z]|[ivx]+|\d+)\s*[.)]\s+\S", re.IGNORECASE)
# "1.1.01 Penyediaan …", "[4.2.1] Dana Desa", "Kegiatan 02.03.10 - …": a code in the name, a line
# (or a heading) of its own
_CODED = re.compile(r"^[\[(]?\d+(\s?\.\s?\d+)+\.?[\])]?(\s|$)|\b\d+\.\d+\.\d+\b")


@dataclass
class Wrapped:
    """The name field continued and the source rows joined to the line above (falsy: none)."""

    name: str = ""
    rows: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.rows)


def _known_names(definition: DatasetDefinition) -> set[str]:
    """Names a heading row carries: the chart's, the bidang/kegiatan list's, declared section words."""
    rows = definition.config.get("report_rows") or {}
    names = {normalise_heading(a.uraian) for a in accounts().values()}
    names |= {normalise_heading(a.uraian) for a in activities().values()}
    names |= {normalise_heading(w) for words in (rows.get("akun_names") or {}).values() for w in words}
    return names


def _name_column(definition: DatasetDefinition, columns: dict[int, str]) -> int | None:
    for name in (definition.config.get("code_in_name") or {}).values():
        col = next((c for c, n in columns.items() if n == name), None)
        if col is not None:
            return col
    return None


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def join_wrapped_names(table, header, definition: DatasetDefinition, own: set[int]) -> Wrapped:
    """Join continuation rows (below the heading) to the name above, in place."""
    col = _name_column(definition, header.columns)
    if col is None or col not in own:
        return Wrapped()
    required = [c for c, n in header.columns.items() if c in own and c != col
                and definition.field(n).required]
    if not required:
        return Wrapped()
    words = [normalise_heading(w) for w in (definition.config.get("report_rows") or {}).get(
        "total_words", [])]
    levels = [normalise_heading(w) for words in ((definition.config.get("report_rows") or {})
              .get("level_headers") or {}).values() for w in words]
    known = None
    joined: list[int] = []
    keep: list[int] = []
    target = None  # index of the data line the rows below continue
    for index in range(header.row_index + 1, len(table.rows)):
        row = table.rows[index]
        cells = {c: t for c, v in enumerate(row) if (t := clean_text(v))}
        if not cells:
            keep.append(index)
            continue
        text = cells.get(col, "")
        above = table.rows[target] if target is not None else None
        if set(cells) == {col} and above is not None and _continues(text, clean_text(above[col]), words) \
                and any(c < len(above) and clean_text(above[c]) for c in required):
            known = _known_names(definition) if known is None else known
            if not _heading(text, known, levels):
                above[col] = f"{clean_text(above[col])} {text}"
                joined.append(table.row_numbers[index])
                continue
        keep.append(index)
        target = index if set(cells) != {col} and clean_text(row[col] if col < len(row) else "") else None
    if joined:
        wanted = set(range(header.row_index + 1)) | set(keep)
        table.row_numbers = [n for i, n in enumerate(table.row_numbers) if i in wanted]
        table.rows = [r for i, r in enumerate(table.rows) if i in wanted]
    return Wrapped(header.columns[col], joined)


def _heading(text: str, known: set[str], levels: list[str]) -> bool:
    """A heading row of its own: a name of the chart or the bidang list, or "Bidang …",
    "Sub Bidang …" (the declared level words), whatever follows."""
    words = normalise_heading(text)
    return words in known or any(words == w or words.startswith(w + " ") for w in levels)


def _continues(text: str, above: str, words: list[str]) -> bool:
    """``text`` could be the rest of the name ``above``: no total, heading, signature or note."""
    if not above or not re.search(r"[^\W\d_]", text):
        return False
    if total_label([text], words) or SIGNATURE.search(text) or NOTE.search(text) or PAGE.fullmatch(text):
        return False
    if _NUMBERED.match(text) or _CODED.search(text):
        return False
    return not (_upper(text) and not _upper(above))
