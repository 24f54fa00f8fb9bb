"""The expectation suites compiled to SQL (the default) give the same findings as Great
Expectations (the reference engine): same rows, fields, codes, values and message parameters.

Corpus: a generated district with planted errors (realisation over the limit …), the test corpora,
and canonical records built to break every expectation of every suite, with the edge cases of the
pandas engine (missing cells, a zero budget, 0/0, ``NOT_IN`` over a missing code, dates at the
window's edges). Also: an expectation type the compiler does not know still runs, through GX.
Cost: ~25 s (GX's import and first run dominate).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.records import Records
from desa_terbuka.validate import expectations as ex
from desa_terbuka.validate import sql_expectations
from desa_terbuka.validate.check import check_parts
from desa_terbuka.validate.suites import load_suite

TODAY = date(2025, 6, 1)
DATA = Path(__file__).parents[1] / "data"


def _same(records: Records, skip: set[int] | None = None) -> list:
    sql = ex.run_expectations(records, TODAY, skip, "sql")
    reference = ex.run_expectations(records, TODAY, skip, "reference")
    assert [(f.row, f.field, f.code) for f in sql] == [(f.row, f.field, f.code) for f in reference]
    assert sql == reference
    return sql


def _records(record_type: str, rows: list[dict[str, str]]) -> Records:
    return Records(definitions()[record_type], RawTable("rules.csv", None, [], []), rows,
                   [5 + i for i in range(len(rows))], [])


def test_every_expectation_of_the_shipped_suites_compiles() -> None:
    for record_type in definitions():
        if (definitions()[record_type].config.get("expectations") or "").endswith(".json"):
            assert sql_expectations.compiled(record_type, TODAY).rest == [], record_type


def test_apbdes_rules() -> None:
    line = {"kode_desa": "62.02.16.2003", "tahun_anggaran": "2024", "baris": "1", "tahap": "realisasi_tahunan",
            "kode_rekening": "5.1.1.01", "uraian": "Honor", "kode_kegiatan": "1.1.01", "sumber_dana": "DDS",
            "anggaran": "1000", "realisasi": "900", "keterangan": ""}
    cases = [{"realisasi": "1100"}, {"realisasi": "1600"}, {"realisasi": "1500"}, {"anggaran": "0"},
             {"anggaran": "0", "realisasi": "0"}, {"anggaran": "-5"}, {"realisasi": "-1"},
             {"kode_rekening": "4.3.5.01", "anggaran": "-5", "realisasi": "-5"}, {"kode_rekening": ""},
             {"kode_rekening": "", "anggaran": "-3"}, {"realisasi": ""}, {"tahap": "anggaran"},
             {"tahap": "anggaran", "realisasi": ""}, {"tahap": ""}, {"kode_rekening": "6.2.1.01", "realisasi": "2000"},
             {"kode_rekening": "4.1.1.01", "realisasi": "2000"}, {"anggaran": "", "realisasi": "5"}]
    rows = [dict(line, baris=str(i + 1), **case) for i, case in enumerate(cases)]
    found = _same(_records("apbdes", rows))
    assert {e["meta"]["rule"] for e in load_suite("apbdes")["expectations"]} == {f.code for f in found}
    _same(_records("apbdes", rows), skip={6, 7, 8})  # rows already in error are left out


def test_kegiatan_and_musyawarah_rules() -> None:
    k = {"kode_desa": "62.02.16.2003", "tahun": "2024", "baris": "1", "kode_kegiatan": "1.1.01",
         "nama_kegiatan": "Jalan", "anggaran": "100", "tanggal_mulai": "2024-02-01",
         "tanggal_selesai": "2024-05-01", "progres_persen": "50", "status": "berjalan"}
    cases = [{"tanggal_selesai": "2024-01-01"}, {"tanggal_selesai": "2024-02-01"}, {"tanggal_mulai": ""},
             {"tanggal_mulai": "2023-09-30"}, {"tanggal_mulai": "2023-10-01"}, {"tanggal_selesai": "2025-03-01"},
             {"tanggal_selesai": "2025-04-01"}, {"status": "selesai"}, {"status": "selesai", "progres_persen": "100"},
             {"status": "rencana"}, {"status": "rencana", "progres_persen": "0"}, {"progres_persen": "100"},
             {"status": "tertunda", "progres_persen": "100"}, {"status": "", "progres_persen": "100"},
             {"status": "selesai", "progres_persen": ""}, {"anggaran": "0"}, {"anggaran": ""}, {"tahun": ""}]
    found = _same(_records("kegiatan", [dict(k, baris=str(i + 1), **c) for i, c in enumerate(cases)]))
    assert {e["meta"]["rule"] for e in load_suite("kegiatan")["expectations"]} == {f.code for f in found}
    m = {"kode_desa": "62.02.16.2003", "tanggal": "2024-03-01", "baris": "1", "jenis_musyawarah": "musdes",
         "jumlah_undangan": "10", "hadir_laki_laki": "4", "hadir_perempuan": "5", "jumlah_hadir": "9"}
    cases = [{}, {"hadir_perempuan": "7"}, {"hadir_perempuan": ""}, {"jumlah_undangan": ""},
             {"tanggal": "2025-06-01"}, {"tanggal": "2025-06-02"}, {"tanggal": ""}, {"hadir_laki_laki": ""}]
    found = _same(_records("musyawarah", [dict(m, baris=str(i + 1), **c) for i, c in enumerate(cases)]))
    assert {e["meta"]["rule"] for e in load_suite("musyawarah")["expectations"]} == {f.code for f in found}


@pytest.fixture(scope="module")
def district(tmp_path_factory) -> Path:
    from bench.gen_district import generate_villages
    from bench.gen_model import DISTRICT, kotim_desa

    out = tmp_path_factory.mktemp("district")
    generate_villages(out, kotim_desa()[:8], [2024], seed="3", detail=DISTRICT, form_rate=0.0,
                      error_rate=1.0, nested=False, settings={})
    return out


def test_generated_district_and_corpora(district: Path) -> None:
    paths = sorted(district.glob("*/*.csv")) + [p for d in ("messy", "tolerated") for p in
                                                 sorted((DATA / d).iterdir()) if p.suffix in {".csv", ".xlsx"}]
    codes = set()
    for path in paths:
        for part in check_parts(path, expectations=False):
            if part.records is not None and part.records.rows:
                skip = {f.row for f in part.findings if f.level == "error" and f.row}
                codes |= {f.code for f in _same(part.records, skip)}
    assert "apbdes-realisasi-over-limit" in codes, codes


def test_an_unknown_expectation_type_runs_through_gx(monkeypatch) -> None:
    suite = load_suite("kegiatan")
    extra = {"type": "expect_column_value_lengths_to_be_between",
             "kwargs": {"column": "nama_kegiatan", "max_value": 3}, "meta": {"rule": "kegiatan-budget-not-positive"}}
    patched = {**suite, "expectations": suite["expectations"] + [extra]}
    monkeypatch.setattr(ex, "load_suite", lambda record_type: patched)
    monkeypatch.setattr(sql_expectations, "load_suite", lambda record_type: patched)
    sql_expectations._compiled.cache_clear()
    ex._STATE.pop("kegiatan:7", None)
    try:
        assert sql_expectations.compiled("kegiatan", TODAY).rest == [7]
        row = {"kode_desa": "62.02.16.2003", "tahun": "2024", "baris": "1", "kode_kegiatan": "1.1.01",
               "nama_kegiatan": "Jalan desa", "anggaran": "100"}
        found = ex.run_expectations(_records("kegiatan", [row]), TODAY, None, "sql")
        assert [(f.row, f.field) for f in found] == [(5, "nama_kegiatan")]
    finally:
        sql_expectations._compiled.cache_clear()
