"""Blind-trial files (kegiatan + musyawarah) for Desa Terbuka. Invented content, real Kotim villages.

Run: .venv/bin/python tests/data/blind/trial_s29/activities/build.py   (writes files next to this script + manifest.json)
"""
import csv, io, json
from pathlib import Path
from datetime import date, datetime
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment

OUT = Path(__file__).parent
MANIFEST = []

def rp(n, dec=False):
    s = f"{n:,.0f}".replace(",", ".")
    return f"Rp {s},00" if dec else f"Rp {s}"

def dots(n):
    return f"{n:,.0f}".replace(",", ".")

def add(**kw):
    MANIFEST.append(kw)

# ---------------------------------------------------------------------------------------------
# K1  Daftar Pelaksanaan Kegiatan Pembangunan Desa (per-bidang tables, repeated headings,
#     "RT 01/ RW 02" lokasi, "dd-mm-YYYY Sampai dd-mm-YYYY" date range, "Rp 1.234" biaya,
#     "Jumlah Per Bidang" rows, "JUMLAH TOTAL : RP ..." row). No kode kegiatan.
#     Imitates search-index file id 49458713513 (repo not revealed: CodeIgniter view 'Laporan',
#     "Daftar Pelaksanaan Kegiatan Pembangunan Desa", columns No | Jenis Kegiatan | Lokasi |
#     Prakiraan Waktu Pelaksanaan | Prakiraan Biaya).
def k1():
    bidang = [
        ("Bidang Pelaksanaan Pembangunan Desa", [
            ("2.3.10", "Pembangunan/Rehabilitas/Peningkatan/Pengerasan Jalan Desa", "01", "01", date(2024,3,4), date(2024,5,31), 185_400_000),
            ("2.3.14", "Pembangunan/Rehabilitasi/Peningkatan Prasarana Jalan Desa (Gorong, selokan dll)", "03", "02", date(2024,6,3), date(2024,7,15), 62_750_000),
            ("2.4.11", "Pembangunan/Rehabilitasi/Peningkatan Sumber Air Bersih Milik Desa", "05", "03", date(2024,7,1), date(2024,8,30), 48_000_000),
        ]),
        ("Bidang Pemberdayaan Masyarakat Desa", [
            ("4.4.01", "Pelatihan dan Penyuluhan Pemberdayaan Perempuan", "02", "01", date(2024,4,16), date(2024,4,18), 12_500_000),
            ("4.2.01", "Peningkatan Produksi Tanaman Pangan (alat produksi/pengelolaan/penggilingan)", "04", "02", date(2024,9,2), date(2024,10,31), 37_250_000),
        ]),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Pelaksanaan"
    ws.append(["Daftar Pelaksanaan Kegiatan Pembangunan Desa"]); ws.merge_cells("A1:E1")
    ws.append(["Tahun 2024"]); ws.merge_cells("A2:E2")
    ws.append([])
    ws.append(["Desa", ":", "Sari Harapan"])
    ws.append(["Kecamatan", ":", "Parenggean"])
    ws.append(["Kabupaten", ":", "Kotawaringin Timur"])
    ws.append(["Privinsi", ":", "Kalimantan Tengah"])   # typo as in the source view
    ws.append([])
    total = 0; n = 0; codes = []
    for nm, rows in bidang:
        r = ws.max_row + 1
        ws.append([nm]); ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        ws.append(["No", "Jenis Kegiatan", "Lokasi", "Prakiraan Waktu Pelaksanaan", "Prakiraan Biaya"])
        sub = 0
        for i, (kode, nama, rt, rw, d1, d2, biaya) in enumerate(rows, 1):
            ws.append([i, nama, f"RT {rt}/ RW {rw}", f"{d1:%d-%m-%Y}\nSampai\n{d2:%d-%m-%Y}", rp(biaya)])
            ws.cell(ws.max_row, 4).alignment = Alignment(wrap_text=True)
            sub += biaya; n += 1; codes.append(kode)
        r = ws.max_row + 1
        ws.append(["Jumlah Per Bidang", None, None, None, rp(sub)])
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        ws.append([])
        total += sub
    r = ws.max_row + 1
    ws.append([f"JUMLAH TOTAL : RP {dots(total)}"]); ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    f = "Daftar Pelaksanaan Kegiatan Pembangunan Desa Sari Harapan 2024.xlsx"
    wb.save(OUT / f)
    add(file=f, type="kegiatan", kode_desa="62.02.04.2015", tahun=2024, rows=n, anggaran=total,
        kegiatan_codes=codes,
        dates="each row: tanggal_mulai/selesai in one cell 'dd-mm-YYYY\\nSampai\\ndd-mm-YYYY' (first row 2024-03-04 .. 2024-05-31)",
        shape="per-bidang tables each with its own heading row, bidang name as merged row, 'Jumlah Per Bidang' rows, one-cell 'JUMLAH TOTAL : RP 345.900.000' row, Desa/Kecamatan label rows, no kode kegiatan (reference names)",
        imitates="search-index file id 49458713513 (CodeIgniter 'Laporan' view: Daftar Rencana/Pelaksanaan Kegiatan Pembangunan Desa; repo not revealed)")

# ---------------------------------------------------------------------------------------------
# K2  DPA rencana kas per kegiatan (siskeudes-mobile PDFDPAPerKegiatan): 'Uraian Kegiatan' cell
#     = code on one line, name on the next; 'Pagu (Rp)'; 12 month columns Jan..Des; 'Total DPA';
#     TOTAL row; signatures Kepala Desa / Sekretaris Desa / Bendahara Desa. ';' CSV, UTF-8 BOM.
def k2():
    keg = [
        ("1.1.01", "Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa", 54_000_000, {m: 4_500_000 for m in range(1, 13)}),
        ("1.4.01", "Penyelenggaraan Musyawarah Perencanaan Desa/Pembahasan APBDes (Reguler)", 9_600_000, {1: 3_200_000, 7: 3_200_000, 10: 3_200_000}),
        ("2.2.02", "Penyelenggaraan Posyandu (Mkn Tambahan, Kls Bumil, Lamsia, Insentif)", 27_600_000, {m: 2_300_000 for m in range(1, 13)}),
        ("2.3.12", "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jalan Usaha Tani", 142_850_000, {5: 71_425_000, 6: 71_425_000}),
        ("5.3.01", "Penanganan Keadaan Mendesak", 32_400_000, {m: 2_700_000 for m in range(1, 13)}),
    ]
    BUL = ["Jan","Feb","Mar","Apr","Mei","Jun","Jul","Agt","Sep","Okt","Nov","Des"]
    buf = io.StringIO(); w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["DOKUMEN PELAKSANAAN ANGGARAN (DPA) — RENCANA KAS PER KEGIATAN"])
    w.writerow(["Desa Tumbang Sangai, Kecamatan Telaga Antang, Kabupaten Kotawaringin Timur"])
    w.writerow(["Tahun Anggaran 2025"])
    w.writerow([])
    w.writerow(["Uraian Kegiatan", "Pagu (Rp)"] + BUL + ["Total DPA"])
    tot = 0; per = [0]*12
    for kode, nama, pagu, bl in keg:
        assert sum(bl.values()) == pagu, kode
        cells = []
        for m in range(1, 13):
            v = bl.get(m, 0); per[m-1] += v
            cells.append(rp(v) if v else "")
        w.writerow([f"{kode}\n{nama}", rp(pagu)] + cells + [rp(pagu)])
        tot += pagu
    w.writerow(["TOTAL", rp(tot)] + [rp(v) if v else "" for v in per] + [rp(tot)])
    w.writerow([])
    w.writerow(["Mengetahui,\nKepala Desa Tumbang Sangai", "", "", "", "", "Sekretaris Desa,", "", "", "", "", "Bendahara Desa,"])
    w.writerow(["HENDRA SIMPEI", "", "", "", "", "YULIANA DARMI", "", "", "", "", "RISKA ANGGRENI"])
    f = "DPA_Rencana_Kas_Tumbang_Sangai_2025.csv"
    (OUT / f).write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    add(file=f, type="kegiatan", kode_desa="62.02.17.2006", tahun=2025, rows=len(keg), anggaran=tot,
        kegiatan_codes=[k[0] for k in keg],
        shape="';' UTF-8-BOM CSV; code and name in ONE quoted cell separated by a newline ('2.3.12\\nPembangunan/...'); 'Pagu (Rp)'; 12 month columns Jan..Des (incl. 'Des', 'Mei'); 'Total DPA' (= pagu); TOTAL row; three signature columns with invented names on the last line",
        imitates="karangsengon-03/siskeudes-mobile src/components/modules/pelaporan/PDFDPAPerKegiatan.tsx (commit 3d637c83ade6304be9abe0f44939d1ef8e32fa43)")

# ---------------------------------------------------------------------------------------------
# K3  Siskeudes-style RKP Desa print with hierarchical code rows: bidang "02." and sub bidang
#     "02.03." heading rows CARRY subtotal amounts; kegiatan rows "02.03.10."; Volume
#     '1.200 m' (thousands dot), Pagu 'Rp 98.500.000,00'; Pola Pelaksanaan; signature rows.
def k3():
    rows = [
        # kode_siskeudes, nama, lokasi, volume, sasaran, waktu, biaya, sumber, pola
        ("02.03.10.", "Peningkatan Jalan Desa Ruas Hantipan - Handil Sapiri (Rabat Beton)", "Dusun I", "1.200 m", "Warga Dusun I", "4 Bulan", 246_800_000, "DDS", "Swakelola"),
        ("02.03.13.", "Pembangunan Jembatan Titian Ulin Handil Pasir", "Dusun II", "36 m", "Petani Handil Pasir", "2 Bulan", 88_450_000, "DDS", "Swakelola"),
        ("02.04.14.", "Pembangunan MCK Umum Dermaga Desa", "RT 03", "2 unit", "Warga RT 03", "2 Bulan", 54_300_000, "ADD", "Swakelola"),
        ("03.02.03.", "Penyelenggaraan Festival Budaya dan HUT RI ke-80", "Balai Desa", "1 kegiatan", "Masyarakat Desa", "1 Bulan", 18_750_000, "ADD", "Swakelola"),
        ("04.06.02.", "Pelatihan Pengelolaan BUM Desa", "Kantor Desa", "25 orang", "Pengurus BUMDes", "3 Hari", 14_200_000, "DDS", "Kerja Sama Pihak Ketiga"),
    ]
    names = {"02.": "BIDANG PELAKSANAAN PEMBANGUNAN DESA", "02.03.": "Sub Bidang Pekerjaan Umum dan Penataan Ruang",
             "02.04.": "Sub Bidang Kawasan Permukiman", "03.": "BIDANG PEMBINAAN KEMASYARAKATAN",
             "03.02.": "Sub Bidang Kebudayaan dan Keagamaan", "04.": "BIDANG PEMBERDAYAAN MASYARAKAT",
             "04.06.": "Sub Bidang Dukungan Penanaman Modal"}
    wb = Workbook(); ws = wb.active; ws.title = "RKPDes"
    ws.append(["PEMERINTAH DESA HANTIPAN"]); ws.append(["KECAMATAN PULAU HANAUT KABUPATEN KOTAWARINGIN TIMUR"])
    ws.append(["RENCANA KERJA PEMERINTAH DESA (RKP DESA) TAHUN 2025"]); ws.append([])
    ws.append(["Kode", "Bidang/Sub Bidang/Kegiatan", "Lokasi", "Volume", "Sasaran/Manfaat", "Waktu Pelaksanaan",
               "Jumlah Biaya (Rp)", "Sumber Dana", "Pola Pelaksanaan"])
    ws.append(["1", "2", "3", "4", "5", "6", "7", "8", "9"])
    def s(prefix): return sum(r[6] for r in rows if r[0].startswith(prefix))
    seen = set()
    for r in rows:
        b, sb = r[0][:3], r[0][:6]
        if b not in seen:
            seen.add(b); ws.append([b, names[b], None, None, None, None, rp(s(b), True)])
            ws.cell(ws.max_row, 2).font = Font(bold=True)
        if sb not in seen:
            seen.add(sb); ws.append([sb, names[sb], None, None, None, None, rp(s(sb), True)])
        ws.append([r[0], r[1], r[2], r[3], r[4], r[5], rp(r[6], True), r[7], r[8]])
    tot = sum(r[6] for r in rows)
    ws.append([None, "JUMLAH", None, None, None, None, rp(tot, True)])
    ws.append([])
    ws.append([None, None, None, None, None, None, "Hantipan, 14 Oktober 2024"])
    ws.append([None, None, None, None, None, None, "Kepala Desa Hantipan"])
    ws.append([]); ws.append([None, None, None, None, None, None, "SUPRIADI NOOR"])
    f = "RKP Desa Hantipan TA 2025.xlsx"
    wb.save(OUT / f)
    add(file=f, type="kegiatan", kode_desa="62.02.09.2013", tahun=2025, rows=len(rows), anggaran=tot,
        kegiatan_codes=["2.3.10", "2.3.13", "2.4.14", "3.2.03", "4.6.02"],
        volumes=[(1200, "m"), (36, "m"), (2, "unit"), (1, "kegiatan"), (25, "orang")],
        shape="Siskeudes-style hierarchical print: bidang '02.' and sub-bidang '02.03.' heading rows WITH subtotal amounts, kegiatan codes '02.03.10.', specific names (not the reference names), volume with thousands dot '1.200 m', 'Rp 246.800.000,00', column-number row 1..9, JUMLAH row, place-date + signature rows; note the place-date line is dated 2024 (RKP 2025 is made in 2024)",
        imitates="Permendagri 114/2014 RKP Desa form (S15 of variety SOURCES) + Siskeudes code style (reference/siskeudes_desa_simulasi Ta_Kegiatan Kd_Keg); bidang/sub heading rows with subtotals as Siskeudes prints")

# ---------------------------------------------------------------------------------------------
# K4  Google-Form/Sheets export of 'Laporan Kegiatan Desa' (TAB separated, UTF-8 no BOM):
#     Timestamp column, 'Nama Desa', 'Tahun Anggaran', name with code prefix in the name cell,
#     mixed date styles, progress '75,5%', status 'Selesai 100%'.
def k4():
    hdr = ["Timestamp", "Nama Desa", "Tahun Anggaran", "Nama Kegiatan", "Lokasi (Dusun/RT)", "Volume", "Satuan",
           "Anggaran (Rp)", "Sumber Dana", "Tanggal Mulai", "Tanggal Selesai", "Progres Fisik (%)", "Status", "Keterangan"]
    rows = [
        ("02/12/2024 09:14:07", "Karang Sari", "2024", "2.3.10 Pengerasan Jalan Desa Blok C", "RT 04", "650", "meter", "187500000", "Dana Desa", "2024-03-12", "2024-06-28", "100%", "Selesai 100%", ""),
        ("02/12/2024 09:20:55", "Karang Sari", "2024", "2.4.13 Pembangunan Drainase Permukiman RT 07", "RT 07", "210", "m", "64250000", "DD", "01/07/2024", "30/09/2024", "100%", "Selesai", ""),
        ("02/12/2024 09:31:40", "Karang Sari", "2024", "2.2.02 Penyelenggaraan Posyandu Melati", "Dusun Sari Makmur", "12", "bulan", "21600000", "ADD", "2 Januari 2024", "31 Desember 2024", "91,7%", "Berjalan", "Desember belum dibayar"),
        ("02/12/2024 09:40:12", "Karang Sari", "2024", "4.2.02 Bantuan Kandang Kambing Kelompok Ternak", "RT 02", "4", "unit", "38400000", "DDS", "2024-08-05", "2024-11-29", "75,5%", "Sedang dikerjakan", "tahap atap"),
        ("02/12/2024 09:47:03", "Karang Sari", "2024", "1.2.03 Rehab Kantor Desa (Pengecatan & Plafon)", "Kantor Desa", "1", "paket", "45000000", "PAD", "2024-10-14", "2024-12-20", "0%", "Belum mulai", "menunggu pencairan tahap III"),
    ]
    buf = io.StringIO(); w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    w.writerow(hdr); [w.writerow(r) for r in rows]
    f = "Laporan Kegiatan Desa (Jawaban) - Form Responses 1.tsv"
    (OUT / f).write_text(buf.getvalue(), encoding="utf-8")
    add(file=f, type="kegiatan", kode_desa="62.02.04.2016", tahun=2024, rows=len(rows),
        anggaran=sum(int(r[7]) for r in rows),
        kegiatan_codes=["2.3.10", "2.4.13", "2.2.02", "4.2.02", "1.2.03"],
        progres=[100, 100, 91.7, 75.5, 0], tanggal_mulai=["2024-03-12", "2024-07-01", "2024-01-02", "2024-08-05", "2024-10-14"],
        shape="Google Forms response sheet downloaded as .tsv (tab, UTF-8, no BOM), no kode desa (only 'Nama Desa' column), Timestamp column, code prefix inside the 'Nama Kegiatan' cell with a specific name, three date styles in one column, decimal-comma percent '75,5%', file name carries no village/year",
        imitates="Google Forms 'Form Responses 1' export convention; fields after OpenDK SinkronPembangunan/S20 and datasets/kegiatan.yaml")

# ---------------------------------------------------------------------------------------------
# K5  RPJMDes/RKP-style sheet with amounts in THOUSANDS: heading 'Prakiraan Biaya (Rp.000)'
#     Windows-1252 CSV, ',' delimiter, 'Desa' context only in the title.
def k5():
    rows = [
        ("1", "2.3.12", "Pembukaan Jalan Usaha Tani Sei Bajanei", "Dusun Karya", "2,5 km", "DDS", "315.000"),
        ("2", "2.1.06", "Pengadaan APE PAUD Tunas Harapan", "RT 01", "1 paket", "ADD", "22.500"),
        ("3", "2.2.90", "Pembangunan Sumur Bor Air Bersih", "RT 05", "3 titik", "DDS", "67.800"),
        ("4", "3.2.03", "Festival Adat Tiwah Lestari", "Balai Adat", "1 kali", "PAD", "12.000"),
        ("5", "5.1.01", "Pengadaan Alat Pemadam Karhutla (Mesin Pompa)", "Desa", "2 unit", "DDS", "48.600"),
    ]
    buf = io.StringIO(); w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["DAFTAR KEGIATAN PRIORITAS DESA TUMBANG KALANG TAHUN 2026"])
    w.writerow(["Kecamatan Antang Kalang – Kabupaten Kotawaringin Timur"])
    w.writerow(["No.", "Kode Keg.", "Nama Kegiatan", "Lokasi", "Prakiraan Volume", "Sumber Dana", "Prakiraan Biaya (Rp.000)"])
    for r in rows: w.writerow(r)
    tot_k = sum(int(r[6].replace(".", "")) for r in rows)
    w.writerow(["", "", "JUMLAH", "", "", "", dots(tot_k)])
    w.writerow([])
    w.writerow(["Catatan: nilai dalam ribuan rupiah (Rp.000)"])
    f = "kegiatan_prioritas_tumbang_kalang_2026.csv"
    (OUT / f).write_bytes(buf.getvalue().encode("cp1252"))
    add(file=f, type="kegiatan", kode_desa="62.02.10.2001", tahun=2026, rows=len(rows), anggaran=tot_k * 1000,
        anggaran_as_written_thousands=tot_k, volumes=[(2.5, "km"), (1, "paket"), (3, "titik"), (1, "kali"), (2, "unit")],
        shape="Windows-1252 ',' CSV (en dash in title), amounts in THOUSANDS declared in heading 'Prakiraan Biaya (Rp.000)' and in a note ('315.000' = Rp 315.000.000), volume with decimal comma '2,5 km', JUMLAH row",
        imitates="RPJMDes/RKPDes 'Prakiraan Biaya (Rp.000)' convention of Permendagri 114/2014 forms as printed by villages (pages corpus, pdfcoffee RPJMDes sistematika) — thousand-unit heading as in many RPJMDes matrices")

# ---------------------------------------------------------------------------------------------
# M1  Rekap musyawarah with Prodeskel-like headings: 'Jumlah Kehadiran Masyarakat',
#     'Jumlah Peserta Laki-laki', 'Jumlah Peserta Perempuan', 'Jumlah Peserta Warga Miskin';
#     date with weekday and legacy spelling 'Pebruari'/'Nopember'; ';' UTF-8 CSV.
def m1():
    rows = [
        ("1", "Senin, 05 Pebruari 2024", "Musyawarah Desa Khusus Penetapan KPM BLT-DD 2024", "Balai Desa Bantian", "Ketua BPD", "38", "22", "16", "9", "KPM BLT-DD ditetapkan 24 KK"),
        ("2", "Kamis, 18 April 2024", "Musdes Pertanggungjawaban Realisasi APBDes TA 2023", "Balai Desa Bantian", "Ketua BPD", "41", "27", "14", "6", "LPJ diterima"),
        ("3", "Sabtu, 13 Juli 2024", "Musrenbangdes RKP Desa TA 2025", "Aula Kantor Desa", "Ketua BPD", "57", "33", "24", "11", "12 usulan prioritas disepakati"),
        ("4", "Rabu, 20 Nopember 2024", "Musdes Penetapan APBDes TA 2025", "Balai Desa Bantian", "Wakil Ketua BPD", "35", "21", "14", "4", "APBDes TA 2025 disepakati"),
    ]
    buf = io.StringIO(); w = csv.writer(buf, delimiter=";", lineterminator="\n")
    w.writerow(["REKAPITULASI MUSYAWARAH DESA BANTIAN TAHUN 2024"])
    w.writerow(["No", "Hari/Tanggal", "Nama Musyawarah", "Tempat", "Pimpinan Rapat", "Jumlah Kehadiran Masyarakat",
                "Jumlah Peserta Laki-laki", "Jumlah Peserta Perempuan", "Jumlah Peserta Warga Miskin", "Hasil Kesepakatan"])
    for r in rows: w.writerow(r)
    f = "rekap_musyawarah_bantian_2024.csv"
    (OUT / f).write_text(buf.getvalue(), encoding="utf-8")
    for r in rows: assert int(r[5]) == int(r[6]) + int(r[7])
    add(file=f, type="musyawarah", kode_desa="62.02.09.2014", tahun=2024, meetings=len(rows),
        hadir=sum(int(r[5]) for r in rows), hadir_laki_laki=sum(int(r[6]) for r in rows), hadir_perempuan=sum(int(r[7]) for r in rows),
        tanggal=["2024-02-05", "2024-04-18", "2024-07-13", "2024-11-20"],
        jenis=["Musdes Khusus", "Musdes Pertanggungjawaban APBDes", "Musrenbangdes", "Musdes Penetapan APBDes"],
        shape="';' UTF-8 CSV, title row, legacy month spellings 'Pebruari'/'Nopember' with weekday, total headed 'Jumlah Kehadiran Masyarakat', extra 'Jumlah Peserta Warga Miskin' column (a subset count, not a third sex), jenis text carrying other years (TA 2023 / TA 2025)",
        imitates="musrenbangdesa form of a Prodeskel-style app (search-index file id 48066861123 / migration 48429587681: jumlah_kehadiran_masyarakat, jumlah_peserta_laki, jumlah_peserta_perempuan) and tahap_perencanaan_musyawarah migration (id 49021341143: jumlah_peserta_warga_miskin)")

# ---------------------------------------------------------------------------------------------
# M2  Berita acara of ONE Musdes RKPDes 2025 held in September 2024, with a 'rekap daftar hadir'
#     table by unsur (L / P / Jumlah) and a JUMLAH row. Year in title (2025) != meeting year (2024).
def m2():
    unsur = [("Pemerintah Desa", 6, 2), ("BPD", 4, 1), ("Tokoh Adat", 3, 0), ("Tokoh Agama", 3, 0),
             ("Tokoh Masyarakat", 4, 1), ("Kelompok Tani", 4, 1), ("Kelompok Perempuan / PKK", 0, 7),
             ("Perwakilan Pemuda", 2, 1), ("Pendamping Desa", 1, 0)]
    L = sum(u[1] for u in unsur); P = sum(u[2] for u in unsur)
    wb = Workbook(); ws = wb.active; ws.title = "BA Musdes"
    ws.append(["BERITA ACARA"]); ws.append(["MUSYAWARAH DESA PENYUSUNAN RKP DESA TAHUN 2025"])
    ws.append(["DESA TUKANG LANGIT KECAMATAN TELAGA ANTANG"]); ws.append([])
    ws.append(["Pada hari ini Kamis tanggal dua belas bulan September tahun dua ribu dua puluh empat, bertempat di Balai Desa Tukang Langit, telah diselenggarakan Musyawarah Desa Penyusunan RKP Desa Tahun 2025."])
    ws.append([])
    for lab, val in [("Hari/Tanggal", "Kamis, 12 September 2024"), ("Waktu", "09.00 WIB s/d selesai"),
                     ("Tempat", "Balai Desa Tukang Langit"), ("Jenis Musyawarah", "Musdes Penyusunan RKPDes"),
                     ("Pimpinan Musyawarah", "Ketua BPD Tukang Langit"), ("Jumlah Undangan", "45 orang"),
                     ("Agenda", "Pembahasan dan penyepakatan rancangan RKP Desa Tahun 2025"),
                     ("Keputusan", "Rancangan RKP Desa TA 2025 (14 kegiatan) disepakati untuk ditetapkan dengan Peraturan Desa")]:
        ws.append([lab, ":", val])
    ws.append([])
    ws.append(["REKAPITULASI DAFTAR HADIR"])
    ws.append(["No", "Unsur", "L", "P", "Jumlah"])
    for i, (u, l, p) in enumerate(unsur, 1):
        ws.append([i, u, l, p, l + p])
    ws.append([None, "JUMLAH", L, P, L + P])
    ws.append([])
    ws.append([None, "Pimpinan Musyawarah,", None, "Notulis,"])
    ws.append([None, "Ketua BPD", None, "Sekretaris Desa"])
    ws.append([]); ws.append([None, "MARKUS JANDI", None, "LIDIA NATALIA"])
    f = "Berita Acara Musdes RKPDes 2025 Tukang Langit.xlsx"
    wb.save(OUT / f)
    add(file=f, type="musyawarah", kode_desa="62.02.17.2007", tahun=2024, meetings=1, hadir=L + P,
        hadir_laki_laki=L, hadir_perempuan=P, jumlah_undangan=45, tanggal=["2024-09-12"], jenis=["Musdes RKPDes"],
        shape="one-meeting berita acara: label ':' value rows, narrative opening sentence with the date spelled out in words, attendance ONLY as a 'Rekapitulasi Daftar Hadir' table by unsur (No | Unsur | L | P | Jumlah) with JUMLAH row; title and file name say 2025 (the RKP year) while the meeting is on 2024-09-12; signature names",
        imitates="/work/shared/reference/musdes_berita_acara_fields.csv (unsur_hadir per Permendagri 110/2016 ps.38(4), hadir L/P) + Wangunsari notulen (S25)")

# ---------------------------------------------------------------------------------------------
# M3  Pipe-delimited export, Windows-1252, 'Waktu' column, counts with units ('40 undangan',
#     '32 org'), dates dd.mm.yyyy, jenis in long/abbrev forms, a dokumen column with a file name.
def m3():
    rows = [
        ("1", "10.01.2024", "08.30 WIB", "Musdes Khusus Validasi dan Finalisasi Data KPM BLT-DD", "Balai Desa", "Ketua BPD", "40 undangan", "32 org", "19", "13", "KPM 2024: 18 KK", "BA_Musdessus_BLT_2024.pdf"),
        ("2", "22.03.2024", "13.30 WIB", "Musyawarah Desa Perubahan APB Desa TA 2024", "Balai Desa", "Ketua BPD", "35 undangan", "30 org", "18", "12", "Perubahan APBDes disepakati", "BA_Musdes_APBDesP_2024.pdf"),
        ("3", "29.05.2024", "09.00 WIB", "Musdus Dusun Rantau Hilir", "Rumah Kadus Rantau Hilir", "Kepala Dusun", "25 undangan", "22 org", "14", "8", "7 usulan dusun", ""),
        ("4", "29.05.2024", "14.00 WIB", "Musdus Dusun Rantau Hulu", "Balai Dusun Rantau Hulu", "Kepala Dusun", "25 undangan", "21 org", "12", "9", "5 usulan dusun", ""),
        ("5", "03.08.2024", "09.00 WIB", "Musdes RKPDes TA 2025", "Balai Desa", "Ketua BPD", "50 undangan", "44 org", "26", "18", "RKPDes 2025 disepakati", "BA_Musdes_RKP_2025.pdf"),
    ]
    lines = ["No|Tanggal|Waktu|Jenis Rapat|Tempat|Pimpinan|Diundang|Hadir|L|P|Hasil|File BA"]
    for r in rows:
        assert int(r[7].split()[0]) == int(r[8]) + int(r[9])
        lines.append("|".join(r))
    f = "musdes_rantau_suang_2024.csv"
    (OUT / f).write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    add(file=f, type="musyawarah", kode_desa="62.02.17.2013", tahun=2024, meetings=len(rows),
        hadir=sum(int(r[7].split()[0]) for r in rows), hadir_laki_laki=sum(int(r[8]) for r in rows),
        hadir_perempuan=sum(int(r[9]) for r in rows), jumlah_undangan=sum(int(r[6].split()[0]) for r in rows),
        tanggal=["2024-01-10", "2024-03-22", "2024-05-29", "2024-05-29", "2024-08-03"],
        jenis=["Musdes Khusus", "Musdes Perubahan APBDes", "Musdus", "Musdus", "Musdes RKPDes"],
        shape="'|' delimited Windows-1252, dates 'dd.mm.yyyy', separate 'Waktu' '08.30 WIB', counts with units '40 undangan' / '32 org', separate L and P, two Musdus on the same day (different dusun, different rows), 'File BA' column with PDF file names",
        imitates="README 'separated by , ; tab or |' + musdes_berita_acara_fields.csv fields; dd.mm.yyyy as Siskeudes/Excel id-ID short date")

# ---------------------------------------------------------------------------------------------
# M4  Rekap Musdus XLSX: two-row heading 'KEHADIRAN' merged over L | P | L+P; 'Dusun' column;
#     dates as real Excel date cells; no Jenis column but sheet title 'REKAP MUSYAWARAH DUSUN';
#     'Usulan' counts column.
def m4():
    rows = [
        ("Dusun I Buana", date(2025, 1, 14), "Balai Dusun I", 18, 11, 9),
        ("Dusun II Mustika", date(2025, 1, 15), "Rumah Kadus II", 15, 9, 5),
        ("Dusun III Sidomulyo", date(2025, 1, 17), "Musholla Al-Ikhlas", 21, 13, 6),
        ("Dusun IV Mekarsari", date(2025, 1, 18), "Balai Dusun IV", 12, 7, 4),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Musdus 2025"
    ws.append(["REKAP MUSYAWARAH DUSUN (MUSDUS) PENGGALIAN GAGASAN"])
    ws.append(["DESA BUANA MUSTIKA - KECAMATAN TELAGA ANTANG - TAHUN 2025"]); ws.append([])
    ws.append(["No", "Dusun", "Tanggal", "Tempat", "Jumlah Usulan", "KEHADIRAN", None, None])
    ws.append([None, None, None, None, None, "L", "P", "L+P"])
    ws.merge_cells("F4:H4")
    for c in "ABCDE": ws.merge_cells(f"{c}4:{c}5")
    for i, (d, t, tp, us, l, p) in enumerate(rows, 1):
        ws.append([i, d, t, tp, us, l, p, None])
        r = ws.max_row
        ws.cell(r, 3).number_format = "dd/mm/yyyy"
        ws.cell(r, 8).value = f"=F{r}+G{r}"   # formula without cached value? -> set cached below
    last = ws.max_row
    ws.append([None, "JUMLAH", None, None, f"=SUM(E6:E{last})", f"=SUM(F6:F{last})", f"=SUM(G6:G{last})", f"=SUM(H6:H{last})"])
    f = "Rekap Musdus Buana Mustika 2025.xlsx"
    wb.save(OUT / f)
    add(file=f, type="musyawarah", kode_desa="62.02.17.2016", tahun=2025, meetings=len(rows),
        hadir=sum(r[4] + r[5] for r in rows), hadir_laki_laki=sum(r[4] for r in rows), hadir_perempuan=sum(r[5] for r in rows),
        tanggal=[f"{r[1]:%Y-%m-%d}" for r in rows], jenis=["Musdus"] * 4,
        shape="NOTE openpyxl writes formulas WITHOUT cached values: L+P and JUMLAH cells are formulas with no saved value (a file saved by openpyxl, not Excel). Expected per README: formula without value = error. This is therefore a deliberately ambiguous case, see the _cached variant.",
        imitates="variety S23/S22 musdus + two-row KEHADIRAN heading")
    # variant with values written (what Excel would have saved): plain numbers instead of formulas
    wb2 = Workbook(); ws2 = wb2.active; ws2.title = "Musdus 2025"
    for row in ws.iter_rows(values_only=True):
        ws2.append(list(row))
    for rng in ws.merged_cells.ranges: ws2.merge_cells(str(rng))
    for r in range(6, 6 + len(rows)):
        ws2.cell(r, 8).value = ws2.cell(r, 6).value + ws2.cell(r, 7).value
        ws2.cell(r, 3).number_format = "dd/mm/yyyy"
    tr = 6 + len(rows)
    for c in (5, 6, 7, 8):
        ws2.cell(tr, c).value = sum(ws2.cell(r, c).value for r in range(6, tr))
    f2 = "Rekap Musdus Buana Mustika 2025 (nilai).xlsx"
    wb2.save(OUT / f2)
    add(file=f2, type="musyawarah", kode_desa="62.02.17.2016", tahun=2025, meetings=len(rows),
        hadir=sum(r[4] + r[5] for r in rows), hadir_laki_laki=sum(r[4] for r in rows), hadir_perempuan=sum(r[5] for r in rows),
        tanggal=[f"{r[1]:%Y-%m-%d}" for r in rows], jenis=["Musdus"] * 4,
        shape="two-row heading 'KEHADIRAN' merged over L | P | L+P, other headings merged vertically over two rows, 'Dusun' column, Excel date cells, NO jenis column (title says MUSYAWARAH DUSUN (MUSDUS)), 'Jumlah Usulan' count column (not attendance), JUMLAH row",
        imitates="variety S23/S22 musdus + musdes_berita_acara_fields.csv; KEHADIRAN L/P/L+P heading as in daftar-hadir rekap")

# ---------------------------------------------------------------------------------------------
# M5  One workbook with two sheets: 'Kegiatan 2024' and 'Musyawarah 2024' (a village annual
#     report workbook, LPPDes-like). Kode desa only in a cover sheet label.
def m5():
    wb = Workbook(); cov = wb.active; cov.title = "Cover"
    cov.append(["LAPORAN PENYELENGGARAAN PEMERINTAHAN DESA (LPPDes)"]); cov.append(["Akhir Tahun Anggaran 2024"])
    cov.append(["Nama Desa", ":", "Satiruk"]); cov.append(["Kode Desa", ":", "62.02.09.2004"])
    cov.append(["Kecamatan", ":", "Pulau Hanaut"])
    ks = wb.create_sheet("Kegiatan 2024")
    ks.append(["Kode Desa", "Tahun", "Kode Kegiatan", "Nama Kegiatan", "Lokasi", "Volume", "Anggaran", "Realisasi", "Sumber Dana", "Capaian"])
    keg = [("2.3.11", "Semenisasi Gang Rukun RT 02", "RT 02", "120 m", 56_400_000, 56_400_000, "DDS", "100%"),
           ("2.2.02", "Penyelenggaraan Posyandu", "Desa", "12 bulan", 24_000_000, 24_000_000, "ADD", "100%"),
           ("4.6.02", "Pelatihan Pengelolaan BUM Desa", "Kantor Desa", "20 orang", 11_800_000, 11_250_000, "DDS", "100%"),
           ("5.3.01", "BLT Dana Desa", "Desa", "18 KPM", 64_800_000, 64_800_000, "DDS", "100%")]
    for k in keg: ks.append(["62.02.09.2004", 2024, *k])
    ms = wb.create_sheet("Musyawarah 2024")
    ms.append(["Kode Desa", "Tanggal", "Jenis Musyawarah", "Tempat", "Undangan", "Laki-laki", "Perempuan", "Jumlah Hadir", "Keputusan"])
    mus = [("62.02.09.2004", date(2024, 1, 8), "Musdes Khusus BLT-DD", "Balai Desa", 30, 17, 10, 27, "KPM BLT-DD 18 KK"),
           ("62.02.09.2004", date(2024, 6, 21), "Musdes RKPDes", "Balai Desa", 40, 22, 15, 37, "RKPDes 2025 disepakati"),
           ("62.02.09.2004", date(2024, 12, 9), "Musdes Penetapan APBDes", "Balai Desa", 32, 20, 9, 29, "APBDes 2025 disepakati")]
    for m in mus:
        ms.append(list(m)); ms.cell(ms.max_row, 2).number_format = "d mmmm yyyy"
    f = "LPPDes Satiruk 2024.xlsx"
    wb.save(OUT / f)
    add(file=f, type="kegiatan+musyawarah", kode_desa="62.02.09.2004", tahun=2024,
        sheets={"Kegiatan 2024": {"type": "kegiatan", "rows": len(keg), "anggaran": sum(k[4] for k in keg), "volumes": [(120, "m"), (12, "bulan"), (20, "orang"), (18, "KPM")]},
                "Musyawarah 2024": {"type": "musyawarah", "meetings": len(mus), "hadir": sum(m[7] for m in mus)},
                "Cover": "no records"},
        shape="workbook with a Cover sheet (labels only) + one kegiatan sheet (flat, 'Capaian' '100%', 'Realisasi' column, volume '18 KPM' unit not in the satuan list) + one musyawarah sheet (Excel date cells)",
        imitates="README 'each sheet is read as the record type it holds'; LPPDes annual report habit")

for fn in (k1, k2, k3, k4, k5, m1, m2, m3, m4, m5):
    fn()
(OUT / "manifest.json").write_text(json.dumps(MANIFEST, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
print("\n".join(m["file"] for m in MANIFEST))
