"""Generate a district's (or the nation's) village submissions for the bench, deterministic by seed.

    .venv/bin/python bench/gen_district.py OUT [--seed 1] [--villages N] [--years 2023-2025]
        [--form-variation RATE] [--plant-errors RATE] [--national] [--big-apbdes ROWS]

District (default): the 168 desa of Kotim (reference/kotim_villages.csv) x apbdes, kegiatan,
musyawarah x 3 years = 1,512 CSVs (~62k rows) in ``OUT/<kode>-<slug>/<type>_<year>.csv``, as a
careful operator exports them (UTF-8, comma, the schemas' column names, plain numbers, ISO dates).
``--form-variation RATE``: that share of files gets 1-3 form variations; ``--plant-errors RATE``:
that share gets 1-2 substantive errors. Both are recorded per file in ``OUT/.manifest.jsonl``
(hidden, so the pipeline ignores it; rows count the heading row as 1, like the pipeline's reports);
``OUT/.manifest.json`` holds the summary.

``--national``: 75,000 invented villages (province 99, which does not exist) x ~200 APBDes lines
(~15M rows) plus kegiatan and musyawarah, one year (2024) by default, written village by village
(memory stays flat) to ``OUT/<99.KK>/<kode>-<slug>/``. ``--villages N`` takes the first N.

``--big-apbdes ROWS``: one canonical APBDes CSV of about ROWS rows (whole village-years of ~200
lines: the Kotim desa 2023-2025 first, then invented villages), for validation benchmarks;
``--plant-errors`` is then the share of village-year blocks given one error.
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gen_forms import (  # noqa: E402
    ERRORS,
    RECORD_TYPES,
    Form,
    pick_variations,
    plant,
    records_of,
    render,
)
from bench.gen_model import (  # noqa: E402
    DISTRICT,
    NATIONAL,
    NATIONAL_VILLAGES,
    Detail,
    Place,
    budget_only,
    build,
    kotim_desa,
    national_places,
    rng,
)


def parse_years(text: str) -> list[int]:
    first, _, last = text.partition("-")
    return list(range(int(first), int(last or first) + 1))


class Manifest:
    """Streams one JSON line per file; keeps only counts in memory."""

    def __init__(self, out: Path, settings: dict[str, Any]):
        self.out = out
        self.settings = settings
        self.lines = (out / ".manifest.jsonl").open("w", encoding="utf-8")
        self.counts = {"files": 0, "rows": 0, "rows_by_type": {t: 0 for t in RECORD_TYPES},
                       "files_with_variations": 0, "files_with_errors": 0, "planted_errors": 0,
                       "variations": {}, "errors": {}}

    def add(self, entry: dict[str, Any]) -> None:
        c = self.counts
        c["files"] += 1
        c["rows"] += entry["rows"]
        c["rows_by_type"][entry["type"]] += entry["rows"]
        c["files_with_variations"] += bool(entry["variations"])
        c["files_with_errors"] += bool(entry["errors"])
        c["planted_errors"] += len(entry["errors"])
        for v in entry["variations"]:
            c["variations"][v] = c["variations"].get(v, 0) + 1
        for e in entry["errors"]:
            c["errors"][e["kind"]] = c["errors"].get(e["kind"], 0) + 1
        self.lines.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")

    def close(self) -> dict[str, Any]:
        self.lines.close()
        summary = {"settings": self.settings, **self.counts}
        (self.out / ".manifest.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n")
        return summary


def load_manifest(out: Path) -> list[dict[str, Any]]:
    """The per-file entries of a generated folder."""
    with (out / ".manifest.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _error_entries(planted, rows, header_line: int) -> list[dict[str, Any]]:
    index = {id(row): i for i, row in enumerate(rows)}
    return sorted(({"row": header_line + 1 + index[id(p.row)], "field": p.field, "kind": p.kind,
                    "value": p.value} for p in planted), key=lambda e: (e["row"], e["field"]))


def write_village_year(out: Path, folder: str, vy, seed, form_rate: float, error_rate: float,
                       manifest: Manifest, record_types: Iterable[str] = RECORD_TYPES) -> None:
    """The files of one village-year (all three types by default, apbdes first, as operators send it)."""
    target = out / folder
    target.mkdir(parents=True, exist_ok=True)
    kode = vy.place.kode_desa
    for record_type in record_types:
        fr = rng(seed, kode, vy.year, record_type, "form")
        er = rng(seed, kode, vy.year, record_type, "errors")
        form = Form(record_type, pick_variations(record_type, fr) if fr.random() < form_rate else [])
        rows = records_of(vy, record_type)
        planted = []
        if er.random() < error_rate:
            rows = [copy.copy(row) for row in rows]
            kinds = er.sample(ERRORS[record_type], 2 if er.random() < 0.3 else 1)
            planted = plant(rows, record_type, kinds, er, vy.year)
        data, header_line = render(vy, record_type, rows, form, fr)
        path = target / f"{record_type}_{vy.year}.csv"
        path.write_bytes(data)
        manifest.add({"path": str(path.relative_to(out)), "type": record_type, "kode_desa": kode,
                      "year": vy.year, "rows": len(rows), "header_line": header_line,
                      "variations": form.variations, "tahap": vy.tahap,
                      "errors": _error_entries(planted, rows, header_line)})


def generate_villages(out: Path, places: Iterable[Place], years: list[int], *, seed, detail: Detail,
                      form_rate: float, error_rate: float, nested: bool, settings: dict,
                      record_types: Iterable[str] = RECORD_TYPES) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(out, settings)
    for place in places:
        folder = f"{place.kode_desa[:5]}/{place.folder}" if nested else place.folder
        for year in years:
            vy = build(seed, place, year, detail, budget_only(seed, place.kode_desa, year, years[-1]))
            write_village_year(out, folder, vy, seed, form_rate, error_rate, manifest, record_types)
    return manifest.close()


def _big_blocks(seed, years: list[int]) -> Iterator:
    """Village-years of Kotim's desa (codes the shipped reference knows, so that every planted
    error stands out): ``years`` first, then the other budget years the schema allows."""
    for place in kotim_desa():
        for year in years:
            yield build(seed, place, year, NATIONAL, budget_only(seed, place.kode_desa, year, years[-1]))
    for year in [y for y in range(2015, 2101) if y not in years]:
        for place in kotim_desa():
            yield build(seed, place, year, NATIONAL)


def generate_big_apbdes(out: Path, rows_wanted: int, *, seed, error_rate: float, settings: dict) -> dict:
    """One canonical APBDes CSV of whole village-years until ``rows_wanted`` rows are written."""
    out.mkdir(parents=True, exist_ok=True)
    name = f"apbdes_big_{rows_wanted // 1000}k.csv"
    form = Form("apbdes")
    written, errors, line = 0, [], 1
    with (out / name).open("wb") as f:
        for i, vy in enumerate(_big_blocks(seed, [2023, 2024, 2025])):
            if written >= rows_wanted:
                break
            rows = vy.apbdes
            er = rng(seed, vy.place.kode_desa, vy.year, "big-errors")
            planted = []
            if er.random() < error_rate:
                kinds = [ERRORS["apbdes"][len(errors) % len(ERRORS["apbdes"])]]
                planted = plant(rows, "apbdes", kinds, er, vy.year)
            data, _ = render(vy, "apbdes", rows, form, er)
            body = data.split(b"\n", 1)[1]
            if i == 0:
                f.write(data.split(b"\n", 1)[0] + b"\n")
            f.write(body)
            errors += _error_entries(planted, rows, line)
            line += len(rows)
            written += len(rows)
    manifest = Manifest(out, settings)
    manifest.add({"path": name, "type": "apbdes", "kode_desa": None, "year": None, "rows": written,
                  "header_line": 1, "variations": [], "tahap": None, "errors": errors})
    return manifest.close()


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", default="1")
    parser.add_argument("--villages", type=int, help="only the first N villages")
    parser.add_argument("--years", help="a year or a range, e.g. 2023-2025 (national: 2024)")
    parser.add_argument("--form-variation", type=float, default=0.0, metavar="RATE")
    parser.add_argument("--plant-errors", type=float, default=0.0, metavar="RATE")
    parser.add_argument("--national", action="store_true")
    parser.add_argument("--big-apbdes", type=int, metavar="ROWS")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items() if k != "out"}
    if args.big_apbdes:
        summary = generate_big_apbdes(args.out, args.big_apbdes, seed=args.seed,
                                      error_rate=args.plant_errors or 0.1, settings=settings)
    elif args.national:
        count = min(args.villages or NATIONAL_VILLAGES, NATIONAL_VILLAGES)
        summary = generate_villages(args.out, national_places(count), parse_years(args.years or "2024"),
                                    seed=args.seed, detail=NATIONAL, form_rate=args.form_variation,
                                    error_rate=args.plant_errors, nested=True, settings=settings)
    else:
        places = kotim_desa()[:args.villages] if args.villages else kotim_desa()
        summary = generate_villages(args.out, places, parse_years(args.years or "2023-2025"),
                                    seed=args.seed, detail=DISTRICT, form_rate=args.form_variation,
                                    error_rate=args.plant_errors, nested=False, settings=settings)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{summary['files']} files, {summary['rows']:,} rows ({summary['rows_by_type']}), "
          f"{summary['files_with_variations']} with form variations, {summary['planted_errors']} "
          f"planted errors in {summary['files_with_errors']} files -> {args.out} "
          f"[{time.perf_counter() - started:.1f} s, peak RSS {peak:.0f} MB]")
    return summary


if __name__ == "__main__":
    main()
