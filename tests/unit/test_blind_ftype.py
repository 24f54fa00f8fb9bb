"""Record type and codes from the values when headings are bare or absent (finance, blind trial
of stop 29): a bare "KODE" over account codes is an APBDes' kode rekening; a code written at the
start of the Uraian cell is the kode rekening."""

from pathlib import Path

import pytest

from desa_terbuka.validate.check import check_parts

DATA = Path(__file__).resolve().parents[1] / "data" / "blind" / "ftype"


def _only(name):
    parts = check_parts(DATA / name)
    assert len(parts) == 1
    return parts[0]


@pytest.mark.parametrize("name, lines", [
    ("rab_bidang1_kode.xlsx", [("5.1.1.01", "1.1.01", 30000000), ("5.1.1.02", "1.1.01", 12000000),
                               ("5.2.1.01", "1.1.04", 5800000), ("5.2.5.01", "1.1.04", 3600000)]),
    # one kegiatan heading code beside one account code: the codes still decide
    ("rab_bidang3_kode.xlsx", [("5.2.1.06", "3.1.03", 6250000)]),
])
def test_bare_kode_over_account_codes_is_apbdes(name, lines):
    part = _only(name)
    assert part.record_type == "apbdes"
    assert part.valid
    assert not [f for f in part.findings if f.level == "error"]
    assert part.villages == ["62.02.03.2001"] and part.years == [2025]
    # JUMLAH is the anggaran (not the harga satuan beside it); kegiatan rows give kode_kegiatan
    assert [(r["kode_rekening"], r["kode_kegiatan"], float(r["anggaran"])) for r in part.rows] == lines
    assert not [f for f in part.findings if f.code == "subtotal-mismatch"]


def test_code_at_start_of_uraian_is_kode_rekening():
    """LPPDes lampiran: no code column, 'NO | URAIAN' with '4.2.1.01 - Dana Desa'; kegiatan
    heading rows 'Kegiatan 02.03.10 - ...' give the lines below their kode kegiatan; roman
    section rows and JUMLAH rows are headings and totals, not lines."""
    part = _only("lppdes_realisasi_kode_di_uraian.csv")
    assert part.record_type == "apbdes"
    assert not [f for f in part.findings if f.level == "error"], part.findings
    assert part.valid
    assert part.villages == ["62.02.03.2001"] and part.years == [2023]
    assert {r["tahap"] for r in part.rows} == {"realisasi_tahunan"}
    got = [(r["kode_rekening"], r.get("kode_kegiatan") or "", r["uraian"], float(r["anggaran"]),
            float(r["realisasi"])) for r in part.rows]
    assert got == [
        ("4.2.1.01", "", "Dana Desa", 700e6, 700e6),
        ("4.2.3.01", "", "Alokasi Dana Desa", 300e6, 300e6),
        ("5.1.1.01", "1.1.01", "Penghasilan Tetap Kepala Desa", 30e6, 29.25e6),
        ("5.3.4.02", "2.3.10", "Belanja Modal Upah Tenaga Kerja", 100e6, 97.5e6),
        ("5.3.4.03", "2.3.10", "Belanja Modal Bahan Baku", 600e6, 585e6),
        ("6.1.1.01", "", "SILPA Tahun Sebelumnya", 20e6, 20e6),
    ]
    assert not [f for f in part.findings if f.code == "subtotal-mismatch"]
    said = [f for f in part.findings if f.code == "value-derived" and f.field == "kode_rekening"]
    assert said and said[0].level == "info"  # said to the operator: the code came from the name


def test_wrong_total_under_code_in_name_is_caught(tmp_path):
    """The totals are still checked when the codes come from the names."""
    text = (DATA / "lppdes_realisasi_kode_di_uraian.csv").read_text(encoding="utf-8-sig")
    bad = tmp_path / "lppdes.csv"
    bad.write_text(text.replace("|JUMLAH BELANJA|730.000.000,00", "|JUMLAH BELANJA|731.000.000,00"),
                   encoding="utf-8-sig")
    part = check_parts(bad)[0]
    assert [f.field for f in part.findings if f.code == "subtotal-mismatch"] == ["anggaran"]
