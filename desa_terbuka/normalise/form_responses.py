"""A form's responses sheet with the ACCOUNTS AS COLUMNS (a kecamatan's Google Form collecting
APBDes pagu: Timestamp | Nama Desa | Tahun Anggaran | … | "Dana Desa (4.2.1) - Rp" | …): one row
per response, one column per account. Turned into one line per answered account (Kode Rekening |
Uraian | Anggaran beside the response's other answers), it is read like any APBDes table.

Only a sheet whose heading row has a form app's response-time column (``response_time`` of
``reference/form_export.yaml``: "Timestamp", "Stempel waktu") and at least ``MIN_ACCOUNTS``
headings naming an account (its code in the heading, "(4.2.1)" or "4.2.1 Dana Desa", or exactly
an account's name in ``reference/apbdes_rekening.csv``) is read so. A blank answer is no line.

A village that answered twice for one year sent a correction: the latest response (by its
Timestamp, else the later row) is read, the earlier ones are said and not published. Responses
of different villages or years are all read (each village its own part).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import definitions, normalise_heading
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.reference import account_exists, accounts
from desa_terbuka.core.text import ranges
from desa_terbuka.normalise.form_paths import response_time_heading
from desa_terbuka.normalise.formats import clean_text
from desa_terbuka.normalise.headings import context_headers

MIN_ACCOUNTS = 3
_CODE = r"\d(?:\.\d{1,3}){1,4}"
# "Dana Desa (4.2.1) - Rp", "4.2.1 Dana Desa (Rp)", "4.2.1. Dana Desa"
_IN_PARENS = re.compile(rf"^(?P<name>.*?)\s*[(\[]\s*(?P<code>{_CODE})\s*[)\]]")
_LEADING = re.compile(rf"^(?P<code>{_CODE})\.?\s+(?P<name>.+)$")
_RP = re.compile(r"\s*(?:[-:(]\s*)?\(?\s*(?:rp|rupiah|idr)\.?\s*\)?\s*$", re.IGNORECASE)
_STAMPS = ("%m/%d/%Y %H:%M:%S", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y %H:%M:%S")
HEADINGS = ["Kode Rekening", "Uraian", "Anggaran"]
# an amount other than the budget a column of one account may hold: such a sheet is not read so
_OTHER_AMOUNT = re.compile(r"\b(?:realisasi|realization|realisation|sisa|selisih|persen)\b|%", re.IGNORECASE)


def account_heading(heading: str) -> tuple[str, str] | None:
    """(kode, uraian) of a heading naming an account, or None."""
    text = _RP.sub("", clean_text(heading)).strip(" -:")
    if _OTHER_AMOUNT.search(text):  # "Dana Desa (4.2.1) - Realisasi": not the budget
        return None
    if found := _IN_PARENS.match(text) or _LEADING.match(text):
        code, name = found["code"], (found["name"].strip(" -:") or found["code"])
        return (code, name) if account_exists(code) else None
    by_name = sorted((a.kode for a in accounts().values()
                      if normalise_heading(a.uraian) == normalise_heading(text)), key=len)
    # "Alokasi Dana Desa" is 4.2.3 and its one objek 4.2.3.01: the account, not its objek
    if text and by_name and all(k.startswith(by_name[0] + ".") for k in by_name[1:]):
        return by_name[0], text
    return None


def _stamp_order(values: list[str]) -> list[datetime | None]:
    """The response times, read in the one format that reads them all (else none)."""
    for form in _STAMPS:
        try:
            return [datetime.strptime(v, form) for v in values]
        except ValueError:
            continue
    return [None] * len(values)


def as_response_lines(table: RawTable) -> RawTable | None:
    """The sheet as APBDes lines, when it is a form's responses with accounts as columns."""
    top = next((i for i, row in enumerate(table.rows) if any(clean_text(c) for c in row)), None)
    if top is None:
        return None
    heading = [clean_text(c) for c in table.rows[top]]
    time_col = next((c for c, h in enumerate(heading) if response_time_heading(h)), None)
    columns = {c: found for c, h in enumerate(heading) if h and (found := account_heading(h))}
    codes = [code for code, _ in columns.values()]
    # fewer accounts than a budget has, or one account twice (budget and realisation?): not read so
    if time_col is None or len(columns) < MIN_ACCOUNTS or len(set(codes)) < len(codes):
        return None
    answers = [i for i in range(top + 1, len(table.rows)) if any(clean_text(c) for c in table.rows[i])]
    kept, replaced = _latest(table, heading, answers, time_col)
    others = [c for c in range(len(heading)) if c not in columns]
    rows, numbers = [[heading[c] for c in others] + HEADINGS], [table.row_numbers[top]]
    for index in kept:
        row = table.rows[index]
        for col, (code, name) in columns.items():
            if col < len(row) and clean_text(row[col]):
                rows.append([row[c] if c < len(row) else None for c in others] + [code, name, row[col]])
                numbers.append(table.row_numbers[index])
    shown = ", ".join(f"'{heading[c]}'" for c in list(columns)[:3]) + (", …" if len(columns) > 3 else "")
    findings = [Finding("form-responses-read", table.file, table.sheet, table.row_numbers[top], None,
                        shown, params={"count": len(columns), "responses": len(answers),
                                       "lines": len(rows) - 1})]
    for later, earlier in replaced:
        findings.append(Finding(
            "form-response-replaced", table.file, table.sheet, table.row_numbers[later],
            heading[time_col], clean_text(table.rows[later][time_col]),
            params={"rows": ranges([table.row_numbers[i] for i in earlier]), "count": len(earlier),
                    "kept": table.row_numbers[later]}))
    return replace(table, rows=rows, row_numbers=numbers, formulas={}, hidden_columns=set(),
                   findings=list(table.findings) + findings)


def _latest(table: RawTable, heading: list[str], answers: list[int],
            time_col: int) -> tuple[list[int], list[tuple[int, list[int]]]]:
    """The responses read (the latest of each village and year) and, per village and year
    answered more than once, (the response kept, the earlier ones)."""
    wanted = set(context_headers(definitions()["apbdes"])) | {
        h for h, name in definitions()["apbdes"].header_aliases().items()
        if name in ("kode_desa", "tahun_anggaran")}
    keys = [c for c, h in enumerate(heading) if h and normalise_heading(h) in wanted]
    stamps = _stamp_order([clean_text(table.rows[i][time_col]) if time_col < len(table.rows[i]) else ""
                           for i in answers])
    groups: dict[tuple, list[tuple]] = {}
    for position, (index, stamp) in enumerate(zip(answers, stamps)):
        row = table.rows[index]
        key = tuple(normalise_heading(clean_text(row[c])) if c < len(row) else "" for c in keys)
        groups.setdefault(key, []).append((stamp or datetime.min, position, index))
    kept, replaced = [], []
    for group in groups.values():
        ordered = sorted(group)
        kept.append(ordered[-1][2])
        if len(ordered) > 1:
            replaced.append((ordered[-1][2], sorted(i for _, _, i in ordered[:-1])))
    return sorted(kept), replaced
