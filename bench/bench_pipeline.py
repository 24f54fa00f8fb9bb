"""Benchmark the intake and staging path; prints numbers, asserts nothing.

    .venv/bin/python bench/bench_pipeline.py [--rows 50000]

Measures: `check_file` on the 99 sample files (per-file median), on one large APBDes CSV
(rows/s: read + normalise + Frictionless + reference checks), staging it in DuckDB, building its
published CSV, and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import tempfile
import time
from pathlib import Path

from desa_terbuka.authoring.sample import generate
from desa_terbuka.stage.warehouse import Slice, Warehouse
from desa_terbuka.validate.check import check_file


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def large_apbdes(path: Path, rows: int) -> None:
    """One village, one year, ``rows`` distinct spending lines in Indonesian number format."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Kode Desa", "Tahun Anggaran", "Tahap", "Kode Rekening", "Uraian",
                         "Kode Kegiatan", "Sumber Dana", "Anggaran (Rp)", "Realisasi"])
        for i in range(rows):
            amount = 1_000_000 + i * 1_000
            writer.writerow(["62.02.16.2003", "2024", "realisasi_tahunan", "5.2.1.01",
                             f"Belanja alat tulis kantor paket {i}", "1.1.04", "ADD",
                             f"{amount:,}".replace(",", "."), f"{amount - 500:,}".replace(",", ".")])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = generate(root / "inbox")
        durations = [timed(check_file, p)[1] for p in files]
        print(f"sample: {len(files)} files, check_file median {statistics.median(durations)*1000:.0f} ms, "
              f"max {max(durations)*1000:.0f} ms, total {sum(durations):.1f} s")

        big = root / "big.csv"
        large_apbdes(big, args.rows)
        checked, seconds = timed(check_file, big)
        assert checked.valid, checked.findings[:3]
        print(f"large apbdes: {args.rows} rows checked in {seconds:.1f} s "
              f"({args.rows / seconds:,.0f} rows/s)")

        with Warehouse(root / "wh" / "warehouse.duckdb") as warehouse:
            slices, seconds = timed(warehouse.stage, checked)
            print(f"stage in DuckDB: {seconds:.2f} s ({args.rows / seconds:,.0f} rows/s)")
            slice_: Slice = slices[0]
            data, seconds = timed(warehouse.slice_csv, slice_)
            print(f"published CSV built: {len(data) / 1e6:.1f} MB in {seconds:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")


if __name__ == "__main__":
    main()
