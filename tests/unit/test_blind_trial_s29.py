"""The blind trial of stop 29: 21 correct village files in shapes the project had not seen
(OpenSID and Desa Cantik reports, Penjabaran and Perdes lampiran, Siskeudes tables saved alone,
a Google Forms export, a DPA, RKP Desa, berita acara, musdus recaps). Before that stop's fixes
8 of the 10 finance files and 7 of the 11 activity files bounced or were misread.

Each file is held to what a careful reader finds in it (``manifest.json`` beside it, written by
the trial's ``build.py`` from the line items it writes, never from the pipeline). Provenance:
``tests/data/blind/trial_s29/SOURCES.md``."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from desa_terbuka.validate.check import check_parts

DATA = Path(__file__).parents[1] / "data" / "blind" / "trial_s29"
FINANCE = json.loads((DATA / "finance" / "manifest.json").read_text(encoding="utf-8"))
ACTIVITIES = json.loads((DATA / "activities" / "manifest.json").read_text(encoding="utf-8"))
PREFIXES = {"pendapatan": "4", "belanja": "5", "pembiayaan_penerimaan": "6.1", "pembiayaan_pengeluaran": "6.2"}


def _sum(rows: list[dict], name: str, prefix: str = "") -> Decimal:
    return sum((Decimal(r[name] or "0") for r in rows if r.get("kode_rekening", "").startswith(prefix)),
               Decimal(0))


def _errors(part) -> list[str]:
    return [f"{f.code} row {f.row} {f.field}" for f in part.findings if f.level == "error"]


@pytest.mark.parametrize("case", FINANCE, ids=lambda c: c["file"])
def test_finance_file_reads_as_a_careful_reader_finds(case: dict) -> None:
    [part] = check_parts(DATA / "finance" / case["file"])
    assert _errors(part) == [] and part.valid
    assert part.record_type == case["record_type"]
    assert part.villages == [case["kode_desa"]] and part.years == [case["tahun"]]
    assert {r["tahap"] for r in part.rows} == {case["tahap"]}
    assert len(part.rows) == case["rows"]
    for column in ("anggaran", "realisasi"):
        for total, expected in (case.get(column) or {}).items():
            assert _sum(part.rows, column, PREFIXES[total]) == expected, (column, total)


def _check_activity(part, case: dict) -> None:
    assert _errors(part) == [] and part.valid
    assert part.record_type == case["type"]
    rows = part.rows
    if case["type"] == "kegiatan":
        assert len(rows) == case["rows"]
        assert _sum(rows, "anggaran") == case["anggaran"]
        if case.get("kegiatan_codes"):
            assert [r["kode_kegiatan"] for r in rows] == case["kegiatan_codes"]
        if case.get("volumes"):
            assert [(Decimal(r["volume"]), r["satuan"]) for r in rows] == \
                [(Decimal(str(v)), unit) for v, unit in case["volumes"]]
        return
    assert len(rows) == case["meetings"]
    assert _sum(rows, "jumlah_hadir") == case["hadir"]
    for name in ("hadir_laki_laki", "hadir_perempuan"):
        if case.get(name) is not None:
            assert _sum(rows, name) == case[name], name
    if case.get("jenis"):
        assert [r["jenis_musyawarah"] for r in rows] == case["jenis"]
    if case.get("tanggal"):
        assert [r["tanggal"] for r in rows] == case["tanggal"]


@pytest.mark.parametrize("case", ACTIVITIES, ids=lambda c: c["file"])
def test_activity_file_reads_as_a_careful_reader_finds(case: dict) -> None:
    parts = check_parts(DATA / "activities" / case["file"])
    for part in parts:
        assert part.villages == [case["kode_desa"]] and part.years == [case["tahun"]]
    if "sheets" not in case:
        assert len(parts) == 1
        _check_activity(parts[0], case)
        return
    sheets = {name: s for name, s in case["sheets"].items() if isinstance(s, dict)}
    assert sorted(p.record_type for p in parts) == sorted(s["type"] for s in sheets.values())
    for part in parts:
        sheet = next(s for s in sheets.values() if s["type"] == part.record_type)
        _check_activity(part, {**sheet, "kode_desa": case["kode_desa"], "tahun": case["tahun"]})
