"""Kegiatan files of the variety corpus (RKPDes forms, OpenSID/OpenDK pembangunan formats, lists
as villages keep them). Sources: SOURCES.md (keys in `source:`)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

import openpyxl
from _common import (
    HERE,
    Registry,
    activity,
    idr,
    save_xlsx,
    siskeudes_keg,
    tanggal,
    village,
)

OPENSID_SD = {"PAD": "Pendapatan Asli Daerah", "DDS": "Alokasi Anggaran Pendapatan dan Belanja Negara (Dana Desa)",
              "PBH": "Bagian Hasil Pajak Daerah dan Retribusi Daerah Kabupaten/Kota", "ADD": "Alokasi Dana Desa"}


@dataclass
class K:
    keg: str
    nama: str
    lokasi: str
    volume: str  # number as written in the reference unit, e.g. "450"
    satuan: str
    anggaran: int
    sd: str
    pelaksana: str = "TPK"
    mulai: dt.date | None = None
    selesai: dt.date | None = None
    progres: float | None = None
    status: str = ""

    def __post_init__(self) -> None:
        activity(self.keg)
        assert self.anggaran > 0
        if self.status == "selesai":
            assert self.progres == 100
        if self.mulai and self.selesai:
            assert self.mulai <= self.selesai


def total(items: list[K]) -> int:
    return sum(k.anggaran for k in items)


def _csv(rows, delimiter=",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _reg(reg: Registry, name: str, kode, tahun: int, items: list[K], shape: str, source: str, **extra) -> None:
    reg.add(name, "kegiatan", kode, tahun, len(items), shape, source, anggaran=total(items), **extra)


D = dt.date


def multi_lokasi(reg: Registry) -> None:
    kode, tahun = "62.02.16.2002", 2025
    jalan = "Pengerasan Jalan Desa"
    items = [K("2.3.10", jalan, "Dusun I RT 01", "350", "m", 142_500_000, "DDS", "TPK", D(2025, 4, 14), D(2025, 6, 30), 100, "selesai"),
             K("2.3.10", jalan, "Dusun II RT 04", "280", "m", 118_000_000, "DDS", "TPK", D(2025, 7, 1), D(2025, 8, 29), 100, "selesai"),
             K("2.3.10", jalan, "Dusun III RT 07", "300", "m", 126_400_000, "DDS", "TPK", D(2025, 9, 1), D(2025, 11, 28), 85, "berjalan"),
             K("2.2.02", "Pemberian Makanan Tambahan Balita", "Posyandu Mawar", "12", "kali", 9_600_000, "DDS", "Kader Posyandu", D(2025, 1, 6), D(2025, 12, 15), 92, "berjalan"),
             K("2.2.02", "Pemberian Makanan Tambahan Balita", "Posyandu Melati", "12", "kali", 8_400_000, "DDS", "Kader Posyandu", D(2025, 1, 6), D(2025, 12, 15), 92, "berjalan"),
             K("3.4.03", "Pembinaan PKK", "Balai Desa", "4", "kali", 6_000_000, "ADD", "TP PKK Desa", D(2025, 3, 3), D(2025, 10, 31), 75, "berjalan")]
    head = ["Kode Desa", "Tahun", "Kode Kegiatan", "Nama Kegiatan", "Lokasi", "Volume", "Satuan", "Anggaran",
            "Sumber Dana", "Pelaksana", "Tanggal Mulai", "Tanggal Selesai", "Progres", "Status"]
    rows = [[kode, tahun, k.keg, k.nama, k.lokasi, k.volume, k.satuan, k.anggaran, k.sd, k.pelaksana,
             k.mulai.strftime("%d/%m/%Y"), k.selesai.strftime("%d/%m/%Y"), k.progres, k.status] for k in items]
    name = "kegiatan_tumbang_mujam_2025.csv"
    (HERE / name).write_text(_csv([head] + rows), encoding="utf-8")
    _reg(reg, name, kode, tahun, items,
         "one kegiatan run at several places: same code and name ('Pengerasan Jalan Desa', 2.3.10) in three rows "
         "that differ only in Lokasi (and amounts); PMT at two posyandu", "S16 (RKPDes lokasi per kegiatan), S1")


def status_words(reg: Registry) -> None:
    kode, tahun = "62.02.16.2003", 2025
    items = [K("2.3.11", "Rehab Jalan Lingkungan Gang Damai", "RT 02", "120", "m", 64_000_000, "DDS", "TPK", D(2025, 3, 10), D(2025, 5, 9), 100, "selesai"),
             K("2.4.11", "Pembangunan Sumur Bor Air Bersih", "RT 05", "1", "unit", 48_500_000, "DDS", "TPK", D(2025, 6, 2), D(2025, 9, 30), 92, "berjalan"),
             K("4.2.02", "Bantuan Bibit Ternak Kambing", "Kelompok Tani Maju", "40", "ekor", 52_000_000, "DDS", "TPK", D(2025, 8, 4), D(2025, 11, 28), 60, "berjalan"),
             K("3.3.03", "Turnamen Sepak Bola Antar RT", "Lapangan Desa", "1", "kali", 15_000_000, "ADD", "Karang Taruna", None, None, 0, "rencana"),
             K("2.1.03", "Pelatihan Keaksaraan", "Balai Desa", "2", "kali", 7_500_000, "ADD", "Kasi Kesra", None, None, 0, "rencana")]
    words = {"selesai": "Selesai", "berjalan": "Sedang Berjalan", "rencana": "Belum Mulai"}
    head = ["No", "Kode Kegiatan", "Nama Kegiatan", "Lokasi", "Volume", "Satuan", "Anggaran", "Sumber Dana",
            "Progres Fisik", "Status", "Keterangan"]
    rows = [[n, k.keg, k.nama, k.lokasi, k.volume, k.satuan, idr(k.anggaran, cents=False), k.sd, f"{k.progres}%",
             words[k.status].lower() if k.status == "rencana" else words[k.status], ""] for n, k in enumerate(items, 1)]
    rows[-1][-1] = "menunggu pencairan tahap III"
    name = f"daftar_kegiatan_desa_merah_{tahun}.csv"
    (HERE / name).write_text(_csv([[f"DAFTAR KEGIATAN DESA MERAH TAHUN {tahun}"], [], head] + rows, ";"), encoding="utf-8")
    _reg(reg, name, kode, tahun, items,
         "status words as operators write them ('belum mulai', 'Sedang Berjalan', 'Selesai'), progress written '100%', '92%', "
         "'0%', amounts '64.000.000', a title row and a No column", "S17 (OpenSID STATUS_PEMBANGUNAN '0%'…'100%'), S1")


def volume_units(reg: Registry) -> None:
    kode, tahun = "62.02.16.2010", 2025
    items = [K("2.3.12", "Pembangunan Jalan Usaha Tani", "Blok Sawah Hilir", "450", "m", 172_000_000, "DDS", "TPK", D(2025, 5, 5), D(2025, 7, 31), 100, "selesai"),
             K("1.4.01", "Musyawarah Perencanaan Desa", "Balai Desa", "12", "kali", 9_000_000, "ADD", "Sekretaris Desa", D(2025, 1, 13), D(2025, 12, 19), 92, "berjalan"),
             K("4.2.02", "Pengadaan Bibit Sapi", "Kelompok Ternak Sejahtera", "40", "ekor", 96_000_000, "DDS", "TPK", D(2025, 6, 2), D(2025, 10, 31), 100, "selesai"),
             K("2.4.13", "Pembangunan Saluran Drainase", "RT 03", "2.500", "m²", 88_750_000, "DDS", "TPK", D(2025, 8, 1), D(2025, 11, 14), 70, "berjalan"),
             K("2.5.02", "Penanaman Pohon Pelindung", "Sepanjang Jalan Poros", "1.200", "batang", 18_000_000, "DDS", "Pokmas Hijau", D(2025, 10, 1), D(2025, 12, 31), 40, "berjalan")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kegiatan"
    nama, kec = village(kode)
    ws.append([f"KEGIATAN PEMBANGUNAN DESA {nama.upper()} KEC. {kec.upper()} TA {tahun}"])
    ws.append(["Kode Kegiatan", "Nama Kegiatan", "Lokasi", "Volume", "Anggaran", "Sumber Dana", "Pelaksana",
               "Mulai", "Selesai", "Progres (%)", "Status"])
    for k in items:
        ws.append([k.keg, k.nama, k.lokasi, f"{k.volume} {k.satuan}", k.anggaran, k.sd, k.pelaksana,
                   k.mulai, k.selesai, k.progres, k.status])
        for c in (8, 9):
            ws.cell(ws.max_row, c).number_format = "DD/MM/YYYY"
        ws.cell(ws.max_row, 5).number_format = "#,##0"
    name = f"kegiatan_{nama.lower().replace(' ', '_')}_{tahun}.xlsx"
    save_xlsx(wb, HERE / name)
    _reg(reg, name, kode, tahun, items,
         "number and unit in one Volume cell ('450 m', '12 kali', '40 ekor', '2.500 m²', '1.200 batang'), no Satuan column, "
         "dates as Excel date cells", "S16 (RKPDes VOLUME column holds '450 m'), S1",
         volumes=[[k.volume.replace(".", ""), k.satuan] for k in items])


def no_status(reg: Registry) -> None:
    kode, tahun = "62.02.16.2005", 2023
    items = [K("2.3.10", "Pengerasan Jalan Desa Ruas Sebungsu - Tumbang Mujam", "Dusun II", "600", "m", 236_000_000, "DDS", "TPK"),
             K("2.2.09", "Rehab Gedung Posyandu", "RT 03", "1", "unit", 45_000_000, "DDS", "TPK"),
             K("1.2.01", "Pengadaan Laptop Kantor Desa", "Kantor Desa", "2", "unit", 24_000_000, "ADD", "Kaur Umum"),
             K("4.6.02", "Pelatihan Pengelolaan BUMDes", "Balai Desa", "1", "kali", 12_500_000, "DDS", "BUMDes")]
    head = ["Kode Kegiatan", "Nama Kegiatan", "Lokasi", "Volume", "Satuan", "Anggaran", "Sumber Dana", "Pelaksana", "Waktu"]
    rows = [[k.keg, k.nama, k.lokasi, k.volume, k.satuan, k.anggaran, k.sd, k.pelaksana, "3 bulan"] for k in items]
    name = "program_kegiatan_sebungsu_2023.csv"
    (HERE / name).write_text(_csv([head] + rows), encoding="utf-8")
    _reg(reg, name, kode, tahun, items,
         "kegiatan list with NO status and NO progress column (a programme list of a closed year); 'Waktu' as free text '3 bulan'",
         "S18 (Siskeudes Ta_Kegiatan: Lokasi/Waktu/Keluaran, no status)", status_note="no status column in the file")


RKP_ITEMS = [
    K("1.1.02", "Penyediaan Penghasilan Tetap dan Tunjangan Perangkat Desa", "Kantor Desa", "12", "bulan", 228_000_000, "ADD", "Kaur Keuangan"),
    K("2.3.10", "Pembangunan/Rehabilitas/Peningkatan/Pengerasan Jalan Desa", "Dusun I", "500", "m", 210_000_000, "DDS", "TPK"),
    K("2.2.02", "Penyelenggaraan Posyandu", "Posyandu Kenanga", "12", "bulan", 18_000_000, "DDS", "Kader Posyandu"),
    K("4.2.01", "Peningkatan Produksi Tanaman Pangan", "Kelompok Tani", "1", "paket", 35_000_000, "DDS", "TPK"),
    K("5.3.01", "Penanganan Keadaan Mendesak (BLT Dana Desa)", "Desa", "12", "KPM", 43_200_000, "DDS", "Kaur Keuangan"),
]


def rkpdes_sheet(ws, nama: str, tahun: int) -> dict:
    """The RKPDes sheet of the many-sheet APBDes workbook (a simple list)."""
    ws.append([f"RENCANA KERJA PEMERINTAH DESA {nama.upper()} TAHUN {tahun}"])
    ws.append(["No", "Kode", "Kegiatan", "Lokasi", "Volume", "Satuan", "Biaya (Rp)", "Sumber Dana", "Waktu", "Pelaksana"])
    bidang = None
    for n, k in enumerate(RKP_ITEMS, 1):
        if k.keg[0] != bidang:
            bidang = k.keg[0]
            ws.append([None, bidang, activity_bidang(bidang)])
        ws.append([n, k.keg, k.nama, k.lokasi, int(k.volume), k.satuan, k.anggaran, k.sd, "12 bulan", k.pelaksana])
    ws.append([None, None, "JUMLAH", None, None, None, total(RKP_ITEMS)])
    return {"rows": len(RKP_ITEMS), "anggaran": total(RKP_ITEMS)}


def activity_bidang(b: str) -> str:
    from _common import ACTIVITIES
    return ACTIVITIES[b]["uraian"].upper()


def rkpdes_form(reg: Registry) -> None:
    """Permendagri 114/2014 RKP Desa form: multi-row headings, pola pelaksanaan ticks, numbering row."""
    kode, tahun = "62.02.16.2009", 2025
    nama, kec = village(kode)
    items = [K("1.4.01", "Penyelenggaraan Musyawarah Perencanaan Desa", "Balai Desa", "4", "kali", 8_000_000, "ADD", "Sekretaris Desa"),
             K("2.3.10", "Pengerasan Jalan Desa", "Dusun Damar I", "400", "m", 168_000_000, "DDS", "TPK"),
             K("2.3.10", "Pengerasan Jalan Desa", "Dusun Damar II", "250", "m", 105_000_000, "DDS", "TPK"),
             K("2.4.11", "Pembangunan Sumur Bor", "RT 06", "2", "unit", 60_000_000, "DDS", "TPK"),
             K("3.3.06", "Pembinaan Karang Taruna", "Desa", "1", "paket", 10_000_000, "ADD", "Karang Taruna"),
             K("4.3.02", "Peningkatan Kapasitas Perangkat Desa", "Kabupaten", "3", "orang", 9_000_000, "ADD", "Pemerintah Desa")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "RKP Desa"
    for r, text in enumerate(["RENCANA KERJA PEMERINTAH DESA (RKP DESA)", f"DESA {nama.upper()} KECAMATAN {kec.upper()}",
                              "KABUPATEN KOTAWARINGIN TIMUR", f"TAHUN {tahun}"], 1):
        ws.cell(r, 1, text)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=14)
    top = ["NO", "KODE", "BIDANG/JENIS KEGIATAN", "LOKASI (RT/RW/DUSUN)", "VOLUME", "SASARAN/MANFAAT",
           "WAKTU PELAKSANAAN", "PRAKIRAAN BIAYA DAN SUMBER PEMBIAYAAN", None, "POLA PELAKSANAAN", None, None,
           "RENCANA PELAKSANA KEGIATAN", "KET"]
    sub = [None] * 7 + ["JUMLAH (Rp)", "SUMBER", "SWAKELOLA", "KERJASAMA ANTAR DESA", "KERJASAMA PIHAK KETIGA", None, None]
    for c, v in enumerate(top, 1):
        ws.cell(6, c, v)
    for c, v in enumerate(sub, 1):
        ws.cell(7, c, v)
    for c in (1, 2, 3, 4, 5, 6, 7, 13, 14):
        ws.merge_cells(start_row=6, start_column=c, end_row=7, end_column=c)
    ws.merge_cells("H6:I6")
    ws.merge_cells("J6:L6")
    for c in range(1, 15):
        ws.cell(8, c, "abcdefghijklmn"[c - 1])
    roman = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V"}
    bidang = None
    n = 0
    for k in items:
        if k.keg[0] != bidang:
            if bidang:
                ws.append([None, None, f"Jumlah Per Bidang {bidang}", None, None, None, None,
                           sum(x.anggaran for x in items if x.keg[0] == bidang)])
            bidang = k.keg[0]
            ws.append([roman[bidang], None, activity_bidang(bidang)])
        n += 1
        ws.append([n, siskeudes_keg(k.keg), k.nama, k.lokasi, f"{k.volume} {k.satuan}", "Masyarakat desa",
                   "Maret - Desember" if k.keg != "2.3.10" else "Mei - Agustus", k.anggaran, k.sd, "v", None, None,
                   k.pelaksana, None])
    ws.append([None, None, f"Jumlah Per Bidang {bidang}", None, None, None, None,
               sum(x.anggaran for x in items if x.keg[0] == bidang)])
    ws.append([None, None, "Jumlah Total", None, None, None, None, total(items)])
    ws.append([])
    ws.append([None, None, None, None, None, None, None, None, None, None, f"{nama}, 20 Oktober {tahun - 1}"])
    ws.append([None] * 10 + ["Kepala Desa,"])
    ws.append([])
    ws.append([None] * 10 + ["PAULUS NGABE"])
    name = f"RKPDes {tahun} Desa {nama}.xlsx"
    save_xlsx(wb, HERE / name)
    _reg(reg, name, kode, tahun, items,
         "RKP Desa form (Permendagri 114/2014): merged multi-row headings ('PRAKIRAAN BIAYA DAN SUMBER PEMBIAYAAN' over JUMLAH/SUMBER, "
         "'POLA PELAKSANAAN' over three tick columns), column-letter row a..n, bidang heading rows (I, II, …) with 'Jumlah Per Bidang' rows, Siskeudes codes '02.03.10.', "
         "volume '400 m' in one cell, no status (a plan), JUMLAH row, signature", "S15 (RKPDes form), S18",
         status_note="plan: no status column")


def buku_kegiatan_pembangunan(reg: Registry) -> None:
    """OpenSID Buku Kegiatan Pembangunan (Permendagri 47/2016): sumber biaya split over 4 columns."""
    kode, tahun = "62.02.01.2005", 2024
    nama, kec = village(kode)
    items = [K("2.3.15", activity("2.3.15"), "", "1", "unit", 185_000_000, "DDS", "TPK"),
             K("2.3.05", activity("2.3.05"), "", "320", "m", 74_000_000, "DDS", "TPK"),
             K("2.4.14", activity("2.4.14"), "", "2", "unit", 58_000_000, "PBP", "TPK")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Buku Kegiatan Pembangunan"
    ws.append([f"PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR KECAMATAN {kec.upper()} DESA {nama.upper()}"])
    ws.append(["BUKU KEGIATAN PEMBANGUNAN"])
    ws.append([f"TAHUN {tahun}"])
    ws.append([])
    ws.append(["NOMOR URUT", "NAMA PROYEK / KEGIATAN", "VOLUME", "SUMBER BIAYA", None, None, None, "JUMLAH",
               "WAKTU", "SIFAT PROYEK", None, "PELAKSANA", "KET"])
    ws.append([None, None, None, "PEMERINTAH", "PROVINSI", "KAB/KOTA", "SWADAYA", None, None, "BARU", "LANJUTAN", None, None])
    for c in ("A", "B", "C", "H", "I", "L", "M"):
        ws.merge_cells(f"{c}5:{c}6")
    ws.merge_cells("D5:G5")
    ws.merge_cells("J5:K5")
    ws.append(list(range(1, 14)))
    for n, k in enumerate(items, 1):
        cols = {"DDS": 4, "PBP": 5}
        row = [n, k.nama, f"{k.volume} {k.satuan}", None, None, None, None, k.anggaran, "90 hari", "v", None, k.pelaksana, None]
        row[cols[k.sd] - 1] = k.anggaran
        ws.append(row)
    name = f"Buku Kegiatan Pembangunan {nama} {tahun}.xlsx"
    save_xlsx(wb, HERE / name)
    _reg(reg, name, kode, tahun, items,
         "OpenSID Buku Kegiatan Pembangunan (Permendagri 47/2016): no kode kegiatan (names are the reference names), "
         "SUMBER BIAYA over PEMERINTAH/PROVINSI/KAB/KOTA/SWADAYA amount columns (the filled one is the source), "
         "SIFAT PROYEK ticks, numbering row, no status", "S19 (OpenSID bumindes kegiatan/cetak.blade.php)",
         kegiatan_codes=[k.keg for k in items], status_note="no status column")


def buku_rencana_pembangunan(reg: Registry) -> None:
    kode, tahun = "62.02.01.2006", 2026
    nama, kec = village(kode)
    items = [K("2.3.12", activity("2.3.12"), "Dusun Sungai Kecil", "500", "m", 160_000_000, "DDS", "TPK"),
             K("2.1.05", activity("2.1.05"), "PAUD Tunas Harapan", "1", "unit", 30_000_000, "DDS", "TPK"),
             K("4.7.04", activity("4.7.04"), "Desa", "2", "kelompok", 25_000_000, "ADD", "Kasi Kesejahteraan")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rencana"
    ws.append([f"PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR KECAMATAN {kec.upper()} DESA {nama.upper()}"])
    ws.append(["BUKU RENCANA PEMBANGUNAN"])
    ws.append([f"TAHUN {tahun}"])
    ws.append(["NOMOR URUT", "NAMA PROYEK / KEGIATAN", "LOKASI", "SUMBER BIAYA", None, None, None, "JUMLAH",
               "PELAKSANA", "MANFAAT", "KET"])
    ws.append([None, None, None, "PEMERINTAH", "PROVINSI", "KAB/KOTA", "SWADAYA", None, None, None, None])
    ws.merge_cells("D4:G4")
    ws.append(list(range(1, 12)))
    for n, k in enumerate(items, 1):
        pem = k.anggaran if k.sd == "DDS" else None
        kab = k.anggaran if k.sd == "ADD" else None
        ws.append([n, k.nama, k.lokasi, pem, None, kab, None, k.anggaran, k.pelaksana, "Masyarakat",
                   "ADD" if k.sd == "ADD" else "DD"])
    name = f"Buku Rencana Pembangunan {nama} {tahun}.xlsx"
    save_xlsx(wb, HERE / name)
    _reg(reg, name, kode, tahun, items,
         "OpenSID Buku Rencana Pembangunan: plan of next year, no kode kegiatan, SUMBER BIAYA split columns (ADD in KAB/KOTA, "
         "said so in KET), MANFAAT column, no status", "S19 (OpenSID bumindes rencana/cetak.blade.php)",
         kegiatan_codes=[k.keg for k in items], status_note="plan: no status column")


def opensid_opendk_sync(reg: Registry) -> None:
    kode, tahun = "62.02.01.2007", 2024
    items = [K("2.3.10", "Semenisasi Jalan Desa", "RT 002 / RW 001", "250", "m", 98_000_000, "DDS", "TPK", progres=100, status="selesai"),
             K("2.4.11", "Pembangunan Sumur Bor", "RT 004 / RW 002", "1", "unit", 42_000_000, "DDS", "TPK", progres=80, status="berjalan"),
             K("3.2.01", "Pembinaan Sanggar Tari", "Balai Desa", "6", "kali", 12_000_000, "ADD", "Sanggar Seni", progres=30, status="berjalan")]
    head = ["desa_id", "id", "sumber_dana", "lokasi", "keterangan", "judul", "volume", "tahun_anggaran",
            "pelaksana_kegiatan", "status", "anggaran", "perubahan_anggaran", "sumber_biaya_pemerintah",
            "sumber_biaya_provinsi", "sumber_biaya_kab_kota", "sumber_biaya_swadaya", "sumber_biaya_jumlah",
            "manfaat", "waktu", "foto", "persentase", "kode_kegiatan"]
    rows = []
    for n, k in enumerate(items, 1):
        pem = k.anggaran if k.sd == "DDS" else 0
        kab = k.anggaran if k.sd == "ADD" else 0
        rows.append([kode, n, OPENSID_SD[k.sd], k.lokasi, "", k.nama, f"{k.volume} {k.satuan}", tahun, k.pelaksana,
                     1, f"{k.anggaran}.00", "0.00", f"{pem}.00", "0.00", f"{kab}.00", "0.00", f"{k.anggaran}.00",
                     "Masyarakat", 90, "", f"{k.progres}%", k.keg])
    name = f"pembangunan_{kode}_{tahun}.csv"
    (HERE / name).write_text(_csv([head] + rows), encoding="utf-8")
    _reg(reg, name, kode, tahun, items,
         "OpenSID pembangunan table as synced to OpenDK (desa_id, judul, sumber_dana as OpenSID's long names "
         "'Alokasi Anggaran Pendapatan dan Belanja Negara (Dana Desa)', status 1 = aktif, amounts '98000000.00', "
         "persentase '80%'); kode_kegiatan added as the last column", "S20 (OpenDK SinkronPembangunan, OpenSID Referensi_model SUMBER_DANA/STATUS_PEMBANGUNAN)",
         status_note="OpenSID 'status' 1 is the record flag, not progress; progress is persentase")


def kecamatan_kegiatan(reg: Registry) -> None:
    tahun = 2025
    per = {"62.02.13.2001": [K("2.3.10", "Pengerasan Jalan Desa", "Pundu Hilir", "300", "m", 120_000_000, "DDS", progres=100, status="selesai"),
                             K("2.2.02", "Penyelenggaraan Posyandu", "Posyandu Anggrek", "12", "bulan", 15_000_000, "DDS", progres=90, status="berjalan")],
           "62.02.13.2002": [K("2.4.12", "Sambungan Air Bersih ke Rumah Tangga", "RT 01-03", "60", "SR", 90_000_000, "DDS", progres=100, status="selesai")],
           "62.02.13.2003": [K("4.2.04", "Pemeliharaan Saluran Irigasi Tersier", "Blok C", "800", "m", 45_000_000, "DDS", progres=50, status="berjalan"),
                             K("5.3.01", "BLT Dana Desa", "Desa", "15", "KPM", 54_000_000, "DDS", progres=75, status="berjalan")]}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap Kegiatan"
    ws.append([f"REKAPITULASI KEGIATAN DANA DESA KECAMATAN CEMPAGA HULU TAHUN {tahun}"])
    ws.append(["No", "Desa", "Kode Kegiatan", "Nama Kegiatan", "Lokasi", "Volume", "Satuan", "Pagu (Rp)",
               "Sumber Dana", "Progres (%)", "Status"])
    n = 0
    per_desa = {}
    for kode, items in per.items():
        nama, _ = village(kode)
        for k in items:
            n += 1
            ws.append([n, nama, k.keg, k.nama, k.lokasi, int(k.volume), k.satuan, k.anggaran, k.sd, k.progres, k.status])
        per_desa[kode] = {"rows": len(items), "anggaran": total(items)}
    ws.append([None, "JUMLAH", None, None, None, None, None, sum(total(i) for i in per.values())])
    name = f"Rekap Kegiatan DD Kec Cempaga Hulu {tahun}.xlsx"
    save_xlsx(wb, HERE / name)
    all_items = [k for items in per.values() for k in items]
    _reg(reg, name, list(per), tahun, all_items,
         "kecamatan-collected kegiatan sheet: several desa, a 'Desa' column with names, no kode desa, one JUMLAH row",
         "S9, S16", per_desa=per_desa)


def merged_dates_signature(reg: Registry) -> None:
    kode, tahun = "62.02.16.2001", 2025
    nama, kec = village(kode)
    items = [K("2.3.13", "Rehabilitasi Jembatan Titian Ulin", "Dusun II", "24", "m", 134_000_000, "DDS", "TPK", D(2025, 3, 17), D(2025, 6, 13), 100, "selesai"),
             K("2.2.09", "Pembangunan Posyandu", "RT 04", "1", "unit", 96_500_000, "DDS", "TPK", D(2025, 6, 16), D(2025, 10, 17), 100, "selesai"),
             K("1.3.01", "Pelayanan Administrasi Kependudukan", "Kantor Desa", "12", "bulan", 6_000_000, "ADD", "Kasi Pemerintahan", D(2025, 1, 2), D(2025, 12, 31), 92, "berjalan"),
             K("3.1.04", "Kesiapsiagaan Bencana Kebakaran Hutan", "Desa", "1", "paket", 20_000_000, "DDS", "Linmas", D(2025, 7, 1), D(2025, 10, 31), 100, "selesai")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Laporan Kegiatan"
    for r, text in enumerate([f"LAPORAN PELAKSANAAN KEGIATAN DESA {nama.upper()}", f"KECAMATAN {kec.upper()}", f"TAHUN ANGGARAN {tahun}"], 1):
        ws.cell(r, 1, text)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=10)
    hdr = ["Kode Kegiatan", "Nama Kegiatan", "Lokasi", "Volume", "Satuan", "Anggaran (Rp)", "Sumber Dana", "Waktu Pelaksanaan", None, "Progres", "Status"]
    for c, v in enumerate(hdr, 1):
        ws.cell(5, c, v)
    ws.cell(6, 8, "Mulai")
    ws.cell(6, 9, "Selesai")
    ws.merge_cells("H5:I5")
    for c in (1, 2, 3, 4, 5, 6, 7, 10, 11):
        ws.merge_cells(start_row=5, start_column=c, end_row=6, end_column=c)
    for k in items:
        ws.append([k.keg, k.nama, k.lokasi, int(k.volume), k.satuan, k.anggaran, k.sd, tanggal(k.mulai),
                   tanggal(k.selesai), f"{k.progres} %", k.status.capitalize()])
    ws.append([None, "JUMLAH", None, None, None, total(items)])
    ws.append([])
    ws.append([None] * 8 + [f"{nama}, 31 Desember {tahun}"])
    ws.append([None] * 8 + ["Mengetahui,"])
    ws.append([None] * 8 + [f"Kepala Desa {nama}"])
    ws.append([])
    ws.append([None] * 8 + ["DEMIANUS SAHAY"])
    name = f"Laporan Kegiatan {nama} {tahun}.xlsx"
    save_xlsx(wb, HERE / name)
    _reg(reg, name, kode, tahun, items,
         "'Waktu Pelaksanaan' merged over Mulai | Selesai, dates as text '17 Maret 2025', progress '92 %', status 'Selesai', "
         "title rows, JUMLAH row, signature block", "S15, S4")


def cp1252_siskeudes_codes(reg: Registry) -> None:
    kode, tahun = "62.02.09.2001", 2024
    items = [K("2.3.11", "Peningkatan Jalan Gang – Jl. Pelita", "RT 02", "150", "m", 72_500_000, "DDS", "TPK", D(2024, 4, 1), D(2024, 6, 28), 100, "selesai"),
             K("2.4.14", "Pembangunan MCK Umum", "Dermaga", "1", "unit", 55_000_000, "DDS", "TPK", D(2024, 7, 1), D(2024, 12, 20), 62.5, "berjalan"),
             K("4.1.05", "Bantuan Bibit Ikan Nila", "Pokdakan Mina Jaya", "20.000", "ekor", 30_000_000, "DDS", "Pokdakan", D(2024, 9, 2), D(2024, 11, 29), 100, "selesai")]
    progres = {100: "100 %", 62.5: "62,5 %"}
    head = ["Kd_Keg", "Nama_Kegiatan", "Lokasi", "Volume", "Satuan", "Pagu", "Sumber Dana", "Mulai", "Selesai", "Capaian", "Status"]
    rows = [[siskeudes_keg(k.keg), k.nama, k.lokasi, k.volume, k.satuan, idr(k.anggaran, rp=True), k.sd,
             k.mulai.strftime("%d-%m-%Y"), k.selesai.strftime("%d-%m-%Y"), progres[k.progres], k.status.upper()] for k in items]
    name = "kegiatan_bapinang_hulu_2024.csv"
    (HERE / name).write_bytes(_csv([head] + rows, ";").encode("cp1252"))
    _reg(reg, name, kode, tahun, items,
         "Windows-1252 ';' CSV with Siskeudes kegiatan codes '02.03.11.', Siskeudes column names (Kd_Keg, Nama_Kegiatan, Pagu), "
         "'Rp 72.500.000,00', dates '01-04-2024', progress '62,5 %', status upper case", "S18, S4",
         progres=[100, 62.5, 100])


def papan_informasi(reg: Registry) -> None:
    kode, tahun = "62.02.03.2001", 2025
    k = K("2.3.12", "Pembangunan Jalan Usaha Tani", "Dusun II Tangar", "450", "m", 185_000_000, "DDS", "TPK Desa Tangar",
          D(2025, 6, 2), D(2025, 7, 31), 100, "selesai")
    rows = [["PAPAN INFORMASI KEGIATAN"], ["Desa", ": Tangar, Kecamatan Mentaya Hulu"],
            ["Kode Kegiatan", f": {k.keg}"], ["Nama Kegiatan", f": {k.nama}"], ["Lokasi", f": {k.lokasi}"],
            ["Volume", f": {k.volume} {k.satuan}"], ["Anggaran", f": {idr(k.anggaran, rp=True)}"],
            ["Sumber Dana", ": Dana Desa (DDS)"], ["Pelaksana", f": {k.pelaksana}"],
            ["Waktu Pelaksanaan", f": 60 hari kalender ({tanggal(k.mulai)} s.d. {tanggal(k.selesai)})"],
            ["Tahun Anggaran", f": {tahun}"], ["Status", ": Selesai 100%"]]
    name = "papan_informasi_jalan_usaha_tani_tangar_2025.csv"
    (HERE / name).write_text(_csv(rows, ";"), encoding="utf-8")
    _reg(reg, name, kode, tahun, [k],
         "one kegiatan as a vertical 'label ; : value' form (papan informasi proyek), period '60 hari kalender (2 Juni 2025 s.d. 31 Juli 2025)'",
         "S21 (papan informasi kegiatan)")


def realisasi_per_kegiatan(reg: Registry) -> None:
    kode, tahun = "62.02.13.2005", 2025
    nama, kec = village(kode)
    items = [K("1.1.01", activity("1.1.01"), "", "12", "bulan", 42_000_000, "ADD"),
             K("1.1.02", activity("1.1.02"), "", "12", "bulan", 186_000_000, "ADD"),
             K("2.3.10", activity("2.3.10"), "", "1", "paket", 245_000_000, "DDS"),
             K("5.3.01", activity("5.3.01"), "", "12", "bulan", 36_000_000, "DDS")]
    spent = [21_000_000, 93_000_000, 98_000_000, 18_000_000]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Realisasi Sem I"
    ws.append(["LAPORAN REALISASI APBDes SEMESTER I"])
    ws.append([f"Desa {nama}, Kecamatan {kec}, Kabupaten Kotawaringin Timur"])
    ws.append([f"Periode Januari — Juni {tahun}"])
    ws.append(["No", "Kode Keg.", "Uraian Kegiatan", "Anggaran (Rp)", "Realisasi Sem. I (Rp)", "%", "Sisa (Rp)", "Sumber Dana"])
    for n, (k, s) in enumerate(zip(items, spent), 1):
        ws.append([n, k.keg, k.nama, k.anggaran, s, f"{s / k.anggaran * 100:.1f}%", k.anggaran - s, k.sd])
    ws.append([None, None, "TOTAL BELANJA", total(items), sum(spent), None, total(items) - sum(spent)])
    ws.append([])
    ws.append(["Mengetahui,", None, None, "Sekretaris Desa,", None, "Bendahara Desa,"])
    ws.append([f"Kepala Desa {nama}"])
    ws.append([])
    ws.append(["ANTONIUS BUNGAI", None, None, "RATNA SARI", None, "HENDRA WIJAYA"])
    name = f"Realisasi Semester I per Kegiatan {nama} {tahun}.xlsx"
    save_xlsx(wb, HERE / name)
    _reg(reg, name, kode, tahun, items,
         "belanja per kegiatan (siskeudes-mobile Realisasi Semester I): Kode Keg., Uraian Kegiatan, Anggaran, Realisasi Sem. I, "
         "financial %, Sisa; TOTAL BELANJA row; three-column signature (Kepala Desa / Sekretaris / Bendahara); no status, no lokasi",
         "S11", status_note="no status column; '%' is financial realisation, not physical progress",
         realisasi=sum(spent))


def build(reg: Registry) -> None:
    for step in (multi_lokasi, status_words, volume_units, no_status, rkpdes_form, buku_kegiatan_pembangunan,
                 buku_rencana_pembangunan, opensid_opendk_sync, kecamatan_kegiatan, merged_dates_signature,
                 cp1252_siskeudes_codes, papan_informasi, realisasi_per_kegiatan):
        step(reg)
