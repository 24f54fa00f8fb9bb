"""Blind trial 7, area musyawarah: 7 correct village files + 1 reject, and manifest.json.

Run: .venv/bin/python build.py   (stdlib + openpyxl)
Numbers and people's names are invented; attendance is counts; no NIK/KK/phone/e-mail.
The manifest is computed from the meeting lists written below, never by hand.
"""
import csv
import io
import json
import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.table import Table, TableStyleInfo

REF = Path(__file__).resolve().parents[5] / 'reference'
OUT = Path(__file__).resolve().parent

VILLAGES = {}
with open(REF / 'kotim_villages.csv', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        VILLAGES[r['kode_desa']] = r

HARI = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']
BULAN = ['', 'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus',
         'September', 'Oktober', 'November', 'Desember']


def tgl_indo(d):
    return f'{d.day} {BULAN[d.month]} {d.year}'


def hari_tgl(d):
    return f'{HARI[d.weekday()]}, {tgl_indo(d)}'


def vil(kode):
    v = VILLAGES[kode]
    assert v['jenis'] == 'desa', kode
    return v


MANIFEST = []


def add_manifest(file, kode, tahun, meetings, source, shape, diundang=None, extra=None):
    v = vil(kode)
    held = [m for m in meetings]
    item = {
        'file': file,
        'record_type': 'musyawarah',
        'kode_desa': kode,
        'desa': v['nama_desa'],
        'tahun': tahun,
        'line_items': len(held),
        'source': source,
        'shape': shape,
        'total_hadir': sum(m['L'] + m['P'] for m in held),
        'hadir_laki': sum(m['L'] for m in held),
        'hadir_perempuan': sum(m['P'] for m in held),
        'tanggal': [m['d'].isoformat() for m in held],
    }
    if diundang is not None:
        item['jumlah_diundang'] = diundang
    if extra:
        item.update(extra)
    MANIFEST.append(item)


def M(d, jenis, tempat, L, P, **kw):
    m = {'d': d, 'jenis': jenis, 'tempat': tempat, 'L': L, 'P': P}
    m.update(kw)
    return m


# ---------------------------------------------------------------------------------------------
# 1. OpenSID-style "Unduh" (.xls that is really HTML), Buku Kegiatan BPD, Tumbang Kaminting 2024
# ---------------------------------------------------------------------------------------------
def f1():
    kode = '62.02.15.2002'
    v = vil(kode)
    ms = [
        M(date(2024, 1, 18), 'Musyawarah Desa Penetapan APBDes TA 2024', 'Balai Desa', 19, 8,
          hasil=['APBDes TA 2024 disepakati', 'Diteruskan ke Kepala Desa untuk Perdes']),
        M(date(2024, 3, 7), 'Rapat BPD (Rapat Pleno) Evaluasi LKPPD 2023', 'Sekretariat BPD', 7, 2,
          hasil=['Catatan evaluasi LKPPD TA 2023']),
        M(date(2024, 4, 25), 'Musyawarah Desa Khusus Penetapan KPM BLT-DD', 'Balai Desa', 21, 14,
          hasil=['22 KPM BLT-DD ditetapkan', 'Daftar KPM diumumkan di papan informasi']),
        M(date(2024, 6, 13), 'Musyawarah Dusun I & II (Penggalian Gagasan)', 'Rumah Kadus I', 26, 11,
          hasil=['17 usulan dusun dicatat']),
        M(date(2024, 7, 24), 'Musyawarah Desa Penyusunan RKP Desa TA 2025', 'Balai Desa', 24, 10,
          hasil=['Prioritas kegiatan RKP Desa 2025', 'Tim penyusun RKP Desa dibentuk']),
        M(date(2024, 9, 5), 'Musyawarah Perencanaan Pembangunan Desa (Musrenbangdes)', 'Balai Desa', 28, 13,
          hasil=['Rancangan RKP Desa TA 2025 disepakati']),
        M(date(2024, 11, 28), 'Musyawarah Desa Pertanggungjawaban Kades / Evaluasi Realisasi', 'Balai Desa', 17, 6,
          hasil=['Laporan realisasi s.d. Oktober 2024 diterima']),
    ]
    nama = f'DESA {v["nama_desa"].upper()} KECAMATAN {v["nama_kecamatan"].upper()} KABUPATEN KOTAWARINGIN TIMUR'
    rows = []
    for i, m in enumerate(ms, 1):
        hasil = '<br>'.join(f'- {h}' for h in m['hasil'])
        rows.append(
            '\t\t\t\t\t\t<tr>\n'
            f'\t\t\t\t\t\t\t<td class="padat">{i}</td>\n'
            f'\t\t\t\t\t\t\t<td class="textx" nowrap>{tgl_indo(m["d"])}</td>\n'
            f'\t\t\t\t\t\t\t<td>{escape(m["jenis"])}</td>\n'
            f'\t\t\t\t\t\t\t<td>{escape(m["tempat"])}</td>\n'
            f'\t\t\t\t\t\t\t<td style="mso-number-format:\'0\';" align="center">{m["L"]}</td>\n'
            f'\t\t\t\t\t\t\t<td style="mso-number-format:\'0\';" align="center">{m["P"]}</td>\n'
            f'\t\t\t\t\t\t\t<td style="mso-number-format:\'0\';" align="center">{m["L"] + m["P"]}</td>\n'
            f'\t\t\t\t\t\t\t<td>{hasil}</td>\n'
            '\t\t\t\t\t\t\t<td></td>\n'
            '\t\t\t\t\t\t</tr>\n')
    html = f'''<!-- TODO: Pindahkan ke external css -->
<style>
\t.textx
\t{{
\t\tmso-number-format:"\\@";
\t}}
\ttd, th
\t{{
\t\tfont-size:9pt;
\t}}
\ttable#ttd td
\t{{
\t\ttext-align: center;
\t\twhite-space: nowrap;
\t}}
\t.underline
\t{{
\t\ttext-decoration: underline;
\t}}
\tbr {{ mso-data-placement:same-cell; }}
</style>

<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
\t<head>
\t\t
\t\t<title>Buku Kegiatan BPD</title>
\t\t<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
\t\t<link href="https://tumbangkaminting.desa.id/assets/css/report.css" rel="stylesheet" type="text/css">
\t\t<link rel="shortcut icon" href="https://tumbangkaminting.desa.id/favicon.ico"/>
\t</head>
\t<body>
\t\t<div id="container">
\t\t\t<div id="body">
\t\t\t\t<div class="header" align="center">
\t\t\t\t\t<h3>BUKU KEGIATAN BADAN PERMUSYAWARATAN DESA</h3>
\t\t\t\t\t<h4>{nama}</h4>
\t\t\t\t\t<h4>TAHUN 2024</h4>
\t\t\t\t\t<br>
\t\t\t\t</div>
\t\t\t\t<table class="border thick">
\t\t\t\t\t<thead>
\t\t\t\t\t\t<tr class="border thick">
\t\t\t\t\t\t\t<th rowspan="2">NOMOR URUT</th>
\t\t\t\t\t\t\t<th rowspan="2">TANGGAL</th>
\t\t\t\t\t\t\t<th rowspan="2">JENIS KEGIATAN / MUSYAWARAH</th>
\t\t\t\t\t\t\t<th rowspan="2">TEMPAT</th>
\t\t\t\t\t\t\t<th colspan="3">JUMLAH PESERTA HADIR</th>
\t\t\t\t\t\t\t<th rowspan="2">HASIL / KESEPAKATAN</th>
\t\t\t\t\t\t\t<th rowspan="2">KET.</th>
\t\t\t\t\t\t</tr>
\t\t\t\t\t\t<tr class="border thick">
\t\t\t\t\t\t\t<th>L</th>
\t\t\t\t\t\t\t<th>P</th>
\t\t\t\t\t\t\t<th>JML</th>
\t\t\t\t\t\t</tr>
\t\t\t\t\t\t<tr class="border thick">
{"".join(f"{chr(9)*7}<th>{k}</th>{chr(10)}" for k in range(1, 10))}\t\t\t\t\t\t</tr>
\t\t\t\t\t</thead>
\t\t\t\t\t<tbody>
{"".join(rows)}\t\t\t\t\t</tbody>
\t\t\t\t</table>
\t\t\t\t<br><br>
\t\t\t\t<table id="ttd">
\t\t\t\t\t<tr><td colspan="9">&nbsp;</td></tr>
\t\t\t\t\t<tr>
\t\t\t\t\t\t<td colspan="1">&nbsp;</td>
\t\t\t\t\t\t<td colspan="2">MENGETAHUI<br>KEPALA DESA {v["nama_desa"].upper()}<br><br><br><br><br><u>YOHANES S. DJAGA</u></td>
\t\t\t\t\t\t<td colspan="3">&nbsp;</td>
\t\t\t\t\t\t<td colspan="3" nowrap>{v["nama_desa"].upper()}, 30 DESEMBER 2024<br>KETUA BPD<br><br><br><br><br><u>MARIATI NGABE</u></td>
\t\t\t\t\t</tr>
\t\t\t\t</table>
\t\t\t</div>
\t\t</div>
\t</body>
</html>
'''
    name = 'Buku_kegiatan_bpd_2024-12-30.xls'
    (OUT / name).write_text(html, encoding='utf-8')
    add_manifest(
        name, kode, 2024, ms,
        'OpenSID/OpenSID donjo-app/views (bumindes) "unduh" templates, e.g. the A.9 Buku Lembaran Desa '
        'view (find_string id 74471761: <style> block with .textx{mso-number-format:"\\@"} BEFORE <!DOCTYPE>, '
        'thead with rowspan/colspan and a column-number row, filename Lembaran_desa_<Y-m-d>.xls sent as '
        'application/octet-stream) and views/print export wrapper (id 269761410: blok TTD with <br> lines); '
        'BPD Buku Kegiatan per Permendagri 110/2016',
        'HTML table saved with an .xls extension (OpenSID "Unduh"): <style> before <!DOCTYPE>, XHTML; '
        'two-row thead (JUMLAH PESERTA HADIR colspan=3 over L|P|JML, other headings rowspan=2) plus a '
        'column-number row 1..9; dates as text "18 Januari 2024" in a .textx (mso-number-format "@") cell; '
        'counts with mso-number-format:\'0\'; HASIL cell holds several "- ..." lines joined by <br> '
        '(mso-data-placement:same-cell); village only in <h4> "DESA ... KECAMATAN ... KABUPATEN ..."; year in '
        '"TAHUN 2024"; file name carries only the download date; signature table after the data table '
        '(Kepala Desa + Ketua BPD, no counts). Mix of one internal Rapat BPD and six musyawarah: all 7 are '
        'meetings held.')


# ---------------------------------------------------------------------------------------------
# 2. Web page saved from the browser (.htm), OpenSID theme article, Bagendang Hulu 2024
# ---------------------------------------------------------------------------------------------
def f2():
    kode = '62.02.07.2005'
    v = vil(kode)
    ms = [
        M(date(2024, 1, 10), 'Musdes Penetapan APBDes 2024', 'Aula Kantor Desa', 22, 9),
        M(date(2024, 2, 21), 'Musdes Khusus BLT Dana Desa', 'Aula Kantor Desa', 18, 15),
        M(date(2024, 5, 16), 'Musdus RT 01-04', 'Mushola Al-Ikhlas', 20, 12),
        M(date(2024, 5, 18), 'Musdus RT 05-08', 'Posyandu Melati', 16, 17),
        M(date(2024, 8, 8), 'Musrenbangdes RKPDes 2025', 'Aula Kantor Desa', 31, 14),
        M(date(2024, 10, 29), 'Musdes Pembentukan BUMDes Bersama', 'Aula Kantor Desa', 19, 7),
    ]
    url = 'https://bagendanghulu.desa.id/artikel/2025/1/14/rekapitulasi-musyawarah-desa-tahun-2024'
    trs = []
    for i, m in enumerate(ms, 1):
        trs.append(f'<tr><td style="text-align:center">{i}</td><td>{hari_tgl(m["d"])}</td>'
                   f'<td>{escape(m["jenis"])}</td><td>{escape(m["tempat"])}</td>'
                   f'<td style="text-align:right">{m["L"]}</td><td style="text-align:right">{m["P"]}</td>'
                   f'<td style="text-align:right"><strong>{m["L"] + m["P"]}</strong></td></tr>')
    tl = sum(m['L'] for m in ms)
    tp = sum(m['P'] for m in ms)
    html = f'''<!DOCTYPE html>
<!-- saved from url=({len(url):04d}){url} -->
<html lang="id"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rekapitulasi Musyawarah Desa Tahun 2024 – Website Resmi Desa {v["nama_desa"]}</title>
<meta property="og:title" content="Rekapitulasi Musyawarah Desa Tahun 2024">
<meta property="og:site_name" content="Desa {v["nama_desa"]}">
<link rel="stylesheet" href="./Rekapitulasi Musyawarah Desa Tahun 2024_files/bootstrap.min.css">
<link rel="stylesheet" href="./Rekapitulasi Musyawarah Desa Tahun 2024_files/style.css">
<script src="./Rekapitulasi Musyawarah Desa Tahun 2024_files/jquery.min.js"></script>
</head>
<body>
<header id="header">
  <div class="container">
    <div class="logo"><img src="./Rekapitulasi Musyawarah Desa Tahun 2024_files/logo.png" alt="logo">
      <h1>Desa {v["nama_desa"]}</h1>
      <p>Kecamatan {v["nama_kecamatan"]} Kabupaten Kotawaringin Timur Provinsi Kalimantan Tengah</p></div>
    <nav><ul class="menu">
      <li><a href="https://bagendanghulu.desa.id/">Beranda</a></li>
      <li><a href="https://bagendanghulu.desa.id/artikel/kategori/profil-desa">Profil Desa</a></li>
      <li><a href="https://bagendanghulu.desa.id/peta">Peta</a></li>
      <li><a href="https://bagendanghulu.desa.id/data-wilayah">Data Desa</a></li>
      <li><a href="https://bagendanghulu.desa.id/artikel/kategori/lembaga">Lembaga Masyarakat</a></li>
    </ul></nav>
  </div>
</header>
<div class="ticker"><marquee>Selamat datang di Website Resmi Desa {v["nama_desa"]} — Pelayanan kantor desa Senin s.d. Jumat pukul 08.00 - 14.00 WIB</marquee></div>
<main class="container">
 <div class="row">
  <div class="col-md-8">
   <article id="artikel">
    <ol class="breadcrumb"><li><a href="https://bagendanghulu.desa.id/">Beranda</a></li><li>Berita Desa</li></ol>
    <h2 class="judul">Rekapitulasi Musyawarah Desa Tahun 2024</h2>
    <div class="meta"><span><i class="fa fa-calendar"></i> 14 Januari 2025</span> <span><i class="fa fa-user"></i> Administrator</span> <span><i class="fa fa-eye"></i> Dibaca 213 Kali</span></div>
    <div class="isi">
     <p>Sebagai wujud keterbukaan informasi publik, Pemerintah Desa bersama BPD {v["nama_desa"]} menyampaikan rekapitulasi pelaksanaan musyawarah selama tahun 2024 berikut jumlah peserta yang hadir berdasarkan daftar hadir.</p>
     <table class="table table-bordered" border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;width:100%">
      <thead>
       <tr style="background:#3c8dbc;color:#fff"><th rowspan="2">No</th><th rowspan="2">Hari / Tanggal</th><th rowspan="2">Jenis Musyawarah</th><th rowspan="2">Tempat</th><th colspan="3">Peserta Hadir (orang)</th></tr>
       <tr style="background:#3c8dbc;color:#fff"><th>Laki-laki</th><th>Perempuan</th><th>Jumlah</th></tr>
      </thead>
      <tbody>
       {chr(10).join("       " + t for t in trs).lstrip()}
      </tbody>
      <tfoot>
       <tr><th colspan="4">JUMLAH</th><th style="text-align:right">{tl}</th><th style="text-align:right">{tp}</th><th style="text-align:right">{tl + tp}</th></tr>
      </tfoot>
     </table>
     <p>Dokumen berita acara dan daftar hadir lengkap dapat dilihat di Kantor Desa pada jam kerja.</p>
     <p><em>Sumber: Sekretariat BPD Desa {v["nama_desa"]}</em></p>
    </div>
    <div class="share">Bagikan: <a href="https://www.facebook.com/sharer.php?u={url}">Facebook</a> | <a href="https://twitter.com/share?url={url}">Twitter</a></div>
   </article>
   <div id="komentar"><h4>Komentar</h4><p>Belum ada komentar.</p></div>
  </div>
  <aside class="col-md-4">
   <div class="widget"><h3>Aparatur Desa</h3><ul><li>Kepala Desa</li><li>Sekretaris Desa</li><li>Kaur Keuangan</li></ul></div>
   <div class="widget"><h3>Statistik Pengunjung</h3>
    <table class="counter"><tr><td>Hari ini</td><td>37</td></tr><tr><td>Kemarin</td><td>52</td></tr><tr><td>Total</td><td>18.406</td></tr></table></div>
   <div class="widget"><h3>Arsip Artikel</h3><ul>
    <li><a href="https://bagendanghulu.desa.id/artikel/2024/12/30/realisasi-apbdes-2024">Realisasi APBDes 2024</a> <small>(30 Desember 2024)</small></li>
    <li><a href="https://bagendanghulu.desa.id/artikel/2024/11/2/posyandu-balita">Kegiatan Posyandu Balita</a> <small>(2 November 2024)</small></li>
   </ul></div>
  </aside>
 </div>
</main>
<footer><p>© 2025 Pemerintah Desa {v["nama_desa"]} · Powered by OpenSID</p></footer>
</body></html>
'''
    name = f'Rekapitulasi Musyawarah Desa Tahun 2024 – Website Resmi Desa {v["nama_desa"]}.htm'
    (OUT / name).write_text(html, encoding='utf-8')
    add_manifest(
        name, kode, 2024, ms,
        'OpenSID public website (tema) artikel page as on https://lebih.desa.id/artikel/2026/2/28/laporan-realisasi-apdes-2023 '
        '(breadcrumb, meta "Dibaca n Kali", sidebar widgets, article body with a table); browser "Save Page As '
        '– Webpage, Complete" habit (<!-- saved from url=(NNNN)... --> mark, "<title>_files/" asset folder)',
        'Complete web page saved from the browser (.htm, UTF-8): the data table sits inside the article body '
        'among a site header/menu, a marquee ticker, a visitor-counter table (Hari ini/Kemarin/Total numbers '
        'that are NOT attendance), an article-archive widget with dates (NOT meetings) and a footer; the '
        'article is dated 14 Januari 2025 (publication date, not a meeting). Table: two-row thead '
        '(Peserta Hadir (orang) colspan=3 over Laki-laki|Perempuan|Jumlah), dates "Rabu, 10 Januari 2024", '
        'Jumlah inside <strong>, tfoot JUMLAH row (th colspan=4). Village only in <title>/site header '
        '("Desa Bagendang Hulu", "Kecamatan Mentaya Hilir Utara") and file name; year in the title.')


# ---------------------------------------------------------------------------------------------
# 3/8. Excel 2003 XML Spreadsheet (SpreadsheetML)
# ---------------------------------------------------------------------------------------------
SS_HEAD = '''<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">
  <Author>{author}</Author>
  <Created>{created}</Created>
  <Version>16.00</Version>
 </DocumentProperties>
 <ExcelWorkbook xmlns="urn:schemas-microsoft-com:office:excel">
  <WindowHeight>7965</WindowHeight>
  <WindowWidth>21450</WindowWidth>
  <ProtectStructure>False</ProtectStructure>
  <ProtectWindows>False</ProtectWindows>
 </ExcelWorkbook>
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal">
   <Alignment ss:Vertical="Bottom"/>
   <Borders/>
   <Font ss:FontName="Calibri" x:Family="Swiss" ss:Size="11" ss:Color="#000000"/>
   <Interior/>
   <NumberFormat/>
   <Protection/>
  </Style>
  <Style ss:ID="sJudul">
   <Alignment ss:Horizontal="Center" ss:Vertical="Center"/>
   <Font ss:FontName="Calibri" x:Family="Swiss" ss:Size="12" ss:Bold="1"/>
  </Style>
  <Style ss:ID="sHead">
   <Alignment ss:Horizontal="Center" ss:Vertical="Center" ss:WrapText="1"/>
   <Borders>
    <Border ss:Position="Bottom" ss:LineStyle="Continuous" ss:Weight="1"/>
    <Border ss:Position="Left" ss:LineStyle="Continuous" ss:Weight="1"/>
    <Border ss:Position="Right" ss:LineStyle="Continuous" ss:Weight="1"/>
    <Border ss:Position="Top" ss:LineStyle="Continuous" ss:Weight="1"/>
   </Borders>
   <Font ss:FontName="Calibri" x:Family="Swiss" ss:Size="11" ss:Bold="1"/>
   <Interior ss:Color="#D9E1F2" ss:Pattern="Solid"/>
  </Style>
  <Style ss:ID="sText"><NumberFormat ss:Format="@"/></Style>
  <Style ss:ID="sTgl"><NumberFormat ss:Format="dd\\-mm\\-yyyy"/></Style>
  <Style ss:ID="sNum"><NumberFormat ss:Format="0"/></Style>
  <Style ss:ID="sBold"><Font ss:FontName="Calibri" x:Family="Swiss" ss:Size="11" ss:Bold="1"/></Style>
 </Styles>
'''


def ss_cell(v, style=None, typ=None, formula=None, index=None, merge=None):
    a = ''
    if index:
        a += f' ss:Index="{index}"'
    if merge:
        a += f' ss:MergeAcross="{merge}"'
    if style:
        a += f' ss:StyleID="{style}"'
    if formula:
        a += f' ss:Formula="{formula}"'
    if v is None:
        return f'<Cell{a}/>'
    if typ is None:
        typ = 'Number' if isinstance(v, (int, float)) else 'String'
    if isinstance(v, date):
        typ, v = 'DateTime', v.strftime('%Y-%m-%dT00:00:00.000')
    return f'<Cell{a}><Data ss:Type="{typ}">{escape(str(v))}</Data></Cell>'


def spreadsheetml(kode, tahun, ms, sheetname, title2, with_undangan, author):
    v = vil(kode)
    kd = kode.replace('.', '')
    cols = ['No', 'Kode Desa', 'Nama Desa', 'Tanggal', 'Jenis Musyawarah', 'Agenda / Pokok Bahasan']
    if with_undangan:
        cols.append('Jumlah Undangan')
    cols += ['Hadir L', 'Hadir P', 'Jumlah Hadir']
    n = len(cols)
    out = [SS_HEAD.format(author=author, created=f'{tahun + 1}-01-08T02:14:09Z')]
    out.append(f' <Worksheet ss:Name="{sheetname}">\n')
    out.append(f'  <Table ss:ExpandedColumnCount="{n}" ss:ExpandedRowCount="{len(ms) + 6}" '
               'x:FullColumns="1" x:FullRows="1" ss:DefaultRowHeight="15">\n')
    for w in [28, 78, 110, 70, 230, 260] + ([70] if with_undangan else []) + [50, 50, 60]:
        out.append(f'   <Column ss:Width="{w}"/>\n')
    out.append(f'   <Row ss:Height="18">{ss_cell("REKAPITULASI PELAKSANAAN MUSYAWARAH DESA", "sJudul", merge=n - 1)}</Row>\n')
    out.append(f'   <Row>{ss_cell(title2, "sJudul", merge=n - 1)}</Row>\n')
    out.append('   <Row ss:Index="4" ss:Height="30">' + ''.join(ss_cell(c, 'sHead') for c in cols) + '</Row>\n')
    for i, m in enumerate(ms, 1):
        cells = [ss_cell(i), ss_cell(kd, 'sText'), ss_cell(v['nama_desa'].upper()), ss_cell(m['d'], 'sTgl'),
                 ss_cell(m['jenis']), ss_cell(m['agenda'])]
        if with_undangan:
            cells.append(ss_cell(m['undangan'], 'sNum'))
        cells += [ss_cell(m['L'], 'sNum'), ss_cell(m['P'], 'sNum'),
                  ss_cell(m['L'] + m['P'], 'sNum', formula='=RC[-2]+RC[-1]')]
        out.append('   <Row>' + ''.join(cells) + '</Row>\n')
    out.append('  </Table>\n')
    out.append('  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">\n'
               '   <PageSetup><Layout x:Orientation="Landscape"/></PageSetup>\n'
               '   <FreezePanes/><FrozenNoSplit/><SplitHorizontal>4</SplitHorizontal>'
               '<TopRowBottomPane>4</TopRowBottomPane><ActivePane>2</ActivePane>\n'
               '   <ProtectObjects>False</ProtectObjects><ProtectScenarios>False</ProtectScenarios>\n'
               '  </WorksheetOptions>\n'
               f'  <AutoFilter x:Range="R4C1:R{len(ms) + 4}C{n}" xmlns="urn:schemas-microsoft-com:office:excel"/>\n')
    out.append(' </Worksheet>\n</Workbook>\n')
    return ''.join(out)


def f3():
    kode = '62.02.01.2004'
    v = vil(kode)
    ms = [
        M(date(2024, 1, 16), 'Musyawarah Desa', 'Balai Desa', 20, 7, agenda='Penetapan APBDes TA 2024', undangan=32),
        M(date(2024, 3, 12), 'Musyawarah Desa Khusus', 'Balai Desa', 16, 12, agenda='Verifikasi dan penetapan KPM BLT-DD 2024', undangan=30),
        M(date(2024, 6, 19), 'Musyawarah Dusun', 'Dusun Sungai Hanjalipan', 14, 9, agenda='Penggalian gagasan RKP Desa 2025', undangan=25),
        M(date(2024, 7, 30), 'Musyawarah Desa', 'Balai Desa', 23, 10, agenda='Penyusunan rencana kerja pemerintah desa 2025', undangan=38),
        M(date(2024, 9, 24), 'Musrenbangdes', 'Balai Desa', 27, 12, agenda='Pembahasan dan kesepakatan rancangan RKP Desa 2025', undangan=45),
    ]
    xml = spreadsheetml(kode, 2024, ms, 'Rekap Musdes',
                        f'KECAMATAN {v["nama_kecamatan"].upper()} - TAHUN 2024', True, 'operator_kec')
    name = 'rekap_musdes_6202012004_2024.xml'
    (OUT / name).write_text(xml, encoding='utf-8')
    add_manifest(
        name, kode, 2024, ms,
        'Excel 2003 XML Spreadsheet as written by PHP report exporters, e.g. DiskominfoWsb/simpeg '
        'ejobasn/app/Modules/proyeksikebutuhan/proyeksipertahun/Views/rekap_excel.blade.php and '
        'JasmanPardede/elhkpn_dev application/modules/ereg/views/all_pn/xl/xl_export_table_list_data_pnwl.php '
        '(<?mso-application progid="Excel.Sheet"?>, DocumentProperties, Styles, Worksheet/Table/Row/Cell/Data); '
        'kecamatan operator rekap habit',
        'SpreadsheetML (Excel 2003 XML, .xml extension), one Worksheet "Rekap Musdes": title rows merged with '
        'ss:MergeAcross, heading row placed with ss:Index="4" (row 3 absent), Kode Desa as text "6202012004" '
        '(no dots) and Nama Desa upper case in every row; Tanggal as ss:Type="DateTime" '
        '"2024-01-16T00:00:00.000" with a dd-mm-yyyy NumberFormat; counts ss:Type="Number"; Jumlah Hadir with '
        'R1C1 ss:Formula "=RC[-2]+RC[-1]" and its value; Jumlah Undangan column; AutoFilter and frozen header '
        'in WorksheetOptions; no total row.',
        diundang=sum(m['undangan'] for m in ms))


def f8_reject():
    kode = '62.02.10.2006'
    v = vil(kode)
    ms = [
        M(date(2024, 1, 23), 'Musyawarah Desa', 'Balai Desa', 19, 8, agenda='Penetapan APBDes TA 2024', undangan=30),
        M(date(2024, 4, 4), 'Musyawarah Desa Khusus', 'Balai Desa', 15, 11, agenda='Penetapan KPM BLT-DD 2024', undangan=28),
        M(date(2024, 7, 17), 'Musyawarah Desa', 'Balai Desa', 22, 9, agenda='Penyusunan RKP Desa 2025', undangan=35),
        M(date(2024, 7, 17), 'Musyawarah Desa', 'Balai Desa', 26, 13, agenda='Penyusunan RKP Desa 2025', undangan=35),
        M(date(2024, 9, 11), 'Musrenbangdes', 'Balai Desa', 25, 12, agenda='Kesepakatan rancangan RKP Desa 2025', undangan=42),
    ]
    xml = spreadsheetml(kode, 2024, ms, 'Sheet1',
                        f'DESA {v["nama_desa"].upper()} KECAMATAN {v["nama_kecamatan"].upper()} TAHUN 2024',
                        True, 'Desa')
    name = 'Rekap Musdes Tumbang Hejan 2024.xls'
    (OUT / name).write_text(xml, encoding='utf-8')
    add_manifest(
        name, kode, 2024, ms,
        'Excel 2003 XML Spreadsheet (as for rekap_musdes_6202012004_2024.xml; DiskominfoWsb/simpeg rekap_excel.blade.php) '
        'saved with an .xls extension; habit: row copied and edited instead of corrected',
        'SpreadsheetML with .xls extension (Excel opens it after an extension warning). Rows 3 and 4 are the '
        'same meeting (17-07-2024, Musyawarah Desa, Penyusunan RKP Desa 2025, Balai Desa, 35 undangan) with '
        'different attendance: 22 L / 9 P = 31 versus 26 L / 13 P = 39.',
        diundang=sum(m['undangan'] for m in ms),
        extra={'expect': 'reject',
               'why': 'The same meeting (Musyawarah Desa Penyusunan RKP Desa 2025, 17 Juli 2024, Balai Desa, '
                      '35 invited) is listed twice with different attendance (31 vs 39 hadir). Publishing both '
                      'double-counts the meeting; publishing one means guessing. The officer asks the village '
                      'which daftar hadir is right (or whether two meetings were really held that day) and for a '
                      'corrected rekap. The manifest counts are as written in the file (5 rows).'})


# ---------------------------------------------------------------------------------------------
# 4. Word .docx Berita Acara Musrenbangdes (one meeting), Tumbang Torung 2025
# ---------------------------------------------------------------------------------------------
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def w_run(t, b=False, u=False, sz=None):
    rpr = ''
    if b or u or sz:
        rpr = '<w:rPr>' + ('<w:b/>' if b else '') + ('<w:u w:val="single"/>' if u else '') + \
              (f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>' if sz else '') + '</w:rPr>'
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(t)}</w:t></w:r>'


def w_p(runs, jc=None, tabs=None, ind=None, spacing_after=None):
    ppr = ''
    if jc or tabs or ind or spacing_after is not None:
        ppr = '<w:pPr>'
        if tabs:
            ppr += '<w:tabs>' + ''.join(f'<w:tab w:val="left" w:pos="{p}"/>' for p in tabs) + '</w:tabs>'
        if spacing_after is not None:
            ppr += f'<w:spacing w:after="{spacing_after}"/>'
        if ind:
            ppr += f'<w:ind w:left="{ind[0]}" w:hanging="{ind[1]}"/>'
        if jc:
            ppr += f'<w:jc w:val="{jc}"/>'
        ppr += '</w:pPr>'
    if isinstance(runs, str) and not runs.startswith('<'):
        runs = w_run(runs)
    return f'<w:p>{ppr}{runs}</w:p>'


def w_label(label, value):
    # "Hari / Tanggal<TAB>:<TAB>value" as typed in Word with tab stops
    return w_p(w_run(label) + '<w:r><w:tab/><w:t>:</w:t></w:r><w:r><w:tab/></w:r>' + w_run(value),
               tabs=[2835, 3119], ind=(3119, 3119), spacing_after=0)


def w_tc(text, width, b=False, span=None, vmerge=None, jc=None, shade=False):
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == 'restart':
        tcpr += '<w:vMerge w:val="restart"/>'
    elif vmerge == 'cont':
        tcpr += '<w:vMerge/>'
    if shade:
        tcpr += '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>'
    tcpr += '<w:vAlign w:val="center"/>'
    body = w_p(w_run(text, b=b) if text else '', jc=jc, spacing_after=0)
    return f'<w:tc><w:tcPr>{tcpr}</w:tcPr>{body}</w:tc>'


def w_table(grid, rows):
    borders = ''.join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for s in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
    g = ''.join(f'<w:gridCol w:w="{x}"/>' for x in grid)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(grid)}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{g}</w:tblGrid>'
            + ''.join(f'<w:tr>{r}</w:tr>' for r in rows) + '</w:tbl>')


ANGKA = ['', 'Satu', 'Dua', 'Tiga', 'Empat', 'Lima', 'Enam', 'Tujuh', 'Delapan', 'Sembilan', 'Sepuluh',
         'Sebelas']


def terbilang(n):
    if n < 12:
        return ANGKA[n]
    if n < 20:
        return terbilang(n - 10) + ' Belas'
    if n < 100:
        return terbilang(n // 10) + ' Puluh' + (' ' + terbilang(n % 10) if n % 10 else '')
    if n < 200:
        return 'Seratus' + (' ' + terbilang(n - 100) if n > 100 else '')
    if n < 1000:
        return terbilang(n // 100) + ' Ratus' + (' ' + terbilang(n % 100) if n % 100 else '')
    if n < 2000:
        return 'Seribu' + (' ' + terbilang(n - 1000) if n > 1000 else '')
    return terbilang(n // 1000) + ' Ribu' + (' ' + terbilang(n % 1000) if n % 1000 else '')


def docx_write(path, body_xml, title, app='Microsoft Office Word'):
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body_xml}'
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
           'w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>')
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
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {W}>'
              '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
              '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="id-ID"/></w:rPr></w:rPrDefault>'
              '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
              '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style></w:styles>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(title)}</dc:title><dc:creator>Sekretaris Desa</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2025-08-14T01:20:00Z</dcterms:created></cp:coreProperties>')
    app_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
               f'<Application>{app}</Application></Properties>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', rels)
        z.writestr('word/_rels/document.xml.rels', drels)
        z.writestr('word/document.xml', doc)
        z.writestr('word/styles.xml', styles)
        z.writestr('docProps/core.xml', core)
        z.writestr('docProps/app.xml', app_xml)


def f4():
    kode = '62.02.15.2012'
    v = vil(kode)
    d = date(2025, 8, 12)
    unsur = [('Pemerintah Desa', 6, 2), ('Badan Permusyawaratan Desa (BPD)', 4, 1),
             ('Tokoh Adat / Damang / Mantir', 3, 0), ('Tokoh Agama', 2, 0), ('Tokoh Masyarakat', 4, 1),
             ('Tokoh Pendidikan', 1, 2), ('Kelompok Tani', 3, 1), ('Kelompok Perempuan / PKK', 0, 5),
             ('Kelompok Masyarakat Miskin', 2, 2), ('Pendamping Desa / Kecamatan', 1, 1)]
    L = sum(u[1] for u in unsur)
    P = sum(u[2] for u in unsur)
    undangan = 44
    ms = [M(d, 'Musrenbangdes RKP Desa TA 2026', f'Balai Desa {v["nama_desa"]}', L, P)]
    body = []
    body.append(w_p(w_run('PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR', b=True), jc='center', spacing_after=0))
    body.append(w_p(w_run(f'KECAMATAN {v["nama_kecamatan"].upper()}', b=True), jc='center', spacing_after=0))
    body.append(w_p(w_run(f'DESA {v["nama_desa"].upper()}', b=True, sz=28), jc='center', spacing_after=0))
    body.append(w_p(w_run('Alamat : Jalan Poros Desa, Kode Pos 74363', sz=18), jc='center'))
    body.append(w_p(w_run('BERITA ACARA', b=True, u=True, sz=24), jc='center', spacing_after=0))
    body.append(w_p(w_run('MUSYAWARAH PERENCANAAN PEMBANGUNAN DESA (MUSRENBANGDES)', b=True), jc='center', spacing_after=0))
    body.append(w_p(w_run('PENYUSUNAN RENCANA KERJA PEMERINTAH DESA TAHUN 2026', b=True), jc='center', spacing_after=0))
    body.append(w_p(w_run('Nomor : 140/07/BA-MRB/VIII/2025'), jc='center'))
    body.append(w_p(
        f'Pada hari ini {HARI[d.weekday()]} tanggal {terbilang(d.day)} bulan {BULAN[d.month]} tahun '
        f'{terbilang(d.year)}, bertempat di Balai Desa {v["nama_desa"]}, Kecamatan {v["nama_kecamatan"]}, '
        'Kabupaten Kotawaringin Timur, telah diselenggarakan Musyawarah Perencanaan Pembangunan Desa '
        '(Musrenbangdes) dalam rangka pembahasan dan penyepakatan Rancangan RKP Desa Tahun 2026, dengan '
        'keterangan sebagai berikut:', jc='both'))
    body.append(w_label('Hari / Tanggal', hari_tgl(d)))
    body.append(w_label('Waktu', '09.00 WIB s.d. selesai'))
    body.append(w_label('Tempat', f'Balai Desa {v["nama_desa"]}'))
    body.append(w_label('Pimpinan Musyawarah', 'Ketua BPD'))
    body.append(w_label('Notulen', 'Sekretaris BPD'))
    body.append(w_label('Narasumber', 'Kepala Desa; Pendamping Desa; unsur Kecamatan'))
    body.append(w_label('Jumlah Undangan', f'{undangan} orang'))
    body.append(w_label('Jumlah Hadir', f'{L + P} orang (rincian pada tabel di bawah)'))
    body.append(w_p(''))
    body.append(w_p(w_run('A. Rekapitulasi Daftar Hadir Peserta', b=True), spacing_after=60))
    grid = [567, 4536, 1134, 1134, 1417]
    rows = [
        w_tc('No', grid[0], b=True, vmerge='restart', jc='center', shade=True)
        + w_tc('Unsur Peserta', grid[1], b=True, vmerge='restart', jc='center', shade=True)
        + w_tc('Jenis Kelamin', grid[2] + grid[3], b=True, span=2, jc='center', shade=True)
        + w_tc('Jumlah', grid[4], b=True, vmerge='restart', jc='center', shade=True),
        w_tc('', grid[0], vmerge='cont', shade=True) + w_tc('', grid[1], vmerge='cont', shade=True)
        + w_tc('L', grid[2], b=True, jc='center', shade=True) + w_tc('P', grid[3], b=True, jc='center', shade=True)
        + w_tc('', grid[4], vmerge='cont', shade=True),
    ]
    for i, (nm, l, p) in enumerate(unsur, 1):
        rows.append(w_tc(f'{i}.', grid[0], jc='center') + w_tc(nm, grid[1]) + w_tc(str(l) if l else '-', grid[2], jc='center')
                    + w_tc(str(p) if p else '-', grid[3], jc='center') + w_tc(str(l + p), grid[4], jc='center'))
    rows.append(w_tc('JUMLAH', grid[0] + grid[1], b=True, span=2, jc='center') + w_tc(str(L), grid[2], b=True, jc='center')
                + w_tc(str(P), grid[3], b=True, jc='center') + w_tc(str(L + P), grid[4], b=True, jc='center'))
    body.append(w_table(grid, rows))
    body.append(w_p(''))
    body.append(w_p(w_run('B. Hasil Kesepakatan (Prioritas Usulan Kegiatan RKP Desa 2026)', b=True), spacing_after=60))
    grid2 = [567, 4253, 2268, 2268 - 500]
    rk = [('Rehabilitasi jalan usaha tani RT 02', 'Dusun I', 'Dana Desa'),
          ('Pembangunan sumur bor air bersih', 'Dusun II', 'Dana Desa'),
          ('Pelatihan kader posyandu', 'Desa', 'ADD'),
          ('Pengadaan perahu ambulans desa', 'Desa', 'Dana Desa')]
    rows2 = [w_tc('No', grid2[0], b=True, jc='center', shade=True) + w_tc('Usulan Kegiatan', grid2[1], b=True, jc='center', shade=True)
             + w_tc('Lokasi', grid2[2], b=True, jc='center', shade=True) + w_tc('Sumber Dana', grid2[3], b=True, jc='center', shade=True)]
    for i, (k, lok, sd) in enumerate(rk, 1):
        rows2.append(w_tc(f'{i}.', grid2[0], jc='center') + w_tc(k, grid2[1]) + w_tc(lok, grid2[2]) + w_tc(sd, grid2[3]))
    body.append(w_table(grid2, rows2))
    body.append(w_p(''))
    body.append(w_p('Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya. '
                    'Daftar hadir dan notulen terlampir.', jc='both'))
    body.append(w_p(f'{v["nama_desa"]}, {tgl_indo(d)}', jc='right'))
    grid3 = [4535, 4535]
    nb = '<w:tblBorders>' + ''.join(f'<w:{s} w:val="nil"/>' for s in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')) + '</w:tblBorders>'
    sig = w_table(grid3, [w_tc('Kepala Desa ' + v['nama_desa'], grid3[0], jc='center') + w_tc('Ketua BPD / Pimpinan Musyawarah', grid3[1], jc='center'),
                          w_tc('\u00a0', grid3[0]) + w_tc('\u00a0', grid3[1]),
                          w_tc('DAMIANUS L. TUAH', grid3[0], b=True, jc='center') + w_tc('RUSNIATI', grid3[1], b=True, jc='center')])
    sig = sig.replace(sig[sig.index('<w:tblBorders>'):sig.index('</w:tblBorders>') + len('</w:tblBorders>')], nb)
    body.append(sig)
    name = f'BA Musrenbangdes {v["nama_desa"]} 2025.docx'
    docx_write(OUT / name, ''.join(body), 'Berita Acara Musrenbangdes')
    add_manifest(
        name, kode, 2025, ms,
        'Berita acara Musrenbangdes written in Word: "Pada hari ini ... tanggal ... bulan ... tahun ..." wording '
        '(Permendesa 16/2019 practice, contoh BA musyawarah desa), Wangunsari notulen labels (kakaalma27/desa-wangunsari '
        'resources/views/main/apbdesa.blade.php via reference/musdes_berita_acara_fields.csv: Hari/Tanggal, Waktu, '
        'Tempat, Pimpinan, Jumlah undangan/hadir), unsur peserta per Permendagri 110/2016 ps.38(4) / Permendesa 2/2015 '
        '(slideshare PemdesSeboroSadang "Musyawarah Desa")',
        'Word .docx (WordprocessingML by hand): kop surat paragraphs, title with document number '
        '"140/07/BA-MRB/VIII/2025", narrative sentence with the date spelled in words ("tanggal Dua Belas bulan '
        'Agustus tahun Dua Ribu Dua Puluh Lima"), then tab-aligned "Label<TAB>:<TAB>value" paragraphs '
        f'(Jumlah Undangan {undangan} orang, Jumlah Hadir {L + P} orang). Table A: attendance per unsur with a 2-row heading '
        '(No/Unsur/Jumlah vMerge restart+continue, "Jenis Kelamin" gridSpan=2 over L|P), "-" for zero, JUMLAH row '
        'with gridSpan=2; table B: prioritised kegiatan proposals (NOT meetings, no amounts); borderless signature '
        'table. ONE meeting; the topic year 2026 differs from the meeting year 2025 (tahun = 2025).',
        diundang=undangan)


# ---------------------------------------------------------------------------------------------
# 5. Google Forms "Download responses (.csv)", Musdus reports, Rawa Sari 2024
# ---------------------------------------------------------------------------------------------
def f5():
    kode = '62.02.09.2006'
    v = vil(kode)
    ms = [
        M(date(2024, 2, 6), 'Musyawarah Dusun', 'Dusun I', 15, 8, dusun='Dusun I (Rawa Sari)', ts=datetime(2024, 2, 6, 15, 41, 9),
          unsur='Ketua RT, Tokoh Agama, Tokoh Masyarakat, Kelompok Perempuan', dur=2.5, pelapor='Kadus I', usulan=6),
        M(date(2024, 2, 8), 'Musyawarah Dusun', 'Dusun II', 12, 10, dusun='Dusun II (Handil Bakti)', ts=datetime(2024, 2, 9, 8, 2, 55),
          unsur='Ketua RT, Tokoh Masyarakat, Kelompok Tani, Kelompok Perempuan', dur=3.0, pelapor='Kadus II', usulan=5),
        M(date(2024, 2, 10), 'Musyawarah Dusun', 'Dusun III', 17, 6, dusun='Dusun III (Sei Pasir)', ts=datetime(2024, 2, 10, 20, 17, 3),
          unsur='Ketua RT, Tokoh Adat, Tokoh Agama, Kelompok Nelayan', dur=2.0, pelapor='Kadus III', usulan=7),
        M(date(2024, 7, 2), 'Musyawarah Dusun', 'Dusun I', 13, 9, dusun='Dusun I (Rawa Sari)', ts=datetime(2024, 7, 2, 13, 5, 48),
          unsur='Ketua RT, Tokoh Masyarakat, Kelompok Perempuan, Kelompok Masyarakat Miskin', dur=1.5, pelapor='Kadus I', usulan=4),
        M(date(2024, 7, 3), 'Musyawarah Dusun', 'Dusun II', 11, 11, dusun='Dusun II (Handil Bakti)', ts=datetime(2024, 7, 4, 9, 30, 12),
          unsur='Ketua RT, Kelompok Tani, Kelompok Perempuan', dur=2.0, pelapor='Kadus II', usulan=3),
        M(date(2024, 7, 5), 'Musyawarah Dusun', 'Dusun III', 16, 7, dusun='Dusun III (Sei Pasir)', ts=datetime(2024, 7, 5, 16, 58, 40),
          unsur='Ketua RT, Tokoh Adat, Kelompok Nelayan, Pemuda / Karang Taruna', dur=2.5, pelapor='Kadus III', usulan=5),
    ]
    heads = ['Timestamp', 'Nama Desa', 'Nama Dusun', 'Tanggal Musyawarah', 'Tujuan musyawarah',
             'Jumlah peserta laki-laki', 'Jumlah peserta perempuan', 'Unsur yang hadir (boleh pilih lebih dari satu)',
             'Lama musyawarah (jam)', 'Jumlah usulan yang disepakati', 'Jabatan pelapor', 'Catatan tambahan']
    tujuan = {2: 'Penggalian gagasan untuk RKP Desa 2025', 7: 'Sosialisasi dan pemutakhiran data calon KPM BLT-DD'}
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator='\r\n')
    wr.writerow(heads)
    for m in ms:
        ts = m['ts']
        h12 = ts.hour % 12 or 12
        stamp = f'{ts.year}/{ts.month:02d}/{ts.day:02d} {h12}:{ts.minute:02d}:{ts.second:02d} {"AM" if ts.hour < 12 else "PM"} GMT+7'
        wr.writerow([stamp, 'Rawa Sari', m['dusun'], f'{m["d"].month}/{m["d"].day}/{m["d"].year}', tujuan[m['d'].month],
                     m['L'], m['P'], m['unsur'], m['dur'], m['usulan'], m['pelapor'],
                     'Daftar hadir asli diserahkan ke Sekdes' if m['d'].day % 2 == 0 else ''])
    name = 'Laporan Musyawarah Dusun Desa Rawa Sari 2024.csv'
    (OUT / name).write_text(buf.getvalue(), encoding='utf-8')
    add_manifest(
        name, kode, 2024, ms,
        'Google Forms Responses > "Download responses (.csv)" straight from the form (not the linked Sheet): '
        'file named after the form title, comma CSV, first column "Timestamp" as "yyyy/MM/dd h:mm:ss AM/PM GMT+7", '
        'checkbox answers joined by ", " in one quoted cell, date question as M/D/YYYY (form in English/US locale); '
        'habit of kecamatan pendamping collecting musdus reports by form (no public example of this form found)',
        'Google Forms CSV download: "Timestamp" 12-hour clock with AM/PM and GMT+7; a submission can be made the '
        'day AFTER the meeting (timestamp date != Tanggal Musyawarah: use Tanggal Musyawarah); meeting date '
        'M/D/YYYY unpadded (2/6/2024 = 6 Feb); question texts as headings; checkbox "Unsur yang hadir" as a quoted '
        'comma list; "Lama musyawarah (jam)" with a decimal POINT (2.5) and "Jumlah usulan" are not attendance; '
        'men and women in separate columns, no total; village as plain "Rawa Sari" in a Nama Desa column '
        '(no kode); year only in dates and file name. Six musdus (3 dusun x 2 rounds), each one meeting.')


# ---------------------------------------------------------------------------------------------
# 6. XLSX written by a PHP export library (OpenSpout / fast-excel): inline strings, one row of
#    snake_case keys, dates as ISO text, Tumbang Sepayang 2024
# ---------------------------------------------------------------------------------------------
def col_letter(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def f6():
    kode = '62.02.10.2008'
    v = vil(kode)
    ms = [
        M(date(2024, 1, 29), 'musdes', 'Balai Desa', 18, 9, agenda='Penetapan APBDes 2024', id=311),
        M(date(2024, 3, 20), 'musdes_khusus', 'Balai Desa', 14, 13, agenda='Penetapan KPM BLT-DD 2024', id=318),
        M(date(2024, 6, 11), 'musdus', 'Dusun Sepayang Hulu', 12, 8, agenda='Penggalian gagasan', id=327),
        M(date(2024, 6, 12), 'musdus', 'Dusun Sepayang Hilir', 13, 7, agenda='Penggalian gagasan', id=328),
        M(date(2024, 8, 21), 'musdes', 'Balai Desa', 21, 11, agenda='Penyusunan RKP Desa 2025', id=340),
        M(date(2024, 9, 26), 'musrenbangdes', 'Balai Desa', 26, 12, agenda='Penetapan RKP Desa 2025', id=346),
        M(date(2024, 12, 17), 'musdes', 'Balai Desa', 17, 8, agenda='Evaluasi pelaksanaan APBDes 2024', id=359),
    ]
    keys = ['id', 'kode_desa', 'nama_desa', 'tahun', 'tanggal', 'jenis_musyawarah', 'agenda', 'tempat',
            'jumlah_laki_laki', 'jumlah_perempuan', 'jumlah_peserta', 'status', 'created_at']
    data = [keys]
    for m in ms:
        data.append([m['id'], kode, v['nama_desa'], 2024, m['d'].isoformat(), m['jenis'], m['agenda'], m['tempat'],
                     m['L'], m['P'], m['L'] + m['P'], 'selesai',
                     f'{m["d"].isoformat()} {10 + m["id"] % 7:02d}:{m["id"] % 60:02d}:11'])
    rows_xml = []
    for r, row in enumerate(data, 1):
        cells = []
        for c, val in enumerate(row):
            ref = f'{col_letter(c)}{r}'
            if isinstance(val, int):
                cells.append(f'<c r="{ref}"><v>{val}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(val)}</t></is></c>')
        rows_xml.append(f'<row r="{r}" spans="1:{len(keys)}">' + ''.join(cells) + '</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>' + ''.join(rows_xml) +
             '</sheetData></worksheet>')
    wb = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<sheets><sheet name="Sheet1" sheetId="1" r:id="rIdSheet1"/></sheets></workbook>')
    ct = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default ContentType="application/xml" Extension="xml"/>'
          '<Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>'
          '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" PartName="/xl/worksheets/sheet1.xml"/>'
          '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" PartName="/xl/workbook.xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdWorkbook" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wrels = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rIdSheet1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
             '</Relationships>')
    name = 'musyawarah_tumbang-sepayang_2024_export.xlsx'
    with zipfile.ZipFile(OUT / name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', rels)
        z.writestr('xl/workbook.xml', wb)
        z.writestr('xl/_rels/workbook.xml.rels', wrels)
        z.writestr('xl/worksheets/sheet1.xml', sheet)
    add_manifest(
        name, kode, 2024, ms,
        'XLSX written by a non-Excel library: minimal SpreadsheetML package with inline strings (t="inlineStr"), as '
        'written by OpenSpout (PHP, used by rap2hpoutre/fast-excel "export($collection)") and by hand-rolled '
        'exporters (search index ids 69184142812, 753558832: row/c/is/t writers); habit of a kabupaten web app '
        'dumping its musyawarah table (model attributes as headings)',
        'XLSX with NO sharedStrings.xml, NO styles.xml, NO docProps: every text cell is an inline string, numbers '
        'plain <v>; the heading row is the database column names (snake_case: jumlah_laki_laki, jumlah_perempuan, '
        'jumlah_peserta, created_at); dates are ISO TEXT "2024-01-29" (not date cells); jenis_musyawarah as codes '
        '(musdes, musdes_khusus, musdus, musrenbangdes); kode_desa dotted in every row, tahun column; an internal '
        'id and created_at timestamp (metadata); sheet "Sheet1", no title.')


# ---------------------------------------------------------------------------------------------
# 7. XLSX with Excel Table objects (ListObject), print areas and a summary sheet, Pemantang 2025
# ---------------------------------------------------------------------------------------------
def f7():
    kode = '62.02.03.2010'
    v = vil(kode)
    musdes = [
        M(date(2025, 1, 14), 'Musdes Penetapan APBDes TA 2025', 'Balai Desa Pemantang', 21, 9, undangan=34),
        M(date(2025, 3, 19), 'Musdes Khusus Penetapan KPM BLT-DD 2025', 'Balai Desa Pemantang', 17, 15, undangan=36),
        M(date(2025, 5, 27), 'Musdes Penetapan Penyertaan Modal BUMDes', 'Balai Desa Pemantang', 19, 6, undangan=30),
        M(date(2025, 8, 20), 'Musrenbangdes RKP Desa TA 2026', 'Balai Desa Pemantang', 27, 13, undangan=45),
    ]
    musdus = [
        M(date(2025, 6, 10), 'Musdus I', 'Balai Dusun I', 14, 9, undangan=25),
        M(date(2025, 6, 11), 'Musdus II', 'Rumah Kadus II', 11, 7, undangan=20),
        M(date(2025, 6, 13), 'Musdus III', 'Surau Dusun III', 13, 8, undangan=22),
    ]
    wb = openpyxl.Workbook()
    bold = Font(bold=True)
    for sname, tname, ms, judul in (('Musdes', 'tblMusdes', musdes, 'DAFTAR MUSYAWARAH DESA'),
                                    ('Musdus', 'tblMusdus', musdus, 'DAFTAR MUSYAWARAH DUSUN')):
        ws = wb.active if sname == 'Musdes' else wb.create_sheet(sname)
        ws.title = sname
        ws['A1'] = judul
        ws['A1'].font = Font(bold=True, size=12)
        ws['A2'] = f'Desa {v["nama_desa"]} Kec. {v["nama_kecamatan"]} — Tahun Anggaran 2025'
        hdr = ['No', 'Tanggal', 'Kegiatan', 'Tempat', 'Undangan', 'Hadir L', 'Hadir P', 'Total Hadir']
        for c, h in enumerate(hdr, 1):
            ws.cell(4, c, h).font = bold
        for i, m in enumerate(ms, 1):
            r = 4 + i
            ws.cell(r, 1, i)
            ws.cell(r, 2, m['d']).number_format = 'dd/mm/yyyy'
            ws.cell(r, 3, m['jenis'])
            ws.cell(r, 4, m['tempat'])
            ws.cell(r, 5, m['undangan'])
            ws.cell(r, 6, m['L'])
            ws.cell(r, 7, m['P'])
            ws.cell(r, 8, m['L'] + m['P'])
        last = 4 + len(ms)
        t = Table(displayName=tname, ref=f'A4:H{last}')
        t.tableStyleInfo = TableStyleInfo(name='TableStyleMedium2', showRowStripes=True)
        ws.add_table(t)
        ws.print_area = f'A1:H{last}'
        ws.print_title_rows = '4:4'
        for col, w in zip('ABCDEFGH', [5, 12, 44, 24, 10, 9, 9, 11]):
            ws.column_dimensions[col].width = w
    ws = wb.create_sheet('Ringkasan')
    ws['A1'] = 'RINGKASAN MUSYAWARAH 2025'
    ws['A1'].font = Font(bold=True)
    ws.append([])
    ws.append(['Jenis', 'Banyaknya', 'Total Hadir', 'Rata-rata Hadir'])
    for c in range(1, 5):
        ws.cell(3, c).font = bold
    for nm, ms in (('Musyawarah Desa', musdes), ('Musyawarah Dusun', musdus)):
        tot = sum(m['L'] + m['P'] for m in ms)
        ws.append([nm, len(ms), tot, round(tot / len(ms), 1)])
    allm = musdes + musdus
    ws.append(['Jumlah', len(allm), sum(m['L'] + m['P'] for m in allm), None])
    ws.cell(6, 1).font = bold
    ws.column_dimensions['A'].width = 20
    ws['A8'] = 'Sumber: tabel tblMusdes dan tblMusdus'
    ws['A8'].alignment = Alignment(wrap_text=False)
    name = 'Musyawarah Pemantang TA 2025.xlsx'
    wb.save(OUT / name)
    ms_sorted = sorted(allm, key=lambda m: m['d'])
    add_manifest(
        name, kode, 2025, ms_sorted,
        'habit: village operator workbook using Excel "Format as Table" (ListObject) per kind of meeting, with '
        'Page Layout > Print Area / Print Titles set and a summary sheet; no public example found (ListObject '
        'part xl/tables/tableN.xml per ECMA-376)',
        'XLSX, THREE sheets for ONE village and ONE year: "Musdes" (Excel Table tblMusdes, 4 meetings) and "Musdus" '
        '(Excel Table tblMusdus, 3 meetings) with the same columns (No restarts at 1 on each sheet), each with '
        'defined names _xlnm.Print_Area and _xlnm.Print_Titles and a table autofilter; real date cells dd/mm/yyyy; '
        'then "Ringkasan" (per-kind counts: Banyaknya, Total Hadir, Rata-rata 1 decimal, Jumlah row) which is a '
        'SUMMARY, not meetings. Meetings held = 4 + 3 = 7.',
        diundang=sum(m['undangan'] for m in allm))


def main():
    for p in OUT.iterdir():
        if p.is_file() and p.name not in ('build.py',):
            p.unlink()
    f1(); f2(); f3(); f4(); f5(); f6(); f7(); f8_reject()
    (OUT / 'manifest.json').write_text(json.dumps(MANIFEST, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    print(f'{len(MANIFEST)} files written to {OUT}')


if __name__ == '__main__':
    main()
