"""Expectation suites: each rule caught at the operator's row; the sample data passes clean."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from desa_terbuka.authoring.sample import generate
from desa_terbuka.core.catalogue import catalogue
from desa_terbuka.validate.check import check_file
from desa_terbuka.validate.derive import derive_columns
from desa_terbuka.validate.expectations import run_expectations
from desa_terbuka.validate.suites import suite_codes

VILLAGE = "62.02.16.2003"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> list[Path]:
    return generate(tmp_path_factory.mktemp("sample"), years=(2024, 2025))


def records_of(sample: list[Path], name: str, village: str = VILLAGE):
    path = next(p for p in sample if p.parent.name.startswith(village) and p.name.startswith(name))
    checked = check_file(path)
    assert checked.valid, checked.findings[:3]
    return checked.records


def found(records) -> list[tuple[str, str, int | None, str | None]]:
    return [(f.code, f.level, f.row, f.field) for f in run_expectations(records)]


def index_of(records, predicate) -> int:
    return next(i for i, row in enumerate(records.rows) if predicate(row))


def test_sample_data_passes_every_suite(sample: list[Path]) -> None:
    for path in sample:
        checked = check_file(path)
        assert checked.valid
        assert run_expectations(checked.records) == [], path


def test_every_suite_rule_is_in_the_catalogue_with_both_messages() -> None:
    for record_type in ("apbdes", "kegiatan", "musyawarah"):
        for code in suite_codes(record_type):
            rule = catalogue()[code]
            assert rule.stage == "expectations" and rule.id and rule.en
            assert rule.severity in ("error", "warning")


@pytest.mark.parametrize("factor, expected", [
    ("1.2", [("apbdes-realisasi-over-budget", "warning")]),
    ("2", [("apbdes-realisasi-over-limit", "error")]),  # the error supersedes the warning
])
def test_realisasi_above_budget(sample, factor, expected) -> None:
    records = records_of(sample, "apbdes_2024")
    i = index_of(records, lambda r: r["kode_rekening"].startswith("5") and float(r["anggaran"]) > 0)
    row = records.rows[i]
    row["realisasi"] = str(int(float(row["anggaran"]) * float(factor)))
    findings = run_expectations(records)
    assert [(f.code, f.level, f.row, f.field) for f in findings] == [
        (code, level, records.row_numbers[i], "realisasi") for code, level in expected]
    assert records.row_numbers[i] == i + 2  # header on line 1 of the CSV
    message = findings[0].message()
    assert "Rp" in message and "%" in message and "[" not in message


def test_revenue_above_target_is_not_overspending(sample) -> None:
    records = records_of(sample, "apbdes_2024")
    i = index_of(records, lambda r: r["kode_rekening"].startswith("4.1"))
    records.rows[i]["realisasi"] = str(float(records.rows[i]["anggaran"]) * 3)
    assert found(records) == []


def test_negative_amount_except_correction_accounts(sample) -> None:
    records = records_of(sample, "apbdes_2024")
    i = index_of(records, lambda r: r["kode_rekening"].startswith("5.2"))
    original, records.rows[i]["anggaran"] = records.rows[i]["anggaran"], "-5000000"
    assert found(records) == [("apbdes-negative-amount", "error", records.row_numbers[i], "anggaran")]
    records.rows[i]["anggaran"] = original
    j = index_of(records, lambda r: r["kode_rekening"].startswith("4.3"))
    records.rows[j].update(kode_rekening="4.3.5.01", realisasi="-100000")
    assert found(records) == []


def test_realisation_stage_needs_realisation(sample) -> None:
    records = records_of(sample, "apbdes_2024")
    assert records.rows[3]["tahap"] == "realisasi_tahunan"
    records.rows[3]["realisasi"] = ""
    assert found(records) == [("apbdes-realisasi-missing", "warning", records.row_numbers[3], "realisasi")]


def test_budget_stage_has_no_realisation(sample) -> None:
    budget_only = [p for p in sample if p.name == "apbdes_2025.csv"
                   and check_file(p).rows[0]["tahap"] == "anggaran"]
    records = check_file(budget_only[0]).records
    records.rows[5]["realisasi"] = "1000000"
    assert found(records) == [("apbdes-realisasi-in-budget-stage", "warning", 7, "realisasi")]


def test_original_file_row_behind_title_lines(sample, tmp_path) -> None:
    source = next(p for p in sample if p.parent.name.startswith(VILLAGE) and p.name == "apbdes_2024.csv")
    lines = source.read_text(encoding="utf-8").splitlines()
    target = next(n for n, line in enumerate(lines) if ",5.2." in line)
    cells = lines[target].split(",")
    cells[8] = str(int(cells[7]) * 3)  # realisasi = 3 x anggaran
    lines[target] = ",".join(cells)
    path = tmp_path / "apbdes_2024.csv"
    path.write_text("\n".join(["APBDES DESA 2024", "Kecamatan Tualan Hulu", ""] + lines) + "\n",
                    encoding="utf-8")
    checked = check_file(path)  # check_file runs the suite after the schema
    assert not checked.valid
    [finding] = checked.findings
    assert (finding.code, finding.row, finding.file) == ("apbdes-realisasi-over-limit", target + 4, str(path))
    assert run_expectations(checked.records) == [finding]


@pytest.mark.parametrize("change, expected", [
    ({"tanggal_mulai": "2024-09-01", "tanggal_selesai": "2024-03-01"},
     ("kegiatan-dates-reversed", "error", "tanggal_selesai")),
    ({"tanggal_mulai": "2020-05-01"}, ("kegiatan-date-outside-year", "warning", "tanggal_mulai")),
    ({"tanggal_selesai": "2026-12-31"}, ("kegiatan-date-outside-year", "warning", "tanggal_selesai")),
    ({"status": "selesai", "progres_persen": "80"}, ("kegiatan-progress-selesai", "error", "progres_persen")),
    ({"status": "rencana", "progres_persen": "30"}, ("kegiatan-progress-rencana", "warning", "progres_persen")),
    ({"status": "berjalan", "progres_persen": "100"},
     ("kegiatan-progress-unfinished", "warning", "progres_persen")),
    ({"anggaran": "0"}, ("kegiatan-budget-not-positive", "error", "anggaran")),
])
def test_kegiatan_rules(sample, change, expected) -> None:
    records = records_of(sample, "kegiatan_2024")
    i = index_of(records, lambda r: r["tanggal_mulai"] != "2024-01-01")
    records.rows[i].update(change)
    findings = run_expectations(records)
    assert [(f.code, f.level, f.field) for f in findings] == [expected]
    assert findings[0].row == records.row_numbers[i] and findings[0].file.endswith("kegiatan_2024.xlsx")
    assert "[" not in findings[0].message() and "[" not in findings[0].message("en")


@pytest.mark.parametrize("change, expected", [
    ({"jumlah_undangan": "10", "hadir_laki_laki": "9", "hadir_perempuan": "4", "jumlah_hadir": "13"},
     ("musyawarah-attendance-over-invited", "warning", "jumlah_undangan")),
    ({"jumlah_undangan": "60", "hadir_laki_laki": "25", "hadir_perempuan": "12", "jumlah_hadir": "47"},
     ("musyawarah-attendance-sum-mismatch", "error", "jumlah_hadir")),
    ({"hadir_laki_laki": "40", "hadir_perempuan": "", "jumlah_undangan": "10"},  # one count missing: no sum
     ("musyawarah-women-not-reported", "warning", "hadir_perempuan")),
    ({"tanggal": "2099-01-05"}, ("musyawarah-future-date", "error", "tanggal")),
])
def test_musyawarah_rules(sample, change, expected) -> None:
    records = records_of(sample, "musyawarah_2024")
    records.rows[1].update(change)
    findings = run_expectations(records)
    assert [(f.code, f.level, f.row, f.field) for f in findings] == [
        (expected[0], expected[1], records.row_numbers[1], expected[2])]
    assert "[" not in findings[0].message()


def test_future_date_is_relative_to_the_check_day(sample) -> None:
    records = records_of(sample, "musyawarah_2024")
    records.rows[0]["tanggal"] = "2024-06-02"

    def future_rows(today: date) -> list[int | None]:
        return [f.row for f in run_expectations(records, today=today) if f.code == "musyawarah-future-date"]

    assert records.row_numbers[0] not in future_rows(date(2024, 6, 2))
    assert records.row_numbers[0] in future_rows(date(2024, 6, 1))


def test_derived_columns_evaluate_only_the_whitelist() -> None:
    df = pd.DataFrame({"a": [2.0, 3.0], "b": [4.0, 0.0], "k": ["5.2.1.01", None]})
    derive_columns(df, {"r": "a / b", "p": "a * 100 / b - 1", "j": "left(k, 3)"}, date(2024, 1, 1))
    assert df["r"].iloc[0] == 0.5 and df["p"].iloc[0] == 49 and df["j"].iloc[0] == "5.2"
    assert pd.isna(df["j"].iloc[1])
    for bad in ("__import__('os').system('true')", "a.__class__", "[a for a in b]", "open('x')"):
        with pytest.raises(ValueError):
            derive_columns(df, {"x": bad}, date(2024, 1, 1))
