"""Two lines naming the same item with different figures block the file (``conflicting-lines``,
``validate/same_item.py``, declared as ``same_item`` in datasets/*.yaml); lines told apart by any
key field, and belanja lines without their kegiatan code, do not. The batch screen sends such a
file the per-file way, so both paths say the same."""

from __future__ import annotations

from pathlib import Path

from desa_terbuka.collect.inbox import discover
from desa_terbuka.validate.check import check_parts
from desa_terbuka.validate.relation import connection
from desa_terbuka.validate.set_check import screen

APBDES = "Kode Rekening,Uraian,Kode Kegiatan,Anggaran\n"
MUSDES = "No,Tanggal,Jenis Musyawarah,Tempat,Undangan,Laki-laki,Perempuan,Jumlah Hadir\n"


def _findings(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [part] = check_parts(path)
    return part, [f for f in part.findings if f.code == "conflicting-lines"]


def test_an_allocation_listed_twice_with_two_amounts_blocks(tmp_path):
    part, [found] = _findings(tmp_path, "APBDes Simpur 2025.csv", APBDES + (
        "4.2.1.01,Dana Desa,,1012450000\n4.2.1.01,dana  desa,,1078920000\n"
        "4.2.2.01,Alokasi Dana Desa,,500000000\n5.1.1.01,Penghasilan Tetap Kepala Desa,1.1.01,60000000\n"))
    assert not part.valid
    assert (found.row, found.field, found.value, found.params["other"], found.params["reason"]) == (
        3, "anggaran", "1078920000", "1012450000", 2)
    assert "4.2.1.01" in found.message("id") and "Hapus baris yang salah" in found.message("id")


def test_lines_told_apart_and_repeated_rincian_of_other_accounts_pass(tmp_path):
    """Only a transfer received once a year is one item per description: other accounts repeat
    a description with another amount, as Siskeudes' rincian do ("Honorarium TPK" per person)."""
    part, found = _findings(tmp_path, "APBDes Simpur 2025.csv", APBDES + (
        "4.2.1.01,Dana Desa,,1012450000\n4.1.4.99,Pendapatan lain: sewa tenda,,2000000\n"
        "4.1.4.99,Pendapatan lain: sewa kursi,,3000000\n"
        "5.2.2.01,Belanja Bahan Material,2.3.10,10000000\n5.2.2.01,Belanja Bahan Material,2.3.11,25000000\n"
        "5.1.3.01,Belanja ATK,,1500000\n5.1.3.01,Belanja ATK,,2500000\n"  # a flat belanja list
        "5.2.1.02,Honorarium TPK,2.2.01,1500000\n5.2.1.02,Honorarium TPK,2.2.01,1200000\n"))
    assert found == [] and part.valid, [f.code for f in part.findings if f.level == "error"]


def test_one_meeting_with_two_attendances_blocks_and_two_musdus_pass(tmp_path):
    part, [found] = _findings(tmp_path, "Rekap Musdes Simpur 2024.csv", MUSDES + (
        "1,17/07/2024,Musdes RKP Desa,Balai Desa,35,20,11,31\n"
        "2,17/07/2024,Musdes RKP Desa,Balai Desa,35,26,13,39\n"
        "3,20/08/2024,Musdus,Dusun I,20,10,5,15\n4,20/08/2024,Musdus,Dusun II,20,9,6,15\n"))
    assert not part.valid
    assert (found.row, found.field, found.value, found.params["other"]) == (3, "jumlah_hadir", "39", "31")
    assert "2024-07-17" in found.params["label"]


def test_identical_lines_are_a_duplicate_row_only(tmp_path):
    part, found = _findings(tmp_path, "APBDes Simpur 2025.csv", APBDES + (
        "4.2.1.01,Dana Desa,,1012450000\n4.2.1.01,Dana Desa,,1012450000\n"))
    assert found == [] and "duplicate-row" in {f.code for f in part.findings}


def test_the_batch_screen_sends_such_a_file_the_per_file_way(tmp_path):
    inbox = tmp_path / "inbox" / "62.02.01.2005-simpur"
    inbox.mkdir(parents=True)
    names = "kode_desa,tahun_anggaran,baris,tahap,kode_rekening,uraian,kode_kegiatan,sumber_dana,anggaran,realisasi,keterangan\n"
    line = "62.02.01.2005,2025,,anggaran,{code},{name},,{source},{amount},,\n"
    clean = names + "".join(line.format(code=c, name=n, source=s, amount=a) for c, n, s, a in [
        ("4.2.1.01", "Dana Desa", "DDS", 1012450000), ("4.2.2.01", "Alokasi Dana Desa", "ADD", 500000000)])
    (inbox / "apbdes_2025.csv").write_text(clean, encoding="utf-8")
    twice = clean + line.format(code="4.2.1.01", name="Dana Desa", source="DDS", amount=1078920000)
    (inbox / "apbdes_2024.csv").write_text(twice.replace(",2025,", ",2024,"), encoding="utf-8")
    screened = screen(connection(), discover(tmp_path / "inbox"))
    try:
        cleared = {c.submission.path.name for b in screened.batches for c in b.clean}
        assert "apbdes_2024.csv" in {s.path.name for s in screened.rest}
        assert "apbdes_2024.csv" not in cleared
    finally:
        for b in screened.batches:
            connection().execute(f"DROP TABLE IF EXISTS {b.table}")


def test_an_allocation_on_two_lines_is_published_with_a_warning(tmp_path):
    """Dana Desa in two parts (or written twice under two descriptions): only the village can tell."""
    part, found = _findings(tmp_path, "APBDes Simpur 2025.csv", APBDES + (
        "4.2.1.01,Dana Desa (earmark),,300000000\n4.2.1.01,Dana Desa (non earmark),,712450000\n"
        "4.2.3.01,Alokasi Dana Desa,,500000000\n"))
    assert part.valid and found == []
    [said] = [f for f in part.findings if f.code == "allocation-repeated"]
    assert (said.level, said.row, said.value, said.params["reason"]) == ("warning", 3, "4.2.1.01", "2, 3")
    assert "earmark" in said.message("id") and "once a year" in said.message("en")


def test_the_batch_screen_sends_a_repeated_allocation_the_per_file_way(tmp_path):
    inbox = tmp_path / "inbox" / "62.02.01.2005-simpur"
    inbox.mkdir(parents=True)
    names = "kode_desa,tahun_anggaran,baris,tahap,kode_rekening,uraian,kode_kegiatan,sumber_dana,anggaran,realisasi,keterangan\n"
    line = "62.02.01.2005,2025,,anggaran,4.2.1.01,{name},,DDS,{amount},,\n"
    (inbox / "apbdes_2025.csv").write_text(names + line.format(name="Dana Desa earmark", amount=300000000)
                                           + line.format(name="Dana Desa lainnya", amount=700000000),
                                           encoding="utf-8")
    screened = screen(connection(), discover(tmp_path / "inbox"))
    try:
        assert [s.path.name for s in screened.rest] == ["apbdes_2025.csv"]
    finally:
        for b in screened.batches:
            connection().execute(f"DROP TABLE IF EXISTS {b.table}")
