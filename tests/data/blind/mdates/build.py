"""Build the mdates fixtures (shapes of /work/lead/s32/trial5-musyawarah/build.py; all names,
counts and dates invented). Run: python build.py"""
import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

OUT = Path(__file__).parent
D = dt.date
ROMAWI = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
BULAN = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]


def split_date():
    """Tgl | Bln | Thn under a merged 'Waktu Pelaksanaan'; the month Roman, a number or a name."""
    ms = [(D(2023, 2, 7), ROMAWI[2], "Musdes Penetapan APBDes", 15, 6),
          (D(2023, 5, 23), 5, "Musdes Khusus BLT-DD", 11, 12),
          (D(2023, 8, 1), BULAN[8], "Musdes RKP Desa 2024", 20, 9),
          (D(2023, 12, 19), ROMAWI[12], "Musdes LPPDes / Evaluasi RKP", 14, 5)]
    wb = Workbook(); ws = wb.active; ws.title = "2023"
    ws["A1"] = "DATA PELAKSANAAN MUSYAWARAH DESA MAKARTI JAYA"; ws["A2"] = "TAHUN ANGGARAN 2023"
    ws["A4"] = "No"; ws["B4"] = "Waktu Pelaksanaan"; ws.merge_cells("B4:D4")
    ws["E4"] = "Jenis Musyawarah"; ws["F4"] = "Tempat"; ws["G4"] = "Hadir L"; ws["H4"] = "Hadir P"
    ws["B5"], ws["C5"], ws["D5"] = "Tgl", "Bln", "Thn"
    for c in "AEFGH":
        ws.merge_cells(f"{c}4:{c}5")
    for i, (d, month, jenis, men, women) in enumerate(ms, 1):
        for j, v in enumerate([i, d.day, month, d.year, jenis, "Kantor Desa", men, women], 1):
            ws.cell(5 + i, j, v)
    ws.cell(11, 6, "Makarti Jaya, 29 Desember 2023"); ws.cell(12, 6, "Kepala Desa")
    wb.save(OUT / "register_musdes_makarti_jaya_ta2023.xlsx")


def abbreviated_heading():
    """cp1252 ';' CSV whose date heading is the abbreviation with a qualifier ('Tgl Rapat')."""
    lines = ["DAFTAR MUSYAWARAH DESA PANTAI HARAPAN TAHUN 2024;;;;;", ";;;;;",
             "No;Tgl Rapat;Jenis Musyawarah;Lokasi;Hadir Pria;Hadir Wanita"]
    ms = [("14-Mar-24", "Musdes – Penetapan APBDes 2024", 19, 8),
          ("02-Jul-24", "Musdes – RKP Desa 2025", 23, 11),
          ("05-Nov-24", "Musdes – Perubahan APBDes 2024", 17, 9)]
    for i, (d, jenis, men, women) in enumerate(ms, 1):
        lines.append(f"{i};{d};{jenis};Balai Desa;{men};{women}")
    (OUT / "daftar_musdes_pantaiharapan_2024.csv").write_bytes(
        ("\r\n".join(lines) + "\r\n").encode("cp1252"))


def hidden_column():
    """A buku agenda with a hidden internal ID column beside the No."""
    wb = Workbook(); ws = wb.active; ws.title = "Buku Agenda"
    ws["A1"] = "BUKU AGENDA MUSYAWARAH DESA LUWUK KOWAN TAHUN 2024"
    for c, h in enumerate(["No.", "ID", "Tanggal", "Jenis Rapat", "Tempat", "Hadir L", "Hadir P"], 1):
        ws.cell(3, c, h)
    rows = [(D(2024, 1, 23), "Musyawarah Desa Penetapan APBDes 2024", 21, 9),
            (D(2024, 7, 30), "Musyawarah Desa RKP Desa 2025", 25, 12)]
    for i, (d, jenis, men, women) in enumerate(rows, 1):
        for c, v in enumerate([i, f"AGD-{d:%y%m%d}", d, jenis, "Balai Desa", men, women], 1):
            ws.cell(3 + i, c, v).alignment = Alignment(horizontal="left")
    ws.column_dimensions["B"].hidden = True
    wb.save(OUT / "buku_agenda_musdes_luwuk_kowan_2024.xlsx")


if __name__ == "__main__":
    split_date(); abbreviated_heading(); hidden_column()
