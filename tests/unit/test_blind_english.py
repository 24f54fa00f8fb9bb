"""Blind trial 4 (stop 31): English headings and values of donor templates (all three record
types), the Permendagri 47/2016 source-of-funds amount columns, a bare "% Capaian" beside a
realisation, and a Buku Kas Pembantu refused with its own reason."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.headings import _Matcher
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).resolve().parents[1] / "data" / "blind" / "english"


def _total(rows, name: str) -> Decimal:
    return sum((Decimal(r[name] or 0) for r in rows), Decimal(0))


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def _identity(checked) -> tuple:
    years = {str(y) for y in checked.years or []}
    return checked.record_type, set(checked.villages or []), years, len(checked.rows)


def test_english_activity_tracker_is_read():
    checked = check_file(DATA / "activity_tracker_terantang_q4.xlsx")
    # the year only in the key:value block ("Fiscal year: FY2024")
    assert _identity(checked) == ("kegiatan", {"62.02.12.2002"}, {"2024"}, 3)
    assert checked.valid and _codes(checked, "error") == []
    assert _total(checked.rows, "anggaran") == Decimal("220000000")
    assert [r["sumber_dana"] for r in checked.rows] == ["DDS", "ADD", "PBP"]
    assert [r["pelaksana"] for r in checked.rows] == ["TPK", "Kasi Kesra", "TPK"]
    assert [r["tanggal_mulai"] for r in checked.rows] == ["2024-03-04", "2024-01-08", "2024-09-02"]
    assert [r["status"] for r in checked.rows] == ["selesai", "selesai", "berjalan"]
    [spent] = [f for f in checked.findings if f.code == "column-published-elsewhere"]
    assert spent.value == "Actual spend (IDR)" and spent.level == "warning"


def test_english_meeting_log_is_read():
    checked = check_file(DATA / "meeting_log_penyaguan_2024.csv")
    assert _identity(checked) == ("musyawarah", {"62.02.09.2012"}, {"2024"}, 4)
    assert checked.valid and _codes(checked, "error") == []
    assert _total(checked.rows, "jumlah_hadir") == 142
    assert _total(checked.rows, "hadir_perempuan") == 57  # "% Women" is not the women
    assert [r["jenis_musyawarah"] for r in checked.rows] == [
        "Musdus", "Musdes Penetapan APBDes", "Musrenbangdes", "Musdes Khusus"]
    assert checked.rows[0]["pimpinan"] == "Head of hamlet"
    assert checked.rows[1]["keputusan"] == "Adopted"
    unknown = sorted(f.value for f in checked.findings if f.code == "unknown-column")
    assert unknown == ["% Women", "District"]


def test_english_budget_lines_are_read():
    checked = check_file(DATA / "village_budget_english_2024.csv")
    assert _identity(checked) == ("apbdes", {"62.02.16.2001"}, {"2024"}, 4)
    assert checked.valid and _codes(checked, "error") == []
    assert _total(checked.rows, "anggaran") == Decimal("1431265000")
    assert _total(checked.rows, "realisasi") == Decimal("1430665000")
    assert [r["sumber_dana"] for r in checked.rows] == ["PAD", "DDS", "ADD", "ADD"]


def test_english_words_do_not_collide_across_fields():
    """An English synonym names one field of its type only (no word of another field's)."""
    for definition in definitions().values():
        aliases = definition.header_aliases()
        for name, synonyms in (definition.config.get("headers") or {}).items():
            for synonym in synonyms:
                assert aliases[" ".join(synonym.replace("_", " ").split())] == name, (
                    definition.record_type, synonym)
    # a women's share is no count of women, a men's count no attendance
    matcher = _Matcher(definitions()["musyawarah"])
    assert matcher.match("% Women")[0] is None
    assert matcher.match("Participants - Female")[0] == "hadir_perempuan"
    assert matcher.match("Participants - Total")[0] == "jumlah_hadir"


def test_source_columns_give_budget_and_source_when_no_total_column():
    checked = check_file(DATA / "brkp_tanpa_jumlah_samuda_kecil_2025.xlsx")
    assert _identity(checked) == ("kegiatan", {"62.02.08.2007"}, {"2025"}, 3)
    assert checked.valid and _codes(checked, "error") == []
    assert [r["anggaran"] for r in checked.rows] == ["102000000", "45000000", "20000000"]
    assert [r["sumber_dana"] for r in checked.rows] == ["DDS", "ADD", "PBP"]
    said = {f.field for f in checked.findings if f.code == "value-derived"}
    assert {"anggaran", "sumber_dana"} <= said
    companions = [f for f in checked.findings if f.code == "column-not-published"]
    assert len(companions) == 4 and all(f.field == "anggaran" for f in companions)
    assert not [f for f in checked.findings if f.code == "unknown-column"]


def test_source_columns_are_checked_against_the_total_column():
    checked = check_file(DATA / "buku_kegiatan_pembangunan_tangar_2024.xlsx")
    assert _identity(checked) == ("kegiatan", {"62.02.03.2001"}, {"2024"}, 2)
    assert [r["anggaran"] for r in checked.rows] == ["184500000", "42000000"]  # the JUMLAH column
    assert [r["sumber_dana"] for r in checked.rows] == ["DDS", "ADD"]
    [mismatch] = [f for f in checked.findings if f.code == "source-amounts-mismatch"]
    assert mismatch.level == "warning" and mismatch.row == 7
    for lang in ("id", "en"):
        assert "43.000.000" in mismatch.message(lang) and "42.000.000" in mismatch.message(lang)


def test_bare_percentage_beside_realisation_is_not_progress():
    checked = check_file(DATA / "realisasi_dd_per_tahap_tumbang_payang_2024.xlsx")
    assert _identity(checked) == ("kegiatan", {"62.02.15.2008"}, {"2024"}, 2)
    assert checked.valid and _codes(checked, "error") == []
    assert [r["progres_persen"] for r in checked.rows] == ["", ""]
    assert [r["status"] for r in checked.rows] == ["", ""]  # no status derived from a money share
    lost = sorted(f.value for f in checked.findings if f.code == "column-published-elsewhere")
    assert "% Capaian" in lost and "Jumlah Realisasi" in lost
    message = next(f for f in checked.findings if f.code == "column-published-elsewhere")
    assert "Laporan Realisasi Pelaksanaan APBDes" in message.message("id")
    assert "separate file" in message.message("en")


def test_bare_percentage_alone_is_still_progress():
    """OpenSID pembangunan's "persentase" (no realisation beside it) stays the physical progress."""
    matcher = _Matcher(definitions()["kegiatan"])
    assert matcher.match("Capaian")[0] == "progres_persen"


def test_cash_book_is_refused_with_its_own_reason():
    checked = check_file(DATA / "bkp_kegiatan_luwuk_bunter_2024.xlsx")
    assert not checked.valid
    assert _codes(checked, "error") == ["cash-book-not-records"]
    [refusal] = checked.findings
    assert refusal.value == "BUKU KAS PEMBANTU KEGIATAN" and refusal.params["sheets"] == 2
    assert "RAB atau DPA" in refusal.message("id") and "RAB or DPA" in refusal.message("en")
    assert "missing-column" not in _codes(checked, "error")


def test_english_realisation_report_totals_and_companions():
    checked = check_file(DATA / "budget_realisation_report_english_2023.csv")
    assert _identity(checked) == ("apbdes", {"62.02.15.2005"}, {"2023"}, 4)
    assert checked.valid and _codes(checked, "error") == []
    assert _total(checked.rows, "anggaran") == Decimal("918618000")
    assert _total(checked.rows, "realisasi") == Decimal("916776300")
    companions = sorted(f.value for f in checked.findings if f.code == "column-not-published")
    assert companions == ["% Achieved", "Variance (IDR)"]
    assert not [f for f in checked.findings if f.code == "unknown-column"]
    skipped = [f for f in checked.findings if f.code == "lines-skipped"]
    assert sum(f.params["count"] for f in skipped) == 3  # the three total lines, checked


def test_english_total_line_is_checked(tmp_path):
    text = (DATA / "budget_realisation_report_english_2023.csv").read_text(encoding="utf-8")
    wrong = tmp_path / "budget_realisation_report_english_2023.csv"
    wrong.write_text(text.replace('Total Revenue,"840,114,000.00"', 'Total Revenue,"850,114,000.00"'),
                     encoding="utf-8")
    checked = check_file(wrong)
    assert not checked.valid
    assert [(f.code, f.row) for f in checked.findings if f.level == "error"] == [("subtotal-mismatch", 4)]


def _sections_csv(path: Path, revenue: str, expenditure: str) -> Path:
    lines = [
        "Village Budget Realization Report - Fiscal Year 2023",
        "Village: Tumbang Sapia | Sub-district: Bukit Santuai",
        "",
        "No,Account Code,Account Description,Budget (IDR),Actual (IDR),Funding Source",
        f",,{revenue},,,",
        '1,4.2.1.01,Dana Desa,"836,114,000.00","836,114,000.00",DDS',
        '2,4.2.3.01,Alokasi Dana Desa,"438,920,000.00","438,920,000.00",ADD',
        ',,Total Revenue,"1,275,034,000.00","1,275,034,000.00",',
        f",,{expenditure},,,",
        '3,5.1.1.01,Penghasilan Tetap Kepala Desa,"36,000,000.00","36,000,000.00",ADD',
        ',,Total Expenditure,"36,000,000.00","36,000,000.00",',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_sections_headed_by_a_letter_and_english_names_are_headings_not_lines(tmp_path):
    """'A. REVENUE' / 'B. EXPENDITURE' (declared report_rows.akun_names) head their akun, like
    'I. PENDAPATAN'; before, each was a line without code or amount (required-value errors)."""
    for revenue, expenditure in (("A. REVENUE", "B. EXPENDITURE"), ("A. PENDAPATAN", "B. BELANJA")):
        checked = check_file(_sections_csv(tmp_path / "budget_tumbang_sapia_2023.csv", revenue, expenditure))
        assert checked.valid and _codes(checked, "error") == [], _codes(checked, "error")
        assert checked.villages == ["62.02.15.2005"] and checked.years == [2023]
        assert [r["kode_rekening"] for r in checked.rows] == ["4.2.1.01", "4.2.3.01", "5.1.1.01"]
        assert _total(checked.rows, "realisasi") == 1_311_034_000
