"""The SQL engine (the default) gives the same schema and reference findings as the reference
engine (Frictionless row by row): same rows, fields, codes, values and parameters.

Corpus: the broken and messy test corpora, a generated district with planted errors (bench
generator: unknown villages and accounts, duplicates, non-numeric amounts ...), and records with
hostile cells that only a Python reader would accept or reject (``+5``, ``1_000``, ``NaN``,
Arabic-Indic digits, ``2024-1-5``, a blank line, duplicate keys next to unreadable ones).
Cost: ~15 s (reading the corpora dominates).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.records import Records
from desa_terbuka.validate import sql_schema
from desa_terbuka.validate.check import check_parts
from desa_terbuka.validate.schema import validate

DATA = Path(__file__).parents[1] / "data"


def _parts(paths):
    for path in paths:
        for part in check_parts(path, expectations=False):
            if part.records is not None and part.records.rows:
                yield part.records


def _same(records: Records) -> list:
    sql, reference = validate(records, "sql"), validate(records, "reference")
    assert [(f.row, f.field, f.code) for f in sql] == [(f.row, f.field, f.code) for f in reference]
    assert sql == reference  # values and parameters too: the same Finding objects
    return sql


@pytest.fixture(scope="module")
def district(tmp_path_factory) -> Path:
    from bench.gen_district import generate_villages
    from bench.gen_model import DISTRICT, kotim_desa

    out = tmp_path_factory.mktemp("district")
    generate_villages(out, kotim_desa()[:6], [2024], seed="7", detail=DISTRICT, form_rate=0.0,
                      error_rate=1.0, nested=False, settings={})
    return out


def test_generated_district_with_planted_errors(district: Path) -> None:
    found = [f for r in _parts(sorted(district.glob("*/*.csv"))) for f in _same(r)]
    codes = {f.code for f in found}
    assert {"unknown-village", "unknown-account", "duplicate-row"} <= codes, codes


def test_broken_and_messy_corpora() -> None:
    paths = [p for d in ("broken", "messy") for p in sorted((DATA / d).iterdir())
             if p.suffix in {".csv", ".xlsx", ".zip", ".tsv", ".txt"}]
    found = [f for r in _parts(paths) for f in _same(r)]
    assert {"required-value", "invalid-code", "out-of-range", "not-in-list"} <= {f.code for f in found}


def _records(record_type: str, rows: list[dict[str, str]]) -> Records:
    table = RawTable("hostile.csv", None, [], [])
    return Records(definitions()[record_type], table, rows, [10 + 2 * i for i in range(len(rows))], [])


@pytest.mark.parametrize("share", [0, 10**9], ids=["by-value", "by-sql"])
def test_hostile_cells_are_decided_like_frictionless(share: int, monkeypatch) -> None:
    monkeypatch.setattr(sql_schema, "_BY_VALUE_SHARE", share)  # codes, years, dates: both ways
    good = {"kode_desa": "62.02.16.2003", "tahun_anggaran": "2024", "tahap": "anggaran",
            "kode_rekening": "4.1.1.01", "uraian": "Hasil usaha", "kode_kegiatan": "",
            "sumber_dana": "PAD", "anggaran": "1000", "realisasi": "", "keterangan": ""}
    odd = [("tahun_anggaran", "+2024"), ("tahun_anggaran", "2_024"), ("tahun_anggaran", "٢٠٢٤"),
           ("tahun_anggaran", "2024.0"), ("tahun_anggaran", "1e3"), ("tahun_anggaran", "0"),
           ("tahun_anggaran", "-0"), ("tahun_anggaran", "99999999999999999999999"),
           ("anggaran", "NaN"), ("anggaran", "-Infinity"), ("anggaran", "1_000"), ("anggaran", " 5 "),
           ("anggaran", "1e400"), ("anggaran", "0001.50"), ("anggaran", "1.2.3"),
           ("anggaran", "Rp 5"), ("kode_desa", "٦٢.02.16.2003"),
           ("kode_desa", "62.02.16.2003\n"), ("kode_rekening", "4.1.1.9x"), ("tahap", "ANGGARAN"),
           ("uraian", "x" * 301), ("uraian", "é" * 300), ("keterangan", "👍🏽" * 251),
           ("sumber_dana", ""), ("tahap", ""), ("kode_desa", "")]
    rows = [dict(good, baris=str(i + 1)) for i in range(3)]
    rows += [dict(good, baris=str(100 + i), **{name: value}) for i, (name, value) in enumerate(odd)]
    rows += [dict(good, baris="1"), dict(good, baris="1", tahun_anggaran="02024"),  # duplicate keys
             dict(good, baris="x"), dict(good, baris="x"), {k: "" for k in good} | {"baris": ""}]
    found = _same(_records("apbdes", rows))
    assert {"invalid-integer", "invalid-number", "duplicate-row", "too-long", "out-of-range",
            "invalid-code", "not-in-list", "required-value", "schema-error"} <= {f.code for f in found}


@pytest.mark.parametrize("share", [0, 10**9], ids=["by-value", "by-sql"])
def test_dates_and_formats_are_decided_like_frictionless(share: int, monkeypatch) -> None:
    monkeypatch.setattr(sql_schema, "_BY_VALUE_SHARE", share)
    base = {"kode_desa": "62.02.16.2003", "tanggal": "2024-03-01", "baris": "1",
            "jenis_musyawarah": definitions()["musyawarah"].field("jenis_musyawarah").constraints["enum"][0],
            "dokumen_url": "https://desa.example/ba.pdf", "jumlah_undangan": "10"}
    cells = [("tanggal", "2024-02-30"), ("tanggal", "2024-1-5"), ("tanggal", "0999-01-01"),
             ("dokumen_url", "desa.example/ba.pdf"), ("dokumen_url", "ftp://x"),
             ("jumlah_undangan", "-1"), ("tanggal", "")]
    rows = [dict(base, baris=str(i + 1), **{name: value}) for i, (name, value) in enumerate(cells)]
    rows += [dict(base), dict(base, tanggal="2024-3-1")]  # the same key, written two ways
    found = _same(_records("musyawarah", rows))
    assert {"invalid-date", "invalid-value", "out-of-range", "duplicate-row"} & {f.code for f in found}


def test_every_shipped_schema_compiles_to_sql() -> None:
    assert all(sql_schema.supports(d) for d in definitions().values())
