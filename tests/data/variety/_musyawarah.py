"""Musyawarah files of the variety corpus: minutes tables, berita acara forms, notulen, rekap lists.
Attendance is counts only (no names of participants). Sources: SOURCES.md (keys in `source:`)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

import openpyxl
from _common import HARI, HERE, Registry, save_xlsx, tanggal, village

D = dt.date


@dataclass
class M:
    tanggal: dt.date
    jenis: str  # as the village writes it
    tempat: str
    pimpinan: str
    undangan: int | None
    laki: int | None
    perempuan: int | None
    agenda: str
    keputusan: str = ""
    hadir: int | None = None  # when only a total is written

    def __post_init__(self) -> None:
        if self.hadir is None:
            self.hadir = (self.laki or 0) + (self.perempuan or 0)
        else:
            assert self.laki is None or self.laki + self.perempuan == self.hadir
        assert self.undangan is None or self.hadir <= self.undangan
        assert self.tanggal <= D(2026, 11, 30)


def _csv(rows, delimiter=",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _reg(reg: Registry, name: str, kode, tahun: int, items: list[M], shape: str, source: str, **extra) -> None:
    reg.add(name, "musyawarah", kode, tahun, len(items), shape, source, meetings=len(items),
            hadir=sum(m.hadir for m in items), jenis_tertulis=[m.jenis for m in items], **extra)


def minutes_table(reg: Registry) -> None:
    kode, tahun = "62.02.16.2005", 2024
    nama, _ = village(kode)
    items = [M(D(2024, 2, 15), "Musdes Pertanggungjawaban", "Balai Desa Sebungsu", "Ketua BPD", 45, None, None,
               "Laporan pertanggungjawaban realisasi APBDes TA 2023", "LPJ realisasi APBDes TA 2023 diterima", hadir=38),
             M(D(2024, 3, 4), "Musdes Khusus BLT-DD", "Balai Desa Sebungsu", "Ketua BPD", 40, None, None,
               "Penetapan calon penerima BLT Dana Desa 2024", "Ditetapkan 14 KPM penerima BLT-DD", hadir=35),
             M(D(2024, 7, 22), "Musrenbangdes RKPDes 2025", "Aula Kantor Desa", "Kepala Desa", 60, None, None,
               "Penyusunan prioritas RKPDes 2025", "Disepakati 9 usulan prioritas kegiatan", hadir=52),
             M(D(2024, 12, 27), "Musdes Penetapan APBDes TA 2025", "Balai Desa Sebungsu", "Ketua BPD", 45, None, None,
               "Pembahasan dan penetapan Rancangan APBDes TA 2025", "APBDes TA 2025 disepakati", hadir=41)]
    head = ["No", "Jenis Kegiatan Musyawarah", "Hari/Tanggal", "Tempat", "Dipimpin Oleh", "Jumlah Undangan",
            "Jumlah Peserta", "Agenda/Pembahasan", "Hasil Keputusan"]
    rows = [[n, m.jenis, tanggal(m.tanggal, hari=True), m.tempat, m.pimpinan, m.undangan, m.hadir, m.agenda,
             m.keputusan] for n, m in enumerate(items, 1)]
    name = f"notulen_musyawarah_{nama.lower()}_{tahun}.csv"
    (HERE / name).write_text(_csv([[f"REKAP NOTULEN MUSYAWARAH DESA {nama.upper()} TAHUN {tahun}"], head] + rows),
                             encoding="utf-8")
    _reg(reg, name, kode, tahun, items,
         "minutes table headed 'Jenis Kegiatan Musyawarah', 'Hari/Tanggal', 'Dipimpin Oleh', 'Jumlah Peserta', "
         "'Agenda/Pembahasan', 'Hasil Keputusan'; types 'Musdes Pertanggungjawaban', 'Musdes Khusus BLT-DD', "
         "'Musrenbangdes RKPDes 2025', 'Musdes Penetapan APBDes TA 2025'; dates 'Kamis, 15 Februari 2024'; attendance total only",
         "S22 (musdes_berita_acara_fields.csv), S23 (Permendesa 16/2019 jenis)")


def berita_acara_vertical(reg: Registry) -> None:
    kode, tahun = "62.02.16.2007", 2024
    nama, kec = village(kode)
    m = M(D(2024, 9, 19), "Musdes Khusus BLT-DD", f"Balai Desa {nama}", "Ketua BPD", 50, 27, 19,
          "Musyawarah desa khusus pemutakhiran data KPM BLT Dana Desa tahap III",
          "Disepakati 2 KPM diganti karena pindah domisili; jumlah KPM tetap 18")
    rows = [["BERITA ACARA"], ["MUSYAWARAH DESA KHUSUS"], [f"DESA {nama.upper()} KECAMATAN {kec.upper()}"], [],
            ["Jenis Kegiatan Musyawarah", ":", m.jenis], ["Hari/Tanggal", ":", tanggal(m.tanggal, hari=True)],
            ["Waktu", ":", "09.00 WIB s/d selesai"], ["Tempat", ":", m.tempat], ["Dipimpin Oleh", ":", m.pimpinan],
            ["Jumlah Peserta yang Diundang", ":", f"{m.undangan} orang"],
            ["Jumlah Peserta yang Hadir", ":", f"{m.hadir} orang (laki-laki {m.laki}, perempuan {m.perempuan})"],
            ["Agenda/Pembahasan", ":", m.agenda], ["Hasil Keputusan", ":", m.keputusan], [],
            [None, None, f"{nama}, {tanggal(m.tanggal)}"], ["Pimpinan Musyawarah", None, "Notulis"], [], [],
            ["YOSEF KATIMPUN", None, "MARIA ULFAH"]]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Berita Acara"
    for row in rows:
        ws.append(row)
    name = f"Berita Acara Musdes Khusus {nama} {tahun}.xlsx"
    save_xlsx(wb, HERE / name)
    _reg(reg, name, kode, tahun, [m],
         "one meeting as a vertical berita acara form (label | ':' | value): 'Jenis Kegiatan Musyawarah', 'Dipimpin Oleh', "
         "'Agenda/Pembahasan', 'Hasil Keputusan'; attendance '46 orang (laki-laki 27, perempuan 19)' in one cell; signature",
         "S22, S24 (Berita Acara Musdes format)", hadir_laki_laki=m.laki, hadir_perempuan=m.perempuan)


def notulen_wangunsari(reg: Registry) -> None:
    kode, tahun = "62.02.16.2004", 2023
    nama, _ = village(kode)
    m = M(D(2023, 12, 29), "Musdes Penetapan APBDes", f"Balai Desa {nama}", "Ketua BPD", 30, None, None,
          "Pembukaan; Sambutan Kepala Desa; Pemaparan Rancangan APBDes 2024; Tanya jawab; Penetapan APBDes",
          "Penetapan APBDes TA 2024 oleh Ketua BPD dengan ketuk palu 3 kali", hadir=25)
    rows = [[f"NOTULEN BADAN PERMUSYAWARATAN DESA (BPD) DESA {nama.upper()}"], [],
            ["I.", "Hari/Tanggal Rapat", ":", tanggal(m.tanggal, hari=True)], ["II.", "Waktu/Jam Mulai", ":", "08.00 s/d selesai"],
            ["III.", "Tempat Rapat", ":", m.tempat], ["IV.", "Acara", ":", "Musyawarah Desa Penetapan APBDes TA 2024"],
            ["V.", "Uraian Jalannya Rapat"], ["", "1. Pimpinan Rapat", ":", m.pimpinan],
            ["", "2. Jumlah yang diundang", ":", f"{m.undangan} Orang"], ["", "3. Jumlah yang hadir", ":", f"{m.hadir} Orang"],
            ["", "4. Jumlah yang tidak hadir", ":", f"{m.undangan - m.hadir} Orang"], ["", "5. Susunan Acara", ":", m.agenda],
            ["", "6. Keputusan", ":", m.keputusan]]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Notulen"
    for row in rows:
        ws.append(row)
    name = f"Notulen BPD {nama} {tahun}.xlsx"
    save_xlsx(wb, HERE / name)
    _reg(reg, name, kode, tahun, [m],
         "BPD notulen with roman-numbered sections: 'Hari/Tanggal Rapat', 'Waktu/Jam Mulai', 'Tempat Rapat', 'Pimpinan Rapat', "
         "'Jumlah yang diundang/hadir/tidak hadir : 25 Orang', 'Susunan Acara', 'Keputusan'; jenis only in the 'Acara' text",
         "S25 (kakaalma27/desa-wangunsari notulen)")


def total_only(reg: Registry) -> None:
    kode, tahun = "62.02.16.2002", 2023
    items = [M(D(2023, 1, 18), "Musdes RKPDes", "Balai Desa", "Ketua BPD", 70, None, None, "Penetapan RKPDes 2023 perubahan",
               "Disetujui", hadir=58),
             M(D(2023, 6, 12), "Musdes", "Balai Desa", "Ketua BPD", 40, None, None, "Pembentukan pengurus BUMDes",
               "Pengurus BUMDes periode 2023-2027 terbentuk", hadir=33),
             M(D(2023, 10, 5), "Musdes Perubahan APBDes", "Balai Desa", "Ketua BPD", 45, None, None, "Perubahan APBDes TA 2023",
               "APBDes Perubahan TA 2023 disepakati", hadir=39)]
    head = ["Kode Desa", "Tanggal", "Jenis Musyawarah", "Tempat", "Pimpinan", "Jumlah Undangan", "Jumlah Hadir", "Agenda", "Keputusan"]
    rows = [[kode, m.tanggal.isoformat(), m.jenis, m.tempat, m.pimpinan, m.undangan, m.hadir, m.agenda, m.keputusan]
            for m in items]
    name = "musyawarah_tumbang_mujam_2023.csv"
    (HERE / name).write_text(_csv([head] + rows), encoding="utf-8")
    _reg(reg, name, kode, tahun, items,
         "attendance as one 'Jumlah Hadir' total (no laki-laki/perempuan split), ISO dates, a bare 'Musdes' type",
         "S22, S1")


def heading_peserta(reg: Registry) -> None:
    kode, tahun = "62.02.16.2008", 2025
    nama, kec = village(kode)
    items = [M(D(2025, 1, 16), "Musdes RKPDes", "Balai Desa", "Ketua BPD", 60, 31, 22, "Penetapan perubahan RKPDes 2025", "Disepakati"),
             M(D(2025, 2, 20), "Musdes Pertanggungjawaban", "Balai Desa", "Ketua BPD", 50, 28, 15, "LPJ APBDes TA 2024", "Diterima"),
             M(D(2025, 8, 14), "Musrenbangdes RKPDes 2026", "Aula Desa", "Kepala Desa", 80, 40, 33, "Prioritas RKPDes 2026", "12 usulan disepakati")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Musdes"
    ws.append([f"DAFTAR MUSYAWARAH DESA {nama.upper()} KECAMATAN {kec.upper()} TAHUN {tahun}"])
    ws.append([])
    ws.append(["No", "Tanggal", "Jenis Musyawarah", "Tempat", "Pimpinan", "PESERTA", None, None, None, "Agenda", "Keputusan"])
    ws.append([None, None, None, None, None, "Diundang", "Laki-laki", "Perempuan", "Jumlah", None, None])
    for c in ("A", "B", "C", "D", "E", "J", "K"):
        ws.merge_cells(f"{c}3:{c}4")
    ws.merge_cells("F3:I3")
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)"])
    for n, m in enumerate(items, 1):
        ws.append([n, m.tanggal, m.jenis, m.tempat, m.pimpinan, m.undangan, m.laki, m.perempuan, m.hadir, m.agenda, m.keputusan])
        ws.cell(ws.max_row, 2).number_format = "DD MMMM YYYY"
    ws.append([None, "JUMLAH", None, None, None, sum(m.undangan for m in items), sum(m.laki for m in items),
               sum(m.perempuan for m in items), sum(m.hadir for m in items)])
    ws.append([])
    ws.append(["Keterangan: jumlah peserta sesuai daftar hadir terlampir."])
    name = f"Daftar Musdes {nama} {tahun}.xlsx"
    save_xlsx(wb, HERE / name)
    _reg(reg, name, kode, tahun, items,
         "'PESERTA' merged over Diundang | Laki-laki | Perempuan | Jumlah, numbering row '(1) … (11)', Excel date cells, "
         "a JUMLAH row and a note under the table", "S22, S3 (column-number rows)")


def excel_dates_waktu(reg: Registry) -> None:
    kode, tahun = "62.02.16.2001", 2026
    items = [M(D(2026, 1, 22), "Musdes Penetapan APBDes", "Balai Desa Luwuk Sampun", "Ketua BPD", 40, 21, 14, "Penetapan APBDes TA 2026", "Ditetapkan"),
             M(D(2026, 7, 9), "Musdes RKPDes", "Balai Desa Luwuk Sampun", "Ketua BPD", 55, 30, 20, "Penyusunan RKPDes 2027", "Disepakati")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Hari", "Tanggal", "Waktu", "Jenis", "Tempat", "Pimpinan Rapat", "Undangan", "Hadir L", "Hadir P", "Acara", "Hasil"])
    for m in items:
        ws.append([HARI[m.tanggal.weekday()], dt.datetime.combine(m.tanggal, dt.time()), "08.30 s/d selesai", m.jenis, m.tempat,
                   m.pimpinan, m.undangan, m.laki, m.perempuan, m.agenda, m.keputusan])
        ws.cell(ws.max_row, 2).number_format = "DD/MM/YYYY"
    name = "musdes_luwuk_sampun_2026.xlsx"
    save_xlsx(wb, HERE / name)
    _reg(reg, name, kode, tahun, items,
         "separate 'Hari' column, date-time cells, 'Waktu' '08.30 s/d selesai', short headings (Jenis, Undangan, Hadir L/P, Acara, Hasil); "
         "village only in the file name", "S25, S22")


def kecamatan_rekap(reg: Registry) -> None:
    tahun = 2024
    per = {"62.02.15.2001": [M(D(2024, 1, 24), "Musdes Penetapan APBDes", "Balai Desa", "Ketua BPD", 35, 20, 11, "APBDes 2024", "Ditetapkan")],
           "62.02.15.2002": [M(D(2024, 2, 7), "Musdes Pertanggungjawaban", "Balai Desa", "Ketua BPD", 30, 16, 9, "LPJ 2023", "Diterima"),
                             M(D(2024, 8, 1), "Musrenbangdes", "Balai Desa", "Kepala Desa", 45, 25, 15, "RKPDes 2025", "Disepakati")],
           "62.02.15.2003": [M(D(2024, 3, 13), "Musdes Khusus BLT-DD", "Kantor Desa", "Ketua BPD", 25, 12, 10, "KPM BLT-DD 2024", "10 KPM")]}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap Musdes"
    ws.append([f"REKAPITULASI PELAKSANAAN MUSYAWARAH DESA SE-KECAMATAN BUKIT SANTUAI TAHUN {tahun}"])
    ws.append(["No", "Nama Desa", "Tanggal", "Jenis Musyawarah", "Tempat", "Pimpinan", "Jumlah Undangan", "Hadir L", "Hadir P", "Agenda", "Keputusan"])
    n = 0
    per_desa = {}
    for kode, items in per.items():
        nama, _ = village(kode)
        for m in items:
            n += 1
            ws.append([n, f"Desa {nama}", tanggal(m.tanggal), m.jenis, m.tempat, m.pimpinan, m.undangan, m.laki, m.perempuan,
                       m.agenda, m.keputusan])
        per_desa[kode] = {"rows": len(items), "meetings": len(items), "hadir": sum(m.hadir for m in items)}
    name = f"Rekap Musdes Kec Bukit Santuai {tahun}.xlsx"
    save_xlsx(wb, HERE / name)
    all_items = [m for items in per.values() for m in items]
    _reg(reg, name, list(per), tahun, all_items,
         "kecamatan-collected musyawarah list: 'Nama Desa' column ('Desa Tumbang Tilap'), several desa, no kode desa",
         "S9, S22", per_desa=per_desa)


def cp1252_long_names(reg: Registry) -> None:
    kode, tahun = "62.02.16.2006", 2024
    items = [M(D(2024, 3, 15), "Musyawarah Desa Penetapan APB Desa", "Balai Desa", "Ketua BPD", 40, 22, 12,
               "Penetapan APB Desa TA 2024 – setelah evaluasi Bupati", "Ditetapkan dengan Perdes No. 1/2024"),
             M(D(2024, 9, 27), "Musyawarah Desa Perubahan APB Desa", "Balai Desa", "Wakil Ketua BPD", 40, 20, 15,
               "Perubahan APB Desa TA 2024 (pergeseran anggaran)", "Disepakati")]
    head = ["Hari/Tanggal", "Jenis Musyawarah", "Tempat", "Pimpinan Musyawarah", "Diundang", "Peserta Laki-laki",
            "Peserta Perempuan", "Pokok Bahasan", "Hasil Kesepakatan"]
    rows = [[tanggal(m.tanggal, hari=True), m.jenis, m.tempat, m.pimpinan, m.undangan, m.laki, m.perempuan, m.agenda,
             m.keputusan] for m in items]
    name = "musdes_bukit_makmur_2024.csv"
    (HERE / name).write_bytes(_csv([["MUSYAWARAH DESA BUKIT MAKMUR TAHUN 2024"], head] + rows, ";").encode("cp1252"))
    _reg(reg, name, kode, tahun, items,
         "Windows-1252 ';' CSV, long jenis 'Musyawarah Desa Penetapan APB Desa', 'Jumat, 15 Maret 2024', en dash in text, "
         "headings 'Pokok Bahasan', 'Hasil Kesepakatan', 'Peserta Laki-laki'", "S22, S23")


def musdus(reg: Registry) -> None:
    kode, tahun = "62.02.16.2004", 2025
    items = [M(D(2025, 6, 10), "Musdus", "Rumah Kepala Dusun I", "Kepala Dusun I", 30, 16, 9, "Usulan prioritas Dusun I untuk RKPDes 2026", "Usulan: jalan lingkungan, posyandu"),
             M(D(2025, 6, 12), "Musdus", "Balai Dusun II", "Kepala Dusun II", 30, 14, 12, "Usulan prioritas Dusun II untuk RKPDes 2026", "Usulan: sumur bor, PAUD"),
             M(D(2025, 6, 14), "Musdus", "Langgar Dusun III", "Kepala Dusun III", 25, 13, 8, "Usulan prioritas Dusun III untuk RKPDes 2026", "Usulan: drainase")]
    head = ["Dusun", "Tanggal", "Tempat", "Dipimpin", "Undangan", "L", "P", "Pembahasan", "Usulan Prioritas"]
    rows = [[m.pimpinan.replace("Kepala ", ""), m.tanggal.strftime("%d/%m/%Y"), m.tempat, m.pimpinan, m.undangan, m.laki,
             m.perempuan, m.agenda, m.keputusan] for m in items]
    name = "rekap_musdus_tanjung_jorong_2025.csv"
    (HERE / name).write_text(_csv([["REKAP MUSYAWARAH DUSUN (MUSDUS) DESA TANJUNG JORONG 2025"], head] + rows), encoding="utf-8")
    _reg(reg, name, kode, tahun, items,
         "musyawarah dusun list with NO jenis column (the title says MUSDUS), a 'Dusun' column, headings L / P",
         "S23 (Musdus), S22", jenis_dari="title 'REKAP MUSYAWARAH DUSUN (MUSDUS)'")


def with_links(reg: Registry) -> None:
    kode, tahun = "62.02.16.2009", 2024
    items = [M(D(2024, 1, 25), "Musdes Penetapan APBDes TA 2024", "Balai Desa", "Ketua BPD", 40, 22, 14, "Penetapan APBDes", "Ditetapkan"),
             M(D(2024, 5, 30), "Musdes RPJMDes", "Balai Desa", "Ketua BPD", 60, 33, 21, "Perubahan RPJMDes 2021-2027", "Disepakati"),
             M(D(2024, 10, 3), "Musdes Perubahan APBDes", "Balai Desa", "Ketua BPD", 40, 23, 12, "APBDes Perubahan 2024", "Disepakati")]
    head = ["Kode Desa", "Tanggal Musyawarah", "Jenis Musyawarah", "Tempat", "Pimpinan", "Jumlah Diundang",
            "Hadir Laki-laki", "Hadir Perempuan", "Agenda", "Keputusan", "Link Berita Acara"]
    rows = [[kode, tanggal(m.tanggal), m.jenis, m.tempat, m.pimpinan, m.undangan, m.laki, m.perempuan, m.agenda, m.keputusan,
             f"https://damarmakmur.desa.example/dokumen/ba-musdes-{m.tanggal.isoformat()}.pdf"] for m in items]
    name = "musyawarah_damar_makmur_2024.csv"
    (HERE / name).write_text(_csv([head] + rows), encoding="utf-8")
    _reg(reg, name, kode, tahun, items,
         "'Link Berita Acara' column with document URLs, 'Tanggal Musyawarah' as '25 Januari 2024', jenis with the TA appended",
         "S22")


def attendance_with_unit(reg: Registry) -> None:
    kode, tahun = "62.02.02.2004", 2024
    items = [M(D(2024, 2, 28), "Musdes Penetapan APBDes", "Balai Desa Rubung Buyung", "Ketua BPD", 50, 25, 20, "APBDes 2024", "Ditetapkan"),
             M(D(2024, 11, 7), "Musdes Khusus BLT-DD", "Balai Desa Rubung Buyung", "Ketua BPD", 35, 15, 12, "Evaluasi BLT-DD 2024", "Dilanjutkan")]
    head = ["Tanggal", "Jam", "Jenis Musyawarah", "Tempat", "Pimpinan", "Undangan", "Peserta", "Agenda", "Keputusan"]
    rows = [[m.tanggal.strftime("%d-%m-%Y"), "09.00 WIB", m.jenis, m.tempat, m.pimpinan, f"{m.undangan} orang",
             f"{m.hadir} orang (L {m.laki}, P {m.perempuan})", m.agenda, m.keputusan] for m in items]
    name = "musdes_rubung_buyung_2024.csv"
    (HERE / name).write_text(_csv([["DESA RUBUNG BUYUNG KEC. CEMPAGA"], head] + rows, ";"), encoding="utf-8")
    _reg(reg, name, kode, tahun, items,
         "counts written with their unit and split in one cell: 'Undangan 50 orang', 'Peserta 45 orang (L 25, P 20)'; dates '28-02-2024'",
         "S22, S24")


def build(reg: Registry) -> None:
    for step in (minutes_table, berita_acara_vertical, notulen_wangunsari, total_only, heading_peserta, excel_dates_waktu,
                 kecamatan_rekap, cp1252_long_names, musdus, with_links, attendance_with_unit):
        step(reg)
