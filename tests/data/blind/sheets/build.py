"""Build the invented workbooks of this folder (see SOURCES.md): python build.py"""

from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
HEAD = ["No", "Kode Kegiatan", "Usulan Kegiatan", "Lokasi", "Volume", "Satuan",
        "Perkiraan Biaya (Rp)", "Sumber Dana"]
DUSUN = {
    "Dusun Hulu": [("2.3.11", "Rabat Beton Gang Damai", "RT 01", 120, "m", 48000000, "DD"),
                   ("2.2.02", "Posyandu Mawar", "RT 02", 12, "bulan", 9600000, "ADD")],
    "Dusun Hilir": [("2.4.11", "Sumur Bor Umum", "RT 03", 1, "unit", 15500000, "DD")],
}


def usulan(path: Path, dusun: dict = DUSUN, years: dict | None = None,
           totals: dict | None = None) -> Path:
    """A musdus usulan workbook: one sheet per dusun, each with its title rows and Jumlah row."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, lines in dusun.items():
        sheet = workbook.create_sheet(name)
        sheet.append([f"DAFTAR USULAN KEGIATAN MUSYAWARAH {name.upper()}"])
        sheet.append(["Desa Kuluk Telawang, Kecamatan Antang Kalang"])
        sheet.append([f"Untuk RKP Desa Tahun {(years or {}).get(name, 2026)}"])
        sheet.append([])
        sheet.append(HEAD)
        for i, line in enumerate(lines, 1):
            sheet.append([i, *line])
        total = (totals or {}).get(name, sum(line[5] for line in lines))
        sheet.append([None, None, "Jumlah", None, None, None, total])
        sheet.append([])
        sheet.append([None, None, None, None, None, "Kepala Dusun"])
    workbook.save(path)
    return path


def berita_acara(path: Path) -> Path:
    """Berita acara musdus kept as one form sheet per dusun."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, date, men, women in (("Dsn Hulu", "Senin, 7 Juli 2025", 14, 6),
                                   ("Dsn Hilir", "Kamis, 10 Juli 2025", 11, 9)):
        sheet = workbook.create_sheet(name)
        sheet.append(["BERITA ACARA MUSYAWARAH DUSUN"])
        sheet.append([f"DUSUN {name[4:].upper()} DESA PEMANTANG"])
        sheet.append([])
        for label, value in (("Hari/Tanggal", date), ("Tempat", f"Balai {name}"),
                             ("Jenis Musyawarah", "Musyawarah Dusun"),
                             ("Jumlah undangan", "25 orang"),
                             ("Hadir laki-laki", f"{men} orang"),
                             ("Hadir perempuan", f"{women} orang"),
                             ("Hasil kesepakatan", "Usulan dusun disepakati")):
            sheet.append([label, ":", value])
        sheet.append([])
        sheet.append([None, None, "Kepala Dusun,"])
    workbook.save(path)
    return path


if __name__ == "__main__":
    usulan(HERE / "Usulan Musdus 2026 Kuluk Telawang.xlsx")
    berita_acara(HERE / "BA Musdus 2025 Pemantang.xlsx")
