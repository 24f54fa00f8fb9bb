"""An APBDes summary without kode rekening: an infografis or the OpenSID keuangan widget, i.e.
the sections PENDAPATAN / BELANJA (/ PEMBIAYAAN) with names and amounts and no code anywhere.

Its lines (Dana Desa, Bidang Pembangunan …) cannot become APBDes line items safely: without codes
the account, level and section of each amount is a guess, and a total or a percentage can pass
for a line. It is refused with its own reason, so that the operator sends the detailed report
(Penjabaran APBDes or Laporan Realisasi from Siskeudes) instead of fixing headings.
"""

from __future__ import annotations

import re

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import definitions, normalise_heading
from desa_terbuka.core.findings import Finding
from desa_terbuka.normalise.formats import clean_text

# a code of any system: 4.1.1 / 5.2.1.01 (Permendagri), 01.02.03. / 00.0000.01 (Siskeudes),
# 421-01 (OpenDK); an amount's groups have 3 digits, so '14.750.000' is none
_CODE = re.compile(r"^\d{1,2}(?:\.\d{1,4})+\.?(?:\s|$|[A-Za-z])|^\d{3}-\d{2}\b")
_SECTIONS = ("pendapatan", "belanja")  # both must head a part; pembiayaan may be missing
_MIN_AMOUNTS = 3


def _section(text: str) -> str | None:
    """'PENDAPATAN', 'APBDes 2024 Pendapatan', 'Pembelanjaan' (OpenSID widget): the section named."""
    words = normalise_heading(text).split()
    if not words or len(words) > 4:
        return None
    last = words[-1]
    if last == "pembelanjaan":
        return "belanja"
    return last if last in _SECTIONS and (len(words) == 1 or words[0] == "apbdes") else None


def _amount(text: str) -> bool:
    digits = re.sub(r"[^\d]", "", text)
    return len(digits) >= 6 and bool(re.fullmatch(r"-?\s*(rp\.?)?\s*-?[\d.,\s]+", text.lower()))


def summary_refusal(tables: list[RawTable], file: str, mapped: set[str]) -> Finding | None:
    """The refusal of a file whose every table is an APBDes summary without codes, else None.
    ``mapped``: the fields the best readings' headings found; a code column among them (codes
    split over columns 4 | 1 | 1 | 01 under "KODE REKENING") is no summary."""
    codes = {f.name for d in definitions().values() for f in d.fields
             if f.constraints.get("pattern") and f.name != "kode_desa"}
    if mapped & codes:
        return None
    found = None
    for table in tables:
        cells = [clean_text(c) for row in table.rows for c in row]
        cells = [c for c in cells if c]
        if any(_CODE.match(c) for c in cells):
            return None  # some table has codes: read as usual
        sections = {s for c in cells if (s := _section(c))}
        if set(_SECTIONS) <= sections and sum(map(_amount, cells)) >= _MIN_AMOUNTS and found is None:
            first = next(number for row, number in zip(table.rows, table.row_numbers)
                         if any(_section(clean_text(c)) for c in row))
            found = Finding("apbdes-summary-no-codes", file, table.sheet, first)
    return found
