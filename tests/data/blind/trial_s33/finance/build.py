"""Blind trial 7 - finance (APBDes) files in formats the earlier trials did not cover.

Writes 8 files + manifest.json into this folder. stdlib + openpyxl only.
Numbers and people's names are invented. Villages are real Kotim desa (REF/kotim_villages.csv),
codes/names from REF/apbdes_rekening.csv.
"""
import csv
import io
import json
import re
import zipfile
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xesc

REF = Path(__file__).resolve().parents[5] / 'reference'
OUT = Path(__file__).resolve().parent

REK = {r['kode']: r['uraian'] for r in csv.DictReader(open(REF / 'apbdes_rekening.csv', encoding='utf-8'))}
VIL = {r['kode_desa']: r for r in csv.DictReader(open(REF / 'kotim_villages.csv', encoding='utf-8'))}

MANIFEST = []


def vil(kode):
    v = VIL[kode]
    assert v['jenis'] == 'desa', kode
    return v


def name(code):
    return REK[code.rstrip('.')]


def section(code):
    c = code.rstrip('.')
    if c.startswith('4'):
        return 'pendapatan'
    if c.startswith('5'):
        return 'belanja'
    if c.startswith('6.1'):
        return 'pembiayaan_penerimaan'
    if c.startswith('6.2'):
        return 'pembiayaan_pengeluaran'
    raise ValueError(code)


def sums(lines, idx):
    out = {}
    for ln in lines:
        v = ln[idx]
        if v is None:
            continue
        s = section(ln[0])
        out[s] = out.get(s, 0) + v
    order = ['pendapatan', 'belanja', 'pembiayaan_penerimaan', 'pembiayaan_pengeluaran']
    return {k: (round(out[k], 2) if isinstance(out[k], float) else out[k]) for k in order if k in out}


def balance(lines, adjust_code):
    """Make the anggaran balance (pendapatan + penerimaan - pengeluaran = belanja) by adjusting one belanja line."""
    s = sums(lines, 1)
    gap = s.get('pendapatan', 0) + s.get('pembiayaan_penerimaan', 0) - s.get('pembiayaan_pengeluaran', 0) - s['belanja']
    for i, ln in enumerate(lines):
        if ln[0] == adjust_code:
            rest = tuple(ln[2:])
            if rest and isinstance(rest[0], (int, float)):  # realisasi: keep the line's designed sisa
                rest = (type(rest[0])(rest[0] + gap),) + rest[1:]
            lines[i] = (ln[0], ln[1] + gap) + rest
            return lines
    raise KeyError(adjust_code)


def add(entry):
    MANIFEST.append(entry)


def idr(n, dec=False):
    """Indonesian display 1.234.567 (or 1.234.567,89)."""
    neg = n < 0
    n = abs(n)
    if dec:
        s = f'{n:,.2f}'.replace(',', 'X').replace('.', ',').replace('X', '.')
    else:
        s = f'{round(n):,}'.replace(',', '.')
    return ('-' if neg else '') + s


def parents(code):
    parts = code.split('.')
    return ['.'.join(parts[:i]) for i in range(1, len(parts))]


def tree_rows(lines, idxs):
    """Yield (level, code, name, amounts|None, is_leaf) in chart order, with subtotals for parents."""
    seen = set()
    rows = []
    for ln in lines:
        code = ln[0]
        for p in parents(code):
            if p not in seen:
                seen.add(p)
                sub = [ln2 for ln2 in lines if ln2[0].startswith(p + '.')]
                amts = [sum(x[i] for x in sub if x[i] is not None) for i in idxs]
                rows.append((p.count('.') + 1, p, name(p), amts, False))
        rows.append((code.count('.') + 1, code, name(code), [ln[i] for i in idxs], True))
    return rows


# ---------------------------------------------------------------------------------------------
# 1. OpenSID "Unduh" of Laporan Realisasi APBDes: HTML sent as .xls (format_cetak.php aksi=unduh)
# ---------------------------------------------------------------------------------------------
def f1():
    v = vil('62.02.01.2004')  # Hanjalipan
    ta = 2024
    L = [  # jenis (level 3) lines: code, anggaran, realisasi
        ('4.1.1', 15_000_000, 12_500_000),
        ('4.1.4', 6_000_000, 6_250_000),
        ('4.2.1', 1_045_322_000, 1_045_322_000),
        ('4.2.2', 58_410_000, 58_410_000),
        ('4.2.3', 612_880_000, 612_880_000),
        ('4.2.5', 150_000_000, 150_000_000),
        ('4.3.6', 3_200_000, 3_847_215),
        ('5.1.1', 54_000_000, 54_000_000),
        ('5.1.2', 297_600_000, 297_600_000),
        ('5.1.3', 18_540_000, 17_980_000),
        ('5.1.4', 52_200_000, 52_200_000),
        ('5.2.1', 245_300_000, 231_455_500),
        ('5.2.2', 162_400_000, 158_900_000),
        ('5.2.3', 38_000_000, 35_250_000),
        ('5.2.4', 12_500_000, 12_000_000),
        ('5.2.5', 24_600_000, 22_918_400),
        ('5.2.6', 46_000_000, 45_120_000),
        ('5.2.7', 198_000_000, 196_800_000),
        ('5.3.4', 165_000_000, 164_250_000),
        ('5.3.5', 372_500_000, 371_900_000),
        ('5.4.1', 30_000_000, 18_000_000),
        ('6.1.1', 42_118_000, 42_118_000),
        ('6.2.2', 50_000_000, 50_000_000),
    ]
    L = balance(L, '5.3.5')
    nf = lambda x: f'{round(x):,}'  # PHP number_format($x)
    pf = lambda a, r: (f'{r / a * 100:,.2f}' if a else '0')

    def grp(prefix):
        return [x for x in L if x[0].startswith(prefix)]

    def tot(rows):
        return sum(x[1] for x in rows), sum(x[2] for x in rows)

    o = []
    w = o.append
    w('\n\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
      '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">\n')
    w('\t<head>\n\t\t<title>Laporan Realisasi Apbdes</title>\n'
      '\t\t<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n'
      '\t\t<link href="https://hanjalipan.desa.id/assets/css/report.css" rel="stylesheet">\n\t</head>\n')
    w('\t<body>\n\t\t<div id="container">\n\t\t\t<div id="body">\n\t\t\t\t<!-- Isi Cetak/Unduh Data Disni -->\n')
    w('<style>\n\ttable.blueTable {\n\t\tborder: 1px solid #1C6EA4;\n\t\tbackground-color: #EEEEEE;\n\t\twidth: 100%;\n'
      '\t\ttext-align: left;\n\t\tborder-collapse: collapse;\n\t}\n\ttable.blueTable td, table.blueTable th {\n'
      '\t\tborder: 1px solid #AAAAAA;\n\t\tpadding: 3px 2px;\n\t}\n\t.bold{\n\t\tfont-weight: bold;\n\t}\n'
      '\t.highlighted{\n\t\tbackground-color: #FFFF00 !important;\n\t}\n</style>\n\n')
    w('<table id="judul-laporan" width="100%" style="border: solid 0px black; text-align: center;">\n\t<tr>\n\t\t<td>\n'
      '\t\t\t<h4>LAPORAN REALISASI PELAKSANAAN</h4>\n\t\t\t<h4>ANGGARAN PENDAPATAN DAN BELANJA DESA</h4>\n'
      f'\t\t\t<h4>PEMERINTAH DESA {v["nama_desa"].upper()}</h4>\n\t\t\t<h4>SEMESTER 2</h4>\n'
      f'\t\t\t<h4>TAHUN ANGGARAN {ta}</h4>\n\t\t</td>\n\t</tr>\n</table>\n')
    w("<table class='blueTable' width='100%'>\n\t<thead>\n\t\t<tr>\n\t\t\t<th colspan='4'>Uraian</th>\n"
      "\t\t\t<th>Anggaran      (Rp)</th>\n\t\t\t<th>Realisasi     (Rp)</th>\n"
      "\t\t\t<th>Lebih/(Kurang)(Rp)</th>\n\t\t\t<th>Persentase    (%)</th>\n\t\t</tr>\n\t</thead>\n\n")

    def akun_row(code, nm):
        w(f"\t\t<tr class='bold'>\n\t\t\t<td colspan='4'>{code}. {nm.upper()}</td>\n"
          + "\t\t\t<td align='right'></td>\n" * 4 + "\t\t</tr>\n")

    def kel_row(code, rows, pct=True):
        a, r = tot(rows)
        w(f"\t\t\t<tr class='bold'>\n\t\t\t\t<td>{code}.</td>\n\t\t\t\t<td colspan='3'>{escape(name(code))}</td>\n"
          f"\t\t\t\t<td align='right'>{nf(a)}</td>\n\t\t\t\t<td align='right'>{nf(r)}</td>\n"
          f"\t\t\t\t<td align='right'>{nf(a - r)}</td>\n\t\t\t\t<td align='right'>{pf(a, r) if pct else ''}</td>\n\t\t\t</tr>\n")

    def jen_row(x, pct=True):
        code, a, r = x
        w(f"\t\t\t\t<tr>\n\t\t\t\t\t<td></td>\n\t\t\t\t\t<td colspan='2'>{code}.</td>\n"
          f"\t\t\t\t\t<td>{escape(name(code))}</td>\n\t\t\t\t\t<td align='right'>{nf(a)}</td>\n"
          f"\t\t\t\t\t<td align='right'>{nf(r)}</td>\n\t\t\t\t\t<td align='right'>{nf(a - r)}</td>\n"
          f"\t\t\t\t\t<td align='right'>{pf(a, r) if pct else ''}</td>\n\t\t\t\t</tr>\n")

    def hl(label, a, r, pct):
        w(f"\t\t<tr class='bold highlighted'>\n\t\t\t<td colspan='4' align='center'>{label}</td>\n"
          f"\t\t\t<td align='right'>{nf(a)}</td>\n\t\t\t<td align='right'>{nf(r)}</td>\n"
          f"\t\t\t<td align='right'>{nf(a - r)}</td>\n\t\t\t<td align='right'>{pct} </td>\n\t\t</tr>\n")

    for akun, kels in (('4', ['4.1', '4.2', '4.3']), ('5', ['5.1', '5.2', '5.3', '5.4'])):
        if akun == '5':
            w('\n  <tr>\n')
        akun_row(akun, name(akun))
        for k in kels:
            kel_row(k, grp(k + '.'))
            for x in grp(k + '.'):
                jen_row(x)
        a, r = tot(grp(akun + '.'))
        hl('JUMLAH PENDAPATAN' if akun == '4' else 'JUMLAH BELANJA', a, r, pf(a, r))
    w('\t</tr>\n')
    pa, pr = tot(grp('4.'))
    ba, br = tot(grp('5.'))
    w(f"\t<tr class='bold highlighted'>\n\t\t<td colspan='4' align='center'>SURPLUS / (DEFISIT)</td>\n"
      f"\t\t<td align='right'>{nf(pa - ba)}</td>\n\t\t<td align='right'>{nf(pr - br)}</td>\n"
      f"\t\t<td align='right'>{nf((pa - ba) - (pr - br))}</td>\n\t\t<td align='right'>0.00</td>\n\t</tr>\n\t<tr>\n")
    akun_row('6', name('6'))
    for k in ('6.1', '6.2'):
        kel_row(k, grp(k + '.'), pct=False)
        for x in grp(k + '.'):
            jen_row(x, pct=False)
    ia, ir = tot(grp('6.1.'))
    oa, orr = tot(grp('6.2.'))
    w(f"\t<tr class='bold highlighted'>\n\t\t<td colspan='4' align='center'>PEMBIAYAAN NETTO</td>\n"
      f"\t\t<td align='right'>{nf(ia - oa)}</td>\n\t\t<td align='right'>{nf(ir - orr)}</td>\n"
      f"\t\t<td align='right'>{nf((ia - oa) - (ir - orr))}</td>\n\t\t<td align='right'></td>\n\t</tr>\n")
    sa, sr = (pa - ba) + (ia - oa), (pr - br) + (ir - orr)
    w(f"\t<tr class='bold highlighted'>\n\t\t<td colspan='4' align='center'>SILPA/SiLPA TAHUN BERJALAN</td>\n"
      f"\t\t<td align='right'>{nf(sa)}</td>\n\t\t<td align='right'>{nf(sr)}</td>\n"
      f"\t\t<td align='right'>{nf(sa - sr)}</td>\n\t\t<td align='right'></td>\n\t</tr>\n</table>\n")
    w('\t\t\t</div>\n\t\t\t<br />\n\t\t\t<table width="10%">\n\t\t\t\t<tr>\n'
      '\t\t\t\t\t<td colspan="1" width=10%>&nbsp;</td>\n'
      '\t\t\t\t\t<td colspan="1" width=20%>\n\t\t\t\t\t\t\tMengetahui\n\t\t\t\t\t\t\t<br>Kepala Desa Hanjalipan\n'
      '\t\t\t\t\t\t\t<br><br><br><br>\n\t\t\t\t\t\t\t<br><u>( YOHANES DAMBUNG )</u>\n\t\t\t\t\t\t\t<br>NIPD/NIP : -\n\t\t\t\t\t\t</td>\n'
      '\t\t\t\t\t<td colspan="3" width=40%>&nbsp;</td>\n\t\t\t\t\t<td width=20% nowrap>\n'
      '\t\t\t\t\t\tDesa Hanjalipan, 14 Januari 2025\n\t\t\t\t\t\t<br>Kaur Keuangan Hanjalipan\n'
      '\t\t\t\t\t\t<br><br><br><br>\n\t\t\t\t\t\t<br><u>( SITI RAHMAWATI )</u>\n\t\t\t\t\t\t<br>NIPD/NIP : -\n\t\t\t\t\t</td>\n'
      '\t\t\t\t\t<td width=10%>&nbsp;</td>\n\t\t\t\t</tr>\n\t\t\t</table>\n\t\t</div>\n\t</body>\n</html>\n')
    fn = 'laporan_realisasi_apbdes_hanjalipan_2024.xls'
    (OUT / fn).write_text(''.join(o), encoding='utf-8')
    add(dict(file=fn, record_type='apbdes', kode_desa=v['kode_desa'], desa=v['nama_desa'], tahun=ta,
             tahap='realisasi', line_items=len(L), anggaran=sums(L, 1), realisasi=sums(L, 2),
             source='OpenSID/OpenSID donjo-app/views/global/format_cetak.php (aksi "unduh": header '
                    'Content-type application/xls + .xls file name around an XHTML page, signature table with <br>) '
                    'wrapping donjo-app/views/keuangan/tabel_laporan_rp_apbd_isi.php (commit 12220b9b...)',
             shape='HTML (XHTML 1.0 doctype, <title>, report.css link) saved with a .xls extension, as OpenSID '
                   '"Unduh" sends it; leading blank lines before the doctype; blueTable with <thead> th colspan=4 '
                   '"Uraian" and headings with runs of spaces ("Anggaran      (Rp)"); akun rows "4. PENDAPATAN" with '
                   'empty amount cells, kelompok rows "4.1." (bold subtotals, code in its own td + name colspan=3), '
                   'jenis rows "4.1.1." (the detailed level: empty td, code colspan=2, name) ; amounts by PHP '
                   'number_format ("1,045,322,000"), percentages "89.29"; Lebih/(Kurang) = anggaran - realisasi '
                   '(OpenSID sign, negative "-250,000" when PAD beats its target); JUMLAH/SURPLUS/PEMBIAYAAN NETTO/'
                   'SILPA rows highlighted; stray <tr> wrappers as in the template; title says "SEMESTER 2" '
                   '(= cumulative year-end realisation in OpenSID); signature block after the table'))


# ---------------------------------------------------------------------------------------------
# 2. Desa website APBDes page saved from the browser (.html, "Simpan halaman"), with a widget of other years
# ---------------------------------------------------------------------------------------------
def f2():
    v = vil('62.02.01.2005')  # Simpur
    ta = 2025
    L = [
        ('4.1.1.01', 8_000_000), ('4.1.2.01', 4_500_000), ('4.1.4.01', 3_000_000),
        ('4.2.1.01', 987_614_000), ('4.2.2.01', 61_230_000), ('4.2.3.01', 598_440_000),
        ('4.2.5.01', 100_000_000), ('4.3.6.01', 2_400_000),
        ('5.1.1.01', 36_000_000), ('5.1.1.02', 18_000_000), ('5.1.2.01', 204_000_000), ('5.1.2.02', 93_600_000),
        ('5.1.3.01', 5_400_000), ('5.1.3.02', 12_960_000), ('5.1.4.01', 30_000_000), ('5.1.4.02', 22_200_000),
        ('5.2.1.01', 18_450_000), ('5.2.1.06', 42_300_000), ('5.2.1.07', 96_500_000),
        ('5.2.2.01', 64_800_000), ('5.2.2.02', 36_000_000), ('5.2.3.01', 24_000_000), ('5.2.3.03', 15_000_000),
        ('5.2.5.01', 9_600_000), ('5.2.5.05', 7_200_000), ('5.2.6.04', 27_500_000),
        ('5.2.7.01', 88_000_000), ('5.2.7.05', 45_000_000),
        ('5.3.2.03', 21_000_000), ('5.3.5.03', 268_400_000), ('5.3.7.03', 118_000_000),
        ('5.4.1.01', 36_000_000),
        ('6.1.1.01', 27_316_000), ('6.2.2.01', 40_000_000),
    ]
    L = balance(L, '5.3.5.03')
    rows = tree_rows(L, [1])
    body = []
    b = body.append
    no = 0
    for lvl, code, nm, amts, leaf in rows:
        if leaf:
            no += 1
            b(f'<tr><td class="text-center">{no}</td><td>{code}</td><td>{escape(nm)}</td>'
              f'<td class="text-right">Rp {idr(amts[0])}</td></tr>')
        else:
            st = {1: 'background:#dff0d8;font-weight:bold', 2: 'font-weight:bold', 3: 'font-style:italic'}[lvl]
            b(f'<tr style="{st}"><td></td><td>{code}</td><td>{escape(nm.upper() if lvl == 1 else nm)}</td>'
              f'<td class="text-right">Rp {idr(amts[0])}</td></tr>')
    s = sums(L, 1)
    widget = [(2025, 'Anggaran', s['pendapatan'], s['belanja']), (2024, 'Realisasi', 1_702_415_880, 1_688_120_300),
              (2023, 'Realisasi', 1_611_032_500, 1_596_774_000)]
    wid = ''.join(
        f'<div class="widget-keuangan"><h4>APBDes {y} {t}</h4>'
        f'<div class="progress-group"><span class="progress-text">Pendapatan</span>'
        f'<span class="progress-number"><b>Rp {idr(p)}</b></span></div>'
        f'<div class="progress-group"><span class="progress-text">Belanja</span>'
        f'<span class="progress-number"><b>Rp {idr(bb)}</b></span></div></div>\n'
        for y, t, p, bb in widget)
    html = f'''<!DOCTYPE html>
<!-- saved from url=(0067)https://simpur.kotimkab.desa.id/artikel/2025/1/17/apbdes-tahun-2025 -->
<html lang="id"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>APBDes Tahun 2025 - Website Resmi Desa Simpur</title>
<meta name="description" content="Website Resmi Desa Simpur Kecamatan Kota Besi Kabupaten Kotawaringin Timur">
<link rel="stylesheet" href="./APBDes Tahun 2025 - Website Resmi Desa Simpur_files/bootstrap.min.css">
<link rel="stylesheet" href="./APBDes Tahun 2025 - Website Resmi Desa Simpur_files/style.css">
<script src="./APBDes Tahun 2025 - Website Resmi Desa Simpur_files/jquery.min.js"></script>
</head>
<body>
<header id="header"><div class="container"><div class="logo"><img src="./APBDes Tahun 2025 - Website Resmi Desa Simpur_files/logo.png" alt="logo">
<h1>Desa Simpur</h1><p>Kecamatan Kota Besi, Kabupaten Kotawaringin Timur, Provinsi Kalimantan Tengah</p></div></div>
<nav class="navbar"><ul><li><a href="https://simpur.kotimkab.desa.id/">Beranda</a></li><li><a href="#">Profil Desa</a></li>
<li><a href="#">Pemerintahan</a></li><li class="active"><a href="#">Transparansi</a></li><li><a href="#">Data Desa</a></li></ul></nav>
<div class="marquee">Selamat datang di Website Resmi Desa Simpur &#8226; Pelayanan kantor desa Senin - Jumat pukul 08.00 - 14.00 WIB</div>
</header>
<div class="container"><div class="row">
<div class="col-md-8" id="content">
<article class="artikel">
<h2 class="judul">APBDes Tahun 2025</h2>
<div class="meta"><i class="fa fa-calendar"></i> 17 Januari 2025 &nbsp; <i class="fa fa-user"></i> Operator Desa &nbsp; <i class="fa fa-eye"></i> Dibaca 214 Kali</div>
<div class="isi-artikel">
<p>Berdasarkan Peraturan Desa Simpur Nomor 4 Tahun 2024 tentang Anggaran Pendapatan dan Belanja Desa Tahun Anggaran 2025 yang ditetapkan pada tanggal 30 Desember 2024, berikut kami sampaikan rincian APBDes Simpur Tahun Anggaran 2025 sebagai bentuk keterbukaan informasi publik.</p>
<div class="table-responsive">
<table class="table table-bordered table-striped" style="font-size:13px">
<thead><tr style="background:#3c8dbc;color:#fff"><th>No</th><th>Kode Rekening</th><th>Uraian</th><th>Anggaran</th></tr></thead>
<tbody>
{chr(10).join(body)}
</tbody>
<tfoot>
<tr style="font-weight:bold"><td colspan="3">JUMLAH PENDAPATAN</td><td class="text-right">Rp {idr(s["pendapatan"])}</td></tr>
<tr style="font-weight:bold"><td colspan="3">JUMLAH BELANJA</td><td class="text-right">Rp {idr(s["belanja"])}</td></tr>
<tr style="font-weight:bold"><td colspan="3">SURPLUS/(DEFISIT)</td><td class="text-right">Rp ({idr(s["belanja"] - s["pendapatan"])})</td></tr>
<tr style="font-weight:bold"><td colspan="3">PEMBIAYAAN NETTO</td><td class="text-right">Rp ({idr(s["pembiayaan_pengeluaran"] - s["pembiayaan_penerimaan"])})</td></tr>
</tfoot>
</table>
</div>
<p>Demikian informasi ini kami sampaikan. Masyarakat dapat menyampaikan pertanyaan atau masukan melalui kantor desa.</p>
<p>Kepala Desa Simpur<br><br><b>ARDIANSYAH</b></p>
</div>
<div class="share">Bagikan: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
</article>
<div class="komentar"><h4>0 Komentar</h4></div>
</div>
<aside class="col-md-4" id="sidebar">
<div class="box"><div class="box-header"><h3 class="box-title">Transparansi Anggaran</h3></div><div class="box-body">
{wid}</div></div>
<div class="box"><div class="box-header"><h3 class="box-title">Statistik Pengunjung</h3></div>
<div class="box-body"><table><tr><td>Hari ini</td><td>: 37</td></tr><tr><td>Kemarin</td><td>: 52</td></tr><tr><td>Total</td><td>: 18.406</td></tr></table></div></div>
</aside>
</div></div>
<footer><p>&copy; 2025 Pemerintah Desa Simpur. Powered by OpenSID</p></footer>
<script src="./APBDes Tahun 2025 - Website Resmi Desa Simpur_files/app.js"></script>
</body></html>
'''
    fn = 'APBDes Tahun 2025 - Website Resmi Desa Simpur.html'
    (OUT / fn).write_text(html, encoding='utf-8')
    add(dict(file=fn, record_type='apbdes', kode_desa=v['kode_desa'], desa=v['nama_desa'], tahun=ta,
             tahap='anggaran', line_items=len(L), anggaran=sums(L, 1),
             source='OpenSID desa website (artikel page with the APBDes table, sidebar widget keuangan: '
                    'OpenSID/OpenSID donjo-app/views/keuangan/widget.php and tabel_laporan_rp_apbd_artikel.php) '
                    'saved with the browser "Simpan halaman / Save page as" (Chrome/Edge "saved from url" mark); '
                    'cf. pages corpus https://dasanlekong-sukamulia.desa.id/artikel/2021/5/2/apbdes-desa-dasan-lekong-2021',
             shape='a WHOLE web page (.html): header, navbar, marquee, article meta line ("Dibaca 214 Kali"), '
                   'comment box, footer, scripts pointing into a "_files" folder; the APBDes table is inside the '
                   'article: thead No|Kode Rekening|Uraian|Anggaran; tbody with level 1-3 subtotal rows (styled, no '
                   'No) and numbered level-4 lines; amounts "Rp 987.614.000"; tfoot JUMLAH/SURPLUS/PEMBIAYAAN NETTO '
                   'with negatives "Rp (12.345)"; the intro sentence names Perdes "Nomor 4 Tahun 2024" (adopted '
                   '30 Desember 2024) for TA 2025; SIDEBAR widget "Transparansi Anggaran" shows totals for 2025, '
                   '2024 and 2023 (other years, summary only - not line items); a visitor-statistics table'))


# ---------------------------------------------------------------------------------------------
# 3. Excel 2003 XML Spreadsheet (SpreadsheetML) with .xls extension, PHP Excel_XML exporter style
# ---------------------------------------------------------------------------------------------
def f3():
    v = vil('62.02.02.2004')  # Rubung Buyung
    ta = 2025
    L = [
        ('4.1.1.01', 12_000_000, 'PAD'), ('4.1.3.01', 6_500_000, 'PAD'),
        ('4.2.1.01', 1_021_876_000, 'DDS'), ('4.2.2.01', 54_118_000, 'PBH'), ('4.2.3.01', 633_402_000, 'ADD'),
        ('4.2.4.01', 50_000_000, 'PBP'), ('4.3.3.01', 25_000_000, 'DLL'),
        ('5.1.1.01', 36_000_000, 'ADD'), ('5.1.1.02', 18_000_000, 'ADD'), ('5.1.2.01', 216_000_000, 'ADD'),
        ('5.1.2.02', 86_400_000, 'ADD'), ('5.1.3.01', 4_860_000, 'ADD'), ('5.1.3.02', 14_580_000, 'ADD'),
        ('5.1.4.01', 27_000_000, 'ADD'), ('5.1.4.02', 21_600_000, 'ADD'),
        ('5.2.1.01', 22_750_000, 'ADD'), ('5.2.1.06', 48_600_000, 'DDS'), ('5.2.1.10', 12_000_000, 'DDS'),
        ('5.2.2.01', 71_250_000, 'DDS'), ('5.2.2.03', 54_000_000, 'DDS'), ('5.2.3.01', 26_400_000, 'ADD'),
        ('5.2.4.03', 9_000_000, 'PAD'), ('5.2.5.01', 8_400_000, 'ADD'), ('5.2.6.05', 35_000_000, 'DDS'),
        ('5.2.7.01', 96_000_000, 'DDS'), ('5.2.7.05', 60_000_000, 'DDS'),
        ('5.3.4.03', 122_000_000, 'PBP'), ('5.3.5.03', 310_000_000, 'DDS'), ('5.3.6.02', 45_000_000, 'DDS'),
        ('5.3.9.02', 25_000_000, 'DLL'), ('5.4.1.01', 40_000_000, 'DDS'),
        ('6.1.1.01', 18_904_000, 'SiLPA'), ('6.2.2.01', 30_000_000, 'DDS'),
    ]
    L = balance(L, '5.3.5.03')
    rows_xml = []
    r = rows_xml.append

    def cell(val, style=None, idx=None, merge=None):
        a = ''
        if idx:
            a += f' ss:Index="{idx}"'
        if merge:
            a += f' ss:MergeAcross="{merge}"'
        if style:
            a += f' ss:StyleID="{style}"'
        # Excel_XML with bConvertTypes=true: is_numeric() values become Number
        if isinstance(val, (int, float)) or re.fullmatch(r'-?\d+(\.\d+)?', str(val)):
            return f'<Cell{a}><Data ss:Type="Number">{val}</Data></Cell>'
        return f'<Cell{a}><Data ss:Type="String">{xesc(str(val))}</Data></Cell>'

    r('<Row ss:Height="18">' + cell(f'ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN {ta}', 'sTitle', merge=4) + '</Row>')
    r('<Row>' + cell(f'DESA {v["nama_desa"].upper()} KECAMATAN {v["nama_kecamatan"].upper()}', 'sTitle', merge=4) + '</Row>')
    r('<Row>' + cell('Diekspor: 21-01-2025 10:42:17 oleh operator', 'sSmall', merge=4) + '</Row>')
    r('<Row/>')
    r('<Row>' + ''.join(cell(h, 'sHead') for h in ['No', 'Kode Rekening', 'Uraian', 'Anggaran (Rp)', 'Sumber Dana']) + '</Row>')
    no = 0
    cur = {}
    for code, amt, sd in L:
        for p in parents(code):
            if cur.get(p.count('.')) != p:
                cur[p.count('.')] = p
                for k in list(cur):
                    if k > p.count('.'):
                        del cur[k]
                # heading row: no "No", no amount (ss:Index skips the first column)
                r('<Row>' + cell(p, 'sBold', idx=2) + cell(name(p).upper() if '.' not in p else name(p), 'sBold') + '</Row>')
        no += 1
        r('<Row>' + cell(no) + cell(code) + cell(name(code)) + cell(amt, 'sNum') + cell(sd) + '</Row>')
        nxt = L[L.index((code, amt, sd)) + 1][0] if (code, amt, sd) != L[-1] else None
        for akun, label in (('4', 'JUMLAH PENDAPATAN'), ('5', 'JUMLAH BELANJA')):
            if code.startswith(akun + '.') and (nxt is None or not nxt.startswith(akun + '.')):
                t = sum(x[1] for x in L if x[0].startswith(akun + '.'))
                r('<Row>' + cell(label, 'sBold', idx=2, merge=1) + cell(t, 'sNumB') + '</Row>')
    s = sums(L, 1)
    r('<Row>' + cell('PEMBIAYAAN NETTO', 'sBold', idx=2, merge=1)
      + cell(s['pembiayaan_penerimaan'] - s['pembiayaan_pengeluaran'], 'sNumB') + '</Row>')
    xml = f'''<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
<DocumentProperties xmlns="urn:schemas-microsoft-com:office:office"><Author>sipades</Author><Created>2025-01-21T10:42:17Z</Created></DocumentProperties>
<Styles>
<Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/><Borders/><Font ss:FontName="Calibri" ss:Size="11"/><Interior/><NumberFormat/><Protection/></Style>
<Style ss:ID="sTitle"><Alignment ss:Horizontal="Center"/><Font ss:FontName="Calibri" ss:Size="12" ss:Bold="1"/></Style>
<Style ss:ID="sSmall"><Font ss:FontName="Calibri" ss:Size="9" ss:Italic="1"/></Style>
<Style ss:ID="sHead"><Alignment ss:Horizontal="Center"/><Font ss:Bold="1"/><Interior ss:Color="#D9D9D9" ss:Pattern="Solid"/></Style>
<Style ss:ID="sBold"><Font ss:Bold="1"/></Style>
<Style ss:ID="sNum"><NumberFormat ss:Format="#,##0"/></Style>
<Style ss:ID="sNumB"><Font ss:Bold="1"/><NumberFormat ss:Format="#,##0"/></Style>
</Styles>
<Worksheet ss:Name="Table1">
<Table>
<Column ss:Width="30"/><Column ss:Width="80"/><Column ss:Width="320"/><Column ss:Width="110"/><Column ss:Width="70"/>
{chr(10).join(rows_xml)}
</Table>
<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Selected/><FreezePanes/><FrozenNoSplit/><SplitHorizontal>5</SplitHorizontal><TopRowBottomPane>5</TopRowBottomPane><ActivePane>2</ActivePane></WorksheetOptions>
</Worksheet>
</Workbook>
'''
    fn = 'Export_APBDes_2025_RUBUNG_BUYUNG.xls'
    (OUT / fn).write_text(xml, encoding='utf-8')
    add(dict(file=fn, record_type='apbdes', kode_desa=v['kode_desa'], desa=v['nama_desa'], tahun=ta,
             tahap='anggaran', line_items=len(L), anggaran=sums(L, 1),
             source='PHP "Excel_XML" exporter (Oliver Schwarz php-excel class, widely copied; search-index file ids '
                    '39574186073 / 14542538147: header <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">, '
                    'worksheet "Table1", bConvertTypes -> is_numeric() values as ss:Type="Number") sent as .xls by a '
                    'village finance web app; Excel 2003 XML spec (mso-application PI, Styles, MergeAcross, ss:Index)',
             shape='SpreadsheetML 2003 XML text with a .xls extension (not BIFF, not zip); one Worksheet "Table1"; '
                   'title rows merged with ss:MergeAcross; heading rows for levels 1-3 WITHOUT amounts and written '
                   'sparse with ss:Index="2" (first cell skipped); level-1 and level-2 codes "4", "4.1", "5.2", "6.1" '
                   'typed as ss:Type="Number" (PHP is_numeric), level-3/4 codes as String; numbered level-4 lines with amounts as Number + NumberFormat "#,##0"; sumber dana '
                   'codes DDS/ADD/PBH/PBP/PAD/DLL/SiLPA; JUMLAH PENDAPATAN / JUMLAH BELANJA after their sections and a '
                   'PEMBIAYAAN NETTO row (negative); export timestamp line; FreezePanes in WorksheetOptions'))


# ---------------------------------------------------------------------------------------------
# 4. Word .docx: Laporan Pertanggungjawaban Realisasi APBDes with merged header cells
# ---------------------------------------------------------------------------------------------
def f4():
    v = vil('62.02.03.2005')  # Penda Durian
    ta = 2024
    L = [  # jenis level
        ('4.1.1', 10_000_000, 8_750_000), ('4.1.2', 5_000_000, 5_000_000),
        ('4.2.1', 968_204_000, 968_204_000), ('4.2.2', 47_860_000, 45_112_400), ('4.2.3', 571_930_000, 571_930_000),
        ('4.3.6', 2_000_000, 2_386_450),
        ('5.1.1', 54_000_000, 54_000_000), ('5.1.2', 280_800_000, 280_800_000), ('5.1.3', 17_280_000, 16_560_000),
        ('5.1.4', 48_600_000, 48_600_000), ('5.2.1', 188_450_000, 176_322_000), ('5.2.2', 141_300_000, 139_800_000),
        ('5.2.3', 31_500_000, 28_940_000), ('5.2.5', 19_800_000, 18_615_300), ('5.2.6', 38_000_000, 37_450_000),
        ('5.2.7', 162_000_000, 160_500_000), ('5.3.2', 28_000_000, 27_650_000), ('5.3.5', 436_000_000, 433_870_000),
        ('5.3.7', 96_000_000, 95_400_000), ('5.4.1', 21_600_000, 21_600_000),
        ('6.1.1', 53_736_000, 53_736_000), ('6.2.2', 25_000_000, 25_000_000),
    ]
    L = balance(L, '5.3.5')
    par = lambda n: f'({idr(-n)})' if n < 0 else idr(n)

    def run(t, b=False, sz=None):
        rp = ''
        if b or sz:
            rp = '<w:rPr>' + ('<w:b/>' if b else '') + (f'<w:sz w:val="{sz}"/>' if sz else '') + '</w:rPr>'
        return f'<w:r>{rp}<w:t xml:space="preserve">{xesc(t)}</w:t></w:r>'

    def para(t='', b=False, center=False, sz=None, tabs=None):
        ppr = ''
        if center or tabs:
            ppr = '<w:pPr>' + (f'<w:tabs><w:tab w:val="left" w:pos="{tabs}"/></w:tabs>' if tabs else '') + \
                  ('<w:jc w:val="center"/>' if center else '') + '</w:pPr>'
        if isinstance(t, list):
            return f'<w:p>{ppr}' + ''.join(t) + '</w:p>'
        return f'<w:p>{ppr}{run(t, b, sz) if t else ""}</w:p>'

    widths = [1300, 3900, 1700, 1700, 1600, 1100]

    def tc(text, w, span=1, vmerge=None, b=False, right=False, center=False):
        pr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
        if span > 1:
            pr += f'<w:gridSpan w:val="{span}"/>'
        if vmerge == 'restart':
            pr += '<w:vMerge w:val="restart"/>'
        elif vmerge == 'cont':
            pr += '<w:vMerge/>'
        pr += '<w:vAlign w:val="center"/>'
        jc = '<w:jc w:val="right"/>' if right else ('<w:jc w:val="center"/>' if center else '')
        ppr = f'<w:pPr><w:spacing w:after="0"/>{jc}</w:pPr>'
        content = run(text, b, 18) if text else ''
        return f'<w:tc><w:tcPr>{pr}</w:tcPr><w:p>{ppr}{content}</w:p></w:tc>'

    rows = []
    tr = lambda cells, hdr=False: rows.append('<w:tr>' + ('<w:trPr><w:tblHeader/></w:trPr>' if hdr else '') + ''.join(cells) + '</w:tr>')
    W = widths
    tr([tc('KODE REKENING', W[0], vmerge='restart', b=True, center=True), tc('URAIAN', W[1], vmerge='restart', b=True, center=True),
        tc(f'TAHUN ANGGARAN {ta}', W[2] + W[3] + W[4], span=3, b=True, center=True),
        tc('KET', W[5], vmerge='restart', b=True, center=True)], hdr=True)
    tr([tc('', W[0], vmerge='cont'), tc('', W[1], vmerge='cont'), tc('ANGGARAN (Rp)', W[2], b=True, center=True),
        tc('REALISASI (Rp)', W[3], b=True, center=True), tc('LEBIH/(KURANG) (Rp)', W[4], b=True, center=True),
        tc('', W[5], vmerge='cont')], hdr=True)
    tr([tc(str(i), W[i - 1], center=True) for i in range(1, 7)], hdr=True)
    for akun, label in (('4', 'JUMLAH PENDAPATAN'), ('5', 'JUMLAH BELANJA'), ('6', None)):
        sub = [x for x in L if x[0].startswith(akun + '.')]
        tr([tc(akun, W[0], b=True), tc(name(akun).upper(), W[1], b=True), tc('', W[2]), tc('', W[3]), tc('', W[4]), tc('', W[5])])
        for kel in sorted({x[0][:3] for x in sub}):
            ks = [x for x in sub if x[0].startswith(kel + '.')]
            a, r_ = sum(x[1] for x in ks), sum(x[2] for x in ks)
            tr([tc(kel, W[0], b=True), tc(name(kel), W[1], b=True), tc(idr(a), W[2], b=True, right=True),
                tc(idr(r_), W[3], b=True, right=True), tc(par(r_ - a), W[4], b=True, right=True), tc('', W[5])])
            for code, a, r_ in ks:
                ket = 'SILPA 2023' if code == '6.1.1' else ('BUMDes' if code == '6.2.2' else '')
                tr([tc(code, W[0]), tc(name(code), W[1]), tc(idr(a), W[2], right=True), tc(idr(r_), W[3], right=True),
                    tc(par(r_ - a), W[4], right=True), tc(ket, W[5])])
        if label:
            a, r_ = sum(x[1] for x in sub), sum(x[2] for x in sub)
            tr([tc(label, W[0] + W[1], span=2, b=True, center=True), tc(idr(a), W[2], b=True, right=True),
                tc(idr(r_), W[3], b=True, right=True), tc(par(r_ - a), W[4], b=True, right=True), tc('', W[5])])
        if akun == '5':
            s_a, s_r = sums(L, 1), sums(L, 2)
            da, dr = s_a['pendapatan'] - s_a['belanja'], s_r['pendapatan'] - s_r['belanja']
            tr([tc('SURPLUS/(DEFISIT)', W[0] + W[1], span=2, b=True, center=True), tc(par(da), W[2], b=True, right=True),
                tc(par(dr), W[3], b=True, right=True), tc(par(dr - da), W[4], b=True, right=True), tc('', W[5])])
    s_a, s_r = sums(L, 1), sums(L, 2)
    na = s_a['pembiayaan_penerimaan'] - s_a['pembiayaan_pengeluaran']
    nr = s_r['pembiayaan_penerimaan'] - s_r['pembiayaan_pengeluaran']
    tr([tc('PEMBIAYAAN NETTO', W[0] + W[1], span=2, b=True, center=True), tc(par(na), W[2], b=True, right=True),
        tc(par(nr), W[3], b=True, right=True), tc(par(nr - na), W[4], b=True, right=True), tc('', W[5])])
    sa = s_a['pendapatan'] - s_a['belanja'] + na
    sr = s_r['pendapatan'] - s_r['belanja'] + nr
    tr([tc('SISA LEBIH/(KURANG) PEMBIAYAAN ANGGARAN', W[0] + W[1], span=2, b=True, center=True),
        tc(par(sa), W[2], b=True, right=True), tc(par(sr), W[3], b=True, right=True), tc(par(sr - sa), W[4], b=True, right=True), tc('', W[5])])
    grid = ''.join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    borders = ''.join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for s in
                      ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
    table = (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
             f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')
    T = 2600
    lab = lambda k, val: para([run(k), '<w:r><w:tab/></w:r>', run(': ' + val)], tabs=T)
    body = [
        para('LAMPIRAN I', b=True), para('PERATURAN DESA PENDA DURIAN'), para('NOMOR 2 TAHUN 2025'),
        para('TENTANG PERTANGGUNGJAWABAN REALISASI PELAKSANAAN APB DESA TAHUN ANGGARAN 2024'), para(),
        para('LAPORAN PERTANGGUNGJAWABAN REALISASI PELAKSANAAN', b=True, center=True, sz=24),
        para('ANGGARAN PENDAPATAN DAN BELANJA DESA', b=True, center=True, sz=24),
        para(f'PEMERINTAH DESA {v["nama_desa"].upper()}', b=True, center=True, sz=24),
        para(f'TAHUN ANGGARAN {ta}', b=True, center=True, sz=24), para(),
        lab('Desa', v['nama_desa']), lab('Kecamatan', v['nama_kecamatan']),
        lab('Kabupaten', 'Kotawaringin Timur'), lab('Provinsi', 'Kalimantan Tengah'),
        lab('Tahun Anggaran', str(ta)), lab('Periode', '1 Januari s.d. 31 Desember 2024'), para(),
        table, para(),
        para('Penda Durian, 20 Januari 2025', center=False),
        para('KEPALA DESA PENDA DURIAN', b=True), para(), para(), para(), para('MARKUS BANDAN', b=True),
    ]
    sect = ('<w:sectPr><w:pgSz w:w="12240" w:h="18720"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" '
            'w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
           f'<w:body>{"".join(body)}{sect}</w:body></w:document>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="20"/>'
              '<w:lang w:val="id-ID"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" '
              'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>'
              '</w:styles>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '</Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Kaur Keuangan</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-20T02:15:00Z</dcterms:created></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>Microsoft Office Word</Application></Properties>')
    fn = 'LPJ Realisasi APBDes TA 2024 Desa Penda Durian.docx'
    with zipfile.ZipFile(OUT / fn, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', rels)
        z.writestr('word/document.xml', doc)
        z.writestr('word/styles.xml', styles)
        z.writestr('word/_rels/document.xml.rels', drels)
        z.writestr('docProps/core.xml', core)
        z.writestr('docProps/app.xml', app)
    add(dict(file=fn, record_type='apbdes', kode_desa=v['kode_desa'], desa=v['nama_desa'], tahun=ta,
             tahap='realisasi', line_items=len(L), anggaran=sums(L, 1), realisasi=sums(L, 2),
             source='Permendagri 20/2018 Lampiran: Laporan Pertanggungjawaban Realisasi Pelaksanaan APB Desa '
                    '(lampiran of the Perdes LPJ: KODE REKENING | URAIAN | ANGGARAN | REALISASI | LEBIH/(KURANG) | KET, '
                    'cf. OpenSID tabel_laporan_rp_apbd_isi.php for the jenis-level rows) typed in Microsoft Word by the '
                    'Kaur Keuangan (habit; no public .docx found)',
             shape='Word .docx (zip + WordprocessingML, no spreadsheet): Lampiran kop naming "Peraturan Desa ... Nomor 2 '
                   'Tahun 2025" about TA 2024; title paragraphs; "Label<TAB>: value" paragraphs (Desa, Kecamatan, '
                   'Kabupaten, Provinsi, Tahun Anggaran, Periode); ONE Word table with a 2-row header: KODE REKENING, '
                   'URAIAN and KET merged vertically (vMerge), "TAHUN ANGGARAN 2024" spanning 3 columns (gridSpan) '
                   'over ANGGARAN/REALISASI/LEBIH/(KURANG); header rows repeat (tblHeader); column-number row 1..6; '
                   'akun rows without amounts, kelompok subtotal rows (bold), jenis rows "4.2.1" = detail; JUMLAH '
                   'rows with the label spanning 2 columns; Lebih/(Kurang) = realisasi - anggaran with negatives in '
                   'parentheses "(2.747.600)"; Indonesian dots; SURPLUS/(DEFISIT), PEMBIAYAAN NETTO, SILPA rows; '
                   'signature paragraphs'))


# ---------------------------------------------------------------------------------------------
# 5. Google Forms responses sheet downloaded as CSV (English UI: Timestamp, m/d/yyyy)
# ---------------------------------------------------------------------------------------------
def f5():
    v = vil('62.02.04.2001')  # Tehang
    ta = 2025
    fields = [('4.1.1', 'Hasil Usaha Desa'), ('4.1.4', 'Lain-lain PADes'), ('4.2.1', 'Dana Desa'),
              ('4.2.2', 'Bagi Hasil Pajak dan Retribusi'), ('4.2.3', 'Alokasi Dana Desa'),
              ('4.2.4', 'Bantuan Keuangan Provinsi'), ('4.2.5', 'Bantuan Keuangan Kabupaten'), ('4.3.6', 'Bunga Bank'),
              ('5.1', 'Belanja Pegawai'), ('5.2', 'Belanja Barang dan Jasa'), ('5.3', 'Belanja Modal'),
              ('5.4', 'Belanja Tidak Terduga'), ('6.1.1', 'SiLPA Tahun Sebelumnya'), ('6.2.2', 'Penyertaan Modal Desa')]
    first = {'4.1.1': 7500000, '4.2.1': 894210000, '4.2.2': 43120000, '4.2.3': 552780000, '4.2.5': 75000000,
             '4.3.6': 1800000, '5.1': 432600000, '5.2': 610400000, '5.3': 478510000, '5.4': 30000000,
             '6.1.1': 22600000, '6.2.2': 45000000}
    final = dict(first)
    final.update({'4.1.4': 2500000, '4.2.1': 912_487_000})

    def fit(d):  # belanja modal takes the remainder so that each response balances
        inc = sum(x for c, x in d.items() if c.startswith('4.') or c.startswith('6.1'))
        out = sum(x for c, x in d.items() if c.startswith('6.2')) + sum(
            x for c, x in d.items() if c.startswith('5.') and c != '5.3')
        d['5.3'] = inc - out
    fit(first)
    fit(final)
    L = [(c, final[c]) for c, _ in fields if c in final]
    s = sums(L, 1)
    assert s['pendapatan'] + s['pembiayaan_penerimaan'] - s['pembiayaan_pengeluaran'] == s['belanja'], s
    head = ['Timestamp', 'Nama Desa', 'Kecamatan', 'Tahun Anggaran', 'Nama Petugas Pengisi', 'Jabatan',
            'Nomor Perdes APBDes', 'Tanggal Penetapan Perdes', 'Jenis Kiriman']
    head += [f'{nm} ({c}) - Rp' for c, nm in fields]
    head += ['Link Dokumen Perdes (Google Drive)', 'Catatan']
    def row(ts, data, jenis, note):
        r = [ts, 'Tehang', 'Parenggean', str(ta), 'Rini Hartati', 'Kaur Keuangan', '03 TAHUN 2024', '12/28/2024', jenis]
        r += [str(data[c]) if c in data else '' for c, _ in fields]
        r += ['https://drive.google.com/file/d/1xTehangPerdesAPBDes2025/view?usp=sharing', note]
        return r
    rows = [head,
            row('1/20/2025 9:14:03', first, 'Kiriman pertama', 'Pagu DD masih pagu indikatif'),
            row('1/27/2025 14:02:41', final, 'Perbaikan (mengganti kiriman sebelumnya)',
                'DD sesuai rincian definitif Kemenkeu, PADes lain-lain ditambahkan, belanja modal disesuaikan')]
    buf = io.StringIO()
    csv.writer(buf, lineterminator='\r\n').writerows(rows)
    fn = 'Pendataan APBDes TA 2025 Kec. Parenggean (Responses) - Tehang.csv'
    (OUT / fn).write_text(buf.getvalue(), encoding='utf-8')
    add(dict(file=fn, record_type='apbdes', kode_desa=v['kode_desa'], desa=v['nama_desa'], tahun=ta,
             tahap='anggaran', line_items=len(L), anggaran=s,
             source='Google Forms responses spreadsheet, File > Download > CSV (file name "<spreadsheet> - <tab>.csv"; '
                    'English UI: "Timestamp" column m/d/yyyy h:mm:ss, date answers m/d/yyyy); a kecamatan form collecting '
                    'APBDes pagu, the Tehang rows copied to their own tab (habit; no public example found)',
             shape='comma CSV, CRLF, UTF-8 without BOM; ONE ROW PER FORM RESPONSE, the accounts are COLUMNS '
                   '("Dana Desa (4.2.1) - Rp"), mixed detail: pendapatan at jenis level (4.x.x), belanja only at '
                   'kelompok level (5.1-5.4), pembiayaan 6.1.1/6.2.2; raw numbers without separators; blank = not '
                   'answered (4.2.4 both times, 4.1.4 in the first); TWO responses from the village: 1/20/2025 '
                   '"Kiriman pertama" and 1/27/2025 "Perbaikan (mengganti kiriman sebelumnya)" - the careful reader '
                   'takes the LATER one (manifest = second response, 13 filled amounts); Perdes date 12/28/2024 '
                   '(US m/d) for TA 2025; a Drive link column and a free-text Catatan'))


# ---------------------------------------------------------------------------------------------
# minimal hand-written XLSX (box/spout style: inline strings, no shared strings)
# ---------------------------------------------------------------------------------------------
def col(n):
    s = ''
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def f6():
    v = vil('62.02.10.2021')  # Tumbang Manya
    ta = 2024
    L = [
        ('4.1.4.01', 4_000_000, 3_150_000.0), ('4.2.1.01', 1_102_776_000, 1_102_776_000.0),
        ('4.2.2.01', 39_870_000, 41_236_550.0), ('4.2.3.01', 588_314_000, 588_314_000.0),
        ('4.2.4.01', 100_000_000, 100_000_000.0), ('4.3.6.01', 1_500_000, 2_113_874.61),
        ('5.1.1.01', 36_000_000, 36_000_000.0), ('5.1.1.02', 18_000_000, 18_000_000.0),
        ('5.1.2.01', 192_000_000, 192_000_000.0), ('5.1.2.02', 76_800_000, 76_800_000.0),
        ('5.1.3.02', 11_520_000, 11_040_000.0), ('5.1.4.01', 24_000_000, 24_000_000.0),
        ('5.1.4.02', 19_200_000, 19_200_000.0), ('5.2.1.01', 16_400_000, 15_987_500.0),
        ('5.2.1.04', 14_000_000, 13_755_000.0), ('5.2.1.06', 38_700_000, 37_905_000.0),
        ('5.2.2.01', 58_500_000, 58_500_000.0), ('5.2.2.05', 43_200_000, 43_200_000.0),
        ('5.2.3.01', 21_000_000, 19_640_000.0), ('5.2.4.03', 18_000_000, 17_500_000.0),
        ('5.2.5.01', 7_800_000, 7_312_450.0), ('5.2.7.01', 124_000_000, 122_650_000.0),
        ('5.2.7.05', 52_000_000, 51_870_000.0), ('5.3.3.04', 65_000_000, 64_800_000.0),
        ('5.3.5.03', 388_000_000, 386_225_000.0), ('5.3.8.03', 92_000_000, 91_640_000.0),
        ('5.4.1.01', 43_200_000, 43_200_000.0),
        ('6.1.1.01', 31_460_000, 31_460_000.0), ('6.2.2.01', 60_000_000, 60_000_000.0),
    ]
    L = balance(L, '5.3.5.03')
    head = ['kode_desa', 'nama_desa', 'tahun', 'kode_rekening', 'nama_rekening', 'pagu', 'realisasi', 'sisa', 'persen']
    data = [head]
    for code, a, r in L:
        data.append([v['kode_desa'], v['nama_desa'].upper(), ta, code, name(code), a, r, round(a - r, 2),
                     round(r / a * 100, 2)])
    rows = []
    for i, rr in enumerate(data, 1):
        cells = []
        for j, val in enumerate(rr, 1):
            ref = f'{col(j)}{i}'
            if isinstance(val, str):
                cells.append(f'<c r="{ref}" s="0" t="inlineStr"><is><t>{xesc(val)}</t></is></c>')
            else:
                cells.append(f'<c r="{ref}" s="0"><v>{val}</v></c>')
        rows.append(f'<row r="{i}" spans="1:{len(rr)}">' + ''.join(cells) + '</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>'
             + ''.join(rows) + '</sheetData></worksheet>')
    files = {
        '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" PartName="/xl/worksheets/sheet1.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" PartName="/xl/styles.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" PartName="/xl/workbook.xml"/><Override ContentType="application/vnd.openxmlformats-package.core-properties+xml" PartName="/docProps/core.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml" PartName="/docProps/app.xml"/></Types>',
        '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdWorkbook" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rIdCore" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rIdApp" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
        'docProps/app.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Box Spout</Application><TotalTime>0</TotalTime></Properties>',
        'docProps/core.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-09T03:27:51.000Z</dcterms:created><cp:revision>0</cp:revision></cp:coreProperties>',
        'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rIdSheet1"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Target="styles.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/><Relationship Id="rIdSheet1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>',
        'xl/styles.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="12"/><color rgb="FF000000"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle builtinId="0" name="Normal" xfId="0"/></cellStyles></styleSheet>',
        'xl/worksheets/sheet1.xml': sheet,
    }
    fn = 'realisasi_apbdes_6202102021_2024.xlsx'
    with zipfile.ZipFile(OUT / fn, 'w', zipfile.ZIP_DEFLATED) as z:
        for k, t in files.items():
            z.writestr(k, t)
    add(dict(file=fn, record_type='apbdes', kode_desa=v['kode_desa'], desa=v['nama_desa'], tahun=ta,
             tahap='realisasi', line_items=len(L), anggaran=sums(L, 1), realisasi=sums(L, 2),
             source='box/spout XLSX Writer (PHP; protected $shouldUseInlineStrings = true by default - search-index file '
                    'ids 10117681274 / 3747150134; docProps Application "Box Spout") as used by kabupaten/village web '
                    'apps for "Export Excel" of a database table (habit: column names = database fields)',
             shape='XLSX written by a streaming non-Excel tool: every string is an INLINE string (t="inlineStr"), no '
                   'sharedStrings.xml, one cell style only (no number formats), no <dimension>, sheet "Sheet1"; '
                   'NO title: row 1 = snake_case field names (kode_desa | nama_desa | tahun | kode_rekening | '
                   'nama_rekening | pagu | realisasi | sisa | persen); every row repeats kode_desa "62.02.10.2021", '
                   'nama_desa "TUMBANG MANYA" and tahun 2024; only level-4 lines, no subtotals, no totals; '
                   'realisasi written as floats (bunga bank 2113874.61 with cents; 4.2.2.01 over target -> negative '
                   'sisa); file name uses the 10-digit kode without dots'))


# ---------------------------------------------------------------------------------------------
# 7. XLSX with an Excel table (ListObject) + totals row + print area, and a 3-year recap sheet
# ---------------------------------------------------------------------------------------------
def f7():
    from openpyxl import Workbook
    from openpyxl.styles import Font, Alignment
    from openpyxl.worksheet.table import Table, TableStyleInfo, TableColumn
    v = vil('62.02.07.2002')  # Bagendang Hilir
    ta = 2025
    L = [
        ('4.1.1.01', 20_000_000, 'PAD'), ('4.1.2.07', 9_600_000, 'PAD'), ('4.2.1.01', 931_045_000, 'DD'),
        ('4.2.2.01', 66_540_000, 'BHP'), ('4.2.3.01', 604_118_000, 'ADD'), ('4.2.5.01', 120_000_000, 'BKK'),
        ('4.3.2.01', 15_000_000, 'PLL'), ('4.3.6.01', 2_200_000, 'PLL'),
        ('5.1.1.01', 36_000_000, 'ADD'), ('5.1.1.02', 21_600_000, 'ADD'), ('5.1.2.01', 222_000_000, 'ADD'),
        ('5.1.2.02', 79_200_000, 'ADD'), ('5.1.3.01', 5_832_000, 'ADD'), ('5.1.3.02', 15_552_000, 'ADD'),
        ('5.1.4.01', 30_000_000, 'ADD'), ('5.1.4.02', 24_000_000, 'ADD'),
        ('5.2.1.01', 19_300_000, 'ADD'), ('5.2.1.03', 6_500_000, 'PAD'), ('5.2.1.06', 51_400_000, 'DD'),
        ('5.2.1.12', 28_000_000, 'DD'), ('5.2.2.01', 66_000_000, 'DD'), ('5.2.2.04', 12_000_000, 'DD'),
        ('5.2.3.02', 18_000_000, 'ADD'), ('5.2.5.01', 10_800_000, 'ADD'), ('5.2.5.05', 6_000_000, 'PAD'),
        ('5.2.6.07', 42_000_000, 'DD'), ('5.2.7.01', 104_000_000, 'DD'), ('5.2.7.04', 18_000_000, 'DD'),
        ('5.3.4.03', 130_000_000, 'BKK'), ('5.3.5.03', 287_519_000, 'DD'), ('5.3.7.02', 34_000_000, 'DD'),
        ('5.3.7.03', 96_000_000, 'DD'), ('5.4.1.01', 45_000_000, 'DD'),
        ('6.1.1.01', 41_800_000, 'SILPA'), ('6.2.1.01', 20_000_000, 'PAD'), ('6.2.2.01', 50_000_000, 'DD'),
    ]
    L = balance(L, '5.3.5.03')
    wb = Workbook()
    ws = wb.active
    ws.title = f'APBDes {ta}'
    ws['A1'] = f'RINCIAN APBDes DESA {v["nama_desa"].upper()} TAHUN ANGGARAN {ta}'
    ws['A2'] = f'Kecamatan {v["nama_kecamatan"]} - Kabupaten Kotawaringin Timur'
    ws['A1'].font = Font(bold=True, size=13)
    ws.merge_cells('A1:E1')
    ws.merge_cells('A2:E2')
    hdr = ['Kode Rekening', 'Uraian', 'Kelompok', 'Anggaran (Rp)', 'Sumber Dana']
    R0 = 4
    for j, h in enumerate(hdr, 1):
        ws.cell(R0, j, h).font = Font(bold=True)
    for i, (code, amt, sd) in enumerate(L, R0 + 1):
        ws.cell(i, 1, code)
        ws.cell(i, 2, name(code))
        ws.cell(i, 3, name(code[:3]))
        c = ws.cell(i, 4, amt)
        c.number_format = '#,##0'
        ws.cell(i, 5, sd)
    last = R0 + len(L)
    tot_r = last + 1
    ws.cell(tot_r, 1, 'Total')
    ws.cell(tot_r, 4, f'=SUBTOTAL(109,Tabel_APBDes[Anggaran (Rp)])').number_format = '#,##0'
    t = Table(displayName='Tabel_APBDes', ref=f'A{R0}:E{tot_r}', totalsRowCount=1)
    t.tableStyleInfo = TableStyleInfo(name='TableStyleMedium2', showRowStripes=True)
    t._initialise_columns()
    t.tableColumns[0].totalsRowLabel = 'Total'
    t.tableColumns[3].totalsRowFunction = 'sum'
    t.autoFilter.ref = f'A{R0}:E{last}'
    ws.add_table(t)
    ws.freeze_panes = f'A{R0 + 1}'
    ws.print_area = f'A1:E{tot_r + 5}'
    ws.print_title_rows = f'{R0}:{R0}'
    ws.cell(tot_r + 2, 1, 'Catatan: total tabel adalah jumlah seluruh baris (pendapatan + belanja + pembiayaan), hanya untuk kontrol input.')
    ws.cell(tot_r + 4, 4, 'Bagendang Hilir, 6 Januari 2025')
    ws.cell(tot_r + 5, 4, 'Kepala Desa')
    for c, w in zip('ABCDE', (14, 58, 30, 16, 12)):
        ws.column_dimensions[c].width = w
    s = sums(L, 1)
    ws2 = wb.create_sheet('Rekap 3 Tahun')
    ws2['A1'] = 'REKAP APBDes 3 TAHUN (untuk baliho/infografis)'
    ws2['A1'].font = Font(bold=True)
    ws2.append([])
    ws2.append(['Uraian', 'TA 2023 (Realisasi)', 'TA 2024 (Realisasi)', f'TA {ta} (Anggaran)'])
    ws2.append(['Pendapatan', 1_688_402_115, 1_742_950_340, s['pendapatan']])
    ws2.append(['Belanja', 1_671_880_000, 1_735_114_200, s['belanja']])
    ws2.append(['Penerimaan Pembiayaan', 28_350_000, 36_874_560, s['pembiayaan_penerimaan']])
    ws2.append(['Pengeluaran Pembiayaan', 20_000_000, 30_000_000, s['pembiayaan_pengeluaran']])
    for row in ws2.iter_rows(min_row=4, min_col=2):
        for c in row:
            c.number_format = '#,##0'
    ws2.column_dimensions['A'].width = 26
    for c in 'BCD':
        ws2.column_dimensions[c].width = 20
    wb.active = 0
    fn = 'APBDes 2025 Bagendang Hilir (tabel).xlsx'
    p = OUT / fn
    wb.save(p)
    # openpyxl stores no cached value for formulas; Excel would have one: inject it
    total_all = sum(x[1] for x in L)
    tmp = p.with_suffix('.tmp')
    with zipfile.ZipFile(p) as zin, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == 'xl/worksheets/sheet1.xml':
                txt = data.decode('utf-8')
                txt, n = re.subn(r'(<c r="D%d"[^>]*>)<f>(.*?)</f><v\s*/?>(</v>)?' % tot_r,
                                 lambda m: f'{m.group(1)}<f>{m.group(2)}</f><v>{total_all}</v>', txt)
                if n == 0:
                    txt, n = re.subn(r'(<c r="D%d"[^>]*>)<f>(.*?)</f>' % tot_r,
                                     lambda m: f'{m.group(1)}<f>{m.group(2)}</f><v>{total_all}</v>', txt)
                assert n == 1, 'cached value not injected'
                data = txt.encode('utf-8')
            zout.writestr(item, data)
    tmp.replace(p)
    add(dict(file=fn, record_type='apbdes', kode_desa=v['kode_desa'], desa=v['nama_desa'], tahun=ta,
             tahap='anggaran', line_items=len(L), anggaran=s,
             source='habit: operator types the APBDes lines in Excel and applies "Format as Table" (ListObject, '
                    'TableStyleMedium2, Total Row = SUBTOTAL(109,...)), sets a print area / print titles, and keeps a '
                    'recap sheet for the baliho; no public example found (ECMA-376 table part)',
             shape='XLSX with an Excel TABLE object (xl/tables/table1.xml "Tabel_APBDes", autofilter on the header, '
                   'totals row "Total" = SUBTOTAL(109,Tabel_APBDes[Anggaran (Rp)]) with cached value = sum of ALL '
                   'rows (pendapatan + belanja + pembiayaan mixed - a control sum, NOT a section total, as the note '
                   'under the table says); defined names _xlnm.Print_Area and _xlnm.Print_Titles; frozen header; '
                   'title rows 1-2 merged; flat list of level-4 lines with a "Kelompok" column (level-2 name) and '
                   'sumber dana; 6.2.1.01 Dana Cadangan; SECOND sheet "Rekap 3 Tahun" with section totals for TA 2023 '
                   '(realisasi), TA 2024 (realisasi) and TA 2025 (anggaran): other years, summary only - not line items'))


# ---------------------------------------------------------------------------------------------
# 8. REJECT: HTML-as-.xls export (mso-number-format, <br>) with Dana Desa entered twice, different amounts
# ---------------------------------------------------------------------------------------------
def f8():
    v = vil('62.02.11.2003')  # Lampuyang
    ta = 2025
    L = [
        ('4.1.1.01', 6_000_000), ('4.2.1.01', 1_012_450_000), ('4.2.1.01', 1_078_920_000),
        ('4.2.2.01', 49_300_000), ('4.2.3.01', 566_210_000), ('4.3.6.01', 1_900_000),
        ('5.1.1.01', 36_000_000), ('5.1.2.01', 198_000_000), ('5.1.2.02', 72_000_000), ('5.1.3.02', 10_800_000),
        ('5.1.4.01', 27_000_000), ('5.2.1.01', 15_600_000), ('5.2.1.06', 36_400_000), ('5.2.2.01', 61_500_000),
        ('5.2.3.01', 19_200_000), ('5.2.5.01', 8_400_000), ('5.2.6.05', 54_000_000), ('5.2.7.01', 96_000_000),
        ('5.3.5.03', 402_000_000), ('5.3.7.03', 118_500_000), ('5.4.1.01', 36_000_000),
        ('6.1.1.01', 14_650_000),
    ]
    # the budget is balanced only when BOTH Dana Desa lines are counted (the typist's total includes both)
    L = balance(L, '5.3.5.03')
    s = sums(L, 1)
    trs = []
    no = 0
    for code, a in L:
        no += 1
        nm = name(code)
        if code == '4.2.1.01':
            nm += '<br>(Pagu Indikatif)' if a == 1_012_450_000 else '<br>(Earmark &amp; Non Earmark)'
        trs.append(f'<tr><td align="center">{no}</td><td class="txt">{code}</td><td>{nm}</td>'
                   f'<td class="num" align="right">{a}</td></tr>')
        nxt = L[no][0] if no < len(L) else ''
        for akun, lab in (('4', 'JUMLAH PENDAPATAN'), ('5', 'JUMLAH BELANJA'), ('6.1', 'JUMLAH PENERIMAAN PEMBIAYAAN')):
            if code.startswith(akun + '.') and not nxt.startswith(akun + '.'):
                key = {'4': 'pendapatan', '5': 'belanja', '6.1': 'pembiayaan_penerimaan'}[akun]
                trs.append(f'<tr style="font-weight:bold;background:#F2F2F2"><td colspan="3" align="center">{lab}</td>'
                           f'<td class="num" align="right">{s[key]}</td></tr>')
    html = f'''<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>APBDes</x:Name><x:WorksheetOptions><x:DisplayGridlines/></x:WorksheetOptions></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
<style>
td, th {{ font-family: Arial; font-size: 10pt; border: .5pt solid windowtext; }}
.txt {{ mso-number-format:"\\@"; }}
.num {{ mso-number-format:"\\#\\,\\#\\#0"; }}
br {{ mso-data-placement:same-cell; }}
</style></head>
<body>
<table>
<tr><td colspan="4" style="border:none;font-weight:bold;text-align:center">RINCIAN APBDes TAHUN ANGGARAN {ta}</td></tr>
<tr><td colspan="4" style="border:none;text-align:center">DESA {v["nama_desa"].upper()} KECAMATAN {v["nama_kecamatan"].upper()}</td></tr>
<tr><td colspan="4" style="border:none"></td></tr>
<thead><tr style="background:#BDD7EE"><th>NO</th><th>KODE<br>REKENING</th><th>URAIAN</th><th>ANGGARAN<br>(Rp)</th></tr></thead>
<tbody>
{chr(10).join(trs)}
</tbody>
</table>
</body></html>
'''
    fn = 'rincian_apbdes_lampuyang_2025.xls'
    (OUT / fn).write_text(html, encoding='utf-8')
    add(dict(file=fn, record_type='apbdes', kode_desa=v['kode_desa'], desa=v['nama_desa'], tahun=ta,
             tahap='anggaran', line_items=len(L), anggaran=s,
             source='HTML-table "Excel" export of PHP apps (Content-type application/vnd.ms-excel; x:ExcelWorkbook '
                    'conditional comment, mso-number-format "\\@" for codes, br mso-data-placement:same-cell - e.g. '
                    'search-index ids 52670190638, NurulFaisolRahman/CVIDE application/views/ExcelKas.php); habit: '
                    'operator keeps both the pagu indikatif and the definitive Dana Desa line',
             shape='HTML saved as .xls with Office namespaces and an x:ExcelWorksheet name; codes forced to text via '
                   'class mso-number-format:"\\@"; <br> inside cells ("KODE<br>REKENING", "Dana Desa<br>(Pagu Indikatif)"); '
                   'raw integers styled #,##0; account 4.2.1.01 Dana Desa appears TWICE with different amounts '
                   '(1012450000 "Pagu Indikatif" and 1078920000 "Earmark & Non Earmark"); JUMLAH PENDAPATAN counts both, '
                   'and the belanja was balanced against that inflated total',
             expect='reject',
             why='Dana Desa (4.2.1.01) is listed twice with different amounts (1.012.450.000 pagu indikatif and '
                 '1.078.920.000) and JUMLAH PENDAPATAN adds both: a village has one Dana Desa allocation, so the '
                 'published pendapatan would be overstated by about 1 billion and the belanja, balanced against it, '
                 'cannot be right either. A careful officer returns it: which Dana Desa figure was adopted in the '
                 'Perdes APBDes, and what is the corrected belanja?'))


def main():
    for f in (f1, f2, f3, f4, f5, f6, f7, f8):
        f()
    (OUT / 'manifest.json').write_text(json.dumps(MANIFEST, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
    for m in MANIFEST:
        print(m['file'], m['line_items'], m.get('anggaran'), m.get('realisasi', ''), m.get('expect', ''))


if __name__ == '__main__':
    main()
