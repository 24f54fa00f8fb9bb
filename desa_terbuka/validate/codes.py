"""Codes must exist in the reference tables the project ships (villages, accounts, activities).

``REFERENCES`` says which field is looked up where; both engines use it. The ``sql`` engine
anti-joins each code column against its reference table in DuckDB (the tables are loaded once
per connection, ranges such as ``4.1.1.90-99`` spelled out), so only the few distinct codes not in
a table reach Python, where the same predicates as the reference engine decide them.
"""

from __future__ import annotations

import re
from typing import Callable, Literal

from desa_terbuka.core.definitions import DatasetDefinition
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.reference import account_exists, accounts, activities, villages
from desa_terbuka.core.text import ranges
from desa_terbuka.normalise.records import Records
from desa_terbuka.normalise.table_rows import prefetch
from desa_terbuka.validate.relation import connection, quote, table_of, value_table


def activity_exists(kode: str) -> bool:
    """A bidang, sub-bidang or kegiatan of Permendagri 20/2018; kegiatan 90-99 of a known
    sub-bidang are the village's own ("Lain-lain kegiatan sub bidang …"), as objek 90-99 are."""
    known = activities()
    if kode in known:
        return True
    parts = kode.split(".")
    return len(parts) == 3 and parts[2].isdigit() and int(parts[2]) >= 90 and \
        getattr(known.get(".".join(parts[:2])), "level", "") == "sub_bidang"


def village_exists(kode: str) -> bool:
    return kode in villages()


def _known_villages() -> list[str]:
    return list(villages())


def _known_accounts() -> list[str]:
    codes = []
    for kode in accounts():
        head, _, tail = kode.rpartition(".")
        lo, _, hi = tail.partition("-")
        codes += [f"{head}.{n:02d}" for n in range(int(lo), int(hi) + 1)] \
            if hi and lo.isdigit() and hi.isdigit() else [kode]
    return codes


def _known_activities() -> list[str]:
    known = activities()
    return list(known) + [f"{k}.{n}" for k, a in known.items() if a.level == "sub_bidang"
                          for n in range(90, 100)]


# field -> (finding code, the exact predicate, the codes it accepts as a table for SQL: a superset
# is harmless, the predicate has the last word)
REFERENCES: dict[str, tuple[str, Callable[[str], bool], Callable[[], list[str]]]] = {
    "kode_desa": ("unknown-village", village_exists, _known_villages),
    "kode_rekening": ("unknown-account", account_exists, _known_accounts),
    "kode_kegiatan": ("unknown-activity", activity_exists, _known_activities),
}


def reference_findings(records: Records, engine: Literal["sql", "reference"] = "sql",
                       table: str | None = None) -> list[Finding]:
    """Codes must exist in the reference tables the project ships (``table``: the records,
    already loaded for the SQL engine)."""
    if engine == "sql":
        return _sql_reference_findings(records, table)
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
        carried = any(row.get("kode_kegiatan") for row in records.rows)
        findings.append(_unattributed(records, unattributed, carried))
    return findings


def _unattributed(records: Records, numbers: list[int], carried: bool) -> Finding:
    """Spending lines without a kegiatan. A format that carries no kegiatan at all (no column,
    no line with one from heading rows: an upload template or a Perdes lampiran by belanja type)
    is said once as information: there is nothing the operator can add."""
    header = records.header
    headed = header is None or any(name == "kode_kegiatan" and header.written.get(col)
                                   for col, name in header.columns.items())
    in_format = carried or headed or "kode_kegiatan" in records.sources
    code = "spending-without-activity" if in_format else "activity-not-in-format"
    return Finding(code, records.table.file, records.table.sheet, numbers[0], "kode_kegiatan", None,
                   params={"rows": ranges(numbers)})


def _code_checkers(records: Records):
    """``check(field, value)``: the field exists, the value is filled and matches its pattern."""
    patterns = {f.name: re.compile(f.constraints.get("pattern", r".+"))
                for f in records.definition.fields}

    def check(name: str, value: str) -> bool:
        pattern = patterns.get(name)
        return bool(value) and pattern is not None and pattern.fullmatch(value) is not None

    return check


def _sql_reference_findings(records: Records, loaded: str | None) -> list[Finding]:
    if not records.rows:
        return []
    con = connection()
    with table_of(records, loaded) as table:
        rows, unattributed = reference_rows(con, table, records.definition)
        carried = bool(unattributed) and _any_activity(con, table, records)
    file, sheet = records.table.file, records.table.sheet
    order = {name: k for k, name in enumerate(REFERENCES)}
    prefetch(records.rows, (i for i, _ in rows))
    findings = [Finding(REFERENCES[name][0], file, sheet, records.row_numbers[i], name,
                        records.rows[i].get(name), params={})
                for i, name in sorted(rows, key=lambda r: (r[0], order[r[1]]))]
    if unattributed:
        numbers = [records.row_numbers[i] for i in unattributed]
        findings.append(_unattributed(records, numbers, carried))
    return findings


def _any_activity(con, table: str, records: Records) -> bool:
    """Some line of the loaded records has a kode kegiatan."""
    if "kode_kegiatan" not in records.definition.field_names:
        return False
    return con.execute(f"SELECT count(*) FROM {table} WHERE coalesce({quote('kode_kegiatan')}, '') <> ''"
                       ).fetchone()[0] > 0


def reference_rows(con, table: str, definition: DatasetDefinition) -> tuple[list[tuple[int, str]], list[int]]:
    """The SQL of the reference checks over a table with a row id ``_i``: the rows whose
    well-formed code is not in its reference table (with the field), and the spending rows
    without a kegiatan. Shared by the per-file findings and the batch screen."""
    names = definition.field_names
    patterns = {f.name: re.compile(f.constraints.get("pattern", r".+")) for f in definition.fields}
    rows: list[tuple[int, str]] = []
    for name in [n for n in REFERENCES if n in names]:
        _, exists, known = REFERENCES[name]
        reference = _reference_table(con, name, known)
        candidates = con.execute(
            f"SELECT DISTINCT {quote(name)} FROM {table} WHERE {quote(name)} <> '' AND "
            f"{quote(name)} NOT IN (SELECT kode FROM {reference})").fetchall()
        values = sorted(v for (v,) in candidates if patterns[name].fullmatch(v) and not exists(v))
        if values:
            value_table(con, "unknown_codes", {"v": values})
            rows += [(i, name) for (i,) in con.execute(
                f"SELECT _i FROM {table} WHERE {quote(name)} IN (SELECT v FROM unknown_codes)").fetchall()]
    unattributed = [] if "kode_rekening" not in names else [i for (i,) in con.execute(
        f"SELECT _i FROM {table} WHERE starts_with(kode_rekening, '5') AND "
        f"coalesce({'kode_kegiatan' if 'kode_kegiatan' in names else 'NULL'}, '') = '' "
        f"ORDER BY _i").fetchall()]
    return rows, unattributed


def _reference_table(con, name: str, known: Callable[[], list[str]]) -> str:
    """The reference codes of a field as a temporary DuckDB table of ``con``, (re)loaded unless
    the connection already holds it at its current size (the bench extends the village table in
    its process). The connection itself is asked: a cache beside it went stale when a new
    connection got a closed one's ``id`` (a fresh warehouse in the same process)."""
    table = f"reference_{name}"
    codes = known()
    held = con.execute("SELECT estimated_size FROM duckdb_tables() WHERE temporary AND table_name = ?",
                       [table]).fetchall()
    if held != [(len(codes),)]:
        value_table(con, table, {"kode": codes})
    return table
