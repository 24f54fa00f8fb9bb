"""Builds the fixtures of tests/unit/test_blind_context.py (see SOURCES.md). Run from the repo root:
``python tests/data/blind/context/build.py``. All names and numbers are invented."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent

# kode rekening, uraian, kode kegiatan, sumber dana, anggaran, realisasi
LINES = [
    ("4.1.2.01", "Hasil Aset Desa", "", "PAD", "12500000", "6100000"),
    ("4.2.1.01", "Dana Desa", "", "DDS", "820000000", "492000000"),
    ("4.2.3.01", "Alokasi Dana Desa", "", "ADD", "410000000", "205000000"),
    ("5.1.1.01", "Penghasilan Tetap Kepala Desa dan Perangkat", "1.1.01", "ADD", "360000000", "180000000"),
    ("5.2.2.01", "Belanja Jasa Honorarium TPK", "2.2.01", "DDS", "7500000", "3750000"),
    ("5.3.1.01", "Belanja Modal Jalan Desa", "2.3.01", "DDS", "640000000", "210000000"),
]


def _csv(name: str, title: list[str], head: list[str], rows: list[list[str]], delimiter=",") -> None:
    with open(HERE / name, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter=delimiter)
        for line in title:
            writer.writerow([line])
        writer.writerow([])
        writer.writerow(head)
        writer.writerows(rows)


def realisation() -> None:
    """OpenSID 'Laporan Realisasi Pelaksanaan APBDes' print: the stage's period in its own row."""
    _csv("Laporan Realisasi APBDes 2025 Batuah.csv",
         ["LAPORAN REALISASI PELAKSANAAN", "ANGGARAN PENDAPATAN DAN BELANJA DESA",
          "PEMERINTAH DESA BATUAH", "SEMESTER 1", "TAHUN ANGGARAN 2025"],
         ["Kode Rekening", "Uraian", "Kode Kegiatan", "Sumber Dana", "Anggaran", "Realisasi"],
         [list(line) for line in LINES])


def perkades() -> None:
    """Permendagri 20/2018 Penjabaran APBDes, a Lampiran of the Perkades 'NOMOR : 02 TAHUN 2023'."""
    _csv("Penjabaran APBDes TA 2024 Kapuk.csv",
         ["LAMPIRAN :", "PERATURAN KEPALA DESA KAPUK", "NOMOR     : 02  TAHUN   2023", "TENTANG",
          "PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA TA.2024",
          "PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA PEMERINTAH DESA KAPUK",
          "TAHUN ANGGARAN 2024"],
         ["Kode Rekening", "Uraian", "Kode Kegiatan", "Sumber Dana", "Anggaran"],
         [list(line[:5]) for line in LINES])


def control_block() -> None:
    """Village Google Sheet of the Perubahan APBDes: per-sumber control cells beside the title."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PENJABARAN APBDES-P"
    sheet.append(["LAMPIRAN PERATURAN DESA HANJALIPAN", None, None, None, None, None, None,
                  "Rp -12.500.000", "Rp 4.000.000", "Rp -", "KONTROL"])
    sheet.append(["NOMOR : 4 TAHUN 2025", None, None, None, None, None, None,
                  "Rp 820.000.000", "Rp 410.000.000", "Rp 12.500.000"])
    sheet.append(["TENTANG PERUBAHAN PENJABARAN ANGGARAN PENDAPATAN", None, None, None, None, None,
                  None, "DD", "ADD", "PAD"])
    sheet.append(["DAN BELANJA DESA TAHUN ANGGARAN 2025"])
    sheet.append([])
    sheet.append(["PERUBAHAN ANGGARAN PENDAPATAN DAN BELANJA DESA"])
    sheet.append(["PEMERINTAH DESA HANJALIPAN KECAMATAN KOTA BESI"])
    sheet.append(["TAHUN ANGGARAN 2025"])
    sheet.append([])
    sheet.append(["KODE REKENING", "URAIAN", "KODE KEGIATAN", "SUMBER DANA", "ANGGARAN (Rp)"])
    for code, uraian, kegiatan, sumber, anggaran, _ in LINES:
        sheet.append([code, uraian, kegiatan or None, sumber, int(anggaran)])
    book.save(HERE / "APBDes-P 2025 Hanjalipan (Google Sheet).xlsx")


def meeting() -> None:
    """Berita acara of a Musdes held in September for next year's RKP Desa (key : value rows)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "BA Musdes"
    for row in (["BERITA ACARA"], ["MUSYAWARAH DESA PENYUSUNAN RKP DESA TAHUN 2025"],
                ["DESA SEBUNGSU KECAMATAN TUALAN HULU"], [],
                ["Pada hari ini Rabu tanggal sebelas bulan September tahun dua ribu dua puluh empat, "
                 "telah diselenggarakan Musyawarah Desa Penyusunan RKP Desa Tahun 2025."], [],
                ["Hari/Tanggal", ":", "Rabu, 11 September 2024"],
                ["Tempat", ":", "Balai Desa Sebungsu"],
                ["Jenis Musyawarah", ":", "Musdes Penyusunan RKPDes"],
                ["Pimpinan Musyawarah", ":", "Ketua BPD"],
                ["Jumlah Undangan", ":", "40 orang"],
                ["Hadir Laki-laki", ":", "22 orang"],
                ["Hadir Perempuan", ":", "12 orang"],
                ["Jumlah Hadir", ":", "34 orang"],
                ["Agenda", ":", "Penetapan prioritas kegiatan RKP Desa 2025"],
                ["Keputusan", ":", "Disepakati 6 kegiatan prioritas"]):
        sheet.append(row)
    book.save(HERE / "Berita Acara Musdes RKPDes 2025 Sebungsu.xlsx")


if __name__ == "__main__":
    realisation()
    perkades()
    control_block()
    meeting()
