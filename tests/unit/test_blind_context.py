"""Blind trial s29, a file's context: stage, year and village as a careful reader finds them.

Fixtures: tests/data/blind/context/ (SOURCES.md says where each shape comes from)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl

from desa_terbuka.validate.check import check_file
from desa_terbuka.views.text import check_text

DATA = Path(__file__).parents[1] / "data" / "blind" / "context"


def _total(rows, prefix: str, field: str) -> Decimal:
    return sum((Decimal(r[field]) for r in rows if r["kode_rekening"].startswith(prefix) and r.get(field)),
               Decimal(0))


def _not_info(checked) -> list[str]:
    return [f.code for f in checked.findings if f.level != "info"]


def test_half_year_period_in_its_own_row_wins_over_the_generic_realisation() -> None:
    # "LAPORAN REALISASI PELAKSANAAN" (row 1), "SEMESTER 1" (row 4), file name "Laporan Realisasi"
    checked = check_file(DATA / "Laporan Realisasi APBDes 2025 Batuah.csv")
    assert checked.valid and _not_info(checked) == []
    assert checked.record_type == "apbdes"
    assert checked.villages == ["62.02.12.2003"] and checked.years == [2025]
    assert len(checked.rows) == 6
    assert {r["tahap"] for r in checked.rows} == {"realisasi_semester_1"}
    assert "judul baris 4" in checked.sources["tahap"]
    assert _total(checked.rows, "4", "anggaran") == Decimal("1242500000")
    assert _total(checked.rows, "4", "realisasi") == Decimal("703100000")
    assert _total(checked.rows, "5", "realisasi") == Decimal("393750000")


def test_periods_that_disagree_are_said_not_picked(tmp_path: Path) -> None:
    # the title's SEMESTER 1 against the file name's Semester II: half-year or year-end figures
    path = tmp_path / "Laporan Realisasi APBDes Semester II 2025 Batuah.csv"
    shutil.copy(DATA / "Laporan Realisasi APBDes 2025 Batuah.csv", path)
    checked = check_file(path)
    assert not checked.valid
    [finding] = [f for f in checked.findings if f.level == "error"]
    assert (finding.code, finding.row) == ("stage-conflict", 4)
    assert "judul baris 4 menyebut realisasi_semester_1" in finding.message()
    assert "says realisasi_tahunan" in finding.message("en")


def test_regulation_number_year_is_not_the_budget_year() -> None:
    # "NOMOR     : 02  TAHUN   2023" names the Perkades; the budget is TA 2024
    checked = check_file(DATA / "Penjabaran APBDes TA 2024 Kapuk.csv")
    assert checked.valid and _not_info(checked) == []
    assert checked.villages == ["62.02.03.2031"] and checked.years == [2024]
    assert {r["tahun_anggaran"] for r in checked.rows} == {"2024"}
    assert len(checked.rows) == 6 and _total(checked.rows, "5", "anggaran") == Decimal("1007500000")


def test_village_read_from_its_own_cell_beside_a_control_block() -> None:
    # row 1: "LAMPIRAN PERATURAN DESA HANJALIPAN" | "Rp -12.500.000" | ... | "KONTROL"
    checked = check_file(DATA / "APBDes-P 2025 Hanjalipan (Google Sheet).xlsx")
    assert checked.valid and _not_info(checked) == []
    assert not [f for f in checked.findings if f.code.startswith("village-")]
    assert checked.villages == ["62.02.01.2004"] and checked.years == [2025]
    assert {r["tahap"] for r in checked.rows} == {"anggaran_perubahan"}
    assert len(checked.rows) == 6 and _total(checked.rows, "4", "anggaran") == Decimal("1242500000")


def test_meeting_date_decides_the_year_and_the_plan_year_is_its_topic() -> None:
    checked = check_file(DATA / "Berita Acara Musdes RKPDes 2025 Sebungsu.xlsx")
    assert checked.valid and _not_info(checked) == []
    assert checked.record_type == "musyawarah"
    assert checked.villages == ["62.02.16.2005"] and checked.years == [2024]
    [row] = checked.rows
    assert row["tanggal"] == "2024-09-11" and row["jumlah_hadir"] == "34"
    [topic] = [f for f in checked.findings if f.code == "year-is-topic"]
    assert topic.value == "2025" and topic.level == "info"
    assert "tanggal" in topic.message("en") and "plan or budget year" in topic.message("en")


def test_meeting_year_in_the_title_still_conflicts_with_its_date(tmp_path: Path) -> None:
    # "MUSYAWARAH DESA TAHUN 2025" names when the meeting was, not a plan: 2024-09-11 disagrees
    book = openpyxl.load_workbook(DATA / "Berita Acara Musdes RKPDes 2025 Sebungsu.xlsx")
    book.active["A2"] = "MUSYAWARAH DESA TAHUN 2025"
    book.active["A5"] = None
    book.save(path := tmp_path / "Berita Acara Musdes Sebungsu.xlsx")
    checked = check_file(path)
    assert "year-conflict" in {f.code for f in checked.findings if f.level == "error"}


def test_context_sources_follow_the_language() -> None:
    checked = check_file(DATA / "Penjabaran APBDes TA 2024 Kapuk.csv")
    english = check_text(checked, "en")
    # the title rows name the village and so does the file name: every agreeing source is said
    assert "kode_desa ← title row 2, title row 6 and file name 'Penjabaran" in english
    assert "tahun_anggaran ← title row 5" in english
    assert "judul baris" not in english and "nama berkas" not in english
    assert "tahun_anggaran ← judul baris 5" in check_text(checked, "id")


def test_tahap_i_makes_a_realisation_specific_but_does_not_make_one(tmp_path: Path) -> None:
    text = (DATA / "Laporan Realisasi APBDes 2025 Batuah.csv").read_text(encoding="utf-8")
    (first := tmp_path / "a.csv").write_text(text.replace("SEMESTER 1", "TAHAP I"), encoding="utf-8")
    assert {r["tahap"] for r in check_file(first).rows} == {"realisasi_semester_1"}
    # without "realisasi" anywhere, "TAHAP I" (a Dana Desa disbursement?) leaves it to the data
    plain = text.replace("LAPORAN REALISASI PELAKSANAAN", "LAPORAN").replace("SEMESTER 1", "TAHAP I")
    (second := tmp_path / "b.csv").write_text(plain, encoding="utf-8")
    checked = check_file(second)
    assert {r["tahap"] for r in checked.rows} == {"realisasi_tahunan"}
    assert "value-derived" in {f.code for f in checked.findings}
