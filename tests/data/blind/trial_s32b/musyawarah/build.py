"""Build trial-6 musyawarah files + manifest.json (manifest computed from the data written)."""
import csv, io, json, zipfile, shutil, datetime as dt
from pathlib import Path
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, Border, Side
from openpyxl.utils import get_column_letter

OUT = Path(__file__).parent
D = dt.date
BULAN = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]
BLN3 = ["", "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
thin = Side(style="thin"); BOX = Border(left=thin, right=thin, top=thin, bottom=thin)
WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
manifest = []

def indo(d): return f"{d.day} {BULAN[d.month]} {d.year}"
def hari(d): return HARI[d.weekday()]

def add(file, kode, desa, tahun, ms, source, shape, **extra):
    held = [m for m in ms if m.get("tgl")]
    e = {"file": file, "record_type": "musyawarah", "kode_desa": kode, "desa": desa, "tahun": tahun,
         "line_items": len(held),
         "total_hadir": sum(m["L"] + m["P"] for m in held),
         "hadir_laki": sum(m["L"] for m in held),
         "hadir_perempuan": sum(m["P"] for m in held),
         "tanggal": [m["tgl"].isoformat() for m in held],
         "source": source, "shape": shape}
    e.update(extra); manifest.append(e)

def box(ws, r1, r2, c1, c2):
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            ws.cell(r, c).border = BOX

# ------------------------------------------------ M1 KoboToolbox CSV export (XML values+headers, ';')
def m1():
    kode, desa = "62.02.09.2012", "Penyaguan"
    ms = [
        dict(tgl=D(2024, 1, 16), jenis="musdes_apbdes", tempat="Balai Desa Penyaguan", L=23, P=11, unsur="bpd pemdes tokoh_agama tokoh_masyarakat kelompok_perempuan", hasil="APBDes TA 2024 disepakati untuk ditetapkan menjadi Perdes"),
        dict(tgl=D(2024, 2, 27), jenis="musdes_khusus", lain="Penetapan KPM BLT-DD 2024", tempat="Balai Desa Penyaguan", L=17, P=15, unsur="bpd pemdes tokoh_masyarakat kelompok_perempuan kelompok_miskin", hasil="18 KPM BLT-DD ditetapkan"),
        dict(tgl=D(2024, 6, 11), jenis="musdus", lain="Musdus RT 01-03", tempat="Langgar Al-Ikhlas RT 02", L=14, P=9, unsur="pemdes tokoh_agama tokoh_masyarakat kelompok_tani", hasil="6 usulan kegiatan untuk RKP Desa 2025"),
        dict(tgl=D(2024, 7, 9), jenis="musdes_rkpdes", tempat="Balai Desa Penyaguan", L=25, P=13, unsur="bpd pemdes tokoh_adat tokoh_agama tokoh_masyarakat kelompok_tani kelompok_perempuan", hasil="Rencana kegiatan RKP Desa 2025 disepakati"),
        dict(tgl=D(2024, 8, 20), jenis="musrenbangdes", tempat="Aula SDN 1 Penyaguan", L=28, P=14, unsur="bpd pemdes tokoh_adat tokoh_agama tokoh_masyarakat tokoh_pendidikan kelompok_tani kelompok_perempuan", hasil="Daftar usulan RKP Desa 2025 ditetapkan"),
        dict(tgl=D(2024, 10, 15), jenis="musdes_apbdes_perubahan", tempat="Balai Desa Penyaguan", L=20, P=9, unsur="bpd pemdes tokoh_masyarakat", hasil="Perubahan APBDes 2024 disepakati"),
    ]
    UNSUR = ["bpd", "pemdes", "tokoh_adat", "tokoh_agama", "tokoh_masyarakat", "tokoh_pendidikan",
             "kelompok_tani", "kelompok_perempuan", "kelompok_miskin"]
    head = (["start", "end", "today", "identitas/kecamatan", "identitas/desa",
             "musyawarah/jenis_musyawarah", "musyawarah/jenis_lainnya", "musyawarah/tanggal_musyawarah",
             "musyawarah/tempat", "peserta/jml_laki", "peserta/jml_perempuan", "peserta/jml_total",
             "peserta/unsur_hadir"] + [f"peserta/unsur_hadir/{u}" for u in UNSUR] +
            ["hasil/keputusan", "foto_ba", "foto_ba_URL", "_id", "_uuid", "_submission_time",
             "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index"])
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    w.writerow(head)
    uuids = ["3f1c9a2e-6b7d-4e0a-9c11-5a2f8d0b7e41", "a8d04b6c-2f3e-4b19-8e57-0c6d9f1a2b33",
             "5e7b2c90-1d4a-4f6e-b3a8-97c0e4d1f256", "c21f8e07-9a5b-4d3c-8f6e-1b2a7d9c0e84",
             "0b9e6d41-7c2a-4e8f-a5d3-6f1c8b2e9a07", "e4a7c3d2-8b1f-4a69-9d0e-2c5b7f8a1d63"]
    for i, m in enumerate(ms):
        t = m["tgl"]; sub = dt.datetime(t.year, t.month, t.day, 14, 12 + i, 5)
        st = f"{t.isoformat()}T09:{10+i:02d}:41.{120+i}+07:00"; en = f"{t.isoformat()}T13:{40+i:02d}:02.{300+i}+07:00"
        us = m["unsur"].split()
        w.writerow([st, en, t.isoformat(), "pulau_hanaut", "penyaguan", m["jenis"], m.get("lain", ""),
                    t.isoformat(), m["tempat"], m["L"], m["P"], m["L"] + m["P"], m["unsur"]] +
                   ["1" if u in us else "0" for u in UNSUR] +
                   [m["hasil"], f"IMG_{20240000+i*37}.jpg",
                    f"https://kc.kobotoolbox.org/media/original?media_file=pmd_kotim%2Fattachments%2F{uuids[i][:8]}%2FIMG_{20240000+i*37}.jpg",
                    318440120 + i * 3, uuids[i], sub.strftime("%Y-%m-%dT%H:%M:%S"), "", "", "submitted_via_web",
                    "operator_penyaguan", "vQm7Xh2aPzR9bT4kLc8sWd", "", i + 1])
    fn = "Laporan_Musyawarah_Desa_Penyaguan_-_latest_version_-_False_-_2025-01-06-02-14-37.csv"
    (OUT / fn).write_text(buf.getvalue(), encoding="utf-8")
    add(fn, kode, desa, 2024, ms,
        "KoboToolbox CSV export habit (donor/P3MD survey forms): ';' separator, group headers joined by '/', select_multiple as a space list plus one 0/1 column per choice, _id/_uuid/_submission_time/_index metadata (see rdrr.io/cran/KoboconnectR/man/kobo_df_download.html: fsep ';', grp_sep '/', multi_sel 'both')",
        "Kobo 'XML values and headers': headers like musyawarah/tanggal_musyawarah, peserta/jml_laki; jenis as XML choice names (musdes_apbdes, musdus, musdes_rkpdes, musrenbangdes...); village only as XML value 'penyaguan' in identitas/desa and in the file name; ISO dates; start/end ISO timestamps with +07:00; export timestamp in file name is 2025 while meetings are 2024; all cells quoted")

# ------------------------------------------------ M2 GEDSI/pra-musrenbang rekap kehadiran, data from column B, number row
def m2():
    kode, desa = "62.02.16.2010", "Cempaka Putih"
    ms = [
        dict(tgl=D(2025, 6, 10), jenis="Pra-Musrenbang: Penggalian Gagasan Dusun I", tempat="Rumah Kadus I", L=15, P=10, dis=1, mis=4, pem=3, ket="Form Pra-Musrenbang 1"),
        dict(tgl=D(2025, 6, 12), jenis="Pra-Musrenbang: Penggalian Gagasan Dusun II", tempat="Gedung Serbaguna Dusun II", L=13, P=9, dis=0, mis=3, pem=2, ket="Form Pra-Musrenbang 1"),
        dict(tgl=D(2025, 6, 14), jenis="Pra-Musrenbang: Musyawarah Kelompok Perempuan", tempat="Posyandu Melati", L=2, P=19, dis=1, mis=5, pem=4, ket="Form Pra-Musrenbang 2"),
        dict(tgl=D(2025, 7, 3), jenis="Musdes Pencermatan RPJM Desa", tempat="Balai Desa Cempaka Putih", L=21, P=11, dis=1, mis=2, pem=3, ket=""),
        dict(tgl=D(2025, 8, 14), jenis="Musrenbangdes Penyusunan RKP Desa Tahun 2026", tempat="Balai Desa Cempaka Putih", L=27, P=16, dis=2, mis=4, pem=5, ket="Delegasi ke Musrenbang Kecamatan: 3 orang"),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Form 5 Rekap Kehadiran"
    ws["B1"] = "FORM 5"; ws["B1"].font = Font(italic=True)
    ws["B2"] = "REKAPITULASI KEHADIRAN PESERTA PRA-MUSRENBANG DAN MUSYAWARAH DESA"
    ws["B3"] = f"DESA {desa.upper()} KECAMATAN TUALAN HULU KABUPATEN KOTAWARINGIN TIMUR"
    ws["B4"] = "TAHUN 2025"
    for r in (2, 3, 4):
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=12)
        ws.cell(r, 2).alignment = Alignment(horizontal="center"); ws.cell(r, 2).font = Font(bold=True)
    r1, r2 = 6, 7
    singles = {2: "No", 3: "Tahapan / Jenis Musyawarah", 4: "Hari/Tanggal", 5: "Tempat", 12: "Keterangan"}
    for c, t in singles.items():
        ws.cell(r1, c, t); ws.merge_cells(start_row=r1, start_column=c, end_row=r2, end_column=c)
    ws.cell(r1, 6, "Jumlah Peserta Hadir"); ws.merge_cells(start_row=r1, start_column=6, end_row=r1, end_column=8)
    ws.cell(r1, 9, "Dari Jumlah Hadir, Kelompok Rentan"); ws.merge_cells(start_row=r1, start_column=9, end_row=r1, end_column=11)
    for c, t in zip(range(6, 12), ["Laki-laki", "Perempuan", "Jumlah", "Penyandang Disabilitas", "Warga Miskin", "Pemuda"]):
        ws.cell(r2, c, t)
    for c in range(2, 13):
        ws.cell(8, c, c - 1).alignment = Alignment(horizontal="center")   # column-number row 1..11
        ws.cell(8, c).font = Font(italic=True, size=8)
    for r in (r1, r2):
        for c in range(2, 13): ws.cell(r, c).alignment = WRAP; ws.cell(r, c).font = Font(bold=True)
    r = 9
    for i, m in enumerate(ms, 1):
        vals = [i, m["jenis"], m["tgl"], m["tempat"], m["L"], m["P"], m["L"] + m["P"], m["dis"], m["mis"], m["pem"], m["ket"]]
        for c, v in enumerate(vals, 2):
            ws.cell(r, c, v)
        ws.cell(r, 4).number_format = '[$-421]dddd, dd mmmm yyyy'
        r += 1
    ws.cell(r, 2, "JUMLAH"); ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
    for c, k in zip(range(6, 12), ["L", "P", None, "dis", "mis", "pem"]):
        ws.cell(r, c, sum((m["L"] + m["P"]) if k is None else m[k] for m in ms)).font = Font(bold=True)
    box(ws, r1, r, 2, 12)
    ws.cell(r + 2, 9, "Cempaka Putih, 20 Agustus 2025")
    ws.cell(r + 3, 9, "Ketua Tim Penyusun RKP Desa")
    ws.cell(r + 7, 9, "YOHANES SAMPUR")
    widths = {1: 3, 2: 5, 3: 42, 4: 26, 5: 26, 6: 10, 7: 10, 8: 9, 9: 12, 10: 10, 11: 9, 12: 30}
    for c, wd in widths.items(): ws.column_dimensions[get_column_letter(c)].width = wd
    fn = "Rekap Kehadiran Pra-Musrenbang Cempaka Putih 2025.xlsx"
    wb.save(OUT / fn)
    add(fn, kode, desa, 2025, ms,
        "Pra-Musrenbang / musrenbangdes facilitation forms (FPPM 'Panduan Penyelenggaraan Musrenbang Desa' 2008, pdfcoffee.com/musrenbang-desa-bab-2-pdf-free.html: pra-musrenbang, kelompok perempuan, kelompok miskin; Form numbering habit 'FORM 5')",
        "column A empty, table starts at B6; 'FORM 5' label above the title; two-row merged heading 'Jumlah Peserta Hadir' (Laki-laki/Perempuan/Jumlah) and 'Dari Jumlah Hadir, Kelompok Rentan' (Disabilitas/Warga Miskin/Pemuda: subsets, not additional people); a column-number row 1..11 under the heading; real date cells shown '[$-421]dddd, dd mmmm yyyy'; JUMLAH row merged B:E; signature block")

# ------------------------------------------------ M3 BPD rapat, one sheet per triwulan + cover sheet
def m3():
    kode, desa = "62.02.04.2012", "Bandar Agung"
    tw = {
        "TW I": [dict(tgl=D(2024, 1, 8), jenis="Rapat Paripurna BPD", agenda="Pembahasan Rancangan Perdes APBDes 2024", L=5, P=2, und=3),
                 dict(tgl=D(2024, 1, 22), jenis="Musyawarah Desa", agenda="Penetapan APBDes TA 2024", L=24, P=10, und=0)],
        "TW II": [dict(tgl=D(2024, 4, 4), jenis="Rapat Kerja BPD dengan Pemdes", agenda="Evaluasi LPPD Kepala Desa TA 2023", L=6, P=3, und=0),
                  dict(tgl=D(2024, 6, 25), jenis="Rapat Rutin BPD", agenda="Menampung aspirasi masyarakat Dusun Sumber Rejo", L=4, P=2, und=0)],
        "TW III": [dict(tgl=D(2024, 7, 16), jenis="Musyawarah Desa", agenda="Penyusunan RKP Desa 2025", L=26, P=12, und=0),
                   dict(tgl=D(2024, 9, 10), jenis="Rapat Pimpinan BPD", agenda="Persiapan Musdes Perubahan APBDes", L=2, P=1, und=0)],
        "TW IV": [dict(tgl=D(2024, 10, 8), jenis="Musyawarah Desa", agenda="Perubahan APBDes TA 2024", L=21, P=9, und=0),
                  dict(tgl=D(2024, 12, 17), jenis="Rapat Paripurna BPD", agenda="Laporan Kinerja BPD Tahun 2024", L=5, P=2, und=2)],
    }
    ROM = {"TW I": "I", "TW II": "II", "TW III": "III", "TW IV": "IV"}
    wb = Workbook(); cv = wb.active; cv.title = "Cover"
    cv["B4"] = "LAPORAN KEGIATAN RAPAT"; cv["B5"] = "BADAN PERMUSYAWARATAN DESA (BPD)"
    cv["B6"] = f"DESA {desa.upper()}"; cv["B7"] = "KECAMATAN PARENGGEAN"; cv["B8"] = "KABUPATEN KOTAWARINGIN TIMUR"
    cv["B10"] = "TAHUN 2024"
    for r in range(4, 11): cv.cell(r, 2).font = Font(bold=True, size=14)
    allm = []
    for name, ms in tw.items():
        ws = wb.create_sheet(name)
        ws["A1"] = f"DAFTAR RAPAT BPD DESA {desa.upper()}"
        ws["A2"] = f"TRIWULAN {ROM[name]} TAHUN 2024"
        ws.merge_cells("A1:I1"); ws.merge_cells("A2:I2")
        heads = ["No", "Tanggal", "Jenis Rapat", "Agenda / Pokok Bahasan", "Hadir L", "Hadir P", "Undangan Lain", "Jumlah Hadir", "Keputusan / Tindak Lanjut"]
        for c, h in enumerate(heads, 1):
            ws.cell(4, c, h).font = Font(bold=True); ws.cell(4, c).alignment = WRAP
        for i, m in enumerate(ms, 1):
            m["L"] += 0
            tot = m["L"] + m["P"] + m["und"]
            # undangan counted inside L/P? no: 'Undangan Lain' are guests; make them part of L so L+P = Jumlah
            vals = [i, m["tgl"], m["jenis"], m["agenda"], m["L"], m["P"], m["und"] or "-", m["L"] + m["P"], "Disepakati"]
            for c, v in enumerate(vals, 1): ws.cell(4 + i, c, v)
            ws.cell(4 + i, 2).number_format = "dd/mm/yyyy"
        box(ws, 4, 4 + len(ms), 1, 9)
        ws.cell(7 + len(ms), 6, f"Bandar Agung, {indo(ms[-1]['tgl'])}")
        ws.cell(8 + len(ms), 6, "Sekretaris BPD")
        ws.cell(11 + len(ms), 6, "SRI WAHYUNINGSIH")
        for c, wd in zip("ABCDEFGHI", [5, 12, 30, 44, 8, 8, 10, 9, 24]): ws.column_dimensions[c].width = wd
        allm += ms
    fn = "Laporan Rapat BPD Bandar Agung 2024 per Triwulan.xlsx"
    wb.save(OUT / fn)
    add(fn, kode, desa, 2024, allm,
        "BPD reporting habit: Permendagri 110/2016 (rapat BPD rutin tiap 3 bulan; laporan kinerja BPD, cf. pdfcoffee.com/contoh-laporan-kinerja-bpd-5-pdf-free.html; artikeltop.xyz 'Rapat Paripurna / Pimpinan / Kerja')",
        "first sheet is a Cover with no table; data in 4 sheets 'TW I'..'TW IV' (2 meetings each, same layout, own title and signature each); 'Undangan Lain' column is informational (guests, already counted in L/P), '-' when none; mix of BPD internal meetings and Musyawarah Desa",
        per_sheet={k: len(v) for k, v in tw.items()})

# ------------------------------------------------ M4 Jadwal vs realisasi, ';' CSV UTF-8 BOM, yyyy/mm/dd text dates, one postponed row
def m4():
    kode, desa = "62.02.03.2007", "Satiung"
    ms = [
        dict(jenis="Musdes Penetapan APBDes 2024", rencana="Januari", tgl=D(2024, 1, 25), tempat="Balai Desa Satiung", und=40, L=22, P=11, status="Terlaksana"),
        dict(jenis="Musdes Khusus Penetapan KPM BLT-DD", rencana="Februari", tgl=D(2024, 2, 20), tempat="Balai Desa Satiung", und=35, L=16, P=13, status="Terlaksana"),
        dict(jenis="Musdus Dusun Satiung Hulu", rencana="Juni", tgl=D(2024, 7, 2), tempat="Rumah Kadus", und=30, L=15, P=7, status="Terlaksana (mundur dari Juni)"),
        dict(jenis="Musdus Dusun Satiung Hilir", rencana="Juni", tgl=D(2024, 7, 4), tempat="Langgar Nurul Iman", und=30, L=13, P=8, status="Terlaksana (mundur dari Juni)"),
        dict(jenis="Musdes Penyusunan RKP Desa 2025", rencana="Juli", tgl=D(2024, 7, 30), tempat="Balai Desa Satiung", und=45, L=25, P=12, status="Terlaksana"),
        dict(jenis="Musdes Khusus Pendirian BUMDes", rencana="Oktober", tgl=None, tempat="Balai Desa Satiung", und=40, L=0, P=0, status="Ditunda ke TA 2025"),
        dict(jenis="Musdes Perubahan APBDes 2024", rencana="Oktober", tgl=D(2024, 10, 17), tempat="Balai Desa Satiung", und=40, L=20, P=10, status="Terlaksana"),
    ]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow([f"JADWAL DAN REALISASI PELAKSANAAN MUSYAWARAH DESA {desa.upper()} TAHUN 2024"] + [""] * 9)
    w.writerow(["Kecamatan Mentaya Hulu"] + [""] * 9)
    w.writerow([""] * 10)
    w.writerow(["No", "Jenis Musyawarah", "Rencana (Bulan)", "Tanggal Pelaksanaan", "Tempat", "Jumlah Undangan", "Hadir L", "Hadir P", "Jumlah Hadir", "Status"])
    for i, m in enumerate(ms, 1):
        t = m["tgl"].strftime("%Y/%m/%d") if m["tgl"] else "-"
        held = m["tgl"] is not None
        w.writerow([i, m["jenis"], m["rencana"], t, m["tempat"], m["und"], m["L"] if held else "-",
                    m["P"] if held else "-", (m["L"] + m["P"]) if held else "-", m["status"]])
    fn = "jadwal_realisasi_musdes_satiung_2024.csv"
    (OUT / fn).write_text("\ufeff" + buf.getvalue(), encoding="utf-8")
    add(fn, kode, desa, 2024, ms,
        "habit, no public example found: a sekdes' 'jadwal & realisasi' tracker kept for the camat's monitoring (plan month next to actual date), saved as CSV from Excel with the Indonesian list separator ';'",
        "UTF-8 with BOM, ';', title+kecamatan rows padded with ';'; 'Rencana (Bulan)' (planned month, no year) beside 'Tanggal Pelaksanaan' as text yyyy/mm/dd; one planned meeting NOT held (row 6: date '-', counts '-', Status 'Ditunda ke TA 2025') — 6 meetings held; Status free text")

# ------------------------------------------------ M5 WPS xlsx: date+time in one text cell, NBSP counts, wrapped headings
def m5():
    kode, desa = "62.02.01.2007", "Camba"
    ms = [
        dict(tgl=D(2024, 1, 30), jam="09.00", jenis="Musyawarah Desa Penetapan APBDes Tahun Anggaran 2024", tempat="Balai Desa Camba", L=21, P=11, pim="Ketua BPD (Darius Ampung)", hasil="APBDes 2024 disepakati"),
        dict(tgl=D(2024, 3, 5), jam="09.00", jenis="Musyawarah Desa Khusus (Musdesus) Validasi Data KPM BLT Dana Desa", tempat="Balai Desa Camba", L=19, P=14, pim="Ketua BPD (Darius Ampung)", hasil="20 KPM disahkan, 2 diganti"),
        dict(tgl=D(2024, 5, 18), jam="19.30", jenis="Musyawarah Dusun (Musdus) Dusun II", tempat="Rumah Bapak Kadus II", L=17, P=6, pim="Kadus II (Eben Haezer)", hasil="8 usulan dusun"),
        dict(tgl=D(2024, 7, 23), jam="08.30", jenis="Musrenbang Desa RKP Desa Tahun 2025", tempat="Aula Kantor Desa Camba", L=28, P=15, pim="Ketua BPD (Darius Ampung)", hasil="RKP Desa 2025 disepakati"),
        dict(tgl=D(2024, 11, 12), jam="13.30", jenis="Musyawarah Desa Pertanggungjawaban dan Perubahan APBDes", tempat="Balai Desa Camba", L=22, P=10, pim="Wakil Ketua BPD (Lusiana)", hasil="Perubahan APBDes 2024 disepakati"),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Sheet1"
    ws["A1"] = "DAFTAR PELAKSANAAN MUSYAWARAH"; ws["A2"] = f"DESA {desa.upper()} KECAMATAN KOTA BESI"; ws["A3"] = "TAHUN ANGGARAN 2024"
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=8)
        ws.cell(r, 1).alignment = Alignment(horizontal="center"); ws.cell(r, 1).font = Font(bold=True, size=12)
    heads = ["No.", "Hari, Tanggal\ndan Waktu", "Nama / Jenis\nMusyawarah", "Tempat", "Jumlah\nPeserta\n(orang)",
             "Di antaranya\nPerempuan", "Pimpinan\nMusyawarah", "Hasil /\nKeputusan"]
    for c, h in enumerate(heads, 1):
        ws.cell(5, c, h).alignment = WRAP; ws.cell(5, c).font = Font(bold=True)
    ws.row_dimensions[5].height = 48
    NB = "\u00a0"
    for i, m in enumerate(ms, 1):
        t = m["tgl"]
        vals = [f"{i}.", f"{hari(t)}, {indo(t)} pukul {m['jam']} WIB", m["jenis"], m["tempat"],
                f"{m['L'] + m['P']}{NB}orang", f"{m['P']}{NB}org", m["pim"], m["hasil"]]
        for c, v in enumerate(vals, 1):
            ws.cell(5 + i, c, v).alignment = Alignment(wrap_text=True, vertical="top")
    n = len(ms)
    box(ws, 5, 5 + n, 1, 8)
    ws.cell(8 + n, 6, f"Camba, 30 Desember 2024"); ws.cell(9 + n, 6, "Sekretaris Desa,"); ws.cell(13 + n, 6, "MARIATI, S.Pd")
    for c, wd in zip("ABCDEFGH", [5, 30, 40, 24, 10, 12, 26, 28]): ws.column_dimensions[c].width = wd
    fn = "Daftar Musyawarah Desa Camba TA 2024.xlsx"
    p = OUT / fn; wb.save(p)
    # re-stamp as saved by WPS Office (docProps/app.xml Application), as many desa laptops use WPS
    tmp = p.with_suffix(".tmp")
    with zipfile.ZipFile(p) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for it in zin.infolist():
            data = zin.read(it.filename)
            if it.filename == "docProps/app.xml":
                data = data.replace(b"Microsoft Excel", b"WPS Spreadsheets")
            zout.writestr(it, data)
    shutil.move(tmp, p)
    add(fn, kode, desa, 2024, ms,
        "habit: WPS Spreadsheets on desa laptops; 'Hari/Tanggal ... pukul 09.00 WIB' as written in undangan/notulen (Wangunsari notulen fields in reference/musdes_berita_acara_fields.csv)",
        "day+date+time in ONE text cell 'Selasa, 5 Maret 2024 pukul 09.00 WIB' under heading 'Hari, Tanggal\\ndan Waktu'; counts as text with NO-BREAK SPACE ('33\\u00a0orang', '14\\u00a0org'); only total and women given (men = total - women); headings with line breaks; 'No.' as '1.' text; docProps Application 'WPS Spreadsheets'")

# ------------------------------------------------ M6 stacked notulen blocks (key : value), several meetings in one sheet
def m6():
    kode, desa = "62.02.13.2010", "Selucing"
    ms = [
        dict(no="01/NOT-MD/SLC/I/2023", tgl=D(2023, 1, 19), jam="09.00 WIB s.d. selesai", acara="Musyawarah Desa Penetapan APBDes Tahun Anggaran 2023", tempat="Balai Desa Selucing", pim="Agustinus Rangka (Ketua BPD)", notulis="Yuliana (Anggota BPD)", und=35, L=20, P=9, hasil="APBDes TA 2023 disepakati dengan ketuk palu 3 kali"),
        dict(no="02/NOT-MD/SLC/II/2023", tgl=D(2023, 2, 16), jam="13.30 WIB s.d. selesai", acara="Musyawarah Desa Khusus Penetapan KPM BLT-DD Tahun 2023", tempat="Balai Desa Selucing", pim="Agustinus Rangka (Ketua BPD)", notulis="Yuliana (Anggota BPD)", und=30, L=19, P=8, hasil="16 KPM BLT-DD ditetapkan"),
        dict(no="03/NOT-MD/SLC/VII/2023", tgl=D(2023, 7, 27), jam="09.00 WIB s.d. selesai", acara="Musyawarah Desa Penyusunan RKP Desa Tahun 2024", tempat="Gedung Serbaguna Desa Selucing", pim="Agustinus Rangka (Ketua BPD)", notulis="Hendrikus (Sekretaris BPD)", und=45, L=26, P=14, hasil="Rancangan RKP Desa 2024 disepakati, 11 kegiatan prioritas"),
        dict(no="04/NOT-MD/SLC/X/2023", tgl=D(2023, 10, 5), jam="10.00 WIB s.d. selesai", acara="Musyawarah Desa Perubahan APBDes Tahun Anggaran 2023", tempat="Balai Desa Selucing", pim="Maria Goreti (Wakil Ketua BPD)", notulis="Hendrikus (Sekretaris BPD)", und=35, L=18, P=10, hasil="Perubahan APBDes 2023 disepakati"),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Notulen 2023"
    ws["A1"] = "KUMPULAN NOTULEN MUSYAWARAH DESA"; ws["A2"] = f"DESA {desa.upper()} KECAMATAN CEMPAGA HULU"; ws["A3"] = "TAHUN 2023"
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4); ws.cell(r, 1).font = Font(bold=True, size=12)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
    r = 5
    for k, m in enumerate(ms, 1):
        ws.cell(r, 1, f"NOTULEN {k}").font = Font(bold=True); ws.cell(r, 2, f"Nomor: {m['no']}"); r += 1
        t = m["tgl"]
        kv = [("Hari / Tanggal", f"{hari(t)}, {indo(t)}"), ("Waktu", m["jam"]), ("Tempat", m["tempat"]),
              ("Acara", m["acara"]), ("Pimpinan Rapat", m["pim"]), ("Notulis", m["notulis"]),
              ("Jumlah Undangan", f"{m['und']} orang"),
              ("Peserta Hadir", f"{m['L'] + m['P']} orang (Laki-laki {m['L']}, Perempuan {m['P']})"),
              ("Kesimpulan / Keputusan", m["hasil"])]
        for key, val in kv:
            ws.cell(r, 1, key); ws.cell(r, 2, ":"); ws.cell(r, 3, val); r += 1
        r += 2
    ws.cell(r, 3, "Selucing, 29 Desember 2023"); ws.cell(r + 1, 3, "Sekretaris BPD"); ws.cell(r + 5, 3, "HENDRIKUS")
    ws.column_dimensions["A"].width = 24; ws.column_dimensions["B"].width = 3; ws.column_dimensions["C"].width = 70
    fn = "Notulen Musdes Selucing 2023.xlsx"
    wb.save(OUT / fn)
    add(fn, kode, desa, 2023, ms,
        "Wangunsari NOTULEN fields (reference/musdes_berita_acara_fields.csv: Hari/Tanggal, Waktu '08.00 s/d selesai', Tempat, Pimpinan, Notulen, jumlah undangan/hadir, keputusan 'ketuk palu 3 kali'); habit of keeping all notulen of the year in one sheet one below the other",
        "no table: 4 stacked key ':' value blocks, each headed 'NOTULEN k' + 'Nomor: 01/NOT-MD/SLC/I/2023' (Roman month in the document number); 'Peserta Hadir' as '29 orang (Laki-laki 20, Perempuan 9)'; 'Jumlah Undangan' as '35 orang'; Waktu '09.00 WIB s.d. selesai'; colon in its own column")

# ------------------------------------------------ M7 Excel 'Unicode Text' (UTF-16LE TSV) with Indonesian dd-mmm-yy dates
def m7():
    kode, desa = "62.02.08.2007", "Samuda Kecil"
    ms = [
        dict(tgl=D(2024, 1, 11), jenis="Musdes APBDes 2024", lok="Kantor Desa", L=24, P=12, ket="Penetapan"),
        dict(tgl=D(2024, 3, 14), jenis="Musdes Khusus BLT-DD", lok="Kantor Desa", L=15, P=16, ket="Validasi KPM"),
        dict(tgl=D(2024, 5, 8), jenis="Musdus RT 01-04", lok="Musholla Al-Amin", L=18, P=7, ket=""),
        dict(tgl=D(2024, 5, 10), jenis="Musdus RT 05-08", lok="Rumah Ketua RT 06", L=16, P=9, ket=""),
        dict(tgl=D(2024, 8, 22), jenis="Musrenbangdes RKP 2025", lok="Aula Kantor Desa", L=30, P=14, ket="Pemutakhiran RPJMDes"),
        dict(tgl=D(2024, 10, 9), jenis="Musdes Perubahan APBDes", lok="Kantor Desa", L=21, P=10, ket=""),
        dict(tgl=D(2024, 12, 12), jenis="Musdes Evaluasi Kinerja Kades", lok="Kantor Desa", L=19, P=8, ket="LPPD Akhir Tahun"),
    ]
    lines = [f"Rekap Musyawarah Desa Samuda Kecil Tahun 2024" + "\t" * 7, "\t" * 7,
             "\t".join(["No", "Tanggal", "Kegiatan Musyawarah", "Lokasi", "Laki-laki", "Perempuan", "Total", "Keterangan"])]
    for i, m in enumerate(ms, 1):
        t = m["tgl"]
        lines.append("\t".join([str(i), f"{t.day:02d}-{BLN3[t.month]}-{t.year % 100:02d}", m["jenis"], m["lok"],
                                str(m["L"]), str(m["P"]), str(m["L"] + m["P"]), m["ket"]]))
    lines.append("\t".join(["", "", "Total", "", str(sum(m["L"] for m in ms)), str(sum(m["P"] for m in ms)),
                            str(sum(m["L"] + m["P"] for m in ms)), ""]))
    fn = "rekap musdes samuda kecil 2024.txt"
    (OUT / fn).write_bytes(b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))
    add(fn, kode, desa, 2024, ms,
        "Excel 'Save As > Unicode Text (*.txt)' habit: UTF-16LE with BOM, TAB separated, CRLF, dates written as displayed in the id-ID locale format dd-mmm-yy",
        ".txt extension; UTF-16LE; title row padded with tabs; Indonesian month abbreviations 'Mei', 'Agu', 'Okt', 'Des' with 2-digit year ('22-Agu-24'); Total row at the end; village only in the title and file name")

# ------------------------------------------------ R1 reject: JUMLAH row disagrees with the meeting rows
def r1():
    kode, desa = "62.02.15.2010", "Tumbang Tawan"
    ms = [
        dict(tgl=D(2024, 1, 24), jenis="Musdes Penetapan APBDes 2024", tempat="Balai Desa", L=22, P=12),
        dict(tgl=D(2024, 3, 6), jenis="Musdes Khusus BLT-DD", tempat="Balai Desa", L=16, P=14),
        dict(tgl=D(2024, 6, 19), jenis="Musdus Dusun I", tempat="Rumah Kadus I", L=15, P=8),
        dict(tgl=D(2024, 7, 24), jenis="Musdes RKP Desa 2025", tempat="Balai Desa", L=26, P=13),
        dict(tgl=D(2024, 10, 16), jenis="Musdes Perubahan APBDes 2024", tempat="Balai Desa", L=19, P=11),
    ]
    wb = Workbook(); ws = wb.active; ws.title = "Rekap"
    ws["A1"] = f"REKAP MUSYAWARAH DESA {desa.upper()} KECAMATAN BUKIT SANTUAI TAHUN 2024"
    heads = ["No", "Tanggal", "Jenis Musyawarah", "Tempat", "Laki-laki", "Perempuan", "Jumlah Hadir"]
    for c, h in enumerate(heads, 1): ws.cell(3, c, h).font = Font(bold=True)
    for i, m in enumerate(ms, 1):
        for c, v in enumerate([i, m["tgl"], m["jenis"], m["tempat"], m["L"], m["P"], m["L"] + m["P"]], 1):
            ws.cell(3 + i, c, v)
        ws.cell(3 + i, 2).number_format = "dd/mm/yyyy"
    sL = sum(m["L"] for m in ms); sP = sum(m["P"] for m in ms)
    bad = (sL + 6, sP + 3, sL + sP + 9)
    r = 4 + len(ms)
    ws.cell(r, 3, "JUMLAH")
    for c, v in zip((5, 6, 7), bad): ws.cell(r, c, v)
    fn = "rekap_musdes_tumbang_tawan_2024_REJECT.xlsx"
    wb.save(OUT / fn)
    add(fn, kode, desa, 2024, ms, "constructed reject", "plain rekap with a JUMLAH row",
        expect="reject",
        why=f"JUMLAH row (row {r}) says L {bad[0]}, P {bad[1]}, hadir {bad[2]} but the 5 meeting rows add up to L {sL}, P {sP}, hadir {sL + sP}: a total that disagrees with its lines (a row was corrected after the total was typed)")

for f in (m1, m2, m3, m4, m5, m6, m7, r1): f()
(OUT / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
print("\n".join(m["file"] for m in manifest))
