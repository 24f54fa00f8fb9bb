"""check_file end to end: read, recognise, normalise, validate, located at the operator's cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from test_tolerance import TOLERANCE_CODES

from desa_terbuka.core.catalogue import catalogue
from desa_terbuka.validate.check import check_file

TITLE = ["APBDES DESA MERAH TAHUN ANGGARAN 2024", "Kecamatan Tualan Hulu", ""]
HEADER_LINE = len(TITLE) + 1  # the heading row as the operator sees it
FIRST_LINE = HEADER_LINE + 1
APBDES_HEADINGS = ["Kode Desa", "Tahun Anggaran", "Tahap", "Kode Rekening", "Uraian",
                   "Kode Kegiatan", "Sumber Dana", "Anggaran (Rp)", "Realisasi (Rp)", "Keterangan"]
FIELDS = ["kode_desa", "tahun_anggaran", "tahap", "kode_rekening", "uraian", "kode_kegiatan",
          "sumber_dana", "anggaran", "realisasi", "keterangan"]


def apbdes_rows() -> list[dict[str, str]]:
    # Valid for the business rules too: a realisation report whose negative line is the one
    # account that allows it (4.3.5 koreksi belanja tahun lalu).
    base = dict(kode_desa="62.02.16.2003", tahun_anggaran="2024", tahap="realisasi_tahunan")
    return [
        {**base, "kode_rekening": "4.1.1.01", "uraian": "Bagi Hasil BUMDes", "kode_kegiatan": "0.0.00",
         "sumber_dana": "PAD", "anggaran": "Rp 1.234.567,00", "realisasi": "1.234.567", "keterangan": ""},
        {**base, "kode_rekening": "5.2.2.01.", "uraian": "Honorarium TPK", "kode_kegiatan": "2.2.01",
         "sumber_dana": "DDS", "anggaran": "1.500.000", "realisasi": "1.250.000,-", "keterangan": ""},
        {**base, "kode_rekening": "4.3.5.01", "uraian": "Koreksi belanja tahun lalu",
         "kode_kegiatan": "0.0.00", "sumber_dana": "PAD", "anggaran": "(2.000)", "realisasi": "-",
         "keterangan": "koreksi"},
    ]


def write_csv(path: Path, headings: list[str], rows: list[list[str]], title=TITLE) -> Path:
    def cell(value: str) -> str:
        return f'"{value}"' if any(c in value for c in ';"\n') else value
    lines = list(title) + [";".join(headings)] + [";".join(cell(v) for v in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_apbdes(path: Path, rows: list[dict[str, str]], headings=APBDES_HEADINGS,
                 fields=FIELDS) -> Path:
    return write_csv(path, headings, [[r.get(f, "") for f in fields] for r in rows])


def errors(checked) -> list[tuple[int | None, str | None, str]]:
    return [(f.row, f.field, f.code) for f in checked.findings if f.level == "error"]


def problems(checked) -> list:
    """Errors and warnings: what the operator must look at (information excluded)."""
    return [f for f in checked.findings if f.level != "info"]


def warnings(checked) -> list[tuple[int | None, str | None, str]]:
    return [(f.row, f.field, f.code) for f in checked.findings if f.level == "warning"]


def test_valid_apbdes_with_indonesian_headings_and_amounts(tmp_path: Path) -> None:
    checked = check_file(write_apbdes(tmp_path / "apbdes.csv", apbdes_rows()))
    assert checked.findings == []
    assert checked.valid
    assert checked.record_type == "apbdes"
    assert checked.villages == ["62.02.16.2003"] and checked.years == [2024]
    assert checked.records.row_numbers == [FIRST_LINE, FIRST_LINE + 1, FIRST_LINE + 2]
    assert checked.encoding == "utf-8" and checked.sheet is None
    assert [(r["kode_rekening"], r["anggaran"], r["realisasi"]) for r in checked.rows] == [
        ("4.1.1.01", "1234567", "1234567"), ("5.2.2.01", "1500000", "1250000"), ("4.3.5.01", "-2000", "0"),
    ]


# (row index, field, planted value) -> (code, extra params checked in the finding)
PLANTED = [
    (1, "kode_desa", "", "required-value"),
    (1, "anggaran", "dua juta", "invalid-number"),
    (1, "anggaran", "12.34", "ambiguous-number"),
    (1, "tahun_anggaran", "2024,5", "invalid-integer"),
    (1, "tahun_anggaran", "dua ribu", "invalid-integer"),
    (1, "tahun_anggaran", "2014", "out-of-range"),
    (1, "kode_desa", "62.02.16", "invalid-code"),  # 6202162003 is read as 62.02.16.2003
    (1, "kode_rekening", "4.1.1.001", "invalid-code"),
    (1, "kode_kegiatan", "9.9.99", "invalid-code"),
    (1, "tahap", "final", "not-in-list"),
    (2, "keterangan", "x" * 501, "too-long"),
    (1, "kode_desa", "62.02.99.2001", "unknown-village"),
    (1, "kode_rekening", "5.9.9.01", "unknown-account"),
    (1, "kode_kegiatan", "2.9.99", "unknown-activity"),
    (1, "kode_kegiatan", "2.22", "invalid-code"),
]


@pytest.mark.parametrize("index, field, value, code", PLANTED,
                         ids=[f"{c}-{f}-{v[:12]}" for _, f, v, c in PLANTED])
def test_planted_mistake_is_found_at_the_operators_cell(tmp_path: Path, index, field, value,
                                                        code) -> None:
    rows = apbdes_rows()
    rows[index][field] = value
    checked = check_file(write_apbdes(tmp_path / "apbdes.csv", rows))
    assert errors(checked) == [(FIRST_LINE + index, field, code)]
    [finding] = [f for f in checked.findings if f.level == "error"]
    assert finding.file == str(tmp_path / "apbdes.csv")
    assert finding.value == (value if len(value) <= 60 else value)
    assert not checked.valid
    assert "{" not in finding.message("id") and "[" not in finding.message("id")
    assert "{" not in finding.message("en") and "[" not in finding.message("en")


def test_activity_codes_out_of_place_are_warnings_not_rejections(tmp_path: Path) -> None:
    """A revenue line with a kegiatan code (ignored) and a spending line without one: the
    numbers are right, only the attribution is missing or misplaced."""
    rows = apbdes_rows()
    rows[0]["kode_kegiatan"], rows[1]["kode_kegiatan"] = "2.2.01", "0.0.00"
    checked = check_file(write_apbdes(tmp_path / "a.csv", rows))
    assert checked.valid
    found = {f.code: f for f in checked.findings}
    assert found["activity-mismatch"].row == FIRST_LINE and found["activity-mismatch"].level == "warning"
    assert found["activity-mismatch"].message() == (
        "Baris pendapatan/pembiayaan tidak memakai kode kegiatan; '2.2.01' diabaikan "
        "(kode kegiatan hanya untuk baris belanja).")
    assert checked.rows[0]["kode_kegiatan"] == ""
    assert found["spending-without-activity"].level == "warning"
    assert f"baris {FIRST_LINE + 1}" in found["spending-without-activity"].message()


def test_ambiguous_amount_message(tmp_path: Path) -> None:
    rows = apbdes_rows()
    rows[1]["realisasi"] = "1,234"  # no other realisasi cell settles the convention
    rows[0]["realisasi"] = ""
    [finding] = [f for f in check_file(write_apbdes(tmp_path / "a.csv", rows)).findings
                 if f.code == "ambiguous-number"]
    assert (finding.code, finding.row, finding.field, finding.value) == (
        "ambiguous-number", FIRST_LINE + 1, "realisasi", "1,234")
    assert "titik/koma bisa berarti ribuan atau desimal" in finding.message()


def test_column_convention_settles_ambiguous_cell(tmp_path: Path) -> None:
    rows = apbdes_rows()
    rows[0]["anggaran"], rows[1]["anggaran"], rows[2]["anggaran"] = "1,234.50", "1,234", "2,000,000"
    for row in rows:  # a budget-only report, so realisasi cannot trip the business rules
        row["tahap"], row["realisasi"] = "anggaran", ""
    checked = check_file(write_apbdes(tmp_path / "a.csv", rows))
    assert checked.valid, errors(checked)
    assert [r["anggaran"] for r in checked.rows] == ["1234.5", "1234", "2000000"]


def test_identical_line_is_a_duplicate_naming_the_first_row(tmp_path: Path) -> None:
    rows = apbdes_rows()
    rows.append(dict(rows[1]))
    checked = check_file(write_apbdes(tmp_path / "a.csv", rows))
    [finding] = problems(checked)
    assert finding.code == "duplicate-row"
    assert finding.row == FIRST_LINE + 3
    assert finding.params["reason"] == FIRST_LINE + 1
    assert f"baris {FIRST_LINE + 1}" in finding.message()


def test_lines_that_differ_in_anything_are_two_lines(tmp_path: Path) -> None:
    """Same account, activity, source and description, another amount: two lines, as Siskeudes
    and village reports write them; each keeps its own line number."""
    rows = apbdes_rows()
    rows.append(dict(rows[1], anggaran="9.000", realisasi="9.000", keterangan="lagi"))
    checked = check_file(write_apbdes(tmp_path / "a.csv", rows))
    assert checked.valid, problems(checked)
    assert [r["baris"] for r in checked.rows] == ["1", "2", "3", "4"]


def test_rows_with_unreadable_or_empty_keys_are_not_duplicates(tmp_path: Path) -> None:
    rows = apbdes_rows()
    rows[1]["uraian"] = rows[2]["uraian"] = ""
    rows[2]["kode_rekening"], rows[2]["kode_kegiatan"], rows[2]["sumber_dana"] = "5.2.2.01", "2.2.01", "DDS"
    rows[0]["tahun_anggaran"] = "20x4"
    rows.append(dict(apbdes_rows()[0], tahun_anggaran="dua"))
    checked = check_file(write_apbdes(tmp_path / "a.csv", rows))
    assert errors(checked) == [  # and every problem in one round: the negative amount too
        (FIRST_LINE, "tahun_anggaran", "invalid-integer"),
        (FIRST_LINE + 2, "anggaran", "apbdes-negative-amount"),
        (FIRST_LINE + 3, "tahun_anggaran", "invalid-integer"),
    ]


def test_multiline_cell_shifts_no_row_number(tmp_path: Path) -> None:
    """Rows are numbered as a spreadsheet shows them: a two-line cell is still one row."""
    rows = apbdes_rows()
    rows[0]["uraian"] = "Bagi Hasil\nBUMDes"
    rows[2]["kode_rekening"] = "5.9.9.01"
    checked = check_file(write_apbdes(tmp_path / "a.csv", rows))
    assert errors(checked) == [(FIRST_LINE + 2, "kode_rekening", "unknown-account")]
    assert checked.rows[0]["uraian"] == "Bagi Hasil BUMDes"


def test_missing_required_column(tmp_path: Path) -> None:
    headings = [h for h in APBDES_HEADINGS if h != "Anggaran (Rp)"]
    fields = [f for f in FIELDS if f != "anggaran"]
    checked = check_file(write_apbdes(tmp_path / "a.csv", apbdes_rows(), headings, fields))
    assert errors(checked) == [(HEADER_LINE, "anggaran", "missing-column")]
    assert checked.findings[0].message() == (
        "Kolom wajib 'anggaran' (Anggaran (Rp)) tidak ada. Tambahkan kolom ini di baris judul.")
    assert not checked.valid


def test_unknown_column_is_only_information(tmp_path: Path) -> None:
    headings = ["No"] + APBDES_HEADINGS + ["Paraf Bendahara"]
    rows = [[str(i + 1)] + [r[f] for f in FIELDS] + ["ok"] for i, r in enumerate(apbdes_rows())]
    rows.append(["4"] + [""] * len(FIELDS) + ["Mengetahui, Kepala Desa"])  # not a record
    checked = check_file(write_csv(tmp_path / "a.csv", headings, rows))
    assert errors(checked) == []
    unknown = [f for f in checked.findings if f.code == "unknown-column"]
    # "No" numbers the rows: form, nothing said of it
    assert [(f.row, f.level) for f in unknown] == [(HEADER_LINE, "info")]
    assert [f.value for f in unknown] == ["Paraf Bendahara"]
    assert checked.valid and len(checked.rows) == 3


def test_duplicate_column_is_an_error(tmp_path: Path) -> None:
    headings = APBDES_HEADINGS + ["Pagu"]
    rows = [[r[f] for f in FIELDS] + ["5"] for r in apbdes_rows()]
    checked = check_file(write_csv(tmp_path / "a.csv", headings, rows))
    assert errors(checked) == [(HEADER_LINE, "anggaran", "duplicate-column")]
    assert checked.findings[0].message() == (
        "Dua kolom dibaca sebagai 'anggaran': 'Anggaran (Rp)' dan 'Pagu', jadi tidak jelas kolom mana "
        "yang berisi 'anggaran'. Bila isi keduanya berbeda (mis. 'anggaran' dua tahun, dua kelompok, "
        "atau sebelum dan sesudah perubahan), ubah judulnya agar jelas maksud masing-masing, mis. 'anggaran' untuk yang satu dan "
        "judul lain untuk yang lain. Hanya bila satu kolom salinan kolom lainnya, hapus salinannya.")
    assert not checked.valid


@pytest.mark.parametrize("name, data, code", [
    ("a.pdf", b"%PDF-1.4", "file-unreadable"),
    ("a.xlsx", b"not a zip", "file-unreadable"),
    ("a.csv", b"", "file-unreadable"),
    ("a.csv", b"\x00\x01\x02garbage", "file-unreadable"),
    ("a.csv", b" \n;;;\n\n", "file-empty"),
    ("a.csv", b"Nama;Alamat;Telepon\nBudi;Jl. Mawar;0812\n", "unknown-record-type"),
])
def test_files_that_are_not_submissions(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    checked = check_file(path)
    assert [f.code for f in checked.findings] == [code]
    assert checked.findings[0].file == str(path)
    assert not checked.valid and checked.records is None and checked.rows == []
    message = checked.findings[0].message()
    assert "{" not in message and "[" not in message


def test_unknown_record_type_shows_the_headings(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", ["Nama", "Alamat", "Telepon"], [["Budi", "Jl. Mawar", "1"]], [])
    [finding] = check_file(path).findings
    assert "(Nama, Alamat, Telepon)" in finding.message()


def test_header_without_data_rows(tmp_path: Path) -> None:
    checked = check_file(write_apbdes(tmp_path / "a.csv", []))
    assert [(f.code, f.row) for f in checked.findings] == [("file-empty", None)]
    assert not checked.valid and checked.record_type == "apbdes"


def test_forced_type_that_does_not_match(tmp_path: Path) -> None:
    checked = check_file(write_apbdes(tmp_path / "a.csv", apbdes_rows()), record_type="musyawarah")
    # the type is given, so the message names what that type lacks, not "type unknown"
    assert [f.code for f in checked.findings] == ["type-columns-missing"]
    assert "jenis_musyawarah" in str(checked.findings[0].params["missing"])


KEGIATAN_HEADINGS = ["Kode Desa", "Tahun", "Kode Kegiatan", "Nama Kegiatan", "Lokasi", "Volume",
                     "Satuan", "Anggaran (Rp)", "Sumber Dana", "Pelaksana", "Tgl Mulai",
                     "Tgl Selesai", "Progres (%)", "Status", "Keterangan"]


def write_kegiatan(path: Path, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kegiatan 2024"
    ws.append(["DAFTAR KEGIATAN DESA MERAH 2024"])
    ws.append([])
    ws.append(KEGIATAN_HEADINGS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def kegiatan_row(**changes) -> list:
    row = dict(kode_desa="62.02.16.2003", tahun=2024, kode="2.2.01", nama="Posyandu Mawar",
               lokasi="RT 01", volume=350, satuan="meter", anggaran=150_000_000, sd="DDS",
               pelaksana="TPK", mulai=dt.datetime(2024, 3, 15), selesai=45366 + 30,
               progres=50.5, status="berjalan", ket=None)
    row.update(changes)
    return list(row.values())


def test_kegiatan_xlsx_detected_by_headings(tmp_path: Path) -> None:
    path = write_kegiatan(tmp_path / "kegiatan.xlsx", [
        kegiatan_row(),
        kegiatan_row(nama="Jalan usaha tani", kode="2.3.01", anggaran="Rp 1.500.000,00",
                     mulai="15 Agt 2024", selesai="Jumat, 20 September 2024", volume=""),
    ])
    checked = check_file(path)
    assert checked.record_type == "kegiatan", checked.findings
    assert errors(checked) == [] and checked.valid
    assert checked.sheet == "Kegiatan 2024"
    assert checked.records.row_numbers == [4, 5]
    assert checked.villages == ["62.02.16.2003"] and checked.years == [2024]
    first, second = checked.rows
    assert (first["tanggal_mulai"], first["tanggal_selesai"], first["progres_persen"]) == (
        "2024-03-15", "2024-04-14", "50.5")
    assert (second["tanggal_mulai"], second["tanggal_selesai"], second["anggaran"]) == (
        "2024-08-15", "2024-09-20", "1500000")
    assert second["volume"] == ""


def test_formula_without_cached_value_is_an_error(tmp_path: Path) -> None:
    """openpyxl (and other scripts) save formulas without their result: the cell would read as
    empty, so the operator is told to open and save the file in Excel instead of losing the value."""
    path = write_kegiatan(tmp_path / "kegiatan.xlsx", [kegiatan_row(volume="=1+1")])
    checked = check_file(path)
    assert errors(checked) == [(4, "volume", "formula-no-value")]
    [finding] = problems(checked)
    assert finding.params["reason"] == "=1+1"
    assert "simpan ulang" in finding.message() and "save it again" in finding.message("en")


def test_kegiatan_xlsx_mistakes_located_on_the_sheet(tmp_path: Path) -> None:
    path = write_kegiatan(tmp_path / "kegiatan.xlsx", [
        kegiatan_row(mulai="31/02/2024", progres=150),
        kegiatan_row(nama="Lain", status="jalan", kode="0.0.00"),
    ])
    checked = check_file(path)
    assert errors(checked) == [
        (4, "progres_persen", "out-of-range"), (4, "tanggal_mulai", "invalid-date"),
        (5, "kode_kegiatan", "invalid-code"),
    ]
    assert checked.rows[1]["status"] == "berjalan"  # "jalan": read, and reported as such
    assert {f.sheet for f in checked.findings} == {"Kegiatan 2024"}
    date_finding = next(f for f in checked.findings if f.code == "invalid-date")
    assert date_finding.params["reason"] == "tanggal atau bulan tidak ada di kalender"
    assert "kegiatan.xlsx, lembar Kegiatan 2024, baris 4, kolom tanggal_mulai" in date_finding.where()


MUSYAWARAH_HEADINGS = ["Kode Desa", "Hari/Tanggal", "Jenis Musyawarah", "Tempat", "Pimpinan Rapat",
                       "Jumlah Undangan", "Hadir L", "Hadir P", "Agenda", "Keputusan", "Dokumen URL"]


def musyawarah_row(**changes) -> list[str]:
    row = dict(kode="62.02.16.2003", tanggal="Jumat, 15 Maret 2024", jenis="Musdes RKPDes",
               tempat="Balai Desa", pimpinan="Ketua BPD", undangan="1.200", l="40", p="35",
               agenda="Pembahasan RKPDes", keputusan="Disepakati",
               url="https://desa.example/ba.pdf")
    row.update(changes)
    return list(row.values())


def test_musyawarah_csv_detected_by_headings(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "musdes.csv", MUSYAWARAH_HEADINGS, [
        musyawarah_row(), musyawarah_row(tanggal="2024-06-01", jenis="Musdes Khusus", url=""),
    ], title=[])
    checked = check_file(path)
    assert checked.record_type == "musyawarah" and checked.valid, checked.findings
    assert checked.years == [2024]
    assert [(r["tanggal"], r["jumlah_undangan"]) for r in checked.rows] == [
        ("2024-03-15", "1200"), ("2024-06-01", "1200")]


@pytest.mark.parametrize("changes, field, code", [
    ({"tanggal": "32/01/2024"}, "tanggal", "invalid-date"),
    ({"tanggal": "29/02/2023"}, "tanggal", "invalid-date"),
    ({"tanggal": ""}, "tanggal", "required-value"),
    ({"url": "berita acara"}, "dokumen_url", "invalid-value"),
    ({"undangan": "dua puluh"}, "jumlah_undangan", "invalid-integer"),
    ({"undangan": "12,5"}, "jumlah_undangan", "invalid-integer"),
    ({"p": "-1"}, "hadir_perempuan", "out-of-range"),
    ({"jenis": ""}, "jenis_musyawarah", "required-value"),
])
def test_musyawarah_mistakes(tmp_path: Path, changes: dict, field: str, code: str) -> None:
    rows = [musyawarah_row(tanggal="01/02/2024"), musyawarah_row(**changes)]
    checked = check_file(write_csv(tmp_path / "m.csv", MUSYAWARAH_HEADINGS, rows, title=[]))
    assert errors(checked) == [(3, field, code)]


def test_invalid_uri_reason(tmp_path: Path) -> None:
    rows = [musyawarah_row(url="berita acara")]
    [finding] = [f for f in check_file(write_csv(tmp_path / "m.csv", MUSYAWARAH_HEADINGS, rows, [])).findings
                 if f.level != "info"]
    assert finding.message() == ("Nilai 'berita acara' pada kolom 'dokumen_url' tidak sah "
                                 "(harus alamat web lengkap, mis. https://…).")


def test_every_intake_rule_is_covered() -> None:
    """Each rule the intake path can produce has a planted-mistake test in this module."""
    import yaml
    broken = Path(__file__).parents[1] / "data" / "broken" / "cases.yaml"
    produced = {code for *_, code in PLANTED} | {
        "duplicate-row", "missing-column", "unknown-column", "duplicate-column", "file-unreadable",
        "file-empty", "unknown-record-type", "invalid-date", "invalid-value",
        "formula-no-value",  # test_formula_without_cached_value_is_an_error
        "village-name-variant", "sheet-ignored",  # test_intake_context.py, test_messy_corpus.py
        "spending-without-activity", "activity-mismatch",  # test_activity_codes_out_of_place_...
        "columns-dropped", "mixed-delimiter",  # tests/unit/test_hostile.py
        "csv-cell-too-long", "zip-cell-too-long", "csv-broken", "zip-member-broken",  # same
        "findings-omitted",  # tests/unit/test_findings_cap.py
        "stage-conflict", "year-is-topic",  # tests/unit/test_blind_context.py
        "type-columns-missing",  # test_forced_type_that_does_not_match
        "sheet-summary-ignored",  # tests/unit/test_blind_codes.py
        "sheets-combined", "sheets-disagree",  # tests/unit/test_blind_sheets.py
        "spreadsheet-formula",  # tests/unit/test_spreadsheet.py
        "amounts-scaled",  # tests/unit/test_blind_headings.py
        "amounts-unit-conflict",  # tests/unit/test_blind_units.py
        "form-table-totals",  # tests/unit/test_blind_hadir.py
        "record-not-held", "form-meta-columns", "form-meta-personal",  # tests/unit/test_blind_kobo.py
        "table-read-sideways", "sideways-parts-not-published",  # tests/unit/test_blind_transposed.py
        "form-label-unused",  # tests/unit/test_blind_transposed.py
        "forms-stacked",  # tests/unit/test_blind_notulen.py
        "code-under-name-heading",  # tests/unit/test_blind_uraian.py
        "docx-read",  # tests/unit/test_docx_tables.py
        "conflicting-lines", "allocation-repeated",  # tests/unit/test_same_item.py
        "value-from-title",  # tests/unit/test_blind_sheets2.py
        "code-range-read",  # tests/unit/test_blind_penjabaran.py
        "name-continued",  # tests/unit/test_blind_wrap.py
        "title-village-phrase-ignored",  # tests/unit/test_blind_village.py
        "village-name-unread",  # tests/unit/test_blind_village3.py
        "column-not-published", "amount-beside-unit", "total-cells-shifted",
        "outflow-brackets-read",  # tests/unit/test_blind_amounts.py
        "year-is-comparison", "year-column-comparison", "year-columns-unclear",  # test_blind_years.py
        "count-from-parts", "number-convention-read", "unit-note-read",  # test_blind_act.py
        "attendance-rows-joined", "count-parts-by-heading",  # tests/unit/test_blind_attend.py
        "invalid-quantity",  # tests/unit/test_blind_act.py
        "date-order-read", "date-order-mixed", "date-time-ignored",  # tests/unit/test_blind_dates.py
        "value-refined",  # tests/unit/test_blind_meetings.py
        "volume-size-read", "activity-code-from-name", "activity-code-missing",  # test_blind_kegiatan2.py
        "value-flag-read",  # tests/unit/test_blind_kegiatan2.py
        "column-published-elsewhere",  # tests/unit/test_blind_headings2.py
        "code-column-unheaded",  # tests/unit/test_blind_fsections.py
        "code-column-unheaded", "apbdes-summary-no-codes",  # tests/unit/test_blind_fsections.py
        "code-column-unheaded", "apbdes-summary-no-codes", "account-name-mismatch",  # tests/unit/test_blind_fsections.py
        "village-kecamatan-narrowed", "village-code-read",  # tests/unit/test_blind_village2.py
        "village-column-not-code", "village-column-unknown",  # same
        "column-part-of-total", "activity-not-in-format",  # tests/unit/test_blind_fheadings.py
        "cash-book-not-records", "source-amounts-mismatch",  # tests/unit/test_blind_english.py
        "attendance-parts-read", "attendance-parts-mismatch",  # tests/unit/test_blind_meetings2.py
        "attendance-subsets-read",  # tests/unit/test_blind_attend2.py
        "sheet-form-of-list",  # tests/unit/test_blind_meetings2.py
        "summary-sheet-not-lines", "summary-sheet-mismatch",  # tests/unit/test_blind_fsect3.py
        "date-parts-joined", "hidden-column",  # tests/unit/test_blind_mdates.py
        "lines-above-heading", "level-columns-read", "value-several",  # test_blind_fsections2.py
        "activity-lines-as-spending", "value-shortened-kept",  # tests/unit/test_blind_kegtype.py
        "bidang-code-as-account",  # tests/unit/test_blind_ktype2.py
        "form-responses-read", "form-response-replaced",  # tests/unit/test_blind_gforms.py
        "year-from-regulation",  # tests/unit/test_blind_yearpct.py
        "year-from-regulation", "number-range-read",  # tests/unit/test_blind_yearpct.py
        "summary-sheet-by-group",  # tests/unit/test_blind_rekapsd.py
    } | {case["code"] for case in yaml.safe_load(broken.read_text(encoding="utf-8"))}
    tolerated = Path(__file__).parents[1] / "data" / "tolerated" / "cases.yaml"
    produced |= {case["code"] for case in yaml.safe_load(tolerated.read_text(encoding="utf-8"))}
    produced |= TOLERANCE_CODES  # tests/unit/test_tolerance.py
    intake_rules = {code for code, rule in catalogue().items()
                    if rule.stage in ("collect", "normalise", "validate")
                    and not code.startswith(("siskeudes-", "personal-data-")) and code != "file-not-found"}
    assert intake_rules - produced == {"schema-error"}  # fallback for unforeseen Frictionless errors
