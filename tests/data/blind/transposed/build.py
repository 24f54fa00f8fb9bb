"""Builds the sideways (transposed) fixtures of tests/unit/test_blind_transposed.py (SOURCES.md).
All names and numbers are invented. Run: python build.py"""

from datetime import date
from pathlib import Path

import openpyxl

OUT = Path(__file__).parent
MEETINGS = [(date(2024, 2, 6), 'Musdes Penetapan APBDes 2024'), (date(2024, 4, 18), 'Musdes Khusus BLT-DD'),
            (date(2024, 7, 30), 'Musrenbangdes RKPDes 2025')]
UNSUR = {'Pemerintah Desa': [6, 5, 7], 'BPD': [5, 4, 5], 'LPM': [2, 3, 2], 'TP-PKK': [3, 4, 4],
         'Tokoh Agama / Adat': [4, 2, 5], 'Perwakilan Perempuan': [3, 3, 2]}


def sideways(name: str, totals: list[int]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Rekap Hadir'
    ws.append(['REKAPITULASI DAFTAR HADIR MUSYAWARAH DESA TAHUN 2024'])
    ws.append(['Kecamatan Mentawa Baru Ketapang'])
    ws.append([])
    ws.append(['Uraian'] + [m[1] for m in MEETINGS])
    ws.append(['Tanggal'] + [m[0] for m in MEETINGS])
    ws.append(['Tempat', 'Balai Desa', 'Aula Kantor Desa', 'Balai Desa'])
    ws.append(['Unsur yang hadir:'])
    for unsur, counts in UNSUR.items():
        ws.append([unsur] + counts)
    ws.append(['JUMLAH HADIR'] + totals)
    for col in range(2, 5):
        ws.cell(5, col).number_format = 'DD/MM/YYYY'
    wb.save(OUT / name)


def notulen(name: str) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Notulen'
    for row in [['NOTULEN MUSYAWARAH DESA KHUSUS'], ['DESA BAPEANG KECAMATAN MENTAWA BARU KETAPANG'], [],
                ['Hari / Tanggal', ':', 'Kamis, 18 April 2024'], ['Waktu', ':', '09.00 WIB s.d. selesai'],
                ['Tempat', ':', 'Aula Kantor Desa'], ['Jenis Musyawarah', ':', 'Musdes Khusus BLT-DD'],
                ['Pimpinan Rapat', ':', 'Ketua BPD'], ['Notulis', ':', 'Sekretaris Desa'],
                ['Jumlah Hadir', ':', '21 orang'], ['Jumlah yang tidak hadir', ':', '3 orang'],
                ['Agenda', ':', 'Penetapan KPM BLT-DD TA 2024']]:
        ws.append(row)
    wb.save(OUT / name)


sums = [sum(v[i] for v in UNSUR.values()) for i in range(len(MEETINGS))]
sideways('rekap_hadir_menyamping_bapeang_2024.xlsx', sums)
sideways('rekap_hadir_menyamping_jumlah_salah_bapeang_2024.xlsx', [sums[0], sums[1] + 3, sums[2]])
notulen('notulen_musdes_khusus_bapeang_2024.xlsx')
print(sums)
