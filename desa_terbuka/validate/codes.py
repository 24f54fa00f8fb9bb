"""Codes must exist in the reference tables the project ships (villages, accounts, activities)."""

from __future__ import annotations

import re

from desa_terbuka.core.findings import Finding
from desa_terbuka.core.reference import account_exists, activities, villages
from desa_terbuka.core.text import ranges
from desa_terbuka.normalise.records import Records


def activity_exists(kode: str) -> bool:
    """A bidang, sub-bidang or kegiatan of Permendagri 20/2018; kegiatan 90-99 of a known
    sub-bidang are the village's own ("Lain-lain kegiatan sub bidang …"), as objek 90-99 are."""
    known = activities()
    if kode in known:
        return True
    parts = kode.split(".")
    return len(parts) == 3 and parts[2].isdigit() and int(parts[2]) >= 90 and \
        getattr(known.get(".".join(parts[:2])), "level", "") == "sub_bidang"


def reference_findings(records: Records) -> list[Finding]:
    """Codes must exist in the reference tables the project ships."""
    table = records.table
    known_villages = villages()
    findings = []
    unattributed: list[int] = []
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
        if well_formed("kode_kegiatan", kegiatan) and not activity_exists(kegiatan):
            add("unknown-activity", "kode_kegiatan")
        if "kode_rekening" in row and rekening.startswith("5") and not kegiatan:
            unattributed.append(number)
    if unattributed:
        findings.append(Finding("spending-without-activity", table.file, table.sheet, unattributed[0],
                                "kode_kegiatan", None, params={"rows": ranges(unattributed)}))
    return findings


def _code_checkers(records: Records):
    """``check(field, value)``: the field exists, the value is filled and matches its pattern."""
    patterns = {f.name: re.compile(f.constraints.get("pattern", r".+"))
                for f in records.definition.fields}

    def check(name: str, value: str) -> bool:
        pattern = patterns.get(name)
        return bool(value) and pattern is not None and pattern.fullmatch(value) is not None

    return check
