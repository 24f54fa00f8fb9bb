"""Blind trial 3 (stop 31), headings: a bracket naming a subgroup, a form's fill-in instruction,
"Jumlah" under a merged parent, OpenSID agenda headings, realisation columns, row numbers and a
board's footer sentence."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.heading_notes import published_elsewhere
from desa_terbuka.normalise.heading_words import is_qualifier, is_row_number, without_instruction
from desa_terbuka.normalise.headings import _Matcher
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).resolve().parents[1] / "data" / "blind" / "headings2"


def _total(rows, name: str) -> Decimal:
    return sum((Decimal(r[name] or 0) for r in rows), Decimal(0))


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def _identity(checked) -> tuple:
    rows = checked.rows
    year = {r.get("tahun") or (r.get("tanggal") or "")[:4] for r in rows}
    return checked.record_type, {r["kode_desa"] for r in rows}, year, len(rows)


@pytest.mark.parametrize("heading, field", [
    ("Jumlah peserta yang hadir (laki-laki)", "hadir_laki_laki"),
    ("Jumlah peserta yang hadir (perempuan)", "hadir_perempuan"),
    ("Peserta Hadir (P)", "hadir_perempuan"),
    ("Jumlah seluruh peserta yang hadir (sesuai daftar hadir)", "jumlah_hadir"),
    ("Jumlah Hadir (orang)", "jumlah_hadir"),  # a unit in brackets is still dropped
    ("Jumlah Peserta (Warga Miskin)", None),  # a subgroup, never the attendance
    ("Jumlah Hadir (miskin)", None), ("Jumlah Hadir (isi dengan angka)", "jumlah_hadir"),
    ("Tanggal Agenda", "tanggal"), ("tgl_agenda", "tanggal"), ("Lokasi Kegiatan", "tempat"),
    ("Judul", "jenis_musyawarah"), ("Agenda Musyawarah", "agenda"),
])
def test_musyawarah_headings(heading, field):
    assert _Matcher(definitions()["musyawarah"]).match(heading)[0] == field


@pytest.mark.parametrize("heading, field", [
    ("Pagu Anggaran (Rp) – tulis angka saja tanpa titik", "anggaran"),
    ("Pagu Anggaran (Rp) - isi dengan angka", "anggaran"),
    ("Anggaran: wajib diisi", "anggaran"),
    ("Kode Kegiatan (lihat daftar kewenangan, contoh 2.3.10)", "kode_kegiatan"),
    ("Kode Kegiatan contoh: 2.3.10", "kode_kegiatan"),
    ("Nama Kegiatan *", "nama_kegiatan"),
    ("% Fisik", "progres_persen"), ("Progres fisik (%)", "progres_persen"),
])
def test_kegiatan_headings_without_form_instructions(heading, field):
    assert _Matcher(definitions()["kegiatan"]).match(heading)[0] == field


def test_heading_words():
    assert without_instruction("Bidang - Sub Bidang") == "Bidang - Sub Bidang"  # no instruction
    assert without_instruction("Nama Kegiatan sesuai APBDes") == "Nama Kegiatan sesuai APBDes"
    assert is_qualifier("laki-laki") and is_qualifier("L") and not is_qualifier("L/P")
    assert not is_qualifier("Rp") and not is_qualifier("sesuai daftar hadir")
    assert all(map(is_row_number, ["No", "No.", "Nomor", "No. Urut", "#"]))
    assert not is_row_number("No Kegiatan")
    kegiatan = definitions()["kegiatan"]
    assert published_elsewhere(kegiatan, "Realisasi s.d. Bulan Ini (Rp)") == "apbdes"
    assert published_elsewhere(kegiatan, "% Keuangan") == "apbdes"
    assert published_elsewhere(kegiatan, "Kaur Keuangan") is None  # one word leads, or nothing


def test_subgroup_brackets_keep_men_women_and_the_total_apart():
    """The men's and women's columns were both read as jumlah_hadir (duplicate-column, advising
    to delete one) and the real total was an unknown column."""
    checked = check_file(DATA / "form_musdes_tinduk_2024.csv")
    assert _identity(checked) == ("musyawarah", {"62.02.05.2006"}, {"2024"}, 3)
    assert checked.valid and _codes(checked, "error") == []
    assert _total(checked.rows, "hadir_laki_laki") == 57
    assert _total(checked.rows, "hadir_perempuan") == 29
    assert _total(checked.rows, "jumlah_hadir") == 86
    assert "duplicate-column" not in _codes(checked, "error")
    # Google Forms' own response time: the form's metadata, no unknown column (s33)
    assert [f.value for f in checked.findings if f.code == "unknown-column"] == []
    assert [f.value for f in checked.findings if f.code == "form-meta-columns"] == ["'Timestamp'"]


def test_duplicate_column_names_both_headings_and_advises_renaming(tmp_path):
    path = tmp_path / "musdes_tinduk_2024.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["Tanggal", "Jenis Musyawarah", "Jumlah Hadir", "Peserta Hadir"],
                                  ["15/01/2024", "Musdes", "20", "9"]])
    checked = check_file(path)
    [dup] = [f for f in checked.findings if f.code == "duplicate-column"]
    for lang, word in (("id", "ubah judulnya"), ("en", "rename the headings")):
        message = dup.message(lang)
        assert "'Jumlah Hadir'" in message and "'Peserta Hadir'" in message and word in message
    assert "Hapus salah satunya" not in dup.message("id")


def test_form_instruction_after_a_dash_is_not_the_heading():
    checked = check_file(DATA / "form_kegiatan_pelangsian_2024.csv")
    assert _identity(checked) == ("kegiatan", {"62.02.06.2005"}, {"2024"}, 3)
    assert checked.valid and _codes(checked, "error") == []
    assert _total(checked.rows, "anggaran") == Decimal("225500000")
    assert [r["kode_kegiatan"] for r in checked.rows] == ["2.3.10", "2.2.01", "3.3.06"]
    assert [r["progres_persen"] for r in checked.rows] == ["90", "100", "0"]
    # the realisation has no kegiatan field: a warning that it is not published
    [lost] = [f for f in checked.findings if f.code == "column-published-elsewhere"]
    assert lost.level == "warning" and lost.value == "Realisasi (Rp)"


def test_realisation_report_progress_read_and_realisation_said():
    checked = check_file(DATA / "realisasi_kegiatan_manjalin_2024.csv")
    assert _identity(checked) == ("kegiatan", {"62.02.04.2024"}, {"2024"}, 3)
    assert checked.valid and _codes(checked, "error") == []
    assert _total(checked.rows, "anggaran") == Decimal("230000000")
    assert [r["progres_persen"] for r in checked.rows] == ["75", "62.5", "0"]  # "% Fisik"
    lost = sorted(f.value for f in checked.findings if f.code == "column-published-elsewhere")
    assert lost == ["% Keuangan", "Realisasi s.d. Bulan Ini (Rp)"]
    assert all(f.level == "warning" for f in checked.findings if f.code == "column-published-elsewhere")
    for lang in ("id", "en"):
        assert "apbdes" in checked.findings[[f.code for f in checked.findings].index(
            "column-published-elsewhere")].message(lang)
    assert not [f for f in checked.findings if f.code == "unknown-column"]  # "No." is form


def test_opensid_agenda_is_read_as_musyawarah():
    checked = check_file(DATA / "agenda_desa_lampuyang_2024.csv")
    assert _identity(checked) == ("musyawarah", {"62.02.11.2003"}, {"2024"}, 4)
    assert checked.valid and _codes(checked, "error") == []
    assert [r["tanggal"] for r in checked.rows] == ["2024-01-11", "2024-02-22", "2024-07-04", "2024-09-05"]
    assert checked.rows[2]["tempat"] == "Rumah Kepala Dusun I"
    assert checked.rows[0]["jenis_musyawarah_tertulis"] == "Musyawarah Desa Penetapan APBDes 2024"
    assert checked.rows[2]["jenis_musyawarah"] == "Musdus"
    unknown = sorted(f.value for f in checked.findings if f.code == "unknown-column")
    assert unknown == ["Aktif", "Koordinator Kegiatan"]  # "No" is form, not said


def test_jumlah_under_a_merged_parent_is_the_parents_field():
    """"Peserta Hadir" over L | P | Jumlah: the Jumlah column is jumlah_hadir, read, not derived."""
    checked = check_file(DATA / "rekap_musdes_kuin_permai_2023.xlsx")
    assert _identity(checked) == ("musyawarah", {"62.02.11.2006"}, {"2023"}, 3)
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert [r["jumlah_hadir"] for r in checked.rows] == ["29", "28", "33"]
    assert _total(checked.rows, "hadir_laki_laki") == 57 and _total(checked.rows, "hadir_perempuan") == 33
    assert not [f for f in checked.findings if f.field == "jumlah_hadir"]  # not "tidak diisi"
    assert not [f for f in checked.findings if f.code == "unknown-column"]


def test_board_footer_sentence_is_not_a_label():
    checked = check_file(DATA / "papan_kegiatan_terantang_2024.xlsx")
    assert _identity(checked) == ("kegiatan", {"62.02.12.2002"}, {"2024"}, 1)
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.rows[0]["anggaran"] == "98500000" and checked.rows[0]["kode_kegiatan"] == "2.3.12"
    assert not [f for f in checked.findings if f.code == "unknown-column"]
