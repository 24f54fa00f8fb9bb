"""Which lines below the heading are data, and which are something else a report carries.

Village files end with a signature block ("Mengetahui, Kepala Desa", a place and date, a name),
carry notes under the table, repeat the heading at every printed page and number their columns
(1 2 3 4). None of these is a record, none is an error: they are skipped and listed as
information, so the operator sees how the file was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice

from desa_terbuka.core.definitions import DatasetDefinition, normalise_heading
from desa_terbuka.core.text import Text, ranges  # noqa: F401 (ranges: re-exported)
from desa_terbuka.normalise.date_lines import date_cell, date_line
from desa_terbuka.normalise.formats import WEEKDAY_NAMES, FormatError, clean_text, read_number
from desa_terbuka.normalise.heading_units import line_scale

SIGNATURE = re.compile(
    r"^(mengetahui|menyetujui|disetujui|dibuat oleh|diperiksa|disahkan|ditetapkan di|ttd\b|"
    r"tanda tangan|nip\b|kepala desa|kades\b|bendahara|sekretaris desa|kaur keuangan|"
    r"pj\.? kepala desa|ketua bpd|pimpinan rapat|notulis|an\.? kepala desa)"
    # "Merah, 31 Desember 2024"; never a weekday: "Kamis, 16 Februari 2023" is a meeting's date
    rf"|^(?!{WEEKDAY_NAMES}\s*,)[a-z .'-]+,\s*\d{{1,2}}\s+[a-z]+\s+\d{{4}}$"
    rf"|^(?!{WEEKDAY_NAMES}\s*,)[a-z .'-]+,\s*\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}}$",
    re.IGNORECASE)
_NUMBER = re.compile(r"[\s(\-]*(rp\.?)?\s*[\d.,]+\s*\)?(,-)?", re.IGNORECASE)
# page furniture of a printed report (a PDF copied to Excel), at every page break: "Halaman 1 dari
# 2", "Hal. 2/3", "Page 1 of 2", "- 2 -", "Dicetak oleh admin", "Dicetak pada 12/01/2025 10:15"
PAGE = re.compile(
    r"(halaman|hal|hlm|page)\.?\s*:?\s*\d+(\s*(dari|of|/|-)\s*\d+)?|-\s*\d+\s*-"
    r"|(dicetak|tanggal cetak|tgl\.?\s*cetak|waktu cetak|printed|print date|generated)\b.*",
    re.IGNORECASE)
NOTE = re.compile(r"^(catatan|keterangan\s*:|ket\s*:|note|sumber\s*:|\*|\d+\)\s)", re.IGNORECASE)

KINDS = {
    "signature": Text("blok tanda tangan", "signature block"),
    "note": Text("catatan di bawah tabel", "notes under the table"),
    "heading": Text("judul kolom yang diulang", "repeated column headings"),
    "numbering": Text("baris nomor kolom (1 2 3 …)", "column-number row (1 2 3 …)"),
    "report": Text("judul dan baris jumlah laporan", "report headings and total rows"),
    "detail": Text("rincian di bawah barisnya (jumlahnya sama dengan baris itu)",
                   "breakdown under its line (adding up to that line)"),
    "page": Text("kepala/kaki halaman cetak (Halaman 1 dari 2, tanggal cetak, judul yang diulang)",
                 "printed page header/footer (Page 1 of 2, printed-on date, repeated title)"),
    "zero": Text("baris templat bernilai nol", "template lines worth zero"),
    "blank": Text("baris templat tanpa angka", "template lines without amounts"),
}


@dataclass
class Lines:
    """Data rows (indexes into the table) and the skipped ones by kind (source row numbers)."""

    data: list[int] = field(default_factory=list)
    skipped: dict[str, list[int]] = field(default_factory=dict)

    def skip(self, kind: str, number: int) -> None:
        self.skipped.setdefault(kind, []).append(number)


def substantive_fields(definition: DatasetDefinition) -> set[str]:
    """Fields whose value makes a line a record: typed or coded ones, not free text."""
    return {f.name for f in definition.input_fields
            if f.type != "string" or "pattern" in f.constraints or "enum" in f.constraints}


def classify(rows: list[list], numbers: list[int], columns: dict[int, str], first: int,
             definition: DatasetDefinition, own: set[int], headings: dict[int, str]) -> Lines:
    """Sort rows ``first``.. into data and skipped lines.

    ``own`` are the table's own mapped columns (not those filled from the file's context), and
    ``headings`` the heading of each column, to recognise a heading repeated at a page break.
    """
    substantive = substantive_fields(definition)
    keyed = [col for col in own if columns.get(col) in substantive]
    heading_text = {col: normalise_heading(text) for col, text in headings.items() if col in own}
    found = Lines()
    titles = {t for row in rows[:first] if re.search(r"[^\W\d_]{3}", t := _joined(row))}
    candidates: list[tuple[int, bool]] = []  # (row index, has a substantive cell)
    for index in range(first, len(rows)):
        row = rows[index]
        texts = {col: clean_text(row[col]) if col < len(row) else "" for col in columns}
        filled = [clean_text(c) for c in row if clean_text(c)]
        if not filled:
            continue
        number = numbers[index]
        if heading_text and sum(normalise_heading(texts[c]) == h for c, h in heading_text.items()) \
                >= max(2, len(heading_text) // 2):
            found.skip("heading", number)
            continue
        if all(PAGE.fullmatch(c) for c in filled) or _joined(row) in titles:
            found.skip("page", number)  # wherever it stands: between the pages' blocks too
            continue
        if not any(texts[col] for col in own):
            continue  # text only in ignored columns (a "No" counter)
        if column_numbers(filled):
            found.skip("numbering", number)
            continue
        has_key = any(texts[col] for col in keyed)
        if candidates and signature_start(rows, index) and not _has_amount(
                {col: "" if col < len(row) and date_cell(row[col]) else text for col, text in texts.items()},
                columns, definition):  # the date cell is no amount: 45657 days, not Rp 45.657
            for rest in range(index, len(rows)):
                if any(clean_text(c) for c in rows[rest]):
                    found.skip("signature", numbers[rest])
            break
        # a note: no code, or a line of one cell (a code column holding "Catatan: …")
        if (not has_key or len(filled) == 1) and (NOTE.search(filled[0]) or (
                line_scale(" ".join(filled)) and not _has_amount(texts, columns, definition))):
            found.skip("note", number)  # "(dalam ribuan rupiah)" too: read by ``stated_units``
            continue
        candidates.append((index, has_key))
    last_keyed = max((i for i, (_, key) in enumerate(candidates) if key), default=-1)
    for position, (index, _) in enumerate(candidates):
        if position > last_keyed and last_keyed >= 0:
            found.skip("note", numbers[index])  # free text under the last record
        else:
            found.data.append(index)
    _breakdowns(rows, numbers, columns, definition, found)
    if (definition.config.get("report_rows") or {}).get("zero_lines") == "skip":
        _zero_lines(rows, numbers, columns, definition, found)
    for kind in found.skipped:
        found.skipped[kind].sort()
    return found


def signature_start(rows: list[list], index: int) -> bool:
    """Line ``index`` opens the signature block: "Mengetahui", "Kepala Desa", "Mekar Jaya, 31
    Desember 2024" in its first cell, or its place and date split over cells ("Sampit," | a date
    cell). A place alone or a date alone opens it only when the signature follows (the date on
    the next line, "Kepala Desa" under it): a meeting's date on its own is not a signature."""
    filled = [clean_text(c) for c in rows[index] if clean_text(c)]
    if SIGNATURE.search(filled[0]):
        return True
    kind = date_line(rows[index])
    if not kind:
        return False
    following = (row for row in rows[index + 1:] if any(clean_text(c) for c in row))
    if kind == "place-date":  # "Kepala Desa" under it, or only names and titles: no meeting after it
        return any(_signed(row) for row in islice(following, 3)) or not any(
            date_cell(c) or re.search(r"\d", clean_text(c)) for row in rows[index + 1:] for c in row)
    return any(date_line(row) not in ("", kind) or _signed(row) for row in islice(following, 2))


def _signed(row: list) -> bool:
    """The line's first filled cell is a signature's: "Kepala Desa", "Mengetahui", "NIP" …"""
    return bool(SIGNATURE.search(next(t for c in row if (t := clean_text(c)))))


def _joined(row: list) -> str:
    """A row's text as one line, to recognise a title line repeated at a page break."""
    return normalise_heading(" ".join(t for c in row if (t := clean_text(c))))


UNREADABLE = Decimal("NaN")  # an amount that is not a number: never a zero, never a sum


def _amounts(row: list, columns: dict[int, str], definition: DatasetDefinition) -> dict[str, Decimal | None]:
    numeric = {f.name for f in definition.input_fields if f.type == "number"}
    out: dict[str, Decimal | None] = {}
    for col, name in columns.items():
        if name in numeric:
            try:
                reading = read_number(row[col] if col < len(row) else None)
            except FormatError:
                out[name] = UNREADABLE
                continue
            out[name] = reading.value(None) if reading else None
    return out


def _breakdowns(rows, numbers, columns, definition, found: Lines) -> None:
    """Uncoded lines under a coded line whose amounts add up to it exactly (a penjabaran's
    "- Kepala Desa 12 bulan") detail that line: they are not lines of their own. Lines that do
    not add up stay records, so that a forgotten code is reported, never lost."""
    codes = [col for col, name in columns.items() if name in {
        f.name for f in definition.input_fields if f.required and "pattern" in f.constraints
        and f.name != "kode_desa"}]
    if not codes:
        return
    totals = [normalise_heading(w) for w in (definition.config.get("report_rows") or {}).get("total_words", [])]
    kept, position = [], 0
    data = found.data
    while position < len(data):
        index = data[position]
        kept.append(index)
        position += 1
        if not any(clean_text(rows[index][c]) for c in codes if c < len(rows[index])):
            continue
        parent = _amounts(rows[index], columns, definition)
        details = []
        while position + len(details) < len(data):
            candidate = data[position + len(details)]
            if any(clean_text(rows[candidate][c]) for c in codes if c < len(rows[candidate])) \
                    or _is_total(rows[candidate], totals):
                break
            details.append(candidate)
        if not details:
            continue
        sums: dict[str, Decimal] = {}
        for d in details:
            for name, value in _amounts(rows[d], columns, definition).items():
                sums[name] = sums.get(name, Decimal(0)) + (value or 0)
        if sums and not any(v.is_nan() for v in sums.values()) and \
                all((parent.get(name) or 0) == total for name, total in sums.items()) and \
                any(sums.values()):
            for d in details:
                found.skip("detail", numbers[d])
            position += len(details)
    found.data = kept


def _is_total(row: list, words: list[str]) -> bool:
    """A "JUMLAH …" row is a total to check, never a breakdown line."""
    return any(total_word(clean_text(cell), words) for cell in row)


def total_word(text: str, words: list[str]) -> bool:
    """``text`` starts with a declared total word (``words`` normalised): "JUMLAH", "Jumlah
    Keseluruhan", "TOTAL BELANJA", "Grand Total" (when declared)."""
    text = normalise_heading(text)
    return bool(text) and any(text == w or text.startswith(w + " ") for w in words)


def _is_text(cell: str) -> bool:
    """A cell that says something in words: not an amount ("Rp 1.000", "-"), a share ("99,80%")
    or a code."""
    if not re.search(r"[^\W\d_]", cell):
        return False
    try:
        return read_number(cell) is None
    except FormatError:
        return True


def total_label(cells: list, words: list[str]) -> str:
    """The label of a total line, or "": its first filled cell is a total word, or its only text
    cell is, wherever it stands (a table with its columns in reverse order puts "JUMLAH" after the
    amounts, the empty code column last). Whether the line has a code is the caller's test."""
    filled = [t for t in (clean_text(c) for c in cells) if t]
    if not filled:
        return ""
    if total_word(filled[0], words):
        return filled[0]
    texts = [t for t in filled if _is_text(t)]
    return texts[0] if len(texts) == 1 and total_word(texts[0], words) else ""


def _zero_lines(rows, numbers, columns, definition, found: Lines) -> None:
    """A template's unused lines (every amount 0): declared per record type (zero_lines: skip)."""
    kept = []
    for index in found.data:
        filled = [v for v in _amounts(rows[index], columns, definition).values() if v is not None]
        if filled and all(not v.is_nan() and v == 0 for v in filled):
            found.skip("zero", numbers[index])
        else:
            kept.append(index)
    found.data = kept


def _has_amount(texts: dict[int, str], columns: dict[int, str], definition: DatasetDefinition) -> bool:
    numeric = {f.name for f in definition.input_fields if f.type in ("number", "integer")}
    return any(_NUMBER.fullmatch(texts[col]) for col, name in columns.items()
               if name in numeric and texts[col])


_COLUMN_SUM = re.compile(r"\s*=\s*[\d\s()+\-x*/:%]+$")


def column_numbers(cells: list[str]) -> bool:
    """1 2 3 4 … (or (1) (2) …, or a b c d …): the row numbering a report's columns."""
    if len(cells) >= 3 and all(len(c) == 1 and c.isalpha() for c in cells) and \
            [ord(c.lower()) for c in cells] == list(range(ord(cells[0].lower()), ord(cells[0].lower()) + len(cells))):
        return True
    # a computed column states its sum: "6 = 5 - 4", "8 = (6 + 7)", "5=3/4x100%"
    numbers = [_COLUMN_SUM.sub("", c).strip().strip("()") for c in cells]
    return len(numbers) >= 3 and all(n.isdigit() for n in numbers) and \
        [int(n) for n in numbers] == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))


def note_lines(table, lines: Lines) -> list[tuple[int, str]]:
    """(source row, text) of the notes and the signature block under the table, which may say
    the size of its numbers ("Nilai dalam Rp ribuan"); read before ``keep_data`` drops them."""
    wanted = set(lines.skipped.get("note", [])) | set(lines.skipped.get("signature", []))
    return [(number, " ".join(t for c in row if (t := clean_text(c))))
            for row, number in zip(table.rows, table.row_numbers) if number in wanted]


def keep_data(table, header_index: int, lines: Lines) -> None:
    """Drop the skipped lines from ``table`` (in place): the heading rows and the data stay."""
    keep = set(range(header_index + 1)) | set(lines.data)
    table.rows = [r for i, r in enumerate(table.rows) if i in keep]
    table.row_numbers = [n for i, n in enumerate(table.row_numbers) if i in keep]
