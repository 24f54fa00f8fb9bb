"""Blind trial s31 (village2): the kecamatan a file states (another title row, "Kec."/"KEC"/
"Kecamatan:", the file name) settles a village name several kecamatan share; a kode desa written
without dots or with other separators (OpenSID's desa_id for OpenDK) is the dotted code; a
Siskeudes-internal Kd_Desa gives the operator something they can do.

Fixtures: tests/data/blind/village2/ (SOURCES.md says where each shape comes from)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desa_terbuka.core.reference import villages
from desa_terbuka.normalise.context_kecamatan import KECAMATAN_RE
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "village2"


def _not_info(checked) -> list[str]:
    return [f.code for f in checked.findings if f.level != "info"]


def _codes(checked, level: str = "info") -> list[str]:
    return [f.code for f in checked.findings if f.level == level]


def test_kecamatan_on_the_next_title_row_settles_a_shared_village_name() -> None:
    checked = check_file(DATA / "laporan_bpd_semester1_2025.csv")
    assert checked.valid and "village-ambiguous" not in [f.code for f in checked.findings]
    assert checked.record_type == "musyawarah"
    assert checked.villages == ["62.02.14.2003"]  # Sumber Makmur of Kec. Telawang
    assert checked.years == [2025] and len(checked.rows) == 3
    assert sum(int(r["jumlah_hadir"]) for r in checked.rows) == 79
    said = [f for f in checked.findings if f.code == "village-kecamatan-narrowed"]
    assert len(said) == 1 and said[0].level == "info" and "Telawang" in said[0].message()
    assert "Telawang" in said[0].message("en")


@pytest.mark.parametrize("line", ["Kec. Telawang", "KEC TELAWANG", "Kecamatan: Telawang",
                                  "KECAMATAN TELAWANG – KAB. KOTAWARINGIN TIMUR"])
def test_kecamatan_written_in_its_usual_forms(line: str) -> None:
    assert KECAMATAN_RE.search(line.upper())["name"].strip() == "TELAWANG"


def test_kecamatan_in_the_file_name_beats_a_kelurahan_of_that_name() -> None:
    # "parenggean" is a kelurahan too: beside a shared village name it is the kecamatan
    checked = check_file(DATA / "rekap_musdes_sumber_makmur_parenggean_2024.csv")
    assert checked.valid and checked.villages == ["62.02.04.2009"]
    assert villages()["62.02.04.2009"].nama_kecamatan == "Parenggean"
    assert "village-kecamatan-narrowed" in _codes(checked)
    assert len(checked.rows) == 2 and checked.years == [2024]


def test_opendk_desa_id_without_dots_is_the_kode_desa() -> None:
    checked = check_file(DATA / "pembangunan_opendk_2024.csv")
    assert checked.valid and _not_info(checked) == []
    assert checked.record_type == "kegiatan"
    assert checked.villages == ["62.02.07.2006"] and checked.years == [2024]
    assert {r["kode_desa"] for r in checked.rows} == {"62.02.07.2006"}
    assert len(checked.rows) == 3
    assert sum(int(r["anggaran"]) for r in checked.rows) == 265_500_000
    read = [f for f in checked.findings if f.code == "village-code-read"]
    assert {f.value for f in read} == {"6202072006", "62-02-07-2006"}
    assert all(f.level == "info" and "62.02.07.2006" in f.message("en") for f in read)


def test_siskeudes_village_number_tells_the_operator_what_they_can_do() -> None:
    checked = check_file(DATA / "Ta_Kegiatan_2024.txt")
    assert checked.valid and checked.villages == ["62.02.11.2002"]  # from the title row
    assert checked.sources["kode_desa"] == "judul baris 1"
    assert len(checked.rows) == 2 and sum(int(r["anggaran"]) for r in checked.rows) == 193_400_000
    warning = next(f for f in checked.findings if f.code == "siskeudes-village-number")
    for text in (warning.message(), warning.message("en")):
        assert "62.02.16.2003" in text  # the form of code the operator can write themselves
        assert "portal_config/siskeudes_desa.yaml" in text and "DPMD" in text
    assert "nama berkas" in warning.message() and "file name" in warning.message("en")


def test_id_desa_holding_a_database_number_is_no_village_code() -> None:
    checked = check_file(DATA / "opensid_pembangunan_basawang_2024.csv")
    assert checked.valid and checked.villages == ["62.02.11.2002"]  # Basawang, from the file name
    assert _codes(checked, "warning") == ["village-column-not-code"]
    assert "invalid-code" not in [f.code for f in checked.findings]
    assert len(checked.rows) == 2 and sum(int(r["anggaran"]) for r in checked.rows) == 109_000_000


def test_id_desa_number_without_another_source_says_what_to_write(tmp_path: Path) -> None:
    path = tmp_path / "kegiatan_2024.csv"
    path.write_bytes((DATA / "opensid_pembangunan_basawang_2024.csv").read_bytes())
    checked = check_file(path)
    assert not checked.valid
    assert _codes(checked, "error") == ["village-column-unknown"]  # one root cause, not per row
    error = next(f for f in checked.findings if f.code == "village-column-unknown")
    assert "62.02.16.2003" in error.message("en") and "62.02.16.2003" in error.message()


def test_kecamatan_column_settles_a_shared_title_village_name() -> None:
    checked = check_file(DATA / "daftar_musdes_2024.csv")
    assert checked.valid and checked.villages == ["62.02.07.2006"]  # Kec. Mentaya Hilir Utara
    assert "village-ambiguous" not in [f.code for f in checked.findings]
    said = next(f for f in checked.findings if f.code == "village-kecamatan-narrowed")
    assert "kolom 'Kecamatan'" in said.message() and said.level == "info"
    assert len(checked.rows) == 2 and checked.years == [2024]
    assert sum(int(r["jumlah_hadir"]) for r in checked.rows) == 52


def test_unmapped_siskeudes_number_with_no_other_source_says_what_to_write(tmp_path: Path) -> None:
    path = tmp_path / "Ta_Kegiatan.txt"  # the title row removed: nothing names the village
    path.write_text("\r\n".join((DATA / "Ta_Kegiatan_2024.txt").read_text(encoding="utf-8")
                                .splitlines()[1:]), encoding="utf-8")
    checked = check_file(path)
    assert not checked.valid and _codes(checked, "error") == ["siskeudes-unmapped-village"]
    error = next(f for f in checked.findings if f.code == "siskeudes-unmapped-village")
    assert "nama berkas" in error.message() and "file name" in error.message("en")
    assert "portal_config/siskeudes_desa.yaml" in error.message("en")
