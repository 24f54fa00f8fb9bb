"""A summary sheet beside the sheets of lines (an APBDes "RINGKASAN": Pendapatan, Belanja,
Penerimaan / Pengeluaran Pembiayaan with one amount each and no code). It holds no line items, so
it is not read as records; but dropping it unsaid leaves the operator wondering, and its totals
are a check on the lines the other sheets gave: said as information when they agree, as a
warning naming the section when they do not (one of the two is wrong; the lines are published).
"""

from __future__ import annotations

from decimal import Decimal

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import normalise_heading
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.reference import accounts
from desa_terbuka.normalise.formats import clean_text, format_rupiah, number_or_none

_AMOUNTS = ("anggaran", "realisasi")  # a summary of the budget or of its realisation


def _sections() -> dict[str, str]:
    """Normalised chart name -> code, for the sections a summary names (levels 1 and 2:
    'Pendapatan', 'Belanja', 'Penerimaan Pembiayaan')."""
    return {normalise_heading(a.uraian): a.kode for a in accounts().values() if a.level <= 2}


def section_totals(table: RawTable) -> dict[str, tuple[str, Decimal, int]]:
    """Code -> (label, amount, row) for each row of ``table`` that names a section of the chart
    and states one amount after it."""
    names, found = _sections(), {}
    for row, number in zip(table.rows, table.row_numbers):
        cells = [t for t in (clean_text(c) for c in row) if t]
        if len(cells) < 2 or (code := names.get(normalise_heading(cells[0]))) is None:
            continue
        amounts = [a for a in map(number_or_none, cells[1:]) if a is not None]
        if amounts and code not in found:
            found[code] = (cells[0], amounts[-1], number)
    return found


def summary_findings(file: str, tables: list[RawTable], rows: list[dict]) -> list[Finding]:
    """For each sheet not read as a table whose rows are section totals (two or more): an
    information finding saying it was not read as lines, and a warning per section whose total
    differs from the sum of ``rows`` (the lines read from the other sheets)."""
    found: list[Finding] = []
    for table in tables:
        totals = section_totals(table)
        if len(totals) < 2:
            continue
        sums = {field: {code: sum((number_or_none(r.get(field)) or Decimal(0) for r in rows
                                   if (r.get("kode_rekening") or "").split(".")[:code.count(".") + 1]
                                   == code.split(".")), Decimal(0))
                        for code in totals} for field in _AMOUNTS}
        agreed = next((f for f in _AMOUNTS if all(sums[f][c] == totals[c][1] for c in totals)), None)
        first = min(number for _, _, number in totals.values())
        said = ", ".join(f"{label} {format_rupiah(amount)}" for label, amount, _ in totals.values())
        found.append(Finding("summary-sheet-not-lines", file, table.sheet, first, None,
                             table.sheet or "", params={"sections": said}))
        if agreed:
            continue
        field = max(_AMOUNTS, key=lambda f: sum(sums[f][c] == totals[c][1] for c in totals))
        for code, (label, amount, number) in totals.items():
            if sums[field][code] != amount:
                found.append(Finding("summary-sheet-mismatch", file, table.sheet, number, field,
                                     label, params={
                                         "label": label, "stated": format_rupiah(amount),
                                         "computed": format_rupiah(sums[field][code]),
                                         "difference": format_rupiah(amount - sums[field][code])}))
    return found
