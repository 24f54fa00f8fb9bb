"""Trial 4 (finance): build ~8 APBDes files + manifest.json. Run with /work/main/.venv/bin/python.
Amounts and names invented; codes and villages real (reference CSVs)."""
import csv, glob, json, re, sys, zipfile, shutil, os
from pathlib import Path
import openpyxl
from openpyxl.styles import Alignment, Font, NamedStyle
from openpyxl.utils import get_column_letter

OUT = Path(__file__).resolve().parent
REF = Path(__file__).resolve().parents[5] / 'reference'
VIL = {r['kode_desa']: r for r in csv.DictReader(open(REF / 'kotim_villages.csv'))}
REK = {r['kode']: r['uraian'] for r in csv.DictReader(open(REF / 'apbdes_rekening.csv'))}
KEG = {r['kode']: r['uraian'] for r in csv.DictReader(open(REF / 'bidang_kegiatan.csv'))}
MANIFEST = []


def idr(n, dec=True):
    s = f"{abs(n):,}".replace(',', '.')
    if dec:
        s += ',00'
    return s


def usd(n):
    return f"{n:,.2f}"


def sec_of(kode):
    if kode.startswith('6.1'):
        return 'pembiayaan_penerimaan'
    if kode.startswith('6.2'):
        return 'pembiayaan_pengeluaran'
    return {'4': 'pendapatan', '5': 'belanja'}[kode[0]]


def totals(lines, key):
    t = {}
    for l in lines:
        if l.get(key) is None:
            continue
        s = l['sec']
        t[s] = t.get(s, 0) + l[key]
    return t


def add_manifest(file, kode, tahun, tahap, lines, source, shape, realisasi=False, **extra):
    v = VIL[kode]
    m = {"file": file, "record_type": "apbdes", "kode_desa": kode, "desa": v['nama_desa'],
         "tahun": tahun, "tahap": tahap, "line_items": len(lines),
         "anggaran": totals(lines, 'anggaran')}
    if realisasi:
        m["realisasi"] = totals(lines, 'realisasi')
    m.update({"source": source, "shape": shape})
    m.update(extra)
    MANIFEST.append(m)


# ---------------------------------------------------------------- common data
PEND = [  # kode jenis (level 3), anggaran
    ('4.1.1', 6_500_000), ('4.1.2', 12_000_000), ('4.1.4', 3_250_000),
    ('4.2.1', 912_384_000), ('4.2.2', 41_560_000), ('4.2.3', 486_217_000),
    ('4.2.4', 50_000_000), ('4.3.6', 1_800_000),
]

# kegiatan (code from bidang_kegiatan.csv), anggaran, sumber dana
KEGS = [
    ('1.1.01', 72_000_000, 'ADD'), ('1.1.02', 276_480_000, 'ADD'), ('1.1.03', 18_420_000, 'ADD'),
    ('1.1.04', 84_342_000, 'ADD, PBH'), ('1.1.05', 54_000_000, 'ADD'), ('1.1.07', 36_000_000, 'PBH'),
    ('1.2.02', 25_000_000, 'PAD'),
    ('2.1.01', 48_600_000, 'DDS'), ('2.2.02', 62_150_000, 'DDS'), ('2.3.01', 418_742_000, 'DDS'),
    ('2.3.05', 146_500_000, 'DDS, PBP'),
    ('3.1.03', 22_000_000, 'ADD'), ('3.4.01', 15_000_000, 'PBH'),
    ('4.2.03', 212_477_000, 'DDS'), ('4.3.02', 24_000_000, 'ADD'),
    ('5.3.01', 86_000_000, 'DDS'),
]
PEMB = [('6.1.1', 118_000_000), ('6.2.2', 30_000_000)]


def check_balance():
    p = sum(a for _, a in PEND)
    b = sum(a for _, a, _ in KEGS)
    n = sum(a for k, a in PEMB if k.startswith('6.1')) - sum(a for k, a in PEMB if k.startswith('6.2'))
    return p, b, n, p - b + n


# ============================================================ F1
def f1():
    """OpenSID artikel, numbered (no codes), I./II./III. sections, belanja BIDANG|SUB BIDANG|KEGIATAN columns."""
    kode, tahun = '62.02.02.2007', 2025  # Jemaras, Cempaga
    fn = 'APBDes Desa Jemaras 2025 (copy artikel web).xlsx'
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Sheet1'
    lines = []
    ws.append(['APBDes Desa Jemaras 2025'])
    ws.append(['Diposting oleh Administrator | Dibaca 57 Kali'])
    ws.append([])
    ws.append(['I. PENDAPATAN'])
    groups = [('PADes', ['4.1.1', '4.1.2', '4.1.4'], {'4.1.1': 'Bagi Hasil BUMDES', '4.1.2': 'Hasil Aset Desa', '4.1.4': 'Lain-lain Pendapatan Asli Desa'}),
              ('PENDAPATAN TRANSFER', ['4.2.1', '4.2.2', '4.2.3', '4.2.4'], {'4.2.1': 'Dana Desa (DD)', '4.2.2': 'Bagi Hasil Pajak dan Retribusi', '4.2.3': 'Alokasi Dana Desa (ADD)', '4.2.4': 'Bantuan Keuangan Provinsi'}),
              ('PENDAPATAN LAIN-LAIN', ['4.3.6'], {'4.3.6': 'Bunga Bank'})]
    pd = dict(PEND)
    for gi, (gname, ks, names) in enumerate(groups, 1):
        ws.append([gi, gname, idr(sum(pd[k] for k in ks))])
        for si, k in enumerate(ks, 1):
            ws.append([None, si, names[k], idr(pd[k])])
            lines.append({'sec': 'pendapatan', 'kode': k, 'anggaran': pd[k]})
    ws.append(['JUMLAH PENDAPATAN', None, idr(sum(pd.values()))])
    ws.append([])
    ws.append(['II. BELANJA'])
    ws.append(['BIDANG', 'SUB BIDANG', 'KEGIATAN', None, 'JUMLAH', 'SUMBER DANA'])
    ws.merge_cells(start_row=ws.max_row, start_column=3, end_row=ws.max_row, end_column=4)
    by_b = {}
    for k, a, s in KEGS:
        b, sb = k.split('.')[0], '.'.join(k.split('.')[:2])
        by_b.setdefault(b, {}).setdefault(sb, []).append((k, a, s))
    for b, subs in by_b.items():
        ws.append([f"{b}. {KEG[b].replace('Bidang ', '')}", None, None, None, idr(sum(a for sb in subs.values() for _, a, _ in sb))])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=4)
        for sbi, (sb, ks) in enumerate(subs.items(), 1):
            ws.append([None, f"{sb.split('.')[1]}. {KEG[sb]}", None, None, idr(sum(a for _, a, _ in ks))])
            ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=4)
            for k, a, s in ks:
                ws.append([None, None, int(k.split('.')[2]), KEG[k], idr(a), s])
                lines.append({'sec': 'belanja', 'kode': k, 'anggaran': a})
    ws.append(['JUMLAH BELANJA', None, None, None, idr(sum(a for _, a, _ in KEGS))])
    p, b, n, silpa = check_balance()
    ws.append(['SURPLUS/(DEFISIT)', None, None, None, '(' + idr(b - p) + ')' if b > p else idr(p - b)])
    ws.append([])
    ws.append(['III. PEMBIAYAAN'])
    ws.append([1, 'Penerimaan Pembiayaan', idr(PEMB[0][1])])
    ws.append([None, 1, 'SILPA Tahun Sebelumnya', idr(PEMB[0][1])])
    lines.append({'sec': 'pembiayaan_penerimaan', 'kode': '6.1.1', 'anggaran': PEMB[0][1]})
    ws.append([2, 'Pengeluaran Pembiayaan', idr(PEMB[1][1])])
    ws.append([None, 1, 'Penyertaan Modal Desa (BUMDes)', idr(PEMB[1][1])])
    lines.append({'sec': 'pembiayaan_pengeluaran', 'kode': '6.2.2', 'anggaran': PEMB[1][1]})
    ws.append(['PEMBIAYAAN NETTO', None, idr(n)])
    ws.append([])
    ws.append(['Sumber: Peraturan Desa Jemaras Nomor 1 Tahun 2025 tentang APBDes Tahun Anggaran 2025'])
    for c, w in zip('ABCDEF', (40, 38, 8, 70, 20, 14)):
        ws.column_dimensions[c].width = w
    wb.save(OUT / fn)
    assert silpa == 0, silpa
    add_manifest(fn, kode, tahun, 'anggaran', lines,
                 'OpenSID artikel on a desa website: https://dasanlekong-sukamulia.desa.id/artikel/2021/5/2/apbdes-desa-dasan-lekong-2021 (I. PENDAPATAN numbered 1/1, II. BELANJA BIDANG|SUB BIDANG|KEGIATAN|JUMLAH|SUMBER DANA), copied to Excel',
                 'no account or kegiatan codes at all: Roman-numeral sections, pendapatan numbered 1..3 / 1..4 with the group amount one column left of the sub-line amount; belanja as BIDANG/SUB BIDANG/KEGIATAN hierarchy in columns with names only (kegiatan names = Permendagri names, numbered 1,2,..), several sumber dana in one cell ("ADD, PBH"); amounts text 1.234.567,00; SURPLUS/(DEFISIT) in parentheses. line_items = 8 pendapatan + 16 kegiatan + 2 pembiayaan')


# ============================================================ F2
def f2():
    """Siskeudes Laporan Realisasi Pelaksanaan APBDes Semester Pertama, PDF converted to Excel."""
    kode, tahun = '62.02.03.2009', 2024  # Tangka Robah, Mentaya Hulu
    fn = 'LRA SMT I 2024 TANGKA ROBAH (pdf to excel).xlsx'
    rate = [0.52, 0.40, 0.31, 0.60, 0.25, 0.50, 0.0, 0.55]
    pend = [(k, a, int(round(a * r / 1000)) * 1000) for (k, a), r in zip(PEND, rate)]
    pend[-1] = ('4.3.6', 1_800_000, 1_064_337)
    kr = [0.5, 0.5, 0.5, 0.42, 0.5, 0.5, 0.0, 0.5, 0.33, 0.61, 0.0, 0.2, 0.0, 0.45, 0.0, 0.0]
    kegs = [(k, a, int(round(a * r / 1000)) * 1000) for (k, a, _), r in zip(KEGS, kr)]
    pemb = [('6.1.1', 118_000_000, 118_000_000), ('6.2.2', 30_000_000, 0)]
    rows = []  # (kode, uraian, ang, real, bold)
    lines = []
    def grp(items, n):
        out = {}
        for it in items:
            out.setdefault('.'.join(it[0].split('.')[:n]), []).append(it)
        return out
    rows.append(('4.', 'PENDAPATAN', None, None))
    for k2, its in grp(pend, 2).items():
        rows.append((k2 + '.', REK[k2], sum(i[1] for i in its), sum(i[2] for i in its)))
        for k, a, r in its:
            rows.append((k + '.', REK[k], a, r))
            lines.append({'sec': 'pendapatan', 'kode': k, 'anggaran': a, 'realisasi': r})
    P = (sum(i[1] for i in pend), sum(i[2] for i in pend))
    rows.append(('', 'JUMLAH PENDAPATAN', *P))
    rows.append(('5.', 'BELANJA', None, None))
    for b, its in grp(kegs, 1).items():
        rows.append((f"{int(b):02d}.", KEG[b].upper(), sum(i[1] for i in its), sum(i[2] for i in its)))
        for sb, its2 in grp(its, 2).items():
            sbk = '.'.join(f"{int(x):02d}" for x in sb.split('.')) + '.'
            rows.append((sbk, KEG[sb], sum(i[1] for i in its2), sum(i[2] for i in its2)))
            for k, a, r in its2:
                kk = '.'.join(f"{int(x):02d}" for x in k.split('.')) + '.'
                rows.append((kk, KEG[k], a, r))
                lines.append({'sec': 'belanja', 'kode': k, 'anggaran': a, 'realisasi': r})
    B = (sum(i[1] for i in kegs), sum(i[2] for i in kegs))
    rows.append(('', 'JUMLAH BELANJA', *B))
    rows.append(('', 'SURPLUS / (DEFISIT)', P[0] - B[0], P[1] - B[1]))
    rows.append(('6.', 'PEMBIAYAAN', None, None))
    rows.append(('6.1.', 'Penerimaan Pembiayaan', 118_000_000, 118_000_000))
    rows.append(('6.1.1.', 'SILPA Tahun Sebelumnya', 118_000_000, 118_000_000))
    lines.append({'sec': 'pembiayaan_penerimaan', 'kode': '6.1.1', 'anggaran': 118_000_000, 'realisasi': 118_000_000})
    rows.append(('', 'JUMLAH PENERIMAAN PEMBIAYAAN', 118_000_000, 118_000_000))
    rows.append(('6.2.', 'Pengeluaran Pembiayaan', 30_000_000, 0))
    rows.append(('6.2.2.', 'Penyertaan Modal Desa', 30_000_000, 0))
    lines.append({'sec': 'pembiayaan_pengeluaran', 'kode': '6.2.2', 'anggaran': 30_000_000, 'realisasi': 0})
    rows.append(('', 'JUMLAH PENGELUARAN PEMBIAYAAN', 30_000_000, 0))
    rows.append(('', 'PEMBIAYAAN NETTO', 88_000_000, 118_000_000))
    rows.append(('', 'SISA LEBIH PEMBIAYAAN ANGGARAN (SILPA) TAHUN BERJALAN', P[0] - B[0] + 88_000_000, P[1] - B[1] + 118_000_000))

    def fmt(n):
        if n is None:
            return None
        if n == 0:
            return '0,00'
        return ('(' + idr(n) + ')') if n < 0 else idr(n)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Table 1'
    page_rows = 24
    pages = [rows[i:i + page_rows] for i in range(0, len(rows), page_rows)]
    for pi, pg in enumerate(pages, 1):
        ws.append(['PEMERINTAH DESA TANGKA ROBAH'])
        ws.append(['LAPORAN REALISASI PELAKSANAAN ANGGARAN PENDAPATAN DAN BELANJA DESA'])
        ws.append(['SEMESTER PERTAMA TAHUN ANGGARAN 2024'])
        ws.append(['KODE REK.', 'URAIAN', 'ANGGARAN\n(Rp)', 'REALISASI\n(Rp)', 'LEBIH/\n(KURANG)\n(Rp)', 'KETERANGAN'])
        ws.append(['1', '2', '3', '4', '5 = (4 - 3)', '6'])
        for k, u, a, r in pg:
            d = None if a is None else r - a
            ws.append([k or None, u, fmt(a), fmt(r), fmt(d), None])
        if pi == len(pages):
            ws.append([])
            ws.append([None, None, None, 'Tangka Robah, 15 Juli 2024'])
            ws.append([None, None, None, 'KEPALA DESA TANGKA ROBAH'])
            ws.append([]); ws.append([])
            ws.append([None, None, None, 'SUPRIYADI'])
        ws.append([f'Halaman {pi} dari {len(pages)}', None, None, None, 'Dicetak: Siskeudes 2.0.7 (R 2.0.7.1)'])
        ws.append([])
    for c, w in zip('ABCDEF', (14, 62, 20, 20, 20, 14)):
        ws.column_dimensions[c].width = w
    wb.save(OUT / fn)
    add_manifest(fn, kode, tahun, 'realisasi', lines,
                 'Siskeudes 2.0 print "Laporan Realisasi Pelaksanaan APBDes Semester Pertama" (Permendagri 20/2018 Lampiran format: KODE REK | URAIAN | ANGGARAN | REALISASI | LEBIH/(KURANG) | KET; belanja per bidang/sub bidang/kegiatan 01./01.01./01.01.01.); PDF -> Excel converter habit (one sheet "Table 1")',
                 'page headers (3 title lines + heading + column-number row 1..6 incl. "5 = (4 - 3)") repeated 3 times; "Halaman i dari n" and "Dicetak: Siskeudes" footer lines; amounts as text 1.234.567,00 with negatives in parentheses; pendapatan/pembiayaan codes with trailing dots at levels 1-3 (sums on level 2); belanja kegiatan codes Siskeudes style 01.01.01. (no economic codes); realisasi semester I (partial, some 0,00); JUMLAH / SURPLUS / NETTO / SILPA tahun berjalan rows; signature block. line_items = 8 pendapatan jenis + 16 kegiatan + 2 pembiayaan', realisasi=True,
                 note='realisasi is for semester I only; 4.2.4 realisasi 0 and 6.2.2 realisasi 0 are legitimate')


# ============================================================ F3
def f3(number_totals=True, fn=None, probe=False):
    """Perdes Perubahan lampiran, xlsx with formulas + cached values, codes as text with apostrophe, unusual order."""
    kode, tahun = '62.02.08.2011', 2024  # Basirih Hulu, Mentaya Hilir Selatan
    fn = fn or 'Lamp Perdes Perubahan APBDes 2024 - Basirih Hulu.xlsx'
    pend = [('4.1.1', 5_000_000, 0), ('4.1.2', 9_000_000, 1_500_000), ('4.2.1', 874_560_000, 0),
            ('4.2.2', 38_220_000, 4_180_000), ('4.2.3', 512_840_000, -12_840_000), ('4.2.5', 0, 75_000_000),
            ('4.3.6', 1_200_000, 0)]
    # belanja per bidang / sub bidang (Perdes APBDes lampiran of Permendagri 20/2018)
    bel = [('1.1', 512_600_000, -6_840_000), ('1.2', 40_000_000, 12_000_000), ('1.4', 18_500_000, 0),
           ('2.2', 58_000_000, 0), ('2.3', 502_320_000, 60_000_000), ('2.4', 35_000_000, 4_180_000),
           ('3.1', 16_000_000, 0), ('3.4', 12_000_000, 3_000_000),
           ('4.2', 222_400_000, -6_000_000), ('4.3', 27_000_000, 0),
           ('5.3', 36_000_000, 0)]
    pemb = [('6.1.1', 64_000_000, -1_500_000), ('6.2.2', 25_000_000, 0)]
    P0 = sum(a for _, a, _ in pend); B0 = sum(a for _, a, _ in bel)
    P1 = sum(a + d for _, a, d in pend); B1 = sum(a + d for _, a, d in bel)
    N0 = 64_000_000 - 25_000_000; N1 = 62_500_000 - 25_000_000
    assert P0 - B0 + N0 == 0 and P1 - B1 + N1 == 0, (P0 - B0 + N0, P1 - B1 + N1)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'LAMP I'
    cached = {}
    ws.append(['LAMPIRAN I PERATURAN DESA BASIRIH HULU'])
    ws.append(['NOMOR 4 TAHUN 2024'])
    ws.append(['TENTANG PERUBAHAN ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN 2024'])
    ws.append([])
    ws.append(['PERUBAHAN APB DESA'])
    ws.append(['PEMERINTAH DESA BASIRIH HULU KECAMATAN MENTAYA HILIR SELATAN'])
    ws.append(['TAHUN ANGGARAN 2024'])
    ws.append([])
    hdr = ['NO', 'URAIAN', 'KODE\nREKENING', 'JUMLAH (Rp)', None, None, 'SUMBER\nDANA']
    ws.append(hdr)
    h1 = ws.max_row
    ws.append([None, None, None, 'SEMULA', 'BERTAMBAH/\n(BERKURANG)', 'MENJADI', None])
    for c in (1, 2, 3, 7):
        ws.merge_cells(start_row=h1, start_column=c, end_row=h1 + 1, end_column=c)
    ws.merge_cells(start_row=h1, start_column=4, end_row=h1, end_column=6)
    for r in (h1, h1 + 1):
        for c in range(1, 8):
            ws.cell(r, c).alignment = Alignment(wrap_text=True, horizontal='center', vertical='center')
            ws.cell(r, c).font = Font(bold=True)
    lines = []
    no = [0]
    def put(kodev, uraian, a=None, d=None, formula_rows=None, sumber=None, leaf=False):
        r = ws.max_row + 1
        if kodev or number_totals:
            no[0] += 1
            ws.cell(r, 1, no[0])
        ws.cell(r, 2, uraian)
        if kodev:
            c = ws.cell(r, 3, kodev); c.quotePrefix = True; c.number_format = '@'
        if formula_rows is not None:
            rs = formula_rows
            for col, val in ((4, a), (5, d)):
                L = get_column_letter(col)
                ws.cell(r, col, '=' + '+'.join(f'{L}{x}' for x in rs) if len(rs) < 4 else f'=SUM({L}{rs[0]}:{L}{rs[-1]})')
                cached[(r, col)] = val
        elif a is not None:
            ws.cell(r, 4, a); ws.cell(r, 5, d)
        if a is not None:
            ws.cell(r, 6, f'=D{r}+E{r}'); cached[(r, 6)] = a + d
        for col in (4, 5, 6):
            ws.cell(r, col).number_format = '#,##0;(#,##0);"-"'
        if sumber:
            ws.cell(r, 7, sumber)
        return r
    def block(items, title_code, title, src):
        put(title_code, title)
        rows = []
        groups = {}
        for k, a, d in items:
            groups.setdefault(k[:3], []).append((k, a, d))
        return groups
    # pendapatan
    put('4', 'PENDAPATAN')
    lv2 = []
    groups = {}
    for k, a, d in pend:
        groups.setdefault(k[:3], []).append((k, a, d))
    for g, its in groups.items():
        # children written after parent: compute rows ahead
        pr = ws.max_row + 1
        kids = list(range(pr + 1, pr + 1 + len(its)))
        put(g, REK[g], sum(a for _, a, _ in its), sum(d for _, _, d in its), formula_rows=kids)
        for k, a, d in its:
            put(k, REK[k], a, d, sumber={'4.1': 'PAD', '4.2.1': 'DDS', '4.2.2': 'PBH', '4.2.3': 'ADD', '4.2.5': 'PBK', '4.3': 'DLL'}.get(k[:5], {'4.1': 'PAD', '4.3': 'DLL'}.get(k[:3])), leaf=True)
            lines.append({'sec': 'pendapatan', 'kode': k, 'anggaran': a + d})
        lv2.append(pr)
    put(None, 'JUMLAH PENDAPATAN', P0, P1 - P0, formula_rows=lv2)
    ws.cell(ws.max_row, 2).font = Font(bold=True)
    put('5', 'BELANJA')
    lv1 = []
    groups = {}
    for k, a, d in bel:
        groups.setdefault(k.split('.')[0], []).append((k, a, d))
    for g, its in groups.items():
        pr = ws.max_row + 1
        kids = list(range(pr + 1, pr + 1 + len(its)))
        put(g, KEG[g].upper(), sum(a for _, a, _ in its), sum(d for _, _, d in its), formula_rows=kids)
        for k, a, d in its:
            put(k, KEG[k], a, d)
            lines.append({'sec': 'belanja', 'kode': k, 'anggaran': a + d})
        lv1.append(pr)
    put(None, 'JUMLAH BELANJA', B0, B1 - B0, formula_rows=lv1)
    sd = put(None, 'SURPLUS/(DEFISIT)', P0 - B0, (P1 - B1) - (P0 - B0))
    put('6', 'PEMBIAYAAN')
    r61 = put('6.1', 'Penerimaan Pembiayaan', 64_000_000, -1_500_000, formula_rows=[ws.max_row + 2])
    put('6.1.1', 'SILPA Tahun Sebelumnya', 64_000_000, -1_500_000, sumber='SILPA')
    lines.append({'sec': 'pembiayaan_penerimaan', 'kode': '6.1.1', 'anggaran': 62_500_000})
    r62 = put('6.2', 'Pengeluaran Pembiayaan', 25_000_000, 0, formula_rows=[ws.max_row + 2])
    put('6.2.2', 'Penyertaan Modal Desa', 25_000_000, 0, sumber='DDS')
    lines.append({'sec': 'pembiayaan_pengeluaran', 'kode': '6.2.2', 'anggaran': 25_000_000})
    r = ws.max_row + 1
    if number_totals:
        no[0] += 1
        ws.cell(r, 1, no[0])
    ws.cell(r, 2, 'PEMBIAYAAN NETTO')
    for col, val in ((4, N0), (5, N1 - N0), (6, N1)):
        L = get_column_letter(col)
        ws.cell(r, col, f'={L}{r61}-{L}{r62}'); cached[(r, col)] = val
        ws.cell(r, col).number_format = '#,##0;(#,##0);"-"'
    ws.append([])
    ws.append([None, None, None, None, 'Basirih Hulu, 30 September 2024'])
    ws.append([None, None, None, None, 'KEPALA DESA BASIRIH HULU,'])
    ws.append([]); ws.append([])
    ws.append([None, None, None, None, 'H. ABDUL RAHMAN'])
    for c, w in zip('ABCDEFG', (5, 60, 14, 18, 18, 18, 10)):
        ws.column_dimensions[c].width = w
    ws.freeze_panes = f'A{h1 + 2}'
    tmp = OUT / (fn + '.tmp')
    wb.save(tmp)
    # inject cached values, as Excel saves them
    zin = zipfile.ZipFile(tmp)
    zout = zipfile.ZipFile(OUT / fn, 'w', zipfile.ZIP_DEFLATED)
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'xl/worksheets/sheet1.xml':
            s = data.decode()
            def rep(m):
                ref = m.group(1)
                col = openpyxl.utils.column_index_from_string(re.match(r'[A-Z]+', ref).group())
                row = int(re.search(r'\d+', ref).group())
                v = cached[(row, col)]
                return f'<c r="{ref}"{m.group(2)}><f>{m.group(3)}</f><v>{v}</v></c>'
            s, n = re.subn(r'<c r="([A-Z]+\d+)"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>', rep, s)
            assert n == len(cached), (n, len(cached))
            data = s.encode()
        zout.writestr(item, data)
    zout.close(); zin.close(); tmp.unlink()
    if probe:
        return
    add_manifest(fn, kode, tahun, 'anggaran_perubahan', lines,
                 'Lampiran Perdes Perubahan APB Desa (Permendagri 20/2018: pendapatan/pembiayaan per jenis, belanja per bidang + sub bidang) typed in Excel; column order and SEMULA/BERTAMBAH(BERKURANG)/MENJADI headings are the habit of Perubahan APBD lampiran; no public xlsx found',
                 'columns in unusual order NO | URAIAN | KODE REKENING | SEMULA | BERTAMBAH/(BERKURANG) | MENJADI | SUMBER DANA; headings with line breaks and merged over 2 rows ("JUMLAH (Rp)" over the 3 amount columns); codes stored as text with a leading apostrophe (quotePrefix); MENJADI and all parent/JUMLAH rows are formulas WITH cached values (as Excel saves); negatives shown by number format (#,##0) only; belanja per bidang/sub bidang coded Permendagri-style "1", "1.1" under "5 BELANJA"; 4.2.5 new in Perubahan (SEMULA 0); frozen panes; signature. anggaran = MENJADI. line_items = 7 pendapatan + 11 sub bidang + 2 pembiayaan')


# ============================================================ F4
def f4():
    """English donor-template CSV, US number format."""
    kode, tahun = '62.02.15.2005', 2023  # Tumbang Sapia, Bukit Santuai
    fn = 'Village_Budget_Realization_FY2023_TumbangSapia.csv'
    pend = [('4.1.1.01', 4_000_000, 2_750_000, 'PAD'), ('4.2.1.01', 836_114_000, 836_114_000, 'Village Fund (DD)'),
            ('4.2.2.01', 29_870_000, 31_245_600, 'PBH'), ('4.2.3.01', 438_920_000, 438_920_000, 'ADD'),
            ('4.3.6.01', 1_500_000, 2_116_480, 'Other')]
    bel = [('5.1.1.01', 60_000_000, 60_000_000, 'ADD'), ('5.1.1.02', 9_600_000, 9_600_000, 'ADD'),
           ('5.1.2.01', 234_000_000, 234_000_000, 'ADD'), ('5.1.3.01', 12_816_000, 12_816_000, 'ADD'),
           ('5.1.4.01', 43_200_000, 43_200_000, 'ADD'), ('5.2.1.01', 18_504_000, 17_912_300, 'ADD'),
           ('5.2.2.01', 41_250_000, 39_600_000, 'DD'), ('5.2.3.01', 22_400_000, 21_965_000, 'ADD'),
           ('5.2.5.01', 7_200_000, 6_845_200, 'PBH'), ('5.2.7.05', 96_000_000, 95_250_000, 'DD'),
           ('5.3.5.03', 412_650_000, 410_982_500, 'DD'), ('5.3.5.02', 128_400_000, 128_400_000, 'DD'),
           ('5.3.2.03', 15_000_000, 14_850_000, 'PBH'), ('5.4.1.01', 221_800_000, 221_800_000, 'DD')]
    pemb = [('6.1.1.01', 22_416_000, 22_416_000, 'SiLPA'), ('6.2.2.01', 10_000_000, 10_000_000, 'DD')]
    P = sum(x[1] for x in pend); B = sum(x[1] for x in bel)
    assert P - B + 12_416_000 == 0, P - B + 12_416_000
    lines = []
    with open(OUT / fn, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['Village Budget Realization Report - Fiscal Year 2023'])
        w.writerow(['Village: Tumbang Sapia | Sub-district: Bukit Santuai | District: Kotawaringin Timur'])
        w.writerow(['Reporting period: 1 January - 31 December 2023 | Currency: IDR'])
        w.writerow([])
        w.writerow(['No', 'Account Code', 'Account Description', 'Budget (IDR)', 'Actual (IDR)', 'Variance (IDR)', '% Achieved', 'Funding Source', 'Remarks'])
        n = 0
        for title, items, sec, tot in (('A. REVENUE', pend, None, 'Total Revenue'), ('B. EXPENDITURE', bel, None, 'Total Expenditure')):
            w.writerow(['', '', title, '', '', '', '', '', ''])
            for k, a, r, s in items:
                n += 1
                w.writerow([n, k, REK[k], usd(a), usd(r), usd(a - r), f'{r / a * 100:.1f}%', s, ''])
                lines.append({'sec': sec_of(k), 'kode': k, 'anggaran': a, 'realisasi': r})
            ta = sum(x[1] for x in items); tr = sum(x[2] for x in items)
            w.writerow(['', '', tot, usd(ta), usd(tr), usd(ta - tr), f'{tr / ta * 100:.1f}%', '', ''])
        PA = sum(x[1] for x in pend); PR = sum(x[2] for x in pend); BA = B; BR = sum(x[2] for x in bel)
        w.writerow(['', '', 'Surplus/(Deficit)', usd(PA - BA), usd(PR - BR), '', '', '', ''])
        w.writerow(['', '', 'C. FINANCING', '', '', '', '', '', ''])
        for k, a, r, s in pemb:
            n += 1
            w.writerow([n, k, REK[k], usd(a), usd(r), usd(a - r), '100.0%', s, 'capital for BUMDes' if k.startswith('6.2') else ''])
            lines.append({'sec': sec_of(k), 'kode': k, 'anggaran': a, 'realisasi': r})
        w.writerow(['', '', 'Net Financing', usd(12_416_000), usd(12_416_000), '', '', '', ''])
        w.writerow(['', '', 'Closing balance (SiLPA current year)', usd(0), usd(PR - BR + 12_416_000), '', '', '', ''])
        w.writerow([])
        w.writerow(['Prepared by: Village Treasurer (Kaur Keuangan), 12 January 2024'])
    add_manifest(fn, kode, tahun, 'realisasi', lines,
                 'habit: donor-programme monitoring template in English (programme templates like KOMPAK/LOGICA village finance trackers); no public example file found',
                 'English headings (Account Code / Account Description / Budget (IDR) / Actual (IDR) / Variance / % Achieved / Funding Source); US number format "1,234,567.00" (comma thousands, dot decimals) quoted in a comma CSV; section rows A. REVENUE / B. EXPENDITURE / C. FINANCING; totals rows "Total Revenue" etc.; objek codes level 4; "Village Fund (DD)" / "Other" / "SiLPA" as funding source; 3 realisasi above anggaran in pendapatan (legit: PBH and bank interest). line_items = 5 + 14 + 2',
                 realisasi=True)


# ============================================================ F5
def f5():
    """APBDes realisasi in thousands of rupiah (kecamatan monitoring sheet for one village)."""
    kode, tahun = '62.02.17.2006', 2024  # Tumbang Sangai, Telaga Antang
    fn = 'Realisasi APBDes Tumbang Sangai TA 2024 (Rp ribuan).xlsx'
    pend = [('4.1.4', 2_500, 2_650), ('4.2.1', 1_024_388, 1_024_388), ('4.2.2', 36_910, 36_910),
            ('4.2.3', 455_720, 455_720), ('4.2.4', 100_000, 100_000), ('4.3.6', 1_200, 1_487)]
    bel = [('5.1.1', 68_400, 68_400), ('5.1.2', 262_080, 262_080), ('5.1.3', 16_950, 16_950), ('5.1.4', 48_600, 48_600),
           ('5.2.1', 96_315, 93_842), ('5.2.2', 88_200, 86_700), ('5.2.3', 31_500, 29_975), ('5.2.5', 9_000, 8_412),
           ('5.2.6', 42_000, 41_250), ('5.2.7', 124_500, 124_500), ('5.3.2', 38_000, 37_450),
           ('5.3.5', 598_173, 595_880), ('5.3.9', 18_000, 17_600), ('5.4.1', 180_000, 180_000)]
    pemb = [('6.1.1', 26_000, 26_000), ('6.2.2', 25_000, 25_000)]
    P = sum(x[1] for x in pend); B = sum(x[1] for x in bel)
    assert P - B + 1_000 == 0, P - B + 1000
    lines = []
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Tumbang Sangai'
    ws.append(['MONITORING REALISASI APBDes TAHUN ANGGARAN 2024'])
    ws.append(['DESA TUMBANG SANGAI - KECAMATAN TELAGA ANTANG'])
    ws.append(['(dalam ribuan rupiah)'])
    ws.append([])
    ws.append(['Kode', 'Uraian', 'Anggaran\n(Rp 000)', 'Realisasi\n(Rp 000)', '%'])
    for title, items in (('PENDAPATAN', pend), ('BELANJA', bel), ('PEMBIAYAAN', pemb)):
        ws.append([{'PENDAPATAN': '4', 'BELANJA': '5', 'PEMBIAYAAN': '6'}[title], title])
        for k, a, r in items:
            ws.append([k, REK[k], a, r, round(r / a * 100, 2)])
            ws.cell(ws.max_row, 3).number_format = '#,##0'; ws.cell(ws.max_row, 4).number_format = '#,##0'
            lines.append({'sec': sec_of(k), 'kode': k, 'anggaran': a * 1000, 'realisasi': r * 1000})
        if title != 'PEMBIAYAAN':
            ta = sum(x[1] for x in items); tr = sum(x[2] for x in items)
            ws.append([None, 'JUMLAH ' + title, ta, tr, round(tr / ta * 100, 2)])
    ws.append([])
    ws.append(['Catatan: angka dalam ribuan rupiah (Rp 000), dibulatkan dari laporan Siskeudes desa.'])
    ws.append(['Sumber: Operator Kecamatan Telaga Antang, rekap 20 Januari 2025'])
    wb.save(OUT / fn)
    add_manifest(fn, kode, tahun, 'realisasi', lines,
                 'habit: kecamatan/DPMD monitoring sheets and LKPPD/APBD summaries stated "(dalam ribuan rupiah)"; no public village example found',
                 'ALL amounts in thousands of rupiah: title line "(dalam ribuan rupiah)", headings "Anggaran (Rp 000)", a note under the table; plain numbers (1.024.388 = Rp 1.024.388.000); level-3 codes; JUMLAH rows; % column; sheet named after the village. manifest totals in RUPIAH (x1000). line_items = 6 + 14 + 2',
                 realisasi=True)


# ============================================================ F6
def f6():
    """Siskeudes 'Export to Excel' (Crystal Reports, Excel 97-2003 .xls): Penjabaran APBDes per kegiatan."""
    import xlwt  # only to build this fixture, not a project dependency: pip install xlwt beside openpyxl
    kode, tahun = '62.02.12.2002', 2025  # Terantang, Seranau
    fn = 'Penjabaran_APBDes_2025_Terantang.xls'
    pend = [('4.1.2.01', 8_000_000, 'PAD'), ('4.2.1.01', 798_512_000, 'DDS'), ('4.2.2.01', 30_140_000, 'PBH'),
            ('4.2.3.01', 421_388_000, 'ADD'), ('4.3.6.01', 900_000, 'DLL')]
    keg = [('1.1.01', [('5.1.1.01', 57_600_000, 'ADD'), ('5.1.1.02', 7_200_000, 'ADD')]),
           ('1.1.02', [('5.1.2.01', 216_000_000, 'ADD'), ('5.1.2.02', 14_400_000, 'ADD')]),
           ('1.1.04', [('5.2.1.01', 9_850_000, 'ADD'), ('5.2.2.02', 18_000_000, 'ADD'), ('5.2.5.01', 6_000_000, 'PBH')]),
           ('1.1.05', [('5.1.4.01', 36_000_000, 'ADD'), ('5.1.4.02', 10_800_000, 'ADD')]),
           ('2.3.01', [('5.3.5.01', 9_500_000, 'DDS'), ('5.3.5.02', 86_400_000, 'DDS'), ('5.3.5.03', 315_522_000, 'DDS')]),
           ('2.2.02', [('5.2.2.05', 21_600_000, 'DDS'), ('5.2.1.06', 24_000_000, 'DDS')]),
           ('4.2.03', [('5.2.7.05', 159_700_000, 'DDS')]),
           ('3.4.01', [('5.2.1.06', 9_000_000, 'PBH'), ('5.2.3.01', 6_540_000, 'PBH')]),
           ('1.2.01', [('5.3.2.03', 12_000_000, 'PAD'), ('5.3.2.04', 14_828_000, 'ADD')]),
           ('5.3.01', [('5.4.1.01', 240_000_000, 'DDS')])]
    pemb = [('6.1.1.01', 36_000_000, 'SILPA'), ('6.2.2.01', 20_000_000, 'DDS')]
    P = sum(x[1] for x in pend); B = sum(a for _, its in keg for _, a, _ in its)
    assert P - B + 16_000_000 == 0, P - B + 16_000_000
    wb = xlwt.Workbook(encoding='utf-8'); ws = wb.add_sheet('Penjabaran APBDes')
    num = xlwt.easyxf(num_format_str='#,##0.00')
    bold = xlwt.easyxf('font: bold on')
    r = [0]
    def row(vals, st=None):
        for c, v in enumerate(vals):
            if v is None:
                continue
            if isinstance(v, int) and c >= 3:
                ws.write(r[0], c, v, num)
            elif st is not None:
                ws.write(r[0], c, v, st)
            else:
                ws.write(r[0], c, v)
        r[0] += 1
    row(['PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR'], bold)
    row(['PENJABARAN APBDES'], bold)
    row(['PEMERINTAH DESA TERANTANG KECAMATAN SERANAU'], bold)
    row(['TAHUN ANGGARAN 2025'], bold)
    r[0] += 1
    row(['KODE REKENING', None, 'URAIAN', 'ANGGARAN (Rp)', 'SUMBER DANA'], bold)
    lines = []
    row(['4.', None, 'PENDAPATAN', P])
    for k, a, s in pend:
        row([k + '.', None, REK[k], a, s]); lines.append({'sec': 'pendapatan', 'kode': k, 'anggaran': a})
    row([None, None, 'JUMLAH PENDAPATAN', P])
    row(['5.', None, 'BELANJA', B])
    for kk, its in keg:
        kc = '.'.join(f"{int(x):02d}" for x in kk.split('.')) + '.'
        row([kc, None, KEG[kk], sum(a for _, a, _ in its)])
        for k, a, s in its:
            row([None, k + '.', REK[k], a, s]); lines.append({'sec': 'belanja', 'kode': k, 'anggaran': a})
    row([None, None, 'JUMLAH BELANJA', B])
    row([None, None, 'SURPLUS/(DEFISIT)', P - B])
    row(['6.', None, 'PEMBIAYAAN', None])
    row(['6.1.', None, 'Penerimaan Pembiayaan', 36_000_000])
    row([None, '6.1.1.01.', 'SILPA Tahun Sebelumnya', 36_000_000, 'SILPA']); lines.append({'sec': 'pembiayaan_penerimaan', 'kode': '6.1.1.01', 'anggaran': 36_000_000})
    row(['6.2.', None, 'Pengeluaran Pembiayaan', 20_000_000])
    row([None, '6.2.2.01.', 'Penyertaan Modal Desa', 20_000_000, 'DDS']); lines.append({'sec': 'pembiayaan_pengeluaran', 'kode': '6.2.2.01', 'anggaran': 20_000_000})
    row([None, None, 'PEMBIAYAAN NETTO', 16_000_000])
    r[0] += 1
    row([None, None, None, 'Terantang, 20 Desember 2024'])
    row([None, None, None, 'Kepala Desa Terantang'])
    r[0] += 2
    row([None, None, None, 'RUSDIANSYAH'])
    wb.save(str(OUT / fn))
    add_manifest(fn, kode, tahun, 'anggaran', lines,
                 'Siskeudes 2.0 report "Penjabaran APBDes" exported with the report viewer\'s "Export > Microsoft Excel 97-2000" (Crystal Reports) = BIFF8 .xls; layout simplified (no spacer columns)',
                 'legacy .xls (BIFF8, Excel 97-2003) file; belanja per kegiatan (01.01.01. in col A) with objek codes 5.x.x.xx. in col B (two code columns under one heading); trailing dots; 5.2.1.06 repeated under two kegiatan; real numeric cells; JUMLAH/SURPLUS/NETTO rows. line_items = 5 + 20 + 2')


# ============================================================ F7
def f7():
    """Baliho APBDes laid out in Excel: Pendapatan block left, Belanja block right, Pembiayaan below."""
    kode, tahun = '62.02.10.2016', 2024  # Buntut Nusa, Antang Kalang
    fn = 'Baliho APBDes Buntut Nusa 2024.xlsx'
    pend = [('Pendapatan Asli Desa', '4.1', 7_500_000), ('Dana Desa', '4.2.1', 878_902_000),
            ('Bagi Hasil Pajak & Retribusi', '4.2.2', 33_616_000), ('Alokasi Dana Desa', '4.2.3', 447_310_000),
            ('Bantuan Keuangan Kabupaten', '4.2.5', 50_000_000), ('Bunga Bank', '4.3.6', 1_100_000)]
    bel = [('Bidang Penyelenggaraan Pemerintahan Desa', '1', 604_882_000), ('Bidang Pelaksanaan Pembangunan Desa', '2', 488_946_000),
           ('Bidang Pembinaan Kemasyarakatan', '3', 46_200_000), ('Bidang Pemberdayaan Masyarakat', '4', 208_400_000),
           ('Bidang Penanggulangan Bencana, Darurat dan Mendesak Desa', '5', 108_000_000)]
    pemb = [('Penerimaan Pembiayaan (SiLPA 2023)', '6.1', 58_000_000), ('Pengeluaran Pembiayaan (Penyertaan Modal BUMDes)', '6.2', 20_000_000)]
    P = sum(x[2] for x in pend); B = sum(x[2] for x in bel)
    assert P - B + 38_000_000 == 0, P - B + 38_000_000
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'BALIHO'
    ws['A1'] = 'APBDes TAHUN ANGGARAN 2024'
    ws['A2'] = 'PEMERINTAH DESA BUNTUT NUSA KECAMATAN ANTANG KALANG'
    ws.merge_cells('A1:G1'); ws.merge_cells('A2:G2')
    ws['A1'].font = Font(bold=True, size=20); ws['A1'].alignment = Alignment(horizontal='center')
    ws['A2'].alignment = Alignment(horizontal='center')
    ws['A4'] = 'PENDAPATAN'; ws['E4'] = 'BELANJA'
    ws['A5'] = 'Uraian'; ws['B5'] = 'Anggaran (Rp)'; ws['E5'] = 'Uraian'; ws['F5'] = 'Anggaran (Rp)'
    rp = lambda n: 'Rp ' + idr(n, dec=False)
    lines = []
    for i, (u, k, a) in enumerate(pend):
        ws.cell(6 + i, 1, u); ws.cell(6 + i, 2, rp(a)); lines.append({'sec': 'pendapatan', 'kode': k, 'anggaran': a})
    for i, (u, k, a) in enumerate(bel):
        ws.cell(6 + i, 5, u); ws.cell(6 + i, 6, rp(a)); lines.append({'sec': 'belanja', 'kode': k, 'anggaran': a})
    end = 6 + max(len(pend), len(bel))
    ws.cell(end, 1, 'TOTAL PENDAPATAN'); ws.cell(end, 2, rp(P))
    ws.cell(end, 5, 'TOTAL BELANJA'); ws.cell(end, 6, rp(B))
    ws.cell(end + 1, 5, 'DEFISIT'); ws.cell(end + 1, 6, rp(B - P))
    ws.cell(end + 3, 1, 'PEMBIAYAAN')
    ws.cell(end + 4, 1, 'Uraian'); ws.cell(end + 4, 2, 'Anggaran (Rp)')
    for i, (u, k, a) in enumerate(pemb):
        ws.cell(end + 5 + i, 1, u); ws.cell(end + 5 + i, 2, rp(a))
        lines.append({'sec': 'pembiayaan_penerimaan' if k == '6.1' else 'pembiayaan_pengeluaran', 'kode': k, 'anggaran': a})
    ws.cell(end + 7, 1, 'PEMBIAYAAN NETTO'); ws.cell(end + 7, 2, rp(38_000_000))
    ws.cell(end + 9, 1, 'Sumber: Perdes Buntut Nusa No. 01 Tahun 2024 tentang APBDes TA 2024. "Mari bersama mengawasi penggunaan dana desa"')
    for c, w in zip('ABCDEFG', (48, 20, 3, 3, 55, 20, 3)):
        ws.column_dimensions[c].width = w
    wb.save(OUT / fn)
    add_manifest(fn, kode, tahun, 'anggaran', lines,
                 'habit: the APBDes baliho/banner (required public information board, Permendesa/Permendagri transparency rule) laid out in Excel before printing; example banners on many desa websites; no public xlsx found',
                 'two tables SIDE BY SIDE on one sheet (PENDAPATAN in A:B, BELANJA per bidang in E:F, rows shared), PEMBIAYAAN block below; no codes, names only ("Bagi Hasil Pajak & Retribusi", "Bantuan Keuangan Kabupaten", "SiLPA 2023" in brackets); amounts "Rp 878.902.000"; big merged title; DEFISIT row; slogan line. line_items = 6 + 5 + 2 (summary level)')


# ============================================================ F8 (reject)
def f8():
    """Realisasi CSV whose JUMLAH BELANJA realisasi disagrees with its lines (typo)."""
    kode, tahun = '62.02.09.2010', 2023  # Babaung, Pulau Hanaut
    fn = 'realisasi_apbdes_babaung_2023.csv'
    pend = [('4.2.1', 801_226_000, 801_226_000), ('4.2.2', 27_400_000, 27_400_000), ('4.2.3', 401_650_000, 401_650_000), ('4.3.6', 1_000_000, 1_320_500)]
    bel = [('5.1.1', 64_800_000, 64_800_000), ('5.1.2', 208_800_000, 208_800_000), ('5.1.4', 40_500_000, 40_500_000),
           ('5.2.1', 89_400_000, 86_115_000), ('5.2.2', 77_000_000, 75_250_000), ('5.2.7', 210_776_000, 209_900_000),
           ('5.3.5', 450_000_000, 447_380_000), ('5.4.1', 120_000_000, 120_000_000)]
    pemb = [('6.1.1', 30_000_000, 30_000_000)]
    PA = sum(x[1] for x in pend); BA = sum(x[1] for x in bel)
    assert PA - BA + 30_000_000 == 0
    lines = []
    with open(OUT / fn, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, delimiter=';')
        w.writerow(['LAPORAN REALISASI APBDES DESA BABAUNG TAHUN ANGGARAN 2023'])
        w.writerow(['Kode Rekening', 'Uraian', 'Anggaran', 'Realisasi'])
        for items, tot in ((pend, 'JUMLAH PENDAPATAN'), (bel, 'JUMLAH BELANJA')):
            for k, a, r in items:
                w.writerow([k, REK[k], idr(a), idr(r)])
                lines.append({'sec': sec_of(k), 'kode': k, 'anggaran': a, 'realisasi': r})
            ta = sum(x[1] for x in items); tr = sum(x[2] for x in items)
            if tot == 'JUMLAH BELANJA':
                tr += 1_250_000  # the substance error: written total 1.250.000 above the lines
            w.writerow(['', tot, idr(ta), idr(tr)])
        for k, a, r in pemb:
            w.writerow([k, REK[k], idr(a), idr(r)])
            lines.append({'sec': sec_of(k), 'kode': k, 'anggaran': a, 'realisasi': r})
    add_manifest(fn, kode, tahun, 'realisasi', lines, 'plain operator CSV (semicolon, Indonesian numbers)',
                 'JUMLAH BELANJA realisasi written 1.250.000 above the sum of its lines (anggaran column correct)', realisasi=True,
                 expect='reject', why='the file\'s own total JUMLAH BELANJA (realisasi) disagrees with its 8 lines by Rp 1.250.000: published realisasi would be unverifiable')


for fn_ in (f1, f2, f3, f4, f5, f6, f7, f8):
    fn_()
(OUT / 'probes').mkdir(exist_ok=True)
f3(number_totals=False, fn='probes/basirih_totals_unnumbered.xlsx', probe=True)
json.dump(MANIFEST, open(OUT / 'manifest.json', 'w'), indent=1, ensure_ascii=False)
print(len(MANIFEST), 'files')
