"""The bench: the pipeline against its baselines, measured in the same run. One command.

    .venv/bin/python bench/run.py                   # full: ~40 min on 2 cores, needs a portal
    .venv/bin/python bench/run.py --quick --no-portal   # CI smoke: < 2 min, no portal

Prints one table (each figure beside its baseline) and details, and writes everything to
``bench/results/bench-<time>.json`` (git-ignored). Scenarios:

- validation: ``desa check`` (whole command) and the library's ``check_file`` (in process) vs
  ``frictionless validate --schema`` (whole command) on generated APBDes files with planted errors
  (full: 90k and 800k rows; quick: 5k and 20k); error sets compared row by row, field by field;
- batch (batch validation): a district's APBDes as a batch of files (full: 168 desa x 2023-2025 =
  504 files, ~100k rows; quick: 4 files) with planted errors, the library's batch check (the
  intake's set-based screen, flagged files per file, nothing staged; ``bench/batch_check.py``)
  vs ONE ``frictionless validate`` of a package listing every file as a resource (with and
  without ``--parallel``); error sets compared file by file, row by row, field by field;
- acceptance: on a district with form variation and planted errors, the share of correct files
  the pipeline's intake accepts and the share of planted errors it reports at their row and field;
- national: intake (read, normalise, validate, stage) of the first ``--national-limit`` invented
  villages through the library, extrapolated to 75,000 villages;
- publishing (needs the bench's own portal: set ``DESA_PORTAL_DIR`` and ``DESA_PORTAL_PORTS``):
  ``desa run`` on the generated district against a fresh portal vs the naive ckanapi script
  (``bench/naive_publish.py``, its own dataset names) on the same portal; both re-run with nothing
  changed (``desa run`` four times more against a running Prefect server, as scheduled runs meet
  it: the median of the last three is the figure, the first after the server's start is kept apart);
  then one village's APBDes changes and ``desa run`` runs again.
Peak RSS is the client's whole process tree (polled from /proc), never the portal's servers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import scenarios as sc  # noqa: E402
from bench.gen_district import generate_villages, parse_years  # noqa: E402
from bench.gen_model import DISTRICT, NATIONAL_VILLAGES, kotim_desa  # noqa: E402
from bench.report import details, render_table, table  # noqa: E402
from bench.measure import settle  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
MARKER = ".bench-work"


def prepare_work(path: Path) -> Path:
    """An empty work folder; only a folder this bench made before is ever emptied."""
    if path.exists():
        if not (path / MARKER).exists():
            sys.exit(f"{path} exists and was not made by the bench: choose another --work")
        shutil.rmtree(path)
    path.mkdir(parents=True)
    (path / MARKER).write_text("made by bench/run.py; emptied at the start of each run\n")
    return path


def publish(work: Path, quick: bool, env: dict[str, str], args, out: dict[str, Any]) -> dict[str, Any]:
    """Fills ``out`` step by step, so a failure midway keeps what was measured."""
    penv = sc.portal_env(env)
    years = [2024] if quick else parse_years("2023-2025")
    district = work / "district"
    places = kotim_desa()[:4] if quick else kotim_desa()
    summary = generate_villages(district, places, years, seed="1", detail=DISTRICT, form_rate=0.0,
                                error_rate=0.0, nested=False, settings={"district": True})
    out["district"] = {k: summary[k] for k in ("files", "rows", "rows_by_type")}
    started_portal = False
    try:
        up = sc.portal_command(["up"], penv)
        started_portal = True
        if up.returncode:
            raise RuntimeError(f"desa portal up failed: {up.stderr[-800:]}")
        nenv = sc.naive_env(penv)
        existing = sc.portal_datasets(nenv)
        if existing and args.reset_portal:
            sc.portal_command(["reset", "--yes"], penv)
            if sc.portal_command(["up"], penv).returncode:
                raise RuntimeError("desa portal up failed after reset")
            nenv = sc.naive_env(penv)
            existing = sc.portal_datasets(nenv)
        if existing:
            raise RuntimeError(f"the portal already holds {existing} datasets: not a fresh portal "
                               "(pass --reset-portal to delete its state first)")
        empty = work / "empty-inbox"
        empty.mkdir()
        sc.run_measured([str(sc.BIN / "desa"), "run", "--inbox", str(empty), "--dry-run"], env=penv)
        out["note"] = ("desa run first on the fresh portal; the naive script second, on the same "
                       "portal under its own organisation and dataset names (nothing of it existed). "
                       "Prefect's home was initialised (not timed) before the first run. Each timed step "
                       "starts once the machine is quiet (settled_s: seconds waited for 90 % idle "
                       "CPU, at most 60).")
        print("publish: desa run (first publish)...", file=sys.stderr, flush=True)
        out["desa_first"] = {"settled_s": settle(), **sc.desa_run(district, penv)}
        print("publish: naive script (first publish)...", file=sys.stderr, flush=True)
        out["naive_first"] = {"settled_s": settle(), **sc.naive(district, nenv)}
        print("publish: desa run (no change)...", file=sys.stderr, flush=True)
        out["desa_rerun"] = {"settled_s": settle(), **sc.desa_run(district, penv)}
        print("publish: desa run (no change, against a running Prefect server)...", file=sys.stderr, flush=True)
        with sc.prefect_server(work / "prefect-server", penv) as served:
            # a running server has served runs before: its first run after a start pays the
            # server's first requests (~0.4 s here), measured apart
            first = {"settled_s": settle(), **sc.desa_run(district, served)}
            # the median of three: each run's end waits 0-1 s for Prefect's heartbeat thread
            # (its 1-s sleep; heartbeats are on by default since Prefect 3.6.22)
            runs = sorted(({"settled_s": settle(), **sc.desa_run(district, served)} for _ in range(3)),
                          key=lambda r: r["wall_s"])
            out["desa_rerun_served"] = {**runs[1], "runs_wall_s": [r["wall_s"] for r in runs],
                                        "runs_write_calls": [r["write_calls"] for r in runs],
                                        "first_after_start": first}
        print("publish: naive script (re-run)...", file=sys.stderr, flush=True)
        out["naive_rerun"] = {"settled_s": settle(), **sc.naive(district, nenv)}
        out["change"] = sc.change_one_apbdes(district, years[len(years) // 2])
        print("publish: desa run (one APBDes changed)...", file=sys.stderr, flush=True)
        out["desa_changed"] = {"settled_s": settle(), **sc.desa_run(district, penv)}
    finally:
        if started_portal and not args.keep_portal:
            sc.portal_command(["down"], penv)
            out["portal_stopped"] = True
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes (CI smoke)")
    parser.add_argument("--no-portal", action="store_true", help="skip the publishing scenarios")
    parser.add_argument("--work", type=Path, default=RESULTS / "work", help="generated data (emptied first)")
    parser.add_argument("--national-limit", type=int,
                        help="villages measured for the national run [6000; quick: 3]")
    parser.add_argument("--only", nargs="+", choices=["validation", "batch", "acceptance", "national", "publish"])
    parser.add_argument("--reset-portal", action="store_true", help="delete the portal's state if it is not fresh")
    parser.add_argument("--keep-portal", action="store_true", help="leave the portal running at the end")
    parser.add_argument("--json", type=Path, help="where to write the results [bench/results/bench-<time>.json]")
    args = parser.parse_args()
    only = set(args.only or ["validation", "batch", "acceptance", "national", "publish"])
    if args.no_portal:
        only.discard("publish")
    if "publish" in only and not (os.environ.get("DESA_PORTAL_DIR") and os.environ.get("DESA_PORTAL_PORTS")):
        sys.exit("publishing needs the bench's own portal: set DESA_PORTAL_DIR and DESA_PORTAL_PORTS "
                 "(never the default portal), or pass --no-portal")
    work = prepare_work(args.work)
    env = sc.environment(work)
    started = time.time()
    results: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "mode": "quick" if args.quick else "full",
        "machine": {"cpus": os.cpu_count(), "load_avg_at_start": [round(x, 2) for x in os.getloadavg()]},
        "national_total": NATIONAL_VILLAGES,
    }
    def scenario(name: str, fn) -> None:
        print(f"{name}...", file=sys.stderr, flush=True)
        try:
            results[name] = fn()
        except Exception as exc:  # one scenario's failure is a result, not the end of the bench
            results.setdefault("failed", {})[name] = f"{type(exc).__name__}: {exc}"
            print(f"{name} FAILED: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)

    sizes = (5_000, 20_000) if args.quick else (90_000, 800_000)
    if "validation" in only:
        scenario("validation", lambda: [sc.validation(work, rows, env) for rows in sizes])
    if "batch" in only:
        scenario("batch_validation", lambda: sc.batch_validation(work, 4, "2024", env, error_rate=0.5)
                 if args.quick else sc.batch_validation(work, None, "2023-2025", env))
    if "acceptance" in only:
        scenario("acceptance", lambda: sc.acceptance(work, 4, "2024", env, form_rate=0.6, error_rate=0.5)
                 if args.quick else sc.acceptance(work, None, "2023-2025", env))
    if "national" in only:
        scenario("national", lambda: sc.national(work, args.national_limit or (3 if args.quick else 6000), env))
    if "publish" in only:
        results["publish"] = {}
        scenario("publish", lambda: publish(work, args.quick, env, args, results["publish"]))
    results["wall_s"] = round(time.time() - started, 1)
    results["machine"]["load_avg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    rows = table(results)
    results["table"] = rows
    print(render_table(rows))
    print(details(results))
    for name, reason in results.get("failed", {}).items():
        print(f"FAILED scenario {name}: {reason}")
    target = args.json or RESULTS / f"bench-{time.strftime('%Y%m%dT%H%M%S')}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n")
    print(f"\nresults: {target} (whole run {results['wall_s']:.0f} s)")


if __name__ == "__main__":
    main()
