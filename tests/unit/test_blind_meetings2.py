"""Blind trial s31 (trial 4), musyawarah: a daftar hadir under a header block, attendance per
unsur, meeting kinds by their words, berita acara sheets beside a REKAP
(tests/data/blind/meetings2/SOURCES.md)."""

from pathlib import Path

import pytest

from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.values import read_value
from desa_terbuka.validate.check import check_parts

DATA = Path(__file__).parents[1] / "data" / "blind" / "meetings2"


def _one(name: str):
    parts = check_parts(DATA / name, expectations=False)
    assert len(parts) == 1
    part = parts[0]
    assert part.record_type == "musyawarah"
    assert not [f for f in part.findings if f.level == "error"], part.findings
    return part


def _codes(part) -> list[str]:
    return [f.code for f in part.findings]


def test_daftar_hadir_under_a_header_block_is_one_meeting():
    part = _one("DAFTAR HADIR MUSDES RKPDES 2025 PATAI.xlsx")
    assert part.valid and part.villages == ["62.02.02.2005"] and [int(y) for y in part.years] == [2024]
    assert len(part.rows) == 1  # the rows per dusun are no meetings
    row = part.rows[0]
    assert row["tanggal"] == "2024-09-18" and row["tempat"] == "Aula Kantor Desa"
    assert (row["jumlah_undangan"], row["hadir_laki_laki"], row["hadir_perempuan"], row["jumlah_hadir"]) \
        == ("32", "18", "10", "28")
    assert row["jenis_musyawarah"] == "Musdes RKPDes"  # from the title "… (RKP DESA) TAHUN 2025"
    assert "form-table-totals" in _codes(part) and "year-is-topic" in _codes(part)


def test_unsur_columns_are_parts_of_the_total_not_women():
    part = _one("rekap_kehadiran_per_unsur_samuda_kecil_2024.xlsx")
    assert part.villages == ["62.02.08.2007"] and len(part.rows) == 3
    assert [r["jumlah_hadir"] for r in part.rows] == ["20", "23", "17"]
    assert all(not r["hadir_perempuan"] for r in part.rows)  # 'Kelompok Perempuan' is a group
    read = [f for f in part.findings if f.code == "attendance-parts-read"]
    assert len(read) == 1 and "'Kelompok Perempuan'" in read[0].params["parts"] and read[0].level == "info"
    mismatch = [f for f in part.findings if f.code == "attendance-parts-mismatch"]
    assert [(f.row, f.params["stated"], f.params["computed"], f.level) for f in mismatch] \
        == [(8, "17", "16", "warning")]
    assert "unknown-column" not in _codes(part)
    assert [r["jenis_musyawarah"] for r in part.rows] == ["Musdes Perubahan APBDes", "Musdes RKPDes",
                                                          "Musdes Khusus"]


def test_berita_acara_sheets_are_the_rekap_meetings_not_a_summary():
    part = _one("BA_MUSYAWARAH_JAYA_KELAPA_2024.xlsx")
    assert part.valid and part.villages == ["62.02.08.2010"] and len(part.rows) == 2
    assert sum(int(r["jumlah_hadir"]) for r in part.rows) == 42
    forms = [f for f in part.findings if f.code == "sheet-form-of-list"]
    assert [f.value for f in forms] == ["BA-01", "BA-02"] and all(f.params["sheet"] == "REKAP" for f in forms)
    assert "sheet-summary-ignored" not in _codes(part)
    assert part.rows[0]["jenis_musyawarah"] == "Rapat BPD"


@pytest.mark.parametrize("written, kind", [
    ("Penyusunan RKP Desa (2025)", "Musdes RKPDes"),
    ("Musdes Penyusunan RKP Desa 2025", "Musdes RKPDes"),
    ("Musyawarah Desa Penyusunan RKP Desa TA 2025", "Musdes RKPDes"),
    ("RKP Desa Penyusunan", "Musdes RKPDes"),
    ("Musdes Penetapan APBDes Perubahan", "Musdes Perubahan APBDes"),
    ("APBDes Perubahan 2024", "Musdes Perubahan APBDes"),
    ("Musdes Penetapan APBDes 2024", "Musdes Penetapan APBDes"),
    ("Rapat Internal BPD", "Rapat BPD"),
    ("Musrenbangdes RKP 2025", "Musrenbangdes"),
    ("Musdes Khusus BUMDes", "Musdes BUMDes"),
    ("Musdes", "Musdes Lainnya"),
])
def test_meeting_kind_by_its_words_in_any_order(written, kind):
    assert read_value(definitions()["musyawarah"], "jenis_musyawarah", written).value == kind
