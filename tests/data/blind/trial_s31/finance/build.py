"""Build trial-3 APBDes files (blind trial) + manifest.json.
Run: /work/main/.venv/bin/python build.py   (writes next to this file)"""
import csv, json, random
from pathlib import Path
import openpyxl
from openpyxl.styles import Font, Alignment
from openpyxl.utils import get_column_letter

OUT = Path(__file__).resolve().parent
REF = Path(__file__).resolve().parents[5] / 'reference'
REK = {r['kode']: r['uraian'] for r in csv.DictReader(open(REF / 'apbdes_rekening.csv', encoding='utf-8'))}
KEG = {r['kode']: r['uraian'] for r in csv.DictReader(open(REF / 'bidang_kegiatan.csv', encoding='utf-8'))}
VIL = {r['kode_desa']: r for r in csv.DictReader(open(REF / 'kotim_villages.csv', encoding='utf-8'))}
SEC = {'4': 'pendapatan', '5': 'belanja', '6.1': 'pembiayaan_penerimaan', '6.2': 'pembiayaan_pengeluaran'}
MANIFEST = []


def sec_of(k):
    k = k.rstrip('.')
    return SEC.get(k[:3]) or SEC.get(k[:1])


def idr(n, dec=True, zero='0,00'):
    """Indonesian format 1.234.567,00"""
    if n == 0:
        return zero
    s = f'{abs(n):,.0f}'.replace(',', '.')
    s = s + (',00' if dec else '')
    return ('-' + s) if n < 0 else s


def paren(n, dec=True):
    s = idr(abs(n), dec, zero='-')
    return f'({s})' if n < 0 else s


def totals(leaves, idx=None):
    t = {}
    for k, v in leaves.items():
        a = v if idx is None else v[idx]
        s = sec_of(k)
        t[s] = t.get(s, 0) + a
    return t


def parents(kode):
    p = kode.split('.')
    return ['.'.join(p[:i]) for i in range(1, len(p))]


def tree(leaves):
    """ordered list of (kode, is_leaf) incl. level 1-3 parents, and subtotal dict (tuple-aware)."""
    sub = {}
    order = []
    for k in sorted(leaves, key=lambda x: [int(y) if y.isdigit() else y for y in x.split('.')]):
        for p in parents(k):
            if p not in sub:
                order.append((p, False))
                sub[p] = None
            v = leaves[k]
            sub[p] = v if sub[p] is None else (tuple(a + b for a, b in zip(sub[p], v)) if isinstance(v, tuple) else sub[p] + v)
        order.append((k, True))
    return order, sub


def base_budget(seed, scale=1.0):
    r = random.Random(seed)
    def amt(lo, hi, step=1000):
        return int(r.randint(int(lo * scale) // step, int(hi * scale) // step) * step)
    pend = {'4.1.1.01': amt(5e6, 2e7), '4.1.2.01': amt(2e6, 1.2e7), '4.2.1.01': amt(7.5e8, 1.1e9),
            '4.2.2.01': amt(3e7, 6e7), '4.2.3.01': amt(4.5e8, 6.5e8), '4.2.4.01': amt(5e7, 1e8), '4.3.6.01': amt(1e6, 3e6)}
    silpa = amt(3e7, 9e7)
    peny = amt(2e7, 5e7, 1000000)
    bel_keys = ['5.1.1.01', '5.1.1.02', '5.1.2.01', '5.1.2.02', '5.1.3.01', '5.1.3.02', '5.1.4.01', '5.2.1.01', '5.2.1.06',
                '5.2.2.01', '5.2.3.01', '5.2.5.01', '5.2.7.01', '5.3.4.03', '5.3.5.02', '5.3.5.03', '5.4.1.01']
    wts = [9, 3, 30, 6, 1, 3, 5, 2, 4, 6, 2, 1, 8, 7, 6, 18, 1]
    total_bel = sum(pend.values()) + silpa - peny
    bel = {}
    acc = 0
    for k, w in zip(bel_keys, wts):
        a = int(total_bel * w / sum(wts) // 1000 * 1000)
        bel[k] = a; acc += a
    bel['5.3.5.03'] += total_bel - acc  # balance exactly
    leaves = {**pend, **bel, '6.1.1.01': silpa, '6.2.2.01': peny}
    return leaves


def realise(leaves, seed, lo=0.7, hi=1.0):
    r = random.Random(seed)
    out = {}
    for k, a in leaves.items():
        f = 1.0 if k.startswith(('4.2.1', '4.2.3', '6.1.1', '6.2.2', '5.1.1', '5.1.2')) else r.uniform(lo, hi)
        out[k] = int(a * f)
    return out


def man(file, kode, tahun, tahap, n, anggaran=None, realisasi=None, source='', shape='', **kw):
    v = VIL[kode]
    m = {'file': file, 'record_type': 'apbdes', 'kode_desa': kode, 'desa': v['nama_desa'], 'tahun': tahun,
         'tahap': tahap, 'line_items': n}
    if anggaran: m['anggaran'] = anggaran
    if realisasi: m['realisasi'] = realisasi
    m.update(source=source, shape=shape, **kw)
    MANIFEST.append(m)


def autow(ws, widths):
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


# ---------------------------------------------------------------- F1 website article table (realisasi, belanja per bidang)
def f1():
    kode = '62.02.09.2004'; desa = 'SATIRUK'; th = 2023
    r = random.Random(11)
    pend = {'4.1.1': 12_500_000, '4.1.4': 4_300_000, '4.2.1': 918_442_000, '4.2.2': 41_870_000, '4.2.3': 512_960_000,
            '4.2.4': 75_000_000, '4.3.6': 0}
    pend_r = {'4.1.1': 9_750_000, '4.1.4': 4_300_000, '4.2.1': 918_442_000, '4.2.2': 33_496_120, '4.2.3': 512_960_000,
              '4.2.4': 75_000_000, '4.3.6': 2_184_337}
    # belanja per bidang / sub bidang (website numbering 5.<bidang>.<sub bidang>)
    subs = [('1', '1'), ('1', '2'), ('1', '4'), ('2', '1'), ('2', '2'), ('2', '3'), ('3', '1'), ('3', '3'), ('4', '2'), ('4', '3'), ('5', '3')]
    silpa = 64_318_455; peny = 25_000_000
    tot_bel = sum(pend.values()) + silpa - peny
    w = [52, 9, 6, 4, 8, 96, 3, 2, 5, 4, 1]
    bel = {}; acc = 0
    for (b, s), wt in zip(subs, w):
        a = tot_bel * wt // sum(w) // 1000 * 1000; bel[(b, s)] = a; acc += a
    bel[('2', '3')] += tot_bel - acc
    bel_r = {k: (v if k[0] == '1' and k[1] == '1' else int(v * r.uniform(0.82, 0.99))) for k, v in bel.items()}
    rows = [['LAPORAN REALISASI PELAKSANAAN ANGGARAN PENDAPATAN DAN BELANJA DESA PEMERINTAH DESA ' + desa + ' TAHUN ANGGARAN ' + str(th)],
            ['', 'Uraian', 'Anggaran (Rp)', 'Realisasi (Rp)', 'Lebih/(Kurang)(Rp)', 'Persentase (%)']]
    def line(k, u, a, re):
        pct = f'{re / a * 100:.2f}%'.replace('.', ',') if a else '0,00%'
        return [k, u, idr(a), idr(re), idr(a - re), pct]
    rows.append(['4', 'PENDAPATAN', '', '', '', ''])
    for grp in ['4.1', '4.2', '4.3']:
        ks = [k for k in pend if k.startswith(grp + '.')]
        rows.append(line(grp, {'4.1': 'Pendapatan Asli Desa', '4.2': 'Transfer Desa', '4.3': 'Pendapatan Lain-Lain Desa'}[grp],
                         sum(pend[k] for k in ks), sum(pend_r[k] for k in ks)))
        for k in ks:
            rows.append(line(k, REK[k], pend[k], pend_r[k]))
    rows.append(['JUMLAH PENDAPATAN', '', idr(sum(pend.values())), idr(sum(pend_r.values())), idr(sum(pend.values()) - sum(pend_r.values())),
                 f'{sum(pend_r.values()) / sum(pend.values()) * 100:.2f}'.replace('.', ',')])
    rows.append(['5', 'BELANJA', '', '', '', ''])
    for b in '12345':
        ks = [k for k in bel if k[0] == b]
        rows.append(line(f'5.{b}', KEG[b], sum(bel[k] for k in ks), sum(bel_r[k] for k in ks)))
        for k in ks:
            rows.append(line(f'5.{b}.{k[1]}', KEG[f'{b}.{k[1]}'], bel[k], bel_r[k]))
    tb, tbr = sum(bel.values()), sum(bel_r.values())
    rows.append(['JUMLAH BELANJA', '', idr(tb), idr(tbr), idr(tb - tbr), f'{tbr / tb * 100:.2f}'.replace('.', ',')])
    tp, tpr = sum(pend.values()), sum(pend_r.values())
    rows.append(['SURPLUS / (DEFISIT)', '', idr(tp - tb), idr(tpr - tbr), '', ''])
    rows.append(['6', 'PEMBIAYAAN', '', '', '', ''])
    rows.append(line('6.1', 'Penerimaan Pembiayaan', silpa, silpa)); rows.append(line('6.1.1', 'SILPA Tahun Sebelumnya', silpa, silpa))
    rows.append(line('6.2', 'Pengeluaran Pembiayaan', peny, peny)); rows.append(line('6.2.2', 'Penyertaan Modal Desa', peny, peny))
    rows.append(['PEMBIAYAAN NETTO', '', idr(silpa - peny), idr(silpa - peny), '', ''])
    rows.append(['SISA LEBIH/(KURANG) PEMBIAYAAN ANGGARAN', '', idr(tp - tb + silpa - peny), idr(tpr - tbr + silpa - peny), '', ''])
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Sheet1'
    for rw in rows:
        ws.append(rw)
    ws.merge_cells('A1:F1'); ws['A1'].alignment = Alignment(wrap_text=True)
    autow(ws, [8, 60, 20, 20, 20, 14])
    fn = 'laporan-realisasi-apbdes-2023-satiruk (salin dari web).xlsx'
    wb.save(OUT / fn)
    n = len(pend) + len(bel) + 2
    man(fn, kode, th, 'realisasi', n,
        anggaran={'pendapatan': tp, 'belanja': tb, 'pembiayaan_penerimaan': silpa, 'pembiayaan_pengeluaran': peny},
        realisasi={'pendapatan': tpr, 'belanja': tbr, 'pembiayaan_penerimaan': silpa, 'pembiayaan_pengeluaran': peny},
        source='desa website (OpenSID artikel) table, e.g. https://lebih.desa.id/artikel/2026/2/28/laporan-realisasi-apdes-2023, copied to Excel',
        shape='levels 1-3 only (amounts on level 2 and 3); belanja coded PER BIDANG as 5.<bidang>.<sub bidang> (5.1 = Bidang Penyelenggaraan '
              'Pemerintahan, NOT Belanja Pegawai); kode header empty; text amounts 1.234.567,00; negative -1.234,00; % strings; '
              'JUMLAH/SURPLUS/NETTO rows with label in kode column; 4.3.6 anggaran 0 but realisasi >0. line_items = level-3 lines '
              '(7 pendapatan incl. 4.3.6, 11 sub bidang, 2 pembiayaan)',
        note='4.3.6 Bunga Bank has anggaran 0,00 and realisasi 2.184.337 (typical: bank interest not budgeted)')


# ---------------------------------------------------------------- F2 OpenDK Format_Upload_APBDes (no_akun 412-01)
def f2():
    kode = '62.02.01.2017'; th = 2025
    leaves = base_budget(2, 1.0)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'APBDES'
    ws.append(['no_akun', 'nama_akun', 'jumlah'])
    for k in sorted(leaves, key=lambda x: [int(y) for y in x.split('.')]):
        p = k.split('.')
        ws.append([f'{p[0]}{p[1]}{p[2]}-{p[3]}', REK[k], leaves[k]])
    autow(ws, [10, 70, 16])
    fn = 'Format_Upload_APBDes_Soren_2025.xlsx'
    wb.save(OUT / fn)
    man(fn, kode, th, 'anggaran', len(leaves), anggaran=totals(leaves),
        source='OpenDK import template /work/shared/reference/opendk_Format_Upload_APBDes.xlsx (OpenSID/opendk Format_Upload_APBDes)',
        shape="OpenDK upload shape: sheet 'APBDES', columns no_akun|nama_akun|jumlah, codes written '421-01' (jenis digits joined, "
              "dash before objek); level-4 only; village and year ONLY in the file name")


# ---------------------------------------------------------------- F3 Perdes Perubahan CSV cp1252 ';'
def f3():
    kode = '62.02.03.2001'; th = 2024
    sem = base_budget(3, 0.95)
    men = dict(sem)
    men['4.2.2.01'] = sem['4.2.2.01'] - 4_250_000      # BHPR turun
    men['6.1.1.01'] = sem['6.1.1.01'] + 18_736_420     # SILPA audit
    men['4.3.4.01'] = 15_000_000                        # hibah pihak ketiga (baru)
    sem['4.3.4.01'] = 0
    delta = (men['6.1.1.01'] - sem['6.1.1.01']) + (men['4.2.2.01'] - sem['4.2.2.01']) + 15_000_000
    men['5.3.4.03'] = sem['5.3.4.03'] + delta - 12_000_000
    men['5.2.7.01'] = sem['5.2.7.01'] + 12_000_000
    men['5.2.3.01'] = sem['5.2.3.01'] - 3_000_000
    men['5.2.2.01'] = sem['5.2.2.01'] + 3_000_000
    both = {k: (sem[k], men[k]) for k in men}
    order, sub = tree(both)
    ket = {'6.1.1.01': 'Penyesuaian SiLPA – hasil pemeriksaan Inspektorat', '4.3.4.01': 'Hibah CSR – PT perkebunan',
           '4.2.2.01': 'Sesuai Perbup alokasi BHPR', '5.3.4.03': 'Tambahan material balai – “gedung serbaguna”'}
    lines = [['PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR'], ['KECAMATAN MENTAYA HULU'], ['DESA TANGAR'], [],
             ['LAMPIRAN I PERATURAN DESA TANGAR NOMOR 04 TAHUN 2024'],
             ['TENTANG PERUBAHAN ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN 2024'], [''],
             ['KODE REKENING', 'URAIAN', 'ANGGARAN SEBELUM PERUBAHAN (Rp)', 'ANGGARAN SETELAH PERUBAHAN (Rp)', 'BERTAMBAH/(BERKURANG) (Rp)', 'KETERANGAN'],
             ['1', '2', '3', '4', '5', '6']]
    def emit(k, v):
        s, m = v
        u = REK[k]
        lvl = k.count('.') + 1
        if lvl <= 2: u = u.upper()
        if k == '6':  # akun PEMBIAYAAN carries no amount (penerimaan and pengeluaran are not added)
            lines.append([k + '.', u, '', '', '', '']); return
        lines.append([k + '.', u, idr(s, zero='-'), idr(m, zero='-'), paren(m - s), ket.get(k, '')])
    tot = {}
    for k, leaf in order:
        if k in ('5', '6') and '4' in tot:
            pass
        if k == '5':
            s, m = sub['4']; lines.append(['', 'JUMLAH PENDAPATAN', idr(s), idr(m), paren(m - s), ''])
        if k == '6':
            s, m = sub['5']; lines.append(['', 'JUMLAH BELANJA', idr(s), idr(m), paren(m - s), ''])
            ps, pm = sub['4']; lines.append(['', 'SURPLUS / (DEFISIT)', paren(ps - s), paren(pm - m), paren((pm - m) - (ps - s)), ''])
        if k == '6.2':
            s, m = sub['6.1']; lines.append(['', 'JUMLAH PENERIMAAN PEMBIAYAAN', idr(s), idr(m), paren(m - s), ''])
        emit(k, both[k] if leaf else sub[k])
    s, m = sub['6.2']; lines.append(['', 'JUMLAH PENGELUARAN PEMBIAYAAN', idr(s), idr(m), paren(m - s), ''])
    ns, nm = sub['6.1'][0] - sub['6.2'][0], sub['6.1'][1] - sub['6.2'][1]
    lines.append(['', 'PEMBIAYAAN NETTO', idr(ns), idr(nm), paren(nm - ns), ''])
    lines.append(['', 'SISA LEBIH PEMBIAYAAN ANGGARAN (SILPA) TAHUN BERJALAN', '-', '-', '-', ''])
    lines += [[], ['', 'Tangar, 16 September 2024'], ['', 'KEPALA DESA TANGAR'], [], ['', 'ttd'], ['', 'YOHANES BANGKAN']]
    fn = 'LAMPIRAN PERDES PERUBAHAN APBDES TANGAR 2024.csv'
    with open(OUT / fn, 'w', encoding='cp1252', newline='') as f:
        w = csv.writer(f, delimiter=';', lineterminator='\r\n')
        for l in lines:
            w.writerow((list(l) + [''] * 6)[:6])  # Excel pads every row to the used range
    n = len(men)
    man(fn, kode, th, 'anggaran_perubahan', n, anggaran=totals(men),
        source='Permendagri 20/2018 Perdes Perubahan APBDes lampiran as saved from Excel (habit: Save As CSV on Indonesian Windows)',
        shape="Windows-1252, ';' delimiter, CRLF, 9 title/heading rows incl. a '1..6' column-number row; codes with trailing dots "
              "('4.1.1.01.'); levels 1-4 with subtotals; amounts 1.234.567,00, zero as '-', negative in parentheses; three amount "
              "columns SEBELUM / SETELAH PERUBAHAN / BERTAMBAH(BERKURANG) -> anggaran = SETELAH; JUMLAH/SURPLUS/NETTO rows with "
              "empty kode; en-dash and curly quotes in KETERANGAN (cp1252 bytes 0x96/0x93/0x94); signature block at end",
        sebelum_perubahan=totals(sem))


# ---------------------------------------------------------------- F4 LRA semester I / II, Petunjuk sheet, hidden col, frozen
def f4():
    kode = '62.02.07.2001'; th = 2023
    ang = base_budget(4, 1.05)
    rea = realise(ang, 44, 0.8, 1.0)
    r = random.Random(4)
    s1 = {}
    for k, v in rea.items():
        f = 0.4 if k.startswith(('4.2.1', '4.2.3')) else r.uniform(0.25, 0.6)
        s1[k] = int(v * f)
    vals = {k: (ang[k], s1[k], rea[k] - s1[k], rea[k]) for k in ang}
    order, sub = tree(vals)
    wb = openpyxl.Workbook()
    p = wb.active; p.title = 'Petunjuk'
    for t in ['PETUNJUK PENGISIAN', '1. Isi kolom Realisasi Semester I dan Semester II dari Laporan Realisasi Siskeudes.',
              '2. Kolom JUMLAH = Semester I + Semester II.', '3. Kolom LEBIH/(KURANG) = Anggaran - Jumlah Realisasi.',
              '4. Jangan mengubah kode rekening. Kolom B (ID) jangan dihapus.', '5. Kirim ke DPMD Kab. Kotawaringin Timur paling lambat 31 Januari.']:
        p.append([t])
    ws = wb.create_sheet('LRA TA 2023')
    ws.append(['PEMERINTAH DESA PONDOK DAMAR'])
    ws.append(['KECAMATAN MENTAYA HILIR UTARA KABUPATEN KOTAWARINGIN TIMUR'])
    ws.append(['LAPORAN REALISASI PELAKSANAAN APB DESA PER SEMESTER'])
    ws.append(['TAHUN ANGGARAN 2023'])
    ws.append([])
    ws.append(['KODE REKENING', 'ID', 'URAIAN', 'ANGGARAN (Rp)', 'REALISASI (Rp)', None, None, 'LEBIH/(KURANG) (Rp)', '%'])
    ws.append([None, None, None, None, 'SEMESTER I', 'SEMESTER II', 'JUMLAH', None, None])
    for c in 'ABCDHI':
        ws.merge_cells(f'{c}6:{c}7')
    ws.merge_cells('E6:G6')
    for row in ws.iter_rows(min_row=6, max_row=7):
        for c in row:
            c.font = Font(bold=True); c.alignment = Alignment(horizontal='center', vertical='center', wrap_text=True)
    i = 0
    numfmt = '#,##0;(#,##0);"-"'
    for k, leaf in order:
        i += 1
        a, x1, x2, j = vals[k] if leaf else sub[k]
        pct = round(j / a * 100, 2) if a else 0
        u = REK[k] if k.count('.') >= 2 else REK[k].upper()
        if k == '6':
            ws.append([k, 1000 + i, u]); ws[f'A{ws.max_row}'].font = Font(bold=True); continue
        ws.append([k, 1000 + i, u, a, x1, x2, j, a - j, pct])
        rr = ws.max_row
        for c in 'DEFGH':
            ws[f'{c}{rr}'].number_format = numfmt
        ws[f'I{rr}'].number_format = '0.00'
        if not leaf:
            for c in 'ABCDEFGHI':
                ws[f'{c}{rr}'].font = Font(bold=True)
        if k == '5.4.1.01' or (leaf and k == max(x for x in ang if x.startswith('4'))):
            pass
    ws.append([None, None, 'JUMLAH PENDAPATAN', *[sub['4'][i] for i in range(4)], sub['4'][0] - sub['4'][3], None])
    ws.append([None, None, 'JUMLAH BELANJA', *[sub['5'][i] for i in range(4)], sub['5'][0] - sub['5'][3], None])
    ws.append([None, None, 'PEMBIAYAAN NETTO', *[sub['6.1'][i] - sub['6.2'][i] for i in range(4)], None, None])
    for rr in range(ws.max_row - 2, ws.max_row + 1):
        for c in 'DEFGH':
            ws[f'{c}{rr}'].number_format = numfmt
    ws.append([]); ws.append([None, None, None, None, None, None, 'Pondok Damar, 15 Januari 2024'])
    ws.append([None, None, None, None, None, None, 'Kepala Desa Pondok Damar']); ws.append([]); ws.append([])
    ws.append([None, None, None, None, None, None, 'SUPRIYADI'])
    ws.column_dimensions['B'].hidden = True
    ws.freeze_panes = 'D8'
    autow(ws, [13, 6, 62, 17, 17, 17, 17, 17, 8])
    wb.active = 0
    fn = 'LRA_Semester_PondokDamar_2023.xlsx'
    wb.save(OUT / fn)
    man(fn, kode, th, 'realisasi', len(ang), anggaran=totals(ang), realisasi=totals(rea),
        source='habit: DPMD-circulated realisasi per semester form (Permendagri 20/2018 laporan semester pertama/akhir tahun merged in one sheet); no public example of the exact sheet found',
        shape="first sheet is 'Petunjuk' (instructions), data on 2nd sheet; 4 title rows; 2-row merged header (REALISASI over SEMESTER I | "
              "SEMESTER II | JUMLAH); hidden column B 'ID' with internal numbers; frozen panes; levels 1-4 with bold subtotals; numeric "
              "cells, negative LEBIH/(KURANG) shown as (x) by number format; % column; JUMLAH rows with kode empty; signature. "
              "realisasi = JUMLAH column",
        semester_I=totals({k: v[1] for k, v in vals.items()}))


# ---------------------------------------------------------------- F5 Penjabaran with split kode columns a b c d, kegiatan grouping
def f5():
    kode = '62.02.13.2009'; th = 2025
    pend = {'4.1.2.01': 6_000_000, '4.1.3.01': 9_500_000, '4.2.1.01': 1_012_384_000, '4.2.2.01': 47_215_000,
            '4.2.3.01': 598_760_000, '4.2.5.01': 60_000_000}
    silpa = 41_902_310; peny = 30_000_000
    keg = [  # (kegiatan kode, [(objek, vol, sat, amount, sumber)])
        ('1.1.01', [('5.1.1.01', 12, 'Bulan', 52_800_000, 'ADD'), ('5.1.1.02', 12, 'Bulan', 9_600_000, 'ADD')]),
        ('1.1.02', [('5.1.2.01', 12, 'Bulan', 211_200_000, 'ADD'), ('5.1.2.02', 12, 'Bulan', 38_400_000, 'ADD')]),
        ('1.1.03', [('5.1.3.01', 12, 'Bulan', 4_104_000, 'ADD'), ('5.1.3.02', 12, 'Bulan', 18_468_000, 'ADD')]),
        ('1.1.04', [('5.2.1.01', 1, 'Tahun', 14_750_000, 'ADD'), ('5.2.2.02', 12, 'Bulan', 21_600_000, 'ADD'),
                    ('5.2.3.01', 1, 'Tahun', 18_000_000, 'ADD'), ('5.2.5.01', 12, 'Bulan', 4_800_000, 'PBH')]),
        ('1.1.05', [('5.1.4.01', 12, 'Bulan', 45_000_000, 'ADD')]),
        ('1.4.01', [('5.2.1.01', 1, 'Paket', 1_250_000, 'ADD'), ('5.2.1.06', 4, 'Kali', 6_000_000, 'ADD')]),
        ('2.1.01', [('5.2.2.01', 12, 'Bulan', 28_800_000, 'DDS'), ('5.2.1.06', 1, 'Paket', 3_500_000, 'DDS')]),
        ('2.2.02', [('5.2.1.06', 12, 'Bulan', 36_000_000, 'DDS'), ('5.2.2.01', 12, 'Bulan', 25_200_000, 'DDS')]),
        ('2.3.10', [('5.3.5.02', 1, 'Paket', 96_500_000, 'DDS'), ('5.3.5.03', 850, 'M', 318_400_000, 'DDS'),
                    ('5.3.5.01', 1, 'Paket', 8_500_000, 'DDS')]),
        ('2.3.94', [('5.3.4.03', 1, 'Unit', 60_000_000, 'BKK')]),
        ('4.2.03', [('5.2.7.05', 1, 'Paket', 176_000_000, 'DDS')]),
        ('5.3.01', [('5.4.1.01', 1, 'Tahun', 0, 'DDS')]),
    ]
    tot_pend = sum(pend.values())
    tot_bel_target = tot_pend + silpa - peny
    cur = sum(a for _, items in keg for _, _, _, a, _ in items)
    # balance with BLT-DD style mendesak line
    keg[-1][1][0] = ('5.4.1.01', 12, 'Bulan', tot_bel_target - cur, 'DDS')
    assert tot_bel_target - cur > 0, tot_bel_target - cur
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Penjabaran'
    ws.append(['LAMPIRAN :'])
    ws.append(['PERATURAN KEPALA DESA BUKIT RAYA'])
    ws.append(['NOMOR     : 01  TAHUN   2025'])
    ws.append(['TENTANG PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA TA.2025'])
    ws.append(['PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA PEMERINTAH DESA BUKIT RAYA'])
    ws.append(['KECAMATAN CEMPAGA HULU'])
    ws.append(['TAHUN ANGGARAN 2025'])
    ws.append([])
    ws.append(['KODE  REKENING', None, None, None, 'URAIAN', 'KELUARAN/ OUTPUT', None, 'ANGGARAN', 'SUMBER DANA'])
    ws.append([None, None, None, None, None, 'VOLUME', 'SATUAN', None, None])
    ws.append(['1', None, None, None, '2', '3', '4', '5', '6'])
    ws.append(['a', 'b', 'c', 'd', None, 'a', 'b', None, None])
    ws.merge_cells('A9:D10'); ws.merge_cells('E9:E10'); ws.merge_cells('F9:G9'); ws.merge_cells('H9:H10'); ws.merge_cells('I9:I10')
    ws.merge_cells('A11:D11')
    def put(parts, u, vol=None, sat=None, a=None, sd=None, bold=False):
        parts = list(parts) + [None] * (4 - len(parts))
        ws.append([*parts, u, vol, sat, a, sd])
        rr = ws.max_row
        if a is not None: ws[f'H{rr}'].number_format = '#,##0'
        if bold:
            for c in 'ABCDEFGHI': ws[f'{c}{rr}'].font = Font(bold=True)
    def rekrow(k, a=None, vol=None, sat=None, sd=None, bold=False):
        put(k.split('.'), REK[k], vol, sat, a, sd, bold)
    # pendapatan
    rekrow('4', tot_pend, bold=True)
    done = set()
    for k in sorted(pend):
        for p in parents(k)[1:]:
            if p not in done:
                done.add(p); rekrow(p, sum(v for kk, v in pend.items() if kk.startswith(p + '.')), bold=True)
        sd = {'4.2.1.01': 'DDS', '4.2.2.01': 'PBH', '4.2.3.01': 'ADD', '4.2.5.01': 'BKK'}.get(k, 'PAD')
        rekrow(k, pend[k], 1, 'Tahun', sd)
    ws.append([None, None, None, None, 'JUMLAH PENDAPATAN', None, None, tot_pend, None]); ws[f'H{ws.max_row}'].number_format = '#,##0'
    # belanja per bidang / sub bidang / kegiatan / objek
    rekrow('5', tot_bel_target, bold=True)
    def keg_sum(pref):
        return sum(a for kk, items in keg if kk == pref or kk.startswith(pref + '.') for _, _, _, a, _ in items)
    seen = set()
    n_obj = 0
    for kk, items in keg:
        b, s, g = kk.split('.')
        if b not in seen:
            seen.add(b); put([b], KEG[b].upper(), a=keg_sum(b), bold=True)
        if f'{b}.{s}' not in seen:
            seen.add(f'{b}.{s}'); put([b, s], KEG[f'{b}.{s}'], a=keg_sum(f'{b}.{s}'), bold=True)
        put([b, s, g], KEG[kk], a=keg_sum(kk), bold=True)
        for obj, vol, sat, a, sd in items:
            rekrow(obj, a, vol, sat, sd); n_obj += 1
    ws.append([None, None, None, None, 'JUMLAH BELANJA', None, None, tot_bel_target, None]); ws[f'H{ws.max_row}'].number_format = '#,##0'
    ws.append([None, None, None, None, 'SURPLUS/(DEFISIT)', None, None, tot_pend - tot_bel_target, None]); ws[f'H{ws.max_row}'].number_format = '#,##0;(#,##0)'
    rekrow('6', None, bold=True); rekrow('6.1', silpa, bold=True); rekrow('6.1.1', silpa, bold=True); rekrow('6.1.1.01', silpa, 1, 'Tahun', 'SiLPA')
    rekrow('6.2', peny, bold=True); rekrow('6.2.2', peny, bold=True); rekrow('6.2.2.01', peny, 1, 'Paket', 'DDS')
    ws.append([None, None, None, None, 'PEMBIAYAAN NETTO', None, None, silpa - peny, None]); ws[f'H{ws.max_row}'].number_format = '#,##0'
    ws.append([]); ws.append([None, None, None, None, None, None, 'Bukit Raya, 6 Januari 2025'])
    ws.append([None, None, None, None, None, None, 'KEPALA DESA BUKIT RAYA']); ws.append([]); ws.append([None, None, None, None, None, None, 'MARTINUS DJANGKAN'])
    autow(ws, [4, 4, 4, 5, 70, 9, 9, 16, 10])
    fn = 'Penjabaran APBDes 2025 Bukit Raya.xlsx'
    wb.save(OUT / fn)
    man(fn, kode, th, 'anggaran', len(pend) + n_obj + 2,
        anggaran={'pendapatan': tot_pend, 'belanja': tot_bel_target, 'pembiayaan_penerimaan': silpa, 'pembiayaan_pengeluaran': peny},
        source='Perkades Penjabaran APBDes as published on desa websites, e.g. http://jepatlor-tayu.desa.id/apb-desa/ (KODE REKENING split into '
               'columns a b c d, KELUARAN/OUTPUT VOLUME SATUAN, ANGGARAN, SUMBER DANA, numbering row 1..6 and a b c d row)',
        shape='kode rekening SPLIT over 4 columns (4|2|1|01), merged header over A:D, two extra header rows (column numbers, a/b/c/d); '
              'belanja grouped BIDANG (1) > SUB BIDANG (1|1) > KEGIATAN (1|1|01) > objek (5|2|1|01): same objek code repeats under '
              'several kegiatan (5.2.1.01 x2, 5.2.1.06 x3, 5.2.2.01 x2); subtotal on every group row; volume/satuan; sumber dana codes. '
              'line_items = objek lines with amount (pendapatan 6 + belanja objek 23 + pembiayaan 2)')


# ---------------------------------------------------------------- F6 OpenSID keuangan manual rinci export as TSV
def f6():
    kode = '62.02.11.2002'; th = 2024
    lv3 = ['4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.2.1', '4.2.2', '4.2.3', '4.2.4', '4.2.5', '4.3.1', '4.3.2', '4.3.3', '4.3.4', '4.3.5', '4.3.6', '4.3.9']
    ang = {'4.1.1': 8_000_000, '4.1.4': 2_500_000, '4.2.1': 871_236_000, '4.2.2': 36_410_500, '4.2.3': 487_115_000, '4.2.4': 50_000_000, '4.3.6': 1_500_000}
    rea = {'4.1.1': 6_000_000, '4.1.4': 2_500_000, '4.2.1': 871_236_000, '4.2.2': 31_904_800, '4.2.3': 487_115_000, '4.2.4': 50_000_000, '4.3.6': 1_873_215}
    silpa = 22_784_130; peny = 0
    tb = sum(ang.values()) + silpa - peny
    bid = {'01': int(tb * 0.41) // 1000 * 1000, '02': int(tb * 0.37) // 1000 * 1000, '03': int(tb * 0.05) // 1000 * 1000, '04': int(tb * 0.07) // 1000 * 1000}
    bid['05'] = tb - sum(bid.values())
    r = random.Random(6)
    bid_r = {k: int(v * (1 if k == '01' else r.uniform(0.85, 0.99))) for k, v in bid.items()}
    names = {'01': 'BIDANG PENYELENGGARAN PEMERINTAHAN DESA', '02': 'BIDANG PELAKSANAAN PEMBANGUNAN DESA', '03': 'BIDANG PEMBINAAN KEMASYARAKATAN',
             '04': 'BIDANG PEMBERDAYAAN MASYARAKAT', '05': 'BIDANG PENANGGULANGAN BENCANA, DARURAT DAN MENDESAK DESA'}
    rows = [['id', 'Tahun', 'Kd_Akun', 'Kd_Keg', 'Kd_Rincian', 'Nilai_Anggaran', 'Nilai_Realisasi']]
    i = 0
    for k in lv3:
        i += 1; rows.append([i, th, '4.PENDAPATAN', '', f'{k}. {REK[k]}', ang.get(k, 0), rea.get(k, 0)])
    for b in '01 02 03 04 05'.split():
        i += 1; rows.append([i, th, '5.BELANJA', f'00.0000.{b} {names[b]}', '5.0.0', bid[b], bid_r[b]])
    for k in ['6.1.1', '6.1.2', '6.1.3', '6.1.9', '6.2.1', '6.2.2', '6.2.9']:
        i += 1; v = silpa if k == '6.1.1' else 0
        rows.append([i, th, '6.PEMBIAYAAN', '', f'{k}. {REK[k]}', v, v])
    fn = 'keuangan_manual_rinci_basawang_2024.tsv'
    with open(OUT / fn, 'w', encoding='utf-8', newline='') as f:
        for rw in rows:
            f.write('\t'.join(str(c) for c in rw) + '\n')
    n = len(ang) + 5 + 1
    man(fn, kode, th, 'realisasi', n,
        anggaran={'pendapatan': sum(ang.values()), 'belanja': tb, 'pembiayaan_penerimaan': silpa},
        realisasi={'pendapatan': sum(rea.values()), 'belanja': sum(bid_r.values()), 'pembiayaan_penerimaan': silpa},
        source='OpenSID keuangan manual rinci (template /work/shared/reference/opensid_keuangan_manual_rinci_tpl.csv: id,Tahun,Kd_Akun,'
               'Kd_Keg,Kd_Rincian,Nilai_Anggaran,Nilai_Realisasi) copied out of the admin table as TSV (habit)',
        shape="tab-separated; Kd_Akun '4.PENDAPATAN'; Kd_Rincian '4.1.1. Hasil Usaha Desa' (code+name in one cell, trailing dot); belanja "
              "only per BIDANG with Kd_Keg '00.0000.01 BIDANG ...' and Kd_Rincian '5.0.0'; all 28 template rows present, 15 with 0 "
              "(zero rows not counted in line_items); village ONLY in file name; year in a column",
        rows_total=len(rows) - 1)


# ---------------------------------------------------------------- F7 infografis table (no codes), ambiguous village name
def f7():
    kode = '62.02.04.2009'; th = 2024
    pend = [('Pendapatan Asli Desa', '4.1', 14_750_000), ('Dana Desa', '4.2.1', 934_518_000), ('Alokasi Dana Desa', '4.2.3', 541_287_400),
            ('Bagi Hasil Pajak dan Retribusi Daerah', '4.2.2', 39_906_250), ('Bantuan Keuangan Provinsi', '4.2.4', 80_000_000)]
    silpa = 17_366_805; peny = 40_000_000
    tp = sum(a for _, _, a in pend); tb = tp + silpa - peny
    bel = [('Bidang Penyelenggaraan Pemerintahan Desa', 0.43), ('Bidang Pelaksanaan Pembangunan Desa', 0.36),
           ('Bidang Pembinaan Kemasyarakatan', 0.04), ('Bidang Pemberdayaan Masyarakat', 0.09),
           ('Bidang Penanggulangan Bencana, Darurat dan Mendesak Desa', None)]
    ba = []; acc = 0
    for n, f in bel[:-1]:
        a = int(tb * f) // 1000 * 1000; ba.append((n, a)); acc += a
    ba.append((bel[-1][0], tb - acc))
    def rp(n): return 'Rp' + idr(n)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'infografis'
    ws.append(['INFOGRAFIS APBDes TAHUN 2024'])
    ws.append(['DESA SUMBER MAKMUR KECAMATAN PARENGGEAN'])
    ws.append(['"Transparansi Anggaran untuk Desa Maju"'])
    ws.append([])
    ws.append(['PENDAPATAN', None, None])
    for n, _, a in pend: ws.append([n, rp(a), f'{a / tp * 100:.1f}%'.replace('.', ',')])
    ws.append(['Total Pendapatan', rp(tp), '100%'])
    ws.append([])
    ws.append(['BELANJA', None, None])
    for n, a in ba: ws.append([n, rp(a), f'{a / tb * 100:.1f}%'.replace('.', ',')])
    ws.append(['Total Belanja', rp(tb), '100%'])
    ws.append([])
    ws.append(['PEMBIAYAAN', None, None])
    ws.append(['Penerimaan Pembiayaan (SiLPA 2023)', rp(silpa), None])
    ws.append(['Pengeluaran Pembiayaan (Penyertaan Modal BUMDes)', rp(peny), None])
    ws.append(['Pembiayaan Netto', '-' + rp(peny - silpa), None])
    ws.append([])
    ws.append(['Sumber: APBDes Sumber Makmur TA 2024 (Perdes No. 1 Tahun 2024). Info lebih lanjut hubungi kantor desa.'])
    autow(ws, [55, 22, 10])
    fn = 'Infografis APBDes Sumber Makmur 2024.xlsx'
    wb.save(OUT / fn)
    man(fn, kode, th, 'anggaran', len(pend) + len(ba) + 2,
        anggaran={'pendapatan': tp, 'belanja': tb, 'pembiayaan_penerimaan': silpa, 'pembiayaan_pengeluaran': peny},
        source='desa website infografis APBDes (OpenSID theme widget / poster) retyped into Excel (habit; many desa pages show '
               'Pendapatan / Belanja per bidang / Pembiayaan with Rp amounts and %)',
        shape="NO kode column at all: names only; section heading rows PENDAPATAN/BELANJA/PEMBIAYAAN; amounts 'Rp1.234.567,00' as text; "
              "% share column; belanja per BIDANG by name; mixed levels (Pendapatan Asli Desa = kelompok 4.1, others jenis); "
              "'Pembiayaan Netto' negative written '-Rp...'; village name 'Sumber Makmur' exists 3x in Kotim (kec. Parenggean, "
              "Mentaya Hilir Utara, Telawang): only the title's KECAMATAN PARENGGEAN disambiguates")


# ---------------------------------------------------------------- F8 REJECT: stated totals disagree with lines
def f8():
    kode = '62.02.15.2010'; th = 2024
    leaves = base_budget(8, 0.9)
    order, sub = tree(leaves)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'APBDes 2024'
    ws.append(['APBDES DESA TUMBANG TAWAN KECAMATAN BUKIT SANTUAI TAHUN ANGGARAN 2024'])
    ws.append([])
    ws.append(['Kode Rekening', 'Uraian', 'Anggaran (Rp)'])
    wrong = {'5.2': 10_000_000, '5': 10_000_000}
    for k, leaf in order:
        a = leaves[k] if leaf else sub[k] + wrong.get(k, 0)
        ws.append([k, REK[k], None if k == '6' else a])
        if k == '5.4.1.01':
            ws.append([None, 'JUMLAH BELANJA', sub['5'] + 10_000_000])
        if k == '4.3.6.01':
            ws.append([None, 'JUMLAH PENDAPATAN', sub['4']])
    fn = 'APBDes_TumbangTawan_2024.xlsx'
    wb.save(OUT / fn)
    man(fn, kode, th, 'anggaran', len(leaves), anggaran=totals(leaves),
        source='plain operator sheet (habit)', shape='levels 1-4 with subtotals; simple 3-column table',
        expect='reject',
        why='kelompok 5.2 Belanja Barang dan Jasa, akun 5 BELANJA and the JUMLAH BELANJA row all state 10.000.000 more than the sum '
            'of their objek lines (a careful officer cannot tell whether a line is missing or the total is wrong)')


for f in (f1, f2, f3, f4, f5, f6, f7, f8):
    f()
json.dump(MANIFEST, open(OUT / 'manifest.json', 'w'), indent=1, ensure_ascii=False)
print('\n'.join(m['file'] for m in MANIFEST))
