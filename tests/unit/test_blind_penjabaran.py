"""Blind trial s29: a Penjabaran APBDes (Permendagri 20/2018 Lampiran) with the code over four
columns is apbdes, its kegiatan rows give the kode kegiatan of the belanja lines below, and the
Lampiran's objek range '90-99' is a line of its jenis (tests/data/blind/penjabaran/SOURCES.md)."""

from decimal import Decimal
from pathlib import Path

from desa_terbuka.collect.base import RawTable
from desa_terbuka.core.definitions import definitions
from desa_terbuka.core.findings import has_errors
from desa_terbuka.normalise.record_type import ranked
from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parents[1] / "data" / "blind" / "penjabaran"
FILE = DATA / "penjabaran_split_luwuk_kowan_2025.xlsx"


def _checked():
    checked = check_file(FILE)
    return checked[0] if isinstance(checked, list) else checked


def _sum(rows, prefix):
    return sum(Decimal(r["anggaran"]) for r in rows if r["kode_rekening"].startswith(prefix))


def test_kode_rekening_with_volume_columns_is_apbdes_not_kegiatan():
    """'Kode Rekening' is apbdes' own synonym; kegiatan only reads it by its word 'kode', so the
    kegiatan's extra VOLUME | SATUAN columns do not outrank it."""
    table = RawTable("x.xlsx", "S", [
        ["Kode Rekening", "Uraian", "Volume", "Satuan", "Anggaran", "Sumber Dana"],
        ["4.2.1.01", "Dana Desa", "1", "Thn", "700000000", "DDS"],
        ["5.1.1.01", "Penghasilan Tetap Kepala Desa", "12", "Bulan", "48000000", "ADD"],
    ], [1, 2, 3])
    best = ranked([table], list(definitions().values()))[0]
    assert best[2].record_type == "apbdes"


def test_split_code_penjabaran_reads_as_a_careful_reader_does():
    checked = _checked()
    assert checked.record_type == "apbdes"
    assert not has_errors(checked.findings), [f.code for f in checked.findings]
    rows = checked.rows
    assert len(rows) == 12
    assert {r["kode_desa"] for r in rows} == {"62.02.17.2002"}
    assert {r["tahun_anggaran"] for r in rows} == {"2025"}
    assert {r["tahap"] for r in rows} == {"anggaran"}
    assert _sum(rows, "4") == 1_109_600_000
    assert _sum(rows, "5") == 974_000_000
    assert _sum(rows, "6.1") == 14_400_000
    assert _sum(rows, "6.2") == 150_000_000


def test_kegiatan_rows_in_the_code_columns_give_the_lines_below_their_code():
    by_name = {r["uraian"]: r for r in _checked().rows}
    assert by_name["Penghasilan Tetap Kepala Desa"]["kode_kegiatan"] == "1.1.01"
    assert by_name["Bahan Baku Jalan Desa"]["kode_kegiatan"] == "2.3.10"
    assert by_name["Pelatihan Perangkat Desa"]["kode_kegiatan"] == "4.3.02"  # bidang 4, not akun 4
    assert by_name["BLT Dana Desa 10 KPM x 12 bulan"]["kode_kegiatan"] == "5.3.01"
    assert by_name["Dana Desa"]["kode_kegiatan"] == ""


def test_objek_range_90_99_is_a_line_of_its_jenis_said_as_information():
    checked = _checked()
    line = next(r for r in checked.rows if r["uraian"].startswith("Lain-lain (Sewa"))
    assert line["kode_rekening"] == "4.1.2" and Decimal(line["anggaran"]) == 1_200_000
    said = [f for f in checked.findings if f.code == "code-range-read"]
    assert len(said) == 1 and said[0].value == "4.1.2.90-99"
    assert said[0].params["canonical"] == "4.1.2"
    assert said[0].level == "info"
