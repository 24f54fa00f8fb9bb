"""Error sets of the two validators on one file, in one shape, and what each found of the planted ones.

An error is (row, field) with the row as the operator sees it (heading row = 1, the numbering
both Frictionless and the pipeline use) and the field's schema name; a duplicate key is field
``<primary key>`` in both (Frictionless names no field; the pipeline names all key fields).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

PRIMARY_KEY = "<primary key>"


def frictionless_errors(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Errors of ``frictionless validate --json`` (a file or a package), as {row, field, code}; a
    foreign-key error is at its (single) field."""
    return [e for task in report.get("tasks", []) for e in _task_errors(task)]


def frictionless_by_resource(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """A package's errors per resource (its task's name), as ``frictionless_errors`` gives them."""
    return {task.get("name"): _task_errors(task) for task in report.get("tasks", [])}


def _task_errors(task: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for e in task.get("errors", []):
        field = PRIMARY_KEY if e.get("type") == "primary-key" else e.get("fieldName")
        if e.get("type") == "foreign-key" and e.get("fieldNames"):
            field = e["fieldNames"][0]
        found.append({"row": e.get("rowNumber"), "field": field, "code": e.get("type")})
    return found


def in_files(by_file: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Errors of many files as one list, each row written ``<file>:<row>``: ``compare`` and
    ``planted_found`` then judge a batch file by file, row by row, field by field."""
    return [{**e, "row": f"{file}:{e['row']}"} for file, errors in by_file.items() for e in errors]


def pipeline_errors(errors: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Error-level findings of ``desa check --json`` (or the library), as {row, field, code};
    ``business``: a rule of the expectation suites, which a Table Schema cannot state."""
    from desa_terbuka.core.catalogue import rule

    return [{"row": e.get("row"), "field": PRIMARY_KEY if e.get("code") == "duplicate-row" else e.get("field"),
             "code": e.get("code"), "business": rule(e["code"]).stage == "expectations"} for e in errors]


def schema_level(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The errors both validators can state: types, constraints, keys, reference tables."""
    return [e for e in errors if not e.get("business")]


def keys(errors: Iterable[dict[str, Any]]) -> set[tuple[Any, Any]]:
    return {(e["row"], e["field"]) for e in errors}


def compare(ours: list[dict[str, Any]], theirs: list[dict[str, Any]], limit: int = 8) -> dict[str, Any]:
    """Same rows and fields? The differences, counted by code, with a few examples."""
    a, b = keys(ours), keys(theirs)
    code_a = {(e["row"], e["field"]): e["code"] for e in ours}
    code_b = {(e["row"], e["field"]): e["code"] for e in theirs}
    only_a, only_b = sorted(a - b, key=str), sorted(b - a, key=str)
    return {
        "both": len(a & b), "only_pipeline": len(only_a), "only_frictionless": len(only_b),
        "only_pipeline_by_code": dict(Counter(code_a[k] for k in only_a)),
        "only_frictionless_by_code": dict(Counter(code_b[k] for k in only_b)),
        "only_pipeline_examples": [[*k, code_a[k]] for k in only_a[:limit]],
        "only_frictionless_examples": [[*k, code_b[k]] for k in only_b[:limit]],
        "same": a == b,
    }


def planted_found(planted: list[dict[str, Any]], found: list[dict[str, Any]]) -> dict[str, Any]:
    """How many planted errors a validator reported at their row and field, by kind."""
    where = keys(found)
    by_kind: dict[str, list[int]] = {}
    missed = []
    for p in planted:
        hit = (p["row"], p["field"]) in where
        counts = by_kind.setdefault(p["kind"], [0, 0])
        counts[0] += hit
        counts[1] += 1
        if not hit:
            missed.append(p)
    total = len(planted)
    hits = sum(c[0] for c in by_kind.values())
    return {"planted": total, "found": hits, "share": round(hits / total, 4) if total else None,
            "by_kind": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_kind.items())},
            "missed_examples": missed[:8]}
