"""Build trial-5 musyawarah files + manifest.json (values computed from the data written)."""
import csv, io, json, zipfile, datetime as dt
from pathlib import Path
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, Border, Side
from openpyxl.utils import get_column_letter

OUT = Path(__file__).parent
D = dt.date
BULAN = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
ROMAWI = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
manifest = []
thin = Side(style="thin"); BOX = Border(left=thin, right=thin, top=thin, bottom=thin)

def indo(d): return f"{d.day} {BULAN[d.month]} {d.year}"
def hari(d): return HARI[d.weekday()]

def add(file, kode, desa, tahun, meetings, source, shape, **extra):
    e = {"file": file, "record_type": "musyawarah", "kode_desa": kode, "desa": desa, "tahun": tahun,
         "line_items": len(meetings),
         "total_hadir": sum(m["L"] + m["P"] for m in meetings if m.get("L") is not None),
         "hadir_laki": sum(m["L"] for m in meetings if m.get("L") is not None),
         "hadir_perempuan": sum(m["P"] for m in meetings if m.get("P") is not None),
         "tanggal": [m["tgl"].isoformat() for m in meetings],
         "source": source, "shape": shape}
    e.update(extra); manifest.append(e)

# ---------------------------------------------------------------- M1 ODS (LibreOffice)
def m1():
    kode, desa = "62.02.15.2006", "Tumbang Getas"
    ms = [
        dict(tgl=D(2024, 1, 18), jenis="Musyawarah Desa Penetapan APBDes 2024", tempat="Balai Desa Tumbang Getas", L=21, P=9, und=35, hasil="APBDes TA 2024 disepakati"),
        dict(tgl=D(2024, 3, 7), jenis="Musyawarah Desa Khusus Penetapan KPM BLT-DD", tempat="Balai Desa Tumbang Getas", L=18, P=14, und=36, hasil="22 KPM BLT-DD ditetapkan"),
        dict(tgl=D(2024, 6, 20), jenis="Musyawarah Dusun (Musdus) Dusun I", tempat="Rumah Kadus I", L=16, P=8, und=28, hasil="7 usulan kegiatan dusun"),
        dict(tgl=D(2024, 6, 22), jenis="Musyawarah Dusun (Musdus) Dusun II", tempat="Mushola Nurul Huda", L=13, P=10, und=26, hasil="5 usulan kegiatan dusun"),
        dict(tgl=D(2024, 7, 25), jenis="Musyawarah Desa Penyusunan RKP Desa 2025", tempat="Balai Desa Tumbang Getas", L=24, P=12, und=40, hasil="Daftar prioritas RKP Desa 2025"),
        dict(tgl=D(2024, 10, 3), jenis="Musyawarah Desa Perubahan APBDes 2024", tempat="Balai Desa Tumbang Getas", L=19, P=10, und=34, hasil="Perubahan APBDes disepakati"),
    ]
    def cell(v, span=None):
        a = f' table:number-columns-spanned="{span}"' if span else ""
        if v is None: return f"<table:table-cell{a}/>"
        if isinstance(v, D):
            return (f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}"'
                    f' table:style-name="ce_date"{a}><text:p>{v.strftime("%d/%m/%Y")}</text:p></table:table-cell>')
        if isinstance(v, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{v}"{a}><text:p>{v}</text:p></table:table-cell>'
        from xml.sax.saxutils import escape
        return f'<table:table-cell office:value-type="string"{a}><text:p>{escape(str(v))}</text:p></table:table-cell>'
    rows = []
    rows.append(cell(f"REKAPITULASI PELAKSANAAN MUSYAWARAH TAHUN 2024", 9))
    rows.append(cell(f"DESA {desa.upper()} KECAMATAN BUKIT SANTUAI", 9))
    rows.append(cell(None))
    rows.append("".join(cell(h) for h in ["No", "Tanggal", "Nama Musyawarah", "Tempat", "Undangan", "Hadir L", "Hadir P", "Jumlah Hadir", "Hasil"]))
    for i, m in enumerate(ms, 1):
        rows.append("".join(cell(v) for v in [i, m["tgl"], m["jenis"], m["tempat"], m["und"], m["L"], m["P"], m["L"] + m["P"], m["hasil"]]))
    rows.append("".join(cell(v) for v in [None, None, "JUMLAH", None, sum(m["und"] for m in ms), sum(m["L"] for m in ms), sum(m["P"] for m in ms), sum(m["L"] + m["P"] for m in ms), None]))
    body = "".join(f"<table:table-row>{r}</table:table-row>" for r in rows)
    content = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3">
<office:automatic-styles><number:date-style style:name="N37"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="ce_date" style:family="table-cell" style:data-style-name="N37"/></office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="Musyawarah 2024"><table:table-column table:number-columns-repeated="9"/>{body}</table:table></office:spreadsheet></office:body></office:document-content>'''
    manifest_xml = '''<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>'''
    fn = "Rekap Musyawarah Tumbang Getas 2024.ods"
    with zipfile.ZipFile(OUT / fn, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest_xml, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    add(fn, kode, desa, 2024, ms, "habit: LibreOffice Calc (default office suite on many desa laptops with Linux/BlankOn); ODF 1.3 date cells",
        "ODS file (no XLSX); date cells as office:date-value shown dd/mm/yyyy; merged title rows (columns-spanned); separate Hadir L / Hadir P / Jumlah; JUMLAH row; village only in title row 2 and file name")

# ---------------------------------------------------------------- M2 kecamatan circular, one village
def m2():
    kode, desa = "62.02.02.2006", "Luwuk Ranggan"
    ms = [
        dict(tgl=D(2025, 1, 13), jenis="Musyawarah Dusun I", jam="09.00 WIB s.d. selesai", tempat="Balai Dusun I", pendamping="PLD Kec. Cempaga", L=17, P=9),
        dict(tgl=D(2025, 1, 14), jenis="Musyawarah Dusun II", jam="13.30 WIB s.d. selesai", tempat="Rumah Kadus II", pendamping="PLD Kec. Cempaga", L=14, P=11),
        dict(tgl=D(2025, 1, 21), jenis="Musyawarah Desa Perencanaan (Pencermatan RPJMDes & Penyusunan RKP Desa 2026)", jam="09.00 WIB s.d. selesai", tempat="Aula Kantor Desa Luwuk Ranggan", pendamping="Tim Kecamatan / TA PP", L=26, P=13),
        dict(tgl=D(2025, 2, 4), jenis="Musrenbangdes RKP Desa Tahun 2026", jam="08.30 WIB s.d. selesai", tempat="Aula Kantor Desa Luwuk Ranggan", pendamping="Camat Cempaga / Bappelitbangda", L=31, P=15),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Lampiran"
    ws["A1"] = "LAMPIRAN SURAT CAMAT CEMPAGA"
    ws["A2"] = "Nomor     : 400.10/ 27 /Kec.Cpg/I/2025"
    ws["A3"] = "Tanggal   : 6 Januari 2025"
    ws["A4"] = "Perihal    : Jadwal dan Laporan Pelaksanaan Musyawarah Perencanaan Pembangunan Desa"
    ws["A6"] = "JADWAL PELAKSANAAN MUSDUS, MUSDES DAN MUSRENBANGDES TAHUN 2025"
    ws["A7"] = "DESA LUWUK RANGGAN"
    ws.merge_cells("A6:I6"); ws.merge_cells("A7:I7")
    hdr = ["NO", "TAHAPAN MUSYAWARAH", "HARI", "TANGGAL", "PUKUL", "TEMPAT", "NARASUMBER / PENDAMPING", "JUMLAH PESERTA (L/P)", "KET."]
    for j, h in enumerate(hdr, 1):
        c = ws.cell(9, j, h); c.font = Font(bold=True); c.border = BOX
    r = 10
    for i, m in enumerate(ms, 1):
        vals = [i, m["jenis"], hari(m["tgl"]), indo(m["tgl"]), m["jam"], m["tempat"], m["pendamping"], f'{m["L"]+m["P"]} ({m["L"]}/{m["P"]})', "Terlaksana"]
        for j, v in enumerate(vals, 1): ws.cell(r, j, v).border = BOX
        r += 1
    r += 1
    ws.cell(r, 1, "Catatan: Undangan disampaikan paling lambat 3 (tiga) hari sebelum pelaksanaan. Berita acara dan daftar hadir dilampirkan."); r += 2
    ws.cell(r, 7, "CAMAT CEMPAGA,"); ws.cell(r + 4, 7, "( Drs. H. Rahmadi Saleh )")
    for col, w in zip("ABCDEFGHI", [5, 48, 9, 20, 22, 30, 30, 20, 12]): ws.column_dimensions[col].width = w
    fn = "Lamp_SE_Camat_Cempaga_Jadwal_Musrenbangdes_2025_Luwuk_Ranggan.xlsx"
    wb.save(OUT / fn)
    add(fn, kode, desa, 2025, ms, "Kecamatan circular habit (Lampiran Surat Edaran Bupati/Camat 'jadwal musrenbang desa', e.g. id.scribd.com/document/607429850 juknis musrenbang desa/kelurahan Kab. Tegal; docplayer 'proses dan jadwal musrenbang')",
        "lampiran of a camat's letter: Nomor/Tanggal/Perihal lines above title; HARI and TANGGAL in separate columns, TANGGAL as Indonesian text; PUKUL '09.00 WIB s.d. selesai'; participants as '26 (17/9)' in one cell; KET 'Terlaksana'; signature of the Camat; kinds 'Musyawarah Dusun I', 'Musrenbangdes RKP Desa Tahun 2026' (topic year 2026 != meeting year 2025)")

# ---------------------------------------------------------------- M3 Google Sheets CSV, multi-line cells
def m3():
    kode, desa = "62.02.09.2008", "Babirah"
    ms = [
        dict(tgl=D(2024, 2, 8), jenis="Musdes APBDes", tempat="Kantor Desa Babirah", L=22, P=11, hasil="1. APBDes 2024 disepakati\n2. Pembangunan titian ulin RT 03 didahulukan"),
        dict(tgl=D(2024, 4, 16), jenis="Musdes Khusus BLT Dana Desa", tempat="Kantor Desa Babirah", L=15, P=17, hasil="1. Verifikasi calon KPM\n2. 18 KPM disepakati\n3. 2 KPM diganti karena pindah"),
        dict(tgl=D(2024, 7, 11), jenis="Musdes BUMDes", tempat="Gedung Serbaguna", L=20, P=8, hasil="Penyertaan modal BUMDes \"Hanaut Bersatu\" disepakati"),
        dict(tgl=D(2024, 8, 29), jenis="Musdes RKP Desa 2025", tempat="Kantor Desa Babirah", L=27, P=14, hasil="1. Prioritas: jalan usaha tani\n2. Posyandu\n3. Pelatihan kader"),
        dict(tgl=D(2024, 12, 12), jenis="Musdes Evaluasi / LPPD", tempat="Kantor Desa Babirah", L=19, P=9, hasil="Laporan pelaksanaan kegiatan 2024 diterima"),
    ]
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["No", "Tanggal", "Jenis Musyawarah", "Tempat", "Peserta Laki-laki", "Peserta Perempuan", "Total Peserta", "Hasil / Kesepakatan", "Link Dokumentasi", "Desa"])
    for i, m in enumerate(ms, 1):
        w.writerow([i, f"{m['tgl'].day}/{m['tgl'].month}/{m['tgl'].year}", m["jenis"], m["tempat"], m["L"], m["P"], m["L"] + m["P"], m["hasil"],
                    f"https://drive.google.com/drive/folders/1aB{i}xYz-musdes-babirah", "Babirah"])
    fn = "Agenda Musyawarah Desa Babirah 2024 - Sheet1.csv"
    (OUT / fn).write_bytes(buf.getvalue().encode("utf-8"))
    add(fn, kode, desa, 2024, ms, "Google Sheets 'File > Download > CSV' habit (file name '<title> - Sheet1.csv', CRLF, quoted multi-line cells); habit, no public example found",
        "Google Sheets CSV: name ends ' - Sheet1.csv'; dates d/m/yyyy without zero padding (8/2/2024 ambiguous with US m/d); multi-line numbered 'Hasil / Kesepakatan' cells inside quotes; escaped double quotes; Link Dokumentasi column; village name in a 'Desa' column (no kode); year only in dates and file name")

# ---------------------------------------------------------------- M4 kop surat, data at C12, hidden column
def m4():
    kode, desa = "62.02.17.2007", "Tukang Langit"
    ms = [
        dict(tgl=D(2024, 1, 9), jam="09.00", jenis="Rapat BPD Pembahasan Rancangan APBDes 2024", tempat="Kantor BPD", L=7, P=2, pimpinan="Ketua BPD", hasil="Raperdes APBDes disepakati dibawa ke musdes"),
        dict(tgl=D(2024, 1, 16), jam="09.00", jenis="Musyawarah Desa Penetapan APBDes 2024", tempat="Balai Desa Tukang Langit", L=23, P=10, pimpinan="Ketua BPD", hasil="APBDes 2024 ditetapkan"),
        dict(tgl=D(2024, 3, 5), jam="09.00", jenis="Musyawarah Desa Penetapan KPM BLT-DD", tempat="Balai Desa Tukang Langit", L=16, P=15, pimpinan="Wakil Ketua BPD", hasil="20 KPM ditetapkan"),
        dict(tgl=D(2024, 5, 14), jam="13.30", jenis="Rapat BPD Penyerapan Aspirasi Masyarakat", tempat="Kantor BPD", L=8, P=3, pimpinan="Ketua BPD", hasil="12 aspirasi dicatat"),
        dict(tgl=D(2024, 8, 20), jam="09.00", jenis="Musyawarah Desa RKP Desa 2025", tempat="Balai Desa Tukang Langit", L=28, P=13, pimpinan="Ketua BPD", hasil="Prioritas RKP Desa 2025 disepakati"),
        dict(tgl=D(2024, 11, 26), jam="19.30", jenis="Rapat BPD Evaluasi LKPPD", tempat="Rumah Ketua BPD", L=6, P=3, pimpinan="Ketua BPD", hasil="Catatan evaluasi untuk Kepala Desa"),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Buku Agenda"
    kop = ["PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR", "KECAMATAN TELAGA ANTANG", "BADAN PERMUSYAWARATAN DESA (BPD)",
           "DESA TUKANG LANGIT", "Alamat: Jl. Poros Tumbang Sangai Km. 4, Desa Tukang Langit"]
    for i, t in enumerate(kop, 2):
        ws.cell(i, 3, t).alignment = Alignment(horizontal="center"); ws.merge_cells(start_row=i, start_column=3, end_row=i, end_column=10)
    ws.cell(7, 3, "_" * 90)
    ws.cell(9, 3, "BUKU AGENDA RAPAT DAN MUSYAWARAH BPD"); ws.merge_cells("C9:J9")
    ws.cell(10, 3, "TAHUN 2024"); ws.merge_cells("C10:J10")
    hdr = ["No.", "ID", "Hari, Tanggal dan Waktu", "Acara / Jenis Rapat", "Tempat", "Pimpinan Rapat", "Jml Hadir L", "Jml Hadir P", "Hasil Rapat"]
    cols = [3, 4, 5, 6, 7, 8, 9, 10, 11]
    for c, h in zip(cols, hdr): ws.cell(12, c, h).font = Font(bold=True)
    for i, m in enumerate(ms, 1):
        r = 12 + i
        vals = [f"{i}.", f"AGD-{m['tgl'].strftime('%y%m%d')}", f"{hari(m['tgl'])}, {indo(m['tgl'])} pukul {m['jam']} WIB", m["jenis"], m["tempat"], m["pimpinan"], m["L"], m["P"], m["hasil"]]
        for c, v in zip(cols, vals): ws.cell(r, c, v).border = BOX
    ws.column_dimensions["D"].hidden = True
    ws.freeze_panes = "C13"
    r = 12 + len(ms) + 2
    ws.cell(r, 9, f"Tukang Langit, 31 Desember 2024"); ws.cell(r + 1, 9, "Sekretaris BPD,"); ws.cell(r + 5, 9, "YOHANES ARDI")
    for col, w in zip("ABCDEFGHIJK", [2, 2, 5, 14, 40, 46, 24, 16, 10, 10, 36]): ws.column_dimensions[col].width = w
    fn = "BUKU AGENDA BPD TUKANG LANGIT 2024.xlsx"
    wb.save(OUT / fn)
    add(fn, kode, desa, 2024, ms, "Permendagri 110/2016 BPD administration books (buku agenda BPD) habit with a printed kop surat; notulen 'Hari/Tanggal ... pukul ... WIB' (Wangunsari notulen, kakaalma27/desa-wangunsari)",
        "kop surat block (5 merged rows + underline row), table starts at column C row 12 (columns A-B empty); hidden internal ID column D; frozen panes; 'Selasa, 5 Maret 2024 pukul 09.00 WIB' in one cell; 'No.' values '1.'; 3 internal BPD meetings (Rapat BPD) + 3 musdes; signature of Sekretaris BPD")

# ---------------------------------------------------------------- M5 cp1252 ';' CSV with dd-Mon-yy
def m5():
    kode, desa = "62.02.08.2010", "Jaya Kelapa"
    ms = [
        dict(tgl=D(2024, 2, 12), jenis="Musdes – Penetapan APBDes TA 2024", tempat="Balai Desa", und=40, L=24, P=11),
        dict(tgl=D(2024, 4, 3), jenis="Musdes Khusus – BLT Dana Desa", tempat="Balai Desa", und=38, L=17, P=16),
        dict(tgl=D(2024, 6, 18), jenis="Musdus – Dusun Kelapa Indah", tempat="Langgar Al-Ikhlas", und=25, L=14, P=7),
        dict(tgl=D(2024, 6, 19), jenis="Musdus – Dusun Sungai Ijum", tempat="Rumah Kadus", und=25, L=12, P=9),
        dict(tgl=D(2024, 9, 10), jenis="Musdes – RKP Desa 2025", tempat="Balai Desa", und=45, L=27, P=14),
        dict(tgl=D(2024, 10, 24), jenis="Musdes – Perubahan APBDes 2024", tempat="Balai Desa", und=40, L=21, P=12),
        dict(tgl=D(2024, 12, 17), jenis="Musdes – Pertanggungjawaban Kades (LKPPD)", tempat="Balai Desa", und=40, L=20, P=10),
    ]
    mon = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    lines = [f"DAFTAR MUSYAWARAH DESA {desa.upper()} TAHUN 2024;;;;;;;", ";;;;;;;",
             "No;Tgl Musyawarah;Jenis Musyawarah;Lokasi;Diundang;Hadir Pria;Hadir Wanita;Jumlah"]
    for i, m in enumerate(ms, 1):
        d = m["tgl"]
        lines.append(f"{i};{d.day:02d}-{mon[d.month]}-{d.strftime('%y')};{m['jenis']};{m['tempat']};{m['und']} org;{m['L']} org;{m['P']} org;{m['L']+m['P']} org")
    lines.append(f";;TOTAL;;{sum(m['und'] for m in ms)} org;{sum(m['L'] for m in ms)} org;{sum(m['P'] for m in ms)} org;{sum(m['L']+m['P'] for m in ms)} org")
    fn = "daftar_musdes_jayakelapa_2024.csv"
    (OUT / fn).write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    add(fn, kode, desa, 2024, ms, "habit: Excel 'CSV (MS-DOS/Windows)' save on an en-US-locale Windows laptop (cp1252, ';' list separator, dd-Mmm-yy date display)",
        "Windows-1252 (en dash 0x96 in kind names 'Musdes – ...'); ';' delimiter with trailing ';;;' on title lines; dates '12-Feb-24' (English month abbreviations, 2-digit year); counts with unit 'org'; headings Hadir Pria / Hadir Wanita; TOTAL row; village in title and as one word 'jayakelapa' in file name")

# ---------------------------------------------------------------- M6 two rows per meeting (L/P), merged vertically, per dusun
def m6():
    kode, desa = "62.02.04.2011", "Karang Tunggal"
    dus = ["Dusun I", "Dusun II", "Dusun III"]
    ms = [
        dict(tgl=D(2024, 1, 25), jenis="Musdes Penetapan APBDes 2024", tempat="Balai Desa", l=[9, 7, 6], p=[4, 3, 3]),
        dict(tgl=D(2024, 3, 14), jenis="Musdes Khusus BLT-DD 2024", tempat="Balai Desa", l=[6, 5, 5], p=[6, 5, 4]),
        dict(tgl=D(2024, 7, 30), jenis="Musrenbangdes RKP Desa 2025", tempat="Balai Desa", l=[11, 9, 8], p=[5, 5, 4]),
        dict(tgl=D(2024, 10, 8), jenis="Musdes Perubahan APBDes 2024", tempat="Balai Desa", l=[8, 7, 6], p=[3, 4, 2]),
    ]
    for m in ms: m["L"], m["P"] = sum(m["l"]), sum(m["p"])
    wb = Workbook(); ws = wb.active; ws.title = "Rekap Kehadiran"
    ws["A1"] = "REKAPITULASI DAFTAR HADIR MUSYAWARAH DESA"; ws.merge_cells("A1:I1")
    ws["A2"] = "DESA KARANG TUNGGAL KECAMATAN PARENGGEAN TAHUN 2024"; ws.merge_cells("A2:I2")
    ws["A4"], ws["B4"], ws["C4"], ws["D4"], ws["E4"] = "No", "Tanggal", "Jenis Musyawarah", "Tempat", "L/P"
    ws["F4"] = "Kehadiran per Dusun (orang)"; ws.merge_cells("F4:H4"); ws["I4"] = "Jumlah"
    for c in "ABCDEI": ws.merge_cells(f"{c}4:{c}5")
    for j, d in enumerate(dus): ws.cell(5, 6 + j, d)
    r = 6
    for i, m in enumerate(ms, 1):
        ws.cell(r, 1, i); c = ws.cell(r, 2, dt.datetime.combine(m["tgl"], dt.time())); c.number_format = "dd-mm-yyyy"
        ws.cell(r, 3, m["jenis"]); ws.cell(r, 4, m["tempat"])
        for k, (lbl, arr) in enumerate([("L", m["l"]), ("P", m["p"])]):
            ws.cell(r + k, 5, lbl)
            for j, v in enumerate(arr): ws.cell(r + k, 6 + j, v)
            ws.cell(r + k, 9, f"=SUM(F{r+k}:H{r+k})")
        for col in "ABCD": ws.merge_cells(f"{col}{r}:{col}{r+1}")
        for rr in (r, r + 1):
            for cc in range(1, 10): ws.cell(rr, cc).border = BOX
        r += 2
    ws.cell(r, 3, "JUMLAH L"); ws.cell(r, 9, f'=SUMIF(E6:E{r-1},"L",I6:I{r-1})')
    ws.cell(r + 1, 3, "JUMLAH P"); ws.cell(r + 1, 9, f'=SUMIF(E6:E{r-1},"P",I6:I{r-1})')
    for col, w in zip("ABCDEFGHI", [5, 13, 34, 14, 5, 10, 10, 10, 9]): ws.column_dimensions[col].width = w
    fn = "REKAP DAFTAR HADIR MUSDES KARANG TUNGGAL 2024.xlsx"
    wb.save(OUT / fn)
    # put cached values into the formula cells so readers that use cached values see numbers
    _inject_cached(OUT / fn, ms, r)
    add(fn, kode, desa, 2024, ms, "daftar hadir recap habit (counts per dusun, split L/P) attached to berita acara; habit, no public example found",
        "each meeting takes TWO rows (L row, P row) with No/Tanggal/Jenis/Tempat merged vertically; attendance per dusun under a merged 2-row heading; Jumlah per row is a =SUM formula (cached values injected); JUMLAH L / JUMLAH P rows with SUMIF; real Excel dates dd-mm-yyyy",
        per_meeting=[{"tanggal": m["tgl"].isoformat(), "L": m["L"], "P": m["P"], "jumlah": m["L"] + m["P"]} for m in ms])

def _inject_cached(path, ms, total_row):
    """openpyxl writes formulas without cached values; add <v> the way Excel would have saved them."""
    import re
    vals = {}
    r = 6
    for m in ms:
        vals[f"I{r}"] = m["L"]; vals[f"I{r+1}"] = m["P"]; r += 2
    vals[f"I{total_row}"] = sum(m["L"] for m in ms); vals[f"I{total_row+1}"] = sum(m["P"] for m in ms)
    zin = zipfile.ZipFile(path); items = {n: zin.read(n) for n in zin.namelist()}; zin.close()
    x = items["xl/worksheets/sheet1.xml"].decode()
    def rep(mo):
        ref = mo.group(1)
        if ref in vals:
            return mo.group(0).replace("<v></v>", "").replace("</f>", f"</f><v>{vals[ref]}</v>", 1)
        return mo.group(0)
    x = re.sub(r'<c r="([A-Z]+\d+)"[^>]*>.*?</c>', rep, x)
    items["xl/worksheets/sheet1.xml"] = x.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in items.items(): z.writestr(n, b)

# ---------------------------------------------------------------- M7 split date columns, Roman month, "L / P" cell
def m7():
    kode, desa = "62.02.12.2003", "Batuah"
    ms = [
        dict(tgl=D(2023, 1, 19), jenis="Musdes Penetapan APBDes", tempat="Kantor Desa", L=18, P=7),
        dict(tgl=D(2023, 3, 9), jenis="Musdes BLT-DD", tempat="Kantor Desa", L=12, P=13),
        dict(tgl=D(2023, 6, 27), jenis="Musdus Dusun I", tempat="Rumah Ketua RT 01", L=11, P=5),
        dict(tgl=D(2023, 6, 28), jenis="Musdus Dusun II", tempat="Masjid Al-Muhajirin", L=10, P=6),
        dict(tgl=D(2023, 8, 15), jenis="Musdes RKP Desa 2024", tempat="Kantor Desa", L=22, P=10),
        dict(tgl=D(2023, 9, 21), jenis="Musrenbangdes", tempat="Kantor Desa", L=25, P=12),
        dict(tgl=D(2023, 11, 2), jenis="Musdes Perubahan APBDes", tempat="Kantor Desa", L=17, P=8),
        dict(tgl=D(2023, 12, 14), jenis="Musdes LPPDes / Evaluasi RKP", tempat="Kantor Desa", L=16, P=6),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "2023"
    ws["A1"] = "DATA PELAKSANAAN MUSYAWARAH DESA BATUAH"; ws["A2"] = "TAHUN ANGGARAN 2023"
    ws["A4"] = "No"; ws["B4"] = "Waktu Pelaksanaan"; ws.merge_cells("B4:D4")
    ws["E4"] = "Jenis Musyawarah"; ws["F4"] = "Tempat"; ws["G4"] = "Peserta Hadir\n(L / P)"; ws["H4"] = "Ket"
    ws["B5"], ws["C5"], ws["D5"] = "Tgl", "Bln", "Thn"
    for c in "AEFGH": ws.merge_cells(f"{c}4:{c}5")
    ws["G4"].alignment = Alignment(wrap_text=True)
    for i, m in enumerate(ms, 1):
        r = 5 + i
        vals = [i, m["tgl"].day, ROMAWI[m["tgl"].month], m["tgl"].year, m["jenis"], m["tempat"], f"{m['L']} / {m['P']}", "BA terlampir"]
        for j, v in enumerate(vals, 1): ws.cell(r, j, v).border = BOX
    r = 6 + len(ms) + 1
    ws.cell(r, 6, "Batuah, 29 Desember 2023"); ws.cell(r + 1, 6, "Kepala Desa Batuah"); ws.cell(r + 5, 6, "SURIANSYAH")
    fn = "data_musdes_batuah_ta2023.xlsx"
    wb.save(OUT / fn)
    add(fn, kode, desa, 2023, ms, "habit: manual register with date split into Tgl / Bln (Roman numeral, as in surat numbering '/III/2023') / Thn columns; habit, no public example found",
        "date split over 3 columns under merged 'Waktu Pelaksanaan' (Tgl int, Bln Roman numeral I..XII, Thn int); attendance 'L / P' in ONE cell ('18 / 7') under a wrapped heading; no total column; sheet named '2023'; village only in title/file name")

# ---------------------------------------------------------------- R1 reject: two villages in one file
def r1():
    wb = Workbook(); ws = wb.active; ws.title = "Musdes"
    ws["A1"] = "REKAP MUSYAWARAH DESA TAHUN 2024 - KECAMATAN ANTANG KALANG"
    hdr = ["No", "Kode Desa", "Nama Desa", "Tanggal", "Jenis Musyawarah", "Tempat", "Hadir L", "Hadir P", "Jumlah"]
    for j, h in enumerate(hdr, 1): ws.cell(3, j, h)
    rows = [
        ("62.02.10.2005", "Tumbang Ramei", D(2024, 1, 23), "Musdes Penetapan APBDes 2024", "Balai Desa Tumbang Ramei", 20, 9),
        ("62.02.10.2005", "Tumbang Ramei", D(2024, 3, 12), "Musdes Khusus BLT-DD", "Balai Desa Tumbang Ramei", 14, 12),
        ("62.02.10.2005", "Tumbang Ramei", D(2024, 8, 6), "Musdes RKP Desa 2025", "Balai Desa Tumbang Ramei", 25, 11),
        ("62.02.10.2006", "Tumbang Hejan", D(2024, 1, 30), "Musdes Penetapan APBDes 2024", "Balai Desa Tumbang Hejan", 17, 8),
        ("62.02.10.2006", "Tumbang Hejan", D(2024, 8, 13), "Musdes RKP Desa 2025", "Balai Desa Tumbang Hejan", 21, 10),
    ]
    for i, (k, n, d, j_, t, l, p) in enumerate(rows, 1):
        r = 3 + i
        for j, v in enumerate([i, k, n, d, j_, t, l, p, l + p], 1):
            c = ws.cell(r, j, v)
            if isinstance(v, D): c.number_format = "dd/mm/yyyy"
    fn = "rekap_musdes_tumbang_ramei_2024_REJECT.xlsx"
    wb.save(OUT / fn)
    manifest.append({"file": fn, "record_type": "musyawarah", "kode_desa": "62.02.10.2005", "desa": "Tumbang Ramei", "tahun": 2024,
                     "line_items": len(rows), "expect": "reject",
                     "why": "file named and submitted for Tumbang Ramei but rows 7-8 (2 of 5 meetings) belong to another village, Tumbang Hejan (62.02.10.2006): two villages mixed (operator pasted the neighbour's rows)",
                     "source": "habit: kecamatan operator copy-paste", "shape": "plain rekap with Kode Desa + Nama Desa columns; two different villages"})

for f in (m1, m2, m3, m4, m5, m6, m7, r1): f()
(OUT / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
print("\n".join(e["file"] for e in manifest))
