"""The personal-data gate: no NIK, KK or phone number is ever published.

Village files are typed by hand and sometimes carry a chairperson's phone number in
``keterangan`` or a beneficiary's NIK in ``uraian``. Any such value in a text field is an error that
blocks the submission; the finding shows the number masked, so reports do not leak it either.
"""

from __future__ import annotations

import re

from desa_terbuka.core.findings import Finding
from desa_terbuka.normalise.records import Records

# 16 digits, optionally grouped by spaces/dots/dashes, not part of a longer number.
_NIK = re.compile(r"(?<![\d])(\d[\s.\-]?){15}\d(?![\d])")
# Indonesian mobile numbers (+62 8.., 62 8.., 08..) with any grouping. Landlines are left alone:
# they are usually the village office's published number.
_PHONE = re.compile(r"(?<![\d\w])(?:\+62|62|0)[\s.\-]?8\d{1,3}(?:[\s.\-]?\d{2,5}){1,4}(?![\d])")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def mask(number: str) -> str:
    digits = _digits(number)
    return digits[:4] + "*" * max(len(digits) - 6, 0) + digits[-2:]


def find_personal_data(text: str) -> list[tuple[str, str]]:
    """(rule code, matched text) for every NIK/KK-like or phone-like number in ``text``."""
    hits = []
    for match in _NIK.finditer(text):
        hits.append(("personal-data-nik", match.group()))
    for match in _PHONE.finditer(text):
        digits = _digits(match.group())
        if 9 <= len(digits) <= 14 and not any(match.group() in h for _, h in hits):
            hits.append(("personal-data-phone", match.group()))
    return hits


def personal_data_findings(records: Records) -> list[Finding]:
    """Scan every text field of every record; numbers and dates are typed, so not scanned."""
    text_fields = [f.name for f in records.definition.fields
                   if f.type == "string" and "pattern" not in f.constraints
                   and "enum" not in f.constraints]
    table = records.table
    findings = []
    seen: dict[str, list[tuple[str, str]]] = {}  # descriptions repeat: each distinct text once
    for row, number in zip(records.rows, records.row_numbers):
        for name in text_fields:
            text = row.get(name) or ""
            hits = seen.get(text)
            if hits is None:
                hits = seen[text] = find_personal_data(text) if text else []
            for code, hit in hits:
                findings.append(Finding(code, table.file, table.sheet, number, name, mask(hit)))
    return findings
