"""The total of a form's rincian: a Siskeudes RAB print states one kegiatan as a header block
("3. Kegiatan : 02.03.10. …", ``vertical``) above its rincian (KODE REKENING | URAIAN | VOLUME |
… | JUMLAH (Rp), one line per kode rekening and one per item under it) and its JUMLAH line. That
JUMLAH is the form's answer for the amount its column heading names (anggaran): the rincian's
lines are not records of their own. It is checked against the lines: the JUMLAH must equal the
sum of the item lines or of the kode rekening lines; a JUMLAH that equals neither is a subtotal
mismatch, so a wrong total is never published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import definitions, normalise_heading
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text, display
from desa_terbuka.normalise.formats import FormatError, clean_text, read_number

_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,5}\.?$")  # '5.3.5.01.' starts a kode rekening line


@dataclass
class RincianTotal:
    """The heading of the total's column, the total, and what was reported."""

    heading: str
    total: Decimal
    findings: list[Finding] = field(default_factory=list)


def _amount(value) -> Decimal | None:
    try:
        reading = read_number(value)
    except FormatError:
        return None
    return reading.value(None) if reading else None


def _amount_headings() -> set[str]:
    """Normalised headings of a number field of any record type ('jumlah rp', 'anggaran')."""
    found = set()
    for definition in definitions().values():
        numbers = {f.name for f in definition.input_fields if f.type == "number" and not f.raw.get("x-unit-field")}
        found |= {heading for heading, name in definition.header_aliases().items() if name in numbers}
    return found


def _total_words() -> set[str]:
    return {normalise_heading(w) for d in definitions().values()
            for w in (d.config.get("report_rows") or {}).get("total_words", [])}


def rincian_total(table: RawTable, after: int) -> RincianTotal | None:
    """The total line of the rincian below row index ``after`` (the form's last label line)."""
    rows, words, amounts = table.rows, _total_words(), _amount_headings()
    heading_at, column = None, None
    for i in range(after + 1, len(rows)):
        cells = [clean_text(c) for c in rows[i]]
        if heading_at is None:
            named = [c for c, text in enumerate(cells) if normalise_heading(text) in amounts]
            if named and sum(1 for t in cells if t) >= 3:
                heading_at, column = i, named[-1]
            continue
        first = next((t for t in cells if t), "")
        if normalise_heading(first) not in words:
            continue
        numbers = [(c, n) for c, t in enumerate(rows[i]) if (n := _amount(t)) is not None and clean_text(t)]
        if not numbers:
            return None
        total = numbers[-1][1]
        return RincianTotal(clean_text(rows[heading_at][column]), total,
                            _checked(table, heading_at, i, column, total, first))
    return None


def _checked(table: RawTable, heading: int, end: int, column: int, total: Decimal, label: str) -> list[Finding]:
    coded, items = Decimal(0), Decimal(0)
    for row in table.rows[heading + 1:end]:
        amount = _amount(row[column]) if column < len(row) else None
        if amount is None:
            amount = next((n for c in reversed(row) if (n := _amount(c)) is not None and clean_text(c)), None)
            if amount is None or not _CODE.match(clean_text(row[0]) if row else ""):
                continue  # a line without an amount in the total's column: a note, the 1 2 3 row
        if row and _CODE.match(clean_text(row[0])):
            coded += amount
        else:
            items += amount
    where = {"file": table.file, "sheet": table.sheet}
    head = " | ".join(t for c in table.rows[heading] if (t := clean_text(c)))
    rows = f"{table.row_numbers[heading + 1]}–{table.row_numbers[end]}"
    found = [Finding("form-table-totals", **where, row=table.row_numbers[heading], value=head, params={
        "totals": f"{clean_text(table.rows[heading][column])} {display(total)}", "rows": rows,
        "source": Text("dari baris jumlahnya", "from its total row")})]
    if total not in (coded, items):
        computed = items or coded
        found.append(Finding("subtotal-mismatch", **where, row=table.row_numbers[end], field=None,
                             value=display(total), params={"label": label, "stated": display(total),
                                                           "computed": display(computed),
                                                           "difference": display(total - computed)}))
    return found
