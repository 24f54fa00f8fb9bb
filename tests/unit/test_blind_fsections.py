"""Blind trial s31 (finance): report sections read for what they are. Belanja coded per bidang
(5.1 Bidang …, 5.2.1 Pendidikan) is spending per bidang, not the economic accounts of those
codes; a SiLPA row is surplus plus net financing; a summary without codes is refused clearly.
Fixtures and their shapes: tests/data/blind/fsections/SOURCES.md."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from desa_terbuka.validate.check import check_file

DATA = Path(__file__).parent.parent / "data" / "blind" / "fsections"
PER_BIDANG = "realisasi_per_bidang_satiruk_2023.xlsx"


def errors(checked) -> list:
    return [(f.row, f.field, f.code) for f in checked.findings if f.level == "error"]


def total(checked, prefix: str, field: str = "anggaran") -> Decimal:
    return sum((Decimal(r[field] or 0) for r in checked.rows
                if r["kode_rekening"] == prefix or r["kode_rekening"].startswith(prefix + ".")),
               Decimal(0))


def edited(tmp_path: Path, name: str, label: str, col: int, value) -> Path:
    wb = openpyxl.load_workbook(DATA / name)
    for row in wb.active.iter_rows():
        if row[0].value == label:
            row[col - 1].value = value
    wb.save(tmp_path / name)
    return tmp_path / name


def test_belanja_coded_per_bidang_is_spending_per_bidang() -> None:
    """5.2.1 'Pendidikan' is sub-bidang 2.1 on the belanja akun, not Belanja Barang Perlengkapan."""
    checked = check_file(DATA / PER_BIDANG)
    assert errors(checked) == []
    assert (checked.record_type, checked.villages, checked.years) == ("apbdes", ["62.02.09.2004"], [2023])
    belanja = [(r["kode_rekening"], r["kode_kegiatan"], r["uraian"]) for r in checked.rows
               if r["kode_rekening"].startswith("5")]
    assert belanja == [
        ("5", "1.1", "Penyelenggaraan Belanja Penghasilan Tetap, Tunjangan dan Operasional "
                     "Pemerintahan Desa"),
        ("5", "1.2", "Sarana dan Prasarana Pemerintahan Desa"),
        ("5", "2.1", "Pendidikan"), ("5", "2.3", "Pekerjaan Umum dan Penataan Ruang"),
        ("5", "5.3", "Keadaan Mendesak")]
    assert len(checked.rows) == 10
    assert total(checked, "4") == 810_000_000 and total(checked, "4", "realisasi") == 809_500_000
    assert total(checked, "5") == 835_000_000 and total(checked, "5", "realisasi") == 809_000_000
    assert total(checked, "6.1") == 45_000_000 and total(checked, "6.2") == 20_000_000
    assert "per bidang" in str(checked.sources["kode_kegiatan"])


def test_economic_belanja_codes_stay_accounts() -> None:
    """A 5.2.1 whose uraian is its chart name stays the account (no per-bidang reading)."""
    from desa_terbuka.normalise.belanja_bidang import bidang_of
    assert bidang_of("5.2.1", "Belanja Barang Perlengkapan") is None
    assert bidang_of("5.1", "Belanja Pegawai") is None
    assert bidang_of("5.1.1", "Penghasilan Tetap dan Tunjangan Kepala Desa", parent="1") is None
    assert bidang_of("5.1", "Bidang Penyelenggaraan Pemerintahan Desa") == "1"
    assert bidang_of("5.4.3", "Peningkatan Kapasitas Aparatur Desa") == "4.3"
    assert bidang_of("5.3.1", "Ketenteraman dan Ketertiban", parent="3") == "3.1"


def test_silpa_row_is_surplus_plus_net_financing(tmp_path: Path) -> None:
    """'SISA LEBIH/(KURANG) PEMBIAYAAN ANGGARAN' 0 / 20.500.000 is correct; a wrong one is caught,
    and so is a wrong PEMBIAYAAN NETTO."""
    assert errors(check_file(DATA / PER_BIDANG)) == []
    silpa = "SISA LEBIH/(KURANG) PEMBIAYAAN ANGGARAN"
    wrong = check_file(edited(tmp_path, PER_BIDANG, silpa, 4, "20.000.000,00"))
    assert [(f.code, f.field, f.params["computed"]) for f in wrong.findings if f.level == "error"] \
        == [("subtotal-mismatch", "realisasi", "25.500.000")]
    netto = check_file(edited(tmp_path, PER_BIDANG, "PEMBIAYAAN NETTO", 3, "30.000.000,00"))
    assert [(f.code, f.field, f.params["computed"]) for f in netto.findings if f.level == "error"] \
        == [("subtotal-mismatch", "anggaran", "25.000.000")]


def test_code_column_without_heading_is_read_from_its_codes() -> None:
    """Column A's heading cell is blank (a website table): its cells 4, 4.1, 4.1.1 … make it the
    kode rekening, said as information; the file reads as the one with a 'Kode' heading."""
    blank = check_file(DATA / "realisasi_per_bidang_tanpa_judul_kode_satiruk_2023.xlsx")
    headed = check_file(DATA / PER_BIDANG)
    assert errors(blank) == []
    assert blank.rows == headed.rows and len(blank.rows) == 10
    [said] = [f for f in blank.findings if f.code == "code-column-unheaded"]
    assert (said.row, said.field, said.params["column"]) == (2, "kode_rekening", "A")
    assert "Kode Rekening" in said.message() and "Kode Rekening" in said.message("en")


def test_summary_without_codes_is_refused_with_its_own_reason(tmp_path: Path) -> None:
    """An infografis (sections, names, Rp amounts, %; no code, no heading row) is refused in one
    finding that names it a summary and says what to send; with headings (Uraian | Anggaran |
    Persentase) it is the same summary, not a kegiatan list."""
    name = "infografis_apbdes_sumber_makmur_2024.xlsx"
    plain = check_file(DATA / name)
    wb = openpyxl.load_workbook(DATA / name)
    wb.active.cell(3, 1).value, wb.active.cell(3, 2).value, wb.active.cell(3, 3).value = \
        "Uraian", "Anggaran", "Persentase"
    wb.save(tmp_path / name)
    headed = check_file(tmp_path / name)
    for checked in (plain, headed):
        assert not checked.valid and checked.rows == []
        assert checked.record_type == "apbdes"
        [refusal] = [f for f in checked.findings if f.level == "error"]
        assert (refusal.code, refusal.row) == ("apbdes-summary-no-codes", 4)
        assert "Penjabaran APBDes" in refusal.message() and "Siskeudes" in refusal.message("en")


def test_a_table_with_codes_is_no_summary() -> None:
    """The same sections with kode rekening are read as line items (the website table)."""
    assert check_file(DATA / PER_BIDANG).valid


def test_opensid_bidang_line_takes_its_name_from_the_kegiatan_cell() -> None:
    """'00.0000.01 BIDANG …' in Kd_Keg with Kd_Rincian '5.0.0': the line's uraian is the bidang's
    name, not the chart's 'BELANJA'; each source of the uraian is said as what it is."""
    checked = check_file(DATA / "keuangan_manual_rinci_basawang_2024.tsv")
    assert errors(checked) == [] and checked.valid
    assert checked.villages == ["62.02.11.2002"] and checked.years == [2024]
    assert [(r["kode_rekening"], r["kode_kegiatan"], r["uraian"]) for r in checked.rows] == [
        ("4.1.1", "", "Hasil Usaha Desa"), ("4.2.1", "", "Dana Desa"),
        ("5", "1", "BIDANG PENYELENGGARAN PEMERINTAHAN DESA"),
        ("5", "2", "BIDANG PELAKSANAAN PEMBANGUNAN DESA"), ("6.1.1", "", "SILPA Tahun Sebelumnya")]
    assert total(checked, "5") == 818_000_000 and total(checked, "5", "realisasi") == 790_000_000
    said = {f.row: f.message() for f in checked.findings
            if f.code == "value-derived" and f.field == "uraian"}
    assert "sel kode rekening" in said[2] and "sel kode kegiatan" in said[5]
    assert not any("nama rekening dari kode" in text for text in said.values())


def test_plain_table_coded_per_bidang_keeps_the_bidang(tmp_path: Path) -> None:
    """No headings, no akun row: '5.2.1 | Pendidikan' is still sub-bidang 2.1 on akun 5."""
    path = tmp_path / "apbdes_satiruk_2023.csv"
    path.write_text("kode_rekening,uraian,anggaran\n4.2.1,Dana Desa,800000000\n"
                    "5.2.1,Pendidikan,300000000\n5.2.3,Pekerjaan Umum dan Penataan Ruang,100000000\n"
                    "6.1.1,SILPA Tahun Sebelumnya,5000000\n")
    checked = check_file(path)
    assert errors(checked) == []
    assert [(r["kode_rekening"], r["kode_kegiatan"]) for r in checked.rows] == [
        ("4.2.1", ""), ("5", "2.1"), ("5", "2.3"), ("6.1.1", "")]


def test_code_whose_uraian_names_something_else_is_warned(tmp_path: Path) -> None:
    """5.2.2 'Pembangunan Posyandu' shares no word with the chart's 'Belanja Jasa Honorarium':
    published under the code, with a warning naming both; a matching name and an objek line's
    own rincian are not warned."""
    path = tmp_path / "apbdes_satiruk_2023.csv"
    path.write_text("kode_rekening,uraian,anggaran\n4.2.1,Dana Desa,800000000\n"
                    "5.2.2,Pembangunan Posyandu,300000000\n5.2.3,Perjalanan Dinas,10000000\n"
                    "5.2.1.01,Pembelian kertas dan tinta,5000000\n")
    checked = check_file(path)
    assert errors(checked) == [] and len(checked.rows) == 4
    [warned] = [f for f in checked.findings if f.code == "account-name-mismatch"]
    assert (warned.level, warned.row, warned.params["chart"]) == \
        ("warning", 3, "Belanja Jasa Honorarium")
    assert "Pembangunan Posyandu" in warned.message() and "bidang" in warned.message("en")
