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
