"""Trial 4 (kegiatan): build realistic village activity files + manifest.json."""
import csv, json, re, zipfile, shutil
from pathlib import Path
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

OUT = Path(__file__).parent
REF = Path(__file__).resolve().parents[5] / 'reference'
KEG = {r['kode']: r['uraian'] for r in csv.DictReader(open(REF / 'bidang_kegiatan.csv', encoding='utf-8'))}
VIL = {r['kode_desa']: r for r in csv.DictReader(open(REF / 'kotim_villages.csv', encoding='utf-8'))}
manifest = []
C = Alignment(horizontal='center', vertical='center', wrap_text=True)
W = Alignment(wrap_text=True, vertical='top')
B = Font(bold=True)

def sis(k):  # 2.3.10 -> 02.03.10.
    return '.'.join(p.zfill(2) for p in k.split('.')) + '.'

def rp(n):  # 1234567 -> 1.234.567
    return f'{n:,}'.replace(',', '.')

def entry(file, kode, tahun, n, source, shape, **kw):
    d = dict(file=file, record_type='kegiatan', kode_desa=kode, desa=VIL[kode]['nama_desa'], tahun=tahun,
             line_items=n, source=source, shape=shape)
    d.update(kw); manifest.append(d)

# ---------------------------------------------------------------- A
def file_a():
    kode = '62.02.03.2001'; desa = 'Tangar'; kec = 'Mentaya Hulu'
    rows = [  # nama, volume, pemerintah, prov, kab, swadaya, waktu, baru, pelaksana, ket
        ('Peningkatan Jalan Desa (Rabat Beton) RT 03', '250 m x 3 m', 187_450_000, 0, 0, 4_500_000, '90 Hari', True, 'TPK Desa Tangar', 'DD'),
        ('Pembangunan Drainase Jalan Lingkungan RT 01', '180 m', 96_300_000, 0, 0, 0, '60 Hari', True, 'TPK Desa Tangar', 'DD'),
        ('Rehabilitasi Gedung Posyandu Melati', '1 Unit', 0, 0, 42_750_000, 2_000_000, '45 Hari', False, 'TPK Desa Tangar', 'ADD'),
        ('Pembangunan Jembatan Ulin Handil Sungai Tangar', '12 m x 2 m', 134_800_000, 0, 0, 6_250_000, '75 Hari', True, 'TPK Desa Tangar', 'DD'),
        ('Pengadaan Lampu Penerangan Jalan Tenaga Surya', '15 Titik', 0, 58_500_000, 0, 0, '30 Hari', True, 'TPK Desa Tangar', 'Bantuan Keuangan Provinsi'),
        ('Lanjutan Pembangunan Balai Desa Tahap II', '1 Paket', 210_000_000, 0, 0, 0, '120 Hari', False, 'TPK Desa Tangar', 'DD'),
    ]
    wb = Workbook(); ws = wb.active; ws.title = 'Buku Kegiatan Pembangunan'
    ws['A1'] = 'BUKU KEGIATAN PEMBANGUNAN'; ws['A2'] = f'DESA {desa.upper()} KECAMATAN {kec.upper()}'
    ws['A3'] = 'KABUPATEN KOTAWARINGIN TIMUR'; ws['A4'] = 'TAHUN 2024'
    for r in range(1, 5):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=14); ws.cell(r, 1).alignment = C; ws.cell(r, 1).font = B
    h = ['NO', 'NAMA KEGIATAN', 'VOLUME', 'SUMBER DANA', None, None, None, 'JUMLAH', 'WAKTU', 'SIFAT PROYEK', None, 'PELAKSANA', 'KET']
    for i, v in enumerate(h, 1):
        ws.cell(6, i, v)
    for i, v in zip(range(4, 8), ['PEMERINTAH', 'PROVINSI', 'KAB/KOTA', 'SWADAYA']):
        ws.cell(7, i, v)
    ws.cell(7, 10, 'BARU'); ws.cell(7, 11, 'LANJUTAN')
    for c in (1, 2, 3, 8, 9, 12, 13):
        ws.merge_cells(start_row=6, start_column=c, end_row=7, end_column=c)
    ws.merge_cells('D6:G6'); ws.merge_cells('J6:K6')
    for i in range(1, 14):
        ws.cell(8, i, i); ws.cell(6, i).alignment = C; ws.cell(7, i).alignment = C
    r = 9; tot = 0
    for n, (nama, vol, p, pv, kb, sw, wkt, baru, pel, ket) in enumerate(rows, 1):
        j = p + pv + kb + sw; tot += j
        vals = [n, nama, vol, p or '-', pv or '-', kb or '-', sw or '-', j, wkt, '✓' if baru else '', '' if baru else '✓', pel, ket]
        for i, v in enumerate(vals, 1):
            c = ws.cell(r, i, v)
            if isinstance(v, int) and i > 3: c.number_format = '#,##0'
        r += 1
    ws.cell(r, 2, 'JUMLAH').font = B
    for i in range(4, 9):
        s = sum([x[2], x[3], x[4], x[5], x[2] + x[3] + x[4] + x[5]][i - 4] for x in rows)
        ws.cell(r, i, s).number_format = '#,##0'
    ws.cell(r + 2, 10, f'{desa}, 31 Desember 2024'); ws.cell(r + 3, 10, f'KEPALA DESA {desa.upper()}')
    ws.cell(r + 7, 10, 'ARDIANSYAH UNTUNG'); ws.freeze_panes = 'C9'
    ws.column_dimensions['B'].width = 48
    f = 'Buku_Kegiatan_Pembangunan_2024_Desa_Tangar.xlsx'; wb.save(OUT / f)
    entry(f, kode, 2024, len(rows), 'OpenSID bumindes "Buku Kegiatan Pembangunan" (D2, Permendagri 47/2016 form; OpenSID module bumindes_kegiatan_pembangunan, release note v21.10-premium #4179)',
          'Permendagri 47/2016 D2 layout: SUMBER DANA merged over PEMERINTAH/PROVINSI/KAB/KOTA/SWADAYA, SIFAT PROYEK BARU/LANJUTAN tick columns, column-number row, no kegiatan code, "-" for zero, village & year only in title rows, JUMLAH row, signature',
          total_anggaran=tot)

# ---------------------------------------------------------------- B
def file_b():
    kode = '62.02.08.2007'; desa = 'Samuda Kecil'; kec = 'Mentaya Hilir Selatan'
    rows = [  # nama, lokasi, pem, prov, kab, swa, pelaksana, manfaat
        ('Pembangunan Jalan Usaha Tani', 'RT 04 Dusun Sungai Ijum', 165_000_000, 0, 0, 0, 'TPK', 'Akses ke lahan pertanian'),
        ('Pembangunan Titian Ulin Lingkungan', 'RT 01 s.d. RT 03', 88_400_000, 0, 0, 3_000_000, 'TPK', 'Akses warga bantaran sungai'),
        ('Rehab Rumah Tidak Layak Huni', '5 Unit, RT 02 dan RT 05', 0, 0, 75_000_000, 0, 'TPK', 'Rumah layak bagi keluarga miskin'),
        ('Penyelenggaraan Posyandu (PMT Balita dan Ibu Hamil)', 'Posyandu Mawar dan Anggrek', 36_600_000, 0, 0, 0, 'Kasi Kesra', 'Pencegahan stunting'),
        ('Pembangunan Sumur Bor Air Bersih', 'RT 06', 52_750_000, 0, 0, 1_500_000, 'TPK', 'Air bersih 40 KK'),
        ('Pelatihan Budidaya Ikan Air Tawar', 'Balai Desa', 0, 24_300_000, 0, 0, 'Kasi Kesra', 'Peningkatan ekonomi pokdakan'),
        ('Pembangunan Drainase Jalan Desa', 'Jl. Samuda Raya', 118_900_000, 0, 0, 0, 'TPK', 'Mencegah genangan'),
        ('Pengadaan Perahu Ambulance Desa', '1 Unit', 0, 0, 96_000_000, 0, 'TPK', 'Rujukan pasien via sungai'),
    ]
    wb = Workbook(); ws = wb.active; ws.title = 'Sheet1'
    hdr = ['NO', 'NAMA PROYEK /\nKEGIATAN', 'LOKASI', 'SUMBER DANA', None, None, None, 'JUMLAH', 'PELAKSANA', 'MANFAAT', 'KET']
    sub = [None, None, None, 'PEMERINTAH', 'PROVINSI', 'KAB/\nKOTA', 'SWA-\nDAYA', None, None, None, None]
    r = 1; page = 0; tot = 0
    chunks = [rows[:5], rows[5:]]
    n = 0
    for chunk in chunks:
        page += 1
        ws.cell(r, 1, 'BUKU RENCANA KERJA PEMBANGUNAN'); r += 1
        ws.cell(r, 1, f'DESA {desa.upper()} KECAMATAN {kec.upper()} KABUPATEN KOTAWARINGIN TIMUR'); r += 1
        ws.cell(r, 1, 'TAHUN ANGGARAN 2025'); r += 2
        for i, v in enumerate(hdr, 1):
            ws.cell(r, i, v).alignment = C
        for i, v in enumerate(sub, 1):
            if v: ws.cell(r + 1, i, v).alignment = C
        for i in range(1, 12):
            ws.cell(r + 2, i, str(i))
        r += 3
        for (nama, lok, p, pv, kb, sw, pel, man) in chunk:
            n += 1; j = p + pv + kb + sw; tot += j
            vals = [str(n), nama, lok] + [rp(x) if x else '0' for x in (p, pv, kb, sw)] + [rp(j), pel, man, '']
            for i, v in enumerate(vals, 1):
                ws.cell(r, i, v).alignment = W
            r += 1
        if page == 2:
            ws.cell(r, 2, 'JUMLAH')
            for i, k in enumerate((2, 3, 4, 5), 4):
                ws.cell(r, i, rp(sum(x[k] for x in rows)))
            ws.cell(r, 8, rp(tot)); r += 2
            ws.cell(r, 9, f'{desa}, 15 Januari 2025'); ws.cell(r + 1, 9, 'Kepala Desa'); ws.cell(r + 5, 9, 'H. SYAHRUDIN'); r += 6
        ws.cell(r, 1, f'Dicetak dari OpenSID pada 15/01/2025 10:42'); ws.cell(r, 10, f'Halaman {page} dari 2'); r += 2
    f = 'BRKP_Samuda_Kecil_2025_salin_dari_PDF.xlsx'; wb.save(OUT / f)
    entry(f, kode, 2025, len(rows), 'OpenSID bumindes "Buku Rencana Kerja Pembangunan" (D1, Permendagri 47/2016; OpenSID module bumindes_rencana_pembangunan, migration id 323) printed to PDF and copied into Excel',
          'PDF copy: everything text (numbers "165.000.000", column numbers "1".."11"), title + two-row header repeated on page 2, "Dicetak dari OpenSID ... Halaman 1 dari 2" footer lines between pages, line breaks inside headings ("NAMA PROYEK /\\nKEGIATAN", "SWA-\\nDAYA"), no kegiatan code, no merged cells (lost in the copy)',
          total_anggaran=tot)

# ---------------------------------------------------------------- C
def patch_cached(path, sheet_index, cached):
    """Write cached values for formula cells, as Excel/LibreOffice would have saved them."""
    tmp = path.with_suffix('.tmp')
    with zipfile.ZipFile(path) as zi, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as zo:
        for it in zi.infolist():
            data = zi.read(it.filename)
            if it.filename == f'xl/worksheets/sheet{sheet_index}.xml':
                s = data.decode('utf-8')
                def rep(m):
                    ref = m.group(1)
                    return f'<c r="{ref}"{m.group(2)}><f>{m.group(3)}</f><v>{cached[ref]}</v></c>' if ref in cached else m.group(0)
                s = re.sub(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>', rep, s)
                data = s.encode('utf-8')
            zo.writestr(it, data)
    shutil.move(tmp, path)

def file_c():
    kode = '62.02.06.2006'; desa = 'Bapeang'
    keg = [('1.1.04', 96_000_000, 47_350_000), ('1.4.01', 18_500_000, 9_200_000), ('1.4.07', 6_750_000, 0),
           ('2.2.02', 42_300_000, 20_880_000), ('2.3.10', 245_000_000, 98_000_000), ('2.4.11', 61_200_000, 61_200_000),
           ('3.4.03', 22_000_000, 10_450_000), ('4.3.01', 35_000_000, 0)]
    assert all(k in KEG for k, _, _ in keg), [k for k, _, _ in keg if k not in KEG]
    wb = Workbook(); ws = wb.active; ws.title = 'Lap Realisasi Kegiatan'
    ws['A1'] = f'PEMERINTAH DESA {desa.upper()}'; ws['A2'] = 'LAPORAN REALISASI PELAKSANAAN KEGIATAN'
    ws['A3'] = 'SEMESTER PERTAMA TAHUN ANGGARAN 2024'; ws['A4'] = 'Kecamatan Mentawa Baru Ketapang Kabupaten Kotawaringin Timur'
    hd = ['KODE REK', 'URAIAN', 'ANGGARAN\n(Rp)', 'REALISASI\nS.D. SEMESTER I\n(Rp)', 'LEBIH/\n(KURANG)\n(Rp)', '%', 'KET']
    for i, v in enumerate(hd, 1):
        ws.cell(6, i, v).alignment = C; ws.cell(7, i, i)
    fmt = '#,##0;(#,##0);"-"'
    cached = {}; r = 8
    bidangs = sorted({k.split('.')[0] for k, _, _ in keg})
    tot_rows = []
    for b in bidangs:
        br = r; ws.cell(r, 1, sis(b)[:-1] + '.'); ws.cell(r, 2, KEG[b].upper()).font = B; r += 1
        kr0 = r; ssum_a = ssum_r = 0
        for sb in sorted({'.'.join(k.split('.')[:2]) for k, _, _ in keg if k.startswith(b + '.')}):
            ws.cell(r, 1, sis(sb)); ws.cell(r, 2, KEG[sb]).font = Font(italic=True); r += 1
            for k, a, re_ in [x for x in keg if x[0].startswith(sb + '.')]:
                ws.cell(r, 1, sis(k)); ws.cell(r, 2, KEG[k]).alignment = W
                ws.cell(r, 3, a).number_format = fmt; ws.cell(r, 4, re_).number_format = fmt
                ws.cell(r, 5, f'=D{r}-C{r}').number_format = fmt; cached[f'E{r}'] = re_ - a
                ws.cell(r, 6, f'=IF(C{r}=0,0,D{r}/C{r}*100)').number_format = '0.00'; cached[f'F{r}'] = round(re_ / a * 100, 10)
                ssum_a += a; ssum_r += re_; r += 1
        # bidang subtotal formula on the bidang row (Siskeudes puts the bidang total on its heading line)
        kr = [i for i in range(kr0, r) if ws.cell(i, 3).value is not None]
        ws.cell(br, 3, '=' + '+'.join(f'C{i}' for i in kr)).number_format = fmt; cached[f'C{br}'] = ssum_a
        ws.cell(br, 4, '=' + '+'.join(f'D{i}' for i in kr)).number_format = fmt; cached[f'D{br}'] = ssum_r
        ws.cell(br, 5, f'=D{br}-C{br}').number_format = fmt; cached[f'E{br}'] = ssum_r - ssum_a
        tot_rows.append(br)
    ta = sum(a for _, a, _ in keg); tr = sum(x for _, _, x in keg)
    ws.cell(r, 2, 'JUMLAH BELANJA').font = B
    ws.cell(r, 3, '=' + '+'.join(f'C{i}' for i in tot_rows)).number_format = fmt; cached[f'C{r}'] = ta
    ws.cell(r, 4, '=' + '+'.join(f'D{i}' for i in tot_rows)).number_format = fmt; cached[f'D{r}'] = tr
    ws.cell(r, 5, f'=D{r}-C{r}').number_format = fmt; cached[f'E{r}'] = tr - ta
    ws.cell(r + 2, 5, 'Bapeang, 10 Juli 2024'); ws.cell(r + 3, 5, 'Kepala Desa Bapeang'); ws.cell(r + 7, 5, 'RUSLAN EFENDI')
    ws.column_dimensions['B'].width = 60
    f = 'Lap_Realisasi_Kegiatan_Smt_I_2024_Bapeang.xlsx'; wb.save(OUT / f); patch_cached(OUT / f, 1, cached)
    entry(f, kode, 2024, len(keg), 'Siskeudes "Laporan Realisasi Pelaksanaan APBDes Semester Pertama" (Permendagri 20/2018 lampiran) belanja part, per kegiatan, as re-typed in Excel by the Kaur Keuangan',
          'Siskeudes codes with trailing dots (01.01.04.), bidang/sub-bidang heading rows, bidang totals on the bidang heading row, LEBIH/(KURANG) and % as formulas WITH cached values, negatives shown as (1.234) by number format, zero as "-" by format, 3-line wrapped headings, semester I (realisasi partial), JUMLAH BELANJA row',
          total_anggaran=ta, total_realisasi=tr)

# ---------------------------------------------------------------- D
def file_d():
    kode = '62.02.02.2010'; desa = 'Luwuk Bunter'
    kegs = [
        ('2.2.02', 'Kasi Kesejahteraan', 'NORHAYATI', [
            ('12/03/2024', 'Terima panjar kegiatan dari Bendahara', 'SPP-0007/2024', 12_000_000, 0, 0, 0, 0),
            ('14/03/2024', 'Belanja PMT balita Posyandu Bunga Tanjung', 'BKT-031', 0, 0, 5_640_000, 0, 0),
            ('15/03/2024', 'Honor kader posyandu Jan-Mar', 'BKT-032', 0, 0, 5_400_000, 0, 0),
            ('20/03/2024', 'Pengembalian sisa panjar', 'STS-004', 0, 0, 0, 0, 960_000)]),
        ('2.3.10', 'Kasi Pembangunan (TPK)', 'M. ROSADI', [
            ('02/05/2024', 'Terima panjar Tahap I dari Bendahara', 'SPP-0015/2024', 80_000_000, 0, 0, 0, 0),
            ('03/05/2024', 'Swadaya masyarakat (tenaga, dinilai)', '-', 0, 4_500_000, 0, 0, 0),
            ('10/05/2024', 'Belanja material semen, pasir, batu split', 'BKT-061', 0, 0, 0, 52_380_000, 0),
            ('24/05/2024', 'Upah tenaga kerja HOK minggu I-III', 'BKT-062', 0, 0, 0, 21_600_000, 0),
            ('25/05/2024', 'Belanja papan proyek dan prasasti', 'BKT-063', 0, 0, 0, 1_250_000, 0),
            ('31/05/2024', 'Pengembalian sisa panjar', 'STS-009', 0, 0, 0, 0, 9_270_000)]),
        ('3.3.03', 'Kasi Kesejahteraan', 'NORHAYATI', [
            ('05/08/2024', 'Terima panjar HUT RI ke-79', 'SPP-0022/2024', 15_000_000, 0, 0, 0, 0),
            ('17/08/2024', 'Belanja hadiah lomba dan konsumsi', 'BKT-090', 0, 0, 13_725_000, 0, 0),
            ('19/08/2024', 'Pengembalian sisa panjar', 'STS-013', 0, 0, 0, 0, 1_275_000)]),
    ]
    wb = Workbook(); wb.remove(wb.active); treal = 0
    for k, pel, nm, tx in kegs:
        ws = wb.create_sheet(sis(k).rstrip('.'))
        ws['A1'] = 'BUKU KAS PEMBANTU KEGIATAN'; ws['A2'] = f'PEMERINTAH DESA {desa.upper()} KECAMATAN CEMPAGA'; ws['A3'] = 'TAHUN ANGGARAN 2024'
        b, sb = k.split('.')[0], '.'.join(k.split('.')[:2])
        ws['A5'] = 'Bidang'; ws['C5'] = f': {sis(b)} {KEG[b]}'
        ws['A6'] = 'Sub Bidang'; ws['C6'] = f': {sis(sb)} {KEG[sb]}'
        ws['A7'] = 'Kegiatan'; ws['C7'] = f': {sis(k)} {KEG[k]}'
        ws['A8'] = 'Pelaksana Kegiatan'; ws['C8'] = f': {pel} - {nm}'
        h1 = ['No', 'Tanggal', 'Uraian', 'No. Bukti', 'Penerimaan (Rp)', None, 'Pengeluaran (Rp)', None, 'Jumlah Pengembalian ke Bendahara (Rp)', 'Saldo Kas (Rp)']
        h2 = [None, None, None, None, 'Dari Bendahara', 'Swadaya Masyarakat', 'Belanja Barang dan Jasa', 'Belanja Modal', None, None]
        for i, v in enumerate(h1, 1): ws.cell(10, i, v).alignment = C
        for i, v in enumerate(h2, 1):
            if v: ws.cell(11, i, v).alignment = C
        for c in (1, 2, 3, 4, 9, 10): ws.merge_cells(start_row=10, start_column=c, end_row=11, end_column=c)
        ws.merge_cells('E10:F10'); ws.merge_cells('G10:H10')
        r = 12; saldo = 0; sums = [0] * 5
        for n, (tg, ur, nb, t1, t2, o1, o2, kb) in enumerate(tx, 1):
            saldo += t1 + t2 - o1 - o2 - kb
            for i, v in enumerate([n, tg, ur, nb, t1, t2, o1, o2, kb, saldo], 1):
                c = ws.cell(r, i, v)
                if i >= 5: c.number_format = '#,##0'
            for j, v in enumerate((t1, t2, o1, o2, kb)): sums[j] += v
            r += 1
        ws.cell(r, 3, 'Jumlah')
        for j, v in enumerate(sums): ws.cell(r, 5 + j, v).number_format = '#,##0'
        ws.cell(r, 10, saldo).number_format = '#,##0'
        assert saldo == 0
        treal += sums[2] + sums[3]
        ws.cell(r + 2, 8, f'{desa}, 31 Desember 2024'); ws.cell(r + 3, 8, 'Pelaksana Kegiatan'); ws.cell(r + 7, 8, nm)
        ws.cell(r + 3, 2, 'Mengetahui, Kaur Keuangan'); ws.cell(r + 7, 2, 'SITI MAHMUDAH')
    f = 'BKP_Kegiatan_Desa_Luwuk_Bunter_TA2024.xlsx'; wb.save(OUT / f)
    entry(f, kode, 2024, len(kegs), 'Siskeudes / Permendagri 20/2018 "Buku Kas Pembantu Kegiatan" (OpenSID bumindes C3 lists it; format from the Permendagri 20/2018 lampiran)',
          'one sheet per kegiatan named "02.02.02", header block "Kegiatan : 02.02.02. name", transactions (not activities) with two-level merged header Penerimaan/Pengeluaran, running Saldo Kas ending 0, Jumlah row, signatures; no pagu; activity spending = Belanja Barang dan Jasa + Belanja Modal',
          total_realisasi=treal)

# ---------------------------------------------------------------- E
def file_e():
    kode = '62.02.12.2002'; desa = 'Terantang'
    acts = [  # name, sector, hamlet, start, end, budget, actual, prog, fund, impl, benef, status
        ('Village road concrete paving (rabat beton) 300 m', 'Infrastructure', 'Dusun I', '04-Mar-24', '31-May-24', 198_500_000, 198_500_000, 100, 'Village Fund (DD)', 'TPK', 420, 'Completed'),
        ('Clean water: 2 bore wells with tanks', 'Water & sanitation', 'Dusun II', '15-Apr-24', '30-Jun-24', 74_200_000, 73_950_000, 100, 'Village Fund (DD)', 'TPK', 85, 'Completed'),
        ('Posyandu supplementary feeding (PMT) for under-5s', 'Health', 'All hamlets', '08-Jan-24', '16-Dec-24', 38_400_000, 36_160_000, 100, 'Village Fund (DD)', 'Kasi Kesra', 112, 'Completed'),
        ('PAUD teacher incentives', 'Education', 'PAUD Tunas Harapan', '08-Jan-24', '20-Dec-24', 21_600_000, 21_600_000, 100, 'ADD', 'Kasi Kesra', 34, 'Completed'),
        ('Training: rubber seedling nursery for farmer group', 'Community empowerment', 'Balai Desa', '12-Feb-24', '14-Feb-24', 17_850_000, 17_850_000, 100, 'ADD', 'Kasi Kesra', 30, 'Completed'),
        ('Solar street lights 20 units', 'Infrastructure', 'Dusun I & II', '02-Sep-24', '30-Dec-24', 96_000_000, 71_400_000, 75, 'Village Fund (DD)', 'TPK', 600, 'On-going'),
    ]
    wb = Workbook(); ins = wb.active; ins.title = 'Instructions'
    for i, t in enumerate(['HOW TO FILL THIS TRACKER', '1. One row per activity financed from the village budget (APBDes).',
                           '2. Amounts in Indonesian Rupiah, no decimals.', '3. Dates as DD-MMM-YY.', '4. Do not change column headings.',
                           '5. Send to the district facilitator every quarter.'], 1):
        ins.cell(i, 1, t)
    ws = wb.create_sheet('Activities')
    meta = [('Village', desa), ('Sub-district', 'Seranau'), ('District', 'Kotawaringin Timur'), ('Province', 'Central Kalimantan'),
            ('Fiscal year', 'FY2024'), ('Reporting period', 'Q4 (Oct-Dec)'), ('Prepared by', 'Village secretary')]
    for i, (k, v) in enumerate(meta, 1):
        ws.cell(i, 1, k).font = B; ws.cell(i, 2, v)
    hr = 9
    heads = ['No.', 'Internal ID', 'Activity name', 'Sector', 'Location (hamlet)', 'Start date', 'End date', 'Budget (IDR)', 'Actual spend (IDR)',
             'Physical progress (%)', 'Funding source', 'Implementer', 'Beneficiaries (people)', 'Status', 'Remarks']
    for i, v in enumerate(heads, 1):
        ws.cell(hr, i, v).font = B; ws.cell(hr, i).alignment = C
    ws.column_dimensions['B'].hidden = True
    for n, a in enumerate(acts, 1):
        vals = [n, f'TRT-24-{n:03d}'] + list(a) + ['']
        for i, v in enumerate(vals, 1):
            c = ws.cell(hr + n, i, v)
            if i in (8, 9): c.number_format = '#,##0'
    ws.freeze_panes = ws.cell(hr + 1, 4)
    r = hr + len(acts) + 1
    ws.cell(r, 3, 'TOTAL'); ws.cell(r, 8, sum(a[5] for a in acts)).number_format = '#,##0'; ws.cell(r, 9, sum(a[6] for a in acts)).number_format = '#,##0'
    f = 'Village_Activity_Tracker_FY2024_Q4_Terantang.xlsx'; wb.save(OUT / f)
    entry(f, kode, 2024, len(acts), 'donor programme tracker habit (KOMPAK / World Bank style quarterly village tracker in English); no public example found',
          'English-only headings and sector names, "Instructions" sheet first, key:value header block (Village / Sub-district / Fiscal year FY2024), hidden "Internal ID" column, frozen panes, dates as text "04-Mar-24", no kegiatan code, funding "Village Fund (DD)", TOTAL row',
          total_anggaran=sum(a[5] for a in acts), total_realisasi=sum(a[6] for a in acts))

# ---------------------------------------------------------------- F
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
    return terbilang(n // 10**9) + ' miliar ' + terbilang(n % 10**9)

def file_f():
    kode = '62.02.01.2003'; desa = 'Palangan'
    keg = [('1.1.01', 131_040_000, 131_040_000), ('1.1.02', 298_200_000, 297_600_000), ('1.2.02', 15_000_000, 14_850_000),
           ('2.1.01', 27_000_000, 27_000_000), ('2.3.13', 172_500_000, 172_500_000), ('2.4.13', 48_750_000, 47_910_000),
           ('5.1.01', 90_000_000, 90_000_000)]
    assert all(k in KEG for k, _, _ in keg)
    lines = ['REKAPITULASI SPJ KEGIATAN,,,,,', f'DESA {desa.upper()} KECAMATAN KOTA BESI,,,,,', 'S.D. TRIWULAN IV TAHUN ANGGARAN 2024,,,,,', ',,,,,',
             'Realisasi SPJ (Rp),Pagu Anggaran (Rp),Sisa (Rp),%,Uraian Kegiatan,Kode Keg.']
    def q(x): return '"' + x.replace('"', '""') + '"'
    for k, a, r in keg:
        b = k.split('.')[0]
        sisa = a - r
        pct = f'{r / a * 100:.2f}'.replace('.', ',') + '%'
        lines.append(','.join([q(rp(r)), q(rp(a)), q(rp(sisa)) if sisa else '-', q(pct), q(f'{b}. {KEG[k]}'), sis(k)]))
    ta = sum(a for _, a, _ in keg); tr = sum(r for _, _, r in keg)
    lines.append(','.join([q(rp(tr)), q(rp(ta)), q(rp(ta - tr)), q(f'{tr / ta * 100:.2f}'.replace('.', ',') + '%'), 'JUMLAH', '']))
    lines.append(',,,,,')
    lines.append(q('Terbilang : ' + ' '.join(terbilang(tr).split()).capitalize() + ' rupiah') + ',,,,,')
    lines.append(f',,,,Palangan  31 Desember 2024,'.replace('Palangan  ', 'Palangan, ').replace(', 31', ', 31') if False else ',,,,"Palangan, 31 Desember 2024",')
    lines.append(',,,,Kaur Keuangan,'); lines.append(',,,,,'); lines.append(',,,,RINA WATI,')
    f = 'Rekap_SPJ_Kegiatan_TW_IV_2024_Palangan.csv'
    (OUT / f).write_bytes(('\r\n'.join(lines) + '\r\n').encode('utf-8-sig'))
    entry(f, kode, 2024, len(keg), 'habit: Kaur Keuangan SPJ recap typed in Google Sheets / Excel and downloaded as CSV (no public example found)',
          'UTF-8 with BOM, CRLF, title lines padded with commas, columns in reverse order (amounts first, code last), kegiatan names prefixed with the bidang number "2. Pembangunan ...", Siskeudes codes with trailing dots, quoted "1.234.567" thousands, "-" for zero sisa, percent "99,80%", JUMLAH row, "Terbilang :" line, signature lines',
          total_anggaran=ta, total_realisasi=tr)

# ---------------------------------------------------------------- G
def file_g():
    kode = '62.02.15.2008'; desa = 'Tumbang Payang'
    keg = [  # kode, pagu, t1, t2, t3
        ('1.3.02', 12_500_000, 0, 12_500_000, 0),
        ('2.2.09', 85_000_000, 34_000_000, 51_000_000, 0),
        ('2.3.12', 230_000_000, 92_000_000, 92_000_000, 46_000_000),
        ('2.4.93', 64_800_000, 0, 40_000_000, 24_800_000),
        ('3.1.04', 9_600_000, 9_600_000, 0, 0),
        ('4.3.01', 48_000_000, 0, 28_800_000, 19_150_000),
    ]
    assert all(k in KEG for k, *_ in keg), [k for k, *_ in keg if k not in KEG]
    wb = Workbook(); ws = wb.active; ws.title = 'DD 2024'
    ws['A1'] = 'LAPORAN REALISASI PENGGUNAAN DANA DESA PER TAHAP'; ws['A2'] = f'DESA {desa.upper()} - KECAMATAN BUKIT SANTUAI'
    ws['A3'] = 'TAHUN ANGGARAN 2024'
    for r in (1, 2, 3): ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=9); ws.cell(r, 1).alignment = C
    h1 = ['No', 'Kode\nKegiatan', 'Nama Kegiatan', 'Pagu\nDana Desa', 'REALISASI PENGGUNAAN', None, None, 'Jumlah\nRealisasi', '%\nCapaian']
    h2 = [None, None, None, None, 'Tahap I\n(40%)', 'Tahap II\n(40%)', 'Tahap III\n(20%)', None, None]
    for i, v in enumerate(h1, 1): ws.cell(5, i, v).alignment = C
    for i, v in enumerate(h2, 1):
        if v: ws.cell(6, i, v).alignment = C
    for c in (1, 2, 3, 4, 8, 9): ws.merge_cells(start_row=5, start_column=c, end_row=6, end_column=c)
    ws.merge_cells('E5:G5')
    r = 7; tp = tr = 0
    for n, (k, p, t1, t2, t3) in enumerate(keg, 1):
        j = t1 + t2 + t3; tp += p; tr += j
        ws.cell(r, 1, n); ws.cell(r, 2, k)
        name = KEG[k]
        if len(name) > 40:  # operator pressed Alt+Enter to wrap long names
            cut = name.rfind(' ', 0, 40); name = name[:cut] + '\n' + name[cut + 1:]
        ws.cell(r, 3, name).alignment = W
        for i, v in zip(range(4, 9), (p, t1, t2, t3, j)):
            c = ws.cell(r, i, rp(v) if v else '0'); c.quotePrefix = True  # typed as '85.000.000
        pc = ws.cell(r, 9, f'{j / p * 100:.1f}'.replace('.', ',')); pc.quotePrefix = True
        r += 1
    ws.cell(r, 3, 'JUMLAH')
    for i, k in zip(range(4, 9), range(1, 6)):
        v = sum(([x[1], x[2], x[3], x[4], x[2] + x[3] + x[4]][k - 1]) for x in keg)
        c = ws.cell(r, i, rp(v)); c.quotePrefix = True
    ws.cell(r + 2, 7, f'{desa}, 30 Desember 2024'); ws.cell(r + 3, 7, 'Kepala Desa'); ws.cell(r + 7, 7, 'YULIUS DAMANG')
    f = 'Realisasi_DD_per_Tahap_2024_Tumbang_Payang.xlsx'; wb.save(OUT / f)
    entry(f, kode, 2024, len(keg), 'habit: Dana Desa realisation per penyaluran stage (Tahap I 40% / II 40% / III 20%, PMK 201/2022 schedule) reported to the kecamatan; no public example found',
          'merged "REALISASI PENGGUNAAN" over Tahap I/II/III, all amounts typed as text with a leading apostrophe (quotePrefix) "\'85.000.000", percent as text "40,0", Alt+Enter line breaks inside long kegiatan names, Kemendagri codes 2.3.12 without padding, headings with line breaks',
          total_anggaran=tp, total_realisasi=tr)

# ---------------------------------------------------------------- H (reject)
def file_h():
    kode = '62.02.10.2017'; desa = 'Tumbang Gagu'
    rows = [('2.3.10', 'Pengerasan Jalan Desa Km 3', 176_000_000, 171_250_000),
            ('2.4.11', 'Pembangunan Tandon Air Bersih', 58_400_000, 58_400_000),
            ('2.2.02', 'Penyelenggaraan Posyandu Sehat', 33_600_000, 32_900_000),
            ('3.4.03', 'Pembinaan PKK', 18_000_000, 18_000_000)]
    wb = Workbook(); ws = wb.active; ws.title = 'Realisasi'
    ws['A1'] = f'LAPORAN REALISASI KEGIATAN DESA {desa.upper()} TAHUN 2024'
    for i, v in enumerate(['Kode Kegiatan', 'Nama Kegiatan', 'Anggaran (Rp)', 'Realisasi (Rp)'], 1): ws.cell(3, i, v)
    for n, row in enumerate(rows, 4):
        for i, v in enumerate(row, 1): ws.cell(n, i, v)
    ta = sum(x[2] for x in rows); tr = sum(x[3] for x in rows)
    ws.cell(8, 2, 'JUMLAH'); ws.cell(8, 3, ta + 100_000_000); ws.cell(8, 4, tr + 10_000_000)
    f = 'Realisasi_Kegiatan_2024_Tumbang_Gagu_REJECT.xlsx'; wb.save(OUT / f)
    entry(f, kode, 2024, len(rows), 'habit: plain realisasi table', 'JUMLAH row disagrees with its lines',
          expect='reject', why=f'JUMLAH anggaran {rp(ta + 100_000_000)} but lines sum to {rp(ta)}; JUMLAH realisasi {rp(tr + 10_000_000)} but lines sum to {rp(tr)}: a careful officer sends it back (which figure is right?)',
          total_anggaran=ta, total_realisasi=tr)

for fn in (file_a, file_b, file_c, file_d, file_e, file_f, file_g, file_h):
    fn()
json.dump(manifest, open(OUT / 'manifest.json', 'w'), ensure_ascii=False, indent=1)
print('\n'.join(m['file'] for m in manifest))
