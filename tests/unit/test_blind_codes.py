"""Blind trial s29, area codes: codes written in other cells and other systems' conventions.

Fixtures in tests/data/blind/codes/ (see SOURCES.md there); what a careful reader finds."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desa_terbuka.validate.check import check_file

DATA = Path(__file__).resolve().parents[1] / "data" / "blind" / "codes"


def _errors(checked) -> list[str]:
    return [f.code for f in checked.findings if f.level == "error"]


def _total(checked, name: str) -> Decimal:
    return sum((Decimal(r[name] or 0) for r in checked.records.rows), Decimal(0))


def test_form_export_code_at_start_of_name_cell():
    """No kode column: the code starting each name ('2.3.10 Pengerasan ...') is the code, the
    name is kept without it, and the reading is information, not an error."""
    checked = check_file(DATA / "form_responses_kode_di_nama.tsv")
    assert checked.record_type == "kegiatan" and checked.valid, _errors(checked)
    rows = list(checked.records.rows)
    assert {r["kode_desa"] for r in rows} == {"62.02.04.2016"} and {r["tahun"] for r in rows} == {"2024"}
    assert [r["kode_kegiatan"] for r in rows] == ["2.3.10", "2.2.02", "4.2.02"]
    assert rows[0]["nama_kegiatan"] == "Pengerasan Jalan Lingkungan RT 01"
    assert _total(checked, "anggaran") == 69_750_000
    derived = [f for f in checked.findings if f.code == "value-derived" and f.field == "kode_kegiatan"]
    assert derived and derived[0].level == "info"
    assert "missing-column" not in [f.code for f in checked.findings]


def test_code_and_name_on_two_lines_of_one_cell_is_a_kegiatan_file():
    """'2.3.12<newline>Pengerasan ...' under 'Uraian Kegiatan', no kode column: still kegiatan."""
    checked = check_file(DATA / "dpa_rencana_kas_kode_baris_dua.csv")
    assert checked.record_type == "kegiatan" and checked.valid, _errors(checked)
    rows = list(checked.records.rows)
    assert {r["kode_desa"] for r in rows} == {"62.02.17.2006"} and {r["tahun"] for r in rows} == {"2025"}
    assert [r["kode_kegiatan"] for r in rows] == ["1.1.01", "2.3.12", "5.3.01"]
    assert rows[1]["nama_kegiatan"] == "Pengerasan Jalan Usaha Tani"
    assert _total(checked, "anggaran") == 42_500_000


def test_type_given_names_the_missing_required_columns(tmp_path):
    """With --type the type is not in doubt: the message names the required columns missing."""
    path = tmp_path / "kegiatan.csv"
    path.write_text("Judul;Pagu (Rp);Jan\nJalan Usaha Tani;Rp 1.000;Rp 500\nPosyandu;Rp 2.000;Rp 100\n")
    checked = check_file(path, "kegiatan")
    assert _errors(checked) == ["type-columns-missing"]
    finding = checked.findings[0]
    assert "kode_kegiatan" in str(finding.params["missing"])
    assert "nama_kegiatan" not in str(finding.params["missing"])
    assert "unknown-record-type" not in [f.code for f in checked.findings]


RABRINCI = DATA / "Ta_RABRinci Kenyala 2024.xlsx"


def _apbdes_totals(checked) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for row in checked.records.rows:
        key = row["kode_rekening"][:1]
        totals[key] = totals.get(key, Decimal(0)) + Decimal(row["anggaran"])
    return totals


def test_siskeudes_table_saved_alone_unmapped_kd_desa_takes_the_file_name(monkeypatch, tmp_path):
    """Ta_RABRinci saved to Excel: Kd_Desa '14.04.' is Siskeudes' own number, not a kode desa.
    Unmapped, the village comes from the file name, with one warning (not one error per row);
    Kd_Keg loses its Kd_Desa prefix as in the ZIP reader ('14.04.02.03.10.' -> 2.3.10)."""
    monkeypatch.setenv("DESA_SISKEUDES_MAPPING", str(tmp_path / "none.yaml"))
    checked = check_file(RABRINCI)
    assert checked.record_type == "apbdes" and checked.valid, _errors(checked)
    rows = list(checked.records.rows)
    assert len(rows) == 6
    assert {r["kode_desa"] for r in rows} == {"62.02.14.2004"}
    assert {r["tahun_anggaran"] for r in rows} == {"2024"}
    assert [r["kode_kegiatan"] for r in rows] == ["", "", "1.1.01", "2.3.10", "2.3.10", ""]
    assert _apbdes_totals(checked) == {"4": 800_000_000, "5": 300_000_000, "6": 20_000_000}
    warned = [f for f in checked.findings if f.level == "warning"]
    assert [(f.code, f.value) for f in warned] == [("siskeudes-village-number", "14.04.")]
    assert "activity-mismatch" not in [f.code for f in checked.findings]


def test_siskeudes_table_saved_alone_mapped_kd_desa(monkeypatch, tmp_path):
    """The DPMD's Siskeudes mapping, when it maps the Kd_Desa, gives the village (information)."""
    mapping = tmp_path / "siskeudes_desa.yaml"
    mapping.write_text('desa:\n  - kd_desa: "14.04."\n    kode_desa: "62.02.14.2004"\n')
    monkeypatch.setenv("DESA_SISKEUDES_MAPPING", str(mapping))
    path = tmp_path / "Ta_RABRinci.xlsx"  # the name names no village
    path.write_bytes(RABRINCI.read_bytes())
    checked = check_file(path)
    assert checked.valid, _errors(checked)
    assert {r["kode_desa"] for r in checked.records.rows} == {"62.02.14.2004"}
    mapped = [f for f in checked.findings if f.code == "siskeudes-village-mapped"]
    assert len(mapped) == 1 and mapped[0].level == "info"


def test_siskeudes_table_saved_alone_no_village_anywhere_is_one_root_cause(monkeypatch, tmp_path):
    monkeypatch.setenv("DESA_SISKEUDES_MAPPING", str(tmp_path / "none.yaml"))
    path = tmp_path / "Ta_RABRinci.xlsx"
    path.write_bytes(RABRINCI.read_bytes())
    checked = check_file(path)
    assert _errors(checked) == ["siskeudes-unmapped-village"]


def test_village_shorthand_for_bantuan_kabupaten_is_pbk(tmp_path):
    """'BAN-KAB' / 'Bankeu Prov' are the village's shorthands for PBK / PBP, not DLL."""
    path = tmp_path / "kegiatan_karang_sari_2024.csv"
    path.write_text("Kode Kegiatan;Nama Kegiatan;Anggaran (Rp);Sumber Dana\n"
                    "2.3.10;Pengerasan Jalan;50000000;BAN-KAB\n"
                    "2.2.02;Posyandu;12500000;Bankeu Prov\n", encoding="utf-8")
    checked = check_file(path)
    assert checked.valid, _errors(checked)
    assert [r["sumber_dana"] for r in checked.records.rows] == ["PBK", "PBP"]
    assert not [f for f in checked.findings if f.level == "warning"]


def test_summary_sheet_beside_the_data_is_information(tmp_path):
    """A workbook's 'Infografis' sheet (Uraian | Anggaran | Realisasi, three totals, no account
    codes) is no second data sheet: not read, said as information, not 'send one sheet'."""
    import openpyxl

    workbook = openpyxl.Workbook()
    data = workbook.active
    data.title = "Realisasi"
    data.append(["LAPORAN REALISASI APBDES DESA PARIT TAHUN ANGGARAN 2024"])
    data.append(["Kode Rekening", "Uraian", "Anggaran", "Realisasi"])
    data.append(["4.2.1.01", "Dana Desa", 800_000_000, 400_000_000])
    data.append(["5.1.1.01", "Penghasilan Tetap", 300_000_000, 150_000_000])
    summary = workbook.create_sheet("Infografis")
    summary.append(["INFOGRAFIS APBDES DESA PARIT 2024"])
    summary.append(["Uraian", "Anggaran", "Realisasi"])
    summary.append(["Pendapatan", 800_000_000, 400_000_000])
    summary.append(["Belanja", 300_000_000, 150_000_000])
    path = tmp_path / "Realisasi APBDes 2024 Desa Parit.xlsx"
    workbook.save(path)
    checked = check_file(path)
    assert checked.valid, _errors(checked)
    assert checked.records.table.sheet == "Realisasi" and len(checked.records.rows) == 2
    assert {r["kode_desa"] for r in checked.records.rows} == {"62.02.13.2003"}
    ignored = [f for f in checked.findings if f.value == "Infografis"]
    assert [(f.code, f.level) for f in ignored] == [("sheet-summary-ignored", "info")]
    assert "kode_rekening" in str(ignored[0].params["missing"])
