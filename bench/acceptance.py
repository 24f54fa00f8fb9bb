"""Acceptance on a generated district with form variation and planted errors.

    .venv/bin/python bench/acceptance.py INBOX --warehouse W.duckdb

Runs the pipeline's intake (``bench/intake.py``: check + stage behind the cross-dataset gate) on
every file and compares the verdicts with the generator's manifest. Prints one JSON object:
share of correct files accepted (target >= 99 %), share of planted errors reported at their row
and field (target 100 %), why correct files bounced (by variation and by finding) and which
planted errors went unreported (by kind).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desa_terbuka.collect.inbox import discover  # noqa: E402

from bench.errors import keys, pipeline_errors  # noqa: E402
from bench.gen_district import load_manifest  # noqa: E402
from bench.intake import intake  # noqa: E402


def judge(manifest: list[dict], results: list[dict], inbox: Path) -> dict:
    """Verdicts against the manifest: correct files accepted, planted errors reported."""
    by_path = {str((inbox / e["path"]).resolve()): e for e in manifest}
    correct = accepted = with_errors = errors_rejected = 0
    bounced_by_variation: Counter = Counter()
    bounced_by_finding: Counter = Counter()
    examples: dict[str, list] = {}
    kinds: dict[str, list[int]] = {}
    missed = []
    for r in results:
        entry = by_path[str(Path(r["path"]).resolve())]
        if entry["errors"]:
            with_errors += 1
            errors_rejected += r["verdict"] == "rejected"
            reported = keys(pipeline_errors(r["errors"]))
            for p in entry["errors"]:
                hit = (p["row"], p["field"]) in reported
                counts = kinds.setdefault(p["kind"], [0, 0])
                counts[0] += hit
                counts[1] += 1
                if not hit:
                    missed.append({**p, "file": entry["path"], "variations": entry["variations"]})
            continue
        correct += 1
        if r["verdict"] == "accepted":
            accepted += 1
            continue
        for v in entry["variations"] or ["(no variation)"]:
            bounced_by_variation[v] += 1
        for e in r["errors"]:
            key = f"{e['code']} {e['field']}"
            bounced_by_finding[key] += 1
            examples.setdefault(key, [entry["path"], entry["variations"], e["row"]])
    planted = sum(c[1] for c in kinds.values())
    found = sum(c[0] for c in kinds.values())
    return {
        "files": len(results), "correct_files": correct, "correct_accepted": accepted,
        "correct_accepted_share": round(accepted / correct, 4) if correct else None,
        "bounced_by_variation": dict(bounced_by_variation.most_common()),
        "bounced_by_finding": dict(bounced_by_finding.most_common()),
        "bounced_examples": examples,
        "files_with_planted_errors": with_errors, "files_with_planted_errors_rejected": errors_rejected,
        "planted": {"planted": planted, "found": found,
                    "share": round(found / planted, 4) if planted else None,
                    "by_kind": {k: f"{a}/{b}" for k, (a, b) in sorted(kinds.items())},
                    "missed_by_kind": dict(Counter(m["kind"] for m in missed)),
                    "missed_examples": missed[:8]},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inbox", type=Path)
    parser.add_argument("--warehouse", type=Path, required=True)
    args = parser.parse_args()
    started = time.perf_counter()
    results = intake(discover(args.inbox), args.warehouse)
    report = judge(load_manifest(args.inbox), results, args.inbox)
    report.update(wall_s=round(time.perf_counter() - started, 2),
                  check_s=round(sum(r["check_s"] for r in results), 2),
                  stage_s=round(sum(r["stage_s"] for r in results), 2),
                  peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
