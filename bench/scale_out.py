"""Scale-out bench: the flow's check-and-stage on a generated district, default runner vs Dask.

    .venv/bin/python bench/scale_out.py OUT [--villages 20] [--years 2023-2025] [--workers 2]
        [--batch-files 50]

Each runner is a fresh ``python`` process (Prefect's temporary server and, for Dask, the local
cluster's start included) run on the same inbox into its own warehouse, with
``publish_portal=False`` (the portal side is the same whatever checks). Prints a table and
writes ``OUT/scale_out.json``; the baseline (threads) is measured in the same run. Verdict
counts must agree, else the exit status is 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.measure import run_measured  # noqa: E402


def one(inbox: Path, warehouse: Path) -> None:
    """Run the flow here with the runner of DESA_TASK_RUNNER; print its verdicts as JSON."""
    from desa_terbuka.core.settings import quiet_prefect

    quiet_prefect()
    from flows.publish_submissions import publish_submissions

    summary = publish_submissions(inbox=inbox, warehouse_path=warehouse, publish_portal=False).unquote()
    print(json.dumps(Counter(o.verdict for o in summary.outcomes), sort_keys=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--villages", type=int, default=20)
    parser.add_argument("--years", default="2023-2025")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-files", type=int, default=50)
    parser.add_argument("--one", nargs=2, type=Path, metavar=("INBOX", "WAREHOUSE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        one(*args.one)
        return 0
    from bench.gen_district import generate_villages, parse_years
    from bench.gen_model import DISTRICT, kotim_desa

    inbox = args.out / "inbox"
    made = generate_villages(inbox, kotim_desa()[:args.villages], parse_years(args.years), seed="1",
                             detail=DISTRICT, form_rate=0.2, error_rate=0.1, nested=True, settings={})
    results = {"files": made["files"], "rows": made["rows"], "cpus": os.cpu_count(), "runs": {}}
    for runner in ("threads", "dask"):
        env = {**os.environ, "DESA_TASK_RUNNER": runner, "DESA_DASK_WORKERS": str(args.workers),
               "DESA_BATCH_FILES": str(args.batch_files)}
        env.pop("PREFECT_API_URL", None)  # each run its own temporary server (start included)
        env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")  # a shared machine
        m = run_measured([sys.executable, __file__, str(args.out), "--one", str(inbox),
                          str(args.out / runner / "warehouse.duckdb")], env=env)
        verdicts = json.loads(m.stdout.strip().splitlines()[-1]) if m.returncode == 0 else None
        results["runs"][runner] = {"wall_s": round(m.wall_s, 1), "cpu_s": round(m.user_s + m.sys_s, 1),
                                   "peak_tree_rss_mb": round(m.peak_tree_rss_mb), "verdicts": verdicts,
                                   "returncode": m.returncode, "stderr_tail": m.stderr[-400:] if m.returncode else ""}
    runs = results["runs"]
    results["same_verdicts"] = runs["threads"]["verdicts"] == runs["dask"]["verdicts"] is not None
    print(f"{made['files']} files, {made['rows']} rows, {os.cpu_count()} cores (shared machine)")
    print(f"{'runner':<10}{'wall s':>8}{'cpu s':>8}{'peak MB':>9}  verdicts")
    for runner, r in runs.items():
        label = runner if runner == "threads" else f"dask x{args.workers}"
        print(f"{label:<10}{r['wall_s']:>8}{r['cpu_s']:>8}{r['peak_tree_rss_mb']:>9}  {r['verdicts']}")
    (args.out / "scale_out.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0 if results["same_verdicts"] else 1


if __name__ == "__main__":
    sys.exit(main())
