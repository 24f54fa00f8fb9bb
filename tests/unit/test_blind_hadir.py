"""Blind trial s29, area hadir: a berita acara (label : value lines) whose attendance is only a
"Rekapitulasi Daftar Hadir" table. Its totals are the meeting's hadir L / P / jumlah, said as
information; a JUMLAH row that disagrees with its rows is a subtotal mismatch; names are never read.

Fixtures: tests/data/blind/hadir/ (SOURCES.md, build.py)."""

from __future__ import annotations

from pathlib import Path

from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "hadir"


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def _attendance(row: dict) -> tuple[int, int, int]:
    return int(row["hadir_laki_laki"]), int(row["hadir_perempuan"]), int(row["jumlah_hadir"])


def _meeting(checked) -> dict:
    assert checked.record_type == "musyawarah" and len(checked.rows) == 1
    assert checked.villages == ["62.02.10.2007"] and checked.years == [2025]  # the meeting's date, not the RKP year of the title
    return checked.rows[0]


def test_attendance_is_read_from_the_recap_table_total_row() -> None:
    checked = check_file(DATA / "ba_musdes_rekap_hadir.xlsx")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    row = _meeting(checked)
    assert _attendance(row) == (14, 11, 25)
    assert int(row["jumlah_undangan"]) == 30 and row["jenis_musyawarah"] == "Musdes RKPDes"
    (info,) = [f for f in checked.findings if f.code == "form-table-totals"]
    assert info.value == "REKAPITULASI DAFTAR HADIR"
    assert "hadir_perempuan 11" in info.message() and "baris jumlahnya" in info.message()
    assert "from its total row" in info.message("en")


def test_without_a_total_row_the_rows_are_summed() -> None:
    checked = check_file(DATA / "ba_musdes_rekap_tanpa_jumlah.xlsx")
    assert checked.valid and _codes(checked, "warning") == []
    row = _meeting(checked)
    assert _attendance(row) == (14, 11, 25)
    (info,) = [f for f in checked.findings if f.code == "form-table-totals"]
    assert "summed over its rows" in info.message("en")


def test_a_total_row_that_disagrees_with_its_rows_is_a_subtotal_mismatch() -> None:
    checked = check_file(DATA / "ba_musdes_rekap_jumlah_salah.xlsx")
    assert not checked.valid
    mismatches = [f for f in checked.findings if f.code == "subtotal-mismatch"]
    assert {f.field for f in mismatches} == {"hadir_perempuan", "jumlah_hadir"}
    women = next(f for f in mismatches if f.field == "hadir_perempuan")
    assert women.params["stated"] == 12 and women.params["computed"] == 11
    assert "JUMLAH" in women.message() and "musyawarah-women-not-reported" not in _codes(checked, "warning")


def test_a_daftar_hadir_with_names_gives_counts_only() -> None:
    checked = check_file(DATA / "ba_musdes_daftar_nama.xlsx")
    assert checked.valid and _codes(checked, "error") == []
    row = _meeting(checked)
    assert _attendance(row) == (2, 1, 3)
    published = " ".join(str(v) for v in row.values())
    reported = " ".join(f.message() + str(f.value) for f in checked.findings)
    for name in ("Yohanes", "Maria", "Petrus"):
        assert name not in published and name not in reported


def test_counts_written_with_their_unit_are_read(tmp_path: Path) -> None:
    """'8 orang' in the table is 8, as in a form line: the table must not end at such a cell
    (its JUMLAH row would be missed and the totals come up short)."""
    import openpyxl

    wb = openpyxl.load_workbook(DATA / "ba_musdes_rekap_hadir.xlsx")
    ws = wb.active
    heading = next(r for r in range(1, ws.max_row + 1)
                   if any(str(c.value or "").strip().upper() == "L" for c in ws[r]))
    changed = 0
    for row in ws.iter_rows(min_row=heading + 1):
        for cell in row:
            if isinstance(cell.value, int) and cell.column > 2:
                cell.value, changed = f"{cell.value} orang", changed + 1
    assert changed
    wb.save(tmp_path / "ba_satuan.xlsx")
    checked = check_file(tmp_path / "ba_satuan.xlsx")
    assert checked.valid and _attendance(_meeting(checked)) == (14, 11, 25)
