"""Quality rules are declared as data (``expectations/*.json``, ``cross_dataset.yaml``).

This module reads those files and registers every rule into the one finding catalogue
(``findings.RULES``), so expectation and cross-dataset findings render like schema findings.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

import yaml

from desa_terbuka.definitions import definitions
from desa_terbuka.findings import Rule, register
from desa_terbuka.paths import EXPECTATIONS_DIR, PROJECT_ROOT

CROSS_RULES_PATH = EXPECTATIONS_DIR / "cross_dataset.yaml"
_RULE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")
_GX_SEVERITY = {"error": "critical", "warning": "warning"}  # GX's own field, kept in agreement


@cache
def load_suite(record_type: str) -> dict[str, Any]:
    """The suite file named by the dataset definition (``expectations:`` in datasets/<type>.yaml)."""
    path = PROJECT_ROOT / definitions()[record_type].config["expectations"]
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def cross_rules() -> list[dict[str, Any]]:
    return yaml.safe_load(CROSS_RULES_PATH.read_text(encoding="utf-8"))["rules"]


def rule_from_meta(meta: dict[str, Any], where: str) -> Rule:
    """A catalogue entry from an expectation's ``meta`` or a cross rule; ValueError when malformed."""
    code, severity = meta.get("rule", ""), meta.get("severity")
    if not _RULE_ID.fullmatch(code):
        raise ValueError(f"{where}: rule id {code!r} must be kebab-case, e.g. apbdes-realisasi-over-budget")
    if severity not in _GX_SEVERITY:
        raise ValueError(f"{where}: rule {code}: severity must be 'error' or 'warning', not {severity!r}")
    if not meta.get("message_id") or not meta.get("message_en"):
        raise ValueError(f"{where}: rule {code}: message_id and message_en are required")
    return Rule(code, severity, " ".join(meta["message_id"].split()), " ".join(meta["message_en"].split()))


def suite_rules(record_type: str) -> list[Rule]:
    suite, where = load_suite(record_type), f"expectations/{record_type}.json"
    rules = []
    for expectation in suite.get("expectations", []):
        rule = rule_from_meta(expectation.get("meta") or {}, where)
        native = expectation.get("severity")
        if native is not None and native != _GX_SEVERITY[rule.severity]:
            raise ValueError(f"{where}: rule {rule.code}: GX severity {native!r} contradicts meta")
        rules.append(rule)
    return rules


def register_all() -> list[Rule]:
    """Register the rules of every suite and of cross_dataset.yaml; cheap (no GX import)."""
    rules = [r for t in definitions() for r in suite_rules(t)]
    rules += [rule_from_meta(r, "expectations/cross_dataset.yaml") for r in cross_rules()]
    for rule in rules:
        register(rule)
    return rules


def display(value: Any) -> str:
    """A value for an Indonesian message: 1250000.5 -> '1.250.000,5'; years and counts stay plain."""
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, (int, str, date)):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, (float, Decimal)):
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            return "—"
        text = f"{number:,.0f}" if number == round(number) else f"{number:,.1f}"
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    return str(value)
