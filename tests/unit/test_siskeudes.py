"""Siskeudes export ZIP -> canonical apbdes rows: code mapping, legacy codes, totals, villages,
broken archives, and the usual normalise/validate path on the result."""

from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Callable

import pytest

from desa_terbuka.collect import siskeudes
from desa_terbuka.collect.base import ReadError
from desa_terbuka.collect.siskeudes import (
    FIELDS,
    read_siskeudes,
    siskeudes_findings,
)
from desa_terbuka.core.catalogue import catalogue
from desa_terbuka.core.definitions import definitions
from desa_terbuka.normalise.record_type import detect
from desa_terbuka.normalise.records import normalise, number_lines
from desa_terbuka.validate.check import year_of
from desa_terbuka.validate.schema import validate

CORPUS = Path(__file__).resolve().parents[1] / "data" / "siskeudes"
MODERN = CORPUS / "simulasi_2024_v2.zip"
LEGACY = CORPUS / "bpkp_simulasi_v1.2.zip"
MAPPING = [{"kd_desa": "14.01.", "kode_pemda": "62.02", "kode_desa": "62.02.16.2005"}]


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def table_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def to_csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def variant(tmp_path: Path, edit: Callable[[dict[str, bytes]], None], name="v.zip") -> Path:
    """The modern corpus export with some tables changed by ``edit``."""
    tables = members(MODERN)
    edit(tables)
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in tables.items():
            archive.writestr(member, data)
    return path


def edit_rab(change: Callable[[list[dict[str, str]]], None]):
    def edit(tables: dict[str, bytes]) -> None:
        rows = table_rows(tables["Ta_RABRinci.csv"])
        change(rows)
        tables["Ta_RABRinci.csv"] = to_csv(rows)
    return edit


def records(table):
    return {name: value for name, value in zip(FIELDS, table)}


def codes(found) -> list[tuple[str | None, int | None, str | None, str]]:
    return [(f.sheet, f.row, f.value, f.code) for f in found]


def test_modern_export_becomes_one_canonical_apbdes_table() -> None:
    [table] = read_siskeudes(MODERN, MAPPING)
    assert table.rows[0] == FIELDS
    assert table.sheet == "Ta_RABRinci.csv" and table.file == str(MODERN)
    assert siskeudes_findings([table]) == []
    rows = {n: records(r) for n, r in zip(table.row_numbers[1:], table.rows[1:])}
    # line 12 of Ta_RABRinci.csv: Kd_Keg 14.01.01.01.01., Kd_Rincian 5.1.1.01., "Kepala Desa"
    assert rows[12] | {"anggaran": str(rows[12]["anggaran"])} == {
        "kode_desa": "62.02.16.2005", "tahun_anggaran": "2024", "tahap": "realisasi_tahunan",
        "kode_rekening": "5.1.1.01", "uraian": "Kepala Desa", "kode_kegiatan": "1.1.01",
        "sumber_dana": "ADD", "anggaran": "21600000", "realisasi": Decimal("19440000"),
        "keterangan": ""}
    assert rows[2]["kode_kegiatan"] == "" and rows[2]["kode_rekening"] == "4.1.2.06"
    # several RAB sub-lines of one account line become one row that lists them
    assert rows[13]["uraian"] == "Penghasilan Tetap Perangkat Desa"
    assert rows[13]["keterangan"].startswith("jumlah 4 rincian Ta_RABRinci: Sekretaris Desa (baris 13)")
    # local objek 90..99 takes its range's name from the chart
    assert any(r["kode_rekening"] == "5.2.5.90" and r["uraian"] for r in rows.values())


def test_totals_equal_the_source_tables() -> None:
    [table] = read_siskeudes(MODERN, MAPPING)
    source = members(MODERN)
    budget: dict[str, Decimal] = defaultdict(Decimal)
    for row in table_rows(source["Ta_RABRinci.csv"]):
        budget[row["Kd_Rincian"][0]] += Decimal(row["Anggaran"])
    got: dict[str, Decimal] = defaultdict(Decimal)
    for row in table.rows[1:]:
        got[records(row)["kode_rekening"][0]] += records(row)["anggaran"]
    assert got == budget
    assert budget == {"4": Decimal(1167935000), "5": Decimal(1066935000), "6": Decimal(90000000)}
    realised = sum(Decimal(r["Nilai"]) for r in table_rows(source["Ta_SPJRinci.csv"])) + sum(
        Decimal(r["nilai"]) for r in table_rows(source["Ta_TBPRinci.csv"]))
    assert sum(records(r)["realisasi"] for r in table.rows[1:]) == realised


def test_intake_style_processing_gives_valid_records() -> None:
    tables = read_siskeudes(MODERN)  # the corpus mapping (DESA_SISKEUDES_MAPPING, tests/conftest.py)
    table, definition, header = detect(tables, list(definitions().values()))
    assert definition.record_type == "apbdes" and header.row_index == 0
    result = normalise(table, definition, header)
    number_lines(result, year_of)
    found = siskeudes_findings(tables) + result.findings + validate(result)
    assert [f for f in found if f.level != "info"] == []
    # two budget lines worth 0 carry nothing: skipped, and said so
    [skipped] = [f for f in found if f.code == "lines-skipped"]
    assert skipped.params["count"] == 2
    assert len(result.rows) == 61
    assert {r["kode_desa"] for r in result.rows} == {"62.02.16.2005"}
    assert result.row_numbers[:3] == [2, 3, 4]


def test_legacy_export_is_reported_line_by_line_and_never_mapped() -> None:
    [table] = read_siskeudes(LEGACY)  # the corpus mapping: 14.01. only for 2024
    assert table.rows == [FIELDS]  # nothing silently mapped
    found = siskeudes_findings([table])
    legacy = [f for f in found if f.code == "siskeudes-legacy-code"]
    assert (legacy[0].sheet, legacy[0].row, legacy[0].value) == ("Ref_Version.csv", 2, "V1.2 R1.0.0.")
    lines = [f for f in legacy if f.sheet == "Ta_RABRinci.csv"]
    assert len(lines) == 159 and lines[0].row == 2 and lines[-1].row == 160
    assert (lines[10].value, lines[10].field) == ("5.1.1.01.", "Kd_Rincian")
    assert "14.01.01.01." in lines[10].message() and "V1.2" in lines[10].message()
    assert all(f.level == "error" for f in legacy)
    # the corpus entry for 14.01. is for 2024; the training data is 2016 (and has no Ta_Pemda)
    assert [f.code for f in found if f.code != "siskeudes-legacy-code"] == ["siskeudes-unmapped-village"]


@pytest.mark.parametrize("kd_keg, kd_rincian, field, reason", [
    ("14.01.01.01.", "5.2.1.01.", "Kd_Keg", "dua tingkat"),          # Permendagri 113/2014 kegiatan
    ("14.01.01.01.77.", "5.2.1.01.", "Kd_Keg", "tidak ada dalam daftar"),
    ("14.01.01.01.04.", "5.1.3.27.", "Kd_Rincian", "Siskeudes 1.x"),  # old "Belanja Modal Jalan"
    ("14.01.01.01.04.", "5.1.2.22.", "Kd_Rincian", "Siskeudes 1.x"),  # old "Jasa Transaksi Keuangan"
])
def test_legacy_codes_in_a_modern_export(tmp_path: Path, kd_keg, kd_rincian, field, reason) -> None:
    def change(rows):
        rows[40].update(Kd_Keg=kd_keg, Kd_Rincian=kd_rincian)
    [table] = read_siskeudes(variant(tmp_path, edit_rab(change)), MAPPING)
    found = siskeudes_findings([table])
    assert [(f.row, f.field, f.code) for f in found] == [(42, field, "siskeudes-legacy-code")]
    assert reason in found[0].message()
    assert 42 not in table.row_numbers


@pytest.mark.parametrize("kd_keg, expected", [
    ("14.01.00.00.", ""), ("14.01.00.00.00.", ""), ("14.01.02.03.10.", "2.3.10"),
])
def test_kegiatan_codes_map_through_the_reference(tmp_path: Path, kd_keg, expected) -> None:
    def change(rows):
        rows[:] = [dict(rows[0], Kd_Keg=kd_keg, Kd_Rincian="4.1.1.90." if expected == ""
                        else "5.3.5.02.")]
    [table] = read_siskeudes(variant(tmp_path, edit_rab(change)), MAPPING)
    row = records(table.rows[1])
    assert row["kode_kegiatan"] == expected
    assert row["kode_rekening"] in ("4.1.1.90", "5.3.5.02")


def test_bad_codes_and_amounts_are_findings(tmp_path: Path) -> None:
    def change(rows):
        rows[1]["Kd_Keg"] = "99.01.00.00."
        rows[2]["Anggaran"] = "1.500.000,00"
    [table] = read_siskeudes(variant(tmp_path, edit_rab(change)), MAPPING)
    assert codes(siskeudes_findings([table])) == [
        ("Ta_RABRinci.csv", 3, "99.01.00.00.", "siskeudes-bad-code"),
        ("Ta_RABRinci.csv", 4, "1.500.000,00", "invalid-number"),
        # the receipt booked against the line whose Kd_Keg is now wrong has no budget line left
        ("Ta_TBPRinci.csv", 3, "14.01.00.00. 4.1.2.01. PAD", "siskeudes-unmatched-realisation")]


def test_unmapped_village(tmp_path: Path) -> None:
    [table] = read_siskeudes(MODERN, [])
    found = siskeudes_findings([table])
    assert codes(found) == [("Ta_RABRinci.csv", 2, "14.01.", "siskeudes-unmapped-village")]
    assert "portal_config/siskeudes_desa.yaml" in found[0].message()
    assert "Pemda 62.02" in found[0].message()
    assert {records(r)["kode_desa"] for r in table.rows[1:]} == {""}


@pytest.mark.parametrize("mapping, reason", [
    ([{"kd_desa": "14.01.", "kode_pemda": "33.18", "kode_desa": "62.02.16.2005"}], "tidak ada entri"),
    ([{"kd_desa": "14.01.", "tahun": 2023, "kode_desa": "62.02.16.2005"}], "tidak ada entri"),
    ([{"kd_desa": "14.01.", "kode_desa": "62.02.16.2005"},
      {"kd_desa": "14.01.", "kode_desa": "62.02.16.2001"}], "beberapa entri cocok"),
])
def test_village_mapping_is_keyed_by_pemda_and_year(mapping, reason) -> None:
    [table] = read_siskeudes(MODERN, mapping)
    [finding] = siskeudes_findings([table])
    assert finding.code == "siskeudes-unmapped-village" and reason in finding.message()


def test_village_mapping_with_matching_year_and_pemda() -> None:
    mapping = [{"kd_desa": "14.01.", "kode_pemda": "62.02", "tahun": 2024, "kode_desa": "62.02.16.2003"},
               {"kd_desa": "14.01.", "kode_pemda": "62.02", "tahun": 2023, "kode_desa": "62.02.16.2005"}]
    [table] = read_siskeudes(MODERN, mapping)
    assert {records(r)["kode_desa"] for r in table.rows[1:]} == {"62.02.16.2003"}


def test_stage_without_realisation_and_after_amendment(tmp_path: Path) -> None:
    def budget_only(tables):
        del tables["Ta_SPJRinci.csv"], tables["Ta_TBPRinci.csv"]
    [table] = read_siskeudes(variant(tmp_path, budget_only, "a.zip"), MAPPING)
    assert {records(r)["tahap"] for r in table.rows[1:]} == {"anggaran"}
    assert {records(r)["realisasi"] for r in table.rows[1:]} == {""}

    def amended(tables):
        budget_only(tables)
        edit_rab(lambda rows: rows[0].update(AnggaranStlhPAK="125000000", AnggaranPAK="5000000"))(tables)
    [table] = read_siskeudes(variant(tmp_path, amended, "p.zip"), MAPPING)
    first = records(table.rows[1])
    assert first["tahap"] == "anggaran_perubahan" and first["anggaran"] == Decimal(125000000)


def test_realisation_without_budget_line_is_an_error(tmp_path: Path) -> None:
    def edit(tables):
        rows = table_rows(tables["Ta_SPJRinci.csv"])
        rows[3]["Sumberdana"] = "PBK"
        tables["Ta_SPJRinci.csv"] = to_csv(rows)
    [table] = read_siskeudes(variant(tmp_path, edit), MAPPING)
    [finding] = siskeudes_findings([table])
    assert (finding.sheet, finding.row, finding.code) == (
        "Ta_SPJRinci.csv", 5, "siskeudes-unmatched-realisation")
    assert "PBK" in finding.message()


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name, words", [
    ("not_siskeudes.zip", "bukan ekspor Siskeudes"),
    ("missing_rabrinci.zip", "tabel Ta_RABRinci.csv (rincian anggaran) tidak ada"),
    ("corrupt.zip", "bukan berkas ZIP yang utuh"),
])
def test_broken_corpus_zips(name: str, words: str) -> None:
    with pytest.raises(ReadError) as error:
        read_siskeudes(CORPUS / name)
    assert words in error.value.reason


def test_unsafe_and_damaged_archives(tmp_path: Path, monkeypatch) -> None:
    tables = members(MODERN)
    with pytest.raises(ReadError, match="tidak aman"):
        read_siskeudes(_zip(tmp_path / "p.zip", {"../../Ta_RABRinci.csv": tables["Ta_RABRinci.csv"]}))
    with pytest.raises(ReadError, match="lebih dari sekali"):
        read_siskeudes(_zip(tmp_path / "d.zip", {"a/Ta_RABRinci.csv": tables["Ta_RABRinci.csv"],
                                                 "b/Ta_RABRinci.csv": tables["Ta_RABRinci.csv"]}))
    with pytest.raises(ReadError, match="tidak memuat kolom Kd_Keg"):
        read_siskeudes(_zip(tmp_path / "c.zip", {"Ta_RABRinci.csv": b"Tahun,Kd_Desa\r\n2024,14.01.\r\n"}))
    monkeypatch.setattr(siskeudes, "MAX_UNCOMPRESSED", 10_000)  # a bomb, in miniature
    with pytest.raises(ReadError, match="terlalu besar"):
        read_siskeudes(_zip(tmp_path / "b.zip", {"Ta_RABRinci.csv": tables["Ta_RABRinci.csv"] * 4}))
    monkeypatch.undo()
    data = bytearray((tmp_path / "b.zip").read_bytes())
    data[60:70] = b"\x00" * 10  # damage the deflated stream: CRC or inflate error
    (tmp_path / "x.zip").write_bytes(bytes(data))
    with pytest.raises(ReadError, match="ZIP rusak|bukan berkas ZIP"):
        read_siskeudes(tmp_path / "x.zip")


def test_rules_are_in_the_catalogue_in_both_languages() -> None:
    rules = {code: rule for code, rule in catalogue().items() if code.startswith("siskeudes-")}
    assert len(rules) == 7  # 2 of them for a Siskeudes table saved alone (normalise/siskeudes_codes.py)
    assert all(rule.stage == "collect" and rule.id and rule.en for rule in rules.values())
    [table] = read_siskeudes(LEGACY, MAPPING)
    for finding in siskeudes_findings([table]):
        assert "[" not in finding.message("id") and "[" not in finding.message("en")
