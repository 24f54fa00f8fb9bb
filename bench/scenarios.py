"""The bench's scenarios. Each runs whole commands through ``measure.run_measured`` and returns
plain dicts (figures, the baseline's figures beside them, and what was measured how)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from bench.errors import (compare, frictionless_by_resource, frictionless_errors, in_files, keys, pipeline_errors,
                          planted_found, schema_level)
from bench.package import batch_package, schema_form
from bench.gen_district import generate_big_apbdes, generate_villages, load_manifest, parse_years
from bench.gen_model import DISTRICT, NATIONAL, kotim_desa, national_places
from bench.measure import Measured, run_measured
from desa_terbuka.collect.base import DEFAULT_MEMORY_MB, budget_for_rows

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PY = sys.executable


def _json(m: Measured) -> dict[str, Any] | None:
    """The JSON object a command printed (from the first line that starts one), or None."""
    lines = m.stdout.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("{"):
            try:
                return json.loads("\n".join(lines[i:]))
            except ValueError:
                try:
                    return json.loads(line)
                except ValueError:
                    continue
    return None


def _figures(m: Measured) -> dict[str, Any]:
    return {"wall_s": m.wall_s, "cpu_s": round(m.user_s + m.sys_s, 2), "exit": m.returncode,
            "peak_tree_rss_mb": m.peak_tree_rss_mb, "peak_process_rss_mb": m.peak_process_rss_mb}


# ---------------------------------------------------------------- validation


def validation(work: Path, rows: int, env: dict[str, str]) -> dict[str, Any]:
    """desa check (whole command), the library's check (in process) and frictionless validate
    (whole command) on one generated APBDes file with planted errors; error sets compared."""
    folder = work / f"big-{rows}"
    generate_big_apbdes(folder, rows, seed="1", error_rate=0.1, settings={"big_apbdes": rows})
    entry = load_manifest(folder)[0]
    path, n = folder / entry["path"], entry["rows"]
    planted = entry["errors"]
    package = schema_form(path, folder)  # the same file as Frictionless can judge it (see there)
    out: dict[str, Any] = {"file": str(path), "rows": n, "planted": len(planted),
                           "baseline_input": "the same lines in schema form with the reference tables as "
                                             "foreign keys (bench/package.py)"}

    fl = run_measured([str(BIN / "frictionless"), "validate", "--trusted", "--json", "--limit-errors",
                       "10000000", package.name], cwd=folder, env=env)
    report = _json(fl) or {}
    fl_errors = frictionless_errors(report)
    out["frictionless"] = {**_figures(fl), "rows_per_s": round(n / fl.wall_s),
                           "internal_s": (report.get("tasks") or [{}])[0].get("stats", {}).get("seconds"),
                           "errors": len(fl_errors), "planted_found": planted_found(planted, fl_errors)}

    # a file past the default memory budget is checked as an operator would: with the budget
    # raised to what it needs (DESA_MEMORY_MB), reported beside the figures
    budget = max(int(env.get("DESA_MEMORY_MB") or DEFAULT_MEMORY_MB), budget_for_rows(n))
    env = {**env, "DESA_MEMORY_MB": str(budget)}
    out["memory_budget_mb"] = budget
    path = folder / "apbdes.csv"  # desa check reads the same file as Frictionless
    dc = run_measured([str(BIN / "desa"), "check", str(path), "--json"], env=env)
    result = _json(dc) or {}
    failure = next((e["message"] for e in result.get("errors", []) if e.get("code") == "file-unreadable"), None)
    dc_errors = pipeline_errors(result.get("errors", []))
    out["desa_check"] = {**_figures(dc), "rows_checked": result.get("rows", 0), "failure": failure,
                         "rows_per_s": None if failure else round(n / dc.wall_s), "errors": len(dc_errors)}
    if not failure:
        out["desa_check"]["planted_found"] = planted_found(planted, dc_errors)
        out["desa_check"]["vs_frictionless"] = compare(schema_level(dc_errors), fl_errors)
        out["desa_check"]["business_rule_errors"] = len(dc_errors) - len(schema_level(dc_errors))

    for key, flags in [("library_check", [])]:
        lib = run_measured([PY, str(ROOT / "bench/lib_check.py"), str(path), *flags], env=env)
        data = _json(lib) or {}
        lib_errors = pipeline_errors(data.get("errors", []))
        row = {**_figures(lib), "in_process_s": data.get("seconds"), "failure": data.get("failure"),
               "rows_per_s": None if data.get("failure") or not data.get("seconds") else round(n / data["seconds"]),
               "patches": data.get("patches", []), "errors": len(lib_errors)}
        if not data.get("failure") and data:
            row["planted_found"] = planted_found(planted, lib_errors)
            row["vs_frictionless"] = compare(schema_level(lib_errors), fl_errors)
        out[key] = row
    return out


def _resource(path: str) -> str:
    """A file's path within the batch as a Frictionless resource name (lower case, ``-._``)."""
    return re.sub(r"[^a-z0-9._-]+", "-", path.removesuffix(".csv").lower())


def batch_validation(work: Path, villages: int | None, years: str, env: dict[str, str],
                     error_rate: float = 0.1) -> dict[str, Any]:
    """A district's APBDes files (a file per desa and year, ~200 lines each, planted errors)
    validated as a batch: the library's batch check (``bench/batch_check.py``: the intake's
    set-based screen, flagged files per file; nothing staged) against ONE ``frictionless
    validate`` of a package listing every file as a resource (same schema, the reference tables
    as foreign keys), with and without ``--parallel``; findings compared file by file."""
    folder = work / "batch"
    inbox, pkg = folder / "inbox", folder / "package"
    places = kotim_desa()[:villages] if villages else kotim_desa()
    summary = generate_villages(inbox, places, parse_years(years), seed="1", detail=NATIONAL, form_rate=0.0,
                                error_rate=error_rate, nested=False, record_types=["apbdes"],
                                settings={"batch": True, "years": years, "plant_errors": error_rate})
    entries = load_manifest(inbox)
    names = {_resource(e["path"]): e["path"] for e in entries}
    pkg.mkdir(parents=True)
    package = batch_package([(name, inbox / path) for name, path in names.items()], pkg)
    n, planted = summary["rows"], in_files({e["path"]: e["errors"] for e in entries})
    out: dict[str, Any] = {"files": summary["files"], "rows": n, "planted": len(planted),
                           "files_with_errors": summary["files_with_errors"],
                           "baseline_input": "each file in schema form (bench/package.py) as a resource of one "
                                             "package, the reference tables as foreign keys"}
    fl_errors: list[dict[str, Any]] = []
    for key, flags in (("frictionless", []), ("frictionless_parallel", ["--parallel"])):
        fl = run_measured([str(BIN / "frictionless"), "validate", "--trusted", "--json", "--limit-errors",
                           "10000000", *flags, package.name], cwd=pkg, env=env)
        report = _json(fl) or {}
        by_resource = frictionless_by_resource(report)
        errors = in_files({names[k]: v for k, v in by_resource.items() if k in names})
        out[key] = {**_figures(fl), "rows_per_s": round(n / fl.wall_s), "errors": len(errors),
                    "resources_validated": sum(k in names for k in by_resource),
                    "internal_s": (report.get("stats") or {}).get("seconds"),
                    "planted_found": planted_found(planted, errors)}
        if key == "frictionless":
            fl_errors = errors
        else:  # Frictionless validates a package with foreign keys one resource after another
            out[key]["same_errors_as_sequential"] = keys(errors) == keys(fl_errors)
    out["frictionless_parallel"]["note"] = ("frictionless 5 falls back to one process when a resource "
                                            "has foreign keys (Package.validate)")

    lib = run_measured([PY, str(ROOT / "bench/batch_check.py"), str(inbox)], env=env)
    data = _json(lib) or {}
    ours = pipeline_errors(in_files({k: v["errors"] for k, v in data.get("by_file", {}).items()}))
    row = {**_figures(lib), "in_process_s": data.get("seconds"), "files_checked": data.get("files"),
           "rows_checked": data.get("rows"), "failure": None if data else f"exit {lib.returncode}: "
                                                                          f"{lib.stderr[-400:]}",
           **{k: data.get(k) for k in ("discover_s", "screen_s", "per_file_s", "cleared_by_batch",
                                       "sent_per_file")},
           "rows_per_s": round(n / data["seconds"]) if data.get("seconds") else None,
           "whole_process_rows_per_s": round(n / lib.wall_s), "errors": len(ours)}
    if data:
        schema = schema_level(ours)
        row["planted_found"] = planted_found(planted, ours)
        row["vs_frictionless"] = compare(schema, fl_errors)
        row["business_rule_errors"] = len(ours) - len(schema)
        row["files_differing"] = len({str(r).rsplit(":", 1)[0] for r, _ in keys(schema) ^ keys(fl_errors)})
    out["batch_check"] = row
    return out


# ---------------------------------------------------------------- acceptance and national


def acceptance(work: Path, villages: int | None, years: str, env: dict[str, str],
               form_rate: float = 0.3, error_rate: float = 0.1) -> dict[str, Any]:
    inbox = work / "district-varied"
    places = kotim_desa()[:villages] if villages else kotim_desa()
    summary = generate_villages(inbox, places, parse_years(years), seed="1", detail=DISTRICT,
                                form_rate=form_rate, error_rate=error_rate, nested=False,
                                settings={"form_variation": form_rate, "plant_errors": error_rate})
    m = run_measured([PY, str(ROOT / "bench/acceptance.py"), str(inbox), "--warehouse",
                      str(work / "acceptance-wh/warehouse.duckdb")], env=env)
    return {**_figures(m), "generated": {k: summary[k] for k in ("files", "rows", "files_with_variations",
                                                                  "files_with_errors", "planted_errors")},
            "result": _json(m), "stderr": m.stderr[-1500:] if m.returncode else ""}


def national(work: Path, limit: int, env: dict[str, str]) -> dict[str, Any]:
    inbox = work / "national"
    generate_villages(inbox, national_places(limit), [2024], seed="1", detail=NATIONAL, form_rate=0.0,
                      error_rate=0.0, nested=True, settings={"national": True, "villages": limit})
    m = run_measured([PY, str(ROOT / "bench/national.py"), str(inbox), "--warehouse",
                      str(work / "national-wh"), "--limit", str(limit)], env=env)
    return {**_figures(m), "result": _json(m), "stderr": m.stderr[-1500:] if m.returncode else ""}


# ---------------------------------------------------------------- publishing


def desa_run(inbox: Path, env: dict[str, str], timeout: float = 3600) -> dict[str, Any]:
    m = run_measured([str(BIN / "desa"), "run", "--inbox", str(inbox), "--json"], env=env, timeout=timeout)
    data = _json(m) or {}
    verdicts: dict[str, int] = {}
    for s in data.get("submissions", []):
        verdicts[s["verdict"]] = verdicts.get(s["verdict"], 0) + 1
    changed = {d["name"]: d["changes"] for d in data.get("datasets", []) if d.get("changes")}
    return {**_figures(m), "write_calls": data.get("write_calls"), "changes": data.get("changes"),
            "verdicts": verdicts, "datasets": len(data.get("datasets", [])),
            "changed_datasets": changed if len(changed) <= 10 else {"count": len(changed)},
            "failures": data.get("failures"), "stderr": m.stderr[-1500:] if m.returncode else ""}


def naive(inbox: Path, env: dict[str, str], timeout: float = 3600) -> dict[str, Any]:
    m = run_measured([PY, str(ROOT / "bench/naive_publish.py"), str(inbox), "--json"], env=env, timeout=timeout)
    data = _json(m) or {}
    return {**_figures(m), **{k: data.get(k) for k in ("files", "calls", "reads", "writes", "failures",
                                                      "first_failures")},
            "stderr": m.stderr[-1500:] if m.returncode else ""}


def change_one_apbdes(inbox: Path, year: int) -> dict[str, Any]:
    """A village revises its APBDes: one spending line's realisation drops by Rp500.000
    (still within budget; the budget still balances)."""
    for path in sorted(inbox.glob(f"*/apbdes_{year}.csv")):
        text = path.read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        k, r = rows[0].index("kode_rekening"), rows[0].index("realisasi")
        target = next((i for i, row in enumerate(rows[1:], 1)
                       if row[k].startswith("5.2") and row[r].isdigit() and int(row[r]) > 1_000_000), None)
        if target is not None:
            break
    else:
        raise ValueError(f"no APBDes {year} with a realised spending line in {inbox}")
    before = rows[target][r]
    rows[target][r] = str(int(before) - 500_000)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return {"file": str(path.relative_to(inbox)), "row": target + 1, "realisasi": [before, rows[target][r]]}


def portal_env(base: dict[str, str]) -> dict[str, str]:
    """The environment of pipeline commands: the bench's own portal, never a CKAN_URL from outside."""
    env = {k: v for k, v in base.items() if k not in ("CKAN_URL", "CKAN_API_TOKEN")}
    # Prefect's temporary server may start slowly on a loaded 2-core machine (default 20 s)
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    return env


@contextmanager
def prefect_server(home: Path, env: dict[str, str]) -> Iterator[dict[str, str]]:
    """A running Prefect server (``desa serve``'s, flows/serve.py) on a free port, and ``env``
    pointed at it: how a scheduled run meets Prefect in production."""
    from flows.serve import LocalPrefectServer
    from flows.temporary_server import free_port

    server = LocalPrefectServer("127.0.0.1", free_port(), home, log=lambda _: None)
    server.start()
    try:
        yield {**env, "PREFECT_API_URL": server.api_url}
    finally:
        server.stop()


def portal_command(args: list[str], env: dict[str, str], timeout: float = 1800) -> Measured:
    return run_measured([str(BIN / "desa"), "portal", *args], env=env, timeout=timeout)


def naive_env(base: dict[str, str]) -> dict[str, str]:
    from devportal import local

    status = local.status()
    if not status.ready:
        raise RuntimeError("the bench portal is not running")
    return {**base, "CKAN_URL": status.url, "CKAN_API_TOKEN": local.read_token()}


def portal_datasets(env: dict[str, str]) -> int:
    from ckanapi import RemoteCKAN

    return len(RemoteCKAN(env["CKAN_URL"]).action.package_list())


def environment(work: Path) -> dict[str, str]:
    """Quiet, offline Prefect in a private home; the bench's warehouse beside its data."""
    env = dict(os.environ)
    env.update(PREFECT_HOME=str(work / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1", PREFECT_LOGGING_LEVEL="WARNING", PREFECT_UI_ENABLED="false",
               DESA_WAREHOUSE=str(work / "publish-wh/warehouse.duckdb"))
    env.pop("PREFECT_API_URL", None)
    return env
