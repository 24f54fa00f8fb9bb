"""Siskeudes tables exported on their own (Ta_RABRinci saved from the database to Excel or CSV,
outside the export ZIP): their codes are Siskeudes' own, read as the ZIP reader reads them.

- Kd_Desa ("14.04.") numbers a village only inside one Pemda's Siskeudes database; it is not a
  Kemendagri kode desa. The DPMD's mapping (``portal_config/siskeudes_desa.yaml``, or the file
  ``DESA_SISKEUDES_MAPPING`` names) gives the kode desa; unmapped, the village comes from the
  file's title or name like any file without a kode desa column, with one warning saying so
  (one finding for the file, never one per row).
- Kd_Keg carries the Kd_Desa in front ("14.04.01.01.01." = kegiatan 1.1.01 of village 14.04.);
  revenue and financing lines write "00.00.00.". Both are read through the ZIP reader's code.
"""

from __future__ import annotations

import re

from desa_terbuka.collect.base import RawTable
from desa_terbuka.collect.siskeudes import activity_code, load_mapping, village_codes
from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.formats import clean_text

_KD_DESA = re.compile(r"\d{2}\.\d{2}\.?")
_KD_KEG = re.compile(r"(?P<desa>\d{2}\.\d{2}\.)(?P<rest>\d{2}\.\d{2}\.\d{2}\.?)")


def siskeudes_codes(table: RawTable, header, definition: DatasetDefinition, context,
                    mapping: list[dict] | None = None) -> list[Finding]:
    """Read Siskeudes Kd_Desa and Kd_Keg cells as Kemendagri kode desa and kegiatan codes (in
    place). An unmapped Kd_Desa leaves the table without a kode desa column, so the file's
    context fills it; the findings say which reading was made."""
    columns = {name: col for col, name in header.columns.items()}
    rows = range(header.row_index + 1, len(table.rows))
    desa_col, keg_col = columns.get("kode_desa"), columns.get("kode_kegiatan")
    kd_desa = {i: text for i in rows if (text := _cell(table, i, desa_col))}
    if not kd_desa or not all(_KD_DESA.fullmatch(t) for t in kd_desa.values()):
        kd_desa = {}
    findings: list[Finding] = []
    if keg_col is not None:
        _activities(table, rows, keg_col, kd_desa)
    if not kd_desa:
        return findings
    mapping = load_mapping() if mapping is None else mapping
    year_col = columns.get(definition.year_field)
    first = next(iter(kd_desa))
    tahun = _cell(table, first, year_col) or (str(context.year.value) if context.year else "")
    numbers = set(kd_desa.values())
    codes = {number: village_codes(mapping, number, tahun) for number in numbers}
    row_of = {number: table.row_numbers[min(i for i, t in kd_desa.items() if t == number)]
              for number in numbers}
    heading = header.written.get(desa_col, "kode_desa")
    if all(len(found) == 1 for found in codes.values()):
        for i, number in kd_desa.items():
            _set(table, i, desa_col, next(iter(codes[number])))
        for number in sorted(numbers):
            findings.append(Finding("siskeudes-village-mapped", table.file, table.sheet, row_of[number],
                                    "kode_desa", number, params={
                                        "heading": heading, "canonical": next(iter(codes[number]))}))
        return findings
    del header.columns[desa_col]  # not a kode desa: the file's context names the village
    if len(numbers) == 1 and context.village is not None:
        number = numbers.pop()
        findings.append(Finding("siskeudes-village-number", table.file, table.sheet, row_of[number],
                                "kode_desa", number, params={
                                    "heading": heading, "canonical": context.village.value,
                                    "source": context.village.source}))
        return findings
    context.explained.add("kode_desa")  # this finding, not a missing kode_desa column, says why
    for number in sorted(numbers):  # several villages, or none named elsewhere: cannot guess
        listed = ", ".join(sorted(codes[number]))
        reason = Text((f"beberapa entri cocok: {listed}" if codes[number] else "tidak ada entri")
                      + f", tahun {tahun}; judul dan nama berkas tidak menyebut satu desa",
                      (f"several entries match: {listed}" if codes[number] else "no entry")
                      + f", year {tahun}; neither title nor file name names one village")
        findings.append(Finding("siskeudes-unmapped-village", table.file, table.sheet, row_of[number],
                                "Kd_Desa", number, params={"reason": reason}))
    return findings


def _activities(table: RawTable, rows, col: int, kd_desa: dict[int, str]) -> None:
    """Kd_Keg '<Kd_Desa>bidang.sub.kegiatan.' -> the kegiatan code, when every coded cell of the
    column has that shape (with the row's Kd_Desa in front, or one shared prefix)."""
    cells = {i: text for i in rows if (text := _cell(table, i, col))}
    matches = {i: _KD_KEG.fullmatch(text) for i, text in cells.items()}
    if not cells or not all(matches.values()):
        return
    prefixes = {m["desa"] for m in matches.values()}
    for i, match in matches.items():
        own = kd_desa.get(i)
        if own is not None and own.rstrip(".") + "." != match["desa"]:
            return  # not this row's village: leave the code to be reported as written
    if not kd_desa and len(prefixes) != 1:
        return
    for i, match in matches.items():
        code = activity_code(match["rest"])
        if code is not None:
            _set(table, i, col, code)


def _cell(table: RawTable, index: int, col: int | None) -> str:
    row = table.rows[index]
    return clean_text(row[col]) if col is not None and col < len(row) else ""


def _set(table: RawTable, index: int, col: int, value: str) -> None:
    row = table.rows[index] = list(table.rows[index])
    row[col] = value
