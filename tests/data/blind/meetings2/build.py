"""Builds the fixtures of tests/unit/test_blind_meetings2.py (see SOURCES.md). Names and numbers
are invented; the village codes are those of reference/."""
import datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent


def daftar_hadir() -> None:
    """One meeting: key : value block above a daftar hadir per dusun / unsur."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar Hadir"
    rows = [
        ["REKAPITULASI DAFTAR HADIR"],
        ["MUSYAWARAH DESA PENYUSUNAN RENCANA KERJA PEMERINTAH DESA (RKP DESA) TAHUN 2025"],
        ["DESA PATAI KECAMATAN CEMPAGA KABUPATEN KOTAWARINGIN TIMUR"],
        [],
        ["Hari / Tanggal", ": Rabu, 18 September 2024"],
        ["Tempat", ": Aula Kantor Desa"],
        [],
        ["No", "Asal Peserta (Dusun / Unsur)", "Jumlah Undangan", "Hadir", None, None],
        [None, None, None, "L", "P", "Jumlah"],
        [1, "Dusun I", 10, 5, 3, 8],
        [2, "Dusun II", 9, 4, 4, 8],
        [3, "Pemerintah Desa", 8, 6, 1, 7],
        [4, "BPD", 5, 3, 2, 5],
        ["JUMLAH", None, 32, 18, 10, 28],
        [],
        [None, None, None, None, "Patai, 18 September 2024"],
        [None, None, None, None, "Ketua BPD,"],
        [None, None, None, None, "RAHMAN"],
    ]
    for row in rows:
        ws.append(row)
    for cells in ("A1:F1", "A2:F2", "A3:F3", "A8:A9", "B8:B9", "C8:C9", "D8:F8"):
        ws.merge_cells(cells)
    wb.save(HERE / "DAFTAR HADIR MUSDES RKPDES 2025 PATAI.xlsx")


def per_unsur() -> None:
    """One row per meeting, one column per unsur under a merged heading, a Jumlah column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Musdes 2024"
    ws.append(["REKAPITULASI KEHADIRAN MUSYAWARAH DESA MENURUT UNSUR MASYARAKAT"])
    ws.append(["DESA SAMUDA KECIL - KECAMATAN MENTAYA HILIR SELATAN - TAHUN 2024"])
    ws.append([])
    ws.append(["No", "Jenis Musyawarah", "Hari, Tanggal", "Unsur yang Hadir (orang)", None, None, None,
               None, "Jumlah"])
    ws.append([None, None, None, "Pemerintah Desa", "BPD", "Tokoh Agama", "Kelompok Perempuan",
               "Lainnya", None])
    ws.append([1, "Musdes Penetapan APBDes Perubahan", "Senin, 05-08-2024", 6, 5, 3, 4, 2, 20])
    ws.append([2, "Penyusunan RKP Desa (2025)", "Selasa, 17-09-2024", 7, 6, 2, 5, 3, 23])
    ws.append([3, "Musdes Khusus BLT-DD", "Kamis, 10-10-2024", 5, 5, 2, 3, 1, 17])  # parts add to 16
    ws.append([None, "JUMLAH", None, 18, 16, 7, 12, 6, 60])
    ws.merge_cells("D4:H4")
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    ws.merge_cells("C4:C5")
    ws.merge_cells("I4:I5")
    wb.save(HERE / "rekap_kehadiran_per_unsur_samuda_kecil_2024.xlsx")


def rekap_and_forms() -> None:
    """A REKAP sheet and one berita acara sheet per meeting it lists."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "REKAP"
    ws.append(["REKAP BERITA ACARA MUSYAWARAH DESA JAYA KELAPA TAHUN 2024"])
    ws.append([])
    ws.append(["No", "Jenis Musyawarah", "Tanggal", "Tempat", "Undangan", "Hadir L", "Hadir P",
               "Jumlah Hadir", "Lihat sheet"])
    ws.append([1, "Rapat Internal BPD", datetime.datetime(2024, 3, 4), "Kantor BPD", 9, 6, 3, 9, "BA-01"])
    ws.append([2, "Musyawarah Desa Penyusunan RKP Desa TA 2025", datetime.datetime(2024, 7, 11),
               "Balai Desa", 40, 21, 12, 33, "BA-02"])
    for n, (title, day, hadir, men, women) in enumerate(
            [("RAPAT INTERNAL BPD", "4 bulan Maret", 9, 6, 3),
             ("MUSYAWARAH DESA PENYUSUNAN RKP DESA", "11 bulan Juli", 33, 21, 12)], start=1):
        sheet = wb.create_sheet(f"BA-0{n}")
        for row in [["BERITA ACARA"], [title], [f"Nomor : 0{n}/BA/BPD/2024"], [],
                    [f"Pada hari ini tanggal {day} tahun 2024 telah diselenggarakan {title.lower()}."], [],
                    ["Jumlah undangan", ":", 40 if n == 2 else 9, "orang"],
                    ["Jumlah hadir", ":", hadir, "orang"],
                    ["   - Laki-laki", ":", men, "orang"],
                    ["   - Perempuan", ":", women, "orang"],
                    ["Pimpinan Musyawarah", ":", "Ketua BPD"],
                    ["Hasil kesepakatan", ":", "Disepakati"]]:
            sheet.append(row)
    wb.save(HERE / "BA_MUSYAWARAH_JAYA_KELAPA_2024.xlsx")


if __name__ == "__main__":
    daftar_hadir()
    per_unsur()
    rekap_and_forms()
