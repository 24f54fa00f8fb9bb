"""The bench's table: each figure beside its baseline from the same run, the target, and whether
it is met. ``details`` lists what the table summarises (error-set differences, why files bounced)."""

from __future__ import annotations

import re
from typing import Any

from desa_terbuka.collect.base import DEFAULT_MEMORY_MB

COLUMNS = ["measure", "pipeline", "baseline (same run)", "ratio", "target", "met"]


def _yes(ok: bool | None) -> str:
    return "n/a" if ok is None else ("yes" if ok else "NO")


def _rate(row: dict[str, Any] | None, key: str = "rows_per_s") -> str:
    if not row:
        return "-"
    if row.get("failure"):
        return f"FAILED: {row['failure']}"
    seconds = row.get("in_process_s") or row.get("wall_s")
    return f"{row[key]:,} rows/s ({seconds:.1f} s)"


def _share(found: dict[str, Any] | None) -> str:
    if not found:
        return "-"
    return f"{found['found']}/{found['planted']} ({', '.join(f'{k} {v}' for k, v in found['by_kind'].items())})"


def validation_rows(v: dict[str, Any]) -> list[list[str]]:
    n, fl = v["rows"], v["frictionless"]
    base = f"frictionless validate {fl['rows_per_s']:,} rows/s ({fl['wall_s']:.1f} s)"
    rows = []
    for key, label in (("desa_check", "desa check (SQL engine, whole command)"),
                       ("library_check", "check_file (library, in process)")):
        row = v.get(key)
        if row is None:
            continue
        ratio = row["rows_per_s"] / fl["rows_per_s"] if row.get("rows_per_s") else None
        budget = v.get("memory_budget_mb", DEFAULT_MEMORY_MB)
        if budget > DEFAULT_MEMORY_MB:
            label += f", DESA_MEMORY_MB={budget}, peak RSS {row['peak_tree_rss_mb']:.0f} MB"
        rows.append([f"Validation {n:,} rows: {label}", _rate(row), base,
                     f"{ratio:.2f}x" if ratio else "-", ">= 30x", _yes(bool(ratio and ratio >= 30))])
    ours = v.get("desa_check") if (v.get("desa_check") or {}).get("vs_frictionless") else None
    if ours:
        c = ours["vs_frictionless"]
        rows.append([f"Validation {n:,} rows: errors (row, field) on types, constraints, keys, reference "
                     "tables", f"both {c['both']}, only pipeline {c['only_pipeline']} {c['only_pipeline_by_code']}; "
                     f"+ {ours.get('business_rule_errors', 0)} business-rule errors frictionless cannot state",
                     f"only frictionless {c['only_frictionless']} {c['only_frictionless_by_code']}", "-",
                     "identical", _yes(c["same"])])
        rows.append([f"Validation {n:,} rows: planted errors reported", _share(ours.get("planted_found")),
                     _share(fl.get("planted_found")), "-", "100 %",
                     _yes(ours["planted_found"]["found"] == ours["planted_found"]["planted"])])
    return rows


def batch_rows(b: dict[str, Any]) -> list[list[str]]:
    """The batch of files, labelled as a batch (never to be read as the single-file figure)."""
    n, files = b["rows"], b["files"]
    what = f"Batch validation, a batch of {files:,} files ({n:,} rows)"
    runs = [b[k] for k in ("frictionless", "frictionless_parallel") if b.get(k)]
    fl = min(runs, key=lambda r: r["wall_s"])
    base = "ONE frictionless validate of a package of them " + "; ".join(
        f"{r['rows_per_s']:,} rows/s ({r['wall_s']:.1f} s{', --parallel' if r is b.get('frictionless_parallel') else ''})"
        for r in runs)
    ours = b.get("batch_check") or {}
    ratio = ours["rows_per_s"] / fl["rows_per_s"] if ours.get("rows_per_s") else None
    label = f"{what}: batch check (library, in process: set-based screen, flagged files per file, nothing staged)"
    split = (f"; screen {ours['cleared_by_batch']} files cleared in {ours['screen_s']:.1f} s, per file "
             f"{ours['sent_per_file']} files in {ours['per_file_s']:.1f} s" if ours.get("screen_s") is not None else "")
    rows = [[label, _rate(ours) + split + (f"; whole process {ours['whole_process_rows_per_s']:,} rows/s "
                                           f"({ours['wall_s']:.1f} s)" if ours.get("whole_process_rows_per_s") else ""),
             base, f"{ratio:.2f}x" if ratio else "-", ">= 30x", _yes(bool(ratio and ratio >= 30))]]
    c = ours.get("vs_frictionless")
    if c:
        rows.append([f"{what}: errors (file, row, field) on types, constraints, keys, reference tables",
                     f"both {c['both']}, only pipeline {c['only_pipeline']} {c['only_pipeline_by_code']}; "
                     f"+ {ours.get('business_rule_errors', 0)} business-rule errors frictionless cannot state",
                     f"only frictionless {c['only_frictionless']} {c['only_frictionless_by_code']} "
                     f"({ours.get('files_differing', 0)} files differ)", "-", "identical", _yes(c["same"])])
        rows.append([f"{what}: planted errors reported", _share(ours.get("planted_found")),
                     _share(b["frictionless"].get("planted_found")), "-", "100 %",
                     _yes(ours["planted_found"]["found"] == ours["planted_found"]["planted"])])
    return rows


def publish_rows(p: dict[str, Any], files: int) -> list[list[str]]:
    rows = []
    d1, n1, d2, n2, d3 = (p.get(k) for k in ("desa_first", "naive_first", "desa_rerun", "naive_rerun",
                                             "desa_changed"))
    if d1 and n1:
        speedup = n1["wall_s"] / d1["wall_s"]
        rows.append([f"District first publish ({files:,} files): wall", f"desa run {d1['wall_s']:.0f} s "
                     f"(exit {d1['exit']}, {d1['verdicts']})", f"naive {n1['wall_s']:.0f} s (exit {n1['exit']})",
                     f"{speedup:.2f}x faster", "<= 180 s and >= 2x", _yes(d1["wall_s"] <= 180 and speedup >= 2)])
        rows.append(["District first publish: portal write calls", f"{d1['write_calls']}",
                     f"{n1['writes']} (of {n1['calls']} calls)", "-", "-", "n/a"])
        rows.append(["District first publish: peak RSS, client process tree",
                     f"{d1['peak_tree_rss_mb']:.0f} MB (largest process {d1['peak_process_rss_mb']:.0f} MB)",
                     f"{n1['peak_tree_rss_mb']:.0f} MB", "-", "-", "n/a"])
    if d2 and n2:
        speedup = n2["wall_s"] / d2["wall_s"]
        rows.append(["No-change re-run: wall, writes", f"{d2['wall_s']:.1f} s, {d2['write_calls']} writes",
                     f"naive {n2['wall_s']:.0f} s, {n2['writes']} writes", f"{speedup:.1f}x faster",
                     "0 writes, <= 15 s, >= 30x",
                     _yes(d2["write_calls"] == 0 and d2["wall_s"] <= 15 and speedup >= 30)])
    served = p.get("desa_rerun_served")
    if served:
        spread = served.get("runs_wall_s")
        writes = max(served.get("runs_write_calls") or [served["write_calls"]])
        rows.append(["No-change re-run, running Prefect server: wall, writes",
                     f"{served['wall_s']:.1f} s, {served['write_calls']} writes"
                     + (f" (median of {len(spread)}: {spread[0]:.1f}-{spread[-1]:.1f} s)" if spread else "")
                     + (f" (its first run after the server started: {first['wall_s']:.1f} s, "
                        f"{first['write_calls']} writes)" if (first := served.get("first_after_start")) else ""),
                     "-", "-",
                     "0 writes, <= 5 s", _yes(writes == 0 and served["wall_s"] <= 5)])
    if d3:
        changed = d3["changed_datasets"]
        rows.append([f"One village's APBDes changed ({p['change']['file']}): writes",
                     f"{d3['write_calls']} writes in {d3['wall_s']:.1f} s; changed: {changed}", "-", "-",
                     "writes only for the changed village and year, and the roll-ups of it",
                     _yes(only_the_change(changed, p["change"]["file"]))])
    return rows


def only_the_change(changed: dict[str, list[str]], file: str) -> bool:
    """One village's APBDes year changed (``<kode>-<slug>/apbdes_<year>.csv``): its own dataset
    changes, and the district roll-ups that sum every village (names without a village code);
    no other village's dataset, and no table of another year, is written."""
    if "count" in changed:
        return False
    folder, name = file.split("/")
    code, year = re.sub(r"\D", "", folder.split("-")[0]), re.sub(r"\D", "", name)
    villages = {n for n in changed if re.search(r"\d{10}", n)}
    tables = [re.search(r"CSV (\d{4})", c) for changes in changed.values() for c in changes]
    return (villages == {n for n in villages if n.startswith(f"apbdes-{code}-")} and len(villages) == 1
            and all(t.group(1) == year for t in tables if t))


_PATHS = {"batch": "set-based batch intake", "per-file": "intake file by file"}


def national_rows(nat: dict[str, Any], total: int) -> list[list[str]]:
    r = nat.get("result") or {}
    m, x = r.get("measured"), r.get("extrapolated")
    if not m:
        return [["National simulation", f"FAILED (exit {nat['exit']})", "-", "-", "<= 180 s", "NO"]]
    return [
        [f"National {total:,} villages, no portal ({_PATHS.get(m.get('path'), m.get('path'))}"
         + (f", a warehouse per kabupaten, {m['workers']} processes" if m.get("partitions") else "") + "): wall",
         f"EXTRAPOLATED {x['wall_s']:,} s (~{x['wall_s'] / 60:.0f} min) from MEASURED {m['villages']} villages "
         f"({m['files']} files, {m['rows']:,} rows) in {m['wall_s']:.0f} s", "-", "-", "<= 180 s",
         _yes(x["wall_s"] <= 180)],
        ["National: peak RSS, process tree", f"MEASURED {nat['peak_tree_rss_mb']:.0f} MB on the subset "
         f"(warehouse grew {m['warehouse_growth_mb']} MB; ~{x['warehouse_mb']:,} MB extrapolated)", "-", "-", "<= 1 GB",
         _yes(nat["peak_tree_rss_mb"] <= 1024)],
    ]


def acceptance_rows(a: dict[str, Any]) -> list[list[str]]:
    r = a.get("result")
    if not r:
        return [["Acceptance", f"FAILED (exit {a['exit']})", "-", "-", "-", "NO"]]
    share = r["correct_accepted_share"]
    planted = r["planted"]
    found = f"{planted['share']:.1%}" if planted["share"] is not None else "none planted"
    return [
        [f"Acceptance: correct files accepted ({r['files']} files, district with form variation)",
         f"{r['correct_accepted']}/{r['correct_files']} = {share:.1%}" if share is not None else "-",
         "-", "-", ">= 99 %", _yes(share >= 0.99 if share is not None else None)],
        ["Acceptance: planted errors reported at their row and field",
         f"{planted['found']}/{planted['planted']} = {found} {planted['by_kind']}", "-", "-",
         "100 %", _yes(planted["found"] == planted["planted"] if planted["planted"] else None)],
    ]


def table(results: dict[str, Any]) -> list[list[str]]:
    rows: list[list[str]] = []
    for v in results.get("validation", []):
        rows += validation_rows(v)
    if results.get("batch_validation"):
        rows += batch_rows(results["batch_validation"])
    if results.get("publish", {}).get("district"):
        rows += publish_rows(results["publish"], results["publish"]["district"]["files"])
    if "national" in results:
        rows += national_rows(results["national"], results["national_total"])
    if "acceptance" in results:
        rows += acceptance_rows(results["acceptance"])
    return rows


def render_table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(str(c).replace("|", "/") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def details(results: dict[str, Any]) -> str:
    out = ["", f"mode {results['mode']}; load average {results['machine']['load_avg_at_start']} -> "
                f"{results['machine'].get('load_avg_at_end')} on {results['machine']['cpus']} cores"]
    for v in results.get("validation", []):
        for key in ("desa_check", "library_check"):
            c = (v.get(key) or {}).get("vs_frictionless")
            if c:
                out.append(f"{v['rows']:,} rows, {key} vs frictionless: only pipeline e.g. "
                           f"{c['only_pipeline_examples'][:4]}; only frictionless e.g. {c['only_frictionless_examples'][:4]}")
            missed = ((v.get(key) or {}).get("planted_found") or {}).get("missed_examples")
            if missed:
                out.append(f"  {key} missed planted e.g. {missed[:3]}")
    b = (results.get("batch_validation") or {}).get("batch_check") or {}
    if b.get("vs_frictionless"):
        c = b["vs_frictionless"]
        out.append(f"batch of {b.get('files_checked')} files: {b.get('cleared_by_batch')} cleared by the set-based "
                   f"screen ({b.get('screen_s')} s), {b.get('sent_per_file')} per file ({b.get('per_file_s')} s); "
                   f"only pipeline e.g. {c['only_pipeline_examples'][:4]}; only frictionless e.g. "
                   f"{c['only_frictionless_examples'][:4]}")
        if (b.get("planted_found") or {}).get("missed_examples"):
            out.append(f"  batch check missed planted e.g. {b['planted_found']['missed_examples'][:3]}")
    a = (results.get("acceptance") or {}).get("result")
    if a:
        out.append(f"acceptance: correct files bounced by variation {a['bounced_by_variation']}")
        out.append(f"  by finding {a['bounced_by_finding']}")
        out.append(f"  planted missed by kind {a['planted']['missed_by_kind']}; e.g. {a['planted']['missed_examples'][:2]}")
    p = results.get("publish")
    if p:
        out.append(f"publish: {p.get('note', '')}")
        for key in ("desa_first", "desa_rerun", "desa_rerun_served", "desa_changed", "naive_first",
                    "naive_rerun"):
            if p.get(key, {}).get("stderr"):
                out.append(f"  {key} stderr: {p[key]['stderr'][-400:]}")
    nat = (results.get("national") or {}).get("result")
    if nat:
        out.append(f"national: {nat['patches']}; extrapolation: {nat['extrapolated']['method']}")
    return "\n".join(out)
