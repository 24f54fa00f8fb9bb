"""National simulation without a portal: read, normalise, validate and stage village files
through the library's entry points, on the first ``--limit`` villages of a generated national
inbox, then extrapolate to all villages.

    .venv/bin/python bench/national.py INBOX --warehouse W [--limit 100] [--total 75000] [--partition none] [--per-file]

By default the set-based batch intake (``stage/intake.py``: canonical CSVs a window of files at
a time, one ``read_csv``, the checks once per batch, bulk staging; the other files per file), as
``desa run`` does for many files; ``--per-file`` runs the per-file path (``check_file`` then
``receive`` for each file, or ``check_many`` in worker processes), the baseline. By default each
kabupaten is a partition with its own warehouse file (``--warehouse`` is then a folder), in
parallel processes, as one deployment per kabupaten runs; the extrapolation adds the other
partitions at the rate of the partitions a warm process took. ``--partition none`` (one
warehouse, this process) and ``--per-file`` extrapolate linearly in villages (the rate of the
second half of the subset, after warm-up, for the per-file path; the whole run's rate else). The invented
villages are added to the reference village table in this process (``extend_reference``): the
shipped table holds Kotim only. Prints one JSON object; what is measured and what is
extrapolated are separate keys.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gen_model import NATIONAL_VILLAGES  # noqa: E402

PARTITION_MB = 512  # what one partition's process needs at peak (a 3,000-file window: ~450 MB)


def village_folders(inbox: Path, limit: int) -> list[Path]:
    folders = sorted(p for p in inbox.glob("*/*") if p.is_dir())
    return folders[:limit]


def partition_workers(requested: int | None) -> int:
    """Partition processes: one per core (``DESA_WORKERS`` caps it), as many as the memory
    budget holds at ``PARTITION_MB`` each."""
    from desa_terbuka.collect.base import memory_budget_mb
    from desa_terbuka.core.settings import usable_cores

    if requested:
        return requested
    return max(1, min(usable_cores(), memory_budget_mb() // PARTITION_MB))


def by_partition(inbox: Path, folders: list[Path], warehouse: Path, limit_to: str) -> list[tuple]:
    """(partition, its files, its warehouse file): a kabupaten's villages (``prov.kab``, the
    inbox's second level) are one partition and one warehouse file, as one deployment."""
    jobs: dict[str, list[Path]] = {}
    for folder in folders:
        key = folder.name[:5] if limit_to == "kabupaten" else "all"
        jobs.setdefault(key, []).extend(sorted(folder.glob("*.csv")))
    warehouse.mkdir(parents=True, exist_ok=True)
    return [(key, files, warehouse / f"{key}.duckdb") for key, files in sorted(jobs.items())]


def run_partitions(jobs: list[tuple], workers: int) -> list[dict]:
    """Each partition's intake in its own process, ``workers`` at a time, each process given an
    equal share of the memory budget (its windows follow it) and of the cores (DuckDB's threads)."""
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    from bench.intake import intake_partition
    from desa_terbuka.collect.base import memory_budget_mb
    from desa_terbuka.core.settings import usable_cores

    # inherited by the workers: a share of the budget and of the cores each
    os.environ["DESA_MEMORY_MB"] = str(memory_budget_mb() // workers)
    os.environ.setdefault("DESA_DUCKDB_THREADS", str(max(1, usable_cores() // workers)))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(intake_partition, jobs))


def warm_seconds_per_village(done: list[dict], villages: list[int]) -> float:
    """Seconds a village takes in a warm process: over the partitions that were not their
    process's first (all of them when each process took one)."""
    first: set[int] = set()
    later = []
    for d, n in zip(done, villages):  # in submission order: a process's first partition comes first
        if d["process"] in first:
            later.append((d["seconds"], n))
        first.add(d["process"])
    chosen = later or [(d["seconds"], n) for d, n in zip(done, villages)]
    return sum(t for t, _ in chosen) / max(1, sum(n for _, n in chosen))


def main_partitioned(args, folders: list[Path]) -> None:
    workers = partition_workers(args.workers)
    jobs = by_partition(args.inbox, folders, args.warehouse, args.partition)
    started = time.perf_counter()
    done = run_partitions(jobs, workers)
    wall = time.perf_counter() - started
    rows = sum(d["rows"] for d in done)
    size = sum(d["warehouse_bytes"] for d in done)
    villages = [len({p.parent for p in files}) for _, files, _ in jobs]
    warm = warm_seconds_per_village(done, villages)
    remaining = max(0, args.total - len(folders))
    print(json.dumps({
        "measured": {
            "villages": len(folders), "files": sum(d["files"] for d in done), "rows": rows,
            "wall_s": round(wall, 2), "workers": workers, "path": "batch",
            "partitions": len(jobs), "partition": args.partition,
            "accepted": sum(d["accepted"] for d in done), "rejected": sum(d["rejected"] for d in done),
            "rows_per_s": round(rows / wall) if wall else 0,
            "partition_s": [d["seconds"] for d in done],
            "warm_seconds_per_village": round(warm, 5),
            "warehouse_growth_mb": round(size / 1e6, 1),
            "peak_rss_mb": max(d["peak_rss_mb"] for d in done),
            "peak_rss_of": "the largest partition process",
        },
        "extrapolated": {
            "villages": args.total, "wall_s": round(wall + remaining * warm / workers),
            "rows": round(rows / max(1, len(folders)) * args.total),
            "warehouse_mb": round(size / 1e6 / max(1, len(folders)) * args.total),
            "method": (f"the measured run, then the other {remaining:,} villages at the rate of the "
                       f"partitions a warm process took (start-up and warm-up paid once), "
                       f"{workers} processes at a time"),
        },
        "patches": ["reference village table extended in-process with the invented villages"],
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inbox", type=Path)
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=100, help="villages to measure")
    parser.add_argument("--total", type=int, default=NATIONAL_VILLAGES, help="villages to extrapolate to")
    parser.add_argument("--workers", type=int, help="check processes [what cores and DESA_MEMORY_MB allow]")
    parser.add_argument("--per-file", action="store_true", help="the per-file path (the baseline)")
    parser.add_argument("--partition", choices=("kabupaten", "none"), default="kabupaten",
                        help="a warehouse file per kabupaten, in parallel processes (default), or "
                             "one warehouse in this process")
    args = parser.parse_args()
    folders = village_folders(args.inbox, args.limit)
    if not args.per_file and args.partition == "kabupaten":
        return main_partitioned(args, folders)
    from desa_terbuka.collect.inbox import describe
    from desa_terbuka.stage.warehouse import Warehouse
    from desa_terbuka.validate.batch import workers_for

    from bench.gen_model import extend_reference
    from bench.intake import intake, intake_batch, intake_set, staged_rows

    extend_reference()
    with tempfile.TemporaryDirectory() as tmp:  # what an empty warehouse file weighs
        Warehouse(Path(tmp) / "w.duckdb").close()
        empty = (Path(tmp) / "w.duckdb").stat().st_size
    files = [p for folder in folders for p in sorted(folder.glob("*.csv"))]
    started = time.perf_counter()
    marks: list[float] = []
    submissions = [describe(p) for p in files]
    workers = args.workers if args.workers is not None else workers_for(submissions)
    parallel_check_s = None
    if not args.per_file:  # the set-based batch intake
        results = intake_set(submissions, args.warehouse, extend_reference)
    elif workers > 1:  # checked in worker processes (the reference table extended in each)
        results, parallel_check_s = intake_batch(submissions, args.warehouse, workers, extend_reference)
    else:
        results = intake(submissions, args.warehouse,
                         on_file=lambda r: marks.append(time.perf_counter() - started))
    wall = time.perf_counter() - started
    per_village = len(files) // max(1, len(folders))
    half = len(folders) // 2
    if half and len(marks) >= 2 * half * per_village:
        split = marks[half * per_village - 1]
        rate = (wall - split) / (len(folders) - half)
    else:
        rate = wall / max(1, len(folders))
    rows = staged_rows(args.warehouse) if not args.per_file else sum(r["rows"] for r in results)
    size = max(0, (args.warehouse.stat().st_size if args.warehouse.exists() else 0) - empty)
    print(json.dumps({
        "measured": {
            "villages": len(folders), "files": len(files), "rows": rows, "wall_s": round(wall, 2),
            "workers": workers, "path": "per-file" if args.per_file else "batch",
            "check_s": round(parallel_check_s if parallel_check_s is not None
                             else sum(r["check_s"] for r in results), 2),
            "stage_s": round(sum(r["stage_s"] for r in results), 2),
            "accepted": sum(r["verdict"] == "accepted" for r in results),
            "rejected": sum(r["verdict"] == "rejected" for r in results),
            "rows_per_s": round(rows / wall) if wall else 0,
            "seconds_per_village_second_half": round(rate, 4),
            "warehouse_growth_mb": round(size / 1e6, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        },
        "extrapolated": {
            "villages": args.total, "wall_s": round(rate * args.total),
            "rows": round(rows / max(1, len(folders)) * args.total),
            "warehouse_mb": round(size / 1e6 / max(1, len(folders)) * args.total),
            "method": "linear in villages, second-half rate of the measured subset",
        },
        "patches": ["reference village table extended in-process with the invented villages"],
    }))


if __name__ == "__main__":
    main()
