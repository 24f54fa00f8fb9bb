"""The bench's judge of the "one village changed" scenario (bench/report.py): a village's
APBDes year may change its own dataset and the district roll-ups that sum it, nothing else; and
the batch-validation rows, labelled as a batch and judged against the faster Frictionless run."""

from __future__ import annotations

from bench.report import batch_rows, only_the_change, table

FILE = "62.02.01.2003-palangan/apbdes_2024.csv"
OWN = {"apbdes-6202012003-palangan": ["CSV 2024 diperbarui (105 baris)", "metadata diperbarui"]}
ROLL_UP = {"apbdes-semua-desa-kotim": ["CSV 2024 diperbarui (412 baris)"],
           "tautan-situs-desa-kotim": ["Cuplikan HTML Desa Palangan diperbarui"]}


def test_the_village_and_the_roll_ups_of_its_year_are_the_change():
    assert only_the_change({**OWN, **ROLL_UP}, FILE)


def test_another_village_or_another_year_written_is_not():
    assert not only_the_change({**OWN, "apbdes-6202012004-hanjalipan": ["CSV 2024 diperbarui"]}, FILE)
    assert not only_the_change({**OWN, "apbdes-semua-desa-kotim": ["CSV 2023 diperbarui"]}, FILE)
    assert not only_the_change({"kegiatan-6202012003-palangan": ["CSV 2024 diperbarui"]}, FILE)
    assert not only_the_change({"count": 40}, FILE)


def _batch(ours_rps: int, same: bool = True) -> dict:
    found = {"planted": 3, "found": 3, "by_kind": {"non-numeric-amount": "3/3"}}
    c = {"both": 2, "only_pipeline": 0 if same else 1, "only_frictionless": 0,
         "only_pipeline_by_code": {} if same else {"unknown-account": 1}, "only_frictionless_by_code": {},
         "only_pipeline_examples": [], "only_frictionless_examples": [], "same": same}
    return {"files": 504, "rows": 100_000,
            "frictionless": {"rows_per_s": 1_000, "wall_s": 100.0, "planted_found": found},
            "frictionless_parallel": {"rows_per_s": 2_000, "wall_s": 50.0, "planted_found": found},
            "batch_check": {"rows_per_s": ours_rps, "in_process_s": 100_000 / ours_rps, "wall_s": 3.0,
                            "whole_process_rows_per_s": 33_000, "sent_per_file": 50, "planted_found": found,
                            "vs_frictionless": c, "business_rule_errors": 1, "files_differing": 0 if same else 1}}


def test_the_batch_rows_say_batch_and_judge_against_the_faster_frictionless_run():
    rows = batch_rows(_batch(70_000))
    assert all(r[0].startswith("Batch validation, a batch of 504 files (100,000 rows)") for r in rows)
    speed = rows[0]
    assert speed[3] == "35.00x" and speed[5] == "yes"  # 70,000 against --parallel's 2,000 rows/s
    assert "--parallel" in speed[2] and speed[4] == ">= 30x"
    assert rows[1][5] == "yes" and rows[2][5] == "yes"


def test_a_batch_short_of_the_target_or_with_other_findings_is_not_met():
    rows = batch_rows(_batch(50_000, same=False))
    assert rows[0][3] == "25.00x" and rows[0][5] == "NO"
    assert rows[1][5] == "NO" and "1 files differ" in rows[1][2]


def test_the_table_holds_the_batch_beside_the_single_file_rows():
    rows = table({"batch_validation": _batch(70_000)})
    assert [r[0].split(":")[0] for r in rows] == ["Batch validation, a batch of 504 files (100,000 rows)"] * 3
