"""A cash book (Buku Kas Pembantu Kegiatan, Buku Kas Umum, Buku Bank) is no list of records.

Its lines are cash transactions (a panjar received, a purchase, the rest returned) with a running
balance; it has no budget by design, and an activity's spending is the sum of some of its payment
columns. Read as kegiatan or APBDes it would bounce for a missing "anggaran" or publish
transactions as activities. It is refused with its own reason, so that the operator sends the
activity's RAB/DPA or the realisation report per activity instead of adding a column. The
heading words are data (``reference/cash_book.yaml``).
"""

from __future__ import annotations

from functools import cache

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.config import Strict, load_config
from desa_terbuka.core.definitions import normalise_heading
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.paths import REFERENCE_DIR
from desa_terbuka.normalise.formats import clean_text

_SCAN_ROWS = 30
_HEADING_ROWS = 2  # a merged "Penerimaan | Pengeluaran" over "Dari Bendahara | Belanja Modal"


class CashBookWords(Strict):
    receipts: list[str]
    payments: list[str]
    balance: list[str]
    titles: list[str]


@cache
def cash_book_words() -> CashBookWords:
    return load_config(REFERENCE_DIR / "cash_book.yaml", CashBookWords)


def _heading_row(table: RawTable) -> int | None:
    """Index of the first row that, with the row below, names a receipt, a payment and a balance."""
    words = cash_book_words()
    groups = [set(map(normalise_heading, g)) for g in (words.receipts, words.payments, words.balance)]
    rows = [{w for c in row if (t := clean_text(c)) for w in normalise_heading(t).split()}
            for row in table.rows[:_SCAN_ROWS]]
    for index in range(len(rows)):
        seen = set().union(*rows[index:index + _HEADING_ROWS])
        if all(seen & group for group in groups):
            return index
    return None


def _title(table: RawTable, above: int) -> str:
    """The title row naming the book ("BUKU KAS PEMBANTU KEGIATAN"), else ''."""
    names = [normalise_heading(t) for t in cash_book_words().titles]
    for row in table.rows[:above]:
        for cell in row:
            text = clean_text(cell)
            if text and any(f" {n} " in f" {normalise_heading(text)} " for n in names):
                return text
    return ""


def cash_book_refusal(tables: list[RawTable], file: str) -> Finding | None:
    """The refusal of a file whose every table with content is a cash book, else None."""
    found = []
    for table in tables:
        if not any(clean_text(c) for row in table.rows for c in row):
            continue
        index = _heading_row(table)
        if index is None:
            return None  # another table may hold records: read as usual
        found.append((table, index))
    if not found:
        return None
    table, index = found[0]
    title = next((t for t in (_title(tb, i) for tb, i in found) if t), "")
    return Finding("cash-book-not-records", file, table.sheet, table.row_numbers[index], None,
                   title or " | ".join(filter(None, map(clean_text, table.rows[index])))[:120],
                   params={"sheets": len(found)})
