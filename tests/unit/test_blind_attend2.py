"""Blind trial 6 (musyawarah), area attend2: columns that count some of those present.

"Dari jumlah hadir / di antaranya / termasuk / kelompok rentan" and guests already inside L and P
("Undangan Lain") are subsets, never parts summed into the total nor the number invited; but
"Di antaranya Perempuan" is the women present. Pre-musrenbang meetings below the village are
Musdus. A '-' under "Undangan" is not stated. Fixtures: tests/data/blind/attend2/."""

from __future__ import annotations

from pathlib import Path

from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "attend2"


def _said(checked) -> list[str]:
    return [f.code for f in checked.findings if f.level != "info"]


def test_kelompok_rentan_under_of_whom_is_a_subset_not_parts() -> None:
    checked = check_file(DATA / "rekap_kehadiran_pra_musrenbang_barunang_miri_2025.xlsx")
    assert checked.valid and _said(checked) == []
    assert checked.record_type == "musyawarah" and checked.villages == ["62.02.04.2007"]
    assert checked.years == [2025] and len(checked.rows) == 3
    rows = checked.rows
    assert [int(r["jumlah_hadir"]) for r in rows] == [20, 18, 37]
    assert [int(r["hadir_perempuan"]) for r in rows] == [8, 17, 13]
    assert [r["jenis_musyawarah"] for r in rows] == ["Musdus", "Musdus", "Musrenbangdes"]
    codes = [f.code for f in checked.findings]
    assert "attendance-parts-read" not in codes and "attendance-parts-mismatch" not in codes
    (said,) = [f for f in checked.findings if f.code == "attendance-subsets-read"]
    assert "'Disabilitas', 'Warga Miskin'" in said.value
    assert "bukan rincian" in said.message() and "not parts" in said.message("en")
    assert not any(k in r for r in rows for k in ("Disabilitas", "Warga Miskin"))


def test_other_guests_are_no_number_invited_and_dash_is_not_stated() -> None:
    checked = check_file(DATA / "rapat_bpd_kuin_permai_2024.xlsx")
    assert checked.valid and _said(checked) == []
    assert checked.villages == ["62.02.11.2006"] and checked.years == [2024] and len(checked.rows) == 3
    rows = checked.rows
    assert [r["jumlah_undangan"] for r in rows] == ["", "40", "7"]  # '-': not stated, never 0
    assert [int(r["jumlah_hadir"]) for r in rows] == [7, 34, 6]
    assert "musyawarah-attendance-over-invited" not in [f.code for f in checked.findings]
    (said,) = [f for f in checked.findings if f.code == "attendance-subsets-read"]
    assert said.value == "'Undangan Lain'"


def test_of_whom_women_is_the_women_present() -> None:
    checked = check_file(DATA / "daftar_musyawarah_samuda_kecil_2024.xlsx")
    assert checked.valid and _said(checked) == []
    assert checked.villages == ["62.02.08.2007"] and checked.years == [2024] and len(checked.rows) == 3
    rows = checked.rows
    assert [int(r["jumlah_hadir"]) for r in rows] == [30, 41, 19]
    assert [int(r["hadir_perempuan"]) for r in rows] == [9, 16, 5]
    assert "unknown-column" not in [f.code for f in checked.findings]


def test_subset_qualifier_before_a_field_word() -> None:
    from desa_terbuka.core.definitions import definitions
    from desa_terbuka.normalise.attendance_parts import _after_qualifier
    d = definitions()["musyawarah"]
    assert _after_qualifier(d, "Di antaranya\nPerempuan") == "perempuan"
    assert _after_qualifier(d, "Dari jumlah itu, perempuan") == "perempuan"
    assert _after_qualifier(d, "Termasuk Perempuan") == "perempuan"
    assert _after_qualifier(d, "Jumlah Peserta Perempuan") is None


def test_a_total_including_some_stays_the_total() -> None:
    from desa_terbuka.collect.base import RawTable
    from desa_terbuka.core.definitions import definitions
    from desa_terbuka.normalise.headings import find_header
    d = definitions()["musyawarah"]
    table = RawTable(file="t.csv", sheet=None, rows=[["Tanggal", "Jenis Musyawarah", "Peserta termasuk Tamu", "Tamu"],
                           ["2024-01-10", "Musdes", "30", "2"]], row_numbers=[1, 2])
    header = find_header(table, d)
    assert header is not None
    assert header.columns.get(2) == "jumlah_hadir" and header.subsets == {3: "Tamu"}
