"""The personal-data gate (UU 27/2022): NIK/KK, mobile numbers, e-mail addresses and lists of
names in text fields and in columns the schema does not know; masked; declared-safe fields."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.records import Records
from desa_terbuka.validate.check import check_file
from desa_terbuka.validate.personal_data import personal_data_findings
from desa_terbuka.validate.personal_patterns import (
    Hit,
    column_hits,
    find_personal,
    heading_kind,
    is_name,
    mask,
    plausible_nik,
    place_names,
)

CORPUS = Path(__file__).parents[1] / "data" / "personal"
CASES = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, kind", [
    ("Hubungi Pak RT 0812-3456-7890", "phone"),
    ("HP: +62 812 3456 789", "phone"),
    ("wa 081234567890", "phone"),
    ("WA 6281234567890", "phone"),
    ("NIK 6202161203850001 penerima BLT", "nik"),
    ("KK 6202 1612 0385 0001", "nik"),
    ("NIK perempuan 6202165203850001", "nik"),  # day + 40
    ("kirim ke bendahara.desa@example.org", "email"),
    ("Hadir: Budi Santoso, Siti Aminah, Ahmad Yani dan Rusdi", "names"),
    ("1. Hj. Salmah 2. Agus Salim 3. Dewi Lestari", "names"),
])
def test_personal_values_are_found(text, kind):
    assert [h.kind for h in find_personal(text)] == [kind]


@pytest.mark.parametrize("text", [
    "Pembangunan jalan usaha tani 350 meter",
    "Anggaran Rp 1.250.000.000",
    "SK Kepala Desa No. 140/12/2024 tanggal 2024-03-15",
    "Telp. kantor desa (0531) 21234",  # landlines are the office's, published on purpose
    "Kode rekening 5.2.1.01 kegiatan 1.1.04",
    "rekening kas desa 1234567890123456",  # 16 digits without a Dukcapil layout
    "6202160113850001",  # month 13: not a date
    "6202163102850001",  # 31 February
    "Bapak Hamdani (Ketua BPD)",  # one official's name is public
    "Semen, Pasir, Batu Bata, Kerikil",
    "Kepala Desa, Ketua BPD, LPM, PKK dan tokoh masyarakat",
    "Kerja sama dengan Desa Batuah, Ganepo dan Seragam Jaya",
    # a Musdes decision's amounts (the national bench's generator wrote these: 2 files bounced)
    "APBDes 2025 disepakati dengan pendapatan Rp2.021.919.000, belanja Rp2.081.919.000",
    "pembiayaan Rp 085.600.000 dan 1.089.450.000",
])
def test_ordinary_text_passes(text):
    assert find_personal(text) == []


def test_no_village_or_kecamatan_name_reads_as_a_person():
    assert not [n for n in place_names() if is_name(n)]


def test_nik_structure():
    assert plausible_nik("6202991203850001") and plausible_nik("1101015212990001")
    assert not plausible_nik("0002991203850001")  # no province 00
    assert not plausible_nik("6200991203850001")  # no regency 00
    assert not plausible_nik("6202991203850000")  # serial 0000


def test_masks_keep_only_ends_or_initials():
    assert mask(Hit("phone", "0812-3456-7890")) == "0812******90"
    assert mask(Hit("email", "budi.santoso@example.org")) == "b***@example.org"
    assert mask(Hit("names", "Budi Santoso, Siti Aminah, Ahmad Yani, Rusdi")) == \
        "B.S., S.A., A.Y., … (4 nama)"


def test_headings_announce_personal_columns():
    assert [heading_kind(h) for h in ("No. HP", "NIK Penerima", "Daftar Hadir", "Keterangan")] == \
        ["phone", "nik", "names", None]
    # a column of names under "Peserta" is flagged even with names outside the lexicon
    assert [i for i, _ in column_hits("Peserta", ["Tingkai", "Luwi", "", "Saprudin"])] == [3]
    assert [i for i, _ in column_hits("NIK", ["6202991203850000"])] == [0]  # Excel cut the serial


def _records(record_type: str, **values) -> Records:
    definition = definitions()[record_type]
    row = {name: "" for name in definition.field_names}
    row.update(values)
    return Records(definition, RawTable("rapat.csv", None, [], []), [row], [7], [])


def test_findings_locate_the_cell_and_never_show_the_value():
    records = _records("musyawarah", keputusan="Narahubung: 0812 3456 7890")
    [finding] = personal_data_findings(records)
    assert (finding.code, finding.row, finding.field, finding.level) == (
        "personal-data-phone", 7, "keputusan", "error")
    assert "3456" not in finding.message() and "3456" not in (finding.value or "")


def test_a_field_declared_safe_may_publish_that_kind_only():
    definition = definitions()["musyawarah"]
    safe = replace(definition, config={**definition.config,
                                       "personal_data_safe": {"keputusan": ["email"]}})
    records = _records("musyawarah", keputusan="kirim ke kantor.desa@example.org, HP 081234567890")
    records.definition = safe
    assert [f.code for f in personal_data_findings(records)] == ["personal-data-phone"]


def test_extra_columns_are_scanned_per_column():
    records = _records("apbdes")
    records.row_numbers = [5, 6]
    records.rows = records.rows * 2
    records.extras = {5: {"No HP": "081234567890"}, 6: {"No HP": "081298765432", "Catatan": "ok"}}
    [finding] = personal_data_findings(records)
    assert (finding.code, finding.row, finding.field, finding.params["rows"]) == (
        "personal-data-column", 5, "No HP", "5–6")
    assert "hapus kolom" in finding.message() and "1234" not in finding.message()


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_corpus(case):
    """Each corpus file is blocked (or accepted) with the findings expected, and no report text
    of it carries a planted value."""
    checked = check_file(CORPUS / case["file"])
    personal = [(f.code, f.row, f.field) for f in checked.findings if f.code.startswith("personal-data")]
    assert sorted(personal) == sorted((f["code"], f["row"], f["field"]) for f in case["findings"])
    assert checked.valid is not case["blocked"]
    shown = [f"{f.message()} {f.message('en')} {f.to_dict()}" for f in checked.findings]
    for value in case["planted"]:
        digits = re.sub(r"\D", "", value)  # a number however it is grouped (not an e-mail's "9")
        for text in shown:
            assert value not in text
            assert len(digits) < 8 or digits not in re.sub(r"\D", "", text)


def test_a_count_column_written_with_names_is_scanned_too(tmp_path):
    """'Peserta' is read as the attendance count; a list of names there is not a number, but the
    file carries it all the same."""
    path = tmp_path / "musyawarah_2024.csv"
    path.write_text(
        "kode_desa,tanggal,jenis_musyawarah,tempat,jumlah_undangan,hadir_laki_laki,hadir_perempuan,"
        "peserta,agenda\n"
        '62.02.16.2003,2024-03-26,Musdes RKPDes,Balai Desa,30,12,8,"Budi Santoso, Siti Aminah, '
        'Ahmad Rahmadi, Dewi Lestari",Penyusunan RKPDes\n', encoding="utf-8")
    checked = check_file(path)
    assert [(f.code, f.row, f.field) for f in checked.findings if f.code.startswith("personal")] == [
        ("personal-data-names", 2, "jumlah_hadir")]
    assert not checked.valid
