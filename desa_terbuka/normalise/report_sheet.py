"""Report-shaped sheets: read the line items, use headings for context, check the totals.

Operators often hand in the APBDes as the printed report: heading rows per akun
("4 PENDAPATAN", "5 BELANJA", "6 PEMBIAYAAN"), kelompok/jenis rows ("4.1", "4.1.1"), bidang and
kegiatan headings ("2.2.01 Pemeliharaan Jalan Desa") above their spending lines, total rows
("JUMLAH PENDAPATAN", "SURPLUS/(DEFISIT)"), a row numbering the columns (1 2 3 4 …) and a
signature block. ``reshape`` runs between ``find_header`` and ``normalise``:

- only line items stay in the table; headings, totals, numbering rows and the signature block do
  not become records;
- a line without a kode kegiatan takes it from the kegiatan heading above it (belanja) or is
  ``0.0.00`` (pendapatan, pembiayaan);
- every total (a total row, or a heading row that shows amounts) is kept, and ``check_totals``
  compares it with the sum of its lines after normalisation: a difference is a
  ``subtotal-mismatch`` finding at the total's row.

Which words start a total and which named totals add which accounts is declared in the dataset
definition (``report_rows``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.core.reference import activities
from desa_terbuka.core.text import Text, ranges
from desa_terbuka.normalise.amount_columns import aligned_total, line_columns
from desa_terbuka.normalise.belanja_bidang import bidang_named, bidang_of, name_disagrees
from desa_terbuka.normalise.context import add_column
from desa_terbuka.normalise.lines import total_label, total_word
from desa_terbuka.normalise.level_columns import level_columns, level_row
from desa_terbuka.normalise.report_kinds import akun_named as _akun_named
from desa_terbuka.normalise.report_kinds import heading_kind as _heading_kind
from desa_terbuka.normalise.report_totals import total_scopes
from desa_terbuka.normalise.formats import (
    FormatError,
    clean_text,
    read_number,
)
from desa_terbuka.normalise.section_rows import section_labels, section_value
from desa_terbuka.normalise.values import canonical_code

NON_ACTIVITY = ""  # revenue and financing lines take no kegiatan


_LEADING_CODE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$")
# a heading that names its level before its code: "Kegiatan 02.03.10 - Pembangunan Jalan Desa"
_WORDED_CODE = re.compile(r"^(?:kegiatan|keg\.|sub\s*bidang|bidang)\s+(\d{1,2}(?:\.\d{1,2}){1,3})\.?"
                          r"(?:\s*[-–:]\s*|\s+)(\S.*)$", re.IGNORECASE)
# a section numbered in roman or by a letter: "II. BELANJA", "A. REVENUE"
_ROMAN = re.compile(r"^(?:[IVX]+\.?|[A-H]\.)\s+(\S.*)$")


_READABLE = re.compile(r"\d{1,2}(?:\.\d{1,2})*(?:\.\d{2}-\d{2})?")  # '4.1.4.90-99' too
_GROUP = re.compile(r"^(?:[IVX]+\.?\s+|\d\.?\s+)?(?:sub\s*)?bidang\b", re.IGNORECASE)
_LEVELS = {"akun": 1, "bidang": 2, "sub_bidang": 3, "kegiatan": 4}


@dataclass
class Total:
    row: int  # source row number of the total or heading row
    label: str
    cells: dict[str, Any]  # amount field -> raw cell
    columns: dict[str, int]  # amount field -> column index
    scopes: list[tuple[str, dict[int, int]]]  # candidate line sets: (description, row -> sign)


@dataclass
class Shape:
    totals: list[Total] = field(default_factory=list)
    headings: int = 0
    skipped: list[int] = field(default_factory=list)  # source rows not read as records
    blank: list[int] = field(default_factory=list)  # template lines with no amount at all
    shifted: dict[int, int] = field(default_factory=dict)  # total row -> columns its numbers moved
    sources: dict[str, Text] = field(default_factory=dict)
    said: list[tuple] = field(default_factory=list)  # findings (code, row, field, params) to note


@dataclass
class _Block:
    kind: str
    code: str
    level: int
    row: int
    label: str
    cells: dict[str, Any]
    lines: list[int] = field(default_factory=list)


def total_fields(definition: DatasetDefinition) -> list[str]:
    """The fields a total row states: declared (``report_rows.fields``: attendance counts are
    integers), else every number field (amounts)."""
    declared = (definition.config.get("report_rows") or {}).get("fields")
    return list(declared) if declared else [f.name for f in definition.fields if f.type == "number"]


def _siskeudes_activities() -> dict[str, str]:
    return {a.kode_siskeudes.rstrip("."): a.kode for a in activities().values()}


def _code(text: str) -> str:
    return canonical_code(text)


def reshape(table: RawTable, definition: DatasetDefinition, header) -> Shape:
    """Keep only line items in ``table`` (in place) and collect the totals to check."""
    config = definition.config.get("report_rows") or {}
    words = [normalise_heading(w) for w in config.get("total_words", [])]
    named = {normalise_heading(k): v for k, v in (config.get("totals") or {}).items()}
    results = [normalise_heading(w) for w in config.get("result_words", [])]
    by_field = {name: col for col, name in header.columns.items()}
    amounts = {name: by_field[name] for name in total_fields(definition) if name in by_field}
    shape = Shape()
    kept_rows, kept_numbers = table.rows[:header.row_index + 1], table.row_numbers[:header.row_index + 1]
    blocks: list[_Block] = []
    lines: list[int] = []
    line_codes: dict[int, str] = {}
    since_total: list[int] = []
    kegiatan: str | None = None
    akun: str | None = None
    fill: dict[int, str] = {}  # kept row index -> kode kegiatan from the headings
    activity_lines: list[tuple[int, str]] = []  # (row, kode) of kegiatan rows holding their own amounts
    siskeudes = _siskeudes_activities()
    has_rekening = "kode_rekening" in by_field
    labels, section, stated = section_labels(definition), {}, {}  # "SUMBER DANA : DDS": its lines

    def cell(row: list, col: int | None) -> str:
        return clean_text(row[col]) if col is not None and col < len(row) else ""

    def close(level: int) -> None:
        while blocks and blocks[-1].level >= level:
            block = blocks.pop()
            if any(clean_text(v) for v in block.cells.values()):
                shape.totals.append(Total(block.row, block.label, block.cells, amounts,
                                          [(block.label, {n: 1 for n in block.lines})]))

    rows = _survey(table, definition, header, words, siskeudes)
    if read := [r for r in rows if r.level_column is not None]:  # BIDANG | SUB BIDANG columns read as levels
        columns = sorted({r.level_column for r in read})
        shape.said.append(("level-columns-read", read[0].number, None, {
            "columns": ", ".join(f"'{header.unknown.pop(c, header.written.get(c, ''))}'"
                                 for c in columns), "count": len(read)}))
    numbered = line_columns([r.row for r in rows if r.kind is None and r.amount])
    # a chart of accounts filled in part (a Penjabaran template): its lines without any amount
    # are unused lines, as lines worth 0 are, once the sheet has headings and amounts elsewhere
    blank_lines = config.get("zero_lines") == "skip" and any(r.amount for r in rows) and any(
        r.kind not in (None, "total") for r in rows)
    for position, info in enumerate(rows):
        row, number, code, label, amount_cells = info.row, info.number, info.code, info.label, info.cells
        if not info.amount and (said := section_value(" ".join(
                t for t in (clean_text(c) for c in row) if t), labels)):
            section[said[0]] = said[1]
            shape.headings += 1
            shape.skipped.append(number)
            continue
        if info.kind == "group":
            shape.headings += 1  # "BIDANG PELAKSANAAN PEMBANGUNAN DESA", a bidang code alone
            shape.skipped.append(number)
            continue
        if info.kind == "total":
            scopes = total_scopes(info.heading, named, results, line_codes, blocks, since_total,
                                   lines)
            columns = amounts
            if shift := aligned_total(row, amounts, numbered):  # a label spanning two columns
                columns = {name: col + shift for name, col in amounts.items()}
                amount_cells = {name: row[col] for name, col in columns.items()}
                shape.shifted[number] = shift
            shape.totals.append(Total(number, info.first, amount_cells, columns, scopes))
            shape.skipped.append(number)
            since_total = []
            continue
        kind = info.kind
        if kind is not None and info.amount and not _has_lines(rows, position):
            # a heading level with no finer lines under it (a Perdes summary: jenis rows, belanja
            # per bidang) holds the line items itself
            row, kind = _as_line(row, info, akun, by_field), None
            kegiatan_of_line = code if info.kind in _LEVELS and info.kind != "akun" else None
        else:
            kegiatan_of_line = None
        if kind is not None:
            shape.headings += 1
            shape.skipped.append(number)
            level = _level(kind, code, blocks)
            close(level)
            if kind == "akun":
                akun, kegiatan = code, None
            elif kind == "kegiatan":
                kegiatan = code
            elif kind in ("bidang", "sub_bidang"):
                kegiatan = None
            blocks.append(_Block(kind, code, level, number, f"{code} {label}".strip(), amount_cells))
            continue
        if not any(cell(row, col) for col in by_field.values()):
            continue  # text only in ignored columns (a "No" counter): not a record
        if blank_lines and not any(clean_text(v) for v in amount_cells.values()):
            shape.blank.append(number)
            continue
        lines.append(number)
        since_total.append(number)
        if kegiatan_of_line:
            activity_lines.append((number, kegiatan_of_line))
        if has_rekening and not kegiatan_of_line and (chart := name_disagrees(code, label)):
            shape.said.append(("account-name-mismatch", number, "uraian",
                               {"kode": code, "written": label, "chart": chart}))
        for block in blocks:
            block.lines.append(number)
        line_codes[number] = (akun or "5") if kegiatan_of_line else code
        kept_rows.append(row)
        kept_numbers.append(number)
        for name, value in section.items():
            stated.setdefault(name, {})[len(kept_rows) - 1] = value
        line_akun = (akun or "5") if kegiatan_of_line else (code[:1] if code[:1] in ("4", "5", "6") else akun)
        if has_rekening and line_akun:
            fill[len(kept_rows) - 1] = (kegiatan_of_line or kegiatan or "") if line_akun == "5" \
                else NON_ACTIVITY
    close(0)
    table.rows, table.row_numbers = kept_rows, kept_numbers
    per_bidang = any(r.per_bidang for r in rows)  # also in a plain table: '5.2.1 | Pendidikan'
    if (shape.headings or per_bidang or activity_lines) and fill and \
            "kode_kegiatan" in definition.field_names:
        _fill(table, header, fill, by_field.get("kode_kegiatan"), "kode_kegiatan")
    if activity_lines and len(activity_lines) == len(lines):
        # no account line at all: every line is a kegiatan published at the bare belanja root '5'
        # (a kegiatan list read as an APBDes, or a Perdes summary per kegiatan): said, never silent
        numbers = [n for n, _ in activity_lines]
        shape.said.append(("activity-lines-as-spending", numbers[0], "kode_rekening", {
            "rows": ranges(numbers), "example": activity_lines[0][1]}))
    if shape.headings and any(fill.values()) and "kode_kegiatan" in definition.field_names:
        # said only when some line got its kegiatan so (not for a file without kegiatan rows)
        shape.sources["kode_kegiatan"] = Text("baris judul kegiatan di atasnya",
                                              "the activity heading rows above")
        if per_bidang:
            shape.sources["kode_kegiatan"] = Text(
                "kode belanja 5.x yang uraiannya menyebut bidang/sub-bidang (belanja per bidang: "
                "5.2.1 Pendidikan = sub-bidang 2.1, bukan rekening 5.2.1)",
                "belanja codes 5.x whose description names a bidang/sub-bidang (spending per "
                "bidang: 5.2.1 Pendidikan = sub-bidang 2.1, not account 5.2.1)")
    for name, values in stated.items():
        _fill(table, header, values, by_field.get(name), name)
        shape.sources[name] = Text("baris judul bagian di atasnya", "the section heading rows above")
    return shape


@dataclass
class _Row:
    row: list
    number: int
    first: str  # the first filled cell
    heading: str  # ``first`` as a heading is compared
    code: str
    label: str
    cells: dict[str, Any]  # amount field -> raw cell
    amount: bool  # some amount cell holds a number
    kind: str | None  # group, total, a heading kind (akun … rekening) or None (a line)
    per_bidang: bool = False  # a belanja code '5.2.1' read as its sub-bidang by its uraian
    level_column: int | None = None  # the BIDANG / SUB BIDANG column the row was read from


def _survey(table: RawTable, definition: DatasetDefinition, header, words: list[str],
            siskeudes: dict[str, str]) -> list[_Row]:
    """Every filled row below the heading, with what it looks like on its own."""
    by_field = {name: col for col, name in header.columns.items()}
    amounts = {name: by_field[name] for name in total_fields(definition) if name in by_field}
    has_rekening = "kode_rekening" in by_field
    akun_names = (definition.config.get("report_rows") or {}).get("akun_names") or {}
    akun: str | None = None
    bidang: str | None = None  # the bidang a '5.X Bidang …' row was read as (belanja per bidang)
    out: list[_Row] = []

    def cell(row: list, col: int | None) -> str:
        return clean_text(row[col]) if col is not None and col < len(row) else ""

    levels = level_columns(definition, header.written, header.columns)  # BIDANG | SUB BIDANG
    names = [by_field[n] for n in ("uraian", "nama_kegiatan") if n in by_field]
    level_bidang: str | None = None
    for index in range(header.row_index + 1, len(table.rows)):
        row = table.rows[index]
        filled = [t for t in (clean_text(c) for c in row) if t]
        if not filled:
            continue
        if levels and (level := level_row(row, levels, names, level_bidang)):
            kind, code, label = level
            level_bidang = code.split(".")[0]
            cells = {f: row[c] if c < len(row) else None for f, c in amounts.items()}
            out.append(_Row(row, table.row_numbers[index], filled[0], normalise_heading(filled[0]),
                            code, label, cells, any(_numeric(v) for v in cells.values()), kind,
                            level_column=next(c for c in levels if c < len(row) and clean_text(row[c]))))
            continue
        first = filled[0]
        cells = {f: row[c] if c < len(row) else None for f, c in amounts.items()}
        amount = any(_numeric(v) for v in cells.values())
        written = cell(row, by_field.get("kode_rekening"))
        # a label written in the code column ("JUMLAH PENDAPATAN") is no code
        code = _code(written) if written[:1].isdigit() else ""
        if (m := _LEADING_CODE.match(written)) and m[2][:1].isalpha():
            code = m[1]  # "4. PENDAPATAN" in the code column
        kode_kegiatan = _code(cell(row, by_field.get("kode_kegiatan")))
        label = cell(row, by_field.get("uraian")) or first
        if not code and has_rekening and (m := _LEADING_CODE.match(first)):
            code, label = m[1], m[2]
        if not code and has_rekening and (m := _WORDED_CODE.match(first)):
            code, label = m[1], m[2]
        if not code and has_rekening and (m := _ROMAN.match(first)) and \
                (akun_code := _akun_named(m[1], akun_names)):
            code, label = akun_code, m[1]  # "I. PENDAPATAN": the akun of that name
        if not code and has_rekening and not kode_kegiatan and len(filled) - amount <= 1 and \
                (akun_code := _akun_named(first, akun_names)):
            code = akun_code  # "BELANJA" alone: the section heading, though it carries no code
        if not code and not kode_kegiatan and (total := total_label(filled, words)):
            first = total  # "JUMLAH" after the amounts: the total's label, wherever it stands
        heading = normalise_heading(first)
        kind: str | None = None
        per_bidang: str | None = None
        named = None if code or _READABLE.fullmatch(kode_kegiatan) or total_word(first, words) \
            else bidang_named([cell(row, by_field.get("kode_kegiatan")),
                               *(cell(row, c) for c in names), first])
        if named:  # "I | Bidang Pelaksanaan Pembangunan Desa": named, not coded, with its subtotal
            kind, code, label = named
        elif not amount and (_GROUP.match(" ".join(filled)) or (
                not has_rekening and kode_kegiatan.count(".") < 2 and kode_kegiatan)):
            kind = "group"
        elif not code and not kode_kegiatan and total_word(first, words):
            kind = "total"
        elif has_rekening and not kode_kegiatan and (per_bidang := bidang_of(
                code, label, bidang)):
            # '5.2.1 Pendidikan': sub-bidang 2.1, not the account Belanja Barang Perlengkapan
            kind, code = ("bidang" if "." not in per_bidang else "sub_bidang"), per_bidang
            bidang = per_bidang.split(".")[0]
        # an akun-level line with its own bidang and amounts (OpenSID: belanja per bidang, 5.0.0)
        # is a line, not a heading
        elif has_rekening and not (kode_kegiatan and amount) and \
                (found := _heading_kind(written or first, code, label, siskeudes, akun)):
            kind, code = found
            akun = code if kind == "akun" else akun
        elif not has_rekening and kode_kegiatan and kode_kegiatan.count(".") < 2 and (found := _heading_kind(
                cell(row, by_field.get("kode_kegiatan")), kode_kegiatan, label, siskeudes, "5")):
            kind, code = found  # a bidang or sub-bidang row over its kegiatan, with their subtotal
        out.append(_Row(row, table.row_numbers[index], first, heading, code, label, cells, amount, kind,
                        bool(per_bidang)))
    return out


def _has_lines(rows: list[_Row], position: int) -> bool:
    """Whether the heading at ``position`` has finer lines under it: rows whose codes it
    prefixes (an account), or anything below it down to the next heading of its level."""
    head = rows[position]
    if head.kind == "akun":
        return True
    for info in rows[position + 1:]:
        if info.kind in ("total", "akun") or (head.kind in _LEVELS and info.code[:1] in "46" and
                                              info.code and info.kind in ("rekening", None)):
            return False  # a pendapatan or pembiayaan code ends a bidang's spending
        if info.kind == "group":
            return True
        if info.kind is None and not _READABLE.fullmatch(info.code):
            # no code, or one not read as a code: the heading's detail (or a line missing its
            # code), never a sibling that would leave the heading counted as a line beside it
            if info.amount:
                return True  # an uncoded line (its detail, or a line missing its code)
            continue
        if head.kind == "rekening":
            return info.kind in ("rekening", None) and info.code.startswith(head.code + ".")
        if info.kind in _LEVELS:
            return _LEVELS[info.kind] > _LEVELS[head.kind]
        return True  # an account heading or line inside the bidang or kegiatan
    return False


def _as_line(row: list, info: _Row, akun: str | None, by_field: dict[str, int]) -> list:
    """A heading row read as a line: a bidang or kegiatan spends on the belanja account."""
    col = by_field.get("kode_rekening")
    if col is None:
        return row
    value = info.code if info.kind == "rekening" else (akun or "5")
    if info.kind == "rekening" and col < len(row) and clean_text(row[col]):
        return row
    row = list(row) + [None] * max(0, col + 1 - len(row))
    row[col] = value
    return row


def _numeric(value: Any) -> bool:
    try:
        return read_number(value) is not None
    except FormatError:
        return False


def _level(kind: str, code: str, blocks: list[_Block]) -> int:
    if kind != "rekening":
        return _LEVELS[kind]
    inside_activity = any(b.kind in ("bidang", "sub_bidang", "kegiatan") for b in blocks)
    return code.count(".") + 1 + (3 if inside_activity else 0)


def _fill(table: RawTable, header, fill: dict[int, str], col: int | None, name: str) -> None:
    """Fill ``name`` where a line leaves it empty (a written value wins)."""
    if col is None:
        add_column(table, header, name, fill)
        return
    for index, value in fill.items():
        row = table.rows[index]
        if col >= len(row) or not clean_text(row[col]):
            row = table.rows[index] = list(row) + [None] * max(0, col + 1 - len(row))
            row[col] = value
