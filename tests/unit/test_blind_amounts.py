"""Amount columns whose cells do not sit under their heading (blind trial s30, finance prints).

Fixtures: tests/data/blind/amounts (SOURCES.md says which public shapes they copy)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "amounts"


def _totals(rows, field="anggaran") -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for r in rows:
        code = r["kode_rekening"]
        key = code[:3] if code.startswith("6") else code[:1]
        out[key] = out.get(key, Decimal(0)) + Decimal(r[field] or "0")
    return out


def _codes(checked, level):
    return [f.code for f in checked.findings if f.level == level]


def test_shifted_total_rows_are_read_under_their_columns():
    """JUMLAH rows whose numbers start one column early (the label spans Kode and Uraian) are
    read aligned: no false subtotal-mismatch, and the reading is said."""
    checked = check_file(DATA / "APBDes Perubahan 2025 Kandan (desa cantik).csv")
    rows = checked.rows
    assert checked.valid and checked.record_type == "apbdes"
    assert _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert {r["kode_desa"] for r in rows} == {"62.02.01.2008"}
    assert {r["tahun_anggaran"] for r in rows} == {"2025"}
    assert {r["tahap"] for r in rows} == {"anggaran_perubahan"}
    assert len(rows) == 10
    # the amended budget (Setelah Perubahan) is the anggaran, not Awal nor the difference
    assert _totals(rows) == {"4": 1_160_000_000, "5": 1_130_000_000, "6.1": 20_000_000,
                             "6.2": 50_000_000}
    [shifted] = [f for f in checked.findings if f.code == "total-cells-shifted"]
    assert shifted.params["rows"] == "13, 27" and shifted.params["column"] == "C"
    # the same code and kegiatan twice, as the page shows: two lines (the subtotal confirms both)
    twice = [r["anggaran"] for r in rows if r["kode_rekening"] == "5.1.2.01"]
    assert sorted(Decimal(a) for a in twice) == [30_000_000, 220_000_000]
    assert {r["kode_kegiatan"] for r in rows if r["kode_rekening"] == "5.1.2.01"} == {"1.1.02"}


def test_original_budget_and_difference_are_known_not_unknown():
    """'Anggaran Awal' and 'Bertambah/(Berkurang)' are the Perubahan's companions: info that
    they are not published, not an unknown column suggesting a spelling fix."""
    checked = check_file(DATA / "APBDes Perubahan 2025 Kandan (desa cantik).csv")
    companions = {f.value: f.field for f in checked.findings if f.code == "column-not-published"}
    assert companions == {"Anggaran Awal": "anggaran", "Bertambah/(Berkurang)": "anggaran"}
    assert not [f for f in checked.findings if f.code == "unknown-column"]
    assert all(f.level == "info" for f in checked.findings if f.code == "column-not-published")


def test_currency_sign_column_is_the_unit_of_the_amounts_beside_it():
    """'ANGGARAN (Rp)' merged over 'Rp' | '650.000.000,-': the amounts are read from the unheaded
    column (said), not one invalid-number per row."""
    checked = check_file(DATA / "PENJABARAN APBDES JEMARAS 2024.csv")
    rows = checked.rows
    assert checked.valid and checked.record_type == "apbdes"
    assert _codes(checked, "error") == [] and _codes(checked, "warning") == []
    assert {r["kode_desa"] for r in rows} == {"62.02.02.2007"}
    assert {r["tahun_anggaran"] for r in rows} == {"2024"} and {r["tahap"] for r in rows} == {"anggaran"}
    assert len(rows) == 8
    assert _totals(rows) == {"4": 1_000_000_000, "5": 970_000_000, "6.1": 25_000_000,
                             "6.2": 40_000_000}
    [moved] = [f for f in checked.findings if f.code == "amount-beside-unit"]
    assert (moved.field, moved.params["unit_column"], moved.params["column"]) == ("anggaran", "C", "D")


def test_bracketed_outflow_is_a_positive_outflow_said():
    """'(40.000.000,-)' on a 6.2 line is an outflow of 40.000.000 (no negative-amount error), said
    as info; the 6.2 heading in brackets and the NETTO/SiLPA rows still add up."""
    checked = check_file(DATA / "PENJABARAN APBDES JEMARAS 2024.csv")
    [line] = [r for r in checked.rows if r["kode_rekening"] == "6.2.2.01"]
    assert Decimal(line["anggaran"]) == 40_000_000
    [said] = [f for f in checked.findings if f.code == "outflow-brackets-read"]
    assert said.value == "(40.000.000,-)" and said.params["reading"] == "40.000.000"
    assert "subtotal-mismatch" not in {f.code for f in checked.findings}
    assert "apbdes-negative-amount" not in {f.code for f in checked.findings}


def test_a_minus_on_an_outflow_line_is_still_a_negative_amount(tmp_path):
    """Only the bracket print convention is read as an outflow; '-40.000.000' stays an error."""
    source = (DATA / "PENJABARAN APBDES JEMARAS 2024.csv").read_bytes()
    path = tmp_path / "PENJABARAN APBDES JEMARAS 2024.csv"
    path.write_bytes(source.replace(b"6.2.2.01;Penyertaan Modal Desa (BUMDes);Rp;(40.000.000,-)",
                                    b"6.2.2.01;Penyertaan Modal Desa (BUMDes);Rp;-40.000.000,-"))
    checked = check_file(path)
    assert "apbdes-negative-amount" in _codes(checked, "error")
