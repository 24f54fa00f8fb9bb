"""The machine contracts: ``--json`` of ``desa check`` and ``desa run``."""

from __future__ import annotations

from typing import Any

from desa_terbuka.core.findings import Lang
from desa_terbuka.run import RunSummary
from desa_terbuka.validate.check import CheckedSubmission


def check_json(checked: CheckedSubmission, lang: Lang = "id") -> dict[str, Any]:
    """The machine contract of ``desa check --json`` (pinned by tests/unit/test_cli_check.py)."""
    errors = [f.to_dict(lang) for f in checked.findings if f.level == "error"]
    warnings = [f.to_dict(lang) for f in checked.findings if f.level == "warning"]
    return {
        "file": str(checked.submission.path),
        "valid": checked.valid,
        "type": checked.record_type,
        "kode_desa": checked.villages[0] if len(checked.villages) == 1 else checked.villages or None,
        "tahun": checked.years[0] if len(checked.years) == 1 else checked.years or None,
        "rows": len(checked.rows),
        "sheet": checked.sheet,
        "encoding": checked.encoding,
        "sources": checked.sources,
        "errors": errors,
        "warnings": warnings,
    }


def run_json(summary: RunSummary) -> dict[str, Any]:
    """The machine contract of ``desa run --json``."""
    return {
        "submissions": [
            {"file": o.file, "type": o.record_type, "villages": o.villages, "years": o.years,
             "verdict": o.verdict, "errors": o.errors, "warnings": o.warnings,
             "findings": [f.to_dict() for f in o.findings]}
            for o in summary.outcomes],
        "changes": summary.change_count,
        "write_calls": summary.write_calls,
        "datasets": [{"name": r.dataset, "url": r.url, "changes": r.changes}
                     for r in summary.published],
        "failures": summary.failures,
        "dry_run": summary.dry_run,
    }
