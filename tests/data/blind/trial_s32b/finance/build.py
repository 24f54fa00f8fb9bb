"""Trial 6 (finance / apbdes): builds 7 correct files + 1 reject file and manifest.json.
Run: .venv/bin/python build.py   (from this folder)"""
import csv, json, random
from pathlib import Path
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

OUT = Path(__file__).resolve().parent
REF = Path(__file__).resolve().parents[5] / 'reference'
NBSP = '\u00a0'

VIL = {r['kode_desa']: r for r in csv.DictReader(open(REF / 'kotim_villages.csv', encoding='utf-8'))}
REK = {}
for r in csv.DictReader(open(REF / 'apbdes_rekening.csv', encoding='utf-8')):
    REK.setdefault(r['kode'], r['uraian'])
KEG = {r['kode']: r for r in csv.DictReader(open(REF / 'bidang_kegiatan.csv', encoding='utf-8'))}

MANIFEST = []


def vil(kode):
    v = VIL[kode]
    return v['nama_desa'], v['nama_kecamatan']


def idr(n, dec=True):
    """Indonesian number text: 1.234.567,00"""
    neg = n < 0
    n = abs(n)
    whole = int(round(n * 100)) // 100
    cents = int(round(n * 100)) % 100
    s = f"{whole:,}".replace(',', '.')
    if dec:
        s += f",{cents:02d}"
    return ('-' if neg else '') + s


def section_of(code):
    if code.startswith('6.1'):
        return 'pembiayaan_penerimaan'
    if code.startswith('6.2'):
        return 'pembiayaan_pengeluaran'
    return {'4': 'pendapatan', '5': 'belanja'}[code[0]]


def totals(leaves, idx):
    t = {}
    for code, vals in leaves.items():
        v = vals[idx]
        if v:
            k = section_of(code)
            t[k] = round(t.get(k, 0) + v, 2)
    return t


def tree_rows(leaves):
    """leaf codes -> ordered list of (code, level, is_leaf) with all parents."""
    codes = set()
    for c in leaves:
        p = c.split('.')
        for i in range(1, len(p) + 1):
            codes.add('.'.join(p[:i]))

    def key(c):
        return [int(x.split('-')[0]) for x in c.split('.')]
    return [(c, c.count('.') + 1, c in leaves) for c in sorted(codes, key=key)]


def subtotal(leaves, code, idx):
    return round(sum(v[idx] or 0 for c, v in leaves.items() if c == code or c.startswith(code + '.')), 2)


def add(file, record_type, kode, tahun, tahap, line_items, source, shape, anggaran=None, realisasi=None, **extra):
    desa, _ = vil(kode)
    m = {'file': file, 'record_type': record_type, 'kode_desa': kode, 'desa': desa, 'tahun': tahun,
         'tahap': tahap, 'line_items': line_items}
    if anggaran:
        m['anggaran'] = anggaran
    if realisasi:
        m['realisasi'] = realisasi
    m['source'] = source
    m['shape'] = shape
    m.update(extra)
    MANIFEST.append(m)


def rnd(rng, lo, hi, step=1000):
    return rng.randrange(lo // step, hi // step) * step


def widths(ws, w):
    for i, x in enumerate(w, 1):
        ws.column_dimensions[get_column_letter(i)].width = x


# ---------------------------------------------------------------- F1
def f1():
    """LRA with Anggaran Murni | Bertambah/(Berkurang) | Anggaran Perubahan | Realisasi | Lebih/(Kurang) | %"""
    kode = '62.02.02.2005'  # Patai, Cempaga
    desa, kec = vil(kode)
    rng = random.Random(61)
    leaves = {}
    spec = ['4.1.2.01', '4.1.4.01', '4.2.1.01', '4.2.2.01', '4.2.3.01', '4.2.5.01', '4.3.6.01',
            '5.1.1.01', '5.1.1.02', '5.1.2.01', '5.1.2.02', '5.1.3.01', '5.1.4.01',
            '5.2.1.01', '5.2.1.06', '5.2.2.01', '5.2.3.01', '5.2.5.01', '5.2.6.05',
            '5.3.5.02', '5.3.5.03', '5.3.7.03', '5.4.1.01', '6.1.1.01', '6.2.2.01']
    for c in spec:
        murni = rnd(rng, 8_000_000, 160_000_000)
        if c == '4.2.1.01':
            murni = 987_654_000
        if c == '4.2.3.01':
            murni = 612_400_000
        change = 0
        if rng.random() < 0.4:
            change = max(rnd(rng, -15_000_000, 25_000_000), -(murni // 2))
        if c == '4.3.6.01':
            murni, change = 0, 2_500_000  # bunga bank added at perubahan
        if c == '6.1.1.01':
            murni, change = 34_118_000, -6_212_000  # SILPA corrected after audit
        pak = murni + change
        real = pak if c.startswith('4.2') or c.startswith('6') else round(pak * rng.uniform(0.82, 1.0) / 1000) * 1000
        if c == '4.3.6.01':
            real = 2_871_000   # more interest than budgeted -> negative Lebih/(Kurang)
        if c == '5.4.1.01':
            real = 0
        leaves[c] = [murni, change, pak, real]
    # balance the perubahan budget with Belanja Modal 5.3.5.03
    p = sum(v[2] for c, v in leaves.items() if c[0] == '4') + leaves['6.1.1.01'][2] - leaves['6.2.2.01'][2]
    b_other = sum(v[2] for c, v in leaves.items() if c[0] == '5' and c != '5.3.5.03')
    pak = p - b_other
    m = leaves['5.3.5.03'][0]
    leaves['5.3.5.03'] = [m, pak - m, pak, round(pak * 0.97 / 1000) * 1000]
    assert pak > 0

    wb = Workbook()
    ws = wb.active
    ws.title = 'LRA'
    ws.append([f'LAPORAN REALISASI PELAKSANAAN APB DESA SETELAH PERUBAHAN'])
    ws.append([f'PEMERINTAH DESA {desa.upper()} KECAMATAN {kec.upper()}'])
    ws.append(['TAHUN ANGGARAN 2024'])
    ws.append([])
    ws.append(['KODE\nREKENING', 'URAIAN', 'ANGGARAN\nMURNI (Rp)', 'BERTAMBAH/\n(BERKURANG) (Rp)',
               'ANGGARAN SETELAH\nPERUBAHAN (Rp)', 'REALISASI\n(Rp)', 'LEBIH/\n(KURANG) (Rp)', '%'])
    ws.append([1, 2, 3, 4, '5 = 3 + 4', 6, '7 = 5 - 6', 8])
    for c in ws[5]:
        c.alignment = Alignment(wrap_text=True, horizontal='center')
    ws.row_dimensions[5].height = 45

    def line(code, uraian, vals, bold=False):
        murni, ch, pak, real = vals
        sel = pak - real
        pct = round(real / pak * 100, 2) if pak else 0
        ws.append([code, uraian, murni, ch, pak, real, sel, pct])
        r = ws.max_row
        for col in 'CDEFG':
            ws[f'{col}{r}'].number_format = '#,##0.00;(#,##0.00);"-"'
        ws[f'H{r}'].number_format = '0.00'
        if bold:
            for c in ws[r]:
                c.font = Font(bold=True)

    count = 0
    for sec, label in (('4', 'JUMLAH PENDAPATAN'), ('5', 'JUMLAH BELANJA')):
        for code, lvl, leaf in tree_rows({c: v for c, v in leaves.items() if c[0] == sec}):
            vals = [subtotal(leaves, code, i) for i in range(4)]
            line(code, REK[code] if lvl > 1 else REK[code].upper(), vals, bold=lvl <= 2)
            count += leaf
        line('', label, [subtotal(leaves, sec, i) for i in range(4)], bold=True)
        ws.append([])
    sur = [subtotal(leaves, '4', i) - subtotal(leaves, '5', i) for i in range(4)]
    line('', 'SURPLUS/(DEFISIT)', sur, bold=True)
    ws.append([])
    for code, lvl, leaf in tree_rows({c: v for c, v in leaves.items() if c[0] == '6'}):
        line(code, REK[code].upper() if lvl == 1 else REK[code], [subtotal(leaves, code, i) for i in range(4)], bold=lvl <= 2)
        count += leaf
    net = [subtotal(leaves, '6.1', i) - subtotal(leaves, '6.2', i) for i in range(4)]
    line('', 'PEMBIAYAAN NETTO', net, bold=True)
    line('', 'SISA LEBIH PEMBIAYAAN ANGGARAN (SILPA)', [sur[i] + net[i] for i in range(4)], bold=True)
    ws.append([])
    ws.append(['', '', '', '', '', f'{desa}, 20 Januari 2025'])
    ws.append(['', '', '', '', '', f'KEPALA DESA {desa.upper()}'])
    ws.append([])
    ws.append(['', '', '', '', '', 'YOHANES T. NGABE'])
    widths(ws, [13, 55, 18, 18, 20, 18, 18, 8])
    ws.freeze_panes = 'C7'
    fn = f'LRA Perubahan dan Realisasi {desa} TA 2024.xlsx'
    wb.save(OUT / fn)
    add(fn, 'apbdes', kode, 2024, 'realisasi', count,
        'habit: LPJ realisasi after APBDes Perubahan (Permendagri 20/2018 Lampiran LPJ realisasi + Perubahan columns); '
        'column set seen on OpenSID desa websites, e.g. https://lebih.desa.id/artikel/2026/2/28/laporan-realisasi-apdes-2023 (Anggaran | Realisasi | Lebih/(Kurang) | %)',
        'ONE table with Anggaran Murni, Bertambah/(Berkurang) (negatives shown in parentheses by number format), Anggaran Setelah Perubahan, '
        'Realisasi, Lebih/(Kurang) (one negative: bunga bank over target), %; wrapped 2-line headings; column-formula row "5 = 3 + 4"; '
        'frozen panes; SURPLUS/PEMBIAYAAN NETTO/SILPA rows; 4.3.6.01 murni 0. "anggaran" = Anggaran Setelah Perubahan',
        anggaran=totals(leaves, 2), realisasi=totals(leaves, 3),
        anggaran_murni=totals(leaves, 0))


# ---------------------------------------------------------------- F2
def spaced(code):
    return ' '.join(code.split('.'))


def f2():
    """Penjabaran APBDes (Lampiran Perkades) Jepatlor-style: code with spaces, Volume/Satuan output, Sumber Dana,
    belanja per bidang/sub bidang/kegiatan with account lines under each kegiatan (same account repeats)."""
    kode = '62.02.03.2002'  # Baampah, Mentaya Hulu
    desa, kec = vil(kode)
    rng = random.Random(62)
    pend = [('4.1.2.01', 'Pengelolaan Tanah Kas Desa', 1, 'Thn', 'PAD', 18_500_000),
            ('4.1.4.90-99', 'Lain-lain (Sewa Tenda dan Kursi Desa)', 1, 'Thn', 'PAD', 3_250_000),
            ('4.2.1.01', 'Dana Desa', 1, 'Paket', 'DDS', 1_032_118_000),
            ('4.2.2.01', 'Bagian dari Hasil Pajak dan Retribusi Daerah Kabupaten/kota', 1, 'Paket', 'PBH', 41_772_000),
            ('4.2.3.01', 'Alokasi Dana Desa', 1, 'Paket', 'ADD', 688_250_000),
            ('4.2.4.01', 'Bantuan Keuangan dari APBD Provinsi', 1, 'Keg', 'PBP', 50_000_000)]
    template_zero = ['4.1.1.01', '4.1.2.02', '4.1.3.01', '4.3.6.01']  # template lines left empty
    kegs = [('1.1.01', 'DDS', [('5.1.1.01', None), ('5.1.1.02', None), ('5.1.3.01', None)]),
            ('1.1.02', 'ADD', [('5.1.2.01', None), ('5.1.2.02', None), ('5.1.3.02', None)]),
            ('1.1.04', 'ADD', [('5.2.1.01', None), ('5.2.2.02', None), ('5.2.5.01', None), ('5.2.1.06', None)]),
            ('1.1.05', 'ADD', [('5.1.4.01', None)]),
            ('1.4.01', 'ADD', [('5.2.1.06', None), ('5.2.1.01', None)]),
            ('2.2.02', 'DDS', [('5.2.2.05', None), ('5.2.1.06', None), ('5.2.7.01', None)]),
            ('2.3.03', 'DDS', [('5.3.5.02', None), ('5.3.5.03', None), ('5.3.5.01', None)]),
            ('3.1.02', 'DDS', [('5.2.2.05', None), ('5.2.1.09', None)]),
            ('4.2.03', 'DDS', [('5.2.7.01', None), ('5.2.2.01', None)]),
            ('5.3.01', 'DDS', [('5.4.1.01', None)])]
    outputs = {'1.1.01': (12, 'Bulan'), '1.1.02': (12, 'Bulan'), '1.1.04': (12, 'Bulan'), '1.1.05': (12, 'Bulan'),
               '1.4.01': (3, 'Kali'), '2.2.02': (12, 'Bulan'), '2.3.03': (850, 'Meter'), '3.1.02': (6, 'Orang'),
               '4.2.03': (1, 'Paket'), '5.3.01': (1, 'Paket')}
    amounts = {}
    for k, sd, accs in kegs:
        for a, _ in accs:
            amounts[(k, a)] = rnd(rng, 4_000_000, 95_000_000, 50_000)
    pemb = [('6.1.1.01', 'SILPA Tahun Sebelumnya', 'SiLPA', 22_415_300), ('6.2.2.01', 'Penyertaan Modal Desa', 'DDS', 40_000_000)]
    P = sum(x[5] for x in pend)
    need = P + pemb[0][3] - pemb[1][3]
    other = sum(v for key, v in amounts.items() if key != ('2.3.03', '5.3.5.03'))
    amounts[('2.3.03', '5.3.5.03')] = need - other
    assert amounts[('2.3.03', '5.3.5.03')] > 50_000_000

    wb = Workbook()
    ws = wb.active
    ws.title = 'Penjabaran'
    # kop: rows 1-10, table starts at column C row 12
    ws['C1'] = 'LAMPIRAN II'
    ws['E1'] = f': PERATURAN KEPALA DESA {desa.upper()}'
    ws['E2'] = ': NOMOR 02 TAHUN 2025'
    ws['E3'] = ': TANGGAL 06 JANUARI 2025'
    ws['C5'] = f'PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA'
    ws['C6'] = f'PEMERINTAH DESA {desa.upper()} KECAMATAN {kec.upper()}'
    ws['C7'] = 'KABUPATEN KOTAWARINGIN TIMUR'
    ws['C8'] = 'TAHUN ANGGARAN 2025'
    for r in range(5, 9):
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=9)
        ws.cell(r, 3).alignment = Alignment(horizontal='center')
        ws.cell(r, 3).font = Font(bold=True)
    # heading rows 10-12 (two-level heading, numbering row)
    ws['C10'] = 'KODE REKENING'
    ws['D10'] = 'URAIAN'
    ws['E10'] = 'KELUARAN/OUTPUT'
    ws['G10'] = 'ANGGARAN (Rp)'
    ws['H10'] = 'SUMBER DANA'
    ws['E11'] = 'VOLUME'
    ws['F11'] = 'SATUAN'
    ws.merge_cells('C10:C11'); ws.merge_cells('D10:D11'); ws.merge_cells('E10:F10')
    ws.merge_cells('G10:G11'); ws.merge_cells('H10:H11')
    for i, t in enumerate(['1', '2', '3', '4', '5', '6'], 3):
        ws.cell(12, i, t)
    r = 13
    count = 0

    def put(code, uraian, vol=None, sat=None, amt=None, sd=None, bold=False):
        nonlocal r
        ws.cell(r, 3, code); ws.cell(r, 4, uraian)
        if vol is not None:
            ws.cell(r, 5, vol); ws.cell(r, 6, sat)
        if amt is not None:
            ws.cell(r, 7, amt).number_format = '#,##0'
        if sd:
            ws.cell(r, 8, sd)
        if bold:
            for c in range(3, 9):
                ws.cell(r, c).font = Font(bold=True)
        r += 1

    pend_leaf = {c: amt for c, *_, amt in pend}
    all_p = sorted(set(pend_leaf) | set(template_zero), key=lambda c: [int(x.split('-')[0]) for x in c.split('.')])
    shown = set()
    for c in all_p:
        p = c.split('.')
        for i in range(1, len(p)):
            pc = '.'.join(p[:i])
            if pc not in shown:
                shown.add(pc)
                s = sum(v for k, v in pend_leaf.items() if k.startswith(pc + '.'))
                put(spaced(pc), REK[pc].upper() if i == 1 else REK[pc], amt=s, bold=i <= 2)
        if c in pend_leaf:
            row = next(x for x in pend if x[0] == c)
            put(spaced(c), row[1], row[2], row[3], row[5], row[4])
            count += 1
        else:
            put(spaced(c), REK[c])  # empty template line
    put('', 'JUMLAH PENDAPATAN', amt=P, bold=True)
    r += 1
    B = sum(amounts.values())
    put('5', 'BELANJA', amt=B, bold=True)
    shown = set()
    for k, sd, accs in kegs:
        p = k.split('.')
        for i in (1, 2):
            pc = '.'.join(p[:i])
            if pc not in shown:
                shown.add(pc)
                s = sum(v for (kk, a), v in amounts.items() if kk.startswith(pc + '.'))
                code = ' '.join(f'{int(x):02d}' for x in pc.split('.'))
                put(code, KEG[pc]['uraian'].upper() if i == 1 else KEG[pc]['uraian'], amt=s, bold=True)
        code = ' '.join(f'{int(x):02d}' for x in p)
        vol, sat = outputs[k]
        put(code, KEG[k]['uraian'], vol, sat, sum(amounts[(k, a)] for a, _ in accs), sd, bold=True)
        for a, _ in accs:
            put(spaced(a), REK[a], amt=amounts[(k, a)], sd=sd)
            count += 1
    put('', 'JUMLAH BELANJA', amt=B, bold=True)
    put('', 'SURPLUS/(DEFISIT)', amt=P - B, bold=True)
    r += 1
    put('6', 'PEMBIAYAAN', bold=True)
    put('6 1', 'Penerimaan Pembiayaan', amt=pemb[0][3], bold=True)
    put('6 1 1', 'SILPA Tahun Sebelumnya', amt=pemb[0][3])
    put('6 1 1 01', pemb[0][1], 1, 'Thn', pemb[0][3], pemb[0][2]); count += 1
    put('6 2', 'Pengeluaran Pembiayaan', amt=pemb[1][3], bold=True)
    put('6 2 2', 'Penyertaan Modal Desa', amt=pemb[1][3])
    put('6 2 2 01', 'Penyertaan Modal Desa (BUMDes "Baampah Sejahtera")', 1, 'Paket', pemb[1][3], pemb[1][2]); count += 1
    put('', 'PEMBIAYAAN NETTO', amt=pemb[0][3] - pemb[1][3], bold=True)
    put('', 'SISA LEBIH PEMBIAYAAN TAHUN BERJALAN', amt=P - B + pemb[0][3] - pemb[1][3], bold=True)
    r += 1
    ws.cell(r, 7, f'{desa}, 06 Januari 2025'); r += 1
    ws.cell(r, 7, f'Kepala Desa {desa},'); r += 3
    ws.cell(r, 7, 'ARDIANSYAH')
    widths(ws, [3, 3, 13, 62, 9, 9, 17, 12])
    fn = f'Penjabaran APBDes {desa} 2025.xlsx'
    wb.save(OUT / fn)
    bel = {'belanja': B}
    add(fn, 'apbdes', kode, 2025, 'anggaran', count,
        'Permendagri 20/2018 Lampiran Penjabaran APBDes as published on a desa website: '
        'http://jepatlor-tayu.desa.id/apb-desa/ (KODE REKENING with spaces "4 1 1 01" | URAIAN | KELUARAN/OUTPUT VOLUME SATUAN | ANGGARAN | SUMBER DANA; "90-99" codes; empty template lines)',
        'table starts at column C row 10 under a Lampiran kop in rows 1-8; code split by SPACES in one cell ("4 2 1 01", kegiatan "02 03 03"); '
        'two-row merged heading with KELUARAN/OUTPUT over VOLUME|SATUAN; column-number row; empty template lines (no amount); '
        'a "4.1.4.90-99" line; belanja per bidang > sub bidang > kegiatan with account lines UNDER each kegiatan, so the same account '
        '(5.2.1.06, 5.2.1.01, 5.2.2.05, 5.2.7.01) appears under several kegiatan — NOT duplicates; sumber dana codes DDS/ADD/PBH/PBP/PAD/SiLPA',
        anggaran={'pendapatan': P, 'belanja': B, 'pembiayaan_penerimaan': pemb[0][3], 'pembiayaan_pengeluaran': pemb[1][3]})


# ---------------------------------------------------------------- F3
def f3():
    """';' CSV, first column empty, quoted Indonesian thousands, 'Rp<NBSP>' cells, codes with trailing dot, level-4 only."""
    kode = '62.02.09.2002'  # Bapinang Hilir, Pulau Hanaut
    desa, kec = vil(kode)
    rng = random.Random(63)
    spec = ['4.1.1.01', '4.1.2.01', '4.2.1.01', '4.2.2.01', '4.2.3.01', '4.2.5.01',
            '5.1.1.01', '5.1.1.02', '5.1.2.01', '5.1.2.02', '5.1.3.01', '5.1.3.02', '5.1.4.01', '5.1.4.02',
            '5.2.1.01', '5.2.1.04', '5.2.1.06', '5.2.2.02', '5.2.3.01', '5.2.4.02', '5.2.5.01', '5.2.5.05',
            '5.2.6.04', '5.2.7.01', '5.3.2.03', '5.3.6.02', '5.3.6.03', '5.4.1.01', '6.1.1.01', '6.2.1.01']
    leaves = {c: [rnd(rng, 2_000_000, 120_000_000, 100_000)] for c in spec}
    leaves['4.2.1.01'] = [896_541_000]
    leaves['4.2.3.01'] = [574_030_000]
    leaves['6.1.1.01'] = [12_874_500]
    leaves['6.2.1.01'] = [25_000_000]
    P = sum(v[0] for c, v in leaves.items() if c[0] == '4')
    leaves['5.3.6.03'] = [0]
    rest = sum(v[0] for c, v in leaves.items() if c[0] == '5')
    leaves['5.3.6.03'] = [P + 12_874_500 - 25_000_000 - rest]
    assert leaves['5.3.6.03'][0] > 0
    lines = []
    lines.append(['', f'APBDES DESA {desa.upper()} TAHUN ANGGARAN 2025', '', '', ''])
    lines.append(['', f'Kecamatan {kec} - Kabupaten Kotawaringin Timur', '', '', ''])
    lines.append(['', '', '', '', ''])
    lines.append(['', 'Kode Rek.', 'Uraian', 'Pagu Anggaran', 'Ket.'])
    cnt = 0
    for sec, title, tot in (('4', 'PENDAPATAN', 'Jumlah Pendapatan'), ('5', 'BELANJA', 'Jumlah Belanja')):
        lines.append(['', sec + '.', title, '', ''])
        for c in spec:
            if c[0] == sec:
                v = leaves[c][0]
                cell = f'Rp{NBSP}{idr(v)}' if rng.random() < 0.5 else idr(v)
                lines.append(['', c + '.', REK[c], cell, 'DD' if sec == '5' and rng.random() < .5 else ''])
                cnt += 1
        s = sum(leaves[c][0] for c in spec if c[0] == sec)
        lines.append(['', '', tot, f'Rp{NBSP}{idr(s)}', ''])
    lines.append(['', '6.', 'PEMBIAYAAN', '', ''])
    lines.append(['', '6.1.1.01.', 'SILPA Tahun Sebelumnya', idr(12_874_500), 'SiLPA 2024'])
    lines.append(['', '6.2.1.01.', 'Pembentukan Dana Cadangan', idr(25_000_000), 'Perdes Dana Cadangan No. 3/2024'])
    lines.append(['', '', 'Pembiayaan Netto', f'({idr(25_000_000 - 12_874_500)})', ''])
    cnt += 2
    lines.append(['', '', '', '', ''])
    lines.append(['', 'Sumber: Perdes APBDes No. 1 Tahun 2025, diketik ulang oleh operator desa', '', '', ''])
    fn = f'apbdes 2025 {desa.lower().replace(" ", "_")}.csv'
    with open(OUT / fn, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, delimiter=';', quoting=csv.QUOTE_MINIMAL)
        for l in lines:
            w.writerow(l)
    add(fn, 'apbdes', kode, 2025, 'anggaran', cnt,
        'habit: operator retypes the Perdes lampiran in Excel (id-ID locale) and "Save As CSV" -> ";" separator; amounts pasted from a desa web page keep "Rp" + NON-BREAKING SPACE',
        '";" CSV whose FIRST COLUMN IS EMPTY; amounts as text "1.234.567,00" and "Rp\\u00a01.234.567,00" (NBSP); codes with trailing dot "4.2.1.01."; '
        'level-4 lines only (no subtotals) + "Jumlah Pendapatan/Belanja" rows; heading "Pagu Anggaran"; Pembiayaan Netto negative in parentheses; '
        'a source note under the table; 6.2.1.01 Pembentukan Dana Cadangan',
        anggaran=totals(leaves, 0))


# ---------------------------------------------------------------- F4
def f4():
    """OpenSID 'Laporan Realisasi APBDes' PDF -> Excel (iLovePDF/Smallpdf): page header block repeated each page,
    'Halaman x dari y', empty spacer columns, long uraian broken onto a second row."""
    kode = '62.02.17.2002'  # Luwuk Kowan, Telaga Antang
    desa, kec = vil(kode)
    rng = random.Random(64)
    spec = ['4.1.2.01', '4.1.3.01', '4.2.1.01', '4.2.2.01', '4.2.3.01', '4.2.4.01', '4.3.3.01', '4.3.6.01',
            '5.1.1.01', '5.1.1.02', '5.1.2.01', '5.1.2.02', '5.1.3.01', '5.1.3.02', '5.1.3.03', '5.1.3.04',
            '5.1.4.01', '5.1.4.02', '5.2.1.01', '5.2.1.03', '5.2.1.05', '5.2.1.06', '5.2.1.07', '5.2.2.01',
            '5.2.2.02', '5.2.2.03', '5.2.3.01', '5.2.3.03', '5.2.5.01', '5.2.5.05', '5.2.6.02', '5.2.6.07',
            '5.2.7.01', '5.2.7.02', '5.3.2.03', '5.3.4.02', '5.3.4.03', '5.3.7.02', '5.3.7.03', '5.4.1.01',
            '6.1.1.01', '6.2.2.01']
    leaves = {}
    for c in spec:
        a = rnd(rng, 3_000_000, 110_000_000, 250_000)
        if c == '4.2.1.01': a = 1_104_337_000
        if c == '4.2.3.01': a = 703_919_000
        if c == '4.3.6.01': a = 3_000_000
        if c == '6.1.1.01': a = 51_233_480
        if c == '6.2.2.01': a = 60_000_000
        if c.startswith('4.2') or c.startswith('6'):
            real = a
        elif c == '4.3.6.01':
            real = 3_418_774.36
        elif c == '5.4.1.01':
            real = 0
        else:
            real = round(a * rng.uniform(0.85, 1.0) / 500) * 500
        leaves[c] = [a, real]
    P = subtotal(leaves, '4', 0)
    leaves['5.3.7.03'] = [0, 0]
    rest = subtotal(leaves, '5', 0)
    leaves['5.3.7.03'] = [P + 51_233_480 - 60_000_000 - rest, 0]
    leaves['5.3.7.03'][1] = round(leaves['5.3.7.03'][0] * 0.93 / 1000) * 1000
    assert leaves['5.3.7.03'][0] > 0

    rows = []
    cnt = 0
    for sec, label in (('4', 'JUMLAH PENDAPATAN'), ('5', 'JUMLAH BELANJA')):
        for code, lvl, leaf in tree_rows({c: v for c, v in leaves.items() if c[0] == sec}):
            rows.append((code, REK[code] if lvl > 1 else REK[code].upper(), subtotal(leaves, code, 0), subtotal(leaves, code, 1)))
            cnt += leaf
        rows.append(('', label, subtotal(leaves, sec, 0), subtotal(leaves, sec, 1)))
    rows.append(('', 'SURPLUS / (DEFISIT)', subtotal(leaves, '4', 0) - subtotal(leaves, '5', 0),
                 subtotal(leaves, '4', 1) - subtotal(leaves, '5', 1)))
    for code, lvl, leaf in tree_rows({c: v for c, v in leaves.items() if c[0] == '6'}):
        rows.append((code, REK[code] if lvl > 1 else REK[code].upper(), subtotal(leaves, code, 0), subtotal(leaves, code, 1)))
        cnt += leaf
    rows.append(('', 'PEMBIAYAAN NETTO', subtotal(leaves, '6.1', 0) - subtotal(leaves, '6.2', 0),
                 subtotal(leaves, '6.1', 1) - subtotal(leaves, '6.2', 1)))

    wb = Workbook()
    ws = wb.active
    ws.title = 'Table 1'
    per_page = 26
    pages = (len(rows) + per_page - 1) // per_page

    def header(pg):
        ws.append(['LAPORAN REALISASI PELAKSANAAN ANGGARAN PENDAPATAN DAN BELANJA DESA'])
        ws.append([f'PEMERINTAH DESA {desa.upper()} TAHUN ANGGARAN 2023'])
        ws.append(['Kode', None, 'Uraian', None, 'Anggaran (Rp)', 'Realisasi (Rp)', 'Lebih/(Kurang) (Rp)', 'Persentase (%)'])

    for pg in range(pages):
        header(pg)
        for code, ur, a, re in rows[pg * per_page:(pg + 1) * per_page]:
            sel = a - re
            pct = f'{re / a * 100:.2f}'.replace('.', ',') + '%' if a else '0,00%'
            if len(ur) > 48 and ' ' in ur[40:]:
                cut = 40 + ur[40:].index(' ')
                ws.append([code, None, ur[:cut], None, idr(a), idr(re), idr(sel), pct])
                ws.append([None, None, ur[cut + 1:], None, None, None, None, None])
            else:
                ws.append([code, None, ur, None, idr(a), idr(re), idr(sel), pct])
        ws.append([None, None, None, None, None, None, None, f'Halaman {pg + 1} dari {pages}'])
    ws.append([])
    ws.append([None, None, None, None, None, f'{desa}, 15 Januari 2024'])
    ws.append([None, None, None, None, None, 'Kepala Desa'])
    ws.append([None, None, None, None, None, 'DAMIANUS'])
    fn = f'Laporan_Realisasi_APBDes_{desa.replace(" ", "_")}_2023_converted.xlsx'
    wb.save(OUT / fn)
    add(fn, 'apbdes', kode, 2023, 'realisasi', cnt,
        'OpenSID "Laporan Realisasi Pelaksanaan APBDes" (web/PDF print; columns Uraian | Anggaran | Realisasi | Lebih/(Kurang) | Persentase as on '
        'https://lebih.desa.id/artikel/2026/2/28/laporan-realisasi-apdes-2023) converted PDF->Excel (iLovePDF habit)',
        'PDF->XLSX conversion: title block + heading repeated at the top of EVERY page (3 pages), "Halaman x dari y" footer rows, '
        'EMPTY spacer columns B and D, long uraian wrapped onto a SECOND ROW with no code/amount, amounts as TEXT "1.234.567,00", '
        'negative Lebih/(Kurang) as "-415.774,36", realisasi with cents (bunga bank), percent text "93,12%"',
        anggaran=totals(leaves, 0), realisasi=totals(leaves, 1))


# ---------------------------------------------------------------- F5
def f5():
    """Perdes APBDes Lampiran I (Siskeudes 2.0 'APBDes Perdes' print): Pendapatan by account,
    BELANJA by BIDANG / SUB BIDANG / KEGIATAN codes only (no account codes), Pembiayaan by account."""
    kode = '62.02.10.2002'  # Kuluk Telawang, Antang Kalang
    desa, kec = vil(kode)
    rng = random.Random(65)
    pend = {'4.1.4.01': 4_500_000, '4.2.1.01': 912_630_000, '4.2.2.01': 37_905_000, '4.2.3.01': 655_120_000,
            '4.2.5.01': 100_000_000}
    kegs = ['1.1.01', '1.1.02', '1.1.03', '1.1.04', '1.1.05', '1.1.06', '1.1.07', '1.2.01', '1.4.01', '1.4.04',
            '2.1.01', '2.2.02', '2.3.01', '2.3.02', '3.1.02', '3.2.01', '4.2.01', '4.2.03', '5.3.01']
    keg = {k: rnd(rng, 5_000_000, 140_000_000, 100_000) for k in kegs}
    keg['5.3.01'] = 27_600_000
    silpa, modal = 18_077_250, 35_000_000
    P = sum(pend.values())
    keg['2.3.01'] = 0
    keg['2.3.01'] = P + silpa - modal - sum(keg.values())
    assert keg['2.3.01'] > 0
    B = sum(keg.values())
    wb = Workbook()
    ws = wb.active
    ws.title = 'Perdes'
    ws.append(['', '', 'LAMPIRAN I PERATURAN DESA ' + desa.upper()])
    ws.append(['', '', 'NOMOR 01 TAHUN 2024'])
    ws.append(['', '', 'TENTANG ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN 2024'])
    ws.append([])
    ws.append(['ANGGARAN PENDAPATAN DAN BELANJA DESA'])
    ws.append([f'PEMERINTAH DESA {desa.upper()} KECAMATAN {kec.upper()}'])
    ws.append(['TAHUN ANGGARAN 2024'])
    ws.append([])
    ws.append(['KODE REK', 'URAIAN', 'ANGGARAN (Rp)', 'KETERANGAN'])
    ws.append(['1', '2', '3', '4'])
    cnt = 0

    def put(code, ur, amt, bold=False, ket=None):
        ws.append([code, ur, amt, ket])
        ws.cell(ws.max_row, 3).number_format = '#,##0.00'
        if bold:
            for c in ws[ws.max_row]:
                c.font = Font(bold=True)

    for code, lvl, leaf in tree_rows({c: [v] for c, v in pend.items()}):
        put(code + '.', REK[code].upper() if lvl == 1 else REK[code], sum(v for c, v in pend.items() if c == code or c.startswith(code + '.')), lvl <= 2)
        cnt += leaf
    put('', 'JUMLAH PENDAPATAN', P, True)
    put('', 'BELANJA', None, True)
    shown = set()
    for k in kegs:
        p = k.split('.')
        for i in (1, 2):
            pc = '.'.join(p[:i])
            if pc not in shown:
                shown.add(pc)
                code = KEG[pc]['kode_siskeudes']
                put(code, KEG[pc]['uraian'].upper() if i == 1 else KEG[pc]['uraian'],
                    sum(v for kk, v in keg.items() if kk.startswith(pc + '.')), True)
        put(KEG[k]['kode_siskeudes'], KEG[k]['uraian'], keg[k])
        cnt += 1
    put('', 'JUMLAH BELANJA', B, True)
    put('', 'SURPLUS / (DEFISIT)', P - B, True)
    put('6.', 'PEMBIAYAAN', None, True)
    put('6.1.', 'Penerimaan Pembiayaan', silpa, True)
    put('6.1.1.', 'SILPA Tahun Sebelumnya', silpa)
    put('6.2.', 'Pengeluaran Pembiayaan', modal, True)
    put('6.2.2.', 'Penyertaan Modal Desa', modal, ket='BUMDes')
    cnt += 2
    put('', 'PEMBIAYAAN NETTO', silpa - modal, True)
    put('', 'SISA LEBIH/(KURANG) PEMBIAYAAN ANGGARAN', P - B + silpa - modal, True)
    ws.append([])
    ws.append(['', '', f'Ditetapkan di {desa}'])
    ws.append(['', '', 'pada tanggal 29 Desember 2023'])
    ws.append(['', '', f'KEPALA DESA {desa.upper()},'])
    ws.append([])
    ws.append(['', '', 'SAPRUDIN'])
    widths(ws, [12, 70, 18, 14])
    fn = f'Lampiran I Perdes APBDes {desa} TA 2024.xlsx'
    wb.save(OUT / fn)
    add(fn, 'apbdes', kode, 2024, 'anggaran', cnt,
        'Permendagri 20/2018 Lampiran I (Perdes APBDes) as printed by Siskeudes 2.0 ("Perdes APBDes"): Pendapatan by kode rekening, '
        'Belanja by BIDANG / SUB BIDANG / KEGIATAN (cf. Ringkasan APBDes https://id.scribd.com/document/343991413 and Perbup Banjar 35/2019 code list '
        'https://id.scribd.com/document/682631258)',
        'BELANJA has NO account codes: its lines are kegiatan "01.01.01." (Siskeudes kegiatan codes with trailing dots) under bidang "01." and sub bidang "01.01." '
        'subtotals; pendapatan codes with trailing dot "4.2.1.01."; pembiayaan only at level 3 ("6.1.1.", "6.2.2."); the bidang code "04." (Pemberdayaan) and '
        'sub bidang "04.02." must not be confused with account 4 / 4.2 (Pendapatan); Perdes kop in rows 1-3 at column C; "SISA LEBIH/(KURANG)" row',
        anggaran={'pendapatan': P, 'belanja': B, 'pembiayaan_penerimaan': silpa, 'pembiayaan_pengeluaran': modal})


# ---------------------------------------------------------------- F6
def f6():
    """Web-app (Siskeudes Link / e-budgeting style) export: no code column, "[4.2.1.01] Dana Desa" in the
    Nama Akun cell, 'Pagu' and 'Realisasi', numbers as text with NBSP thousand separators."""
    kode = '62.02.04.2002'  # Kabuau, Parenggean
    desa, kec = vil(kode)
    rng = random.Random(66)
    spec = ['4.1.1.01', '4.1.4.01', '4.2.1.01', '4.2.2.01', '4.2.3.01', '4.2.4.01', '4.3.4.01',
            '5.1.1.01', '5.1.1.02', '5.1.2.01', '5.1.2.02', '5.1.3.01', '5.1.4.01', '5.2.1.01', '5.2.1.06',
            '5.2.2.01', '5.2.2.03', '5.2.3.01', '5.2.5.01', '5.2.6.04', '5.2.7.01', '5.3.4.02', '5.3.4.03',
            '5.3.9.01', '6.1.1.01']
    leaves = {}
    for c in spec:
        a = rnd(rng, 5_000_000, 130_000_000, 500_000)
        if c == '4.2.1.01': a = 1_218_904_000
        if c == '4.2.3.01': a = 801_652_000
        if c == '6.1.1.01': a = 9_430_000
        real = a if c[0] in '46' else round(a * rng.uniform(0.8, 1.0) / 1000) * 1000
        if c == '4.3.4.01':
            real = 0   # hibah did not arrive
        leaves[c] = [a, real]
    P = subtotal(leaves, '4', 0)
    leaves['5.3.4.03'] = [0, 0]
    rest = subtotal(leaves, '5', 0)
    leaves['5.3.4.03'] = [P + 9_430_000 - rest, 0]
    leaves['5.3.4.03'][1] = round(leaves['5.3.4.03'][0] * 0.9 / 1000) * 1000

    def nb(v):
        return f'{int(v):,}'.replace(',', NBSP)

    wb = Workbook()
    ws = wb.active
    ws.title = 'Export'
    ws.append(['Realisasi Anggaran per Akun'])
    ws.append([f'Desa: {desa}   |   Kecamatan: {kec}   |   Tahun: 2024   |   Posisi s.d. 31/12/2024'])
    ws.append(['Dicetak: 14/01/2025 10:22:51 oleh operator.desa'])
    ws.append([])
    ws.append(['No', 'Nama Akun', 'Pagu', 'Realisasi', 'Sisa', 'Capaian'])
    n = 0
    cnt = 0
    for code, lvl, leaf in tree_rows(leaves):
        if lvl < 3:
            continue   # the app shows jenis (level 3) groups and objek (level 4) lines only
        a, re = subtotal(leaves, code, 0), subtotal(leaves, code, 1)
        if leaf:
            n += 1
            ws.append([n, f'    [{code}] {REK[code]}', nb(a), nb(re), nb(a - re), f'{(re / a * 100 if a else 0):.1f} %'])
            cnt += 1
        else:
            ws.append([None, f'[{code}] {REK[code]}', nb(a), nb(re), nb(a - re), f'{(re / a * 100 if a else 0):.1f} %'])
            for c in ws[ws.max_row]:
                c.font = Font(bold=True)
    ws.append([])
    ws.append([None, 'Total Pendapatan', nb(subtotal(leaves, '4', 0)), nb(subtotal(leaves, '4', 1))])
    ws.append([None, 'Total Belanja', nb(subtotal(leaves, '5', 0)), nb(subtotal(leaves, '5', 1))])
    ws.append([None, 'Total Penerimaan Pembiayaan', nb(subtotal(leaves, '6.1', 0)), nb(subtotal(leaves, '6.1', 1))])
    widths(ws, [5, 70, 18, 18, 18, 10])
    fn = f'export_realisasi_akun_{desa.upper()}_2024.xlsx'
    wb.save(OUT / fn)
    add(fn, 'apbdes', kode, 2024, 'realisasi', cnt,
        'habit: web-based village finance apps (Siskeudes Link / kabupaten e-budgeting dashboards) "Export Excel" of realisasi per akun; no public example file found',
        'NO code column: code in square brackets inside the name "[4.2.1.01] Dana Desa" (indented with leading spaces on objek lines); '
        'headings "Nama Akun | Pagu | Realisasi | Sisa | Capaian"; amounts as TEXT with NON-BREAKING-SPACE thousand separators "1\\u00a0218\\u00a0904\\u00a0000"; '
        'only level 3 groups + level 4 lines; "No" numbers only on level-4 lines; village and year inside one pipe-separated line; '
        '"Posisi s.d. 31/12/2024" and print timestamp; hibah 4.3.4.01 realisasi 0',
        anggaran=totals(leaves, 0), realisasi=totals(leaves, 1))


# ---------------------------------------------------------------- F7
def f7():
    """One APBDes split over sheets PENDAPATAN / BELANJA / PEMBIAYAAN plus a RINGKASAN sheet (no codes)."""
    kode = '62.02.12.2003'  # Batuah, Seranau
    desa, kec = vil(kode)
    rng = random.Random(67)
    spec = {'4': ['4.1.2.03', '4.1.4.01', '4.2.1.01', '4.2.2.01', '4.2.3.01', '4.2.5.01'],
            '5': ['5.1.1.01', '5.1.1.02', '5.1.2.01', '5.1.2.02', '5.1.3.01', '5.1.4.01', '5.2.1.01', '5.2.1.06',
                  '5.2.2.02', '5.2.3.01', '5.2.4.03', '5.2.5.01', '5.2.6.06', '5.3.3.04', '5.3.6.02', '5.3.6.03', '5.4.1.01'],
            '6': ['6.1.1.01', '6.2.2.01']}
    leaves = {c: [rnd(rng, 4_000_000, 100_000_000, 100_000)] for s in spec.values() for c in s}
    leaves['4.2.1.01'] = [843_770_000]
    leaves['4.2.3.01'] = [590_115_000]
    leaves['6.1.1.01'] = [14_602_000]
    leaves['6.2.2.01'] = [20_000_000]
    P = subtotal(leaves, '4', 0)
    leaves['5.3.6.03'] = [0]
    leaves['5.3.6.03'] = [P + 14_602_000 - 20_000_000 - subtotal(leaves, '5', 0)]
    assert leaves['5.3.6.03'][0] > 0
    wb = Workbook()
    first = True
    cnt = 0
    titles = {'4': 'PENDAPATAN', '5': 'BELANJA', '6': 'PEMBIAYAAN'}
    for sec in '456':
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = titles[sec]
        ws.append([f'{titles[sec]} DESA {desa.upper()}'])
        ws.append(['APBDes Tahun Anggaran 2025'])
        ws.append([])
        ws.append(['Kode Rekening', 'Uraian', 'Jumlah (Rp)'])
        for code, lvl, leaf in tree_rows({c: v for c, v in leaves.items() if c[0] == sec}):
            ws.append([code, REK[code], subtotal(leaves, code, 0)])
            ws.cell(ws.max_row, 3).number_format = '#,##0'
            if not leaf:
                for c in ws[ws.max_row]:
                    c.font = Font(bold=True)
            cnt += leaf
        widths(ws, [14, 62, 18])
    ws = wb.create_sheet('RINGKASAN')
    ws.append([f'RINGKASAN APBDes DESA {desa.upper()} KEC. {kec.upper()} TA 2025'])
    ws.append([])
    ws.append(['Uraian', 'Jumlah (Rp)'])
    B = subtotal(leaves, '5', 0)
    for u, v in [('Pendapatan', P), ('Belanja', B), ('Surplus/(Defisit)', P - B), ('Penerimaan Pembiayaan', 14_602_000),
                 ('Pengeluaran Pembiayaan', 20_000_000), ('Pembiayaan Netto', -5_398_000),
                 ('SILPA Tahun Berjalan', P - B - 5_398_000)]:
        ws.append([u, v])
        ws.cell(ws.max_row, 2).number_format = '#,##0;(#,##0)'
    wb.move_sheet('RINGKASAN', offset=-3)
    widths(ws, [30, 18])
    fn = f'APBDes {desa} 2025 (per sheet).xlsx'
    wb.save(OUT / fn)
    add(fn, 'apbdes', kode, 2025, 'anggaran', cnt,
        'habit: operator keeps one sheet per section of the APBDes (Pendapatan / Belanja / Pembiayaan) with a front "RINGKASAN" sheet; no public example found',
        'ONE APBDes over FOUR sheets: RINGKASAN first (no codes, section totals only, negative in parentheses), then PENDAPATAN, BELANJA, PEMBIAYAAN '
        '(each a full code tree with level 1-3 subtotals); village only in sheet titles and file name; year "Tahun Anggaran 2025" in each sheet. '
        'A careful reader takes it as one submission (sections add up: RINGKASAN = sheets)',
        anggaran={'pendapatan': P, 'belanja': B, 'pembiayaan_penerimaan': 14_602_000, 'pembiayaan_pengeluaran': 20_000_000})


# ---------------------------------------------------------------- REJECT
def rej():
    kode = '62.02.11.2002'  # Basawang, Teluk Sampit
    desa, kec = vil(kode)
    rng = random.Random(68)
    spec = ['4.2.1.01', '4.2.2.01', '4.2.3.01', '5.1.1.01', '5.1.2.01', '5.1.4.01', '5.2.1.01', '5.2.2.02',
            '5.2.5.01', '5.3.5.02', '5.3.5.03', '6.1.1.01']
    leaves = {c: [rnd(rng, 10_000_000, 150_000_000, 100_000)] for c in spec}
    leaves['4.2.1.01'] = [875_210_000]
    wb = Workbook()
    ws = wb.active
    ws.append([f'APBDes DESA {desa.upper()} KECAMATAN {kec.upper()} TAHUN ANGGARAN 2025'])
    ws.append([])
    ws.append(['KODE', 'URAIAN', 'ANGGARAN'])
    for code, lvl, leaf in tree_rows(leaves):
        v = subtotal(leaves, code, 0)
        ws.append([code, REK[code], v])
        if code == '5':
            belanja_row = ws.max_row
    B = subtotal(leaves, '5', 0)
    # JUMLAH BELANJA typed by hand with two digits transposed: disagrees with the lines
    typed = int(str(B)[:2] + str(B)[3] + str(B)[2] + str(B)[4:]) if str(B)[2] != str(B)[3] else B + 9_000_000
    ws.append(['', 'JUMLAH PENDAPATAN', subtotal(leaves, '4', 0)])
    ws.append(['', 'JUMLAH BELANJA', typed])
    ws.cell(belanja_row, 3, typed)
    fn = f'APBDes {desa} 2025 - jumlah salah.xlsx'
    wb.save(OUT / fn)
    add(fn, 'apbdes', kode, 2025, 'anggaran', len(spec), 'habit: hand-typed totals',
        'simple KODE|URAIAN|ANGGARAN with full tree; the level-1 BELANJA line and the JUMLAH BELANJA row both say '
        f'{typed:,} while the belanja lines sum to {B:,} (digits transposed)',
        anggaran=totals(leaves, 0), expect='reject',
        why=f'JUMLAH BELANJA {typed:,} (and the 5 BELANJA line) disagrees with the sum of its lines {B:,}: the published total would be wrong; '
            'a careful officer returns it asking which is right')


for f in (f1, f2, f3, f4, f5, f6, f7, rej):
    f()
json.dump(MANIFEST, open(OUT / 'manifest.json', 'w'), indent=1, ensure_ascii=False)
for m in MANIFEST:
    print(m['file'], m['line_items'], m.get('anggaran'), m.get('realisasi'))
