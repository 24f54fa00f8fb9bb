"""The machine contracts: ``--json`` of ``desa check`` and ``desa run``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desa_terbuka.core.findings import Finding, Lang, rule_counts
from desa_terbuka.core.text import text_in
from desa_terbuka.link.urls import dataset_url
from desa_terbuka.validate.check import CheckedSubmission

if TYPE_CHECKING:  # the run's modules (publishing, portal clients) stay unimported for a check
    from desa_terbuka.run import RunSummary


def check_json(checked: CheckedSubmission, lang: Lang = "id") -> dict[str, Any]:
    """One part of a file in the machine contract of ``desa check --json`` (pinned by
    tests/unit/test_check_json.py: the same keys and types for every file, valid, invalid,
    unreadable or missing); the command adds ``other_parts``, the file's other record types."""
    return _submission_json(str(checked.submission.path), checked.valid, checked.record_type,
                            checked.villages, checked.years, len(checked.rows), checked.sheet,
                            checked.encoding, checked.sources, checked.findings, lang)


def missing_file_json(file: str, record_type: str | None, lang: Lang = "id") -> dict[str, Any]:
    """The same contract for a file that does not exist."""
    finding = Finding("file-not-found", file, value=file)
    return {**_submission_json(file, False, record_type, [], [], 0, None, None, {}, [finding], lang),
            "other_parts": []}


def _submission_json(file: str, valid: bool, record_type: str | None, villages: list[str],
                     years: list[int], rows: int, sheet: str | None, encoding: str | None,
                     sources: dict[str, Any], findings: list[Finding], lang: Lang) -> dict[str, Any]:
    def level(name: str) -> list[dict[str, Any]]:
        return [f.to_dict(lang) for f in findings if f.level == name]
    return {
        "file": file,
        "valid": valid,
        "type": record_type,
        # one shape whatever the file holds: every village and year as lists, and the single
        # village/year (null when the file holds none or several)
        "villages": list(villages),
        "years": list(years),
        "kode_desa": villages[0] if len(villages) == 1 else None,
        "tahun": years[0] if len(years) == 1 else None,
        "rows": rows,
        "sheet": sheet,
        "encoding": encoding,
        "sources": {name: text_in(where, lang) for name, where in sources.items()},
        # every rule found and its exact count: the lists below hold at most a rule's
        # ``examples`` (rules/*.yaml) per file, a findings-omitted info counting the others
        "counts": rule_counts(findings),
        "errors": level("error"),
        "warnings": level("warning"),
        "info": level("info"),
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
        "datasets": [{"name": r.dataset, "url": dataset_url(summary.portal_url, r.dataset),
                      "changes": r.changes}
                     for r in summary.published],
        "failures": {name: f.to_dict() for name, f in summary.failures.items()},
        "dry_run": summary.dry_run,
    }
