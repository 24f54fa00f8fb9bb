"""Blind trial s31 (trial 4), area lines: which lines of a report are data.

A total line is recognised by what it says, not where it says it: a line whose only text cell is
a total word (JUMLAH, Grand Total, Jumlah Keseluruhan …), after the amounts with the code
column empty, is a total checked against its lines, never an activity; the fast path for
canonical CSVs leaves such a line to the tolerant reader. Page furniture of a PDF copied to
Excel (Halaman 1 dari 2, Dicetak oleh …, the title block repeated at a page break) is skipped
wherever it stands and said once. An amount (628.550.000, a JUMLAH cell) is no phone number.

Fixtures: tests/data/blind/lines/ (SOURCES.md, build.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desa_terbuka.validate import check
from desa_terbuka.validate.check import check_file
from desa_terbuka.validate.personal_patterns import find_personal, mobile_number

DATA = Path(__file__).parents[1] / "data" / "blind" / "lines"


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def _skipped(checked) -> list[str]:
    return [str(f.params["reason"]) for f in checked.findings if f.code == "lines-skipped"]


def _total(checked, name: str = "anggaran") -> Decimal:
    return sum((Decimal(r[name]) for r in checked.rows), Decimal(0))


def test_a_total_after_the_amounts_with_its_code_last_is_a_total() -> None:
    checked = check_file(DATA / "rekap_spj_terbalik_hanjalipan_2024.csv")
    assert checked.valid and _codes(checked, "error") == []
    assert checked.record_type == "kegiatan" and checked.villages == ["62.02.01.2004"]
    assert checked.years == [2024] and len(checked.rows) == 3
    assert [r["kode_kegiatan"] for r in checked.rows] == ["1.1.01", "1.2.02", "2.3.13"]
    assert _total(checked) == Decimal("295250000")  # not doubled by the JUMLAH line
    assert "activity-code-missing" not in _codes(checked, "warning")
    assert any("jumlah" in r for r in _skipped(checked))


@pytest.mark.parametrize("label", ["TOTAL", "JUMLAH TOTAL", "Jumlah Keseluruhan", "Grand Total"])
def test_a_wrong_total_wherever_it_stands_is_caught(tmp_path, label) -> None:
    text = (DATA / "rekap_spj_terbalik_hanjalipan_2024.csv").read_text(encoding="utf-8-sig")
    path = tmp_path / "rekap_spj_hanjalipan_2024.csv"
    path.write_text(text.replace('"295.250.000","750.000","99,75%",JUMLAH,',
                                 f'"295.200.000","750.000","99,75%",{label},'), encoding="utf-8")
    checked = check_file(path)
    assert len(checked.rows) == 3 and _codes(checked, "error") == ["subtotal-mismatch"]
    (found,) = [f for f in checked.findings if f.code == "subtotal-mismatch"]
    assert found.field == "anggaran" and found.params["label"] == label


def _canonical(path: Path, last: str) -> None:
    path.write_text("\n".join([
        "kode_desa,tahun,kode_kegiatan,nama_kegiatan,lokasi,volume,satuan,anggaran,sumber_dana,"
        "pelaksana,tanggal_mulai,tanggal_selesai,progres_persen,status,keterangan",
        "62.02.17.2002,2024,2.1.01,Penyelenggaraan PAUD Desa,PAUD Desa,12,bulan,20000000,DDS,"
        "Pengelola PAUD,2024-01-01,2024-12-31,100,selesai,",
        "62.02.17.2002,2024,2.3.01,Pemeliharaan Jalan Desa,Dusun I,280,meter,37500000,DDS,"
        "TPK,2024-03-01,2024-06-30,100,selesai,",
        last]) + "\n", encoding="utf-8")


@pytest.mark.parametrize("stated, errors", [("57500000", []), ("57000000", ["subtotal-mismatch"])])
def test_a_total_line_in_a_canonical_csv_does_not_slip_through_the_fast_path(
        tmp_path, monkeypatch, stated, errors) -> None:
    path = tmp_path / "kegiatan_2024.csv"
    _canonical(path, f"62.02.17.2002,2024,,JUMLAH,,,,{stated},,,,,,,")
    monkeypatch.setattr(check, "FAST_PATH", True)
    fast = check.check_parts(path)
    assert check._fast_path(path, None, fast[0].submission, False) is None
    monkeypatch.setattr(check, "FAST_PATH", False)
    slow = check.check_parts(path)
    assert [p.rows for p in fast] == [p.rows for p in slow] and fast[0].findings == slow[0].findings
    assert len(fast[0].rows) == 2 and _codes(fast[0], "error") == errors


def test_a_canonical_csv_with_a_coded_line_named_like_a_total_keeps_the_fast_path(tmp_path) -> None:
    path = tmp_path / "kegiatan_2024.csv"
    _canonical(path, "62.02.17.2002,2024,2.3.02,Total Station untuk Pengukuran Jalan,Kantor Desa,1,"
                     "unit,45000000,DDS,TPK,2024-02-01,2024-02-28,100,selesai,")
    first = check.check_parts(path)[0]
    assert check._fast_path(path, None, first.submission, False) is not None
    assert len(first.rows) == 3 and first.valid


def test_page_furniture_between_the_pages_is_skipped_and_said_once() -> None:
    checked = check_file(DATA / "laporan_bpd_salin_pdf_tumbang_kalang_2024.xlsx")
    assert checked.valid and _codes(checked, "error") == []
    assert checked.record_type == "musyawarah" and checked.villages == ["62.02.10.2001"]
    assert checked.years == [2024] and len(checked.rows) == 4
    assert [r["tanggal"] for r in checked.rows] == ["2024-01-15", "2024-02-08", "2024-03-12", "2024-09-11"]
    assert not any("Halaman" in (r.get("keputusan") or "") for r in checked.rows)
    pages = [f for f in checked.findings if f.code == "lines-skipped" and "halaman" in str(f.params["reason"])]
    assert len(pages) == 1 and pages[0].params["count"] == 5  # footer, 3 title lines, the printed-by line


def test_an_amount_beginning_62_8_is_no_phone_number() -> None:
    checked = check_file(DATA / "buku_kegiatan_pembangunan_luwuk_kowan_2024.xlsx")
    assert checked.valid and _codes(checked, "error") == []
    assert not [f for f in checked.findings if f.code.startswith("personal-data")]
    assert checked.villages == ["62.02.17.2002"] and checked.years == [2024]
    assert len(checked.rows) == 3 and _total(checked) == Decimal("628550000")


@pytest.mark.parametrize("text", [
    "628550000", "628.550.000", "6285500000", "JUMLAH 628.550.000", "Rp 628.550.000",
    "081.250.000", "6.281.234.567", "081234567",  # 9 digits: too short for a mobile number
])
def test_amounts_are_no_phone_numbers(text) -> None:
    assert find_personal(text) == []


@pytest.mark.parametrize("text", [
    "0812345678", "0812-3456-7890", "0812.3456.7890", "+62 812-3456-7890", "62 812 3456 789",
    "6281234567890", "HP 0852 1234 5678", "WA: +6285212345678",
])
def test_mobile_numbers_are_still_found(text) -> None:
    assert [h.kind for h in find_personal(text)] == ["phone"]


def test_a_mobile_number_has_a_mobile_length() -> None:
    assert mobile_number("08123456789012") is False  # 14 digits written 08…
    assert mobile_number("+62 812 3456 78901") is True  # 14 digits written +62 8…
