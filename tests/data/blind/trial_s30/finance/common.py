"""Shared invented budget for trial2-finance. Numbers invented; codes from reference/."""
import csv
from pathlib import Path
REF = str(Path(__file__).resolve().parents[5] / 'reference') + '/'
REK = {r['kode']: r['uraian'] for r in csv.DictReader(open(REF+'apbdes_rekening.csv'))}
KEG = {r['kode']: r for r in csv.DictReader(open(REF+'bidang_kegiatan.csv'))}
VIL = {r['nama_desa']: r for r in csv.DictReader(open(REF+'kotim_villages.csv'))}

def base(f=1.0):
    """(kode, uraian, kegiatan, sumber, anggaran). f scales amounts (rounded to 1000)."""
    r = lambda x: int(round(x*f/1000.0))*1000
    L = [
     ('4.1.2.01','Pengelolaan Tanah Kas Desa','', 'PAD', r(12000000)),
     ('4.2.1.01','Dana Desa','', 'DDS', r(820450000)),
     ('4.2.2.01','Bagi Hasil Pajak dan Retribusi Daerah Kabupaten/Kota','', 'PBH', r(41200000)),
     ('4.2.3.01','Alokasi Dana Desa','', 'ADD', r(512300000)),
     ('4.3.6.01','Bunga Bank','', 'DLL', r(1850000)),
     ('5.1.1.01','Penghasilan Tetap Kepala Desa','1.1.01','ADD', r(36000000)),
     ('5.1.1.02','Tunjangan Kepala Desa','1.1.01','ADD', r(12000000)),
     ('5.1.2.01','Penghasilan Tetap Perangkat Desa','1.1.02','ADD', r(210600000)),
     ('5.1.2.02','Tunjangan Perangkat Desa','1.1.02','ADD', r(48000000)),
     ('5.1.3.01','Jaminan Kesehatan Kepala Desa','1.1.03','ADD', r(1800000)),
     ('5.1.3.02','Jaminan Kesehatan Perangkat Desa','1.1.03','ADD', r(9720000)),
     ('5.2.1.01','Belanja Perlengkapan Alat Tulis Kantor dan Benda Pos','1.1.04','ADD', r(8500000)),
     ('5.2.5.01','Belanja Jasa Langganan Listrik','1.1.04','ADD', r(4800000)),
     ('5.2.2.01','Belanja Jasa Honorarium Tim yang Melaksanakan Kegiatan','2.2.02','DDS', r(18000000)),
     ('5.2.1.06','Belanja Barang Konsumsi (Makan/minum)','2.2.02','DDS', r(24600000)),
     ('5.3.4.02','Belanja Modal Upah Tenaga Kerja','2.3.10','DDS', r(96500000)),
     ('5.3.4.03','Belanja Modal Bahan Baku','2.3.10','DDS', r(318400000)),
     ('5.2.1.06','Belanja Barang Konsumsi (Makan/minum)','3.1.03','ADD', r(7500000)),
     ('5.2.3.03','Belanja Kursus/Pelatihan','4.3.02','ADD', r(15000000)),
     ('5.4.1.01','Belanja Tak Terduga (BLT Dana Desa)','5.3.01','DDS', r(108000000)),
     ('6.1.1.01','SILPA Tahun Sebelumnya','', 'SILPA', r(45600000)),
     ('6.2.2.01','Penyertaan Modal Desa (BUMDes)','', 'DDS', r(50000000)),
    ]
    return L

def totals(lines, idx=4):
    t = {'4':0,'5':0,'6.1':0,'6.2':0}
    for l in lines:
        k=l[0]
        key = '6.1' if k.startswith('6.1') else '6.2' if k.startswith('6.2') else k[0]
        t[key]+=l[idx]
    return {'pendapatan':t['4'],'belanja':t['5'],'pembiayaan_penerimaan':t['6.1'],'pembiayaan_pengeluaran':t['6.2']}

def check(lines, idx=4):
    t=totals(lines, idx)
    assert t['pendapatan']+t['pembiayaan_penerimaan']-t['pembiayaan_pengeluaran'] >= t['belanja'], t
    for l in lines:
        k=l[0]
        assert k in REK, k
        if k.startswith('5'): assert l[2] in KEG, l
    return t

def idn(n, dec=False):
    s=f"{abs(n):,}".replace(',','.')
    if dec: s+=',00'
    return ('-' if n<0 else '')+s
