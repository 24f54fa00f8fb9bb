"""The second blind trial (built at the end of stop 29, fixed in stop 30): 16 correct village files
in shapes the project had not seen: a Desa Cantik APBDes Perubahan page with shifted JUMLAH rows,
two budget years side by side, a Siskeudes report per sumber dana, a Penjabaran with 'Rp' in its
own column, a sheet per bidang, a Siskeudes print with spacer columns, an LPPDes annex with the
code in the Uraian cell; an inventory book, a DU-RKP, usulan and berita acara with a sheet per
dusun, a bilingual tracker with en-US numbers, a WhatsApp recap. Before stop 30 all 8 finance files
and 5 of the 8 activity files bounced or were misread: two workbooks with a sheet per dusun were
accepted with only their first sheet read.

Each file is held to what a careful reader finds in it (``manifest.json`` beside it, written by
the trial's ``build.py`` from the items it writes, never from the pipeline). Provenance:
``tests/data/blind/trial_s30/SOURCES.md``."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from desa_terbuka.validate.check import check_parts

DATA = Path(__file__).parents[1] / "data" / "blind" / "trial_s30"
FINANCE = json.loads((DATA / "finance" / "manifest.json").read_text(encoding="utf-8"))
ACTIVITIES = json.loads((DATA / "activities" / "manifest.json").read_text(encoding="utf-8"))
SECTIONS = {"pendapatan": "4", "belanja": "5", "pembiayaan_penerimaan": "6.1",
            "pembiayaan_pengeluaran": "6.2"}
LINE_ITEMS = [c for c in FINANCE if c["record_type"] == "apbdes"]
SUMMARIES = [c for c in FINANCE if c["record_type"] != "apbdes"]


def _sum(rows: list[dict], name: str, prefix: str = "") -> Decimal:
    return sum((Decimal(r[name] or "0") for r in rows if r.get("kode_rekening", "").startswith(prefix)),
               Decimal(0))


def _errors(part) -> list[str]:
    return [f"{f.code} row {f.row} {f.field}" for f in part.findings if f.level == "error"]


def _one(path: Path):
    parts = check_parts(path)
    assert len(parts) == 1, [p.record_type for p in parts]
    return parts[0]


@pytest.mark.parametrize("case", LINE_ITEMS, ids=lambda c: c["file"])
def test_finance_file_reads_as_a_careful_reader_finds(case: dict) -> None:
    part = _one(DATA / "finance" / case["file"])
    assert _errors(part) == [] and part.valid
    assert part.record_type == "apbdes"
    assert part.villages == [case["kode_desa"]] and part.years == [case["tahun"]]
    assert {r["tahap"] for r in part.rows} == {case["tahap"]}
    assert len(part.rows) == case["line_items"]
    for column in ("anggaran", "realisasi"):
        for section, expected in (case.get(column) or {}).items():
            assert _sum(part.rows, column, SECTIONS[section]) == expected, (column, section)


@pytest.mark.parametrize("case", SUMMARIES, ids=lambda c: c["file"])
def test_summary_without_account_codes_is_refused_with_its_reason(case: dict) -> None:
    """OpenSID's widget series (jenis and bidang names, no kode rekening) cannot become line items
    safely: nothing of it may be published, and the operator is told why in one finding."""
    part = _one(DATA / "finance" / case["file"])
    assert not part.valid and part.rows == []
    assert _errors(part), "a refusal must say why"


def _sum_of(rows: list[dict], name: str) -> Decimal:
    return sum((Decimal(r[name] or "0") for r in rows), Decimal(0))


@pytest.mark.parametrize("case", ACTIVITIES, ids=lambda c: c["file"])
def test_activity_file_reads_as_a_careful_reader_finds(case: dict) -> None:
    part = _one(DATA / "activities" / case["file"])
    assert _errors(part) == [] and part.valid
    assert part.record_type == case["type"]
    assert part.villages == [case["kode_desa"]] and part.years == [case["tahun"]]
    rows = part.rows
    assert len(rows) == case["records"]  # every sheet of a sheet-per-dusun workbook is read
    if case["type"] == "kegiatan":
        assert _sum_of(rows, "anggaran") == case["anggaran"]
        if case.get("kegiatan_codes"):
            assert [r["kode_kegiatan"] for r in rows] == case["kegiatan_codes"]
        if case.get("status_expected"):
            assert [r["status"] for r in rows] == case["status_expected"]
        return
    for field, key in (("jumlah_hadir", "hadir"), ("hadir_laki_laki", "hadir_l"),
                       ("hadir_perempuan", "hadir_p"), ("jumlah_undangan", "undangan")):
        if case.get(key) is not None:
            assert _sum_of(rows, field) == case[key], field
    assert [r["tanggal"] for r in rows] == case["dates"]
    if case.get("jenis"):
        assert {r["jenis_musyawarah"] for r in rows} == {case["jenis"]}
