"""Trial 6 (kegiatan) - builds 7 correct files + 1 reject, and manifest.json.
Run: .venv/bin/python build.py
Numbers and names are invented. Codes come from reference/bidang_kegiatan.csv."""
import csv, json, os
from pathlib import Path
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

OUT = os.path.dirname(os.path.abspath(__file__))
REF = str(Path(__file__).resolve().parents[5] / "reference")
KEG = {r["kode"]: r for r in csv.DictReader(open(f"{REF}/bidang_kegiatan.csv", encoding="utf-8"))}
VIL = {r["kode_desa"]: r for r in csv.DictReader(open(f"{REF}/kotim_villages.csv", encoding="utf-8"))}
manifest = []


def name(k):
    return KEG[k]["uraian"]


def sis(k):
    return KEG[k]["kode_siskeudes"]


def rp(n):  # 1.234.567
    return f"{n:,}".replace(",", ".")


def add(file, kode, tahun, items, source, shape, **extra):
    v = VIL[kode]
    e = {"file": file, "record_type": "kegiatan", "kode_desa": kode, "desa": v["nama_desa"],
         "tahun": tahun, "line_items": len(items),
         "anggaran_total": sum(i["anggaran"] for i in items), "source": source, "shape": shape}
    if all("realisasi" in i for i in items):
        e["realisasi_total"] = sum(i["realisasi"] for i in items)
    e.update(extra)
    manifest.append(e)


# ---------------------------------------------------------------- 1
# Permendagri 20/2018 "Laporan Realisasi Kegiatan": hierarchical Kode Rekening rows
# (bidang / sub bidang / kegiatan), Nama Output + Volume, column-number row.
def f1():
    kode, tahun = "62.02.15.2001", 2024  # Tumbang Tilap, Bukit Santuai
    items = [
        ("1.4.03", "Dokumen RKP Desa", 1, "Dokumen", 18_500_000, 18_350_000),
        ("2.2.02", "Posyandu aktif", 12, "Bulan", 36_000_000, 36_000_000),
        ("2.3.10", "Jalan desa sirtu", 450, "Meter", 212_750_000, 209_940_000),
        ("2.4.11", "Sumur bor", 3, "Unit", 96_000_000, 95_100_000),
        ("3.4.01", "Lembaga adat terbina", 1, "Kegiatan", 15_000_000, 14_800_000),
        ("4.2.01", "Hand traktor", 2, "Unit", 58_600_000, 58_600_000),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Lap Realisasi Kegiatan"
    ws.append(["LAPORAN REALISASI KEGIATAN"])
    ws.append(["PEMERINTAH DESA TUMBANG TILAP KECAMATAN BUKIT SANTUAI"])
    ws.append(["TAHUN ANGGARAN 2024"])
    ws.append([])
    ws.append(["KODE REKENING", "URAIAN", "NAMA OUTPUT", "VOLUME", "SATUAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "SISA ANGGARAN (Rp)", "KETERANGAN"])
    ws.append([1, 2, 3, 4, 5, 6, 7, "8 = 6 - 7", 9])
    rows = []
    cur_b = cur_s = None
    for k, out, vol, sat, ang, real in items:
        b, s = k.split(".")[0], ".".join(k.split(".")[:2])
        if b != cur_b:
            bi = [i for i in items if i[0].split(".")[0] == b]
            ws.append([b, KEG[b]["uraian"].upper(), None, None, None, sum(i[4] for i in bi), sum(i[5] for i in bi), sum(i[4] - i[5] for i in bi), None])
            cur_b = b
        if s != cur_s:
            si = [i for i in items if i[0].startswith(s + ".")]
            ws.append([s.replace(".", " . "), KEG[s]["uraian"], None, None, None, sum(i[4] for i in si), sum(i[5] for i in si), sum(i[4] - i[5] for i in si), None])
            cur_s = s
        ws.append([k.replace(".", " . "), name(k), out, vol, sat, ang, real, ang - real, "Selesai" if real == ang else "Sisa masuk SiLPA"])
        rows.append({"anggaran": ang, "realisasi": real})
    ws.append([None, "JUMLAH", None, None, None, sum(i[4] for i in items), sum(i[5] for i in items), sum(i[4] - i[5] for i in items), None])
    ws.append([])
    ws.append([None, None, None, None, None, None, "Tumbang Tilap, 10 Januari 2025"])
    ws.append([None, None, None, None, None, None, "Kepala Desa Tumbang Tilap"])
    ws.append([]); ws.append([None, None, None, None, None, None, "YOHANES DAMBUNG"])
    for c in "FGH":
        for cell in ws[c]:
            cell.number_format = "#,##0"
    f = "Laporan Realisasi Kegiatan TA 2024 - Tumbang Tilap.xlsx"
    wb.save(os.path.join(OUT, f))
    add(f, kode, tahun, rows,
        "Permendagri 20/2018 Format Laporan Realisasi Kegiatan as explained at keuangandesa.info/2022/01 (Kolom 1 Kode Rekening: 1.a Bidang, 1.b Sub Bidang, 1.c Kegiatan; Kolom 3 Nama Output; Kolom 4 Volume)",
        "hierarchical bidang/sub-bidang/kegiatan rows each with subtotals; codes spaced '2 . 3 . 10'; column-number row with '8 = 6 - 7'; heading 'KODE REKENING' for kegiatan codes; signature")


# ---------------------------------------------------------------- 2
# Siskeudes "Output Dana Desa" / PKTD: tenaga kerja, durasi, HOK, upah per paket
def f2():
    kode, tahun = "62.02.01.2008", 2025  # Kandan, Kota Besi
    pk = [
        ("02.03.12.", "Pengerasan Jalan Usaha Tani RT 03 - Handil Sei Kandan", "RT 03", 600, "m", 14, 30, 2_100, 18_900_000, 142_350_000),
        ("02.03.05.", "Normalisasi Parit/Drainase Jl. Pendidikan", "RT 01 & RT 02", 820, "m", 20, 15, 4_800, 22_500_000, 67_800_000),
        ("04.02.06.", "Pembangunan Saluran Irigasi Tersier Blok C", "Dusun II", 350, "m", 12, 25, 0, 22_500_000, 118_400_000),
        ("02.04.13.", "Pembangunan Sanitasi / Jamban Sehat KK Miskin", "Dusun I", 10, "unit", 8, 20, 0, 12_000_000, 85_000_000),
        ("02.05.90.", "Pembersihan Daerah Aliran Sungai Kandan", "Sepanjang Sungai Kandan", 2, "km", 25, 10, 0, 18_750_000, 31_250_000),
    ]
    lines = ["\ufeffDATA OUTPUT DANA DESA - PADAT KARYA TUNAI DESA (PKTD)",
             "Desa : Kandan,Kecamatan : Kota Besi,Tahun Anggaran : 2025",
             "",
             "No,Kode Kegiatan,Nama Paket Kegiatan,Lokasi,Volume Output,Satuan Output,Jumlah Tenaga Kerja (orang),Durasi Kerja (hari),HOK,Upah per HOK (Rp),Nilai Upah (Rp),Pagu Paket (Rp),Proporsi Upah (%)"]
    rows = []
    for i, (k, nm, lok, vol, sat, tk, dur, _x, upah, pagu) in enumerate(pk, 1):
        hok = tk * dur
        per = upah // hok if upah % hok == 0 else round(upah / hok)
        prop = f"{upah / pagu * 100:.2f}".replace(".", ",")
        lines.append(f'{i},{k},"{nm}","{lok}",{vol},{sat},{tk},{dur},{hok},{per},{upah},{pagu},"{prop}"')
        rows.append({"anggaran": pagu})
    tot_u, tot_p = sum(p[8] for p in pk), sum(p[9] for p in pk)
    lines.append(f',,"TOTAL",,,,{sum(p[5] for p in pk)},,{sum(p[5]*p[6] for p in pk)},,{tot_u},{tot_p},"{tot_u/tot_p*100:.2f}"'.replace(f'{tot_u/tot_p*100:.2f}', f'{tot_u/tot_p*100:.2f}'.replace('.', ',')))
    f = "Output_DD_PKTD_Kandan_2025.csv"
    open(os.path.join(OUT, f), "w", encoding="utf-8", newline="").write("\r\n".join(lines) + "\r\n")
    add(f, kode, tahun, rows,
        "Siskeudes Penatausahaan > Output Dana Desa (tab Fisik DD: volume, jumlah tenaga kerja, durasi kerja, nilai upah) as described at padi.dpmdkendal.net/outputdd.html; PKTD columns as in Form LPD DD (scribd 489650203)",
        "PKTD output list: village/year in a 'Desa : X,Kecamatan : Y,Tahun Anggaran : 2025' line that the comma splits into 3 cells; kegiatan name is a paket name, code in Siskeudes form; labour columns (HOK, upah); TOTAL row; decimal-comma % quoted",
        total_upah=tot_u)


# ---------------------------------------------------------------- 3
# Excel "Save as Unicode Text" (.txt, UTF-16LE, tab) of a Daftar Kegiatan Pembangunan
def f3():
    kode, tahun = "62.02.06.2005", 2024  # Pelangsian, Mentawa Baru Ketapang
    it = [
        ("2.3.10", "Semenisasi Jalan Gang Mawar", "RT 04", "150 x 3 m", 187_450_000, "DD"),
        ("2.3.13", "Rehab Jembatan Kayu Ulin Handil Pelangsian", "RT 07", "1 unit (12 m)", 96_300_000, "DD"),
        ("2.4.93", "Penerangan Jalan Tenaga Surya (PJU-TS)", "Jl. Jenderal Sudirman km 6", "15 titik", 120_000_000, "ADD"),
        ("2.1.02", "Pengadaan APE PAUD Tunas Harapan", "PAUD Tunas Harapan", "1 paket", 24_750_000, "ADD"),
        ("4.5.03", "Pengadaan Mesin Pengolah Kerupuk Ikan (TTG)", "Kelompok UMKM Bina Usaha", "2 unit", 38_500_000, "DD"),
        ("2.2.09", "Rehab Posyandu Melati", "RT 02", "1 unit", 64_200_000, "PAD"),
        ("3.3.03", "Turnamen Bola Voli HUT RI ke-79", "Lapangan Desa", "1 kegiatan", 17_800_000, "PAD"),
    ]
    L = ["DAFTAR KEGIATAN PEMBANGUNAN DESA PELANGSIAN TAHUN ANGGARAN 2024", "", "",
         "\t".join(["No", "Kode", "Bidang / Kegiatan", "Uraian Pekerjaan", "Lokasi", "Volume", "Anggaran", "Sumber Dana"])]
    rows = []
    for i, (k, up, lok, vol, a, sd) in enumerate(it, 1):
        L.append("\t".join([str(i), k, name(k), up, lok, vol, f'"{rp(a)}"' if False else rp(a), sd]))
        rows.append({"anggaran": a})
    L.append("\t".join(["", "", "Jumlah", "", "", "", rp(sum(x[4] for x in it)), ""]))
    # Excel Unicode Text quotes cells containing a comma? no - only tabs/quotes/newlines. Keep plain.
    f = "Daftar Kegiatan Pembangunan 2024 Pelangsian.txt"
    open(os.path.join(OUT, f), "w", encoding="utf-16", newline="").write("\r\n".join(L) + "\r\n")
    add(f, kode, tahun, rows,
        "habit: Excel File > Save As > 'Unicode Text (*.txt)' (UTF-16LE with BOM, tab-separated, .txt extension); no public example found",
        "UTF-16 tab text with .txt extension; codes '2.3.10' without dots padding; Indonesian thousands with dots; 'Jumlah' line; both standard kegiatan name and a separate 'Uraian Pekerjaan'")


# ---------------------------------------------------------------- 4
# RKP Desa workbook with a Cover sheet, the form sheet and a Rekap per Bidang sheet
def f4():
    kode, tahun = "62.02.12.2006", 2025  # Seragam Jaya, Seranau
    it = [
        ("1.2.03", "Rehab atap Kantor Desa", "Kantor Desa", "1 unit", 72_400_000, "DD", "Swakelola"),
        ("2.2.02", "Posyandu balita & lansia (PMT, insentif kader)", "Posyandu Seroja", "12 bulan", 42_600_000, "DD", "Swakelola"),
        ("2.3.12", "Jalan usaha tani Blok Kebun Karet", "Dusun Sari", "700 m", 168_900_000, "DD", "Swakelola"),
        ("2.4.11", "Pembangunan sumur bor + tandon", "RT 05, RT 06", "2 unit", 71_000_000, "ADD", "Kerjasama antar desa"),
        ("3.4.03", "Pembinaan PKK", "Balai Desa", "1 tahun", 14_500_000, "ADD", "Swakelola"),
        ("4.1.05", "Bantuan bibit ikan nila & pakan", "Kelompok Pokdakan Mina Jaya", "20.000 ekor", 33_750_000, "DD", "Swakelola"),
        ("5.3.01", "BLT Dana Desa", "KPM", "15 KPM x 12 bln", 54_000_000, "DD", "Swakelola"),
    ]
    wb = Workbook()
    c = wb.active; c.title = "Cover"
    for r in ["", "RENCANA KERJA PEMERINTAH DESA", "(RKP DESA)", "TAHUN 2025", "", "DESA SERAGAM JAYA", "KECAMATAN SERANAU", "KABUPATEN KOTAWARINGIN TIMUR", "PROVINSI KALIMANTAN TENGAH"]:
        c.append([None, r])
    ws = wb.create_sheet("RKP Desa")
    ws.append(["RENCANA KERJA PEMERINTAH DESA TAHUN 2025"])
    ws.append(["DESA SERAGAM JAYA KECAMATAN SERANAU KABUPATEN KOTAWARINGIN TIMUR"])
    ws.append([])
    ws.append(["No", "Kode", "Bidang/Sub Bidang/Jenis Kegiatan", None, "Lokasi", "Prakiraan Volume", "Prakiraan Biaya dan Sumber", None, "Pola Pelaksanaan"])
    ws.append([None, None, "Sub Bidang", "Jenis Kegiatan", None, None, "Jumlah (Rp)", "Sumber", None])
    for rng in ["A4:A5", "B4:B5", "C4:D4", "E4:E5", "F4:F5", "G4:H4", "I4:I5"]:
        ws.merge_cells(rng)
    rows = []
    cur_b = None
    for i, (k, jk, lok, vol, a, sd, pola) in enumerate(it, 1):
        b = k.split(".")[0]
        if b != cur_b:
            ws.append([None, b, KEG[b]["uraian"]]); cur_b = b
        s = ".".join(k.split(".")[:2])
        ws.append([i, sis(k), KEG[s]["uraian"], f"{name(k)} - {jk}", lok, vol, a, sd, pola])
        rows.append({"anggaran": a})
    ws.append([None, None, "JUMLAH", None, None, None, sum(x[4] for x in it)])
    for cell in ws["G"]:
        cell.number_format = '#,##0'
    r = wb.create_sheet("Rekap Bidang")
    r.append(["REKAPITULASI RKP DESA SERAGAM JAYA TAHUN 2025 PER BIDANG"]); r.append([])
    r.append(["Bidang", "Uraian", "Jumlah Kegiatan", "Jumlah Biaya (Rp)", "%"])
    tot = sum(x[4] for x in it)
    for b in "12345":
        bi = [x for x in it if x[0].startswith(b + ".")]
        s = sum(x[4] for x in bi)
        r.append([b, KEG[b]["uraian"], len(bi), s, round(s / tot * 100, 2)])
    r.append([None, "TOTAL", len(it), tot, 100])
    wb.active = 1
    f = "RKPDes_2025_Seragam_Jaya.xlsx"
    wb.save(os.path.join(OUT, f))
    add(f, kode, tahun, rows,
        "Permendagri 114/2014 Lampiran RKP Desa columns (Bidang/Sub Bidang/Jenis Kegiatan, Lokasi, Prakiraan Volume, Prakiraan Biaya dan Sumber, Pola Pelaksanaan) + habit of a Cover sheet and a Rekap sheet",
        "3 sheets: Cover (title page only), 'RKP Desa' form (active sheet, 2-row merged heading, sub-bidang name in its own column, kegiatan name 'standard - detail'), 'Rekap Bidang' (5 bidang totals - not activities)")


# ---------------------------------------------------------------- 5
# SDGs Desa "Rekomendasi Kegiatan" / prioritas usulan list: no codes, SDGs goal column, year column
def f5():
    kode, tahun = "62.02.13.2009", 2025  # Bukit Raya, Cempaga Hulu
    it = [
        (1, "Desa Tanpa Kemiskinan", "Bantuan Langsung Tunai Dana Desa bagi keluarga miskin ekstrem", "Seluruh RT", "20 KPM", 72_000_000, "Dana Desa"),
        (2, "Desa Tanpa Kelaparan", "Pemberian makanan tambahan balita stunting", "Posyandu Anggrek", "35 balita", 21_000_000, "Dana Desa"),
        (4, "Pendidikan Desa Berkualitas", "Insentif guru PAUD dan TPA", "PAUD Bukit Raya", "6 orang x 12 bln", 28_800_000, "ADD"),
        (6, "Desa Layak Air Bersih dan Sanitasi", "Pipanisasi air bersih dari mata air Bukit Raya", "Dusun 2", "1.200 m", 148_650_000, "Dana Desa"),
        (8, "Pertumbuhan Ekonomi Desa Merata", "Penyertaan modal BUMDes Raya Sejahtera unit simpan pinjam", "BUMDes", "1 paket", 50_000_000, "Dana Desa"),
        (9, "Infrastruktur dan Inovasi Desa Sesuai Kebutuhan", "Peningkatan jalan desa (cor beton) Jl. Poros", "Jl. Poros RT 03", "200 m x 3 m", 196_300_000, "Dana Desa"),
        (18, "Kelembagaan Desa Dinamis dan Budaya Desa Adaptif", "Pembinaan lembaga adat dan ritual tiwah bersama", "Balai Adat", "1 kegiatan", 12_500_000, "PAD"),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Rekomendasi"
    ws["A1"] = "REKOMENDASI PRIORITAS KEGIATAN PEMBANGUNAN DESA BERBASIS SDGs DESA"
    ws["A2"] = "Desa Bukit Raya - Kecamatan Cempaga Hulu"
    ws["A3"] = "Dicetak: Senin, 3 Februari 2025 pukul 10.15 WIB"
    hdr = ["No", "Tujuan SDGs\nDesa ke-", "Nama Tujuan SDGs Desa", "Usulan Kegiatan", "Lokasi", "Volume", "Perkiraan\nBiaya (Rp)", "Sumber\nDana", "Tahun\nPelaksanaan"]
    ws.append([]); ws.append(hdr)
    for c in ws[5]:
        c.alignment = Alignment(wrap_text=True); c.font = Font(bold=True)
    rows = []
    for i, (g, tj, keg, lok, vol, a, sd) in enumerate(it, 1):
        ws.append([i, g, tj, keg, lok, vol, a, sd, tahun])
        rows.append({"anggaran": a})
    n = ws.max_row
    ws.append([None, None, None, "Total", None, None, f"=SUM(G6:G{n})", None, None])
    f = "Rekomendasi SDGs Desa - Bukit Raya 2025.xlsx"
    wb.save(os.path.join(OUT, f))
    add(f, kode, tahun, rows,
        "Kemendesa SDGs Desa: 18 tujuan SDGs Desa (Permendesa PDTT 21/2020) used as the rekomendasi/prioritas column of the RKP input; habit of printing the recommendation list from the SDGs Desa dashboard",
        "no kegiatan codes at all; SDGs goal number column (1-18) beside the name; year only as 'Tahun Pelaksanaan' column + a Dicetak weekday date line in the title; headings with line breaks; total as =SUM formula WITHOUT cached value (openpyxl writes none)")


# ---------------------------------------------------------------- 6
# Siskeudes-style realisasi kegiatan with Lebih/(Kurang) in parentheses, table starting at B,
# bidang rows merged across, progress %, dates 'Selasa, 5 Maret 2024'
def f6():
    kode, tahun = "62.02.17.2012", 2024  # Tumbang Puan, Telaga Antang
    it = [
        ("01.04.01.", "Selasa, 5 Maret 2024", 9_600_000, 9_600_000, 100),
        ("01.02.03.", "Senin, 3 Juni 2024", 84_350_000, 83_100_000, 100),
        ("02.03.10.", "Rabu, 10 Juli 2024", 245_000_000, 238_750_000, 100),
        ("02.06.01.", "Kamis, 8 Agustus 2024", 12_400_000, 12_400_000, 100),
        ("04.03.02.", "Jumat, 20 September 2024", 18_000_000, 16_200_000, 100),
        ("04.02.02.", "Selasa, 1 Oktober 2024", 45_000_000, 31_500_000, 70),
    ]
    def paren(n):
        return "-" if n == 0 else (f"({rp(-n)})" if n < 0 else rp(n))
    wb = Workbook(); ws = wb.active; ws.title = "Realisasi"
    ws["B1"] = "LAPORAN REALISASI PELAKSANAAN KEGIATAN"
    ws["B2"] = "DESA TUMBANG PUAN KECAMATAN TELAGA ANTANG"
    ws["B3"] = "TAHUN ANGGARAN 2024"
    ws.append([])
    ws.append([None, "Kode", "Nama Kegiatan", "Tanggal\nMulai", "Anggaran\n(Rp)", "Realisasi\n(Rp)", "Lebih/\n(Kurang)\n(Rp)", "Progres\nFisik (%)"])
    rows = []
    cur_b = None
    for k, tgl, a, r, p in it:
        b = str(int(k.split(".")[0]))
        if b != cur_b:
            ws.append([None, k[:3], KEG[b]["uraian"].upper()])
            ws.merge_cells(start_row=ws.max_row, start_column=3, end_row=ws.max_row, end_column=8)
            cur_b = b
        kk = ".".join(str(int(x)) for x in k.strip(".").split("."))
        kk = f"{kk.split('.')[0]}.{kk.split('.')[1]}.{int(k.split('.')[2]):02d}"
        ws.append([None, k, name(kk), tgl, rp(a), rp(r), paren(r - a), f"{p}%"])
        rows.append({"anggaran": a, "realisasi": r})
    A, R = sum(x[2] for x in it), sum(x[3] for x in it)
    ws.append([None, None, "JUMLAH", None, rp(A), rp(R), paren(R - A), None])
    f = "realisasi kegiatan 2024 tb puan.xlsx"
    wb.save(os.path.join(OUT, f))
    add(f, kode, tahun, rows,
        "Siskeudes Laporan Realisasi style 'Lebih/(Kurang)' = realisasi - anggaran with negatives in parentheses; habit of typing amounts as text '1.234.567'",
        "column A empty (table starts at B); bidang rows with a 3-char code '01.' merged across C:H; amounts as TEXT with dots; Lebih/(Kurang) negative in parentheses, '-' for zero; Indonesian weekday dates; 'Progres Fisik (%)' as '70%' text; village abbreviated 'tb puan' in file name",
        )


# ---------------------------------------------------------------- 7
# PDF-to-Excel conversion of an RKP/DU-RKP print: long names wrap into continuation rows,
# header repeated at page break, page footer 'Halaman 1 dari 2'
def f7():
    kode, tahun = "62.02.09.2005", 2025  # Makarti Jaya, Pulau Hanaut
    it = [
        ("02.03.10.", ["Peningkatan Jalan Desa Cor Beton", "Jalur Makarti Jaya - Bapinang"], "RT 01", "250 m", 231_400_000, "DD"),
        ("02.03.05.", ["Pembuatan Drainase/Parit Samping", "Jalan Poros Desa"], "RT 02", "400 m", 88_600_000, "DD"),
        ("04.02.06.", ["Pembangunan Saluran Irigasi Tersier", "Sawah Kelompok Tani Sido Makmur"], "Blok Sawah B", "600 m", 97_250_000, "DD"),
        ("02.02.02.", ["Penyelenggaraan Posyandu (PMT Balita,", "Kelas Bumil, Insentif Kader)"], "3 Posyandu", "12 bulan", 39_000_000, "ADD"),
        ("04.01.05.", ["Bantuan Bibit Ikan Patin dan Pakan"], "Pokdakan Mina Tani", "1 paket", 26_400_000, "DD"),
        ("02.04.93.", ["Pengadaan Lampu Penerangan Jalan", "Tenaga Surya"], "Jl. Poros", "12 titik", 90_000_000, "ADD"),
        ("03.03.06.", ["Pembinaan Karang Taruna"], "Desa", "1 tahun", 11_500_000, "PAD"),
    ]
    hdr = ["NO", "KODE", "NAMA KEGIATAN", "LOKASI", "VOLUME", "BIAYA (Rp)", "SUMBER DANA"]
    wb = Workbook(); ws = wb.active; ws.title = "Table 1"
    ws.append(["DAFTAR RENCANA KEGIATAN DESA MAKARTI JAYA"])
    ws.append(["KECAMATAN PULAU HANAUT TAHUN ANGGARAN 2025"])
    ws.append(hdr)
    rows = []
    for i, (k, nm, lok, vol, a, sd) in enumerate(it, 1):
        if i == 5:  # page break
            ws.append(["Halaman 1 dari 2"])
            ws.append(hdr)
        ws.append([i, k, nm[0], lok, vol, rp(a), sd])
        for extra in nm[1:]:
            ws.append([None, None, extra, None, None, None, None])
        rows.append({"anggaran": a})
    ws.append([None, None, "JUMLAH", None, None, rp(sum(x[4] for x in it)), None])
    ws.append(["Halaman 2 dari 2"])
    f = "RKP Makarti Jaya 2025 (converted).xlsx"
    wb.save(os.path.join(OUT, f))
    add(f, kode, tahun, rows,
        "habit: PDF print of an RKP list converted with an online PDF-to-Excel tool (sheet 'Table 1', wrapped cells split into continuation rows, header repeated per page, 'Halaman x dari y'); no public example found",
        "long kegiatan names split over 2 rows (continuation row has only the name cell); heading repeated after a page break; page footer lines; amounts as text")


# ---------------------------------------------------------------- R
def reject():
    kode, tahun = "62.02.08.2010", 2025  # Jaya Kelapa, Mentaya Hilir Selatan
    it = [("2.3.10", 184_500_000), ("2.3.05", 62_000_000), ("2.2.02", 38_400_000),
          ("2.4.11", 91_600_000), ("4.1.05", 29_000_000), ("3.4.03", 12_000_000)]
    wb = Workbook(); ws = wb.active; ws.title = "Kegiatan"
    ws.append(["DAFTAR KEGIATAN DESA JAYA KELAPA TAHUN 2025"]); ws.append([])
    ws.append(["No", "Kode Kegiatan", "Nama Kegiatan", "Pagu Anggaran (Rp)"])
    for i, (k, a) in enumerate(it, 1):
        ws.append([i, sis(k), name(k), a])
    s = sum(a for _, a in it)
    stated = s + 15_000_000
    ws.append([None, None, "JUMLAH", stated])
    f = "REJECT_daftar_kegiatan_Jaya_Kelapa_2025.xlsx"
    wb.save(os.path.join(OUT, f))
    add(f, kode, tahun, [{"anggaran": a} for _, a in it], "habit", "JUMLAH row disagrees with its lines",
        expect="reject", why=f"JUMLAH states {rp(stated)} but the 6 kegiatan add up to {rp(s)} (difference 15.000.000: a line is missing or the total is wrong)")


for fn in (f1, f2, f3, f4, f5, f6, f7, reject):
    fn()
json.dump(manifest, open(os.path.join(OUT, "manifest.json"), "w"), indent=1, ensure_ascii=False)
print(json.dumps([(m["file"], m["line_items"], m["anggaran_total"]) for m in manifest], indent=0))
