"""GX cost per village submission: cold start (import + context + suite) and warm median.

Run: .venv/bin/python bench/bench_expectations.py [--year 2024]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3)
    year = parser.parse_args().year
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as tmp:
        records = [check_file(p).records for p in generate(Path(tmp), years=(year,))]
    start = time.perf_counter()
    from desa_terbuka.validate.expectations import run_expectations
    imported = time.perf_counter()
    first = {}
    for r in records:  # warm-up: one submission of each record type builds its suite
        t = r.definition.record_type
        if t not in first:
            t0 = time.perf_counter()
            run_expectations(r)
            first[t] = time.perf_counter() - t0
    per_file = {}
    for _ in range(repeat):
        for r in records:
            t0 = time.perf_counter()
            run_expectations(r)
            per_file.setdefault(r.table.file, []).append(time.perf_counter() - t0)
    times = [min(v) for v in per_file.values()]
    by_type: dict[str, list[float]] = {}
    for r in records:
        by_type.setdefault(r.definition.record_type, []).append(min(per_file[r.table.file]))
    print(f"{len(records)} submissions of {year} ({sum(len(r.rows) for r in records)} rows)")
    print(f"cold start: import {imported - start:.2f} s; first run per type "
          + ", ".join(f"{t} {s:.2f} s" for t, s in first.items()))
    print(f"warm per submission: median {statistics.median(times) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms")
    for t, v in by_type.items():
        print(f"  {t}: median {statistics.median(v) * 1000:.0f} ms")
    village = sum(statistics.median(v) for v in by_type.values())
    print(f"per village (apbdes + kegiatan + musyawarah): {village * 1000:.0f} ms")


if __name__ == "__main__":
    main()
