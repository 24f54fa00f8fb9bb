import csv, io, json
from openpyxl import Workbook
from openpyxl.styles import Font
from common import base, totals, check, idn, REK, KEG, VIL
OUT = {}
def man(fn, desa, tahun, tahap, lines, source, shape, idx=4, extra=None):
    t = check(lines, idx)
    v = VIL[desa]
    m = dict(file=fn, record_type='apbdes', kode_desa=v['kode_desa'], desa=desa, tahun=tahun, tahap=tahap,
             line_items=len(lines), anggaran=t, source=source, shape=shape)
    if extra: m.update(extra)
    OUT[fn] = m

def B():
    L = [list(x) for x in base()]
    for l in L:
        if l[0]=='5.3.4.03': l[4]=650000000
        if l[0]=='5.3.4.02': l[4]=160000000
    return [tuple(l) for l in L]

def sk(k):  # bidang_kegiatan code -> siskeudes '01.01.01'
    return KEG[k]['kode_siskeudes'].rstrip('.')

# ---------- F1 Desa Cantik APBDes Perubahan, sections with repeated header ----------
def f1():
    fn = 'APBDes Perubahan 2025 Palangan (opendatadesa).csv'
    L = B()
    rows = []  # (kode, uraian, keg, sumber, awal, setelah)
    for k,u,g,s,a in L:
        if k=='5.1.2.01':
            rows.append((k,u,g,s,34200000,34200000)); rows.append((k,u,g,s,a-34200000,a-34200000-16625000)); continue
        if k=='5.3.4.03': rows.append((k,u,g,s,a,a+80000000+16625000)); continue
        if k=='5.2.1.01': rows.append((k,u,g,s,a,a-1500000)); continue
        if k=='5.2.5.01': rows.append((k,u,g,s,a,a+1500000)); continue
        rows.append((k,u,g,s,a,a))
        if k=='4.2.3.01': rows.append(('4.2.4.01','Bantuan Keuangan dari APBD Provinsi','','PBP',0,80000000))
    w = io.StringIO(); c = csv.writer(w, lineterminator='\n')
    v = VIL['Palangan']
    for t in ['APBDes Perubahan - Perubahan Anggaran Pendapatan dan Belanja Desa','Tahun Anggaran 2025',
              'PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR','KECAMATAN KECAMATAN KOTA BESI','DESA PEMERINTAH DESA PALANGAN',
              'PERUBAHAN ANGGARAN PENDAPATAN DAN BELANJA DESA','TAHUN ANGGARAN 2025']:
        c.writerow([t])
    H = ['Kode Rekening','Uraian','Anggaran Awal','Anggaran Setelah Perubahan','Bertambah/(Berkurang)']
    def sect(title, sel, jumlah):
        c.writerow([title]); c.writerow(H)
        ta=ts=0
        for k,u,g,s,a,b in sel:
            c.writerow([k+'.',u,idn(a),idn(b),idn(b-a)]); ta+=a; ts+=b
        c.writerow([jumlah,idn(ta),idn(ts),idn(ts-ta),''])
        return ta,ts
    sect('4. PENDAPATAN',[r for r in rows if r[0][0]=='4'],'JUMLAH PENDAPATAN')
    c.writerow(['5. BELANJA']); c.writerow(H)
    bel=[r for r in rows if r[0][0]=='5']; ta=ts=0
    done=set()
    for bid in ['1','2','3','4','5']:
        bl=[r for r in bel if r[2].split('.')[0]==bid]
        if not bl: continue
        sa=sum(r[4] for r in bl); sb=sum(r[5] for r in bl)
        c.writerow([sk(bid)[:2], KEG[bid]['uraian'].upper().replace('PENYELENGGARAAN','PENYELENGGARAN'), idn(sa), idn(sb), idn(sb-sa)])
        for sub in sorted({'.'.join(r[2].split('.')[:2]) for r in bl}):
            sl=[r for r in bl if r[2].startswith(sub+'.')]
            sa=sum(r[4] for r in sl); sb=sum(r[5] for r in sl)
            c.writerow([sk(sub), KEG[sub]['uraian'], idn(sa), idn(sb), idn(sb-sa)])
            for keg in sorted({r[2] for r in sl}):
                kl=[r for r in sl if r[2]==keg]
                sa=sum(r[4] for r in kl); sb=sum(r[5] for r in kl)
                c.writerow([sk(keg), KEG[keg]['uraian'], idn(sa), idn(sb), idn(sb-sa)])
                for k,u,g,s,a,b in kl:
                    c.writerow([f'{k}. [{sk(g)}]',u,idn(a),idn(b),idn(b-a)]); ta+=a; ts+=b
    c.writerow(['JUMLAH BELANJA',idn(ta),idn(ts),idn(ts-ta),''])
    sect('6. PEMBIAYAAN',[r for r in rows if r[0][0]=='6'],'PEMBIAYAAN NETTO')
    open(fn,'w',encoding='utf-8').write(w.getvalue())
    lines=[(k,u,g,s,b) for k,u,g,s,a,b in rows]
    man(fn,'Palangan',2025,'anggaran_perubahan',lines,
        'pages corpus: https://opendatadesa.desacantik.id/apb-desa-perubahan/detail?kode_desa=02.2021.&tahun=2025 (BPS Desa Cantik APBDes Perubahan page)',
        "sections '4. PENDAPATAN'/'5. BELANJA'/'6. PEMBIAYAAN' each with its own repeated header row; column order Awal | Setelah Perubahan | Bertambah/(Berkurang) (Setelah before the difference); JUMLAH rows shifted one column left (label in Kode col, amounts from Uraian col on) as the page's colspan renders; bidang/sub/kegiatan rows '01','01.01','01.01.02' with subtotals; lines '5.1.2.01. [01.01.02]'; two lines with the SAME code+kegiatan (5.1.2.01 in 01.01.02, 34.200.000 and 174.375.000 after) exactly as the source page shows; 'DESA PEMERINTAH DESA PALANGAN', 'KECAMATAN KECAMATAN KOTA BESI'; new line 4.2.4.01 Awal 0; negative differences '-16.625.000'",
        extra={'anggaran_awal':totals([(k,u,g,s,a) for k,u,g,s,a,b in rows]), 'note':'anggaran = Anggaran Setelah Perubahan'})

# ---------- F2 two years side by side ----------
def f2():
    fn='APBDes 2025 dan 2024 Desa Camba.xlsx'
    L=B(); prev={}
    for i,l in enumerate(L):
        prev[i]= int(round(l[4]*0.93/1000))*1000 if l[0] not in ('4.2.1.01','5.1.1.01','5.1.1.02') else l[4]
    wb=Workbook(); ws=wb.active; ws.title='APBDes'
    ws.append(['PEMERINTAH DESA CAMBA']); ws.append(['KECAMATAN KOTA BESI KABUPATEN KOTAWARINGIN TIMUR'])
    ws.append(['ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN 2025']); ws.append(['(dibandingkan dengan APBDes Tahun Anggaran 2024)']); ws.append([])
    ws.append(['KODE REKENING','KODE KEGIATAN','URAIAN','ANGGARAN TA 2024 (Rp)','ANGGARAN TA 2025 (Rp)','BERTAMBAH / (BERKURANG) (Rp)','SUMBER DANA'])
    ws.append([1,2,3,4,5,'6 = 5 - 4',7])
    for i,(k,u,g,s,a) in enumerate(L):
        ws.append([k,g,u,prev[i],a,a-prev[i],s])
        for col in 'DEF': ws[f'{col}{ws.max_row}'].number_format='#,##0;(#,##0)'
    t=totals(L); tp=totals([(l[0],0,0,0,prev[i]) for i,l in enumerate(L)])
    ws.append(['','','JUMLAH PENDAPATAN',tp['pendapatan'],t['pendapatan'],t['pendapatan']-tp['pendapatan'],''])
    ws.append(['','','JUMLAH BELANJA',tp['belanja'],t['belanja'],t['belanja']-tp['belanja'],''])
    ws.append([]); ws.append(['','','','','Camba, 2 Januari 2025']); ws.append(['','','','','KEPALA DESA CAMBA']); ws.append([]); ws.append(['','','','','HARTONO SUMARDI'])
    ws.merge_cells('A1:G1'); ws.merge_cells('A3:G3')
    wb.save(fn)
    man(fn,'Camba',2025,'anggaran',L,'brief: "multiple years side by side (Anggaran 2023 | Anggaran 2024)"; no public file of this exact layout was found in the corpora (village comparison tables habit); columns otherwise S1-style flat with kode kegiatan column',
        "two budget years side by side: 'ANGGARAN TA 2024 (Rp)' | 'ANGGARAN TA 2025 (Rp)' | 'BERTAMBAH / (BERKURANG)'; title says TA 2025 and '(dibandingkan dengan APBDes Tahun Anggaran 2024)'; column-number row '6 = 5 - 4'; numeric cells with accounting format; the 2025 column is this file's budget",
        extra={'anggaran_2024_column':tp})

# ---------- F3 Siskeudes Laporan Realisasi per Sumber Dana ----------
def f3():
    fn='Lap Realisasi APBDes per Sumber Dana 2024 Rasau Tumbuh.xlsx'
    L=[]
    for k,u,g,s,a in B():
        if k=='5.2.1.01':
            L.append((k,u,g,'ADD',6000000)); L.append((k,u,g,'PAD',2500000)); continue
        L.append((k,u,g,s,a))
    R=[]
    for k,u,g,s,a in L:
        if k.startswith('4'): r=a if k!='4.3.6.01' else 2137450
        elif k.startswith('6'): r=a
        elif k.startswith('5.4'): r=a
        else: r=int(round(a*0.962/1000))*1000
        R.append(r)
    wb=Workbook(); ws=wb.active; ws.title='Lap Realisasi per SD'
    ws.append(['PEMERINTAH DESA RASAU TUMBUH']); ws.append(['KECAMATAN KOTA BESI'])
    ws.append(['LAPORAN REALISASI PELAKSANAAN APB DESA PER SUMBER DANA']); ws.append(['TAHUN ANGGARAN 2024']); ws.append([])
    ws.append(['KODE REK.','URAIAN','ANGGARAN (Rp)','REALISASI (Rp)','LEBIH/(KURANG) (Rp)','%'])
    names={'ADD':'Alokasi Dana Desa','DDS':'Dana Desa (Dropping APBN)','PAD':'Pendapatan Asli Desa','PBH':'Penerimaan Bagi Hasil Pajak Retribusi','DLL':'Pendapatan Lain Lain','SILPA':None}
    order=['DDS','ADD','PBH','PAD','DLL']
    idx={s:[i for i,l in enumerate(L) if (l[3] if l[3]!='SILPA' else 'DLL')==s] for s in order}
    for s in order:
        ws.append([f'SUMBER DANA : {s} - {names[s]}'])
        ta=tr=0
        for grp,lab in [('4','PENDAPATAN'),('5','BELANJA'),('6','PEMBIAYAAN')]:
            ii=[i for i in idx[s] if L[i][0][0]==grp]
            if not ii: continue
            ws.append([grp+'.',lab])
            lastkeg=None
            for i in ii:
                k,u,g,_,a=L[i]
                if g and g!=lastkeg:
                    ka=sum(L[j][4] for j in ii if L[j][2]==g); kr=sum(R[j] for j in ii if L[j][2]==g)
                    ws.append([KEG[g]['kode_siskeudes'],KEG[g]['uraian'],ka,kr,kr-ka,round(kr/ka*100,2)]); lastkeg=g
                ws.append([k+'.',u,a,R[i],R[i]-a,round(R[i]/a*100,2)])
        sa=sum(L[i][4] for i in idx[s]); sr=sum(R[i] for i in idx[s])
        ws.append(['',f'JUMLAH SUMBER DANA {s}',sa,sr,sr-sa,round(sr/sa*100,2)])
        ws.append([])
    for row in ws.iter_rows(min_row=7):
        for cell in row[2:5]: cell.number_format='#,##0.00;(#,##0.00)'
    ws.append(['','Rasau Tumbuh, 31 Desember 2024']); ws.append(['','Kepala Desa Rasau Tumbuh','','Kaur Keuangan']); ws.append([]); ws.append(['','YOHANES DIDIK','','MARLINA SARI'])
    wb.save(fn)
    man(fn,'Rasau Tumbuh',2024,'realisasi_tahunan',L,'Siskeudes report "Laporan Realisasi Pelaksanaan APB Desa per Sumber Dana" as named by the brief; sumber codes and names from /work/shared/reference/siskeudes_desa_simulasi/Ref_Sumber.csv (DDS/ADD/PBH/PAD/DLL); Siskeudes code style \'5.1.1.01.\' and kegiatan \'01.01.01.\' (bidang_kegiatan.csv kode_siskeudes)',
        "one section per sumber dana ('SUMBER DANA : DDS - Dana Desa (Dropping APBN)') each with its own 4./5./6. group rows, kegiatan rows with subtotals and a 'JUMLAH SUMBER DANA xx' row; the same objek+kegiatan (5.2.1.01 in 01.01.04.) appears twice, once under ADD and once under PAD (different sumber: two budget lines, not a duplicate); SILPA under DLL; % column; no SEMESTER word: year-end report dated 31 Desember",
        extra={'realisasi':totals([(L[i][0],0,0,0,R[i]) for i in range(len(L))])})

# ---------- F4 cp1252 ';' Perkades Penjabaran, separate Rp column, ',-', brackets ----------
def f4():
    fn='PENJABARAN APBDES LUWUK RANGGAN 2024.csv'
    L=B()
    L=[(k,(u if k!='5.3.4.03' else 'Belanja Modal Bahan Baku – Rabat beton 1.200 m²'),g,s,a) for k,u,g,s,a in L]
    rp=lambda n: ('('+idn(-n)+',-)') if n<0 else idn(n)+',-'
    out=[]; w=out.append
    w(['LAMPIRAN PERATURAN KEPALA DESA LUWUK RANGGAN']); w(['NOMOR 01 TAHUN 2024']); w(['TENTANG PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN 2024']); w([])
    w(['PENJABARAN APBDesa PEMERINTAH DESA LUWUK RANGGAN KECAMATAN CEMPAGA']); w(['TAHUN ANGGARAN 2024']); w([])
    w(['KODE REKENING','URAIAN','ANGGARAN (Rp)','','SUMBER DANA'])
    w(['1','2','3','','4'])
    t=totals(L)
    w(['4','PENDAPATAN','Rp',rp(t['pendapatan']),''])
    for k,u,g,s,a in L:
        if k[0]=='4': w([k,u,'Rp',rp(a),s])
    w(['','JUMLAH PENDAPATAN','Rp',rp(t['pendapatan']),''])
    w(['5','BELANJA','Rp',rp(t['belanja']),''])
    bel=[l for l in L if l[0][0]=='5']
    for bid in '12345':
        bl=[l for l in bel if l[2].split('.')[0]==bid]
        w([bid,KEG[bid]['uraian'].upper(),'Rp',rp(sum(l[4] for l in bl)),''])
        for keg in sorted({l[2] for l in bl}):
            kl=[l for l in bl if l[2]==keg]
            w([keg,KEG[keg]['uraian'],'Rp',rp(sum(l[4] for l in kl)),''])
            for k,u,g,s,a in kl: w([k,u,'Rp',rp(a),s])
    w(['','JUMLAH BELANJA','Rp',rp(t['belanja']),''])
    w(['','SURPLUS / (DEFISIT)','Rp',rp(t['pendapatan']-t['belanja']),''])
    w(['6','PEMBIAYAAN','','',''])
    w(['6.1','Penerimaan Pembiayaan','Rp',rp(t['pembiayaan_penerimaan']),''])
    for k,u,g,s,a in L:
        if k.startswith('6.1'): w([k,u,'Rp',rp(a),s])
    w(['6.2','Pengeluaran Pembiayaan','Rp',rp(-t['pembiayaan_pengeluaran']),''])
    for k,u,g,s,a in L:
        if k.startswith('6.2'): w([k,u,'Rp',rp(-a),s])
    netto=t['pembiayaan_penerimaan']-t['pembiayaan_pengeluaran']
    w(['','PEMBIAYAAN NETTO','Rp',rp(netto),''])
    w(['','SISA LEBIH PEMBIAYAAN ANGGARAN (SiLPA)','Rp',rp(t['pendapatan']-t['belanja']+netto),''])
    w([]); w(['','','Luwuk Ranggan, 5 Januari 2024']); w(['','','KEPALA DESA LUWUK RANGGAN']); w([]); w(['','','ARBAIN SAPUTRA'])
    s=io.StringIO(); csv.writer(s,delimiter=';',lineterminator='\r\n').writerows(out)
    open(fn,'w',encoding='cp1252',newline='').write(s.getvalue())
    man(fn,'Luwuk Ranggan',2024,'anggaran',L,'Permendagri 20/2018 Penjabaran APBDes (Lampiran Perkades) as saved from Excel to CSV; amount style \'Rp. 1.234.567,-\' of pages corpus 123dok Peraturan Desa Kuta Nomor 6 Tahun 2018 (here with "Rp" in its own cell because "ANGGARAN (Rp)" is merged over two cells); brackets for pengeluaran pembiayaan as named in the brief',
        "Windows-1252, ';', CRLF; 'ANGGARAN (Rp)' heading over TWO columns: a 'Rp' column and an unnamed amount column '52.200.000,-'; pengeluaran pembiayaan written in brackets '(50.000.000,-)' (a positive outflow of 50.000.000); Permendagri bidang codes '1'..'5' and kegiatan '2.3.10' in the code column beside akun '4','5','6'; en dash and '²' in an uraian; SURPLUS/NETTO/SiLPA rows; signature",
        extra={'note':'pembiayaan_pengeluaran 50.000.000 is written (50.000.000,-); a careful reader records 50000000 as the 6.2.2.01 anggaran'})

# ---------- F5 sheet per bidang ----------
def f5():
    fn='APBDes 2025 Luwuk Bunter (per bidang).xlsx'
    L=B(); wb=Workbook(); first=True
    def sheet(title):
        nonlocal first
        if first: ws=wb.active; ws.title=title; first=False
        else: ws=wb.create_sheet(title)
        return ws
    def hdr(ws, sub):
        ws.append(['RENCANA ANGGARAN BIAYA / APBDes DESA LUWUK BUNTER']); ws.append(['TAHUN ANGGARAN 2025']); ws.append([sub]); ws.append([])
        ws.append(['NO','KODE','URAIAN','VOLUME','SATUAN','HARGA SATUAN (Rp)','JUMLAH (Rp)','SUMBER DANA'])
    def line(ws,n,k,u,s,a):
        if a%12==0 and a>=1200000: ws.append([n,k,u,12,'bulan',a//12,a,s])
        else: ws.append([n,k,u,1,'paket',a,a,s])
    ws=sheet('PENDAPATAN'); hdr(ws,'PENDAPATAN DESA')
    n=0
    for k,u,g,s,a in L:
        if k[0]=='4': n+=1; line(ws,n,k,u,s,a)
    ws.append(['','','JUMLAH PENDAPATAN','','','',sum(l[4] for l in L if l[0][0]=='4'),''])
    rek=[]
    for bid in '12345':
        ws=sheet(f'BID {bid}'); hdr(ws,KEG[bid]['uraian'].upper())
        bl=[l for l in L if l[0][0]=='5' and l[2].split('.')[0]==bid]; n=0
        for keg in sorted({l[2] for l in bl}):
            ws.append(['',KEG[keg]['kode_siskeudes'],KEG[keg]['uraian'],'','','',sum(l[4] for l in bl if l[2]==keg),''])
            ws[f'C{ws.max_row}'].font=Font(bold=True)
            for k,u,g,s,a in bl:
                if g==keg: n+=1; line(ws,n,k,u,s,a)
        tb=sum(l[4] for l in bl); rek.append((bid,tb))
        ws.append(['','',f'JUMLAH BIDANG {bid}','','','',tb,''])
    ws=sheet('PEMBIAYAAN'); hdr(ws,'PEMBIAYAAN DESA'); n=0
    for k,u,g,s,a in L:
        if k[0]=='6': n+=1; line(ws,n,k,u,s,a)
    t=totals(L)
    ws=wb.create_sheet('REKAP'); ws.append(['REKAPITULASI APBDes DESA LUWUK BUNTER TA 2025']); ws.append([])
    ws.append(['URAIAN','JUMLAH (Rp)'])
    ws.append(['PENDAPATAN',t['pendapatan']])
    for bid,tb in rek: ws.append([KEG[bid]['uraian'],tb])
    ws.append(['JUMLAH BELANJA',t['belanja']]); ws.append(['SURPLUS/(DEFISIT)',t['pendapatan']-t['belanja']])
    ws.append(['PENERIMAAN PEMBIAYAAN',t['pembiayaan_penerimaan']]); ws.append(['PENGELUARAN PEMBIAYAAN',t['pembiayaan_pengeluaran']])
    wb.save(fn)
    man(fn,'Luwuk Bunter',2025,'anggaran',L,'brief: "a sheet per bidang" (village Kaur Keuangan workbook habit; no public example found); RAB columns Volume/Satuan/Harga Satuan after Siskeudes Ta_RABRinci (JmlSatuan, Satuan, HrgSatuan; reference/siskeudes_export_format.csv); kegiatan code style from bidang_kegiatan.csv kode_siskeudes',
        "8 sheets: PENDAPATAN, BID 1..BID 5, PEMBIAYAAN (line items, same columns NO | KODE | URAIAN | VOLUME | SATUAN | HARGA SATUAN | JUMLAH | SUMBER DANA), REKAP (totals only); kegiatan heading rows '01.01.01.' with subtotal in JUMLAH; JUMLAH BIDANG row per sheet; volume x harga = jumlah ('12 bulan' or '1 paket'); village/year only in each sheet's title",
        extra={'sheets':{'PENDAPATAN':5,'BID 1':8,'BID 2':4,'BID 3':1,'BID 4':1,'BID 5':1,'PEMBIAYAAN':2,'REKAP':0}})

# ---------- F6 Siskeudes print exported to Excel (Crystal style) ----------
def f6():
    fn='Penjabaran APBDesa 2024 Sungai Paring (export Siskeudes).xlsx'
    L=B(); t=totals(L); wb=Workbook(); ws=wb.active; ws.title='Sheet1'
    def put(r, kode, uraian, amt, sd, bold=False):
        ws.cell(r,2,kode); ws.merge_cells(start_row=r,start_column=2,end_row=r,end_column=3)
        ws.cell(r,4,uraian); ws.merge_cells(start_row=r,start_column=4,end_row=r,end_column=7)
        if amt is not None:
            ws.cell(r,9,amt).number_format='#,##0.00'; ws.merge_cells(start_row=r,start_column=9,end_row=r,end_column=10)
        ws.cell(r,11,(kode or '').replace('.',''))
        ws.cell(r,12,sd)
        if bold: ws.cell(r,4).font=Font(bold=True)
    r=1
    for txt in ['PEMERINTAH DESA SUNGAI PARING','KECAMATAN CEMPAGA','LAMPIRAN PERATURAN KEPALA DESA NOMOR 1 TAHUN 2024','PENJABARAN ANGGARAN PENDAPATAN DAN BELANJA DESA','TAHUN ANGGARAN 2024']:
        ws.cell(r,2,txt); ws.merge_cells(start_row=r,start_column=2,end_row=r,end_column=12); r+=1
    r+=1
    put(r,'KODE REKENING','URAIAN','ANGGARAN (Rp)',None); ws.cell(r,9,'ANGGARAN (Rp)'); ws.cell(r,12,'SUMBER DANA'); ws.cell(r,11,'KEY'); r+=2
    def jenis(k): return '.'.join(k.split('.')[:3])+'.'
    seen=set()
    def block(prefix, label):
        nonlocal r
        put(r,prefix+'.',label,sum(l[4] for l in L if l[0].startswith(prefix)),'',True); r+=2
        for k,u,g,s,a in L:
            if not k.startswith(prefix) or k.startswith('5'): continue
            j=jenis(k)
            if j not in seen:
                seen.add(j); put(r,j,REK[j[:-1]],sum(l[4] for l in L if jenis(l[0])==j),'',True); r+=2
            put(r,k+'.',u,a,s); r+=2
    block('4','PENDAPATAN')
    put(r,'','JUMLAH PENDAPATAN',t['pendapatan'],'',True); r+=2
    put(r,'5.','BELANJA',t['belanja'],'',True); r+=2
    for bid in '12345':
        bl=[l for l in L if l[0][0]=='5' and l[2].split('.')[0]==bid]
        put(r,KEG[bid]['kode_siskeudes'],KEG[bid]['uraian'],sum(l[4] for l in bl),'',True); r+=2
        for keg in sorted({l[2] for l in bl}):
            put(r,KEG[keg]['kode_siskeudes'],KEG[keg]['uraian'],sum(l[4] for l in bl if l[2]==keg),'',True); r+=2
            for k,u,g,s,a in bl:
                if g==keg: put(r,k+'.',u,a,s); r+=2
    put(r,'','JUMLAH BELANJA',t['belanja'],'',True); r+=2
    put(r,'','SURPLUS / (DEFISIT)',t['pendapatan']-t['belanja'],'',True); r+=2
    block('6','PEMBIAYAAN')
    put(r,'','PEMBIAYAAN NETTO',t['pembiayaan_penerimaan']-t['pembiayaan_pengeluaran'],'',True); r+=2
    ws.column_dimensions['K'].hidden=True; ws.column_dimensions['A'].width=2; ws.column_dimensions['H'].width=1
    r+=1; ws.cell(r,9,'Sungai Paring, 3 Januari 2024'); ws.cell(r+1,9,'KEPALA DESA SUNGAI PARING'); ws.cell(r+4,9,'RAHMAT HIDAYAT')
    wb.save(fn)
    man(fn,'Sungai Paring',2024,'anggaran',L,'Siskeudes "Penjabaran APBDesa" print exported from the report viewer to Excel (habit of Crystal Reports exports: spacer columns, values in merged ranges, blank row after every line); code style of Siskeudes (\'4.1.2.01.\', bidang \'01.\', kegiatan \'01.01.04.\') from bidang_kegiatan.csv kode_siskeudes / siskeudes_desa_simulasi',
        "column A and H empty spacers; code merged B:C, uraian merged D:G, amount merged I:J (numeric, '#,##0.00'), hidden column K 'KEY' holding the code without dots (lookup helper), SUMBER DANA in L; a blank row after every row; akun '4.', jenis '4.1.2.' and bidang '01.'/kegiatan '02.03.10.' rows with subtotals; JUMLAH/SURPLUS/NETTO rows")

# ---------- F7 LPPDes annex, pipe-separated, code and name in one cell ----------
def f7():
    fn='lampiran_lppdes_2023_baampah.csv'
    L=B(); R=[]
    for k,u,g,s,a in L:
        R.append(a if k[0] in '46' and k!='4.3.6.01' else (1640275 if k=='4.3.6.01' else int(round(a*0.975/1000))*1000))
    out=[]; w=out.append
    w(['LAMPIRAN II','','','','','']); w(['LAPORAN PENYELENGGARAAN PEMERINTAHAN DESA (LPPDes) AKHIR TAHUN ANGGARAN 2023','','','','',''])
    w(['DESA BAAMPAH KECAMATAN MENTAYA HULU KABUPATEN KOTAWARINGIN TIMUR','','','','',''])
    w(['B. REALISASI PELAKSANAAN APB DESA','','','','','']); w(['','','','','',''])
    w(['NO','URAIAN','ANGGARAN (Rp)','REALISASI (Rp)','%','KETERANGAN'])
    pct=lambda r,a: f"{r/a*100:.2f}".replace('.',',')+' %'
    no=0
    for grp,lab in [('4','I. PENDAPATAN'),('5','II. BELANJA'),('6','III. PEMBIAYAAN')]:
        w(['',lab,'','','',''])
        lastkeg=None
        for i,(k,u,g,s,a) in enumerate(L):
            if k[0]!=grp: continue
            if g and g!=lastkeg:
                w(['',f'Kegiatan {KEG[g]["kode_siskeudes"].rstrip(".")} - {KEG[g]["uraian"]}','','','','']); lastkeg=g
            no+=1; w([str(no),f'{k} - {u}',idn(a,True),idn(R[i],True),pct(R[i],a),'Sumber: '+s])
        sa=sum(L[i][4] for i in range(len(L)) if L[i][0][0]==grp); sr=sum(R[i] for i in range(len(L)) if L[i][0][0]==grp)
        if grp!='6': w(['',f'JUMLAH {lab.split(". ")[1]}',idn(sa,True),idn(sr,True),pct(sr,sa),''])
    w(['','','','','','']); w(['','','','Baampah, 15 Januari 2024','','']); w(['','','','Kepala Desa Baampah','','']); w(['','','','','','']); w(['','','','SUPRIADI ANSYAH','',''])
    s=io.StringIO(); csv.writer(s,delimiter='|',lineterminator='\n').writerows(out)
    open(fn,'w',encoding='utf-8-sig').write(s.getvalue())
    man(fn,'Baampah',2023,'realisasi_tahunan',L,'LPPDes akhir tahun anggaran finance annex (Permendagri 46/2016 LPPDes content: realisasi APBDes), as typed by villages; pipe delimiter named in the project README; "kode - uraian" in one cell',
        "UTF-8 with BOM, '|' delimiter; no code column: 'NO | URAIAN' where URAIAN holds '4.2.1.01 - Dana Desa'; kegiatan heading rows 'Kegiatan 02.03.10 - Pembangunan/...'; roman section rows 'I. PENDAPATAN'; amounts '1.234.567,00'; percent '97,50 %'; KETERANGAN 'Sumber: DDS'; title 'LPPDes AKHIR TAHUN ANGGARAN 2023' (year-end realisation); signature dated 15 Januari 2024",
        extra={'realisasi':totals([(L[i][0],0,0,0,R[i]) for i in range(len(L))])})

# ---------- F8 OpenSID keuangan widget data ----------
def f8():
    fn='data_widget_keuangan_tanjung_bantur_2024.csv'
    L=B(); R=[]
    for k,u,g,s,a in L: R.append(a if k[0]!='5' else int(round(a*0.91/1000))*1000)
    jenis={}
    for i,(k,u,g,s,a) in enumerate(L):
        if k[0]=='4':
            j='.'.join(k.split('.')[:3]); jenis.setdefault(j,[0,0]); jenis[j][0]+=a; jenis[j][1]+=R[i]
    bid={}
    for i,(k,u,g,s,a) in enumerate(L):
        if k[0]=='5':
            b=g.split('.')[0]; bid.setdefault(b,[0,0]); bid[b][0]+=a; bid[b][1]+=R[i]
    t=totals(L); tr=totals([(L[i][0],0,0,0,R[i]) for i in range(len(L))])
    out=[['laporan','judul','anggaran','realisasi']]
    out.append(['APBDes 2024 Pelaksanaan','PENDAPATAN',t['pendapatan'],tr['pendapatan']])
    out.append(['APBDes 2024 Pelaksanaan','BELANJA',t['belanja'],tr['belanja']])
    out.append(['APBDes 2024 Pelaksanaan','PEMBIAYAAN',t['pembiayaan_penerimaan']-t['pembiayaan_pengeluaran'],tr['pembiayaan_penerimaan']-tr['pembiayaan_pengeluaran']])
    for j,(a,r) in jenis.items(): out.append(['APBDes 2024 Pendapatan',REK[j],a,r])
    for b,(a,r) in bid.items(): out.append(['APBDes 2024 Pembelanjaan',KEG[b]['uraian'].replace('Penyelenggaraan','Penyelenggaran'),a,r])
    s=io.StringIO(); csv.writer(s,lineterminator='\n').writerows(out)
    open(fn,'w',encoding='utf-8').write(s.getvalue())
    lines=[(j+'.xx',0,'',0,a) for j,(a,r) in jenis.items()]
    OUT[fn]=dict(file=fn,record_type='apbdes (summary)',kode_desa=VIL['Tanjung Bantur']['kode_desa'],desa='Tanjung Bantur',tahun=2024,tahap='realisasi (year not closed: unknown semester)',
        line_items=f"{len(jenis)} pendapatan jenis rows + {len(bid)} belanja bidang rows (no objek lines); 3 'Pelaksanaan' rows are totals",
        anggaran={'pendapatan':t['pendapatan'],'belanja':t['belanja'],'pembiayaan_netto':t['pembiayaan_penerimaan']-t['pembiayaan_pengeluaran'],'pembiayaan_penerimaan':'not in file','pembiayaan_pengeluaran':'not in file'},
        realisasi={'pendapatan':tr['pendapatan'],'belanja':tr['belanja']},
        source='OpenSID keuangan widget data (search index file id 52756330: Keuangan_grafik_manual_model::data_keuangan_tema: laporan "APBDes <tahun> Pelaksanaan/Pendapatan/Pembelanjaan", judul = Nama_Akun / Nama_Jenis / Nama_Bidang, anggaran (pagu), realisasi; pembiayaan netto = masuk - keluar)',
        shape="flat CSV of the widget's series: laporan,judul,anggaran,realisasi; no kode rekening at all (jenis names from ref_rek3, bidang names with OpenSID's 'Penyelenggaran' spelling); village only in the file name; a summary, not a penjabaran. Probe: careful reader either maps names to 4.x.x jenis / bidang (10 rows, 'Pelaksanaan' rows are totals) or refuses clearly ('ringkasan tanpa kode rekening')")

for f in (f1,f2,f3,f4,f5,f6,f7,f8): f()
json.dump(list(OUT.values()),open('manifest.json','w'),indent=1,ensure_ascii=False)
for m in OUT.values(): print(m['file'], m['line_items'], m['anggaran'])
