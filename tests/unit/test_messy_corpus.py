"""Realistic messy submissions in ``tests/data/messy`` are read correctly: village, year, stage,
row count, and totals equal to the source (``expected.yaml``, built by ``build_corpus.py``)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from desa_terbuka.validate.check import check_file

MESSY = Path(__file__).parents[1] / "data" / "messy"
EXPECTED = yaml.safe_load((MESSY / "expected.yaml").read_text(encoding="utf-8"))


def total(rows: list[dict[str, str]], name: str) -> str:
    value = sum((Decimal(r[name] or "0") for r in rows), Decimal(0))
    return str(value.normalize()) if value != value.to_integral() else str(int(value))


def test_corpus_has_at_least_six_files() -> None:
    assert len(EXPECTED) >= 6
    assert sorted(EXPECTED) == sorted(p.name for p in MESSY.iterdir() if p.name != "expected.yaml")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_messy_submission_is_read_correctly(name: str) -> None:
    want = EXPECTED[name]
    checked = check_file(MESSY / name)
    errors = [(f.row, f.field, f.code, f.message()) for f in checked.findings if f.level == "error"]
    assert errors == [] and checked.valid
    assert checked.record_type == want["type"]
    assert checked.villages == [want["kode_desa"]]
    assert checked.years == [want["tahun"]]
    assert len(checked.rows) == want["rows"]
    for field in ("anggaran", "realisasi"):
        if field in want:
            assert total(checked.rows, field) == want[field], field
    if "tahap" in want:
        assert {r["tahap"] for r in checked.rows} == {want["tahap"]}
    if "kegiatan" in want:
        assert [r["kode_kegiatan"] for r in checked.rows] == want["kegiatan"]
    if "encoding" in want:
        assert checked.encoding == want["encoding"]
    if "sheet" in want:
        assert checked.sheet == want["sheet"]
    assert sorted(checked.sources) == sorted(want.get("sources", []))
    warnings = sorted({f.code for f in checked.findings if f.level == "warning"} - {"unknown-column"})
    assert warnings == want.get("warnings", [])


def test_report_rows_are_not_records() -> None:
    checked = check_file(MESSY / "Laporan Realisasi APBDes Tumbang Mujam 2024.xlsx")
    assert all(not r["uraian"].upper().startswith(("JUMLAH", "SURPLUS")) for r in checked.rows)
    assert checked.records.row_numbers == [10, 11, 16, 17, 19]
    # text amounts ("425.000.000") are read; line-level formulas kept their cached result
    assert checked.rows[1]["anggaran"] == "425000000"
