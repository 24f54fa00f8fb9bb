"""The library's check on one file, timed inside the process (imports excluded).

    .venv/bin/python bench/lib_check.py FILE [--lift-row-cap] [--extend-reference]

Prints one JSON object: rows, seconds (``check_file`` only), rows/s, valid, the error-level
findings as {row, field, code}, and ``failure`` when the file could not be read at all.
``--lift-row-cap`` raises the reader's 100,000-row limit in this process and
``--extend-reference`` adds the generator's invented villages to the reference table: both are
bench-only patches that show what the engine would do, not product behaviour.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desa_terbuka.collect import base  # noqa: E402
from desa_terbuka.validate.check import check_file  # noqa: E402

from bench.gen_model import extend_reference  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--lift-row-cap", action="store_true")
    parser.add_argument("--extend-reference", action="store_true")
    args = parser.parse_args()
    if args.lift_row_cap:
        base.MAX_ROWS = 10**9
        base.MAX_TEXT_CHARS = 10**12
    if args.extend_reference:
        extend_reference()
    started = time.perf_counter()
    checked = check_file(args.file)
    seconds = time.perf_counter() - started
    errors = [f for f in checked.findings if f.level == "error"]
    unreadable = [f for f in errors if f.code in ("file-unreadable", "file-empty")]
    rows = len(checked.rows)
    print(json.dumps({
        "file": str(args.file), "rows": rows, "seconds": round(seconds, 3),
        "rows_per_s": round(rows / seconds) if rows else 0, "valid": checked.valid,
        "failure": unreadable[0].message("en") if unreadable else None,
        "errors": [{"row": f.row, "field": f.field, "code": f.code} for f in errors],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "patches": [p for p, on in (("row cap lifted", args.lift_row_cap),
                                    ("reference extended", args.extend_reference)) if on],
    }))


if __name__ == "__main__":
    main()
