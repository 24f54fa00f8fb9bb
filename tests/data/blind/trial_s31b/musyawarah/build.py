"""Trial 4 (musyawarah): build blind-trial files + manifest.json. Numbers and names invented."""
import csv, json, re, zipfile, shutil, datetime as dt
from pathlib import Path
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

OUT = Path(__file__).parent
MAN = []
BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']
HARI = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']


def indo(d):
    return f"{HARI[d.weekday()]}, {d.day} {BULAN[d.month-1]} {d.year}"


def man(file, kode, desa, tahun, meetings, source, shape, **kw):
    e = dict(file=file, record_type='musyawarah', kode_desa=kode, desa=desa, tahun=tahun,
             line_items=len(meetings), total_hadir=sum(m['hadir'] for m in meetings if m.get('hadir') is not None),
             source=source, shape=shape)
    e.update(kw)
    MAN.append(e)


D = dt.date

# ---------------- M1: Satu Data Indonesia style CSV (snake_case, codes without dots) -------------
m1 = [
    dict(j='Musyawarah Dusun', t=D(2024, 1, 9), tempat='Rumah Kepala Dusun I', l=14, p=7),
    dict(j='Musyawarah Desa Khusus Penetapan KPM BLT Dana Desa', t=D(2024, 1, 23), tempat='Balai Desa Rasau Tumbuh', l=19, p=11),
    dict(j='Musyawarah Desa Penetapan APB Desa', t=D(2024, 2, 6), tempat='Balai Desa Rasau Tumbuh', l=22, p=9),
    dict(j='Musyawarah Desa Penyusunan RKP Desa', t=D(2024, 7, 17), tempat='Balai Desa Rasau Tumbuh', l=25, p=13),
    dict(j='Musyawarah Perencanaan Pembangunan Desa', t=D(2024, 9, 11), tempat='Aula Kantor Desa', l=27, p=15),
]
for m in m1:
    m['hadir'] = m['l'] + m['p']
f = 'musyawarah_desa_6202012015_2024.csv'
with open(OUT / f, 'w', newline='', encoding='utf-8') as fh:
    w = csv.writer(fh)
    w.writerow(['id', 'kode_provinsi', 'nama_provinsi', 'kode_kabupaten_kota', 'nama_kabupaten_kota', 'kode_kecamatan',
                'nama_kecamatan', 'kode_desa_kelurahan', 'nama_desa_kelurahan', 'jenis_musyawarah', 'tanggal_pelaksanaan',
                'tempat_pelaksanaan', 'jumlah_peserta_laki_laki', 'jumlah_peserta_perempuan', 'jumlah_peserta', 'satuan', 'tahun'])
    for i, m in enumerate(m1, 1):
        w.writerow([i, 62, 'KALIMANTAN TENGAH', 6202, 'KABUPATEN KOTAWARINGIN TIMUR', 620201, 'KOTA BESI', 6202012015,
                    'RASAU TUMBUH', m['j'], m['t'].isoformat(), m['tempat'], m['l'], m['p'], m['hadir'], 'ORANG', 2024])
man(f, '62.02.01.2015', 'Rasau Tumbuh', 2024, m1,
    'Satu Data Indonesia tabular habit (opendata.jabarprov.go.id datasets; element "Laporan penyelenggaraan musyawarah desa" at https://satudata.kebumenkab.go.id/v2/index.php/web/modal_metadata/3346)',
    'snake_case SDI headings incl. kode/nama provinsi, kabupaten, kecamatan; kode desa WITHOUT dots (6202012015) as integer; satuan column ORANG; tahun column; ISO dates')

# ---------------- M2: daftar hadir of ONE musdes, counts per dusun ----------------
rows2 = [('Dusun I', 12, 7, 4), ('Dusun II', 10, 6, 3), ('Dusun III', 9, 5, 3), ('Dusun IV', 8, 4, 2),
         ('Pemerintah Desa', 9, 6, 3), ('BPD', 7, 5, 1), ('Pendamping Desa / Kecamatan', 3, 2, 1)]
wb = Workbook(); ws = wb.active; ws.title = 'Daftar Hadir'
ws.append(['REKAPITULASI DAFTAR HADIR']); ws.merge_cells('A1:F1')
ws.append(['MUSYAWARAH DESA PENYUSUNAN RENCANA KERJA PEMERINTAH DESA (RKP DESA) TAHUN 2025']); ws.merge_cells('A2:F2')
ws.append(['DESA SUNGAI PARING KECAMATAN CEMPAGA KABUPATEN KOTAWARINGIN TIMUR']); ws.merge_cells('A3:F3')
ws.append([])
t2 = D(2024, 9, 12)
ws.append(['Hari / Tanggal', ': ' + indo(t2)])
ws.append(['Waktu', ': 09.00 WIB s.d. selesai'])
ws.append(['Tempat', ': Balai Desa Sungai Paring'])
ws.append([])
ws.append(['No', 'Asal Peserta (Dusun / Unsur)', 'Jumlah Undangan', 'Hadir', None, None])
ws.append([None, None, None, 'L', 'P', 'Jumlah'])
ws.merge_cells('A9:A10'); ws.merge_cells('B9:B10'); ws.merge_cells('C9:C10'); ws.merge_cells('D9:F9')
tl = tp = tu = 0
for i, (n, u, l, p) in enumerate(rows2, 1):
    ws.append([i, n, u, l, p, l + p]); tl += l; tp += p; tu += u
ws.append(['JUMLAH', None, tu, tl, tp, tl + tp])
ws.append([])
ws.append([None, None, None, None, 'Sungai Paring, ' + f"{t2.day} {BULAN[t2.month-1]} {t2.year}"])
ws.append([None, None, None, None, 'Ketua BPD,'])
ws.append([]); ws.append([])
ws.append([None, None, None, None, 'SURYADI'])
f = 'DAFTAR HADIR MUSDES RKPDES 2025 SUNGAI PARING.xlsx'
wb.save(OUT / f)
man(f, '62.02.02.2011', 'Sungai Paring', 2024,
    [dict(hadir=tl + tp)],
    'habit: rekap of the daftar hadir attached to a berita acara (Permendesa 16/2019 practice; cf. karangbawang-purbalingga.desa.id artikel 2025/7/3 "undangan, daftar hadir dan dokumentasi")',
    'ONE meeting: meeting fields (jenis in title, Hari/Tanggal, Waktu, Tempat) in a key:value block ABOVE the table; table rows are dusun/unsur (NOT meetings) with merged Hadir L/P/Jumlah header; JUMLAH row; title names RKP Desa 2025 while meeting is in 2024',
    hadir_laki_laki=tl, hadir_perempuan=tp, jumlah_diundang=tu, jenis='Musdes Penyusunan RKP Desa', tanggal=t2.isoformat())

# ---------------- M3: formulas with cached values, wrapped headings, text numbers ----------------
m3 = [
    dict(j='Musdus Dusun Tanjung', t=D(2024, 6, 4), tempat='Rumah Kadus Tanjung', u=25, l=13, p=8),
    dict(j='Musdus Dusun Hulu', t=D(2024, 6, 6), tempat='Langgar Al-Ikhlas', u=22, l=11, p=6),
    dict(j='Musdes Penyusunan RKP Desa 2025', t=D(2024, 7, 2), tempat='Balai Desa Tangka Robah', u=40, l=21, p=12),
    dict(j='Musrenbangdes', t=D(2024, 8, 20), tempat='Balai Desa Tangka Robah', u=45, l=24, p=14),
    dict(j='Musdes Penetapan APBDes Perubahan', t=D(2024, 10, 8), tempat='Balai Desa Tangka Robah', u=35, l=18, p=9),
]
for m in m3:
    m['hadir'] = m['l'] + m['p']
wb = Workbook(); ws = wb.active; ws.title = 'Rekap'
ws.append(['REKAP PELAKSANAAN MUSYAWARAH DESA TANGKA ROBAH TAHUN 2024'])
ws.append(['Kecamatan Mentaya Hulu'])
ws.append([])
hdr = ['No.', 'Jenis\nMusyawarah', 'Tanggal\nPelaksanaan', 'Tempat', 'Jumlah\nUndangan', 'Hadir\nLaki-laki', 'Hadir\nPerempuan', 'Jumlah\nHadir\n(L+P)']
ws.append(hdr)
for c in ws[4]:
    c.alignment = Alignment(wrap_text=True); c.font = Font(bold=True)
cache = {}
for i, m in enumerate(m3, 1):
    r = 4 + i
    ws.append([f'{i}', m['j'], m['t'], m['tempat'], str(m['u']), m['l'], m['p'], f'=F{r}+G{r}'])
    ws.cell(r, 1).quotePrefix = True; ws.cell(r, 5).quotePrefix = True
    ws.cell(r, 3).number_format = 'dd mmmm yyyy'
    cache[f'H{r}'] = m['hadir']
last = 4 + len(m3); tr = last + 1
ws.append([None, 'JUMLAH', None, None, None, f'=SUM(F5:F{last})', f'=SUM(G5:G{last})', f'=SUM(H5:H{last})'])
cache[f'F{tr}'] = sum(m['l'] for m in m3); cache[f'G{tr}'] = sum(m['p'] for m in m3); cache[f'H{tr}'] = sum(m['hadir'] for m in m3)
ws.freeze_panes = 'A5'
f = 'Rekap_Musyawarah_TangkaRobah_2024.xlsx'
wb.save(OUT / f)
# add cached values <v> to formula cells, as Excel would have saved them
tmp = OUT / (f + '.tmp')
with zipfile.ZipFile(OUT / f) as zin, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'xl/worksheets/sheet1.xml':
            s = data.decode()
            def rep(mo):
                ref = mo.group(1)
                return mo.group(0).replace('<v></v>', '').replace('<v />', '').replace('</f>', f'</f><v>{cache[ref]}</v>') if ref in cache else mo.group(0)
            s = re.sub(r'<c r="([A-Z]+\d+)"[^>]*>.*?</c>', rep, s)
            data = s.encode()
        zout.writestr(item, data)
shutil.move(tmp, OUT / f)
man(f, '62.02.03.2009', 'Tangka Robah', 2024, m3, 'habit: village operator rekap in Excel with formulas (no public example found)',
    'Jumlah Hadir and JUMLAH row are FORMULAS with cached values; headings wrapped with line breaks ("Jumlah\\nHadir\\n(L+P)"); No. and Jumlah Undangan stored as text (quotePrefix apostrophe); real Excel dates shown "dd mmmm yyyy"; frozen header; kecamatan on 2nd title row')

# ---------------- M4: English donor template CSV ----------------
m4 = [
    dict(j='Hamlet meeting (Musdus) - RT 01/02', t=D(2024, 1, 13), v='Community hall RT 02', l=15, p=12),
    dict(j='Village deliberation (Musdes) - BLT-DD beneficiaries', t=D(2024, 1, 27), v='Village office', l=18, p=14),
    dict(j='Village deliberation (Musdes) - APBDes 2024 adoption', t=D(2024, 2, 3), v='Village office', l=20, p=10),
    dict(j='BPD meeting - semester I evaluation', t=D(2024, 7, 25), v='BPD secretariat', l=7, p=2),
    dict(j='Village development planning meeting (Musrenbangdes)', t=D(2024, 9, 18), v='Village office', l=26, p=19),
    dict(j='Village deliberation (Musdes) - RKPDes 2025 adoption', t=D(2024, 11, 5), v='Village office', l=24, p=16),
]
for m in m4:
    m['hadir'] = m['l'] + m['p']
f = 'Village_Meeting_Log_Penyaguan_2024.csv'
with open(OUT / f, 'w', newline='', encoding='utf-8') as fh:
    w = csv.writer(fh)
    w.writerow(['Village', 'District', 'Date of meeting (dd/mm/yyyy)', 'Type of meeting', 'Venue', 'Participants - Male',
                'Participants - Female', 'Participants - Total', '% Women', 'Key decisions'])
    for m in m4:
        w.writerow(['Penyaguan', 'Pulau Hanaut', m['t'].strftime('%d/%m/%Y'), m['j'], m['v'], m['l'], m['p'], m['hadir'],
                    f"{100*m['p']/m['hadir']:.0f}%", 'Agreed; minutes signed by BPD chair'])
man(f, '62.02.09.2012', 'Penyaguan', 2024, m4,
    'habit: donor programme monitoring log (KOMPAK/LOGICA-style English M&E templates; no public example found)',
    'English headings only (Village, Date of meeting (dd/mm/yyyy), Type of meeting, Participants - Male/Female/Total, % Women); kinds in English with Indonesian abbreviation in brackets; village in a column; a BPD meeting')

# ---------------- M5: PDF copied to Excel, page headers repeated ----------------
m5 = [
    dict(j='Rapat Internal BPD', t=D(2024, 1, 8), tempat='Sekretariat BPD', hadir=7, ket='Penyusunan jadwal kerja BPD 2024'),
    dict(j='Musdes Khusus Penetapan KPM BLT-DD', t=D(2024, 1, 22), tempat='Balai Desa', hadir=34, ket='Ditetapkan 21 KPM'),
    dict(j='Musdes Penetapan APBDes 2024', t=D(2024, 2, 14), tempat='Balai Desa', hadir=31, ket='APBDes disepakati'),
    dict(j='Rapat Internal BPD', t=D(2024, 4, 15), tempat='Sekretariat BPD', hadir=7, ket='Tindak lanjut aspirasi'),
    dict(j='Musdes Pertanggungjawaban Realisasi APBDes 2023', t=D(2024, 3, 19), tempat='Balai Desa', hadir=29, ket='LPJ diterima'),
    dict(j='Musdes Penyusunan RKP Desa 2025', t=D(2024, 7, 10), tempat='Balai Desa', hadir=38, ket='Tim penyusun dibentuk'),
    dict(j='Musrenbangdes', t=D(2024, 9, 4), tempat='Balai Desa', hadir=42, ket='12 usulan prioritas'),
]
wb = Workbook(); ws = wb.active; ws.title = 'Sheet1'
page_hdr = ['LAPORAN KEGIATAN BADAN PERMUSYAWARATAN DESA (BPD)', 'DESA BIRU MAJU KECAMATAN TELAWANG', 'TAHUN 2024']
cols = ['NO', 'KEGIATAN / MUSYAWARAH', 'HARI/TANGGAL', 'TEMPAT', 'JUMLAH HADIR', 'HASIL / KETERANGAN']
def page(rows, start, pg):
    for h in page_hdr:
        ws.append([h])
    ws.append([])
    ws.append(cols)
    for i, m in enumerate(rows, start):
        ws.append([i, m['j'], f"{HARI[m['t'].weekday()]} / {m['t'].strftime('%d-%m-%Y')}", m['tempat'], f"{m['hadir']} orang", m['ket']])
    ws.append([]); ws.append([None, None, None, None, None, f'Halaman {pg} dari 2'])
page(m5[:4], 1, 1)
page(m5[4:], 5, 2)
ws.append([]); ws.append([None, None, None, None, 'Biru Maju, 30 Desember 2024'])
ws.append([None, None, None, None, 'Ketua BPD Desa Biru Maju']); ws.append([]); ws.append([None, None, None, None, 'H. ARBAIN'])
f = 'LAPORAN KEGIATAN BPD BIRU MAJU 2024.xlsx'
wb.save(OUT / f)
man(f, '62.02.14.2006', 'Biru Maju', 2024, m5, 'habit: BPD annual report printed to PDF and copied back into Excel (page header + "Halaman x dari y" repeated; no public example found)',
    'page header block (3 title rows) and column heading row REPEATED on page 2; "Halaman 1 dari 2" footer rows; dates "Senin / 08-01-2024" (day name + slash); "34 orang"; not in date order; 2 internal BPD meetings; signature block')

# ---------------- M6: counts per unsur as columns, 2-row merged header ----------------
unsur = ['Pemerintah Desa', 'BPD', 'Tokoh Adat', 'Tokoh Agama', 'Tokoh Masyarakat', 'Kelompok Perempuan', 'Kelompok Tani / Nelayan', 'Perwakilan Masyarakat Miskin', 'Lainnya']
m6 = [
    dict(j='Musdes Khusus BLT-DD', t=D(2024, 1, 15), c=[6, 5, 2, 3, 4, 4, 3, 5, 1]),
    dict(j='Musdes Penetapan APBDes', t=D(2024, 2, 12), c=[7, 7, 2, 2, 5, 3, 4, 2, 2]),
    dict(j='Musdes Pembentukan BUMDes', t=D(2024, 5, 21), c=[6, 6, 1, 2, 6, 2, 3, 1, 4]),
    dict(j='Musdes RKP Desa', t=D(2024, 7, 30), c=[8, 7, 2, 3, 6, 5, 5, 3, 2]),
    dict(j='Musrenbangdes', t=D(2024, 9, 24), c=[8, 7, 3, 3, 7, 6, 6, 4, 3]),
]
for m in m6:
    m['hadir'] = sum(m['c'])
wb = Workbook(); ws = wb.active; ws.title = 'Musdes 2024'
ws.append(['REKAPITULASI KEHADIRAN MUSYAWARAH DESA MENURUT UNSUR MASYARAKAT'])
ws.append(['DESA SAMUDA BESAR - KECAMATAN MENTAYA HILIR SELATAN - TAHUN 2024'])
ws.append([])
ws.append(['No', 'Jenis Musyawarah', 'Hari, Tanggal', 'Unsur yang Hadir (orang)'] + [None] * (len(unsur) - 1) + ['Jumlah'])
ws.append([None, None, None] + unsur + [None])
ws.merge_cells(start_row=4, start_column=4, end_row=4, end_column=3 + len(unsur))
for col in (1, 2, 3, 4 + len(unsur)):
    ws.merge_cells(start_row=4, start_column=col, end_row=5, end_column=col)
ws.append(list(range(1, 5 + len(unsur))))  # column numbering row (1)(2)(3)...
for i, m in enumerate(m6, 1):
    ws.append([i, m['j'], f"{HARI[m['t'].weekday()]}, {m['t'].strftime('%d-%m-%Y')}"] + m['c'] + [m['hadir']])
ws.append([None, 'JUMLAH', None] + [sum(m['c'][k] for m in m6) for k in range(len(unsur))] + [sum(m['hadir'] for m in m6)])
ws.append([]); ws.append(['Sumber: Daftar hadir musyawarah desa (arsip BPD)'])
f = 'rekap_kehadiran_musdes_per_unsur_samuda_besar_2024.xlsx'
wb.save(OUT / f)
man(f, '62.02.08.2006', 'Samuda Besar', 2024, m6, 'Permendagri 110/2016 ps.38(4) unsur masyarakat (reference/musdes_berita_acara_fields.csv unsur_hadir); layout habit',
    'attendance broken down by 9 unsur columns under a merged "Unsur yang Hadir (orang)" heading (no L/P); column-number row (1)(2)...(13) under the header; "Senin, 15-01-2024"; JUMLAH row; source footnote')

# ---------------- M7: REKAP sheet + one berita acara sheet per meeting ----------------
m7 = [
    dict(no='01/BA/BPD/I/2024', j='Musyawarah Desa Khusus Penetapan KPM BLT-DD', t=D(2024, 1, 18), tempat='Balai Desa Parebok', u=35, hadir=30, l=17, p=13,
         hasil='Ditetapkan 18 KPM BLT-DD TA 2024'),
    dict(no='02/BA/BPD/II/2024', j='Musyawarah Desa Penetapan APB Desa TA 2024', t=D(2024, 2, 8), tempat='Balai Desa Parebok', u=35, hadir=28, l=18, p=10,
         hasil='Rancangan APB Desa TA 2024 disepakati'),
    dict(no='03/BA/BPD/VII/2024', j='Musyawarah Desa Penyusunan RKP Desa TA 2025', t=D(2024, 7, 23), tempat='Balai Desa Parebok', u=40, hadir=33, l=20, p=13,
         hasil='Pembentukan tim penyusun RKP Desa'),
    dict(no='04/BA/BPD/IX/2024', j='Musyawarah Perencanaan Pembangunan Desa (Musrenbangdes)', t=D(2024, 9, 26), tempat='Aula Kantor Desa Parebok', u=45, hadir=39, l=22, p=17,
         hasil='Rancangan RKP Desa TA 2025 disepakati'),
]
wb = Workbook(); ws = wb.active; ws.title = 'REKAP'
ws.append(['REKAP BERITA ACARA MUSYAWARAH DESA PAREBOK TAHUN 2024'])
ws.append(['Kecamatan Teluk Sampit, Kabupaten Kotawaringin Timur'])
ws.append([])
ws.append(['No', 'Nomor Berita Acara', 'Jenis Musyawarah', 'Tanggal', 'Tempat', 'Undangan', 'Hadir L', 'Hadir P', 'Jumlah Hadir', 'Hasil Kesepakatan', 'Lihat sheet'])
for i, m in enumerate(m7, 1):
    ws.append([i, m['no'], m['j'], m['t'], m['tempat'], m['u'], m['l'], m['p'], m['hadir'], m['hasil'], f'BA-{i:02d}'])
    ws.cell(4 + i, 4).number_format = 'dd/mm/yyyy'
for i, m in enumerate(m7, 1):
    s = wb.create_sheet(f'BA-{i:02d}')
    s.append(['BERITA ACARA']); s.append([m['j'].upper()]); s.append([f"Nomor : {m['no']}"]); s.append([])
    s.append([f"Pada hari ini {HARI[m['t'].weekday()]} tanggal {m['t'].day} bulan {BULAN[m['t'].month-1]} tahun {m['t'].year}, bertempat di {m['tempat']}, telah diselenggarakan {m['j']} Desa Parebok."])
    s.append([])
    s.append(['Jumlah undangan', ':', m['u'], 'orang'])
    s.append(['Jumlah hadir', ':', m['hadir'], 'orang'])
    s.append(['   - Laki-laki', ':', m['l'], 'orang'])
    s.append(['   - Perempuan', ':', m['p'], 'orang'])
    s.append(['Pimpinan Musyawarah', ':', 'Ketua BPD'])
    s.append(['Hasil kesepakatan', ':', m['hasil']])
    s.append([]); s.append([None, None, 'Parebok, ' + f"{m['t'].day} {BULAN[m['t'].month-1]} {m['t'].year}"])
    s.append(['Kepala Desa Parebok', None, 'Pimpinan Musyawarah / Ketua BPD'])
f = 'BA_MUSYAWARAH_PAREBOK_2024.xlsx'
wb.save(OUT / f)
man(f, '62.02.11.2001', 'Parebok', 2024, m7, 'berita acara wording "Pada hari ini ... tanggal ... bulan ... tahun ..." (Permendesa 16/2019 practice; 2025.co.id/contoh-berita-acara-musyawarah-desa); workbook layout habit',
    'REKAP sheet listing 4 meetings + one berita acara sheet per meeting (BA-01..BA-04, key:value + narrative) repeating the same meetings: must count 4, not 8; Nomor BA with Roman month; hadir per sheet in "Jumlah hadir : 30 : orang" cells')

# ---------------- R1: true duplicate meeting (expect reject) ----------------
r1 = [
    dict(j='Musdes Khusus BLT-DD', t=D(2024, 1, 16), tempat='Balai Desa Tumbang Kania', l=16, p=10),
    dict(j='Musdes Penetapan APBDes', t=D(2024, 2, 20), tempat='Balai Desa Tumbang Kania', l=19, p=8),
    dict(j='Musdes Penetapan APBDes', t=D(2024, 2, 20), tempat='Balai Desa Tumbang Kania', l=19, p=8),
    dict(j='Musrenbangdes', t=D(2024, 9, 3), tempat='Balai Desa Tumbang Kania', l=23, p=12),
]
for m in r1:
    m['hadir'] = m['l'] + m['p']
wb = Workbook(); ws = wb.active
ws.append(['REKAP MUSYAWARAH DESA TUMBANG KANIA KECAMATAN BUKIT SANTUAI TAHUN 2024'])
ws.append([])
ws.append(['No', 'Jenis Musyawarah', 'Tanggal', 'Tempat', 'Hadir L', 'Hadir P', 'Jumlah Hadir'])
for i, m in enumerate(r1, 1):
    ws.append([i, m['j'], m['t'], m['tempat'], m['l'], m['p'], m['hadir']])
    ws.cell(3 + i, 3).number_format = 'dd/mm/yyyy'
f = 'rekap_musdes_tumbang_kania_2024_REJECT.xlsx'
wb.save(OUT / f)
man(f, '62.02.15.2009', 'Tumbang Kania', 2024, r1, 'habit', 'plain rekap; rows 2 and 3 are the same meeting (same kind, date, place, counts) entered twice',
    expect='reject', why='true duplicate: Musdes Penetapan APBDes of 20-02-2024 listed twice (No 2 and 3), would double-count the meeting and its 27 participants')

json.dump(MAN, open(OUT / 'manifest.json', 'w'), indent=1, ensure_ascii=False)
print('\n'.join(m['file'] for m in MAN))
