import csv, json, random, zipfile, io
from pathlib import Path
from xml.sax.saxutils import escape
import openpyxl
from openpyxl.styles import Font, Alignment
OUT = Path(__file__).parent
REF = Path(__file__).resolve().parents[5] / 'reference'
NAMES = {r['kode']: r['uraian'] for r in csv.DictReader(open(REF/'apbdes_rekening.csv'))}
VIL = {r['kode_desa']: r['nama_desa'] for r in csv.DictReader(open(REF/'kotim_villages.csv'))}
KEC = {r['kode_desa']: r['nama_kecamatan'] for r in csv.DictReader(open(REF/'kotim_villages.csv'))}
PEND = ['4.1.2.01','4.2.1.01','4.2.2.01','4.2.3.01','4.2.5.01','4.3.6.01']
BEL = ['5.1.1.01','5.1.2.01','5.1.3.01','5.1.4.01','5.2.1.01','5.2.2.01','5.2.3.01','5.2.7.01','5.3.5.02','5.3.5.03']
BTT = '5.4.1.01'
PEMB = ['6.1.1.01','6.2.2.01']
manifest = []

def budget(seed, perub=False):
    r = random.Random(seed)
    a = {}
    base = {'4.1.2.01': 12, '4.2.1.01': 900, '4.2.2.01': 45, '4.2.3.01': 520, '4.2.5.01': 150, '4.3.6.01': 3}
    for k, v in base.items():
        a[k] = int(v * r.uniform(0.8, 1.2)) * 1_000_000 + r.randrange(0, 1000) * 1000
    a['6.1.1.01'] = r.randrange(20, 90) * 1_000_000 + r.randrange(0, 1000) * 1000
    a['6.2.2.01'] = r.choice([25, 30, 50]) * 1_000_000
    total_bel = sum(a[k] for k in PEND) + a['6.1.1.01'] - a['6.2.2.01']
    w = {'5.1.1.01': 4, '5.1.2.01': 12, '5.1.3.01': 1, '5.1.4.01': 2, '5.2.1.01': 2, '5.2.2.01': 3,
         '5.2.3.01': 2, '5.2.7.01': 8, '5.3.5.02': 10, '5.3.5.03': 25}
    sw = sum(w.values()); rest = total_bel - 15_000_000
    for k in BEL:
        a[k] = (rest * w[k] // sw) // 1000 * 1000
    a[BTT] = 15_000_000
    a['5.3.5.03'] += total_bel - sum(a[k] for k in BEL + [BTT])
    return a

def realisasi(a, seed):
    r = random.Random(seed); z = {}
    for k, v in a.items():
        z[k] = 0 if k == BTT else int(v * r.uniform(0.85, 1.0)) // 1000 * 1000
    z['6.1.1.01'] = a['6.1.1.01']; z['4.2.1.01'] = a['4.2.1.01']; z['4.2.3.01'] = a['4.2.3.01']
    return z

def totals(a):
    return {'pendapatan': sum(a[k] for k in PEND), 'belanja': sum(a[k] for k in BEL + [BTT]),
            'pembiayaan_penerimaan': a['6.1.1.01'], 'pembiayaan_pengeluaran': a['6.2.2.01']}

LEAVES = PEND + BEL + [BTT] + PEMB
def tree():
    """all codes incl. parents in order, with level"""
    seen = []; 
    for k in LEAVES:
        p = k.split('.')
        for i in range(1, 5):
            c = '.'.join(p[:i])
            if c not in seen: seen.append(c)
    return seen
def subtotal(a, code):
    return sum(v for k, v in a.items() if k == code or k.startswith(code + '.'))

def rp(n, dec=True):  # 1.234.567,00
    s = f"{n:,}".replace(',', '.')
    return s + (',00' if dec else '')

def add(file, kode, tahun, tahap, items, ang, rea=None, source='', shape='', **extra):
    m = {'file': file, 'record_type': 'apbdes', 'kode_desa': kode, 'desa': VIL[kode], 'tahun': tahun,
         'tahap': tahap, 'line_items': items, 'anggaran': totals(ang)}
    if rea: m['realisasi'] = totals(rea)
    m.update(source=source, shape=shape, **extra)
    manifest.append(m)

# ---------- 1. ODS saved by LibreOffice Calc ----------
def ods(path, rows):
    def cell(v):
        if v is None: return '<table:table-cell/>'
        if isinstance(v, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{rp(int(v))}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'
    body = ''.join('<table:table-row>' + ''.join(cell(v) for v in r) + '</table:table-row>' for r in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="APBDes">' + body +
        '</table:table></office:spreadsheet></office:body></office:document-content>')
    manifest_xml = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, 'w') as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.spreadsheet', compress_type=zipfile.ZIP_STORED)
        z.writestr('META-INF/manifest.xml', manifest_xml, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr('content.xml', content, compress_type=zipfile.ZIP_DEFLATED)

k1 = '62.02.14.2001'; a1 = budget(1)
rows = [[f'ANGGARAN PENDAPATAN DAN BELANJA DESA {VIL[k1].upper()}'], [f'KECAMATAN {KEC[k1].upper()} KABUPATEN KOTAWARINGIN TIMUR'],
        ['TAHUN ANGGARAN 2025'], [], ['KODE REKENING', 'URAIAN', 'ANGGARAN (Rp)', 'KETERANGAN']]
for c in tree():
    if c == '6': rows.append(['', 'SURPLUS / (DEFISIT)', totals(a1)['pendapatan'] - totals(a1)['belanja'], ''])
    rows.append([c, NAMES[c].upper() if c.count('.') == 0 else NAMES[c], subtotal(a1, c), ''])
    if c == '6.2.2.01': pass
rows += [['', 'PEMBIAYAAN NETTO', a1['6.1.1.01'] - a1['6.2.2.01'], ''], [], ['', f'{VIL[k1]}, 20 Desember 2024'], ['', 'Kepala Desa ' + VIL[k1]], [], ['', 'YOHANES D. LAMBUNG']]
f1 = f'APBDes {VIL[k1]} 2025.ods'; ods(OUT/f1, rows)
add(f1, k1, 2025, 'anggaran', len(LEAVES), a1, source='habit: village operator using LibreOffice Calc (free office suite on village laptops); layout = Permendagri 20/2018 Lampiran I Perdes APBDes (KODE REKENING | URAIAN | ANGGARAN | KETERANGAN)',
    shape='ODS (OpenDocument) file, no XLSX; full 4-level tree with subtotal rows at levels 1-3; float cells with display text 1.234.567,00; SURPLUS/(DEFISIT) and PEMBIAYAAN NETTO rows; signature block')

# ---------- 2. Google Sheets CSV, multi-line cells, quoted Rp ----------
k2 = '62.02.13.2006'; a2 = budget(2); z2 = realisasi(a2, 22)
f2 = f'Realisasi APBDes {VIL[k2]} 2024 - Sheet1.csv'
with open(OUT/f2, 'w', newline='', encoding='utf-8') as fh:
    w = csv.writer(fh)
    w.writerow([f'LAPORAN REALISASI APBDES DESA {VIL[k2].upper()} TAHUN 2024', '', '', '', ''])
    w.writerow(['Kode\nRekening', 'Uraian', 'Anggaran\n(Rp)', 'Realisasi\n(Rp)', 'Keterangan'])
    for c in LEAVES:
        name = NAMES[c]
        if c == '5.2.7.01': name = name + '\n(paket sembako lansia & bibit)'
        if c == '5.3.5.03': name = name + '\n- semenisasi jalan RT 03\n- box culvert'
        note = 'cair 100%' if z2[c] == a2[c] else ''
        w.writerow([c, name, 'Rp' + rp(a2[c]), 'Rp' + rp(z2[c]), note])
    w.writerow(['', 'JUMLAH PENDAPATAN', 'Rp' + rp(totals(a2)['pendapatan']), 'Rp' + rp(totals(z2)['pendapatan']), ''])
add(f2, k2, 2024, 'realisasi', len(LEAVES), a2, z2, source='habit: Google Sheets shared by the Kasi Keuangan, File > Download > CSV (Indonesian locale keeps display format Rp1.234.567,00); no public example found',
    shape='comma CSV, every amount quoted "Rp1.234.567,00"; headings with line breaks inside quoted cells; two uraian cells multi-line (sub-items listed); only leaf 4-level lines, title row on top, one JUMLAH PENDAPATAN line only at the end')

# ---------- 3. Anggaran | Perubahan | Realisasi one table, data from C12, first cols empty ----------
k3 = '62.02.07.2004'; a3o = budget(3); a3 = dict(a3o)
a3['5.3.5.03'] += 40_000_000; a3['6.1.1.01'] += 40_000_000  # perubahan adds SILPA to jalan
z3 = realisasi(a3, 33)
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'LRA 2024'
ws['C2'] = 'PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR'; ws['C3'] = f'KECAMATAN {KEC[k3].upper()}'; ws['C4'] = f'DESA {VIL[k3].upper()}'
ws['C6'] = 'LAPORAN REALISASI PELAKSANAAN APBDES'; ws['C7'] = 'TAHUN ANGGARAN 2024'
ws['C9'] = 'Kode Desa :'; ws['D9'] = k3
hdr = ['KODE REK', 'URAIAN', 'ANGGARAN MURNI', 'ANGGARAN PERUBAHAN', 'BERTAMBAH/(BERKURANG)', 'REALISASI', 'LEBIH/(KURANG)', '%']
for i, h in enumerate(hdr): ws.cell(11, 3 + i, h)
for i in range(8): ws.cell(12, 3 + i, str(i + 1))
r = 13
for c in tree():
    lv = c.count('.')
    o, p, z = subtotal(a3o, c), subtotal(a3, c), subtotal(z3, c)
    ws.cell(r, 3, c); ws.cell(r, 4, NAMES[c]); ws.cell(r, 5, o); ws.cell(r, 6, p); ws.cell(r, 7, p - o); ws.cell(r, 8, z); ws.cell(r, 9, z - p)
    ws.cell(r, 10, round(z / p * 100, 2) if p else 0)
    for cc in range(5, 10): ws.cell(r, cc).number_format = '#,##0;(#,##0);"-"'
    if lv < 3:
        for cc in range(3, 11): ws.cell(r, cc).font = Font(bold=True)
    r += 1
f3 = f'LRA Perubahan dan Realisasi {VIL[k3]} 2024.xlsx'; wb.save(OUT/f3)
add(f3, k3, 2024, 'realisasi', len(LEAVES), a3, z3, source='Permendagri 20/2018 Lampiran "Laporan Realisasi Pelaksanaan APBDes" combined with the Perubahan columns (ANGGARAN | BERTAMBAH/(BERKURANG) from the Perdes Perubahan lampiran); habit of desa keeping one master sheet',
    shape='table starts at column C, heading row 11, column-number row 12, first two columns empty; kode desa in a key cell; five amount columns: murni, perubahan, selisih, realisasi, lebih/(kurang) + %; zero shown as "-" by number format, negatives in parentheses by format; anggaran in manifest = ANGGARAN PERUBAHAN (the budget in force)',
    anggaran_murni=totals(a3o))

# ---------- 4. cp1252 ';' CSV, NBSP thousands, decimal comma, perubahan ----------
k4 = '62.02.11.2006'; a4 = budget(4)
f4 = f'apbdes_perubahan_2024_{VIL[k4].replace(" ", "_").lower()}.csv'
def nb(n): return f"{n:,}".replace(',', '\u00a0') + ',00'
with open(OUT/f4, 'w', newline='', encoding='cp1252') as fh:
    w = csv.writer(fh, delimiter=';', quoting=csv.QUOTE_MINIMAL)
    w.writerow([f'Perubahan APBDes Desa {VIL[k4]} Kec. {KEC[k4]} T.A. 2024'])
    w.writerow(['Kode', 'Uraian', 'Semula', 'Menjadi', 'Bertambah/Berkurang'])
    ao = dict(a4); ao['5.2.7.01'] -= 10_000_000; ao['5.3.5.02'] += 10_000_000
    for c in tree():
        s, m_ = subtotal(ao, c), subtotal(a4, c)
        d = m_ - s
        w.writerow([c + '.', NAMES[c].replace('Belanja Modal Upah Tenaga Kerja', 'Belanja Modal Upah Tenaga Kerja – jalan usaha tani'), nb(s), nb(m_), '-' if d == 0 else (nb(d) if d > 0 else '(' + nb(-d) + ')')])
add(f4, k4, 2024, 'anggaran_perubahan', len(LEAVES), a4, source='Perdes Perubahan APBDes lampiran (Semula | Menjadi | Bertambah/Berkurang), exported from Excel on Windows "CSV (MS-DOS/;)" habit with French/ID number grouping',
    shape='Windows-1252 encoding, ";" delimiter, thousands separated by NO-BREAK SPACE (0xA0) and decimal comma (e.g. 1 234 567,00 with NBSP), codes with trailing dots at every level (4. 4.1. 4.1.2. 4.1.2.01.), en dash in one uraian, "-" for zero difference and "(...)" for reductions; Menjadi column is the budget')

# ---------- 5. Siskeudes Laporan Realisasi per Objek, hidden column, frozen header ----------
k5 = '62.02.16.2005'; a5 = budget(5); z5 = realisasi(a5, 55)
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Sheet1'
ws.append([f'PEMERINTAH DESA {VIL[k5].upper()}']); ws.append(['LAPORAN REALISASI APBDESA PER OBJEK']); ws.append(['TAHUN ANGGARAN 2023']); ws.append([])
ws.append(['Kd_Desa', 'Kode Rekening', 'Uraian', 'Anggaran', 'Realisasi', 'Lebih/(Kurang)', 'Persen'])
ws.freeze_panes = 'A6'; ws.column_dimensions['A'].hidden = True
for c in tree():
    if c.count('.') in (0, 3):
        ws.append([k5[6:8] + '.' + k5[-2:] + '.', c, NAMES[c], subtotal(a5, c), subtotal(z5, c), subtotal(z5, c) - subtotal(a5, c),
                   round(subtotal(z5, c) / subtotal(a5, c) * 100, 2)])
for row in ws.iter_rows(min_row=6):
    for cell in row[3:6]: cell.number_format = '#,##0.00;-#,##0.00;"-"'
ws.append([]); ws.append(['', '', 'SURPLUS/(DEFISIT)', totals(a5)['pendapatan'] - totals(a5)['belanja'], totals(z5)['pendapatan'] - totals(z5)['belanja']])
ws.append(['', '', 'Dicetak oleh: SISKEUDES v2.0.5 R2.1']); 
f5 = f'Lap Realisasi per Objek {VIL[k5]} 2023.xlsx'; wb.save(OUT/f5)
add(f5, k5, 2023, 'realisasi', len(LEAVES), a5, z5, source='Siskeudes 2.0 "Laporan Realisasi APBDesa per Objek" (Laporan > Realisasi) exported to Excel; habit of Siskeudes internal Kd_Desa column (kecamatan-local code, not the Kemendagri code)',
    shape='only level 1 (4/5/6) and objek (4-level) lines, no level 2/3; a HIDDEN first column Kd_Desa with a Siskeudes-internal code like "12005" (not the Kemendagri code; village only in title); frozen header; realisasi below anggaran, negative Lebih/(Kurang); zero shown "-" via number format; SURPLUS/(DEFISIT) and "Dicetak oleh" footer')

# ---------- 6. TSV with Rp cells, total + terbilang footer ----------
k6 = '62.02.04.2019'; a6 = budget(6)
f6 = f'RINCIAN_APBDES_{VIL[k6].upper()}_TA2025.tsv'
def terbilang(n):
    s = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas']
    if n < 12: return s[n]
    if n < 20: return terbilang(n - 10) + ' belas'
    if n < 100: return terbilang(n // 10) + ' puluh ' + terbilang(n % 10)
    if n < 200: return 'seratus ' + terbilang(n - 100)
    if n < 1000: return terbilang(n // 100) + ' ratus ' + terbilang(n % 100)
    if n < 2000: return 'seribu ' + terbilang(n - 1000)
    if n < 10**6: return terbilang(n // 1000) + ' ribu ' + terbilang(n % 1000)
    if n < 10**9: return terbilang(n // 10**6) + ' juta ' + terbilang(n % 10**6)
    return terbilang(n // 10**9) + ' milyar ' + terbilang(n % 10**9)
with open(OUT/f6, 'w', newline='', encoding='utf-8') as fh:
    w = csv.writer(fh, delimiter='\t')
    w.writerow(['RINCIAN APBDES', f'DESA {VIL[k6].upper()}', 'TA 2025'])
    w.writerow(['NO', 'KODE', 'NAMA REKENING', 'PAGU', 'SUMBER'])
    src = {'4': '', '5.1': 'ADD', '5.2': 'ADD', '5.3': 'DDS', '5.4': 'DDS', '6': ''}
    for i, c in enumerate(LEAVES, 1):
        w.writerow([i, c, NAMES[c], 'Rp ' + rp(a6[c], False), src.get(c[:3], src.get(c[:1], ''))])
    tb = totals(a6)['belanja']
    w.writerow(['', '', 'TOTAL BELANJA', 'Rp ' + rp(tb, False), ''])
    w.writerow(['', '', 'Terbilang: ' + ' '.join(terbilang(tb).split()).capitalize() + ' rupiah', '', ''])
add(f6, k6, 2025, 'anggaran', len(LEAVES), a6, source='habit: "rincian APBDes" list kept by the Sekdes for the papan informasi, saved as Text (Tab delimited); no public example found',
    shape='TSV; running NO column; amounts "Rp 1.234.567" (space after Rp, no decimals); SUMBER column; leaf lines only; trailing TOTAL BELANJA line (belanja only) and a "Terbilang: ... rupiah" line')

# ---------- 7. WPS XLSX, bidang/kegiatan merged across rows ----------
k7 = '62.02.15.2001'; a7 = budget(7)
KEG = [('01', 'Bidang Penyelenggaraan Pemerintahan Desa', [('01.01.01.', 'Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa', ['5.1.1.01']),
        ('01.01.02.', 'Penyediaan Penghasilan Tetap dan Tunjangan Perangkat Desa', ['5.1.2.01']),
        ('01.01.03.', 'Penyediaan Jaminan Sosial bagi Kepala Desa dan Perangkat Desa', ['5.1.3.01']),
        ('01.01.04.', 'Penyediaan Operasional Pemerintah Desa (ATK, Honor PKPKD dan PPKD dll)', ['5.2.1.01', '5.2.2.01', '5.2.3.01']),
        ('01.01.05.', 'Penyediaan Tunjangan BPD', ['5.1.4.01'])]),
       ('02', 'Bidang Pelaksanaan Pembangunan Desa', [('02.03.10.', None, ['5.3.5.02', '5.3.5.03'])]),
       ('04', 'Bidang Pemberdayaan Masyarakat Desa', [('04.02.01.', None, ['5.2.7.01'])]),
       ('05', 'Bidang Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa', [('05.01.01.', None, ['5.4.1.01'])])]
bk = {r['kode_siskeudes']: r['uraian'] for r in csv.DictReader(open(REF/'bidang_kegiatan.csv'))}
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Lampiran I'
ws.append([f'LAMPIRAN I PERATURAN DESA {VIL[k7].upper()} NOMOR 1 TAHUN 2025']); ws.append(['TENTANG ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN 2025']); ws.append([])
ws.append(['BIDANG', 'KEGIATAN', 'KODE REKENING', 'URAIAN', 'ANGGARAN (Rp)']); ws.merge_cells('A1:E1'); ws.merge_cells('A2:E2')
ws.append(['PENDAPATAN', None, None, None, None]); s = ws.max_row
for c in PEND: ws.append([None, None, c, NAMES[c], a7[c]])
ws.merge_cells(start_row=s, start_column=1, end_row=ws.max_row, end_column=2)
ws.append([None, None, None, 'JUMLAH PENDAPATAN', totals(a7)['pendapatan']])
ws.append(['BELANJA', None, None, None, None])
used = []
for bcode, bname, kegs in KEG:
    s = ws.max_row + 1
    for kc, kn, accs in kegs:
        ks = ws.max_row + 1
        kn = kn or bk[kc]
        for acc in accs:
            ws.append([f'{bcode} {bname}', f'{kc} {kn}', acc, NAMES[acc], a7[acc]]); used.append(acc)
        if len(accs) > 1: ws.merge_cells(start_row=ks, start_column=2, end_row=ws.max_row, end_column=2)
    ws.merge_cells(start_row=s, start_column=1, end_row=ws.max_row, end_column=1)
assert sorted(used) == sorted(BEL + [BTT]), used
ws.append([None, None, None, 'JUMLAH BELANJA', totals(a7)['belanja']])
ws.append(['PEMBIAYAAN', None, None, None, None])
for c in PEMB: ws.append([None, None, c, NAMES[c], a7[c]])
for row in ws.iter_rows(min_row=5):
    row[4].number_format = '#,##0'; row[0].alignment = row[1].alignment = Alignment(vertical='center', wrap_text=True)
wb.properties.creator = 'WPS Office'; wb.properties.lastModifiedBy = 'WPS_1701234567'
f7 = f'Lampiran Perdes APBDes {VIL[k7]} 2025 (WPS).xlsx'; wb.save(OUT/f7)
add(f7, k7, 2025, 'anggaran', len(LEAVES), a7, source='Permendagri 20/2018 Lampiran I Perdes APBDes with belanja per bidang/kegiatan; habit of WPS Office on Android/laptops (docProps creator WPS), merging bidang and kegiatan cells vertically',
    shape='BIDANG and KEGIATAN columns merged vertically across their account rows (value only in the top cell); "PENDAPATAN" merged over A:B across rows; belanja lines carry economic 4-level code beside the kegiatan (Siskeudes code 01.01.01. + name in one cell); JUMLAH PENDAPATAN / JUMLAH BELANJA rows; no JUMLAH PEMBIAYAAN')

# ---------- 8. REJECT: JUMLAH BELANJA disagrees ----------
k8 = '62.02.03.2032'; a8 = budget(8); z8 = realisasi(a8, 88)
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Realisasi'
ws.append([f'LAPORAN REALISASI APBDES DESA {VIL[k8].upper()} TAHUN ANGGARAN 2024']); ws.append([])
ws.append(['Kode Rekening', 'Uraian', 'Anggaran', 'Realisasi'])
bad = 125_000_000
for c in tree():
    an, re_ = subtotal(a8, c), subtotal(z8, c)
    if c in ('5', '5.3', '5.3.5'): an += bad   # the officer typed the old jalan figure in the totals
    ws.append([c, NAMES[c], an, re_])
wb.save(OUT/'Realisasi APBDes Pantap 2024.xlsx')
add('Realisasi APBDes Pantap 2024.xlsx', k8, 2024, 'realisasi', len(LEAVES), a8, z8, source='Permendagri 20/2018 Laporan Realisasi layout', shape='plain tree with subtotals',
    expect='reject', why=f'BELANJA (5), Belanja Modal (5.3) and 5.3.5 anggaran subtotals are Rp {rp(bad, False)} higher than the sum of their lines (leaf 5.3.5.02+5.3.5.03); a careful officer sends it back')
json.dump(manifest, open(OUT/'manifest.json', 'w'), indent=1, ensure_ascii=False)
print('ok', len(manifest))
