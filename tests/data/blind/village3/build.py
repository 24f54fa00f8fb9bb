"""Writes the fixture of tests/unit/test_blind_village3.py (see SOURCES.md)."""

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def rekap() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Rekap"
    sheet.append(["REKAP PELAKSANAAN MUSYAWARAH DESA TUMBANG MUJAM TAHUN 2024"])
    sheet.append(["Kecamatan Tualan Hulu"])
    sheet.append([])
    sheet.append(["No.", "Jenis\nMusyawarah", "Tanggal\nPelaksanaan", "Tempat", "Jumlah\nUndangan",
                  "Hadir\nLaki-laki", "Hadir\nPerempuan", "Jumlah\nHadir\n(L+P)"])
    meetings = [("Musdus Dusun I", datetime(2024, 6, 4), "Rumah Kadus I", "25", 13, 8),
                ("Musdes Penyusunan RKP Desa 2025", datetime(2024, 7, 2), "Balai Desa", "40", 21, 12),
                ("Musrenbangdes", datetime(2024, 8, 20), "Balai Desa", "45", 24, 14)]
    for n, (kind, day, place, invited, men, women) in enumerate(meetings, 1):
        sheet.append([str(n), kind, day, place, invited, men, women, men + women])
    sheet.append([None, "JUMLAH", None, None, None, 58, 34, 92])
    book.save(HERE / "Rekap_Musyawarah_TumbangMujam_2024.xlsx")


if __name__ == "__main__":
    rekap()
