"""The Great Expectations suites (``expectations/<type>.json``), checked on load.

A suite names each expectation's rule (``meta.rule``); the rule's severity and messages live in
the rule catalogue (``rules/expectations.yaml``), so a suite cannot carry a rule the catalogue
does not know, and every message renders like any other finding.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from desa_terbuka.core.catalogue import catalogue
from desa_terbuka.core.config import (
    ConfigError,
    Strict,
    read_data,
    shown,
    validate_data,
)
from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.paths import CONFIG_ROOT


class _Meta(Strict):
    rule: str
    field: str | None = None
    supersedes: str | None = None
    group_rows: bool = False  # its rows said in one finding (``expectation_groups``)
    whole_file_rule: str | None = None  # the rule said once when no line has the value


class _Expectation(BaseModel):
    model_config = ConfigDict(extra="allow")  # GX's own keys (id, rendered_content, ...)
    type: str
    kwargs: dict[str, Any]
    meta: _Meta
    severity: Literal["critical", "warning", "info"] | None = None


class _SuiteMeta(Strict):
    record_type: str
    parameters: dict[str, Any] = {}
    derive: dict[str, str] = {}
    covered_by_schema: list[dict[str, Any]] = []
    hooks: dict[str, str] = {}


class _Suite(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str
    expectations: list[_Expectation]
    meta: _SuiteMeta
    notes: str | None = None


_GX_SEVERITY = {"error": "critical", "warning": "warning", "info": "info"}


@cache
def load_suite(record_type: str) -> dict[str, Any]:
    """The suite file named by the dataset definition (``expectations:`` in datasets/<type>.yaml).

    Returned as GX reads it; checked first: its shape, and that each rule is in the catalogue."""
    path = CONFIG_ROOT / definitions()[record_type].config["expectations"]
    data = read_data(path)
    suite = validate_data(data, _Suite, path)
    rules = catalogue()
    for index, expectation in enumerate(suite.expectations):
        code, where = expectation.meta.rule, f"{shown(path)}: 'expectations.{index}.meta.rule'"
        known = rules.get(code)
        if known is None or known.stage != "expectations":
            raise ConfigError(f"{where}: aturan '{code}' tidak ada di rules/expectations.yaml; tambahkan "
                              "aturannya (tingkat dan pesan id/en) atau perbaiki ejaan kodenya / "
                              "the rule is not in the catalogue")
        if expectation.severity and expectation.severity != _GX_SEVERITY[known.severity]:
            raise ConfigError(f"{where}: tingkat GX '{expectation.severity}' bertentangan dengan "
                              f"katalog ('{known.severity}'); hapus kunci severity / contradicts the catalogue")
        for other in (expectation.meta.supersedes, expectation.meta.whole_file_rule):
            if other and other not in rules:
                raise ConfigError(f"{where}: supersedes '{other}' bukan aturan yang dikenal / unknown rule")
    return data


def suite_codes(record_type: str) -> list[str]:
    return [e["meta"]["rule"] for e in load_suite(record_type)["expectations"]]
