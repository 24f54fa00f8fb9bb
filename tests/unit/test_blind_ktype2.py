"""Blind trial 6 (activities), area ktype2: a kegiatan tree under "Kode Rekening", PKTD budgets.

The Permendagri 20/2018 Laporan Realisasi Kegiatan heads its kegiatan tree "KODE REKENING": its
bidang and sub-bidang rows ("4", "4 . 2") have the shape of accounts, but their names are the
bidang names of reference/bidang_kegiatan.csv, not the chart's (4 Pendapatan): a kegiatan list.
Forced to read it as an APBDes, bidang 4 booked as account 4 is said, never silent. A PKTD list's
package budget "Pagu Paket" is the anggaran, not the wage total "Nilai Upah" beside it; the labour,
work-detail and SDGs columns are known companions, not misspelt headings.

Fixtures: tests/data/blind/ktype2/ (SOURCES.md, build.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "ktype2"
TREE = DATA / "laporan_realisasi_kegiatan_tumbang_kalang_2024.xlsx"
PKTD = DATA / "output_dd_pktd_tumbang_ngahan_2025.csv"


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def _total(rows, field: str = "anggaran") -> Decimal:
    return sum(Decimal(str(r[field])) for r in rows)


def test_kegiatan_tree_under_kode_rekening_is_a_kegiatan_list() -> None:
    checked = check_file(TREE)
    assert checked.valid and _codes(checked, "error") == []
    assert checked.record_type == "kegiatan"
    assert checked.villages == ["62.02.10.2001"] and checked.years == [2024]
    rows = checked.rows
    assert [r["kode_kegiatan"] for r in rows] == ["2.3.01", "2.3.03", "3.2.01", "4.2.02", "4.2.03"]
    assert _total(rows) == Decimal("206900000")
    assert "subtotal-mismatch" not in _codes(checked, "error")
    assert "unknown-column" not in _codes(checked, "info")  # NAMA OUTPUT: a known companion


def test_kegiatan_tree_forced_as_apbdes_says_bidang_4_is_no_account_4() -> None:
    checked = check_file(TREE, record_type="apbdes")
    assert checked.record_type == "apbdes"
    said = [f for f in checked.findings if f.code == "bidang-code-as-account"]
    assert len(said) == 1 and said[0].level == "warning"
    assert "Pemberdayaan Masyarakat" in said[0].message() and "PENDAPATAN" in said[0].message()


def test_spaced_account_codes_are_read_whole() -> None:
    from desa_terbuka.core.definitions import definitions
    from desa_terbuka.normalise.values import read_code
    apbdes = definitions()["apbdes"]
    assert read_code(apbdes, "kode_rekening", "4 . 2") == ("4.2", "")
    assert read_code(apbdes, "kode_rekening", "4 . 1 . 1 . 01") == ("4.1.1.01", "")
    assert read_code(apbdes, "kode_rekening", "4.1.1. Hasil Usaha Desa") == ("4.1.1", "Hasil Usaha Desa")


def test_pktd_pagu_paket_is_the_anggaran_not_the_wages() -> None:
    checked = check_file(PKTD)
    assert checked.valid and _codes(checked, "error") == []
    assert checked.record_type == "kegiatan"
    assert checked.villages == ["62.02.10.2004"] and checked.years == [2025]
    rows = checked.rows
    assert len(rows) == 3 and _total(rows) == Decimal("208700000")  # not the 41.300.000 of upah
    assert "unknown-column" not in _codes(checked, "info")
    companions = {f.value for f in checked.findings if f.code == "column-not-published"}
    assert {"Nilai Upah (Rp)", "HOK", "Jumlah Tenaga Kerja (orang)", "Uraian Pekerjaan",
            "SDGs Desa ke-"} <= companions


def test_a_declared_companion_read_by_its_words_yields_to_another_heading(tmp_path: Path) -> None:
    # "Nilai Upah" (nilai) stands before "Biaya Paket" (biaya): both name the anggaran by a word;
    # the wage column is a declared companion, so the package cost is the anggaran
    path = tmp_path / "pktd_tumbang_ngahan_2025.csv"
    path.write_text(
        "Desa : Tumbang Ngahan,Tahun Anggaran : 2025\n"
        "Kode Kegiatan,Nama Kegiatan,Nilai Upah (Rp),Biaya Paket (Rp)\n"
        "02.03.03.,Pengerasan Jalan Usaha Tani,21000000,118000000\n"
        "02.03.01.,Pemeliharaan Jalan Desa,14000000,52500000\n", encoding="utf-8")
    checked = check_file(path)
    assert checked.valid and checked.record_type == "kegiatan"
    assert _total(checked.rows) == Decimal("170500000")
