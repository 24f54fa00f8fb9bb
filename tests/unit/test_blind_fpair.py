"""Fifth blind trial, finance (stop 32): the pairs and companions of an APBDes table.

- "ANGGARAN MURNI" beside "ANGGARAN PERUBAHAN" (an LRA after a perubahan) is the original budget
  beside the budget in force, as SEMULA beside MENJADI: the revised one is published (before, the
  two were a duplicate-column and the murni figures were read: belanja 40.000.000 short);
- a kegiatan cell "01.01.01. Penyediaan …" is the code and its name (before, the spaces were
  removed and the squashed text refused as a code ×11);
- "Persen" beside the realisasi is a known companion, not an unknown column;
- a title row of three cells above the heading row is not glued onto the headings.

Each file is held to its manifest (``tests/data/blind/fpair/manifest.json``, written by the
trial's builder, anggaran and realisasi totals per section). Provenance: ``SOURCES.md`` there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desa_terbuka.validate.check import check_parts
from tests.unit.blind_manifest import assert_read_as_its_manifest

DATA = Path(__file__).parents[1] / "data" / "blind" / "fpair"
CASES = {c["file"]: c for c in json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))}


def _findings(name: str) -> list:
    return [f for p in check_parts(DATA / name) for f in p.findings]


@pytest.mark.parametrize("name", sorted(CASES))
def test_read_as_its_manifest(name):
    assert_read_as_its_manifest(DATA / name, CASES[name], {}, {})


def test_murni_beside_perubahan_publishes_the_budget_in_force():
    [part] = check_parts(DATA / "LRA Perubahan dan Realisasi Natai Baru 2024.xlsx")
    assert part.valid and {r["tahap"] for r in part.rows} == {"realisasi_tahunan"}
    said = {(f.code, f.value) for f in part.findings}
    assert ("column-not-published", "ANGGARAN MURNI") in said
    assert not any(code == "duplicate-column" for code, _ in said)


def test_code_and_name_in_one_kegiatan_cell():
    [part] = check_parts(DATA / "Lampiran Perdes APBDes Tumbang Tilap 2025 (WPS).xlsx")
    assert part.valid
    kegiatan = {r["kode_kegiatan"] for r in part.rows if r["kode_rekening"].startswith("5")}
    assert "1.1.01" in kegiatan and "2.3.10" in kegiatan
    assert all(k.count(".") == 2 and " " not in k for k in kegiatan)


def test_an_unreadable_code_is_quoted_as_typed(tmp_path):
    path = tmp_path / "apbdes 62.02.15.2001 2025.csv"
    path.write_text("kode_desa,tahun_anggaran,kode_rekening,uraian,kode_kegiatan,anggaran\n"
                    "62.02.15.2001,2025,5.1.1.01,Penghasilan Tetap,Bidang Satu 01,1000\n",
                    encoding="utf-8")
    bad = [f for f in _findings_at(path) if f.code == "invalid-code"]
    assert [f.value for f in bad] == ["Bidang Satu 01"]


def _findings_at(path: Path) -> list:
    return [f for p in check_parts(path) for f in p.findings]


def test_persen_is_a_companion_of_realisasi():
    said = {(f.code, f.value) for f in _findings("Lap Realisasi per Objek Sebungsu 2023.xlsx")}
    assert ("column-not-published", "Persen") in said
    assert not any(code == "unknown-column" and value == "Persen" for code, value in said)


def test_a_title_row_of_several_cells_is_not_glued_onto_the_headings():
    [part] = check_parts(DATA / "RINCIAN_APBDES_BAJARAU_TA2025.tsv")
    assert part.valid and part.records.header.first_row is None  # one heading row
    assert not any(f.code == "unknown-column" for f in part.findings)
    assert "DESA BAJARAU" in part.records.title.upper()  # read as the title it is


@pytest.mark.parametrize("original, in_force", [("Anggaran Murni (Rp)", "Anggaran Perubahan (Rp)"),
                                                ("Semula", "Menjadi"),
                                                ("APBDes Murni", "Setelah Perubahan")])
def test_the_budget_in_force_is_published_whichever_pair_names_it(tmp_path, original, in_force):
    path = tmp_path / "apbdes 62.02.15.2001 2025.csv"
    path.write_text(f"Kode Rekening;Uraian;{original};{in_force}\n"
                    "4.2.1.01;Dana Desa;800.000.000;850.000.000\n"
                    "5.1.1.01;Penghasilan Tetap Kepala Desa;80.000.000;90.000.000\n", encoding="utf-8")
    [part] = check_parts(path)
    assert part.valid, [(f.code, f.value) for f in part.findings if f.level == "error"]
    assert [r["anggaran"] for r in part.rows] == ["850000000", "90000000"]
    assert ("column-not-published", original) in {(f.code, f.value) for f in part.findings}
    assert {r["tahap"] for r in part.rows} == {"anggaran"}  # no realisasi: as SEMULA/MENJADI
