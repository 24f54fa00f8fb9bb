"""Build the invented workbooks of this folder (see SOURCES.md): python build.py

A village's meeting workbook kept as a sheet per kind of meeting (Musdes, Musdus) under the same
headings, each sheet with its own title, and a summary sheet. Numbers and places are invented.
"""

from datetime import date
from pathlib import Path

import openpyxl
from openpyxl.worksheet.table import Table, TableStyleInfo

HERE = Path(__file__).parent
MUSDES = [(date(2025, 2, 4), "Musdes Penyepakatan APBDes 2025", "Aula Kantor Desa", 30, 18, 7),
          (date(2025, 4, 22), "Musdes Khusus Validasi KPM BLT-DD", "Aula Kantor Desa", 28, 12, 11),
          (date(2025, 9, 2), "Musrenbang Desa Penyusunan RKP 2026", "Aula Kantor Desa", 40, 22, 14)]
MUSDUS = [(date(2025, 7, 1), "Musdus Dusun Hulu", "Pos Ronda Dusun Hulu", 20, 10, 6),
          (date(2025, 7, 3), "Musdus Dusun Hilir", "Rumah Kadus Hilir", 18, 9, 8)]
# (sheet name, title or None, meetings)
SHEETS = [("Musdes", "DAFTAR MUSYAWARAH DESA", MUSDES), ("Musdus", "REKAP MUSDUS", MUSDUS)]


def workbook(path: Path, sheets=SHEETS, kegiatan: str | None = "Kegiatan", table: bool = True,
             summary: bool = True, topics: dict | None = None) -> Path:
    """One sheet per kind; ``kegiatan`` the heading of the meeting-name column (None: no such
    column, the kind is only in each sheet's title); ``topics`` replaces a sheet's names."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, title, meetings in sheets:
        ws = wb.create_sheet(name)
        top = 1
        if title:
            ws.append([title])
            ws.append(["Desa Kuluk Telawang Kecamatan Antang Kalang Tahun 2025"])
            ws.append([])
            top = 4
        head = ["No", "Tgl", *([kegiatan] if kegiatan else []), "Lokasi", "Jml Undangan", "L", "P",
                "Jumlah"]
        ws.append(head)
        for i, (day, what, where, invited, men, women) in enumerate(meetings, 1):
            what = (topics or {}).get(name, {}).get(i, what)
            ws.append([i, day, *([what] if kegiatan else []), where, invited, men, women, men + women])
            ws.cell(ws.max_row, 2).number_format = "dd/mm/yyyy"
        if table:
            last = openpyxl.utils.get_column_letter(len(head))
            t = Table(displayName=f"tbl{name}", ref=f"A{top}:{last}{ws.max_row}")
            t.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
            ws.add_table(t)
    if summary:
        ws = wb.create_sheet("Rekap")
        ws.append(["REKAP MUSYAWARAH 2025"])
        ws.append(["Jenis", "Jumlah Kegiatan", "Jumlah Hadir"])
        for name, _, meetings in sheets:
            ws.append([name, len(meetings), sum(m[4] + m[5] for m in meetings)])
        ws.append(["Total", sum(len(m) for *_, m in sheets),
                   sum(x[4] + x[5] for *_, m in sheets for x in m)])
    wb.save(path)
    return path


if __name__ == "__main__":
    workbook(HERE / "Musyawarah Kuluk Telawang 2025.xlsx")
    workbook(HERE / "Rekap Musdes Musdus Kuluk Telawang 2025.xlsx", kegiatan=None, table=False)
