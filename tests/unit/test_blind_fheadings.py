"""Blind trial s31 (finance), headings: a total under a merged parent heading, a realisasi report
without realisasi, kegiatan a format does not carry, a percentage cell's message."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.sub_headings import is_total_heading
from desa_terbuka.normalise.values import number_code
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).resolve().parents[1] / "data" / "blind" / "fheadings"

HEAD = "Kode Rekening;Uraian;Anggaran;Realisasi"
LINES = ["4.2.1.01;Dana Desa;800.000.000;{r1}", "4.2.3.01;Alokasi Dana Desa;500.000.000;{r2}",
         "5.1.1.01;Penghasilan Tetap Kepala Desa;120.000.000;{r3}"]


def _sum(rows, prefix: str, name: str) -> Decimal:
    return sum((Decimal(r[name] or 0) for r in rows if r["kode_rekening"].startswith(prefix)),
               Decimal(0))


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


@pytest.mark.parametrize("name", ["lra_semester_merah_2023.xlsx", "lra_semester_sd_merah_2023.xlsx"])
def test_total_under_realisasi_is_the_realisasi(name):
    """REALISASI (Rp) over SEMESTER I | SEMESTER II | JUMLAH: the JUMLAH (or "Jumlah s.d.
    Semester II") is the realisasi, not a second anggaran; the semesters are its parts."""
    checked = check_file(DATA / name)
    assert checked.valid and not _codes(checked, "error") and not _codes(checked, "warning")
    assert checked.record_type == "apbdes"
    assert checked.villages == ["62.02.16.2003"] and checked.years == [2023]
    assert {r["tahap"] for r in checked.rows} == {"realisasi_tahunan"}
    assert len(checked.rows) == 8
    rows = checked.rows
    assert _sum(rows, "4", "anggaran") == 1_308_000_000 and _sum(rows, "4", "realisasi") == 1_307_500_000
    assert _sum(rows, "5", "anggaran") == 1_318_000_000 and _sum(rows, "5", "realisasi") == 1_242_500_000
    assert _sum(rows, "6.1", "realisasi") == 30_000_000 and _sum(rows, "6.2", "realisasi") == 20_000_000
    parts = [f for f in checked.findings if f.code == "column-part-of-total"]
    assert len(parts) == 2 and {f.field for f in parts} == {"realisasi"}
    assert "duplicate-column" not in _codes(checked, "error")


@pytest.mark.parametrize("text, total", [
    ("JUMLAH", True), ("Total (Rp)", True), ("Jumlah s.d. Semester II", True), ("TOTAL", True),
    ("Jumlah Semester I dan II", True), ("Jumlah Anggaran", False), ("Semester I", False),
    ("Jumlah Peserta", False),
])
def test_total_heading_words(text, total):
    assert is_total_heading(text) is total


def test_realisasi_report_without_realisasi_is_one_file_error(tmp_path):
    """A realisasi report with no realisasi figure on any line is not published as if complete:
    one file-level error naming the headings found, not a warning per line."""
    path = tmp_path / "apbdes_merah_2023.csv"
    path.write_text("\n".join(["LAPORAN REALISASI APBDES TAHUN ANGGARAN 2023",
                               "Kode Rekening;Uraian;Anggaran;Capaian",
                               *[line.format(r1="", r2="", r3="") for line in LINES]]) + "\n",
                    encoding="utf-8")
    checked = check_file(path)
    assert not checked.valid
    errors = [f for f in checked.findings if f.level == "error"]
    assert [f.code for f in errors] == ["apbdes-realisasi-column-missing"]
    assert errors[0].row is None and "'Capaian'" in errors[0].params["headings"]
    assert "tidak ada kolom yang dibaca sebagai realisasi" in errors[0].message()
    assert "no column was read as realisasi" in errors[0].message("en")
    assert "apbdes-realisasi-missing" not in _codes(checked, "warning")
    assert checked.findings[0].code == "apbdes-realisasi-column-missing"  # the root cause first


def test_realisasi_missing_on_some_lines_is_one_grouped_warning(tmp_path):
    path = tmp_path / "apbdes_merah_2023.csv"
    path.write_text("\n".join(["LAPORAN REALISASI APBDES TAHUN ANGGARAN 2023", HEAD,
                               *[line.format(r1="800.000.000", r2="", r3="")
                                 for line in LINES]]) + "\n", encoding="utf-8")
    checked = check_file(path)
    missing = [f for f in checked.findings if f.code == "apbdes-realisasi-missing"]
    assert len(missing) == 1 and missing[0].params["rows"] == "4–5" and missing[0].row == 4
    assert checked.valid and _sum(checked.rows, "4", "realisasi") == 800_000_000


def test_format_without_kegiatan_is_said_once_as_info():
    """An LRA by account carries no kegiatan at all: nothing to add, so info, not a warning
    published as a quality note; and no "kode_kegiatan ← baris judul kegiatan" source."""
    checked = check_file(DATA / "lra_semester_merah_2023.xlsx")
    assert "spending-without-activity" not in _codes(checked, "warning")
    said = [f for f in checked.findings if f.code == "activity-not-in-format"]
    assert len(said) == 1 and said[0].level == "info" and said[0].params["rows"] == "20, 23, 26"
    assert "kode_kegiatan" not in checked.sources


def test_empty_kegiatan_column_still_warns(tmp_path):
    """A file whose format has a kegiatan column, left empty on spending: the operator can add it."""
    path = tmp_path / "apbdes_merah_2024.csv"
    path.write_text("APBDES DESA MERAH TAHUN ANGGARAN 2024\nKode Rekening;Uraian;Kode Kegiatan;Anggaran\n"
                    "4.2.1.01;Dana Desa;;800.000.000\n5.1.1.01;Penghasilan Tetap Kepala Desa;;120.000.000\n",
                    encoding="utf-8")
    checked = check_file(path)
    assert "spending-without-activity" in _codes(checked, "warning")
    assert "activity-not-in-format" not in _codes(checked, "info")


def test_percentage_total_is_read_and_its_message_speaks_of_no_rupiah(tmp_path):
    path = tmp_path / "kegiatan_merah_2024.csv"
    lines = ["DAFTAR KEGIATAN DESA MERAH TAHUN 2024", "Kode Kegiatan;Nama Kegiatan;Anggaran;Progres (%)",
             "2;BIDANG PELAKSANAAN PEMBANGUNAN DESA;;",
             "2.2.01;Pembangunan Jalan Desa;150.000.000;60%",
             "2.2.02;Pembangunan Jembatan Desa;50.000.000;40%", ";JUMLAH;200.000.000;{total}"]
    path.write_text("\n".join(lines).format(total="100%") + "\n", encoding="utf-8")
    checked = check_file(path, "kegiatan")
    assert not [f for f in checked.findings if f.code.startswith("invalid")]
    assert [r["progres_persen"] for r in checked.rows] == ["60", "40"]
    path.write_text("\n".join(lines).format(total="seratus%") + "\n", encoding="utf-8")
    bad = [f for f in check_file(path, "kegiatan").findings if f.code.startswith("invalid")]
    assert [(f.code, f.field, f.row) for f in bad] == [("invalid-quantity", "progres_persen", 6)]
    assert "rupiah" not in bad[0].message()
    kegiatan = definitions()["kegiatan"]
    assert number_code(kegiatan.field("progres_persen"), "invalid-number") == "invalid-quantity"
    assert number_code(kegiatan.field("anggaran"), "invalid-number") == "invalid-number"
