"""Blind trial s31, area meetings: attendance counts are published numbers, so a row whose men +
women disagree with its total and a rekap's JUMLAH row that disagrees with its lines are errors
(the rule in expectations/musyawarah.json; the total row as APBDes section totals are checked).

Fixtures: tests/data/blind/meetings/ (SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "meetings"


def _errors(checked) -> list[tuple[str, int | None, str | None]]:
    return [(f.code, f.row, f.field) for f in checked.findings if f.level == "error"]


def test_attendance_that_does_not_add_up_is_rejected_at_its_row_and_its_total_row() -> None:
    checked = check_file(DATA / "rekap_musdes_pundu_2024_selisih.xlsx")
    assert checked.record_type == "musyawarah" and len(checked.rows) == 4
    assert checked.villages == ["62.02.13.2001"] and checked.years == [2024]
    assert not checked.valid
    assert sorted(_errors(checked)) == [("musyawarah-attendance-sum-mismatch", 5, "jumlah_hadir"),
                                        ("subtotal-mismatch", 7, "jumlah_hadir")]
    row_error = next(f for f in checked.findings if f.code == "musyawarah-attendance-sum-mismatch")
    said = row_error.message()
    assert "47" in said and "25" in said and "12" in said and "37" in said
    assert all(name in said for name in ("jumlah_hadir", "hadir_laki_laki", "hadir_perempuan"))
    assert "men 25 + women 12 = 37" in row_error.message("en")
    total = next(f for f in checked.findings if f.code == "subtotal-mismatch")
    assert "142" in total.message() and "124" in total.message() and "JUMLAH" in total.message()
    # L and P of the JUMLAH row (74, 40) agree with their lines: no finding for them
    assert [f.field for f in checked.findings if f.code == "subtotal-mismatch"] == ["jumlah_hadir"]


def test_a_count_total_row_with_its_unit_is_read_as_its_lines_are(tmp_path: Path) -> None:
    rows = ["No;Tanggal;Jenis Musyawarah;Laki-laki;Perempuan;Jumlah Hadir",
            "1;11/01/2024;Musdes Penetapan APBDes;20 orang;9 orang;29 orang",
            "2;22/02/2024;Musdes Khusus BLT-DD;16 orang;13 orang;29 orang",
            ";;JUMLAH;36 orang;22 orang;58 orang"]
    path = tmp_path / "rekap_musdes_pundu_2024.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    checked = check_file(path)
    assert checked.valid and _errors(checked) == [] and len(checked.rows) == 2
    assert sum(int(r["jumlah_hadir"]) for r in checked.rows) == 58


def test_a_generic_kind_is_refined_by_its_own_words_and_by_the_agenda(tmp_path: Path) -> None:
    rows = ["Kode Desa;Tanggal;Jenis Musyawarah;Agenda Musyawarah;Laki-laki;Perempuan;Jumlah Hadir",
            "62.02.13.2001;11/01/2024;Musdes;Penetapan APB Desa TA 2024;20;9;29",
            "62.02.13.2001;22/02/2024;Musyawarah Desa (Musdes) Penetapan APBDes;;16;13;29",
            "62.02.13.2001;01/08/2024;Musdes Khusus BUMDes;LPJ pengurus;25;12;37",
            "62.02.13.2001;17/10/2024;Musdes BUMDes (LPJ Pengurus);;13;6;19",
            "62.02.13.2001;07/11/2024;Musdes;Pembentukan pengurus BUMDes;10;8;18",
            "62.02.13.2001;12/12/2024;Musdes;Rapat koordinasi;10;8;18"]
    path = tmp_path / "rekap_musdes_2024.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    checked = check_file(path)
    assert checked.valid and _errors(checked) == [] and len(checked.rows) == 6
    assert [r["jenis_musyawarah"] for r in checked.rows] == [
        "Musdes Penetapan APBDes", "Musdes Penetapan APBDes", "Musdes BUMDes", "Musdes BUMDes",
        "Musdes BUMDes", "Musdes Lainnya"]  # an agenda naming no kind leaves the generic one
    assert checked.rows[0]["agenda"] == "Penetapan APB Desa TA 2024"
    refined = [f for f in checked.findings if f.code == "value-refined"]
    assert [f.row for f in refined] == [2, 6] and all(f.level == "info" for f in refined)
    assert "dari kolom agenda" in refined[0].message() and "from the agenda column" in refined[0].message("en")


def test_a_form_value_over_several_lines_belongs_to_its_label() -> None:
    checked = check_file(DATA / "NOTULEN MUSDES KHUSUS TANGAR 2024.xlsx")
    assert checked.valid and checked.record_type == "musyawarah" and len(checked.rows) == 1
    assert checked.villages == ["62.02.03.2001"] and checked.years == [2024]
    row = checked.rows[0]
    assert row["agenda"].startswith("a. Pembukaan; b. Sambutan Kepala Desa; c. ")
    assert row["agenda"].endswith("e. Penetapan KPM BLT-DD")
    assert (row["jumlah_undangan"], row["jumlah_hadir"], row["hadir_laki_laki"]) == ("35", "31", "19")
    assert row["keputusan"].startswith("Musyawarah menyepakati 27")  # the next label is its own
