"""Build blind-trial musyawarah files + manifest.json (numbers and names invented)."""
import csv, io, json
from datetime import date
from pathlib import Path
import openpyxl
from openpyxl.styles import Font, Alignment
from openpyxl.utils import get_column_letter

OUT = Path(__file__).parent
HARI = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']
BULAN = ['', 'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus',
         'September', 'Oktober', 'November', 'Desember']
MAN = []

def indo(d):
    return f"{HARI[d.weekday()]}, {d.day} {BULAN[d.month]} {d.year}"

def man(file, kode, desa, tahun, n, source, shape, **kw):
    e = dict(file=file, record_type='musyawarah', kode_desa=kode, desa=desa, tahun=tahun,
             line_items=n, source=source, shape=shape)
    e.update(kw); MAN.append(e)

# ---------- F1 OpenSID agenda (artikel kategori Agenda) export, village only in file name
rows = [
    (date(2024, 1, 18), '09:00:00', 'Musyawarah Desa Penetapan APBDes TA 2024', 'Ketua BPD', 'Balai Desa Bajarum'),
    (date(2024, 3, 7), '13:30:00', 'Musyawarah Desa Khusus Penetapan KPM BLT Dana Desa 2024', 'Kasi Kesejahteraan', 'Aula Kantor Desa'),
    (date(2024, 6, 20), '09:00:00', 'Musdes Pertanggungjawaban Realisasi APBDes Semester I', 'Ketua BPD', 'Balai Desa Bajarum'),
    (date(2024, 8, 15), '19:30:00', 'Musyawarah Desa Perencanaan (RKPDes 2025)', 'Sekretaris Desa', 'Balai Desa Bajarum'),
    (date(2024, 9, 26), '09:00:00', 'Musyawarah Desa Pembentukan Pengurus BUMDes', 'Ketua BPD', 'Gedung Serbaguna RT 03'),
]
f = 'agenda_desa_bajarum_2024.csv'
with open(OUT / f, 'w', newline='', encoding='utf-8') as fh:
    w = csv.writer(fh)
    w.writerow(['No', 'Judul', 'Tanggal Agenda', 'Koordinator Kegiatan', 'Lokasi Kegiatan', 'Aktif', 'Diposting Oleh'])
    for i, (d, t, j, k, l) in enumerate(rows, 1):
        w.writerow([i, j, f'{d.isoformat()} {t}', k, l, 'Ya', 'operator'])
man(f, '62.02.01.2012', 'Bajarum', 2024, len(rows),
    'OpenSID agenda table (tgl_agenda, koordinator_kegiatan, lokasi_kegiatan) - OpenSID artikel agenda migration / Web controller ambil_data_agenda (find_string "koordinator_kegiatan")',
    'OpenSID agenda list: no kind column (kind only inside Judul), datetime "YYYY-MM-DD HH:MM:SS", village only in file name, no attendance numbers')

# ---------- F2 Google Form responses CSV (US-locale timestamps, long question headings)
gf = [  # (timestamp, date answer, jenis, tempat, L, P, hasil)
    ('1/19/2024 10:42:11', date(2024, 1, 16), 'Musyawarah Desa (Musdes) Penetapan APBDes', 'Balai Desa', 21, 9, 'APBDes TA 2024 disepakati untuk ditetapkan menjadi Perdes'),
    ('2/14/2024 8:05:57', date(2024, 2, 13), 'Musdes Khusus BLT-DD', 'Balai Desa', 17, 14, 'Disepakati 24 KPM BLT-DD tahun 2024'),
    ('7/22/2024 16:31:40', date(2024, 7, 18), 'Musyawarah Dusun (Musdus)', 'Rumah Ketua RT 02', 12, 8, '9 usulan kegiatan dari dusun untuk RKPDes 2025'),
    ('8/29/2024 11:10:02', date(2024, 8, 27), 'Musyawarah Perencanaan Pembangunan Desa (Musrenbangdes)', 'Balai Desa', 26, 13, '14 usulan prioritas disepakati masuk RKPDes 2025'),
    ('10/31/2024 9:48:25', date(2024, 10, 30), 'Musdes Khusus BUMDes', 'Kantor BUMDes', 15, 6, 'Penambahan penyertaan modal BUMDes disetujui'),
    ('12/20/2024 14:02:13', date(2024, 12, 19), 'Musyawarah Desa (Musdes) Penetapan APBDes', 'Balai Desa', 23, 11, 'Rancangan APBDes TA 2025 disepakati'),
]
f = 'Laporan Musyawarah Desa (Jawaban) - Form Responses 1.csv'
with open(OUT / f, 'w', newline='', encoding='utf-8') as fh:
    w = csv.writer(fh)
    w.writerow(['Timestamp', 'Nama Desa', 'Kecamatan',
                'Jenis musyawarah yang dilaksanakan',
                'Tanggal pelaksanaan musyawarah',
                'Tempat pelaksanaan',
                'Jumlah peserta yang hadir (laki-laki)',
                'Jumlah peserta yang hadir (perempuan)',
                'Jumlah seluruh peserta yang hadir (sesuai daftar hadir)',
                'Hasil / kesepakatan musyawarah (ringkas)',
                'Unggah scan berita acara (PDF)'])
    for ts, d, j, t, l, p, h in gf:
        w.writerow([ts, 'Tumbang Kalang', 'Antang Kalang', j, f'{d.month}/{d.day}/{d.year}', t, l, p, l + p, h,
                    'https://drive.google.com/open?id=1xYzAbCdEfGhIjKlMnOpQrStUvWx' + str(d.month)])
man(f, '62.02.10.2001', 'Tumbang Kalang', 2024, len(gf),
    'habit: Google Forms "Form Responses 1" CSV download (Timestamp column, question text as headings, US-locale M/D/YYYY); no public example of this exact form found',
    'Google Form export: Timestamp M/D/YYYY H:MM:SS, date answers M/D/YYYY, long headings, Drive link column',
    hadir_total=sum(x[4] + x[5] for x in gf))

# ---------- F3 single notulen as key/value sheet
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Notulen'
d = date(2024, 3, 5)
lines = [
    ['NOTULEN'],
    ['MUSYAWARAH DESA KHUSUS PENETAPAN KELUARGA PENERIMA MANFAAT (KPM) BLT DANA DESA'],
    ['DESA TANGAR KECAMATAN MENTAYA HULU KABUPATEN KOTAWARINGIN TIMUR'],
    ['TAHUN ANGGARAN 2024'],
    [],
    ['I.', 'Hari/Tanggal', ':', indo(d)],
    ['II.', 'Waktu', ':', '09.00 WIB s.d. selesai'],
    ['III.', 'Tempat', ':', 'Balai Desa Tangar'],
    ['IV.', 'Pimpinan Musyawarah', ':', 'Ketua BPD Desa Tangar'],
    ['V.', 'Notulis', ':', 'Sekretaris BPD'],
    ['VI.', 'Narasumber', ':', 'Kepala Desa Tangar; Pendamping Desa Kec. Mentaya Hulu'],
    ['VII.', 'Jumlah yang diundang', ':', '35 orang'],
    ['VIII.', 'Jumlah yang hadir', ':', '31 orang'],
    ['', '- Laki-laki', ':', '19 orang'],
    ['', '- Perempuan', ':', '12 orang'],
    ['IX.', 'Jumlah yang tidak hadir', ':', '4 orang'],
    ['X.', 'Susunan Acara', ':', 'a. Pembukaan'],
    ['', '', '', 'b. Sambutan Kepala Desa'],
    ['', '', '', 'c. Pemaparan hasil pendataan calon KPM oleh Relawan Desa'],
    ['', '', '', 'd. Tanya jawab dan verifikasi'],
    ['', '', '', 'e. Penetapan KPM BLT-DD'],
    ['XI.', 'Keputusan', ':', 'Musyawarah menyepakati 27 (dua puluh tujuh) KPM BLT-DD TA 2024; daftar terlampir pada Berita Acara'],
    [],
    ['', '', '', 'Tangar, 5 Maret 2024'],
    ['', 'Notulis,', '', 'Pimpinan Musyawarah,'],
    [], [],
    ['', '(Sri Wahyuningsih)', '', '(Dani Saputra)'],
]
for r in lines: ws.append(r)
ws.column_dimensions['B'].width = 26; ws.column_dimensions['D'].width = 70
for r in (1, 2, 3, 4): ws.cell(r, 1).font = Font(bold=True)
f = 'NOTULEN MUSDES KHUSUS BLT-DD TANGAR 2024.xlsx'; wb.save(OUT / f)
man(f, '62.02.03.2001', 'Tangar', 2024, 1,
    'kakaalma27/desa-wangunsari resources/views/main/apbdesa.blade.php (NOTULEN: Hari/Tanggal, Waktu/Jam Mulai "08.00 s/d selesai", Tempat, Pimpinan, Jumlah yang diundang/hadir/tidak hadir, Susunan Acara); reference/musdes_berita_acara_fields.csv',
    'one meeting as key : value form with roman numerals, "31 orang" units, "Selasa, 5 Maret 2024", time "09.00 WIB s.d. selesai", signature block',
    hadir_total=31, diundang=35)

# ---------- F4 desa website rekap table pasted into Excel (merged header, JUMLAH row, '12-Feb-23' text)
rk = [  # (date, jenis, tempat, L, P, keterangan)
    (date(2023, 1, 12), 'Musdes Penetapan APBDes TA 2023', 'Balai Desa', 22, 10, 'Perdes No. 1 Th 2023'),
    (date(2023, 2, 23), 'Musdes Khusus BLT-DD', 'Balai Desa', 18, 15, '22 KPM'),
    (date(2023, 5, 9), 'Musdes Perubahan APBDes', 'Balai Desa', 20, 8, ''),
    (date(2023, 7, 6), 'Musdus Dusun I', 'Rumah Kadus I', 14, 9, ''),
    (date(2023, 7, 8), 'Musdus Dusun II', 'Langgar Al-Ikhlas', 11, 12, ''),
    (date(2023, 8, 17 - 1), 'Musrenbangdes RKPDes 2024', 'Balai Desa', 27, 14, '16 usulan'),
    (date(2023, 11, 28), 'Musdes BUMDes (LPJ Pengurus)', 'Kantor BUMDes', 16, 7, ''),
]
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Sheet1'
ws.append(['REKAPITULASI PELAKSANAAN MUSYAWARAH DESA'])
ws.append(['DESA PATAI KECAMATAN CEMPAGA'])
ws.append(['TAHUN 2023'])
ws.append([])
ws.append(['No', 'Tanggal', 'Jenis Musyawarah', 'Tempat', 'Peserta Hadir', None, None, 'Keterangan'])
ws.append([None, None, None, None, 'L', 'P', 'Jumlah', None])
for c in ('A5:A6', 'B5:B6', 'C5:C6', 'D5:D6', 'E5:G5', 'H5:H6'): ws.merge_cells(c)
for i, (d, j, t, l, p, k) in enumerate(rk, 1):
    ws.append([i, d.strftime('%d-%b-%y'), j, t, l, p, l + p, k])
ws.append(['', 'JUMLAH', '', '', sum(x[3] for x in rk), sum(x[4] for x in rk), sum(x[3] + x[4] for x in rk), ''])
ws.append([])
ws.append(['Sumber: patai.desa.id/artikel/rekap-musyawarah-2023'])
f = 'rekap_musyawarah_desa_patai_2023.xlsx'; wb.save(OUT / f)
man(f, '62.02.02.2005', 'Patai', 2023, len(rk),
    'habit: desa website "Rekapitulasi musyawarah" table copied into Excel (no public example found); merged two-row header like Permendagri 47/2016 buku administrasi',
    'merged 2-row header Peserta Hadir L/P/Jumlah, dates as text "12-Jan-23", JUMLAH total row, source footnote',
    hadir_total=sum(x[3] + x[4] for x in rk))

# ---------- F5 BPD laporan CSV, Windows-1252, ';', '2025/03/05', curly apostrophe, en dash, 'orang'
bp = [
    (date(2025, 1, 10), 'Musyawarah Desa penetapan APB Desa TA 2025', 'Balai Desa Sumber Makmur', 32, 28),
    (date(2025, 2, 14), 'Musyawarah Desa Khusus BLT-DD TA 2025', 'Balai Desa Sumber Makmur', 30, 26),
    (date(2025, 4, 25), 'Musdes Laporan Pertanggungjawaban Realisasi APB Desa TA 2024', 'Balai Desa Sumber Makmur', 32, 25),
    (date(2025, 6, 13), 'Musdes Ketahanan Pangan (penyertaan modal BUMDes)', 'Kantor BUMDes “Makmur Bersama”', 28, 24),
]
f = 'LAPORAN_BPD_SUMBER_MAKMUR_TELAWANG_SMT1_2025.csv'
buf = io.StringIO(); w = csv.writer(buf, delimiter=';', lineterminator='\r\n')
w.writerow(['BADAN PERMUSYAWARATAN DESA (BPD) DESA SUMBER MAKMUR', '', '', '', '', ''])
w.writerow(['KECAMATAN TELAWANG – KABUPATEN KOTAWARINGIN TIMUR', '', '', '', '', ''])
w.writerow(['LAPORAN PELAKSANAAN MUSYAWARAH DESA SEMESTER I TAHUN 2025', '', '', '', '', ''])
w.writerow(['', '', '', '', '', ''])
w.writerow(['No.', 'Hari / Tanggal', 'Waktu', 'Agenda Musyawarah', 'Tempat', 'Undangan', 'Hadir'])
for i, (d, a, t, u, h) in enumerate(bp, 1):
    hari = HARI[d.weekday()].replace('Jumat', 'Jum’at')
    w.writerow([f'{i}.', f'{hari}, {d.strftime("%Y/%m/%d")}', '09.00 – selesai', a, t, f'{u} orang', f'{h} orang'])
w.writerow(['', '', '', '', '', '', ''])
w.writerow(['', '', '', '', 'Sumber Makmur, 30 Juni 2025', '', ''])
w.writerow(['', '', '', '', 'Ketua BPD,', '', ''])
w.writerow(['', '', '', '', 'Marthen Luther Ganda', '', ''])
(OUT / f).write_bytes(buf.getvalue().encode('cp1252'))
man(f, '62.02.14.2003', 'Sumber Makmur', 2025, len(bp),
    'habit: BPD semester report saved from Excel as "CSV (semicolon)" on Windows (cp1252); no public example found',
    'cp1252 with ’ “ ” – bytes, ";" delimiter, CRLF, 3 title rows, "Jum’at, 2025/01/10", "32 orang"; village name shared by 3 desa (Parenggean, Mentaya Hilir Utara, Telawang) -> kecamatan in 2nd title row disambiguates',
    hadir_total=sum(x[4] for x in bp))

# ---------- F6 daftar hadir recap, transposed (meetings as columns, unsur as rows)
mt = [(date(2024, 1, 25), 'Musdes APBDes 2024'), (date(2024, 3, 14), 'Musdes BLT-DD'),
      (date(2024, 8, 8), 'Musrenbangdes RKPDes 2025'), (date(2024, 10, 3), 'Musdes BUMDes')]
unsur = {'Pemerintah Desa': [7, 6, 8, 5], 'BPD': [5, 5, 5, 4], 'LPM': [3, 2, 3, 2], 'TP-PKK': [4, 5, 4, 3],
         'Tokoh Agama': [3, 2, 3, 2], 'Tokoh Masyarakat / Adat': [4, 3, 5, 3], 'Kelompok Tani / Nelayan': [3, 2, 4, 2],
         'Perwakilan Perempuan': [2, 4, 3, 2], 'Perwakilan Masyarakat Miskin': [0, 5, 2, 0], 'Pendamping Desa / Kecamatan': [1, 1, 2, 1]}
tot = [sum(v[i] for v in unsur.values()) for i in range(4)]
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Rekap Daftar Hadir'
ws.append(['REKAPITULASI DAFTAR HADIR MUSYAWARAH DESA SEBAMBAN TAHUN 2024'])
ws.append(['Kecamatan Mentaya Hilir Selatan'])
ws.append([])
ws.append(['Uraian'] + [m[1] for m in mt])
ws.append(['Tanggal'] + [m[0] for m in mt])
ws.append(['Tempat', 'Balai Desa', 'Balai Desa', 'Balai Desa', 'Kantor BUMDes'])
ws.append(['Unsur yang hadir:'])
for k, v in unsur.items(): ws.append([k] + v)
ws.append(['JUMLAH HADIR'] + tot)
for c in range(2, 6):
    ws.cell(5, c).number_format = 'DD/MM/YYYY'; ws.column_dimensions[get_column_letter(c)].width = 22
ws.column_dimensions['A'].width = 32
f = 'rekap_daftar_hadir_musdes_sebamban_2024.xlsx'; wb.save(OUT / f)
man(f, '62.02.08.2005', 'Sebamban', 2024, len(mt),
    'unsur list from Permendagri 110/2016 ps.38(4) (reference/musdes_berita_acara_fields.csv unsur_hadir); transposed layout: habit, no public example found',
    'TRANSPOSED: one column per meeting, rows = unsur peserta (counts) + JUMLAH HADIR row; real Excel dates',
    hadir_total=sum(tot), hadir_per_meeting=tot)

# ---------- F7 DPMD-style form with Petunjuk sheet first, frozen header, hidden helper column
fm = [  # date, hour, jenis, agenda, L, P, usulan
    (date(2025, 1, 14), '09.00', 'Musdes', 'Penetapan APBDes TA 2025', 18, 7, None),
    (date(2025, 2, 4), '09.00', 'Musdes Khusus', 'Penetapan KPM BLT-DD TA 2025', 15, 12, None),
    (date(2025, 7, 10), '14.00', 'Musdus', 'Penggalian gagasan Dusun Tumbang Tilap Hilir', 13, 6, 7),
    (date(2025, 8, 21), '09.00', 'Musrenbangdes', 'Penyusunan RKPDes TA 2026', 24, 11, 12),
    (date(2025, 11, 6), '10.00', 'Musdes', 'Pertanggungjawaban pengurus BUMDes TA 2024', 14, 5, None),
]
wb = openpyxl.Workbook(); wp = wb.active; wp.title = 'Petunjuk'
for r in [['PETUNJUK PENGISIAN FORM REKAP MUSYAWARAH DESA'],
          ['1. Isi satu baris untuk setiap musyawarah yang telah dilaksanakan.'],
          ['2. Kolom Jenis dipilih dari daftar: Musdes, Musdes Khusus, Musdus, Musrenbangdes.'],
          ['3. Jumlah peserta diisi dengan angka dari daftar hadir (tanpa nama).'],
          ['4. Jangan mengubah susunan kolom. Kolom abu-abu diisi otomatis.']]: wp.append(r)
ws = wb.create_sheet('Isian')
ws.append(['FORM REKAP MUSYAWARAH DESA TAHUN 2025'])
ws.append(['Kode Desa', '62.02.15.2001', '', 'Nama Desa', 'Tumbang Tilap'])
ws.append(['Kecamatan', 'Bukit Santuai'])
ws.append([])
ws.append(['No', 'kode_jenis', 'Jenis Musyawarah', 'Hari, Tanggal dan Waktu', 'Agenda / Pokok Bahasan',
           'Peserta Laki-laki', 'Peserta Perempuan', 'Jumlah Peserta', 'Jumlah Usulan Disepakati'])
kj = {'Musdes': 1, 'Musdes Khusus': 2, 'Musdus': 3, 'Musrenbangdes': 4}
for i, (d, hh, j, a, l, p, u) in enumerate(fm, 1):
    ws.append([i, kj[j], j, f'{indo(d)} pukul {hh} WIB', a, l, p, l + p, u if u is not None else '-'])
ws.column_dimensions['B'].hidden = True
ws.freeze_panes = 'A6'
for c, wd in zip('ACDEFGHI', (5, 16, 40, 46, 12, 12, 12, 14)): ws.column_dimensions[c].width = wd
f = 'Form_Rekap_Musyawarah_TumbangTilap_2025.xlsx'; wb.save(OUT / f)
man(f, '62.02.15.2001', 'Tumbang Tilap', 2025, len(fm),
    'habit: kabupaten template with Petunjuk sheet (cf. OpenDK import templates in /work/shared/reference/opendk_*.xlsx having instruction rows); no public musyawarah example found',
    'Petunjuk sheet FIRST, data on 2nd sheet, kode desa in a header cell, frozen header, hidden helper column B, Jumlah as plain number, "Selasa, 14 Januari 2025 pukul 09.00 WIB", "-" for no usulan',
    hadir_total=sum(x[4] + x[5] for x in fm))

# ---------- F8 TSV of musdus, village by common alias, counts with 'org'
md = [('Dusun I (Karya Bakti)', date(2024, 6, 3), 19, 8, 6), ('Dusun II (Sumber Rejeki)', date(2024, 6, 4), 16, 11, 5),
      ('Dusun III (Harapan Baru)', date(2024, 6, 6), 21, 9, 8), ('Dusun IV (Tunas Muda)', date(2024, 6, 8), 12, 10, 4)]
f = 'musdus_sungai_ubar_mandiri_2024.tsv'
with open(OUT / f, 'w', newline='', encoding='utf-8') as fh:
    fh.write('Rekap Musyawarah Dusun (Penggalian Gagasan) RKPDes 2025\n')
    fh.write('Desa Sungai Ubar Mandiri, Kec. Cempaga Hulu\n')
    fh.write('\t'.join(['Dusun', 'Tgl Musdus', 'Hadir L', 'Hadir P', 'Total Hadir', 'Usulan']) + '\n')
    for du, d, l, p, u in md:
        fh.write('\t'.join([du, d.strftime('%d/%m/%Y'), f'{l} org', f'{p} org', f'{l+p} org', f'{u} usulan']) + '\n')
man(f, '62.02.13.2011', 'Sungai Ubar', 2024, len(md),
    'habit: TSV copied from a spreadsheet; village alias from reference/village_aliases.csv (Sungai Ubar Mandiri = 62.02.13.2011)',
    'TSV, 2 free-text title lines, village by common alias (official name differs), "19 org", "6 usulan", year 2024 in dates while title speaks of RKPDes 2025',
    hadir_total=sum(x[2] + x[3] for x in md))

# ---------- R1 reject: JUMLAH row and one row's L+P disagree with its lines
rj = [(date(2024, 1, 11), 'Musdes Penetapan APBDes TA 2024', 20, 9, 29), (date(2024, 2, 22), 'Musdes Khusus BLT-DD', 16, 13, 29),
      (date(2024, 8, 1), 'Musrenbangdes RKPDes 2025', 25, 12, 47), (date(2024, 10, 17), 'Musdes BUMDes', 13, 6, 19)]
wb = openpyxl.Workbook(); ws = wb.active
ws.append(['REKAP MUSYAWARAH DESA PUNDU KECAMATAN CEMPAGA HULU TAHUN 2024'])
ws.append(['No', 'Tanggal', 'Jenis Musyawarah', 'Laki-laki', 'Perempuan', 'Jumlah Hadir'])
for i, (d, j, l, p, t) in enumerate(rj, 1): ws.append([i, d, j, l, p, t])
ws.append(['', '', 'JUMLAH', 74, 40, 142])
f = 'rekap_musdes_pundu_2024_REJECT.xlsx'; wb.save(OUT / f)
man(f, '62.02.13.2001', 'Pundu', 2024, len(rj), 'habit (as F4, simpler)',
    'substance error: row 3 Jumlah Hadir 47 but 25+12=37; JUMLAH row says 142 but Jumlah column sums to 124 (L 74 and P 40 are right)',
    expect='reject', why='jumlah hadir of Musrenbangdes (47) != laki-laki + perempuan (37), and total row 142 != sum of lines 124: the attendance numbers cannot be trusted')

json.dump(MAN, open(OUT / 'manifest.json', 'w'), indent=1, ensure_ascii=False)
print(len(MAN), 'files')
