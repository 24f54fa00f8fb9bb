"""Builds the fixtures of tests/data/blind/hadir (see SOURCES.md); run from the repository root."""

from pathlib import Path

import openpyxl

HERE = Path(__file__).parent


def form(path: Path, recap: list[list], total: list | None, *, names: bool = False) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Berita Acara"
    ws.append(["BERITA ACARA"])
    ws.append(["MUSYAWARAH DESA PENYUSUNAN RKP DESA TAHUN 2026"])
    ws.append(["DESA SUNGAI HANYA KECAMATAN ANTANG KALANG"])
    ws.append([])
    for label, value in [("Hari/Tanggal", "Selasa, 16 September 2025"), ("Tempat", "Balai Desa"),
                         ("Jenis Musyawarah", "Musdes Penyusunan RKPDes"),
                         ("Pimpinan Musyawarah", "Ketua BPD"), ("Jumlah Undangan", "30 orang"),
                         ("Agenda", "Penyepakatan rancangan RKP Desa Tahun 2026"),
                         ("Keputusan", "Rancangan RKP Desa disepakati")]:
        ws.append([label, ":", value])
    ws.append([])
    ws.append(["DAFTAR HADIR" if names else "REKAPITULASI DAFTAR HADIR"])
    ws.append(["No", "Nama" if names else "Unsur", "L", "P", "Jumlah"])
    for row in recap:
        ws.append(row)
    if total:
        ws.append(total)
    ws.append([])
    ws.append([None, "Pimpinan Musyawarah,", None, "Notulis,"])
    ws.append([None, "ANTON RAHAN", None, "SINTA DEWI"])
    wb.save(path)


UNSUR = [[1, "Pemerintah Desa", 5, 2, 7], [2, "BPD", 3, 2, 5], [3, "Tokoh Masyarakat", 6, 1, 7],
         [4, "Kelompok Perempuan / PKK", 0, 6, 6]]
form(HERE / "ba_musdes_rekap_hadir.xlsx", UNSUR, [None, "JUMLAH", 14, 11, 25])
form(HERE / "ba_musdes_rekap_tanpa_jumlah.xlsx", UNSUR, None)
form(HERE / "ba_musdes_rekap_jumlah_salah.xlsx", UNSUR, [None, "JUMLAH", 14, 12, 26])
form(HERE / "ba_musdes_daftar_nama.xlsx",
     [[1, "Yohanes Ampun", 1, 0, 1], [2, "Maria Ulin", 0, 1, 1], [3, "Petrus Dehen", 1, 0, 1]],
     [None, "JUMLAH", 2, 1, 3], names=True)
