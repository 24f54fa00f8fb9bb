"""Cross-dataset/-year rules on a staged warehouse: each planted violation found, sample clean."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desa_terbuka.authoring.sample import generate
from desa_terbuka.stage.cross_dataset import run_cross_rules
from desa_terbuka.stage.warehouse import Warehouse
from desa_terbuka.validate.check import check_file

VILLAGE, OTHER = "62.02.16.2003", "62.02.16.2001"


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> Path:
    """A warehouse holding the 2023-2024 sample of every desa of Tualan Hulu."""
    root = tmp_path_factory.mktemp("cross")
    with Warehouse(root / "base" / "warehouse.duckdb") as warehouse:
        for path in generate(root / "sample", years=(2023, 2024)):
            warehouse.stage(check_file(path))
    return root / "base" / "warehouse.duckdb"


@pytest.fixture
def warehouse(staged: Path, tmp_path: Path):
    copy = tmp_path / "warehouse.duckdb"
    shutil.copyfile(staged, copy)
    with Warehouse(copy) as w:
        yield w


def current(w: Warehouse, record_type: str, village: str = VILLAGE, tahun: int = 2024) -> str:
    return w.con.execute("SELECT submission_id FROM current_slices WHERE record_type = ? "
                         "AND kode_desa = ? AND tahun = ?", [record_type, village, tahun]).fetchone()[0]


def codes(findings) -> list[tuple[str, str, str, int]]:
    return [(f.code, f.level, f.params["kode_desa"], f.params["tahun"]) for f in findings]


def test_sample_data_is_consistent_across_datasets(warehouse: Warehouse) -> None:
    assert run_cross_rules(warehouse.con) == []


def test_dana_desa_missing(warehouse: Warehouse) -> None:
    sid = current(warehouse, "apbdes")
    warehouse.con.execute("DELETE FROM records_apbdes WHERE submission_id = ? AND kode_rekening LIKE '4.2.1%'",
                          [sid])
    # (the budget no longer balances either: those rules have their own tests)
    findings = [f for f in run_cross_rules(warehouse.con, "apbdes") if f.code == "apbdes-transfer-missing"]
    assert codes(findings) == [("apbdes-transfer-missing", "error", VILLAGE, 2024)]
    [f] = findings
    assert f.row is None and f.field == "kode_rekening" and f.file.endswith("merah/apbdes_2024.csv")
    assert "Dana Desa" in f.message() and "4.2.1" in f.message()


def test_unfunded_deficit_and_realised_overspending(warehouse: Warehouse) -> None:
    sid = current(warehouse, "apbdes")
    warehouse.con.execute("UPDATE records_apbdes SET anggaran = anggaran + 200000000, "
                          "realisasi = realisasi + 200000000 WHERE submission_id = ? "
                          "AND kode_rekening = '5.3.2.03'", [sid])
    rows = warehouse.con.execute("SELECT count(*) FROM records_apbdes WHERE submission_id = ? "
                                 "AND kode_rekening = '5.3.2.03'", [sid]).fetchone()[0]
    if rows == 0:  # no such line this year: plant on the first belanja line instead
        warehouse.con.execute("UPDATE records_apbdes SET anggaran = anggaran + 200000000, "
                              "realisasi = realisasi + 200000000 WHERE submission_id = ? AND source_row = "
                              "(SELECT min(source_row) FROM records_apbdes WHERE submission_id = ? "
                              "AND kode_rekening LIKE '5%')", [sid, sid])
    findings = run_cross_rules(warehouse.con, "apbdes", villages=[VILLAGE])
    assert codes(findings) == [("apbdes-deficit-unfunded", "error", VILLAGE, 2024),
                               ("apbdes-realised-overspent", "warning", VILLAGE, 2024)]
    assert "200.000.000" in findings[0].message()


def test_year_on_year_jump(warehouse: Warehouse) -> None:
    sid = current(warehouse, "apbdes")
    warehouse.con.execute("UPDATE records_apbdes SET anggaran = anggaran * 4 WHERE submission_id = ? "
                          "AND kode_rekening LIKE '4%'", [sid])  # a surplus: allowed, but a jump
    findings = run_cross_rules(warehouse.con, "apbdes")
    assert codes(findings) == [("apbdes-total-yoy-jump", "warning", VILLAGE, 2024)]
    assert findings[0].params["total"] == "pendapatan" and findings[0].params["tahun_lalu"] == "2023"


def test_kegiatan_budget_above_apbdes_allocation(warehouse: Warehouse) -> None:
    sid = current(warehouse, "kegiatan")
    source_row = warehouse.con.execute("SELECT min(source_row) FROM records_kegiatan WHERE submission_id = ?",
                                       [sid]).fetchone()[0]
    warehouse.con.execute("UPDATE records_kegiatan SET anggaran = anggaran + 10000000 "
                          "WHERE submission_id = ? AND source_row = ?", [sid, source_row])
    findings = run_cross_rules(warehouse.con, "kegiatan")
    assert codes(findings) == [("kegiatan-budget-exceeds-apbdes", "warning", VILLAGE, 2024)]
    f = findings[0]
    assert (f.row, f.field) == (source_row, "anggaran") and f.file.endswith("merah/kegiatan_2024.xlsx")
    assert "[" not in f.message() and "[" not in f.message("en")


def test_kegiatan_missing_from_apbdes(warehouse: Warehouse) -> None:
    sid = current(warehouse, "kegiatan")
    warehouse.con.execute("UPDATE records_kegiatan SET kode_kegiatan = '3.1.01' WHERE submission_id = ? "
                          "AND source_row = 2", [sid])
    assert [(f.code, f.level, f.row, f.value) for f in run_cross_rules(warehouse.con, "kegiatan")] == [
        ("kegiatan-not-in-apbdes", "warning", 2, "3.1.01")]


def test_apbdes_not_adopted_by_a_musdes(warehouse: Warehouse) -> None:
    warehouse.con.execute("DELETE FROM records_musyawarah WHERE kode_desa = ? "
                          "AND jenis_musyawarah = 'Musdes Penetapan APBDes' AND year(tanggal) = 2023", [VILLAGE])
    findings = run_cross_rules(warehouse.con)
    assert codes(findings) == [("musyawarah-apbdes-not-adopted", "warning", VILLAGE, 2024)]
    assert findings[0].file == "" and findings[0].row is None


def test_filters_by_record_type_and_village(warehouse: Warehouse) -> None:
    warehouse.con.execute("DELETE FROM records_apbdes WHERE submission_id = ? AND kode_rekening LIKE '4.2.3%'",
                          [current(warehouse, "apbdes")])
    assert run_cross_rules(warehouse.con, "kegiatan", villages=[OTHER]) == []
    assert run_cross_rules(warehouse.con, "apbdes", villages=[OTHER]) == []
    assert {f.code for f in run_cross_rules(warehouse.con, "apbdes", villages=[VILLAGE])} == {
        "apbdes-transfer-missing", "apbdes-deficit-unfunded", "apbdes-realised-overspent"}


def test_only_current_versions_count(warehouse: Warehouse) -> None:
    sid = current(warehouse, "apbdes")
    warehouse.con.execute("UPDATE current_slices SET submission_id = 'older' WHERE submission_id = ?", [sid])
    warehouse.con.execute("UPDATE records_apbdes SET submission_id = 'older', anggaran = anggaran * 10 "
                          "WHERE submission_id = ?", [sid])
    warehouse.con.execute("UPDATE current_slices SET submission_id = ? WHERE submission_id = 'older'", [sid])
    assert run_cross_rules(warehouse.con, "apbdes") == []  # the slice now shows no rows at all


def test_a_disagreement_between_two_files_shows_on_both_datasets(warehouse: Warehouse) -> None:
    """A kegiatan budget above the APBDes allocation is a warning on the kegiatan AND the APBDes
    dataset (an RKPDes pagu indikatif may legitimately differ), never a block."""
    from desa_terbuka.publish.build import cross_findings

    sid = current(warehouse, "kegiatan")
    warehouse.con.execute("UPDATE records_kegiatan SET anggaran = anggaran + 10000000 "
                          "WHERE submission_id = ?", [sid])
    grouped = cross_findings(warehouse, None, [VILLAGE])
    for kind in ("kegiatan", "apbdes"):
        assert "kegiatan-budget-exceeds-apbdes" in {f.code for f in grouped[(kind, VILLAGE)]}
