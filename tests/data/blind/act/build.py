"""Builds the fixtures of tests/unit/test_blind_act.py (run: python tests/data/blind/act/build.py).

Shapes from the s30 (trial 2) blind activity files; names, people and numbers are invented."""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent

(HERE / "rekap musdes tinduk 2024 (WA).csv").write_text("\n".join([
    "*REKAP MUSYAWARAH DESA TINDUK TH 2024*",
    "(dikirim via grup WA perangkat desa)",
    "No|Hari/Tanggal|Musyawarah|Tempat|Dipimpin|Undangan|Hadir",
    "1.|Selasa, 5 Maret 2024|Musdes Penetapan APBDes 2024|Balai Desa|Ketua BPD|30 org|L 12 / P 9",
    "2.|Jumat, 21 Juni 2024|Musdes Khusus BLT-DD|Aula Kantor Desa|Ketua BPD|25 org|L: 8, P: 13",
    "3.|Senin, 14 Oktober 2024|Musdes RKPDes 2025|Balai Desa|Wakil Ketua BPD|40 org|L 20 / P 15",
    "_Demikian, terima kasih_",
]) + "\n", encoding="utf-8")

(HERE / "activity_tracker_pelangsian_2024.csv").write_text("\n".join([
    "Village / Desa,Year / Tahun,Activity Code / Kode Kegiatan,Activity Name / Nama Kegiatan,"
    "Location (RT/RW),Volume,Unit / Satuan,Budget (Rp) / Pagu,Source of Funds / Sumber Dana,"
    "Physical Progress / Progres Fisik,Status",
    'Pelangsian,2024,2.3.10,Peningkatan Jalan Lingkungan,RT 01 / RW 01,"2,500",m,"205,000,000.00",Dana Desa,60%,In progress',
    'Pelangsian,2024,2.2.90,Sumur Bor Air Bersih,RT 03 / RW 02,2,unit,"96,500,000.00",Dana Desa,100%,Completed',
    'Pelangsian,2024,4.6.02,Pelatihan Pengurus BUM Desa,Balai Desa,1,kegiatan,"12,750,000.00",ADD,0%,Planned',
]) + "\n", encoding="utf-8")

book = Workbook()
sheet = book.active
sheet.title = "Inventaris"
for row in (
    ["BUKU INVENTARIS HASIL-HASIL PEMBANGUNAN"],
    ["DESA BAGENDANG PERMAI KECAMATAN MENTAYA HILIR UTARA"],
    ["TAHUN 2024"],
    [],
    ["NOMOR URUT", "JENIS/NAMA HASIL PEMBANGUNAN", "VOLUME", "BIAYA", "LOKASI", "KETERANGAN"],
    [1, 2, 3, 4, 5, 6],
    [1, "Pembangunan/Rehabilitas/Peningkatan/Pengerasan Jalan Desa", "300 m", 120000000, "RT 02", "Dana Desa"],
    [2, "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jembatan Milik Desa", "1 unit (8 x 1,5 m)", 45500000, "Dusun I", "Dana Desa"],
    [3, "Pembangunan/Rehabilitasi/Peningkatan/Pengadaan Sarana/Prasarana Posyandu/Polindes/PKD", "1 unit", 60000000, "RT 01", "ADD"],
    [],
    ["", "", "", "", "Kepala Desa Bagendang Permai"],
    ["", "", "", "", "(tanda tangan)"],
):
    sheet.append(row)
book.save(HERE / "Buku Inventaris Hasil Pembangunan Bagendang Permai 2024.xlsx")
