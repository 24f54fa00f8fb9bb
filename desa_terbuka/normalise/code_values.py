"""What the values of a table's code columns say about the record type.

A bare "KODE" heading is the kode rekening of an APBDes and the kode kegiatan of a kegiatan list
alike; the cells decide. Each code field's shape is its schema pattern (``schemas/*.json``,
Permendagri 20/2018: rekening 4.x/5.x/6.x, kegiatan 1-5.x.xx), read after the other systems' ways
of writing it (``code_formats`` in ``datasets/<type>.yaml``): a reading whose code column holds
codes of another shape ("4.1.2.01" as a kode kegiatan) is the wrong type.
"""

from __future__ import annotations

import re
from typing import Protocol

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.reference import accounts, activities
from desa_terbuka.core.text import Text, ranges
from desa_terbuka.normalise.belanja_bidang import NAME_CUTOFF, name_likeness
from desa_terbuka.normalise.context import add_column
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.name_span import column_letter
from desa_terbuka.normalise.values import read_code

SAMPLE_ROWS = 40


class HeaderLike(Protocol):
    """What this module reads of ``headings.Header``."""

    columns: dict[int, str]
    row_index: int


def code_fit(table: RawTable, header: HeaderLike, definition: DatasetDefinition) -> float:
    """How well the reading's code columns hold codes of their field's shape: each code-like cell
    (beginning with a digit) counts 1 when it is a code of its column's field, 1/2 when it is one
    of the type's other code fields (a kegiatan heading row "01.01.01." in an APBDes' code
    column), else 0. The worst column counts; 1.0 when no column or cell gives evidence."""
    shares = [(own + other / 2) / seen for own, other, seen in _column_counts(table, header, definition)]
    return min(shares, default=1.0)


def holds_own_codes(table: RawTable, header: HeaderLike, definition: DatasetDefinition) -> bool:
    """False when a code column holds code-like cells and not one is a code of its own field
    (a "Kode Rek." over "01.01.01." only: kegiatan codes, not one rekening): the heading word
    named the wrong type; the cells decide. A mixed column (account lines under kegiatan heading
    rows, a Penjabaran) holds its own codes."""
    return all(own or seen < 2 for own, _, seen in _column_counts(table, header, definition))


def _column_counts(table: RawTable, header: HeaderLike, definition: DatasetDefinition):
    """Per code column with evidence: (cells of its own field's shape, of another code field's
    shape, code-like cells seen)."""
    codes = {f.name: f.constraints["pattern"] for f in definition.fields
             if f.constraints.get("pattern") and f.name != "kode_desa"}
    for col, name in header.columns.items():
        if name not in codes:
            continue
        own = other = seen = 0
        for row in table.rows[header.row_index + 1:header.row_index + 1 + SAMPLE_ROWS]:
            text = clean_text(row[col]) if col < len(row) else ""
            if not text[:1].isdigit():
                continue
            code, _ = read_code(definition, name, text)
            if not code:
                continue  # "0.0.00": written as no code
            seen += 1
            if re.fullmatch(codes[name], code) and not named_bidang(code, row):
                own += 1
            elif any(re.fullmatch(pattern, read_code(definition, o, text)[0])
                     for o, pattern in codes.items() if o != name):
                other += 1
        if seen:
            yield own, other, seen


def named_bidang(code: str, row: list) -> bool:
    """True when a 1-2 level code ("4", "4.2") is written beside the name of that bidang or
    sub-bidang of reference/bidang_kegiatan.csv and not beside the name of the account of that code
    ("4 | BIDANG PEMBERDAYAAN MASYARAKAT DESA", "4.2 | Pertanian dan Peternakan"): the tree of a
    kegiatan report (Permendagri 20/2018 Laporan Realisasi Kegiatan, headed "Kode Rekening"), not
    account 4 Pendapatan."""
    if code.count(".") > 1 or (activity := activities().get(code)) is None:
        return False
    account = accounts().get(code)
    for cell in row:
        text = clean_text(cell)
        if not text or text[:1].isdigit():
            continue
        as_bidang = name_likeness(text, activity.uraian)
        as_account = name_likeness(text, account.uraian) if account else 0.0
        if as_bidang >= NAME_CUTOFF and as_bidang > as_account:
            return True
    return False


def said_bidang_codes(table: RawTable, header: HeaderLike, definition: DatasetDefinition) -> list[tuple]:
    """Rows of the kode rekening column whose code is an account ("4", "4.2") but whose name is the
    bidang or sub-bidang of that code ("Pertanian dan Peternakan" on 4.2 Pendapatan Transfer): a
    kegiatan tree read as an APBDes (forced, or beside true account lines) would book bidang 4 as
    income. Said (a warning, code, row, field, params), never silent."""
    col = next((c for c, name in header.columns.items() if name == "kode_rekening"), None)
    if col is None:
        return []
    found = []
    for index in range(header.row_index + 1, len(table.rows)):
        row = table.rows[index]
        code, _ = read_code(definition, "kode_rekening", row[col] if col < len(row) else "")
        if code and code in accounts() and named_bidang(code, row):
            found.append((table.row_numbers[index], code, row))
    if not found:
        return []
    number, code, row = found[0]
    written = next(t for c in row if (t := clean_text(c)) and not t[:1].isdigit()
                   and name_likeness(t, activities()[code].uraian) >= NAME_CUTOFF)
    return [("bidang-code-as-account", number, "kode_rekening", {
        "rows": ranges([n for n, _, _ in found]), "kode": code, "written": written,
        "bidang": activities()[code].uraian, "chart": accounts()[code].uraian})]


def codes_in_names(table: RawTable, header: HeaderLike, definition: DatasetDefinition,
                   sample: int = 20) -> set[str]:
    """Code fields (``code_in_name``) no column holds whose name column's cells often begin
    with a code ("2.3.10 Pengerasan Jalan"): the name column holds the code too."""
    found = set()
    mapped = {name: col for col, name in header.columns.items()}
    for code_field, name_field in (definition.config.get("code_in_name") or {}).items():
        col = mapped.get(name_field)
        if code_field in mapped or col is None:
            continue
        cells = [text for row in table.rows[header.row_index + 1:header.row_index + 1 + sample]
                 if col < len(row) and (text := clean_text(row[col]))]
        coded = sum(1 for text in cells if _code_and_name(definition, code_field, text))
        # a third: a report's heading and total rows ("I. PENDAPATAN", "JUMLAH") carry no code;
        # a form read as one row (a RAB's "Kegiatan : 02.03.10. …") has one cell to tell
        if coded >= min(2, len(cells)) and coded * 3 >= len(cells):
            found.add(code_field)
    return found


def _code_and_name(definition: DatasetDefinition, code_field: str, text: str) -> bool:
    """A cell that begins with a code of the field's shape, of more than one level ("4.2.1.01 -
    Dana Desa", not "2 unit sumur"), and goes on with a name."""
    code, rest = read_code(definition, code_field, text)
    pattern = definition.field(code_field).constraints.get("pattern")
    return bool(rest and "." in code and (not pattern or re.fullmatch(pattern, code)))


def split_codes_in_names(table: RawTable, header: HeaderLike, definition: DatasetDefinition,
                         codes_in_names: set[str]) -> dict[str, list[int]]:
    """No column holds the code but the name cells begin with it (``code_in_name``: "4.2.1.01 -
    Dana Desa"): the code becomes a column of its own and the name keeps the rest (in place),
    before the report rows are read, so that headings, subtotals and template lines are read as
    in a file with a code column. Returns each code field so made -> the source rows split."""
    split = {}
    for code_field, name_field in (definition.config.get("code_in_name") or {}).items():
        col = next((c for c, name in header.columns.items() if name == name_field), None)
        if code_field not in codes_in_names or code_field in header.columns.values() or col is None:
            continue
        codes, pattern = {}, definition.field(code_field).constraints.get("pattern") or ".*"
        for index in range(header.row_index + 1, len(table.rows)):
            row = table.rows[index]
            code, rest = read_code(definition, code_field, row[col] if col < len(row) else "")
            if code and rest and re.fullmatch(pattern, code):
                codes[index] = code
                table.rows[index] = row = list(row)
                row[col] = rest
        if codes:
            add_column(table, header, code_field, codes)
            split[code_field] = [table.row_numbers[index] for index in codes]
    return split


def said_split(split: dict[str, list[int]], definition: DatasetDefinition) -> list[tuple]:
    """The information findings (code, row, field, params) of ``split_codes_in_names``."""
    pairs = definition.config.get("code_in_name") or {}
    return [("value-derived", rows[0], field, {
        "rows": ranges(rows),
        "reason": Text(f"dari awal sel {pairs[field]} (kodenya dipisah dari nama)",
                       f"from the start of the {pairs[field]} cell (code split from the name)")})
        for field, rows in split.items()]


def read_unheaded_codes(table: RawTable, header: HeaderLike,
                        definition: DatasetDefinition) -> list[tuple]:
    """A column with an empty heading cell whose cells are codes of a code field no column holds
    (a website table's "4 / 4.1 / 4.1.1" column, its heading cell blank) is that field's column
    (in place): the cells decide, as for a bare "KODE". Returns the information findings (code,
    row, field, params) saying so."""
    mapped = set(header.columns.values())
    heading = table.rows[header.row_index] if header.row_index < len(table.rows) else []
    free = [f for f in definition.fields if f.constraints.get("pattern") and f.name != "kode_desa"
            and f.name not in mapped]
    said = []
    width = max((len(r) for r in table.rows[header.row_index:]), default=0)
    for col in range(width):
        if col in header.columns or (col < len(heading) and clean_text(heading[col])):
            continue
        cells = [text for row in table.rows[header.row_index + 1:header.row_index + 1 + SAMPLE_ROWS]
                 if col < len(row) and (text := clean_text(row[col]))]
        best, best_share = None, 0.0
        for f in free:
            codes = [code for text in cells if text[:1].isdigit() and re.fullmatch(
                f.constraints["pattern"], code := read_code(definition, f.name, text)[0] or "-")]
            # codes of more than one level: a column numbering the rows 1 2 3 is no code column
            dotted = sum(1 for code in codes if "." in code)
            # half: a report's total rows write their labels in the code column ("JUMLAH …")
            share = len(codes) / len(cells) if dotted >= 3 else 0.0
            if share >= 0.5 and share > best_share:  # a tie: the field defined first
                best, best_share = f, share
        if best is not None:
            header.columns[col] = best.name
            free.remove(best)
            example = next(t for t in cells if t[:1].isdigit())
            said.append(("code-column-unheaded", table.row_numbers[header.row_index], best.name,
                         {"column": column_letter(col), "example": example}))
    return said

