"""Amounts per source of funds: the Permendagri 47/2016 forms (Buku Rencana Kerja Pembangunan,
Buku Kegiatan Pembangunan; OpenSID bumindes D1/D2) print "SUMBER DANA" over one amount column
per source (PEMERINTAH | PROVINSI | KAB/KOTA | SWADAYA), and which column holds an amount *is*
the source. Declared in ``datasets/<type>.yaml`` (``source_amounts``).

- no anggaran column: the anggaran is the row's sum (said);
- an anggaran column (the form's JUMLAH): the sum is checked against it (a warning if it differs);
- no sumber_dana column: the source with the largest amount is the main source (said, with the
  others), as the schema's sumber_dana is the main source.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from desa_terbuka.core.rupiah import rupiah
from desa_terbuka.core.text import Text, ranges
from desa_terbuka.normalise.formats import FormatError, clean_text, read_number
from desa_terbuka.normalise.heading_words import amount_source
from desa_terbuka.normalise.record_set import Records

_NOTHING = {"-", "–", "—", "0", ""}


def _amount(text: str) -> Decimal | None:
    if text.strip() in _NOTHING:
        return Decimal(0)
    try:
        reading = read_number(text)
    except FormatError:
        return None
    if reading is None:
        return Decimal(0)
    return reading.id_value if reading.id_value is not None else reading.default


def source_amounts(records: Records, present: set[str]) -> None:
    """Anggaran and sumber_dana from the amount columns per source (see the module)."""
    spec = records.definition.config.get("source_amounts") or {}
    if not spec or not records.extras:
        return
    total_field, source_field = spec.get("total", "anggaran"), spec.get("field", "sumber_dana")
    summed: list[int] = []
    chosen: dict[str, list[int]] = defaultdict(list)
    read_as: dict[str, str] = {}  # heading as written -> source code
    for index, row in enumerate(records.rows):
        number = records.row_numbers[index]
        amounts: dict[str, Decimal] = {}
        for heading, text in (records.extras.get(number) or {}).items():
            code = amount_source(records.definition, heading)
            value = _amount(clean_text(text)) if code else None
            if code and value is not None:
                read_as.setdefault(heading, code)
                amounts[code] = amounts.get(code, Decimal(0)) + value
        if not amounts or not any(amounts.values()):
            continue
        total = sum(amounts.values())
        if total_field not in present and not row.get(total_field):
            row[total_field] = str(total)
            summed.append(number)
        elif row.get(total_field):
            try:
                stated = Decimal(row[total_field])
            except ArithmeticError:
                stated = None
            if stated is not None and stated != total:
                records.note("source-amounts-mismatch", number, total_field, row[total_field],
                             sum=rupiah(total), stated=rupiah(stated))
        if source_field not in present and not row.get(source_field):
            main = max(amounts, key=lambda c: amounts[c])
            row[source_field] = main
            chosen[main].append(number)
    if summed:
        records.note("value-derived", summed[0], total_field, None, rows=ranges(summed),
                     reason=Text("jumlah kolom sumber dana (Pemerintah, Provinsi, Kab/Kota, Swadaya)",
                                 "the sum of the source-of-funds columns (Pemerintah, Provinsi, "
                                 "Kab/Kota, Swadaya)"))
    columns = ", ".join(f"{heading} = {code}" for heading, code in read_as.items())
    for code, numbers in chosen.items():
        records.note("value-derived", numbers[0], source_field, None, rows=ranges(numbers),
                     reason=Text(f"'{code}': kolom sumber dana dengan jumlah terbesar ({columns})",
                                 f"'{code}': the source-of-funds column with the largest amount "
                                 f"({columns})"))
