"""Word trial, round 2: a bidang heading named, not coded, and a berita acara under a kop's label.

A laporan realisasi kegiatan heads its kegiatan with bidang rows written by name ("1. BIDANG
PENYELENGGARAAN PEMERINTAHAN DESA", merged over No, Kode and Uraian) and their subtotal: each is a
section heading whose amount is checked against its kegiatan, never a line with the name as an
invalid code. A berita acara whose kop surat ends in "Alamat : …" above the title keeps that
title (it names the meeting's kind: "MUSYAWARAH PERENCANAAN PEMBANGUNAN DESA" is a Musrenbangdes,
also when it drafts the RKP Desa, whose year is the plan's). Word and sheet read alike.

Fixtures: tests/data/blind/docx2/ (SOURCES.md, build.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.belanja_bidang import bidang_named
from desa_terbuka.normalise.values import read_value
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "docx2"
KODES = ["1.1.06", "1.4.03", "2.3.10", "2.2.01", "4.2.02"]


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


@pytest.mark.parametrize("name", ["realisasi_kegiatan_jemaras_2024.docx",
                                  "realisasi_kegiatan_jemaras_2024.xlsx"])
def test_named_bidang_rows_head_their_kegiatan(name: str) -> None:
    checked = check_file(DATA / name)
    assert checked.valid and _codes(checked, "error") == []
    assert checked.record_type == "kegiatan" and checked.villages == ["62.02.02.2007"]
    assert checked.years == [2024]
    assert [r["kode_kegiatan"] for r in checked.rows] == KODES
    assert sum(Decimal(r["anggaran"]) for r in checked.rows) == Decimal("200000000")


def test_a_named_bidang_subtotal_is_checked_against_its_kegiatan() -> None:
    checked = check_file(DATA / "realisasi_kegiatan_jemaras_2024_subtotal_salah.docx")
    [wrong] = [f for f in checked.findings if f.code == "subtotal-mismatch"]
    assert wrong.row == 14 and "PELAKSANAAN PEMBANGUNAN DESA" in wrong.message()
    assert [r["kode_kegiatan"] for r in checked.rows] == KODES  # the bidang is still no line


def test_bidang_named_by_the_reference_names() -> None:
    assert bidang_named(["", "Bidang Penyelenggaraan Pemerintahan Desa"]) == (
        "bidang", "1", "Bidang Penyelenggaraan Pemerintahan Desa")
    assert bidang_named(["II. PELAKSANAAN PEMBANGUNAN DESA"])[:2] == ("bidang", "2")
    assert bidang_named(["Sub Bidang Pendidikan"])[:2] == ("sub_bidang", "2.1")
    assert bidang_named(["Bidang Lain-lain"])[:2] == ("bidang", "")  # says so: a bidang
    # a kegiatan's own name is no heading, though it starts like a sub-bidang
    assert bidang_named(["Pendidikan Anak Usia Dini"]) is None
    assert bidang_named(["a.", "Operasional BPD"]) is None


@pytest.mark.parametrize("name", ["ba_musrenbangdes_luwuk_bunter_2025.docx",
                                  "ba_musrenbangdes_luwuk_bunter_2025.xlsx"])
def test_berita_acara_under_a_kop_address_takes_its_kind_from_the_title(name: str) -> None:
    checked = check_file(DATA / name)
    assert checked.valid and _codes(checked, "error") == []
    assert checked.record_type == "musyawarah" and checked.villages == ["62.02.02.2010"]
    assert checked.years == [2025]  # the meeting's date; 2026 is the RKP Desa's year
    [row] = checked.rows
    assert row["jenis_musyawarah"] == "Musrenbangdes" and row["tanggal"] == "2025-08-07"
    assert (row["hadir_laki_laki"], row["hadir_perempuan"], row["jumlah_hadir"]) == ("15", "10", "25")
    assert row["jumlah_undangan"] == "30"
    assert "year-is-topic" in _codes(checked, "info")


def test_a_musrenbangdes_drafting_the_rkp_is_a_musrenbangdes() -> None:
    musyawarah = definitions()["musyawarah"]
    read = lambda text: read_value(musyawarah, "jenis_musyawarah", text).value  # noqa: E731
    assert read("Musyawarah Perencanaan Pembangunan Desa Penyusunan Rencana Kerja Pemerintah "
                "Desa") == "Musrenbangdes"
    assert read("Musdes Penyusunan Rencana Kerja Pemerintah Desa") == "Musdes RKPDes"
    assert read("Pra Musrenbang RKPDes") == "Musdus"
