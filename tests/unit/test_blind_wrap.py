"""A long name wrapped onto the next row (a PDF copied to Excel) continues the line above: joined
to its name and said once (``normalise/wrapped_names.py``), never read as a line lacking its
amount, never dropped as a template line. Section headings, totals, notes and signatures under
the table stay what they are. Fixtures: ``tests/data/blind/wrap/SOURCES.md``."""

from __future__ import annotations

from pathlib import Path

from desa_terbuka.validate import check

DATA = Path(__file__).parents[1] / "data" / "blind" / "wrap"


def _read(name: str):
    parts = check.check_parts(DATA / name)
    assert len(parts) == 1
    return parts[0]


def _codes(part) -> list[str]:
    return [f.code for f in part.findings]


def test_wrapped_kegiatan_names_join_the_line_above() -> None:
    part = _read("RKP Desa Palangan 2025 (dari PDF).xlsx")
    assert part.valid and part.record_type == "kegiatan"
    assert part.villages == ["62.02.01.2003"] and part.years == [2025]
    assert [r["nama_kegiatan"] for r in part.rows] == [
        "Penyediaan Sarana Prasarana Kantor Desa",
        "Peningkatan Jalan Usaha Tani Rabat Beton Ruas Sungai Kecil - Kebun Warga",
        "Penyelenggaraan Posyandu (Makanan Tambahan, Kelas Ibu Hamil, Insentif Kader)",
        "Bantuan Bibit dan Pakan Ikan untuk Kolam Kelompok"]
    assert sum(int(r["anggaran"]) for r in part.rows) == 237_750_000
    said = [f for f in part.findings if f.code == "name-continued"]
    assert len(said) == 1 and said[0].level == "info"
    assert "7, 10, 14" in said[0].message()  # the continuation rows, once per file
    assert "joined" in said[0].message("en")
    assert "required-value" not in _codes(part)
    # the bidang headings, the note and the signature are not swallowed as continuations
    skipped = " ".join(f.message() for f in part.findings if f.code == "lines-skipped")
    assert "Baris 4, 8, 15" in skipped and "Baris 17 " in skipped and "Baris 18–19" in skipped


def test_wrapped_uraian_is_published_whole() -> None:
    part = _read("LRA APBDes Palangan 2023 (dari PDF).xlsx")
    assert part.valid and part.record_type == "apbdes"
    assert part.villages == ["62.02.01.2003"] and part.years == [2023]
    names = {r["kode_rekening"]: r["uraian"] for r in part.rows}
    assert names == {
        "4.2.1.01": "Dana Desa",
        "4.3.3.01": "Penerimaan dari Bantuan Perusahaan yang berlokasi di Desa",
        "5.2.1.05": "Belanja Perlengkapan Cetak/Penggandaan - Belanja Barang Cetak dan Penggandaan",
        "5.2.1.06": "Belanja Perlengkapan Barang Konsumsi (Makan/minum) - Belanja Barang Konsumsi",
        "5.2.7.01": "Belanja Bahan Perlengkapan yang Diserahkan ke masyarakat"}
    assert sum(int(r["anggaran"]) for r in part.rows if r["kode_rekening"][0] == "5") == 640_000_000
    assert _codes(part).count("name-continued") == 1
    assert not any("tanpa angka" in f.message() for f in part.findings)  # no "template line" drop


def test_a_canonical_csv_with_a_continuation_row_is_read_the_tolerant_way(monkeypatch) -> None:
    path = DATA / "kegiatan_palangan_2025.csv"
    monkeypatch.setattr(check, "FAST_PATH", True)
    part = check.check_parts(path)[0]
    assert check._fast_path(path, None, part.submission, False) is None
    assert part.valid and len(part.rows) == 2
    assert part.rows[0]["nama_kegiatan"] == \
        "Peningkatan Jalan Usaha Tani Rabat Beton Ruas Sungai Kecil - Kebun Warga"
    assert "name-continued" in _codes(part)


def _joined(rows: list[list], record_type: str) -> tuple[list[str], list[int]]:
    """The names left after joining, and the rows joined (a table: Kode | Uraian | Anggaran)."""
    from types import SimpleNamespace

    from desa_terbuka.core.definitions import definitions
    from desa_terbuka.normalise.wrapped_names import join_wrapped_names

    definition = definitions()[record_type]
    name, code = ("uraian", "kode_rekening") if record_type == "apbdes" else ("nama_kegiatan", "kode_kegiatan")
    table = SimpleNamespace(rows=[["Kode", "Uraian", "Anggaran"], *rows], row_numbers=list(range(1, len(rows) + 2)))
    header = SimpleNamespace(columns={0: code, 1: name, 2: "anggaran"}, row_index=0)
    wrapped = join_wrapped_names(table, header, definition, {0, 1, 2})
    return [r[1] for r in table.rows[1:]], wrapped.rows


def test_headings_totals_and_notes_under_a_line_are_not_continuations() -> None:
    names, joined = _joined([
        ["4.1.1.01", "Hasil Usaha Desa", "1000"],
        [None, "BELANJA", None],  # an upper-case heading under a mixed-case name
        ["5.1.1.01", "Penghasilan Tetap Kepala Desa", "2000"],
        [None, "Belanja Pegawai", None],  # a name of the chart: a heading
        ["5.1.1.02", "Tunjangan Kepala Desa", "3000"],
        [None, "Jumlah Belanja", None],  # a total word
        ["5.2.1.01", "Belanja Alat Tulis", "4000"],
        [None, "B. Pembiayaan", None],  # a numbered heading
        ["6.1.1.01", "SILPA Tahun Sebelumnya", "5000"],
        [None, "Catatan: angka sementara", None],
    ], "apbdes")
    assert joined == []
    assert names[1] == "BELANJA" and names[3] == "Belanja Pegawai" and names[-1].startswith("Catatan")


def test_a_name_only_row_under_a_name_only_row_is_not_joined() -> None:
    names, joined = _joined([
        ["1.2.01", "Penyediaan Sarana Kantor", "1000"],
        [None, "Sub Bidang Pendidikan Desa", None],  # a declared level word: a heading
        [None, "Penyuluhan Gizi", None],  # under a heading, not under a data line: its own row
        ["2.2.02", "Penyelenggaraan Posyandu (PMT,", "2000"],
        [None, "Kelas Ibu Hamil)", None],
        [None, "dan Insentif Kader", None],  # a name wrapped over three rows
    ], "kegiatan")
    assert joined == [6, 7]
    assert names == ["Penyediaan Sarana Kantor", "Sub Bidang Pendidikan Desa", "Penyuluhan Gizi",
                     "Penyelenggaraan Posyandu (PMT, Kelas Ibu Hamil) dan Insentif Kader"]


def test_a_code_written_in_the_name_cell_starts_a_line_of_its_own() -> None:
    names, joined = _joined([
        ["1", "BIDANG PENYELENGGARAAN PEMERINTAHAN DESA", None],
        [None, "1.1.01 Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa", None],
        ["5.1.1.01", "Penghasilan Tetap Kepala Desa", "1000"],
        [None, "[5.1.1.02] Tunjangan Kepala Desa", None],
        ["5.1.1.03", "Tunjangan Kinerja", "1000"],
        [None, "Kegiatan 02.03.10 - Peningkatan Jalan Desa", None],
    ], "apbdes")
    assert joined == [] and len(names) == 6
