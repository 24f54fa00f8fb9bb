"""Builds the fixtures of tests/unit/test_blind_dates.py (run: python tests/data/blind/dates/build.py).

Shapes from the s31 (trial 3) blind musyawarah files; names, people and numbers are invented."""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
HEAD = ("Timestamp,Nama Desa,Kecamatan,Jenis musyawarah,Tanggal pelaksanaan musyawarah,"
        "Tempat pelaksanaan,Laki-laki,Perempuan,Jumlah hadir,Hasil musyawarah")


def _csv(name: str, lines: list[str], encoding: str = "utf-8", newline: str = "\n") -> None:
    (HERE / name).write_bytes((newline.join(lines) + newline).encode(encoding))


# Google Forms "Form Responses 1" download, US locale: M/D/YYYY answers, some with a day > 12
_csv("Laporan Musyawarah (Jawaban) - Form Responses 1.csv", [
    HEAD,
    "1/17/2024 10:22:05,Satiruk,Pulau Hanaut,Musdes Penetapan APBDes,1/16/2024,Balai Desa,18,7,25,APBDes TA 2024 disepakati",
    "3/6/2024 8:05:57,Satiruk,Pulau Hanaut,Musdes Khusus BLT-DD,3/5/2024,Balai Desa,14,12,26,Disepakati 20 KPM",
    "7/23/2024 16:31:40,Satiruk,Pulau Hanaut,Musrenbangdes,7/22/2024,Balai Desa,20,11,31,12 usulan prioritas",
    "11/9/2024 9:48:25,Satiruk,Pulau Hanaut,Musdes RKPDes,11/8/2024,Kantor Desa,16,8,24,RKPDes 2025 disepakati",
])

# The same form where every answer reads both ways: only the Timestamp shows the order
_csv("Musdes Makarti Jaya (Jawaban) - Form Responses 1.csv", [
    HEAD,
    "2/14/2024 9:05:57,Makarti Jaya,Pulau Hanaut,Musdes Penetapan APBDes,2/6/2024,Balai Desa,15,6,21,APBDes TA 2024 disepakati",
    "5/13/2024 11:10:02,Makarti Jaya,Pulau Hanaut,Musdes Khusus BLT-DD,5/3/2024,Balai Desa,12,10,22,Disepakati 18 KPM",
    "10/21/2024 14:02:13,Makarti Jaya,Pulau Hanaut,Musdes RKPDes,10/11/2024,Balai Desa,19,9,28,RKPDes 2025 disepakati",
])

# An Indonesian list whose dates all read both ways and nothing shows another order: day first
_csv("rekap musdes bapinang hulu 2024.csv", [
    "Tanggal,Jenis Musyawarah,Tempat,Laki-laki,Perempuan,Jumlah Hadir",
    "05/03/2024,Musdes Penetapan APBDes,Balai Desa,14,9,23",
    "10/06/2024,Musdes Khusus BLT-DD,Balai Desa,11,12,23",
    "02/11/2024,Musdes RKPDes,Balai Desa,17,8,25",
])

# A list that needs both orders (13/01 and 01/14): the 05/06 between them cannot be told
_csv("rekap musdes babirah 2024.csv", [
    "Tanggal,Jenis Musyawarah,Tempat,Laki-laki,Perempuan,Jumlah Hadir",
    "13/01/2024,Musdes Penetapan APBDes,Balai Desa,14,9,23",
    "05/06/2024,Musdes Khusus BLT-DD,Balai Desa,11,12,23",
    "01/14/2024,Musdes RKPDes,Balai Desa,17,8,25",
])

# BPD semester report saved from Excel as "CSV (;)" on Windows: cp1252 with a curly apostrophe,
# a day name before a year-first date, the time in its own Waktu column
_csv("LAPORAN_BPD_AGUNG_MULYA_SMT1_2025.csv", [
    "BADAN PERMUSYAWARATAN DESA (BPD) DESA AGUNG MULYA KECAMATAN TELAGA ANTANG;;;;;;",
    "LAPORAN PELAKSANAAN MUSYAWARAH DESA SEMESTER I TAHUN 2025;;;;;;",
    ";;;;;;",
    "No.;Hari / Tanggal;Jenis Musyawarah;Tempat;Undangan;L;P;Hadir",
    "1.;Jum\u2019at, 2025/01/10;Musdes Penetapan APBDes;Balai Desa;32 orang;18;10;28 orang",
    "2.;Sabtu, 2025.02.15;Musdes Khusus BLT-DD;Balai Desa;30 orang;14;12;26 orang",
    "3.;Ahad 2025-04-27;Musdes Pertanggungjawaban APBDes;Balai Desa;32 orang;15;10;25 orang",
    "4.;Jumat, 2025/06/13;Musdes Khusus;Kantor BUMDes;28 orang;16;8;24 orang",
    ";;;;;;",
    ";;;;Agung Mulya, 30 Juni 2025;;",
    ";;;;Ketua BPD,;;",
    ";;;;Yohanes Ganda;;",
], encoding="cp1252", newline="\r\n")

# District form: the meeting's time written after its date, in the forms operators use
book = Workbook()
sheet = book.active
sheet.title = "Isian"
for row in (
    ["REKAP MUSYAWARAH DESA LAMPUYANG KECAMATAN TELUK SAMPIT TAHUN 2025"],
    [],
    ["No", "Hari/Tanggal", "Jenis Musyawarah", "Tempat", "Laki-laki", "Perempuan", "Jumlah Hadir"],
    [1, "Selasa, 14 Januari 2025 pukul 09.00 WIB", "Musdes Penetapan APBDes", "Balai Desa", 15, 8, 23],
    [2, "Kamis, 10 Juli 2025 pkl. 14.00 WITA s.d. selesai", "Musrenbangdes", "Balai Desa", 20, 11, 31],
    [3, "Jum\u2019at, 5 September 2025 jam 09:00 - 12:00", "Musdes RKPDes", "Balai Desa", 17, 9, 26],
    [4, "12-Nop-25", "Musdes Khusus BLT-DD", "Kantor Desa", 12, 10, 22],
    [5, "Senin, 8 Desember 2025", "Musdes Lainnya", "Kantor Desa", 10, 6, 16],
):
    sheet.append(row)
book.save(HERE / "Rekap Musyawarah Lampuyang 2025.xlsx")
