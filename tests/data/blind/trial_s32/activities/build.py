"""Trial 5, area kegiatan: builds 7 correct files + 1 reject file and manifest.json.
Run: .venv/bin/python build.py   (numbers and people's names invented)."""
import csv, json, os, re, zipfile, io
from pathlib import Path
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

OUT = os.path.dirname(os.path.abspath(__file__))
REF = str(Path(__file__).resolve().parents[5] / "reference")
KEG = {r["kode"]: r["uraian"] for r in csv.DictReader(open(f"{REF}/bidang_kegiatan.csv", encoding="utf-8"))}
VIL = {r["nama_desa"]: r for r in csv.DictReader(open(f"{REF}/kotim_villages.csv", encoding="utf-8"))}
BIDANG_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V"}
manifest = []


def sisk(k):  # 2.3.10 -> 02.03.10.
    return ".".join(p.zfill(2) for p in k.split(".")) + "."


def idn(n, dec=False):
    s = f"{n:,.2f}" if dec else f"{n:,}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def add(file, desa, tahun, items, source, shape, **extra):
    v = VIL[desa]
    e = {"file": file, "record_type": "kegiatan", "kode_desa": v["kode_desa"], "desa": desa,
         "tahun": tahun, "line_items": len(items),
         "total_anggaran": sum(i["anggaran"] for i in items), "source": source, "shape": shape}
    if any("realisasi" in i for i in items):
        e["total_realisasi"] = sum(i.get("realisasi", 0) for i in items)
    e.update(extra)
    manifest.append(e)


def bidang_of(k):
    return k.split(".")[0]


def subbid_of(k):
    return ".".join(k.split(".")[:2])


# ---------------------------------------------------------------- F1 RPJMDes layout, year as a column
def f1():
    desa, th = "Tumbang Kalang", 2025
    rows = [  # kode, lokasi, volume, sasaran, biaya, sumber, pola
        ("1.4.03", "Kantor Desa", "1 dokumen", "Pemerintah Desa", 12_500_000, "ADD", "Swakelola"),
        ("2.2.02", "Dusun I, II, III", "3 posyandu", "Balita & lansia", 38_400_000, "DD", "Swakelola"),
        ("2.3.10", "Jl. Tjilik Riwut RT 02", "350 m x 3 m", "Warga RT 02", 214_650_000, "DD", "Swakelola"),
        ("2.4.11", "Dusun Batu Mahasur", "1 unit sumur bor", "45 KK", 67_200_000, "DD", "Swakelola"),
        ("3.2.03", "Balai Desa", "1 kegiatan", "Masyarakat", 15_000_000, "ADD", "Swakelola"),
        ("4.2.90", "Kelompok Tani Handep Hapakat", "2.000 bibit karet", "25 orang", 44_750_000, "DD", "Swakelola"),
        ("4.6.90", "Komplek Pasar Desa", "1 unit kios", "BUMDes", 82_300_000, "DD", "Kerjasama Pihak Ketiga"),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "RPJMDes"
    ws["A1"] = "RENCANA PEMBANGUNAN JANGKA MENENGAH DESA (RPJM DESA) TAHUN 2022 - 2027"
    ws["A2"] = f"DESA {desa.upper()} KECAMATAN ANTANG KALANG KABUPATEN KOTAWARINGIN TIMUR"
    ws["A3"] = "Matriks kegiatan tahun ke-4 (dipakai sebagai bahan penyusunan RKP Desa)"
    hdr = ["No", "Bidang", "Sub Bidang", "Jenis Kegiatan", "Lokasi (RT/RW/Dusun)", "Prakiraan Volume",
           "Sasaran/Manfaat", "Tahun Pelaksanaan", "Jumlah Biaya (Rp)", "Sumber", "Pola Pelaksanaan"]
    ws.append([]); ws.append(hdr)
    ws.append([str(i) for i in range(1, len(hdr) + 1)])
    items = []
    for n, (k, lok, vol, sas, biaya, sumber, pola) in enumerate(rows, 1):
        ws.append([n, KEG[bidang_of(k)], KEG[subbid_of(k)], KEG[k], lok, vol, sas, th, biaya, sumber, pola])
        items.append({"anggaran": biaya})
    for r in ws.iter_rows(min_row=7, min_col=9, max_col=9):
        for c in r: c.number_format = "#,##0"
    fn = "RPJMDes_2022-2027_thn4_TumbangKalang.xlsx"
    wb.save(f"{OUT}/{fn}")
    add(fn, desa, th, items,
        "RPJM Desa matriks (Permendagri 114/2014 lampiran; columns as in public RPJMDes/RKPDes forms "
        "e.g. find_string 'Prakiraan Volume' hits: Bidang/Sub Bidang/Kegiatan/Lokasi/Prakiraan Volume/"
        "Sasaran/Waktu/Jumlah Biaya/Sumber/Pola Pelaksanaan)",
        "title names a year RANGE (2022-2027); the only single year is a 'Tahun Pelaksanaan' column "
        "(2025 on every row); a column-number row 1..11 under the heading; no kegiatan code, only the "
        "Permendagri names in Bidang/Sub Bidang/Jenis Kegiatan")


# ---------------------------------------------------------------- F2 ODS (LibreOffice) RKP Desa
def ods_cell(v, span=1):
    a = f' table:number-columns-spanned="{span}"' if span > 1 else ""
    if v is None or v == "":
        return f"<table:table-cell{a}/>" + "<table:covered-table-cell/>" * (span - 1)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return (f'<table:table-cell office:value-type="float" office:value="{v}"{a}>'
                f"<text:p>{idn(v)}</text:p></table:table-cell>") + "<table:covered-table-cell/>" * (span - 1)
    t = str(v).replace("&", "&amp;").replace("<", "&lt;")
    return (f'<table:table-cell office:value-type="string"{a}><text:p>{t}</text:p></table:table-cell>'
            + "<table:covered-table-cell/>" * (span - 1))


def write_ods(path, sheet, rows):
    body = []
    for r in rows:
        cells = "".join(ods_cell(*c) if isinstance(c, tuple) else ods_cell(c) for c in r)
        body.append(f"<table:table-row>{cells}</table:table-row>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="{sheet}">'
               '<table:table-column table:number-columns-repeated="11"/>'
               + "".join(body) + "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest_xml = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
                    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                    '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest_xml, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


def f2():
    desa, th = "Bapeang", 2025
    data = [  # kode, lokasi, volume, sasaran, waktu, jumlah, sumber, pola, pelaksana
        ("1.1.04", "Kantor Desa", "12 bulan", "Pemdes", "Jan-Des", 96_000_000, "ADD", "Swakelola", "Sekdes"),
        ("1.2.03", "Kantor Desa", "1 paket", "Pemdes", "Apr-Jun", 73_850_000, "DD", "Swakelola", "TPK"),
        ("2.1.02", "PAUD Harapan Bangsa", "1 paket APE", "32 anak", "Mar", 18_200_000, "DD", "Swakelola", "Kasi Kesra"),
        ("2.3.11", "Gang Rambutan RT 05", "180 m", "60 KK", "Jul-Sep", 156_400_000, "DD", "Swakelola", "TPK"),
        ("2.4.13", "RT 01 s/d RT 03", "24 unit", "24 KK", "Jun-Agu", 98_760_000, "DD", "Swakelola", "TPK"),
        ("3.4.03", "Desa", "1 tahun", "Kader PKK", "Jan-Des", 21_000_000, "ADD", "Swakelola", "Ketua TP PKK"),
        ("4.5.01", "Aula Desa", "2 angkatan", "40 pelaku UMKM", "Okt", 27_500_000, "DD", "Swakelola", "Kasi Pemberdayaan"),
        ("5.3.01", "Desa", "1 kegiatan", "Warga terdampak", "Insidentil", 40_000_000, "DD", "Swakelola", "Kaur Keuangan"),
    ]
    rows = [
        [("RENCANA KERJA PEMERINTAH DESA (RKP DESA)", 11)],
        [(f"DESA {desa.upper()}  KECAMATAN MENTAWA BARU KETAPANG", 11)],
        [(f"TAHUN {th}", 11)],
        [],
        ["No", "Kode", "Bidang / Jenis Kegiatan", "Lokasi", "Volume", "Sasaran/Manfaat", "Waktu Pelaksanaan",
         ("Biaya dan Sumber Pembiayaan", 2), ("Pola Pelaksanaan", 1), "Rencana Pelaksana Kegiatan"],
        ["", "", "", "", "", "", "", "Jumlah (Rp)", "Sumber", "", ""],
    ]
    items, last_b = [], None
    n = 0
    for k, lok, vol, sas, w, jml, sb, pola, pel in data:
        b = bidang_of(k)
        if b != last_b:
            rows.append([BIDANG_ROMAN[b], sisk(b), KEG[b].upper(), "", "", "", "",
                         sum(d[5] for d in data if bidang_of(d[0]) == b), "", "", ""])
            last_b = b
        n += 1
        rows.append([n, sisk(k), KEG[k], lok, vol, sas, w, jml, sb, pola, pel])
        items.append({"anggaran": jml})
    rows.append(["", "", "JUMLAH", "", "", "", "", sum(i["anggaran"] for i in items), "", "", ""])
    rows.append([])
    rows.append(["", "", "", "", "", "", "", ("Bapeang, 14 Oktober 2024", 3)])
    rows.append(["", "", "", "", "", "", "", ("Kepala Desa Bapeang", 3)])
    rows.append(["", "", "", "", "", "", "", ("SUPRIANTO", 3)])
    fn = "RKPDes 2025 Bapeang (final).ods"
    write_ods(f"{OUT}/{fn}", "RKP Desa 2025", rows)
    add(fn, desa, th, items,
        "Permendagri 114/2014 form RKP Desa (Bidang/Jenis Kegiatan, Lokasi, Volume, Sasaran, Waktu, "
        "Biaya dan Sumber, Pola Pelaksanaan, Rencana Pelaksana); saved from LibreOffice Calc as .ods "
        "(habit; no public example file found in the stored corpora)",
        "ODS (OpenDocument) workbook; merged title cells and a 2-row heading with 'Biaya dan Sumber "
        "Pembiayaan' spanning Jumlah/Sumber; Roman-numeral bidang rows (I..V) carrying bidang subtotals; "
        "Siskeudes codes with trailing dots (02.03.11.); JUMLAH row; signature block")


# ---------------------------------------------------------------- F3 Google Sheets CSV, multi-line cells
def f3():
    desa, th = "Sudan", 2024
    data = [  # kode, nama, lokasi (multi-line), anggaran, realisasi, fisik, mulai, selesai, ket
        ("2.3.10", "Peningkatan Jalan Desa (Rabat Beton)", "RT 04\nJalan Simpang Sudan - Kebun", 248_300_000, 186_225_000, "75%", "3-Jun-24", "30-Sep-24", "Tahap II belum cair"),
        ("2.3.13", "Rehab Jembatan Ulin Sungai Sudan", "Dusun Tampang\n(dekat SDN 1 Sudan)", 96_450_000, 96_450_000, "100%", "15-Apr-24", "20-Jul-24", "Selesai,\nsudah serah terima"),
        ("2.4.12", "Pipanisasi Air Bersih", "RT 01, RT 02", 133_000_000, 66_500_000, "50%", "1-Jul-24", "31-Oct-24", ""),
        ("2.2.09", "Rehab Polindes", "Polindes Desa Sudan", 54_800_000, 0, "0%", "1-Oct-24", "30-Nov-24", "Menunggu\nSPP tahap III"),
        ("2.6.91", "Pengadaan Jaringan Internet Desa", "Kantor Desa", 23_750_000, 23_750_000, "100%", "12-Feb-24", "28-Feb-24", ""),
        ("4.2.06", "Pembangunan Saluran Irigasi Tersier", "Hamparan sawah\nKelompok Tani Karya Bersama", 172_900_000, 121_030_000, "70%", "5-Aug-24", "15-Nov-24", ""),
    ]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([f"LAPORAN PROGRES FISIK & KEUANGAN KEGIATAN DESA SUDAN KEC. CEMPAGA HULU TA {th}", "", "", "", "", "", "", "", "", "", ""])
    w.writerow(["Posisi s.d. 30 September 2024 (update tiap minggu oleh operator)", "", "", "", "", "", "", "", "", "", ""])
    w.writerow(["No", "Kode Kegiatan", "Nama Kegiatan", "Lokasi\n(RT/Dusun)", "Pagu Anggaran", "Realisasi Keuangan", "Progres Fisik", "Tgl Mulai", "Tgl Selesai", "Sumber Dana", "Catatan"])
    items = []
    for n, (k, nama, lok, ang, real, fis, m, s, ket) in enumerate(data, 1):
        w.writerow([n, k, nama, lok, "Rp" + idn(ang, True), "Rp" + idn(real, True) if real else "Rp0,00",
                    fis, m, s, "DD", ket])
        items.append({"anggaran": ang, "realisasi": real})
    fn = "Progres Kegiatan Desa Sudan 2024 - Sheet1.csv"
    open(f"{OUT}/{fn}", "w", encoding="utf-8", newline="").write(buf.getvalue())
    add(fn, desa, th, items,
        "Google Sheets 'File > Download > CSV' of a shared tracker (habit of operators/pendamping; "
        "no public example found); Sheets in Indonesian locale exports displayed values like 'Rp248.300.000,00'",
        "CSV with quoted multi-line cells (lokasi and catatan with newlines, a heading cell with a newline); "
        "two title rows padded with empty cells; currency 'Rp1.234.567,00'; progress as '75%'; dates '3-Jun-24' "
        "(English month abbreviations, 2-digit year); comma-separated, CRLF")


# ---------------------------------------------------------------- F4 cp1252 ';' CSV realisasi kegiatan
def f4():
    desa, th = "Serambut", 2024
    data = [
        ("1.1.01", 132_000_000, 132_000_000),
        ("1.1.05", 42_600_000, 42_600_000),
        ("1.4.01", 9_850_000, 9_350_000),
        ("2.3.05", 117_400_000, 115_120_500),
        ("2.4.14", 61_250_000, 61_250_000),
        ("3.3.03", 12_000_000, 11_480_000),
        ("4.1.05", 35_700_000, 34_986_000),
    ]
    nb = "\u00a0"
    lines = ["PEMERINTAH DESA SERAMBUT;;;;;;;",
             "KECAMATAN PULAU HANAUT;;;;;;;",
             f"LAPORAN REALISASI PELAKSANAAN KEGIATAN TAHUN ANGGARAN {th};;;;;;;",
             ";;;;;;;",
             "No;Kode Rek.;Nama Kegiatan;Pagu Anggaran (Rp);Realisasi (Rp);Sisa Anggaran (Rp);Capaian (%);Keterangan"]
    items = []
    for n, (k, ang, real) in enumerate(data, 1):
        sisa = ang - real
        # alternate: quoted thousands with '.', and NBSP as thousands separator
        fa = f'"{idn(ang)}"' if n % 2 else idn(ang).replace(".", nb)
        fr = f'"{idn(real)}"' if n % 2 else idn(real).replace(".", nb)
        fs = "-" if sisa == 0 else f'"{idn(sisa)}"'
        pct = f"{real / ang * 100:.2f}".replace(".", ",")
        nama = KEG[k]
        if ";" in nama or '"' in nama:
            nama = '"' + nama.replace('"', '""') + '"'
        ket = "Selesai" if sisa == 0 else "Sisa dikembalikan ke kas desa (SiLPA)"
        lines.append(f"{n};{sisk(k)};{nama};{fa};{fr};{fs};{pct};{ket}")
        items.append({"anggaran": ang, "realisasi": real})
    ta = sum(i["anggaran"] for i in items); tr = sum(i["realisasi"] for i in items)
    lines.append(f';;JUMLAH;"{idn(ta)}";"{idn(tr)}";"{idn(ta - tr)}";{tr / ta * 100:.2f};'.replace(f"{tr / ta * 100:.2f}", f"{tr / ta * 100:.2f}".replace(".", ",")))
    lines.append(";;Terbilang: empat ratus enam juta tujuh ratus delapan puluh enam ribu lima ratus rupiah;;;;;")
    lines.append(";;;;;;;")
    lines.append(";;;;Serambut, 31 Desember 2024;;;")
    lines.append(";;;;Kepala Desa Serambut;;;")
    lines.append(";;;;H. MUHAMMAD RIDUAN;;;")
    assert tr == 406_786_500, tr
    fn = "Lap_Realisasi_Kegiatan_Serambut_2024.csv"
    open(f"{OUT}/{fn}", "w", encoding="cp1252", newline="").write("\r\n".join(lines) + "\r\n")
    add(fn, desa, th, items,
        "Laporan realisasi pelaksanaan kegiatan as kept by Kaur Keuangan in Excel (Indonesian Windows), "
        "'Save As CSV' (habit; Siskeudes-style codes with trailing dots)",
        "Windows-1252, ';' delimiter, amounts alternately quoted '\"1.234.567\"' and with NO-BREAK SPACE "
        "(0xA0) thousands; sisa '-' for zero; percentage with decimal comma; JUMLAH row with its own % "
        "column; a 'Terbilang' line and signature lines; village only in the first title line")


# ---------------------------------------------------------------- F5 data at C12, hidden col, frozen
def f5():
    desa, th = "Tumbang Payang", 2025
    data = [
        ("1.3.02", "Pemutakhiran Profil Desa & Data SDGs", "Kantor Desa", "1", "Dokumen", 14_300_000, "ADD", "Kasi Pemerintahan"),
        ("2.3.12", "Pengerasan Jalan Usaha Tani (Sirtu)", "Handil Bangkal", "1.200", "Meter", 187_600_000, "DD", "TPK"),
        ("2.3.93", "Rehab Lapangan Voli", "RT 02", "1", "Unit", 36_450_000, "DD", "TPK"),
        ("2.5.91", "Operasional Masyarakat Peduli Api (MPA)", "Wilayah Desa", "12", "Bulan", 28_800_000, "DD", "Kasi Kesra"),
        ("3.2.05", "Rehab Balai Basarah", "Dusun Payang Hulu", "1", "Unit", 64_200_000, "DD", "TPK"),
        ("4.3.02", "Bimtek Perangkat Desa (Siskeudes)", "Sampit", "6", "Orang", 19_500_000, "ADD", "Sekdes"),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Data Kegiatan"
    ws["C2"] = "PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR"
    ws["C3"] = "KECAMATAN BUKIT SANTUAI"
    ws["C4"] = "PEMERINTAH DESA TUMBANG PAYANG"
    ws["C5"] = "Alamat: Jl. Pendidikan No. 1 Tumbang Payang"
    ws["C7"] = "DATA KEGIATAN PEMBANGUNAN DESA"
    ws["C8"] = f"Tahun Anggaran : {th}"
    ws["C9"] = "Kode Desa : 62.02.15.2008"
    ws["C10"] = "Dicetak dari: Sistem Informasi Pembangunan Desa (SIPEDE) pada 06/02/2025 10:14"
    hdr = ["No.", "ID", "Kode\nKegiatan", "Nama Kegiatan", "Lokasi", "Volume", "Satuan",
           "Anggaran\n(Rp)", "Sumber\nDana", "Pelaksana\nKegiatan"]
    for j, h in enumerate(hdr):
        c = ws.cell(row=12, column=3 + j, value=h)
        c.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center"); c.font = Font(bold=True)
    items = []
    for n, (k, nama, lok, vol, sat, ang, sb, pel) in enumerate(data, 1):
        vals = [n, 1040 + n * 7, k, nama, lok, vol, sat, ang, sb, pel]
        for j, v in enumerate(vals):
            c = ws.cell(row=12 + n, column=3 + j, value=v)
            if j == 7: c.number_format = "#,##0"
        items.append({"anggaran": ang})
    r = 13 + len(data)
    ws.cell(row=r, column=6, value="Total")
    ws.cell(row=r, column=10, value=sum(i["anggaran"] for i in items)).number_format = "#,##0"
    ws.column_dimensions["D"].hidden = True  # internal ID column
    ws.freeze_panes = "E13"
    for col, wdt in zip("ABCEFGHIJKL", [2, 2, 5, 12, 42, 18, 8, 9, 16, 9, 16]):
        ws.column_dimensions[col].width = wdt
    ws.row_dimensions[12].height = 32
    fn = "data_kegiatan_tumbang_payang_2025.xlsx"
    wb.save(f"{OUT}/{fn}")
    add(fn, desa, th, items,
        "report export of a district 'Sistem Informasi Pembangunan Desa' web app (kop + filter lines, "
        "then table); habit, no public example found",
        "table starts at column C row 12 (columns A-B empty); kop surat rows 2-10 incl. 'Kode Desa : "
        "62.02.15.2008' and a print timestamp '06/02/2025'; hidden internal ID column; frozen panes; "
        "wrapped headings with line breaks ('Anggaran\\n(Rp)'); volume as text '1.200' (=1200 m); "
        "kegiatan names are the village's own short names, codes carry the meaning; Total row")


# ---------------------------------------------------------------- F6 Google-Sheets-style xlsx w/ formulas + cached values
def f6():
    desa, th = "Bukit Makmur", 2025
    data = [  # kode, nama, DD, ADD, PAD, BHP
        ("1.1.02", "Siltap & Tunjangan Perangkat Desa", 0, 214_560_000, 0, 6_000_000),
        ("1.1.06", "Operasional BPD", 0, 18_900_000, 0, 0),
        ("2.1.01", "Insentif Guru PAUD", 21_600_000, 0, 0, 0),
        ("2.2.02", "Penyelenggaraan Posyandu (PMT, insentif kader)", 46_080_000, 0, 0, 0),
        ("2.3.10", "Peningkatan Jalan Desa Blok C (Rabat Beton 220 m)", 238_750_000, 0, 0, 0),
        ("2.4.93", "Lampu Penerangan Jalan Tenaga Surya", 52_500_000, 0, 4_500_000, 0),
        ("3.3.06", "Pembinaan Karang Taruna", 0, 0, 7_500_000, 0),
        ("4.6.90", "Penyertaan Sarpras BUMDes (Rumah Pengering Gabah)", 95_000_000, 0, 0, 0),
        ("5.3.01", "Keadaan Mendesak (BLT Dana Desa)", 64_800_000, 0, 0, 0),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Sheet1"
    ws.append([f"RENCANA KEGIATAN DAN SUMBER DANA DESA BUKIT MAKMUR TA. {th}"])
    ws.append(["Kecamatan Tualan Hulu"])
    ws.append(["No", "Kode", "Kegiatan", "DD", "ADD", "PAD", "BHP/BHR", "Jumlah"])
    items, cached = [], {}
    for n, (k, nama, dd, add_, pad, bhp) in enumerate(data, 1):
        r = 3 + n
        vals = [n, k, nama]
        for j, v in enumerate([dd, add_, pad, bhp]):
            col = get_column_letter(4 + j)
            if v == 0:
                vals.append(None)
            elif n in (2, 7) and j in (1, 2):
                vals.append(str(v))  # number stored as text (pasted from WhatsApp)
            else:
                vals.append(v)
        vals.append(f"=SUM(D{r}:G{r})")
        cached[f"H{r}"] = dd + add_ + pad + bhp
        ws.append(vals)
        items.append({"anggaran": dd + add_ + pad + bhp})
    rt = 4 + len(data)
    ws.append(["", "", "TOTAL"] + [f"=SUM({c}4:{c}{rt - 1})" for c in "DEFGH"])
    for j, c in enumerate("DEFG"):
        cached[f"{c}{rt}"] = sum(d[2 + j] for d in data)
    cached[f"H{rt}"] = sum(i["anggaran"] for i in items)
    for row in ws.iter_rows(min_row=4, min_col=4, max_col=8):
        for c in row: c.number_format = '"Rp"#,##0'
    fn = "Kegiatan & Sumber Dana 2025 - Bukit Makmur.xlsx"
    p = f"{OUT}/{fn}"
    wb.save(p)
    # patch in cached values like Google Sheets / Excel write them (openpyxl writes formulas without <v>)
    zin = zipfile.ZipFile(p); files = {n: zin.read(n) for n in zin.namelist()}; zin.close()
    xml = files["xl/worksheets/sheet1.xml"].decode()
    def fix(m):
        ref = m.group(1); f = m.group(2)
        return f'<c r="{ref}"{m.group(3)}><f>{f}</f><v>{cached[ref]}</v></c>'
    xml, cnt = re.subn(r'<c r="([A-Z]+\d+)"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>',
                       lambda m: f'<c r="{m.group(1)}"{m.group(2)}><f>{m.group(3)}</f><v>{cached[m.group(1)]}</v></c>', xml)
    assert cnt == len(cached), (cnt, len(cached))
    files["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in files.items(): z.writestr(n, b)
    add(fn, desa, th, items,
        "village 'kegiatan per sumber dana' sheet kept in Google Sheets and downloaded as .xlsx (habit; "
        "sumber dana split DD/ADD/PAD/BHP as in Siskeudes RAB/APBDes per sumber dana)",
        "xlsx with =SUM() formulas in the Jumlah column and TOTAL row WITH cached values; sheet 'Sheet1'; "
        "sumber-dana amounts split over 4 columns, blanks for none; two cells are numbers stored as text; "
        "currency format '\"Rp\"#,##0'; codes without trailing dot (2.3.10)")


# ---------------------------------------------------------------- F7 merged bidang cells, 'kode uraian' in one cell, odd column order
def f7():
    desa, th = "Ujung Pandaran", 2025
    data = [  # kode, anggaran, lokasi, waktu
        ("1.2.02", 22_400_000, "Kantor Desa", "March - April 2025"),
        ("1.4.04", 8_750_000, "Kantor Desa", "January 2025"),
        ("2.3.90", 176_300_000, "Pesisir RT 03", "May - August 2025"),
        ("2.8.02", 88_900_000, "Pantai Ujung Pandaran", "June - September 2025"),
        ("2.8.03", 16_500_000, "Pantai Ujung Pandaran", "July 2025"),
        ("4.1.05", 41_200_000, "Kelompok Nelayan Bahari", "April 2025"),
        ("4.1.93", 129_650_000, "Dermaga RT 01", "August - November 2025"),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "DD 2025"
    ws.merge_cells("A1:F1"); ws["A1"] = "DAFTAR KEGIATAN YANG DIDANAI DANA DESA"
    ws.merge_cells("A2:F2"); ws["A2"] = f"DESA UJUNG PANDARAN KECAMATAN TELUK SAMPIT - TAHUN ANGGARAN {th}"
    ws["A1"].alignment = ws["A2"].alignment = Alignment(horizontal="center")
    ws.append([])
    ws.append(["BIDANG", "PAGU DANA DESA\n(Rp)", "KEGIATAN", "LOKASI", "WAKTU\nPELAKSANAAN", "NO"])
    for c in ws[4]: c.alignment = Alignment(wrap_text=True, horizontal="center"); c.font = Font(bold=True)
    items = []
    r = 5
    groups = {}
    for d in data: groups.setdefault(bidang_of(d[0]), []).append(d)
    n = 0
    for b, ds in groups.items():
        start = r
        for k, ang, lok, waktu in ds:
            n += 1
            ws.cell(row=r, column=2, value=ang).number_format = "#,##0"
            ws.cell(row=r, column=3, value=f"{k} {KEG[k]}")
            ws.cell(row=r, column=4, value=lok)
            ws.cell(row=r, column=5, value=waktu)
            ws.cell(row=r, column=6, value=n)
            items.append({"anggaran": ang})
            r += 1
        ws.cell(row=start, column=1, value=f"{b}. {KEG[b]}").alignment = Alignment(vertical="center", wrap_text=True)
        if r - 1 > start:
            ws.merge_cells(start_row=start, start_column=1, end_row=r - 1, end_column=1)
    total = sum(i["anggaran"] for i in items)
    ws.cell(row=r, column=1, value="JUMLAH"); ws.cell(row=r, column=2, value=total).number_format = "#,##0"
    ws.cell(row=r + 1, column=1, value="(Empat ratus delapan puluh tiga juta tujuh ratus ribu rupiah)")
    assert total == 483_700_000, total
    for col, wdt in zip("ABCDEF", [30, 16, 60, 24, 22, 5]): ws.column_dimensions[col].width = wdt
    fn = "Kegiatan DD 2025 Ujung Pandaran.xlsx"
    wb.save(f"{OUT}/{fn}")
    add(fn, desa, th, items,
        "'daftar kegiatan yang didanai Dana Desa' as posted for transparansi / sent to pendamping "
        "(habit; kode and uraian typed in one cell as in many LPPD annexes)",
        "bidang cell merged vertically over its kegiatan rows; columns in an unusual order (Bidang, Pagu, "
        "Kegiatan, Lokasi, Waktu, No last); 'kode uraian' in ONE cell separated only by a space "
        "('2.3.90 Pembangunan/...'); waktu in English month names ('May - August 2025'); JUMLAH + terbilang")


# ---------------------------------------------------------------- R  two villages mixed (reject)
def reject():
    th = 2025
    data = [
        ("Jemaras", "2.3.10", 145_000_000), ("Jemaras", "2.2.02", 31_200_000), ("Jemaras", "3.4.03", 12_000_000),
        ("Luwuk Bunter", "2.3.11", 98_600_000), ("Luwuk Bunter", "2.4.11", 57_300_000), ("Luwuk Bunter", "4.2.93", 14_400_000),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Rekap"
    ws["A1"] = f"REKAP KEGIATAN PEMBANGUNAN DESA TA {th}"
    ws["A2"] = "KECAMATAN CEMPAGA (kiriman operator kecamatan untuk Desa Jemaras)"
    ws.append([])
    ws.append(["No", "Desa", "Kode Kegiatan", "Nama Kegiatan", "Anggaran (Rp)", "Sumber Dana"])
    for n, (d, k, a) in enumerate(data, 1):
        ws.append([n, d, sisk(k), KEG[k], a, "DD"])
    fn = "REJECT_rekap_kegiatan_Jemaras_2025.xlsx"
    wb.save(f"{OUT}/{fn}")
    v = VIL["Jemaras"]
    manifest.append({"file": fn, "record_type": "kegiatan", "kode_desa": v["kode_desa"], "desa": "Jemaras",
                     "tahun": th, "line_items": len(data), "expect": "reject",
                     "why": "two villages mixed: 3 rows say Desa 'Jemaras' (62.02.02.2007), 3 rows say "
                            "'Luwuk Bunter' (62.02.02.2010); the kecamatan operator pasted both villages into "
                            "a file labelled as Jemaras's submission",
                     "source": "kecamatan operator's rekap (habit)",
                     "shape": "one sheet with a 'Desa' column holding two real villages of Kec. Cempaga"})


for f in (f1, f2, f3, f4, f5, f6, f7, reject):
    f()
json.dump(manifest, open(f"{OUT}/manifest.json", "w"), indent=2, ensure_ascii=False)
print("\n".join(m["file"] for m in manifest))
