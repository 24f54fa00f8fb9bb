"""The personal-data gate finds NIK/KK-like and mobile numbers in text fields and masks them."""

from __future__ import annotations

import pytest

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.records import Records
from desa_terbuka.validate.personal_data import (
    find_personal_data,
    mask,
    personal_data_findings,
)


@pytest.mark.parametrize("text, code", [
    ("Hubungi Pak RT 0812-3456-7890", "personal-data-phone"),
    ("HP: +62 812 3456 789", "personal-data-phone"),
    ("wa 081234567890", "personal-data-phone"),
    ("NIK 6202161203850001 penerima BLT", "personal-data-nik"),
    ("KK 6202 1612 0385 0001", "personal-data-nik"),
])
def test_personal_numbers_are_found(text, code):
    assert [c for c, _ in find_personal_data(text)] == [code]


@pytest.mark.parametrize("text", [
    "Pembangunan jalan usaha tani 350 meter",
    "Anggaran Rp 1.250.000.000",
    "SK Kepala Desa No. 140/12/2024 tanggal 2024-03-15",
    "Telp. kantor desa (0531) 21234",  # landlines are the office's, published on purpose
    "Kode rekening 5.2.1.01 kegiatan 1.1.04",
])
def test_ordinary_text_passes(text):
    assert find_personal_data(text) == []


def test_mask_keeps_only_the_ends():
    assert mask("0812-3456-7890") == "0812******90"
    assert "3456" not in mask("0812-3456-7890")


def test_findings_locate_the_row_and_field_and_never_show_the_number():
    definition = definitions()["musyawarah"]
    table = RawTable("rapat.csv", None, [], [])
    row = {name: "" for name in definition.field_names}
    row.update(kode_desa="62.02.16.2003", tanggal="2024-03-15", jenis_musyawarah="Musdes RKPDes",
               agenda="Penyusunan RKPDes", keputusan="Narahubung: 0812 3456 7890")
    records = Records(definition, table, [row], [7], [])
    [finding] = personal_data_findings(records)
    assert (finding.code, finding.row, finding.field, finding.level) == (
        "personal-data-phone", 7, "keputusan", "error")
    assert "3456" not in finding.message() and "3456" not in (finding.value or "")
