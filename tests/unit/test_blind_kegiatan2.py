"""Blind trial s31 (trial 3), area kegiatan2: activity files of other village systems.

An OpenSID pembangunan export writes no kegiatan code: a name that is one Permendagri kegiatan
gives its code (named), the others are published without one (one warning for the file), and
OpenSID's 1/0 ``status`` flag is read as no status. A volume written as a size ('350 x 4 m',
'P. 250 m x L. 2,5 m x T. 0,15 m') is the product of its dimensions in m2/m3, never 350 'kali'.
A form's findings point at the line of their label. A Google Form's Email Address column is
dropped with a warning instead of bouncing the file. A Siskeudes RAB print (a header block per
sheet above its rincian) is one kegiatan per sheet, its anggaran the JUMLAH its lines add up to.

Fixtures: tests/data/blind/kegiatan2/ (SOURCES.md, build.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.derive import activity_of_name
from desa_terbuka.normalise.values import read_size, split_unit_note
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "kegiatan2"


def _codes(checked, level: str) -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def _finding(checked, code: str):
    (found,) = [f for f in checked.findings if f.code == code]
    return found


def test_opensid_pembangunan_without_codes_is_published_with_one_warning() -> None:
    checked = check_file(DATA / "pembangunan_opendk_terantang_2024.csv")
    assert checked.valid and _codes(checked, "error") == []
    assert _codes(checked, "warning") == ["activity-code-missing"]
    assert checked.record_type == "kegiatan" and checked.villages == ["62.02.12.2002"]
    assert checked.years == [2024] and len(checked.rows) == 3
    rows = checked.rows
    assert sum(Decimal(r["anggaran"]) for r in rows) == 234_900_000
    assert [r["kode_kegiatan"] for r in rows] == ["2.3.12", "", ""]
    named = _finding(checked, "activity-code-from-name")
    assert named.value == "2.3.12" and "Jalan Usaha Tani" in named.message()
    missing = _finding(checked, "activity-code-missing")
    assert missing.params["rows"] == "3–4" and "tanpa kode" in missing.message()
    assert [r["status"] for r in rows] == ["", "", ""]  # OpenSID's flag is no status
    assert {f.value for f in checked.findings if f.code == "value-flag-read"} == {"1", "0"}
    assert "value-cleared" not in _codes(checked, "warning")


def test_empty_codes_in_a_canonical_file_read_the_same_on_both_paths(tmp_path: Path) -> None:
    from desa_terbuka.validate import check

    names = [f.name for f in definitions()["kegiatan"].input_fields]
    path = tmp_path / "kegiatan_terantang_2024.csv"
    path.write_text("\n".join([",".join(names),
                               "62.02.12.2002,2024,,Pembangunan Jalan Usaha Tani Blok A,RT 1,300,m,100000000,DDS,TPK,,,50,berjalan,",
                               "62.02.12.2002,2024,,Rehab Saluran Sekolah,RT 2,20,m,20000000,DDS,TPK,,,100,selesai,"]) + "\n",
                    encoding="utf-8")
    seen = []
    for fast in (True, False):
        check.FAST_PATH = fast
        try:
            checked = check.check_file(path)
        finally:
            check.FAST_PATH = True
        assert checked.valid and _codes(checked, "warning") == ["activity-code-missing"]
        seen.append(([r["kode_kegiatan"] for r in checked.rows], sorted((f.code, f.row) for f in checked.findings)))
    assert seen[0] == seen[1] and seen[0][0] == ["2.3.12", ""]


def test_activity_names_match_only_one_permendagri_kegiatan() -> None:
    assert activity_of_name("Pembangunan Jalan Usaha Tani Blok C") == "2.3.12"
    assert activity_of_name("Pemeliharaan Jalan Desa") == "2.3.01"
    assert activity_of_name("Rehab Drainase Jalan Poros") is None
    assert activity_of_name("Pembangunan") is None  # the first word of many kegiatan


def test_a_size_is_the_product_of_its_dimensions_never_kali() -> None:
    volume = definitions()["kegiatan"].field("volume")
    assert split_unit_note(volume, "350 x 4 m") == (Decimal(1400), "m2", "350 x 4 m")
    size = read_size(volume, "P. 250 m x L. 2,5 m x T. 0,15 m")
    assert (size.volume, size.unit) == (Decimal("93.75"), "m3")
    assert read_size(volume, "P 100 m x L 30 cm").volume == Decimal(30)  # in metres: 30 m2
    assert read_size(volume, "1 unit (12 x 2 m)") is None  # a count with its size noted
    assert split_unit_note(volume, "350 x 4")[1] == ""  # no length unit: unread, not 'kali'
    assert split_unit_note(volume, "3 kali")[:2] == ("3", "kali")


def test_plan_volumes_written_as_sizes_in_one_cell_or_across_volume_and_satuan() -> None:
    checked = check_file(DATA / "rencana_kegiatan_tinduk_2025.csv")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.villages == ["62.02.05.2006"] and checked.years == [2025] and len(checked.rows) == 3
    rows = checked.rows
    assert [(Decimal(r["volume"]), r["satuan"]) for r in rows] == [
        (Decimal(1400), "m2"), (Decimal(625), "m2"), (Decimal(12), "bulan")]
    assert rows[0]["keterangan"] == "ukuran 350 x 4 m" and rows[1]["keterangan"] == "ukuran 250 x 2.5 m"
    assert "kali" not in {r["satuan"] for r in rows}
    said = [f for f in checked.findings if f.code == "volume-size-read"]
    assert [f.row for f in said] == [2, 3] and "1.400 m2" in said[0].message()
    assert "x 2.5 m" in said[1].message()  # the unit cell it replaced is named


def test_a_board_reads_its_sizes_and_points_at_the_label_line() -> None:
    checked = check_file(DATA / "Papan_Kegiatan_TA2024_Batuah.xlsx")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.villages == ["62.02.12.2003"] and checked.years == [2024] and len(checked.rows) == 2
    rows = checked.rows
    assert [(Decimal(r["volume"]), r["satuan"]) for r in rows] == [(Decimal(54), "m3"), (Decimal(36), "m2")]
    assert sum(Decimal(r["anggaran"]) for r in rows) == 139_250_000
    assert [f.row for f in checked.findings if f.code == "volume-size-read"] == [6, 6]  # 'Volume :'
    assert {f.row for f in checked.findings if f.code == "value-read" and f.field == "sumber_dana"} == {9}
    bad = check_file(DATA / "Papan_Kegiatan_TA2024_Batuah_salah.xlsx")
    error = _finding(bad, "invalid-quantity")
    assert (error.row, error.field, error.value) == (6, "volume", "banyak")
    assert "di awal sel" not in error.message() and "350 x 4 m" in error.message()


def test_a_google_form_email_column_is_dropped_with_a_warning() -> None:
    checked = check_file(DATA / "Laporan Kegiatan Desa (Responses) - Form Responses 1.csv")
    assert checked.valid and _codes(checked, "error") == []
    assert _codes(checked, "warning") == ["personal-data-column-dropped"]
    assert checked.villages == ["62.02.05.2006"] and checked.years == [2024] and len(checked.rows) == 2
    assert sum(Decimal(r["anggaran"]) for r in checked.rows) == 164_400_000
    dropped = _finding(checked, "personal-data-column-dropped")
    assert dropped.field == "Email Address" and dropped.params["rows"] == "2–3"
    shown = " ".join(f"{f.message()} {f.message('en')} {f.to_dict()}" for f in checked.findings)
    assert "operator.tinduk" not in shown  # masked in every report
    assert all("operator.tinduk" not in str(v) for r in checked.rows for v in r.values())


def test_a_siskeudes_rab_print_is_one_kegiatan_per_sheet_with_its_jumlah() -> None:
    checked = check_file(DATA / "RAB_Kegiatan_Desa_Batuah_2025.xlsx")
    assert checked.valid and _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert checked.record_type == "kegiatan" and checked.villages == ["62.02.12.2003"]
    assert checked.years == [2025] and len(checked.rows) == 2
    assert [(r["kode_kegiatan"], Decimal(r["anggaran"])) for r in checked.rows] == [
        ("2.3.12", Decimal(63_000_000)), ("1.4.01", Decimal(2_100_000))]
    assert checked.rows[0]["nama_kegiatan"].endswith("Jalan Usaha Tani") and checked.rows[0]["lokasi"] == "Handil Sei Asam"
    totals = [f for f in checked.findings if f.code == "form-table-totals"]
    assert len(totals) == 2 and "63.000.000" in totals[0].message()


def test_a_rab_jumlah_that_its_lines_do_not_add_up_to_is_held() -> None:
    checked = check_file(DATA / "RAB_Kegiatan_Desa_Batuah_2025_salah.xlsx")
    assert not checked.valid
    error = _finding(checked, "subtotal-mismatch")
    assert (error.sheet, error.params["stated"], error.params["computed"]) == ("02.03.12", "63.500.000", "63.000.000")
