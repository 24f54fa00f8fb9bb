"""Rules that span rows, years or datasets: DuckDB SQL over the warehouse's current data.

The rules' SQL lives in ``expectations/cross_dataset.yaml``, their messages in the rule catalogue. They run on what the portal shows (the
records of ``current_slices``), so a rule comparing kegiatan with APBDes compares the versions a
reader would compare. Results are ordinary findings: kode_desa and tahun in ``params``, the file
and row when a rule points at one submission's row.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import duckdb

from desa_terbuka.core.catalogue import catalogue
from desa_terbuka.core.config import ConfigError, Strict, load_config, shown
from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.findings import Finding
from desa_terbuka.core.paths import EXPECTATIONS_DIR
from desa_terbuka.core.text import display
from desa_terbuka.stage.warehouse import records_table

CROSS_RULES_PATH = EXPECTATIONS_DIR / "cross_dataset.yaml"
_PLACEHOLDER = re.compile(r"\$([A-Za-z_]\w*)")
_FIXED = ("kode_desa", "tahun", "submission_id", "source_row", "field", "value")


class _CrossRule(Strict):
    rule: str
    record_type: str
    also_reports_on: list[str] = []
    sql: str
    params: dict[str, Any] = {}


class _CrossFile(Strict):
    rules: list[_CrossRule]


@cache
def cross_rules() -> list[dict[str, Any]]:
    """The rules of ``cross_dataset.yaml``, checked: known record types, rules in the catalogue."""
    loaded = load_config(CROSS_RULES_PATH, _CrossFile)
    known = catalogue()
    for index, rule in enumerate(loaded.rules):
        where = f"{shown(CROSS_RULES_PATH)}: 'rules.{index}'"
        if rule.record_type not in definitions():
            raise ConfigError(f"{where}.record_type: '{rule.record_type}' bukan jenis data; pilih "
                              f"{', '.join(definitions())} / not a record type")
        entry = known.get(rule.rule)
        if entry is None or entry.stage != "cross_dataset":
            raise ConfigError(f"{where}.rule: aturan '{rule.rule}' tidak ada di rules/cross_dataset.yaml; "
                              "tambahkan tingkat dan pesannya / the rule is not in the catalogue")
    return [rule.model_dump() for rule in loaded.rules]


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """``current_<type>``: the current records of each type with a uniform ``tahun`` column."""
    for record_type, definition in definitions().items():
        year_field = definition.year_field
        typed_year = definition.field(year_field).type == "integer"
        year = f'r."{year_field}"' if typed_year else f'year(r."{year_field}")'
        extra = "" if year_field == "tahun" else f", {year} AS tahun"
        con.execute(
            f"CREATE OR REPLACE TEMP VIEW current_{record_type} AS SELECT r.*{extra} "
            f"FROM {records_table(record_type)} r JOIN current_slices c "
            f"ON c.record_type = '{record_type}' AND c.submission_id = r.submission_id "
            f"AND c.kode_desa = r.kode_desa AND c.tahun = {year}")


def run_cross_rules(con: duckdb.DuckDBPyConnection, record_type: str | None = None,
                    villages: list[str] | None = None) -> list[Finding]:
    """Findings of every cross rule reporting on ``record_type`` (all when None) for ``villages``."""
    create_views(con)
    files = {sid: (path, sheet) for sid, path, sheet in con.execute(
        "SELECT submission_id, path, sheet FROM submissions").fetchall()}
    findings: list[Finding] = []
    for rule in cross_rules():
        if record_type and rule["record_type"] != record_type:
            continue
        findings += _run_rule(con, rule, villages, files)
    return findings


def _run_rule(con: duckdb.DuckDBPyConnection, rule: dict[str, Any], villages: list[str] | None,
              files: dict[str, tuple[str, str | None]]) -> list[Finding]:
    params = dict(rule.get("params") or {})
    query = f"SELECT * FROM ({rule['sql']}) q"
    if villages:
        query += " WHERE list_contains($villages, q.kode_desa)"
        params["villages"] = list(villages)
    query += " ORDER BY q.kode_desa, q.tahun, q.source_row NULLS FIRST, q.field"
    used = set(_PLACEHOLDER.findall(query))
    cursor = con.execute(query, {k: v for k, v in params.items() if k in used})
    columns = [d[0] for d in cursor.description]
    findings = []
    for values in cursor.fetchall():
        row = dict(zip(columns, values))
        path, sheet = files.get(row.get("submission_id"), ("", None))
        extra = {k: display(v) for k, v in row.items() if k not in _FIXED}
        shown = {k: display(v) for k, v in (rule.get("params") or {}).items() if k not in extra}
        findings.append(Finding(
            rule["rule"], path, sheet, row.get("source_row"), row.get("field"),
            None if row.get("value") is None else str(row["value"]),
            params={"kode_desa": row["kode_desa"], "tahun": row["tahun"], **shown, **extra},
        ))
    return findings
