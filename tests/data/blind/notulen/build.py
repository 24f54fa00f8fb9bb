"""Builds the stacked-notulen fixtures of tests/unit/test_blind_notulen.py (SOURCES.md).
All names and numbers are invented. Run: python build.py"""

from datetime import date
from pathlib import Path

import openpyxl

OUT = Path(__file__).parent
HARI = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']
BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September',
         'Oktober', 'November', 'Desember']
MEETINGS = [  # date, agenda, men, women, invited
    (date(2024, 1, 23), 'Musyawarah Desa Penetapan APBDes Tahun Anggaran 2024', 17, 8, 30),
    (date(2024, 3, 14), 'Musyawarah Desa Khusus Penetapan KPM BLT-DD Tahun 2024', 15, 11, 28),
    (date(2024, 8, 6), 'Musyawarah Desa Penyusunan RKP Desa Tahun 2025', 22, 13, 40),
]


def _said(day: date) -> str:
    return f'{HARI[day.weekday()]}, {day.day} {BULAN[day.month - 1]} {day.year}'


def _form(ws, day, agenda, men, women, invited) -> None:
    for label, value in [('Hari / Tanggal', _said(day)), ('Waktu', '09.00 WIB s.d. selesai'),
                         ('Tempat', 'Balai Desa'), ('Acara', agenda), ('Pimpinan Rapat', 'Yohanes Dinata (Ketua BPD)'),
                         ('Notulis', 'Rina (Anggota BPD)'), ('Jumlah Undangan', f'{invited} orang'),
                         ('Peserta Hadir', f'{men + women} orang (Laki-laki {men}, Perempuan {women})'),
                         ('Kesimpulan / Keputusan', 'Disepakati bersama')]:
        ws.append([label, ':', value])


def stacked(name: str) -> None:
    """Every notulen of the year in one sheet, one under another, each with its own heading."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Notulen 2024'
    ws.append(['KUMPULAN NOTULEN MUSYAWARAH DESA'])
    ws.append(['DESA BAJARAU KECAMATAN PARENGGEAN'])
    ws.append(['TAHUN 2024'])
    ws.append([])
    for k, meeting in enumerate(MEETINGS, 1):
        ws.append([f'NOTULEN {k}', f'Nomor: {k:02d}/NOT/BPD/2024'])
        _form(ws, *meeting)
        ws.append([])
    ws.append([None, None, 'Bajarau, 30 Desember 2024'])
    ws.append([None, None, 'Ketua BPD'])
    ws.append([])
    ws.append([None, None, 'YOHANES DINATA'])
    wb.save(OUT / name)


def beside(name: str) -> None:
    """Two notulen side by side: columns A-C and E-G, the same labels on the same lines."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Notulen'
    ws.append(['NOTULEN MUSYAWARAH DESA BAJARAU KECAMATAN PARENGGEAN TAHUN 2024'])
    ws.append([])
    left, right = openpyxl.Workbook().active, openpyxl.Workbook().active
    _form(left, *MEETINGS[0])
    _form(right, *MEETINGS[1])
    for a, b in zip(left.iter_rows(values_only=True), right.iter_rows(values_only=True)):
        ws.append([*a, None, *b])
    wb.save(OUT / name)


def twice(name: str) -> None:
    """One notulen that writes 'Hari / Tanggal' twice with two different dates: a true
    duplicate within one form, not two forms."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Notulen'
    ws.append(['NOTULEN MUSYAWARAH DESA'])
    ws.append(['DESA BAJARAU KECAMATAN PARENGGEAN TAHUN 2024'])
    ws.append([])
    _form(ws, *MEETINGS[0])
    ws.append(['Hari / Tanggal', ':', _said(MEETINGS[1][0])])
    ws.append(['Tempat', ':', 'Kantor Desa'])
    wb.save(OUT / name)


if __name__ == '__main__':
    stacked('notulen_bertumpuk_bajarau_2024.xlsx')
    twice('notulen_tanggal_dua_kali_bajarau_2024.xlsx')
    beside('notulen_berdampingan_bajarau_2024.xlsx')
