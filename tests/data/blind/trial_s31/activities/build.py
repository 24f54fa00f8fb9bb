"""Trial 3 (kegiatan): builds the files and manifest.json from the data below."""
import csv, io, json, os
from pathlib import Path
import openpyxl
from openpyxl.styles import Font, Alignment
from openpyxl.utils import get_column_letter

OUT = Path(__file__).resolve().parent
REF = Path(__file__).resolve().parents[5] / 'reference'
VIL = {r['kode_desa']: r for r in csv.DictReader(open(REF / 'kotim_villages.csv'))}
KEG = {r['kode']: r['uraian'] for r in csv.DictReader(open(REF / 'bidang_kegiatan.csv'))}
man = []

def rp(n):  # 1234567 -> 1.234.567
    return f"{n:,}".replace(',', '.')

def entry(file, kode, tahun, n, source, shape, total=None, **kw):
    e = {"file": file, "record_type": "kegiatan", "kode_desa": kode, "desa": VIL[kode]['nama_desa'],
         "tahun": tahun, "line_items": n, "source": source, "shape": shape}
    if total is not None:
        e["anggaran_total"] = total
    e.update(kw); man.append(e)

# ---------------------------------------------------------------- 1 OpenSID -> OpenDK pembangunan sync CSV
K1 = '62.02.04.2009'  # Sumber Makmur, Parenggean
rows1 = [
    # sumber_dana, lokasi, judul, ket, volume, pelaksana, pemerintah, prov, kab, swadaya, manfaat, waktu, sifat, foto
    ("Dana Desa", "Dusun I RT 001 / RW 001", "Pembangunan Jalan Usaha Tani Blok C", "Rabat beton K-225", "420 x 3 m",
     "TPK Desa Sumber Makmur", 212_500_000, 0, 0, 4_000_000, "Akses angkut TBS petani", 75, "BARU", "jut_blok_c_0.jpg"),
    ("Dana Desa", "Dusun II RT 004 / RW 002", "Rehab Drainase Jalan Poros", "Pasangan batu kali", "180 m",
     "TPK Desa Sumber Makmur", 96_300_000, 0, 0, 0, "Mencegah genangan", 45, "REHABILITASI", ""),
    ("Alokasi Dana Desa", "Dusun I RT 002 / RW 001", "Pembangunan Gapura Batas Desa", "", "1 unit",
     "TPK Desa Sumber Makmur", 0, 0, 38_750_000, 0, "Penanda batas desa", 30, "BARU", "gapura_1.jpg"),
    ("Bantuan Keuangan Provinsi", "Dusun III RT 006 / RW 003", "Pembangunan Sumur Bor Air Bersih", "Bankeu Prov. Kalteng",
     "2 titik", "TPK Desa Sumber Makmur", 0, 60_000_000, 0, 0, "Air bersih 64 KK", 40, "BARU", ""),
    ("Dana Desa", "Dusun II RT 003 / RW 002", "Pengadaan Alat Permainan Edukatif PAUD Tunas Harapan", "", "1 paket",
     "Kasi Kesejahteraan", 18_450_000, 0, 0, 0, "Sarana belajar 27 anak", 30, "BARU", ""),
]
cols1 = ['desa_id', 'id', 'sumber_dana', 'lokasi', 'judul', 'keterangan', 'volume', 'tahun_anggaran', 'pelaksana_kegiatan',
         'status', 'anggaran', 'perubahan_anggaran', 'sumber_biaya_pemerintah', 'sumber_biaya_provinsi',
         'sumber_biaya_kab_kota', 'sumber_biaya_swadaya', 'sumber_biaya_jumlah', 'manfaat', 'waktu', 'sifat_proyek', 'foto']
f1 = 'pembangunan_opendk.csv'
with open(OUT / f1, 'w', newline='', encoding='utf-8') as fh:
    w = csv.writer(fh); w.writerow(cols1); tot = 0
    for i, r in enumerate(rows1, 11):
        j = sum(r[6:10]); tot += j
        w.writerow([K1.replace('.', ''), i, r[0], r[1], r[2], r[3], r[4], 2024, r[5], 1, j, 0, *r[6:10], j, r[10], r[11], r[12], r[13]])
entry(f1, K1, 2024, len(rows1), "OpenSID/OpenSID Sinkronisasi_opendk.php data_pembangunan() (find_string id 153650639): CSV written by Spout for OpenDK /api/v1/pembangunan",
      "machine CSV, snake_case headings, desa_id = kode desa without dots, village never named, no kegiatan code, amounts split over sumber_biaya_* columns, waktu in days", tot)

# ---------------------------------------------------------------- 2 Papan informasi kegiatan, one sheet per board
K2 = '62.02.10.2001'  # Tumbang Kalang, Antang Kalang
boards = [
    ("2.3.12", "Pembangunan Jalan Usaha Tani (Rabat Beton) Handil Sei Kalang", "P. 250 m x L. 2,5 m x T. 0,15 m",
     "Dusun Tumbang Kalang Hulu", 156_400_000, "Dana Desa (DD)", "60 (enam puluh) Hari Kalender", "1 Juli 2024"),
    ("2.3.13", "Rehabilitasi Jembatan Ulin Sei Tabuk", "P. 18 m x L. 2 m", "RT 03 Dusun Tumbang Kalang Hilir",
     88_250_000, "Dana Desa (DD)", "45 Hari Kalender", "15 Juli 2024"),
    ("2.4.93", "Pembangunan Penerangan Jalan Tenaga Surya (PJU-TS)", "12 Titik", "Jalan Poros Desa",
     94_800_000, "Alokasi Dana Desa (ADD)", "30 Hari Kalender", "2 September 2024"),
]
wb = openpyxl.Workbook(); wb.remove(wb.active); tot = 0
for n, (kode, nama, vol, lok, ang, sd, waktu, mulai) in enumerate(boards, 1):
    ws = wb.create_sheet(f"Papan {n}")
    for rr, t in ((1, "PAPAN INFORMASI KEGIATAN"), (2, "PEMERINTAH DESA TUMBANG KALANG"),
                  (3, "KECAMATAN ANTANG KALANG KABUPATEN KOTAWARINGIN TIMUR")):
        ws.cell(rr, 1, t).font = Font(bold=True, size=14 if rr == 1 else 12); ws.merge_cells(start_row=rr, start_column=1, end_row=rr, end_column=3)
        ws.cell(rr, 1).alignment = Alignment(horizontal='center')
    kv = [("Nama Kegiatan", nama), ("Bidang", "Pelaksanaan Pembangunan Desa"), ("Kode Kegiatan", kode), ("Volume", vol),
          ("Lokasi", lok), ("Anggaran", f"Rp {rp(ang)},-"), ("Sumber Dana", sd), ("Tahun Anggaran", "2024"),
          ("Pelaksana", "Tim Pelaksana Kegiatan (TPK) Desa Tumbang Kalang"), ("Pola Pelaksanaan", "Swakelola / Padat Karya Tunai"),
          ("Waktu Pelaksanaan", waktu), ("Tanggal Mulai", mulai)]
    for i, (k, v) in enumerate(kv, 5):
        ws.cell(i, 1, k); ws.cell(i, 2, ":"); ws.cell(i, 3, v)
    ws.cell(5 + len(kv) + 1, 1, "Mari bersama-sama mengawasi penggunaan Dana Desa. Pengaduan: Kantor Desa Tumbang Kalang.").font = Font(italic=True)
    ws.column_dimensions['A'].width = 22; ws.column_dimensions['B'].width = 2; ws.column_dimensions['C'].width = 60
    tot += ang
f2 = 'Papan_Informasi_Kegiatan_TA2024_Tumbang_Kalang.xlsx'; wb.save(OUT / f2)
entry(f2, K2, 2024, len(boards), "habit: Permendesa/Perbup transparansi — papan informasi kegiatan (nama, volume, lokasi, anggaran, sumber dana, pelaksana TPK, waktu); no machine-readable public example found",
      "one sheet per board, vertical 'label : value' layout (no table heading row), amount 'Rp 156.400.000,-', year only as a field value", tot)

# ---------------------------------------------------------------- 3 Siskeudes RAB print, one sheet per kegiatan
K3 = '62.02.13.2001'  # Pundu, Cempaga Hulu
rabs = [
    ("02.03.10.", "Juli s/d September 2025", "Jalan Desa Rabat Beton 300 M", "RT 05 Jl. Pundu - Tumbang Koling", "DDS", [
        ("5.3.5.01.", "Honorarium TPK", [("Ketua TPK", 3, "OB", 500_000), ("Sekretaris dan Anggota TPK", 6, "OB", 400_000)]),
        ("5.3.5.02.", "Upah Tenaga Kerja", [("Tukang", 240, "HOK", 150_000), ("Pekerja", 480, "HOK", 110_000)]),
        ("5.3.5.03.", "Bahan Baku", [("Semen 50 kg", 1260, "Sak", 78_000), ("Pasir cor", 95, "M3", 310_000),
                                      ("Batu split 2/3", 140, "M3", 465_000), ("Besi polos 8 mm", 210, "Btg", 62_000)]),
        ("5.3.5.04.", "Sewa Peralatan", [("Sewa molen", 30, "Hari", 350_000)])]),
    ("02.02.02.", "Januari s/d Desember 2025", "12 Bulan Posyandu 3 Pos", "Posyandu Melati, Mawar, Anggrek", "DDS", [
        ("5.2.1.06.", "Belanja Barang Konsumsi", [("PMT balita", 12 * 3, "Keg", 850_000)]),
        ("5.2.2.03.", "Insentif Pelayanan Desa", [("Insentif kader posyandu", 15 * 12, "OB", 150_000)])]),
    ("01.04.01.", "Agustus s/d Oktober 2025", "3 Kali Musyawarah", "Balai Desa Pundu", "ADD", [
        ("5.2.1.01.", "Belanja ATK", [("ATK dan penggandaan", 1, "Paket", 1_250_000)]),
        ("5.2.1.06.", "Belanja Barang Konsumsi", [("Makan minum rapat", 3 * 60, "Org", 35_000)])]),
]
wb = openpyxl.Workbook(); wb.remove(wb.active); tot_all = 0; per = []
for kk, waktu, out, lok, sd, groups in rabs:
    k = kk.rstrip('.').split('.'); kode = f"{int(k[0])}.{int(k[1])}.{k[2]}"
    bid, sub = f"{int(k[0])}", f"{int(k[0])}.{int(k[1])}"
    ws = wb.create_sheet(kk.rstrip('.'))
    ws.append(["RENCANA ANGGARAN BIAYA (RAB)"]); ws.append(["PEMERINTAH DESA PUNDU"]); ws.append(["TAHUN ANGGARAN 2025"]); ws.append([])
    for c in (1, 2, 3): ws.merge_cells(start_row=c, start_column=1, end_row=c, end_column=7)
    ws.append(["1.", "Bidang", ":", f"{k[0]}. {KEG[bid].upper()}"])
    ws.append(["2.", "Sub Bidang", ":", f"{k[0]}.{k[1]}. {KEG[sub]}"])
    ws.append(["3.", "Kegiatan", ":", f"{kk} {KEG[kode]}"])
    ws.append(["4.", "Waktu Pelaksanaan", ":", waktu])
    ws.append(["5.", "Output/Keluaran", ":", out])
    ws.append(["6.", "Lokasi", ":", lok])
    ws.append([])
    ws.append(["KODE REKENING", "URAIAN", "", "VOLUME", "SATUAN", "HARGA SATUAN (Rp)", "JUMLAH (Rp)"])
    ws.append(["1", "2", "", "3", "4", "5", "6 = (3x5)"])
    tot = 0
    for kr, nm, items in groups:
        sub_t = sum(q * h for _, q, _, h in items)
        ws.append([kr, nm, "", None, None, None, sub_t])
        for d, q, s, h in items:
            ws.append(["", f"- {d}", sd, q, s, h, q * h])
        tot += sub_t
    ws.append(["", "JUMLAH", "", None, None, None, tot])
    ws.append([]); ws.append(["", "Disetujui,", "", "", "Pundu, 10 Januari 2025"])
    ws.append(["", "Kepala Desa Pundu", "", "", "Pelaksana Kegiatan"]); ws.append([]); ws.append([])
    ws.append(["", "SUPRIANTO", "", "", "RAHMAN HIDAYAT"])
    for r in ws.iter_rows(min_row=13):
        for c in r[3:7]:
            if isinstance(c.value, int): c.number_format = '#,##0'
    tot_all += tot; per.append({"kode": kode, "anggaran": tot})
f3 = 'RAB_Kegiatan_Desa_Pundu_2025.xlsx'; wb.save(OUT / f3)
entry(f3, K3, 2025, len(rabs), "Siskeudes 2.0 print 'Rencana Anggaran Biaya' (header block Bidang/Sub Bidang/Kegiatan/Waktu/Output, rincian by kode rekening with trailing dots; fields as Ta_RABRinci in reference/siskeudes_export_format.csv)",
      "one sheet per kegiatan named by Siskeudes code, header block of '1. Bidang : ...' lines, activity code only inside 'Kegiatan : 02.03.10. name', rincian rows (kode rekening + '- item' rows) under it, JUMLAH row, signature block", tot_all, per_kegiatan=per)

# ---------------------------------------------------------------- 4 Laporan realisasi kegiatan with progress, cp1252 ';' decimal comma
K4 = '62.02.09.2005'  # Makarti Jaya, Pulau Hanaut
real = [
    ("1.1.04", "Operasional Pemerintah Desa (ATK, Honor PKPKD dan PPKD)", "Kantor Desa", 64_800_000, 47_913_500, None),
    ("1.4.03", "Penyusunan Dokumen RKPDes 2025", "Balai Desa", 12_500_000, 12_500_000, None),
    ("2.3.12", "Pembangunan Jalan Usaha Tani – Handil Makarti (Rabat Beton)", "RT 07", 184_600_000, 138_450_000, 87.5),
    ("2.3.05", "Pemeliharaan Saluran/Parit Desa", "RT 02 s.d. RT 05", 41_200_000, 41_200_000, 100),
    ("2.4.11", "Pembangunan Sumur Bor Air Bersih", "RT 01 & RT 06", 56_000_000, 16_800_000, 30),
    ("3.3.06", "Pembinaan Karang Taruna “Makarti Muda”", "Desa", 9_750_000, 4_100_000, None),
    ("4.3.02", "Pelatihan Budidaya Ikan Air Tawar", "Balai Desa", 15_000_000, 0, 0),
]
for k, *_ in real: assert k in KEG, k
buf = io.StringIO(); w = csv.writer(buf, delimiter=';', lineterminator='\r\n')
w.writerow(["LAPORAN REALISASI PELAKSANAAN KEGIATAN APBDes"]); w.writerow(["DESA MAKARTI JAYA KECAMATAN PULAU HANAUT"])
w.writerow(["TAHUN ANGGARAN 2024 - KEADAAN S.D. 30 SEPTEMBER 2024"]); w.writerow([])
w.writerow(["No", "Kode", "Nama Kegiatan", "Lokasi", "Pagu Anggaran (Rp)", "Realisasi s.d. Bulan Ini (Rp)", "Sisa Anggaran (Rp)",
            "% Keuangan", "% Fisik", "Keterangan"])
def dec(x): return f"{x:.2f}".replace('.', ',')
tp = tr = 0
for i, (k, nm, lok, p, r, fis) in enumerate(real, 1):
    tp += p; tr += r
    w.writerow([i, k, nm, lok, rp(p), rp(r) if r else "-", rp(p - r) if p - r else "-", dec(100 * r / p),
                "" if fis is None else dec(fis), "Selesai" if r == p else ("Belum dilaksanakan" if r == 0 else "Dalam pelaksanaan")])
w.writerow(["", "", "JUMLAH", "", rp(tp), rp(tr), rp(tp - tr), dec(100 * tr / tp), "", ""])
w.writerow([]); w.writerow(["", "", "", "", "", "", "Makarti Jaya, 4 Oktober 2024"]); w.writerow(["", "", "", "", "", "", "Kaur Keuangan,"])
w.writerow([]); w.writerow(["", "", "", "", "", "", "SITI NURHALIZAH"])
f4 = 'realisasi_kegiatan_makarti_jaya_triwulan3_2024.csv'
(OUT / f4).write_bytes(buf.getvalue().encode('cp1252'))
entry(f4, K4, 2024, len(real), "habit: monthly/triwulan progress report exported from Excel (Indonesian locale) by Kaur Keuangan; progress columns as in OpenSID pembangunan_ref_dokumentasi.persentase; no public CSV example found",
      "Windows-1252 with ';', CRLF, title rows, decimal comma percentages, '-' for zero, en dash and curly quotes in names, JUMLAH row, signature block, % Fisik blank for non-physical kegiatan", tp,
      realisasi_total=tr)

# ---------------------------------------------------------------- 5 RKPDes (Permendagri 114/2014 form) with Petunjuk sheet, merged 2-row header
K5 = '62.02.17.2008'  # Beringin Agung, Telaga Antang
rkp = [
    ("1", [("1.1.04", "Dusun I-III", "12 bulan", "Pelayanan pemerintahan", "Jan-Des", 72_400_000, "ADD", "S", "Sekretaris Desa"),
           ("1.4.01", "Balai Desa", "3 kali", "Dokumen perencanaan", "Jun-Sep", 14_600_000, "ADD", "S", "Kaur Perencanaan")]),
    ("2", [("2.3.10", "Dusun II RT 04", "350 x 4 m", "Warga Dusun II", "Jul-Sep", 248_700_000, "DD", "S", "TPK"),
           ("2.2.02", "3 Posyandu", "12 bulan", "Balita & ibu hamil", "Jan-Des", 31_200_000, "DD", "S", "Kasi Kesra"),
           ("2.1.01", "PAUD Harapan Bangsa", "12 bulan", "28 anak", "Jan-Des", 21_600_000, "DD", "S", "Kasi Kesra")]),
    ("3", [("3.3.06", "Desa", "1 paket", "Pemuda desa", "Agu", 8_500_000, "ADD", "S", "Kasi Kesra")]),
    ("4", [("4.3.02", "Balai Desa", "25 orang", "Kelompok tani", "Mar-Apr", 16_800_000, "DD", "K3", "Kaur Perencanaan")]),
]
BIDANG_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V"}
wb = openpyxl.Workbook(); p = wb.active; p.title = "Petunjuk"
for t in ["PETUNJUK PENGISIAN FORMAT RKP DESA", "1. Kolom (2) diisi nama kegiatan sesuai daftar kewenangan desa",
          "2. Kolom (8) diisi sumber biaya: DD, ADD, PADes, BHP, Bankeu", "3. Kolom (9)-(11) diberi tanda centang sesuai pola pelaksanaan",
          "4. Jangan mengubah susunan kolom pada sheet RKPDes"]:
    p.append([t])
ws = wb.create_sheet("RKPDes")
ws.append(["RENCANA KERJA PEMERINTAH DESA (RKP DESA) TAHUN 2025"]); ws.append(["DESA BERINGIN AGUNG KECAMATAN TELAGA ANTANG"])
ws.append(["KABUPATEN KOTAWARINGIN TIMUR PROVINSI KALIMANTAN TENGAH"]); ws.append([])
for c in (1, 2, 3): ws.merge_cells(start_row=c, start_column=1, end_row=c, end_column=13)
h1 = ["No", "Bidang / Jenis Kegiatan", "Lokasi", "Volume", "Sasaran / Manfaat", "Waktu Pelaksanaan", "Biaya dan Sumber Pembiayaan", None,
      "Pola Pelaksanaan", None, None, "Rencana Pelaksana Kegiatan", "Kode Kegiatan"]
h2 = [None, None, None, None, None, None, "Jumlah (Rp)", "Sumber", "Swakelola", "Kerjasama Antar Desa", "Kerjasama Pihak Ketiga", None, None]
ws.append(h1); ws.append(h2)
for c in range(1, 14):
    if c not in (7, 8, 9, 10, 11): ws.merge_cells(start_row=5, start_column=c, end_row=6, end_column=c)
ws.merge_cells(start_row=5, start_column=7, end_row=5, end_column=8); ws.merge_cells(start_row=5, start_column=9, end_row=5, end_column=11)
ws.append([str(i) for i in range(1, 14)])
ws.freeze_panes = "C8"
n = 0; tot = 0
for b, kegs in rkp:
    ws.append([BIDANG_ROMAN[b], f"BIDANG {KEG[b].replace('Bidang ', '').upper()}"])
    ws.cell(ws.max_row, 2).font = Font(bold=True)
    for j, (kode, lok, vol, sas, wkt, amt, sd, pola, pel) in enumerate(kegs):
        n += 1; tot += amt
        ws.append([f"{chr(97 + j)}.", KEG[kode], lok, vol, sas, wkt, amt, sd, "✓" if pola == "S" else None, None,
                   "✓" if pola == "K3" else None, pel, kode])
        ws.cell(ws.max_row, 7).number_format = '#,##0'
ws.append([None, "JUMLAH", None, None, None, None, tot]); ws.cell(ws.max_row, 7).number_format = '#,##0'
ws.column_dimensions['M'].hidden = True   # operator hides the code helper column
ws.append([]); ws.append([None, None, None, None, None, None, None, None, None, "Beringin Agung, 28 Oktober 2024"])
ws.append([None, None, None, None, None, None, None, None, None, "Kepala Desa Beringin Agung"]); ws.append([]); ws.append([])
ws.append([None, None, None, None, None, None, None, None, None, "YOHANES ANDRIANUS"])
wb.active = 1
f5 = 'RKPDes_2025_Beringin_Agung.xlsx'; wb.save(OUT / f5)
entry(f5, K5, 2025, n, "Permendagri 114/2014 Lampiran, Format Rancangan RKP Desa (No, Bidang/Jenis Kegiatan, Lokasi, Volume, Sasaran/Manfaat, Waktu, Jumlah & Sumber Biaya, Pola Pelaksanaan swakelola/KAD/pihak ketiga, Rencana Pelaksana)",
      "'Petunjuk' sheet first, two-row merged header with column-number row, frozen panes, bidang rows with Roman numerals, kegiatan rows lettered a./b., tick marks, kode kegiatan in a HIDDEN column, JUMLAH row, signature", tot)

# ---------------------------------------------------------------- 6 Google Form responses CSV
K6 = '62.02.15.2003'  # Tanah Haluan, Bukit Santuai
gf = [
    ("14/10/2024 09:12:33", "2.3.10", "Pengerasan jalan desa ruas Tanah Haluan - Tumbang Kaminting", "Dana Desa", 198500000, 198500000, "100", "Selesai"),
    ("14/10/2024 09:20:05", "2.4.12", "Pemasangan pipa air bersih ke rumah warga", "Dana Desa", 74250000, 51975000, "70", "Dalam pengerjaan"),
    ("14/10/2024 09:31:47", "2.2.02", "Posyandu Tunas Haluan", "Dana Desa, Alokasi Dana Desa", 27600000, 20700000, "75", ""),
    ("15/10/2024 13:02:10", "3.2.91", "Dukungan rumah ibadah / Balai Basara Hapakat", "Alokasi Dana Desa", 15000000, 15000000, "100", "Selesai"),
    ("15/10/2024 13:10:58", "1.3.02", "Pemutakhiran data profil desa", "Alokasi Dana Desa", 9800000, 4900000, "50", "Sisa pendataan dusun 2"),
    ("16/10/2024 08:45:12", "4.2.02", "Pelatihan pengolahan rotan untuk kelompok perempuan", "Dana Desa", 18000000, 0, "0", "Jadwal bulan November"),
]
for g in gf: assert g[1] in KEG, g[1]
hdr = ["Timestamp", "Email Address", "Nama Desa", "Tahun Anggaran",
       "Kode Kegiatan (lihat daftar kewenangan, contoh 2.3.10)", "Nama Kegiatan sesuai APBDes",
       "Sumber Dana (boleh pilih lebih dari satu)", "Pagu Anggaran (Rp) – tulis angka saja tanpa titik",
       "Realisasi Anggaran sampai dengan hari ini (Rp)", "Progres fisik (%)", "Upload Foto Dokumentasi (0%, 50%, 100%)", "Catatan / kendala di lapangan"]
with open(OUT / 'Form_Laporan_Kegiatan_Desa_2024_(Responses)_-_Form_Responses_1.csv', 'w', newline='', encoding='utf-8') as fh:
    w = csv.writer(fh); w.writerow(hdr); tot = 0
    for ts, k, nm, sd, pg, re_, prog, cat in gf:
        tot += pg
        foto = "https://drive.google.com/open?id=1" + k.replace('.', 'x') + "AbCdEf" if prog != "0" else ""
        w.writerow([ts, "operator.tanahhaluan@example.com", "Tanah Haluan", "2024", k, nm, sd, pg, re_, prog, foto, cat])
entry('Form_Laporan_Kegiatan_Desa_2024_(Responses)_-_Form_Responses_1.csv', K6, 2024, len(gf),
      "Google Forms 'Download responses (.csv)' naming '<form> (Responses) - Form Responses 1.csv'; Timestamp first column in dd/MM/yyyy H:mm:ss (Indonesian locale)",
      "long question headings, Timestamp + Email columns, multi-choice sumber dana 'Dana Desa, Alokasi Dana Desa', Drive links, village named by name only", tot)

# ---------------------------------------------------------------- 7 Siskeudes Ta_Kegiatan table export, TSV
K7 = '62.02.11.2002'  # Basawang, Teluk Sampit
tk = [("01.01.04.", 58_900_000, "Kaur Keuangan", "Kantor Desa", "12 Bulan", "Operasional pemerintah desa", "ADD"),
      ("01.02.02.", 22_000_000, "Kaur Umum", "Kantor Desa", "2 Bulan", "Kantor desa terpelihara", "ADD"),
      ("02.03.13.", 134_500_000, "Kasi Pembangunan", "Dusun Basawang Hilir", "3 Bulan", "Jembatan 24 M", "DDS"),
      ("02.03.92.", 61_700_000, "Kasi Pembangunan", "Pantai Basawang", "2 Bulan", "Dermaga perahu nelayan 1 Unit", "DDS"),
      ("02.04.14.", 47_250_000, "Kasi Kesejahteraan", "RT 03", "2 Bulan", "MCK umum 2 Unit", "DDS"),
      ("04.02.01.", 12_600_000, "Kasi Kesejahteraan", "Balai Desa", "1 Bulan", "Pelatihan 20 nelayan", "DDS"),
      ("05.01.01.", 30_000_000, "Kaur Keuangan", "Desa Basawang", "3 Bulan", "Penanggulangan bencana", "DDS"),
      ]
def dotted(s): a = s.rstrip('.').split('.'); return f"{int(a[0])}.{int(a[1])}.{a[2]}"
for t in tk: assert dotted(t[0]) in KEG, t[0]
kd = "11.02."  # Siskeudes-internal Kd_Desa (kecamatan.desa), not the Kemendagri code
with open(OUT / 'Ta_Kegiatan_Basawang_2024.txt', 'w', newline='', encoding='utf-8') as fh:
    w = csv.writer(fh, delimiter='\t', lineterminator='\r\n')
    w.writerow(["Tahun", "Kd_Desa", "Kd_Bid", "Kd_Keg", "ID_Keg", "Nama_Kegiatan", "Pagu", "Pagu_PAK", "Nm_PPTKD", "NIP_PPTKD", "Lokasi", "Waktu", "Keluaran", "Sumberdana"])
    tot = 0
    for idk, pagu, pp, lok, wkt, kel, sd in tk:
        a = idk.split('.'); tot += pagu
        w.writerow(["2024", kd, kd + a[0], kd + idk, idk, KEG[dotted(idk)][:100], f"{pagu}", "0", pp, "", lok, wkt, kel, sd])
entry('Ta_Kegiatan_Basawang_2024.txt', K7, 2024, len(tk), "Siskeudes 2.0 table Ta_Kegiatan exported from the .mde (columns per reference/siskeudes_export_format.csv and shared/reference/siskeudes_desa_simulasi/Ta_Kegiatan.csv)",
      "tab-separated .txt, CRLF, Siskeudes-internal Kd_Desa '11.02.' (not the Kemendagri code), codes with trailing dots and zero-padded bidang '02.03.13.', village only in file name and one Lokasi cell, Sumberdana codes DDS/ADD", tot)

# ---------------------------------------------------------------- 8 REJECT: two villages mixed in one realisation list
K8a, K8b = '62.02.02.2005', '62.02.02.2007'  # Patai, Jemaras (Cempaga)
rows8 = [(K8a, "2.3.10", "Pengerasan Jalan Desa Patai", 165_000_000, 120_000_000, 70),
         (K8a, "2.2.02", "Penyelenggaraan Posyandu", 24_000_000, 18_000_000, 75),
         (K8b, "2.3.12", "Jalan Usaha Tani Jemaras", 142_000_000, 142_000_000, 100),
         (K8b, "4.3.02", "Pelatihan Kelompok Tani", 11_500_000, 0, 0)]
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Realisasi"
ws.append(["REALISASI KEGIATAN DANA DESA TAHUN 2024"]); ws.append([])
ws.append(["Kode Desa", "Nama Desa", "Kode Kegiatan", "Nama Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Progres (%)"])
for kdv, k, nm, a, r, pr in rows8:
    ws.append([kdv, VIL[kdv]['nama_desa'], k, nm, a, r, pr])
f8 = 'realisasi_kegiatan_DD_2024_patai.xlsx'; wb.save(OUT / f8)
man.append({"file": f8, "record_type": "kegiatan", "kode_desa": K8a, "desa": "Patai", "tahun": 2024, "line_items": 4,
            "source": "habit: kecamatan operator pastes a neighbour's rows into a village file", "shape": "plain table with Kode Desa + Nama Desa columns",
            "expect": "reject", "why": "two villages (62.02.02.2005 Patai, 62.02.02.2007 Jemaras) in one village submission; file name says Patai"})

json.dump(man, open(OUT / 'manifest.json', 'w'), indent=1, ensure_ascii=False)
print(len(man), 'files')
