"""Codes must exist in the reference tables the project ships (villages, accounts, activities)."""

from __future__ import annotations

import re

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.reference import account_exists, activities, villages
from desa_terbuka.core.text import Text
from desa_terbuka.normalise.records import Records

NON_ACTIVITY_CODE = "0.0.00"


def reference_findings(records: Records) -> list[Finding]:
    """Codes must exist in the reference tables the project ships."""
    table = records.table
    known_villages, known_activities = villages(), activities()
    findings = []
    # Only codes of the right shape are looked up: a malformed code already has invalid-code.
    well_formed = _code_checkers(records)
    for row, number in zip(records.rows, records.row_numbers):
        def add(code: str, field: str, **params) -> None:
            findings.append(Finding(code, table.file, table.sheet, number, field, row.get(field),
                                    params=params))

        kode_desa = row.get("kode_desa", "")
        if well_formed("kode_desa", kode_desa) and kode_desa not in known_villages:
            add("unknown-village", "kode_desa")
        rekening = row.get("kode_rekening", "")
        if well_formed("kode_rekening", rekening) and not account_exists(rekening):
            add("unknown-account", "kode_rekening")
        kegiatan = row.get("kode_kegiatan", "")
        if not well_formed("kode_kegiatan", kegiatan):
            continue
        if kegiatan != NON_ACTIVITY_CODE:
            activity = known_activities.get(kegiatan)
            if activity is None or activity.level != "kegiatan":
                add("unknown-activity", "kode_kegiatan")
        if well_formed("kode_rekening", rekening):
            spending = rekening.startswith("5")
            if spending and kegiatan == NON_ACTIVITY_CODE:
                add("activity-mismatch", "kode_kegiatan", reason=Text("belanja", "spending"),
                    example=Text("sebuah kegiatan (mis. 2.2.01)", "an activity (e.g. 2.2.01)"))
            elif not spending and kegiatan != NON_ACTIVITY_CODE:
                add("activity-mismatch", "kode_kegiatan",
                    reason=Text("pendapatan/pembiayaan", "revenue/financing"), example=NON_ACTIVITY_CODE)
    return findings


def _code_checkers(records: Records):
    """``check(field, value)``: the field exists, the value is filled and matches its pattern."""
    patterns = {f.name: re.compile(f.constraints.get("pattern", r".+"))
                for f in records.definition.fields}

    def check(name: str, value: str) -> bool:
        pattern = patterns.get(name)
        return bool(value) and pattern is not None and pattern.fullmatch(value) is not None

    return check
