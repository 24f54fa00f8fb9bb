"""Blind trial s31 (fourth round): the village named after a meeting or a body ("MUSYAWARAH DESA
<nama>", "MUSDES <nama>", "KEPALA DESA <nama>") and in a CamelCase file name is read, while a
meeting's topic after "MUSYAWARAH DESA" is never taken for a village; when nothing names a village
exactly, the operator is told which words were read and why they are no village; the source cited
for the village is the one used (the title, and the file name when it agrees).

Fixtures: tests/data/blind/village3/ (SOURCES.md says where each shape comes from)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desa_terbuka.normalise.title_village import village_phrase
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "village3"
MUJAM = "62.02.16.2002"  # Tumbang Mujam, Kec. Tualan Hulu
TABLE = ["Kode Rekening;Uraian;Kode Kegiatan;Sumber Dana;Anggaran",
         "4.2.1.01;Dana Desa;;DDS;850.000.000", "5.2.2.01;Honor TPK;2.2.01;DDS;7.500.000"]


def _errors(checked) -> list[str]:
    return [f.code for f in checked.findings if f.level == "error"]


def _apbdes(path: Path, *titles: str) -> Path:
    path.write_text("\n".join([*titles, *TABLE]) + "\n", encoding="utf-8")
    return path


def test_rekap_titled_musyawarah_desa_names_its_village() -> None:
    checked = check_file(DATA / "Rekap_Musyawarah_TumbangMujam_2024.xlsx")
    assert checked.valid and _errors(checked) == []
    assert checked.record_type == "musyawarah"
    assert checked.villages == [MUJAM] and checked.years == [2024]
    assert len(checked.rows) == 3  # the JUMLAH row is no meeting
    assert sum(int(r["jumlah_hadir"]) for r in checked.rows) == 92
    assert sum(int(r["hadir_perempuan"]) for r in checked.rows) == 34
    # the title and the CamelCase file name both name it, and both are said
    assert checked.sources["kode_desa"] == (
        "judul baris 1 dan nama berkas 'Rekap_Musyawarah_TumbangMujam_2024.xlsx'")


@pytest.mark.parametrize("title, name", [
    ("REKAP PELAKSANAAN MUSYAWARAH DESA TUMBANG MUJAM TAHUN 2024", "TUMBANG MUJAM"),
    ("DAFTAR HADIR MUSDES TUMBANG MUJAM", "TUMBANG MUJAM"),
    ("MUSDES RKPDES 2025 DESA TUMBANG MUJAM", "TUMBANG MUJAM"),
    ("BERITA ACARA MUSRENBANG DESA MERAH", "MERAH"),
    ("PEMERINTAH DESA MERAH", "MERAH"),
    ("KEPALA DESA MERAH", "MERAH"),
    ("LAPORAN KEGIATAN BPD DESA MERAH 2024", "MERAH"),
    ("REALISASI DANA DESA MERAH TAHUN 2024", "MERAH"),
    # after a meeting, a fund or a programme the words are its topic unless they are a village
    ("BERITA ACARA MUSYAWARAH DESA PENETAPAN APBDES 2024", None),
    ("MUSYAWARAH DESA PENYUSUNAN RKP DESA MERAH", "MERAH"),
    ("DAFTAR HADIR MUSDES KHUSUS BLT", None),
    ("ALOKASI DANA DESA", None),
    ("LAPORAN REALISASI PELAKSANAAN APB DESA PER SUMBER DANA", None),
])
def test_village_after_a_meeting_or_body_only_when_it_is_one(title: str, name: str | None) -> None:
    assert village_phrase(title) == name


@pytest.mark.parametrize("stem", ["apbdes_2024_TumbangMujam", "apbdes_2024_Tumbang_Mujam",
                                  "apbdes-2024-tumbang-mujam"])
def test_file_name_village_split_at_capitals_underscores_and_dashes(tmp_path: Path, stem: str) -> None:
    checked = check_file(_apbdes(tmp_path / f"{stem}.csv", "APBDES TAHUN ANGGARAN 2024"))
    assert checked.valid and _errors(checked) == []
    assert checked.villages == [MUJAM] and checked.years == [2024]
    assert checked.sources["kode_desa"] == f"nama berkas '{stem}.csv'"


def test_camel_case_words_that_are_no_village_name_nothing(tmp_path: Path) -> None:
    # "TumbangMujamm" split is no exact village: never guessed, and the reading is said
    checked = check_file(_apbdes(tmp_path / "ApbdesTumbangMujamm2024.csv", "APBDES TAHUN ANGGARAN 2024"))
    assert not checked.valid and checked.villages == []
    assert "missing-column" not in _errors(checked)
    [said] = [f for f in checked.findings if f.code == "village-name-unread"]
    assert said.value == "tumbang mujamm" and MUJAM in said.message()


def test_misspelt_village_after_musyawarah_desa_is_said_not_add_a_column(tmp_path: Path) -> None:
    checked = check_file(_apbdes(tmp_path / "apbdes.csv", "MUSYAWARAH DESA TUMBANG MUJAMM",
                                 "APBDES TAHUN ANGGARAN 2024"))
    assert not checked.valid and checked.villages == []
    assert _errors(checked) == ["village-name-unread"]  # instead of missing-column kode_desa
    [said] = [f for f in checked.findings if f.code == "village-name-unread"]
    assert (said.row, said.value) == (1, "TUMBANG MUJAMM")
    assert "sesudah 'MUSYAWARAH DESA'" in said.message() and "judul baris 1" in said.message()
    assert f"{MUJAM} Tumbang Mujam" in said.message()
    assert "after 'MUSYAWARAH DESA'" in said.message("en") and "title row 1" in said.message("en")


def test_topic_after_musyawarah_desa_beside_the_village_row(tmp_path: Path) -> None:
    # the topic words are neither a village nor said: the village is the one another row names
    checked = check_file(_apbdes(tmp_path / "apbdes.csv", "PEMERINTAH DESA MERAH",
                                 "HASIL MUSYAWARAH DESA PENETAPAN APBDES TAHUN ANGGARAN 2024"))
    assert checked.valid and _errors(checked) == []
    assert checked.villages == ["62.02.16.2003"] and checked.sources["kode_desa"] == "judul baris 1"
    assert not [f for f in checked.findings if f.code.startswith("village-")]
