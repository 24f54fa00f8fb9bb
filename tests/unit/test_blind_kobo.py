"""Blind trial 6 (s32), musyawarah: a KoboToolbox/ODK export (group paths, select-multiple
columns, the app's metadata, an export stamp in the file name) and a schedule whose planned
meetings were not all held (tests/data/blind/kobo/SOURCES.md)."""

from pathlib import Path

from desa_terbuka.normalise.form_paths import choice_columns, question_names
from desa_terbuka.validate.check import check_parts

DATA = Path(__file__).parents[1] / "data" / "blind" / "kobo"
KOBO = "Musyawarah_Desa_Pemantang_-_latest_version_-_False_-_2025-01-03-08-15-02.csv"


def _one(name: str):
    parts = check_parts(DATA / name, expectations=False)
    assert len(parts) == 1
    assert parts[0].record_type == "musyawarah"
    return parts[0]


def _errors(part) -> list:
    return [f for f in part.findings if f.level == "error"]


def test_kobo_group_paths_are_read_by_the_question_name():
    part = _one(KOBO)
    assert not _errors(part), _errors(part)
    assert part.valid and part.villages == ["62.02.03.2010"]
    assert [int(y) for y in part.years] == [2024]  # the export's 2025 stamp is no year of the data
    assert [r["tanggal"] for r in part.rows] == ["2024-02-05", "2024-05-14", "2024-08-20"]
    assert [r["tempat"] for r in part.rows][0] == "Balai Desa Pemantang"
    assert [(r["hadir_laki_laki"], r["hadir_perempuan"], r["jumlah_hadir"]) for r in part.rows] \
        == [("18", "9", "27"), ("12", "8", "20"), ("21", "11", "32")]
    assert [r["jenis_musyawarah"] for r in part.rows] == ["Musdes Penetapan APBDes", "Musdus", "Musdes RKPDes"]
    codes = [f.code for f in part.findings]
    assert "duplicate-column" not in codes and "missing-column" not in codes
    # the select-multiple's 0/1 columns tick groups, they count nobody
    assert "attendance-parts-read" not in codes and "attendance-parts-mismatch" not in codes


def test_kobo_metadata_is_said_once_not_as_misspelt_columns():
    part = _one(KOBO)
    meta = [f for f in part.findings if f.code == "form-meta-columns"]
    personal = [f for f in part.findings if f.code == "form-meta-personal"]
    assert len(meta) == 1 and meta[0].level == "info" and "'_uuid'" in meta[0].value
    assert len(personal) == 1 and "'phonenumber'" in personal[0].value and "'deviceid'" in personal[0].value
    unknown = {f.value for f in part.findings if f.code == "unknown-column"}
    assert not unknown & {"start", "_uuid", "_submission_time", "_index", "phonenumber", "today"}
    assert "form-meta-columns" in {f.code for f in part.findings}
    assert "Kolom" in personal[0].message("id") and "personal data" in personal[0].message("en")


def test_kobo_phone_numbers_block_the_file():
    part = _one("Musyawarah_Desa_Pemantang_phonenumber_-_2025-01-03-08-15-02.csv")
    blocked = [f for f in _errors(part) if f.code == "personal-data-column"]
    assert not part.valid and len(blocked) == 1 and blocked[0].field == "phonenumber"
    assert "081234567890" not in blocked[0].message("id")  # masked


def test_group_paths_only_in_a_form_export_row():
    assert question_names(["Agenda/Pembahasan", "L/P", "Tanggal"]) == {}
    assert question_names(["grp/tanggal", "grp[2]/jml_laki", "x"]) == {0: "tanggal", 1: "jml_laki"}
    assert choice_columns({3: "p/unsur", 4: "p/unsur/bpd", 5: "p/jml_total"}) == {3, 4}


def test_meeting_not_held_is_skipped_and_said():
    part = _one("jadwal_realisasi_musdes_tangka_robah_2024.csv")
    assert not _errors(part), _errors(part)
    assert part.valid and part.villages == ["62.02.03.2009"] and [int(y) for y in part.years] == [2024]
    assert [r["tanggal"] for r in part.rows] == ["2024-01-22", "2024-07-03", "2024-10-10"]
    assert sum(int(r["jumlah_hadir"]) for r in part.rows) == 80
    skipped = [f for f in part.findings if f.code == "record-not-held"]
    assert [(f.row, f.value, f.level) for f in skipped] == [(7, "Ditunda ke TA 2025", "info"), (8, "Batal", "info")]
    assert "Musdes Khusus Pembentukan BUMDes" in skipped[0].message("id")
    assert "skipped" in skipped[0].message("en")
    # the plan month and the status are known companions of the date, not misspelt columns
    aside = {f.value for f in part.findings if f.code == "column-not-published"}
    assert aside == {"Rencana (Bulan)", "Status"}
    assert "unknown-column" not in {f.code for f in part.findings}
