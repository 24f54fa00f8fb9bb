"""Build blind-trial 7 activity (kegiatan) files + manifest.json.

Formats: OpenSID 'Unduh' HTML-as-.xls, browser-saved .htm, SpreadsheetML 2003 (.xls/.xml),
Word .docx (hand-written WordprocessingML), Google Forms CSV (US locale), XLSX with inline
strings and no styles (hand-written), XLSX with table objects / print area (openpyxl).
All numbers and names are invented. Run: .venv/bin/python build.py
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

REF = Path(__file__).resolve().parents[5] / 'reference'
OUT = Path(__file__).resolve().parent

VILLAGES = {r['kode_desa']: r for r in csv.DictReader(open(REF / 'kotim_villages.csv', encoding='utf-8'))}
KEG = {r['kode']: r['uraian'] for r in csv.DictReader(open(REF / 'bidang_kegiatan.csv', encoding='utf-8'))}
BIDANG = {k: v for k, v in KEG.items() if '.' not in k}

MANIFEST: list[dict] = []


def village(kode: str) -> tuple[str, str]:
    v = VILLAGES[kode]
    return v['nama_desa'], v['nama_kecamatan']


def sisk(kode: str) -> str:
    """'2.3.10' -> Siskeudes '02.03.10.'"""
    return ''.join(f'{int(p):02d}.' for p in kode.split('.'))


def idr(n: int | float, dec: int = 0) -> str:
    s = f'{n:,.{dec}f}'
    return s.replace(',', 'X').replace('.', ',').replace('X', '.')


def roman(i: int) -> str:
    return ['I', 'II', 'III', 'IV', 'V'][i - 1]


def record(file: str, kode: str, tahun: int, lines: list[dict], source: str, shape: str,
           realisasi: bool = False, **extra) -> None:
    desa, _ = village(kode)
    item = {'file': file, 'record_type': 'kegiatan', 'kode_desa': kode, 'desa': desa,
            'tahun': tahun, 'line_items': len(lines),
            'anggaran_total': sum(l['anggaran'] for l in lines),
            'source': source, 'shape': shape}
    if realisasi:
        item['realisasi_total'] = sum(l['realisasi'] for l in lines)
    item.update(extra)
    MANIFEST.append(item)


# ---------------------------------------------------------------- 1. OpenSID Unduh (HTML .xls)
def opensid_unduh() -> None:
    kode = '62.02.01.2004'
    desa, kec = village(kode)
    tahun = 2024
    # judul, volume, prov, pemerintah(DD), kab(ADD), swadaya, waktu, baru, lanjutan, pelaksana, ket
    rows = [
        ('Pembangunan Jalan Usaha Tani Handil Sapan', '450 M', 0, 187_500_000, 0, 6_250_000, '75 Hari', 'v', '', 'TPK Desa<br>Hanjalipan', 'Swakelola, HOK 310'),
        ('Rehab Balai Desa (atap dan plafon)', '1 Unit', 0, 0, 68_400_000, 0, '45 Hari', '', 'v', 'TPK Desa<br>Hanjalipan', ''),
        ('Pembangunan Jembatan Kayu Ulin RT 04', '18 M x 2 M', 0, 142_750_000, 0, 0, '60 Hari', 'v', '', 'TPK Desa<br>Hanjalipan', 'Lanjutan thn 2025 utk tahap 2'),
        ('Pengadaan Tandon Air Bersih 2.200 L', '12 Unit', 0, 45_600_000, 0, 0, '30 Hari', 'v', '', 'Kaur Perencanaan', ''),
        ('Penerangan Jalan Tenaga Surya (PJU-TS)', '15 Titik', 35_000_000, 52_500_000, 0, 0, '30 Hari', 'v', '', 'TPK Desa<br>Hanjalipan', 'Bantuan Provinsi (BKK)'),
        ('Drainase Lingkungan RT 01 - RT 02', '220 M', 0, 0, 39_880_000, 4_000_000, '40 Hari', 'v', '', 'TPK Desa<br>Hanjalipan', ''),
    ]

    def rp(n: int) -> str:
        return 'Rp. ' + idr(n, 2) if n else 'Rp. 0,00'

    body = []
    lines = []
    for i, r in enumerate(rows, 1):
        jumlah = r[2] + r[3] + r[4] + r[5]
        lines.append({'anggaran': jumlah})
        body.append(
            '\t\t\t\t\t\t\t<tr>\n'
            f'\t\t\t\t\t\t\t\t<td align="center">{i}</td>\n'
            f'\t\t\t\t\t\t\t\t<td>{r[0]}</td>\n'
            f'\t\t\t\t\t\t\t\t<td align="center">{r[1]}</td>\n'
            + ''.join(f'\t\t\t\t\t\t\t\t<td align="right">{rp(v)}</td>\n' for v in (r[2], r[3], r[4], r[5], jumlah))
            + f'\t\t\t\t\t\t\t\t<td>{r[6]}</td>\n'
            f'\t\t\t\t\t\t\t\t<td align="center">{r[7]}</td>\n'
            f'\t\t\t\t\t\t\t\t<td align="center">{r[8]}</td>\n'
            f'\t\t\t\t\t\t\t\t<td>{r[9]}</td>\n'
            f'\t\t\t\t\t\t\t\t<td>{r[10]}</td>\n'
            '\t\t\t\t\t\t\t</tr>\n')
    kop = ('PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR <br>KECAMATAN ' + kec + ' <br>DESA ' + desa).upper()
    heads = ''.join(f'\t\t\t\t\t\t\t<th>{n}</th>\n' for n in range(1, 14))
    doc = f'''<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head>
	<title>Buku Kegiatan Pembangunan</title>
	<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
	<link href="https://hanjalipan.desa.id/assets/css/report.css" rel="stylesheet" type="text/css">
	<style>
		.textx
		{{
			mso-number-format:"\\@";
		}}
		td, th
		{{
			font-size:8pt;
			mso-number-format:"\\@";
		}}
		table.border.thick td, table.border.thick th {{ border: 0.5pt solid #000000; }}
		h1.judul {{ font-size:11pt; text-align:center; }}
	</style>
</head>
<body>
<table>
	<tbody>
		<tr>
			<td>
				<h1 class="judul">
					{kop}
				</h1>
			</td>
		</tr>
		<tr>
			<td><hr class="garis"></td>
		</tr>
		<tr>
			<td class="text-center">
				<h4>BUKU KEGIATAN PEMBANGUNAN</h4>
			</td>
		</tr>
		<tr>
			<td class="text-center">
				<h4>TAHUN {tahun}</h4>
			</td>
		</tr>
		<tr>
			<td>&nbsp;</td>
		</tr>
		<tr>
			<td>
				<table class="border thick">
					<thead>
						<tr class="border thick">
							<th rowspan="2">NOMOR URUT</th>
							<th rowspan="2">NAMA PROYEK / KEGIATAN</th>
							<th rowspan="2">VOLUME</th>
							<th colspan="4">SUMBER BIAYA</th>
							<th rowspan="2">JUMLAH</th>
							<th rowspan="2">WAKTU</th>
							<th colspan="2">SIFAT PROYEK</th>
							<th rowspan="2">PELAKSANA</th>
							<th rowspan="2">KET</th>
						</tr>
						<tr class="border thick">
							<th>PROVINSI</th>
							<th>PEMERINTAH</th>
							<th>KAB/KOTA</th>
							<th>SWADAYA</th>
							<th>BARU</th>
							<th>LANJUTAN</th>
						</tr>
						<tr class="border thick">
{heads}						</tr>
					</thead>
					<tbody>
{''.join(body)}					</tbody>
				</table>
			</td>
		</tr>
	</tbody>
</table>
</body>
</html>
'''
    name = 'buku_kegiatan_pembangunan_2024_hanjalipan.xls'
    (OUT / name).write_text(doc, encoding='utf-8', newline='\r\n')
    record(name, kode, tahun, lines,
           'OpenSID donjo-app/views/bumindes/pembangunan/kegiatan/cetak.php (aksi=unduh, github OpenSID/OpenSID) '
           'served as application/vnd.ms-excel; Rupiah2() amount style "Rp. 1.234.567,00"',
           'HTML (not BIFF) with .xls extension as OpenSID Unduh sends it: kop in an <h1> with upper-cased <BR> '
           '(strtoupper over the markup), year only as "TAHUN 2024" h4; nested tables; thead with rowspan/colspan '
           '(SUMBER BIAYA over PROVINSI|PEMERINTAH|KAB/KOTA|SWADAYA, SIFAT PROYEK over BARU|LANJUTAN) and a 1..13 '
           'column-number row; every cell forced to text by mso-number-format:"\\@"; amounts "Rp. 187.500.000,00" and '
           '"Rp. 0,00"; JUMLAH = sum of the 4 sources (the budget of the line); <br> inside PELAKSANA cells; '
           'no kegiatan codes, no total row; CRLF; village only in the kop.')


# ---------------------------------------------------------------- 2. desa website page saved from browser
def website_htm() -> None:
    kode = '62.02.02.2008'
    desa, kec = village(kode)
    tahun = 2024
    groups = [
        ('1', [('1.2.03', 'Rehab Kantor Desa (ruang pelayanan)', 'Kantor Desa', 'DD', 74_500_000, 73_980_000)]),
        ('2', [('2.2.02', 'Posyandu Melati & Mawar: PMT balita dan insentif kader', 'Posyandu RT 02, RT 05', 'DD', 38_400_000, 38_400_000),
               ('2.3.10', 'Pengerasan Jalan Desa Jl. Rantau Pulut (batu pecah)', 'RT 06 - RT 07', 'DD', 214_860_000, 212_115_500),
               ('2.3.14', 'Gorong-gorong beton Jl. Pendidikan', 'RT 03', 'DD', 41_250_000, 40_870_000),
               ('2.4.11', 'Sumur bor air bersih', 'RT 01, RT 04', 'DD', 56_000_000, 55_420_000)]),
        ('3', [('3.1.04', 'Kesiapsiagaan Karhutla: pompa & selang MPA', 'Desa', 'DD', 27_500_000, 27_500_000)]),
        ('4', [('4.2.01', 'Bantuan alat pertanian (hand tractor) Poktan Sido Makmur', 'Poktan Sido Makmur', 'DD', 48_000_000, 47_650_000),
               ('4.6.02', 'Pelatihan pengelola BUMDes', 'Aula Desa', 'DD', 12_750_000, 11_980_000)]),
        ('5', [('5.3.01', 'BLT Dana Desa 10 KPM x 12 bulan', 'Desa', 'DD', 36_000_000, 36_000_000)]),
    ]

    def cell(text: str, align: str = 'left', bold: bool = False, span: int = 1, width: int | None = None) -> str:
        t = f'<b>{text}</b>' if bold else text
        cs = f' colspan="{span}"' if span > 1 else ''
        w = f' width="{width}"' if width else ''
        return (f'<td{cs}{w} valign="top" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt">'
                f'<p class="MsoNormal" align="{align}" style="margin-bottom:0cm;text-align:{align};line-height:normal">'
                f'<span style="font-size:10.0pt;font-family:&quot;Arial&quot;,sans-serif">{t}</span></p></td>')

    trs = ['<tr>' + cell('No', 'center', True) + cell('Kode', 'center', True) + cell('Nama Kegiatan', 'center', True)
           + cell('Lokasi', 'center', True) + cell('Sumber<br>Dana', 'center', True) + cell('Anggaran (Rp)', 'center', True)
           + cell('Realisasi (Rp)', 'center', True) + cell('Sisa (Rp)', 'center', True) + '</tr>']
    lines = []
    for bi, (b, kegs) in enumerate(groups, 1):
        trs.append('<tr style="background:#D9E2F3">' + cell(roman(bi), 'center', True)
                   + cell(BIDANG[b].upper(), 'left', True, span=7) + '</tr>')
        for j, (k, nm, lok, sd, ang, rea) in enumerate(kegs, 1):
            lines.append({'anggaran': ang, 'realisasi': rea})
            trs.append('<tr>' + cell(str(j), 'center') + cell(k, 'center') + cell(nm) + cell(lok) + cell(sd, 'center')
                       + cell(idr(ang), 'right') + cell(idr(rea), 'right') + cell(idr(ang - rea) if ang != rea else '-', 'right') + '</tr>')
    ta = sum(l['anggaran'] for l in lines)
    tr = sum(l['realisasi'] for l in lines)
    trs.append('<tr>' + cell('JUMLAH', 'center', True, span=5) + cell(idr(ta), 'right', True)
               + cell(idr(tr), 'right', True) + cell(idr(ta - tr), 'right', True) + '</tr>')
    url = 'https://cempakamuliatimur.desa.id/artikel/2025/1/21/realisasi-kegiatan-dana-desa-tahun-2024'
    page = f'''<!DOCTYPE html>
<!-- saved from url=({len(url):04d}){url} -->
<html lang="id"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Realisasi Kegiatan Dana Desa Tahun {tahun} | Website Desa {desa}</title>
<meta name="description" content="Website Resmi Desa {desa} Kecamatan {kec} Kabupaten Kotawaringin Timur">
<link rel="stylesheet" href="./Realisasi Kegiatan Dana Desa Tahun {tahun} _ Website Desa {desa}_files/style.min.css">
<link rel="stylesheet" href="./Realisasi Kegiatan Dana Desa Tahun {tahun} _ Website Desa {desa}_files/font-awesome.min.css">
<script src="./Realisasi Kegiatan Dana Desa Tahun {tahun} _ Website Desa {desa}_files/jquery.min.js.download"></script>
</head>
<body class="bg-gray-100">
<header class="bg-green-700 text-white">
  <div class="container"><img src="./Realisasi Kegiatan Dana Desa Tahun {tahun} _ Website Desa {desa}_files/logo.png" alt="logo" width="60">
  <h1 class="text-h2">Desa {desa}</h1><p>Kecamatan {kec}, Kabupaten Kotawaringin Timur, Provinsi Kalimantan Tengah</p></div>
  <nav><ul class="menu"><li><a href="https://cempakamuliatimur.desa.id/">Beranda</a></li><li><a href="https://cempakamuliatimur.desa.id/first/artikel/profil">Profil Desa</a></li>
  <li><a href="https://cempakamuliatimur.desa.id/pemerintah">Pemerintahan</a></li><li><a href="https://cempakamuliatimur.desa.id/data-statistik">Data Desa</a></li>
  <li><a href="https://cempakamuliatimur.desa.id/pembangunan">Pembangunan</a></li><li><a href="https://cempakamuliatimur.desa.id/peta">Peta</a></li></ul></nav>
</header>
<div class="marquee"><marquee>Selamat datang di website resmi Desa {desa} ... Pelayanan administrasi buka Senin - Jumat pukul 08.00 - 14.00 WIB ...</marquee></div>
<main class="container flex">
<div class="content w-2/3">
  <nav class="breadcrumb"><a href="https://cempakamuliatimur.desa.id/">Beranda</a> / <a href="https://cempakamuliatimur.desa.id/artikel/kategori/keuangan">Keuangan</a> / Realisasi Kegiatan Dana Desa Tahun {tahun}</nav>
  <article>
    <h1 class="text-h2">Realisasi Kegiatan Dana Desa Tahun {tahun}</h1>
    <div class="meta"><i class="fa fa-calendar"></i> 21 Januari 2025 &nbsp; <i class="fa fa-user"></i> Administrator &nbsp; <i class="fa fa-eye"></i> Dibaca 187 Kali</div>
    <div class="entry-content">
<p>Dalam rangka keterbukaan informasi publik, Pemerintah Desa {desa} menyampaikan realisasi pelaksanaan kegiatan yang bersumber dari Dana Desa Tahun Anggaran {tahun} sampai dengan 31 Desember {tahun} sebagai berikut:</p>
<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:11.0pt">REALISASI KEGIATAN DANA DESA<br>DESA {desa.upper()} TAHUN ANGGARAN {tahun}</span></b></p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184">
<tbody>
{chr(10).join(trs)}
</tbody></table>
<p class="MsoNormal">&nbsp;</p>
<p>Sisa anggaran (SiLPA) akan dianggarkan kembali pada APBDes Tahun 2025. Dokumentasi kegiatan dapat dilihat pada menu Pembangunan.</p>
<p>Demikian disampaikan, atas perhatian dan partisipasi masyarakat diucapkan terima kasih.</p>
    </div>
    <div class="share">Bagikan: <a href="https://www.facebook.com/sharer.php?u={url}">Facebook</a> | <a href="https://twitter.com/share?url={url}">Twitter</a></div>
  </article>
</div>
<aside class="sidebar w-1/3">
  <div class="widget"><h3 class="widget-title"><i class="fa fa-money"></i> APBDes {tahun} Pelaksanaan</h3>
    <table class="table-keuangan"><tbody>
      <tr><td>Pendapatan Desa</td><td class="text-right">Rp1.472.318.400,00</td><td class="text-right">Rp1.486.905.000,00</td></tr>
      <tr><td>Belanja Desa</td><td class="text-right">Rp1.401.662.750,00</td><td class="text-right">Rp1.532.405.000,00</td></tr>
      <tr><td>Pembiayaan Desa</td><td class="text-right">Rp45.500.000,00</td><td class="text-right">Rp45.500.000,00</td></tr>
    </tbody></table><p class="small">Realisasi | Anggaran</p></div>
  <div class="widget"><h3 class="widget-title"><i class="fa fa-calendar"></i> Agenda</h3>
    <ul><li>Musyawarah Desa Penyusunan RKP Desa 2026 - Balai Desa</li><li>Posyandu Balita - Posyandu Melati</li></ul></div>
  <div class="widget"><h3 class="widget-title"><i class="fa fa-bar-chart"></i> Statistik Pengunjung</h3>
    <table class="table-statistik"><tbody><tr><td>Hari ini</td><td>:</td><td>23</td></tr><tr><td>Kemarin</td><td>:</td><td>41</td></tr>
    <tr><td>Total Pengunjung</td><td>:</td><td>58.214</td></tr><tr><td>Sistem Operasi</td><td>:</td><td>Android</td></tr></tbody></table></div>
</aside>
</main>
<footer class="bg-green-800 text-white"><p>© 2025 Pemerintah Desa {desa}. Dikelola dengan OpenSID.</p></footer>
</body></html>
'''
    name = f'Realisasi Kegiatan Dana Desa Tahun {tahun} _ Website Desa {desa}.htm'
    (OUT / name).write_text(page, encoding='utf-8')
    record(name, kode, tahun, lines,
           'habit: OpenSID desa website artikel (category Keuangan) with a table pasted from Word into the editor, '
           'saved with the browser "Save Page As / Simpan halaman" (Chrome "<!-- saved from url=(NNNN)... -->" comment); '
           'cf. OpenSID artikel pages such as https://dasanlekong-sukamulia.desa.id/artikel/2021/5/2/apbdes-desa-dasan-lekong-2021',
           'full web page, not a table file: menu, marquee, breadcrumb, article meta (published 21 Januari 2025 for TA 2024) '
           'and SIDEBAR WIDGETS with their own tables (APBDes 2024 Pelaksanaan widget with Pendapatan/Belanja/Pembiayaan '
           '"Rp1.472.318.400,00" realisasi|anggaran pairs; visitor statistics "58.214"): these are NOT kegiatan. The '
           'kegiatan table is Word-pasted markup (class MsoTableGrid, each cell <p class=MsoNormal><span>), first row '
           'is the heading (td, not th), bidang rows with Roman numerals and colspan=7, kode "2.3.10" in its own '
           'column, Sisa "-" for zero, JUMLAH row with colspan=5; all kegiatan funded by DD; village and year in the '
           'title, <title> and article heading.', realisasi=True)


# ---------------------------------------------------------------- SpreadsheetML helpers (3 and 8)
def ssml_cell(v, style: str | None = None, merge: int = 0, index: int | None = None) -> str:
    attrs = ''
    if index:
        attrs += f' ss:Index="{index}"'
    if merge:
        attrs += f' ss:MergeAcross="{merge}"'
    if style:
        attrs += f' ss:StyleID="{style}"'
    if v is None:
        return f'<Cell{attrs}/>'
    if isinstance(v, (int, float)):
        return f'<Cell{attrs}><Data ss:Type="Number">{v}</Data></Cell>'
    return f'<Cell{attrs}><Data ss:Type="String">{escape(str(v))}</Data></Cell>'


def ssml_row(cells: list[str], height: float | None = None) -> str:
    h = f' ss:AutoFitHeight="0" ss:Height="{height}"' if height else ''
    return f'   <Row{h}>\n    ' + '\n    '.join(cells) + '\n   </Row>'


SSML_HEAD = '''<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">
  <Author>{author}</Author>
  <LastAuthor>{author}</LastAuthor>
  <Created>{created}</Created>
  <Version>16.00</Version>
 </DocumentProperties>
 <OfficeDocumentSettings xmlns="urn:schemas-microsoft-com:office:office">
  <AllowPNG/>
 </OfficeDocumentSettings>
 <ExcelWorkbook xmlns="urn:schemas-microsoft-com:office:excel">
  <WindowHeight>12225</WindowHeight>
  <WindowWidth>28800</WindowWidth>
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
   <Font ss:FontName="Calibri" x:Family="Swiss" ss:Size="14" ss:Bold="1"/>
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
   <Interior ss:Color="#D9D9D9" ss:Pattern="Solid"/>
  </Style>
  <Style ss:ID="sText">
   <Alignment ss:Vertical="Top" ss:WrapText="1"/>
   <Borders>
    <Border ss:Position="Bottom" ss:LineStyle="Continuous" ss:Weight="1"/>
    <Border ss:Position="Left" ss:LineStyle="Continuous" ss:Weight="1"/>
    <Border ss:Position="Right" ss:LineStyle="Continuous" ss:Weight="1"/>
    <Border ss:Position="Top" ss:LineStyle="Continuous" ss:Weight="1"/>
   </Borders>
  </Style>
  <Style ss:ID="sBold" ss:Parent="sText">
   <Font ss:FontName="Calibri" x:Family="Swiss" ss:Size="11" ss:Bold="1"/>
  </Style>
  <Style ss:ID="sNum" ss:Parent="sText">
   <Alignment ss:Horizontal="Right" ss:Vertical="Top"/>
   <NumberFormat ss:Format="#,##0"/>
  </Style>
  <Style ss:ID="sNumBold" ss:Parent="sNum">
   <Font ss:FontName="Calibri" x:Family="Swiss" ss:Size="11" ss:Bold="1"/>
   <NumberFormat ss:Format="#,##0"/>
  </Style>
  <Style ss:ID="sPct" ss:Parent="sText">
   <NumberFormat ss:Format="0.00%"/>
  </Style>
 </Styles>
'''


def ssml_sheet(name: str, rows: list[str], cols: list[int], extra_opts: str = '') -> str:
    colxml = ''.join(f'   <Column ss:AutoFitWidth="0" ss:Width="{w}"/>\n' for w in cols)
    return (f' <Worksheet ss:Name="{escape(name)}">\n  <Table ss:ExpandedColumnCount="{len(cols)}" '
            f'ss:ExpandedRowCount="{len(rows)}" x:FullColumns="1" x:FullRows="1" ss:DefaultRowHeight="15">\n'
            + colxml + '\n'.join(rows) + '\n  </Table>\n'
            '  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">\n'
            '   <PageSetup>\n    <Layout x:Orientation="Landscape"/>\n   </PageSetup>\n'
            f'{extra_opts}   <ProtectObjects>False</ProtectObjects>\n   <ProtectScenarios>False</ProtectScenarios>\n'
            '  </WorksheetOptions>\n </Worksheet>\n')


# ---------------------------------------------------------------- 3. SpreadsheetML RKP Desa (.xls)
def ssml_rkp() -> None:
    kode = '62.02.03.2014'
    desa, kec = village(kode)
    tahun = 2025
    # kode, nama (own), lokasi, volume, satuan, sasaran, waktu, biaya, sumber, pola
    data = {
        '1': [('1.1.04', 'Operasional Pemerintah Desa', 'Kantor Desa', 12, 'Bulan', 'Perangkat Desa', 'Jan-Des', 48_600_000, 'ADD', 'Swakelola'),
              ('1.4.03', 'Penyusunan RKP Desa 2026', 'Balai Desa', 1, 'Dokumen', 'Pemdes', 'Jul-Sep', 9_850_000, 'ADD', 'Swakelola')],
        '2': [('2.1.01', 'Honor guru PAUD Tunas Bawan', 'PAUD Tunas', 4, 'Orang', 'Anak usia dini', 'Jan-Des', 28_800_000, 'DDS', 'Swakelola'),
              ('2.2.02', 'Posyandu: PMT balita, ibu hamil dan lansia', 'Posyandu Anggrek', 12, 'Bulan', 'Balita, bumil, lansia', 'Jan-Des', 32_400_000, 'DDS', 'Swakelola'),
              ('2.3.12', 'Pengerasan Jalan Usaha Tani Sei Bawan', 'Dusun II', 600, 'M', 'Petani', 'Jun-Agu', 196_250_000, 'DDS', 'Swakelola'),
              ('2.3.13', 'Rehab Jembatan Ulin Handil Pulau', 'Dusun I', 24, 'M', 'Masyarakat', 'Apr-Mei', 88_700_000, 'DDS', 'Swakelola'),
              ('2.4.93', 'Lampu jalan tenaga surya', 'Jalan poros desa', 10, 'Titik', 'Masyarakat', 'Agu', 59_000_000, 'PBH', 'Pihak ketiga')],
        '3': [('3.3.03', 'Turnamen Sepak Bola Bawan Cup', 'Lapangan Desa', 1, 'Paket', 'Pemuda', 'Agu', 15_000_000, 'PAD', 'Swakelola')],
        '4': [('4.2.05', 'Pelatihan pupuk organik kelompok tani', 'Balai Desa', 2, 'Kali', '40 petani', 'Mar, Okt', 18_500_000, 'DDS', 'Swakelola'),
              ('4.3.03', 'Peningkatan kapasitas BPD', 'Sampit', 9, 'Orang', 'Anggota BPD', 'Mei', 13_500_000, 'ADD', 'Swakelola')],
        '5': [('5.3.01', 'BLT Dana Desa', 'Desa', 15, 'KPM', 'Keluarga miskin', 'Jan-Des', 54_000_000, 'DDS', 'Swakelola')],
    }
    H = ['No', 'Kode', 'Bidang / Kegiatan', 'Lokasi', 'Volume', 'Satuan', 'Sasaran / Manfaat', 'Waktu Pelaksanaan',
         'Biaya (Rp)', 'Sumber Dana', 'Pola Pelaksanaan']
    rows = [ssml_row([ssml_cell(f'RENCANA KERJA PEMERINTAH DESA (RKP DESA) TAHUN {tahun}', 'sJudul', merge=10)], 21),
            ssml_row([ssml_cell(f'DESA {desa.upper()} KECAMATAN {kec.upper()} KABUPATEN KOTAWARINGIN TIMUR', 'sJudul', merge=10)]),
            ssml_row([ssml_cell(None)]),
            ssml_row([ssml_cell(h, 'sHead') for h in H], 30),
            ssml_row([ssml_cell(i, 'sHead') for i in range(1, 12)])]
    lines = []
    no = 0
    for b, kegs in data.items():
        sub = sum(k[7] for k in kegs)
        rows.append(ssml_row([ssml_cell(None, 'sBold'), ssml_cell(b, 'sBold'), ssml_cell(BIDANG[b].upper(), 'sBold', merge=1),
                              ssml_cell(sub, 'sNumBold', index=9), ssml_cell(None, 'sBold'), ssml_cell(None, 'sBold')]))
        for k in kegs:
            no += 1
            lines.append({'anggaran': k[7]})
            rows.append(ssml_row([ssml_cell(no, 'sText'), ssml_cell(k[0], 'sText'), ssml_cell(k[1], 'sText'), ssml_cell(k[2], 'sText'),
                                  ssml_cell(k[3], 'sNum'), ssml_cell(k[4], 'sText'), ssml_cell(k[5], 'sText'), ssml_cell(k[6], 'sText'),
                                  ssml_cell(k[7], 'sNum'), ssml_cell(k[8], 'sText'), ssml_cell(k[9], 'sText')]))
    total = sum(l['anggaran'] for l in lines)
    rows.append(ssml_row([ssml_cell('JUMLAH', 'sBold', merge=7), ssml_cell(total, 'sNumBold'), ssml_cell(None, 'sBold'), ssml_cell(None, 'sBold')]))
    rows.append(ssml_row([ssml_cell(None)]))
    rows.append(ssml_row([ssml_cell(f'{desa}, 18 November 2024', index=9, merge=2)]))
    rows.append(ssml_row([ssml_cell(f'Kepala Desa {desa}', index=9, merge=2)]))
    rows.append(ssml_row([ssml_cell('ARDIANSYAH', 'sBold', index=9, merge=2)]))
    sheet1 = ssml_sheet(f'RKP Desa {tahun}', rows, [28, 48, 230, 90, 48, 50, 110, 80, 90, 60, 80],
                        '   <Selected/>\n   <FreezePanes/>\n   <FrozenNoSplit/>\n   <SplitHorizontal>5</SplitHorizontal>\n'
                        '   <TopRowBottomPane>5</TopRowBottomPane>\n   <ActivePane>2</ActivePane>\n')
    per = {}
    for kegs in data.values():
        for k in kegs:
            per[k[8]] = per.get(k[8], 0) + k[7]
    names = {'DDS': 'Dana Desa', 'ADD': 'Alokasi Dana Desa', 'PBH': 'Bagi Hasil Pajak dan Retribusi', 'PAD': 'Pendapatan Asli Desa'}
    r2 = [ssml_row([ssml_cell(f'REKAPITULASI RKP DESA {tahun} PER SUMBER DANA', 'sJudul', merge=3)]),
          ssml_row([ssml_cell(None)]),
          ssml_row([ssml_cell(h, 'sHead') for h in ('Kode', 'Sumber Dana', 'Jumlah (Rp)', '%')])]
    for sd in ('DDS', 'ADD', 'PBH', 'PAD'):
        r2.append(ssml_row([ssml_cell(sd, 'sText'), ssml_cell(names[sd], 'sText'), ssml_cell(per[sd], 'sNum'),
                            ssml_cell(round(per[sd] / total, 4), 'sPct')]))
    r2.append(ssml_row([ssml_cell('TOTAL', 'sBold', merge=1), ssml_cell(total, 'sNumBold'), ssml_cell(1, 'sPct')]))
    sheet2 = ssml_sheet('Rekap Sumber Dana', r2, [40, 170, 100, 60])
    doc = SSML_HEAD.format(author='Operator SIPD Desa', created='2024-11-18T02:14:37Z') + sheet1 + sheet2 + '</Workbook>\n'
    name = f'Export_RKP_Desa_{tahun}_{desa}.xls'
    (OUT / name).write_text(doc, encoding='utf-8')
    record(name, kode, tahun, lines,
           'PHP/Laravel exporters that echo an Excel 2003 XML template with Content-Type application/vnd.ms-excel '
           '(e.g. github kiritoriq/ayo-indonesia-test app/Modules/Laporan/Views/cetak_excel.blade.php: <?mso-application '
           'progid="Excel.Sheet"?>, DocumentProperties Version 16.00, Styles with Borders); RKP Desa columns of '
           'Permendagri 114/2014 lampiran (Lokasi, Volume, Sasaran, Waktu, Biaya, Sumber, Pola Pelaksanaan)',
           'SpreadsheetML 2003 XML with an .xls extension (no BIFF, no zip): two Worksheets - "RKP Desa 2025" '
           '(title rows with MergeAcross, heading + 1..11 column-number row, bidang rows with code "1".."5", '
           'the bidang name merged with MergeAcross and a bidang SUBTOTAL placed by ss:Index="9" (skipped cells), '
           'kegiatan rows with codes "2.3.12" and the village\'s own short names, Biaya as ss:Type="Number" with '
           'format #,##0, JUMLAH row, signature) and "Rekap Sumber Dana" (4 sumber totals + TOTAL + percentages: '
           'a summary, not kegiatan); frozen panes; RKP for 2025 dated November 2024.')


# ---------------------------------------------------------------- 4. Word .docx laporan realisasi
W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def w_run(text: str, bold: bool = False, size: int | None = None) -> str:
    rpr = ''
    if bold or size:
        rpr = '<w:rPr>' + ('<w:b/>' if bold else '') + (f'<w:sz w:val="{size}"/>' if size else '') + '</w:rPr>'
    parts = text.split('\t')
    out = []
    for i, p in enumerate(parts):
        if i:
            out.append(f'<w:r>{rpr}<w:tab/></w:r>')
        if p:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(p)}</w:t></w:r>')
    return ''.join(out)


def w_par(text: str = '', bold: bool = False, align: str | None = None, size: int | None = None, tabs: str = '') -> str:
    ppr = ''
    if align or tabs:
        ppr = '<w:pPr>' + tabs + (f'<w:jc w:val="{align}"/>' if align else '') + '</w:pPr>'
    return f'<w:p>{ppr}{w_run(text, bold, size)}</w:p>'


def w_tc(text: str, width: int, bold: bool = False, align: str = 'left', span: int = 1, vmerge: str | None = None,
         shade: str | None = None) -> str:
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == 'restart':
        tcpr += '<w:vMerge w:val="restart"/>'
    elif vmerge == 'cont':
        tcpr += '<w:vMerge/>'
    if shade:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    tcpr += '<w:vAlign w:val="center"/>'
    body = '' if vmerge == 'cont' else w_run(text, bold, 18)
    return f'<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="{align}"/></w:pPr>{body}</w:p></w:tc>'


def docx_laporan() -> None:
    kode = '62.02.03.2006'
    desa, kec = village(kode)
    tahun = 2024
    groups = [
        ('1', [('1.1.06', 'Operasional BPD (rapat, ATK, makan minum)', 14_400_000, 14_150_000),
               ('1.3.02', 'Pemutakhiran Profil Desa', 7_500_000, 7_500_000)]),
        ('2', [('2.1.02', 'Dukungan PAUD (APE dan sarana)', 16_800_000, 16_620_000),
               ('2.2.09', 'Rehab Posyandu Harapan Bunda', 63_250_000, 62_980_000),
               ('2.3.11', 'Semenisasi jalan lingkungan Gg. Karya', 121_600_000, 119_845_000),
               ('2.4.13', 'Sanitasi permukiman (saluran air limbah)', 47_300_000, 47_300_000)]),
        ('3', [('3.2.01', 'Pembinaan sanggar seni Tari Manasai', 9_600_000, 9_600_000)]),
        ('4', [('4.1.05', 'Bantuan bibit ikan nila dan pakan', 22_500_000, 22_140_000),
               ('4.4.01', 'Pelatihan pengolahan hasil hutan bukan kayu (PKK)', 11_250_000, 10_980_000)]),
    ]
    widths = [600, 1200, 3900, 1500, 1500, 1400, 1000]  # No, Kode, Uraian, Anggaran, Realisasi, Sisa, Ket
    grid = ''.join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    rows = []
    H = 'D9D9D9'
    rows.append('<w:tr><w:trPr><w:tblHeader/></w:trPr>' + w_tc('NO', widths[0], True, 'center', vmerge='restart', shade=H)
                + w_tc('KODE', widths[1], True, 'center', vmerge='restart', shade=H)
                + w_tc('URAIAN KEGIATAN', widths[2], True, 'center', vmerge='restart', shade=H)
                + w_tc('JUMLAH (Rp)', sum(widths[3:6]), True, 'center', span=3, shade=H)
                + w_tc('KET', widths[6], True, 'center', vmerge='restart', shade=H) + '</w:tr>')
    rows.append('<w:tr><w:trPr><w:tblHeader/></w:trPr>' + w_tc('', widths[0], vmerge='cont', shade=H) + w_tc('', widths[1], vmerge='cont', shade=H)
                + w_tc('', widths[2], vmerge='cont', shade=H) + w_tc('ANGGARAN', widths[3], True, 'center', shade=H)
                + w_tc('REALISASI', widths[4], True, 'center', shade=H) + w_tc('SISA', widths[5], True, 'center', shade=H)
                + w_tc('', widths[6], vmerge='cont', shade=H) + '</w:tr>')
    rows.append('<w:tr>' + ''.join(w_tc(str(i + 1), w, False, 'center') for i, w in enumerate(widths)) + '</w:tr>')
    lines = []
    for bi, (b, kegs) in enumerate(groups, 1):
        sa = sum(k[2] for k in kegs)
        sr = sum(k[3] for k in kegs)
        rows.append('<w:tr>' + w_tc(roman(bi), widths[0], True, 'center') + w_tc(BIDANG[b], widths[1] + widths[2], True, span=2)
                    + w_tc(idr(sa), widths[3], True, 'right') + w_tc(idr(sr), widths[4], True, 'right')
                    + w_tc(idr(sa - sr), widths[5], True, 'right') + w_tc('', widths[6]) + '</w:tr>')
        for j, k in enumerate(kegs, 1):
            lines.append({'anggaran': k[2], 'realisasi': k[3]})
            ket = 'Selesai 100%' if k[2] == k[3] else 'Selesai'
            rows.append('<w:tr>' + w_tc('abcdefghij'[j - 1] + '.', widths[0], False, 'center') + w_tc(k[0], widths[1], False, 'center')
                        + w_tc(k[1], widths[2]) + w_tc(idr(k[2]), widths[3], align='right')
                        + w_tc(idr(k[3]), widths[4], align='right') + w_tc(idr(k[2] - k[3]) if k[2] != k[3] else '0', widths[5], align='right')
                        + w_tc(ket, widths[6]) + '</w:tr>')
    ta = sum(l['anggaran'] for l in lines)
    tr = sum(l['realisasi'] for l in lines)
    rows.append('<w:tr>' + w_tc('JUMLAH', sum(widths[:3]), True, 'center', span=3) + w_tc(idr(ta), widths[3], True, 'right')
                + w_tc(idr(tr), widths[4], True, 'right') + w_tc(idr(ta - tr), widths[5], True, 'right') + w_tc('', widths[6]) + '</w:tr>')
    borders = ''.join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for s in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
    table = (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
             f'<w:tblBorders>{borders}</w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr>'
             f'<w:tblGrid>{grid}</w:tblGrid>' + ''.join(rows) + '</w:tbl>')
    tabs = '<w:tabs><w:tab w:val="left" w:pos="2268"/></w:tabs>'
    body = [
        w_par(f'PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR', True, 'center', 24),
        w_par(f'KECAMATAN {kec.upper()}', True, 'center', 24),
        w_par(f'DESA {desa.upper()}', True, 'center', 28),
        w_par('Jalan Tjilik Riwut, Desa Pahirangan', False, 'center', 18),
        w_par(''),
        w_par('LAPORAN REALISASI PELAKSANAAN KEGIATAN', True, 'center', 24),
        w_par(f'TAHUN ANGGARAN {tahun}', True, 'center', 24),
        w_par(''),
        w_par(f'Desa\t: {desa}', tabs=tabs),
        w_par(f'Kecamatan\t: {kec}', tabs=tabs),
        w_par('Kabupaten\t: Kotawaringin Timur', tabs=tabs),
        w_par(f'Tahun Anggaran\t: {tahun}', tabs=tabs),
        w_par('Periode\t: 1 Januari s/d 31 Desember ' + str(tahun), tabs=tabs),
        w_par(''),
        table,
        w_par(''),
        w_par(f'Sisa anggaran sebesar Rp {idr(ta - tr)} menjadi SiLPA Tahun Anggaran {tahun} dan dianggarkan kembali pada '
              f'APBDes Tahun Anggaran {tahun + 1}.'),
        w_par(''),
        w_par(f'Pahirangan, 10 Januari {tahun + 1}', False, 'right'),
        w_par(f'Kepala Desa {desa},', False, 'right'),
        w_par(''), w_par(''),
        w_par('YULIANUS DAMANG', True, 'right'),
    ]
    sect = ('<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
            '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>'
                + ''.join(body) + sect + '</w:body></w:document>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
              '<w:sz w:val="20"/><w:lang w:val="id-ID"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
              '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>'
              + borders + '</w:tblBorders></w:tblPr></w:style></w:styles>')
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
    docrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
               '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Laporan Realisasi Kegiatan</dc:title>'
            '<dc:creator>Kaur Keuangan</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-09T03:12:00Z</dcterms:created>'
            '</cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>Microsoft Office Word</Application><Pages>2</Pages></Properties>')
    name = f'LAPORAN REALISASI KEGIATAN TA {tahun} DESA {desa.upper()}.docx'
    with zipfile.ZipFile(OUT / name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', rels)
        z.writestr('word/document.xml', document)
        z.writestr('word/_rels/document.xml.rels', docrels)
        z.writestr('word/styles.xml', styles)
        z.writestr('docProps/core.xml', core)
        z.writestr('docProps/app.xml', app)
    record(name, kode, tahun, lines,
           'habit: Kaur Keuangan types the Laporan Realisasi Pelaksanaan Kegiatan in Word (Permendagri 20/2018 '
           'laporan realisasi per kegiatan: kode, uraian, anggaran, realisasi, sisa); WordprocessingML per ECMA-376 '
           '(w:gridSpan, w:vMerge, w:tblHeader)',
           'Word .docx, no spreadsheet: kop + title paragraphs, then "Label<TAB>: value" paragraphs (Desa, Kecamatan, '
           'Kabupaten, Tahun Anggaran, Periode); one Word table whose 2-row heading uses vMerge (NO, KODE, URAIAN, '
           'KET span both rows) and gridSpan=3 ("JUMLAH (Rp)" over ANGGARAN|REALISASI|SISA), repeated-header rows, '
           'a 1..7 column-number row; bidang rows (Roman numeral, name merged over KODE+URAIAN with gridSpan=2, '
           'bidang SUBTOTALS); kegiatan rows lettered "a.", "b." with codes "2.3.11"; sisa "0" when fully spent; '
           'JUMLAH row gridSpan=3; amounts "121.600.000"; closing sentence with the SiLPA amount and a signature.',
           realisasi=True)


# ---------------------------------------------------------------- 5. Google Forms CSV (US locale)
def google_forms() -> None:
    kode = '62.02.04.2011'
    desa, kec = village(kode)
    tahun = 2024
    H = ['Timestamp', 'Nama Desa', 'Tahun Anggaran', 'Bidang', 'Kode Kegiatan (contoh: 2.3.10)', 'Nama Kegiatan',
         'Lokasi (RT/Dusun)', 'Pagu Anggaran (Rp, tanpa titik)', 'Realisasi (Rp, tanpa titik)', 'Capaian Fisik (%)',
         'Tanggal Selesai', 'Foto Dokumentasi', 'Keterangan']
    B = {'1': '1. Penyelenggaraan Pemerintahan Desa', '2': '2. Pelaksanaan Pembangunan Desa',
         '3': '3. Pembinaan Kemasyarakatan', '4': '4. Pemberdayaan Masyarakat', '5': '5. Penanggulangan Bencana, Darurat dan Mendesak'}
    resp = [
        ('1/13/2025 8:41:17', '1.2.02', 'Pemeliharaan kantor desa (cat dan kusen)', 'Kantor Desa', 18500000, 18500000, '100', '10/4/2024', 'Selesai'),
        ('1/13/2025 8:52:03', '2.2.02', 'Posyandu Kenanga (PMT dan insentif kader)', 'RT 03', 30000000, 29400000, '100', '12/20/2024', ''),
        ('1/13/2025 9:05:46', '2.3.10', 'Jalan desa rabat beton Jl. Melati', 'RT 01 - RT 02', 232750000, 230118000, '100', '11/28/2024', 'Sisa dikembalikan ke kas desa'),
        ('1/13/2025 9:20:10', '2.3.05', 'Normalisasi parit jalan poros', 'Dusun Karang Sari', 26400000, 24950000, '95.5', '12/9/2024', 'tinggal finishing'),
        ('1/14/2025 10:02:58', '3.1.01', 'Pos kamling RT 05', 'RT 05', 17800000, 17800000, '100', '9/30/2024', ''),
        ('1/14/2025 10:15:33', '4.2.06', 'Saluran irigasi tersier blok C', 'Dusun II', 84600000, 80250000, '87.5', '12/27/2024', 'lanjut TA 2025'),
        ('1/14/2025 13:47:21', '4.3.02', 'Bimtek perangkat desa (Siskeudes)', 'Sampit', 15000000, 14625000, '100', '7/19/2024', ''),
        ('1/15/2025 7:58:09', '5.3.01', 'BLT-DD 12 KPM', 'Desa', 43200000, 43200000, '100', '12/16/2024', '12 bulan'),
    ]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\r\n')
    w.writerow(H)
    lines = []
    for ts, k, nm, lok, ang, rea, fis, tgl, ket in resp:
        lines.append({'anggaran': ang, 'realisasi': rea})
        foto = 'https://drive.google.com/open?id=1' + hashlib.sha1(f'{k}{nm}'.encode()).hexdigest()[:24]
        w.writerow([ts, desa, tahun, B[k.split('.')[0]], k, nm, lok, ang, rea, fis, tgl, foto, ket])
    name = 'Laporan Realisasi Kegiatan Desa TA 2024 (Responses) - Form Responses 1.csv'
    (OUT / name).write_text(buf.getvalue(), encoding='utf-8')
    record(name, kode, tahun, lines,
           'Google Forms "Download responses (.csv)" (file name "<form> (Responses) - Form Responses 1.csv", '
           'Timestamp first column; form owner account in English/US locale: M/D/YYYY H:MM:SS and date questions '
           'M/D/YYYY; number-validated answers exported as plain digits, decimal point); '
           'https://support.google.com/docs/answer/139706',
           'comma CSV, UTF-8 without BOM, CRLF; one RESPONSE PER KEGIATAN (8 responses over 3 days, Timestamps in '
           'January 2025 for Tahun Anggaran 2024 - the year is the "Tahun Anggaran" answer, not the timestamp); '
           'question texts as headings ("Pagu Anggaran (Rp, tanpa titik)", "Kode Kegiatan (contoh: 2.3.10)"); '
           'Bidang answered from a dropdown "2. Pelaksanaan Pembangunan Desa"; amounts plain integers; '
           'Capaian Fisik "95.5" / "87.5" with a decimal POINT; Tanggal Selesai US dates "12/9/2024" = 9 December; '
           'a file-upload question exported as a Drive link; village repeated on every row.',
           realisasi=True)


# ---------------------------------------------------------------- 6. XLSX inline strings, no styles (hand-written)
def col_letter(i: int) -> str:
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx_inline() -> None:
    kode = '62.02.07.2003'
    desa, kec = village(kode)
    tahun = 2025
    H = ['No', 'Kode Desa', 'Nama Desa', 'Tahun Anggaran', 'Kode Kegiatan', 'Nama Kegiatan', 'Sumber Dana',
         'Pagu Anggaran', 'Lokasi', 'Volume', 'Satuan', 'Waktu Pelaksanaan', 'Pelaksana', 'Status']
    data = [
        ('1.1.04', 'Penyediaan Operasional Pemerintah Desa', 'ADD', 52_380_000, 'Kantor Desa', 12, 'Bulan', 'Januari - Desember', 'Kaur Umum', 'Rencana'),
        ('1.2.02', 'Pemeliharaan Gedung Kantor Desa', 'ADD', 21_000_000, 'Kantor Desa', 1, 'Paket', 'Maret', 'TPK', 'Rencana'),
        ('2.1.01', 'Penyelenggaraan PAUD milik desa (honor pengajar)', 'DD', 31_200_000, 'PAUD Bina Insani', 4, 'Orang', 'Januari - Desember', 'Kasi Kesra', 'Rencana'),
        ('2.3.10', 'Peningkatan jalan desa ruas Bagendang Tengah - Bagendang Hulu', 'DD', 268_420_000, 'Dusun I', 1.35, 'Km', 'Juni - Agustus', 'TPK', 'Rencana'),
        ('2.3.15', 'Rehabilitasi balai kemasyarakatan', 'DD', 74_900_000, 'RT 04', 1, 'Unit', 'April - Mei', 'TPK', 'Rencana'),
        ('2.4.11', 'Sumur bor dan menara air', 'DD', 61_750_000, 'RT 02', 2, 'Unit', 'Juli', 'TPK', 'Rencana'),
        ('3.3.05', 'Lapangan voli desa', 'PAD', 19_800_000, 'Lapangan Desa', 1, 'Unit', 'Agustus', 'Karang Taruna', 'Rencana'),
        ('4.5.91', 'Pengembangan usaha kerupuk ikan kelompok wanita', 'DD', 27_600_000, 'RT 03', 1, 'Kelompok', 'Mei', 'Kasi Kesra', 'Rencana'),
        ('5.3.01', 'Bantuan Langsung Tunai Dana Desa', 'DD', 64_800_000, 'Desa', 18, 'KPM', 'Januari - Desember', 'Kaur Keuangan', 'Rencana'),
    ]
    kd = kode.replace('.', '')

    def c(ci: int, ri: int, v) -> str:
        ref = f'{col_letter(ci)}{ri}'
        if isinstance(v, (int, float)):
            return f'<c r="{ref}"><v>{v}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>'

    rows = ['<row r="1">' + ''.join(c(i, 1, h) for i, h in enumerate(H)) + '</row>']
    lines = []
    for n, d in enumerate(data, 1):
        lines.append({'anggaran': d[3]})
        vals = [n, kd, desa.upper(), tahun, *d]
        rows.append(f'<row r="{n + 1}">' + ''.join(c(i, n + 1, v) for i, v in enumerate(vals)) + '</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             '<sheetData>' + ''.join(rows) + '</sheetData></worksheet>')
    wb = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<sheets><sheet name="kegiatan" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              '</Relationships>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '</Types>')
    name = f'kegiatan_{kd}_{tahun}.xlsx'
    with zipfile.ZipFile(OUT / name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', rels)
        z.writestr('xl/workbook.xml', wb)
        z.writestr('xl/_rels/workbook.xml.rels', wbrels)
        z.writestr('xl/worksheets/sheet1.xml', sheet)
    record(name, kode, tahun, lines,
           'habit: web-app "Export XLSX" written by a streaming writer (Box/Spout - OpenSpout, which OpenSID uses for '
           'its exports: inline strings by default), here stripped to the minimum ECMA-376 parts; column set like '
           'OpenSID Sinkronisasi_opendk data_pembangunan (github OpenSID/OpenSID) but with Indonesian headings',
           'minimal XLSX: only [Content_Types], rels, workbook and ONE sheet - NO sharedStrings.xml, NO styles.xml, '
           'NO docProps, no <dimension>; every text cell t="inlineStr"; numbers unformatted (268420000, volume 1.35); '
           'heading in row 1, no title, no total; sheet name "kegiatan"; village only as columns "Kode Desa" '
           '(6202072003, Kemendagri code WITHOUT dots) and "Nama Desa" (upper case) and year as a '
           '"Tahun Anggaran" column on every row; file name carries the undotted code, not the village name.')


# ---------------------------------------------------------------- 7. XLSX with ListObject tables, print area
def xlsx_tables() -> None:
    kode = '62.02.15.2002'
    desa, kec = village(kode)
    tahun = 2026
    data = [
        ('1.2.03', 'Pembangunan pagar kantor desa', 'Kantor Desa', 85, 'M', 'Pemerintah Desa', 'Mei - Juni', 67_450_000, 'DD', 'Swakelola'),
        ('1.4.04', 'Penyusunan APBDes dan LPJ', 'Kantor Desa', 3, 'Dokumen', 'Pemerintah Desa', 'Januari - Desember', 8_400_000, 'ADD', 'Swakelola'),
        ('2.2.01', 'Polindes: obat dan insentif bidan desa', 'Polindes', 12, 'Bulan', 'Masyarakat', 'Januari - Desember', 24_000_000, 'DD', 'Swakelola'),
        ('2.3.01', 'Pemeliharaan jalan desa ruas Tumbang Kaminting - Tumbang Tilap', 'Dusun I', 2.4, 'Km', 'Masyarakat', 'Juli - Agustus', 118_900_000, 'DD', 'Swakelola'),
        ('2.3.13', 'Jembatan gantung Sungai Kaminting', 'Dusun II', 42, 'M', 'Masyarakat', 'Juni - September', 246_000_000, 'DD', 'Kerja sama antar desa'),
        ('2.4.93', 'Jaringan listrik PLTS komunal', 'Dusun II', 1, 'Unit', '60 KK', 'Agustus', 95_000_000, 'BKK Prov', 'Pihak ketiga'),
        ('3.2.01', 'Pembinaan kesenian Karungut', 'Balai Desa', 1, 'Paket', 'Pemuda', 'Maret - November', 10_500_000, 'DD', 'Swakelola'),
        ('4.2.01', 'Alat pengolahan padi ladang (perontok)', 'Kelompok Tani', 2, 'Unit', 'Petani', 'April', 36_800_000, 'DD', 'Swakelola'),
        ('5.1.01', 'Kesiapsiagaan banjir (perahu karet dan pelampung)', 'Desa', 1, 'Paket', 'Masyarakat', 'Oktober', 29_750_000, 'DD', 'Swakelola'),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = f'RKPDes {tahun}'
    ws['A1'] = f'RENCANA KERJA PEMERINTAH DESA (RKP DESA) TAHUN {tahun}'
    ws['A2'] = f'DESA {desa.upper()} KECAMATAN {kec.upper()}'
    ws['A3'] = 'Ditetapkan dengan Peraturan Desa Nomor 4 Tahun 2025 tanggal 29 September 2025'
    for r in (1, 2):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=11)
        ws.cell(r, 1).font = Font(bold=True, size=13)
        ws.cell(r, 1).alignment = Alignment(horizontal='center')
    H = ['No', 'Kode', 'Jenis Kegiatan', 'Lokasi', 'Volume', 'Satuan', 'Sasaran/Manfaat', 'Waktu',
         'Prakiraan Biaya (Rp)', 'Sumber Dana', 'Pola Pelaksanaan']
    top = 5
    for i, h in enumerate(H, 1):
        ws.cell(top, i, h)
    lines = []
    for n, d in enumerate(data, 1):
        lines.append({'anggaran': d[7]})
        r = top + n
        ws.cell(r, 1, n)
        for i, v in enumerate(d, 2):
            ws.cell(r, i, v)
        ws.cell(r, 9).number_format = '#,##0'
    last = top + len(data)
    tot = last + 1
    ws.cell(tot, 1, 'Total')
    ws.cell(tot, 9, '=SUBTOTAL(109,tblRKP[Prakiraan Biaya (Rp)])').number_format = '#,##0'
    t = Table(displayName='tblRKP', ref=f'A{top}:K{tot}', totalsRowCount=1)
    t.tableStyleInfo = TableStyleInfo(name='TableStyleMedium2', showRowStripes=True)
    t.tableColumns = [TableColumn(id=i, name=h) for i, h in enumerate(H, 1)]
    t.tableColumns[0].totalsRowLabel = 'Total'
    t.tableColumns[8].totalsRowFunction = 'sum'
    t.autoFilter = AutoFilter(ref=f'A{top}:K{last}')
    ws.add_table(t)
    for col, w in zip('ABCDEFGHIJK', (5, 9, 52, 16, 8, 9, 18, 18, 18, 11, 20)):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = f'A{top + 1}'
    ws.print_area = f'A1:K{tot + 5}'
    ws.print_title_rows = f'{top}:{top}'
    ws.page_setup.orientation = 'landscape'
    ws.cell(tot + 2, 9, f'{desa}, 29 September 2025')
    ws.cell(tot + 3, 9, 'Kepala Desa')
    ws.cell(tot + 5, 9, 'DARMAWAN')
    # reference table used by the drop-down of the Kode column
    ref = wb.create_sheet('Ref Kegiatan')
    ref.append(['Kode', 'Uraian Kegiatan (Permendagri 20/2018)', 'Level'])
    refrows = [(k, v, 'kegiatan') for k, v in KEG.items() if k.count('.') == 2]
    for row in refrows:
        ref.append(list(row))
    rt = Table(displayName='tblRefKegiatan', ref=f'A1:C{len(refrows) + 1}')
    rt.tableStyleInfo = TableStyleInfo(name='TableStyleLight1', showRowStripes=True)
    rt.tableColumns = [TableColumn(id=i, name=h) for i, h in enumerate(['Kode', 'Uraian Kegiatan (Permendagri 20/2018)', 'Level'], 1)]
    rt.autoFilter = AutoFilter(ref=f'A1:C{len(refrows) + 1}')
    ref.add_table(rt)
    ref.column_dimensions['B'].width = 80
    dv = DataValidation(type='list', formula1=f"='Ref Kegiatan'!$A$2:$A${len(refrows) + 1}", allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f'B{top + 1}:B{last}')
    wb.properties.creator = 'Sekdes Tumbang Kaminting'
    name = f'RKPDes {tahun} Desa {desa}.xlsx'
    wb.save(OUT / name)
    record(name, kode, tahun, lines,
           'Permendagri 114/2014 lampiran RKP Desa columns (Jenis Kegiatan, Lokasi, Volume, Sasaran/Manfaat, Waktu, '
           'Prakiraan Biaya, Sumber, Pola Pelaksanaan) kept in an Excel "Format as Table" (ListObject) with a '
           'drop-down (data validation) on Kode fed by a reference table of Permendagri 20/2018 kegiatan (habit)',
           'XLSX with TWO table objects (ListObjects): "tblRKP" on sheet "RKPDes 2026" (header at row 5 under a '
           'merged title, autofilter, TOTALS ROW "Total" with =SUBTOTAL(109,tblRKP[Prakiraan Biaya (Rp)]) and no '
           'cached value) and "tblRefKegiatan" on sheet "Ref Kegiatan" holding the whole Permendagri kegiatan list '
           f'({len(refrows)} rows of kode+uraian, NO amounts: a lookup list, not activities); defined print area and '
           'print titles (_xlnm.Print_Area / Print_Titles), frozen panes, list validation on the Kode column; '
           'volume 2.4 Km decimal; RKP for 2026 adopted by Perdes dated 2025 (title says the year); signature.')


# ---------------------------------------------------------------- 8. REJECT: SpreadsheetML with two years
def ssml_reject() -> None:
    kode = '62.02.09.2008'
    desa, kec = village(kode)
    tahun_title, tahun_rows = 2024, 2025
    data = [
        ('2.3.11', 'Titian ulin lingkungan RT 02', 'RT 02', 96_500_000, 95_870_000),
        ('2.3.14', 'Gorong-gorong Jalan Hanaut', 'RT 04', 38_200_000, 38_200_000),
        ('2.4.11', 'Penampungan air hujan (PAH)', 'RT 01 - RT 05', 57_600_000, 56_960_000),
        ('4.1.05', 'Bantuan bibit ikan patin', 'Kelompok Mina Babirah', 24_000_000, 23_450_000),
        ('4.2.01', 'Alat mesin perontok padi', 'Poktan Sumber Rejeki', 42_750_000, 42_750_000),
        ('5.3.01', 'BLT Dana Desa', 'Desa', 32_400_000, 32_400_000),
    ]
    H = ['No', 'Tahun', 'Kode Kegiatan', 'Nama Kegiatan', 'Lokasi', 'Anggaran (Rp)', 'Realisasi (Rp)', 'Persentase']
    rows = [ssml_row([ssml_cell(f'LAPORAN REALISASI KEGIATAN DESA {desa.upper()}', 'sJudul', merge=7)], 21),
            ssml_row([ssml_cell(f'TAHUN ANGGARAN {tahun_title}', 'sJudul', merge=7)]),
            ssml_row([ssml_cell(None)]),
            ssml_row([ssml_cell(h, 'sHead') for h in H])]
    lines = []
    for n, d in enumerate(data, 1):
        lines.append({'anggaran': d[3], 'realisasi': d[4]})
        rows.append(ssml_row([ssml_cell(n, 'sText'), ssml_cell(tahun_rows, 'sText'), ssml_cell(d[0], 'sText'), ssml_cell(d[1], 'sText'),
                              ssml_cell(d[2], 'sText'), ssml_cell(d[3], 'sNum'), ssml_cell(d[4], 'sNum'),
                              ssml_cell(round(d[4] / d[3], 4), 'sPct')]))
    ta = sum(l['anggaran'] for l in lines)
    tr = sum(l['realisasi'] for l in lines)
    rows.append(ssml_row([ssml_cell('JUMLAH', 'sBold', merge=4), ssml_cell(ta, 'sNumBold'), ssml_cell(tr, 'sNumBold'),
                          ssml_cell(round(tr / ta, 4), 'sPct')]))
    sheet = ssml_sheet(f'Realisasi TA {tahun_rows}', rows, [28, 40, 60, 220, 120, 90, 90, 60], '   <Selected/>\n')
    doc = SSML_HEAD.format(author='admin', created='2025-06-30T07:05:11Z') + sheet + '</Workbook>\n'
    name = f'realisasi_kegiatan_{desa.lower()}.xml'
    (OUT / name).write_text(doc, encoding='utf-8')
    record(name, kode, tahun_title, lines,
           'SpreadsheetML 2003 export as in file 3 (PHP template, github kiritoriq/ayo-indonesia-test cetak_excel.blade.php)',
           'SpreadsheetML with an .xml extension; title row "TAHUN ANGGARAN 2024" but every line has Tahun = 2025 '
           'and the sheet is named "Realisasi TA 2025"; file name has no year; totals are consistent.',
           realisasi=True, expect='reject',
           why='the year cannot be told: the title says Tahun Anggaran 2024 while the sheet name and the Tahun column '
               'of all 6 lines say 2025; the file (created June 2025) could be the final TA 2024 report or a mid-year '
               'TA 2025 realisasi. Publishing under either year could be wrong; a careful officer returns it and asks '
               'the village which Tahun Anggaran these anggaran/realisasi figures belong to.')


def main() -> None:
    for old in OUT.iterdir():
        if old.name not in ('build.py',) and old.is_file():
            old.unlink()
    opensid_unduh()
    website_htm()
    ssml_rkp()
    docx_laporan()
    google_forms()
    xlsx_inline()
    xlsx_tables()
    ssml_reject()
    (OUT / 'manifest.json').write_text(json.dumps(MANIFEST, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
    print(f'wrote {len(MANIFEST)} files + manifest.json to {OUT}')


if __name__ == '__main__':
    main()
