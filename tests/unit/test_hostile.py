"""Hostile input with bounded cost: the hostile corpus (bench/hostile.py, generated into tmp in its
small form, limits scaled down) is checked in a child process that reports, per file, the time,
the findings and any exception; the child's peak RSS must stay under 1 GB. Then the messages:
Bahasa Indonesia with a remedy, no control characters, echoed values capped, no traceback.
Cost: about 30 s (one child process, ~17 small files, Great Expectations included)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.hostile import generate
from desa_terbuka.cli import cli

ROOT = Path(__file__).resolve().parents[2]
LIMIT_S = 60
CHILD = r"""
import json, resource, sys, time, traceback
from pathlib import Path
from desa_terbuka.collect import base
from desa_terbuka.collect import siskeudes
base.MAX_ROWS, base.MAX_TEXT_CHARS = 10_000, 1_500_000  # the small corpus meets the same limits
siskeudes.MAX_UNCOMPRESSED = 1_000_000
from desa_terbuka.validate.check import check_parts
for path in sorted(Path(sys.argv[1]).iterdir()):
    started = time.perf_counter()
    try:
        parts = check_parts(path)
        found = [f.to_dict() for p in parts for f in p.findings]
        encoding, error = parts[0].encoding, None
    except BaseException:
        found, encoding, error = [], None, traceback.format_exc()
    print(json.dumps({"file": path.name, "seconds": time.perf_counter() - started,
                      "findings": found, "encoding": encoding, "error": error}))
print(json.dumps({"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> tuple[dict[str, dict], float]:
    folder = tmp_path_factory.mktemp("hostile")
    generate(folder, quick=True)
    result = subprocess.run([sys.executable, "-c", CHILD, str(folder)], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {r["file"]: r for r in lines[:-1]}, lines[-1]["peak_rss_mb"]


def test_every_file_ends_in_findings_in_time_and_memory(checked):
    files, peak = checked
    assert len(files) >= 16
    assert {name: r["error"] for name, r in files.items() if r["error"]} == {}
    assert {name: round(r["seconds"]) for name, r in files.items() if r["seconds"] > LIMIT_S} == {}
    assert peak < 1024


def _messages(record: dict) -> str:
    return "\n".join(f["message"] for f in record["findings"])


@pytest.mark.parametrize("name, code, words", [
    ("dekat_batas_baris.csv", "file-unreadable", "lebih dari 10.000 baris"),
    ("dekat_batas_panjang.csv", "file-unreadable", "karakter teks"),
    ("sel_besar_awal.csv", "file-unreadable", "lebih panjang dari 128 KiB"),
    ("sel_besar_akhir.csv", "file-unreadable", "baris 72 lebih panjang dari 128 KiB"),
    ("laporan_pdf.csv", "file-unreadable", "sebenarnya dokumen PDF"),
    ("kolom_banyak.csv", "columns-dropped", "setelah kolom ke-300"),
    ("kolom_lebih_300.xlsx", "columns-dropped", "setelah kolom ke-300"),
    ("pemisah_campur.csv", "mixed-delimiter", "dipisah ','"),
    ("siskeudes_bohong.zip", "file-unreadable", "tidak sesuai dengan keterangan ukuran/CRC"),
    ("siskeudes_bom.zip", "file-unreadable", "terlalu besar"),
    ("xlsx_bohong.xlsx", "file-unreadable", "XLSX rusak"),
    # a ZIP's tables meet the limits of every CSV, with the same catalogue reasons
    ("siskeudes_sel_besar.zip", "file-unreadable",
     "Ta_RABRinci.csv di dalam ZIP punya sel di baris 32 yang lebih panjang dari 128 KiB"),
    ("siskeudes_baris_banyak.zip", "file-unreadable", "lebih dari 10.000 baris"),
])
def test_each_case_is_named_with_a_remedy(checked, name, code, words):
    record = checked[0][name]
    assert code in {f["code"] for f in record["findings"]}
    assert words in _messages(record)
    assert "Traceback" not in _messages(record) and "field larger" not in _messages(record)


def test_utf16_without_bom_is_read_as_utf16(checked):
    record = checked[0]["utf16_tanpa_bom.csv"]
    assert record["encoding"] == "utf-16"
    assert "biner" not in _messages(record)


def test_control_characters_are_never_echoed_and_values_are_capped(checked):
    for record in checked[0].values():
        for f in record["findings"]:
            shown = f["message"] + (f["value"] or "") + (f["field"] or "")
            assert not [c for c in shown if not c.isprintable()], (record["file"], f["code"])
            assert f["value"] is None or len(f["value"]) <= 200


def test_a_huge_cell_in_the_first_lines_gives_exit_2_and_no_traceback(tmp_path):
    generate_one = tmp_path / "in"
    generate(generate_one, quick=True)
    result = CliRunner().invoke(cli, ["check", str(generate_one / "sel_besar_awal.csv")])
    assert result.exit_code == 2
    assert "128 KiB" in result.output and "Galat tak terduga" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_json_report_of_long_cells_stays_small(tmp_path):
    from bench.hostile import HEADER, LINE, _csv_text

    path = tmp_path / "apbdes_2024.csv"
    path.write_text(_csv_text([HEADER] + [LINE[:4] + ["x" * 100_000] + LINE[5:]] * 20))
    result = CliRunner().invoke(cli, ["check", "--json", str(path)])
    shown = json.loads(result.output)
    assert {e["code"] for e in shown["errors"]} >= {"too-long"}
    assert len(result.output) < 50_000
    assert all(len(e["value"] or "") <= 200 for e in shown["errors"])


def test_portal_reset_without_a_terminal_says_how():
    result = CliRunner().invoke(cli, ["portal", "reset"], input="")
    assert result.exit_code == 2
    assert "--yes" in result.output and "Galat tak terduga" not in result.output


def test_a_title_with_commas_is_no_mixed_delimiter(tmp_path):
    from desa_terbuka.collect.read import read_tables

    path = tmp_path / "apbdes.csv"
    path.write_text("Desa Merah, Kecamatan Tualan Hulu, Tahun 2024\n" + "a;b;c;d;e\n1;2;3;4;5\n" * 3)
    [table] = read_tables(path)
    assert table.delimiter == ";" and not [f for f in table.findings if f.code == "mixed-delimiter"]


@pytest.mark.parametrize("member, words", [
    (None, "CSV rusak di baris 1"), ("Ta_RABRinci.csv", "Ta_RABRinci.csv di dalam ZIP rusak di baris 1")])
def test_a_broken_csv_is_named_from_the_catalogue(member, words):
    """Files and a ZIP's tables share one bounded reader and its catalogue reasons."""
    from desa_terbuka.collect.base import ReadError
    from desa_terbuka.collect.csv_text import bounded_records

    with pytest.raises(ReadError) as raised:  # csv stops on a line that is no text at all
        list(bounded_records(iter([b"Tahun,Kd_Desa\n"]), ",", member=member))
    assert words in raised.value.reason and "rusak" not in raised.value.reason.en
