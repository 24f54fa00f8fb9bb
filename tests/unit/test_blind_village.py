"""Blind trial s29 (second round): a title row that names a report or a regulation ("APB DESA PER
SUMBER DANA", "PERATURAN KEPALA DESA NOMOR 1") is not a village; the village is read from the row
that names it, and a 'DESA …' phrase that matches nothing never blocks a file another source
attributes.

Fixtures: tests/data/blind/village/ (SOURCES.md says where each shape comes from)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from desa_terbuka.core.reference import villages
from desa_terbuka.normalise.title_village import title_words, village_phrase
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "village"


def _total(rows, prefix: str, field: str) -> Decimal:
    return sum((Decimal(r[field]) for r in rows if r["kode_rekening"].startswith(prefix) and r.get(field)),
               Decimal(0))


def _not_info(checked) -> list[str]:
    return [f.code for f in checked.findings if f.level != "info"]


def test_report_per_sumber_dana_is_read_from_the_row_naming_the_village() -> None:
    checked = check_file(DATA / "Laporan Realisasi APBDes per Sumber Dana 2024.xlsx")
    assert checked.valid and _not_info(checked) == []
    assert checked.record_type == "apbdes"
    assert checked.villages == ["62.02.16.2003"] and checked.sources["kode_desa"] == "judul baris 1"
    assert checked.years == [2024] and {r["tahap"] for r in checked.rows} == {"realisasi_tahunan"}
    assert len(checked.rows) == 7
    # the same objek and kegiatan under two sumber dana: two budget lines, both kept
    atk = [r for r in checked.rows if (r["kode_rekening"], r["kode_kegiatan"]) == ("5.2.1.01", "1.1.04")]
    assert sorted((r["sumber_dana"], Decimal(r["anggaran"])) for r in atk) == [
        ("ADD", Decimal(9000000)), ("PAD", Decimal(2000000))]
    # each line takes the fund of its section row ('SUMBER DANA : DDS - Dana Desa')
    assert [r["sumber_dana"] for r in checked.rows] == ["DDS"] * 3 + ["ADD"] * 2 + ["PAD"] * 2
    assert "bagian" in checked.sources["sumber_dana"]
    assert _total(checked.rows, "4", "anggaran") == Decimal("1110000000")
    assert _total(checked.rows, "5", "anggaran") == Decimal("611000000")
    assert _total(checked.rows, "5", "realisasi") == Decimal("590400000")


def test_penjabaran_titled_by_its_perkades_number() -> None:
    checked = check_file(DATA / "Penjabaran APBDesa 2024 (export).xlsx")
    assert checked.valid and _not_info(checked) == []
    assert checked.villages == ["62.02.16.2002"] and checked.years == [2024]
    assert {r["tahap"] for r in checked.rows} == {"anggaran"}
    assert len(checked.rows) == 4
    assert {r["kode_rekening"]: r["sumber_dana"] for r in checked.rows} == {
        "4.2.1.01": "DDS", "4.2.3.01": "ADD", "5.2.1.01": "ADD", "5.3.4.03": "DDS"}
    assert _total(checked.rows, "4", "anggaran") == Decimal("1110000000")
    assert _total(checked.rows, "5", "anggaran") == Decimal("1080000000")
    # the hidden lookup column (the code without dots) is only said (as hidden, since s32), never
    # read as a code
    assert [f.value for f in checked.findings if f.code == "hidden-column"] == ["KEY"]
    assert not [f for f in checked.findings if f.code == "unknown-column"]


@pytest.mark.parametrize("title, name", [
    ("LAPORAN REALISASI PELAKSANAAN APB DESA PER SUMBER DANA", None),
    ("LAMPIRAN PERATURAN KEPALA DESA NOMOR 1 TAHUN 2024", None),
    ("RANCANGAN APB DESA PERUBAHAN TAHUN 2024", None),
    ("ALOKASI DANA DESA", None),
    ("PERATURAN DESA MERAH NOMOR 2 TAHUN 2024", "MERAH"),
    ("PERATURAN KEPALA DESA TUMBANG MUJAM TENTANG PENJABARAN APB DESA", "TUMBANG MUJAM"),
    ("LAPORAN KEUANGAN DESA SUMBER MAKMUR PER 31 DESEMBER 2024", "SUMBER MAKMUR"),
    ("PEMERINTAH DESA MERAH", "MERAH"),
])
def test_document_words_after_desa_are_not_a_village(title: str, name: str | None) -> None:
    assert village_phrase(title) == name


def test_document_words_are_no_village_words() -> None:
    # a word of reference/title_words.yaml must never cut or refuse a real village's name
    words = title_words()
    names = [re.sub(r"[^a-z0-9]+", " ", v.nama_desa.lower()).split() for v in villages().values()]
    assert not {w.lower() for w in words.not_a_name} & {n[0] for n in names}
    assert not {w.lower() for w in words.name_ends_before} & {w for n in names for w in n}


def test_phrase_matching_no_village_beside_a_known_one_is_only_said(tmp_path: Path) -> None:
    # a report title this project does not know yet: "DESA <words>" that is no village, while the
    # first row names one; the file is attributed to that village and the phrase is info
    path = tmp_path / "apbdes.csv"
    path.write_text("\n".join([
        "PEMERINTAH DESA MERAH", "REKAPITULASI APB DESA BERDASARKAN SUMBER DANA TAHUN ANGGARAN 2024",
        "Kode Rekening;Uraian;Kode Kegiatan;Sumber Dana;Anggaran",
        "4.2.1.01;Dana Desa;;DDS;850.000.000", "5.2.2.01;Honor TPK;2.2.01;DDS;7.500.000"]) + "\n",
        encoding="utf-8")
    checked = check_file(path)
    assert checked.valid and _not_info(checked) == []
    assert checked.villages == ["62.02.16.2003"]
    [said] = [f for f in checked.findings if f.code == "title-village-phrase-ignored"]
    assert (said.level, said.row, said.value) == ("info", 2, "BERDASARKAN SUMBER DANA")
    assert "62.02.16.2003" in said.message() and "judul baris 1" in said.message()
    assert "title row 1" in said.message("en") and "title_words.yaml" in said.message("en")


def test_phrase_matching_no_village_alone_still_blocks(tmp_path: Path) -> None:
    # no source names a known village: the file cannot be attributed
    path = tmp_path / "apbdes.csv"
    path.write_text("\n".join([
        "PEMERINTAH DESA ANTAH BERANTAH", "APBDES TAHUN ANGGARAN 2024",
        "Kode Rekening;Uraian;Kode Kegiatan;Sumber Dana;Anggaran",
        "4.2.1.01;Dana Desa;;DDS;850.000.000"]) + "\n", encoding="utf-8")
    checked = check_file(path)
    assert not checked.valid and "village-not-found" in _not_info(checked)


def test_exact_name_of_several_villages_settled_by_the_file_code(tmp_path: Path) -> None:
    # "SUMBER MAKMUR" is three villages; the file name's code names one of them
    path = tmp_path / "62.02.07.2006_apbdes_2024.csv"
    path.write_text("\n".join([
        "APBDES DESA SUMBER MAKMUR 2024", "Kode Rekening;Uraian;Kode Kegiatan;Sumber Dana;Anggaran",
        "4.2.1.01;Dana Desa;;DDS;850.000.000"]) + "\n", encoding="utf-8")
    checked = check_file(path)
    assert checked.valid and _not_info(checked) == [] and checked.villages == ["62.02.07.2006"]
