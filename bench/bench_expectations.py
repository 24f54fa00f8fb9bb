"""Business-rule cost per village submission, both engines: the suites compiled to SQL (the
default) and Great Expectations (the reference): cold start (import + first run per type) and the
warm median per submission; the two engines' findings are compared submission by submission.

Run: .venv/bin/python bench/bench_expectations.py [--year 2024] [--repeat 3]
Schema validation (check_file) is not timed; only run_expectations is.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desa_terbuka.authoring.sample import generate
from desa_terbuka.validate.check import check_file


def measure(records: list, engine: str, repeat: int) -> dict:
    from desa_terbuka.validate.expectations import run_expectations

    first: dict[str, float] = {}
    found = {}
    for r in records:  # warm-up: one submission of each record type builds its suite
        t = r.definition.record_type
        t0 = time.perf_counter()
        found[r.table.file] = run_expectations(r, engine=engine)
        first.setdefault(t, time.perf_counter() - t0)
    per_file: dict[str, list[float]] = {}
    for _ in range(repeat):
        for r in records:
            t0 = time.perf_counter()
            run_expectations(r, engine=engine)
            per_file.setdefault(r.table.file, []).append(time.perf_counter() - t0)
    by_type: dict[str, list[float]] = {}
    for r in records:
        by_type.setdefault(r.definition.record_type, []).append(min(per_file[r.table.file]))
    return {"first": first, "times": [min(v) for v in per_file.values()], "by_type": by_type, "found": found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        records = [check_file(p, expectations=False).records for p in generate(Path(tmp), years=(args.year,))]
    print(f"{len(records)} submissions of {args.year} ({sum(len(r.rows) for r in records)} rows)")
    start = time.perf_counter()
    import desa_terbuka.validate.expectations  # noqa: F401
    print(f"import: {time.perf_counter() - start:.2f} s (GX itself is imported on its first run)")
    results = {}
    for engine in ("sql", "reference"):
        m = results[engine] = measure(records, engine, args.repeat)
        village = sum(statistics.median(v) for v in m["by_type"].values())
        print(f"{engine}: first run per type " + ", ".join(f"{t} {s:.2f} s" for t, s in m["first"].items())
              + f"; warm per submission median {statistics.median(m['times']) * 1000:.1f} ms, "
              f"max {max(m['times']) * 1000:.1f} ms; per village (3 types) {village * 1000:.1f} ms")
    same = all(results["sql"]["found"][f] == results["reference"]["found"][f] for f in results["sql"]["found"])
    print(f"same findings on every submission: {same}")


if __name__ == "__main__":
    main()
