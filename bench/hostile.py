"""The hostile corpus: files made to cost memory and time, or to confuse the readers.

    .venv/bin/python bench/hostile.py [--out DIR] [--quick] [--limit-s 60] [--no-run]

Generates every case into a temporary folder (nothing is committed: some are ~200 MB), then runs
``desa check --json`` on each and ``desa run --dry-run`` on the whole folder as whole commands,
measured from outside (wall time and peak RSS of the process tree, bench/measure.py). Prints one
table, the worst time and RSS, and a JSON line; exits 1 when a command printed a traceback, ran
past its time limit or went over 1 GB. ``--quick`` makes the large cases small (for tests).
``generate`` is also used by tests/unit/test_hostile.py.
"""

from __future__ import annotations

import argparse
import base64
import csv
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RSS_LIMIT_MB = 1024
HEADER = ["kode_desa", "tahun_anggaran", "tahap", "kode_rekening", "uraian", "kode_kegiatan",
          "sumber_dana", "anggaran", "realisasi", "keterangan"]
LINE = ["62.02.16.2003", "2024", "anggaran", "5.1.1.01", "Penghasilan Tetap Kepala Desa",
        "1.1.01", "ADD", "36000000", "", ""]


def _csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _big_csv(path: Path, target: int, row: list[str]) -> None:
    """A CSV of about ``target`` bytes: the heading, then ``row`` repeated (written in blocks)."""
    line = _csv_text([row]).encode()
    block = line * max(1, min(2000, target // (len(line) * 20)))
    with open(path, "wb") as f:
        f.write(_csv_text([HEADER]).encode())
        written = 0
        while written + len(block) <= target:
            f.write(block)
            written += len(block)


def _lying_zip(path: Path, members: dict[str, bytes], claimed: int = 1000) -> None:
    """A ZIP whose headers claim every member is ``claimed`` bytes once inflated."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    data = bytearray(raw.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        infos = z.infolist()
    for info in infos:  # local header: uncompressed size at offset 22
        struct.pack_into("<I", data, info.header_offset + 22, claimed)
    offset = data.rfind(b"PK\x05\x06")
    start = struct.unpack_from("<I", data, offset + 16)[0]
    position = start
    for _ in infos:  # central directory: uncompressed size at offset 24
        struct.pack_into("<I", data, position + 24, claimed)
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, position + 28)
        position += 46 + name_len + extra_len + comment_len
    path.write_bytes(bytes(data))


def _xlsx(path: Path, columns: int, rows: int, lie: bool = False) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER + [f"Tambahan {i}" for i in range(columns - len(HEADER))])
    for _ in range(rows):
        ws.append(LINE + ["x"] * (columns - len(HEADER)))
    buffer = io.BytesIO()
    wb.save(buffer)
    if not lie:
        path.write_bytes(buffer.getvalue())
        return
    with zipfile.ZipFile(buffer) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    _lying_zip(path, members)


def generate(out: Path, quick: bool = False) -> list[Path]:
    """Write the hostile corpus into ``out``; return the files."""
    out.mkdir(parents=True, exist_ok=True)
    big = 2_000_000 if quick else 195 * 1024 * 1024
    files: dict[str, bytes | None] = {}
    # Near the 200 MB limit: millions of short lines (over the row cap) ...
    _big_csv(out / "dekat_batas_baris.csv", big, LINE)
    # ... and few, long lines (under the row cap: each line carries a long keterangan).
    _big_csv(out / "dekat_batas_panjang.csv", big, LINE[:-1] + ["catatan " * 250])
    pdf_cell = base64.b64encode(os.urandom(150 * 1024)).decode()  # a PDF as base64 in a cell
    files["sel_besar_awal.csv"] = _csv_text([HEADER, LINE[:-1] + [pdf_cell], LINE]).encode()
    files["sel_besar_akhir.csv"] = _csv_text([HEADER] + [LINE] * 70 + [LINE[:-1] + [pdf_cell]]).encode()
    files["kolom_banyak.csv"] = _csv_text([HEADER + [f"k{i}" for i in range(20_000)],
                                          LINE + ["1"] * 20_000]).encode()
    files["pemisah_campur.csv"] = (_csv_text([HEADER] + [LINE] * 5)
                                   + _csv_text([LINE] * 40, ";")).encode()
    files["utf16_tanpa_bom.csv"] = _csv_text([HEADER] + [LINE] * 5).encode("utf-16-le")
    files["laporan_pdf.csv"] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 40
    files["karakter_kendali.csv"] = _csv_text(
        [HEADER, LINE[:4] + ["Belanja \x1b[31mmerah\x1b[0m\x07\x08 desa"] + LINE[5:7] + ["12\x1bx", "", ""]]
    ).encode()
    files["tanda_kendali_judul.csv"] = ("\x1b]0;judul\x07a,b,c\n1,2,3\n").encode()
    inflated = (_csv_text([["Tahun", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "SumberDana", "Uraian",
                            "Anggaran"]]) + "2024,16.2003.,16.2003.01.01.01.,5.1.1.01.,ADD,x,1\n"
                * (40_000 if quick else 6_000_000)).encode()
    _lying_zip(out / "siskeudes_bohong.zip", {"Ta_RABRinci.csv": inflated, "Ref_Version.csv":
                                               b"Versi\n2.0.1\n"})
    with zipfile.ZipFile(out / "siskeudes_bom.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Ta_RABRinci.csv", inflated)
        z.writestr("Ref_Version.csv", b"Versi\n2.0.1\n")
    # A Siskeudes ZIP whose table holds a PDF as base64 in one cell, and one with more rows than
    # any table may have (small inside the archive: the row cap stops it, not the byte budget).
    rinci = ["Tahun", "Kd_Desa", "Kd_Keg", "Kd_Rincian", "SumberDana", "Uraian", "Anggaran"]
    line = ["2024", "16.2003.", "16.2003.01.01.01.", "5.1.1.01.", "ADD", "x", "1"]
    with zipfile.ZipFile(out / "siskeudes_sel_besar.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Ta_RABRinci.csv", _csv_text([rinci] + [line] * 30 + [line[:5] + [pdf_cell, "1"]]))
        z.writestr("Ref_Version.csv", b"Versi\n2.0.1\n")
    with zipfile.ZipFile(out / "siskeudes_baris_banyak.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Ta_RABRinci.csv", _csv_text([rinci] + [line] * (12_000 if quick else 400_000)))
        z.writestr("Ref_Version.csv", b"Versi\n2.0.1\n")
    _xlsx(out / "kolom_lebih_300.xlsx", columns=320, rows=5)
    _xlsx(out / "xlsx_bohong.xlsx", columns=12, rows=2_000 if quick else 300_000, lie=True)
    for name, data in files.items():
        (out / name).write_bytes(data)
    return sorted(p for p in out.iterdir() if p.is_file())


def main() -> None:
    from bench.measure import run_measured

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, help="keep the corpus here (default: a temporary folder)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--limit-s", type=float, default=60.0, help="time limit per command")
    parser.add_argument("--no-run", action="store_true", help="skip the desa run --dry-run step")
    parser.add_argument("--generate", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:  # in its own process: a child inherits its parent's peak RSS (ru_maxrss)
        generate(args.generate, quick=args.quick)
        return
    folder = args.out or Path(tempfile.mkdtemp(prefix="desa-hostile-"))
    desa = str(ROOT / ".venv" / "bin" / "desa")
    env = {**os.environ, "DESA_WAREHOUSE": str(folder / ".warehouse.duckdb"),
           "PREFECT_LOGGING_LEVEL": "ERROR"}
    results = []
    try:
        inbox = folder / "inbox"
        subprocess.run([sys.executable, __file__, "--generate", str(inbox)]
                       + (["--quick"] if args.quick else []), check=True)
        files = sorted(p for p in inbox.iterdir() if p.is_file())
        commands = [(p.name, [desa, "check", "--json", str(p)]) for p in files]
        if not args.no_run:
            commands.append(("(desa run --dry-run, semua berkas)",
                             [desa, "run", "--dry-run", "--inbox", str(inbox)]))
        for name, argv in commands:
            m = run_measured(argv, env=env, timeout=args.limit_s)
            traceback = "Traceback" in m.stdout + m.stderr
            over = m.wall_s > args.limit_s
            results.append({"file": name, "exit": m.returncode, "seconds": m.wall_s,
                            "rss_mb": m.peak_tree_rss_mb, "traceback": traceback, "timeout": over,
                            "ok": not traceback and not over and m.peak_tree_rss_mb < RSS_LIMIT_MB
                            and m.returncode in (0, 1, 2)})
    finally:
        if not args.out:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"{'berkas / file':<40} {'exit':>4} {'detik':>7} {'RSS MB':>8}  ok")
    for r in results:
        print(f"{r['file'][:40]:<40} {r['exit']:>4} {r['seconds']:>7.1f} {r['rss_mb']:>8.0f}  "
              f"{'ya' if r['ok'] else 'TIDAK'}")
    worst_time = max(results, key=lambda r: r["seconds"])
    worst_rss = max(results, key=lambda r: r["rss_mb"])
    print(f"terburuk / worst: {worst_time['seconds']:.1f} s ({worst_time['file']}), "
          f"{worst_rss['rss_mb']:.0f} MB RSS ({worst_rss['file']}); batas / limits: "
          f"{args.limit_s:.0f} s, {RSS_LIMIT_MB} MB")
    print(json.dumps({"worst_seconds": worst_time["seconds"], "worst_rss_mb": worst_rss["rss_mb"],
                      "cases": results}, ensure_ascii=False))
    sys.exit(0 if all(r["ok"] for r in results) else 1)


if __name__ == "__main__":
    main()
