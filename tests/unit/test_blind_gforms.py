"""Blind trial 7 (s33), finance: a kecamatan's Google Form with the accounts as columns, several
responses of one village, and "Kec. Parenggean" in a file name, a kecamatan that is also a
village's name (tests/data/blind/gforms/SOURCES.md)."""

from pathlib import Path

from desa_terbuka.collect.base import RawTable
from desa_terbuka.normalise.form_paths import meta_columns, personal_meta
from desa_terbuka.normalise.form_responses import account_heading, as_response_lines
from desa_terbuka.validate.check import check_parts

DATA = Path(__file__).parents[1] / "data" / "blind" / "gforms"
FORM = "Rekap Pagu APBDes 2025 Kecamatan Parenggean (Jawaban) - Jawaban Formulir 1.csv"


def _one(name: str):
    parts = check_parts(DATA / name, expectations=False)
    assert len(parts) == 1 and parts[0].record_type == "apbdes"
    return parts[0]


def _errors(part) -> list:
    return [f for f in part.findings if f.level == "error"]


def test_form_responses_with_accounts_as_columns_are_apbdes_lines():
    part = _one(FORM)
    assert not _errors(part), _errors(part)
    assert part.valid and sorted(part.villages) == ["62.02.04.2002", "62.02.04.2012"]
    lines = {(r["kode_desa"], r["kode_rekening"]): r["anggaran"] for r in part.rows}
    # Kabuau: the later response (21/01) is read, its Dana Desa corrected
    assert lines[("62.02.04.2002", "4.2.1")] == "823640000"
    assert lines[("62.02.04.2002", "4.2.3")] == "498000000"  # headed by the account's name only
    assert lines[("62.02.04.2002", "5.1")] == "401000000"
    # Bandar Agung left Hasil Usaha Desa blank: no line
    assert ("62.02.04.2012", "4.1.1") not in lines and len(part.rows) == 13
    assert {r["uraian"] for r in part.rows} >= {"Dana Desa", "Belanja Pegawai", "Alokasi Dana Desa"}
    read = [f for f in part.findings if f.code == "form-responses-read"]
    assert len(read) == 1 and read[0].level == "info" and read[0].params["count"] == 7
    assert "per rekening" in read[0].message("id") and "one column per account" in read[0].message("en")


def test_the_latest_response_of_a_village_and_year_replaces_the_earlier():
    part = _one(FORM)
    replaced = [f for f in part.findings if f.code == "form-response-replaced"]
    assert len(replaced) == 1 and replaced[0].level == "warning"
    assert replaced[0].row == 4 and replaced[0].params["rows"] == "2"
    assert replaced[0].value == "21/01/2025 13:22:09"
    assert "terakhir" in replaced[0].message("id") and "latest" in replaced[0].message("en")
    assert "801000000" not in {r["anggaran"] for r in part.rows}  # the first Dana Desa


def test_latest_by_timestamp_not_by_row_order():
    head = ["Timestamp", "Nama Desa", "Tahun", "Dana Desa (4.2.1)", "Belanja Pegawai (5.1)",
            "Belanja Modal (5.3)"]
    rows = [head, ["1/27/2025 14:02:41", "Tehang", "2025", "900", "400", "500"],
            ["1/20/2025 9:14:03", "Tehang", "2025", "800", "300", "500"]]
    lines = as_response_lines(RawTable("f.csv", None, rows, [1, 2, 3]))
    assert lines is not None and [r[-1] for r in lines.rows[1:]] == ["900", "400", "500"]
    assert lines.row_numbers[1:] == [2, 2, 2]


def test_respondent_name_is_form_personal_metadata_not_an_error():
    part = _one(FORM)
    personal = [f for f in part.findings if f.code == "form-meta-personal"]
    assert len(personal) == 1 and personal[0].level == "info" and "'Nama Pengisi'" in personal[0].value
    assert not [f for f in part.findings if f.code.startswith("personal-data")]
    assert "Yusuf" not in str([r for r in part.rows])
    meta = [f for f in part.findings if f.code == "form-meta-columns"]
    assert len(meta) == 1 and "'Stempel waktu'" in meta[0].value


def test_google_forms_metadata_needs_its_response_time_column():
    assert meta_columns({0: "Timestamp", 1: "Nama Petugas Pengisi", 2: "Desa"}) == {
        0: "Timestamp", 1: "Nama Petugas Pengisi"}
    assert meta_columns({0: "Nama Petugas Pengisi", 1: "Desa"}) == {}  # no form export
    assert personal_meta("Nama Petugas Pengisi") and not personal_meta("Timestamp")


def test_account_headings():
    assert account_heading("Dana Desa (4.2.1) - Rp") == ("4.2.1", "Dana Desa")
    assert account_heading("4.2.1 Dana Desa (Rp)") == ("4.2.1", "Dana Desa")
    assert account_heading("Belanja Modal (5.3)") == ("5.3", "Belanja Modal")
    assert account_heading("Alokasi Dana Desa") == ("4.2.3", "Alokasi Dana Desa")
    assert account_heading("Tahun Anggaran") is None and account_heading("Catatan") is None
    assert account_heading("Nomor (9.9.9)") is None  # no account of the chart


def test_no_response_time_column_is_no_form():
    rows = [["Desa", "Dana Desa (4.2.1)", "Belanja Pegawai (5.1)", "Belanja Modal (5.3)"],
            ["Tehang", "1", "2", "3"]]
    assert as_response_lines(RawTable("f.csv", None, rows, [1, 2])) is None


def test_kecamatan_after_kec_in_a_file_name_is_no_village():
    part = _one("APBDes TA 2025 Kec. Parenggean - Kabuau.csv")  # Parenggean: a kelurahan too
    assert not _errors(part) and part.villages == ["62.02.04.2002"]
    part = _one("APBDes TA 2025 Kec. Parenggean - Sumber Makmur.csv")  # three kecamatan's name
    assert part.villages == ["62.02.04.2009"]
    assert "village-kecamatan-narrowed" in {f.code for f in part.findings}


def test_kecamatan_in_a_file_name_corroborates_the_village_column():
    part = _one("rekap_apbdes_2025_kecamatan_parenggean.csv")
    assert not _errors(part), _errors(part)
    assert part.villages == ["62.02.04.2016"] and len(part.rows) == 3


def test_a_phone_number_in_the_respondent_column_still_blocks(tmp_path):
    path = tmp_path / "Pagu APBDes 2025 Kec. Parenggean (Responses) - Kabuau.csv"
    path.write_text("Timestamp,Nama Desa,Tahun Anggaran,Nama Petugas Pengisi,Dana Desa (4.2.1),"
                    "Belanja Pegawai (5.1),Belanja Modal (5.3)\r\n"
                    "1/20/2025 9:14:03,Kabuau,2025,Budi 081234567890,900,400,500\r\n", encoding="utf-8")
    part = check_parts(path, expectations=False)[0]
    blocked = [f for f in _errors(part) if f.code == "personal-data-column"]
    assert not part.valid and len(blocked) == 1 and blocked[0].field == "Nama Petugas Pengisi"


def test_an_account_twice_or_a_realisation_column_is_not_read_as_budget_lines():
    assert account_heading("Dana Desa (4.2.1) - Realisasi Rp") is None
    rows = [["Timestamp", "Desa", "Dana Desa (4.2.1)", "4.2.1 Dana Desa (Rp)", "Belanja Pegawai (5.1)",
             "Belanja Modal (5.3)"], ["1/20/2025 9:14:03", "Tehang", "1", "2", "3", "4"]]
    assert as_response_lines(RawTable("f.csv", None, rows, [1, 2])) is None
