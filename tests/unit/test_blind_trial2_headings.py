"""Second blind trial of stop 29: headings of the Buku Inventaris Hasil Pembangunan (Permendagri
47/2016; OpenSID's book of that name) and a bilingual monitoring sheet name the kegiatan and its
lokasi. Invented rows; a real Kotim desa."""

from __future__ import annotations

from pathlib import Path

from desa_terbuka.validate.check import check_file


def test_inventory_book_and_english_location_headings(tmp_path: Path) -> None:
    path = tmp_path / "inventaris_hasil_pembangunan_62.02.01.2012_2024.csv"
    path.write_text(
        "Kode Kegiatan;Jenis/Nama Hasil Pembangunan;Volume;Biaya;Location (RT/RW)\n"
        "2.3.10;Pengerasan Jalan Desa;650 m;245.000.000;RT 02 / RW 01\n"
        "2.2.09;Pembangunan Sumur Bor;1 unit;52.550.000;RT 04 / RW 02\n", encoding="utf-8")
    checked = check_file(path, "kegiatan")
    assert [f.code for f in checked.findings if f.level == "error"] == []
    assert checked.villages == ["62.02.01.2012"] and checked.years == [2024]
    assert [r["nama_kegiatan"] for r in checked.rows] == ["Pengerasan Jalan Desa", "Pembangunan Sumur Bor"]
    assert [r["lokasi"] for r in checked.rows] == ["RT 02 / RW 01", "RT 04 / RW 02"]
    assert sum(float(r["anggaran"]) for r in checked.rows) == 297_550_000
