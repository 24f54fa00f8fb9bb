"""Quality rules are declared as data (``expectations/*.json``, ``cross_dataset.yaml``).

This module reads those files and registers every rule into the one finding catalogue
(``findings.RULES``), so expectation and cross-dataset findings render like schema findings.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.findings import Rule, register
from desa_terbuka.core.paths import PROJECT_ROOT

_RULE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")
_GX_SEVERITY = {"error": "critical", "warning": "warning"}  # GX's own field, kept in agreement


@cache
def load_suite(record_type: str) -> dict[str, Any]:
    """The suite file named by the dataset definition (``expectations:`` in datasets/<type>.yaml)."""
    path = PROJECT_ROOT / definitions()[record_type].config["expectations"]
    return json.loads(path.read_text(encoding="utf-8"))


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
    from desa_terbuka.stage.cross_dataset import (
        cross_rules,  # temporary: goes with the catalogue
    )
    rules += [rule_from_meta(r, "expectations/cross_dataset.yaml") for r in cross_rules()]
    for rule in rules:
        register(rule)
    return rules
